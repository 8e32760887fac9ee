package data

import (
	"context"
	"database/sql"
	"fmt"
)

// EventDetails is what is shown of one event when it is selected: the event,
// its actors' names, the quotes and sources behind it and how many sources
// support and dispute it.
type EventDetails struct {
	Event   Event
	Actors  []string // the names of Event.Actors, in their order
	Quotes  []QuoteRef
	Sources []SourceRef
	Claims  Claims
}

// EventDetails reads event id and what is shown with it in one read
// transaction, so that they agree: a change another window or program makes
// meanwhile is seen whole or not at all. The error wraps ErrNotFound if there
// is no such event.
func (s *Store) EventDetails(ctx context.Context, id int64) (EventDetails, error) {
	var d EventDetails
	err := s.snapshot(ctx, func(r reader) error {
		var err error
		if d.Event, err = r.event(ctx, id); err != nil {
			return err
		}
		if d.Actors, err = r.actorNamesOfEvent(ctx, id); err != nil {
			return err
		}
		if d.Quotes, err = r.quotesOfEvent(ctx, id); err != nil {
			return err
		}
		if d.Sources, err = r.sourcesOfEvent(ctx, id); err != nil {
			return err
		}
		d.Claims, err = r.claimsOfEvent(ctx, id)
		return err
	})
	if err != nil {
		return EventDetails{}, fmt.Errorf("data.EventDetails: %w", err)
	}
	return d, nil
}

// snapshot runs read with a reader whose queries all see the document as it
// was when the first of them ran: they share one connection and one read
// transaction, which is rolled back at the end (it writes nothing).
func (s *Store) snapshot(ctx context.Context, read func(r reader) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	// A deferred transaction takes no lock until it reads, and then only a
	// shared one: writers are not held up, and it works on a read-only file.
	if _, err := conn.ExecContext(ctx, `BEGIN DEFERRED`); err != nil {
		return err
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `ROLLBACK`)
	return read(reader{conn})
}

// actorNamesOfEvent returns the names of event id's actors, in the order of
// Event.Actors (by actor id).
func (r reader) actorNamesOfEvent(ctx context.Context, id int64) ([]string, error) {
	var names []string
	err := r.eachRow(ctx, `SELECT a.name FROM event_actor ea JOIN actor a ON a.id = ea.actor_id
		WHERE ea.event_id = ? ORDER BY ea.actor_id`, []any{id}, func(row *sql.Rows) error {
		var name string
		if err := row.Scan(&name); err != nil {
			return err
		}
		names = append(names, name)
		return nil
	})
	return names, err
}

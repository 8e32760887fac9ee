package data

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// Span is the part of an event the timeline needs to place and draw it, in
// a compact form: no texts. A document's spans are read at open; titles and
// everything else are read when they are needed.
type Span struct {
	ID             int64
	LaneID         int64
	Start          Time
	End            Time // zero for a point event
	EarliestStart  int64
	LatestEnd      int64 // with EarliestStart: the whole extent, as Event.Extent
	StartUncertain bool
	EndUncertain   bool
	Status         ClaimStatus
}

// HasEnd reports whether s is a range.
func (s Span) HasEnd() bool { return !s.End.IsZero() }

// spanBatch is how many rows Spans reads between progress reports.
const spanBatch = 50_000

// Spans returns every event's span, ordered by start and id. It reads
// through a covering index, so a large document's texts are never read.
// progress, if not nil, is called
// now and then with the rows read and the total; ctx cancels the read.
func (s *Store) Spans(ctx context.Context, progress func(done, total int)) ([]Span, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM event`).Scan(&total); err != nil {
		return nil, fmt.Errorf("data.Spans: %w", err)
	}
	// Every column read is in the event_span index: SQLite reads the index
	// alone, in start order, and never the table with its texts.
	rows, err := s.db.QueryContext(ctx, `SELECT id, lane_id, start, start_precision, "end", end_precision,
		earliest_start, latest_end, start_uncertain, end_uncertain, status FROM event ORDER BY start`)
	if err != nil {
		return nil, fmt.Errorf("data.Spans: %w", err)
	}
	defer rows.Close()
	out := make([]Span, 0, total)
	var end, endPrec, earliest, latest sql.NullInt64
	var status string
	for rows.Next() {
		var sp Span
		if err := rows.Scan(&sp.ID, &sp.LaneID, &sp.Start.Unix, &sp.Start.Precision, &end, &endPrec,
			&earliest, &latest, &sp.StartUncertain, &sp.EndUncertain, &status); err != nil {
			return nil, fmt.Errorf("data.Spans: %w", err)
		}
		if end.Valid {
			sp.End = Time{Unix: end.Int64, Precision: Precision(endPrec.Int64)}
		}
		sp.Status = internStatus(status)
		ev := Event{Start: sp.Start, End: sp.End}
		if earliest.Valid {
			ev.EarliestStart = &earliest.Int64
		}
		if latest.Valid {
			ev.LatestEnd = &latest.Int64
		}
		sp.EarliestStart, sp.LatestEnd = ev.Extent()
		out = append(out, sp)
		if len(out)%spanBatch == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("data.Spans: %w", err)
			}
			if progress != nil {
				progress(len(out), total)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("data.Spans: %w", err)
	}
	slices.SortFunc(out, func(a, b Span) int {
		return cmp.Or(cmp.Compare(a.Start.Unix, b.Start.Unix), cmp.Compare(a.ID, b.ID))
	})
	if progress != nil {
		progress(len(out), max(total, len(out)))
	}
	return out, nil
}

// internStatus returns the ClaimStatus constant equal to s, so a million
// spans share four strings.
func internStatus(s string) ClaimStatus {
	for _, c := range []ClaimStatus{StatusReported, StatusConfirmed, StatusDisputed, StatusExpected} {
		if string(c) == s {
			return c
		}
	}
	return ClaimStatus(s)
}

// Titles calls fn with every event's id and title, in storage order, in
// batches of at most batch (at least 1), until done or fn returns false. ctx
// cancels it.
func (s *Store) Titles(ctx context.Context, batch int, fn func(ids []int64, titles []string) bool) error {
	rows, err := s.db.QueryContext(ctx, `SELECT id, title FROM event`)
	if err != nil {
		return fmt.Errorf("data.Titles: %w", err)
	}
	defer rows.Close()
	batch = max(batch, 1)
	ids, titles := make([]int64, 0, batch), make([]string, 0, batch)
	for rows.Next() {
		var id int64
		var title string
		if err := rows.Scan(&id, &title); err != nil {
			return fmt.Errorf("data.Titles: %w", err)
		}
		ids, titles = append(ids, id), append(titles, title)
		if len(ids) == batch {
			if !fn(ids, titles) {
				return nil
			}
			ids, titles = make([]int64, 0, batch), make([]string, 0, batch)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("data.Titles: %w", err)
	}
	if len(ids) > 0 {
		fn(ids, titles)
	}
	return nil
}

package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// maxPrecisionSpan is more than the longest period a single precision
// covers (a leap year), in seconds. Queries use it to narrow a time window
// in SQL before the exact test in Go.
const maxPrecisionSpan = 367 * 24 * 60 * 60

// eventColumns are the event columns scanned by scanEvent, in order.
const eventColumns = `e.id, e.lane_id, e.title, e.summary, e.start, e.start_precision,
	e."end", e.end_precision, e.earliest_start, e.latest_end, e.start_uncertain,
	e.end_uncertain, e.status, e.date_note, e.derived_expression, e.derived_quote_id,
	e.derived_said_at, e.derived_said_precision, e.start_ms, e.end_ms`

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// querier runs queries: the store's pool of connections, or the one
// connection of a read transaction (see EventDetails).
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// reader runs the queries that read events and what is linked to them,
// through the store's pool or through one read transaction.
type reader struct{ q querier }

// read returns the reader of the store's pool.
func (s *Store) read() reader { return reader{s.db} }

// scanEvent reads the eventColumns (and any extra destinations) from r.
func scanEvent(r scanner, extra ...any) (Event, error) {
	var (
		e                         Event
		startPrec                 int64
		end, endPrec              *int64
		status                    string
		derivExpr                 *string
		derivQuote, said, saidPre *int64
		startMS, endMS            *int64
	)
	dest := []any{&e.ID, &e.LaneID, &e.Title, &e.Summary, &e.Start.Unix, &startPrec,
		&end, &endPrec, &e.EarliestStart, &e.LatestEnd, &e.StartUncertain,
		&e.EndUncertain, &status, &e.DateNote, &derivExpr, &derivQuote, &said, &saidPre, &startMS, &endMS}
	if err := r.Scan(append(dest, extra...)...); err != nil {
		return Event{}, err
	}
	e.Start = timeOfMilli(&e.Start.Unix, &startPrec, startMS)
	e.End = timeOfMilli(end, endPrec, endMS)
	e.Status = ClaimStatus(status)
	if derivExpr != nil {
		d := &Derivation{Expression: *derivExpr, SaidAt: timeOf(said, saidPre)}
		if derivQuote != nil {
			d.QuoteID = *derivQuote
		}
		e.Derivation = d
	}
	return e, nil
}

// Lanes returns all lanes ordered by position.
func (s *Store) Lanes(ctx context.Context) ([]Lane, error) { return s.read().lanes(ctx) }

func (r reader) lanes(ctx context.Context) ([]Lane, error) {
	rows, err := r.q.QueryContext(ctx, `SELECT id, name, position, color, collapsed FROM lane ORDER BY position, id`)
	if err != nil {
		return nil, fmt.Errorf("data.Lanes: %w", err)
	}
	defer rows.Close()
	var lanes []Lane
	for rows.Next() {
		var l Lane
		if err := rows.Scan(&l.ID, &l.Name, &l.Position, &l.Color, &l.Collapsed); err != nil {
			return nil, fmt.Errorf("data.Lanes: %w", err)
		}
		lanes = append(lanes, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("data.Lanes: %w", err)
	}
	return lanes, nil
}

// Actors returns all actors ordered by name.
func (s *Store) Actors(ctx context.Context) ([]Actor, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, kind, description FROM actor ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("data.Actors: %w", err)
	}
	defer rows.Close()
	var actors []Actor
	for rows.Next() {
		var a Actor
		if err := rows.Scan(&a.ID, &a.Name, &a.Kind, &a.Description); err != nil {
			return nil, fmt.Errorf("data.Actors: %w", err)
		}
		actors = append(actors, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("data.Actors: %w", err)
	}
	return actors, nil
}

// Events returns every event ordered by start and id.
func (s *Store) Events(ctx context.Context) ([]Event, error) {
	events, err := s.queryEvents(ctx, `SELECT `+eventColumns+` FROM event e ORDER BY e.start, e.id`)
	if err != nil {
		return nil, fmt.Errorf("data.Events: %w", err)
	}
	return events, nil
}

// EventsIn returns the events whose extent (see Event.Extent) overlaps the
// window [from, to], ordered by start and id. If laneIDs are given, only
// events on those lanes are returned. An event spanning the whole window
// overlaps it.
func (s *Store) EventsIn(ctx context.Context, from, to int64, laneIDs ...int64) ([]Event, error) {
	// SQL narrows the candidates with bounds that hold whatever the
	// precisions; Event.Extent then decides exactly.
	q := `SELECT ` + eventColumns + ` FROM event e
		WHERE (e.start <= ? OR e.earliest_start <= ?)
		AND (coalesce(e."end", e.start) >= ? OR e.latest_end >= ?)`
	args := []any{to, to, from - maxPrecisionSpan, from}
	if len(laneIDs) > 0 {
		q += ` AND e.lane_id IN (?` + strings.Repeat(`, ?`, len(laneIDs)-1) + `)`
		for _, id := range laneIDs {
			args = append(args, id)
		}
	}
	q += ` ORDER BY e.start, e.id`
	events, err := s.queryEvents(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("data.EventsIn: %w", err)
	}
	kept := events[:0]
	for _, e := range events {
		if start, end := e.Extent(); start <= to && end >= from {
			kept = append(kept, e)
		}
	}
	return kept, nil
}

// Event returns the event with the given id; the error wraps ErrNotFound if
// there is none.
func (s *Store) Event(ctx context.Context, id int64) (Event, error) { return s.read().event(ctx, id) }

func (r reader) event(ctx context.Context, id int64) (Event, error) {
	events, err := r.queryEvents(ctx, `SELECT `+eventColumns+` FROM event e WHERE e.id = ?`, id)
	if err != nil {
		return Event{}, fmt.Errorf("data.Event: %w", err)
	}
	if len(events) == 0 {
		return Event{}, fmt.Errorf("data.Event: event %d: %w", id, ErrNotFound)
	}
	return events[0], nil
}

// queryEvents runs a query selecting eventColumns and fills in each
// event's actors and tags.
func (s *Store) queryEvents(ctx context.Context, query string, args ...any) ([]Event, error) {
	return s.read().queryEvents(ctx, query, args...)
}

func (r reader) queryEvents(ctx context.Context, query string, args ...any) ([]Event, error) {
	rows, err := r.q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, corruptOr(err)
	}
	defer rows.Close()
	var events []Event
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, corruptOr(err)
		}
		events = append(events, e)
	}
	if err := rows.Err(); err != nil {
		return nil, corruptOr(err)
	}
	if err := r.attachLinks(ctx, events); err != nil {
		return nil, err
	}
	return events, nil
}

// attachLinks fills in Actors and Tags of events.
func (r reader) attachLinks(ctx context.Context, events []Event) error {
	if len(events) == 0 {
		return nil
	}
	index := make(map[int64]int, len(events))
	for i, e := range events {
		index[e.ID] = i
	}
	// For a few events ask for their ids; for many read the link tables
	// whole, which is cheaper than thousands of parameters.
	const chunk = 500
	ids := make([]int64, 0, len(events))
	for _, e := range events {
		ids = append(ids, e.ID)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var batches [][]int64
	if len(ids) <= 4*chunk {
		for len(ids) > 0 {
			n := min(chunk, len(ids))
			batches = append(batches, ids[:n])
			ids = ids[n:]
		}
	} else {
		batches = [][]int64{nil}
	}
	for _, batch := range batches {
		where, args := "", []any{}
		if batch != nil {
			where = ` WHERE event_id IN (?` + strings.Repeat(`, ?`, len(batch)-1) + `)`
			for _, id := range batch {
				args = append(args, id)
			}
		}
		err := r.eachRow(ctx, `SELECT event_id, actor_id FROM event_actor`+where+` ORDER BY event_id, actor_id`, args, func(row *sql.Rows) error {
			var eid, aid int64
			if err := row.Scan(&eid, &aid); err != nil {
				return err
			}
			if i, ok := index[eid]; ok {
				events[i].Actors = append(events[i].Actors, aid)
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = r.eachRow(ctx, `SELECT et.event_id, t.name FROM event_tag et JOIN tag t ON t.id = et.tag_id`+
			strings.Replace(where, "event_id", "et.event_id", 1)+` ORDER BY et.event_id, t.name`, args, func(row *sql.Rows) error {
			var eid int64
			var name string
			if err := row.Scan(&eid, &name); err != nil {
				return err
			}
			if i, ok := index[eid]; ok {
				events[i].Tags = append(events[i].Tags, name)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// eachRow runs query and calls fn for every row.
func (s *Store) eachRow(ctx context.Context, query string, args []any, fn func(*sql.Rows) error) error {
	return s.read().eachRow(ctx, query, args, fn)
}

// eachRow calls fn with each row of query; SQLite's errors on a damaged
// page are ErrCorrupt (see corruptOr).
func (r reader) eachRow(ctx context.Context, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := r.q.QueryContext(ctx, query, args...)
	if err != nil {
		return corruptOr(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return corruptOr(err)
		}
	}
	return corruptOr(rows.Err())
}

// quoteColumns are the quote columns scanned by scanQuote, in order.
const quoteColumns = `q.id, q.text, q.speaker_id, q.said_at, q.said_precision, q.source_id, q.start_byte, q.end_byte,
	q.speaker_note, q.speaker_confidence`

// scanQuote reads the quoteColumns (and any extra destinations) from r.
func scanQuote(r scanner, extra ...any) (Quote, error) {
	var (
		q                   Quote
		speaker, start, end *int64
		saidPrec            int64
	)
	dest := []any{&q.ID, &q.Text, &speaker, &q.SaidAt.Unix, &saidPrec, &q.SourceID, &start, &end,
		&q.SpeakerNote, &q.SpeakerConfidence}
	if err := r.Scan(append(dest, extra...)...); err != nil {
		return Quote{}, err
	}
	q.SaidAt.Precision = Precision(saidPrec)
	if speaker != nil {
		q.SpeakerID = *speaker
	}
	if start != nil && end != nil {
		q.StartByte, q.EndByte, q.HasOffsets = *start, *end, true
	}
	return q, nil
}

// sourceMetaColumns are the source columns, without the text, scanned by
// scanSource.
const sourceMetaColumns = `s.id, s.title, s.outlet, s.url, s.published_at, s.published_precision,
	s.date_note, s.summary, s.text IS NOT NULL, coalesce(s.text_sha256, '')`

// scanSource reads the sourceMetaColumns (and any extra destinations).
func scanSource(r scanner, extra ...any) (Source, error) {
	var (
		src          Source
		pub, pubPrec *int64
	)
	dest := []any{&src.ID, &src.Title, &src.Outlet, &src.URL, &pub, &pubPrec,
		&src.DateNote, &src.Summary, &src.HasText, &src.TextSHA256}
	if err := r.Scan(append(dest, extra...)...); err != nil {
		return Source{}, err
	}
	src.Published = timeOf(pub, pubPrec)
	return src, nil
}

// QuotesOfEvent returns the quotes linked to an event, ordered by when they
// were said.
func (s *Store) QuotesOfEvent(ctx context.Context, eventID int64) ([]QuoteRef, error) {
	return s.read().quotesOfEvent(ctx, eventID)
}

func (r reader) quotesOfEvent(ctx context.Context, eventID int64) ([]QuoteRef, error) {
	refs, err := r.quoteRefs(ctx, `eq.stance FROM event_quote eq
		JOIN quote q ON q.id = eq.quote_id
		JOIN source s ON s.id = q.source_id
		LEFT JOIN actor a ON a.id = q.speaker_id
		WHERE eq.event_id = ?`, eventID)
	if err != nil {
		return nil, fmt.Errorf("data.QuotesOfEvent: %w", err)
	}
	return refs, nil
}

// Quotes returns every quote, ordered by when it was said, with its
// speaker's name and its source (without text); Stance is left empty.
func (s *Store) Quotes(ctx context.Context) ([]QuoteRef, error) {
	refs, err := s.read().quoteRefs(ctx, `'' FROM quote q
		JOIN source s ON s.id = q.source_id
		LEFT JOIN actor a ON a.id = q.speaker_id`)
	if err != nil {
		return nil, fmt.Errorf("data.Quotes: %w", err)
	}
	return refs, nil
}

// quoteRefs reads quotes with their sources, speakers and a stance: from
// is the query after its columns, from the stance column on, joining
// quote q, source s and actor a.
func (r reader) quoteRefs(ctx context.Context, from string, args ...any) ([]QuoteRef, error) {
	var refs []QuoteRef
	err := r.eachRow(ctx, `SELECT `+quoteColumns+`, `+sourceMetaColumns+`, coalesce(a.name, ''), `+from+`
		ORDER BY q.said_at, q.id`, args, func(row *sql.Rows) error {
		var (
			src          Source
			pub, pubPrec *int64
			speaker      string
			stance       string
		)
		q, err := scanQuote(row, &src.ID, &src.Title, &src.Outlet, &src.URL, &pub, &pubPrec,
			&src.DateNote, &src.Summary, &src.HasText, &src.TextSHA256, &speaker, &stance)
		if err != nil {
			return err
		}
		src.Published = timeOf(pub, pubPrec)
		refs = append(refs, QuoteRef{Quote: q, Speaker: speaker, Source: src, Stance: Stance(stance)})
		return nil
	})
	return refs, err
}

// EventsOfQuote returns the events a quote is linked to, ordered by start.
func (s *Store) EventsOfQuote(ctx context.Context, quoteID int64) ([]EventRef, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+eventColumns+`, eq.stance
		FROM event_quote eq JOIN event e ON e.id = eq.event_id
		WHERE eq.quote_id = ? ORDER BY e.start, e.id`, quoteID)
	if err != nil {
		return nil, fmt.Errorf("data.EventsOfQuote: %w", err)
	}
	defer rows.Close()
	var (
		events  []Event
		stances []Stance
	)
	for rows.Next() {
		var stance string
		e, err := scanEvent(rows, &stance)
		if err != nil {
			return nil, fmt.Errorf("data.EventsOfQuote: %w", err)
		}
		events = append(events, e)
		stances = append(stances, Stance(stance))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("data.EventsOfQuote: %w", err)
	}
	rows.Close()
	if err := s.read().attachLinks(ctx, events); err != nil {
		return nil, fmt.Errorf("data.EventsOfQuote: %w", err)
	}
	refs := make([]EventRef, len(events))
	for i := range events {
		refs[i] = EventRef{Event: events[i], Stance: stances[i]}
	}
	return refs, nil
}

// SourcesOfEvent returns the sources an event cites directly (not through
// quotes), without their text, ordered by publication date.
func (s *Store) SourcesOfEvent(ctx context.Context, eventID int64) ([]SourceRef, error) {
	return s.read().sourcesOfEvent(ctx, eventID)
}

func (r reader) sourcesOfEvent(ctx context.Context, eventID int64) ([]SourceRef, error) {
	var refs []SourceRef
	err := r.eachRow(ctx, `SELECT `+sourceMetaColumns+`, es.stance
		FROM event_source es JOIN source s ON s.id = es.source_id
		WHERE es.event_id = ? ORDER BY s.published_at, s.id`, []any{eventID}, func(row *sql.Rows) error {
		var stance string
		src, err := scanSource(row, &stance)
		if err != nil {
			return err
		}
		refs = append(refs, SourceRef{Source: src, Stance: Stance(stance)})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("data.SourcesOfEvent: %w", err)
	}
	return refs, nil
}

// Sources returns every source ordered by publication date, without their
// text (HasText says whether one is stored; Source loads it).
func (s *Store) Sources(ctx context.Context) ([]Source, error) {
	var sources []Source
	err := s.eachRow(ctx, `SELECT `+sourceMetaColumns+` FROM source s ORDER BY s.published_at, s.id`, nil, func(r *sql.Rows) error {
		src, err := scanSource(r)
		if err != nil {
			return err
		}
		sources = append(sources, src)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("data.Sources: %w", err)
	}
	return sources, nil
}

// Source returns the source with the given id, with its text; the error
// wraps ErrNotFound if there is none.
func (s *Store) Source(ctx context.Context, id int64) (Source, error) {
	var text *string
	row := s.db.QueryRowContext(ctx, `SELECT `+sourceMetaColumns+`, s.text FROM source s WHERE s.id = ?`, id)
	src, err := scanSource(row, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return Source{}, fmt.Errorf("data.Source: source %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Source{}, fmt.Errorf("data.Source: %w", err)
	}
	if text != nil {
		src.Text = *text
	}
	return src, nil
}

// Quote returns the quote with the given id; the error wraps ErrNotFound if
// there is none.
func (s *Store) Quote(ctx context.Context, id int64) (Quote, error) {
	q, err := scanQuote(s.db.QueryRowContext(ctx, `SELECT `+quoteColumns+` FROM quote q WHERE q.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Quote{}, fmt.Errorf("data.Quote: quote %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Quote{}, fmt.Errorf("data.Quote: %w", err)
	}
	return q, nil
}

// Extent returns the first and last second covered by any event or
// period, counting uncertainty bounds and the precision of end points; ok
// is false if the document has neither.
func (s *Store) Extent(ctx context.Context) (first, last int64, ok bool, err error) {
	first, last, ok, err = s.eventExtent(ctx)
	if err != nil {
		return 0, 0, false, err
	}
	periods, err := s.Periods(ctx)
	if err != nil {
		return 0, 0, false, fmt.Errorf("data.Extent: %w", err)
	}
	for _, p := range periods {
		if !ok {
			first, last, ok = p.Start.Unix, p.End.End(), true
		}
		first, last = min(first, p.Start.Unix), max(last, p.End.End())
	}
	return first, last, ok, nil
}

// eventExtent is Extent for the events alone.
func (s *Store) eventExtent(ctx context.Context) (first, last int64, ok bool, err error) {
	var lo, hiRaw, hiLatest *int64
	err = s.db.QueryRowContext(ctx, `SELECT
		min(min(start, coalesce(earliest_start, start))),
		max(coalesce("end", start)),
		max(latest_end)
		FROM event`).Scan(&lo, &hiRaw, &hiLatest)
	if err != nil {
		return 0, 0, false, fmt.Errorf("data.Extent: %w", err)
	}
	if lo == nil || hiRaw == nil {
		return 0, 0, false, nil
	}
	first, last = *lo, *hiRaw
	if hiLatest != nil && *hiLatest > last {
		last = *hiLatest
	}
	// The last covered second depends on precision: check every event
	// whose end point is close enough to the latest to overtake it.
	err = s.eachRow(ctx, `SELECT start, start_precision, "end", end_precision FROM event
		WHERE coalesce("end", start) >= ?`, []any{*hiRaw - maxPrecisionSpan}, func(r *sql.Rows) error {
		var start, startPrec int64
		var end, endPrec *int64
		if err := r.Scan(&start, &startPrec, &end, &endPrec); err != nil {
			return err
		}
		e := Time{Unix: start, Precision: Precision(startPrec)}.End()
		if end != nil && endPrec != nil {
			e = Time{Unix: *end, Precision: Precision(*endPrec)}.End()
		}
		if e > last {
			last = e
		}
		return nil
	})
	if err != nil {
		return 0, 0, false, fmt.Errorf("data.Extent: %w", err)
	}
	return first, last, true, nil
}

// Counts returns the number of lanes, events, quotes, sources and actors.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM lane), (SELECT count(*) FROM event), (SELECT count(*) FROM quote),
		(SELECT count(*) FROM source), (SELECT count(*) FROM actor)`).
		Scan(&c.Lanes, &c.Events, &c.Quotes, &c.Sources, &c.Actors)
	if err != nil {
		return Counts{}, fmt.Errorf("data.Counts: %w", err)
	}
	return c, nil
}

// Search finds events, quotes and sources matching an FTS4 full-text query
// (for example `shahed`, `"precision guided"` or `sanction*`) and returns
// at most limit hits: events first, then quotes, then sources, each in the
// order they were added. Taking the first matches as the full-text index
// lists them, rather than sorting every match by time, keeps the first page
// quick however many records match. A limit of 0 or less means 100. A
// malformed query returns an error; PlainQuery makes one from typed words.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]SearchHit, error) {
	if strings.TrimSpace(query) == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 100
	}
	// A damaged page or a bad value met is the document's fault, not the
	// query's, and is said of the document.
	fail := func(err error) ([]SearchHit, error) {
		if errors.Is(err, ErrCorrupt) || errors.Is(err, ErrTooLarge) {
			return nil, fmt.Errorf("read %q: %w", s.path, err)
		}
		return nil, queryError("data.Search", query, err)
	}
	var hits []SearchHit
	kinds := []struct {
		kind, columns string // the kind is its table's name
	}{
		{"event", `id, title, start, start_precision`},
		{"quote", `id, text, said_at, said_precision`},
		{"source", `id, title, published_at, published_precision`},
	}
	for _, k := range kinds {
		if len(hits) >= limit {
			break
		}
		ids, err := s.matching(ctx, k.kind+"_fts", query, limit-len(hits))
		if err != nil {
			return fail(err)
		}
		// The rows found are checked before they are read, so that a bad
		// value is refused naming its row rather than failing the scan.
		if err := s.verifyRows(ctx, k.kind, ids); err != nil {
			return fail(err)
		}
		err = inBatches(ids, func(in string, args []any) error {
			return s.eachRow(ctx, `SELECT `+k.columns+` FROM `+k.kind+` WHERE id IN `+in+` ORDER BY id`, args, func(r *sql.Rows) error {
				h := SearchHit{Kind: k.kind}
				var at, prec *int64
				if err := r.Scan(&h.ID, &h.Title, &at, &prec); err != nil {
					return err
				}
				h.Time = timeOf(at, prec)
				hits = append(hits, h)
				return nil
			})
		})
		if err != nil {
			return fail(err)
		}
	}
	return hits, nil
}

// matching returns the ids of the first limit rows (all, for a limit of 0
// or less) that the full-text table fts finds for query, ascending.
func (s *Store) matching(ctx context.Context, fts, query string, limit int) ([]int64, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	var ids []int64
	err := s.eachRow(ctx, `SELECT docid FROM `+fts+` WHERE `+fts+` MATCH ? ORDER BY docid LIMIT ?`, []any{query, limit}, func(r *sql.Rows) error {
		var id int64
		if err := r.Scan(&id); err != nil {
			return err
		}
		ids = append(ids, id)
		return nil
	})
	return ids, err
}

package data

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
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

// spanBatch is how many rows EachSpan reads between progress reports.
const spanBatch = 50_000

// spanFlags is the SQL expression packing an event's precisions, its
// uncertainty flags, its status and its milliseconds into bits 0 to 32 of
// one integer: bits 0–2 start precision, 3–5 end precision (0 without an
// end), as stored; 6 start uncertain, 7 end uncertain, 8–10 status code
// (see statusCodes), 11–21 the start's milliseconds plus one and 22–32
// the end's (0 for a time without them, see "Times are stored"). In SQL,
// <<, & and | bind equally tightly, left to right: hence the parentheses.
// Documents without milliseconds, nearly all, are read by spanQuery
// without the milliseconds' terms (spanMilli), which cost a tenth of the
// reading.
const spanFlags = `((start_precision & 7) | ((coalesce(end_precision, 0) & 7) << 3) |
	((start_uncertain <> 0) << 6) | ((end_uncertain <> 0) << 7) |
	((CASE status WHEN 'reported' THEN 0 WHEN 'confirmed' THEN 1 WHEN 'disputed' THEN 2 WHEN 'expected' THEN 3 ELSE 7 END) << 8)` +
	spanMilli + `)`

// spanMilli is the part of spanFlags that packs the milliseconds.
const spanMilli = ` |
	((coalesce(start_ms + 1, 0) & 2047) << 11) | ((coalesce(end_ms + 1, 0) & 2047) << 22)`

// spanLaneShift is the bit at which spanQuery packs the lane id above the
// flags: ids up to 2³⁰-1 fit below the sign bit.
const spanLaneShift = 33

// Both span queries read the event_span covering index alone, in start
// order, never the table with its texts, and return plain integers: the
// driver's cost is per column, so fewer columns read faster.
const (
	// spanQuery is used when no event has an earliest start or latest end
	// and every lane id fits in 30 bits, as in nearly every document: the
	// lane id shares the flags' integer (from bit spanLaneShift up).
	spanQuery = `SELECT id, start, coalesce("end", 0),
	` + spanFlags + ` | ((CASE WHEN lane_id BETWEEN 0 AND 1073741823 THEN lane_id ELSE 1073741823 END) << 33)
	FROM event ORDER BY start`
	// spanQueryWide is used otherwise.
	spanQueryWide = `SELECT id, start, coalesce("end", 0), ` + spanFlags + `,
	lane_id, coalesce(earliest_start, start), coalesce(latest_end, start)
	FROM event ORDER BY start`
	// spanQueryNeeded says whether spanQuery is not enough: it reads the
	// milliseconds (spanMilli) only where some event has them.
	spanQueryNeeded = `SELECT EXISTS (SELECT 1 FROM event WHERE earliest_start IS NOT NULL OR latest_end IS NOT NULL
		OR start_ms IS NOT NULL OR end_ms IS NOT NULL)
	OR EXISTS (SELECT 1 FROM lane WHERE id NOT BETWEEN 0 AND 1073741822)`
)

// errStop carries an error of EachSpan's caller out unwrapped.
type errStop struct{ err error }

func (e errStop) Error() string { return e.err.Error() }

// statusCodes are the statuses by the codes spanQuery gives them.
var statusCodes = [...]ClaimStatus{StatusReported, StatusConfirmed, StatusDisputed, StatusExpected}

// SpanPart is a run of events, consecutive in order of start, that
// EachSpanIn reads on a connection of its own: reading a large document in
// parts on several processors takes a fraction of the time.
type SpanPart struct {
	Offset, Count int   // where the part's events come in the whole order, and how many there are
	from, to      int64 // its events start in [from, to]
	wide          bool  // read with spanQueryWide
}

// SpanParts splits the events into at most n parts of about the same size
// (events that start at the same second stay in one part), for EachSpanIn.
func (s *Store) SpanParts(ctx context.Context, n int) ([]SpanPart, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM event`).Scan(&total); err != nil {
		return nil, fmt.Errorf("data.SpanParts: %w", err)
	}
	var wide bool
	if err := s.db.QueryRowContext(ctx, spanQueryNeeded).Scan(&wide); err != nil {
		return nil, fmt.Errorf("data.SpanParts: %w", err)
	}
	n = max(1, min(n, total/spanBatch)) // small documents are read in one part
	// The boundaries are found at once, each on a connection of its own:
	// each costs a walk of the start index up to it.
	type boundary struct {
		at     int64 // the first start of a part
		before int   // the events that start before it
		ok     bool  // false: no second starts there
	}
	bounds := make([]boundary, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for k := 1; k < n; k++ {
		wg.Go(func() { bounds[k].at, bounds[k].before, bounds[k].ok, errs[k] = s.startAfter(ctx, k*total/n) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("data.SpanParts: %w", err)
	}
	parts := []SpanPart{{from: math.MinInt64, wide: wide}}
	for _, b := range bounds[1:] {
		last := &parts[len(parts)-1]
		if !b.ok || b.at <= last.from || b.before <= last.Offset {
			continue // a second shared by many events: the last part takes them all
		}
		last.to, last.Count = b.at-1, b.before-last.Offset
		parts = append(parts, SpanPart{Offset: b.before, from: b.at, wide: wide})
	}
	last := &parts[len(parts)-1]
	last.to, last.Count = math.MaxInt64, total-last.Offset
	return parts, nil
}

// boundaryWindow is how many events SpanParts looks at past a place in the
// order of start for the first that starts at a later second.
const boundaryWindow = 1024

// startAfter returns the first start, at or after position p (p > 0) in the
// order of start, that differs from the one before it, and how many events
// come before it; ok is false if the boundaryWindow events from p on all
// start at the same second as the one before p.
func (s *Store) startAfter(ctx context.Context, p int) (at int64, before int, ok bool, err error) {
	prev, i := int64(0), 0
	err = s.eachRow(ctx, `SELECT start FROM event ORDER BY start LIMIT ? OFFSET ?`, []any{boundaryWindow + 1, p - 1},
		func(r *sql.Rows) error {
			var start int64
			if err := r.Scan(&start); err != nil {
				return err
			}
			if i > 0 && !ok && start != prev {
				at, before, ok = start, p-1+i, true
			}
			prev, i = start, i+1
			return nil
		})
	return at, before, ok, err
}

// EachSpan calls fn with every event's span, in order of start (events
// that start at the same second come in no particular order), as one part;
// see EachSpanIn. progress, if not nil, is called now and then with the
// rows read and the total.
func (s *Store) EachSpan(ctx context.Context, progress func(done, total int), fn func(sp *Span) error) error {
	parts, err := s.SpanParts(ctx, 1)
	if err != nil {
		return err
	}
	total, done := parts[0].Count, 0
	report := func(n int) {
		if done += n; progress != nil {
			progress(done, max(total, done))
		}
	}
	return s.EachSpanIn(ctx, parts[0], report, fn)
}

// EachSpanIn calls fn with the span of every event of part, in order of
// start. It reads through a covering index, so a large document's texts
// are never read, and holds no spans itself: the caller keeps what it
// needs. It calls progress, if not nil, now and then and at the end with
// the rows read since the last call. ctx cancels the read. A span that
// breaks the schema's rules (a precision or status out of range) stops the
// read with an error naming the event; so does a part that no longer has
// the events it was made with (the document changed meanwhile). Several
// parts may be read at once.
func (s *Store) EachSpanIn(ctx context.Context, part SpanPart, progress func(n int), fn func(sp *Span) error) error {
	query := spanQuery
	if part.wide {
		query = spanQueryWide
	}
	if !part.wide {
		query = strings.Replace(query, spanMilli, "", 1)
	}
	query = strings.Replace(query, "ORDER BY start", "WHERE start BETWEEN ? AND ? ORDER BY start", 1)
	cols := 4
	if part.wide {
		cols = 7
	}
	n := 0
	var sp Span
	err := s.spanRows(ctx, query, cols, []int64{part.from, part.to}, func(rows []int64) error {
		for r := 0; r < len(rows); r += cols {
			ints := rows[r : r+cols]
			sp.ID, sp.Start.Unix = ints[0], ints[1]
			end, packed, earliest, latest := ints[2], ints[3], sp.Start.Unix, sp.Start.Unix
			if part.wide {
				sp.LaneID, earliest, latest = ints[4], ints[5], ints[6]
			} else {
				sp.LaneID, packed = packed>>spanLaneShift, packed&(1<<spanLaneShift-1)
			}
			if err := sp.unpack(end, earliest, latest, packed); err != nil {
				return err
			}
			if err := fn(&sp); err != nil {
				return errStop{err}
			}
			if n++; n%spanBatch == 0 && progress != nil {
				progress(spanBatch)
			}
		}
		return nil
	})
	if stop, ok := err.(errStop); ok {
		return stop.err
	}
	if err != nil {
		return fmt.Errorf("data.EachSpanIn: %w", err)
	}
	if n != part.Count {
		return fmt.Errorf("data.EachSpanIn: %d events where there were %d: the document changed while it was read", n, part.Count)
	}
	if progress != nil {
		progress(n % spanBatch)
	}
	return nil
}

// unpack fills sp (whose ID, LaneID and Start.Unix are set) from the end,
// earliest start and latest end (NULLs replaced as in spanQueryWide) and
// the flags of spanFlags.
func (sp *Span) unpack(end, earliest, latest, packed int64) error {
	// time reads a stored precision, with the milliseconds if it has them.
	time := func(unix int64, p Precision, hasMilli bool, milli int64, which string) (Time, error) {
		if p < PrecisionYear || p > PrecisionSecond {
			return Time{}, fmt.Errorf("event %d: %s precision %d is not one of 1 to 5", sp.ID, which, p)
		}
		t := Time{Unix: unix, Precision: p}
		if hasMilli {
			if p != PrecisionSecond || milli >= 1000 {
				return Time{}, fmt.Errorf("event %d: %s milliseconds %d with precision %d", sp.ID, which, milli, p)
			}
			t.Precision, t.Milli = PrecisionMillisecond, int16(milli)
		}
		return t, nil
	}
	var err error
	if sp.Start, err = time(sp.Start.Unix, Precision(packed&7), packed>>11&2047 != 0, packed>>11&2047-1, "start"); err != nil {
		return err
	}
	sp.End = Time{}
	if p := Precision(packed >> 3 & 7); p != 0 {
		if sp.End, err = time(end, p, packed>>22&2047 != 0, packed>>22&2047-1, "end"); err != nil {
			return err
		}
	}
	sp.StartUncertain, sp.EndUncertain = packed>>6&1 == 1, packed>>7&1 == 1
	code := packed >> 8 & 7
	if code >= int64(len(statusCodes)) {
		return fmt.Errorf("event %d: its status is not one of %s, %s, %s or %s", sp.ID,
			StatusReported, StatusConfirmed, StatusDisputed, StatusExpected)
	}
	sp.Status = statusCodes[code]
	// As Event.Extent, with NULLs already replaced by the start.
	sp.EarliestStart = min(earliest, sp.Start.Unix)
	if sp.HasEnd() {
		sp.LatestEnd = sp.End.End()
	} else {
		sp.LatestEnd = sp.Start.End()
	}
	sp.LatestEnd = max(sp.LatestEnd, latest)
	return nil
}

// Spans returns every event's span, ordered by start and id; see EachSpan.
func (s *Store) Spans(ctx context.Context, progress func(done, total int)) ([]Span, error) {
	var out []Span
	err := s.EachSpan(ctx, progress, func(sp *Span) error {
		out = append(out, *sp)
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b Span) int {
		return cmp.Or(cmp.Compare(a.Start.Unix, b.Start.Unix), cmp.Compare(a.Start.Milli, b.Start.Milli), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
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

// titlesChunk is how many ids one TitlesOf query asks for: well under
// SQLite's limit on bound parameters.
const titlesChunk = 500

// TitlesOf calls fn with the id and title of each event in ids that
// exists, in no particular order, asking SQLite for up to titlesChunk
// events at a time by their primary key. ctx cancels it.
func (s *Store) TitlesOf(ctx context.Context, ids []int64, fn func(id int64, title string)) error {
	args := make([]any, 0, min(len(ids), titlesChunk))
	var q strings.Builder
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), titlesChunk)]
		ids = ids[len(chunk):]
		q.Reset()
		q.WriteString(`SELECT id, title FROM event WHERE id IN (?`)
		q.WriteString(strings.Repeat(",?", len(chunk)-1))
		q.WriteString(`)`)
		args = args[:0]
		for _, id := range chunk {
			args = append(args, id)
		}
		if err := s.eachTitle(ctx, q.String(), args, fn); err != nil {
			return fmt.Errorf("data.TitlesOf: %w", err)
		}
	}
	return nil
}

func (s *Store) eachTitle(ctx context.Context, query string, args []any, fn func(id int64, title string)) error {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var title string
		if err := rows.Scan(&id, &title); err != nil {
			return err
		}
		fn(id, title)
	}
	return rows.Err()
}

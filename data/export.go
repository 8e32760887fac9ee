package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
)

// ExportOptions narrows what Store.ExportDocument returns.
type ExportOptions struct {
	// From and To, when set, keep only the events and periods whose extent
	// overlaps the closed interval [From, To] (Unix seconds). Lanes,
	// actors, sources and quotes are kept whole.
	From, To *int64
}

// ExportDocument returns the whole document as an interchange Document:
// the inverse of ImportDocument. Keys are made from the record ids
// ("lane-3", "event-17"). Sources with a text carry it in Text, with
// TextFile set to a suggested file name ("source-4.txt") that writers may
// change. Times that are instants rather than dated values (earliest start,
// latest end) are written to the second. It holds every quote and event: a
// large document is written with ExportTo.
func (s *Store) ExportDocument(ctx context.Context, opt ExportOptions) (*Document, error) {
	var doc *Document
	err := s.ExportTo(ctx, opt, func(x *Export) error {
		d := *x.Head
		err := x.Quotes(func(q *DocumentQuote) error {
			d.Quotes = append(d.Quotes, *q)
			return nil
		})
		if err == nil {
			err = x.Events(func(e *DocumentEvent) error {
				d.Events = append(d.Events, *e)
				return nil
			})
		}
		doc = &d
		return err
	})
	if err != nil {
		return nil, err
	}
	return doc, nil
}

// Stream gives records one at a time: it calls fn with each in turn, and
// returns the first error, fn's or its own. The record passed to fn is
// fn's only until it returns.
type Stream[T any] func(fn func(*T) error) error

// EventStream gives a document's events one at a time.
type EventStream = Stream[DocumentEvent]

// QuoteStream gives a document's quotes one at a time.
type QuoteStream = Stream[DocumentQuote]

// Export is a document as an export writes it: everything but its quotes
// and events, which are given as streams, in the order they were added.
type Export struct {
	Head   *Document // without quotes and events
	Quotes QuoteStream
	Events EventStream
	// Cited returns the keys of the sources that the events cite; only
	// TimelineJS asks (for its title slide), so they are read only then.
	Cited func() (map[string]bool, error)
}

// streamOf returns the records of s as a stream.
func streamOf[T any](s []T) Stream[T] {
	return func(fn func(*T) error) error {
		for i := range s {
			if err := fn(&s[i]); err != nil {
				return err
			}
		}
		return nil
	}
}

// Export returns doc as an export writes it.
func (doc *Document) Export() *Export {
	head := *doc
	head.Quotes, head.Events = []DocumentQuote{}, []DocumentEvent{}
	cited := func() (map[string]bool, error) {
		keys := map[string]bool{}
		for _, e := range doc.Events {
			for _, l := range e.Sources {
				keys[l.Source] = true
			}
		}
		return keys, nil
	}
	return &Export{Head: &head, Quotes: streamOf(doc.Quotes), Events: streamOf(doc.Events), Cited: cited}
}

// ExportTo reads the document as ExportDocument returns it, and calls write
// with it as an Export: its quotes and events are read from the store as
// write takes them (the events a batch at a time), so that an export of any
// size holds a batch of them, not all. In a document in WAL mode (those
// Quoteline writes) everything is read in one read transaction, which does
// not hold up writers; in another journal mode a read transaction would
// lock writers out for the whole export, so each query reads on its own.
// The store's errors are returned as ExportDocument's, ahead of what the
// writer made of them.
func (s *Store) ExportTo(ctx context.Context, opt ExportOptions, write func(x *Export) error) error {
	// An export reads every row: a document not checked whole has its rows
	// checked first, so that a bad value is refused naming its row.
	if err := s.VerifyRows(ctx); err != nil {
		return err
	}
	read := s.snapshot
	if wal, _ := journalIsWAL(ctx, s.db); !wal {
		read = func(ctx context.Context, f func(r reader) error) error { return f(s.read()) }
	}
	var storeErr error
	named := func(err error) error {
		if storeErr == nil {
			storeErr = fmt.Errorf("data.ExportDocument: %w", err)
		}
		return storeErr
	}
	err := read(ctx, func(r reader) error {
		var w timeWriter
		x, err := r.exportHead(ctx, opt, &w)
		if err == nil {
			err = w.err
		}
		if err != nil {
			return named(err)
		}
		x.Quotes = storeStream(func(fn func(*DocumentQuote) error) error { return r.eachExportQuote(ctx, &w, fn) }, named)
		x.Events = storeStream(func(fn func(*DocumentEvent) error) error { return r.eachExportEvent(ctx, opt, &w, fn) }, named)
		x.Cited = func() (map[string]bool, error) {
			keys, err := r.citedSources(ctx, opt)
			if err != nil {
				return nil, named(err)
			}
			return keys, nil
		}
		return write(x)
	})
	if storeErr != nil {
		return storeErr
	}
	return err
}

// storeStream returns a stream of what each reads from the store: the
// errors of the function it calls come back as they are, the store's
// through named.
func storeStream[T any](each func(fn func(*T) error) error, named func(error) error) Stream[T] {
	return func(fn func(*T) error) error {
		var fnErr error
		err := each(func(v *T) error {
			fnErr = fn(v)
			return fnErr
		})
		switch {
		case fnErr != nil:
			return fnErr
		case err != nil:
			return named(err)
		}
		return nil
	}
}

func key(kind string, id int64) string { return kind + "-" + strconv.FormatInt(id, 10) }

// exportHead returns the document without its quotes and events: title,
// lanes, actors, sources, and the periods and stops that opt keeps.
func (r reader) exportHead(ctx context.Context, opt ExportOptions, w *timeWriter) (*Export, error) {
	doc := &Document{Format: DocumentFormat, Version: DocumentVersion,
		Lanes: []DocumentLane{}, Actors: []DocumentActor{}, Sources: []DocumentSource{},
		Quotes: []DocumentQuote{}, Events: []DocumentEvent{}}
	err := r.eachRow(ctx, `SELECT key, value FROM meta WHERE key IN ('title', 'description')`, nil, func(row *sql.Rows) error {
		var k, v string
		if err := row.Scan(&k, &v); err != nil {
			return err
		}
		if k == "title" {
			doc.Title = v
		} else {
			doc.Description = v
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	lanes, err := r.lanes(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range lanes {
		doc.Lanes = append(doc.Lanes, DocumentLane{Key: key("lane", l.ID), Name: l.Name, Color: l.Color, Collapsed: l.Collapsed})
	}
	err = r.eachRow(ctx, `SELECT id, name, kind, description FROM actor ORDER BY id`, nil, func(row *sql.Rows) error {
		var a DocumentActor
		var id int64
		if err := row.Scan(&id, &a.Name, &a.Kind, &a.Description); err != nil {
			return err
		}
		a.Key = key("actor", id)
		doc.Actors = append(doc.Actors, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = r.eachRow(ctx, `SELECT id, title, outlet, url, published_at, published_precision, date_note, summary, text
		FROM source ORDER BY id`, nil, func(row *sql.Rows) error {
		var (
			src       DocumentSource
			id        int64
			pub, prec *int64
			text      *string
		)
		if err := row.Scan(&id, &src.Title, &src.Outlet, &src.URL, &pub, &prec, &src.DateNote, &src.Summary, &text); err != nil {
			return err
		}
		src.Key = key("source", id)
		src.Published = w.text(record("sources", len(doc.Sources), src.Key), "published", timeOf(pub, prec), false)
		if text != nil {
			src.Text = *text
			src.TextFile = src.Key + ".txt"
		}
		doc.Sources = append(doc.Sources, src)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := r.exportPeriods(ctx, doc, opt, w); err != nil {
		return nil, err
	}
	if err := r.exportStops(ctx, doc, opt, w); err != nil {
		return nil, err
	}
	return &Export{Head: doc}, nil
}

// citedSources returns the keys of the sources that the events opt keeps
// cite.
func (r reader) citedSources(ctx context.Context, opt ExportOptions) (map[string]bool, error) {
	keys := map[string]bool{}
	err := r.eachRow(ctx, `SELECT `+eventColumns+`, es.source_id FROM event_source es JOIN event e ON e.id = es.event_id`, nil, func(row *sql.Rows) error {
		var sid int64
		e, err := scanEvent(row, &sid)
		if err == nil && opt.exported(&e) {
			keys[key("source", sid)] = true
		}
		return err
	})
	return keys, err
}

// eachExportQuote calls fn with each quote, as a DocumentQuote, in the
// order of their ids, until fn returns an error.
func (r reader) eachExportQuote(ctx context.Context, w *timeWriter, fn func(*DocumentQuote) error) error {
	n := 0
	return r.eachRow(ctx, `SELECT `+quoteColumns+` FROM quote q ORDER BY q.id`, nil, func(row *sql.Rows) error {
		q, err := scanQuote(row)
		if err != nil {
			return err
		}
		dq := DocumentQuote{Key: key("quote", q.ID), Source: key("source", q.SourceID), Text: q.Text,
			SpeakerNote: q.SpeakerNote, SpeakerConfidence: q.SpeakerConfidence}
		dq.SaidAt = w.text(record("quotes", n, dq.Key), "said_at", q.SaidAt, true)
		if w.err != nil {
			return w.err
		}
		if q.SpeakerID != 0 {
			dq.Speaker = key("actor", q.SpeakerID)
		}
		if q.HasOffsets {
			start, end := q.StartByte, q.EndByte
			dq.StartByte, dq.EndByte = &start, &end
		}
		n++
		return fn(&dq)
	})
}

// exported reports whether opt keeps event e.
func (opt *ExportOptions) exported(e *Event) bool {
	first, last := e.Extent()
	return (opt.From == nil || last >= *opt.From) && (opt.To == nil || first <= *opt.To)
}

// exportBatch is how many events an export reads at a time.
const exportBatch = 2000

// eachExportEvent calls fn with each event opt keeps, as a DocumentEvent, in
// the order of their ids, reading them exportBatch at a time, until fn
// returns an error.
func (r reader) eachExportEvent(ctx context.Context, opt ExportOptions, w *timeWriter, fn func(*DocumentEvent) error) error {
	n := 0 // events given so far: the record names of the times written
	// The first batch from the least id there is (math.MinInt64 too), the
	// others after the last one read.
	query := `SELECT ` + eventColumns + ` FROM event e ORDER BY e.id LIMIT ?`
	args := []any{exportBatch}
	for {
		events, err := r.queryEvents(ctx, query, args...)
		if err != nil || len(events) == 0 {
			return err
		}
		lo, hi := events[0].ID, events[len(events)-1].ID
		query = `SELECT ` + eventColumns + ` FROM event e WHERE e.id > ? ORDER BY e.id LIMIT ?`
		args = []any{hi, exportBatch}
		quotes, err := exportLinks(ctx, r, "quote", lo, hi, func(id int64, st Stance) DocumentQuoteLink {
			return DocumentQuoteLink{Quote: key("quote", id), Stance: st}
		})
		if err != nil {
			return err
		}
		sources, err := exportLinks(ctx, r, "source", lo, hi, func(id int64, st Stance) DocumentSourceLink {
			return DocumentSourceLink{Source: key("source", id), Stance: st}
		})
		if err != nil {
			return err
		}
		for i := range events {
			e := &events[i]
			if !opt.exported(e) {
				continue
			}
			de := documentEvent(e, record("events", n, key("event", e.ID)), w)
			if w.err != nil {
				return w.err
			}
			de.Quotes, de.Sources = quotes[e.ID], sources[e.ID]
			n++
			if err := fn(&de); err != nil {
				return err
			}
		}
	}
}

// exportLinks reads the links of the events with ids in [lo, hi] to the
// records of kind ("quote" or "source": the table event_<kind>), made by
// link, by event id, in the order of the records' ids.
func exportLinks[L any](ctx context.Context, r reader, kind string, lo, hi int64, link func(id int64, st Stance) L) (map[int64][]L, error) {
	links := map[int64][]L{}
	err := r.eachRow(ctx, `SELECT event_id, `+kind+`_id, stance FROM event_`+kind+`
		WHERE event_id BETWEEN ? AND ? ORDER BY event_id, `+kind+`_id`, []any{lo, hi}, func(row *sql.Rows) error {
		var eid, id int64
		var st string
		if err := row.Scan(&eid, &id, &st); err != nil {
			return err
		}
		links[eid] = append(links[eid], link(id, Stance(st)))
		return nil
	})
	return links, err
}

// documentEvent returns e as a DocumentEvent without its links to quotes
// and sources, its times written by w for record rec.
func documentEvent(e *Event, rec recordName, w *timeWriter) DocumentEvent {
	de := DocumentEvent{Key: key("event", e.ID), Lane: key("lane", e.LaneID), Title: e.Title, Summary: e.Summary,
		StartUncertain: e.StartUncertain, EndUncertain: e.EndUncertain,
		Status: e.Status, DateNote: e.DateNote, Tags: e.Tags}
	de.Start = w.text(rec, "start", e.Start, true)
	de.End = w.text(rec, "end", e.End, false)
	if e.EarliestStart != nil {
		t := w.text(rec, "earliest_start", Time{Unix: *e.EarliestStart, Precision: PrecisionSecond}, true)
		de.EarliestStart = &t
	}
	if e.LatestEnd != nil {
		t := w.text(rec, "latest_end", Time{Unix: *e.LatestEnd, Precision: PrecisionSecond}, true)
		de.LatestEnd = &t
	}
	if d := e.Derivation; d != nil {
		de.Derived = &DocumentDerivation{Expression: d.Expression, SaidAt: w.text(rec, "derived said_at", d.SaidAt, false)}
		if d.QuoteID != 0 {
			de.Derived.Quote = key("quote", d.QuoteID)
		}
	}
	for _, a := range e.Actors {
		de.Actors = append(de.Actors, key("actor", a))
	}
	return de
}

// timeWriter writes the times of an export as text, and keeps the first
// that would not read back as the same time, to its precision: an export
// is refused rather than written wrong (a time beyond the years ParseTime
// reads, or without a precision), whatever the document holds.
type timeWriter struct{ err error }

// text returns t as text. An empty t is written "" if it is not required.
func (w *timeWriter) text(rec recordName, field string, t Time, required bool) string {
	s := t.String()
	if w.err != nil || (t.IsZero() && !required) {
		return s
	}
	// Written at its precision, a time reads back as the start of the
	// period it falls in.
	if back, err := parseTime(s); err != nil || back.Precision != t.Precision || t.Unix < back.Unix || t.Unix > back.End() {
		w.err = &DocumentError{Record: rec.String(), Field: field,
			Err: fmt.Errorf("%w: %d seconds at precision %d cannot be written as a time that reads back as the same", ErrInvalidTime, t.Unix, t.Precision)}
	}
	return s
}

// exportStops adds the store's stops to doc; a stop's event opt leaves out
// is left out of the stop too, and so is a quote that is not there.
func (r reader) exportStops(ctx context.Context, doc *Document, opt ExportOptions, w *timeWriter) error {
	stops, err := r.stops(ctx)
	if err != nil {
		return err
	}
	for _, st := range stops {
		rec := record("stops", len(doc.Stops), "")
		ds := DocumentStop{Caption: st.Caption,
			From: w.text(rec, "from", Time{Unix: st.ViewStart, Precision: PrecisionSecond}, true),
			To:   w.text(rec, "to", Time{Unix: st.ViewEnd - 1, Precision: PrecisionSecond}, true)}
		if st.EventID != 0 {
			e, err := r.event(ctx, st.EventID)
			if err != nil && !errors.Is(err, ErrNotFound) {
				return err
			}
			if err == nil && opt.exported(&e) {
				ds.Event = key("event", st.EventID)
			}
		}
		if st.QuoteID != 0 {
			var n int
			if err := r.q.QueryRowContext(ctx, `SELECT count(*) FROM quote WHERE id = ?`, st.QuoteID).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				ds.Quote = key("quote", st.QuoteID)
			}
		}
		for _, l := range st.HiddenLanes {
			ds.HiddenLanes = append(ds.HiddenLanes, key("lane", l))
		}
		doc.Stops = append(doc.Stops, ds)
	}
	return nil
}

// ValidateDocument checks doc as ImportDocument would, without a store. A
// problem is reported as a *DocumentError naming the record and field.
func ValidateDocument(doc *Document) error {
	_, err := CheckDocument(doc)
	return err
}

// Parts returns the calendar fields of t in UTC; those finer than t's
// precision are at their first value.
func (t Time) Parts() (year, month, day, hour, minute, second int) {
	d := t.std()
	return d.Year(), int(d.Month()), d.Day(), d.Hour(), d.Minute(), d.Second()
}

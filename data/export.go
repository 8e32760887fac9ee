package data

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
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
// latest end) are written to the second.
func (s *Store) ExportDocument(ctx context.Context, opt ExportOptions) (*Document, error) {
	doc, err := s.exportDocument(ctx, opt)
	if err != nil {
		return nil, fmt.Errorf("data.ExportDocument: %w", err)
	}
	return doc, nil
}

func key(kind string, id int64) string { return kind + "-" + strconv.FormatInt(id, 10) }

func (s *Store) exportDocument(ctx context.Context, opt ExportOptions) (*Document, error) {
	doc := &Document{Format: DocumentFormat, Version: DocumentVersion,
		Lanes: []DocumentLane{}, Actors: []DocumentActor{}, Sources: []DocumentSource{},
		Quotes: []DocumentQuote{}, Events: []DocumentEvent{}}
	err := s.eachRow(ctx, `SELECT key, value FROM meta WHERE key IN ('title', 'description')`, nil, func(r *sql.Rows) error {
		var k, v string
		if err := r.Scan(&k, &v); err != nil {
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
	lanes, err := s.Lanes(ctx)
	if err != nil {
		return nil, err
	}
	for _, l := range lanes {
		doc.Lanes = append(doc.Lanes, DocumentLane{Key: key("lane", l.ID), Name: l.Name, Color: l.Color, Collapsed: l.Collapsed})
	}
	err = s.eachRow(ctx, `SELECT id, name, kind, description FROM actor ORDER BY id`, nil, func(r *sql.Rows) error {
		var a DocumentActor
		var id int64
		if err := r.Scan(&id, &a.Name, &a.Kind, &a.Description); err != nil {
			return err
		}
		a.Key = key("actor", id)
		doc.Actors = append(doc.Actors, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = s.eachRow(ctx, `SELECT id, title, outlet, url, published_at, published_precision, date_note, summary, text
		FROM source ORDER BY id`, nil, func(r *sql.Rows) error {
		var (
			src       DocumentSource
			id        int64
			pub, prec *int64
			text      *string
		)
		if err := r.Scan(&id, &src.Title, &src.Outlet, &src.URL, &pub, &prec, &src.DateNote, &src.Summary, &text); err != nil {
			return err
		}
		src.Key = key("source", id)
		src.Published = timeOf(pub, prec).String()
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
	err = s.eachRow(ctx, `SELECT `+quoteColumns+` FROM quote q ORDER BY q.id`, nil, func(r *sql.Rows) error {
		q, err := scanQuote(r)
		if err != nil {
			return err
		}
		dq := DocumentQuote{Key: key("quote", q.ID), Source: key("source", q.SourceID), SaidAt: q.SaidAt.String(), Text: q.Text,
			SpeakerNote: q.SpeakerNote, SpeakerConfidence: q.SpeakerConfidence}
		if q.SpeakerID != 0 {
			dq.Speaker = key("actor", q.SpeakerID)
		}
		if q.HasOffsets {
			start, end := q.StartByte, q.EndByte
			dq.StartByte, dq.EndByte = &start, &end
		}
		doc.Quotes = append(doc.Quotes, dq)
		return nil
	})
	if err != nil {
		return nil, err
	}

	events, err := s.Events(ctx)
	if err != nil {
		return nil, err
	}
	// In the order they were added, so that a round trip keeps the ids.
	slices.SortFunc(events, func(a, b Event) int { return cmp.Compare(a.ID, b.ID) })
	index := make(map[int64]int, len(events))
	for _, e := range events {
		if opt.From != nil || opt.To != nil {
			first, last := e.Extent()
			if (opt.From != nil && last < *opt.From) || (opt.To != nil && first > *opt.To) {
				continue
			}
		}
		de := DocumentEvent{Key: key("event", e.ID), Lane: key("lane", e.LaneID), Title: e.Title, Summary: e.Summary,
			Start: e.Start.String(), End: e.End.String(), StartUncertain: e.StartUncertain, EndUncertain: e.EndUncertain,
			Status: e.Status, DateNote: e.DateNote, Tags: e.Tags}
		if e.EarliestStart != nil {
			t := Time{Unix: *e.EarliestStart, Precision: PrecisionSecond}.String()
			de.EarliestStart = &t
		}
		if e.LatestEnd != nil {
			t := Time{Unix: *e.LatestEnd, Precision: PrecisionSecond}.String()
			de.LatestEnd = &t
		}
		if d := e.Derivation; d != nil {
			de.Derived = &DocumentDerivation{Expression: d.Expression, SaidAt: d.SaidAt.String()}
			if d.QuoteID != 0 {
				de.Derived.Quote = key("quote", d.QuoteID)
			}
		}
		for _, a := range e.Actors {
			de.Actors = append(de.Actors, key("actor", a))
		}
		index[e.ID] = len(doc.Events)
		doc.Events = append(doc.Events, de)
	}
	err = s.eachRow(ctx, `SELECT event_id, quote_id, stance FROM event_quote ORDER BY event_id, quote_id`, nil, func(r *sql.Rows) error {
		var eid, qid int64
		var st string
		if err := r.Scan(&eid, &qid, &st); err != nil {
			return err
		}
		if i, ok := index[eid]; ok {
			doc.Events[i].Quotes = append(doc.Events[i].Quotes, DocumentQuoteLink{Quote: key("quote", qid), Stance: Stance(st)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = s.eachRow(ctx, `SELECT event_id, source_id, stance FROM event_source ORDER BY event_id, source_id`, nil, func(r *sql.Rows) error {
		var eid, sid int64
		var st string
		if err := r.Scan(&eid, &sid, &st); err != nil {
			return err
		}
		if i, ok := index[eid]; ok {
			doc.Events[i].Sources = append(doc.Events[i].Sources, DocumentSourceLink{Source: key("source", sid), Stance: Stance(st)})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := s.exportPeriods(ctx, doc, opt); err != nil {
		return nil, err
	}
	if err := s.exportStops(ctx, doc, index); err != nil {
		return nil, err
	}
	return doc, nil
}

// exportStops adds the store's stops to doc, whose events are indexed by
// id in index; a stop's event or quote left out of doc is left out of the
// stop too.
func (s *Store) exportStops(ctx context.Context, doc *Document, index map[int64]int) error {
	stops, err := s.Stops(ctx)
	if err != nil {
		return err
	}
	quotes := make(map[string]bool, len(doc.Quotes))
	for _, q := range doc.Quotes {
		quotes[q.Key] = true
	}
	for _, st := range stops {
		ds := DocumentStop{Caption: st.Caption,
			From: Time{Unix: st.ViewStart, Precision: PrecisionSecond}.String(),
			To:   Time{Unix: st.ViewEnd - 1, Precision: PrecisionSecond}.String()}
		if _, ok := index[st.EventID]; ok {
			ds.Event = key("event", st.EventID)
		}
		if k := key("quote", st.QuoteID); quotes[k] {
			ds.Quote = k
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

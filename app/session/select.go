package session

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/quoteline/quoteline/data"
)

// Selected returns the selected event, or 0.
func (s *Session) Selected() int64 { return s.look.selected }

// Select makes event id the selection (0 for none), at once (Selected), and
// reads its details in one transaction in the background (DetailsRead).
func (s *Session) Select(id int64) {
	s.look.selected = id
	if id != 0 && s.look.period != 0 {
		s.look.period = 0
		s.emitPeriod()
	}
	s.emit(Selected{ID: id})
	doc := s.doc
	if id == 0 || doc == nil {
		return
	}
	if _, _, ok := doc.Span(id); !ok {
		return
	}
	var d data.EventDetails
	s.read(func(ctx context.Context) error {
		var err error
		d, err = doc.st().EventDetails(ctx, id)
		return err
	}, func(err error) {
		if doc != s.doc || s.look.selected != id { // ids repeat across documents
			return
		}
		if err != nil {
			s.problem(fmt.Errorf("read event %d: %w", id, err))
			return
		}
		_, lane, _ := doc.Span(id)
		s.emit(DetailsRead{Details: d, Lane: lane})
	})
}

// GoTo selects event id and brings it into view.
func (s *Session) GoTo(id int64) {
	s.Select(id)
	s.Reveal(id)
}

// Reveal asks for events to be brought into view on the timeline.
func (s *Session) Reveal(ids ...int64) {
	r := Revealed{IDs: ids, From: math.Inf(1), To: math.Inf(-1)}
	if d := s.doc; d != nil {
		for _, id := range ids {
			if i, ok := d.ids.pos(id); ok {
				it := &d.items[i]
				r.From, r.To = math.Min(r.From, d.earliestOf(it)), math.Max(r.To, math.Max(it.Latest, it.End))
			}
		}
	}
	s.emit(r)
}

// Tooltip returns what the timeline says of event id when the pointer rests
// on it: its title, and its dates, lane and claim status.
func (s *Session) Tooltip(id int64) (title, detail string) {
	if s.doc == nil {
		return "", ""
	}
	sp, lane, ok := s.doc.Span(id)
	if !ok {
		return "", ""
	}
	title = s.doc.ItemTitle(id)
	if title == "" {
		title = "(title still loading)"
	}
	return title, DateRangeOf(s.look.dates, sp.Start, sp.End, sp.StartUncertain, sp.EndUncertain) + " · " + lane.Name + " · " + strings.ToLower(ClaimText(sp.Status))
}

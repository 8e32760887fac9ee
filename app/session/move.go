package session

import (
	"context"
	"fmt"
	"math"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// MoveEvent saves event id as dragged on the timeline: dt seconds later
// (earlier if negative) and in the lane at position lane on the timeline
// (which shows only some lanes while a lane filter is on).
func (s *Session) MoveEvent(id int64, dt float64, lane int) {
	doc := s.doc
	if shown := s.filter.shown; shown != nil && lane >= 0 && lane < len(shown.laneAt) {
		lane = shown.laneAt[lane]
	}
	if doc == nil || lane < 0 || lane >= len(doc.lanes) {
		return
	}
	to := doc.lanes[lane]
	name := "Move event"
	if sp, _, ok := doc.Span(id); ok && sp.LaneID != to.ID {
		name = "Move event to " + to.Name
	}
	shift := int64(math.Round(dt))
	s.changeEvent(id, name, func(ev *data.Event) {
		ev.LaneID = to.ID
		if shift != 0 {
			ev.MoveDates(shift)
			ev.Derivation = nil // dated by hand now, no longer from the words of a quote
		}
	})
}

// ResizeEvent saves range id with an end dragged on the timeline: it now
// starts at start and ends at end (the first second after it).
func (s *Session) ResizeEvent(id int64, start, end float64) {
	from, to := int64(math.Round(start)), int64(math.Round(end))
	s.changeEvent(id, "Change event dates", func(ev *data.Event) {
		ev.SetDates(from, to)
		ev.Derivation = nil
	})
}

// changeEvent reads event id, changes it with change and saves it as the
// edit name; the event is then selected. A change the store refuses (an
// end before the start) is shown as an error and changes nothing.
func (s *Session) changeEvent(id int64, name string, change func(*data.Event)) {
	s.Edit(name, func(ctx context.Context, st *data.Store) (*data.Edit, error) {
		ev, err := st.Event(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("read event %d: %w", id, err)
		}
		change(&ev)
		_, ed, err := st.SaveEvent(ctx, ev)
		return ed, err
	}, s.SelectSaved)
}

// SelectSaved brings into view and selects the event an edit saved.
func (s *Session) SelectSaved(ed *data.Edit) {
	ids := ed.Events()
	if len(ids) != 1 {
		return
	}
	s.Reveal(ids[0])
	if s.look.selected != ids[0] { // else its details are already being read again
		s.Select(ids[0])
	}
}

// DragUnits returns the units event id's start and end (for a point, its
// start again) are known to, which they snap to when dragged.
func (d *Document) DragUnits(id int64) (start, end timeline.Unit) {
	sp, _, ok := d.Span(id)
	if !ok {
		return timeline.Second, timeline.Second
	}
	start = unitOf(sp.Start.Precision)
	if !sp.HasEnd() {
		return start, start
	}
	return start, unitOf(sp.End.Precision)
}

// unitOf returns the calendar unit of precision p.
func unitOf(p data.Precision) timeline.Unit {
	switch p {
	case data.PrecisionYear:
		return timeline.Year
	case data.PrecisionMonth:
		return timeline.Month
	case data.PrecisionDay:
		return timeline.Day
	case data.PrecisionMinute:
		return timeline.Minute
	}
	return timeline.Second
}

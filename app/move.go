package app

import (
	"context"
	"fmt"
	"math"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// moveEvent saves event id as dragged on the timeline: dt seconds later
// (earlier if negative) and in the lane at position lane on the timeline
// (which shows only some lanes while a lane filter is on).
func (e *editor) moveEvent(id int64, dt float64, lane int) {
	doc := e.m.doc
	if shown := e.m.filter.shown; shown != nil && lane >= 0 && lane < len(shown.lanes) {
		lane = shown.lanes[lane]
	}
	if doc == nil || lane < 0 || lane >= len(doc.lanes) {
		return
	}
	to := doc.lanes[lane]
	name := "Move event"
	if sp, _, ok := doc.span(id); ok && sp.LaneID != to.ID {
		name = "Move event to " + to.Name
	}
	shift := int64(math.Round(dt))
	e.changeEvent(id, name, func(ev *data.Event) {
		ev.LaneID = to.ID
		if shift != 0 {
			ev.MoveDates(shift)
			ev.Derivation = nil // dated by hand now, no longer from the words of a quote
		}
	})
}

// resizeEvent saves range id with an end dragged on the timeline: it now
// starts at start and ends at end (the first second after it).
func (e *editor) resizeEvent(id int64, start, end float64) {
	s, t := int64(math.Round(start)), int64(math.Round(end))
	e.changeEvent(id, "Change event dates", func(ev *data.Event) {
		ev.SetDates(s, t)
		ev.Derivation = nil
	})
}

// changeEvent reads event id, changes it with change and saves it as the
// edit name; the event is then selected. A change the store refuses (an
// end before the start) is shown as an error and changes nothing.
func (e *editor) changeEvent(id int64, name string, change func(*data.Event)) {
	e.do(name, func(ctx context.Context, s *data.Store) (*data.Edit, error) {
		ev, err := s.Event(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("read event %d: %w", id, err)
		}
		change(&ev)
		_, ed, err := s.SaveEvent(ctx, ev)
		return ed, err
	}, e.selectSaved)
}

// selectSaved reveals and selects the event an edit saved.
func (e *editor) selectSaved(ed *data.Edit) {
	ids := ed.Events()
	if len(ids) != 1 {
		return
	}
	e.m.timeline.Reveal(ids[0])
	if e.m.timeline.Selected() != ids[0] { // else its details are already being read again
		e.m.timeline.Select(ids[0])
		e.m.selectEvent(ids[0])
	}
}

// dragUnits returns the units event id's start and end (for a point, its
// start again) are known to, which they snap to when dragged.
func (d *document) dragUnits(id int64) (start, end timeline.Unit) {
	sp, _, ok := d.span(id)
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

package app

import (
	"context"
	"fmt"
	"image/color"
	"strconv"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// document is an open Quoteline document and what the window shows of it.
type document struct {
	store  *data.Store
	title  string
	lanes  []data.Lane
	events []data.Event
	counts data.Counts

	laneIndex map[int64]int         // lane id -> index in lanes
	byID      map[int64]*data.Event // event id -> event
	items     []timeline.Item
	tlLanes   []timeline.Lane
	index     *timeline.Index // built with the document, off the UI goroutine
}

// loadDocument opens path and reads what the timeline needs. It touches
// SQLite and must not run on the UI goroutine.
func loadDocument(ctx context.Context, path string) (*document, error) {
	s, err := data.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	d, err := readDocument(ctx, s)
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("read %q: %w", path, err)
	}
	return d, nil
}

func readDocument(ctx context.Context, s *data.Store) (*document, error) {
	d := &document{store: s}
	var err error
	if d.title, err = s.Title(ctx); err != nil {
		return nil, err
	}
	if d.lanes, err = s.Lanes(ctx); err != nil {
		return nil, err
	}
	if d.events, err = s.Events(ctx); err != nil {
		return nil, err
	}
	if d.counts, err = s.Counts(ctx); err != nil {
		return nil, err
	}
	d.laneIndex = make(map[int64]int, len(d.lanes))
	d.tlLanes = make([]timeline.Lane, len(d.lanes))
	for i, l := range d.lanes {
		d.laneIndex[l.ID] = i
		d.tlLanes[i] = timeline.Lane{Name: l.Name, Color: parseColor(l.Color), Collapsed: l.Collapsed}
	}
	d.byID = make(map[int64]*data.Event, len(d.events))
	d.items = make([]timeline.Item, 0, len(d.events))
	for i := range d.events {
		e := &d.events[i]
		d.byID[e.ID] = e
		lane, ok := d.laneIndex[e.LaneID]
		if !ok {
			return nil, fmt.Errorf("event %d %q: lane %d does not exist", e.ID, e.Title, e.LaneID)
		}
		d.items = append(d.items, itemOf(e, lane))
	}
	d.index = timeline.NewIndex(d.items, len(d.tlLanes))
	return d, nil
}

// itemOf converts an event to what the timeline draws. A time known only to a
// month or a year covers that whole period: a range ends at the end of its
// end's period, and a point known to a coarse precision is drawn with a band
// over its period.
func itemOf(e *data.Event, lane int) timeline.Item {
	it := timeline.Item{
		ID:             e.ID,
		Lane:           lane,
		Start:          float64(e.Start.Unix),
		Range:          e.HasEnd(),
		StartUncertain: e.StartUncertain,
		EndUncertain:   e.EndUncertain,
		Title:          e.Title,
	}
	if it.Range {
		it.End = float64(e.End.End() + 1)
	} else {
		it.End = it.Start
	}
	it.Earliest, it.Latest = it.Start, it.End
	if !it.Range && e.Start.Precision <= data.PrecisionDay {
		it.Latest = float64(e.Start.End() + 1)
	}
	if e.EarliestStart != nil && float64(*e.EarliestStart) < it.Earliest {
		it.Earliest = float64(*e.EarliestStart)
	}
	if e.LatestEnd != nil && float64(*e.LatestEnd) > it.Latest {
		it.Latest = float64(*e.LatestEnd)
	}
	switch e.Status {
	case data.StatusDisputed:
		it.Style = timeline.StyleDisputed
	case data.StatusExpected:
		it.Style = timeline.StyleExpected
	}
	return it
}

// parseColor reads "#RRGGBB"; anything else is a neutral grey.
func parseColor(s string) color.NRGBA {
	grey := color.NRGBA{0x88, 0x88, 0x88, 0xff}
	if len(s) != 7 || s[0] != '#' {
		return grey
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return grey
	}
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// dateRange writes an event's time at its precision: "Aug 2022",
// "Aug 2022 – 15 May 2023".
func dateRange(e *data.Event) string {
	s := e.Start.Display()
	if !e.HasEnd() {
		if e.StartUncertain {
			return "by " + s + " (start not known)"
		}
		return s
	}
	if e.StartUncertain {
		s += " (start uncertain)"
	}
	end := e.End.Display()
	if e.EndUncertain {
		end += "?"
	}
	return s + " – " + end
}

// statusText explains a claim status in a few words.
func statusText(s data.ClaimStatus) string {
	switch s {
	case data.StatusConfirmed:
		return "Confirmed by independent sources"
	case data.StatusDisputed:
		return "Disputed: sources disagree"
	case data.StatusExpected:
		return "Expected: announced, not yet a fact"
	default:
		return "Reported"
	}
}

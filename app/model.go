package app

import (
	"context"
	"fmt"
	"image/color"
	"math"
	"strconv"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// document is an open Quoteline document and what the window shows of it.
// It holds each event's span, not the events themselves: titles arrive after
// the first frame, and details are read when an event is selected.
type document struct {
	store  *data.Store
	title  string
	lanes  []data.Lane
	counts data.Counts

	laneIndex map[int64]int   // lane id -> index in lanes
	spans     []data.Span     // by start, parallel to items
	pos       map[int64]int32 // event id -> index in spans and items
	items     []timeline.Item
	tlLanes   []timeline.Lane
	index     *timeline.Index
}

// loadDocument opens path and reads what the first frame needs, reporting
// progress (0 to 1) as it reads the events. It touches SQLite and must not
// run on the UI goroutine; ctx cancels it.
func loadDocument(ctx context.Context, path string, progress func(float64)) (*document, error) {
	s, err := data.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	d, err := readDocument(ctx, s, progress)
	if err != nil {
		go s.Close()
		return nil, fmt.Errorf("read %q: %w", path, err)
	}
	return d, nil
}

func readDocument(ctx context.Context, s *data.Store, progress func(float64)) (*document, error) {
	d := &document{store: s}
	var err error
	if d.title, err = s.Title(ctx); err != nil {
		return nil, err
	}
	if d.lanes, err = s.Lanes(ctx); err != nil {
		return nil, err
	}
	if d.counts, err = s.Counts(ctx); err != nil {
		return nil, err
	}
	report := func(done, total int) {
		if progress != nil && total > 0 {
			progress(float64(done) / float64(total))
		}
	}
	if d.spans, err = s.Spans(ctx, report); err != nil {
		return nil, err
	}
	d.laneIndex = make(map[int64]int, len(d.lanes))
	d.tlLanes = make([]timeline.Lane, len(d.lanes))
	for i, l := range d.lanes {
		d.laneIndex[l.ID] = i
		d.tlLanes[i] = timeline.Lane{Name: l.Name, Color: parseColor(l.Color), Collapsed: l.Collapsed}
	}
	d.pos = make(map[int64]int32, len(d.spans))
	d.items = make([]timeline.Item, len(d.spans))
	for i := range d.spans {
		sp := &d.spans[i]
		d.pos[sp.ID] = int32(i)
		lane, ok := d.laneIndex[sp.LaneID]
		if !ok {
			return nil, fmt.Errorf("event %d: lane %d does not exist", sp.ID, sp.LaneID)
		}
		d.items[i] = itemOf(sp, lane)
	}
	d.index = timeline.NewIndex(d.items, len(d.tlLanes))
	return d, nil
}

// span returns the span of event id and its lane.
func (d *document) span(id int64) (*data.Span, data.Lane, bool) {
	i, ok := d.pos[id]
	if !ok {
		return nil, data.Lane{}, false
	}
	sp := &d.spans[i]
	return sp, d.lanes[d.laneIndex[sp.LaneID]], true
}

// itemOf converts an event's span to what the timeline draws; its title
// comes later. A time known only to a month or a year covers that whole
// period: a range ends at the end of its end's period, and a point known to a
// coarse precision is drawn with a band over its period.
func itemOf(sp *data.Span, lane int) timeline.Item {
	it := timeline.Item{
		ID:             sp.ID,
		Lane:           lane,
		Start:          float64(sp.Start.Unix),
		Range:          sp.HasEnd(),
		StartUncertain: sp.StartUncertain,
		EndUncertain:   sp.EndUncertain,
		Earliest:       float64(sp.EarliestStart),
		Latest:         float64(sp.LatestEnd + 1),
	}
	it.End = it.Start
	if it.Range {
		it.End = float64(sp.End.End() + 1)
	}
	it.Earliest, it.Latest = math.Min(it.Earliest, it.Start), math.Max(it.Latest, it.End)
	switch sp.Status {
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
	return dateRangeOf(e.Start, e.End, e.StartUncertain, e.EndUncertain)
}

// dateRangeOf writes a start and an optional end (zero for a point) at their
// precisions, marking uncertain ends.
func dateRangeOf(start, end data.Time, startUncertain, endUncertain bool) string {
	s := start.Display()
	if end.IsZero() {
		if startUncertain {
			return "by " + s + " (start not known)"
		}
		return s
	}
	if startUncertain {
		s += " (start uncertain)"
	}
	e := end.Display()
	if endUncertain {
		e += "?"
	}
	return s + " – " + e
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

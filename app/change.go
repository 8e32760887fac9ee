package app

import (
	"cmp"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// applyChanges brings the in-memory document up to date after an edit:
// the events whose ids are in touched are dropped and those in changed
// (read after the edit, sorted by start and id) put in their place; lanes,
// when not nil, replaces the lanes. It merges sorted runs instead of
// reading the document again, so it costs O(n) with no database access.
// Call it on the UI goroutine: the titles loader writes the same slices.
func (d *document) applyChanges(changed []data.Event, touched []int64, lanes []data.Lane) {
	if lanes == nil && d.updateInPlace(changed, touched) {
		return
	}
	if lanes != nil {
		d.lanes = lanes
		d.laneIndex = make(map[int64]int, len(lanes))
		d.tlLanes = make([]timeline.Lane, len(lanes))
		for i, l := range lanes {
			d.laneIndex[l.ID] = i
			d.tlLanes[i] = timeline.Lane{Name: l.Name, Color: parseColor(l.Color), Collapsed: l.Collapsed}
		}
	}
	drop := make(map[int64]bool, len(touched))
	for _, id := range touched {
		drop[id] = true
	}
	n := len(d.spans) - len(touched) + len(changed)
	spans := make([]data.Span, 0, max(n, 0))
	items := make([]timeline.Item, 0, max(n, 0))
	add := func(sp data.Span, title string, match bool) {
		lane, ok := d.laneIndex[sp.LaneID]
		if !ok {
			return // its lane is gone; cannot happen through the store's edits
		}
		it := itemOf(&sp, lane)
		it.Title, it.Match = title, match
		spans = append(spans, sp)
		items = append(items, it)
	}
	k := 0
	for i := range d.spans {
		sp := d.spans[i]
		if drop[sp.ID] {
			continue
		}
		for k < len(changed) && before(&changed[k], &sp) {
			add(data.SpanOf(&changed[k]), changed[k].Title, false)
			k++
		}
		add(sp, d.items[i].Title, d.items[i].Match)
	}
	for ; k < len(changed); k++ {
		add(data.SpanOf(&changed[k]), changed[k].Title, false)
	}
	d.spans, d.items = spans, items
	d.pos = make(map[int64]int32, len(spans))
	for i := range spans {
		d.pos[spans[i].ID] = int32(i)
	}
	d.index = timeline.NewIndex(d.items, len(d.tlLanes))
}

// before reports whether event e sorts before span sp (by start, then id).
func before(e *data.Event, sp *data.Span) bool {
	return cmp.Or(cmp.Compare(e.Start.Unix, sp.Start.Unix), cmp.Compare(e.ID, sp.ID)) < 0
}

// updateInPlace applies an edit that moved nothing, such as a new title or
// status: each changed event keeps its place, lane and extent, so the
// arrays and the index stay as they are and only the items' texts and
// styles change. It reports false, changing nothing, for any other edit.
func (d *document) updateInPlace(changed []data.Event, touched []int64) bool {
	if len(changed) != len(touched) {
		return false // events added or deleted
	}
	idx := make([]int32, len(changed))
	for k := range changed {
		i, ok := d.pos[changed[k].ID]
		if !ok {
			return false
		}
		old, sp := d.spans[i], data.SpanOf(&changed[k])
		if old.LaneID != sp.LaneID || old.Start != sp.Start || old.End != sp.End ||
			old.EarliestStart != sp.EarliestStart || old.LatestEnd != sp.LatestEnd {
			return false
		}
		idx[k] = i
	}
	for k, i := range idx {
		sp := data.SpanOf(&changed[k])
		it := itemOf(&sp, d.items[i].Lane)
		it.Title, it.Match = changed[k].Title, d.items[i].Match
		d.spans[i], d.items[i] = sp, it
	}
	return true
}

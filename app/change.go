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
	newLanes := d.lanes
	if lanes != nil {
		newLanes = lanes
	}
	laneAt := make(map[int64]int, len(newLanes))
	for i, l := range newLanes {
		laneAt[l.ID] = i
	}
	drop := make(map[int64]bool, len(touched))
	for _, id := range touched {
		drop[id] = true
	}
	n := max(len(d.items)-len(touched)+len(changed), 0)
	items := make([]timeline.Item, 0, n)
	info := make([]spanInfo, 0, n)
	earliest := make(map[int64]float64, len(d.earliest))
	add := func(sp data.Span) {
		lane, ok := laneAt[sp.LaneID]
		if !ok {
			return // its lane is gone; cannot happen through the store's edits
		}
		items = append(items, itemOf(&sp, lane))
		info = append(info, infoOf(&sp))
		if sp.EarliestStart < sp.Start.Unix {
			earliest[sp.ID] = float64(sp.EarliestStart)
		}
	}
	for _, id := range touched {
		delete(d.titles, id)
		delete(d.matches, id)
	}
	addChanged := func(e *data.Event) {
		add(data.SpanOf(e))
		d.titles[e.ID] = e.Title
	}
	k := 0
	for i := range d.items {
		if drop[d.items[i].ID] {
			continue
		}
		sp := d.spanAt(i) // with the lanes the item was made with
		for k < len(changed) && before(&changed[k], &sp) {
			addChanged(&changed[k])
			k++
		}
		add(sp)
	}
	for ; k < len(changed); k++ {
		addChanged(&changed[k])
	}
	if lanes != nil {
		d.lanes = lanes
		d.tlLanes = make([]timeline.Lane, len(lanes))
		for i, l := range lanes {
			d.tlLanes[i] = timeline.Lane{Name: l.Name, Color: parseColor(l.Color), Collapsed: l.Collapsed}
		}
	}
	d.items, d.info, d.earliest = items, info, earliest
	ids, err := newIDIndex(items)
	if err != nil {
		ids = idIndex{items: items} // found by bisection; cannot fail for the store's ids
	}
	d.ids = ids
	d.index = timeline.NewIndex(d.items, d.earliest, len(d.tlLanes))
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
	idx := make([]int, len(changed))
	for k := range changed {
		i, ok := d.ids.pos(changed[k].ID)
		if !ok {
			return false
		}
		old, sp := d.spanAt(i), data.SpanOf(&changed[k])
		if old.LaneID != sp.LaneID || !sameTime(old.Start, sp.Start) || !sameTime(old.End, sp.End) ||
			old.EarliestStart != sp.EarliestStart || old.LatestEnd != sp.LatestEnd {
			return false
		}
		idx[k] = i
	}
	for k, i := range idx {
		sp := data.SpanOf(&changed[k])
		d.items[i], d.info[i] = itemOf(&sp, int(d.items[i].Lane)), infoOf(&sp)
		d.titles[changed[k].ID] = changed[k].Title
	}
	return true
}

// sameTime reports whether two times cover the same period: a span rebuilt
// from an item holds a range's end as the last second of its period.
func sameTime(a, b data.Time) bool {
	return a.Precision == b.Precision && a.End() == b.End()
}

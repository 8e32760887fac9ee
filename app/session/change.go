package session

import (
	"cmp"
	"maps"
	"slices"
	"sort"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// applyChanges brings the in-memory document up to date after an edit:
// the events whose ids are in touched are dropped and those in changed
// (read after the edit, sorted by start and id) put in their place; lanes,
// when not nil, replaces the lanes (and every item is made again, as lane
// positions may have changed). It merges sorted runs instead of reading
// the document again, so it costs O(n) with no database access.
// Call it on the UI goroutine: the titles loader writes the same slices.
func (d *Document) applyChanges(changed []data.Event, touched []int64, lanes []data.Lane) {
	if lanes == nil && d.updateInPlace(changed, touched) {
		return
	}
	if lanes == nil {
		d.mergeRuns(changed, touched)
		return
	}
	drop := make(map[int64]bool, len(touched))
	for _, id := range touched {
		drop[id] = true
		delete(d.titles, id)
		delete(d.matches, id)
	}
	m := newMerge(max(len(d.items)-len(touched)+len(changed), 0), lanes, make(map[int64]float64, len(d.earliest)))
	k := 0
	for i := range d.items {
		if drop[d.items[i].ID] {
			continue
		}
		sp := d.SpanAt(i) // with the lanes the item was made with
		for k < len(changed) && before(&changed[k], &sp) {
			d.addChanged(m, &changed[k])
			k++
		}
		m.add(&sp)
	}
	for ; k < len(changed); k++ {
		d.addChanged(m, &changed[k])
	}
	d.periods = drawnPeriods(d.periodRecords, lanes)
	d.lanes = lanes
	d.tlLanes = make([]timeline.Lane, len(lanes))
	for i, l := range lanes {
		d.tlLanes[i] = timeline.Lane{Name: l.Name, Color: LaneColor(l.Color), Collapsed: l.Collapsed}
	}
	d.finishMerge(m)
}

// merge gathers the arrays that replace a document's after an edit.
type merge struct {
	items    []timeline.Item
	info     []spanInfo
	earliest map[int64]float64
	laneAt   map[int64]int // lane id -> position among the lanes
}

// newMerge starts arrays for n items in lanes, with the earlier-start
// bounds in earliest.
func newMerge(n int, lanes []data.Lane, earliest map[int64]float64) *merge {
	m := &merge{items: make([]timeline.Item, 0, n), info: make([]spanInfo, 0, n), earliest: earliest,
		laneAt: make(map[int64]int, len(lanes))}
	for i, l := range lanes {
		m.laneAt[l.ID] = i
	}
	return m
}

// add appends the item of sp.
func (m *merge) add(sp *data.Span) {
	lane, ok := m.laneAt[sp.LaneID]
	if !ok {
		return // its lane is gone; cannot happen through the store's edits
	}
	m.items = append(m.items, itemOf(sp, lane))
	m.info = append(m.info, infoOf(sp))
	if sp.EarliestStart < sp.Start.Unix {
		m.earliest[sp.ID] = float64(sp.EarliestStart)
	}
}

// addChanged appends an event as read after the edit, with its title.
func (d *Document) addChanged(m *merge, e *data.Event) {
	sp := data.SpanOf(e)
	m.add(&sp)
	d.titles[e.ID] = e.Title
}

// mergeRuns applies an edit that keeps the lanes as they are, as most do:
// the items between the dropped and the inserted ones are copied as they
// are, a run at a time, rather than rebuilt one by one. Touched ids not in
// the document are those of events the edit added.
func (d *Document) mergeRuns(changed []data.Event, touched []int64) {
	drop := make([]int, 0, len(touched))
	for _, id := range touched {
		i, ok := d.ids.pos(id)
		if !ok {
			continue // an event added by this edit
		}
		drop = append(drop, i)
	}
	slices.Sort(drop)
	drop = slices.Compact(drop)
	// Where each changed event goes among the old items: before the first
	// it sorts before. changed is sorted, so these ascend.
	at := make([]int, len(changed))
	for k := range changed {
		at[k] = sort.Search(len(d.items), func(i int) bool {
			sp := d.SpanAt(i)
			return before(&changed[k], &sp)
		})
	}
	m := newMerge(max(len(d.items)-len(drop)+len(changed), 0), d.lanes, maps.Clone(d.earliest))
	for _, id := range touched {
		delete(m.earliest, id)
		delete(d.titles, id)
		delete(d.matches, id)
	}
	pos, k, j := 0, 0, 0
	for {
		next := len(d.items)
		if k < len(at) {
			next = min(next, at[k])
		}
		if j < len(drop) {
			next = min(next, drop[j])
		}
		m.items = append(m.items, d.items[pos:next]...)
		m.info = append(m.info, d.info[pos:next]...)
		pos = next
		switch {
		case k < len(at) && at[k] == pos: // goes before the item at pos
			d.addChanged(m, &changed[k])
			k++
		case j < len(drop) && drop[j] == pos:
			pos++
			j++
		default:
			d.finishMerge(m)
			return
		}
	}
}

// finishMerge puts merged arrays in place and indexes them.
func (d *Document) finishMerge(m *merge) {
	d.items, d.info, d.earliest = m.items, m.info, m.earliest
	ids, err := newIDIndex(d.items)
	if err != nil {
		ids = idIndex{items: d.items} // found by bisection; cannot fail for the store's ids
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
func (d *Document) updateInPlace(changed []data.Event, touched []int64) bool {
	if len(changed) != len(touched) {
		return false // events added or deleted
	}
	idx := make([]int, len(changed))
	for k := range changed {
		i, ok := d.ids.pos(changed[k].ID)
		if !ok {
			return false
		}
		old, sp := d.SpanAt(i), data.SpanOf(&changed[k])
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

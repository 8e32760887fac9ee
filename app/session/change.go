package session

import (
	"cmp"
	"maps"
	"math"
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
	if lanes == nil && len(touched) <= inPlaceEdits && d.changeInPlace(changed, touched) {
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
	m := &merge{items: make([]timeline.Item, 0, roomFor(n)), info: make([]spanInfo, 0, roomFor(n)), earliest: earliest,
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

// inPlaceEdits is the most events an edit may touch to be shown by moving
// items in place (changeInPlace); an edit of more, such as an undone
// import, merges the arrays and indexes them again (mergeRuns).
const inPlaceEdits = 16

// changeInPlace applies an edit of a few events that keeps the lanes, such
// as an event moved or added: each touched event leaves the arrays, the id
// table and the level-of-detail index where it was, and each changed event
// goes in where it now belongs, the items between moving one place. That
// costs a pass over the index's positions per event and moving the items
// between its old and new places, instead of making every array again:
// well under a frame at a million events. It reports false, changing
// nothing, for an event in a lane the document does not have.
func (d *Document) changeInPlace(changed []data.Event, touched []int64) bool {
	laneAt := make(map[int64]int, len(d.lanes))
	for i, l := range d.lanes {
		laneAt[l.ID] = i
	}
	byID := make(map[int64]int, len(changed)) // index in changed
	for k := range changed {
		if _, ok := laneAt[changed[k].LaneID]; !ok {
			return false
		}
		byID[changed[k].ID] = k
	}
	put := func(e *data.Event) (timeline.Item, spanInfo, float64) {
		sp := data.SpanOf(e)
		d.titles[e.ID] = e.Title
		it := itemOf(&sp, laneAt[sp.LaneID])
		return it, infoOf(&sp), math.Min(float64(sp.EarliestStart), it.Start)
	}
	for _, id := range touched {
		delete(d.matches, id)
		i, ok := d.ids.pos(id)
		if !ok {
			continue // added by this edit
		}
		k, kept := byID[id]
		if !kept {
			d.removeAt(i)
			delete(d.titles, id)
			continue
		}
		delete(byID, id)
		it, info, earliest := put(&changed[k])
		d.moveTo(i, it, info, earliest)
	}
	for k := range changed {
		if _, left := byID[changed[k].ID]; !left {
			continue
		}
		it, info, earliest := put(&changed[k])
		if i, ok := d.ids.pos(it.ID); ok { // changed but not said to be touched
			d.moveTo(i, it, info, earliest)
		} else {
			d.insertAt(d.place(&it), it, info, earliest)
		}
	}
	return true
}

// place returns where item it goes among d's items, which it is not among:
// before the first it sorts before, by start and then id.
func (d *Document) place(it *timeline.Item) int {
	return sort.Search(len(d.items), func(i int) bool {
		return cmp.Or(cmp.Compare(it.Start, d.items[i].Start), cmp.Compare(it.ID, d.items[i].ID)) < 0
	})
}

// earliestOf is the earliest time item it may have started, as the index
// holds it.
func (d *Document) earliestOf(it *timeline.Item) float64 {
	if e, ok := d.earliest[it.ID]; ok {
		return math.Min(e, it.Start)
	}
	return it.Start
}

// setEarliest records the earliest start of item it, if before its start.
func (d *Document) setEarliest(it *timeline.Item, earliest float64) {
	if earliest < it.Start {
		d.earliest[it.ID] = earliest
	} else {
		delete(d.earliest, it.ID)
	}
}

// removeAt takes the item at i out of d.
func (d *Document) removeAt(i int) {
	it := d.items[i]
	d.index.Remove(i, it, d.earliestOf(&it))
	delete(d.earliest, it.ID)
	d.items = slices.Delete(d.items, i, i+1)
	d.info = slices.Delete(d.info, i, i+1)
	d.ids.removed(d.items, i, it.ID)
}

// insertAt puts item it, with its info and earliest start, into d at i.
func (d *Document) insertAt(i int, it timeline.Item, info spanInfo, earliest float64) {
	if len(d.items) == cap(d.items) { // grow by a little, not by half as append would
		d.items = slices.Grow(d.items, roomFor(len(d.items))-len(d.items))
		d.info = slices.Grow(d.info, roomFor(len(d.info))-len(d.info))
	}
	d.items = slices.Insert(d.items, i, it)
	d.info = slices.Insert(d.info, i, info)
	d.setEarliest(&it, earliest)
	d.ids.inserted(d.items, i)
	d.index.Insert(d.items, i, d.earliestOf(&it))
}

// moveTo replaces the item at i with it (the same event, changed), moving
// it to where it now belongs: only the items between its old and new
// places move, each by one.
func (d *Document) moveTo(i int, it timeline.Item, info spanInfo, earliest float64) {
	old := d.items[i]
	oldEarliest := d.earliestOf(&old)
	j := d.place(&it) // among the items with the old one still at i
	if j > i {
		j-- // and without it
	}
	switch {
	case j > i:
		copy(d.items[i:j], d.items[i+1:j+1])
		copy(d.info[i:j], d.info[i+1:j+1])
	case j < i:
		copy(d.items[j+1:i+1], d.items[j:i])
		copy(d.info[j+1:i+1], d.info[j:i])
	}
	d.items[j], d.info[j] = it, info
	d.setEarliest(&it, earliest)
	d.ids.moved(d.items, i, j)
	d.index.Move(d.items, i, j, old, oldEarliest, d.earliestOf(&it))
}

// roomFor is the capacity the arrays of n items are given: a little more,
// so that adding events does not copy them all.
func roomFor(n int) int { return n + n/64 + 16 }

package timeline

import (
	"cmp"
	"fmt"
	"image/color"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"
)

// randomItems makes n items over about a year in lanes, a fifth of them ranges.
func randomItems(r *rand.Rand, n, lanes int) []testItem {
	items := make([]testItem, n)
	for i := range items {
		s := aug2022 + r.Float64()*365*day
		it := testItem{ID: int64(i + 1), Lane: r.IntN(lanes), Start: s, End: s, Earliest: s, Latest: s}
		if r.IntN(5) == 0 {
			it.Range, it.End = true, s+r.Float64()*60*day
			it.Latest = it.End
		}
		if r.IntN(10) == 0 {
			it.Earliest -= r.Float64() * 10 * day
			it.Latest += r.Float64() * 10 * day
		}
		items[i] = it
	}
	slices.SortFunc(items, func(a, b testItem) int { return int(math.Copysign(1, a.Start-b.Start)) })
	return items
}

func TestIndex_VisibleMatchesAScan(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	items := randomItems(r, 5000, 4)
	x := indexOf(items, 4)
	if x.Len() != 5000 {
		t.Fatalf("Len %d", x.Len())
	}
	for range 300 {
		from := aug2022 - 30*day + r.Float64()*400*day
		to := from + r.Float64()*r.Float64()*200*day
		lane := r.IntN(4)
		var want []int32
		for i, it := range items {
			if it.Lane == lane && math.Min(it.Start, it.Earliest) <= to && math.Max(it.End, it.Latest) >= from {
				want = append(want, int32(i))
			}
		}
		got := x.Visible(lane, from, to, nil)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("Visible(%d, %v, %v): %d items, a scan finds %d", lane, from, to, len(got), len(want))
		}
	}
}

func TestIndex_Density(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2))
	bounded := randomItems(r, 20000, 3) // some may have started before their start
	unbounded := slices.Clone(bounded)  // none: the index shares its arrays
	for i := range unbounded {
		unbounded[i].Earliest = unbounded[i].Start
	}
	for name, items := range map[string][]testItem{"bounded": bounded, "unbounded": unbounded} {
		t.Run(name, func(t *testing.T) { testDensity(t, items) })
	}
}

func testDensity(t *testing.T, items []testItem) {
	x := indexOf(items, 3)
	v := NewViewport(aug2022+50*day, aug2022+150*day, 1000)
	starts := make([]int32, 250) // 4 px columns
	ranges := make([]int32, 250)
	for lane := range 3 {
		x.Density(lane, v, starts, ranges)
		total := 0
		for _, n := range starts {
			total += int(n)
		}
		scan := 0
		for _, it := range items {
			if it.Lane == lane && it.Start >= v.Start() && it.Start < v.End() {
				scan++
			}
		}
		if got := x.StartsIn(lane, v.Start(), v.End()); got != scan || total != scan {
			t.Errorf("lane %d: StartsIn %d, columns add up to %d, a scan finds %d starting in view", lane, got, total, scan)
		}
		for _, c := range []int{0, 17, 124, 249} {
			mid := v.Time((float64(c) + 0.5) * 4)
			want := 0
			for _, it := range items {
				if it.Lane == lane && it.Range && it.Start <= mid && it.End >= mid {
					want++
				}
			}
			if int(ranges[c]) != want {
				t.Errorf("lane %d column %d: %d ranges cover it, a scan finds %d", lane, c, ranges[c], want)
			}
		}
	}
}

// TestIndex_DensityMatchesBinarySearches compares Density, which gallops
// from one column's edge to the next over the index's own columns, with a
// binary search of the lane's sorted times for every column, over random
// items and views from the whole extent down to minutes, some reaching past
// either end: items on whole seconds (held as offsets, many sharing a
// second) and items at fractions of a second (held as they are).
func TestIndex_DensityMatchesBinarySearches(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 3))
	whole := randomItems(r, 30000, 3)
	for i := range whole {
		whole[i].Start, whole[i].Earliest = math.Floor(whole[i].Start/600)*600, math.Floor(whole[i].Earliest/600)*600
		whole[i].End, whole[i].Latest = max(whole[i].Start, math.Floor(whole[i].End)), max(whole[i].Start, math.Floor(whole[i].Latest))
	}
	slices.SortFunc(whole, func(a, b testItem) int { return cmp.Compare(a.Start, b.Start) })
	for name, items := range map[string][]testItem{"whole seconds": whole, "fractions": randomItems(r, 30000, 3)} {
		t.Run(name, func(t *testing.T) {
			x := indexOf(items, 3)
			if compact := x.lanes[0].starts.off != nil; compact != (name == "whole seconds") {
				t.Fatalf("starts held as offsets: %v", compact)
			}
			for range 400 {
				span := math.Exp(r.Float64()*math.Log(500*day/60)) * 60
				from := aug2022 - 60*day + r.Float64()*(480*day)
				v := NewViewport(from, from+span, 200+r.Float64()*1800)
				cols := 1 + r.IntN(900)
				lane := r.IntN(3)
				starts, ranges := make([]int32, cols), make([]int32, cols)
				x.Density(lane, v, starts, ranges)
				wantStarts, wantRanges := densityBySearch(items, lane, v, cols)
				if !slices.Equal(starts, wantStarts) || !slices.Equal(ranges, wantRanges) {
					t.Fatalf("lane %d, %v to %v over %d columns: Density differs from binary searches", lane, v.Start(), v.End(), cols)
				}
			}
		})
	}
}

// densityBySearch is what Density answers for lane of items, found by a
// binary search of the lane's sorted times for each column.
func densityBySearch(items []testItem, lane int, v Viewport, cols int) (starts, ranges []int32) {
	var all, rangeStarts, rangeEnds []float64
	for _, it := range items {
		if it.Lane == lane {
			all = append(all, it.Start)
			if it.Range {
				rangeStarts, rangeEnds = append(rangeStarts, it.Start), append(rangeEnds, it.End)
			}
		}
	}
	slices.Sort(all)
	slices.Sort(rangeStarts)
	slices.Sort(rangeEnds)
	starts, ranges = make([]int32, cols), make([]int32, cols)
	colW := v.Width() / float64(cols)
	for c := range cols {
		lo := sort.SearchFloat64s(all, v.Time(float64(c)*colW))
		hi := sort.SearchFloat64s(all, v.Time(float64(c+1)*colW))
		starts[c] = int32(hi - lo)
		mid := v.Time((float64(c) + 0.5) * colW)
		ranges[c] = int32(sort.SearchFloat64s(rangeStarts, math.Nextafter(mid, math.Inf(1))) - sort.SearchFloat64s(rangeEnds, mid))
	}
	return starts, ranges
}

// TestIndex_WholeSecondsMatchAScan checks Visible and StartsIn over items on
// whole seconds, which the index holds as offsets from a lane's first time,
// against a scan, with windows whose edges fall on items' times and between
// them; and that times too far apart for offsets are held as they are.
func TestIndex_WholeSecondsMatchAScan(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 8))
	items := randomItems(r, 5000, 4)
	for i := range items {
		items[i].Start, items[i].Earliest = math.Round(items[i].Start), math.Round(items[i].Earliest)
		items[i].End, items[i].Latest = max(items[i].Start, math.Round(items[i].End)), max(items[i].Start, math.Round(items[i].Latest))
	}
	items = append(items, testItem{ID: 9999, Lane: 3, Start: aug2022 + 200*365*day, End: aug2022 + 200*365*day, Earliest: aug2022 + 200*365*day, Latest: aug2022 + 200*365*day + 1})
	slices.SortFunc(items, func(a, b testItem) int { return cmp.Compare(a.Start, b.Start) })
	x := indexOf(items, 4)
	if x.lanes[0].earliest.off == nil || x.lanes[3].starts.off != nil {
		t.Fatalf("lane 0 held as offsets: %v, lane 3 (over 200 years) as offsets: %v", x.lanes[0].earliest.off != nil, x.lanes[3].starts.off != nil)
	}
	for range 500 {
		from := items[r.IntN(len(items))].Start - float64(r.IntN(2))*day*r.Float64()
		to := from + math.Round(r.Float64()*r.Float64()*100*day)
		lane := r.IntN(4)
		var want []int32
		starting := 0
		for i, it := range items {
			if it.Lane != lane {
				continue
			}
			if math.Min(it.Start, it.Earliest) <= to && math.Max(it.End, it.Latest) >= from {
				want = append(want, int32(i))
			}
			if it.Start >= from && it.Start < to {
				starting++
			}
		}
		got := x.Visible(lane, from, to, nil)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("Visible(%d, %v, %v): %d items, a scan finds %d", lane, from, to, len(got), len(want))
		}
		if n := x.StartsIn(lane, from, to); n != starting {
			t.Fatalf("StartsIn(%d, %v, %v) = %d, a scan finds %d", lane, from, to, n, starting)
		}
	}
}

func TestIndex_LeavesOutUnknownLanes(t *testing.T) {
	items := []testItem{point(1, 0, aug2022, "a"), point(2, 5, aug2022, "b"), point(3, -1, aug2022, "c")}
	x := indexOf(items, 2)
	if x.Len() != 1 {
		t.Errorf("Len = %d, want 1", x.Len())
	}
	if got := x.Visible(0, aug2022-day, aug2022+day, nil); len(got) != 1 || got[0] != 0 {
		t.Errorf("Visible = %v, want only item 0", got)
	}
}

// benchTitles are the titles benchmark items get, of varied length.
var benchTitles = []string{"Talks", "Sanctions announced", "Shipment reported at the border",
	"Ministers meet to discuss the new export controls", "Drones seen", "Court ruling on the appeal",
	"Report published by the inspectors after a long delay", "Statement"}

// benchIndex builds an index over n items spread over ten years, each with a title.
func benchIndex(b *testing.B, n int) (Events, *Index) {
	b.Helper()
	r := rand.New(rand.NewPCG(1, uint64(n)))
	items := make([]testItem, n)
	for i := range items {
		s := aug2022 + r.Float64()*3650*day
		items[i] = testItem{ID: int64(i + 1), Lane: r.IntN(10), Start: s, End: s, Earliest: s, Latest: s, Title: benchTitles[i%len(benchTitles)]}
		if r.IntN(5) == 0 {
			items[i].Range, items[i].End, items[i].Latest = true, s+r.Float64()*30*day, s+r.Float64()*30*day
			items[i].Latest = math.Max(items[i].Latest, items[i].End)
		}
	}
	slices.SortFunc(items, func(a, b testItem) int { return int(math.Copysign(1, a.Start-b.Start)) })
	ev := eventsOf(items)
	return ev, NewIndex(ev.Items, ev.Earliest, 10)
}

func BenchmarkIndex_Visible1M_Hour(b *testing.B) {
	_, x := benchIndex(b, 1_000_000)
	var dst []int32
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		from := aug2022 + float64(i%3000)*day
		for lane := range 10 {
			dst = x.Visible(lane, from, from+3600, dst[:0])
		}
	}
}

func BenchmarkIndex_Density1M_Whole(b *testing.B) {
	_, x := benchIndex(b, 1_000_000)
	v := NewViewport(aug2022, aug2022+3650*day, 1280)
	starts, ranges := make([]int32, 640), make([]int32, 640)
	b.ReportAllocs()
	for b.Loop() {
		for lane := range 10 {
			x.Density(lane, v, starts, ranges)
		}
	}
}

func BenchmarkNewIndex1M(b *testing.B) {
	ev, _ := benchIndex(b, 1_000_000)
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(ev.Items, ev.Earliest, 10)
	}
}

// BenchmarkBuild_Scale builds frames with an index over 1K to 1M events in
// ten lanes, spread over ten years, at three zoom levels. This is the work of
// one frame in the timeline core: culling, stacking, label placement,
// density charts and primitives.
func BenchmarkBuild_Scale(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000, 1_000_000} {
		ev, x := benchIndex(b, n)
		lanes := make([]Lane, 10)
		for i := range lanes {
			lanes[i] = Lane{Name: "Lane", Color: color.NRGBA{0x33, 0x66, 0x99, 0xff}}
		}
		mid := aug2022 + 1825*day
		for _, z := range []struct {
			name string
			span float64
		}{{"whole", 3660 * day}, {"month", 30 * day}, {"hour", 3600}} {
			b.Run(fmt.Sprintf("%d/%s", n, z.name), func(b *testing.B) {
				in := &Input{
					Viewport: NewViewport(mid-z.span/2, mid+z.span/2, 1280),
					Height:   700, Lanes: lanes, Events: ev, Index: x,
					Metrics: DefaultMetrics(), Measure: measure7,
				}
				var bl Builder
				var s Scene
				b.ReportAllocs()
				for b.Loop() {
					bl.Build(in, &s)
				}
			})
		}
	}
}

// TestIndex_InsertAndRemoveMatchNewIndex: items added, deleted and moved
// one at a time, the index updated in place, index the same as an index
// made anew of the items, through every kind of time an index holds
// (whole seconds near each other, a time far before the others, fractions
// of a second), earlier bounds, ranges and items in no lane.
func TestIndex_InsertAndRemoveMatchNewIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	const lanes = 4
	var items []Item
	earliest := map[int64]float64{}
	nextID := int64(1)
	newItem := func(step int) (Item, float64) {
		s := math.Round(aug2022 + r.Float64()*30*day)
		switch {
		case step > 300 && r.IntN(40) == 0:
			s -= 200 * 365 * day // beyond what 4-byte offsets from the others reach
		case step > 200 && r.IntN(40) == 0:
			s += 0.25 // not a whole second
		}
		it := Item{ID: nextID, Lane: int32(r.IntN(lanes + 1)), Start: s, End: s, Latest: s}
		if it.Lane == lanes && r.IntN(2) == 0 {
			it.Lane = -1
		}
		nextID++
		if r.IntN(4) == 0 {
			it.Range, it.End = true, s+math.Round(r.Float64()*5*day)
			it.Latest = it.End
		}
		if r.IntN(6) == 0 {
			it.Latest += math.Round(r.Float64() * day)
		}
		e := s
		if step > 100 && r.IntN(8) == 0 {
			e = s - math.Round(r.Float64()*3*day)
		}
		return it, e
	}
	place := func(it *Item) int {
		return sort.Search(len(items), func(i int) bool {
			return cmp.Or(cmp.Compare(it.Start, items[i].Start), cmp.Compare(it.ID, items[i].ID)) < 0
		})
	}
	earliestOf := func(it *Item) float64 {
		if e, ok := earliest[it.ID]; ok {
			return e
		}
		return it.Start
	}
	x := NewIndex(nil, earliest, lanes)
	for step := range 600 {
		switch op := r.IntN(3); {
		case op == 0 && len(items) > 0: // delete
			i := r.IntN(len(items))
			it := items[i]
			x.Remove(i, it, earliestOf(&it))
			items = slices.Delete(items, i, i+1)
			delete(earliest, it.ID)
		case op == 1 && len(items) > 0: // move: changed, and rotated to its new place
			i := r.IntN(len(items))
			it := items[i]
			oldE := earliestOf(&it)
			delete(earliest, it.ID)
			moved, e := newItem(step)
			moved.ID = it.ID
			nextID--
			if r.IntN(3) == 0 { // a little later, in the same lane, as a drag
				moved = it
				moved.Start, moved.End, moved.Latest = it.Start+3600, it.End+3600, it.Latest+3600
				e = oldE + 3600
			}
			j := place(&moved)
			if j > i {
				j--
			}
			if j > i {
				copy(items[i:j], items[i+1:j+1])
			} else {
				copy(items[j+1:i+1], items[j:i])
			}
			items[j] = moved
			if e < moved.Start {
				earliest[moved.ID] = e
			}
			x.Move(items, i, j, it, oldE, e)
		default: // add
			it, e := newItem(step)
			j := place(&it)
			items = slices.Insert(items, j, it)
			if e < it.Start {
				earliest[it.ID] = e
			}
			x.Insert(items, j, e)
		}
		want := NewIndex(items, earliest, lanes)
		if !x.Equal(want) {
			t.Fatalf("step %d (%d items): the index updated in place differs from a new one", step, len(items))
		}
		lo, hi, ok := x.Extent()
		wlo, whi, wok := want.Extent()
		if lo != wlo || hi != whi || ok != wok {
			t.Fatalf("step %d: extent %v %v %v, want %v %v %v", step, lo, hi, ok, wlo, whi, wok)
		}
	}
	// A copy follows changes to neither.
	c := x.Clone()
	if !c.Equal(x) {
		t.Fatal("a clone differs")
	}
	it, e := newItem(0)
	items = slices.Insert(items, 0, it)
	x.Insert(items, 0, e)
	if c.Equal(x) || c.Len() != x.Len()-1 {
		t.Error("a clone changed with the index")
	}
}

// BenchmarkIndex_MoveOne1M moves one item of a million to a place
// 900,000 items away, in time and in the items, and updates the index in
// place, as an edit does.
func BenchmarkIndex_MoveOne1M(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 1))
	test := randomItems(r, 1_000_000, 10)
	ev := eventsOf(test)
	ev.Earliest = nil // no earlier bounds, as in most documents
	items := ev.Items
	x := NewIndex(items, nil, 10)
	i, j := 100, 900_000
	for b.Loop() {
		old := items[i]
		it := old
		it.Start = items[j].Start // where it goes, in time
		it.End, it.Latest = it.Start, it.Start
		if i < j {
			copy(items[i:j], items[i+1:j+1])
		} else {
			copy(items[j+1:i+1], items[j:i])
		}
		items[j] = it
		oldE, _ := ev.Extent(&old)
		x.Move(items, i, j, old, oldE, it.Start)
		i, j = j, i
	}
}

// TestIndex_MillisecondsAndDeepTimeMatchAScan checks the times the 4-byte
// offsets cannot hold, milliseconds and years billions apart, held as they
// are and found exactly.
func TestIndex_MillisecondsAndDeepTimeMatchAScan(t *testing.T) {
	var items []testItem
	for k := range 200 { // five splits a second, 200 ms apart
		at := aug2022 + float64(k)*0.2
		items = append(items, point(int64(k+1), 0, at, "split"))
	}
	for k, y := range []int{-13_799_999_999, -4_599_999_999, -538_799_999, -65_999_999, -299_999, 1969} {
		at := float64(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
		items = append(items, testItem{ID: int64(1000 + k), Lane: 1, Start: at, End: at + 365*day, Range: true, Earliest: at, Latest: at + 365*day})
	}
	slices.SortFunc(items, func(a, b testItem) int { return cmp.Compare(a.Start, b.Start) })
	x := indexOf(items, 2)
	if x.lanes[0].starts.off != nil || x.lanes[1].starts.off != nil {
		t.Fatal("times with milliseconds or billions of years apart held as 4-byte offsets")
	}
	scan := func(lane int, from, to float64) (visible []int32, starting int) {
		for i, it := range items {
			if it.Lane != lane {
				continue
			}
			if it.Start <= to && math.Max(it.End, it.Latest) >= from {
				visible = append(visible, int32(i))
			}
			if it.Start >= from && it.Start < to {
				starting++
			}
		}
		return visible, starting
	}
	for _, w := range []struct {
		lane     int
		from, to float64
	}{
		{0, aug2022 + 1.0, aug2022 + 1.0}, {0, aug2022 + 0.19, aug2022 + 0.41}, {0, aug2022 + 3.999, aug2022 + 5},
		{1, MinTime, MaxTime}, {1, float64(time.Date(-600_000_000, 1, 1, 0, 0, 0, 0, time.UTC).Unix()), 0},
	} {
		want, starting := scan(w.lane, w.from, w.to)
		got := x.Visible(w.lane, w.from, w.to, nil)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("Visible(%d, %v, %v) = %v, a scan finds %v", w.lane, w.from, w.to, got, want)
		}
		if n := x.StartsIn(w.lane, w.from, w.to); n != starting {
			t.Errorf("StartsIn(%d, %v, %v) = %d, a scan finds %d", w.lane, w.from, w.to, n, starting)
		}
	}
	// Counted per column of a 40-second view 4,000 pixels wide: one split
	// in every fortieth column.
	starts := make([]int32, 4000)
	x.Density(0, NewViewport(aug2022, aug2022+40, 4000), starts, nil)
	total := 0
	for _, n := range starts {
		total += int(n)
	}
	if total != 200 {
		t.Errorf("density counts %d starts, want 200", total)
	}
}

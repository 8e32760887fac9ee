package timeline

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
)

// indexBlock is how many items share one max-extent entry of an Index.
const indexBlock = 64

// Index finds the items of a lane in a time window without looking at the
// others, and counts items per pixel column for lanes too dense to draw one
// by one. It is built once for a set of items and read by every frame. It
// keeps compact sorted arrays per lane (struct of arrays), not copies of the
// items, and answers in O(log n + what it returns).
type Index struct {
	lanes []laneIndex
	n     int
}

// laneIndex is the index of one lane.
type laneIndex struct {
	order       []int32   // item indexes, by earliest time
	earliest    []float64 // earliest time of order[i]
	latest      []float64 // latest time of order[i]
	blockMax    []float64 // per block of indexBlock: the latest time in it
	starts      []float64 // every item's start, sorted; earliest itself when they are the same
	rangeStarts []float64 // ranges' starts, sorted
	rangeEnds   []float64 // ranges' ends, sorted
}

// NewIndex indexes items, whose Lane fields should be in [0, lanes); items
// with another lane are left out. earliest holds the earlier start bounds of
// the items that have one, as Events.Earliest. Each lane's arrays are allocated
// once, at their final size, and the lanes are sorted in parallel.
func NewIndex(items []Item, earliest map[int64]float64, lanes int) *Index {
	x := &Index{lanes: make([]laneIndex, max(lanes, 0))}
	count := make([]int, 2*len(x.lanes)) // per lane: items, ranges
	for i := range items {
		if l := int(items[i].Lane); l >= 0 && l < lanes {
			count[2*l]++
			if items[i].Range {
				count[2*l+1]++
			}
		}
	}
	for l := range x.lanes {
		li := &x.lanes[l]
		n, r := count[2*l], count[2*l+1]
		li.order = make([]int32, 0, n)
		li.rangeStarts, li.rangeEnds = make([]float64, 0, r), make([]float64, 0, r)
		x.n += n
	}
	for i := range items {
		l := int(items[i].Lane)
		if l < 0 || l >= lanes {
			continue
		}
		li := &x.lanes[l]
		li.order = append(li.order, int32(i))
		if items[i].Range {
			li.rangeStarts = append(li.rangeStarts, items[i].Start)
			li.rangeEnds = append(li.rangeEnds, items[i].End)
		}
	}
	// Lanes are independent: sort them on as many goroutines as there are
	// processors, biggest first.
	byWork := make([]int, len(x.lanes))
	for l := range byWork {
		byWork[l] = l
	}
	slices.SortFunc(byWork, func(a, b int) int { return cmp.Compare(count[2*b], count[2*a]) })
	next := make(chan int, len(byWork))
	for _, l := range byWork {
		next <- l
	}
	close(next)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(x.lanes)) {
		wg.Go(func() {
			for l := range next {
				x.lanes[l].finish(items, earliest)
			}
		})
	}
	wg.Wait()
	return x
}

// finish sorts a lane's arrays, whose order holds its items in the order of
// items, and fills the rest.
func (li *laneIndex) finish(items []Item, earliest map[int64]float64) {
	ev := Events{Items: items, Earliest: earliest}
	li.earliest = make([]float64, len(li.order))
	li.latest = make([]float64, len(li.order))
	sorted, startsAreEarliest := true, true
	for k, i := range li.order {
		li.earliest[k], li.latest[k] = ev.Extent(&items[i])
		sorted = sorted && (k == 0 || li.earliest[k-1] <= li.earliest[k])
		startsAreEarliest = startsAreEarliest && li.earliest[k] == items[i].Start
	}
	// Items come sorted by start, and most have no earlier bound: then
	// order is already sorted by earliest time and needs no sort.
	if !sorted {
		perm := make([]int32, len(li.order))
		for k := range perm {
			perm[k] = int32(k)
		}
		slices.SortStableFunc(perm, func(a, b int32) int { return cmp.Compare(li.earliest[a], li.earliest[b]) })
		order, earliest, latest := make([]int32, len(perm)), make([]float64, len(perm)), make([]float64, len(perm))
		for k, p := range perm {
			order[k], earliest[k], latest[k] = li.order[p], li.earliest[p], li.latest[p]
		}
		li.order, li.earliest, li.latest = order, earliest, latest
	}
	// Where no item may have started before its start, as in most
	// documents, the sorted starts are the earliest times: share them.
	if startsAreEarliest {
		li.starts = li.earliest
	} else {
		li.starts = make([]float64, len(li.order))
		for k, i := range li.order {
			li.starts[k] = items[i].Start
		}
	}
	li.blockMax = make([]float64, (len(li.order)+indexBlock-1)/indexBlock)
	for b := range li.blockMax {
		li.blockMax[b] = math.Inf(-1)
		for k := b * indexBlock; k < min((b+1)*indexBlock, len(li.order)); k++ {
			li.blockMax[b] = math.Max(li.blockMax[b], li.latest[k])
		}
	}
	for _, s := range [][]float64{li.starts, li.rangeStarts, li.rangeEnds} { // li.starts may be li.earliest, sorted already
		if !slices.IsSorted(s) {
			slices.Sort(s)
		}
	}
}

// Len returns the number of items indexed.
func (x *Index) Len() int { return x.n }

// Lanes returns the number of lanes indexed.
func (x *Index) Lanes() int { return len(x.lanes) }

// Visible appends to dst the indexes of the items of lane whose extent, from
// their earliest to their latest time, overlaps [from, to], in order of
// earliest time, and returns it. Blocks of items that end before from are
// skipped whole, so the cost is O(log n + n/blockSize + returned) rather
// than a scan of the lane.
func (x *Index) Visible(lane int, from, to float64, dst []int32) []int32 {
	li := &x.lanes[lane]
	hi := sort.SearchFloat64s(li.earliest, math.Nextafter(to, math.Inf(1))) // first with earliest > to
	for b := 0; b*indexBlock < hi; b++ {
		if li.blockMax[b] < from {
			continue
		}
		for k := b * indexBlock; k < min((b+1)*indexBlock, hi); k++ {
			if li.latest[k] >= from {
				dst = append(dst, li.order[k])
			}
		}
	}
	return dst
}

// StartsIn returns how many items of lane start in [from, to): an estimate,
// in O(log n), of how busy the lane is there.
func (x *Index) StartsIn(lane int, from, to float64) int {
	s := x.lanes[lane].starts
	return sort.SearchFloat64s(s, to) - sort.SearchFloat64s(s, from)
}

// Density fills starts[c] with the number of items of lane that start in
// pixel column c of v, and, if ranges is not nil, ranges[c] with the number
// of range items that cover the middle of column c. Each column is
// v.Width()/len(starts) pixels wide. Column edges only move forward, so each
// is found by galloping on from the last one rather than by a binary search
// of the whole lane: O(columns × log(items per column)), however many items
// are in view, and the probes stay near each other in memory.
func (x *Index) Density(lane int, v Viewport, starts, ranges []int32) {
	li := &x.lanes[lane]
	cols := len(starts)
	if cols == 0 {
		return
	}
	colW := v.Width() / float64(cols)
	prev := sort.SearchFloat64s(li.starts, v.Time(0))
	begun, ended := 0, 0
	for c := range cols {
		next := searchFrom(li.starts, prev, v.Time(float64(c+1)*colW))
		starts[c] = int32(next - prev)
		prev = next
		if ranges != nil {
			if len(li.rangeStarts) == 0 {
				ranges[c] = 0
				continue
			}
			mid := v.Time((float64(c) + 0.5) * colW)
			// Ranges that began by mid and had not ended before it.
			begun = searchFrom(li.rangeStarts, begun, math.Nextafter(mid, math.Inf(1)))
			ended = searchFrom(li.rangeEnds, ended, mid)
			ranges[c] = int32(begun - ended)
		}
	}
}

// searchFrom returns the first index i >= lo of the sorted s with
// s[i] >= t, or len(s), as sort.SearchFloat64s does from lo on: it gallops
// from lo in doubling steps, then bisects the last step, so a t near s[lo]
// costs a few probes close to it.
func searchFrom(s []float64, lo int, t float64) int {
	if lo >= len(s) || !(s[lo] < t) {
		return lo
	}
	// s[lo] < t: the answer is in (lo, hi].
	step, hi := 1, lo+1
	for hi < len(s) && s[hi] < t {
		lo, step = hi, step*2
		hi = lo + step
	}
	hi = min(hi, len(s))
	return lo + 1 + sort.SearchFloat64s(s[lo+1:hi], t)
}

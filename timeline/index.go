package timeline

import (
	"cmp"
	"math"
	"runtime"
	"slices"
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
	earliest    times     // earliest time of order[i]
	latest      times     // latest time of order[i] (not sorted)
	blockMax    []float64 // per block of indexBlock: the latest time in it
	starts      times     // every item's start, sorted; earliest itself when sharedStarts
	rangeStarts times     // ranges' starts, sorted
	rangeEnds   times     // ranges' ends, sorted
	// sharedStarts says starts is earliest: no item of the lane may have
	// started before its start.
	sharedStarts bool
}

// times is a column of times, sorted but for laneIndex.latest. Where every
// time is a whole second within 2³² seconds (136 years) of the earliest, as
// in documents read from a file, it holds them as 4-byte offsets from the
// earliest, which give back each time exactly; otherwise as they are.
type times struct {
	base float64
	off  []uint32  // when compact: time k is base + off[k]
	f    []float64 // otherwise
}

// timesOf returns the times s as a column, compact if it can be. s is
// kept when it cannot.
func timesOf(s []float64) times {
	if len(s) == 0 {
		return times{f: s}
	}
	base := slices.Min(s)
	if !(math.Abs(base) <= 1<<52) {
		return times{f: s}
	}
	off := make([]uint32, len(s))
	for k, v := range s {
		d := v - base
		if !(d >= 0 && d < 1<<32) || base+float64(uint32(d)) != v {
			return times{f: s}
		}
		off[k] = uint32(d)
	}
	return times{base: base, off: off}
}

// len returns how many times c holds.
func (c *times) len() int { return len(c.off) + len(c.f) }

// search returns the first index i of c with time i >= t, or c.len(), as
// sort.SearchFloat64s does.
func (c *times) search(t float64) int {
	if c.f != nil {
		return bisect(c.f, 0, t, 0, len(c.f))
	}
	return bisect(c.off, c.base, t, 0, len(c.off))
}

// searchFrom returns the first index i >= lo of c with time i >= t, or
// c.len(), galloping from lo: see gallop.
func (c *times) searchFrom(lo int, t float64) int {
	if c.f != nil {
		return gallop(c.f, 0, lo, t)
	}
	return gallop(c.off, c.base, lo, t)
}

// bisect returns the first index i in [lo, hi) with base+s[i] >= t, or hi.
func bisect[E uint32 | float64](s []E, base, t float64, lo, hi int) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if base+float64(s[m]) < t {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// gallop returns the first index i >= lo with base+s[i] >= t, or len(s):
// it gallops from lo in doubling steps, then bisects the last step, so a t
// near s[lo] costs a few probes close to it.
func gallop[E uint32 | float64](s []E, base float64, lo int, t float64) int {
	if lo >= len(s) || !(base+float64(s[lo]) < t) {
		return lo
	}
	// s[lo] < t: the answer is in (lo, hi].
	step, hi := 1, lo+1
	for hi < len(s) && base+float64(s[hi]) < t {
		lo, step = hi, step*2
		hi = lo + step
	}
	return bisect(s, base, t, lo+1, min(hi, len(s)))
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
		x.lanes[l].order = make([]int32, 0, count[2*l])
		x.n += count[2*l]
	}
	for i := range items {
		l := int(items[i].Lane)
		if l < 0 || l >= lanes {
			continue
		}
		li := &x.lanes[l]
		li.order = append(li.order, int32(i))
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
				x.lanes[l].finish(items, earliest, count[2*l+1])
			}
		})
	}
	wg.Wait()
	return x
}

// finish sorts a lane's arrays, whose order holds its items in the order of
// items, and fills the rest; the lane has ranges range items.
func (li *laneIndex) finish(items []Item, earliestOf map[int64]float64, ranges int) {
	ev := Events{Items: items, Earliest: earliestOf}
	earliest, latest := make([]float64, len(li.order)), make([]float64, len(li.order))
	sorted, startsAreEarliest := true, true
	for k, i := range li.order {
		earliest[k], latest[k] = ev.Extent(&items[i])
		sorted = sorted && (k == 0 || earliest[k-1] <= earliest[k])
		startsAreEarliest = startsAreEarliest && earliest[k] == items[i].Start
	}
	// Items come sorted by start, and most have no earlier bound: then
	// order is already sorted by earliest time and needs no sort.
	if !sorted {
		perm := make([]int32, len(li.order))
		for k := range perm {
			perm[k] = int32(k)
		}
		slices.SortStableFunc(perm, func(a, b int32) int { return cmp.Compare(earliest[a], earliest[b]) })
		order, sortedEarliest, sortedLatest := make([]int32, len(perm)), make([]float64, len(perm)), make([]float64, len(perm))
		for k, p := range perm {
			order[k], sortedEarliest[k], sortedLatest[k] = li.order[p], earliest[p], latest[p]
		}
		li.order, earliest, latest = order, sortedEarliest, sortedLatest
	}
	li.earliest = timesOf(earliest)
	// Where no item may have started before its start, as in most
	// documents, the sorted starts are the earliest times: share them.
	if startsAreEarliest {
		li.starts, li.sharedStarts = li.earliest, true
	} else {
		starts := make([]float64, len(li.order))
		for k, i := range li.order {
			starts[k] = items[i].Start
		}
		slices.Sort(starts)
		li.starts = timesOf(starts)
	}
	li.blockMax = make([]float64, (len(li.order)+indexBlock-1)/indexBlock)
	for b := range li.blockMax {
		li.blockMax[b] = math.Inf(-1)
		for _, t := range latest[b*indexBlock : min((b+1)*indexBlock, len(latest))] {
			li.blockMax[b] = math.Max(li.blockMax[b], t)
		}
	}
	li.latest = timesOf(latest)
	rangeStarts, rangeEnds := make([]float64, 0, ranges), make([]float64, 0, ranges)
	for _, i := range li.order {
		if items[i].Range {
			rangeStarts, rangeEnds = append(rangeStarts, items[i].Start), append(rangeEnds, items[i].End)
		}
	}
	for _, s := range [][]float64{rangeStarts, rangeEnds} {
		if !slices.IsSorted(s) {
			slices.Sort(s)
		}
	}
	li.rangeStarts, li.rangeEnds = timesOf(rangeStarts), timesOf(rangeEnds)
}

// Len returns the number of items indexed.
func (x *Index) Len() int { return x.n }

// Lanes returns the number of lanes indexed.
func (x *Index) Lanes() int { return len(x.lanes) }

// LaneLen returns the number of items of lane indexed.
func (x *Index) LaneLen(lane int) int { return len(x.lanes[lane].order) }

// Visible appends to dst the indexes of the items of lane whose extent, from
// their earliest to their latest time, overlaps [from, to], in order of
// earliest time, and returns it. Blocks of items that end before from are
// skipped whole, so the cost is O(log n + n/blockSize + returned) rather
// than a scan of the lane.
func (x *Index) Visible(lane int, from, to float64, dst []int32) []int32 {
	li := &x.lanes[lane]
	hi := li.earliest.search(math.Nextafter(to, math.Inf(1))) // first with earliest > to
	for b := 0; b*indexBlock < hi; b++ {
		if li.blockMax[b] < from {
			continue
		}
		k0, k1 := b*indexBlock, min((b+1)*indexBlock, hi)
		if li.latest.f != nil {
			dst = appendLate(dst, li.order[k0:k1], li.latest.f[k0:k1], 0, from)
		} else {
			dst = appendLate(dst, li.order[k0:k1], li.latest.off[k0:k1], li.latest.base, from)
		}
	}
	return dst
}

// appendLate appends to dst the items of order whose latest time,
// base+late[k], is at or after from.
func appendLate[E uint32 | float64](dst, order []int32, late []E, base, from float64) []int32 {
	for k, i := range order {
		if base+float64(late[k]) >= from {
			dst = append(dst, i)
		}
	}
	return dst
}

// StartsIn returns how many items of lane start in [from, to): an estimate,
// in O(log n), of how busy the lane is there.
func (x *Index) StartsIn(lane int, from, to float64) int {
	s := &x.lanes[lane].starts
	return s.search(to) - s.search(from)
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
	prev := li.starts.search(v.Time(0))
	begun, ended := 0, 0
	for c := range cols {
		next := li.starts.searchFrom(prev, v.Time(float64(c+1)*colW))
		starts[c] = int32(next - prev)
		prev = next
		if ranges != nil {
			if li.rangeStarts.len() == 0 {
				ranges[c] = 0
				continue
			}
			mid := v.Time((float64(c) + 0.5) * colW)
			// Ranges that began by mid and had not ended before it.
			begun = li.rangeStarts.searchFrom(begun, math.Nextafter(mid, math.Inf(1)))
			ended = li.rangeEnds.searchFrom(ended, mid)
			ranges[c] = int32(begun - ended)
		}
	}
}

// at returns time k of c.
func (c *times) at(k int) float64 {
	if c.f != nil {
		return c.f[k]
	}
	return c.base + float64(c.off[k])
}

// insert puts v at position k of c. A time the offsets cannot hold
// exactly turns the column into full times, unless moving the base down
// to it keeps every offset within range.
func (c *times) insert(k int, v float64) {
	if c.f == nil {
		if c.len() == 0 && math.Abs(v) <= 1<<52 && v == math.Trunc(v) {
			c.base, c.off = v, append(c.off[:0], 0)
			return
		}
		if v < c.base && v == math.Trunc(v) && c.base-v < 1<<32 {
			if d := uint32(c.base - v); uint64(slices.Max(c.off))+uint64(d) < 1<<32 {
				for j := range c.off {
					c.off[j] += d
				}
				c.base = v
			}
		}
		if d := v - c.base; d >= 0 && d < 1<<32 && c.base+float64(uint32(d)) == v {
			c.off = slices.Insert(c.off, k, uint32(d))
			return
		}
		f := make([]float64, len(c.off), len(c.off)+1)
		for j, o := range c.off {
			f[j] = c.base + float64(o)
		}
		*c = times{f: f}
	}
	c.f = slices.Insert(c.f, k, v)
}

// remove takes time k out of c.
func (c *times) remove(k int) {
	if c.f != nil {
		c.f = slices.Delete(c.f, k, k+1)
		return
	}
	c.off = slices.Delete(c.off, k, k+1)
}

// insertSorted puts v into c, which is sorted, keeping it so.
func (c *times) insertSorted(v float64) { c.insert(c.search(v), v) }

// removeSorted takes one time v out of c, which is sorted and holds it.
func (c *times) removeSorted(v float64) {
	if k := c.search(v); k < c.len() && c.at(k) == v {
		c.remove(k)
	}
}

// Insert adds to the index the item now at position i of items, after the
// items that were at i and above moved up one place (as slices.Insert moves
// them); earliest is the earliest time it may have started (its Start if
// it has no earlier bound, as in Events.Extent). It costs moving the
// positions above i up one and, in the item's lane, the arrays' tails:
// O(n − i) with a small constant.
func (x *Index) Insert(items []Item, i int, earliest float64) {
	x.shift(i, math.MaxInt32, 1)
	if li, k := x.insertEntry(items, i, earliest); li != nil {
		li.updateBlocks(k, math.MaxInt)
	}
}

// Remove takes out of the index item it, which was at position i, after
// the items above it moved down one place (as slices.Delete moves them);
// earliest is what it was given to Insert or NewIndex with. See Insert for
// the cost.
func (x *Index) Remove(i int, it Item, earliest float64) {
	if li, k := x.removeEntry(i, &it, earliest); li != nil {
		li.updateBlocks(k, math.MaxInt)
	}
	x.shift(i+1, math.MaxInt32, -1)
}

// Move updates the index for the item at position from, old (with its
// earliest time oldEarliest), changed and moved to position to of items,
// the items between moving one place towards from (a rotation of
// items[from:to+1] or items[to:from+1]); earliest is its earliest time
// now. Only what lies between the two places moves: O(|to − from|), with a
// few bisections in lanes whose items have no earlier bounds and a pass
// over the others.
func (x *Index) Move(items []Item, from, to int, old Item, oldEarliest, earliest float64) {
	li0, k0 := x.removeEntry(from, &old, oldEarliest)
	if from < to {
		x.shift(from+1, to, -1)
	} else {
		x.shift(to, from-1, 1)
	}
	li1, k1 := x.insertEntry(items, to, earliest)
	switch {
	case li0 != nil && li0 == li1: // within the lane, only what lies between moved
		li0.updateBlocks(min(k0, k1), max(k0, k1))
		return
	case li0 != nil:
		li0.updateBlocks(k0, math.MaxInt)
	}
	if li1 != nil {
		li1.updateBlocks(k1, math.MaxInt)
	}
}

// entry returns where in li's arrays the item at position i is, whose
// earliest time is e; len(li.order) if it is not there.
func (li *laneIndex) entry(i int, e float64) int {
	k := li.earliest.search(e)
	for k < len(li.order) && int(li.order[k]) != i {
		k++
	}
	return k
}

// insertEntry puts the item at position i of items into its lane's arrays,
// the positions already made room for, and returns the lane and its place
// there; a nil lane if it is in none. The lane's blocks are left to update.
func (x *Index) insertEntry(items []Item, i int, earliest float64) (*laneIndex, int) {
	it := &items[i]
	l := int(it.Lane)
	if l < 0 || l >= len(x.lanes) {
		return nil, 0
	}
	li := &x.lanes[l]
	e, late := math.Min(earliest, it.Start), math.Max(it.Latest, it.End)
	// After the items of the same earliest time that come before it, as
	// a stable sort by earliest time leaves them.
	k := li.earliest.search(e)
	for k < len(li.order) && li.earliest.at(k) == e && int(li.order[k]) < i {
		k++
	}
	if li.sharedStarts && e != it.Start {
		// From now on the starts differ from the earliest times.
		li.starts = li.earliest.copyOf()
		li.sharedStarts = false
	}
	li.order = slices.Insert(li.order, k, int32(i))
	li.earliest.insert(k, e)
	li.latest.insert(k, late)
	li.sortedTimes(it, (*times).insertSorted)
	x.n++
	return li, k
}

// removeEntry takes item it, at position i, out of its lane's arrays, the
// positions left as they are, and returns the lane and the place it had
// there; a nil lane if it was in none. The lane's blocks are left to update.
func (x *Index) removeEntry(i int, it *Item, earliest float64) (*laneIndex, int) {
	l := int(it.Lane)
	if l < 0 || l >= len(x.lanes) {
		return nil, 0
	}
	li := &x.lanes[l]
	k := li.entry(i, math.Min(earliest, it.Start))
	if k == len(li.order) {
		return nil, 0 // not indexed: it was not given to the index
	}
	li.order = slices.Delete(li.order, k, k+1)
	li.earliest.remove(k)
	li.latest.remove(k)
	li.sortedTimes(it, (*times).removeSorted)
	x.n--
	return li, k
}

// sortedTimes puts item it's times into the lane's sorted columns of
// starts and of ranges' starts and ends, or takes them out: op is
// insertSorted or removeSorted. Starts shared with the earliest times
// follow them.
func (li *laneIndex) sortedTimes(it *Item, op func(*times, float64)) {
	if li.sharedStarts {
		li.starts = li.earliest
	} else {
		op(&li.starts, it.Start)
	}
	if it.Range {
		op(&li.rangeStarts, it.Start)
		op(&li.rangeEnds, it.End)
	}
}

// shift adds d to every position from lo to hi. In a lane whose items have
// no earlier bounds the positions ascend, and those in range are found by
// bisection; in another every position is looked at.
func (x *Index) shift(lo, hi, d int) {
	if lo > hi {
		return
	}
	l32, h32, d32 := int32(lo), int32(min(hi, math.MaxInt32)), int32(d)
	for l := range x.lanes {
		order := x.lanes[l].order
		if x.lanes[l].sharedStarts {
			k0, _ := slices.BinarySearch(order, l32)
			k1, found := slices.BinarySearch(order, h32)
			if found {
				k1++
			}
			for k := k0; k < k1; k++ {
				order[k] += d32
			}
			continue
		}
		for k, p := range order {
			if p >= l32 && p <= h32 {
				order[k] = p + d32
			}
		}
	}
}

// updateBlocks works out again the latest time of each block holding
// places from lo to hi (to the end if hi is MaxInt), after the arrays
// changed there.
func (li *laneIndex) updateBlocks(lo, hi int) {
	n := (len(li.order) + indexBlock - 1) / indexBlock
	if cap(li.blockMax) < n {
		li.blockMax = slices.Grow(li.blockMax[:0], n)[:len(li.blockMax)]
	}
	li.blockMax = li.blockMax[:n]
	last := n - 1
	if hi != math.MaxInt {
		last = min(hi/indexBlock, n-1)
	}
	for b := lo / indexBlock; b <= last; b++ {
		li.blockMax[b] = li.latest.maxIn(b*indexBlock, min((b+1)*indexBlock, len(li.order)))
	}
}

// maxIn returns the latest of times lo to hi of c (−∞ for none).
func (c *times) maxIn(lo, hi int) float64 {
	m := math.Inf(-1)
	if c.f != nil {
		for _, v := range c.f[lo:hi] {
			m = math.Max(m, v)
		}
		return m
	}
	if lo >= hi {
		return m
	}
	o := c.off[lo]
	for _, v := range c.off[lo+1 : hi] {
		o = max(o, v)
	}
	return c.base + float64(o)
}

// copyOf returns a copy of c that shares nothing with it.
func (c *times) copyOf() times {
	return times{base: c.base, off: slices.Clone(c.off), f: slices.Clone(c.f)}
}

// Clone returns a copy of x that shares nothing with it, for reading
// elsewhere while x changes.
func (x *Index) Clone() *Index {
	c := &Index{lanes: make([]laneIndex, len(x.lanes)), n: x.n}
	for l := range x.lanes {
		a, b := &x.lanes[l], &c.lanes[l]
		b.order, b.blockMax = slices.Clone(a.order), slices.Clone(a.blockMax)
		b.earliest, b.latest = a.earliest.copyOf(), a.latest.copyOf()
		b.rangeStarts, b.rangeEnds = a.rangeStarts.copyOf(), a.rangeEnds.copyOf()
		b.sharedStarts = a.sharedStarts
		if a.sharedStarts {
			b.starts = b.earliest
		} else {
			b.starts = a.starts.copyOf()
		}
	}
	return c
}

// Extent returns the earliest and latest times of the items indexed, with
// ok false if there are none; O(lanes + n/64).
func (x *Index) Extent() (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for l := range x.lanes {
		li := &x.lanes[l]
		if len(li.order) == 0 {
			continue
		}
		lo = math.Min(lo, li.earliest.at(0))
		for _, m := range li.blockMax {
			hi = math.Max(hi, m)
		}
	}
	return lo, hi, lo <= hi
}

// Equal reports whether x and o index the same items in the same order,
// with the same times, however each holds its times.
func (x *Index) Equal(o *Index) bool {
	if x.n != o.n || len(x.lanes) != len(o.lanes) {
		return false
	}
	for l := range x.lanes {
		a, b := &x.lanes[l], &o.lanes[l]
		if !slices.Equal(a.order, b.order) || !slices.Equal(a.blockMax, b.blockMax) {
			return false
		}
		for _, c := range [][2]*times{{&a.earliest, &b.earliest}, {&a.latest, &b.latest}, {&a.starts, &b.starts},
			{&a.rangeStarts, &b.rangeStarts}, {&a.rangeEnds, &b.rangeEnds}} {
			if c[0].len() != c[1].len() {
				return false
			}
			for k := range c[0].len() {
				if c[0].at(k) != c[1].at(k) {
					return false
				}
			}
		}
	}
	return true
}

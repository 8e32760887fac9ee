package timeline

import (
	"math"
	"sort"
)

// Counts is what a lane's density chart is drawn from: an Index over the
// items, or a Summary of them read before the items are.
type Counts interface {
	// Lanes returns the number of lanes counted.
	Lanes() int
	// Len returns the number of items counted.
	Len() int
	// StartsIn returns how many items of lane start in [from, to).
	StartsIn(lane int, from, to float64) int
	// Density fills starts and ranges (if not nil) per pixel column of v,
	// as Index.Density does.
	Density(lane int, v Viewport, starts, ranges []int32)
}

var (
	_ Counts = (*Index)(nil)
	_ Counts = (*Summary)(nil)
)

// SummaryLane is one lane of a level-of-detail summary: how many items
// start, and how many ranges start and end, in buckets of 2^Level seconds
// (bucket b covers [b·2^Level, (b+1)·2^Level)). Buckets are ascending;
// the count slices are parallel to them.
type SummaryLane struct {
	Level   int
	Buckets []int64
	Starts  []int64
	RStarts []int64
	REnds   []int64
}

// Summary answers what an Index answers for density charts (how many items
// start in a window, and per pixel column) from a level-of-detail summary
// of the items instead of the items: kilobytes, whatever their number, so
// that a large document can be drawn before its items are read. Within a
// bucket the items are taken as spread evenly, so columns narrower than a
// bucket share its count rather than taking it all or nothing.
type Summary struct {
	lanes  []summaryLane
	n      int
	lo, hi float64
	ok     bool
}

// summaryLane holds a lane's buckets with the counts before each: cum[k]
// is the total of the buckets before bucket k, for each count, and
// cum[len] the lane's total.
type summaryLane struct {
	width   float64 // seconds per bucket
	buckets []int64
	starts  []float64 // cumulative, len(buckets)+1
	rStarts []float64
	rEnds   []float64
}

// NewSummary returns the summary of lanes (some may be empty). Negative
// counts, which no summary should hold, are taken as none; unsorted
// buckets leave a lane empty. The items' extent is taken as that of the
// buckets they are counted in.
func NewSummary(lanes []SummaryLane) *Summary {
	s := &Summary{lanes: make([]summaryLane, len(lanes)), lo: math.Inf(1), hi: math.Inf(-1)}
	for l, in := range lanes {
		n := len(in.Buckets)
		if len(in.Starts) != n || len(in.RStarts) != n || len(in.REnds) != n || in.Level < 0 || in.Level > 62 ||
			!sort.SliceIsSorted(in.Buckets, func(i, j int) bool { return in.Buckets[i] < in.Buckets[j] }) {
			continue
		}
		sl := summaryLane{width: math.Ldexp(1, in.Level), buckets: in.Buckets}
		sl.starts, sl.rStarts, sl.rEnds = cumulative(in.Starts), cumulative(in.RStarts), cumulative(in.REnds)
		s.lanes[l] = sl
		s.n += int(sl.starts[n])
		// From the first bucket with a start to the last with a start or
		// a range's end.
		for k := range n {
			if in.Starts[k] > 0 {
				s.lo = math.Min(s.lo, float64(in.Buckets[k])*sl.width)
				break
			}
		}
		for k := n - 1; k >= 0; k-- {
			if in.Starts[k] > 0 || in.REnds[k] > 0 {
				s.hi = math.Max(s.hi, float64(in.Buckets[k]+1)*sl.width)
				break
			}
		}
	}
	s.ok = s.n > 0 && s.lo <= s.hi
	return s
}

// cumulative returns the running totals of counts, from 0, with negative
// counts taken as 0.
func cumulative(counts []int64) []float64 {
	out := make([]float64, len(counts)+1)
	for k, c := range counts {
		out[k+1] = out[k] + float64(max(c, 0))
	}
	return out
}

// Lanes returns the number of lanes summarized.
func (s *Summary) Lanes() int { return len(s.lanes) }

// Len returns the number of items summarized.
func (s *Summary) Len() int { return s.n }

// LaneLen returns the number of items of lane summarized.
func (s *Summary) LaneLen(lane int) int {
	if c := s.lanes[lane].starts; len(c) > 0 {
		return int(c[len(c)-1])
	}
	return 0
}

// Extent returns the earliest and latest times of the items, with ok false
// if there are none.
func (s *Summary) Extent() (lo, hi float64, ok bool) { return s.lo, s.hi, s.ok }

// at returns the total of cum's count up to time t: the buckets before t,
// and the share of the bucket holding t that lies before it.
func (sl *summaryLane) at(cum []float64, t float64) float64 {
	q := math.Floor(t / sl.width)
	k := sort.Search(len(sl.buckets), func(i int) bool { return float64(sl.buckets[i]) >= q })
	total := cum[k]
	if k < len(sl.buckets) && float64(sl.buckets[k]) == q {
		total += (cum[k+1] - cum[k]) * (t/sl.width - q)
	}
	return total
}

// StartsIn returns about how many items of lane start in [from, to).
func (s *Summary) StartsIn(lane int, from, to float64) int {
	sl := &s.lanes[lane]
	if len(sl.buckets) == 0 || !(to > from) {
		return 0
	}
	return int(math.Round(sl.at(sl.starts, to)) - math.Round(sl.at(sl.starts, from)))
}

// Density fills starts[c] with about how many items of lane start in pixel
// column c of v and, if ranges is not nil, ranges[c] with about how many
// ranges are under the middle of column c, as Index.Density does.
func (s *Summary) Density(lane int, v Viewport, starts, ranges []int32) {
	sl := &s.lanes[lane]
	cols := len(starts)
	if cols == 0 {
		return
	}
	if len(sl.buckets) == 0 {
		clear(starts)
		if ranges != nil {
			clear(ranges[:cols])
		}
		return
	}
	colW := v.Width() / float64(cols)
	prev := math.Round(sl.at(sl.starts, v.Time(0)))
	for c := range cols {
		next := math.Round(sl.at(sl.starts, v.Time(float64(c+1)*colW)))
		starts[c] = clampInt32(next - prev)
		prev = next
		if ranges != nil {
			mid := v.Time((float64(c) + 0.5) * colW)
			ranges[c] = clampInt32(math.Round(sl.at(sl.rStarts, mid) - sl.at(sl.rEnds, mid)))
		}
	}
}

// clampInt32 returns f as an int32 within [0, MaxInt32].
func clampInt32(f float64) int32 {
	if !(f > 0) {
		return 0
	}
	return int32(math.Min(f, math.MaxInt32))
}

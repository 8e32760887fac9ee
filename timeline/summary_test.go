package timeline

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// summaryOf counts items into one SummaryLane per lane at level, as a
// document's stored summary does.
func summaryOf(items []Item, lanes, level int) []SummaryLane {
	type counts struct{ starts, rStarts, rEnds int64 }
	per := make([]map[int64]*counts, lanes)
	for l := range per {
		per[l] = map[int64]*counts{}
	}
	bucket := func(t float64) int64 { return int64(math.Floor(math.Ldexp(t, -level))) }
	get := func(l int32, k int64) *counts {
		c := per[l][k]
		if c == nil {
			c = &counts{}
			per[l][k] = c
		}
		return c
	}
	for _, it := range items {
		get(it.Lane, bucket(it.Start)).starts++
		if it.Range {
			get(it.Lane, bucket(it.Start)).rStarts++
			get(it.Lane, bucket(it.End)).rEnds++
		}
	}
	out := make([]SummaryLane, lanes)
	for l, m := range per {
		out[l].Level = level
		keys := make([]int64, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			c := m[k]
			out[l].Buckets = append(out[l].Buckets, k)
			out[l].Starts, out[l].RStarts, out[l].REnds = append(out[l].Starts, c.starts), append(out[l].RStarts, c.rStarts), append(out[l].REnds, c.rEnds)
		}
	}
	return out
}

// spreadItems returns n items over two lanes in [from, from+span), a fifth
// of them ranges of up to span/20, sorted by start.
func spreadItems(n int, from, span float64, seed uint64) []Item {
	r := rand.New(rand.NewPCG(seed, 1))
	items := make([]Item, n)
	for i := range items {
		start := math.Floor(from + r.Float64()*span)
		it := Item{ID: int64(i + 1), Lane: int32(r.IntN(2)), Start: start, End: start, Latest: start}
		if r.IntN(5) == 0 {
			it.Range, it.End = true, start+math.Floor(r.Float64()*span/20)+1
			it.Latest = it.End
		}
		items[i] = it
	}
	slices.SortFunc(items, func(a, b Item) int { return int(a.Start - b.Start) })
	return items
}

func TestSummary_DensityAgreesWithTheIndex(t *testing.T) {
	const level = 12 // buckets of 4096 s
	from, span := 1.6e9, 4096.0*2000
	items := spreadItems(20000, from, span, 7)
	x := NewIndex(items, nil, 2)
	for _, tc := range []struct {
		name        string
		vp          Viewport
		cols        int
		exactStarts bool
	}{
		// Columns of whole buckets: the same starts per column, exactly.
		{"aligned columns", NewViewport(from-math.Mod(from, 4096), from-math.Mod(from, 4096)+4096*2000, 500), 500, true},
		// Columns that cut buckets: the same within a bucket's worth.
		{"unaligned columns", NewViewport(from+1234, from+span/3, 640), 640, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSummary(summaryOf(items, 2, level))
			for l := range 2 {
				want, wantR := make([]int32, tc.cols), make([]int32, tc.cols)
				got, gotR := make([]int32, tc.cols), make([]int32, tc.cols)
				x.Density(l, tc.vp, want, wantR)
				s.Density(l, tc.vp, got, gotR)
				var sumWant, sumGot int32
				for c := range got {
					sumWant, sumGot = sumWant+want[c], sumGot+got[c]
					if tc.exactStarts && got[c] != want[c] {
						t.Fatalf("lane %d column %d: %d starts, the index says %d", l, c, got[c], want[c])
					}
					// Within a bucket, ranges that start or end in it
					// are counted in part: at most the bucket's ranges off.
					if d := math.Abs(float64(gotR[c] - wantR[c])); d > 6 {
						t.Errorf("lane %d column %d: %d ranges, the index says %d", l, c, gotR[c], wantR[c])
					}
				}
				// Whole columns add up: the totals differ by at most the
				// share of the two buckets cut by the window's edges.
				if d := math.Abs(float64(sumGot - sumWant)); d > 2 {
					t.Errorf("lane %d: %d starts in view, the index says %d", l, sumGot, sumWant)
				}
				inView := x.StartsIn(l, tc.vp.Start(), tc.vp.End())
				if d := math.Abs(float64(s.StartsIn(l, tc.vp.Start(), tc.vp.End()) - inView)); d > 2 {
					t.Errorf("lane %d: StartsIn %d, the index says %d", l, s.StartsIn(l, tc.vp.Start(), tc.vp.End()), inView)
				}
			}
		})
	}
}

func TestSummary_SpreadsABucketOverTheColumnsItCovers(t *testing.T) {
	// One bucket of 1024 s holding 8 starts, seen through 8 columns of
	// 128 s each: one start a column, not all 8 in one.
	s := NewSummary([]SummaryLane{{Level: 10, Buckets: []int64{5}, Starts: []int64{8}, RStarts: []int64{0}, REnds: []int64{0}}})
	starts := make([]int32, 8)
	s.Density(0, NewViewport(5*1024, 6*1024, 8), starts, nil)
	if want := []int32{1, 1, 1, 1, 1, 1, 1, 1}; !slices.Equal(starts, want) {
		t.Errorf("starts per column %v, want %v", starts, want)
	}
	for _, tc := range []struct {
		from, to float64
		want     int
	}{
		{5 * 1024, 6 * 1024, 8},
		{5 * 1024, 5.5 * 1024, 4},
		{0, 5 * 1024, 0},
		{6 * 1024, 9 * 1024, 0},
		{0, 1e12, 8},
	} {
		if got := s.StartsIn(0, tc.from, tc.to); got != tc.want {
			t.Errorf("StartsIn(%v, %v) = %d, want %d", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestNewSummary_BadLanesCountNothing(t *testing.T) {
	for _, tc := range []struct {
		name string
		lane SummaryLane
		want int
	}{
		{"negative counts", SummaryLane{Level: 4, Buckets: []int64{1, 2}, Starts: []int64{-5, 3}, RStarts: []int64{-1, 0}, REnds: []int64{0, -9}}, 3},
		{"unsorted buckets", SummaryLane{Level: 4, Buckets: []int64{2, 1}, Starts: []int64{1, 1}, RStarts: []int64{0, 0}, REnds: []int64{0, 0}}, 0},
		{"counts missing", SummaryLane{Level: 4, Buckets: []int64{1}, Starts: []int64{1}}, 0},
		{"level out of range", SummaryLane{Level: 80, Buckets: []int64{1}, Starts: []int64{1}, RStarts: []int64{0}, REnds: []int64{0}}, 0},
		{"huge counts", SummaryLane{Level: 0, Buckets: []int64{1}, Starts: []int64{math.MaxInt64}, RStarts: []int64{math.MaxInt64}, REnds: []int64{0}}, math.MaxInt64},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSummary([]SummaryLane{tc.lane})
			if tc.want != math.MaxInt64 && s.Len() != tc.want {
				t.Errorf("Len %d, want %d", s.Len(), tc.want)
			}
			starts, ranges := make([]int32, 50), make([]int32, 50)
			s.Density(0, NewViewport(0, 100, 50), starts, ranges) // must not panic
			for c := range starts {
				if starts[c] < 0 || ranges[c] < 0 {
					t.Fatalf("column %d: %d starts, %d ranges", c, starts[c], ranges[c])
				}
			}
		})
	}
}

func TestBuilder_DrawsFromASummaryWhileTheItemsAreRead(t *testing.T) {
	items := spreadItems(5000, aug2022, 400*day, 3)
	vp := NewViewport(aug2022, aug2022+400*day, 1000)
	in := sceneInput(nil, vp)
	in.Summary = NewSummary(summaryOf(items, 2, 14))
	var b Builder
	var s Scene
	b.Build(in, &s)
	if len(s.Dense) != 2 {
		t.Fatalf("%d lanes drawn as density, want both", len(s.Dense))
	}
	x := NewIndex(items, nil, 2)
	for _, d := range s.Dense {
		if want := x.StartsIn(d.Lane, vp.Start(), vp.End()); math.Abs(float64(d.InView-want)) > 2 {
			t.Errorf("lane %d: %d in view, the items say %d", d.Lane, d.InView, want)
		}
	}
	if len(s.Hits) != 0 {
		t.Errorf("%d items clickable before they are read", len(s.Hits))
	}
	// A collapsed lane stays a header; a view with nothing in it, empty.
	in.Lanes[1].Collapsed = true
	b.Build(in, &s)
	if len(s.Dense) != 1 || s.Dense[0].Lane != 0 {
		t.Errorf("with lane 1 collapsed: dense lanes %v", s.Dense)
	}
	in.Lanes[1].Collapsed = false
	in.Viewport = NewViewport(aug2022-900*day, aug2022-800*day, 1000)
	b.Build(in, &s)
	if len(s.Dense) != 0 {
		t.Errorf("a view before every item: %d dense lanes", len(s.Dense))
	}
}

package timeline

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestStacker_Stack(t *testing.T) {
	tests := []struct {
		name    string
		spans   []Span
		maxRows int
		want    []int
		nrows   int
	}{
		{"empty", nil, 3, []int{}, 0},
		{"disjoint share row 0", []Span{{0, 10}, {20, 30}, {40, 50}}, 5, []int{0, 0, 0}, 1},
		{"nested ranges", []Span{{0, 100}, {10, 20}, {30, 40}, {35, 90}}, 5, []int{0, 1, 1, 2}, 3},
		{"touching with the gap share a row", []Span{{0, 10}, {14, 20}}, 5, []int{0, 0}, 1},
		{"closer than the gap", []Span{{0, 10}, {13.5, 20}}, 5, []int{0, 1}, 2},
		{"gap respected on every row", []Span{{0, 10}, {12, 20}, {13, 30}}, 5, []int{0, 1, 2}, 3},
		{"lowest free row first", []Span{{0, 50}, {0, 10}, {20, 30}, {60, 70}}, 5, []int{0, 1, 1, 0}, 2},
		{"overflow", []Span{{0, 10}, {0, 10}, {0, 10}, {20, 30}}, 2, []int{0, 1, -1, 0}, 2},
		{"no rows", []Span{{0, 10}, {20, 30}}, 0, []int{-1, -1}, 0},
		{"points", []Span{{5, 5}, {5, 5}, {9, 9}}, 5, []int{0, 1, 0}, 2},
	}
	var s Stacker
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := make([]int, len(tt.spans))
			n := s.Stack(tt.spans, 4, tt.maxRows, rows)
			if n != tt.nrows || !slices.Equal(rows, tt.want) {
				t.Errorf("Stack = %v rows %v, want %v rows %v", n, rows, tt.nrows, tt.want)
			}
		})
	}
}

// TestStacker_Properties checks on random lanes that no two spans on a row
// overlap, that each span is on the lowest row it fits on, and that only
// spans that fit on no row overflow.
func TestStacker_Properties(t *testing.T) {
	const gap = 2
	r := rand.New(rand.NewPCG(3, 4))
	var s Stacker
	for range 300 {
		n := r.IntN(300)
		maxRows := 1 + r.IntN(12)
		spans := make([]Span, n)
		for i := range spans {
			x := r.Float64() * 1000
			spans[i] = Span{x, x + r.Float64()*150}
		}
		slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.X0, b.X0) })
		rows := make([]int, n)
		used := s.Stack(spans, gap, maxRows, rows)
		if used > maxRows {
			t.Fatalf("%d rows used, at most %d allowed", used, maxRows)
		}
		ends := make([]float64, 0, maxRows) // per row, the end of its last span
		for i, row := range rows {
			sp := spans[i]
			lowest := -1
			for r, end := range ends {
				if end+gap <= sp.X0 {
					lowest = r
					break
				}
			}
			if lowest < 0 && len(ends) < maxRows {
				lowest = len(ends)
				ends = append(ends, 0)
			}
			if row != lowest {
				t.Fatalf("span %d %v on row %d, want the lowest free row %d (row ends %v)", i, sp, row, lowest, ends)
			}
			if row >= 0 {
				ends[row] = sp.X1
			}
		}
		if used != len(ends) {
			t.Fatalf("Stack returned %d rows, %d used", used, len(ends))
		}
		// Independently of the check above: no overlaps on any row.
		last := map[int]Span{}
		for i, row := range rows {
			if row < 0 {
				continue
			}
			if prev, ok := last[row]; ok && prev.X1+gap > spans[i].X0 {
				t.Fatalf("span %v overlaps %v on row %d", spans[i], prev, row)
			}
			last[row] = spans[i]
		}
	}
}

func TestStacker_AllocatesNothingWhenReused(t *testing.T) {
	spans := randomLane(1000)
	rows := make([]int, len(spans))
	var s Stacker
	s.Stack(spans, 4, 20, rows)
	if allocs := testing.AllocsPerRun(20, func() { s.Stack(spans, 4, 20, rows) }); allocs != 0 {
		t.Errorf("%v allocations a call", allocs)
	}
}

// randomLane returns n spans sorted by X0, overlapping a few deep.
func randomLane(n int) []Span {
	r := rand.New(rand.NewPCG(5, 6))
	spans := make([]Span, n)
	x := 0.0
	for i := range spans {
		x += r.Float64() * 5
		spans[i] = Span{x, x + 20 + r.Float64()*100}
	}
	return spans
}

func BenchmarkStacker_Stack10k(b *testing.B) {
	spans := randomLane(10000)
	rows := make([]int, len(spans))
	var s Stacker
	b.ReportAllocs()
	for b.Loop() {
		s.Stack(spans, 4, 50, rows)
	}
}

func TestStacker_StackInViewFavoursItemsThatBeginInView(t *testing.T) {
	spans := []Span{
		{-500, 900}, {-400, 900}, {-300, 900}, // long ranges running in from the left
		{10, 60}, {20, 70}, {100, 150}, // items beginning in view
	}
	rows := make([]int, len(spans))
	var s Stacker
	n := s.StackInView(spans, 0, 4, 3, rows)
	if n != 3 {
		t.Errorf("%d rows, want 3", n)
	}
	for i := 3; i < 6; i++ {
		if rows[i] < 0 {
			t.Errorf("item %d beginning in view overflowed: rows %v", i, rows)
		}
	}
	overflow := 0
	for i := range 3 {
		if rows[i] < 0 {
			overflow++
		}
	}
	if overflow != 2 {
		t.Errorf("%d long ranges overflowed, want 2: rows %v", overflow, rows)
	}
	// No overlaps on a row.
	for i := range spans {
		for j := i + 1; j < len(spans); j++ {
			if rows[i] >= 0 && rows[i] == rows[j] && spans[i].X1+4 > spans[j].X0 && spans[j].X1+4 > spans[i].X0 {
				t.Errorf("spans %v and %v share row %d", spans[i], spans[j], rows[i])
			}
		}
	}
}

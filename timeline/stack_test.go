package timeline

import (
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
		{"disjoint", []Span{{0, 10}, {20, 30}, {40, 50}}, 5, []int{0, 0, 0}, 1},
		{"nested", []Span{{0, 100}, {10, 20}, {30, 40}}, 5, []int{0, 1, 1}, 2},
		{"gap respected", []Span{{0, 10}, {12, 20}, {13, 30}}, 5, []int{0, 1, 2}, 3},
		{"touching with room", []Span{{0, 10}, {14, 20}}, 5, []int{0, 0}, 1},
		{"lowest free row first", []Span{{0, 50}, {0, 10}, {20, 30}, {60, 70}}, 5, []int{0, 1, 1, 0}, 2},
		{"overflow", []Span{{0, 10}, {0, 10}, {0, 10}}, 2, []int{0, 1, -1}, 2},
		{"empty", nil, 3, []int{}, 0},
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

func TestStacker_NoOverlapOnARow(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var s Stacker
	for range 200 {
		n := r.IntN(300)
		spans := make([]Span, n)
		for i := range spans {
			x := r.Float64() * 1000
			spans[i] = Span{x, x + r.Float64()*150}
		}
		slices.SortFunc(spans, func(a, b Span) int {
			switch {
			case a.X0 < b.X0:
				return -1
			case a.X0 > b.X0:
				return 1
			}
			return 0
		})
		rows := make([]int, n)
		s.Stack(spans, 2, 1<<30, rows)
		last := map[int]float64{}
		for i, row := range rows {
			if row < 0 {
				t.Fatal("overflow with unlimited rows")
			}
			if end, ok := last[row]; ok && end+2 > spans[i].X0 {
				t.Fatalf("span %v overlaps the previous one on row %d ending at %v", spans[i], row, end)
			}
			last[row] = spans[i].X1
		}
	}
}

func TestLayoutLanes(t *testing.T) {
	dst := make([]LaneBox, 3)
	bottom := LayoutLanes([]int{2, 0, 1}, []bool{false, false, true}, 40, 20, 25, 5, dst)
	want := []LaneBox{{40, 75, 2, false}, {115, 25, 0, false}, {140, 20, 1, true}}
	if !slices.Equal(dst, want) || bottom != 160 {
		t.Errorf("LayoutLanes = %v, bottom %v; want %v, 160", dst, bottom, want)
	}
}

func BenchmarkStacker_Stack10k(b *testing.B) {
	r := rand.New(rand.NewPCG(5, 6))
	spans := make([]Span, 10000)
	x := 0.0
	for i := range spans {
		x += r.Float64() * 5
		spans[i] = Span{x, x + 20 + r.Float64()*100}
	}
	rows := make([]int, len(spans))
	var s Stacker
	b.ReportAllocs()
	for b.Loop() {
		s.Stack(spans, 4, 50, rows)
	}
}

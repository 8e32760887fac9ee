package timeline

import (
	"cmp"
	"math"
	"slices"
)

// Span is one item's drawn extent in pixels, [X0, X1]. A point event's extent
// is its marker plus its label; a range's is its bar, plus its label when the
// label is drawn outside the bar.
type Span struct{ X0, X1 float64 }

// Stacker assigns rows to the items of a lane so that no two items on a row
// overlap. It keeps a buffer from call to call, so that stacking allocates
// nothing once the buffer has grown to the number of rows used. The zero
// value is ready to use. A Stacker must not be used by several goroutines at
// once.
type Stacker struct {
	ends  []float64 // per row: the X1 of the last span placed on it
	first []float64 // per row: the X0 of its first span in view (StackInView)
}

// Stack gives each span, in order, the lowest row whose last span ends at
// least gap pixels before it begins (greedy first fit), and writes the row to
// rows[i]. Spans must be sorted by X0 ascending, and len(rows) must be at
// least len(spans). A span that fits in none of the first maxRows rows gets
// row -1: it overflows, and the caller draws it in summary. Stack returns the
// number of rows used, at most max(maxRows, 0).
//
// Stack takes O(len(spans) × rows used) time.
func (s *Stacker) Stack(spans []Span, gap float64, maxRows int, rows []int) int {
	ends := s.ends[:0]
	for i, sp := range spans {
		row := -1
		for r, end := range ends {
			if end+gap <= sp.X0 {
				row = r
				ends[r] = sp.X1
				break
			}
		}
		if row < 0 && len(ends) < maxRows {
			row = len(ends)
			ends = append(ends, sp.X1)
		}
		rows[i] = row
	}
	s.ends = ends
	return len(ends)
}

// StackInView is Stack for a view whose left edge is at x = edge: spans that
// begin at or after the edge get rows first, and spans that began before it
// (long ranges running in from the left) take only the room left beside
// them. When rows run out, it is the ranges running in from outside that
// overflow, not the items that begin in view. Spans must be sorted by X0.
func (s *Stacker) StackInView(spans []Span, edge, gap float64, maxRows int, rows []int) int {
	split, _ := slices.BinarySearchFunc(spans, edge, func(sp Span, e float64) int { return cmp.Compare(sp.X0, e) })
	n := s.Stack(spans[split:], gap, maxRows, rows[split:])
	if split == 0 {
		return n
	}
	// The first in-view span on each row bounds what may come before it there.
	first := s.first[:0]
	for range n {
		first = append(first, math.Inf(1))
	}
	for k := split; k < len(spans); k++ {
		if r := rows[k]; r >= 0 {
			first[r] = math.Min(first[r], spans[k].X0)
		}
	}
	ends := s.ends[:0]
	for range n {
		ends = append(ends, math.Inf(-1))
	}
	for i := range split {
		sp := spans[i]
		rows[i] = -1
		for r := range ends {
			if ends[r]+gap <= sp.X0 && sp.X1+gap <= first[r] {
				rows[i] = r
				ends[r] = sp.X1
				break
			}
		}
		if rows[i] < 0 && len(ends) < maxRows {
			rows[i] = len(ends)
			ends = append(ends, sp.X1)
			first = append(first, math.Inf(1))
		}
	}
	s.ends, s.first = ends, first
	return len(ends)
}

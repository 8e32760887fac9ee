package timeline

// Span is one item's drawn extent in pixels, [X0, X1]: its mark and, where
// the label is drawn outside the mark, its label.
type Span struct{ X0, X1 float64 }

// Stacker assigns rows to the items of a lane so that no two items on a row
// overlap. Its buffer is reused from call to call; the zero value is ready.
type Stacker struct {
	ends []float64 // per row: where its last item ends
}

// Stack gives each span, in order of X0 ascending, the lowest row whose last
// item ends at least gap pixels before it begins (greedy first fit), writing
// rows[i]; len(rows) must be len(spans). A span that fits in none of maxRows
// rows gets -1, for the caller to draw in summary. Stack returns the number
// of rows used.
func (s *Stacker) Stack(spans []Span, gap float64, maxRows int, rows []int) int {
	s.ends = s.ends[:0]
	for i, sp := range spans {
		rows[i] = -1
		for r, end := range s.ends {
			if end+gap <= sp.X0 {
				rows[i] = r
				s.ends[r] = sp.X1
				break
			}
		}
		if rows[i] < 0 && len(s.ends) < maxRows {
			rows[i] = len(s.ends)
			s.ends = append(s.ends, sp.X1)
		}
	}
	return len(s.ends)
}

// LaneBox is where a lane's band is drawn.
type LaneBox struct {
	Y, Height float64
	Rows      int
	Collapsed bool
}

// LayoutLanes stacks lane bands from top down: each band is a header, then
// rows[i] rows of rowHeight, then padding; a collapsed band is its header
// alone. It writes dst (len(dst) == len(rows)) and returns the bottom of the
// last band.
func LayoutLanes(rows []int, collapsed []bool, top, header, rowHeight, padding float64, dst []LaneBox) float64 {
	y := top
	for i, n := range rows {
		c := i < len(collapsed) && collapsed[i]
		h := header
		if !c {
			h += float64(n)*rowHeight + padding
		}
		dst[i] = LaneBox{Y: y, Height: h, Rows: n, Collapsed: c}
		y += h
	}
	return y
}

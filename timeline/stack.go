package timeline

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
	ends []float64 // per row: the X1 of the last span placed on it
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

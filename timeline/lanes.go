package timeline

// LaneBox is where a lane's band is drawn: from Y down Height pixels, holding
// Rows rows of items unless it is Collapsed to its header.
type LaneBox struct {
	Y, Height float64
	Rows      int
	Collapsed bool
}

// LayoutLanes stacks lane bands from top down. Lane i has rows[i] rows (a
// negative count counts as zero); its band is header, then rows[i] rows of
// rowHeight, then padding, or header alone if collapsed[i] is true (a missing
// entry of collapsed counts as false). LayoutLanes writes the bands to dst,
// which must be at least as long as rows, and returns their total height.
func LayoutLanes(rows []int, collapsed []bool, top, header, rowHeight, padding float64, dst []LaneBox) float64 {
	y := top
	for i, n := range rows {
		n = max(n, 0)
		c := i < len(collapsed) && collapsed[i]
		h := header
		if !c {
			h += float64(n)*rowHeight + padding
		}
		dst[i] = LaneBox{Y: y, Height: h, Rows: n, Collapsed: c}
		y += h
	}
	return y - top
}

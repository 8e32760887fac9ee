package timeline

import (
	"image/color"
	"math"
	"sort"
)

// Period is a named stretch of time, such as an era, drawn as a shaded band
// behind the lanes and named in a strip under the axis.
type Period struct {
	Start, End float64 // End is the first moment after it
	// Lane is the index of the lane it is drawn behind; -1 draws it behind
	// every lane.
	Lane  int32
	Title string
	// ID is the owner's for it (a document's period id): a tap on its name
	// reports it (Scene.PeriodHitTest), and Input.SelectedPeriod names it.
	ID int64
}

// maxPeriodRows is the most rows the period strip takes: periods in view
// that overlap more than that are shaded but not named.
const maxPeriodRows = 3

// periodLayout is where the periods in view are drawn this frame.
type periodLayout struct {
	visible []int  // indexes into Events.Periods, by start
	spans   []Span // their bands on screen, parallel to visible
	named   []Span // their bands and names in the strip, parallel to visible
	labelX  []float64
	rows    []int // their rows in the strip, parallel to visible; -1: not named
	n       int   // rows used
}

// Len, Less and Swap order a periodLayout by where its names begin.
func (l *periodLayout) Len() int           { return len(l.visible) }
func (l *periodLayout) Less(i, j int) bool { return l.named[i].X0 < l.named[j].X0 }
func (l *periodLayout) Swap(i, j int) {
	l.visible[i], l.visible[j] = l.visible[j], l.visible[i]
	l.spans[i], l.spans[j] = l.spans[j], l.spans[i]
	l.named[i], l.named[j] = l.named[j], l.named[i]
	l.labelX[i], l.labelX[j] = l.labelX[j], l.labelX[i]
}

// layoutPeriods finds the periods of in that are in view and gives each a
// row of the strip, room for its name included: a name longer than the
// stretch of its period in view runs on past its end, as an event's label
// does, or ends at the right edge when it would pass it.
func (b *Builder) layoutPeriods(in *Input) {
	l := &b.periods
	l.visible, l.spans, l.named, l.labelX, l.n = l.visible[:0], l.spans[:0], l.named[:0], l.labelX[:0], 0
	vp := in.Viewport
	gap := in.Metrics.LabelGap
	width := vp.Width()
	for i := range in.Events.Periods {
		p := &in.Events.Periods[i]
		if p.Lane >= int32(len(in.Lanes)) || !vp.Visible(p.Start, p.End) {
			continue
		}
		band := Span{X0: vp.X(p.Start), X1: math.Max(vp.X(p.End), vp.X(p.Start)+1)}
		w := b.measure(in, p.Title, false) + 2*gap
		x := math.Max(band.X0, 0)
		if x+w > width {
			x = math.Max(0, math.Min(x, width-w))
		}
		named := Span{X0: math.Min(band.X0, x), X1: math.Max(band.X1, x+w)}
		l.visible = append(l.visible, i)
		l.spans, l.named, l.labelX = append(l.spans, band), append(l.named, named), append(l.labelX, x)
	}
	l.rows = resizeInts(l.rows, len(l.visible))
	if len(l.visible) > 0 {
		if !sort.IsSorted(l) {
			sort.Stable(l)
		}
		l.n = b.stacker.StackInView(l.named, 0, 0, maxPeriodRows, l.rows)
	}
}

// periodsHeight is the height of the period strip under the axis.
func (b *Builder) periodsHeight(m Metrics) float64 {
	if b.periods.n == 0 {
		return 0
	}
	return float64(b.periods.n)*periodRowHeight(m) + 2
}

// periodRowHeight is the height of one row of the period strip.
func periodRowHeight(m Metrics) float64 { return math.Round(m.RowHeight * 0.85) }

// periodColor is the colour periods are shaded in.
func periodColor(p Palette) color.NRGBA {
	if p.Period.A == 0 {
		return p.GridStrong
	}
	return p.Period
}

// drawPeriodBands shades the periods in view behind the lanes: those of
// one lane over its band, the others over every lane from top to bottom,
// every other period a little lighter so that neighbours stay apart, with
// a line at each end.
func (b *Builder) drawPeriodBands(in *Input, dst *Scene, bottom float64) {
	l := &b.periods
	if len(l.visible) == 0 {
		return
	}
	col := periodColor(in.Palette)
	width := in.Viewport.Width()
	for k, i := range l.visible {
		p := &in.Events.Periods[i]
		y0, y1 := dst.Top, bottom
		if p.Lane >= 0 {
			box := dst.Lanes[p.Lane]
			y0, y1 = math.Max(box.Y, dst.Top), box.Y+box.Height
			if y1 <= y0 {
				continue
			}
		}
		x0, x1 := clipX(l.spans[k].X0, width), clipX(l.spans[k].X1, width)
		alpha := uint8(0x2c)
		switch {
		case p.ID != 0 && p.ID == in.Emphasis.SelectedPeriod:
			alpha = 0x48 // the period chosen stands out behind the lanes
		case k%2 == 1:
			alpha = 0x1a
		}
		dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: x0, Y: y0, W: x1 - x0, H: y1 - y0, Fill: withAlpha(col, alpha)})
		for _, x := range [2]float64{l.spans[k].X0, l.spans[k].X1} {
			if x >= 0 && x <= width {
				dst.Prims = append(dst.Prims, Prim{Kind: PrimLine, X: x, Y: y0, X2: x, Y2: y1, Stroke: withAlpha(col, 0x80), StrokeWidth: 1})
			}
		}
	}
}

// drawPeriodStrip names the periods in view in the strip under the axis,
// each on its row over the stretch of it in view, the name kept at the
// left of what shows.
func (b *Builder) drawPeriodStrip(in *Input, dst *Scene, textH float64) {
	l := &b.periods
	h := b.periodsHeight(in.Metrics)
	if h == 0 {
		return
	}
	m, p := in.Metrics, in.Palette
	width := in.Viewport.Width()
	y0 := m.AxisHeight
	col := periodColor(p)
	rowH := periodRowHeight(m)
	dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: 0, Y: y0, W: width, H: h, Fill: p.Axis})
	for k, i := range l.visible {
		row := l.rows[k]
		if row < 0 {
			continue
		}
		x0, x1 := math.Max(l.spans[k].X0, 0), math.Min(l.spans[k].X1, width)
		y := y0 + 1 + float64(row)*rowH
		alpha := uint8(0x66)
		if k%2 == 1 {
			alpha = 0x44
		}
		pd := &in.Events.Periods[i]
		lx := l.labelX[k]
		dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: x0, Y: y + 1, W: max(x1-x0, 1), H: rowH - 2, Fill: withAlpha(col, alpha), Radius: 2})
		if pd.ID != 0 {
			// Its name, as far as it reaches, and the stretch of it in view.
			hit := Hit{ID: pd.ID, Item: i, X0: math.Max(math.Min(x0, lx), 0), Y0: y, X1: math.Min(math.Max(x1, l.named[k].X1), width), Y1: y + rowH}
			dst.PeriodHits = append(dst.PeriodHits, hit)
			if pd.ID == in.Emphasis.SelectedPeriod || pd.ID == in.Emphasis.HoveredPeriod {
				ring := Prim{Kind: PrimRect, X: hit.X0, Y: y + 1, W: hit.X1 - hit.X0, H: rowH - 2, Stroke: p.Selection, StrokeWidth: 2, Radius: 2}
				if pd.ID != in.Emphasis.SelectedPeriod {
					ring.Stroke, ring.StrokeWidth = p.Hover, 1
				}
				dst.Prims = append(dst.Prims, ring)
			}
		}
		room := math.Min(l.named[k].X1, width) - lx - 2*m.LabelGap + 0.5 // the half pixel float arithmetic may have taken
		if title := b.truncate(in, pd.Title, room); title != "" {
			dst.Prims = append(dst.Prims, Prim{Kind: PrimText, X: lx + m.LabelGap, Y: y + (rowH-textH)/2, Text: title, TextSize: m.TextSize, Fill: p.Text})
		}
	}
	dst.Prims = append(dst.Prims, Prim{Kind: PrimLine, X: 0, Y: y0 + h, X2: width, Y2: y0 + h, Stroke: p.GridStrong, StrokeWidth: 1})
}

// PeriodHitTest returns the ID of the period named at (x, y) in the strip
// under the axis, and its index in Input.Events.Periods; ok is false where
// no period with an ID is named.
func (s *Scene) PeriodHitTest(x, y float64) (id int64, index int, ok bool) {
	for _, h := range s.PeriodHits {
		if x >= h.X0 && x <= h.X1 && y >= h.Y0 && y <= h.Y1 {
			return h.ID, h.Item, true
		}
	}
	return 0, 0, false
}

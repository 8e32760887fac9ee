package timeline

import (
	"image/color"
	"iter"
	"math"
	"slices"
	"sort"
	"strconv"
)

// OutlineShape is the shape of a patterned outline.
type OutlineShape uint8

// Outline shapes.
const (
	OutlineRect    OutlineShape = iota // a rectangle's edges
	OutlineDiamond                     // the diamond inscribed in the box
)

// Outline is a dashed or dotted outline, drawn with all the others in one
// layer (PrimOutlines) so that its cost does not grow with the number of
// dashes. Dash and Gap are lengths along the outline in pixels.
type Outline struct {
	Shape      OutlineShape
	X, Y, W, H float64
	Color      color.NRGBA
	Width      float64
	Dash, Gap  float64
}

// styleOutline is the outline that marks an item's claim status: dashed for
// disputed, dotted for expected.
func styleOutline(s Style, shape OutlineShape, x, y, w, h float64, c color.NRGBA) Outline {
	o := Outline{Shape: shape, X: x, Y: y, W: w, H: h, Color: c, Width: 2, Dash: 6, Gap: 4}
	if s == StyleExpected {
		o.Dash, o.Gap = 2, 3
	}
	return o
}

// Edges returns the corners of the outline in order, the first repeated at
// the end.
func (o Outline) Edges() [5][2]float64 {
	if o.Shape == OutlineDiamond {
		cx, cy := o.X+o.W/2, o.Y+o.H/2
		return [5][2]float64{{cx, o.Y}, {o.X + o.W, cy}, {cx, o.Y + o.H}, {o.X, cy}, {cx, o.Y}}
	}
	return [5][2]float64{{o.X, o.Y}, {o.X + o.W, o.Y}, {o.X + o.W, o.Y + o.H}, {o.X, o.Y + o.H}, {o.X, o.Y}}
}

// Dashes yields the "on" stretches of the outline's pattern, as segments
// from (x0, y0) to (x1, y1): the pattern runs on round the corners, so a
// dash may be split in two at one.
func (o Outline) Dashes() iter.Seq[[4]float64] {
	return func(yield func([4]float64) bool) {
		period := o.Dash + o.Gap
		if o.Dash <= 0 || period <= 0 {
			return
		}
		pts := o.Edges()
		dist := 0.0 // along the outline, at the start of this edge
		for e := range 4 {
			x0, y0, x1, y1 := pts[e][0], pts[e][1], pts[e+1][0], pts[e+1][1]
			length := math.Hypot(x1-x0, y1-y0)
			if length == 0 {
				continue
			}
			at := func(d float64) (float64, float64) {
				f := (d - dist) / length
				return x0 + (x1-x0)*f, y0 + (y1-y0)*f
			}
			// From the start of the dash in which this edge begins.
			for d := dist - math.Mod(dist, period); d < dist+length; d += period {
				a, b := max(d, dist), min(d+o.Dash, dist+length)
				if a >= b {
					continue
				}
				ax, ay := at(a)
				bx, by := at(b)
				if !yield([4]float64{ax, ay, bx, by}) {
					return
				}
			}
			dist += length
		}
	}
}

// QuoteMark is a quote as the statements row sees it: when it was said and
// the items (by ID) it speaks about.
type QuoteMark struct {
	ID       int64
	At       float64 // said at, Unix seconds
	Events   []int64
	Disputes []bool // parallel to Events: the quote disputes that item
}

// SaidRow is the name of the row of quotes under the axis, named for what
// it shows, and SaidRowTip its tooltip: it is not one of the document's
// lanes, which may have any name ("Statements" is the default timeline's).
const (
	SaidRow    = "Said"
	SaidRowTip = "when each quote was said"
)

// statementsHeight is the height of the statements row, 0 if it is not shown.
func statementsHeight(in *Input) float64 {
	if !in.ShowQuotes || len(in.Quotes) == 0 {
		return 0
	}
	return in.Metrics.RowHeight + 6
}

// Limits on what the statements row draws in one frame.
const (
	maxQuoteGroups = 200 // marks; quotes beyond are left out until zoomed in
	maxConnectors  = 300
)

// drawStatements draws the statements row under the axis: one mark per
// group of quotes said at the same place on screen, with their count, and
// a connector from each mark to every drawn item its quotes speak about.
// Only quotes in view are looked at (a binary search finds them).
func (b *Builder) drawStatements(in *Input, dst *Scene, textH float64) {
	m := in.Metrics
	p := in.Palette
	vp := in.Viewport
	width := vp.Width()
	h := statementsHeight(in)
	y0 := dst.Top - h
	cy := y0 + h/2
	dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: 0, Y: y0, W: width, H: h, Fill: p.Axis})
	dst.Prims = append(dst.Prims, Prim{Kind: PrimLine, X: 0, Y: y0 + h, X2: width, Y2: y0 + h, Stroke: p.GridStrong, StrokeWidth: 1})
	dst.Prims = append(dst.Prims, Prim{Kind: PrimText, X: 10, Y: cy - textH/2, Text: SaidRow, TextSize: m.TextSize, Bold: true, Fill: p.MutedText})
	dst.SaidName = Hit{X0: 10, Y0: cy - textH/2, X1: 10 + b.measure(in, SaidRow, true), Y1: cy + textH/2}

	// Where each drawn item is, for the connectors.
	if b.hitAt == nil {
		b.hitAt = make(map[int64]int, len(dst.Hits))
	}
	clear(b.hitAt)
	for i, h := range dst.Hits {
		b.hitAt[h.ID] = i
	}

	qs := in.Quotes
	r := m.MarkerSize / 2
	lo := sort.Search(len(qs), func(i int) bool { return vp.X(qs[i].At) >= -r })
	groups, connectors := 0, 0
	for i := lo; i < len(qs) && groups < maxQuoteGroups; {
		gx := vp.X(qs[i].At)
		if gx > width+r {
			break
		}
		j := i + 1
		selected := qs[i].ID == in.Emphasis.SelectedQuote
		for j < len(qs) && vp.X(qs[j].At)-gx < m.MarkerSize {
			selected = selected || qs[j].ID == in.Emphasis.SelectedQuote
			j++
		}
		groups++
		b.linked = b.linked[:0]
		for k := i; k < j && connectors < maxConnectors; k++ {
			for e, id := range qs[k].Events {
				hi, ok := b.hitAt[id]
				if !ok || slices.Contains(b.linked, id) {
					continue
				}
				b.linked = append(b.linked, id)
				hb := dst.Hits[hi]
				if hb.Y0 < dst.Top {
					continue // scrolled up under the rows above
				}
				c := withAlpha(p.MutedText, 0xb0)
				if k < len(qs) && e < len(qs[k].Disputes) && qs[k].Disputes[e] {
					c = p.Disputed
				}
				tx := math.Max(hb.X0+2, math.Min(hb.X1-2, gx))
				dst.Prims = append(dst.Prims, Prim{Kind: PrimLine, X: gx, Y: cy + r, X2: tx, Y2: hb.Y0, Stroke: c, StrokeWidth: 1.2})
				connectors++
			}
		}
		fill := p.Text
		if selected {
			fill = p.Selection
			dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: gx - r - 3, Y: cy - r - 3, W: 2*r + 6, H: 2*r + 6, Stroke: p.Selection, StrokeWidth: 2, Radius: r + 3})
		}
		dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: gx - r, Y: cy - r, W: 2 * r, H: 2 * r, Fill: fill, Stroke: p.Background, StrokeWidth: 1.5, Radius: r})
		x1 := gx + r
		if n := j - i; n > 1 {
			label := strconv.Itoa(n) + " quotes"
			dst.Prims = append(dst.Prims, Prim{Kind: PrimText, X: gx + r + 4, Y: cy - textH/2, Text: label, TextSize: m.TextSize, Fill: p.MutedText})
			x1 += 4 + b.measure(in, label, false)
		}
		dst.QuoteHits = append(dst.QuoteHits, Hit{ID: qs[i].ID, X0: gx - r - 2, Y0: cy - r - 2, X1: x1 + 2, Y1: cy + r + 2})
		dst.QuoteGroups = append(dst.QuoteGroups, [2]int{i, j})
		i = j
	}
}

// QuoteHitTest returns the ID of the first quote of the statements row's
// mark at (x, y), or 0.
func (s *Scene) QuoteHitTest(x, y float64) int64 {
	if k := s.quoteHit(x, y); k >= 0 {
		return s.QuoteHits[k].ID
	}
	return 0
}

// QuoteGroupAt returns the quotes, as the half-open range [lo, hi) of the
// Input's Quotes, that the statements row's mark at (x, y) stands for.
func (s *Scene) QuoteGroupAt(x, y float64) (lo, hi int, ok bool) {
	if k := s.quoteHit(x, y); k >= 0 && k < len(s.QuoteGroups) {
		return s.QuoteGroups[k][0], s.QuoteGroups[k][1], true
	}
	return 0, 0, false
}

func (s *Scene) quoteHit(x, y float64) int {
	for k, h := range s.QuoteHits {
		if x >= h.X0 && x <= h.X1 && y >= h.Y0 && y <= h.Y1 {
			return k
		}
	}
	return -1
}

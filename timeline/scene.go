package timeline

import (
	"cmp"
	"image/color"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Style is how an item's claim status is drawn.
type Style uint8

// Item styles.
const (
	StyleNormal   Style = iota // a reported or confirmed event
	StyleDisputed              // sources disagree about it
	StyleExpected              // announced or forecast, not yet a fact
)

// Lane is one horizontal band of the timeline.
type Lane struct {
	Name      string
	Color     color.NRGBA
	Collapsed bool
}

// Item is one event as the scene sees it: times in Unix seconds, the lane as
// an index into the lanes given with it. It is kept to 40 bytes, with no
// pointers, because a document may hold a million of them: what only some
// events have (an earlier start bound, a title loaded for the view, a
// search match) is held beside the items, in Events.
type Item struct {
	ID         int64
	Start, End float64 // End == Start for a point event
	// Latest is the latest time it may have ended (>= End): the end of the
	// period its end (or a point's start) is known to, or a later bound.
	Latest         float64
	Lane           int32
	Range          bool // a range event, drawn as a bar
	StartUncertain bool // the start is not known: the bar fades in
	EndUncertain   bool // the end is not known: the bar fades out
	Style          Style
}

// Events are the items a timeline draws and what a few of them have beside
// their compact Item, keyed by the item's ID.
type Events struct {
	Items []Item // sorted by Start
	// Earliest holds the earliest time an item may have started, for the
	// few that may have begun before their Start (a start is the beginning
	// of the period it is known to, so only a bound makes it earlier).
	Earliest map[int64]float64
	// Titles of the items: an item without one is drawn unlabelled (a large
	// document has only the titles near the view loaded).
	Titles map[int64]string
	// Matches are the items found by a search, drawn with a ring.
	Matches map[int64]bool
	// Periods, sorted by Start, are shaded behind the lanes and named in a
	// strip under the axis.
	Periods []Period
}

// Extent returns the earliest and latest times it may cover.
func (e *Events) Extent(it *Item) (earliest, latest float64) {
	earliest, latest = it.Start, math.Max(it.Latest, it.End)
	if t, ok := e.Earliest[it.ID]; ok {
		earliest = math.Min(t, it.Start)
	}
	return earliest, latest
}

// Item returns the item with id, searching them all; use it for single
// user actions, not per frame.
func (e *Events) Item(id int64) (Item, bool) {
	if id == 0 {
		return Item{}, false
	}
	for i := range e.Items {
		if e.Items[i].ID == id {
			return e.Items[i], true
		}
	}
	return Item{}, false
}

// Palette holds the colours a scene is drawn with.
type Palette struct {
	Background  color.NRGBA
	Text        color.NRGBA
	MutedText   color.NRGBA
	Grid        color.NRGBA
	GridStrong  color.NRGBA
	Axis        color.NRGBA // the axis strip's background
	BandOdd     color.NRGBA // background of every other lane
	Selection   color.NRGBA
	Match       color.NRGBA // ring around items found by a search
	Hover       color.NRGBA
	Disputed    color.NRGBA
	Period      color.NRGBA // periods' bands and names; zero: GridStrong
	OnDarkText  color.NRGBA // label colour on a dark bar
	OnLightText color.NRGBA // label colour on a light bar
}

// Metrics holds the sizes a scene is laid out with, in pixels.
type Metrics struct {
	TextSize    float64
	AxisHeight  float64
	LaneHeader  float64
	RowHeight   float64
	LanePadding float64
	BarHeight   float64
	MarkerSize  float64
	LabelGap    float64 // space between an item and its label, and between stacked items
	MaxRows     int     // rows per lane before items overflow into the lane's summary strip
	DenseAbove  int     // items starting in view above which a lane is drawn as density (with an Index)
	DenseRows   int     // rows a dense lane's density chart takes
	DenseColumn float64 // width of one density column, in pixels
}

// DefaultMetrics are the sizes used at a UI scale of 1.
func DefaultMetrics() Metrics {
	return Metrics{
		TextSize:    13,
		AxisHeight:  46,
		LaneHeader:  22,
		RowHeight:   24,
		LanePadding: 4,
		BarHeight:   17,
		MarkerSize:  14,
		LabelGap:    6,
		MaxRows:     8,
		DenseAbove:  150,
		DenseRows:   2,
		DenseColumn: 2,
	}
}

// Scaled returns m with every size multiplied by f (counts are kept), for
// larger type on a projector. A non-positive f returns m unchanged.
func (m Metrics) Scaled(f float64) Metrics {
	if !(f > 0) {
		return m
	}
	for _, v := range []*float64{&m.TextSize, &m.AxisHeight, &m.LaneHeader, &m.RowHeight, &m.LanePadding,
		&m.BarHeight, &m.MarkerSize, &m.LabelGap, &m.DenseColumn} {
		*v *= f
	}
	return m
}

// TextMeasure returns the width and height in pixels of text drawn at size.
type TextMeasure func(text string, size float64, bold bool) (w, h float64)

// Input is everything a scene is built from.
type Input struct {
	Viewport Viewport
	Height   float64
	Lanes    []Lane
	Events   Events
	ScrollY  float64 // how far the lanes are scrolled up under the axis, in pixels
	// Emphasis is what is drawn apart: the selection, what the pointer is
	// on, what is dragged.
	Emphasis Emphasis
	Palette  Palette
	Metrics  Metrics
	Measure  TextMeasure
	// Zone is the clock the axis shows times of day in (nil: UTC); see
	// TicksIn.
	Zone *time.Location
	// Index, if set, indexes Events.Items by lane and time: frames then cost
	// O(visible + log n) instead of O(n), and lanes with more than
	// Metrics.DenseAbove items in view are drawn as density.
	Index *Index
	// Summary, if set, stands for the items while they are read: every lane
	// with items in view is drawn as density from it, and Events.Items and
	// Index are not looked at.
	Summary *Summary
	// Quotes, sorted by At, are drawn in a statements row under the axis
	// when ShowQuotes is set, with connectors to the items they speak about.
	Quotes     []QuoteMark
	ShowQuotes bool
}

// Emphasis is what a scene draws apart from the rest, by ID (0: none).
type Emphasis struct {
	Selected int64
	Hovered  int64
	// SelectedPeriod and HoveredPeriod are periods' IDs: their names in the
	// strip under the axis are outlined.
	SelectedPeriod, HoveredPeriod int64
	// SelectedQuote is a quote of the statements row.
	SelectedQuote int64
	// Marked items are drawn with a halo: the events a chosen quote
	// speaks about.
	Marked []int64
	// Dragged is drawn faintly and without its label: it is being
	// dragged, and its ghost is drawn where it would go.
	Dragged int64
}

// PrimKind says which drawing primitive a Prim is.
type PrimKind uint8

// Primitive kinds.
const (
	PrimRect     PrimKind = iota // X, Y, W, H, Fill, Stroke, StrokeWidth, Radius
	PrimGradient                 // a horizontal gradient from Fill (left) to Fill2 (right) over X, Y, W, H
	PrimLine                     // from X, Y to X2, Y2 in Stroke, StrokeWidth wide
	PrimText                     // Text at X, Y (top-left) in Fill, TextSize, Bold
	PrimDiamond                  // a diamond centred in X, Y, W, H: Fill, Stroke, StrokeWidth
	PrimDensity                  // where the Scene's Dense charts are drawn, all at once (one raster)
	PrimOutlines                 // where the Scene's patterned Outlines are drawn, all at once (one raster)
)

// Prim is one drawing primitive. Scenes hold them in drawing order.
type Prim struct {
	Kind        PrimKind
	X, Y, W, H  float64
	X2, Y2      float64
	Fill, Fill2 color.NRGBA
	Stroke      color.NRGBA
	StrokeWidth float64
	Radius      float64
	Text        string
	TextSize    float64
	Bold        bool
}

// Hit is the clickable area of an item.
type Hit struct {
	ID             int64
	X0, Y0, X1, Y1 float64
	// Item is the item's index in Input.Events.Items (for a statements
	// mark, 0). MarkX0 and MarkX1 are where its bar or marker is drawn,
	// without its label, and Range says whether it is a bar.
	Item           int
	MarkX0, MarkX1 float64
	Range          bool
}

// Scene is a timeline drawn for one viewport: primitives in drawing order and
// the areas that respond to the pointer.
type Scene struct {
	Prims  []Prim
	Hits   []Hit
	Lanes  []LaneBox
	Axis   Axis
	Height float64 // height the content needs, axis included
	// Top is where the lanes start on screen: the axis covers what is above.
	Top float64
	// Dense holds the density charts of lanes with too many items in view to
	// draw one by one. PrimDensity marks where they go in the drawing order.
	Dense []DenseLane
	// Outlines are dashed and dotted outlines (disputed and expected
	// items); PrimOutlines marks where they go in the drawing order.
	Outlines []Outline
	// QuoteHits are the clickable areas of the statements row's marks; the
	// ID is a quote's. QuoteGroups, parallel to it, are the ranges of
	// Input.Quotes each mark stands for.
	QuoteHits   []Hit
	QuoteGroups [][2]int
	// SaidName is where the statements row's name (SaidRow) is drawn, for
	// its tooltip; the zero Hit when the row is not drawn.
	SaidName Hit
	// PeriodHits are the clickable names of periods in the strip under the
	// axis: ID is the period's, Item its index in Input.Events.Periods.
	// Periods without an ID have none.
	PeriodHits []Hit
	// Hidden counts the items in view drawn only as a mark in their lane's
	// overflow strip, for want of rows.
	Hidden int
	// Untitled are the items with no title in Input.Events.Titles among
	// those the scene placed: the ones in view, drawn unlabelled, then those
	// within a view's width either side, which a short pan brings in. Lanes
	// drawn as density or collapsed have none. A document whose titles are
	// not all in memory reads exactly these.
	Untitled []int64
}

// DenseLane is the density chart of one lane: per column, how many items
// start in it and how many ranges cover it.
type DenseLane struct {
	Lane        int
	Y, Height   float64 // the chart's band
	ColumnWidth float64
	Starts      []int32
	Ranges      []int32
	MaxStarts   int32
	MaxRanges   int32
	Color       color.NRGBA
	InView      int // items starting in view
}

// HitTest returns the ID of the topmost item at (x, y), or 0.
func (s *Scene) HitTest(x, y float64) int64 {
	h, _ := s.hitAt(x, y)
	return h.ID
}

// hitAt returns the clickable area of the topmost item at (x, y).
func (s *Scene) hitAt(x, y float64) (Hit, bool) {
	if y < s.Top {
		return Hit{}, false // on the axis
	}
	for i := len(s.Hits) - 1; i >= 0; i-- {
		h := s.Hits[i]
		if x >= h.X0 && x <= h.X1 && y >= h.Y0 && y <= h.Y1 {
			return h, true
		}
	}
	return Hit{}, false
}

// HitBox returns the clickable area of item id in the scene, if it is drawn.
func (s *Scene) HitBox(id int64) (Hit, bool) {
	for _, h := range s.Hits {
		if h.ID == id {
			return h, true
		}
	}
	return Hit{}, false
}

// Builder builds scenes, reusing its buffers from one frame to the next.
type Builder struct {
	stacker  Stacker
	visible  [][]int  // per lane: indexes of items in view
	geoms    [][]geom // per lane: their geometry, parallel to visible
	spans    []Span
	rows     []int
	laneRows [][]int // per lane: row of each visible item
	rowCount []int
	overflow []int
	collapse []bool
	labels   map[labelKey]float64
	dense    []bool // per lane: drawn as density this frame
	cand     []int32
	denseBuf []DenseLane
	hitAt    map[int64]int // item id -> index in the scene's Hits, for connectors
	linked   []int64       // items one statements mark is already connected to
	near     []int64       // untitled items placed outside the view, this frame
	periods  periodLayout
}

type labelKey struct {
	text string
	size float64
	bold bool
}

// Build lays out in and writes the result to dst, reusing dst's storage.
func (b *Builder) Build(in *Input, dst *Scene) {
	dst.Prims = dst.Prims[:0]
	dst.Hits = dst.Hits[:0]
	dst.Outlines = dst.Outlines[:0]
	dst.QuoteHits = dst.QuoteHits[:0]
	dst.QuoteGroups = dst.QuoteGroups[:0]
	dst.SaidName = Hit{}
	dst.PeriodHits = dst.PeriodHits[:0]
	dst.Untitled, b.near = dst.Untitled[:0], b.near[:0]
	m := in.Metrics
	vp := in.Viewport
	width := vp.Width()
	if b.labels == nil || len(b.labels) > 1<<15 {
		b.labels = make(map[labelKey]float64, 256)
	}
	_, textH := in.Measure("Hg", m.TextSize, false)

	// Gather visible items per lane and give them rows.
	nl := len(in.Lanes)
	b.visible = resizeLists(b.visible, nl)
	for len(b.geoms) < nl {
		b.geoms = append(b.geoms, nil)
	}
	b.geoms = b.geoms[:nl]
	for l := range b.geoms {
		b.geoms[l] = b.geoms[l][:0]
	}
	b.laneRows = resizeLists(b.laneRows, nl)
	b.rowCount = resizeInts(b.rowCount, nl)
	b.overflow = resizeInts(b.overflow, nl)
	b.collapse = b.collapse[:0]
	for _, l := range in.Lanes {
		b.collapse = append(b.collapse, l.Collapsed)
	}
	b.dense = b.dense[:0]
	for range nl {
		b.dense = append(b.dense, false)
	}
	// Labels are never wider than the view: an item further than that off
	// screen cannot show, and need not be measured.
	margin := width * vp.SecondsPerPixel()
	consider := func(i int) {
		it := &in.Events.Items[i]
		if it.Lane < 0 || int(it.Lane) >= nl || b.dense[it.Lane] || b.collapse[it.Lane] {
			return
		}
		if early, late := in.Events.Extent(it); vp.X(late) < -width || vp.X(early) > 2*width {
			return
		}
		g := b.place(in, it)
		inView := g.x1 >= 0 && g.x0 <= width
		if _, titled := in.Events.Titles[it.ID]; !titled {
			if inView {
				dst.Untitled = append(dst.Untitled, it.ID)
			} else {
				b.near = append(b.near, it.ID)
			}
		}
		if !inView {
			return
		}
		b.visible[it.Lane] = append(b.visible[it.Lane], i)
		b.geoms[it.Lane] = append(b.geoms[it.Lane], g)
	}
	counts := Counts(in.Index)
	if sum := in.Summary; sum != nil && sum.Lanes() == nl {
		counts = sum
		for l := range nl {
			b.dense[l] = !in.Lanes[l].Collapsed && sum.StartsIn(l, vp.Start(), vp.End()) > 0
		}
	} else if x := in.Index; x != nil && x.Lanes() == nl {
		for l := range nl {
			if in.Lanes[l].Collapsed {
				continue // drawn as a header only: its items are not looked at
			}
			if x.StartsIn(l, vp.Start(), vp.End()) > m.DenseAbove {
				b.dense[l] = true
				continue
			}
			b.cand = x.Visible(l, vp.Start()-margin, vp.End()+margin, b.cand[:0])
			for _, i := range b.cand {
				consider(int(i))
			}
		}
	} else {
		for i := range in.Events.Items {
			consider(i)
		}
	}
	dst.Untitled = append(dst.Untitled, b.near...)
	for l := range nl {
		sortByX0(b.visible[l], b.geoms[l])
	}
	for l := range nl {
		idx := b.visible[l]
		b.spans = b.spans[:0]
		for _, g := range b.geoms[l] {
			b.spans = append(b.spans, Span{X0: g.x0, X1: g.x1})
		}
		b.laneRows[l] = resizeInts(b.laneRows[l], len(idx))
		if in.Lanes[l].Collapsed {
			b.rowCount[l] = 0
			continue
		}
		if b.dense[l] {
			b.rowCount[l] = max(m.DenseRows, 1)
			continue
		}
		b.rowCount[l] = b.stacker.StackInView(b.spans, 0, m.LabelGap, max(m.MaxRows, 1), b.laneRows[l])
		if b.rowCount[l] == 0 && len(idx) > 0 {
			b.rowCount[l] = 1
		}
		for _, r := range b.laneRows[l] {
			if r < 0 {
				b.overflow[l]++
			}
		}
	}
	dst.Hidden = 0
	for l := range nl {
		if b.overflow[l] > 0 && !in.Lanes[l].Collapsed {
			b.rowCount[l]++ // a strip for the items that did not fit
			dst.Hidden += b.overflow[l]
		}
	}
	dst.Lanes = resizeBoxes(dst.Lanes, nl)
	stmtH := statementsHeight(in)
	b.layoutPeriods(in)
	dst.Top = m.AxisHeight + b.periodsHeight(m) + stmtH
	dst.Height = dst.Top + LayoutLanes(b.rowCount, b.collapse, dst.Top-in.ScrollY, m.LaneHeader, m.RowHeight, m.LanePadding, dst.Lanes)

	p := in.Palette
	// Lane bands and their names.
	for l, box := range dst.Lanes {
		if l%2 == 1 {
			dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: 0, Y: box.Y, W: width, H: box.Height, Fill: p.BandOdd})
		}
		dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: 0, Y: box.Y, W: 4, H: box.Height, Fill: in.Lanes[l].Color})
	}
	b.drawPeriodBands(in, dst, max(in.Height, dst.Height))

	// Grid and axis.
	TicksIn(vp, in.Zone, func(s string) float64 { return b.measure(in, s, false) }, 16, &dst.Axis)
	for _, t := range dst.Axis.Fine {
		dst.Prims = append(dst.Prims, Prim{Kind: PrimLine, X: t.X, Y: m.AxisHeight, X2: t.X, Y2: max(in.Height, dst.Height), Stroke: p.Grid, StrokeWidth: 1})
	}
	for _, t := range dst.Axis.Context {
		if !t.Pinned {
			dst.Prims = append(dst.Prims, Prim{Kind: PrimLine, X: t.X, Y: 0, X2: t.X, Y2: max(in.Height, dst.Height), Stroke: p.GridStrong, StrokeWidth: 1})
		}
	}
	// Density charts of the lanes too busy to draw item by item.
	b.denseBuf = b.denseBuf[:0]
	for l, box := range dst.Lanes {
		if !b.dense[l] {
			continue
		}
		cols := max(1, int(width/m.DenseColumn))
		var d DenseLane
		if k := len(b.denseBuf); k < cap(b.denseBuf) {
			d = b.denseBuf[:k+1][k] // reuse the column buffers of an earlier frame
		}
		d.Lane, d.Color, d.ColumnWidth = l, in.Lanes[l].Color, width/float64(cols)
		d.Y, d.Height = box.Y+m.LaneHeader, float64(b.rowCount[l])*m.RowHeight
		d.Starts, d.Ranges = resizeInt32s(d.Starts, cols), resizeInt32s(d.Ranges, cols)
		counts.Density(l, vp, d.Starts, d.Ranges)
		d.MaxStarts, d.MaxRanges = slices.Max(d.Starts), slices.Max(d.Ranges)
		d.InView = counts.StartsIn(l, vp.Start(), vp.End())
		b.denseBuf = append(b.denseBuf, d)
	}
	dst.Dense = b.denseBuf
	if len(dst.Dense) > 0 {
		dst.Prims = append(dst.Prims, Prim{Kind: PrimDensity, X: 0, Y: 0, W: width, H: in.Height})
	}

	// Lane names, over the grid, each with its overflow count.
	for l, box := range dst.Lanes {
		name := in.Lanes[l].Name
		if in.Lanes[l].Collapsed {
			name = "▸ " + name
		}
		dst.Prims = append(dst.Prims, Prim{Kind: PrimText, X: 10, Y: box.Y + (m.LaneHeader-textH)/2, Text: name, TextSize: m.TextSize, Bold: true, Fill: p.MutedText})
	}

	// Items.
	for l, box := range dst.Lanes {
		if in.Lanes[l].Collapsed {
			continue
		}
		if b.dense[l] {
			for _, d := range dst.Dense {
				if d.Lane == l {
					label := FormatCount(d.InView) + " events here — zoom in to see them one by one"
					x := width - b.measure(in, label, false) - 10
					dst.Prims = append(dst.Prims, Prim{Kind: PrimText, X: x, Y: box.Y + (m.LaneHeader-textH)/2, Text: label, TextSize: m.TextSize, Fill: p.MutedText})
				}
			}
			continue
		}
		top := box.Y + m.LaneHeader
		markX0, markX1 := 0.0, math.Inf(-1) // the lane's last overflow mark
		for k, i := range b.visible[l] {
			it := &in.Events.Items[i]
			row := b.laneRows[l][k]
			if row < 0 {
				// No room: a thin mark in the lane's overflow strip. A mark
				// that lies inside the previous one adds nothing and is not
				// drawn; items come in order of x0, so runs of them merge.
				x0, x1 := clipX(vp.X(it.Start), width), clipX(vp.X(it.End), width)
				x1 = max(x1, x0+2)
				if x0 >= markX0 && x1 <= markX1 {
					continue
				}
				y := top + float64(b.rowCount[l]-1)*m.RowHeight + m.RowHeight/2
				dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: x0, Y: y - 3, W: x1 - x0, H: 6, Fill: withAlpha(in.Lanes[l].Color, 0x99)})
				markX0, markX1 = x0, x1
				continue
			}
			b.drawItem(in, dst, i, &b.geoms[l][k], in.Lanes[l].Color, top+float64(row)*m.RowHeight, textH)
		}
		if n := b.overflow[l]; n > 0 {
			label := Plural(n, "more event", "more events") + " in the strip below"
			x := width - b.measure(in, label, false) - 10
			dst.Prims = append(dst.Prims, Prim{Kind: PrimText, X: x, Y: box.Y + (m.LaneHeader-textH)/2, Text: label, TextSize: m.TextSize, Fill: p.MutedText})
		}
	}

	if len(dst.Outlines) > 0 {
		dst.Prims = append(dst.Prims, Prim{Kind: PrimOutlines, X: 0, Y: 0, W: width, H: in.Height})
	}
	if stmtH > 0 {
		b.drawStatements(in, dst, textH)
	}
	b.drawPeriodStrip(in, dst, textH)

	// The axis, over the lanes that scroll under it.
	dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: 0, Y: 0, W: width, H: m.AxisHeight, Fill: p.Axis})
	rowY := 4.0
	for _, t := range dst.Axis.Context {
		if !t.Pinned {
			dst.Prims = append(dst.Prims, Prim{Kind: PrimLine, X: t.X, Y: 0, X2: t.X, Y2: m.AxisHeight, Stroke: p.GridStrong, StrokeWidth: 1})
		}
		// A label the right edge would cut is left out; its tick stays.
		if t.Pinned || t.X+3+b.measure(in, t.Label, true) <= width {
			dst.Prims = append(dst.Prims, Prim{Kind: PrimText, X: t.X + 3, Y: rowY, Text: t.Label, TextSize: m.TextSize, Bold: true, Fill: p.Text})
		}
	}
	for _, t := range dst.Axis.Fine {
		dst.Prims = append(dst.Prims, Prim{Kind: PrimLine, X: t.X, Y: m.AxisHeight - 8, X2: t.X, Y2: m.AxisHeight, Stroke: p.MutedText, StrokeWidth: 1})
		if t.X+3+b.measure(in, t.Label, false) <= width {
			dst.Prims = append(dst.Prims, Prim{Kind: PrimText, X: t.X + 3, Y: m.AxisHeight - 8 - textH, Text: t.Label, TextSize: m.TextSize, Fill: p.MutedText})
		}
	}
	dst.Prims = append(dst.Prims, Prim{Kind: PrimLine, X: 0, Y: m.AxisHeight, X2: width, Y2: m.AxisHeight, Stroke: p.GridStrong, StrokeWidth: 1})

	// Where the view is in lanes taller than the widget.
	if view := in.Height - m.AxisHeight; dst.Height > in.Height && view > 0 {
		content := dst.Height - m.AxisHeight
		h := math.Max(24, view*view/content)
		y := m.AxisHeight + (view-h)*in.ScrollY/(content-view)
		dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: width - 6, Y: y, W: 4, H: h, Fill: withAlpha(p.MutedText, 0x90), Radius: 2})
	}
}

// geom is where an item and its label are drawn in this frame.
type geom struct {
	x0, x1      float64 // everything the item occupies: marks, whiskers and label
	label       string  // the label, shortened with an ellipsis if it had to be
	labelX      float64
	labelInside bool // drawn on the bar
	fade        float64
}

// minInsideLabel is the visible bar width, in pixels, above which a label
// that does not fit is shortened to fit inside the bar rather than drawn after it.
const minInsideLabel = 100

// place decides where an item's label goes: inside its bar if it fits; else
// after the item, or before it when there is no room after it; shortened
// with an ellipsis when it fits nowhere whole.
func (b *Builder) place(in *Input, it *Item) geom {
	vp := in.Viewport
	m := in.Metrics
	width := vp.Width()
	earliest, latest := in.Events.Extent(it)
	title := in.Events.Titles[it.ID]
	g := geom{x0: vp.X(earliest), x1: vp.X(latest)}
	label := b.measure(in, title, false)
	var after, before float64 // where a label outside the item starts after it, or ends before it
	if it.Range {
		x0, x1 := vp.X(it.Start), vp.X(it.End)
		g.fade = math.Min((x1-x0)/2, math.Min(96, math.Max(24, (x1-x0)/4)))
		vx0 := math.Max(x0, 0)
		if it.StartUncertain {
			vx0 = math.Max(x0+g.fade, 0)
		}
		vis := math.Min(x1, width) - vx0
		switch {
		case label+2*m.LabelGap <= vis:
			g.label, g.labelX, g.labelInside = title, vx0+m.LabelGap, true
			return g
		case vis >= minInsideLabel:
			g.label, g.labelX, g.labelInside = b.truncate(in, title, vis-2*m.LabelGap), vx0+m.LabelGap, true
			return g
		}
		if x1 < 0 || x0 > width {
			return g // off screen: a label cut by the edge helps nobody
		}
		after = math.Max(x1, vp.X(latest)) + m.LabelGap
		before = math.Min(x0, vp.X(earliest)) - m.LabelGap
	} else {
		xs := vp.X(it.Start)
		g.x0 = math.Min(g.x0, xs-m.MarkerSize/2)
		g.x1 = math.Max(g.x1, xs+m.MarkerSize/2)
		if xl := vp.X(latest); xs < 0 && xl > 0 && latest > it.Start {
			// A point known only to a month or a year, its marker left of
			// the view and its faint band in it: the label keeps to the
			// band's visible part, as a range's to its bar's, or follows it.
			after, before = xl+m.LabelGap, -1 // no room before it
			if label+2*m.LabelGap <= math.Min(xl, width) {
				after = m.LabelGap
			}
		} else if xs < 0 || xs > width {
			return g // the marker is off screen: so is its label
		} else {
			after = xs + m.MarkerSize/2 + m.LabelGap // over the faint band of a coarse date, if any
			left := math.Min(xs-m.MarkerSize/2, vp.X(earliest))
			if it.StartUncertain {
				left = math.Min(left, xs-3*m.MarkerSize) // the fade-in drawn before the marker
			}
			before = left - m.LabelGap
		}
	}
	switch {
	case after+label <= width:
		g.label, g.labelX = title, after
	case before-label >= 0:
		g.label, g.labelX = title, before-label
	default:
		g.label, g.labelX = b.truncate(in, title, width-after), after
	}
	lw := b.measure(in, g.label, false)
	g.x0 = math.Min(g.x0, g.labelX)
	g.x1 = math.Max(g.x1, g.labelX+lw)
	return g
}

// truncate shortens s with an ellipsis to at most maxW pixels; "" if not even
// a letter and the ellipsis fit.
func (b *Builder) truncate(in *Input, s string, maxW float64) string {
	if b.measure(in, s, false) <= maxW {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r) // the longest prefix that fits is in [lo, hi)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if b.measure(in, string(r[:mid])+"…", false) <= maxW {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return ""
	}
	return strings.TrimRight(string(r[:lo]), " ,;:") + "…"
}

func (b *Builder) drawItem(in *Input, dst *Scene, i int, g *geom, lane color.NRGBA, rowTop, textH float64) {
	it := &in.Events.Items[i]
	vp := in.Viewport
	m := in.Metrics
	p := in.Palette
	width := vp.Width()
	cy := rowTop + m.RowHeight/2
	by := cy - m.BarHeight/2
	clip := func(x float64) float64 { return clipX(x, width) }

	dragged := it.ID == in.Emphasis.Dragged && it.ID != 0
	if dragged {
		lane = withAlpha(lane, 0x50)
	}
	fill := lane
	stroke := color.NRGBA{}
	strokeW := 0.0
	switch it.Style {
	case StyleExpected:
		fill = withAlpha(lane, 0x30) // hollow, with a dotted outline
		stroke, strokeW = p.Text, 2
	case StyleDisputed:
		stroke, strokeW = p.Disputed, 2 // dashed
	}

	var hx0, hx1 float64 // the hit box
	xs := vp.X(it.Start)
	earliest, latest := in.Events.Extent(it)
	// Uncertainty whiskers: the times the item may extend to.
	if e := vp.X(earliest); earliest < it.Start && xs-e >= 2 {
		dst.Prims = append(dst.Prims, Prim{Kind: PrimLine, X: clip(e), Y: cy, X2: clip(xs), Y2: cy, Stroke: lane, StrokeWidth: 2})
		dst.Prims = append(dst.Prims, Prim{Kind: PrimLine, X: clip(e), Y: cy - 4, X2: clip(e), Y2: cy + 4, Stroke: lane, StrokeWidth: 2})
	}
	end := it.End
	if !it.Range {
		end = it.Start
	}
	if l, xe := vp.X(latest), vp.X(end); latest > end && l-xe >= 2 {
		if it.Range {
			dst.Prims = append(dst.Prims, Prim{Kind: PrimLine, X: clip(xe), Y: cy, X2: clip(l), Y2: cy, Stroke: lane, StrokeWidth: 2})
			dst.Prims = append(dst.Prims, Prim{Kind: PrimLine, X: clip(l), Y: cy - 4, X2: clip(l), Y2: cy + 4, Stroke: lane, StrokeWidth: 2})
		} else {
			// A point known only to a month or a year: a faint band over that period.
			dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: clip(xe), Y: by, W: clip(l) - clip(xe), H: m.BarHeight, Fill: withAlpha(lane, 0x38), Radius: 3})
		}
	}

	if it.Range {
		x0, x1 := vp.X(it.Start), vp.X(it.End)
		if x1-x0 < 2 {
			x1 = x0 + 2
		}
		cx0, cx1 := clip(x0), clip(x1)
		fade := g.fade // uncertain ends fade over a quarter of the bar, 24 to 96 px
		sx0, sx1 := x0, x1
		if it.StartUncertain {
			sx0 = x0 + fade
			dst.Prims = append(dst.Prims, Prim{Kind: PrimGradient, X: x0, Y: by, W: fade, H: m.BarHeight, Fill: withAlpha(fill, 0), Fill2: fill})
		}
		if it.EndUncertain {
			sx1 = x1 - fade
			dst.Prims = append(dst.Prims, Prim{Kind: PrimGradient, X: sx1, Y: by, W: fade, H: m.BarHeight, Fill: fill, Fill2: withAlpha(fill, 0)})
		}
		if sx1 > sx0 {
			dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: clip(sx0), Y: by, W: clip(sx1) - clip(sx0), H: m.BarHeight, Fill: fill, Radius: 3})
		}
		if strokeW > 0 {
			dst.Outlines = append(dst.Outlines, styleOutline(it.Style, OutlineRect, cx0, by, cx1-cx0, m.BarHeight, stroke))
		}
		hx0, hx1 = cx0, cx1
	} else {
		s := m.MarkerSize
		mf := fill
		if it.Style == StyleExpected {
			mf = p.Background
		}
		if it.StartUncertain {
			// Known to have been so by this time; when it began is not known.
			dst.Prims = append(dst.Prims, Prim{Kind: PrimGradient, X: xs - 3*s, Y: cy - 3, W: 3 * s, H: 6, Fill: withAlpha(lane, 0), Fill2: lane})
		}
		if strokeW > 0 {
			// The outline is drawn patterned, a little outside the diamond.
			dst.Prims = append(dst.Prims, Prim{Kind: PrimDiamond, X: xs - s/2, Y: cy - s/2, W: s, H: s, Fill: mf})
			dst.Outlines = append(dst.Outlines, styleOutline(it.Style, OutlineDiamond, xs-s/2-3, cy-s/2-3, s+6, s+6, stroke))
		} else {
			dst.Prims = append(dst.Prims, Prim{Kind: PrimDiamond, X: xs - s/2, Y: cy - s/2, W: s, H: s, Fill: mf, Stroke: lane, StrokeWidth: 1.5})
		}
		hx0, hx1 = xs-s/2, xs+s/2
	}
	mx0, mx1 := hx0, hx1
	if g.label != "" && !dragged {
		col := p.Text
		if g.labelInside && it.Style != StyleExpected {
			col = TextOn(fill, p)
		}
		dst.Prims = append(dst.Prims, Prim{Kind: PrimText, X: g.labelX, Y: cy - textH/2, Text: g.label, TextSize: m.TextSize, Fill: col})
		hx0 = math.Min(hx0, g.labelX)
		hx1 = math.Max(hx1, g.labelX+b.measure(in, g.label, false))
	}

	hit := Hit{ID: it.ID, X0: hx0 - 2, Y0: by - 2, X1: hx1 + 2, Y1: by + m.BarHeight + 2, Item: i, MarkX0: mx0, MarkX1: mx1, Range: it.Range}
	dst.Hits = append(dst.Hits, hit)
	if slices.Contains(in.Emphasis.Marked, it.ID) && it.ID != in.Emphasis.Selected {
		dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: hit.X0 - 3, Y: hit.Y0 - 3, W: hit.X1 - hit.X0 + 6, H: hit.Y1 - hit.Y0 + 6,
			Fill: withAlpha(p.Selection, 0x30), Stroke: withAlpha(p.Selection, 0xc0), StrokeWidth: 2, Radius: 6})
	}
	switch it.ID {
	case in.Emphasis.Selected:
		dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: hit.X0 - 1, Y: hit.Y0 - 1, W: hit.X1 - hit.X0 + 2, H: hit.Y1 - hit.Y0 + 2, Stroke: p.Selection, StrokeWidth: 2, Radius: 5})
	case in.Emphasis.Hovered:
		dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: hit.X0, Y: hit.Y0, W: hit.X1 - hit.X0, H: hit.Y1 - hit.Y0, Stroke: p.Hover, StrokeWidth: 1, Radius: 5})
	default:
		if in.Events.Matches[it.ID] {
			dst.Prims = append(dst.Prims, Prim{Kind: PrimRect, X: hit.X0 - 1, Y: hit.Y0 - 1, W: hit.X1 - hit.X0 + 2, H: hit.Y1 - hit.Y0 + 2, Stroke: p.Match, StrokeWidth: 2, Radius: 5})
		}
	}
}

func (b *Builder) measure(in *Input, s string, bold bool) float64 {
	k := labelKey{s, in.Metrics.TextSize, bold}
	if w, ok := b.labels[k]; ok {
		return w
	}
	w, _ := in.Measure(s, in.Metrics.TextSize, bold)
	b.labels[k] = w
	return w
}

// clipX keeps x just outside [0, width], so shapes that run off the view
// have sane sizes.
func clipX(x, width float64) float64 { return math.Max(-8, math.Min(width+8, x)) }

// TextOn picks the palette's label colour that reads best on bg.
func TextOn(bg color.NRGBA, p Palette) color.NRGBA {
	if luminance(bg) > 0.45 {
		return p.OnLightText
	}
	return p.OnDarkText
}

// luminance is the relative luminance of c (WCAG), 0 for black to 1 for white.
func luminance(c color.NRGBA) float64 {
	lin := func(v uint8) float64 {
		f := float64(v) / 255
		if f <= 0.04045 {
			return f / 12.92
		}
		return math.Pow((f+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

func withAlpha(c color.NRGBA, a uint8) color.NRGBA {
	c.A = uint8(uint16(c.A) * uint16(a) / 255)
	return c
}

func resizeLists(l [][]int, n int) [][]int {
	for len(l) < n {
		l = append(l, nil)
	}
	l = l[:n]
	for i := range l {
		l[i] = l[i][:0]
	}
	return l
}

func resizeInts(s []int, n int) []int {
	if cap(s) < n {
		s = make([]int, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func resizeInt32s(s []int32, n int) []int32 {
	if cap(s) < n {
		s = make([]int32, n)
	}
	return s[:n]
}

// Plural writes a count and the noun that goes with it: "1 event",
// "1,234 events". It is the one place counts are written for people, on the
// timeline and around it.
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return FormatCount(n) + " " + many
}

// FormatCount writes a count with commas between groups of three digits: 1,234,567.
func FormatCount(n int) string {
	s := strconv.Itoa(n)
	var out []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 && s[i-1] != '-' {
			out = append(out, ","...)
		}
		out = append(out, s[i])
	}
	return string(out)
}

// sortByX0 orders a lane's visible items, and their geometry with them, by
// where they start on screen, as stacking needs.
func sortByX0(items []int, geoms []geom) {
	if slices.IsSortedFunc(geoms, func(a, b geom) int { return cmp.Compare(a.x0, b.x0) }) {
		return
	}
	sort.Sort(byX0{items, geoms})
}

type byX0 struct {
	items []int
	geoms []geom
}

func (s byX0) Len() int           { return len(s.items) }
func (s byX0) Less(i, j int) bool { return s.geoms[i].x0 < s.geoms[j].x0 }
func (s byX0) Swap(i, j int) {
	s.items[i], s.items[j] = s.items[j], s.items[i]
	s.geoms[i], s.geoms[j] = s.geoms[j], s.geoms[i]
}

func resizeBoxes(s []LaneBox, n int) []LaneBox {
	if cap(s) < n {
		s = make([]LaneBox, n)
	}
	return s[:n]
}

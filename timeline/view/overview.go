package view

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/timeline"
	"github.com/quoteline/quoteline/timeline/paint"
)

var (
	_ fyne.Widget    = (*Overview)(nil)
	_ fyne.Tappable  = (*Overview)(nil)
	_ fyne.Draggable = (*Overview)(nil)
)

// overviewColumn is the width of one column of the overview's density, in pixels.
const overviewColumn = 2

// Overview is a band showing the whole extent of a timeline's data as a
// density strip, with the main view's window drawn on it. Dragging the
// window, or tapping elsewhere, moves the main view there.
type Overview struct {
	widget.BaseWidget

	// OnMove is called with the window the user asked for.
	OnMove func(start, end float64)

	source             timeline.Counts
	lo, hi             float64 // extent of the data
	hasData            bool
	winStart, winEnd   float64
	counts             []int32 // per column, summed over lanes; recomputed on data or size change
	scratch            []int32
	countsFor          fyne.Size
	renderer           *overviewRenderer
	dragFrom, dragSpan float64 // window start and span when a drag began; dragSpan 0: not dragging
}

// NewOverview returns an empty overview band.
func NewOverview() *Overview {
	o := &Overview{}
	o.ExtendBaseWidget(o)
	return o
}

// SetData shows the extent and density of the items counts holds (an
// Index, or a Summary while the items are read), from lo to hi.
func (o *Overview) SetData(counts timeline.Counts, lo, hi float64) {
	o.source, o.lo, o.hi = counts, lo, hi
	o.hasData = counts != nil && counts.Len() > 0 && hi >= lo
	o.countsFor = fyne.Size{}
	o.Refresh()
}

// Counts returns what the density shown is drawn from, or nil.
func (o *Overview) Counts() timeline.Counts { return o.source }

// SetWindow marks the main view's window [start, end].
func (o *Overview) SetWindow(start, end float64) {
	if o.winStart == start && o.winEnd == end {
		return
	}
	o.winStart, o.winEnd = start, end
	if o.renderer != nil {
		o.renderer.layoutWindow()
	}
}

// viewport maps the data's extent, with a margin, across the band.
func (o *Overview) viewport() timeline.Viewport {
	pad := math.Max((o.hi-o.lo)*0.02, 86400)
	return timeline.NewViewport(o.lo-pad, o.hi+pad, float64(o.Size().Width))
}

// Tapped centres the main view's window on the time tapped.
func (o *Overview) Tapped(ev *fyne.PointEvent) {
	if !o.hasData || o.OnMove == nil {
		return
	}
	t := o.viewport().Time(float64(ev.Position.X))
	span := o.winEnd - o.winStart
	o.OnMove(t-span/2, t+span/2)
}

// Dragged moves the main view's window with the pointer.
func (o *Overview) Dragged(ev *fyne.DragEvent) {
	if !o.hasData || o.OnMove == nil {
		return
	}
	vp := o.viewport()
	if o.dragSpan == 0 {
		o.dragFrom, o.dragSpan = o.winStart, o.winEnd-o.winStart
	}
	o.dragFrom += float64(ev.Dragged.DX) * vp.SecondsPerPixel()
	o.OnMove(o.dragFrom, o.dragFrom+o.dragSpan)
}

// DragEnd is part of fyne.Draggable.
func (o *Overview) DragEnd() { o.dragSpan = 0 }

// MinSize is part of fyne.Widget.
func (o *Overview) MinSize() fyne.Size {
	o.ExtendBaseWidget(o)
	return fyne.NewSize(100, 44)
}

// CreateRenderer is part of fyne.Widget.
func (o *Overview) CreateRenderer() fyne.WidgetRenderer {
	r := &overviewRenderer{o: o,
		bg:     canvas.NewRectangle(color.Transparent),
		line:   canvas.NewLine(color.Transparent),
		window: canvas.NewRectangle(color.Transparent),
	}
	r.raster = canvas.NewRaster(r.draw)
	o.renderer = r
	r.applyTheme()
	return r
}

type overviewRenderer struct {
	o      *Overview
	bg     *canvas.Rectangle
	line   *canvas.Line
	raster *canvas.Raster
	window *canvas.Rectangle
	fill   color.NRGBA
	img    *image.RGBA
}

func (r *overviewRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.line.Position1, r.line.Position2 = fyne.NewPos(0, 0), fyne.NewPos(size.Width, 0)
	r.raster.Resize(size)
	r.layoutWindow()
}

func (r *overviewRenderer) MinSize() fyne.Size { return r.o.MinSize() }

func (r *overviewRenderer) Refresh() {
	r.applyTheme()
	r.Layout(r.o.Size())
	r.raster.Refresh()
	r.bg.Refresh()
	r.line.Refresh()
}

func (r *overviewRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.bg, r.raster, r.window, r.line}
}

func (r *overviewRenderer) Destroy() {}

func (r *overviewRenderer) applyTheme() {
	th := r.o.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg, bg := nrgba(th.Color(theme.ColorNameForeground, v)), nrgba(th.Color(theme.ColorNameBackground, v))
	primary := nrgba(th.Color(theme.ColorNamePrimary, v))
	r.bg.FillColor = mix(fg, bg, 0.04)
	r.line.StrokeColor, r.line.StrokeWidth = mix(fg, bg, 0.3), 1
	r.fill = mix(fg, bg, 0.55)
	win := primary
	win.A = 0x40
	r.window.FillColor, r.window.StrokeColor, r.window.StrokeWidth = win, primary, 1.5
	r.window.CornerRadius = 3
}

// layoutWindow places the main view's window on the band.
func (r *overviewRenderer) layoutWindow() {
	o := r.o
	if !o.hasData || o.Size().Width <= 0 {
		r.window.Hide()
		return
	}
	vp := o.viewport()
	w := float64(o.Size().Width)
	x0 := math.Max(-2, math.Min(w+2, vp.X(o.winStart)))
	x1 := math.Max(-2, math.Min(w+2, vp.X(o.winEnd)))
	if x1-x0 < 4 { // keep a sliver visible when zoomed far in
		mid := (x0 + x1) / 2
		x0, x1 = mid-2, mid+2
	}
	r.window.Move(fyne.NewPos(float32(x0), 2))
	r.window.Resize(fyne.NewSize(float32(x1-x0), o.Size().Height-4))
	r.window.Show()
	r.window.Refresh()
}

// draw paints the density of the whole extent: per column, a bar as tall as
// the log of the number of events starting in it. Counts are computed once per
// data and size, not per frame.
func (r *overviewRenderer) draw(w, h int) image.Image {
	o := r.o
	r.img = paint.Reuse(r.img, w, h)
	size := o.Size()
	if !o.hasData || size.Width <= 0 {
		return r.img
	}
	if o.countsFor != size {
		cols := max(1, int(size.Width/overviewColumn))
		o.counts, o.scratch = resizeCounts(o.counts, cols), resizeCounts(o.scratch, cols)
		clear(o.counts)
		vp := o.viewport()
		for l := range o.source.Lanes() {
			o.source.Density(l, vp, o.scratch, nil)
			for c, n := range o.scratch {
				o.counts[c] += n
			}
		}
		o.countsFor = size
	}
	peak := int32(1)
	for _, n := range o.counts {
		peak = max(peak, n)
	}
	scale := float64(w) / float64(size.Width)
	colW := float64(size.Width) / float64(len(o.counts))
	logMax := math.Log1p(float64(peak))
	for c, n := range o.counts {
		if n == 0 {
			continue
		}
		x0, x1 := int(float64(c)*colW*scale), int(float64(c+1)*colW*scale)
		barH := max(1, int(float64(h-6)*math.Log1p(float64(n))/logMax))
		paint.FillRect(r.img, x0, h-3-barH, max(x1-1, x0+1), h-3, r.fill)
	}
	return r.img
}

func resizeCounts(s []int32, n int) []int32 {
	if cap(s) < n {
		return make([]int32, n)
	}
	return s[:n]
}

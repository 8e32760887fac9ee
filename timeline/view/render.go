package view

import (
	"image"
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/quoteline/quoteline/timeline"
)

var _ fyne.WidgetRenderer = (*renderer)(nil)

// renderer turns the timeline's scene into canvas objects. Objects are pooled
// per kind and reused from frame to frame; only as many as the scene needs are
// shown, so the count tracks what is visible, not the size of the document.
type renderer struct {
	t       *Timeline
	builder timeline.Builder
	scene   timeline.Scene
	trial   timeline.Builder // scenes built to measure, not drawn (ScaleToFit)
	trialSc timeline.Scene
	size    fyne.Size
	text    textMeasurer

	style // colours and sizes

	background *canvas.Rectangle
	focus      *canvas.Rectangle
	tip        // the tooltip
	ghost      // the event being dragged
	rasters    // what is drawn pixel by pixel
	pools      // everything else the scene draws
	objects    []fyne.CanvasObject
}

// style is the colours and sizes a renderer draws with, from the theme.
type style struct {
	palette     timeline.Palette
	metrics     timeline.Metrics
	baseMetrics timeline.Metrics // metrics at scale 1
}

// tip is the tooltip: a box with a title and a line of detail.
type tip struct {
	tipBox    *canvas.Rectangle
	tipTitle  *canvas.Text
	tipDetail *canvas.Text
}

// ghost is the ghost of an event being dragged: a bar or a marker, and a
// line down the time being dragged.
type ghost struct {
	ghostBar  *canvas.Rectangle
	ghostMark *canvas.Polygon
	ghostLine *canvas.Line
	ghostText *canvas.Text
	ghostBack *canvas.Rectangle // behind the ghost's title when it is beside it
}

// rasters are what is drawn pixel by pixel, each into one image.
type rasters struct {
	density    *canvas.Raster // every dense lane's chart, in one raster
	densityImg *image.RGBA
	outlines   *canvas.Raster // every dashed and dotted outline, in one raster
	outlineImg *image.RGBA
}

// pools keep the canvas objects of the scene's other primitives.
type pools struct {
	rects     pool[*canvas.Rectangle]
	gradients pool[*canvas.LinearGradient]
	lines     pool[*canvas.Line]
	texts     pool[*canvas.Text]
	diamonds  pool[*canvas.Polygon]
}

// pool keeps canvas objects of one kind for reuse.
type pool[T fyne.CanvasObject] struct {
	items []T
	used  int
}

// next returns an object to draw with, creating one with create when the pool is used up.
func (p *pool[T]) next(create func() T) T {
	if p.used == len(p.items) {
		p.items = append(p.items, create())
	}
	o := p.items[p.used]
	p.used++
	return o
}

// hideUnused hides the objects the last frame did not use.
func (p *pool[T]) hideUnused() {
	for _, o := range p.items[p.used:] {
		o.Hide()
	}
}

func (r *renderer) Layout(size fyne.Size) {
	r.size = size
	r.t.vp.SetWidth(float64(size.Width))
	r.background.Resize(size)
	r.focus.Resize(size)
	r.rebuild()
}

func (r *renderer) MinSize() fyne.Size { return r.t.MinSize() }

func (r *renderer) Refresh() {
	r.applyTheme()
	r.rebuild()
	canvas.Refresh(r.t)
}

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *renderer) Destroy() {}

// applyTheme derives the scene's palette and metrics from the current theme.
func (r *renderer) applyTheme() {
	th := r.t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	c := func(n fyne.ThemeColorName) color.NRGBA { return nrgba(th.Color(n, v)) }
	fg, bg := c(theme.ColorNameForeground), c(theme.ColorNameBackground)
	r.palette = Palette(th, v)
	m := Metrics(th)
	r.baseMetrics = m
	m = r.t.fit.Apply(m)
	r.metrics = m
	r.background.FillColor = bg
	r.tipBox.FillColor = c(theme.ColorNameOverlayBackground)
	r.tipBox.StrokeColor = mix(fg, bg, 0.3)
	r.tipBox.StrokeWidth = 1
	r.tipBox.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.tipTitle.Color, r.tipDetail.Color = fg, mix(fg, bg, 0.75)
	r.tipTitle.TextSize = float32(m.TextSize)
	r.tipDetail.TextSize = float32(m.TextSize)
	r.focus.FillColor = color.Transparent
	r.focus.StrokeWidth = 0
	if r.t.focused {
		r.focus.StrokeColor = c(theme.ColorNameFocus)
		r.focus.StrokeWidth = 2
	}
}

// contentHeight returns the height the lanes and axis need to show the
// window of vp at the sizes m.
func (r *renderer) contentHeight(vp timeline.Viewport, m timeline.Metrics) float64 {
	in := r.input(vp, m)
	r.trial.Build(&in, &r.trialSc)
	return r.trialSc.Height
}

// input is what a scene of the timeline's data is built from, for the
// window of vp at the sizes m, with nothing selected or scrolled.
func (r *renderer) input(vp timeline.Viewport, m timeline.Metrics) timeline.Input {
	t := r.t
	return timeline.Input{
		Viewport:   vp,
		Height:     float64(r.size.Height),
		Lanes:      t.lanes,
		Events:     t.events,
		Palette:    r.palette,
		Metrics:    m,
		Measure:    r.text.measure,
		Index:      t.index,
		Marked:     t.marked,
		Quotes:     t.quotes,
		ShowQuotes: t.showQuotes,
		Zone:       t.zone,
	}
}

// rebuild builds the scene for the current viewport and updates the objects in place.
func (r *renderer) rebuild() {
	t := r.t
	defer t.addWork(time.Now())
	in := r.input(t.vp, r.metrics)
	in.ScrollY = max(t.scrollY, 0)
	in.Selected, in.Hovered, in.SelectedQuote = t.selected, t.hovered, t.selectedQuote
	in.SelectedPeriod, in.HoveredPeriod = t.selectedPeriod, t.hoverPer
	if d := t.drag; d != nil && d.active && !d.cancelled {
		in.Dragged = d.item.ID
	}
	r.builder.Build(&in, &r.scene)
	if t.refitLanes(r.scene.Height) {
		in.Metrics, in.ScrollY = r.metrics, t.scrollY
		r.builder.Build(&in, &r.scene)
		t.laneFit.content = r.scene.Height
	}
	// Keep the lanes' scroll within what they need; lane heights do not
	// depend on it, so one more build settles it.
	if limit := max(0, r.scene.Height-float64(r.size.Height)); t.scrollY != min(max(t.scrollY, 0), limit) {
		t.scrollY = min(max(t.scrollY, 0), limit)
		in.ScrollY = t.scrollY
		r.builder.Build(&in, &r.scene)
	}
	if len(r.scene.Untitled) > 0 && t.OnUntitled != nil {
		t.OnUntitled(r.scene.Untitled)
	}

	r.rects.used, r.gradients.used, r.lines.used, r.texts.used, r.diamonds.used = 0, 0, 0, 0, 0
	r.objects = append(r.objects[:0], r.background)
	for i := range r.scene.Prims {
		r.objects = append(r.objects, r.object(&r.scene.Prims[i]))
	}
	r.rects.hideUnused()
	r.gradients.hideUnused()
	r.lines.hideUnused()
	r.texts.hideUnused()
	r.diamonds.hideUnused()
	r.layoutOverlay(false)
	r.objects = append(r.objects, r.ghostLine, r.ghostBar, r.ghostMark, r.ghostBack, r.ghostText, r.focus, r.tipBox, r.tipTitle, r.tipDetail)
}

// object updates a pooled canvas object to draw p and returns it.
func (r *renderer) object(p *timeline.Prim) fyne.CanvasObject {
	pos := fyne.NewPos(float32(p.X), float32(p.Y))
	size := fyne.NewSize(float32(p.W), float32(p.H))
	switch p.Kind {
	case timeline.PrimGradient:
		g := r.gradients.next(func() *canvas.LinearGradient {
			return canvas.NewHorizontalGradient(color.Transparent, color.Transparent)
		})
		g.StartColor, g.EndColor = p.Fill, p.Fill2
		return place(g, pos, size)
	case timeline.PrimLine:
		l := r.lines.next(func() *canvas.Line { return canvas.NewLine(color.Transparent) })
		l.StrokeColor, l.StrokeWidth = p.Stroke, float32(p.StrokeWidth)
		l.Position1 = pos
		l.Position2 = fyne.NewPos(float32(p.X2), float32(p.Y2))
		l.Show()
		l.Refresh()
		return l
	case timeline.PrimText:
		tx := r.texts.next(func() *canvas.Text { return canvas.NewText("", color.Black) })
		tx.Text, tx.Color, tx.TextSize = p.Text, p.Fill, float32(p.TextSize)
		tx.TextStyle = fyne.TextStyle{Bold: p.Bold}
		w, h := r.text.measure(p.Text, p.TextSize, p.Bold)
		return place(tx, pos, fyne.NewSize(float32(w)+2, float32(h)))
	case timeline.PrimDensity:
		r.density.Refresh()
		return place(r.density, pos, size)
	case timeline.PrimOutlines:
		r.outlines.Refresh()
		return place(r.outlines, pos, size)
	case timeline.PrimDiamond:
		d := r.diamonds.next(func() *canvas.Polygon { return canvas.NewPolygon(4, color.Transparent) })
		d.FillColor, d.StrokeColor, d.StrokeWidth = p.Fill, p.Stroke, float32(p.StrokeWidth)
		d.Angle = 0
		return place(d, pos, size)
	default:
		rc := r.rects.next(func() *canvas.Rectangle { return canvas.NewRectangle(color.Transparent) })
		rc.FillColor, rc.StrokeColor = p.Fill, p.Stroke
		rc.StrokeWidth, rc.CornerRadius = float32(p.StrokeWidth), float32(p.Radius)
		return place(rc, pos, size)
	}
}

// drawDensity paints the scene's density charts into a w×h pixel image: for
// each column, a bar as tall as the (log of the) number of items starting in
// it, and above the bars a strip as opaque as the number of ranges covering
// it. It only reads what the scene builder counted.
func (r *renderer) drawDensity(w, h int) image.Image {
	defer r.t.addWork(time.Now())
	r.densityImg = blankImage(r.densityImg, w, h)
	img := r.densityImg
	if r.size.Width <= 0 {
		return img
	}
	scale := float64(w) / float64(r.size.Width)
	top := int(r.scene.Top * scale)
	for _, d := range r.scene.Dense {
		y0, y1 := int(d.Y*scale), int((d.Y+d.Height)*scale)
		strip := y0 + (y1-y0)/4 // ranges above, starts below
		logMax := math.Log1p(float64(max(d.MaxStarts, 1)))
		for c, n := range d.Starts {
			x0, x1 := int(float64(c)*d.ColumnWidth*scale), int(float64(c+1)*d.ColumnWidth*scale)
			if n > 0 {
				barH := max(1, int(float64(y1-strip)*math.Log1p(float64(n))/logMax))
				fillRect(img, x0, max(y1-barH, top), x1-1, y1, d.Color)
			}
			if k := d.Ranges[c]; k > 0 && d.MaxRanges > 0 {
				a := 0x30 + int(0xA0*math.Log1p(float64(k))/math.Log1p(float64(d.MaxRanges)))
				col := d.Color
				col.A = uint8(min(a, 0xD0))
				fillRect(img, x0, max(y0+1, top), x1, strip-1, col)
			}
		}
	}
	return img
}

// drawOutlines paints the scene's dashed and dotted outlines into a w×h
// pixel image, stepping along each dash and stamping a square of the
// outline's width.
func (r *renderer) drawOutlines(w, h int) image.Image {
	defer r.t.addWork(time.Now())
	r.outlineImg = blankImage(r.outlineImg, w, h)
	img := r.outlineImg
	if r.size.Width <= 0 {
		return img
	}
	scale := float64(w) / float64(r.size.Width)
	top := int(r.scene.Top * scale)
	for _, o := range r.scene.Outlines {
		sw := max(1, int(o.Width*scale+0.5))
		for d := range o.Dashes() {
			x0, y0, x1, y1 := d[0]*scale, d[1]*scale, d[2]*scale, d[3]*scale
			steps := int(math.Hypot(x1-x0, y1-y0)/0.5) + 1
			for s := 0; s <= steps; s++ {
				f := float64(s) / float64(steps)
				px, py := int(x0+(x1-x0)*f)-sw/2, int(y0+(y1-y0)*f)-sw/2
				fillRect(img, px, max(py, top), px+sw, py+sw, o.Color)
			}
		}
	}
	return img
}

// blankImage returns a transparent w×h image, reusing img if it has that
// size. Rasters are *image.RGBA (premultiplied alpha) because that is what
// Fyne's painter uploads as it is; any other kind it copies into a new
// RGBA image, pixel by pixel, on every frame.
func blankImage(img *image.RGBA, w, h int) *image.RGBA {
	if img == nil || img.Rect.Dx() != w || img.Rect.Dy() != h {
		return image.NewRGBA(image.Rect(0, 0, w, h))
	}
	clear(img.Pix)
	return img
}

// fillRect fills [x0, x1) × [y0, y1) of img with c, clipped to img.
func fillRect(img *image.RGBA, x0, y0, x1, y1 int, c color.NRGBA) {
	b := img.Rect
	x0, y0, x1, y1 = max(x0, b.Min.X), max(y0, b.Min.Y), min(x1, b.Max.X), min(y1, b.Max.Y)
	if x0 >= x1 || y0 >= y1 {
		return
	}
	pr, pg, pb, pa := c.RGBA() // premultiplied, 16 bits
	px := [4]uint8{uint8(pr >> 8), uint8(pg >> 8), uint8(pb >> 8), uint8(pa >> 8)}
	for y := y0; y < y1; y++ {
		row := img.Pix[y*img.Stride+4*x0 : y*img.Stride+4*x1]
		for i := 0; i < len(row); i += 4 {
			copy(row[i:i+4], px[:])
		}
	}
}

// place moves, sizes, shows and refreshes o.
func place(o fyne.CanvasObject, pos fyne.Position, size fyne.Size) fyne.CanvasObject {
	o.Move(pos)
	o.Resize(size)
	o.Show()
	o.Refresh()
	return o
}

// layoutTooltip shows event id's tooltip beside the pointer at pos or, for
// id 0, that of the period named period, or the statements row's if the
// pointer is on its name; none when there is none of these.
func (r *renderer) layoutTooltip(id, period int64, pos fyne.Position) {
	t := r.t
	title, detail := "", ""
	switch {
	case id != 0 && t.Tooltip != nil:
		title, detail = t.Tooltip(id)
	case id != 0:
		title = t.events.Titles[id]
	case period != 0 && t.PeriodTooltip != nil:
		title, detail = t.PeriodTooltip(period)
	case period != 0:
		if _, k, ok := r.scene.PeriodHitTest(float64(pos.X), float64(pos.Y)); ok && k < len(t.events.Periods) {
			title = t.events.Periods[k].Title
		}
	case t.hoverSaid:
		title, detail = timeline.SaidRow, timeline.SaidRowTip
	}
	if title == "" {
		r.tipBox.Hide()
		r.tipTitle.Hide()
		r.tipDetail.Hide()
		return
	}
	r.showTip(title, detail, pos)
}

// showTip shows a box with a bold title and a line of detail (if not "")
// beside the pointer at pos, within the widget.
func (r *renderer) showTip(title, detail string, pos fyne.Position) {
	r.tipTitle.Text, r.tipDetail.Text = title, detail
	ts, ds := r.tipTitle.MinSize(), r.tipDetail.MinSize()
	pad := float32(8)
	w := max(ts.Width, ds.Width) + 2*pad
	h := ts.Height + 2*pad
	if detail != "" {
		h += ds.Height + 2
	}
	x, y := pos.X+14, pos.Y+20
	if x+w > r.size.Width {
		x = max(0, pos.X-w-6)
	}
	if y+h > r.size.Height {
		y = max(0, pos.Y-h-6)
	}
	r.tipBox.Move(fyne.NewPos(x, y))
	r.tipBox.Resize(fyne.NewSize(w, h))
	r.tipTitle.Move(fyne.NewPos(x+pad, y+pad))
	r.tipTitle.Resize(ts)
	r.tipDetail.Move(fyne.NewPos(x+pad, y+pad+ts.Height+2))
	r.tipDetail.Resize(ds)
	r.tipBox.Show()
	r.tipTitle.Show()
	r.tipDetail.Show()
	if detail == "" {
		r.tipDetail.Hide()
	}
	r.tipBox.Refresh()
	r.tipTitle.Refresh()
	r.tipDetail.Refresh()
}

// textMeasurer measures labels from cached per-rune advances, so a label
// costs a few map lookups instead of a text shaping run. It ignores kerning,
// which moves a label's end by a pixel or so: less than the gap kept between
// items. It belongs to one renderer and its goroutine.
type textMeasurer struct {
	advance map[glyphKey]float64
	height  map[glyphKey]float64 // rune 0: the line height
}

type glyphKey struct {
	r    rune
	size float32
	bold bool
}

func (tm *textMeasurer) measure(s string, size float64, bold bool) (w, h float64) {
	if tm.advance == nil {
		tm.advance, tm.height = map[glyphKey]float64{}, map[glyphKey]float64{}
	}
	style := fyne.TextStyle{Bold: bold}
	hk := glyphKey{0, float32(size), bold}
	h, ok := tm.height[hk]
	if !ok {
		h = float64(fyne.MeasureText("Hg", float32(size), style).Height)
		tm.height[hk] = h
	}
	for _, r := range s {
		k := glyphKey{r, float32(size), bold}
		a, ok := tm.advance[k]
		if !ok {
			a = float64(fyne.MeasureText(string(r), float32(size), style).Width)
			tm.advance[k] = a
		}
		w += a
	}
	return w, h
}

// Palette returns the colours the timeline is drawn with in theme th and
// variant v. Exports use it too, so that they look like the screen.
func Palette(th fyne.Theme, v fyne.ThemeVariant) timeline.Palette {
	c := func(n fyne.ThemeColorName) color.NRGBA { return nrgba(th.Color(n, v)) }
	fg, bg := c(theme.ColorNameForeground), c(theme.ColorNameBackground)
	return timeline.Palette{
		Background:  bg,
		Text:        fg,
		MutedText:   mix(fg, bg, 0.72),
		Grid:        mix(fg, bg, 0.10),
		GridStrong:  mix(fg, bg, 0.28),
		Axis:        c(theme.ColorNameHeaderBackground),
		BandOdd:     mix(fg, bg, 0.035),
		Selection:   c(theme.ColorNamePrimary),
		Match:       c(theme.ColorNameWarning),
		Hover:       mix(fg, bg, 0.45),
		Disputed:    c(theme.ColorNameError),
		Period:      mix(c(theme.ColorNamePrimary), fg, 0.55),
		OnDarkText:  color.NRGBA{0xff, 0xff, 0xff, 0xff},
		OnLightText: color.NRGBA{0x10, 0x14, 0x1c, 0xff},
	}
}

// Metrics returns the sizes the timeline is laid out with in theme th.
func Metrics(th fyne.Theme) timeline.Metrics {
	m := timeline.DefaultMetrics()
	m.TextSize = float64(th.Size(theme.SizeNameText))
	return m
}

func nrgba(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// mix returns a colour a fraction f of the way from b to a.
func mix(a, b color.NRGBA, f float64) color.NRGBA {
	l := func(x, y uint8) uint8 { return uint8(float64(y) + (float64(x)-float64(y))*f + 0.5) }
	return color.NRGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), l(a.A, b.A)}
}

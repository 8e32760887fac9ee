package view

import (
	"bytes"
	"image"
	"image/color"
	"slices"
	"time"

	"github.com/go-text/typesetting/font"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"

	"github.com/quoteline/quoteline/timeline"
	"github.com/quoteline/quoteline/timeline/paint"
)

var _ fyne.WidgetRenderer = (*renderer)(nil)

// renderer draws the timeline's scene as one picture, a canvas.Raster the
// scene is painted into (package paint), with a few objects over it: the
// tooltip, the ghost of an event being dragged, the focus ring, and any
// label the picture could not draw. Fyne's painter repaints the whole
// window whenever anything in it changes, a draw call for each canvas
// object and a texture upload for each new text and each raster refreshed:
// one picture for the whole timeline is one draw call and one upload, made
// only when the picture changed.
type renderer struct {
	t       *Timeline
	builder timeline.Builder
	scene   timeline.Scene
	trial   timeline.Builder // scenes built to measure, not drawn (ScaleToFit)
	trialSc timeline.Scene
	size    fyne.Size
	text    textMeasurer

	style // colours and sizes

	focus   *canvas.Rectangle
	tip     // the tooltip
	ghost   // the event being dragged
	picture // the scene, drawn
	objects []fyne.CanvasObject
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

// picture is the scene drawn into one raster. A scene that changed is
// painted as soon as it is built, on other goroutines, while the UI
// goroutine goes on with the frame (the rest of the window, the painter's
// other objects); the raster takes the picture when Fyne draws it.
type picture struct {
	raster  *canvas.Raster
	img     *image.RGBA
	painter *paint.Painter
	fonts   [2]fyne.Resource // the theme's regular and bold fonts the painter draws with
	drawn   drawnScene       // what img shows, or will once painted
	skipped []int            // texts of the scene the painter cannot draw
	labels  []*canvas.Text   // which show them instead, over the picture
	// pending, while the scene is being painted into img in the
	// background, gets how long that took; at is where it is painted.
	pending chan time.Duration
	at      paint.Pixels
	// pixels is the size in pixels the raster was last drawn at, for a
	// widget of size widget: a scene is painted ahead at that size.
	pixels image.Point
	widget fyne.Size
}

func (r *renderer) Layout(size fyne.Size) {
	if size != r.size {
		r.raster.Resize(size)
		r.raster.Refresh()
	}
	r.size = size
	r.t.vp.SetWidth(float64(size.Width))
	r.focus.Resize(size)
	r.rebuild()
}

func (r *renderer) MinSize() fyne.Size { return r.t.MinSize() }

// Refresh draws the scene again if it changed, and the objects over it.
func (r *renderer) Refresh() {
	r.applyTheme()
	r.rebuild()
	r.focus.Refresh()
	r.refreshOverlay()
}

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *renderer) Destroy() {}

// applyTheme derives the scene's palette and metrics, and the fonts labels
// are drawn in, from the current theme.
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
	fonts := [2]fyne.Resource{th.Font(fyne.TextStyle{}), th.Font(fyne.TextStyle{Bold: true})}
	if r.painter == nil || fonts != r.fonts {
		r.fonts = fonts
		r.painter = paint.New(parseFont(fonts[0]), parseFont(fonts[1]))
		r.drawn = drawnScene{} // drawn with other fonts
	}
}

// parseFont reads a font of the theme; nil if it cannot, and then labels
// are shown as canvas objects.
func parseFont(res fyne.Resource) *font.Face {
	if res == nil {
		return nil
	}
	f, err := font.ParseTTF(bytes.NewReader(res.Content()))
	if err != nil {
		fyne.LogError("timeline: the theme's font "+res.Name()+" cannot be read; labels are drawn one by one", err)
		return nil
	}
	return f
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
		Summary:    t.summary,
		Emphasis:   timeline.Emphasis{Marked: t.marked},
		Quotes:     t.quotes,
		ShowQuotes: t.showQuotes,
		Zone:       t.zone,
	}
}

// rebuild builds the scene for the current viewport; if it differs from the
// one drawn, the picture is drawn again (by paintScene, when Fyne next
// paints the window). The objects over it are laid out.
func (r *renderer) rebuild() {
	t := r.t
	r.waitPaint() // the scene is about to change
	defer t.addWork(time.Now())
	in := r.input(t.vp, r.metrics)
	in.ScrollY = max(t.scrollY, 0)
	in.Emphasis.Selected, in.Emphasis.Hovered, in.Emphasis.SelectedQuote = t.selected, t.hovered, t.selectedQuote
	in.Emphasis.SelectedPeriod, in.Emphasis.HoveredPeriod = t.selectedPeriod, t.hoverPer
	if d := t.drag; d != nil && d.active && !d.cancelled {
		in.Emphasis.Dragged = d.item.ID
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
	if !r.drawn.is(&r.scene, r.palette.Background) {
		r.raster.Refresh()
		r.paintAhead()
	}
	r.placeSkipped()
	r.layoutOverlay(false)
	r.objects = append(r.objects[:0], r.raster)
	for _, l := range r.labels {
		r.objects = append(r.objects, l)
	}
	r.objects = append(r.objects, r.ghostLine, r.ghostBar, r.ghostMark, r.ghostBack, r.ghostText, r.focus, r.tipBox, r.tipTitle, r.tipDetail)
}

// paintScene is the picture's raster: it returns the scene drawn into a
// w×h pixel image, painted ahead if it was at that size and place, else now.
func (r *renderer) paintScene(w, h int) image.Image {
	r.pixels, r.widget = image.Pt(w, h), r.size
	at := r.pixelsAt(w)
	if r.pending != nil {
		r.waitPaint()
		if r.img.Rect.Size() == r.pixels && r.at == at {
			return r.img
		}
	}
	defer r.t.addWork(time.Now())
	r.sizeImage()
	r.painter.Paint(r.img, &r.scene, r.palette.Background, at, nil)
	r.drawn.take(&r.scene, r.palette.Background)
	return r.img
}

// paintAhead starts painting the scene, as it now is, into the picture in
// the background, if the picture has been drawn at this size before.
func (r *renderer) paintAhead() {
	if r.pixels.X <= 0 || r.pixels.Y <= 0 || r.widget != r.size {
		return // painted when Fyne asks for it
	}
	r.sizeImage()
	r.at = r.pixelsAt(r.pixels.X)
	r.painter.Prepare(&r.scene, r.img.Rect, r.at, nil)
	r.drawn.take(&r.scene, r.palette.Background)
	done := make(chan time.Duration, 1)
	p, img, sc, bg, at := r.painter, r.img, &r.scene, r.palette.Background, r.at
	go func() {
		start := time.Now()
		p.Draw(img, sc, bg, at)
		done <- time.Since(start)
	}()
	r.pending = done
}

// waitPaint waits for the painting going on in the background, if any.
func (r *renderer) waitPaint() {
	if r.pending != nil {
		r.t.work += <-r.pending
		r.pending = nil
	}
}

// sizeImage makes the picture's image r.pixels in size.
func (r *renderer) sizeImage() {
	if r.img == nil || r.img.Rect.Size() != r.pixels {
		r.img = image.NewRGBA(image.Rectangle{Max: image.Pt(max(r.pixels.X, 0), max(r.pixels.Y, 0))})
	}
}

// pixelsAt returns where the scene's units fall on a picture w pixels wide
// of the timeline as it is placed in the window.
func (r *renderer) pixelsAt(w int) paint.Pixels {
	at := paint.Pixels{Scale: 1}
	if r.size.Width > 0 {
		at.Scale = float64(w) / float64(r.size.Width)
	}
	if d := fyne.CurrentApp().Driver(); d != nil {
		pos := d.AbsolutePositionForObject(r.t)
		at.OriginX, at.OriginY = float64(pos.X), float64(pos.Y)
	}
	return at
}

// placeSkipped shows the texts of the scene the painter cannot draw (a
// character its fonts lack: Fyne's own text rendering falls back on other
// fonts) as canvas objects over the picture. One that a band drawn after
// it across the whole width (the axis) would cover is left out.
func (r *renderer) placeSkipped() {
	r.skipped = r.skipped[:0]
	for i := range r.scene.Prims {
		if p := &r.scene.Prims[i]; p.Kind == timeline.PrimText && !r.painter.CanDraw(p) && !coveredLater(r.scene.Prims, i, float64(r.size.Width)) {
			r.skipped = append(r.skipped, i)
		}
	}
	for len(r.labels) < len(r.skipped) {
		r.labels = append(r.labels, canvas.NewText("", color.Black))
	}
	for k, tx := range r.labels {
		if k >= len(r.skipped) {
			if tx.Visible() {
				tx.Hide()
			}
			continue
		}
		p := &r.scene.Prims[r.skipped[k]]
		tx.Text, tx.Color, tx.TextSize = p.Text, p.Fill, float32(p.TextSize)
		tx.TextStyle = fyne.TextStyle{Bold: p.Bold}
		w, h := r.text.measure(p.Text, p.TextSize, p.Bold)
		tx.Move(fyne.NewPos(float32(p.X), float32(p.Y)))
		tx.Resize(fyne.NewSize(float32(w)+2, float32(h)))
		tx.Show()
		tx.Refresh()
	}
}

// coveredLater reports whether text prims[i] is under an opaque rectangle
// across the whole width drawn after it.
func coveredLater(prims []timeline.Prim, i int, width float64) bool {
	p := &prims[i]
	for k := i + 1; k < len(prims); k++ {
		q := &prims[k]
		if q.Kind == timeline.PrimRect && q.X <= 0 && q.X+q.W >= width && q.Fill.A == 0xff && q.Y < p.Y+p.TextSize && q.Y+q.H > p.Y {
			return true
		}
	}
	return false
}

// drawnScene is what the picture shows: the primitives, density charts and
// outlines of a scene, copied, to tell whether a new scene needs drawing.
type drawnScene struct {
	valid    bool
	bg       color.NRGBA
	top      float64
	prims    []timeline.Prim
	outlines []timeline.Outline
	dense    []timeline.DenseLane
	counts   []int32 // the dense lanes' counts, which dense points into
}

// is reports whether sc over bg looks as what was drawn.
func (d *drawnScene) is(sc *timeline.Scene, bg color.NRGBA) bool {
	if !d.valid || d.bg != bg || d.top != sc.Top || len(d.dense) != len(sc.Dense) ||
		!slices.Equal(d.prims, sc.Prims) || !slices.Equal(d.outlines, sc.Outlines) {
		return false
	}
	for k := range d.dense {
		a, b := &d.dense[k], &sc.Dense[k]
		if a.Lane != b.Lane || a.Y != b.Y || a.Height != b.Height || a.ColumnWidth != b.ColumnWidth || a.Color != b.Color ||
			a.MaxStarts != b.MaxStarts || a.MaxRanges != b.MaxRanges || !slices.Equal(a.Starts, b.Starts) || !slices.Equal(a.Ranges, b.Ranges) {
			return false
		}
	}
	return true
}

// take records sc over bg as drawn.
func (d *drawnScene) take(sc *timeline.Scene, bg color.NRGBA) {
	d.valid, d.bg, d.top = true, bg, sc.Top
	d.prims = append(d.prims[:0], sc.Prims...)
	d.outlines = append(d.outlines[:0], sc.Outlines...)
	d.dense = append(d.dense[:0], sc.Dense...)
	d.counts = d.counts[:0]
	for _, l := range sc.Dense {
		d.counts = append(d.counts, l.Starts...)
		d.counts = append(d.counts, l.Ranges...)
	}
	at := 0
	for k := range d.dense {
		l := &d.dense[k]
		n, m := len(l.Starts), len(l.Ranges)
		l.Starts, l.Ranges = d.counts[at:at+n:at+n], d.counts[at+n:at+n+m:at+n+m]
		at += n + m
	}
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

package view

import (
	"image"
	"image/color"
	"math"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/quoteline/quoteline/timeline"
	"github.com/quoteline/quoteline/timeline/paint"
)

const day = 86400.0

// t0 is 2022-08-01T00:00:00Z.
const t0 = 1659312000.0

func sample() ([]timeline.Lane, timeline.Events) {
	lanes := []timeline.Lane{
		{Name: "Drone transfers", Color: color.NRGBA{0x1f, 0x77, 0xb4, 0xff}},
		{Name: "Sanctions", Color: color.NRGBA{0xd6, 0x27, 0x28, 0xff}},
	}
	ev := timeline.Events{
		Items: []timeline.Item{
			{ID: 1, Lane: 0, Start: t0, End: t0 + 287*day, Latest: t0 + 287*day, Range: true},
			// The two points are known to the day: they may run to its end.
			{ID: 2, Lane: 1, Start: t0 + 38*day, End: t0 + 38*day, Latest: t0 + 39*day},
			{ID: 3, Lane: 1, Start: t0 + 106*day, End: t0 + 106*day, Latest: t0 + 107*day, Style: timeline.StyleExpected},
		},
		Titles: map[int64]string{1: "More than 400 UAVs", 2: "Treasury sanctions", 3: "More sanctions"},
	}
	return lanes, ev
}

// newTimeline returns a timeline with sample data in an 800×400 test window.
func newTimeline(t *testing.T) (*Timeline, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	tl := New()
	lanes, items := sample()
	tl.SetData(lanes, items, nil)
	w := test.NewTempWindow(t, tl)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 400))
	return tl, w
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestTimeline_FitsDataWhenFirstShown(t *testing.T) {
	tl, _ := newTimeline(t)
	vp := tl.Viewport()
	if vp.Width() != 800 {
		t.Fatalf("viewport width %v, want 800", vp.Width())
	}
	if vp.Start() > t0 || vp.End() < t0+287*day {
		t.Errorf("view [%v, %v] does not contain the data [%v, %v]", vp.Start(), vp.End(), t0, t0+287*day)
	}
}

func TestTimeline_WheelZoomsAboutCursor(t *testing.T) {
	tests := []struct {
		name   string
		x, dy  float32
		zoomIn bool
	}{
		{"wheel up at the left third", 250, 25, true},
		{"wheel up near the right edge", 760, 25, true},
		{"trackpad nudge", 400, 4, true},
		{"wheel down", 300, -25, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, _ := newTimeline(t)
			before := tl.Viewport()
			anchor := before.Time(float64(tt.x))
			tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(tt.x, 120)}, Scrolled: fyne.NewDelta(0, tt.dy)})
			after := tl.Viewport()
			if got := after.Span() < before.Span(); got != tt.zoomIn {
				t.Errorf("span %v -> %v; zoom in = %v, want %v", before.Span(), after.Span(), got, tt.zoomIn)
			}
			if a := after.Time(float64(tt.x)); !near(a, anchor, before.SecondsPerPixel()) {
				t.Errorf("time under the cursor moved from %v to %v", anchor, a)
			}
		})
	}
}

func TestTimeline_ScrollThroughCanvasZooms(t *testing.T) {
	tl, w := newTimeline(t)
	before := tl.Viewport().Span()
	test.Scroll(w.Canvas(), fyne.NewPos(400, 200), 0, 50)
	if after := tl.Viewport().Span(); after >= before {
		t.Errorf("span %v -> %v, want narrower", before, after)
	}
}

func TestTimeline_DragPans(t *testing.T) {
	tl, w := newTimeline(t)
	before := tl.Viewport()
	test.Drag(w.Canvas(), fyne.NewPos(400, 200), 120, 0)
	after := tl.Viewport()
	if !near(after.Span(), before.Span(), 1e-6*before.Span()) {
		t.Errorf("drag changed the span: %v -> %v", before.Span(), after.Span())
	}
	want := before.Start() - 120*before.SecondsPerPixel()
	if !near(after.Start(), want, before.SecondsPerPixel()) {
		t.Errorf("start %v after dragging right by 120 px, want %v", after.Start(), want)
	}
}

// centreOf returns the middle of item id's clickable area.
func centreOf(t *testing.T, tl *Timeline, id int64) fyne.Position {
	t.Helper()
	h, ok := tl.renderer.scene.HitBox(id)
	if !ok {
		t.Fatalf("item %d is not drawn", id)
	}
	return fyne.NewPos(float32(h.X0+h.X1)/2, float32(h.Y0+h.Y1)/2)
}

func TestTimeline_TapSelects(t *testing.T) {
	tl, _ := newTimeline(t)
	var got []int64
	tl.OnSelected = func(id int64) { got = append(got, id) }

	test.TapAt(tl, centreOf(t, tl, 2))
	if tl.Selected() != 2 {
		t.Errorf("selected %d after tapping item 2", tl.Selected())
	}
	test.TapAt(tl, centreOf(t, tl, 1))
	test.TapAt(tl, fyne.NewPos(790, 390)) // empty space clears
	if want := []int64{2, 1, 0}; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("OnSelected calls %v, want %v", got, want)
	}
}

func TestTimeline_HoverShowsTooltip(t *testing.T) {
	tl, _ := newTimeline(t)
	tl.Tooltip = func(id int64) (string, string) { return "Title of " + string(rune('0'+id)), "details" }
	tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: centreOf(t, tl, 2)}})
	r := tl.renderer
	if !r.tipBox.Visible() || r.tipTitle.Text != "Title of 2" || r.tipDetail.Text != "details" {
		t.Errorf("tooltip visible=%v %q %q", r.tipBox.Visible(), r.tipTitle.Text, r.tipDetail.Text)
	}
	if tl.Cursor() != desktop.PointerCursor {
		t.Error("no pointer cursor over an item")
	}
	tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: centreOf(t, tl, 2)}, Scrolled: fyne.NewDelta(0, 25)})
	if r.tipBox.Visible() {
		t.Error("tooltip still shown after zooming moved the content")
	}
	// A move made by the program, as between the stops of a presentation,
	// with the pointer resting where it was.
	for _, move := range []func(){
		func() { tl.MoveTo(tl.Viewport().Start(), tl.Viewport().End(), 0) },
		func() { tl.SetViewport(tl.Viewport()) },
	} {
		tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: centreOf(t, tl, 2)}})
		if !r.tipBox.Visible() {
			t.Fatal("no tooltip over item 2")
		}
		move()
		if r.tipBox.Visible() {
			t.Error("tooltip still shown after the view was moved under a resting pointer")
		}
	}
	tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: centreOf(t, tl, 2)}})
	tl.MouseOut()
	if r.tipBox.Visible() {
		t.Error("tooltip still shown after the mouse left")
	}
}

// TestTimeline_DisabledOnlyShows: a disabled timeline, as present mode
// has, takes no focus and ignores every input, including a tap the driver
// delivers late (after the double-tap time); enabled again, it answers.
func TestTimeline_DisabledOnlyShows(t *testing.T) {
	tl, w := newTimeline(t)
	selected := 0
	tl.OnSelected = func(int64) { selected++ }
	tl.Disable()
	before := tl.Viewport()
	at := centreOf(t, tl, 2)

	w.Canvas().Focus(tl)
	if w.Canvas().Focused() != nil {
		t.Error("a disabled timeline took the focus")
	}
	tl.Tapped(&fyne.PointEvent{Position: at})
	tl.DoubleTapped(&fyne.PointEvent{Position: at})
	tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: at}, Scrolled: fyne.NewDelta(0, 25)})
	test.Drag(w.Canvas(), at, 120, 0)
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	tl.TypedRune('+')
	time.Sleep(2 * animDuration)
	if selected != 0 || tl.Selected() != 0 {
		t.Errorf("a disabled timeline selected %d (%d calls)", tl.Selected(), selected)
	}
	if tl.renderer.tipBox.Visible() || tl.Cursor() != desktop.DefaultCursor {
		t.Error("a disabled timeline shows a tooltip or a pointing hand")
	}
	if after := tl.Viewport(); after != before {
		t.Errorf("a disabled timeline moved: [%v +%v] -> [%v +%v]", before.Start(), before.Span(), after.Start(), after.Span())
	}

	tl.Enable()
	tl.Tapped(&fyne.PointEvent{Position: at})
	if tl.Selected() != 2 || w.Canvas().Focused() != tl {
		t.Errorf("enabled again, a tap selected %d (focused: %v)", tl.Selected(), w.Canvas().Focused() == tl)
	}
}

func TestTimeline_Keys(t *testing.T) {
	tests := []struct {
		name  string
		press func(tl *Timeline)
		check func(t *testing.T, before, after timeline.Viewport)
	}{
		{"plus zooms in", func(tl *Timeline) { test.Type(tl, "+") }, func(t *testing.T, b, a timeline.Viewport) {
			if !near(a.Span(), b.Span()/keyZoom, 1) {
				t.Errorf("span %v -> %v", b.Span(), a.Span())
			}
		}},
		{"minus zooms out", func(tl *Timeline) { test.Type(tl, "-") }, func(t *testing.T, b, a timeline.Viewport) {
			if a.Span() <= b.Span() {
				t.Errorf("span %v -> %v", b.Span(), a.Span())
			}
		}},
		{"right arrow shows later times", func(tl *Timeline) { tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) }, func(t *testing.T, b, a timeline.Viewport) {
			if a.Start() <= b.Start() || !near(a.Span(), b.Span(), 1) {
				t.Errorf("view [%v +%v] -> [%v +%v]", b.Start(), b.Span(), a.Start(), a.Span())
			}
		}},
		{"left arrow shows earlier times", func(tl *Timeline) { tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) }, func(t *testing.T, b, a timeline.Viewport) {
			if a.Start() >= b.Start() {
				t.Errorf("start %v -> %v", b.Start(), a.Start())
			}
		}},
		{"f fits all after zooming in", func(tl *Timeline) { test.Type(tl, "++++f") }, func(t *testing.T, b, a timeline.Viewport) {
			if !near(a.Span(), b.Span(), 1) || !near(a.Start(), b.Start(), 1) {
				t.Errorf("view [%v +%v], want the fitted [%v +%v]", a.Start(), a.Span(), b.Start(), b.Span())
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tl, _ := newTimeline(t)
			before := tl.Viewport()
			tt.press(tl)
			tt.check(t, before, tl.Viewport())
		})
	}
}

func TestTimeline_DrawsEveryVisibleItem(t *testing.T) {
	tl, _ := newTimeline(t)
	for _, id := range []int64{1, 2, 3} {
		if _, ok := tl.renderer.scene.HitBox(id); !ok {
			t.Errorf("item %d not drawn", id)
		}
	}
	// Objects are pooled: zooming and panning does not grow the object count without bound.
	n := len(tl.renderer.Objects())
	for i := range 50 {
		tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(100+10*i), 100)}, Scrolled: fyne.NewDelta(0, 25)})
		tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(100+10*i), 100)}, Scrolled: fyne.NewDelta(0, -25)})
	}
	if m := len(tl.renderer.Objects()); m > 2*n+20 {
		t.Errorf("object count grew from %d to %d", n, m)
	}
}

func TestTimeline_NamesTheItemsItDrawsWithoutATitle(t *testing.T) {
	tl, _ := newTimeline(t)
	var asked []int64
	tl.OnUntitled = func(ids []int64) { asked = append(asked[:0], ids...) }
	delete(tl.Events().Titles, 2)
	tl.Refresh()
	if len(asked) != 1 || asked[0] != 2 {
		t.Errorf("asked for the titles of %v, want [2]", asked)
	}
}

func TestTimeline_DragScrollsLanesTallerThanTheView(t *testing.T) {
	tl, w := newTimeline(t)
	w.Resize(fyne.NewSize(800, 100))
	before, ok := tl.renderer.scene.HitBox(3)
	if !ok {
		t.Fatal("item 3 not drawn")
	}
	test.Drag(w.Canvas(), fyne.NewPos(400, 80), 0, -30)
	after, _ := tl.renderer.scene.HitBox(3)
	if d := before.Y0 - after.Y0; !near(d, 30, 0.01) {
		t.Errorf("dragging up by 30 px moved the lanes up by %v px", d)
	}
	// Never further than the lanes need.
	test.Drag(w.Canvas(), fyne.NewPos(400, 80), 0, -5000)
	limit := tl.renderer.scene.Height - 100
	if tl.scrollY != limit {
		t.Errorf("scrolled to %v, want the limit %v", tl.scrollY, limit)
	}
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if tl.scrollY != limit-keyScroll {
		t.Errorf("up arrow: scrolled to %v, want %v", tl.scrollY, limit-keyScroll)
	}
	// Lanes that fit are not scrolled at all.
	w.Resize(fyne.NewSize(800, 600))
	if tl.scrollY != 0 {
		t.Errorf("scrolled by %v with room to spare", tl.scrollY)
	}
}

func TestOverview_TapAndDragMoveTheWindow(t *testing.T) {
	test.NewTempApp(t)
	lanes, items := sample()
	idx := timeline.NewIndex(items.Items, items.Earliest, len(lanes))
	o := NewOverview()
	w := test.NewTempWindow(t, o)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(600, 44))
	o.SetData(idx, t0, t0+287*day)
	o.SetWindow(t0+10*day, t0+20*day)
	var gotS, gotE float64
	o.OnMove = func(s, e float64) { gotS, gotE = s, e; o.SetWindow(s, e) }

	vp := o.viewport()
	test.TapAt(o, fyne.NewPos(300, 20))
	if mid := vp.Time(300); !near((gotS+gotE)/2, mid, 1) || !near(gotE-gotS, 10*day, 1) {
		t.Errorf("tap at the middle moved the window to [%v, %v], want 10 days centred on %v", gotS, gotE, mid)
	}
	before := gotS
	x := float32(vp.X((gotS + gotE) / 2))
	test.Drag(w.Canvas(), fyne.NewPos(x, 20), 50, 0)
	if want := before + 50*vp.SecondsPerPixel(); !near(gotS, want, 1) || !near(gotE-gotS, 10*day, 1) {
		t.Errorf("dragging the window 50 px moved it to %v, want %v", gotS, want)
	}
	if !o.renderer.window.Visible() {
		t.Error("the window is not drawn")
	}
	// The density strip counts every event once.
	o.renderer.draw(600, 44)
	total := int32(0)
	for _, n := range o.counts {
		total += n
	}
	if total != int32(len(items.Items)) {
		t.Errorf("overview counts %d events, want %d", total, len(items.Items))
	}
}

func TestTimeline_MoveToAndScale(t *testing.T) {
	tl, _ := newTimeline(t)
	for _, d := range []time.Duration{0, 250 * time.Millisecond} {
		tl.MoveTo(t0+30*day, t0+40*day, d)
		deadline := time.Now().Add(3 * time.Second)
		for !near(tl.Viewport().Start(), t0+30*day, 1) && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		if vp := tl.Viewport(); !near(vp.Start(), t0+30*day, 1) || !near(vp.End(), t0+40*day, 1) {
			t.Errorf("MoveTo over %v: view [%v, %v], want [%v, %v]", d, vp.Start(), vp.End(), t0+30*day, t0+40*day)
		}
		tl.MoveTo(t0, t0+300*day, 0)
	}

	// Twice the scale: the axis labels are drawn at twice the size.
	textSize := func() float64 {
		for _, p := range tl.renderer.scene.Prims {
			if p.Kind == timeline.PrimText {
				return p.TextSize
			}
		}
		return 0
	}
	before := textSize()
	tl.SetScale(2)
	if after := textSize(); before == 0 || !near(after, 2*before, 0.01) {
		t.Errorf("text size %v at scale 1, %v at scale 2", before, after)
	}
}

// TestPicture_LabelsAsFyneDrawsText: a label in the picture has the
// pixels Fyne's own text rendering gives it (its software painter, which
// rasterises text as its OpenGL one does), at scales 1 and 2, in regular
// and bold: the same ink, no pixel off by more than a few levels.
func TestPicture_LabelsAsFyneDrawsText(t *testing.T) {
	test.NewTempApp(t)
	p := paint.New(parseFont(theme.TextFont()), parseFont(theme.TextBoldFont()))
	for _, scale := range []float32{1, 2} {
		for _, s := range []string{"First Iranian-made Shahed reported shot down", "Statements", "2022", "33,521 events here"} {
			for _, bold := range []bool{false, true} {
				txt := canvas.NewText(s, color.White)
				txt.TextSize, txt.TextStyle.Bold = 13, bold
				c := software.NewTransparentCanvas()
				c.SetPadded(false)
				c.SetScale(scale)
				c.SetContent(container.NewWithoutLayout(txt))
				c.Resize(fyne.NewSize(330, 30))
				txt.Move(fyne.NewPos(10, 5))
				txt.Resize(txt.MinSize())
				want := c.Capture()
				got := image.NewRGBA(want.Bounds())
				p.Paint(got, &timeline.Scene{Prims: []timeline.Prim{{Kind: timeline.PrimText, X: 10, Y: 5, Text: s, TextSize: 13, Bold: bold,
					Fill: color.NRGBA{0xff, 0xff, 0xff, 0xff}}}}, color.NRGBA{A: 0xff}, paint.Pixels{Scale: float64(scale)}, nil)
				worst, off, inked := 0, 0, 0
				b := want.Bounds()
				for y := b.Min.Y; y < b.Max.Y; y++ {
					for x := b.Min.X; x < b.Max.X; x++ {
						_, w, _, _ := want.At(x, y).RGBA() // premultiplied white over nothing: its alpha
						wg, gg := int(w>>8), int(got.RGBAAt(x, y).G)
						d := max(wg-gg, gg-wg)
						worst = max(worst, d)
						if wg > 0 || gg > 0 {
							inked++
						}
						if d > 8 {
							off++
						}
					}
				}
				// A point of a glyph may fall a 64th of a pixel aside, where
				// the rasteriser's grid rounds a sum of floats the other way.
				if worst > 16 || off*100 > inked {
					t.Errorf("%q (bold %v) at scale %v: %d of %d pixels off by more than 8 of 255, one by %d", s, bold, scale, off, inked, worst)
				}
			}
		}
	}
}

// TestPicture_PaintedAheadIsTheScene: once the picture has been drawn, a
// scene that changes is painted in the background as soon as it is built,
// and the raster gets that picture, the same as painting it then would
// give; hit tests read the scene meanwhile.
func TestPicture_PaintedAheadIsTheScene(t *testing.T) {
	tl, _ := newTimeline(t)
	r := tl.renderer
	r.paintScene(800, 400) // as Fyne first draws it
	for i := range 20 {
		tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(100+20*i), 100)}, Scrolled: fyne.NewDelta(0, 25)})
		if r.pending == nil {
			t.Fatal("a changed scene is not being painted ahead")
		}
		tl.hitTest(fyne.NewPos(400, 200)) // while it paints
		ahead := r.paintScene(800, 400).(*image.RGBA)
		now := image.NewRGBA(ahead.Rect)
		r.painter.Paint(now, &r.scene, r.palette.Background, r.pixelsAt(800), nil)
		if !slices.Equal(ahead.Pix, now.Pix) {
			t.Fatalf("step %d: the picture painted ahead differs from the scene", i)
		}
	}
}

// TestTimeline_FirstViewFitsEveryLane: the first view, and Fit all, take in
// the space between rows, then draw smaller (down to 11 px text), until
// every lane fits the height; what cannot fit so keeps the usual sizes and
// scrolls. A new height fits them again while the view is still the one
// fitted; once the user has moved it, it stays as it is.
func TestTimeline_FirstViewFitsEveryLane(t *testing.T) {
	test.NewTempApp(t)
	lanes, _ := sample()
	var ev timeline.Events
	ev.Titles = map[int64]string{}
	for i := range 12 { // six bars over the same months in each lane: six rows each
		id := int64(i + 1)
		ev.Items = append(ev.Items, timeline.Item{ID: id, Lane: int32(i % 2), Start: t0, End: t0 + 200*day, Latest: t0 + 200*day, Range: true})
		ev.Titles[id] = "Bar"
	}
	tl := New()
	w := test.NewTempWindow(t, tl)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 360))
	tl.SetData(lanes, ev, nil)
	r := tl.renderer
	text := r.baseMetrics.TextSize
	usual := r.contentHeight(tl.Viewport(), r.baseMetrics)
	if usual <= 360 {
		t.Fatalf("the lanes need %v px at the usual sizes: the test wants more than 360", usual)
	}

	for _, tt := range []struct {
		height     float32
		fits       bool
		sameText   bool
		usualSizes bool
	}{
		{360, true, true, false},  // the rows closer together
		{300, true, false, false}, // and smaller
		{200, false, true, true},  // too small to read: scroll
		{500, true, true, true},   // room enough
	} {
		w.Resize(fyne.NewSize(800, tt.height))
		f := tl.Fitting()
		if fits := r.scene.Height <= float64(tt.height); fits != tt.fits {
			t.Errorf("at %v px high the lanes take %v px (fitting %+v)", tt.height, r.scene.Height, f)
		}
		if got := r.metrics.TextSize; (got == text) != tt.sameText || got < 11 {
			t.Errorf("at %v px high the text is %v px (usual %v)", tt.height, got, text)
		}
		if usual := f == (timeline.Fitting{Scale: 1}); usual != tt.usualSizes {
			t.Errorf("at %v px high: fitting %+v", tt.height, f)
		}
	}

	// Once the user has zoomed, a new height leaves the sizes alone.
	w.Resize(fyne.NewSize(800, 360))
	fitted := tl.Fitting()
	tl.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(400, 100)}, Scrolled: fyne.NewDelta(0, 25)})
	w.Resize(fyne.NewSize(800, 500))
	if tl.Fitting() != fitted {
		t.Errorf("after a zoom, a new height changed the sizes from %+v to %+v", fitted, tl.Fitting())
	}
	// Fit all fits them to the new height.
	tl.FitAll()
	if tl.Fitting() != (timeline.Fitting{Scale: 1}) {
		t.Errorf("Fit all at 500 px: %+v, want the usual sizes", tl.Fitting())
	}
}

func TestTimeline_PeriodNamesSelectAndShowTooltips(t *testing.T) {
	tl, _ := newTimeline(t)
	lanes, ev := sample()
	ev.Periods = []timeline.Period{{Start: t0 + 10*day, End: t0 + 200*day, Lane: -1, Title: "Winter campaign", ID: 5}}
	tl.SetData(lanes, ev, nil)
	var periods, events []int64
	tl.OnSelected = func(id int64) { events = append(events, id) }
	tl.OnPeriodSelected = func(id int64) { periods = append(periods, id) }
	tl.PeriodTooltip = func(id int64) (string, string) { return "Period", "1 Aug 2022 – …" }
	r := tl.renderer
	if len(r.scene.PeriodHits) != 1 {
		t.Fatalf("%d period names to click, want 1", len(r.scene.PeriodHits))
	}
	h := r.scene.PeriodHits[0]
	name := fyne.NewPos(float32(h.X0+h.X1)/2, float32(h.Y0+h.Y1)/2)

	tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: name}})
	if !r.tipBox.Visible() || r.tipTitle.Text != "Period" || tl.Cursor() != desktop.PointerCursor {
		t.Errorf("over a period's name: tooltip %v %q, cursor %v", r.tipBox.Visible(), r.tipTitle.Text, tl.Cursor())
	}
	test.TapAt(tl, name)
	if tl.SelectedPeriod() != 5 || len(periods) != 1 || periods[0] != 5 {
		t.Fatalf("after tapping the name: selected period %d, calls %v", tl.SelectedPeriod(), periods)
	}
	// An event tapped next takes the selection from the period.
	test.TapAt(tl, centreOf(t, tl, 2))
	if tl.SelectedPeriod() != 0 || tl.Selected() != 2 || len(periods) != 2 || periods[1] != 0 || len(events) != 1 {
		t.Errorf("after tapping an event: period %d, event %d, period calls %v, event calls %v", tl.SelectedPeriod(), tl.Selected(), periods, events)
	}
	test.TapAt(tl, name)
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if tl.SelectedPeriod() != 0 || periods[len(periods)-1] != 0 {
		t.Errorf("Escape left period %d selected (calls %v)", tl.SelectedPeriod(), periods)
	}
}

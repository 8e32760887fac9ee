package view

import (
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"

	"github.com/quoteline/quoteline/timeline"
)

// objectOf returns the canvas object Fyne would draw p with at scale: what
// the timeline drew each primitive as before it was painted into one
// picture. Its position and size are snapped to the whole pixels Fyne's
// OpenGL painter rounds them to (to nearest), which its software painter
// would round up.
func objectOf(p *timeline.Prim, scale float32) fyne.CanvasObject {
	snap := func(v float64) float32 {
		return (float32(math.Round(v*float64(scale))) - 1.0/64) / scale
	}
	pos := fyne.NewPos(snap(p.X), snap(p.Y))
	size := fyne.NewSize(snap(p.W), snap(p.H))
	var o fyne.CanvasObject
	switch p.Kind {
	case timeline.PrimGradient:
		o = canvas.NewHorizontalGradient(p.Fill, p.Fill2)
	case timeline.PrimLine:
		l := canvas.NewLine(p.Stroke)
		l.StrokeWidth = float32(p.StrokeWidth)
		l.Position1, l.Position2 = pos, fyne.NewPos(float32(p.X2), float32(p.Y2))
		return l
	case timeline.PrimText:
		tx := canvas.NewText(p.Text, p.Fill)
		tx.TextSize, tx.TextStyle = float32(p.TextSize), fyne.TextStyle{Bold: p.Bold}
		o, size = tx, tx.MinSize()
	case timeline.PrimDiamond:
		d := canvas.NewPolygon(4, p.Fill)
		d.StrokeColor, d.StrokeWidth = p.Stroke, float32(p.StrokeWidth)
		o = d
	default:
		rc := canvas.NewRectangle(p.Fill)
		rc.StrokeColor, rc.StrokeWidth, rc.CornerRadius = p.Stroke, float32(p.StrokeWidth), float32(p.Radius)
		o = rc
	}
	o.Move(pos)
	o.Resize(size)
	return o
}

// pictureOff compares the timeline's picture of its scene with Fyne's
// software painter drawing the scene as canvas objects, at scale. Fyne's
// two painters smooth the edges of lines and rounded shapes differently
// (the picture follows the OpenGL one), so edges may differ; flat colour
// may not. It returns the pixels off by more than a few levels where the
// objects' picture is flat (every pixel within two of it the same), and
// those off by more than a quarter anywhere, of the total.
func pictureOff(t *testing.T, tl *Timeline, scale float32) (flatOff, blockOff int) {
	t.Helper()
	r := tl.renderer
	sc := &r.scene
	objs := []fyne.CanvasObject{canvas.NewRectangle(r.palette.Background)}
	objs[0].Resize(r.size)
	for i := range sc.Prims {
		switch sc.Prims[i].Kind {
		case timeline.PrimDensity, timeline.PrimOutlines:
			t.Fatalf("the scene has density charts or outlines, which this comparison leaves out")
		}
		objs = append(objs, objectOf(&sc.Prims[i], scale))
	}
	c := software.NewTransparentCanvas()
	c.SetPadded(false)
	c.SetScale(scale)
	c.SetContent(container.NewWithoutLayout(objs...))
	c.Resize(r.size)
	want := c.Capture()
	b := want.Bounds()
	got := image.NewRGBA(b)
	r.painter.Paint(got, sc, r.palette.Background, r.pixelsAt(b.Dx()), nil)
	diff := func(x, y int) int {
		wr, wg, wb, _ := want.At(x, y).RGBA()
		g := got.RGBAAt(x, y)
		d := 0
		for _, p := range [3][2]int{{int(wr >> 8), int(g.R)}, {int(wg >> 8), int(g.G)}, {int(wb >> 8), int(g.B)}} {
			d = max(d, p[0]-p[1], p[1]-p[0])
		}
		return d
	}
	// A pixel is flat when every pixel within two units of it (inside the
	// image: a shape's edge may lie on the image's) has its colour.
	reach := int(2 * scale)
	flat := func(x, y int) bool {
		if x-reach < b.Min.X || x+reach >= b.Max.X || y-reach < b.Min.Y || y+reach >= b.Max.Y {
			return false
		}
		c := want.At(x, y)
		for v := y - reach; v <= y+reach; v++ {
			for u := x - reach; u <= x+reach; u++ {
				if want.At(u, v) != c {
					return false
				}
			}
		}
		return true
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if diff(x, y) > 3 && flat(x, y) {
				if flatOff < 5 {
					t.Logf("scale %v: flat pixel (%d, %d) is %v in the picture, %v drawn as objects", scale, x, y, got.RGBAAt(x, y), want.At(x, y))
				}
				flatOff++
			}
		}
	}
	// Fyne's two painters stroke a rounded rectangle differently (the
	// software one with a rasteriser's path a pixel or so from where the
	// OpenGL one's shader puts it; package paint follows the shader and is
	// tested against its arithmetic): blocks with a stroked rounded
	// rectangle are left out here, where what is flat still counts.
	var stroked []image.Rectangle
	for i := range sc.Prims {
		if p := &sc.Prims[i]; p.Kind == timeline.PrimRect && p.StrokeWidth > 0 && p.Stroke.A > 0 && p.Radius > 0 {
			e := p.StrokeWidth
			stroked = append(stroked, image.Rect(int((p.X-e)*float64(scale)), int((p.Y-e)*float64(scale)),
				int((p.X+p.W+e)*float64(scale))+1, int((p.Y+p.H+e)*float64(scale))+1))
		}
	}
	skip := func(x0, y0, n int) bool {
		for _, c := range stroked {
			if c.Overlaps(image.Rect(x0, y0, x0+n, y0+n)) {
				return true
			}
		}
		return false
	}
	// Over blocks of 16×16 units, where a line's or a curve's edge shaded a
	// little differently averages out and a mark or a word more or less
	// does not, the mean colours are compared.
	n := int(16 * scale)
	for y0 := b.Min.Y; y0 < b.Max.Y; y0 += n {
		for x0 := b.Min.X; x0 < b.Max.X; x0 += n {
			var sw, sg [3]int
			k := 0
			for y := y0; y < min(y0+n, b.Max.Y); y++ {
				for x := x0; x < min(x0+n, b.Max.X); x++ {
					wr, wg, wb, _ := want.At(x, y).RGBA()
					g := got.RGBAAt(x, y)
					sw[0], sw[1], sw[2] = sw[0]+int(wr>>8), sw[1]+int(wg>>8), sw[2]+int(wb>>8)
					sg[0], sg[1], sg[2] = sg[0]+int(g.R), sg[1]+int(g.G), sg[2]+int(g.B)
					k++
				}
			}
			if skip(x0, y0, n) {
				continue
			}
			for c := range 3 {
				blockOff = max(blockOff, (sw[c]-sg[c])/k, (sg[c]-sw[c])/k)
			}
		}
	}
	return flatOff, blockOff
}

// TestPicture_ScenesAsFyneDrawsThem: whole scenes with periods (bands
// behind every lane and one lane, the strip of their names under the axis,
// one selected, one under the pointer), the Said row and its name, labels
// pinned to the visible part of ranges, and an axis in deep time, painted
// into the picture, look as Fyne's painter draws their primitives as
// canvas objects: the same colour wherever it is flat, and edges smoothed
// a little differently.
func TestPicture_ScenesAsFyneDrawsThem(t *testing.T) {
	const year = 365.2425 * day
	for _, tt := range []struct {
		name  string
		setup func(tl *Timeline)
	}{
		{"periods and the Said row", func(tl *Timeline) {
			lanes, ev := sample()
			ev.Items[2].Style = timeline.StyleNormal // not outlined: see pictureOff
			ev.Periods = []timeline.Period{
				{Start: t0 - 20*day, End: t0 + 90*day, Lane: -1, Title: "Autumn offensive", ID: 1},
				{Start: t0 + 60*day, End: t0 + 150*day, Lane: 1, Title: "First sanctions round", ID: 2},
				{Start: t0 + 120*day, End: t0 + 300*day, Lane: -1, Title: "Winter strikes on the grid", ID: 3},
				{Start: t0 + 200*day, End: t0 + 230*day, Lane: 0, Title: "No ID"},
			}
			tl.SetData(lanes, ev, nil)
			tl.SetQuotes([]timeline.QuoteMark{{ID: 7, At: t0 + 40*day, Events: []int64{2}, Disputes: []bool{false}},
				{ID: 8, At: t0 + 110*day, Events: []int64{3}, Disputes: []bool{true}}})
			tl.SetShowQuotes(true)
			tl.Select(2)
			tl.SelectPeriod(3)
			tl.hoverPer = 1
			tl.Refresh()
		}},
		{"labels pinned to what shows of a range", func(tl *Timeline) {
			lanes, ev := sample()
			ev.Periods = []timeline.Period{{Start: t0 - 400*day, End: t0 + 400*day, Lane: -1, Title: "The war", ID: 1}}
			tl.SetData(lanes, ev, nil)
			tl.SetViewport(timeline.NewViewport(t0+150*day, t0+260*day, 800))
		}},
		{"deep time", func(tl *Timeline) {
			lanes := []timeline.Lane{{Name: "Life", Color: color.NRGBA{0x2c, 0xa0, 0x2c, 0xff}}}
			at := func(ma float64) float64 { return -ma * 1e6 * year }
			ev := timeline.Events{
				Items: []timeline.Item{
					{ID: 1, Lane: 0, Start: at(252), End: at(201), Latest: at(201), Range: true},
					{ID: 2, Lane: 0, Start: at(66), End: at(66), Latest: at(66)},
				},
				Titles: map[int64]string{1: "Triassic reptiles spread", 2: "Chicxulub impact"},
				Periods: []timeline.Period{
					{Start: at(252), End: at(201), Lane: -1, Title: "Triassic", ID: 1},
					{Start: at(201), End: at(145), Lane: -1, Title: "Jurassic", ID: 2},
					{Start: at(145), End: at(66), Lane: -1, Title: "Cretaceous", ID: 3},
				},
			}
			tl.SetData(lanes, ev, nil)
			tl.SetViewport(timeline.NewViewport(at(270), at(40), 800))
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			tl, _ := newTimeline(t)
			tt.setup(tl)
			r := tl.renderer
			if len(r.scene.PeriodHits) == 0 {
				t.Fatal("the scene names no period")
			}
			for _, scale := range []float32{1, 2} {
				flatOff, blockOff := pictureOff(t, tl, scale)
				t.Logf("scale %v: %d flat pixels off, blocks off by up to %d", scale, flatOff, blockOff)
				if flatOff > 0 || blockOff > 16 {
					t.Errorf("scale %v: %d flat pixels differ by more than 3 of 255; a 16×16 block's mean colour by %d", scale, flatOff, blockOff)
				}
			}
		})
	}
}

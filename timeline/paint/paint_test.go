package paint

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/go-text/typesetting/font"

	"github.com/quoteline/quoteline/assets"
	"github.com/quoteline/quoteline/timeline"
)

var (
	black = color.NRGBA{A: 0xff}
	white = color.NRGBA{0xff, 0xff, 0xff, 0xff}
	red   = color.NRGBA{R: 0xff, A: 0xff}
)

// testPainter returns a painter with the fonts Quoteline ships, Fyne's own.
func testPainter(t testing.TB) *Painter {
	t.Helper()
	regular, bold := assets.Fonts()
	r, err := font.ParseTTF(bytes.NewReader(regular))
	if err != nil {
		t.Fatal(err)
	}
	b, err := font.ParseTTF(bytes.NewReader(bold))
	if err != nil {
		t.Fatal(err)
	}
	return New(r, b)
}

// paintPrims paints prims on black into a w×h image at scale 1.
func paintPrims(t testing.TB, p *Painter, w, h int, prims ...timeline.Prim) (*image.RGBA, []int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	skipped := p.Paint(img, &timeline.Scene{Prims: prims}, black, Pixels{Scale: 1}, nil)
	return img, skipped
}

// TestFillRect: images hold premultiplied colours, as Fyne's painter takes
// them without converting; rectangles are clipped, and empty ones draw
// nothing.
func TestFillRect(t *testing.T) {
	img := Reuse(nil, 4, 3)
	FillRect(img, -2, 1, 2, 9, color.NRGBA{R: 200, G: 100, B: 0, A: 128})
	FillRect(img, 3, 0, 3, 3, red) // empty
	FillRect(img, 3, 0, 1, 3, red) // reversed
	for y := range 3 {
		for x := range 4 {
			want := color.RGBA{}
			if x < 2 && y >= 1 {
				want = color.RGBA{R: 100, G: 50, B: 0, A: 128}
			}
			if got := img.RGBAAt(x, y); got != want {
				t.Errorf("pixel (%d, %d) = %v, want %v", x, y, got, want)
			}
		}
	}
}

// TestPaint_Shapes: each primitive lands on the pixels Fyne's painter
// gives it, in its colour, blended over what is below.
func TestPaint_Shapes(t *testing.T) {
	p := testPainter(t)
	half := color.NRGBA{R: 0xff, A: 0x80}
	tests := []struct {
		name string
		prim timeline.Prim
		// want is the colour expected at each point; outside nothing.
		want map[image.Point]color.RGBA
	}{
		{"rectangle at rounded bounds", timeline.Prim{Kind: timeline.PrimRect, X: 2.4, Y: 1.6, W: 3.4, H: 2, Fill: red},
			map[image.Point]color.RGBA{{2, 2}: {R: 0xff, A: 0xff}, {4, 3}: {R: 0xff, A: 0xff}, {5, 2}: {A: 0xff}, {2, 4}: {A: 0xff}, {1, 2}: {A: 0xff}}},
		{"half transparent over black", timeline.Prim{Kind: timeline.PrimRect, X: 0, Y: 0, W: 2, H: 2, Fill: half},
			map[image.Point]color.RGBA{{0, 0}: {R: 0x80, A: 0xff}, {1, 1}: {R: 0x80, A: 0xff}, {2, 2}: {A: 0xff}}},
		{"stroke inside the bounds", timeline.Prim{Kind: timeline.PrimRect, X: 1, Y: 1, W: 6, H: 6, Fill: red, Stroke: white, StrokeWidth: 1},
			map[image.Point]color.RGBA{{1, 1}: {0xff, 0xff, 0xff, 0xff}, {6, 3}: {0xff, 0xff, 0xff, 0xff}, {3, 3}: {R: 0xff, A: 0xff}, {7, 3}: {A: 0xff}}},
		{"thin vertical line drawn half a pixel left", timeline.Prim{Kind: timeline.PrimLine, X: 5, Y: 1, X2: 5, Y2: 6, Stroke: white, StrokeWidth: 1},
			map[image.Point]color.RGBA{{4, 3}: {0xff, 0xff, 0xff, 0xff}, {5, 3}: {A: 0xff}, {3, 3}: {A: 0xff}, {4, 0}: {A: 0xff}, {4, 6}: {A: 0xff}}},
		{"two-pixel horizontal line", timeline.Prim{Kind: timeline.PrimLine, X: 1, Y: 4, X2: 7, Y2: 4, Stroke: white, StrokeWidth: 2},
			map[image.Point]color.RGBA{{3, 3}: {0xff, 0xff, 0xff, 0xff}, {3, 4}: {0xff, 0xff, 0xff, 0xff}, {3, 2}: {A: 0xff}, {3, 5}: {A: 0xff}}},
		{"gradient left to right", timeline.Prim{Kind: timeline.PrimGradient, X: 0, Y: 0, W: 4, H: 1, Fill: color.NRGBA{R: 0xff}, Fill2: red},
			map[image.Point]color.RGBA{{0, 0}: {R: 0x1f, A: 0xff}, {3, 0}: {R: 0xdf, A: 0xff}, {0, 1}: {A: 0xff}}},
		{"invisible rectangle", timeline.Prim{Kind: timeline.PrimRect, X: 0, Y: 0, W: 8, H: 8, Stroke: red},
			map[image.Point]color.RGBA{{0, 0}: {A: 0xff}, {4, 4}: {A: 0xff}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img, _ := paintPrims(t, p, 8, 8, tt.prim)
			for pt, want := range tt.want {
				if got := img.RGBAAt(pt.X, pt.Y); absDiff(got, want) > 1 {
					t.Errorf("pixel %v = %v, want %v", pt, got, want)
				}
			}
		})
	}
}

// TestPaint_RoundedShapesHaveSoftEdges: a rounded bar is solid inside, its
// corners cut and its edges antialiased; a diamond is solid at its centre,
// empty at its bounding box's corners and symmetric.
func TestPaint_RoundedShapesHaveSoftEdges(t *testing.T) {
	p := testPainter(t)
	img, _ := paintPrims(t, p, 40, 20, timeline.Prim{Kind: timeline.PrimRect, X: 2, Y: 2, W: 30, H: 12, Fill: white, Radius: 3})
	if c := img.RGBAAt(15, 8); c.R != 0xff {
		t.Errorf("inside the bar: %v", c)
	}
	if c := img.RGBAAt(2, 2); c.R > 0x60 {
		t.Errorf("the bar's corner is not cut: %v", c)
	}
	if c := img.RGBAAt(2, 8); c.R == 0 || c.R == 0xff {
		t.Errorf("the bar's left edge is not soft: %v", c)
	}
	img, _ = paintPrims(t, p, 20, 20, timeline.Prim{Kind: timeline.PrimDiamond, X: 3, Y: 3, W: 14, H: 14, Fill: red, Stroke: white, StrokeWidth: 1.5})
	if c := img.RGBAAt(10, 10); c != (color.RGBA{R: 0xff, A: 0xff}) {
		t.Errorf("centre of the diamond: %v", c)
	}
	if c := img.RGBAAt(3, 3); c != (color.RGBA{A: 0xff}) {
		t.Errorf("corner of its box: %v", c)
	}
	for y := range 20 {
		for x := range 20 {
			if a, b := img.RGBAAt(x, y), img.RGBAAt(19-x, y); absDiff(a, b) > 1 {
				t.Fatalf("not symmetric: (%d,%d) %v, mirrored %v", x, y, a, b)
			}
		}
	}
}

// TestRoundRect_RunsMatchThePixelShader: the runs of a row blended in one
// go give what the shader gives pixel by pixel, for random bars, rings and
// dots.
func TestRoundRect_RunsMatchThePixelShader(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 300 {
		pr := timeline.Prim{Kind: timeline.PrimRect, X: r.Float64() * 20, Y: r.Float64() * 20,
			W: r.Float64() * 60, H: r.Float64() * 30, Radius: r.Float64() * 12,
			Fill:   color.NRGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256))},
			Stroke: color.NRGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256))}}
		if r.IntN(2) == 0 {
			pr.StrokeWidth = float64(r.IntN(4))
		}
		if r.IntN(4) == 0 {
			pr.Fill = color.NRGBA{}
		}
		scale := []float64{1, 1.5, 2}[r.IntN(3)]
		g := newGrid(Pixels{Scale: scale})
		fast := image.NewRGBA(image.Rect(0, 0, 200, 120))
		fillOpaque(fast, color.NRGBA{0x20, 0x30, 0x40, 0xff})
		slow := image.NewRGBA(fast.Rect)
		copy(slow.Pix, fast.Pix)
		roundRect(fast, &pr, g)
		roundRectPixels(slow, &pr, g)
		for i := range fast.Pix {
			if d := int(fast.Pix[i]) - int(slow.Pix[i]); d > 1 || d < -1 {
				t.Fatalf("%+v at scale %v: byte %d (pixel %d,%d) is %d, the shader gives %d", pr, scale, i, (i/4)%200, i/4/200, fast.Pix[i], slow.Pix[i])
			}
		}
	}
}

// roundRectPixels is the shader evaluated at every pixel, as the reference
// for roundRect's runs.
func roundRectPixels(dst *image.RGBA, pr *timeline.Prim, g grid) {
	q, ok := roundGeometry(pr, g)
	if !ok {
		return
	}
	e := int(q.es)
	for y := max(q.y1-e, 0); y < min(q.y2+e, dst.Rect.Dy()); y++ {
		for x := max(q.x1-e, 0); x < min(q.x2+e, dst.Rect.Dx()); x++ {
			col, alpha := q.shade(q.dist(float32(x)+0.5-q.cx, float32(y)+0.5-q.cy))
			blendGL(dst.Pix, dst.PixOffset(x, y), col, alpha)
		}
	}
}

// TestPaint_Text: a label is drawn in its colour from its top-left corner,
// its glyphs where shaping puts them; one with a character the fonts lack
// is left to the caller.
func TestPaint_Text(t *testing.T) {
	p := testPainter(t)
	label := timeline.Prim{Kind: timeline.PrimText, X: 10.4, Y: 5, Text: "Iran sends drones", TextSize: 13, Fill: white}
	img, skipped := paintPrims(t, p, 200, 30, label)
	if len(skipped) != 0 {
		t.Fatalf("skipped %v", skipped)
	}
	ink := image.Rectangle{}
	for y := range 30 {
		for x := range 200 {
			if img.RGBAAt(x, y).R > 0x40 {
				ink = ink.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	// Noto Sans at 13 px: capitals about 9 px tall under an ascent of
	// 14 px, the line about 100 px long.
	if ink.Min.X < 10 || ink.Min.X > 12 || ink.Min.Y < 7 || ink.Min.Y > 10 || ink.Max.Y > 24 || ink.Dx() < 90 || ink.Dx() > 115 {
		t.Errorf("ink within %v", ink)
	}
	if c := img.RGBAAt(ink.Min.X+ink.Dx()/2, ink.Min.Y+ink.Dy()/2); c.R != c.G || c.G != c.B {
		t.Errorf("white text drew %v", c)
	}
	// The same label again comes from the caches, pixel for pixel.
	again, _ := paintPrims(t, p, 200, 30, label)
	if !bytes.Equal(img.Pix, again.Pix) {
		t.Error("the label drawn from the caches differs")
	}

	missing := timeline.Prim{Kind: timeline.PrimText, X: 0, Y: 0, Text: "Tehran تهران", TextSize: 13, Fill: white}
	bold := timeline.Prim{Kind: timeline.PrimText, X: 0, Y: 0, Text: "Киев – Kyiv", TextSize: 13, Fill: white, Bold: true}
	_, skipped = paintPrims(t, p, 200, 30, label, missing, bold)
	if len(skipped) != 1 || skipped[0] != 1 || p.CanDraw(&missing) || !p.CanDraw(&bold) {
		t.Errorf("skipped %v, want [1] (the Persian letters)", skipped)
	}
}

// TestPaint_TextOnTheRectangleFyneGivesIt: a label's texture is as large
// as its size in units, scaled and rounded; it is shown on the rectangle
// between its position and its far corner each rounded to pixels, and
// sampled between texels as a GPU's linear filtering does when the two
// differ (a texel's value from the nearer texel centres, edges extended).
func TestPaint_TextOnTheRectangleFyneGivesIt(t *testing.T) {
	// Two texels, none and full, on 4 pixels: centres at -0.25, 0.25,
	// 0.75 and 1.25 texels; and on 2×2, the second row the first's.
	if got, want := stretched(&mask{w: 2, h: 1, a: []uint8{0, 255}}, 4, 1).a, []uint8{0, 64, 191, 255}; !bytes.Equal(got, want) {
		t.Errorf("2 texels on 4 pixels: %v, want %v", got, want)
	}
	if got, want := stretched(&mask{w: 2, h: 1, a: []uint8{0, 255}}, 2, 2).a, []uint8{0, 255, 0, 255}; !bytes.Equal(got, want) {
		t.Errorf("2×1 texels on 2×2 pixels: %v, want %v", got, want)
	}

	p := testPainter(t)
	label := timeline.Prim{Kind: timeline.PrimText, Text: "Treasury sanctions", TextSize: 13, Fill: white}
	paintPrims(t, p, 200, 30, label)
	l := p.text.layout(p.text.faces[0], label.Text, 13, 1, false)
	w, h := int(math.Round(float64(l.width))), int(math.Round(float64(l.height)))
	if l.tex.w != w || l.tex.h != h || w < 90 || h < 15 {
		t.Fatalf("texture %d×%d for a label of %v×%v units", l.tex.w, l.tex.h, l.width, l.height)
	}
	// Where the rectangle is the texture's size, the label is the texture
	// at the position rounded, wherever its fraction falls.
	at := func(x, y float64) *image.RGBA {
		pr := label
		pr.X, pr.Y = x, y
		img, _ := paintPrims(t, p, 200, 30, pr)
		return img
	}
	frac := float64(l.width) - math.Floor(float64(l.width))
	base := at(10, 5)
	for _, x := range []float64{10.2 - frac/2, 9.8 + (1-frac)/2} {
		if w2 := int(math.Round(x+float64(l.width))) - int(math.Round(x)); w2 == w && !bytes.Equal(base.Pix, at(x, 5).Pix) {
			t.Errorf("at x %v, on a rectangle of the texture's width, the label differs from the one at 10", x)
		}
	}
	// Where it is a pixel wider or narrower, the label is spread over it.
	for x := 10.01; x < 11; x += 0.1 {
		if int(math.Round(x+float64(l.width)))-int(math.Round(x)) == w {
			continue
		}
		img := at(x, 5)
		if bytes.Equal(base.Pix, img.Pix) {
			t.Errorf("at x %v, on a rectangle not the texture's width, the label is the texture as it is", x)
		}
		right := 0
		for yy := range 30 {
			for xx := range 200 {
				if img.RGBAAt(xx, yy).R > 0 {
					right = max(right, xx)
				}
			}
		}
		if want := int(math.Round(x+float64(l.width))) - 1; right > want {
			t.Errorf("at x %v the label inks column %d, past the rectangle's last %d", x, right, want)
		}
		break
	}
}

// TestPaint_TextWordByWordMatchesWholeShaping: a Latin label laid out word
// by word puts its glyphs where shaping it whole does, to a tenth of a pixel.
func TestPaint_TextWordByWordMatchesWholeShaping(t *testing.T) {
	p := testPainter(t)
	face := p.text.faces[0]
	for _, s := range []string{"Iran sends Russia more than 400 drones", "33,521 events here — zoom in to see them one by one",
		"AVAST Wave: \"quoted\" (2022–2023)", "  two  spaces "} {
		words := p.text.joinWords(face, s, 13, 1.5, false)
		whole := p.text.shape(face, s, 13, 1.5)
		if len(words.glyphs) != len(whole.glyphs) || words.ascent != whole.ascent {
			t.Fatalf("%q: %d glyphs, ascent %d; whole: %d, %d", s, len(words.glyphs), words.ascent, len(whole.glyphs), whole.ascent)
		}
		for i := range words.glyphs {
			a, b := words.glyphs[i], whole.glyphs[i]
			if a.gid != b.gid || math.Abs(float64(a.x-b.x)) > 0.1 || a.y != b.y {
				t.Errorf("%q glyph %d: %+v, whole %+v", s, i, a, b)
			}
		}
	}
}

// TestPaint_OutOfReason: coordinates a scene should not hold (NaN,
// infinities, far off the image) draw nothing and do not panic.
func TestPaint_OutOfReason(t *testing.T) {
	p := testPainter(t)
	inf, nan := math.Inf(1), math.NaN()
	var prims []timeline.Prim
	for _, k := range []timeline.PrimKind{timeline.PrimRect, timeline.PrimGradient, timeline.PrimLine, timeline.PrimDiamond, timeline.PrimText} {
		for _, v := range []float64{inf, -inf, nan, 1e300, -1e300} {
			prims = append(prims,
				timeline.Prim{Kind: k, X: v, Y: 1, W: 5, H: 5, X2: 3, Y2: 3, Fill: red, Stroke: red, StrokeWidth: 1, Text: "x", TextSize: 13},
				timeline.Prim{Kind: k, X: 1, Y: 1, W: v, H: v, X2: v, Y2: 3, Fill: red, Stroke: red, StrokeWidth: v, Radius: v, Text: "x", TextSize: v})
		}
	}
	img := image.NewRGBA(image.Rect(0, 0, 16, 16))
	p.Paint(img, &timeline.Scene{Prims: prims, Outlines: []timeline.Outline{{X: nan, Y: inf, W: 3, H: 3, Width: 2, Dash: 2, Gap: 1, Color: red}}},
		black, Pixels{Scale: nan, OriginX: inf}, nil)
}

func absDiff(a, b color.RGBA) int {
	d := 0
	for _, v := range [][2]uint8{{a.R, b.R}, {a.G, b.G}, {a.B, b.B}, {a.A, b.A}} {
		d = max(d, int(v[0])-int(v[1]), int(v[1])-int(v[0]))
	}
	return d
}

func BenchmarkPainter_Text(b *testing.B) {
	// At whole pixels every label is its texture as it is; at fractions
	// of a pixel, as while zooming, some are resampled (once: their
	// positions stay).
	for _, frac := range []float64{0, 0.37} {
		b.Run(fmt.Sprint("at+", frac), func(b *testing.B) {
			p := testPainter(b)
			img := image.NewRGBA(image.Rect(0, 0, 900, 600))
			var prims []timeline.Prim
			for i := range 100 {
				prims = append(prims, timeline.Prim{Kind: timeline.PrimText, X: float64(i%3)*300 + frac*float64(i%2), Y: float64(i/3)*18 + frac*float64(i%3),
					Text: fmt.Sprintf("Regulators extend shipment %d in the capital", i), TextSize: 13, Fill: white})
			}
			sc := &timeline.Scene{Prims: prims}
			for b.Loop() {
				p.Paint(img, sc, black, Pixels{Scale: 1}, nil)
			}
		})
	}
}

// TestPaint_BandsMatchOnePass: painting in bands at once gives the image
// painting it in one pass does, for random scenes of every kind of
// primitive.
func TestPaint_BandsMatchOnePass(t *testing.T) {
	p := testPainter(t)
	r := rand.New(rand.NewPCG(5, 6))
	col := func() color.NRGBA {
		return color.NRGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256))}
	}
	words := []string{"Iran", "sends", "Russia", "drones", "—", "33,521", "Ωmega", "Киев"}
	for range 20 {
		sc := &timeline.Scene{Top: 20}
		for range 200 {
			k := timeline.PrimKind(r.IntN(5))
			pr := timeline.Prim{Kind: k, X: r.Float64()*300 - 20, Y: r.Float64()*300 - 20, W: r.Float64() * 120, H: r.Float64() * 40,
				X2: r.Float64() * 300, Y2: r.Float64() * 300, Fill: col(), Fill2: col(), Stroke: col(), StrokeWidth: float64(r.IntN(3)),
				Radius: float64(r.IntN(8)), TextSize: 13, Bold: r.IntN(2) == 0}
			if k == timeline.PrimText {
				pr.Text = words[r.IntN(len(words))] + " " + words[r.IntN(len(words))]
			}
			sc.Prims = append(sc.Prims, pr)
		}
		d := timeline.DenseLane{Y: 150, Height: 40, ColumnWidth: 2, Color: col(), MaxStarts: 9, MaxRanges: 4}
		for range 140 {
			d.Starts, d.Ranges = append(d.Starts, int32(r.IntN(10))), append(d.Ranges, int32(r.IntN(5)))
		}
		sc.Dense = []timeline.DenseLane{d}
		sc.Outlines = []timeline.Outline{{X: 30, Y: 100, W: 200, H: 60, Color: col(), Width: 2, Dash: 6, Gap: 4}}
		sc.Prims = append(sc.Prims, timeline.Prim{Kind: timeline.PrimDensity}, timeline.Prim{Kind: timeline.PrimOutlines})
		at := Pixels{Scale: []float64{1, 1.5, 2}[r.IntN(3)], OriginX: r.Float64() * 3, OriginY: r.Float64() * 3}
		banded := image.NewRGBA(image.Rect(0, 0, 280, 300))
		p.Paint(banded, sc, black, at, nil)
		whole := image.NewRGBA(banded.Rect)
		p.Paint(whole, sc, black, at, nil) // fill the caches the same way
		p.paintBand(whole, sc, black, newGrid(at))
		if !bytes.Equal(banded.Pix, whole.Pix) {
			for i := range banded.Pix {
				if banded.Pix[i] != whole.Pix[i] {
					t.Fatalf("the image painted in bands differs from the one painted in one pass, first at pixel (%d, %d): %v, %v",
						i/4%280, i/4/280, banded.Pix[i&^3:i&^3+4], whole.Pix[i&^3:i&^3+4])
				}
			}
		}
	}
}

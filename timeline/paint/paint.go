// Package paint draws a timeline Scene into an RGBA image: the whole
// timeline as one picture, which the view shows as a single texture instead
// of a canvas object (a draw call, and for text a texture) per mark and
// label. It draws each primitive as Fyne's OpenGL painter does (the same
// rounding to pixels, the same soft edges of rounded rectangles, lines and
// diamonds, the same gradients) and text in the theme's fonts through the
// same rasteriser, so the picture is the one the canvas objects gave.
//
// Text is laid out (shaped) once per string and each glyph rasterised once
// per size and quarter-pixel position, then copied: a new label costs a
// shaping run, not a rasterisation and a texture upload. A label with a
// character the fonts lack is left for the caller to show (see Painter.Paint).
//
// The package imports no Fyne: it takes the fonts as parsed faces.
package paint

import (
	"image"
	"image/color"
	"math"
	"runtime"
	"sync"

	"github.com/go-text/typesetting/font"

	"github.com/quoteline/quoteline/timeline"
)

// Painter draws scenes. It keeps what it has rasterised (glyphs) and laid
// out (labels) from one frame to the next, and a scratch layer for
// patterned outlines. It belongs to one goroutine.
type Painter struct {
	text     textCache
	diamonds cache[diamondKey, *sprite]
	layer    *image.RGBA // outlines are drawn here, then composited
	// Per primitive of the scene being painted: the coverage of a label
	// (its texture as shown), the picture of a diamond; nil for others.
	labels  []*mask
	sprites []*sprite
}

// New returns a painter that draws text in the faces regular and bold (nil
// faces leave every label to the caller).
func New(regular, bold *font.Face) *Painter {
	return &Painter{text: newTextCache(regular, bold), diamonds: newCache[diamondKey, *sprite](64)}
}

// Pixels says where a scene's units fall on an image's pixels.
type Pixels struct {
	// Scale is how many pixels a unit is: 1 normally, 2 on a screen of
	// twice the density.
	Scale float64
	// OriginX and OriginY are where the image's top-left corner is in the
	// window, in units. Fyne rounds a canvas object's position in the
	// window to whole pixels, not its position in the widget: drawing as
	// it does needs to know where the image is.
	OriginX, OriginY float64
}

// grid rounds scene units to pixels of an image as Fyne rounds them.
type grid struct{ s, ox, oy, rx, ry float64 }

func newGrid(p Pixels) grid {
	if !(p.Scale > 0) || math.IsInf(p.Scale, 0) {
		p.Scale = 1
	}
	if math.IsNaN(p.OriginX) || math.IsInf(p.OriginX, 0) {
		p.OriginX = 0
	}
	if math.IsNaN(p.OriginY) || math.IsInf(p.OriginY, 0) {
		p.OriginY = 0
	}
	return grid{s: p.Scale, ox: p.OriginX, oy: p.OriginY, rx: math.Round(p.OriginX * p.Scale), ry: math.Round(p.OriginY * p.Scale)}
}

// x and y return the pixel column and row of a position in units: where
// Fyne puts it in the window, less where the image is.
func (g grid) x(v float64) int { return whole((v+g.ox)*g.s - g.rx) }
func (g grid) y(v float64) int { return whole((v+g.oy)*g.s - g.ry) }

// xf and yf are x and y not rounded.
func (g grid) xf(v float64) float64 { return (v+g.ox)*g.s - g.rx }
func (g grid) yf(v float64) float64 { return (v+g.oy)*g.s - g.ry }

// n returns a length in units as whole pixels.
func (g grid) n(v float64) int { return whole(v * g.s) }

// Paint draws sc over a background of colour bg into dst, at the pixels
// at says, clipped to dst. It appends to skipped, and returns, the indexes
// in sc.Prims of the texts it could not draw because its fonts lack a
// character of theirs (see CanDraw); the caller shows those in another way.
// It is Prepare, then Draw.
func (p *Painter) Paint(dst *image.RGBA, sc *timeline.Scene, bg color.NRGBA, at Pixels, skipped []int) []int {
	skipped = p.Prepare(sc, dst.Rect, at, skipped)
	p.Draw(dst, sc, bg, at)
	return skipped
}

// Prepare makes what drawing sc into an image of bounds r at the pixels at
// says needs and the caches lack (a label's layout, a glyph, a diamond),
// and appends to skipped, and returns, the texts it cannot draw (see
// Paint). It must not run while Draw does.
func (p *Painter) Prepare(sc *timeline.Scene, r image.Rectangle, at Pixels, skipped []int) []int {
	g := newGrid(at)
	p.labels, p.sprites = resize(p.labels, len(sc.Prims)), resize(p.sprites, len(sc.Prims))
	for i := range sc.Prims {
		pr := &sc.Prims[i]
		switch pr.Kind {
		case timeline.PrimText:
			l, ok := p.text.prepare(pr, g)
			if !ok {
				skipped = append(skipped, i)
			}
			p.labels[i] = l
		case timeline.PrimDiamond:
			p.sprites[i] = p.diamond(pr, g)
		case timeline.PrimOutlines:
			if p.layer == nil || p.layer.Rect != r {
				p.layer = image.NewRGBA(r)
			}
		}
	}
	return skipped
}

// Draw draws sc, prepared for dst's bounds and at by Prepare, over a
// background of colour bg into dst: in horizontal bands at once, one for
// each processor. It changes nothing but dst and a layer of its own, so it
// may run on another goroutine while sc is left as it is and Prepare,
// Paint and CanDraw are not called.
func (p *Painter) Draw(dst *image.RGBA, sc *timeline.Scene, bg color.NRGBA, at Pixels) {
	g := newGrid(at)
	n := min(runtime.GOMAXPROCS(0), maxBands, dst.Rect.Dy()/minBand)
	if n <= 1 {
		p.paintBand(dst, sc, bg, g)
		return
	}
	var wg sync.WaitGroup
	for k := range n - 1 {
		wg.Go(func() { p.paintBand(band(dst, k, n), sc, bg, g) })
	}
	p.paintBand(band(dst, n-1, n), sc, bg, g)
	wg.Wait()
}

// band returns the k'th of n horizontal bands of img.
func band(img *image.RGBA, k, n int) *image.RGBA {
	y0 := img.Rect.Min.Y + img.Rect.Dy()*k/n
	y1 := img.Rect.Min.Y + img.Rect.Dy()*(k+1)/n
	return img.SubImage(image.Rect(img.Rect.Min.X, y0, img.Rect.Max.X, y1)).(*image.RGBA)
}

// Bands an image is painted in at once: at most maxBands, each at least
// minBand rows high.
const (
	maxBands = 4
	minBand  = 64
)

// paintBand paints sc into dst, a band of the image, with what Paint
// prepared. Bands share nothing they write.
func (p *Painter) paintBand(dst *image.RGBA, sc *timeline.Scene, bg color.NRGBA, g grid) {
	fillOpaque(dst, bg)
	for i := range sc.Prims {
		pr := &sc.Prims[i]
		switch pr.Kind {
		case timeline.PrimRect:
			if pr.Radius > 0 {
				roundRect(dst, pr, g)
			} else {
				rect(dst, pr, g)
			}
		case timeline.PrimGradient:
			gradient(dst, pr, g)
		case timeline.PrimLine:
			line(dst, pr, g)
		case timeline.PrimDiamond:
			if sp := p.sprites[i]; sp != nil {
				x1, y1, _, _ := g.bounds(pr.X, pr.Y, pr.W, pr.H)
				composite(dst, sp.img, x1+sp.x0, y1+sp.y0)
			}
		case timeline.PrimText:
			if m := p.labels[i]; m != nil {
				drawLabel(dst, m, pr, g)
			}
		case timeline.PrimDensity:
			density(dst, sc, g)
		case timeline.PrimOutlines:
			p.outlines(dst, sc, g)
		}
	}
}

// resize returns s with n elements, all nil.
func resize[T any](s []*T, n int) []*T {
	if cap(s) < n {
		return make([]*T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// Reuse returns a transparent w×h image, reusing img if it has that size.
// Images are *image.RGBA (premultiplied alpha) because that is what Fyne's
// painter uploads as it is; any other kind it copies into a new RGBA image,
// pixel by pixel, on every frame.
func Reuse(img *image.RGBA, w, h int) *image.RGBA {
	if img == nil || img.Rect.Dx() != w || img.Rect.Dy() != h {
		return image.NewRGBA(image.Rect(0, 0, max(w, 0), max(h, 0)))
	}
	clear(img.Pix)
	return img
}

// FillRect sets [x0, x1) × [y0, y1) of img to c, clipped to img: the pixels
// are replaced, not blended.
func FillRect(img *image.RGBA, x0, y0, x1, y1 int, c color.NRGBA) {
	b := img.Rect
	x0, y0, x1, y1 = max(x0, b.Min.X), max(y0, b.Min.Y), min(x1, b.Max.X), min(y1, b.Max.Y)
	if x0 >= x1 || y0 >= y1 {
		return
	}
	pr, pg, pb, pa := c.RGBA() // premultiplied, 16 bits
	px := [4]uint8{uint8(pr >> 8), uint8(pg >> 8), uint8(pb >> 8), uint8(pa >> 8)}
	row := img.Pix[img.PixOffset(x0, y0):img.PixOffset(x1, y0)]
	for i := 0; i < len(row); i += 4 {
		copy(row[i:i+4], px[:])
	}
	for y := y0 + 1; y < y1; y++ {
		copy(img.Pix[img.PixOffset(x0, y):], row)
	}
}

// fillOpaque sets every pixel of img to c, made opaque.
func fillOpaque(img *image.RGBA, c color.NRGBA) {
	c.A = 0xff
	b := img.Rect
	FillRect(img, b.Min.X, b.Min.Y, b.Max.X, b.Max.Y, c)
}

// blendSpan composites c, premultiplied (r, g, b, a in 0..255), over the
// pixels [x0, x1) of row y of img, clipped to img.
func blendSpan(img *image.RGBA, x0, x1, y int, c pmColor) { blendBox(img, x0, y, x1, y+1, c) }

// pmColor is a colour with premultiplied alpha, each part in 0..255.
type pmColor struct{ r, g, b, a float32 }

// premul returns c with premultiplied alpha.
func premul(c color.NRGBA) pmColor {
	a := float32(c.A) / 255
	return pmColor{float32(c.R) * a, float32(c.G) * a, float32(c.B) * a, float32(c.A)}
}

// glColor is a colour as a GL shader holds it: not premultiplied, each
// part in 0..1.
type glColor struct{ r, g, b, a float32 }

// glColorOf returns c as Fyne's painter hands it to its shaders: a fully
// transparent colour is zero in every part.
func glColorOf(c color.NRGBA) glColor {
	if c.A == 0 {
		return glColor{}
	}
	return glColor{float32(c.R) / 255, float32(c.G) / 255, float32(c.B) / 255, float32(c.A) / 255}
}

// mix is GLSL's mix: a + (b−a)·t, part by part.
func mix(a, b glColor, t float32) glColor {
	return glColor{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t, a.a + (b.a-a.a)*t}
}

// blendGL composites the shader output c with alpha c.a·k over the pixel of
// img at offset o, as GL's (source alpha, one minus source alpha) blending
// does for the colour; the alpha stays that of "over".
func blendGL(pix []uint8, o int, c glColor, k float32) {
	a := c.a * k
	if a <= 0 {
		return
	}
	if a > 1 {
		a = 1
	}
	p := pix[o : o+4 : o+4]
	ia := 1 - a
	p[0] = uint8(c.r*a*255 + float32(p[0])*ia + 0.5)
	p[1] = uint8(c.g*a*255 + float32(p[1])*ia + 0.5)
	p[2] = uint8(c.b*a*255 + float32(p[2])*ia + 0.5)
	p[3] = uint8(a*255 + float32(p[3])*ia + 0.5)
}

// blendPM composites the premultiplied colour c, scaled by k in [0, 1],
// over the pixel of img at offset o.
func blendPM(pix []uint8, o int, c pmColor, k float32) {
	if k <= 0 {
		return
	}
	if k > 1 {
		k = 1
	}
	p := pix[o : o+4 : o+4]
	ia := 1 - c.a*k/255
	p[0] = uint8(c.r*k + float32(p[0])*ia + 0.5)
	p[1] = uint8(c.g*k + float32(p[1])*ia + 0.5)
	p[2] = uint8(c.b*k + float32(p[2])*ia + 0.5)
	p[3] = uint8(c.a*k + float32(p[3])*ia + 0.5)
}

// whole rounds a number of pixels as Fyne does (halves away from zero);
// NaN and infinities, which a scene should not hold, become 0 or a distance
// beyond any image.
func whole(v float64) int {
	v = math.Round(v)
	switch {
	case v != v:
		return 0
	case v > 1<<24:
		return 1 << 24
	case v < -(1 << 24):
		return -(1 << 24)
	}
	return int(v)
}

// smoothstep is GLSL's smoothstep; e0 may exceed e1, as Fyne's shaders use it.
func smoothstep(e0, e1, x float32) float32 {
	t := (x - e0) / (e1 - e0)
	t = min(max(t, 0), 1)
	return t * t * (3 - 2*t)
}

// cache keeps up to about 2·limit values: when the newer of its two maps is
// full it becomes the older and the older is dropped, so what is used
// every frame stays and what was used once goes.
type cache[K comparable, V any] struct {
	cur, old map[K]V
	limit    int
}

func newCache[K comparable, V any](limit int) cache[K, V] {
	return cache[K, V]{cur: make(map[K]V), limit: limit}
}

func (c *cache[K, V]) get(k K) (V, bool) {
	if v, ok := c.cur[k]; ok {
		return v, true
	}
	v, ok := c.old[k]
	if ok {
		c.put(k, v)
	}
	return v, ok
}

func (c *cache[K, V]) put(k K, v V) {
	if len(c.cur) >= c.limit {
		c.old, c.cur = c.cur, make(map[K]V, c.limit)
	}
	c.cur[k] = v
}

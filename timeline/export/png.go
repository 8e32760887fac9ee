package export

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// writePNG rasterizes pg at scale pixels per unit and encodes it as PNG.
// It stops when ctx ends.
func writePNG(ctx context.Context, w io.Writer, pg *page, fonts *Fonts, scale float64) error {
	img, err := rasterize(ctx, pg, fonts, scale)
	if err != nil {
		return err
	}
	if err := png.Encode(w, img); err != nil {
		return fmt.Errorf("write PNG: %w", err)
	}
	return nil
}

// rasterize draws pg on an image at scale pixels per unit, refusing one
// larger than pictures are drawn before it is allocated.
func rasterize(ctx context.Context, pg *page, fonts *Fonts, scale float64) (*image.RGBA, error) {
	w, h := int(math.Round(pg.width*scale)), int(math.Round(pg.height*scale))
	if err := sizeWithin(w, h); err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := &raster{img: img, fonts: fonts, clipR: img.Rect}
	var s surface = r
	if scale != 1 {
		s = scaled{s: r, k: scale}
	}
	if err := drawPage(ctx, s, pg, fonts); err != nil {
		return nil, err
	}
	return img, nil
}

// raster draws on an image with anti-aliased paths.
type raster struct {
	img   *image.RGBA
	fonts *Fonts
	clipR image.Rectangle
	v     vector.Rasterizer
}

// pen adds a path to a rasterizer whose origin is at (ox, oy) on the page.
type pen struct {
	v      *vector.Rasterizer
	ox, oy float64
}

func (p pen) moveTo(x, y float64) { p.v.MoveTo(float32(x-p.ox), float32(y-p.oy)) }
func (p pen) lineTo(x, y float64) { p.v.LineTo(float32(x-p.ox), float32(y-p.oy)) }
func (p pen) cubeTo(ax, ay, bx, by, cx, cy float64) {
	p.v.CubeTo(float32(ax-p.ox), float32(ay-p.oy), float32(bx-p.ox), float32(by-p.oy), float32(cx-p.ox), float32(cy-p.oy))
}
func (p pen) close() { p.v.ClosePath() }

// fill fills, in colour c, the path that path draws within the bounds
// (x0, y0)-(x1, y1).
func (r *raster) fill(c color.NRGBA, x0, y0, x1, y1 float64, path func(p pen)) {
	if c.A == 0 {
		return
	}
	b := image.Rect(int(math.Floor(x0))-1, int(math.Floor(y0))-1, int(math.Ceil(x1))+1, int(math.Ceil(y1))+1).Intersect(r.clipR)
	if b.Empty() {
		return
	}
	r.v.Reset(b.Dx(), b.Dy())
	r.v.DrawOp = draw.Over
	path(pen{&r.v, float64(b.Min.X), float64(b.Min.Y)})
	r.v.Draw(r.img, b, image.NewUniform(c), image.Point{})
}

func (r *raster) rect(x, y, w, h, rad float64, fill, stroke color.NRGBA, sw float64) {
	if w <= 0 || h <= 0 {
		return
	}
	r.fill(fill, x, y, x+w, y+h, func(p pen) { roundRect(p, x, y, w, h, rad, false) })
	if sw > 0 {
		r.fill(stroke, x-sw, y-sw, x+w+sw, y+h+sw, func(p pen) {
			roundRect(p, x-sw/2, y-sw/2, w+sw, h+sw, rad+sw/2, false)
			roundRect(p, x+sw/2, y+sw/2, w-sw, h-sw, math.Max(rad-sw/2, 0), true)
		})
	}
}

// roundRect adds a rectangle with rounded corners, clockwise or, with
// reverse, anticlockwise (to cut a hole).
func roundRect(p pen, x, y, w, h, rad float64, reverse bool) {
	if w <= 0 || h <= 0 {
		return
	}
	rad = math.Min(rad, math.Min(w, h)/2)
	const k = 0.5523 // control point distance of a quarter circle
	type pt struct{ x, y float64 }
	c := rad * (1 - k)
	// Segments: one point is a line to it, three a cubic curve.
	path := [][]pt{
		{{x + w - rad, y}},
		{{x + w - c, y}, {x + w, y + c}, {x + w, y + rad}},
		{{x + w, y + h - rad}},
		{{x + w, y + h - c}, {x + w - c, y + h}, {x + w - rad, y + h}},
		{{x + rad, y + h}},
		{{x + c, y + h}, {x, y + h - c}, {x, y + h - rad}},
		{{x, y + rad}},
		{{x, y + c}, {x + c, y}, {x + rad, y}},
	}
	start := pt{x + rad, y}
	p.moveTo(start.x, start.y)
	if !reverse {
		for _, s := range path {
			if len(s) == 1 {
				p.lineTo(s[0].x, s[0].y)
			} else {
				p.cubeTo(s[0].x, s[0].y, s[1].x, s[1].y, s[2].x, s[2].y)
			}
		}
		p.close()
		return
	}
	// The same outline backwards: each segment ends where the one before it began.
	for i := len(path) - 1; i >= 0; i-- {
		from := start
		if i > 0 {
			prev := path[i-1]
			from = prev[len(prev)-1]
		}
		if s := path[i]; len(s) == 1 {
			p.lineTo(from.x, from.y)
		} else {
			p.cubeTo(s[1].x, s[1].y, s[0].x, s[0].y, from.x, from.y)
		}
	}
	p.close()
}

func (r *raster) gradient(x, y, w, h float64, a, b color.NRGBA) {
	if w <= 0 || h <= 0 {
		return
	}
	for px := math.Floor(x); px < x+w; px++ {
		f := (px + 0.5 - x) / w
		c := lerp(a, b, math.Max(0, math.Min(1, f)))
		x0, x1 := math.Max(px, x), math.Min(px+1, x+w)
		r.fill(c, x0, y, x1, y+h, func(p pen) { roundRect(p, x0, y, x1-x0, h, 0, false) })
	}
}

// lerp mixes colours a and b, a fraction f of the way to b.
func lerp(a, b color.NRGBA, f float64) color.NRGBA {
	l := func(p, q uint8) uint8 { return uint8(math.Round(float64(p) + (float64(q)-float64(p))*f)) }
	return color.NRGBA{l(a.R, b.R), l(a.G, b.G), l(a.B, b.B), l(a.A, b.A)}
}

func (r *raster) line(x1, y1, x2, y2 float64, c color.NRGBA, w float64) {
	dx, dy := x2-x1, y2-y1
	n := math.Hypot(dx, dy)
	if n == 0 || w <= 0 {
		return
	}
	// Thin lines along an axis are snapped to the pixel grid, as the screen
	// draws them, rather than smeared over two pixels.
	if (dx == 0 || dy == 0) && w <= 1.5 {
		if dx == 0 {
			x1, x2 = math.Floor(x1)+0.5, math.Floor(x2)+0.5
		} else {
			y1, y2 = math.Floor(y1)+0.5, math.Floor(y2)+0.5
		}
	}
	nx, ny := -dy/n*w/2, dx/n*w/2
	r.fill(c, math.Min(x1, x2)-w, math.Min(y1, y2)-w, math.Max(x1, x2)+w, math.Max(y1, y2)+w, func(p pen) {
		p.moveTo(x1+nx, y1+ny)
		p.lineTo(x2+nx, y2+ny)
		p.lineTo(x2-nx, y2-ny)
		p.lineTo(x1-nx, y1-ny)
		p.close()
	})
}

func (r *raster) diamond(x, y, w, h float64, fill, stroke color.NRGBA, sw float64) {
	cx, cy := x+w/2, y+h/2
	shape := func(p pen, hw, hh float64, reverse bool) {
		pts := [][2]float64{{cx, cy - hh}, {cx + hw, cy}, {cx, cy + hh}, {cx - hw, cy}}
		if reverse {
			pts[1], pts[3] = pts[3], pts[1]
		}
		p.moveTo(pts[0][0], pts[0][1])
		for _, q := range pts[1:] {
			p.lineTo(q[0], q[1])
		}
		p.close()
	}
	d := sw / 2 * math.Sqrt2 // half the stroke, measured along the axes
	x0, y0, x1, y1 := x-d, y-d, x+w+d, y+h+d
	r.fill(fill, x0, y0, x1, y1, func(p pen) { shape(p, w/2, h/2, false) })
	if sw > 0 {
		r.fill(stroke, x0, y0, x1, y1, func(p pen) {
			shape(p, w/2+d, h/2+d, false)
			shape(p, math.Max(w/2-d, 0), math.Max(h/2-d, 0), true)
		})
	}
}

func (r *raster) text(x, y float64, s string, size float64, bold bool, c color.NRGBA) {
	if s == "" || c.A == 0 {
		return
	}
	base := y + r.fonts.ascent(size, bold)
	fc := r.fonts.face(size, bold)
	r.fonts.mu.Lock()
	defer r.fonts.mu.Unlock()
	d := font.Drawer{
		Dst:  r.img.SubImage(r.clipR).(*image.RGBA),
		Src:  image.NewUniform(c),
		Face: fc,
		Dot:  fixed.Point26_6{X: fixed.Int26_6(math.Round(x * 64)), Y: fixed.Int26_6(math.Round(base * 64))},
	}
	d.DrawString(s)
}

func (r *raster) link(x, y, w, h float64, url string) {}

func (r *raster) clip(x, y, w, h float64) {
	r.clipR = image.Rect(int(math.Floor(x)), int(math.Floor(y)), int(math.Ceil(x+w)), int(math.Ceil(y+h))).Intersect(r.img.Rect)
}

func (r *raster) unclip() { r.clipR = r.img.Rect }

package paint

import (
	"image"
	"math"

	"github.com/quoteline/quoteline/timeline"
)

// density draws the scene's density charts: for each column, a bar as tall
// as the (log of the) number of items starting in it, and above the bars a
// strip as opaque as the number of ranges covering it. Bars and strips never
// overlap, so each is blended straight onto dst.
func density(dst *image.RGBA, sc *timeline.Scene, g grid) {
	s := g.s // the charts were a raster of their own, at the image's corner
	top := int(sc.Top * s)
	for _, d := range sc.Dense {
		y0, y1 := int(d.Y*s), int((d.Y+d.Height)*s)
		strip := y0 + (y1-y0)/4 // ranges above, starts below
		logMax := math.Log1p(float64(max(d.MaxStarts, 1)))
		logRanges := math.Log1p(float64(d.MaxRanges))
		bar := premul(d.Color)
		for c, n := range d.Starts {
			x0, x1 := int(float64(c)*d.ColumnWidth*s), int(float64(c+1)*d.ColumnWidth*s)
			if n > 0 {
				barH := max(1, int(float64(y1-strip)*math.Log1p(float64(n))/logMax))
				blendBox(dst, x0, max(y1-barH, top), x1-1, y1, bar)
			}
			if c < len(d.Ranges) && d.Ranges[c] > 0 && d.MaxRanges > 0 {
				a := 0x30 + int(0xA0*math.Log1p(float64(d.Ranges[c]))/logRanges)
				col := d.Color
				col.A = uint8(min(a, 0xD0))
				blendBox(dst, x0, max(y0+1, top), x1, strip-1, premul(col))
			}
		}
	}
}

// blendBox composites c, premultiplied (r, g, b, a in 0..255), over
// [x0, x1) × [y0, y1) of img, clipped to img.
func blendBox(img *image.RGBA, x0, y0, x1, y1 int, c pmColor) {
	b := img.Rect
	x0, y0, x1, y1 = max(x0, b.Min.X), max(y0, b.Min.Y), min(x1, b.Max.X), min(y1, b.Max.Y)
	if x0 >= x1 || y0 >= y1 || c.a <= 0 {
		return
	}
	w := 4 * (x1 - x0)
	if c.a >= 255 {
		px := [4]uint8{uint8(c.r + 0.5), uint8(c.g + 0.5), uint8(c.b + 0.5), 0xff}
		for o := img.PixOffset(x0, y0); y0 < y1; y0, o = y0+1, o+img.Stride {
			row := img.Pix[o : o+w : o+w]
			for i := 0; i < len(row); i += 4 {
				copy(row[i:i+4], px[:])
			}
		}
		return
	}
	// Fixed point: dst·(255−a)/255 + src, rounded, as GL's 8-bit blending.
	inv := uint32(65536 * (255 - c.a) / 255)
	sr, sg, sb, sa := uint32(c.r*256), uint32(c.g*256), uint32(c.b*256), uint32(c.a*256)
	for o := img.PixOffset(x0, y0); y0 < y1; y0, o = y0+1, o+img.Stride {
		row := img.Pix[o : o+w : o+w]
		for i := 0; i < len(row); i += 4 {
			p := row[i : i+4 : i+4]
			p[0] = uint8((uint32(p[0])*inv>>8 + sr + 128) >> 8)
			p[1] = uint8((uint32(p[1])*inv>>8 + sg + 128) >> 8)
			p[2] = uint8((uint32(p[2])*inv>>8 + sb + 128) >> 8)
			p[3] = uint8((uint32(p[3])*inv>>8 + sa + 128) >> 8)
		}
	}
}

// outlines draws the scene's dashed and dotted outlines, stepping along each
// dash and stamping a square of the outline's width. The stamps overlap, so
// they are set on a layer of their own (the image's size, made by Paint),
// which is then composited once.
func (p *Painter) outlines(dst *image.RGBA, sc *timeline.Scene, g grid) {
	if len(sc.Outlines) == 0 {
		return
	}
	s := g.s // the outlines were a raster of their own, at the image's corner
	top := int(sc.Top * s)
	drawn := image.Rectangle{}
	for _, o := range sc.Outlines {
		sw := max(1, int(o.Width*s+0.5))
		for d := range o.Dashes() {
			x0, y0, x1, y1 := d[0]*s, d[1]*s, d[2]*s, d[3]*s
			steps := int(math.Hypot(x1-x0, y1-y0)/0.5) + 1
			if steps > 1<<16 {
				continue // a dash across a thousand windows: not a scene's
			}
			for k := 0; k <= steps; k++ {
				f := float64(k) / float64(steps)
				px, py := int(x0+(x1-x0)*f)-sw/2, int(y0+(y1-y0)*f)-sw/2
				r := image.Rect(px, max(py, top), px+sw, py+sw).Intersect(dst.Rect)
				if r.Empty() {
					continue
				}
				FillRect(p.layer, r.Min.X, r.Min.Y, r.Max.X, r.Max.Y, o.Color)
				drawn = drawn.Union(r)
			}
		}
	}
	for y := drawn.Min.Y; y < drawn.Max.Y; y++ {
		o, lo := dst.PixOffset(drawn.Min.X, y), p.layer.PixOffset(drawn.Min.X, y)
		for x := drawn.Min.X; x < drawn.Max.X; x, o, lo = x+1, o+4, lo+4 {
			if p.layer.Pix[lo+3] != 0 {
				overPM(dst.Pix[o:o+4:o+4], p.layer.Pix[lo:lo+4:lo+4])
			}
		}
		clear(p.layer.Pix[p.layer.PixOffset(drawn.Min.X, y):p.layer.PixOffset(drawn.Max.X, y)])
	}
}

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
		bar := premul(d.Color)
		for c, n := range d.Starts {
			x0, x1 := int(float64(c)*d.ColumnWidth*s), int(float64(c+1)*d.ColumnWidth*s)
			if n > 0 {
				barH := max(1, int(float64(y1-strip)*math.Log1p(float64(n))/logMax))
				for y := max(y1-barH, top); y < y1; y++ {
					blendSpan(dst, x0, x1-1, y, bar)
				}
			}
			if c < len(d.Ranges) && d.Ranges[c] > 0 && d.MaxRanges > 0 {
				a := 0x30 + int(0xA0*math.Log1p(float64(d.Ranges[c]))/math.Log1p(float64(d.MaxRanges)))
				col := d.Color
				col.A = uint8(min(a, 0xD0))
				for y := max(y0+1, top); y < strip-1; y++ {
					blendSpan(dst, x0, x1, y, premul(col))
				}
			}
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

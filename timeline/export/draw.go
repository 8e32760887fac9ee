package export

import (
	"context"
	"image/color"
	"math"

	"github.com/quoteline/quoteline/timeline"
)

// surface is what a page is drawn on: one implementation per format. All
// coordinates are pixels from the page's top left corner.
type surface interface {
	// rect fills and/or strokes a rectangle with corners of radius r.
	rect(x, y, w, h, r float64, fill, stroke color.NRGBA, strokeW float64)
	// gradient fills a rectangle from colour a on the left to b on the right.
	gradient(x, y, w, h float64, a, b color.NRGBA)
	line(x1, y1, x2, y2 float64, c color.NRGBA, w float64)
	// diamond fills and strokes the diamond inscribed in a rectangle.
	diamond(x, y, w, h float64, fill, stroke color.NRGBA, strokeW float64)
	// text draws s with the top of its line at y.
	text(x, y float64, s string, size float64, bold bool, c color.NRGBA)
	// link makes the area a link to url, where the format has links.
	link(x, y, w, h float64, url string)
	// clip limits drawing to a rectangle until unclip.
	clip(x, y, w, h float64)
	unclip()
}

// drawPage draws pg on s: background, heading, scene, source list. It
// stops, with ctx's error, when ctx ends.
func drawPage(ctx context.Context, s surface, pg *page, fonts *Fonts) error {
	p, m := pg.palette, pg.metrics
	s.rect(0, 0, pg.width, pg.height, 0, p.Background, color.NRGBA{}, 0)
	s.text(margin, margin, pg.heading, m.TextSize*headingSize, true, p.Text)
	_, hh := fonts.Measure("Hg", m.TextSize*headingSize, true)
	s.text(margin, margin+hh+2, pg.subheading, m.TextSize, false, p.MutedText)
	if pg.scene != nil {
		s.clip(0, pg.sceneY, pg.width, pg.clipH)
		err := drawScene(ctx, s, pg.scene, 0, pg.sceneY)
		s.unclip()
		if err != nil {
			return err
		}
		// A rule under the lanes closes the timeline off from what follows.
		s.line(0, pg.sceneY+pg.clipH, pg.width, pg.sceneY+pg.clipH, p.GridStrong, 1)
	}
	drawSources(s, pg, fonts)
	for _, l := range pg.compact {
		s.text(margin, l.y, l.text, m.TextSize*0.9, false, p.MutedText)
	}
	return ctx.Err()
}

// drawSources draws the numbered source list of pg.
func drawSources(s surface, pg *page, fonts *Fonts) {
	if len(pg.sources) == 0 {
		return
	}
	p, size := pg.palette, pg.metrics.TextSize
	s.text(margin, pg.sourcesY, "Sources", size*1.15, true, p.Text)
	indent := fonts.width("00.  ", size, false)
	for _, l := range pg.sources {
		if l.number != "" {
			nw := fonts.width(l.number, size, false)
			s.text(margin+indent-nw-fonts.width("  ", size, false), l.y, l.number, size, false, p.Text)
		}
		col := p.Text
		if l.url != "" {
			col = p.Selection
			w, h := fonts.Measure(l.text, size, false)
			s.link(margin+indent, l.y, w, h, l.url)
		}
		s.text(margin+indent, l.y, l.text, size, false, col)
	}
}

// drawScene draws sc's primitives in order, offset by (ox, oy), and stops
// with ctx's error when ctx ends.
func drawScene(ctx context.Context, s surface, sc *timeline.Scene, ox, oy float64) error {
	for i := range sc.Prims {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		pr := &sc.Prims[i]
		x, y := pr.X+ox, pr.Y+oy
		switch pr.Kind {
		case timeline.PrimRect:
			s.rect(x, y, pr.W, pr.H, pr.Radius, pr.Fill, pr.Stroke, pr.StrokeWidth)
		case timeline.PrimGradient:
			s.gradient(x, y, pr.W, pr.H, pr.Fill, pr.Fill2)
		case timeline.PrimLine:
			s.line(x, y, pr.X2+ox, pr.Y2+oy, pr.Stroke, pr.StrokeWidth)
		case timeline.PrimText:
			s.text(x, y, pr.Text, pr.TextSize, pr.Bold, pr.Fill)
		case timeline.PrimDiamond:
			s.diamond(x, y, pr.W, pr.H, pr.Fill, pr.Stroke, pr.StrokeWidth)
		case timeline.PrimDensity:
			drawDensity(s, sc, ox, oy)
		case timeline.PrimOutlines:
			for _, o := range sc.Outlines {
				for d := range o.Dashes() {
					s.line(d[0]+ox, d[1]+oy, d[2]+ox, d[3]+oy, o.Color, o.Width)
				}
			}
		}
	}
	return nil
}

// drawDensity draws the density charts of sc as the screen's raster does:
// per column a bar as tall as the log of the items starting in it, and above
// the bars a strip as opaque as the ranges covering it. Runs of equal columns
// are drawn as one rectangle.
func drawDensity(s surface, sc *timeline.Scene, ox, oy float64) {
	for _, d := range sc.Dense {
		y0, y1 := d.Y+oy, d.Y+d.Height+oy
		strip := y0 + (y1-y0)/4
		logMax := math.Log1p(float64(max(d.MaxStarts, 1)))
		bar := func(n int32) float64 {
			if n <= 0 {
				return 0
			}
			return math.Max(1, math.Floor((y1-strip)*math.Log1p(float64(n))/logMax))
		}
		alpha := func(k int32) uint8 {
			if k <= 0 || d.MaxRanges <= 0 {
				return 0
			}
			a := 0x30 + int(0xA0*math.Log1p(float64(k))/math.Log1p(float64(d.MaxRanges)))
			return uint8(min(a, 0xD0))
		}
		cw := d.ColumnWidth
		for c := 0; c < len(d.Starts); {
			e := c + 1
			for e < len(d.Starts) && bar(d.Starts[e]) == bar(d.Starts[c]) {
				e++
			}
			if h := bar(d.Starts[c]); h > 0 {
				s.rect(ox+float64(c)*cw, y1-h, float64(e-c)*cw, h, 0, d.Color, color.NRGBA{}, 0)
			}
			c = e
		}
		for c := 0; c < len(d.Ranges); {
			e := c + 1
			for e < len(d.Ranges) && alpha(d.Ranges[e]) == alpha(d.Ranges[c]) {
				e++
			}
			if a := alpha(d.Ranges[c]); a > 0 {
				col := d.Color
				col.A = a
				s.rect(ox+float64(c)*cw, y0+1, float64(e-c)*cw, strip-1-(y0+1), 0, col, color.NRGBA{}, 0)
			}
			c = e
		}
	}
}

// scaled draws on a surface k times larger, offset by (ox, oy): a page
// laid out in pixels drawn at k pixels each (for high-density screens), or
// on a page of paper.
type scaled struct {
	s      surface
	k      float64
	ox, oy float64
}

func (d scaled) x(v float64) float64 { return d.ox + v*d.k }
func (d scaled) y(v float64) float64 { return d.oy + v*d.k }

func (d scaled) rect(x, y, w, h, r float64, fill, stroke color.NRGBA, sw float64) {
	k := d.k
	d.s.rect(d.x(x), d.y(y), w*k, h*k, r*k, fill, stroke, sw*k)
}

func (d scaled) gradient(x, y, w, h float64, a, b color.NRGBA) {
	d.s.gradient(d.x(x), d.y(y), w*d.k, h*d.k, a, b)
}

func (d scaled) line(x1, y1, x2, y2 float64, c color.NRGBA, w float64) {
	d.s.line(d.x(x1), d.y(y1), d.x(x2), d.y(y2), c, w*d.k)
}

func (d scaled) diamond(x, y, w, h float64, fill, stroke color.NRGBA, sw float64) {
	k := d.k
	d.s.diamond(d.x(x), d.y(y), w*k, h*k, fill, stroke, sw*k)
}

func (d scaled) text(x, y float64, s string, size float64, bold bool, c color.NRGBA) {
	d.s.text(d.x(x), d.y(y), s, size*d.k, bold, c)
}

func (d scaled) link(x, y, w, h float64, url string) {
	d.s.link(d.x(x), d.y(y), w*d.k, h*d.k, url)
}

func (d scaled) clip(x, y, w, h float64) { d.s.clip(d.x(x), d.y(y), w*d.k, h*d.k) }

func (d scaled) unclip() { d.s.unclip() }

package paint

import (
	"image"
	"image/color"
	"math"

	"github.com/quoteline/quoteline/timeline"
)

// Each shape below is drawn as the fragment shader Fyne 2.7's OpenGL painter
// uses for its canvas object (internal/painter/gl/shaders): the same pixel
// bounds, evaluated at pixel centres, with the same soft edges, and blended
// the same way, so that the picture matches the one the canvas objects gave.

// bounds returns the pixel bounds Fyne gives a rectangle-like object at
// (x, y) of size (w, h): its position and its size rounded separately.
func (g grid) bounds(x, y, w, h float64) (x1, y1, x2, y2 int) {
	x1, y1 = g.x(x), g.y(y)
	return x1, y1, x1 + g.n(w), y1 + g.n(h)
}

// rect draws a rectangle without rounded corners (rectangle.frag): hard
// edges, the stroke inside the bounds.
func rect(dst *image.RGBA, pr *timeline.Prim, g grid) {
	sw := 0
	if pr.StrokeWidth > 0 {
		sw = g.n(pr.StrokeWidth)
	}
	if pr.Fill.A == 0 && (pr.Stroke.A == 0 || sw == 0) {
		return
	}
	x1, y1, x2, y2 := g.bounds(pr.X, pr.Y, pr.W, pr.H)
	fill, stroke := premul(pr.Fill), premul(pr.Stroke)
	y1c, y2c := max(y1, dst.Rect.Min.Y), min(y2, dst.Rect.Max.Y)
	for y := y1c; y < y2c; y++ {
		if y < y1+sw || y >= y2-sw {
			blendSpan(dst, x1, x2, y, stroke)
			continue
		}
		blendSpan(dst, x1, min(x1+sw, x2), y, stroke)
		blendSpan(dst, x1+sw, x2-sw, y, fill)
		blendSpan(dst, max(x2-sw, x1+sw), x2, y, stroke)
	}
}

// maxCornerRadius is Fyne's limit on a corner's radius in a w×h shape whose
// neighbouring corners have radii adjW and adjH.
func maxCornerRadius(r, adjW, adjH, w, h float64) float64 {
	mw, mh := w/2, h/2
	if r <= math.Min(mw, mh) {
		return r
	}
	ew := 2*mw - math.Min(mw, adjW)
	eh := 2*mh - math.Min(mh, adjH)
	return math.Min(math.Min(ew, eh), r)
}

// roundGeom is where and how round_rectangle.frag draws a rectangle with
// rounded corners, in pixels.
type roundGeom struct {
	x1, y1, x2, y2 int     // the bounds
	r, es, swh     float32 // the radius, the edge's softness and half the stroke's width
	bx, by, cx, cy float32 // half the size inside the stroke, and the centre
	fill, stroke   glColor
	all            bool // a radius above half the shorter side: the shader's other distance
}

// roundGeometry returns how pr is drawn, or false if it is not.
func roundGeometry(pr *timeline.Prim, g grid) (roundGeom, bool) {
	swS := float32(0)
	if pr.StrokeWidth > 0 {
		swS = float32(g.n(pr.StrokeWidth))
	}
	if pr.Fill.A == 0 && (pr.Stroke.A == 0 || swS == 0) {
		return roundGeom{}, false
	}
	var q roundGeom
	q.x1, q.y1, q.x2, q.y2 = g.bounds(pr.X, pr.Y, pr.W, pr.H)
	wu, hu := float64(q.x2-q.x1)/g.s, float64(q.y2-q.y1)/g.s // the rounded size, in units
	q.r = float32(g.n(maxCornerRadius(pr.Radius, pr.Radius, pr.Radius, wu, hu)))
	q.es, q.swh = float32(g.n(1)), swS/2
	q.bx, q.by = (float32(q.x2-q.x1)-swS)/2, (float32(q.y2-q.y1)-swS)/2
	q.cx, q.cy = float32(q.x1+q.x2)/2, float32(q.y1+q.y2)/2
	q.fill, q.stroke = glColorOf(pr.Fill), glColorOf(pr.Stroke)
	q.all = q.r-0.9 > min(q.bx, q.by)+q.swh
	return q, true
}

// shade is the shader's colour and alpha factor at a signed distance
// from the outline.
func (q *roundGeom) shade(dist float32) (glColor, float32) {
	col := q.fill
	if q.all {
		if q.swh > 0 {
			col = mix(q.fill, q.stroke, 1-smoothstep(2*q.swh-q.es, 2*q.swh+q.es, abs32(dist)))
		}
		return col, 1 - smoothstep(-q.es, q.es, dist)
	}
	if q.swh > 0 {
		col = mix(q.fill, q.stroke, smoothstep(-q.swh-q.es, -q.swh+q.es, dist))
	}
	return col, 1 - smoothstep(q.swh-q.es, q.swh+q.es, dist)
}

// dist is the shader's signed distance from the outline of the pixel
// centre (x, y), relative to the centre.
func (q *roundGeom) dist(x, y float32) float32 {
	if q.all {
		return distAllQuadrants(x, y, q.bx+q.swh, q.by+q.swh, q.r)
	}
	return distRounded(x, y, q.bx, q.by, q.r-q.swh)
}

// roundRect draws a rectangle with rounded corners (round_rectangle.frag):
// a signed distance to its outline, edges softened over a pixel either side.
func roundRect(dst *image.RGBA, pr *timeline.Prim, g grid) {
	q, ok := roundGeometry(pr, g)
	if !ok {
		return
	}
	e := int(q.es)
	b := dst.Rect
	for y := max(q.y1-e, b.Min.Y); y < min(q.y2+e, b.Max.Y); y++ {
		py := float32(y) + 0.5 - q.cy
		lo, hi := max(q.x1-e, b.Min.X), min(q.x2+e, b.Max.X)
		// Along most of a row the distance depends on the row alone: where
		// the nearest part of the outline is its top or bottom edge. That
		// run is blended in one go; the pixels either side one by one.
		s0, s1 := hi, hi
		if !q.all {
			rr := q.r - q.swh // the radius the distance is measured with
			dy := abs32(py) - q.by + rr
			reach := q.bx - rr // |x| within which x does not matter
			if dy < 0 {
				reach = q.bx - q.by + abs32(py)
			}
			if reach >= 0 {
				s0 = max(int(math.Ceil(float64(q.cx-reach-0.5))), lo)
				s1 = min(int(math.Floor(float64(q.cx+reach-0.5)))+1, hi)
				if s1 <= s0 {
					s0, s1 = hi, hi
				}
			}
			if s0 < s1 {
				col, alpha := q.shade(dy - rr)
				a := col.a * alpha
				blendSpan(dst, s0, s1, y, pmColor{col.r * a * 255, col.g * a * 255, col.b * a * 255, a * 255})
			}
		}
		o := dst.PixOffset(lo, y)
		for x := lo; x < hi; x, o = x+1, o+4 {
			if x == s0 {
				x, o = s1-1, o+4*(s1-s0-1)
				continue
			}
			col, alpha := q.shade(q.dist(float32(x)+0.5-q.cx, py))
			blendGL(dst.Pix, o, col, alpha)
		}
	}
}

// distRounded is round_rectangle.frag's calc_distance with one radius r for
// every corner: the signed distance from (x, y), relative to the centre, to
// a rectangle of half-size (bx, by) with corners of radius r.
func distRounded(x, y, bx, by, r float32) float32 {
	dx, dy := abs32(x)-bx+r, abs32(y)-by+r
	out := float32(math.Hypot(float64(max(dx, 0)), float64(max(dy, 0))))
	return min(max(dx, dy), 0) + out - r
}

// distAllQuadrants is round_rectangle.frag's calc_distance_all_quadrants
// with one radius r for every corner, for radii above half the shorter side.
func distAllQuadrants(x, y, sx, sy, r float32) float32 {
	dx, dy := abs32(x)-sx, abs32(y)-sy
	dist := float32(math.Hypot(float64(max(dx, 0)), float64(max(dy, 0)))) + min(max(dx, dy), 0)
	if qx, qy := abs32(x)-(sx-r), abs32(y)-(sy-r); qx > 0 && qy > 0 {
		dist = max(dist, float32(math.Hypot(float64(qx), float64(qy)))-r)
	}
	return dist
}

func abs32(v float32) float32 { return float32(math.Abs(float64(v))) }

// line draws a line (line.vert, line.frag): a band either side of the
// segment between its rounded ends, solid to within half a unit of its
// edge and fading out over that half unit. Thin lines along an axis are
// moved half a unit up or left, as Fyne moves them.
func line(dst *image.RGBA, pr *timeline.Prim, g grid) {
	w := pr.StrokeWidth
	if pr.Stroke.A == 0 || !(w > 0) {
		return
	}
	x1, y1 := float64(g.x(pr.X)), float64(g.y(pr.Y))
	x2, y2 := float64(g.x(pr.X2)), float64(g.y(pr.Y2))
	if w <= 1 {
		off := 0.5
		if w <= 0.5 && g.s > 1 {
			off = 0.25
		}
		if x1 == x2 {
			x1, x2 = x1-off*g.s, x2-off*g.s
		}
		if y1 == y2 {
			y1, y2 = y1-off*g.s, y2-off*g.s
		}
	}
	half := float64(g.n(w+0.5)) / 2 // the band's half-width, feather included
	feather := 0.5 * g.s
	core := half - feather
	c := glColorOf(pr.Stroke)
	// coverage is the alpha factor at distance d from the segment's axis.
	coverage := func(d float64) float32 {
		if d <= core {
			return 1
		}
		return float32(max(0, 1-(d-core)/feather))
	}
	b := dst.Rect
	dx, dy := x2-x1, y2-y1
	length := math.Hypot(dx, dy)
	if !(length > 0) || length > 1<<24 {
		return
	}
	ux, uy := dx/length, dy/length
	x0i := max(int(math.Floor(math.Min(x1, x2)-half)), b.Min.X)
	x1i := min(int(math.Ceil(math.Max(x1, x2)+half)), b.Max.X)
	y0i := max(int(math.Floor(math.Min(y1, y2)-half)), b.Min.Y)
	y1i := min(int(math.Ceil(math.Max(y1, y2)+half)), b.Max.Y)
	for y := y0i; y < y1i; y++ {
		cyp := float64(y) + 0.5 - y1
		o := dst.PixOffset(x0i, y)
		for x := x0i; x < x1i; x, o = x+1, o+4 {
			cxp := float64(x) + 0.5 - x1
			t := cxp*ux + cyp*uy // along the segment
			if t < 0 || t >= length {
				continue
			}
			d := math.Abs(cxp*uy - cyp*ux) // across it
			if d >= half {
				continue
			}
			blendGL(dst.Pix, o, c, coverage(d))
		}
	}
}

// diamondKey is what a diamond's pixels depend on.
type diamondKey struct {
	w, h, outer, sw, es int
	fill, stroke        color.NRGBA
}

// sprite is a small premultiplied picture composited as it is.
type sprite struct {
	x0, y0 int // where its top-left pixel goes, relative to the shape's bounds
	img    *image.RGBA
}

// diamond returns the picture of diamond pr, a four-sided regular polygon
// standing on a corner (polygon.frag) with its stroke inside its edge, or
// nil if it is not drawn. Diamonds of one kind look alike pixel for pixel,
// as they are drawn at whole pixels: each kind is drawn once.
func (p *Painter) diamond(pr *timeline.Prim, g grid) *sprite {
	sw := 0
	if pr.StrokeWidth > 0 {
		sw = g.n(pr.StrokeWidth)
	}
	if pr.Fill.A == 0 && (pr.Stroke.A == 0 || sw == 0) {
		return nil
	}
	x1, y1, x2, y2 := g.bounds(pr.X, pr.Y, pr.W, pr.H)
	k := diamondKey{w: x2 - x1, h: y2 - y1, outer: g.n(math.Min(pr.W, pr.H) / 2), sw: sw, es: g.n(1),
		fill: pr.Fill, stroke: pr.Stroke}
	if k.w <= 0 || k.h <= 0 || k.w > 1<<12 || k.h > 1<<12 {
		return nil
	}
	sp, ok := p.diamonds.get(k)
	if !ok {
		sp = drawDiamond(k)
		p.diamonds.put(k, sp)
	}
	return sp
}

// drawDiamond draws the diamond of k into a sprite.
func drawDiamond(k diamondKey) *sprite {
	e := k.es
	img := image.NewRGBA(image.Rect(0, 0, k.w+2*e, k.h+2*e))
	cx, cy := float32(k.w)/2+float32(e), float32(k.h)/2+float32(e)
	fill, stroke := glColorOf(k.fill), glColorOf(k.stroke)
	sw, es := float32(k.sw), float32(e)
	for y := range img.Rect.Dy() {
		for x := range img.Rect.Dx() {
			dist := regularDist(float32(x)+0.5-cx, cy-(float32(y)+0.5), float32(k.outer), 4)
			col := fill
			if sw > 0 {
				col = mix(stroke, fill, smoothstep(-sw+es, -sw-es, dist))
			}
			blendGL(img.Pix, img.PixOffset(x, y), col, smoothstep(es, -es, dist))
		}
	}
	return &sprite{x0: -e, y0: -e, img: img}
}

// regularDist is polygon.frag's regular_distance: the signed distance from
// (x, y), relative to the centre with y upwards, to a regular polygon of
// the given sides and outer radius r with a corner at the top.
func regularDist(x, y, r float32, sides int) float32 {
	angle := math.Pi / float64(sides)
	ac, as := math.Cos(angle), math.Sin(angle)
	a := math.Atan2(float64(x), float64(y))
	ao := a - 2*angle*math.Floor(a/(2*angle)) - angle // GLSL's mod, always positive
	l := math.Hypot(float64(x), float64(y))
	dx := l*math.Cos(ao) - float64(r)*ac
	dy := l*math.Abs(math.Sin(ao)) - float64(r)*as
	dy += min(max(-dy, 0), float64(r)*as)
	d := math.Hypot(dx, dy)
	switch {
	case dx < 0:
		d = -d
	case dx == 0:
		d = 0
	}
	return float32(d)
}

// composite draws the premultiplied src over dst with its top-left pixel at
// (x, y), clipped to dst.
func composite(dst, src *image.RGBA, x, y int) {
	r := image.Rect(x, y, x+src.Rect.Dx(), y+src.Rect.Dy()).Intersect(dst.Rect)
	for yy := r.Min.Y; yy < r.Max.Y; yy++ {
		so := src.PixOffset(r.Min.X-x, yy-y)
		do := dst.PixOffset(r.Min.X, yy)
		for xx := r.Min.X; xx < r.Max.X; xx, so, do = xx+1, so+4, do+4 {
			a := src.Pix[so+3]
			if a == 0 {
				continue
			}
			overPM(dst.Pix[do:do+4:do+4], src.Pix[so:so+4:so+4])
		}
	}
}

// overPM composites the premultiplied pixel s over d.
func overPM(d, s []uint8) {
	if s[3] == 0xff {
		copy(d, s)
		return
	}
	ia := uint32(255 - s[3])
	d[0] = uint8(uint32(s[0]) + (uint32(d[0])*ia+127)/255)
	d[1] = uint8(uint32(s[1]) + (uint32(d[1])*ia+127)/255)
	d[2] = uint8(uint32(s[2]) + (uint32(d[2])*ia+127)/255)
	d[3] = uint8(uint32(s[3]) + (uint32(d[3])*ia+127)/255)
}

// gradient draws a horizontal gradient from Fill to Fill2 as Fyne does: a
// texture one pixel high and as wide as the gradient, each pixel the
// colours mixed (premultiplied) at its centre, stretched over the bounds.
func gradient(dst *image.RGBA, pr *timeline.Prim, g grid) {
	x1, y1 := g.x(pr.X), g.y(pr.Y)
	x2, y2 := g.x(pr.X+pr.W), g.y(pr.Y+pr.H) // its end rounded, not its size
	tw := g.n(pr.W)
	if tw <= 0 || x2 <= x1 || y2 <= y1 || tw > 1<<14 {
		return
	}
	r0, g0, b0, a0 := pr.Fill.RGBA()
	r1, g1, b1, a1 := pr.Fill2.RGBA()
	lerp := func(a, b uint32, d float64) uint16 { return uint16(float64(a) + d*(float64(b)-float64(a))) }
	texel := func(k int) pmColor {
		d := (float64(k) + 0.5) / float64(tw)
		c := color.RGBA64{R: lerp(r0, r1, d), G: lerp(g0, g1, d), B: lerp(b0, b1, d), A: lerp(a0, a1, d)}
		n := color.NRGBAModel.Convert(c).(color.NRGBA)
		pr, pg, pb, pa := n.RGBA()
		return pmColor{float32(pr >> 8), float32(pg >> 8), float32(pb >> 8), float32(pa >> 8)}
	}
	b := dst.Rect
	for x := max(x1, b.Min.X); x < min(x2, b.Max.X); x++ {
		k := x - x1
		if x2-x1 != tw {
			k = min(int((float64(x-x1)+0.5)*float64(tw)/float64(x2-x1)), tw-1)
		}
		c := texel(k)
		for y := max(y1, b.Min.Y); y < min(y2, b.Max.Y); y++ {
			blendPM(dst.Pix, dst.PixOffset(x, y), c, 1)
		}
	}
}

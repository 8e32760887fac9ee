package timeline

import "math"

// Tween returns the window, as a start and a span in seconds, a fraction f
// (0 to 1) of the way from window a to window b. It moves the way a zoom
// about a point does: the span changes geometrically, so each step zooms by
// the same factor, and the start follows so that the one time that lies at
// the same screen position in both windows stays there the whole way. A pure
// pan (equal spans) moves linearly. Times keep their order on screen
// throughout, which is what lets an animation between distant windows read
// as one continuous camera move.
func Tween(a, b Viewport, f float64) (start, span float64) {
	switch {
	case !(f > 0): // also NaN
		return a.Start(), a.Span()
	case f >= 1:
		return b.Start(), b.Span()
	}
	r := b.Span() / a.Span()
	if math.Abs(r-1) < 1e-9 {
		return a.Start() + (b.Start()-a.Start())*f, a.Span()
	}
	// The fixed point p satisfies (p - a.start)/a.span = (p - b.start)/b.span.
	p := (b.Start()*a.Span() - a.Start()*b.Span()) / (a.Span() - b.Span())
	scale := math.Pow(r, f)
	return p + (a.Start()-p)*scale, a.Span() * scale
}

// EaseInOut maps linear progress t (0 to 1) to eased progress: slow at both
// ends and fastest in the middle (a cubic), for camera moves between stops.
func EaseInOut(t float64) float64 {
	switch {
	case !(t > 0):
		return 0
	case t >= 1:
		return 1
	case t < 0.5:
		return 4 * t * t * t
	}
	u := -2*t + 2
	return 1 - u*u*u/2
}

// Package timeline is the pure timeline core: the viewport that maps time to
// pixels, calendar ticks, lane layout with stacking, and the Scene of drawing
// primitives built for one viewport. It imports no UI toolkit, so it is tested
// and benchmarked without a display.
package timeline

import (
	"math"
	"time"
)

// Limits of the timeline. Times are seconds since the Unix epoch, UTC.
var (
	// MinTime is the start of year -9999.
	MinTime = float64(time.Date(-9999, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
	// MaxTime is the start of year 10000.
	MaxTime = float64(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
)

// MinSpan is the narrowest time window, in seconds, a viewport shows across its width.
const MinSpan = 10.0

// Viewport is the visible time window and the width in pixels it is drawn across.
// The zero value is not usable; make one with NewViewport.
type Viewport struct {
	start, span, width float64
	lo, hi             float64 // limits the window stays within
}

// NewViewport returns a viewport showing [start, end] across width pixels.
func NewViewport(start, end, width float64) Viewport {
	v := Viewport{start: 0, span: 86400, width: 1, lo: MinTime, hi: MaxTime}
	v.SetWidth(width)
	v.Fit(start, end, 0)
	return v
}

// Start returns the time at the left edge.
func (v Viewport) Start() float64 { return v.start }

// End returns the time at the right edge.
func (v Viewport) End() float64 { return v.start + v.span }

// Span returns the seconds shown across the width.
func (v Viewport) Span() float64 { return v.span }

// Width returns the width in pixels.
func (v Viewport) Width() float64 { return v.width }

// SecondsPerPixel returns the time one pixel covers.
func (v Viewport) SecondsPerPixel() float64 { return v.span / v.width }

// X returns the pixel, from the left edge, at which time t is drawn.
func (v Viewport) X(t float64) float64 { return (t - v.start) / v.span * v.width }

// Time returns the time drawn at pixel x from the left edge.
func (v Viewport) Time(x float64) float64 { return v.start + x/v.width*v.span }

// Visible reports whether [start, end] overlaps the window; a range that
// spans the whole window is visible.
func (v Viewport) Visible(start, end float64) bool { return start <= v.End() && end >= v.start }

// SetWidth changes the width in pixels, keeping the time window.
// A width below one pixel counts as one.
func (v *Viewport) SetWidth(w float64) {
	if !finite(w) || w < 1 {
		w = 1
	}
	v.width = w
}

// ZoomAt zooms by factor about pixel x: factor > 1 zooms in. The time under x
// stays under x unless the window reaches its limits.
func (v *Viewport) ZoomAt(x, factor float64) {
	if !finite(x) || !finite(factor) || factor <= 0 {
		return
	}
	anchor := v.Time(x)
	span := v.clampSpan(v.span / factor)
	v.start = anchor - x/v.width*span
	v.span = span
	v.clampStart()
}

// Pan moves the window by dx pixels: dx > 0 moves the content right, showing earlier times.
func (v *Viewport) Pan(dx float64) {
	if !finite(dx) {
		return
	}
	v.start -= dx * v.SecondsPerPixel()
	v.clampStart()
}

// Fit shows [from, to] with margin (a fraction of the span) free on each side.
// An empty or reversed range is centred in a window of at least a day.
func (v *Viewport) Fit(from, to, margin float64) {
	if !finite(from) || !finite(to) || !finite(margin) || margin < 0 {
		return
	}
	if to < from {
		from, to = to, from
	}
	span := to - from
	if span <= 0 {
		span = 86400
		from -= span / 2
	}
	full := v.clampSpan(span * (1 + 2*margin))
	mid := from + span/2
	v.span = full
	v.start = mid - full/2
	v.clampStart()
}

// SetLimits keeps the window within [lo, hi] from now on. A reversed or
// non-finite pair resets the limits to [MinTime, MaxTime].
func (v *Viewport) SetLimits(lo, hi float64) {
	if !finite(lo) || !finite(hi) || hi-lo < MinSpan {
		lo, hi = MinTime, MaxTime
	}
	v.lo, v.hi = math.Max(lo, MinTime), math.Min(hi, MaxTime)
	v.span = v.clampSpan(v.span)
	v.clampStart()
}

// Limits returns the bounds the window stays within.
func (v Viewport) Limits() (lo, hi float64) { return v.lo, v.hi }

func (v *Viewport) clampSpan(s float64) float64 {
	return math.Max(MinSpan, math.Min(s, v.hi-v.lo))
}

func (v *Viewport) clampStart() {
	v.start = math.Max(v.lo, math.Min(v.start, v.hi-v.span))
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// Package timeline is the pure core of a zoomable timeline: the Viewport that
// maps time to pixels, the calendar axis (Ticks), row assignment within a lane
// (Stacker), lane layout (LayoutLanes) and the Scene of drawing primitives
// built for one viewport. It imports no UI toolkit, so it is tested and
// benchmarked without a display.
//
// Times are float64 seconds since the Unix epoch, UTC, so that the view can
// zoom below a second smoothly: a float64 holds the milliseconds of a
// modern time exactly enough, and a time at the Big Bang to a minute. The
// calendar is the proleptic Gregorian calendar in UTC, as implemented by
// package time, from the year -14,000,000,000 to 999,999; year 0 is 1 BC.
package timeline

import "math"

// Limits of the timeline, in seconds since the Unix epoch.
const (
	// MinSpan is the narrowest window a viewport shows across its width,
	// near the present: ten milliseconds. Far from the epoch a window is
	// kept wider, so that a pixel still spans many distinct times (see
	// minSpanAt).
	MinSpan = 0.01
	// MinTime is the start of the year -14,000,000,000 (14,000,000,001 BC),
	// before the Big Bang.
	MinTime = -441797390167219200.0
	// MaxTime is the start of year 1,000,000.
	MaxTime = 31494784780800.0
	// MaxSpan is the widest window a viewport shows: the whole timeline.
	MaxSpan = MaxTime - MinTime
)

// minSpanAt returns the narrowest window shown about time t: MinSpan, or
// wider far from the epoch, where float64 seconds are coarser (2⁻⁴⁰ of |t|
// leaves about 4,000 distinct times per pixel of a window 1,000 pixels
// wide): 28 seconds in the year 999,999, four and a half days at the Big
// Bang.
func minSpanAt(t float64) float64 { return max(MinSpan, math.Abs(t)*0x1p-40) }

// secondsPerDay is the length of a day in seconds; UTC as used here has no leap seconds.
const secondsPerDay = 86400.0

// Viewport is the visible time window and the width in pixels it is drawn
// across. It keeps itself within limits (by default [MinTime, MaxTime]) and
// ignores non-finite arguments. The zero value is not usable; make one with
// NewViewport.
type Viewport struct {
	start, span, width float64
	lo, hi             float64 // the window stays within [lo, hi]
}

// NewViewport returns a viewport showing [start, end] across width pixels,
// clamped to the limits of the timeline. An empty range is shown centred in a
// window a day wide; non-finite times give a day from the Unix epoch.
func NewViewport(start, end, width float64) Viewport {
	v := Viewport{start: 0, span: secondsPerDay, width: 1, lo: MinTime, hi: MaxTime}
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
// Times outside the window give pixels outside [0, Width()].
func (v Viewport) X(t float64) float64 { return (t - v.start) / v.span * v.width }

// Time returns the time drawn at pixel x from the left edge; it is the
// inverse of X.
func (v Viewport) Time(x float64) float64 { return v.start + x/v.width*v.span }

// Visible reports whether [start, end] overlaps the window, edges included.
// A range that spans the whole window is visible.
func (v Viewport) Visible(start, end float64) bool {
	return start <= v.End() && end >= v.start
}

// Limits returns the bounds the window stays within.
func (v Viewport) Limits() (lo, hi float64) { return v.lo, v.hi }

// SetWidth changes the width in pixels, as when the window is resized,
// keeping the start and the span. A width of zero or less counts as one.
func (v *Viewport) SetWidth(w float64) {
	if !finite(w) {
		return
	}
	if w <= 0 {
		w = 1
	}
	v.width = w
}

// ZoomAt zooms by factor about pixel x: factor > 1 zooms in, factor < 1
// zooms out. The time under x stays under x unless the span reaches MinSpan
// or the width of the limits, or the window would leave the limits.
func (v *Viewport) ZoomAt(x, factor float64) {
	if !finite(x) || !finite(factor) || factor <= 0 {
		return
	}
	anchor := v.Time(x)
	span := v.clampSpanAt(v.span/factor, anchor)
	v.start = anchor - x/v.width*span
	v.span = span
	v.clampStart()
}

// Pan moves the window by dx pixels: dx > 0 moves the content right, showing
// earlier times. The window stops at the limits.
func (v *Viewport) Pan(dx float64) {
	if !finite(dx) {
		return
	}
	v.start -= dx * v.SecondsPerPixel()
	v.clampStart()
}

// FitMargin is the margin, a fraction of the extent on each side, with which
// a whole timeline is shown: by the window's Fit All and by a picture of the
// whole extent.
const FitMargin = 0.04

// Fit shows [from, to] with margin, a fraction of to-from, free on each side
// (a negative margin counts as zero). A range shorter than MinSpan is centred
// in a window MinSpan wide, and a single instant in a window a day wide. The
// window is then kept within the limits.
func (v *Viewport) Fit(from, to, margin float64) {
	if !finite(from) || !finite(to) || !finite(margin) {
		return
	}
	if to < from {
		from, to = to, from
	}
	margin = max(margin, 0)
	span := to - from
	if span <= 0 {
		span = secondsPerDay
	}
	mid := from + (to-from)/2
	v.span = v.clampSpanAt(span*(1+2*margin), mid)
	v.start = mid - v.span/2
	v.clampStart()
}

// SetLimits keeps the window within [lo, hi] from now on, moving it inside
// if it is outside and narrowing it if it is wider. The limits are
// intersected with [MinTime, MaxTime]; a reversed pair is swapped, and a pair
// closer than MinSpan is widened about its middle to MinSpan. Non-finite
// limits are ignored.
func (v *Viewport) SetLimits(lo, hi float64) {
	if !finite(lo) || !finite(hi) {
		return
	}
	if hi < lo {
		lo, hi = hi, lo
	}
	lo = min(max(lo, MinTime), MaxTime)
	hi = min(max(hi, MinTime), MaxTime)
	if hi-lo < MinSpan {
		lo = min(max((lo+hi)/2-MinSpan/2, MinTime), MaxTime-MinSpan)
		hi = lo + MinSpan
	}
	v.lo, v.hi = lo, hi
	v.span = v.clampSpanAt(v.span, v.start+v.span/2)
	v.clampStart()
}

// clampSpanAt keeps a window of span s about time t between the narrowest
// shown there and the width of the limits.
func (v *Viewport) clampSpanAt(s, t float64) float64 {
	return max(minSpanAt(t), min(s, v.hi-v.lo))
}

func (v *Viewport) clampStart() {
	v.start = max(v.lo, min(v.start, v.hi-v.span))
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

package timeline

import (
	"math"
	"testing"
	"time"
)

// near reports whether a and b differ by at most tol.
func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestViewport_Constants(t *testing.T) {
	tests := []struct {
		name string
		got  float64
		want time.Time
	}{
		{"MinTime", MinTime, time.Date(-14_000_000_000, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"MaxTime", MaxTime, time.Date(1_000_000, 1, 1, 0, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		if tt.got != float64(tt.want.Unix()) {
			t.Errorf("%s = %v, want %v (%v)", tt.name, tt.got, tt.want.Unix(), tt.want)
		}
	}
	if MaxSpan != MaxTime-MinTime {
		t.Errorf("MaxSpan = %v, want %v", MaxSpan, MaxTime-MinTime)
	}
}

// Times far from the epoch.
var (
	bc10000 = float64(time.Date(-9999, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
	ma540   = float64(time.Date(-539_999_999, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
)

func TestViewport_MillisecondsNearTheEpochAndDaysAtTheBigBang(t *testing.T) {
	// Ten milliseconds across 1600 pixels: each pixel still its own time.
	v := NewViewport(aug2022, aug2022+MinSpan, 1600)
	if v.Span() != MinSpan {
		t.Fatalf("span %v, want %v", v.Span(), MinSpan)
	}
	for _, x := range []float64{0, 1, 800, 1599} {
		if got := v.X(v.Time(x)); !near(got, x, 0.1) {
			t.Errorf("X(Time(%v)) = %v", x, got)
		}
	}
	if a, b := v.Time(800), v.Time(801); !(b > a) {
		t.Errorf("pixels 800 and 801 show the same time %v", a)
	}
	// At the Big Bang a window is kept some days wide.
	bang := float64(time.Date(-13_799_999_999, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
	v = NewViewport(bang, bang+1, 1600)
	if v.Span() < 4*day || v.Span() > 6*day {
		t.Errorf("span at the Big Bang %v s, want about four and a half days", v.Span())
	}
	v.ZoomAt(800, 1e6)
	if v.Span() < 4*day {
		t.Errorf("zoomed in to %v s at the Big Bang", v.Span())
	}
	if a, b := v.Time(800), v.Time(801); !(b > a) {
		t.Errorf("pixels 800 and 801 show the same time %v", a)
	}
	// Out from the present to the age of the universe and back.
	v = NewViewport(aug2022, aug2022+MinSpan, 1600)
	for range 200 {
		v.ZoomAt(800, 0.7)
	}
	if v.Span() != MaxSpan {
		t.Errorf("zoomed out to %v, want the whole timeline %v", v.Span(), MaxSpan)
	}
}

func TestViewport_XAndTimeAreInverse(t *testing.T) {
	tests := []struct {
		name       string
		start, end float64
		width      float64
	}{
		{"a year", aug2022, aug2022 + 365*day, 1200},
		{"ten seconds", aug2022, aug2022 + 10, 3000},
		{"the whole timeline", MinTime, MaxTime, 800},
		{"before the era", bc10000 + 1000*day, bc10000 + 1001*day, 640},
		{"the Cambrian", ma540, ma540 + 50e6*365.25*day, 1600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewViewport(tt.start, tt.end, tt.width)
			if !near(v.X(tt.start), 0, 1e-6) || !near(v.X(tt.end), tt.width, 1e-6) {
				t.Errorf("edges at %v and %v, want 0 and %v", v.X(tt.start), v.X(tt.end), tt.width)
			}
			for _, x := range []float64{0, 1, 0.5 * tt.width, tt.width, -50, tt.width + 70.25} {
				if got := v.X(v.Time(x)); !near(got, x, 1e-3) {
					t.Errorf("X(Time(%v)) = %v", x, got)
				}
			}
			if got, want := v.SecondsPerPixel(), (tt.end-tt.start)/tt.width; !near(got, want, want*1e-12) {
				t.Errorf("SecondsPerPixel = %v, want %v", got, want)
			}
		})
	}
}

func TestViewport_ZoomAtKeepsTheAnchor(t *testing.T) {
	anchors := []float64{0, 1, 333.3, 600, 1199, 1200}
	factors := []float64{2, 1.25, 1.0001, 0.8, 0.1, 10, 1000}
	for _, x := range anchors {
		for _, f := range factors {
			v := NewViewport(aug2022, aug2022+365*day, 1200)
			anchor := v.Time(x)
			v.ZoomAt(x, f)
			if got := v.Time(x); !near(got, anchor, 1e-3) {
				t.Errorf("ZoomAt(%v, %v): the time under the pointer moved by %v s", x, f, got-anchor)
			}
			if want := 365 * day / f; !near(v.Span(), want, want*1e-9) {
				t.Errorf("ZoomAt(%v, %v): span %v, want %v", x, f, v.Span(), want)
			}
		}
	}
}

func TestViewport_ZoomAtClampsTheSpan(t *testing.T) {
	tests := []struct {
		name      string
		lo, hi    float64
		factor    float64
		wantSpan  float64
		wantStart float64 // NaN: not checked
	}{
		{"in to MinSpan", MinTime, MaxTime, 1e12, MinSpan, math.NaN()},
		{"out to the whole timeline", MinTime, MaxTime, 1e-15, MaxSpan, MinTime},
		{"out to the limits", aug2022, aug2022 + 100*day, 1e-6, 100 * day, aug2022},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewViewport(aug2022+10*day, aug2022+11*day, 1000)
			v.SetLimits(tt.lo, tt.hi)
			v.ZoomAt(500, tt.factor)
			if v.Span() != tt.wantSpan {
				t.Errorf("span %v, want %v", v.Span(), tt.wantSpan)
			}
			if !math.IsNaN(tt.wantStart) && v.Start() != tt.wantStart {
				t.Errorf("start %v, want %v", v.Start(), tt.wantStart)
			}
			if v.Start() < tt.lo || v.End() > tt.hi {
				t.Errorf("window [%v, %v] outside the limits [%v, %v]", v.Start(), v.End(), tt.lo, tt.hi)
			}
		})
	}
}

func TestViewport_Pan(t *testing.T) {
	tests := []struct {
		name      string
		dx        float64
		wantStart float64
	}{
		{"right shows earlier times", 10, aug2022 - 600},
		{"left shows later times", -10, aug2022 + 600},
		{"half a pixel", 0.5, aug2022 - 30},
		{"stops at the lower limit", 1e16, MinTime},
		{"stops at the upper limit", -1e16, MaxTime - 60000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewViewport(aug2022, aug2022+60000, 1000) // 60 s per pixel
			v.Pan(tt.dx)
			if v.Start() != tt.wantStart || v.Span() != 60000 {
				t.Errorf("after Pan(%v): [%v +%v], want [%v +60000]", tt.dx, v.Start(), v.Span(), tt.wantStart)
			}
		})
	}
}

func TestViewport_PanStaysWithinLimits(t *testing.T) {
	v := NewViewport(aug2022, aug2022+10*day, 1000)
	v.SetLimits(aug2022, aug2022+100*day)
	v.Pan(1e9)
	if v.Start() != aug2022 {
		t.Errorf("panned past the lower limit to %v", v.Start())
	}
	v.Pan(-1e9)
	if !near(v.End(), aug2022+100*day, 1e-3) || v.Span() != 10*day {
		t.Errorf("panned past the upper limit: [%v, %v]", v.Start(), v.End())
	}
}

func TestViewport_Fit(t *testing.T) {
	tests := []struct {
		name         string
		from, to     float64
		margin       float64
		wantS, wantE float64
	}{
		{"exact", aug2022, aug2022 + 10*day, 0, aug2022, aug2022 + 10*day},
		{"with a margin", aug2022, aug2022 + 10*day, 0.1, aug2022 - day, aug2022 + 11*day},
		{"negative margin counts as none", aug2022, aug2022 + 10*day, -0.3, aug2022, aug2022 + 10*day},
		{"reversed", aug2022 + 10*day, aug2022, 0, aug2022, aug2022 + 10*day},
		{"an instant gets a day", aug2022, aug2022, 0, aug2022 - day/2, aug2022 + day/2},
		{"a millisecond gets MinSpan", aug2022, aug2022 + 0.001, 0, aug2022 + 0.0005 - MinSpan/2, aug2022 + 0.0005 + MinSpan/2},
		{"wider than the timeline", MinTime - 1e16, MaxTime + 1e16, 0, MinTime, MaxTime},
		{"past the end", MaxTime + 100*day, MaxTime + 110*day, 0, MaxTime - 10*day, MaxTime},
		{"the first year", MinTime, MinTime + 365*day, 0.5, MinTime, MinTime + 730*day},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewViewport(0, 1, 800)
			v.Fit(tt.from, tt.to, tt.margin)
			if tol := max(1e-4, math.Abs(tt.wantS)*1e-15); !near(v.Start(), tt.wantS, tol) || !near(v.End(), tt.wantE, tol) {
				t.Errorf("Fit: [%v, %v], want [%v, %v]", v.Start(), v.End(), tt.wantS, tt.wantE)
			}
			if v.Width() != 800 {
				t.Errorf("Fit changed the width to %v", v.Width())
			}
		})
	}
}

func TestViewport_Visible(t *testing.T) {
	v := NewViewport(100*day, 200*day, 1000)
	tests := []struct {
		name string
		s, e float64
		want bool
	}{
		{"before", 0, 50 * day, false},
		{"touches the left edge", 0, 100 * day, true},
		{"spans the whole window", 50 * day, 500 * day, true},
		{"an instant inside", 150 * day, 150 * day, true},
		{"touches the right edge", 200 * day, 300 * day, true},
		{"after", 201 * day, 300 * day, false},
		{"the whole timeline", MinTime, MaxTime, true},
	}
	for _, tt := range tests {
		if got := v.Visible(tt.s, tt.e); got != tt.want {
			t.Errorf("%s: Visible(%v, %v) = %v, want %v", tt.name, tt.s/day, tt.e/day, got, tt.want)
		}
	}
}

func TestViewport_SetWidth(t *testing.T) {
	tests := []struct {
		name string
		w    float64
		want float64
	}{
		{"wider", 1920, 1920},
		{"narrower", 320.5, 320.5},
		{"zero counts as one", 0, 1},
		{"negative counts as one", -40, 1},
		{"NaN is ignored", math.NaN(), 1000},
		{"infinity is ignored", math.Inf(1), 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewViewport(aug2022, aug2022+30*day, 1000)
			v.SetWidth(tt.w)
			if v.Width() != tt.want || v.Start() != aug2022 || v.Span() != 30*day {
				t.Errorf("SetWidth(%v): width %v [%v +%v], want width %v [%v +%v]", tt.w, v.Width(), v.Start(), v.Span(), tt.want, aug2022, 30*day)
			}
		})
	}
}

func TestViewport_SetLimits(t *testing.T) {
	tests := []struct {
		name           string
		lo, hi         float64
		wantLo, wantHi float64
		wantS, wantE   float64
	}{
		{"around the view", aug2022 - 100*day, aug2022 + 100*day, aug2022 - 100*day, aug2022 + 100*day, aug2022, aug2022 + 30*day},
		{"moves the view inside", aug2022 + 50*day, aug2022 + 100*day, aug2022 + 50*day, aug2022 + 100*day, aug2022 + 50*day, aug2022 + 80*day},
		{"narrows the view", aug2022, aug2022 + 10*day, aug2022, aug2022 + 10*day, aug2022, aug2022 + 10*day},
		{"reversed", aug2022 + 100*day, aug2022 - 100*day, aug2022 - 100*day, aug2022 + 100*day, aug2022, aug2022 + 30*day},
		{"beyond the timeline", MinTime - 1e16, MaxTime + 1e16, MinTime, MaxTime, aug2022, aug2022 + 30*day},
		{"too close", aug2022, aug2022 + 0.002, aug2022 + 0.001 - MinSpan/2, aug2022 + 0.001 + MinSpan/2, aug2022 + 0.001 - MinSpan/2, aug2022 + 0.001 + MinSpan/2},
		{"NaN is ignored", math.NaN(), aug2022, MinTime, MaxTime, aug2022, aug2022 + 30*day},
		{"infinity is ignored", 0, math.Inf(1), MinTime, MaxTime, aug2022, aug2022 + 30*day},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewViewport(aug2022, aug2022+30*day, 1000)
			v.SetLimits(tt.lo, tt.hi)
			if lo, hi := v.Limits(); !near(lo, tt.wantLo, math.Abs(lo)*1e-15) || !near(hi, tt.wantHi, math.Abs(hi)*1e-15) {
				t.Errorf("limits [%v, %v], want [%v, %v]", lo, hi, tt.wantLo, tt.wantHi)
			}
			if !near(v.Start(), tt.wantS, 1e-4) || !near(v.End(), tt.wantE, 1e-4) {
				t.Errorf("view [%v, %v], want [%v, %v]", v.Start(), v.End(), tt.wantS, tt.wantE)
			}
		})
	}
}

func TestViewport_IgnoresNonFiniteInput(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name string
		op   func(v *Viewport)
	}{
		{"ZoomAt NaN x", func(v *Viewport) { v.ZoomAt(nan, 2) }},
		{"ZoomAt infinite factor", func(v *Viewport) { v.ZoomAt(10, inf) }},
		{"ZoomAt NaN factor", func(v *Viewport) { v.ZoomAt(10, nan) }},
		{"ZoomAt zero factor", func(v *Viewport) { v.ZoomAt(10, 0) }},
		{"ZoomAt negative factor", func(v *Viewport) { v.ZoomAt(10, -2) }},
		{"Pan NaN", func(v *Viewport) { v.Pan(nan) }},
		{"Pan infinity", func(v *Viewport) { v.Pan(-inf) }},
		{"Fit infinite from", func(v *Viewport) { v.Fit(-inf, 0, 0) }},
		{"Fit NaN to", func(v *Viewport) { v.Fit(0, nan, 0) }},
		{"Fit NaN margin", func(v *Viewport) { v.Fit(0, 1e6, nan) }},
		{"SetWidth NaN", func(v *Viewport) { v.SetWidth(nan) }},
		{"SetLimits NaN", func(v *Viewport) { v.SetLimits(nan, nan) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewViewport(aug2022, aug2022+30*day, 1000)
			before := v
			tt.op(&v)
			if v != before {
				t.Errorf("changed the viewport: %+v -> %+v", before, v)
			}
		})
	}
	v := NewViewport(nan, inf, nan)
	if !finite(v.Start()) || !finite(v.Span()) || v.Span() <= 0 || v.Width() <= 0 {
		t.Errorf("NewViewport with non-finite input: %+v", v)
	}
}

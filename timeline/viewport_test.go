package timeline

import (
	"math"
	"testing"
)

func TestViewport_XAndTimeAreInverse(t *testing.T) {
	v := NewViewport(aug2022, aug2022+365*day, 1200)
	for _, x := range []float64{0, 1, 599.5, 1200, -50, 1500} {
		if got := v.X(v.Time(x)); math.Abs(got-x) > 1e-6 {
			t.Errorf("X(Time(%v)) = %v", x, got)
		}
	}
	if v.X(aug2022) != 0 || v.X(aug2022+365*day) != 1200 {
		t.Errorf("edges at %v and %v, want 0 and 1200", v.X(aug2022), v.X(aug2022+365*day))
	}
}

func TestViewport_ZoomAtKeepsTheAnchor(t *testing.T) {
	tests := []struct {
		x, factor float64
	}{
		{0, 2}, {600, 2}, {1200, 2}, {300, 1.25}, {900, 0.8}, {37, 10}, {1100, 0.1},
	}
	for _, tt := range tests {
		v := NewViewport(aug2022, aug2022+365*day, 1200)
		anchor := v.Time(tt.x)
		v.ZoomAt(tt.x, tt.factor)
		if got := v.Time(tt.x); math.Abs(got-anchor) > 1e-3 {
			t.Errorf("ZoomAt(%v, %v): time under the cursor moved by %v s", tt.x, tt.factor, got-anchor)
		}
		if want := 365 * day / tt.factor; math.Abs(v.Span()-want) > 1e-3 {
			t.Errorf("ZoomAt(%v, %v): span %v, want %v", tt.x, tt.factor, v.Span(), want)
		}
	}
}

func TestViewport_Clamps(t *testing.T) {
	v := NewViewport(aug2022, aug2022+day, 1000)
	for range 100 {
		v.ZoomAt(500, 10)
	}
	if v.Span() != MinSpan {
		t.Errorf("span after zooming in far: %v, want MinSpan", v.Span())
	}
	for range 100 {
		v.ZoomAt(500, 0.1)
	}
	if v.Span() != MaxTime-MinTime || v.Start() != MinTime {
		t.Errorf("zoomed out fully: [%v +%v], want the whole range", v.Start(), v.Span())
	}
	v.SetLimits(aug2022, aug2022+100*day)
	if v.Start() < aug2022 || v.End() > aug2022+100*day+1e-6 {
		t.Errorf("view [%v, %v] outside its limits", v.Start(), v.End())
	}
	v.Fit(aug2022, aug2022+10*day, 0)
	v.Pan(1e9)
	if v.Start() != aug2022 {
		t.Errorf("panned past the lower limit to %v", v.Start())
	}
	v.Pan(-1e9)
	if math.Abs(v.End()-(aug2022+100*day)) > 1e-3 {
		t.Errorf("panned past the upper limit to %v", v.End())
	}
	// NaN and infinities are ignored.
	before := v
	v.ZoomAt(math.NaN(), 2)
	v.ZoomAt(10, math.Inf(1))
	v.Pan(math.NaN())
	v.Fit(math.Inf(-1), 0, 0)
	if v != before {
		t.Errorf("non-finite input changed the viewport: %+v -> %+v", before, v)
	}
}

func TestViewport_Pan(t *testing.T) {
	v := NewViewport(aug2022, aug2022+1000*60, 1000) // 60 s per pixel
	v.Pan(10)
	if v.Start() != aug2022-600 || v.Span() != 60000 {
		t.Errorf("after Pan(10): [%v +%v]", v.Start(), v.Span())
	}
}

func TestViewport_Fit(t *testing.T) {
	tests := []struct {
		name           string
		from, to, marg float64
		wantS, wantE   float64
	}{
		{"exact", aug2022, aug2022 + 10*day, 0, aug2022, aug2022 + 10*day},
		{"margin", aug2022, aug2022 + 10*day, 0.1, aug2022 - day, aug2022 + 11*day},
		{"reversed", aug2022 + 10*day, aug2022, 0, aug2022, aug2022 + 10*day},
		{"a point gets a day", aug2022, aug2022, 0, aug2022 - day/2, aug2022 + day/2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewViewport(0, 1, 800)
			v.Fit(tt.from, tt.to, tt.marg)
			if math.Abs(v.Start()-tt.wantS) > 1e-3 || math.Abs(v.End()-tt.wantE) > 1e-3 {
				t.Errorf("Fit: [%v, %v], want [%v, %v]", v.Start(), v.End(), tt.wantS, tt.wantE)
			}
		})
	}
}

func TestViewport_Visible(t *testing.T) {
	v := NewViewport(100*day, 200*day, 1000)
	tests := []struct {
		s, e float64
		want bool
	}{
		{0, 50 * day, false},
		{0, 100 * day, true},        // touches the left edge
		{50 * day, 500 * day, true}, // spans the whole window
		{150 * day, 150 * day, true},
		{200 * day, 300 * day, true},
		{201 * day, 300 * day, false},
	}
	for _, tt := range tests {
		if got := v.Visible(tt.s, tt.e); got != tt.want {
			t.Errorf("Visible(%v, %v) = %v, want %v", tt.s/day, tt.e/day, got, tt.want)
		}
	}
}

package timeline

import (
	"image/color"
	"math"
	"testing"
)

func TestTween(t *testing.T) {
	const w = 1000.0
	tests := []struct {
		name string
		a, b Viewport
	}{
		{"zoom in about the middle", NewViewport(0, 1000, w), NewViewport(450, 550, w)},
		{"zoom out", NewViewport(450, 550, w), NewViewport(0, 1000, w)},
		{"pan", NewViewport(0, 100, w), NewViewport(500, 600, w)},
		{"zoom to a far window", NewViewport(0, 86400*365, w), NewViewport(86400*3000, 86400*3001, w)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s0, sp0 := Tween(tt.a, tt.b, 0)
			s1, sp1 := Tween(tt.a, tt.b, 1)
			if s0 != tt.a.Start() || sp0 != tt.a.Span() || s1 != tt.b.Start() || sp1 != tt.b.Span() {
				t.Fatalf("ends: (%v, %v) and (%v, %v), want a and b", s0, sp0, s1, sp1)
			}
			prevStart := s0
			for i := 1; i <= 100; i++ {
				f := float64(i) / 100
				s, sp := Tween(tt.a, tt.b, f)
				if sp <= 0 || math.IsNaN(s) {
					t.Fatalf("f=%v: window (%v, %v)", f, s, sp)
				}
				// The span moves monotonically and geometrically.
				want := tt.a.Span() * math.Pow(tt.b.Span()/tt.a.Span(), f)
				if math.Abs(sp-want) > want*1e-9 {
					t.Errorf("f=%v: span %v, want %v", f, sp, want)
				}
				// The start never reverses direction.
				if (tt.b.Start()-tt.a.Start())*(s-prevStart) < -1e-6*math.Abs(tt.b.Start()-tt.a.Start()) {
					t.Errorf("f=%v: start went back from %v to %v", f, prevStart, s)
				}
				prevStart = s
			}
		})
	}
}

func TestTween_KeepsTheZoomPointStill(t *testing.T) {
	a := NewViewport(0, 1000, 1000)
	b := a
	b.ZoomAt(250, 8) // zoom in about x = 250
	p := a.Time(250)
	for _, f := range []float64{0.25, 0.5, 0.75} {
		s, sp := Tween(a, b, f)
		if x := (p - s) / sp * 1000; math.Abs(x-250) > 1e-6 {
			t.Errorf("f=%v: the zoom point is at x=%v, want 250", f, x)
		}
	}
}

func TestEaseInOut(t *testing.T) {
	tests := []struct{ in, want float64 }{{-1, 0}, {0, 0}, {0.5, 0.5}, {1, 1}, {2, 1}, {math.NaN(), 0}}
	for _, tt := range tests {
		if got := EaseInOut(tt.in); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("EaseInOut(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	prev := 0.0
	for i := 1; i <= 100; i++ {
		v := EaseInOut(float64(i) / 100)
		if v < prev {
			t.Fatalf("EaseInOut decreases at %v", float64(i)/100)
		}
		prev = v
	}
	if EaseInOut(0.1) > 0.1 || EaseInOut(0.9) < 0.9 {
		t.Error("EaseInOut does not ease at the ends")
	}
}

// BenchmarkTransition1M builds every frame of a 280 ms camera move at 60
// frames per second (17 frames) over 1,000,000 events in 10 lanes, at the
// presentation's 1.7× scale: from the whole extent down to a month, and
// from one month to another a year later. One op is the whole move; the
// frame-ms metric is the mean cost of one frame.
func BenchmarkTransition1M(b *testing.B) {
	ev, x := benchIndex(b, 1_000_000)
	lanes := make([]Lane, 10)
	for i := range lanes {
		lanes[i] = Lane{Name: "Lane", Color: color.NRGBA{0x33, 0x66, 0x99, 0xff}}
	}
	mid := aug2022 + 1825*day
	whole := NewViewport(aug2022, aug2022+3660*day, 1900)
	month := NewViewport(mid, mid+30*day, 1900)
	later := NewViewport(mid+365*day, mid+395*day, 1900)
	const frames = 17
	for _, m := range []struct {
		name     string
		from, to Viewport
	}{{"whole-to-month", whole, month}, {"month-to-month", month, later}} {
		b.Run(m.name, func(b *testing.B) {
			in := &Input{Height: 560, Lanes: lanes, Events: ev, Index: x,
				Metrics: DefaultMetrics().Scaled(1.7), Measure: measure7}
			var bl Builder
			var s Scene
			b.ReportAllocs()
			for b.Loop() {
				for f := range frames + 1 {
					start, span := Tween(m.from, m.to, EaseInOut(float64(f)/frames))
					in.Viewport = NewViewport(start, start+span, 1900)
					bl.Build(in, &s)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()*1000/float64(b.N)/(frames+1), "frame-ms")
		})
	}
}

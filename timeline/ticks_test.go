package timeline

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func measure7px(s string) float64 { return 7 * float64(len([]rune(s))) }

func unix(y int, m time.Month, d int) float64 {
	return float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix())
}

func labels(ts []Tick) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Label)
	}
	return out
}

func TestTicks_Cases(t *testing.T) {
	tests := []struct {
		name        string
		start, end  float64
		width       float64
		wantStep    Step
		wantFine    []string // a prefix of the fine labels
		wantContext []string // a prefix of the context labels
	}{
		{"a year across 1200 px", unix(2023, 1, 1), unix(2024, 1, 1) - 1, 1200, Step{Month, 1},
			[]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}, []string{"2023"}},
		{"a day across 1600 px", unix(2023, 5, 15), unix(2023, 5, 16) - 1, 1600, Step{Hour, 1},
			[]string{"00:00", "01:00", "02:00"}, []string{"Mon 15 May 2023"}},
		{"a month across 1200 px", unix(2023, 5, 1), unix(2023, 6, 1) - 1, 1200, Step{Day, 1},
			[]string{"1", "2", "3"}, []string{"May 2023"}},
		{"a century across 1200 px", unix(1900, 1, 1), unix(2000, 1, 1), 1200, Step{Year, 5},
			[]string{"1900", "1905", "1910"}, nil},
		{"across 1 BC and AD 1", unix(-20, 1, 1), unix(20, 1, 1), 1200, Step{Year, 2},
			[]string{"21 BC", "19 BC"}, nil},
		{"a minute across 1200 px", unix(2023, 5, 15) + 3600*14 + 60*30, unix(2023, 5, 15) + 3600*14 + 60*31, 1200, Step{Second, 5},
			[]string{"14:30:00", "14:30:05"}, []string{"Mon 15 May 2023"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a Axis
			Ticks(NewViewport(tt.start, tt.end, tt.width), measure7px, 16, &a)
			if a.Step != tt.wantStep {
				t.Errorf("step %+v, want %+v", a.Step, tt.wantStep)
			}
			if got := labels(a.Fine); len(got) < len(tt.wantFine) || !slices.Equal(got[:len(tt.wantFine)], tt.wantFine) {
				t.Errorf("fine labels %q, want them to start %q", got, tt.wantFine)
			}
			if got := labels(a.Context); len(got) < len(tt.wantContext) || !slices.Equal(got[:len(tt.wantContext)], tt.wantContext) {
				t.Errorf("context labels %q, want them to start %q", got, tt.wantContext)
			}
		})
	}
}

// TestTicks_NeverOverlap checks, over many random viewports, that labels on a
// row never overlap, stay within the view, are sorted, and that the step is
// the finest that fits.
func TestTicks_NeverOverlap(t *testing.T) {
	const gap = 16
	r := rand.New(rand.NewPCG(1, 2))
	var a Axis
	for i := range 3000 {
		span := MinSpan * pow10(r.Float64()*10.5) // 10 s to ~10,000 years
		start := MinTime + r.Float64()*(MaxTime-MinTime-span)
		width := 200 + r.Float64()*2800
		v := NewViewport(start, start+span, width)
		Ticks(v, measure7px, gap, &a)
		for _, row := range [][]Tick{a.Fine, a.Context} {
			for j, tk := range row {
				if tk.X < 0 || tk.X > width {
					t.Fatalf("case %d: tick %q at x %v outside [0, %v]", i, tk.Label, tk.X, width)
				}
				if j > 0 {
					prev := row[j-1]
					if prev.X+measure7px(prev.Label)+gap > tk.X+1e-9 {
						t.Fatalf("case %d (span %v s, width %v): %q at %v overlaps %q at %v", i, span, width, prev.Label, prev.X, tk.Label, tk.X)
					}
				}
			}
		}
		if len(a.Fine) > int(width/gap)+1 {
			t.Fatalf("case %d: %d fine ticks in %v px", i, len(a.Fine), width)
		}
		// The next finer step would not have fitted.
		k := slices.Index(ladder[:], a.Step)
		if k > 0 && len(a.Fine) > 0 {
			finer := appendTicks(nil, v, ladder[k-1])
			if len(finer) > 1 && fits(finer, measure7px, gap) {
				t.Fatalf("case %d: step %+v chosen but %+v fits", i, a.Step, ladder[k-1])
			}
		}
	}
}

func pow10(x float64) float64 {
	p := 1.0
	for ; x >= 1; x-- {
		p *= 10
	}
	for ; x > 0; x -= 0.1 {
		p *= 1.2589254117941673 // 10^0.1
	}
	return p
}

func TestYearLabel(t *testing.T) {
	tests := map[int]string{2023: "2023", 1: "1", 0: "1 BC", -44: "45 BC"}
	for y, want := range tests {
		if got := YearLabel(y); got != want {
			t.Errorf("YearLabel(%d) = %q, want %q", y, got, want)
		}
	}
}

func BenchmarkTicks(b *testing.B) {
	spans := []float64{60, 86400, 30 * 86400, 365 * 86400, 100 * 365 * 86400}
	var a Axis
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		s := spans[i%len(spans)]
		Ticks(NewViewport(unix(2023, 5, 15), unix(2023, 5, 15)+s, 1280), measure7px, 16, &a)
	}
}

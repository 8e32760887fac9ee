package timeline

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"
)

// measure7px measures a label at 7 px per rune.
func measure7px(s string) float64 { return 7 * float64(len([]rune(s))) }

func unix(y int, m time.Month, d int) float64 {
	return float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix())
}

func labels(ts []Tick) []string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, t.Label)
	}
	return out
}

func TestTicks_Cases(t *testing.T) {
	may15 := unix(2023, 5, 15)
	tests := []struct {
		name        string
		start, end  float64
		width       float64
		wantSteps   []Step   // any of these
		wantFine    []string // the fine labels start with these
		wantContext []string // the context labels start with these
	}{
		{"a year across 1200 px", unix(2023, 1, 1), unix(2024, 1, 1) - 1, 1200, []Step{{Month, 1}},
			[]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}, []string{"2023"}},
		{"a day across 1600 px", may15, may15 + day - 1, 1600, []Step{{Hour, 1}},
			[]string{"00:00", "01:00", "02:00"}, []string{"Mon 15 May 2023"}},
		{"a day across 800 px", may15, may15 + day - 1, 800, []Step{{Hour, 3}},
			[]string{"00:00", "03:00", "06:00"}, []string{"Mon 15 May 2023"}},
		{"a month across 1200 px", unix(2023, 5, 1), unix(2023, 6, 1) - 1, 1200, []Step{{Day, 1}},
			[]string{"1", "2", "3"}, []string{"May 2023"}},
		{"three months across 1000 px", unix(2023, 5, 1), unix(2023, 8, 1), 1000, []Step{{Day, 2}, {Day, 7}},
			[]string{"1"}, []string{"May 2023", "Jun 2023"}},
		{"a century across 1200 px", unix(1900, 1, 1), unix(2000, 1, 1), 1200, []Step{{Year, 5}, {Year, 10}},
			[]string{"1900"}, nil},
		{"a minute across 1200 px", may15 + 14*3600 + 30*60, may15 + 14*3600 + 31*60, 1200, []Step{{Second, 5}},
			[]string{"14:30:00", "14:30:05"}, []string{"Mon 15 May 2023"}},
		{"an hour across 1200 px", may15 + 14*3600, may15 + 15*3600, 1200, []Step{{Minute, 5}},
			[]string{"14:00", "14:05"}, []string{"Mon 15 May 2023"}},
		{"across 1 BC and AD 1, yearly", unix(-5, 1, 1), unix(5, 1, 1), 500, []Step{{Year, 1}},
			[]string{"6 BC", "5 BC", "4 BC", "3 BC", "2 BC", "1 BC", "1", "2", "3", "4", "5"}, nil},
		{"across 1 BC and AD 1, by decades", unix(-49, 1, 1), unix(51, 1, 1), 700, []Step{{Year, 10}},
			[]string{"50 BC", "40 BC", "30 BC", "20 BC", "10 BC", "AD 1", "10", "20", "30", "40", "50"}, nil},
		{"across 1 BC and AD 1, by fives", unix(-24, 1, 1), unix(26, 1, 1), 1200, []Step{{Year, 5}},
			[]string{"25 BC", "20 BC", "15 BC", "10 BC", "5 BC", "AD 1", "5", "10", "15", "20", "25"}, nil},
		{"across 1 BC and AD 1, by twos", unix(-9, 1, 1), unix(11, 1, 1), 600, []Step{{Year, 2}},
			[]string{"10 BC", "8 BC", "6 BC", "4 BC", "2 BC", "2", "4", "6", "8", "10"}, nil},
		{"months before the era", unix(-44, 1, 1), unix(-43, 1, 1), 1200, []Step{{Month, 1}},
			[]string{"Jan", "Feb"}, []string{"45 BC"}},
		{"ten thousand years", unix(-9999, 1, 1), unix(10000, 1, 1), 1600, []Step{{Year, 1000}},
			[]string{"10,000 BC", "9000 BC"}, nil},
		{"ten thousand years, narrow", unix(-9999, 1, 1), unix(10000, 1, 1), 400, []Step{{Year, 5000}},
			[]string{"10,000 BC", "5000 BC", "AD 1", "5000", "10,000"}, nil},
		{"a hundred thousand years", unix(-99999, 1, 1), unix(1, 1, 1), 1200, []Step{{Year, 10000}},
			[]string{"100,000 BC", "90,000 BC"}, nil},
		{"the whole timeline", MinTime, MaxTime, 1600, []Step{{Year, 1e9}},
			[]string{"14 Ga", "13 Ga", "12 Ga"}, nil},
		{"the whole timeline, narrow", MinTime, MaxTime, 400, []Step{{Year, 2e9}},
			[]string{"14 Ga", "12 Ga", "10 Ga"}, nil},
		{"the Phanerozoic", unix(-539_999_999, 1, 1), unix(1, 1, 1), 1600, []Step{{Year, 2e7}},
			[]string{"540 Ma", "520 Ma"}, nil},
		{"the last million years", unix(-999_999, 1, 1), unix(1, 1, 1), 1600, []Step{{Year, 1e5}},
			[]string{"1000 ka", "900 ka"}, nil},
		{"nothing fits", MinTime, MaxTime, 30, []Step{{Year, 5e9}}, nil, nil},
		{"a second across 1600 px", may15 + 3600, may15 + 3601, 1600, []Step{{Millisecond, 50}},
			[]string{".000", ".050"}, []string{"Mon 15 May 2023 01:00:00", "Mon 15 May 2023 01:00:01"}},
		{"ten milliseconds across 1600 px", may15 + 3600 + 0.25, may15 + 3600 + 0.26, 1600, []Step{{Millisecond, 1}},
			[]string{".250", ".251"}, []string{"Mon 15 May 2023 01:00:00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a Axis
			Ticks(NewViewport(tt.start, tt.end, tt.width), measure7px, 16, &a)
			if !slices.Contains(tt.wantSteps, a.Step) {
				t.Errorf("step %v, want one of %v", a.Step, tt.wantSteps)
			}
			if got := labels(a.Fine); len(got) < len(tt.wantFine) || !slices.Equal(got[:len(tt.wantFine)], tt.wantFine) {
				t.Errorf("fine labels %q, want them to start %q", got, tt.wantFine)
			}
			if got := labels(a.Context); len(got) < len(tt.wantContext) || !slices.Equal(got[:len(tt.wantContext)], tt.wantContext) {
				t.Errorf("context labels %q, want them to start %q", got, tt.wantContext)
			}
			for _, tk := range a.Fine {
				if tk.Pinned {
					t.Errorf("fine tick %q is pinned", tk.Label)
				}
			}
		})
	}
}

func TestTicks_PinsTheContextOfTheLeftEdge(t *testing.T) {
	may15 := unix(2023, 5, 15)
	tests := []struct {
		name       string
		start, end float64
		width      float64
		want       []string // context labels
		wantPinned bool
	}{
		{"boundary off-screen", may15 + 10*3600, may15 + 20*3600, 1000, []string{"Mon 15 May 2023"}, true},
		{"boundary at the edge", may15, may15 + 10*3600, 1000, []string{"Mon 15 May 2023"}, false},
		{"room before the next boundary", may15 + 12*3600, may15 + 36*3600, 1200, []string{"Mon 15 May 2023", "Tue 16 May 2023"}, true},
		{"no room before the next boundary", may15 + day - 600, may15 + day + 5*3600, 1000, []string{"Tue 16 May 2023"}, false},
		{"months", unix(2023, 5, 10), unix(2023, 6, 20), 1200, []string{"May 2023", "Jun 2023"}, true},
		{"years", unix(2022, 8, 1), unix(2023, 8, 1), 1200, []string{"2022", "2023"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a Axis
			v := NewViewport(tt.start, tt.end, tt.width)
			Ticks(v, measure7px, 16, &a)
			if got := labels(a.Context); !slices.Equal(got, tt.want) {
				t.Fatalf("context labels %q, want %q", got, tt.want)
			}
			first := a.Context[0]
			if first.Pinned != tt.wantPinned {
				t.Errorf("first context tick %+v, want Pinned %v", first, tt.wantPinned)
			}
			if first.Pinned && (first.X != 0 || first.Time > v.Start()) {
				t.Errorf("pinned tick %+v, want X 0 and the start of the period before %v", first, v.Start())
			}
			for _, tk := range a.Context[1:] {
				if tk.Pinned {
					t.Errorf("context tick %+v pinned, but it is not the first", tk)
				}
			}
		})
	}
}

// TestTicks_Properties checks, over many random viewports, that labels on a
// row never overlap, ticks are sorted and within the view, their number is
// bounded, and the step is the finest that fits.
func TestTicks_Properties(t *testing.T) {
	const gap = 16
	r := rand.New(rand.NewPCG(1, 2))
	var a Axis
	cases := 3000
	if testing.Short() {
		cases = 300
	}
	for range cases {
		// 10 ms to the age of the universe, near the present as often as
		// anywhere on the timeline.
		span := MinSpan * math.Pow(10, r.Float64()*19.6)
		start := MinTime + r.Float64()*(MaxTime-MinTime-span)
		if r.IntN(2) == 0 && span < 1e12 {
			start = aug2022 + (r.Float64()-0.5)*1e11
		}
		width := 200 + r.Float64()*2800
		v := NewViewport(start, start+span, width)
		Ticks(v, measure7px, gap, &a)
		where := func() string {
			return time.Unix(int64(v.Start()), 0).UTC().String() + " + " + strconv.FormatFloat(v.Span(), 'g', -1, 64) + " s across " + strconv.FormatFloat(width, 'f', 1, 64) + " px"
		}
		for name, row := range map[string][]Tick{"fine": a.Fine, "context": a.Context} {
			for j, tk := range row {
				if tk.X < 0 || tk.X > width {
					t.Fatalf("%s: %s tick %q at x %v outside [0, %v]", where(), name, tk.Label, tk.X, width)
				}
				if !tk.Pinned && !near(tk.X, v.X(tk.Time), 1e-6) {
					t.Fatalf("%s: %s tick %q at x %v, its time is at %v", where(), name, tk.Label, tk.X, v.X(tk.Time))
				}
				if j == 0 {
					continue
				}
				prev := row[j-1]
				if prev.Time >= tk.Time || prev.X > tk.X {
					t.Fatalf("%s: %s ticks %q and %q out of order", where(), name, prev.Label, tk.Label)
				}
				if prev.X+measure7px(prev.Label)+gap > tk.X {
					t.Fatalf("%s: %s label %q at %v overlaps %q at %v", where(), name, prev.Label, prev.X, tk.Label, tk.X)
				}
			}
		}
		if len(a.Fine) > int(width/gap)+1 {
			t.Fatalf("%s: %d fine ticks", where(), len(a.Fine))
		}
		if len(a.Fine) == 0 {
			t.Fatalf("%s: no fine ticks", where())
		}
		k := slices.Index(ladder[:], a.Step)
		if k < 0 {
			t.Fatalf("%s: step %v not on the ladder", where(), a.Step)
		}
		if k > 0 {
			finer := tickWriter{v: v, step: ladder[k-1]}
			finer.run()
			if fits(finer.dst, measure7px, gap) {
				t.Fatalf("%s: step %v chosen, but %v fits", where(), a.Step, ladder[k-1])
			}
		}
	}
}

func TestTicks_ReusesItsSlices(t *testing.T) {
	tests := []struct {
		name       string
		start, end float64
		maxAllocs  float64 // labels of days, months and seconds are formatted on each call
	}{
		{"months", unix(2022, 8, 10), unix(2023, 8, 1), 0},
		{"years", unix(1900, 1, 1), unix(2030, 1, 1), 0},
		{"millennia", unix(-9999, 1, 1), unix(10000, 1, 1), 0},
		{"ages", MinTime, MaxTime, 40}, // labels such as "4 Ga" are formatted on each call, two allocations each
		{"days", unix(2023, 5, 10), unix(2023, 6, 1), 2},
		{"hours", unix(2023, 5, 10) + 3600, unix(2023, 5, 10) + 7*3600, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := NewViewport(tt.start, tt.end, 1280)
			var a Axis
			Ticks(v, measure7px, 16, &a)
			allocs := testing.AllocsPerRun(50, func() { Ticks(v, measure7px, 16, &a) })
			if allocs > tt.maxAllocs {
				t.Errorf("%v allocations a call, want at most %v", allocs, tt.maxAllocs)
			}
		})
	}
}

func TestYearTickLabel(t *testing.T) {
	tests := []struct {
		year, step int
		want       string
	}{
		{2000, 1000, "2000"}, {1, 1000, "AD 1"}, {1, 1, "1"}, {-49999, 50000, "50,000 BC"},
		{-99999, 100000, "100 ka"}, {-1999999, 1000000, "2 Ma"}, {-539999999, 10000000, "540 Ma"},
		{-4599999999, 100000000, "4600 Ma"}, {-4499999999, 500000000, "4.5 Ga"}, {-13999999999, 1000000000, "14 Ga"},
		{200000, 100000, "200,000"},
	}
	for _, tt := range tests {
		if got := YearTickLabel(tt.year, tt.step); got != tt.want {
			t.Errorf("YearTickLabel(%d, %d) = %q, want %q", tt.year, tt.step, got, tt.want)
		}
	}
}

func TestYearLabel_Formats(t *testing.T) {
	tests := []struct {
		year int
		want string
	}{
		{2023, "2023"}, {1, "1"}, {0, "1 BC"}, {-44, "45 BC"}, {-9999, "10,000 BC"}, {-9998, "9999 BC"},
		{10000, "10,000"}, {-10001, "10,002 BC"}, {123456, "123,456"}, {-13_799_999_999, "13,800,000,000 BC"},
	}
	for _, tt := range tests {
		if got := YearLabel(tt.year); got != tt.want {
			t.Errorf("YearLabel(%d) = %q, want %q", tt.year, got, tt.want)
		}
	}
}

func TestYearTicks_AreAlignedOnBothSidesOfTheEra(t *testing.T) {
	tests := []struct {
		n    int
		from int
		want []int // astronomical years
	}{
		{1, -2, []int{-2, -1, 0, 1, 2}},
		{2, -6, []int{-7, -5, -3, -1, 2, 4}},
		{5, -12, []int{-14, -9, -4, 1, 5, 10}},
		{10, -20, []int{-29, -19, -9, 1, 10, 20}},
		{100, 1950, []int{1900, 2000, 2100}},
		{1000, -9999, []int{-9999, -8999, -7999}},
	}
	for _, tt := range tests {
		var got []int
		for y := firstYearTick(tt.from, tt.n); len(got) < len(tt.want); y = nextYearTick(y, tt.n) {
			got = append(got, y)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("steps of %d years from %d: %v, want %v", tt.n, tt.from, got, tt.want)
		}
	}
}

func BenchmarkTicks(b *testing.B) {
	spans := []struct {
		name string
		span float64
	}{
		{"Minute", 60},
		{"Day", day},
		{"Month", 30 * day},
		{"Year", 365 * day},
		{"Century", 100 * 365 * day},
		{"All", MaxSpan},
	}
	for _, s := range spans {
		b.Run(s.name, func(b *testing.B) {
			start := max(MinTime, unix(2023, 5, 15)+3600-s.span/2)
			v := NewViewport(start, start+s.span, 1920)
			var a Axis
			b.ReportAllocs()
			for b.Loop() {
				Ticks(v, measure7px, 16, &a)
			}
		})
	}
}

package timeline

import (
	"image/color"
	"testing"
)

func TestBuilder_PeriodsShadeTheirLanesAndAreNamedUnderTheAxis(t *testing.T) {
	items := []testItem{point(1, 0, aug2022+10*day, "Inside"), point(2, 1, aug2022+40*day, "Sanction")}
	in := sceneInput(items, NewViewport(aug2022-30*day, aug2022+260*day, 1000))
	in.Palette.Period = color.NRGBA{0x80, 0x40, 0x20, 0xff}
	in.Events.Periods = []Period{
		{Start: aug2022, End: aug2022 + 100*day, Lane: -1, Title: "Era one"},
		{Start: aug2022 + 100*day, End: aug2022 + 200*day, Lane: -1, Title: "Era two"},
		{Start: aug2022 + 50*day, End: aug2022 + 150*day, Lane: 1, Title: "Background of Sanctions"},
		{Start: aug2022 + 400*day, End: aug2022 + 500*day, Lane: -1, Title: "Out of view"},
	}
	var b Builder
	var s Scene
	b.Build(in, &s)

	// The strip: two rows (the lane's period overlaps both eras), under the axis.
	rowH := periodRowHeight(in.Metrics)
	if want := in.Metrics.AxisHeight + 2*rowH + 2; s.Top != want {
		t.Errorf("lanes start at %v, want %v: the axis and two rows of periods", s.Top, want)
	}
	names := map[string]Prim{}
	for _, p := range s.Prims {
		if p.Kind == PrimText {
			names[p.Text] = p
		}
	}
	for _, n := range []string{"Era one", "Era two", "Background of Sanctions"} {
		p, ok := names[n]
		if !ok {
			t.Errorf("period %q not named", n)
			continue
		}
		if p.Y < in.Metrics.AxisHeight || p.Y > s.Top {
			t.Errorf("period %q named at y %v, outside the strip [%v, %v]", n, p.Y, in.Metrics.AxisHeight, s.Top)
		}
	}
	if _, ok := names["Out of view"]; ok {
		t.Error("a period out of view is named")
	}
	if names["Era one"].Y != names["Era two"].Y {
		t.Error("eras that meet are not named on the same row")
	}
	vp := in.Viewport
	if x := names["Era two"].X; x < vp.X(aug2022+100*day) {
		t.Errorf("era two named at x %v, before it begins at %v", x, vp.X(aug2022+100*day))
	}

	// The bands: the eras over every lane, the lane's period over its lane only.
	var bands []Prim
	for _, p := range s.Prims {
		if p.Kind == PrimRect && p.Fill.R == 0x80 && p.Fill.G == 0x40 && p.Y >= s.Top {
			bands = append(bands, p)
		}
	}
	if len(bands) != 3 {
		t.Fatalf("%d bands behind the lanes, want 3", len(bands))
	}
	lane1 := s.Lanes[1]
	for _, p := range bands {
		switch {
		case near(p.X, vp.X(aug2022+50*day), 1e-6):
			if p.Y != lane1.Y || p.H != lane1.Height {
				t.Errorf("the lane's period covers y [%v +%v], want its lane [%v +%v]", p.Y, p.H, lane1.Y, lane1.Height)
			}
		default:
			if p.Y != s.Top || p.Y+p.H < s.Lanes[1].Y+s.Lanes[1].Height {
				t.Errorf("an era covers y [%v +%v], want every lane from %v", p.Y, p.H, s.Top)
			}
		}
	}
	// The bands are drawn behind the items.
	firstBand, firstItem := -1, -1
	for i, p := range s.Prims {
		if firstBand < 0 && p.Kind == PrimRect && p.Fill.R == 0x80 && p.Fill.G == 0x40 {
			firstBand = i
		}
		if firstItem < 0 && p.Kind == PrimDiamond {
			firstItem = i
		}
	}
	if firstBand > firstItem {
		t.Errorf("bands drawn after the items (%d after %d)", firstBand, firstItem)
	}
}

func TestBuilder_PeriodNamesRunOnUntilTheNextPeriodOnTheirRow(t *testing.T) {
	in := sceneInput(nil, NewViewport(aug2022-10*day, aug2022+100*day, 800))
	in.Events.Periods = []Period{
		{Start: aug2022 - 1000*day, End: aug2022 + 2*day, Lane: -1, Title: "A long name for a short stretch"},
		{Start: aug2022 + 2*day, End: aug2022 + 50*day, Lane: -1, Title: "Next"},
	}
	var b Builder
	var s Scene
	b.Build(in, &s)
	names := map[string]Prim{}
	for _, p := range s.Prims {
		if p.Kind == PrimText {
			names[p.Text] = p
		}
	}
	first, ok1 := names["A long name for a short stretch"]
	next, ok2 := names["Next"]
	if !ok1 || !ok2 {
		t.Fatalf("names drawn: %v", names)
	}
	if first.X < 0 || first.X > 10 {
		t.Errorf("the period running in from the left is named at x %v, want at the left edge", first.X)
	}
	if first.Y == next.Y && first.X+measureWidth(first.Text) > next.X {
		t.Errorf("names overlap on one row: %q at %v, %q at %v", first.Text, first.X, next.Text, next.X)
	}
	if first.Y == next.Y {
		t.Error("a name that runs past its period shares its row with the next period")
	}
}

func measureWidth(s string) float64 { w, _ := measure7(s, 0, false); return w }

func TestScene_PeriodNamesAreHitAndTheSelectedOneIsOutlined(t *testing.T) {
	in := sceneInput(nil, NewViewport(aug2022-10*day, aug2022+300*day, 1000))
	in.Palette.Period = color.NRGBA{0x80, 0x40, 0x20, 0xff}
	in.Palette.Selection = color.NRGBA{0x00, 0x00, 0xff, 0xff}
	in.Events.Periods = []Period{
		{Start: aug2022, End: aug2022 + 100*day, Lane: -1, Title: "Era one", ID: 7},
		{Start: aug2022 + 100*day, End: aug2022 + 200*day, Lane: -1, Title: "Era two", ID: 9},
		{Start: aug2022 + 200*day, End: aug2022 + 250*day, Lane: -1, Title: "Unnamed by the owner"},
	}
	in.Emphasis.SelectedPeriod = 9
	var b Builder
	var s Scene
	b.Build(in, &s)
	if len(s.PeriodHits) != 2 {
		t.Fatalf("%d period hits, want the two periods with an ID", len(s.PeriodHits))
	}
	vp := in.Viewport
	y := in.Metrics.AxisHeight + periodRowHeight(in.Metrics)/2
	for _, tt := range []struct {
		x     float64
		id    int64
		index int
	}{{vp.X(aug2022 + 50*day), 7, 0}, {vp.X(aug2022 + 150*day), 9, 1}, {vp.X(aug2022 + 220*day), 0, 0}} {
		id, index, ok := s.PeriodHitTest(tt.x, y)
		if id != tt.id || (ok && index != tt.index) || ok != (tt.id != 0) {
			t.Errorf("PeriodHitTest at x %v = %d, %d, %v; want %d, %d", tt.x, id, index, ok, tt.id, tt.index)
		}
	}
	if id, _, ok := s.PeriodHitTest(vp.X(aug2022+50*day), s.Top+20); ok {
		t.Errorf("a tap in the lanes hit period %d: only names in the strip are hit", id)
	}
	outlined := 0
	for _, p := range s.Prims {
		if p.Kind == PrimRect && p.Stroke == in.Palette.Selection && p.StrokeWidth > 0 {
			outlined++
			if h := s.PeriodHits[1]; p.X != h.X0 || p.X+p.W != h.X1 {
				t.Errorf("the outline at x [%v, %v] is not around era two's name, [%v, %v]", p.X, p.X+p.W, h.X0, h.X1)
			}
		}
	}
	if outlined != 1 {
		t.Errorf("%d names outlined, want the selected period's", outlined)
	}
}

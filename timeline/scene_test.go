package timeline

import (
	"image/color"
	"testing"
)

// measure7 measures text at 7 px per rune and 16 px high.
func measure7(s string, _ float64, _ bool) (float64, float64) {
	return 7 * float64(len([]rune(s))), 16
}

const day = 86400.0

// aug2022 is 2022-08-01T00:00:00Z.
const aug2022 = 1659312000.0

func sceneInput(items []Item, vp Viewport) *Input {
	return &Input{
		Viewport: vp,
		Height:   500,
		Lanes: []Lane{
			{Name: "Drone transfers", Color: color.NRGBA{0x1f, 0x77, 0xb4, 0xff}},
			{Name: "Sanctions", Color: color.NRGBA{0xf2, 0xc1, 0x4e, 0xff}},
		},
		Items:   items,
		Metrics: DefaultMetrics(),
		Measure: measure7,
	}
}

func point(id int64, lane int, at float64, title string) Item {
	return Item{ID: id, Lane: lane, Start: at, End: at, Earliest: at, Latest: at, Title: title}
}

func TestBuilder_StacksOverlappingItemsOnSeparateRows(t *testing.T) {
	items := []Item{
		{ID: 1, Lane: 0, Start: aug2022, End: aug2022 + 200*day, Range: true, Earliest: aug2022, Latest: aug2022 + 200*day, Title: "Range"},
		point(2, 0, aug2022+10*day, "A point inside the range"),
		point(3, 1, aug2022+40*day, "Sanction"),
	}
	var b Builder
	var s Scene
	b.Build(sceneInput(items, NewViewport(aug2022-30*day, aug2022+260*day, 1000)), &s)
	h1, ok1 := s.HitBox(1)
	h2, ok2 := s.HitBox(2)
	h3, ok3 := s.HitBox(3)
	if !ok1 || !ok2 || !ok3 {
		t.Fatalf("not every item drawn: %v %v %v", ok1, ok2, ok3)
	}
	if h2.Y0 < h1.Y1 {
		t.Errorf("the point (y %v) overlaps the range above it (y to %v)", h2.Y0, h1.Y1)
	}
	if h3.Y0 < h2.Y1 {
		t.Errorf("the second lane (y %v) starts above the first lane's items (y to %v)", h3.Y0, h2.Y1)
	}
	if got := s.HitTest((h2.X0+h2.X1)/2, (h2.Y0+h2.Y1)/2); got != 2 {
		t.Errorf("HitTest in item 2's box = %d", got)
	}
	if got := s.HitTest(1, 499); got != 0 {
		t.Errorf("HitTest in empty space = %d", got)
	}
}

func TestBuilder_CullsItemsOutsideTheView(t *testing.T) {
	items := []Item{point(1, 0, aug2022, "Early"), point(2, 0, aug2022+400*day, "Late")}
	var b Builder
	var s Scene
	b.Build(sceneInput(items, NewViewport(aug2022+300*day, aug2022+500*day, 800)), &s)
	if _, ok := s.HitBox(1); ok {
		t.Error("an item far left of the view was drawn")
	}
	if _, ok := s.HitBox(2); !ok {
		t.Error("an item in view was not drawn")
	}
}

func TestBuilder_RangeSpanningTheWholeViewIsDrawn(t *testing.T) {
	items := []Item{{ID: 1, Lane: 0, Start: aug2022, End: aug2022 + 300*day, Range: true, Earliest: aug2022, Latest: aug2022 + 300*day, Title: "Long"}}
	var b Builder
	var s Scene
	b.Build(sceneInput(items, NewViewport(aug2022+100*day, aug2022+101*day, 800)), &s)
	h, ok := s.HitBox(1)
	if !ok {
		t.Fatal("a range covering the whole view was not drawn")
	}
	if h.X0 > 0 || h.X1 < 800 {
		t.Errorf("its box [%v, %v] does not cover the view", h.X0, h.X1)
	}
	// Its label stays in view, at the left edge.
	for _, p := range s.Prims {
		if p.Kind == PrimText && p.Text == "Long" && (p.X < 0 || p.X > 100) {
			t.Errorf("label at x %v, want near the left edge", p.X)
		}
	}
}

func TestBuilder_OverflowBeyondMaxRows(t *testing.T) {
	var items []Item
	for i := range 20 {
		items = append(items, Item{ID: int64(i + 1), Lane: 0, Start: aug2022, End: aug2022 + 10*day, Range: true, Earliest: aug2022, Latest: aug2022 + 10*day, Title: "Same"})
	}
	in := sceneInput(items, NewViewport(aug2022-day, aug2022+11*day, 800))
	in.Metrics.MaxRows = 4
	var b Builder
	var s Scene
	b.Build(in, &s)
	if len(s.Hits) != 4 {
		t.Errorf("%d items drawn individually, want 4 (MaxRows)", len(s.Hits))
	}
	found := false
	for _, p := range s.Prims {
		if p.Kind == PrimText && p.Text == "16 more events — zoom in to see them" {
			found = true
		}
	}
	if !found {
		t.Error("no overflow count shown")
	}
}

func TestLuminance_PicksReadableLabelColour(t *testing.T) {
	p := Palette{OnDarkText: color.NRGBA{255, 255, 255, 255}, OnLightText: color.NRGBA{0, 0, 0, 255}}
	tests := []struct {
		bg   color.NRGBA
		want color.NRGBA
	}{
		{color.NRGBA{0x1f, 0x3a, 0x93, 0xff}, p.OnDarkText},
		{color.NRGBA{0xf2, 0xc1, 0x4e, 0xff}, p.OnLightText},
		{color.NRGBA{0xff, 0xff, 0xff, 0xff}, p.OnLightText},
		{color.NRGBA{0, 0, 0, 0xff}, p.OnDarkText},
	}
	for _, tt := range tests {
		if got := textOn(tt.bg, p); got != tt.want {
			t.Errorf("textOn(%v) = %v, want %v", tt.bg, got, tt.want)
		}
	}
}

func BenchmarkBuilder_Build(b *testing.B) {
	var items []Item
	for i := range 1000 {
		at := aug2022 + float64(i)*0.4*day
		if i%5 == 0 {
			items = append(items, Item{ID: int64(i + 1), Lane: i % 2, Start: at, End: at + 20*day, Range: true, Earliest: at, Latest: at + 20*day, Title: "A range event"})
		} else {
			items = append(items, point(int64(i+1), i%2, at, "A point event"))
		}
	}
	in := sceneInput(items, NewViewport(aug2022, aug2022+60*day, 1280))
	var bl Builder
	var s Scene
	b.ReportAllocs()
	for b.Loop() {
		bl.Build(in, &s)
	}
}

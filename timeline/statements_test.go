package timeline

import (
	"math"
	"testing"
)

func TestBuilder_ClaimStatusesDrawPatternedOutlines(t *testing.T) {
	disputed := point(1, 0, aug2022+10*day, "Disputed point")
	disputed.Style = StyleDisputed
	expected := testItem{ID: 2, Lane: 1, Start: aug2022 + 100*day, End: aug2022 + 116*day, Range: true,
		Earliest: aug2022 + 100*day, Latest: aug2022 + 116*day, Style: StyleExpected, Title: "Expected range"}
	plain := point(3, 1, aug2022+60*day, "Plain")
	in := sceneInput([]testItem{disputed, plain, expected}, NewViewport(aug2022-30*day, aug2022+200*day, 1000))
	in.Palette.Disputed.R = 0xee
	in.Palette.Text.G = 0xdd
	var b Builder
	var s Scene
	b.Build(in, &s)
	if len(s.Outlines) != 2 {
		t.Fatalf("%d patterned outlines, want 2 (disputed and expected)", len(s.Outlines))
	}
	found := 0
	for _, p := range s.Prims {
		if p.Kind == PrimOutlines {
			found++
		}
	}
	if found != 1 {
		t.Errorf("%d PrimOutlines in the drawing order, want 1", found)
	}
	for _, o := range s.Outlines {
		switch o.Shape {
		case OutlineDiamond: // the disputed point
			if o.Color != in.Palette.Disputed || o.Dash <= o.Gap {
				t.Errorf("disputed outline %+v: want dashes in the disputed colour", o)
			}
			h, _ := s.HitBox(1)
			if o.X > h.X0+4 || o.X+o.W < h.X0+in.Metrics.MarkerSize {
				t.Errorf("disputed outline %+v is not around its marker (hit %+v)", o, h)
			}
		case OutlineRect: // the expected range
			if o.Color != in.Palette.Text || o.Dash >= o.Gap {
				t.Errorf("expected outline %+v: want dots in the text colour", o)
			}
		}
	}
	edges := s.Outlines[0].Edges()
	if edges[0] != edges[4] {
		t.Errorf("outline edges do not close: %v", edges)
	}
}

func TestBuilder_MarkedItemsGetAHalo(t *testing.T) {
	items := []testItem{point(1, 0, aug2022, "One"), point(2, 1, aug2022+50*day, "Two")}
	in := sceneInput(items, NewViewport(aug2022-30*day, aug2022+100*day, 1000))
	in.Palette.Selection.B = 0xff
	var b Builder
	var s Scene
	b.Build(in, &s)
	before := len(s.Prims)
	in.Emphasis.Marked = []int64{2}
	b.Build(in, &s)
	if len(s.Prims) != before+1 {
		t.Errorf("marking one item added %d prims, want 1", len(s.Prims)-before)
	}
}

func statementInput() *Input {
	items := []testItem{
		{ID: 10, Lane: 0, Start: aug2022, End: aug2022 + 280*day, Range: true, Earliest: aug2022, Latest: aug2022 + 280*day, Title: "Range"},
		point(11, 1, aug2022+280*day, "Briefing"),
		point(12, 1, aug2022+100*day, "Other"),
	}
	in := sceneInput(items, NewViewport(aug2022-30*day, aug2022+320*day, 1000))
	in.Quotes = []QuoteMark{ // sorted by At
		{ID: 102, At: aug2022 + 105*day, Events: []int64{10}, Disputes: []bool{true}},
		{ID: 100, At: aug2022 + 280*day, Events: []int64{10, 11}, Disputes: []bool{false, false}},
		{ID: 101, At: aug2022 + 280*day, Events: []int64{11}, Disputes: []bool{false}},
		{ID: 103, At: aug2022 + 900*day, Events: []int64{12}}, // out of view
	}
	in.ShowQuotes = true
	return in
}

func TestBuilder_StatementsRowMarksQuotesAndConnectsThem(t *testing.T) {
	in := statementInput()
	in.Palette.Disputed.R = 0xee
	var b Builder
	var s Scene
	b.Build(in, &s)
	if s.Top != in.Metrics.AxisHeight+statementsHeight(in) || statementsHeight(in) == 0 {
		t.Fatalf("lanes start at %v, want below the statements row", s.Top)
	}
	if len(s.QuoteHits) != 2 {
		t.Fatalf("%d quote marks, want 2 (two quotes said together, one alone, one out of view)", len(s.QuoteHits))
	}
	x := in.Viewport.X(aug2022 + 280*day)
	y := in.Metrics.AxisHeight + statementsHeight(in)/2
	if got := s.QuoteHitTest(x, y); got != 100 {
		t.Errorf("QuoteHitTest at the pair's mark = %d, want 100", got)
	}
	if got := s.HitTest(x, y); got != 0 {
		t.Errorf("HitTest on the statements row found item %d", got)
	}
	// Connectors: the pair to items 10 and 11 (once each), the lone quote to 10.
	var lines, disputes int
	for _, p := range s.Prims {
		if p.Kind == PrimLine && p.Y > in.Metrics.AxisHeight+1 && p.Y < s.Top && p.Y2 >= s.Top {
			lines++
			if p.Stroke == in.Palette.Disputed {
				disputes++
			}
		}
	}
	if lines != 3 || disputes != 1 {
		t.Errorf("%d connectors (%d disputing), want 3 (1)", lines, disputes)
	}

	// Hidden, the row takes no room and draws nothing.
	in.ShowQuotes = false
	b.Build(in, &s)
	if s.Top != in.Metrics.AxisHeight || len(s.QuoteHits) != 0 {
		t.Errorf("hidden statements row: top %v, %d marks", s.Top, len(s.QuoteHits))
	}
}

func BenchmarkBuilder_BuildWithStatements(b *testing.B) {
	// 1M items and 100k quotes, a narrow window: only the quotes in view cost.
	const n = 1_000_000
	items := make([]testItem, n)
	for i := range items {
		at := aug2022 + float64(i)*60
		items[i] = testItem{ID: int64(i + 1), Lane: i % 2, Start: at, End: at, Earliest: at, Latest: at, Title: "Event"}
	}
	quotes := make([]QuoteMark, n/10)
	for i := range quotes {
		quotes[i] = QuoteMark{ID: int64(i + 1), At: aug2022 + float64(i)*600, Events: []int64{int64(10*i + 1)}, Disputes: []bool{false}}
	}
	in := sceneInput(items, NewViewport(aug2022+400*day, aug2022+400*day+6*3600, 1200))
	in.Index = indexOf(items, 2)
	in.Quotes, in.ShowQuotes = quotes, true
	var bd Builder
	var s Scene
	b.ResetTimer()
	for range b.N {
		bd.Build(in, &s)
	}
}

func TestOutline_Dashes(t *testing.T) {
	tests := []struct {
		name      string
		o         Outline
		segments  int
		onLength  float64 // total length of the dashes
		firstDash [4]float64
	}{
		// A 10×10 square: 40 around, four 6+4 periods, the pattern
		// landing exactly on each corner.
		{"square, dashed", Outline{Shape: OutlineRect, W: 10, H: 10, Dash: 6, Gap: 4}, 4, 24, [4]float64{0, 0, 6, 0}},
		// 12×8: 40 around; dashes cross the corners at 12 and 20 and 32, split in two.
		{"oblong, dashed", Outline{Shape: OutlineRect, W: 12, H: 8, Dash: 6, Gap: 4}, 6, 24, [4]float64{0, 0, 6, 0}},
		{"dotted", Outline{Shape: OutlineRect, X: 5, Y: 5, W: 10, H: 10, Dash: 2, Gap: 3}, 8, 16, [4]float64{5, 5, 7, 5}},
		{"no pattern", Outline{Shape: OutlineRect, W: 10, H: 10}, 0, 0, [4]float64{}},
		{"empty", Outline{Shape: OutlineDiamond, Dash: 6, Gap: 4}, 0, 0, [4]float64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n int
			var on float64
			var first [4]float64
			for d := range tt.o.Dashes() {
				if n == 0 {
					first = d
				}
				n++
				on += math.Hypot(d[2]-d[0], d[3]-d[1])
			}
			if n != tt.segments || math.Abs(on-tt.onLength) > 1e-9 || first != tt.firstDash {
				t.Errorf("%d segments, %.2f long, first %v; want %d, %.2f, %v", n, on, first, tt.segments, tt.onLength, tt.firstDash)
			}
		})
	}
}

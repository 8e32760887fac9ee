package timeline

import (
	"image/color"
	"slices"
	"testing"
)

// measure7 measures text at 7 px per rune and 16 px high.
func measure7(s string, _ float64, _ bool) (float64, float64) {
	return 7 * float64(len([]rune(s))), 16
}

const day = 86400.0

// aug2022 is 2022-08-01T00:00:00Z.
const aug2022 = 1659312000.0

func sceneInput(items []testItem, vp Viewport) *Input {
	return &Input{
		Viewport: vp,
		Height:   500,
		Lanes: []Lane{
			{Name: "Drone transfers", Color: color.NRGBA{0x1f, 0x77, 0xb4, 0xff}},
			{Name: "Sanctions", Color: color.NRGBA{0xf2, 0xc1, 0x4e, 0xff}},
		},
		Events:  eventsOf(items),
		Metrics: DefaultMetrics(),
		Measure: measure7,
	}
}

func point(id int64, lane int, at float64, title string) testItem {
	return testItem{ID: id, Lane: lane, Start: at, End: at, Earliest: at, Latest: at, Title: title}
}

func TestBuilder_StacksOverlappingItemsOnSeparateRows(t *testing.T) {
	items := []testItem{
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
	items := []testItem{point(1, 0, aug2022, "Early"), point(2, 0, aug2022+400*day, "Late")}
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
	items := []testItem{{ID: 1, Lane: 0, Start: aug2022, End: aug2022 + 300*day, Range: true, Earliest: aug2022, Latest: aug2022 + 300*day, Title: "Long"}}
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
	var items []testItem
	for i := range 20 {
		items = append(items, testItem{ID: int64(i + 1), Lane: 0, Start: aug2022, End: aug2022 + 10*day, Range: true, Earliest: aug2022, Latest: aug2022 + 10*day, Title: "Same"})
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
		if p.Kind == PrimText && p.Text == "16 more events in the strip below" {
			found = true
		}
	}
	if !found {
		t.Error("no overflow count shown")
	}
	// The 16 identical items that did not fit share one mark in the strip.
	marks := 0
	for _, p := range s.Prims {
		if p.Kind == PrimRect && p.H == 6 {
			marks++
		}
	}
	if marks != 1 {
		t.Errorf("%d overflow marks for 16 identical items, want 1", marks)
	}
}

func TestBuilder_CollapsedLaneDrawsNoItems(t *testing.T) {
	items := []testItem{point(1, 0, aug2022, "Hidden"), point(2, 1, aug2022, "Shown")}
	vp := NewViewport(aug2022-10*day, aug2022+10*day, 800)
	for _, indexed := range []bool{false, true} {
		in := sceneInput(items, vp)
		in.Lanes[0].Collapsed = true
		if indexed {
			in.Index = indexOf(items, len(in.Lanes))
		}
		var b Builder
		var s Scene
		b.Build(in, &s)
		if _, ok := s.HitBox(1); ok {
			t.Errorf("indexed=%v: an item of a collapsed lane was drawn", indexed)
		}
		if _, ok := s.HitBox(2); !ok {
			t.Errorf("indexed=%v: an item of an open lane was not drawn", indexed)
		}
	}
}

// TestBuilder_ReportsTheItemsItDrewWithoutATitle: the scene names the
// items it placed with no title, those in view first, then those a short
// pan brings in; not those far away, nor those of dense or collapsed lanes.
func TestBuilder_ReportsTheItemsItDrewWithoutATitle(t *testing.T) {
	vp := NewViewport(aug2022, aug2022+100*day, 800)
	items := []testItem{
		point(1, 0, aug2022+50*day, ""),          // in view
		point(2, 0, aug2022+60*day, "Titled"),    // in view, with its title
		point(3, 0, aug2022-40*day, ""),          // a little before the view
		point(4, 0, aug2022+400*day, ""),         // far after it
		point(5, 1, aug2022+20*day, ""),          // in view, in the other lane
		point(6, 0, aug2022+120*day, "Later on"), // after the view, titled
	}
	for _, tt := range []struct {
		name    string
		indexed bool
		tweak   func(in *Input)
		want    []int64
	}{
		{"all", false, nil, []int64{1, 5, 3}},
		{"indexed", true, nil, []int64{1, 5, 3}},
		{"collapsed lane", true, func(in *Input) { in.Lanes[1].Collapsed = true }, []int64{1, 3}},
		{"dense lane", true, func(in *Input) { in.Metrics.DenseAbove = 0 }, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := sceneInput(items, vp)
			if tt.indexed {
				in.Index = indexOf(items, len(in.Lanes))
			}
			if tt.tweak != nil {
				tt.tweak(in)
			}
			var b Builder
			var s Scene
			b.Build(in, &s)
			got := s.Untitled
			if len(got) != len(tt.want) {
				t.Fatalf("untitled %v, want %v", got, tt.want)
			}
			// In view first, then near it; within each, any order.
			inView := map[int64]bool{1: true, 5: true}
			for k, id := range got {
				if !slices.Contains(tt.want, id) || (k > 0 && inView[id] && !inView[got[k-1]]) {
					t.Errorf("untitled %v, want %v with those in view first", got, tt.want)
					break
				}
			}
		})
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
		if got := TextOn(tt.bg, p); got != tt.want {
			t.Errorf("TextOn(%v) = %v, want %v", tt.bg, got, tt.want)
		}
	}
}

func BenchmarkBuilder_Build(b *testing.B) {
	var items []testItem
	for i := range 1000 {
		at := aug2022 + float64(i)*0.4*day
		if i%5 == 0 {
			items = append(items, testItem{ID: int64(i + 1), Lane: i % 2, Start: at, End: at + 20*day, Range: true, Earliest: at, Latest: at + 20*day, Title: "A range event"})
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

func labelOf(s *Scene, prefix string) (Prim, bool) {
	for _, p := range s.Prims {
		if p.Kind == PrimText && len(p.Text) >= len(prefix) && p.Text[:len(prefix)] == prefix {
			return p, true
		}
	}
	return Prim{}, false
}

func TestBuilder_PlacesLabelsInsideTheView(t *testing.T) {
	vp := NewViewport(aug2022, aug2022+100*day, 800) // 8 px a day
	tests := []struct {
		name   string
		item   testItem
		prefix string
		check  func(t *testing.T, p Prim)
	}{
		{"point near the right edge: label before the marker",
			point(1, 0, aug2022+95*day, "Late event"), "Late event",
			func(t *testing.T, p Prim) {
				if p.X+70 > vp.X(aug2022+95*day) {
					t.Errorf("label at %v runs past its marker at %v", p.X, vp.X(aug2022+95*day))
				}
			}},
		{"long label with room nowhere: shortened",
			point(1, 0, aug2022+50*day, "An event whose title is far too long to fit on either side of its marker in this view"), "An event",
			func(t *testing.T, p Prim) {
				if w, _ := measure7(p.Text, 0, false); p.X+w > 800 || p.Text[len(p.Text)-len("…"):] != "…" {
					t.Errorf("label %q at %v, %v px wide, overflows or lacks an ellipsis", p.Text, p.X, w)
				}
			}},
		{"wide bar, long label: shortened inside the bar",
			testItem{ID: 1, Start: aug2022 + 10*day, End: aug2022 + 30*day, Range: true, Earliest: aug2022 + 10*day, Latest: aug2022 + 30*day,
				Title: "A bar whose title is longer than the bar itself is wide"}, "A bar",
			func(t *testing.T, p Prim) {
				if w, _ := measure7(p.Text, 0, false); p.X < vp.X(aug2022+10*day) || p.X+w > vp.X(aug2022+30*day) {
					t.Errorf("label %q [%v, %v] not inside the bar", p.Text, p.X, p.X+w)
				}
			}},
		{"bar running off the right edge: label in view",
			testItem{ID: 1, Start: aug2022 + 80*day, End: aug2022 + 400*day, Range: true, Earliest: aug2022 + 80*day, Latest: aug2022 + 400*day, StartUncertain: true,
				Title: "Strikes on infrastructure"}, "Strikes",
			func(t *testing.T, p Prim) {
				if w, _ := measure7(p.Text, 0, false); p.X < 0 || p.X+w > 800 {
					t.Errorf("label %q [%v, %v] outside the view", p.Text, p.X, p.X+w)
				}
			}},
		{"bar starting left of the view: label pinned to its visible part",
			testItem{ID: 1, Start: aug2022 - 40*day, End: aug2022 + 40*day, Range: true, Earliest: aug2022 - 40*day, Latest: aug2022 + 40*day,
				Title: "Shipments under way"}, "Shipments",
			func(t *testing.T, p Prim) {
				if w, _ := measure7(p.Text, 0, false); p.X < 0 || p.X > 10 || p.X+w > vp.X(aug2022+40*day) {
					t.Errorf("label %q [%v, %v] not at the left of the bar's visible part [0, %v]", p.Text, p.X, p.X+w, vp.X(aug2022+40*day))
				}
			}},
		{"bar starting left of the view, a sliver of it in view: label after it",
			testItem{ID: 1, Start: aug2022 - 40*day, End: aug2022 + 2*day, Range: true, Earliest: aug2022 - 40*day, Latest: aug2022 + 2*day,
				Title: "Shipments under way"}, "Shipments",
			func(t *testing.T, p Prim) {
				if p.X < vp.X(aug2022+2*day) || p.X > vp.X(aug2022+2*day)+10 {
					t.Errorf("label at %v, want just after the bar's end at %v", p.X, vp.X(aug2022+2*day))
				}
			}},
		{"point known to a month, its marker left of the view: label on its band",
			testItem{ID: 1, Start: aug2022 - 20*day, End: aug2022 - 20*day, Earliest: aug2022 - 20*day, Latest: aug2022 + 30*day,
				Title: "Iran prepares drones"}, "Iran prepares",
			func(t *testing.T, p Prim) {
				if w, _ := measure7(p.Text, 0, false); p.X < 0 || p.X > 10 || p.X+w > vp.X(aug2022+30*day) {
					t.Errorf("label %q [%v, %v] not on the band's visible part [0, %v]", p.Text, p.X, p.X+w, vp.X(aug2022+30*day))
				}
			}},
		{"point known to a month, a sliver of its band in view: label after the band",
			testItem{ID: 1, Start: aug2022 - 20*day, End: aug2022 - 20*day, Earliest: aug2022 - 20*day, Latest: aug2022 + 3*day,
				Title: "White House says Iran is preparing to send Russia hundreds of drones"}, "White House",
			func(t *testing.T, p Prim) {
				if w, _ := measure7(p.Text, 0, false); p.X < vp.X(aug2022+3*day) || p.X+w > 800 {
					t.Errorf("label %q [%v, %v], want after the band's end at %v and in view", p.Text, p.X, p.X+w, vp.X(aug2022+3*day))
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b Builder
			var s Scene
			b.Build(sceneInput([]testItem{tt.item}, vp), &s)
			if _, ok := s.HitBox(1); !ok {
				t.Fatal("the item is not drawn")
			}
			p, ok := labelOf(&s, tt.prefix)
			if !ok {
				t.Fatalf("no label starting %q drawn", tt.prefix)
			}
			tt.check(t, p)
		})
	}
}

func TestBuilder_NoLabelForAMarkerOffScreen(t *testing.T) {
	vp := NewViewport(aug2022, aug2022+100*day, 800)
	items := []testItem{
		point(1, 0, aug2022-day, "Just before the view"),
		point(2, 0, aug2022+101*day, "Just after the view"),
	}
	var b Builder
	var s Scene
	b.Build(sceneInput(items, vp), &s)
	for _, prefix := range []string{"Just before", "Just after"} {
		if p, ok := labelOf(&s, prefix); ok {
			t.Errorf("label %q drawn at %v for a marker off screen", p.Text, p.X)
		}
	}
}

func TestFormatCount(t *testing.T) {
	tests := map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 65536: "65,536", 1000000: "1,000,000", -12345: "-12,345"}
	for n, want := range tests {
		if got := FormatCount(n); got != want {
			t.Errorf("FormatCount(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestPlural(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{{0, "0 events"}, {1, "1 event"}, {2, "2 events"}, {1234, "1,234 events"}}
	for _, tt := range tests {
		if got := Plural(tt.n, "event", "events"); got != tt.want {
			t.Errorf("Plural(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestMetrics_Scaled(t *testing.T) {
	m := DefaultMetrics()
	s := m.Scaled(2)
	if s.TextSize != 2*m.TextSize || s.RowHeight != 2*m.RowHeight || s.MaxRows != m.MaxRows || s.DenseAbove != m.DenseAbove {
		t.Errorf("Scaled(2) = %+v from %+v", s, m)
	}
	if m.Scaled(0) != m || m.Scaled(-1) != m {
		t.Error("a non-positive scale changed the metrics")
	}
}

// testItem is an event as tests write it, with everything Events holds
// beside an Item in one place.
type testItem struct {
	ID                           int64
	Lane                         int
	Start, End                   float64
	Earliest, Latest             float64
	Range                        bool
	StartUncertain, EndUncertain bool
	Style                        Style
	Title                        string
	Match                        bool
}

// eventsOf turns test items into the Events a scene draws.
func eventsOf(items []testItem) Events {
	ev := Events{Items: make([]Item, len(items)), Earliest: map[int64]float64{}, Titles: map[int64]string{}, Matches: map[int64]bool{}}
	for i, t := range items {
		ev.Items[i] = Item{ID: t.ID, Lane: int32(t.Lane), Start: t.Start, End: t.End, Latest: max(t.Latest, t.End), Range: t.Range,
			StartUncertain: t.StartUncertain, EndUncertain: t.EndUncertain, Style: t.Style}
		if t.Earliest < t.Start {
			ev.Earliest[t.ID] = t.Earliest
		}
		if t.Title != "" {
			ev.Titles[t.ID] = t.Title
		}
		if t.Match {
			ev.Matches[t.ID] = true
		}
	}
	return ev
}

// indexOf indexes test items over lanes.
func indexOf(items []testItem, lanes int) *Index {
	ev := eventsOf(items)
	return NewIndex(ev.Items, ev.Earliest, lanes)
}

// TestBuilder_AxisLabelsStayInTheView: at widths and windows where a tick
// falls just inside the right edge, its label is left out rather than cut,
// and the axis still has labels.
func TestBuilder_AxisLabelsStayInTheView(t *testing.T) {
	tests := []struct {
		name     string
		from, to float64
		width    float64
	}{
		{"days, 1 Aug to 15 Oct", aug2022, aug2022 + 75*day, 797},
		{"a year", aug2022, aug2022 + 365*day, 1003},
		{"an hour", aug2022, aug2022 + 3600, 611},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for w := tt.width; w < tt.width+40; w++ {
				in := sceneInput(nil, NewViewport(tt.from, tt.to, w))
				var b Builder
				var s Scene
				b.Build(in, &s)
				labels := 0
				for _, p := range s.Prims {
					if p.Kind != PrimText || p.Y >= in.Metrics.AxisHeight {
						continue
					}
					labels++
					if tw, _ := measure7(p.Text, 0, false); p.X+tw > w {
						t.Errorf("width %v: axis label %q at %v runs past the edge", w, p.Text, p.X)
					}
				}
				if labels < 2 {
					t.Errorf("width %v: only %d axis labels", w, labels)
				}
			}
		})
	}
}

package timeline

import (
	"testing"
	"time"
)

// at returns the Unix time of a calendar time in UTC.
func at(y int, m time.Month, d, h, min, s int) float64 {
	return float64(time.Date(y, m, d, h, min, s, 0, time.UTC).Unix())
}

func TestScene_GrabAt(t *testing.T) {
	// A bar from x 100 to 400 with its label inside, a point at x 600 and
	// a bar only 9 px wide, in one lane.
	items := []testItem{
		{ID: 1, Lane: 0, Start: aug2022, End: aug2022 + 300*day, Range: true, Earliest: aug2022, Latest: aug2022 + 300*day, Title: "Bar"},
		point(2, 0, aug2022+500*day, "Point"),
		{ID: 3, Lane: 1, Start: aug2022 + 700*day, End: aug2022 + 709*day, Range: true, Earliest: aug2022 + 700*day, Latest: aug2022 + 709*day},
	}
	var b Builder
	var s Scene
	b.Build(sceneInput(items, NewViewport(aug2022-100*day, aug2022+900*day, 1000)), &s)
	bar, _ := s.HitBox(1)
	pt, _ := s.HitBox(2)
	narrow, _ := s.HitBox(3)
	barY, ptY, narrowY := (bar.Y0+bar.Y1)/2, (pt.Y0+pt.Y1)/2, (narrow.Y0+narrow.Y1)/2
	if bar.MarkX0 != 100 || bar.MarkX1 != 400 || !bar.Range || pt.Range {
		t.Fatalf("bar drawn over [%v, %v] (range %v), point range %v", bar.MarkX0, bar.MarkX1, bar.Range, pt.Range)
	}
	tests := []struct {
		name string
		x, y float64
		id   int64
		grab Grab
	}{
		{"middle of a bar", 250, barY, 1, GrabBody},
		{"on a bar's start", 100, barY, 1, GrabStart},
		{"just inside a bar's start", 104, barY, 1, GrabStart},
		{"just outside a bar's start", 99, barY, 1, GrabStart},
		{"past a bar's start zone", 106, barY, 1, GrabBody},
		{"on a bar's end", 400, barY, 1, GrabEnd},
		{"just inside a bar's end", 396, barY, 1, GrabEnd},
		{"a point's marker", 600, ptY, 2, GrabBody},
		{"a point's label", 630, ptY, 2, GrabBody},
		{"the middle third of a narrow bar", 804.5, narrowY, 3, GrabBody},
		{"a narrow bar's start", 801, narrowY, 3, GrabStart},
		{"a narrow bar's end", 808.5, narrowY, 3, GrabEnd},
		{"empty space", 500, barY, 0, GrabNone},
		{"the axis", 250, 5, 0, GrabNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, g := s.GrabAt(tt.x, tt.y, 5)
			if h.ID != tt.id || g != tt.grab {
				t.Errorf("GrabAt(%v, %v) = item %d, grab %d; want %d, %d", tt.x, tt.y, h.ID, g, tt.id, tt.grab)
			}
			if h.ID != 0 && items[h.Item].ID != h.ID {
				t.Errorf("hit of item %d points at item index %d", h.ID, h.Item)
			}
		})
	}
}

func TestScene_LaneAt(t *testing.T) {
	var b Builder
	var s Scene
	b.Build(sceneInput([]testItem{point(1, 0, aug2022, "A"), point(2, 1, aug2022, "B")}, NewViewport(aug2022-day, aug2022+day, 800)), &s)
	second := s.Lanes[1]
	tests := []struct {
		y    float64
		lane int
		ok   bool
	}{
		{s.Top - 1, 0, false},
		{s.Lanes[0].Y, 0, true},
		{second.Y - 0.5, 0, true},
		{second.Y, 1, true},
		{second.Y + second.Height - 0.5, 1, true},
		{second.Y + second.Height + 1, 0, false},
	}
	for _, tt := range tests {
		if l, ok := s.LaneAt(tt.y); l != tt.lane || ok != tt.ok {
			t.Errorf("LaneAt(%v) = %d, %v; want %d, %v", tt.y, l, ok, tt.lane, tt.ok)
		}
	}
}

func TestSnapUnit(t *testing.T) {
	tests := []struct {
		name string
		span float64
		want Unit
	}{
		{"a minute across 800 px", 60, Second},
		{"an hour", 3600, Minute},
		{"a day", day, Hour},
		{"a month: a day is 26 px", 30 * day, Day},
		{"a year: a day is 2 px, a month 66", 365 * day, Month},
		{"twenty years", 20 * 365 * day, Year},
		{"ten thousand years", 10000 * 365 * day, Year},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SnapUnit(NewViewport(aug2022, aug2022+tt.span, 800), 10); got != tt.want {
				t.Errorf("SnapUnit = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSnap(t *testing.T) {
	tests := []struct {
		t    float64
		u    Unit
		want float64
	}{
		{at(2022, 8, 15, 11, 59, 0), Day, at(2022, 8, 15, 0, 0, 0)},
		{at(2022, 8, 15, 12, 0, 1), Day, at(2022, 8, 16, 0, 0, 0)},
		{at(2022, 8, 15, 0, 0, 0), Day, at(2022, 8, 15, 0, 0, 0)},
		{at(2022, 8, 16, 0, 0, 0), Month, at(2022, 8, 1, 0, 0, 0)},
		{at(2022, 8, 17, 0, 0, 0), Month, at(2022, 9, 1, 0, 0, 0)},
		{at(2022, 2, 15, 1, 0, 0), Month, at(2022, 3, 1, 0, 0, 0)}, // February is short
		{at(2022, 12, 20, 0, 0, 0), Month, at(2023, 1, 1, 0, 0, 0)},
		{at(2022, 6, 30, 0, 0, 0), Year, at(2022, 1, 1, 0, 0, 0)},
		{at(2022, 7, 3, 0, 0, 0), Year, at(2023, 1, 1, 0, 0, 0)},
		{at(-43, 3, 1, 0, 0, 0), Year, at(-43, 1, 1, 0, 0, 0)}, // 44 BC
		{at(2022, 8, 15, 14, 29, 59), Hour, at(2022, 8, 15, 14, 0, 0)},
		{at(2022, 8, 15, 14, 30, 0), Hour, at(2022, 8, 15, 15, 0, 0)},
		{at(2022, 8, 15, 14, 30, 29) + 0.4, Minute, at(2022, 8, 15, 14, 30, 0)},
		{at(2022, 8, 15, 14, 30, 29) + 0.6, Second, at(2022, 8, 15, 14, 30, 30)},
		{at(1969, 12, 31, 23, 0, 0), Day, at(1970, 1, 1, 0, 0, 0)}, // before the epoch
		{at(1969, 12, 31, 1, 0, 0), Day, at(1969, 12, 31, 0, 0, 0)},
	}
	for _, tt := range tests {
		if got := Snap(tt.t, tt.u); got != tt.want {
			t.Errorf("Snap(%s, %v) = %s, want %s", utc(tt.t), tt.u, utc(got), utc(tt.want))
		}
	}
}

func TestDragTimes(t *testing.T) {
	start, end := at(2022, 8, 1, 0, 0, 0), at(2023, 5, 15, 0, 0, 0)
	tests := []struct {
		name       string
		dt         float64
		g          Grab
		u          Unit
		start, end float64
	}{
		{"body by 9.6 days, to days", 9.6 * day, GrabBody, Day, at(2022, 8, 11, 0, 0, 0), at(2023, 5, 25, 0, 0, 0)},
		{"body back by 3.2 days", -3.2 * day, GrabBody, Day, at(2022, 7, 29, 0, 0, 0), at(2023, 5, 12, 0, 0, 0)},
		{"body by 40 days, to months: length kept", 40 * day, GrabBody, Month, at(2022, 9, 1, 0, 0, 0), at(2023, 5, 15, 0, 0, 0) + 31*day},
		{"start edge by 20 days", 20.2 * day, GrabStart, Day, at(2022, 8, 21, 0, 0, 0), end},
		{"end edge by a month, to months", 17 * day, GrabEnd, Month, start, at(2023, 6, 1, 0, 0, 0)},
		{"end edge past the start", -400 * day, GrabEnd, Day, start, at(2022, 4, 10, 0, 0, 0)},
		{"nothing grabbed", 10 * day, GrabNone, Day, start, end},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, e := DragTimes(start, end, tt.dt, tt.g, tt.u)
			if s != tt.start || e != tt.end {
				t.Errorf("DragTimes = %s – %s, want %s – %s", utc(s), utc(e), utc(tt.start), utc(tt.end))
			}
		})
	}
}

func TestSpanLabel(t *testing.T) {
	d := at(2023, 5, 15, 0, 0, 0)
	tests := []struct {
		start, end float64
		u          Unit
		want       string
	}{
		{d, d, Day, "Mon 15 May 2023"},
		{d, d + day, Day, "Mon 15 May 2023"},
		{d, d + 2*day, Day, "Mon 15 May 2023 – Tue 16 May 2023"},
		{at(2022, 8, 1, 0, 0, 0), at(2023, 6, 1, 0, 0, 0), Month, "Aug 2022 – May 2023"},
		{at(2022, 1, 1, 0, 0, 0), at(2023, 1, 1, 0, 0, 0), Year, "2022"},
		{d + 14*3600 + 30*60, d + 16*3600, Minute, "Mon 15 May 2023 14:30 – Mon 15 May 2023 16:00"},
		{d + 5, d + 5, Second, "Mon 15 May 2023 00:00:05"},
		{at(-43, 1, 1, 0, 0, 0), at(-43, 1, 1, 0, 0, 0), Year, "44 BC"},
	}
	for _, tt := range tests {
		if got := SpanLabel(tt.start, tt.end, tt.u, nil); got != tt.want {
			t.Errorf("SpanLabel(%s, %s, %v) = %q, want %q", utc(tt.start), utc(tt.end), tt.u, got, tt.want)
		}
	}
}

func TestBuilder_DraggedItemIsFaintAndUnlabelled(t *testing.T) {
	items := []testItem{{ID: 1, Lane: 0, Start: aug2022, End: aug2022 + 300*day, Range: true, Earliest: aug2022, Latest: aug2022 + 300*day, Title: "Bar"}}
	in := sceneInput(items, NewViewport(aug2022-100*day, aug2022+900*day, 1000))
	var b Builder
	var s Scene
	bar := func() (fill uint8, labelled bool) {
		b.Build(in, &s)
		for _, p := range s.Prims {
			switch {
			case p.Kind == PrimText && p.Text == "Bar":
				labelled = true
			case p.Kind == PrimRect && p.Fill.R == 0x1f && p.Fill.B == 0xb4:
				fill = p.Fill.A
			}
		}
		return fill, labelled
	}
	if a, labelled := bar(); a != 0xff || !labelled {
		t.Fatalf("bar drawn with alpha %#x, labelled %v", a, labelled)
	}
	in.Emphasis.Dragged = 1
	if a, labelled := bar(); a >= 0x80 || labelled {
		t.Errorf("dragged bar drawn with alpha %#x, labelled %v", a, labelled)
	}
}

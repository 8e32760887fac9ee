package view

import (
	"image/color"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/quoteline/quoteline/timeline"
)

// dragAlong drags on tl from one point to another as the desktop driver
// does: each event has the pointer's position and how far it moved since
// the last (the first, since it was pressed), and DragEnd comes last.
func dragAlong(tl *Timeline, from, to fyne.Position) {
	dragSteps(tl, from, to)
	tl.DragEnd()
}

// dragSteps is dragAlong without letting go.
func dragSteps(tl *Timeline, from, to fyne.Position) {
	const steps = 4
	prev := from
	for i := 1; i <= steps; i++ {
		f := float32(i) / steps
		p := fyne.NewPos(from.X+(to.X-from.X)*f, from.Y+(to.Y-from.Y)*f)
		tl.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-prev.X, p.Y-prev.Y)})
		prev = p
	}
}

// moves records the OnMoved and OnResized calls of a timeline.
type moves struct {
	moved   []moveCall
	resized []resizeCall
}

type moveCall struct {
	id   int64
	dt   float64
	lane int
}

type resizeCall struct {
	id         int64
	start, end float64
}

func record(tl *Timeline) *moves {
	m := &moves{}
	tl.OnMoved = func(id int64, dt float64, lane int) { m.moved = append(m.moved, moveCall{id, dt, lane}) }
	tl.OnResized = func(id int64, start, end float64) { m.resized = append(m.resized, resizeCall{id, start, end}) }
	return m
}

// utcDate is the start of a day in UTC.
func utcDate(y int, m time.Month, d int) float64 {
	return float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix())
}

func TestTimeline_DragMovesAnEvent(t *testing.T) {
	tl, _ := newTimeline(t)
	rec := record(tl)
	// About 310 days across 800 px: a day is under 3 px, so moves snap to
	// months. 100 px is some 39 days: the range's start, 1 Aug 2022, goes
	// to 1 Sep 2022.
	from := centreOf(t, tl, 1)
	dragAlong(tl, from, from.AddXY(100, 0))
	want := moveCall{1, 31 * day, 0}
	if len(rec.moved) != 1 || rec.moved[0] != want || len(rec.resized) != 0 {
		t.Fatalf("moves %+v, resizes %+v; want one move %+v", rec.moved, rec.resized, want)
	}
	if tl.renderer.ghostBar.Visible() || tl.renderer.tipBox.Visible() {
		t.Error("the ghost is still shown after the drag")
	}
}

func TestTimeline_DragMovesAnEventToAnotherLane(t *testing.T) {
	tl, _ := newTimeline(t)
	rec := record(tl)
	from := centreOf(t, tl, 2) // 8 Sep 2022, in Sanctions
	lane0 := tl.renderer.scene.Lanes[0]
	to := fyne.NewPos(from.X-80, float32(lane0.Y+lane0.Height/2)) // 31 days earlier: nearest 1 Aug 2022
	dragSteps(tl, from, to)
	r := tl.renderer
	if !r.ghostMark.Visible() || r.ghostBar.Visible() {
		t.Errorf("ghost of a point: marker shown %v, bar shown %v", r.ghostMark.Visible(), r.ghostBar.Visible())
	}
	if gy := r.ghostMark.Position().Y + r.ghostMark.Size().Height/2; float64(gy) < lane0.Y || float64(gy) > lane0.Y+lane0.Height {
		t.Errorf("ghost at y %v, not in the first lane [%v, %v]", gy, lane0.Y, lane0.Y+lane0.Height)
	}
	if r.tipTitle.Text != "Aug 2022" || r.tipDetail.Text != "Move “Treasury sanctions” to Drone transfers" {
		t.Errorf("drag text %q, %q", r.tipTitle.Text, r.tipDetail.Text)
	}
	tl.DragEnd()
	if want := (moveCall{2, utcDate(2022, 8, 1) - utcDate(2022, 9, 8), 0}); len(rec.moved) != 1 || rec.moved[0] != want {
		t.Errorf("moves %+v, want %+v", rec.moved, want)
	}
}

func TestTimeline_DragSnapsToTheEventsPrecision(t *testing.T) {
	tl, _ := newTimeline(t)
	rec := record(tl)
	tl.Precision = func(int64) (timeline.Unit, timeline.Unit) { return timeline.Year, timeline.Day }
	from := centreOf(t, tl, 1)
	dragAlong(tl, from, from.AddXY(200, 0)) // 1 Aug 2022 + 78 days is nearest 1 Jan 2023
	if want := (moveCall{1, utcDate(2023, 1, 1) - t0, 0}); len(rec.moved) != 1 || rec.moved[0] != want {
		t.Errorf("moves %+v, want %+v", rec.moved, want)
	}
	// An end known to the day snaps as the zoom suggests, here to months.
	h, _ := tl.renderer.scene.HitBox(1)
	end := fyne.NewPos(float32(h.MarkX1)-1, float32(h.Y0+h.Y1)/2)
	dragAlong(tl, end, end.AddXY(-50, 0))
	if want := (resizeCall{1, t0, utcDate(2023, 5, 1)}); len(rec.resized) != 1 || rec.resized[0] != want {
		t.Errorf("resizes %+v, want %+v", rec.resized, want)
	}
}

func TestTimeline_DragOnAnEdgeResizes(t *testing.T) {
	tl, _ := newTimeline(t)
	rec := record(tl)
	h, _ := tl.renderer.scene.HitBox(1)
	end := fyne.NewPos(float32(h.MarkX1)-1, float32(h.Y0+h.Y1)/2)
	tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: end}})
	if tl.Cursor() != desktop.HResizeCursor {
		t.Error("no resize cursor over the end of a range")
	}
	// The end, 15 May 2023, back some 19 days: 1 May 2023.
	dragAlong(tl, end, end.AddXY(-50, 0))
	want := resizeCall{1, t0, utcDate(2023, 5, 1)}
	if len(rec.resized) != 1 || rec.resized[0] != want || len(rec.moved) != 0 {
		t.Fatalf("resizes %+v, moves %+v; want %+v", rec.resized, rec.moved, want)
	}
	start := fyne.NewPos(float32(h.MarkX0)+1, float32(h.Y0+h.Y1)/2)
	dragAlong(tl, start, start.AddXY(100, 0)) // 1 Aug 2022 + 39 days: 1 Sep 2022
	if want := (resizeCall{1, utcDate(2022, 9, 1), t0 + 287*day}); len(rec.resized) != 2 || rec.resized[1] != want {
		t.Errorf("resizes %+v, want then %+v", rec.resized, want)
	}
}

func TestTimeline_DragOnEmptySpacePans(t *testing.T) {
	tl, _ := newTimeline(t)
	rec := record(tl)
	before := tl.Viewport()
	dragAlong(tl, fyne.NewPos(700, 380), fyne.NewPos(580, 380))
	if want := before.Start() + 120*before.SecondsPerPixel(); !near(tl.Viewport().Start(), want, before.SecondsPerPixel()) {
		t.Errorf("start %v after dragging left by 120 px, want %v", tl.Viewport().Start(), want)
	}
	if len(rec.moved)+len(rec.resized) != 0 {
		t.Errorf("panning moved events: %+v %+v", rec.moved, rec.resized)
	}
}

func TestTimeline_TinyDragSelectsInsteadOfMoving(t *testing.T) {
	tl, _ := newTimeline(t)
	rec := record(tl)
	before := tl.Viewport()
	from := centreOf(t, tl, 2)
	dragAlong(tl, from, from.AddXY(3, 0))
	if len(rec.moved) != 0 || tl.Selected() != 2 || tl.Viewport() != before {
		t.Errorf("a 3 px drag moved %+v, selected %d, view moved %v", rec.moved, tl.Selected(), tl.Viewport() != before)
	}
}

func TestTimeline_EscapeCancelsADrag(t *testing.T) {
	tl, _ := newTimeline(t)
	rec := record(tl)
	from := centreOf(t, tl, 1)
	before := tl.Viewport()
	dragSteps(tl, from, from.AddXY(150, 0))
	if !tl.renderer.ghostBar.Visible() {
		t.Fatal("no ghost while dragging")
	}
	tl.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if tl.renderer.ghostBar.Visible() {
		t.Error("the ghost is still shown after Escape")
	}
	dragSteps(tl, from.AddXY(150, 0), from.AddXY(250, 0)) // the rest of the drag does nothing
	tl.DragEnd()
	if len(rec.moved) != 0 || tl.Viewport() != before {
		t.Errorf("after Escape: moves %+v, view moved %v", rec.moved, tl.Viewport() != before)
	}
}

func TestTimeline_ReadOnlyDragPans(t *testing.T) {
	tl, _ := newTimeline(t)
	rec := record(tl)
	tl.SetEditable(false)
	before := tl.Viewport()
	h, _ := tl.renderer.scene.HitBox(1)
	end := fyne.NewPos(float32(h.MarkX1)-1, float32(h.Y0+h.Y1)/2)
	tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: end}})
	if tl.Cursor() == desktop.HResizeCursor {
		t.Error("resize cursor on a read-only timeline")
	}
	dragAlong(tl, end, end.AddXY(-60, 0))
	if len(rec.moved)+len(rec.resized) != 0 || tl.Viewport() == before {
		t.Errorf("read-only drag: moves %+v, resizes %+v, panned %v", rec.moved, rec.resized, tl.Viewport() != before)
	}
}

// TestTimeline_DraggingDrawsOnlyTheGhost: while an event is dragged the
// scene is not built again, so the cost of a frame does not depend on the
// document.
func TestTimeline_DraggingDrawsOnlyTheGhost(t *testing.T) {
	tl, _ := newTimeline(t)
	record(tl)
	from := centreOf(t, tl, 1)
	dragSteps(tl, from, from.AddXY(20, 0)) // begins the move
	work := tl.Work()
	x0 := tl.renderer.ghostBar.Position().X
	dragSteps(tl, from.AddXY(20, 0), from.AddXY(300, 40))
	if tl.Work() != work {
		t.Errorf("dragging built scenes for %v", tl.Work()-work)
	}
	if tl.renderer.ghostBar.Position().X <= x0 {
		t.Errorf("ghost did not follow: x %v -> %v", x0, tl.renderer.ghostBar.Position().X)
	}
	tl.DragEnd()
}

// BenchmarkTimeline_DragFrame measures one pointer move of a drag in a
// document of a million events, two hours of them in view: moving an
// event (only its ghost is drawn again) against panning (the scene is
// built again).
func BenchmarkTimeline_DragFrame(b *testing.B) {
	tl, _, _, _ := minuteTimeline(b, false, fyne.NewSize(1280, 760), 7200)
	tl.OnMoved = func(int64, float64, int) {}
	h := tl.renderer.scene.Hits[len(tl.renderer.scene.Hits)/2]
	for _, tt := range []struct {
		name string
		from fyne.Position
	}{
		{"move", fyne.NewPos(float32(h.MarkX0+h.MarkX1)/2, float32(h.Y0+h.Y1)/2)},
		{"pan", fyne.NewPos(5, 750)},
	} {
		b.Run(tt.name, func(b *testing.B) {
			at := tt.from.AddXY(20, 0)
			dragSteps(tl, tt.from, at)
			step := float32(1)
			for b.Loop() {
				step = -step
				at = at.AddXY(step, 0)
				tl.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: at}, Dragged: fyne.NewDelta(step, 0)})
			}
			if tl.drag != nil {
				tl.cancelDrag()
			}
			tl.DragEnd()
		})
	}
}

// BenchmarkTimeline_ShowEdit measures what the timeline does on the UI
// goroutine to show an edit of one event in a document of a million, an
// hour in view: the index updated in place (the event moved a day and to
// another lane), the data set again, the scene built and painted.
func BenchmarkTimeline_ShowEdit(b *testing.B) {
	tl, ls, ev, index := minuteTimeline(b, true, fyne.NewSize(870, 560), 3600)
	n, lanes := len(ev.Items), int32(len(ls))
	from, to := n/2, n/2+1440 // from the middle of the view to a day later, in the next lane
	for b.Loop() {
		old := ev.Items[from]
		it := old
		it.Start = ev.Items[to].Start
		it.End, it.Latest, it.Lane = it.Start, it.Start+60, (it.Lane+1)%lanes
		if from < to {
			copy(ev.Items[from:to], ev.Items[from+1:to+1])
		} else {
			copy(ev.Items[to+1:from+1], ev.Items[to:from])
		}
		ev.Items[to] = it
		index.Move(ev.Items, from, to, old, old.Start, it.Start)
		tl.SetData(ls, ev, index)
		tl.renderer.paintScene(870, 560)
		from, to = to, from
	}
}

// minuteTimeline returns a timeline of a million events a minute apart in
// ten lanes (with titles if titled), in a test window of the size given,
// showing span seconds in the middle, and its data.
func minuteTimeline(b *testing.B, titled bool, size fyne.Size, span float64) (*Timeline, []timeline.Lane, timeline.Events, *timeline.Index) {
	test.NewTempApp(b)
	const n, lanes = 1_000_000, 10
	ls := make([]timeline.Lane, lanes)
	for l := range ls {
		ls[l] = timeline.Lane{Name: "Lane", Color: color.NRGBA{0x1f, 0x77, 0xb4, 0xff}}
	}
	ev := timeline.Events{Items: make([]timeline.Item, n), Titles: map[int64]string{}}
	for i := range ev.Items {
		at := t0 + float64(i)*60
		ev.Items[i] = timeline.Item{ID: int64(i + 1), Lane: int32(i % lanes), Start: at, End: at, Latest: at + 60}
		if titled {
			ev.Titles[int64(i+1)] = "Regulators extend a shipment in the capital"
		}
	}
	index := timeline.NewIndex(ev.Items, nil, lanes)
	tl := New()
	tl.SetData(ls, ev, index)
	w := test.NewTempWindow(b, tl)
	w.SetPadded(false)
	w.Resize(size)
	mid := t0 + n/2*60
	tl.MoveTo(mid-span/2, mid+span/2, 0)
	return tl, ls, ev, index
}

package app

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/quoteline/quoteline/data"
)

// dragOnTimeline drags on the main window's timeline by (dx, dy) from the
// middle of the bar or marker of event id (or from a pixel in from its
// start or end), as the desktop driver reports one pointer move and the
// button's release.
func dragOnTimeline(t *testing.T, m *mainWindow, id int64, at string, dx, dy float32) {
	t.Helper()
	h, ok := m.timeline.ItemBox(id)
	if !ok {
		t.Fatalf("event %d is not drawn", id)
	}
	x := float32(h.MarkX0+h.MarkX1) / 2
	switch at {
	case "start":
		x = float32(h.MarkX0) + 1
	case "end":
		x = float32(h.MarkX1) - 1
	}
	to := fyne.NewPos(x+dx, float32(h.Y0+h.Y1)/2+dy)
	m.timeline.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(dx, dy)})
	m.timeline.DragEnd()
}

// firstEvent returns the first stored event that ok accepts.
func firstEvent(t *testing.T, evs []data.Event, ok func(*data.Event) bool) data.Event {
	t.Helper()
	for _, ev := range evs {
		if ok(&ev) {
			return ev
		}
	}
	t.Fatal("no such event in the default timeline")
	return data.Event{}
}

// editExample opens the default timeline in a main window for editing,
// returning the channel each edit's outcome comes on and the events as
// stored.
func editExample(t *testing.T) (*mainWindow, chan error, []data.Event) {
	t.Helper()
	m := newMainWindow(test.NewTempApp(t), Options{Version: "test"})
	t.Cleanup(m.win.Close)
	if err := openAndWait(t, m, exampleDocument(t)); err != nil {
		t.Fatal(err)
	}
	store := m.doc.store
	t.Cleanup(func() { store.Close() })
	applied := make(chan error, 1)
	m.editor.applied = func(_ string, err error) { applied <- err }
	all, err := store.Events(m.life)
	if err != nil {
		t.Fatal(err)
	}
	return m, applied, all
}

func TestEditor_DragMovesAndUndoes(t *testing.T) {
	m, applied, all := editExample(t)
	waitShown := awaitDetails(t, m)
	stored := func(id int64) data.Event {
		t.Helper()
		ev, err := m.doc.store.Event(m.life, id)
		if err != nil {
			t.Fatal(err)
		}
		return ev
	}
	const day = 86400
	ev := firstEvent(t, all, func(e *data.Event) bool { return !e.HasEnd() && e.Start.Precision == data.PrecisionDay })

	// Two months across the view: days are wide enough to snap to.
	start := float64(ev.Start.Unix)
	m.timeline.MoveTo(start-30*day, start+30*day, 0)
	pxPerDay := float32(day / m.timeline.Viewport().SecondsPerPixel())
	before, _ := m.timeline.ItemBox(ev.ID)
	dragOnTimeline(t, m, ev.ID, "", 5*pxPerDay, 0)
	waitApplied(t, applied)
	waitShown()
	moved := stored(ev.ID)
	if want := ev.Start.Unix + 5*day; moved.Start.Unix != want || moved.Start.Precision != data.PrecisionDay || moved.LaneID != ev.LaneID {
		t.Errorf("moved to %v (%v) in lane %d; want %v in lane %d", moved.Start.Display(), moved.Start.Precision, moved.LaneID,
			data.Time{Unix: want, Precision: data.PrecisionDay}.Display(), ev.LaneID)
	}
	if sp, _, _ := m.doc.span(ev.ID); sp.Start != moved.Start {
		t.Errorf("the timeline shows it at %v, the document has %v", sp.Start.Display(), moved.Start.Display())
	}
	after, _ := m.timeline.ItemBox(ev.ID)
	if x0, x1 := (before.MarkX0+before.MarkX1)/2, (after.MarkX0+after.MarkX1)/2; !nearPx(x1-x0, 5*float64(pxPerDay), 1) {
		t.Errorf("drawn at x %v, want 5 days (%v px) right of %v", x1, 5*pxPerDay, x0)
	}
	if m.editor.undoItem.Label != "Undo Move event" {
		t.Errorf("undo item %q", m.editor.undoItem.Label)
	}
	m.editor.undoRedo(false)
	waitApplied(t, applied)
	waitShown()
	if back := stored(ev.ID); !reflect.DeepEqual(back, ev) {
		t.Errorf("undo left\n%+v\nwant\n%+v", back, ev)
	}

	// To another lane.
	h, _ := m.timeline.ItemBox(ev.ID)
	target := 0
	if m.doc.lanes[target].ID == ev.LaneID {
		target = 1
	}
	m.timeline.Select(0)
	dragOnTimeline(t, m, ev.ID, "", 0, laneMiddle(t, m, target)-float32(h.Y0+h.Y1)/2)
	waitApplied(t, applied)
	waitShown()
	if got := stored(ev.ID); got.LaneID != m.doc.lanes[target].ID || got.Start != ev.Start {
		t.Errorf("moved to lane %d at %v, want lane %d at %v", got.LaneID, got.Start.Display(), m.doc.lanes[target].ID, ev.Start.Display())
	}
	if want := "Undo Move event to " + m.doc.lanes[target].Name; m.editor.undoItem.Label != want {
		t.Errorf("undo item %q, want %q", m.editor.undoItem.Label, want)
	}
}

func TestEditor_DragAnEndPastTheStartIsRefused(t *testing.T) {
	m, applied, all := editExample(t)
	ev := firstEvent(t, all, func(e *data.Event) bool {
		return e.HasEnd() && e.Start.Precision == data.PrecisionDay && e.End.End()-e.Start.Unix < 200*86400
	})
	m.timeline.MoveTo(float64(ev.Start.Unix-100*86400), float64(ev.End.End()+100*86400), 0)
	h, _ := m.timeline.ItemBox(ev.ID)
	dragOnTimeline(t, m, ev.ID, "end", -float32(h.MarkX1-h.MarkX0)-60, 0)
	var fe *data.FieldError
	select {
	case err := <-applied:
		if !errors.As(err, &fe) || fe.Field != "end" {
			t.Errorf("saving an end before the start: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("edit not done within 10 s")
	}
	if got, err := m.doc.store.Event(m.life, ev.ID); err != nil || !reflect.DeepEqual(got, ev) {
		t.Errorf("refused edit changed the event (%v):\n%+v\nwas\n%+v", err, got, ev)
	}
	if !m.editor.undoItem.Disabled {
		t.Errorf("a refused edit can be undone: %q", m.editor.undoItem.Label)
	}
}

// laneMiddle returns the height of the middle of lane l's band on the
// timeline.
func laneMiddle(t *testing.T, m *mainWindow, l int) float32 {
	t.Helper()
	box, ok := m.timeline.LaneBox(l)
	if !ok {
		t.Fatalf("lane %d not drawn", l)
	}
	return float32(box.Y + box.Height/2)
}

// awaitDetails returns a function that waits for the details of an event
// to be shown. An edit that selects an event reads its details on another
// goroutine; the test driver runs what that hands to the UI goroutine on
// its own, so a test lets it finish before going on.
func awaitDetails(t *testing.T, m *mainWindow) func() {
	shown := make(chan int64, 8)
	m.detailsShown = func(id int64) { shown <- id }
	return func() {
		t.Helper()
		select {
		case <-shown:
		case <-time.After(10 * time.Second):
			t.Fatal("details not shown")
		}
	}
}

// nearPx reports whether a and b are within tol pixels.
func nearPx(a, b, tol float64) bool { return a-b <= tol && b-a <= tol }

func TestEditor_DragAnEndChangesDatesAndUndoes(t *testing.T) {
	m, applied, all := editExample(t)
	waitShown := awaitDetails(t, m)
	ev := firstEvent(t, all, func(e *data.Event) bool { return e.HasEnd() && e.Derivation != nil })
	m.timeline.MoveTo(float64(ev.Start.Unix-30*86400), float64(ev.End.End()+30*86400), 0)
	monthPx := float32(30 * 86400 / m.timeline.Viewport().SecondsPerPixel())
	dragOnTimeline(t, m, ev.ID, "end", -monthPx, 0)
	waitApplied(t, applied)
	waitShown()
	got, err := m.doc.store.Event(m.life, ev.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.End.Unix >= ev.End.Unix || got.End.Precision != ev.End.Precision || got.Start != ev.Start {
		t.Errorf("dates %s, were %s: want the end earlier, at its precision", data.DateText(&got), data.DateText(&ev))
	}
	if got.Derivation != nil {
		t.Errorf("dates set by hand still say they come from %q", got.Derivation.Expression)
	}
	if m.editor.undoItem.Label != "Undo Change event dates" {
		t.Errorf("undo item %q", m.editor.undoItem.Label)
	}
	m.editor.undoRedo(false)
	waitApplied(t, applied)
	waitShown()
	if back, err := m.doc.store.Event(m.life, ev.ID); err != nil || !reflect.DeepEqual(back, ev) {
		t.Errorf("undo left (%v)\n%+v\nwant\n%+v", err, back, ev)
	}
}

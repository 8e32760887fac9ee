package app

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data"
)

// dragOnTimeline drags on the window's timeline by (dx, dy) from the middle
// of the bar or marker of event id (or from a pixel in from its start or
// end), as the desktop driver reports one pointer move and the button's
// release.
func dragOnTimeline(t *testing.T, w *window, id int64, at string, dx, dy float32) {
	t.Helper()
	h, ok := w.timeline.ItemBox(id)
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
	w.timeline.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(dx, dy)})
	w.timeline.DragEnd()
}

// editExample opens the default timeline in a window for editing, and
// returns the events as stored and a way to read one as it is now.
func editExample(t *testing.T) (*window, *sessiontest.Owner, []data.Event, func(id int64) data.Event) {
	t.Helper()
	w, o, path := openExample(t)
	st, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	all, err := st.Events(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	stored := func(id int64) data.Event {
		t.Helper()
		ev, err := st.Event(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		return ev
	}
	return w, o, all, stored
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

// applied waits for an edit, and the details of the event it selects.
func applied(t *testing.T, o *sessiontest.Owner) {
	t.Helper()
	o.Edited()
	waitDetails(o)
}

// nearPx reports whether a and b are within tol pixels.
func nearPx(a, b, tol float64) bool { return a-b <= tol && b-a <= tol }

func TestWindow_DragMovesAndUndoes(t *testing.T) {
	w, o, all, stored := editExample(t)
	const day = 86400
	ev := firstEvent(t, all, func(e *data.Event) bool { return !e.HasEnd() && e.Start.Precision == data.PrecisionDay })

	// Two months across the view: days are wide enough to snap to.
	start := float64(ev.Start.Unix)
	w.timeline.MoveTo(start-30*day, start+30*day, 0)
	pxPerDay := float32(day / w.timeline.Viewport().SecondsPerPixel())
	before, _ := w.timeline.ItemBox(ev.ID)
	dragOnTimeline(t, w, ev.ID, "", 5*pxPerDay, 0)
	applied(t, o)
	moved := stored(ev.ID)
	if want := ev.Start.Unix + 5*day; moved.Start.Unix != want || moved.Start.Precision != data.PrecisionDay || moved.LaneID != ev.LaneID {
		t.Errorf("moved to %v (%v) in lane %d; want %v in lane %d", moved.Start.Display(), moved.Start.Precision, moved.LaneID,
			data.Time{Unix: want, Precision: data.PrecisionDay}.Display(), ev.LaneID)
	}
	if sp, _, _ := w.s.Doc().Span(ev.ID); sp.Start != moved.Start {
		t.Errorf("the timeline shows it at %v, the document has %v", sp.Start.Display(), moved.Start.Display())
	}
	after, _ := w.timeline.ItemBox(ev.ID)
	if x0, x1 := (before.MarkX0+before.MarkX1)/2, (after.MarkX0+after.MarkX1)/2; !nearPx(x1-x0, 5*float64(pxPerDay), 1) {
		t.Errorf("drawn at x %v, want 5 days (%v px) right of %v", x1, 5*pxPerDay, x0)
	}
	if w.menus.undo.Label != "Undo Move event" {
		t.Errorf("undo item %q", w.menus.undo.Label)
	}
	w.menus.undo.Action()
	applied(t, o)
	if back := stored(ev.ID); !reflect.DeepEqual(back, ev) {
		t.Errorf("undo left\n%+v\nwant\n%+v", back, ev)
	}

	// To another lane.
	h, _ := w.timeline.ItemBox(ev.ID)
	target := 0
	if w.s.Doc().Lanes()[target].ID == ev.LaneID {
		target = 1
	}
	box, ok := w.timeline.LaneBox(target)
	if !ok {
		t.Fatalf("lane %d not drawn", target)
	}
	w.timeline.Select(0)
	dragOnTimeline(t, w, ev.ID, "", 0, float32(box.Y+box.Height/2)-float32(h.Y0+h.Y1)/2)
	applied(t, o)
	if got := stored(ev.ID); got.LaneID != w.s.Doc().Lanes()[target].ID || got.Start != ev.Start {
		t.Errorf("moved to lane %d at %v, want lane %d at %v", got.LaneID, got.Start.Display(), w.s.Doc().Lanes()[target].ID, ev.Start.Display())
	}
	if want := "Undo Move event to " + w.s.Doc().Lanes()[target].Name; w.menus.undo.Label != want {
		t.Errorf("undo item %q, want %q", w.menus.undo.Label, want)
	}
}

func TestWindow_DragAnEndPastTheStartIsRefused(t *testing.T) {
	w, o, all, stored := editExample(t)
	ev := firstEvent(t, all, func(e *data.Event) bool {
		return e.HasEnd() && e.Start.Precision == data.PrecisionDay && e.End.End()-e.Start.Unix < 200*86400
	})
	w.timeline.MoveTo(float64(ev.Start.Unix-100*86400), float64(ev.End.End()+100*86400), 0)
	h, _ := w.timeline.ItemBox(ev.ID)
	dragOnTimeline(t, w, ev.ID, "end", -float32(h.MarkX1-h.MarkX0)-60, 0)
	var fe *data.FieldError
	if e := sessiontest.Next[session.Edited](o); !errors.As(e.Err, &fe) || fe.Field != "end" {
		t.Errorf("saving an end before the start: %v", e.Err)
	}
	topDialogSays(t, w, "end")
	if got := stored(ev.ID); !reflect.DeepEqual(got, ev) {
		t.Errorf("refused edit changed the event:\n%+v\nwas\n%+v", got, ev)
	}
	if !w.menus.undo.Disabled {
		t.Errorf("a refused edit can be undone: %q", w.menus.undo.Label)
	}
}

func TestWindow_DragAnEndChangesDatesAndUndoes(t *testing.T) {
	w, o, all, stored := editExample(t)
	ev := firstEvent(t, all, func(e *data.Event) bool { return e.HasEnd() && e.Derivation != nil })
	w.timeline.MoveTo(float64(ev.Start.Unix-30*86400), float64(ev.End.End()+30*86400), 0)
	monthPx := float32(30 * 86400 / w.timeline.Viewport().SecondsPerPixel())
	dragOnTimeline(t, w, ev.ID, "end", -monthPx, 0)
	applied(t, o)
	got := stored(ev.ID)
	if got.End.Unix >= ev.End.Unix || got.End.Precision != ev.End.Precision || got.Start != ev.Start {
		t.Errorf("dates %s, were %s: want the end earlier, at its precision", data.DateText(&got), data.DateText(&ev))
	}
	if got.Derivation != nil {
		t.Errorf("dates set by hand still say they come from %q", got.Derivation.Expression)
	}
	if w.menus.undo.Label != "Undo Change event dates" {
		t.Errorf("undo item %q", w.menus.undo.Label)
	}
	w.menus.undo.Action()
	applied(t, o)
	if back := stored(ev.ID); !reflect.DeepEqual(back, ev) {
		t.Errorf("undo left\n%+v\nwant\n%+v", back, ev)
	}
}

package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// presentExample opens the default timeline and enters present mode,
// returning once the first stop is shown.
func presentExample(t *testing.T) (*mainWindow, <-chan int) {
	t.Helper()
	a := test.NewTempApp(t)
	m := newMainWindow(a, Options{Version: "test"})
	t.Cleanup(func() { m.win.Close() })
	if err := openAndWait(t, m, exampleDocument(t)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.doc.store.Close() })
	m.win.Resize(fyne.NewSize(1920, 1080)) // the test driver's full screen keeps the window's size
	shown := make(chan int, 16)
	m.stopShown = func(at int) { shown <- at }
	m.present()
	waitStop(t, shown, 0)
	return m, shown
}

func waitStop(t *testing.T, shown <-chan int, want int) {
	t.Helper()
	select {
	case at := <-shown:
		if at != want {
			t.Fatalf("stop %d shown, want %d", at+1, want+1)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("stop %d not shown within 10 s", want+1)
	}
}

func TestPresent_WalksTheDefaultStory(t *testing.T) {
	m, shown := presentExample(t)
	p := m.presenting
	if p == nil {
		t.Fatal("not presenting")
	}
	if !m.win.FullScreen() || m.win.MainMenu() != nil {
		t.Error("present mode is not full screen without the menu")
	}
	if len(p.views) != 6 {
		t.Fatalf("%d stops, want the six-stop story", len(p.views))
	}

	// The first stop: its quote card, readable from five metres, and the
	// source always named.
	if !strings.Contains(p.quote.Text, "Since August, Iran has provided Russia with more than 400 UAVs") ||
		!strings.Contains(p.attrib.Text, "John Kirby, 15 May 2023") || !p.card.Visible() {
		t.Errorf("first card: %q %q (shown %v)", p.quote.Text, p.attrib.Text, p.card.Visible())
	}
	if size := p.quote.Theme().Size(p.quote.SizeName); size < 36 {
		t.Errorf("quote drawn at %v, want at least 36", size)
	}
	if !strings.HasPrefix(p.ref.Text, "Source: ") || p.progress.Text != "1 / 6" {
		t.Errorf("footer %q, %q", p.ref.Text, p.progress.Text)
	}

	// Clicker keys: forwards, back, to the end and past it, home.
	steps := []struct {
		key   fyne.KeyName
		shift bool
		want  int
	}{
		{fyne.KeyPageDown, false, 1},
		{fyne.KeySpace, false, 2},
		{fyne.KeySpace, true, 1},
		{fyne.KeyPageUp, false, 0},
		{fyne.KeyEnd, false, 5},
		{fyne.KeyHome, false, 0},
		{fyne.KeyRight, false, 1},
	}
	for _, s := range steps {
		p.key(s.key, s.shift)
		waitStop(t, shown, s.want)
	}
	if p.card.Visible() || !strings.HasPrefix(p.ref.Text, "Sources: ") || p.progress.Text != "2 / 6" {
		t.Errorf("stop 2 (no quote): card shown %v, footer %q, %q", p.card.Visible(), p.ref.Text, p.progress.Text)
	}
	p.key(fyne.KeyEnd, false)
	waitStop(t, shown, 5)
	p.key(fyne.KeyPageDown, false) // past the last stop: stays
	select {
	case at := <-shown:
		t.Errorf("stop %d shown after the last", at+1)
	default:
	}

	// The camera arrives at the stop's window.
	st := p.views[5].stop
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		vp := m.timeline.Viewport()
		if near(vp.Start(), float64(st.ViewStart)) && near(vp.End(), float64(st.ViewEnd)) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if vp := m.timeline.Viewport(); !near(vp.Start(), float64(st.ViewStart)) || !near(vp.End(), float64(st.ViewEnd)) {
		t.Errorf("view [%v, %v], want the stop's [%d, %d]", vp.Start(), vp.End(), st.ViewStart, st.ViewEnd)
	}
	if m.timeline.Selected() != st.EventID {
		t.Errorf("selected %d, want the stop's event %d", m.timeline.Selected(), st.EventID)
	}

	// B blanks; the next key brings the screen back without moving on.
	p.typed('b')
	if !p.blank.Visible() {
		t.Error("B did not blank the screen")
	}
	p.key(fyne.KeyPageUp, false)
	if p.blank.Visible() || p.at != 5 {
		t.Errorf("after blank: blank %v, at stop %d", p.blank.Visible(), p.at+1)
	}

	// Esc puts the window back.
	p.key(fyne.KeyEscape, false)
	if m.presenting != nil || m.win.FullScreen() || m.win.MainMenu() == nil || m.timeline.Scale() != 1 {
		t.Error("Esc did not restore the window")
	}
}

func near(a, b float64) bool { return a-b < 1 && b-a < 1 }

func TestShorten(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 10, "one two…"},
		{"abcdefghijkl", 5, "abcde…"},
		{"Ünïcödé wörds here", 9, "Ünïcödé…"},
	}
	for _, tt := range tests {
		if got := shorten(tt.in, tt.n); got != tt.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestStopsPanel_AddMoveDeleteUndo(t *testing.T) {
	m, _ := openExample(t)
	p := m.stops
	loaded := make(chan struct{}, 4)
	p.loaded = func() { loaded <- struct{}{} }
	wait := func(what string) {
		t.Helper()
		select {
		case <-loaded:
		case <-time.After(10 * time.Second):
			t.Fatalf("stops not read within 10 s after %s", what)
		}
	}
	m.side.SelectIndex(tabStops) // its stops are read now
	wait("showing the panel")
	if len(p.stops) != 6 || !p.empty.Hidden {
		t.Fatalf("%d stops listed (hint shown: %v), want the six-stop story", len(p.stops), !p.empty.Hidden)
	}

	// Add the current view, with an event selected, at the end.
	ev := m.doc.items[3].ID
	m.timeline.Select(ev)
	vp := m.timeline.Viewport()
	p.addCurrent()
	wait("adding")
	if len(p.stops) != 7 {
		t.Fatalf("%d stops after adding, want 7", len(p.stops))
	}
	added := p.stops[6]
	if added.EventID != ev || !near(float64(added.ViewStart), vp.Start()) || !near(float64(added.ViewEnd), vp.End()) {
		t.Errorf("added stop %+v does not hold the view [%v, %v] and event %d", added, vp.Start(), vp.End(), ev)
	}
	if p.selected != 6 {
		t.Errorf("selected %d after adding, want the new stop", p.selected)
	}

	// Drag it to the top: a drag of two rows' height moves it two up.
	p.move(6, 0)
	wait("moving")
	if p.stops[0].ID != added.ID {
		t.Fatalf("first stop %d after moving, want %d", p.stops[0].ID, added.ID)
	}
	row := newStopRow(p)
	row.Resize(fyne.NewSize(300, 40))
	row.set(0)
	row.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: 85}})
	row.DragEnd()
	wait("dragging")
	if p.stops[2].ID != added.ID {
		t.Errorf("after dragging 85 px down over 40 px rows the stop is at %d, want 3rd", p.selected+1)
	}

	// Delete it, then undo.
	p.deleteSelected()
	wait("deleting")
	if len(p.stops) != 6 || !p.undoBar.Visible() {
		t.Fatalf("%d stops after deleting (undo offered: %v)", len(p.stops), p.undoBar.Visible())
	}
	p.undoDelete()
	wait("undoing")
	if len(p.stops) != 7 || p.stops[2].ID != added.ID || p.stops[2].EventID != ev {
		t.Errorf("undo did not restore the stop in place: %+v", p.stops)
	}
}

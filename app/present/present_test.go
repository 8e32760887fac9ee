package present

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/timeline/view"
)

// presentExample opens the default timeline in a window and enters present
// mode, returning once the first stop is shown.
func presentExample(t *testing.T) (*sessiontest.Owner, *Presenter, fyne.Window, *view.Timeline) {
	t.Helper()
	test.NewTempApp(t)
	o := sessiontest.New(t, session.Options{})
	tl := view.New()
	o.S.Watch(func(e session.Event) {
		switch e := e.(type) {
		case session.Shown:
			sh := o.S.Showing()
			tl.SetData(sh.Lanes, sh.Events, sh.Index)
		case session.Selected:
			tl.Select(e.ID)
		case session.Redraw:
			tl.Refresh()
		}
	})
	if err := o.Open(sessiontest.Example(t)); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, container.NewStack(tl))
	w.SetMainMenu(fyne.NewMainMenu(fyne.NewMenu("File")))
	w.Resize(fyne.NewSize(1920, 1080)) // the test driver's full screen keeps the window's size
	var p *Presenter
	Start(o.S, w, tl, func(started *Presenter) { p = started })
	o.Until("the first stop", func() bool { return p != nil })
	return o, p, w, tl
}

func TestPresent_WalksTheDefaultStory(t *testing.T) {
	o, p, w, tl := presentExample(t)
	if !w.FullScreen() || w.MainMenu() != nil {
		t.Error("present mode is not full screen without the menu")
	}
	if len(p.views) != 6 || p.At() != 0 {
		t.Fatalf("%d stops, at %d; want the six-stop story from the first", len(p.views), p.At())
	}

	// The first stop: its quote card, readable from five metres, and the
	// source always named.
	c := &p.card
	if !strings.Contains(c.quote.Text, "Since August, Iran has provided Russia with more than 400 UAVs") ||
		!strings.Contains(c.attrib.Text, "John Kirby, 15 May 2023") || !c.box.Visible() {
		t.Errorf("first card: %q %q (shown %v)", c.quote.Text, c.attrib.Text, c.box.Visible())
	}
	if size := c.quote.Theme().Size(c.quote.SizeName); size < 36 {
		t.Errorf("quote drawn at %v, want at least 36", size)
	}
	if !strings.HasPrefix(c.ref.Text, "Source: ") || c.progress.Text != "1 / 6" {
		t.Errorf("footer %q, %q", c.ref.Text, c.progress.Text)
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
		if p.At() != s.want {
			t.Fatalf("%s (shift %v): at stop %d, want %d", s.key, s.shift, p.At()+1, s.want+1)
		}
	}
	if c.box.Visible() || !strings.HasPrefix(c.ref.Text, "Sources: ") || c.progress.Text != "2 / 6" {
		t.Errorf("stop 2 (no quote): card shown %v, footer %q, %q", c.box.Visible(), c.ref.Text, c.progress.Text)
	}
	p.key(fyne.KeyEnd, false)
	p.key(fyne.KeyPageDown, false) // past the last stop: stays
	if p.At() != 5 {
		t.Errorf("at stop %d after the last", p.At()+1)
	}

	// The camera arrives at the stop's window, and its event is selected.
	st := p.views[5].Stop
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		vp := tl.Viewport()
		if near(vp.Start(), float64(st.ViewStart)) && near(vp.End(), float64(st.ViewEnd)) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if vp := tl.Viewport(); !near(vp.Start(), float64(st.ViewStart)) || !near(vp.End(), float64(st.ViewEnd)) {
		t.Errorf("view [%v, %v], want the stop's [%d, %d]", vp.Start(), vp.End(), st.ViewStart, st.ViewEnd)
	}
	if o.S.Selected() != st.EventID || tl.Selected() != st.EventID {
		t.Errorf("selected %d (timeline %d), want the stop's event %d", o.S.Selected(), tl.Selected(), st.EventID)
	}

	// B blanks; the next key brings the screen back without moving on.
	p.typed('b')
	if !p.blank.Visible() {
		t.Error("B did not blank the screen")
	}
	p.key(fyne.KeyPageUp, false)
	if p.blank.Visible() || p.At() != 5 {
		t.Errorf("after blank: blank %v, at stop %d", p.blank.Visible(), p.At()+1)
	}

	// Esc puts the window back.
	ended := false
	p.OnEnd = func() { ended = true }
	p.key(fyne.KeyEscape, false)
	if !ended || w.FullScreen() || w.MainMenu() == nil || tl.Scale() != 1 {
		t.Error("Esc did not restore the window")
	}
}

// TestPresent_KeysReachThePresenterWhateverHoldsTheFocus: the timeline
// cannot take the focus while presenting (a tap the driver holds back for
// the double-tap time arrives after present mode began), and with nothing
// focused (a click beside every widget) the canvas's own key handlers are
// the presenter's; Esc leaves and gives the window its handlers back.
func TestPresent_KeysReachThePresenterWhateverHoldsTheFocus(t *testing.T) {
	test.NewTempApp(t)
	o := sessiontest.New(t, session.Options{})
	tl := view.New()
	o.S.Watch(func(e session.Event) {
		if _, ok := e.(session.Shown); ok {
			sh := o.S.Showing()
			tl.SetData(sh.Lanes, sh.Events, sh.Index)
		}
	})
	if err := o.Open(sessiontest.Example(t)); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, container.NewStack(tl))
	w.Resize(fyne.NewSize(1280, 760))
	f5 := 0
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyF5 {
			f5++
		}
	})
	var p *Presenter
	Start(o.S, w, tl, func(started *Presenter) { p = started })
	o.Until("the first stop", func() bool { return p != nil })
	c := w.Canvas()

	// The late tap on the timeline: it neither selects nor takes the keys.
	selected := o.S.Selected()
	tl.Tapped(&fyne.PointEvent{Position: fyne.NewPos(400, 200)})
	c.Focus(tl)
	if c.Focused() != p.surface || o.S.Selected() != selected {
		t.Fatalf("a tap on the timeline while presenting: focus %T, selected %d (was %d)", c.Focused(), o.S.Selected(), selected)
	}
	test.MoveMouse(c, fyne.NewPos(400, 200))
	if p.surface.Cursor() != desktop.DefaultCursor {
		t.Error("the pointer is not an arrow over the presentation")
	}

	// Nothing focused: keys and characters still drive the presentation.
	c.Unfocus()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	if p.At() != 1 {
		t.Errorf("Page Down with nothing focused: at stop %d", p.At()+1)
	}
	c.OnTypedRune()('b')
	if !p.blank.Visible() {
		t.Error("B with nothing focused did not blank the screen")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if p.started || w.FullScreen() {
		t.Fatal("Esc with nothing focused did not leave present mode")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF5})
	if f5 != 1 || tl.Disabled() {
		t.Errorf("after present mode: the window's key handler ran %d times, timeline disabled %v", f5, tl.Disabled())
	}
}

func TestPresent_NothingToPresentSaysHow(t *testing.T) {
	test.NewTempApp(t)
	o := sessiontest.New(t, session.Options{})
	path := t.TempDir() + "/empty.quoteline"
	if err := session.CreateEmpty(t.Context(), path); err != nil {
		t.Fatal(err)
	}
	if err := o.Open(path); err != nil {
		t.Fatal(err)
	}
	tl := view.New()
	w := test.NewTempWindow(t, tl)
	w.Resize(fyne.NewSize(1280, 760))
	started := false
	Start(o.S, w, tl, func(*Presenter) { started = true })
	o.Until("the message", func() bool { return w.Canvas().Overlays().Top() != nil })
	if started {
		t.Error("presenting a document without stops")
	}
}

func near(a, b float64) bool { return a-b < 1 && b-a < 1 }

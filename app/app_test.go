package app

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/dialog"
	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/hostile"
	"github.com/quoteline/quoteline/timeline"
)

// testWindow makes a main window in a test app, its session owned by the
// test.
func testWindow(t *testing.T, a fyne.App) (*window, *sessiontest.Owner) {
	t.Helper()
	o := sessiontest.NewOwner(t)
	w := newWindow(a, "test", o.Deliver)
	o.Watch(w.s)
	t.Cleanup(w.win.Close)
	w.win.Resize(fyne.NewSize(1280, 760))
	return w, o
}

// openExample opens a copy of the default timeline in a main window.
func openExample(t *testing.T) (*window, *sessiontest.Owner, string) {
	t.Helper()
	w, o := testWindow(t, test.NewTempApp(t))
	path := sessiontest.Example(t)
	if err := o.Open(path); err != nil {
		t.Fatal(err)
	}
	return w, o, path
}

// shownTexts returns every text drawn by o and its children, widgets included.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	switch w := o.(type) {
	case *widget.Label:
		out = append(out, w.Text)
	case *widget.RichText:
		out = append(out, w.String())
	case *canvas.Text:
		out = append(out, w.Text)
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			out = append(out, shownTexts(child)...)
		}
	} else if w, ok := o.(fyne.Widget); ok {
		for _, child := range test.WidgetRenderer(w).Objects() {
			out = append(out, shownTexts(child)...)
		}
	}
	return out
}

// topDialogSays fails unless the dialog on top of w says want, then closes it.
func topDialogSays(t *testing.T, w *window, want string) {
	t.Helper()
	top := w.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	if shown := strings.Join(shownTexts(top), "\n"); !strings.Contains(shown, want) {
		t.Errorf("the dialog shows %q, want it to contain %q", shown, want)
	}
	w.win.Canvas().Overlays().Remove(top)
}

func TestWindow_OpenShowsDocumentOrError(t *testing.T) {
	w, o := testWindow(t, test.NewTempApp(t))
	bad := filepath.Join(t.TempDir(), "notes.quoteline")
	if err := os.WriteFile(bad, []byte("just some notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := o.Open(bad); err == nil {
		t.Fatal("a text file opened")
	}
	topDialogSays(t, w, "not a SQLite database")

	if err := o.Open(sessiontest.Example(t)); err != nil {
		t.Fatal(err)
	}
	if w.win.Title() != "example.quoteline — Quoteline" || w.timeline.Index().Len() != 17 {
		t.Errorf("title %q, %d events drawn", w.win.Title(), w.timeline.Index().Len())
	}
	if got := w.panes.status.Text(); !strings.HasPrefix(got, "17 events · 5 lanes") {
		t.Errorf("status %q", got)
	}
	if lo, hi, _ := w.timeline.Extent(); w.overview.Counts().Len() != 17 || !(hi > lo) {
		t.Error("the overview does not show the document")
	}
	if len(w.timeline.Events().Items) != 17 || w.timeline.Events().Titles == nil {
		t.Error("the timeline does not show the document's events")
	}
}

func TestWindow_OpeningCanBeCancelled(t *testing.T) {
	w, o := testWindow(t, test.NewTempApp(t))
	w.s.Open(sessiontest.Generated(t, 60_000, 3, 1))
	if !w.panes.status.Working() {
		t.Error("no progress bar and cancel button while opening")
	}
	test.Tap(w.panes.status.Cancel())
	if err := sessiontest.Next[session.Opened](o).Err; !errors.Is(err, context.Canceled) {
		t.Fatalf("opening ended with %v, want it cancelled", err)
	}
	if w.s.Doc() != nil || w.panes.status.Working() || !strings.Contains(w.panes.status.Text(), "cancelled") {
		t.Errorf("after cancelling: document %v, working %v, status %q", w.s.Doc() != nil, w.panes.status.Working(), w.panes.status.Text())
	}
	if w.win.Canvas().Overlays().Top() != nil {
		t.Error("cancelling showed an error dialog")
	}
}

func TestWindow_HostileDocumentsSayWhy(t *testing.T) {
	cases, err := hostile.Make(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	w, o := testWindow(t, test.NewTempApp(t))
	for _, c := range cases {
		switch c.Name {
		case "planted-trigger.quoteline", "future-version.quoteline", "corrupt-pages.quoteline":
		default:
			continue
		}
		if err := o.Open(c.Path); err == nil {
			t.Fatalf("%s opened", c.Name)
		}
		topDialogSays(t, w, c.Want)
	}
}

// TestWindow_LargeDocumentFetchesTheTitlesInView zooms a document whose
// titles are not all read into a day: the timeline names the events it
// draws without a title, the session reads them, and the timeline labels
// them.
func TestWindow_LargeDocumentFetchesTheTitlesInView(t *testing.T) {
	a := test.NewTempApp(t)
	o := sessiontest.NewOwner(t)
	w := newWindow(a, "test", o.Deliver)
	t.Cleanup(w.win.Close)
	w.win.Resize(fyne.NewSize(1280, 760))
	o.Watch(w.s)
	path := sessiontest.Generated(t, 30_000, 2, 3)
	if err := o.Open(path); err != nil {
		t.Fatal(err)
	}
	doc := w.s.Doc()
	mid := doc.Item(doc.Len() / 2)
	if doc.ItemTitle(mid.ID) != "" {
		t.Fatal("a document above the limit had its titles read whole")
	}
	// Zoom to a day around an event in the middle.
	w.timeline.SetViewport(timeline.NewViewport(mid.Start-43200, mid.Start+43200, w.timeline.Viewport().Width()))
	o.Until("the title of the event in view", func() bool { return doc.ItemTitle(mid.ID) != "" })
	want, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer want.Close()
	ev, err := want.Event(context.Background(), mid.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.ItemTitle(mid.ID); got != ev.Title {
		t.Errorf("title %q, want %q", got, ev.Title)
	}
	o.Settle()
	held := 0
	for i := range doc.Len() {
		if doc.ItemTitle(doc.Item(i).ID) != "" {
			held++
		}
	}
	if held == 0 || held > 5000 {
		t.Errorf("%d of %d titles held after one zoom", held, doc.Len())
	}
	if _, ok := w.timeline.ItemBox(mid.ID); !ok {
		t.Error("the event is not drawn")
	}
}

func TestWindow_RecentAndClose(t *testing.T) {
	w, o, path := openExample(t)
	if got := w.recentFiles(); len(got) != 1 || got[0] != path {
		t.Errorf("recent files %q, want [%q]", got, path)
	}
	if items := w.menus.recent.ChildMenu.Items; len(items) < 1 || !strings.HasPrefix(items[0].Label, "example.quoteline") {
		t.Errorf("Open Recent menu: %+v", items)
	}
	w.s.CloseDocument()
	sessiontest.Next[session.Closed](o)
	if w.s.Doc() != nil || w.win.Title() != "Quoteline" || w.panes.status.Text() != "No document open" {
		t.Errorf("after Close: doc %v, title %q, status %q", w.s.Doc() != nil, w.win.Title(), w.panes.status.Text())
	}
	if !w.menus.undo.Disabled {
		t.Error("Undo enabled with no document")
	}
	dialog.ShowEventForm(w.parent(), 0) // nothing to add to: must not panic
	w.toggleList()
	if rows := w.s.Rows().Len(); rows != 0 {
		t.Errorf("list shows %d rows with no document", rows)
	}
}

func TestWindow_DateStyleFollowsThePreferences(t *testing.T) {
	w, _, _ := openExample(t)
	other, _ := testWindow(t, w.app) // a second window, with no document
	// An event on 15 May 2023, as the tooltip writes it.
	var may15 int64
	doc := w.s.Doc()
	for i := range doc.Len() {
		if _, when := w.s.Tooltip(doc.Item(i).ID); strings.HasPrefix(when, "15 May 2023 ·") {
			may15 = doc.Item(i).ID
		}
	}
	if may15 == 0 {
		t.Fatal("no event on 15 May 2023 in the default timeline")
	}
	prefs := w.app.Preferences()
	prefs.SetString(dialog.DateOrderKey, string(data.MonthDayYear))
	prefs.SetString(dialog.TimeZoneKey, "Asia/Kolkata")
	for _, x := range []*window{w, other} {
		if st := x.s.Dates(); st.Order != data.MonthDayYear || st.Zone.String() != "Asia/Kolkata" {
			t.Errorf("a window writes %q in %v", st.Order, st.Zone)
		}
	}
	if _, when := w.s.Tooltip(may15); !strings.HasPrefix(when, "May 15, 2023 ·") {
		t.Errorf("tooltip date %q, want it to start May 15, 2023", when)
	}
	if !strings.HasPrefix(w.span.Text, "Showing ") {
		t.Errorf("toolbar says %q", w.span.Text)
	}
	prefs.SetString(dialog.DateOrderKey, string(data.YearMonthDay))
	prefs.SetString(dialog.TimeZoneKey, "")
	if _, when := w.s.Tooltip(may15); !strings.HasPrefix(when, "2023-05-15 ·") {
		t.Errorf("tooltip date %q, want it to start 2023-05-15", when)
	}
}

func TestWindow_OpenURLRefusesWhatIsNotTheWeb(t *testing.T) {
	w, _ := testWindow(t, test.NewTempApp(t))
	u, _ := url.Parse("file:///etc/passwd")
	if err := w.openURL(u); err == nil {
		t.Error("a file: address was opened")
	}
}

func TestWindow_FileMenuExportsEveryFormat(t *testing.T) {
	w, _ := testWindow(t, test.NewTempApp(t))
	var labels []string
	for _, item := range w.win.MainMenu().Items[0].Items {
		if item.Label == "Export" && item.ChildMenu != nil {
			for _, sub := range item.ChildMenu.Items {
				labels = append(labels, sub.Label)
			}
		}
	}
	want := []string{"Picture (PDF, PNG, SVG)…", "Handout (PDF)…", "", "CSV…", "Quoteline JSON…", "TimelineJS…", "vis…"}
	if !reflect.DeepEqual(labels, want) {
		t.Errorf("File ▸ Export offers %q, want %q", labels, want)
	}
}

// TestWindow_ChoosingAQuoteMarksItsEvents clicks a quote's highlight: the
// source comes forward, and the events it speaks about are marked on the
// timeline.
func TestWindow_ChoosingAQuoteMarksItsEvents(t *testing.T) {
	w, o, _ := openExample(t)
	w.split.SetOffset(0.75) // where the user left it
	w.s.Select(sessiontest.EventByTitle(t, w.s, "Iran sends Russia more than 400 drones"))
	w.showSelectedSource()
	v := sessiontest.Next[session.SourceShown](o).Source
	if w.side.SelectedIndex() != tabSource || w.split.Offset != 0.75 {
		t.Errorf("side pane shows tab %d split at %v, want the source, split where it was (0.75)", w.side.SelectedIndex(), w.split.Offset)
	}
	var providing int64
	for _, q := range v.Quotes {
		if strings.HasPrefix(q.Text, "By providing Russia") {
			providing = q.ID
		}
	}
	w.s.ChooseQuote(providing)
	sessiontest.Next[session.Revealed](o)
	if len(w.timeline.Marked()) != 2 {
		t.Errorf("marked %v, want the two events the quote speaks about", w.timeline.Marked())
	}
	// A click elsewhere on the timeline clears the marks.
	w.timeline.OnSelected(0)
	if len(w.timeline.Marked()) != 0 {
		t.Error("clearing the selection kept the marks")
	}
}

func TestWindow_PresentsAndComesBack(t *testing.T) {
	w, o, _ := openExample(t)
	content := w.win.Content()
	w.present()
	o.Until("present mode", func() bool { return w.presenter != nil })
	if w.win.Content() == content || w.win.MainMenu() != nil {
		t.Error("present mode did not take the window")
	}
	w.presenter.Stop()
	if w.presenter != nil || w.win.Content() != content || w.win.MainMenu() == nil {
		t.Error("leaving present mode did not put the window back")
	}
}

// waitDetails runs the window until the selected event's details are read.
func waitDetails(o *sessiontest.Owner) { sessiontest.Next[session.DetailsRead](o) }

// deadline is how long a test waits for an animation to settle.
const deadline = 3 * time.Second

// TestWindow_PeriodsAreSelectedShownEditedAndDeleted adds a period to the
// default timeline, selects it by its name on the timeline, and finds it in
// the details pane with its dates and lane; Delete Selected deletes it, and
// undo brings it back.
func TestWindow_PeriodsAreSelectedShownEditedAndDeleted(t *testing.T) {
	w, o, _ := openExample(t)
	s, tl := w.s, w.timeline
	in, err := data.ParseDateInput("2022-09/2022-12")
	if err != nil {
		t.Fatal(err)
	}
	lane := s.Doc().Lanes()[1]
	s.SavePeriod(data.Period{Title: "Autumn strikes", Summary: "Attacks on the power grid", LaneID: lane.ID, Start: in.Start, End: in.Through()})
	o.Edited()
	id := s.SelectedPeriod()
	if id == 0 || tl.SelectedPeriod() != id || w.side.SelectedIndex() != tabDetails {
		t.Fatalf("the new period %d: timeline selects %d, side tab %d", id, tl.SelectedPeriod(), w.side.SelectedIndex())
	}
	details := strings.Join(shownTexts(w.panes.details.Object()), "\n")
	for _, want := range []string{"Autumn strikes", "Sep 2022 – Dec 2022", "behind the lane " + lane.Name, "Attacks on the power grid", "Edit…", "Delete"} {
		if !strings.Contains(details, want) {
			t.Errorf("the details pane lacks %q:\n%s", want, details)
		}
	}
	// Choosing an event, then the period by its name on the timeline.
	w.timeline.OnSelected(sessiontest.EventByTitle(t, s, "Iran sends Russia more than 400 drones"))
	if s.SelectedPeriod() != 0 || tl.SelectedPeriod() != 0 {
		t.Errorf("an event chosen left period %d (timeline %d) selected", s.SelectedPeriod(), tl.SelectedPeriod())
	}
	tl.OnPeriodSelected(id)
	if s.Selected() != 0 || tl.Selected() != 0 || s.SelectedPeriod() != id {
		t.Errorf("the period chosen left event %d (timeline %d) selected", s.Selected(), tl.Selected())
	}
	if title, detail := tl.PeriodTooltip(id); title != "Autumn strikes" || !strings.Contains(detail, "Sep 2022 – Dec 2022") {
		t.Errorf("tooltip %q, %q", title, detail)
	}
	w.deleteSelected()
	if e := o.Edited(); e.Name != "Delete period" || len(s.Doc().Periods()) != 0 || tl.SelectedPeriod() != 0 {
		t.Errorf("after Delete Selected: edit %q, %d periods, timeline selects %d", e.Name, len(s.Doc().Periods()), tl.SelectedPeriod())
	}
	if !strings.Contains(strings.Join(shownTexts(w.panes.details.Object()), "\n"), "17 events in 5 lanes") {
		t.Error("the details pane does not show the document once the period is gone")
	}
	s.Undo()
	o.Edited()
	if len(s.Showing().Events.Periods) != 1 {
		t.Errorf("undo: %d periods drawn", len(s.Showing().Events.Periods))
	}
}

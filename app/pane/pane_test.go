package pane

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data"
)

// texts collects the text of every label and link under o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	switch v := o.(type) {
	case *widget.Label:
		if v.Visible() {
			out = append(out, v.Text)
		}
	case *fyne.Container:
		if v.Visible() {
			for _, c := range v.Objects {
				out = append(out, texts(c)...)
			}
		}
	case *widget.Hyperlink:
		if v.Visible() {
			out = append(out, v.Text)
		}
	}
	return out
}

// contains fails unless o shows every string in want.
func contains(t *testing.T, o fyne.CanvasObject, want ...string) {
	t.Helper()
	all := strings.Join(texts(o), "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("lacks %q; shows:\n%s", w, all)
		}
	}
}

// buttons collects the visible buttons under o.
func buttons(o fyne.CanvasObject) []*widget.Button {
	switch v := o.(type) {
	case *widget.Button:
		if v.Visible() {
			return []*widget.Button{v}
		}
	case *fyne.Container:
		var out []*widget.Button
		if v.Visible() {
			for _, c := range v.Objects {
				out = append(out, buttons(c)...)
			}
		}
		return out
	}
	return nil
}

// openExample opens the default timeline in a session owned by the test,
// with panes made by makePanes before it opens.
func openExample(t *testing.T, makePanes func(s *session.Session)) *sessiontest.Owner {
	t.Helper()
	test.NewTempApp(t)
	o := sessiontest.New(t, session.Options{})
	makePanes(o.S)
	if err := o.Open(sessiontest.Example(t)); err != nil {
		t.Fatal(err)
	}
	return o
}

func TestDetails_ShowsTheSelectionRefreshedInPlace(t *testing.T) {
	var d *Details
	o := openExample(t, func(s *session.Session) {
		d = NewDetails(s)
		d.OnShowSource = func(int64, int64) {}
		d.OnLink = func(int64, session.LinkKind) {}
	})
	test.NewTempWindow(t, d.Object()).Resize(fyne.NewSize(420, 900))
	contains(t, d.box, "Iran's drones for Russia", "17 events in 5 lanes, backed by 9 quotes from 19 sources.", "Select an event on the timeline")

	uavs := sessiontest.EventByTitle(t, o.S, "Iran sends Russia more than 400 drones")
	o.S.Select(uavs)
	contains(t, d.box, "Iran sends Russia more than 400 drones", "Aug 2022 – 15 May 2023", "Loading quotes and sources…")
	sessiontest.Next[session.DetailsRead](o)
	contains(t, d.box,
		"Aug 2022 – 15 May 2023",
		"Since August, Iran has provided Russia with more than 400 UAVs",
		"John Kirby, said 15 May 2023",
		"from “since August”, said 15 May 2023",
		"1 source supports it · none disputes it",
		"Iran, Russia",
		"2 quotes",
	)
	if strings.Contains(strings.Join(texts(d.box), "\n"), "Loading") {
		t.Error("still loading once read")
	}
	// Each linked quote and source has a ✕ that unlinks it.
	unlinks := 0
	for _, b := range buttons(d.box) {
		if b.Text == "" && b.Icon != nil && b.Icon.Name() == theme.CancelIcon().Name() {
			unlinks++
		}
	}
	if want := 2 + 1; unlinks != want {
		t.Errorf("%d ✕ buttons for %d linked quotes and sources", unlinks, want)
	}
	heading, card := d.top.heading, d.links.quotes[0]
	var link *widget.Button
	for _, b := range buttons(d.box) {
		if b.Text == "Link quote…" {
			link = b
		}
	}
	if link == nil {
		t.Error("no Link quote… button though linking is offered")
	}

	// Another event: the same widgets show it.
	aug := sessiontest.EventByTitle(t, o.S, "Russia receives its first Iranian drones")
	o.S.Select(aug)
	sessiontest.Next[session.DetailsRead](o)
	contains(t, d.box, "Russia receives its first Iranian drones", "Disputed: sources disagree", "Disputes this event")
	if d.top.heading != heading || d.links.quotes[0] != card || !slices.Contains(d.box.Objects, fyne.CanvasObject(heading)) {
		t.Error("the pane made new widgets for another selection")
	}

	// Dates in another style: written again without reading again.
	o.S.SetDates(data.DateStyle{Order: data.YearMonthDay})
	contains(t, d.box, "2022-08")

	// No selection: the document again.
	o.S.Select(0)
	contains(t, d.box, "17 events in 5 lanes")
	o.S.CloseDocument()
	contains(t, d.box, "No document open", "Open a document (Ctrl+O)")
}

func TestEventList_SortsAndFollowsTheSelection(t *testing.T) {
	var l *EventList
	o := openExample(t, func(s *session.Session) { l = NewEventList(s) })
	test.NewTempWindow(t, l.Object()).Resize(fyne.NewSize(900, 500))
	l.SetVisible(true)
	if rows, cols := l.table.Length(); rows != 17 || cols != 4 {
		t.Fatalf("table is %d×%d", rows, cols)
	}
	l.rows.SortBy(session.ColumnTitle)
	sessiontest.Next[session.RowsSorted](o)
	// Selecting an event picks its row, without selecting it again.
	id := l.rows.Event(5)
	o.S.Select(id)
	if row, _ := l.rows.Row(id); row != 5 {
		t.Errorf("row of event %d = %d, want 5", id, row)
	}
	// Picking a row selects its event.
	l.table.Select(widget.TableCellID{Row: 2, Col: 1})
	if got := o.S.Selected(); got != l.rows.Event(2) {
		t.Errorf("picking row 2 selected %d, want %d", got, l.rows.Event(2))
	}
	o.S.CloseDocument()
	if rows, _ := l.table.Length(); rows != 0 {
		t.Errorf("%d rows with no document", rows)
	}
}

func TestStopsPanel_AddMoveDeleteUndo(t *testing.T) {
	var p *StopsPanel
	o := openExample(t, func(s *session.Session) { p = NewStopsPanel(s) })
	test.NewTempWindow(t, p.Object()).Resize(fyne.NewSize(420, 700))
	read := func(what string) {
		t.Helper()
		o.Await(what, func(e session.Event) bool { _, ok := e.(session.StopsRead); return ok })
	}
	p.SetActive(true) // its stops are read now
	read("showing the panel")
	if len(p.stops) != 6 || !p.empty.Hidden {
		t.Fatalf("%d stops listed (hint shown: %v), want the six-stop story", len(p.stops), !p.empty.Hidden)
	}

	// Add the current view, with an event selected, at the end.
	ev := o.S.Doc().Item(3).ID
	o.S.Select(ev)
	p.addCurrent()
	read("adding")
	if len(p.stops) != 7 || p.selected != 6 || p.stops[6].EventID != ev {
		t.Fatalf("%d stops after adding, selected %d", len(p.stops), p.selected)
	}
	added := p.stops[6]

	// To the top; then a drag of two rows' height moves it two down.
	p.move(6, 0)
	read("moving")
	if p.stops[0].ID != added.ID {
		t.Fatalf("first stop %d after moving, want %d", p.stops[0].ID, added.ID)
	}
	row := newStopRow(p)
	row.Resize(fyne.NewSize(300, 40))
	row.set(0)
	row.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: 85}})
	row.DragEnd()
	read("dragging")
	if p.stops[2].ID != added.ID {
		t.Errorf("after dragging 85 px down over 40 px rows the stop is at %d, want 3rd", p.selected+1)
	}

	// Delete it, then undo.
	p.deleteSelected()
	read("deleting")
	if len(p.stops) != 6 || !p.undo.bar.Visible() {
		t.Fatalf("%d stops after deleting (undo offered: %v)", len(p.stops), p.undo.bar.Visible())
	}
	test.Tap(p.undo.bar.Objects[1].(*widget.Button))
	read("undoing")
	if len(p.stops) != 7 || p.stops[2].ID != added.ID || p.stops[2].EventID != ev {
		t.Errorf("undo did not restore the stop in place: %+v", p.stops)
	}
}

func TestSourceViewer_ShowsTheChosenQuoteInItsSource(t *testing.T) {
	var v *SourceViewer
	o := openExample(t, func(s *session.Session) { v = NewSourceViewer(s) })
	w := test.NewTempWindow(t, v.Object())
	w.Resize(fyne.NewSize(480, 700))
	contains(t, v.header, "No source open", "19 sources")

	o.S.Select(sessiontest.EventByTitle(t, o.S, "Iran sends Russia more than 400 drones"))
	o.S.ShowSelectedSource()
	sessiontest.Next[session.SourceShown](o)
	if v.shown == nil || !strings.HasPrefix(v.shown.Source.Title, "Iran, Russia expanding") {
		t.Fatalf("viewer shows %+v", v.shown)
	}
	words := map[int64]string{}
	for _, mk := range v.text.marks {
		words[mk.ID] = v.text.text[mk.Start:mk.End]
	}
	if len(words) < 7 {
		t.Errorf("%d quotes highlighted, want at least the 7 of the default timeline", len(words))
	}
	if active := words[v.text.active]; !strings.HasPrefix(active, "Since August, Iran has provided Russia with more than 400 UAVs") {
		t.Errorf("the chosen highlight is %q, want Kirby's Since August quote", active)
	}
	for id, w := range words {
		for _, q := range v.shown.Quotes {
			if q.ID == id && q.Text != w {
				t.Errorf("quote %d highlights %q but its text is %q", id, w, q.Text)
			}
		}
	}
	if v.scroll.Offset.Y <= 0 {
		t.Error("the viewer did not scroll to the quote")
	}

	// Clicking a highlight chooses its quote; its events are listed under.
	var providing int64
	for id, w := range words {
		if strings.HasPrefix(w, "By providing Russia") {
			providing = id
		}
	}
	v.text.OnMarkTapped(providing)
	sessiontest.Next[session.QuoteChosen](o)
	contains(t, v.quote, "Supports", "Kirby briefs")
	if v.text.active != providing {
		t.Error("the chosen quote is not the active highlight")
	}
}

func TestActorList_FiltersByTheActorChosen(t *testing.T) {
	var a *ActorList
	o := openExample(t, func(s *session.Session) { a = NewActorList(s) })
	test.NewTempWindow(t, a.Object()).Resize(fyne.NewSize(420, 600))
	if len(a.actors) != len(o.S.Links().Actors) || a.chosen != 0 || !a.edit.Disabled() {
		t.Fatalf("%d actors listed, chosen %d", len(a.actors), a.chosen)
	}
	a.list.Select(1)
	if f := o.S.Filter(); len(f.Actors) != 1 || f.Actors[0] != a.actors[0].ID || a.edit.Disabled() {
		t.Errorf("choosing %q filtered by %v", a.actors[0].Name, f.Actors)
	}
	// Two actors in the filter: none is chosen here, which says so.
	o.S.SetFilter(session.Filter{Actors: []int64{a.actors[0].ID, a.actors[1].ID}})
	sessiontest.Next[session.Shown](o)
	if a.several != 2 || a.chosen != 0 || !strings.Contains(a.info.Text, "2 actors") {
		t.Errorf("two actors: %d chosen, %d several, %q", a.chosen, a.several, a.info.Text)
	}
	a.list.Select(0) // Everyone
	if f := o.S.Filter(); f.Active() {
		t.Errorf("after choosing Everyone the filter is %+v", f)
	}
}

func TestStatusLine_ShowsWorkAndCancel(t *testing.T) {
	test.NewTempApp(t)
	o := sessiontest.New(t, session.Options{})
	l := NewStatusLine(o.S)
	o.S.Open(sessiontest.Example(t))
	if !l.Working() || !strings.HasPrefix(l.Text(), "Opening example.quoteline") {
		t.Errorf("while opening: %q, working %v", l.Text(), l.Working())
	}
	sessiontest.Next[session.Opened](o)
	if l.Working() || !strings.HasSuffix(l.Text(), "· checking the file…") {
		t.Errorf("once open: %q, working %v", l.Text(), l.Working())
	}
}

// TestQuotes_SayHowTheirSpeakerWasFound: a stored quote whose speaker the
// article import found tells how, in its card and in the source viewer's
// tooltip, and one to check is highlighted apart.
func TestQuotes_SayHowTheirSpeakerWasFound(t *testing.T) {
	var d *Details
	var v *SourceViewer
	o := openExample(t, func(s *session.Session) { d, v = NewDetails(s), NewSourceViewer(s) })
	test.NewTempWindow(t, container.NewHSplit(d.Object(), v.Object())).Resize(fyne.NewSize(1000, 800))
	s := o.S
	event := sessiontest.EventByTitle(t, s, "Iran sends Russia more than 400 drones")
	s.Select(event)
	det := sessiontest.Next[session.DetailsRead](o).Details
	q := det.Quotes[0].Quote
	q.SpeakerNote, q.SpeakerConfidence = "“he” → John Kirby, the last man named", data.ConfidenceCheck
	s.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
		_, ed, err := st.SaveQuote(ctx, q)
		return ed, err
	}, nil)
	o.Edited()
	sessiontest.Next[session.DetailsRead](o)
	contains(t, d.box, "Speaker to check: “he” → John Kirby, the last man named")

	s.ShowSource(q.SourceID, q.ID)
	sessiontest.Next[session.SourceShown](o)
	i := slices.IndexFunc(v.text.marks, func(m TextMark) bool { return m.ID == q.ID })
	if i < 0 {
		t.Fatal("the quote is not highlighted in its source")
	}
	if m := v.text.marks[i]; !m.Check || m.Title != "John Kirby" || m.Detail != "Speaker to check: “he” → John Kirby, the last man named" {
		t.Errorf("its highlight %+v", m)
	}
	for _, m := range v.text.marks {
		if m.ID != q.ID && (m.Check || m.Detail != "") {
			t.Errorf("a quote whose speaker was given by hand is marked %+v", m)
		}
	}
}

// TestSearchBar_FindsPeriodsAndGoesToThem: a period is found by a word of
// its name, listed, and Enter goes to it when no event matches.
func TestSearchBar_FindsPeriodsAndGoesToThem(t *testing.T) {
	var b *SearchBar
	o := openExample(t, func(s *session.Session) { b = NewSearchBar(s) })
	test.NewTempWindow(t, b.Object()).Resize(fyne.NewSize(800, 300))
	s := o.S
	in, err := data.ParseDateInput("1999")
	if err != nil {
		t.Fatal(err)
	}
	s.SavePeriod(data.Period{Title: "Millennium bug scare", Start: in.Start, End: in.Start})
	o.Edited()
	id := s.SelectedPeriod()
	s.SelectPeriod(0)
	b.Show()
	test.Type(b.entry, "millennium")
	o.Until("the search", func() bool { return len(b.hits) > 0 })
	if h := b.hits[0]; h.Kind != "period" || h.ID != id || b.count.Text != "1 period" {
		t.Errorf("hits %+v, count %q", b.hits, b.count.Text)
	}
	b.entry.OnSubmitted(b.entry.Text)
	if s.SelectedPeriod() != id || b.count.Text != "1 of 1 period" {
		t.Errorf("Enter selected period %d (want %d), count %q", s.SelectedPeriod(), id, b.count.Text)
	}
}

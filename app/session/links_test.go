package session_test

import (
	"context"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

func TestSession_FromAnEventToItsWordsAndBack(t *testing.T) {
	o, _ := sessiontest.OpenExample(t)
	s := o.S

	// The "more than 400 UAVs" event, then its source.
	uavs := sessiontest.EventByTitle(t, s, "Iran sends Russia more than 400 drones")
	s.Select(uavs)
	if !s.ShowSelectedSource() {
		t.Fatal("no source shown for the selected event")
	}
	shown := sessiontest.Next[session.SourceShown](o)
	v := shown.Source
	if v == nil || !shown.Reveal || !strings.HasPrefix(v.Source.Title, "Iran, Russia expanding") || !v.Source.HasText || !v.Source.TextMatches() {
		t.Fatalf("shown %+v", shown)
	}
	if s.Source() != v {
		t.Error("the session does not hold the source shown")
	}
	focus := slices.IndexFunc(v.Quotes, func(q data.QuoteRef) bool { return q.ID == shown.Focus })
	if focus < 0 || !strings.HasPrefix(v.Quotes[focus].Text, "Since August, Iran has provided Russia with more than 400 UAVs") {
		t.Errorf("focus on quote %d, want Kirby's Since August quote", shown.Focus)
	}
	if n := len(v.Quotes); n < 7 {
		t.Errorf("%d quotes from the article, want at least the 7 of the default timeline", n)
	}

	// Choose another quote: its events are marked and brought into view.
	providing := v.Quotes[slices.IndexFunc(v.Quotes, func(q data.QuoteRef) bool { return strings.HasPrefix(q.Text, "By providing Russia") })]
	s.ChooseQuote(providing.ID)
	again := sessiontest.Next[session.SourceShown](o)
	if again.Source != v || again.Focus != providing.ID {
		t.Errorf("choosing a quote of the source shown showed %+v", again)
	}
	chosen := sessiontest.Next[session.QuoteChosen](o)
	if chosen.Quote.ID != providing.ID || chosen.Quote.Speaker != "John Kirby" {
		t.Errorf("chose %+v", chosen.Quote)
	}
	briefing := sessiontest.EventByTitle(t, s, "Kirby briefs")
	revealed := sessiontest.Next[session.Revealed](o).IDs
	slices.Sort(revealed)
	want := []int64{uavs, briefing}
	slices.Sort(want)
	if !slices.Equal(revealed, want) || len(chosen.Events) != 2 {
		t.Errorf("marked events %v, want the 400 drones event %d and the briefing %d", revealed, uavs, briefing)
	}
}

func TestSession_NewQuoteFromWordsOfASourcePersists(t *testing.T) {
	o, path := sessiontest.OpenExample(t)
	s := o.S
	s.Select(sessiontest.EventByTitle(t, s, "Iran sends Russia more than 400 drones"))
	s.ShowSelectedSource()
	v := sessiontest.Next[session.SourceShown](o).Source
	words := "used them to target Ukrainian critical infrastructure"
	start := strings.Index(v.Source.Text, words)
	if start < 0 {
		t.Fatalf("%q not in the article", words)
	}
	before := len(v.Quotes)
	s.AddQuote(data.NewQuote{SourceID: v.Source.ID, StartByte: int64(start), EndByte: int64(start + len(words)),
		SpeakerName: "John Kirby", SaidAt: v.Source.Published, EventID: sessiontest.EventByTitle(t, s, "Russia turns the Iranian drones"), Stance: data.StanceSupports})
	added := sessiontest.Next[session.QuoteAdded](o)
	if added.Err != nil {
		t.Fatal(added.Err)
	}
	if len(v.Quotes) != before+1 || v.Quotes[before].ID != added.ID || v.Quotes[before].Text != words {
		t.Errorf("the source shown lacks the new quote: %+v", v.Quotes[before:])
	}
	if s.Doc().Counts().Quotes != 10 {
		t.Errorf("%d quotes counted, want 10", s.Doc().Counts().Quotes)
	}
	s.CloseDocument()

	// Read again, the quote is still there with its place in the text.
	quotes, err := store(t, path).QuotesOfSource(context.Background(), v.Source.ID)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(quotes, func(q data.QuoteRef) bool { return q.ID == added.ID })
	if i < 0 || quotes[i].Text != words || !quotes[i].HasOffsets || quotes[i].StartByte != int64(start) || quotes[i].Speaker != "John Kirby" {
		t.Errorf("the new quote did not persist as made: %+v", quotes)
	}
}

func TestSession_DefaultTimelineDisputeAndForecastAreMarked(t *testing.T) {
	o, path := sessiontest.OpenExample(t)
	s := o.S
	ctx := context.Background()
	st := store(t, path)

	// Iran's November 2022 statement (reported by CNN) disputes the US
	// account of the August shipments.
	aug := sessiontest.EventByTitle(t, s, "Russia receives its first Iranian drones")
	ev, err := st.Event(ctx, aug)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Status != data.StatusDisputed {
		t.Errorf("the August shipments are %q, want disputed", ev.Status)
	}
	srcs, err := st.SourcesOfEvent(ctx, aug)
	if err != nil {
		t.Fatal(err)
	}
	disputing := ""
	for _, src := range srcs {
		if src.Stance == data.StanceDisputes {
			disputing = src.Title + " " + src.Summary
		}
	}
	if !strings.Contains(disputing, "Iran admits") {
		t.Errorf("the disputing source is %q, want the November 2022 report of Iran's statement", disputing)
	}
	c, err := st.ClaimsOfEvent(ctx, aug)
	if err != nil {
		t.Fatal(err)
	}
	if c.Disputing != 1 || c.Supporting < 2 {
		t.Errorf("claims of the August shipments %+v, want 1 disputing and several supporting", c)
	}
	i, _ := s.Doc().Position(aug)
	if it := s.Doc().Item(i); it.Style != timeline.StyleDisputed {
		t.Errorf("the August shipments are drawn in style %d, want disputed", it.Style)
	}

	// The sanctions "in the coming days" are expected, dated from Kirby's words.
	exp := sessiontest.EventByTitle(t, s, "More US sanctions announced")
	if ev, err = st.Event(ctx, exp); err != nil {
		t.Fatal(err)
	}
	if ev.Status != data.StatusExpected || ev.Derivation == nil || ev.Derivation.Expression != "in the coming days" {
		t.Errorf("expected sanctions: status %q, derivation %+v", ev.Status, ev.Derivation)
	}
	if got := session.Provenance(data.DateStyle{}, &ev); !strings.Contains(got, "said 15 May 2023") {
		t.Errorf("provenance %q", got)
	}
	i, _ = s.Doc().Position(exp)
	if it := s.Doc().Item(i); it.Style != timeline.StyleExpected {
		t.Errorf("the expected sanctions are drawn in style %d, want expected", it.Style)
	}
}

func TestSession_StopsAddMoveDeleteUndo(t *testing.T) {
	o, _ := sessiontest.OpenExample(t)
	s := o.S
	s.ReadStops(0)
	stops := sessiontest.Next[session.StopsRead](o).Stops
	if len(stops) != 6 {
		t.Fatalf("%d stops, want the six-stop story", len(stops))
	}

	// Add the current view, with an event selected, at the end.
	ev := s.Doc().Item(3).ID
	s.Select(ev)
	vp := timeline.NewViewport(s.Doc().Item(2).Start, s.Doc().Item(5).Start+86400, 800)
	s.SetView(vp)
	st := s.CurrentStop()
	st.Position = -1
	s.WriteStops("add a stop", func(ctx context.Context, store *data.Store) (int64, error) { return store.AddStop(ctx, st) })
	read := sessiontest.Next[session.StopsRead](o)
	if len(read.Stops) != 7 || read.Keep != read.Stops[6].ID {
		t.Fatalf("%d stops after adding, keeping %d", len(read.Stops), read.Keep)
	}
	added := read.Stops[6]
	if added.EventID != ev || added.ViewStart > int64(vp.Start()) || added.ViewEnd < int64(vp.End()) {
		t.Errorf("added stop %+v does not hold the view [%v, %v] and event %d", added, vp.Start(), vp.End(), ev)
	}

	// Delete it, then put it back.
	var deleted data.Stop
	s.DeleteStop(added, func(old data.Stop) { deleted = old })
	if read := sessiontest.Next[session.StopsRead](o); len(read.Stops) != 6 || deleted.ID != added.ID {
		t.Fatalf("%d stops after deleting; deleted %+v", len(read.Stops), deleted)
	}
	s.WriteStops("restore the stop", func(ctx context.Context, store *data.Store) (int64, error) {
		return deleted.ID, store.RestoreStop(ctx, deleted)
	})
	if read := sessiontest.Next[session.StopsRead](o); len(read.Stops) != 7 || read.Stops[6].EventID != ev {
		t.Errorf("restoring gave %+v", read.Stops)
	}

	// The stop's lanes: collapsing as the stop hides them, and back.
	hidden := data.Stop{HiddenLanes: []int64{s.Doc().Lanes()[1].ID}}
	s.HideLanesOf(hidden)
	if got := s.Collapsed(); !slices.Equal(got, []bool{false, true, false, false, false}) {
		t.Errorf("collapsed %v", got)
	}
	sessiontest.Next[session.Redraw](o)
	s.SetCollapsed(nil)
	if got := s.Collapsed(); slices.Contains(got, true) {
		t.Errorf("collapsed %v after opening all", got)
	}
}

func TestSession_ReadStopViews(t *testing.T) {
	o, _ := sessiontest.OpenExample(t)
	var views []session.StopView
	o.S.ReadStopViews(func(v []session.StopView) { views = v })
	o.Until("the stops' views", func() bool { return views != nil })
	if len(views) != 6 {
		t.Fatalf("%d views", len(views))
	}
	c := session.CardOf(&views[0], o.S.Dates())
	if !strings.Contains(c.Words, "Since August, Iran has provided Russia with more than 400 UAVs") ||
		!strings.Contains(c.Attribution, "John Kirby, 15 May 2023") || !strings.HasPrefix(c.Reference, "Source: ") {
		t.Errorf("first card %+v", c)
	}
	if c := session.CardOf(&views[1], o.S.Dates()); c.Words != "" || !strings.HasPrefix(c.Reference, "Sources: ") {
		t.Errorf("second card (no quote) %+v", c)
	}
}

func TestRows_SortAndFind(t *testing.T) {
	o, _ := sessiontest.OpenExample(t)
	s := o.S
	rows := s.Rows()
	if rows.Len() != 17 {
		t.Fatalf("%d rows", rows.Len())
	}
	if first := s.Doc().ItemTitle(rows.Event(0)); first != "Russia launches its full-scale invasion of Ukraine" {
		t.Errorf("first row by date: %q", first)
	}
	rows.SortBy(session.ColumnDate) // again: newest first, at once
	sessiontest.Next[session.RowsSorted](o)
	if rows.Event(16) != s.Doc().Item(0).ID {
		t.Error("descending date order does not end with the earliest event")
	}
	rows.SortBy(session.ColumnTitle)
	sessiontest.Next[session.RowsSorted](o)
	var titles []string
	for r := range 17 {
		titles = append(titles, strings.ToLower(rows.Cell(r, session.ColumnTitle)))
	}
	if !slices.IsSorted(titles) {
		t.Errorf("rows not sorted by title: %q", titles)
	}
	if col, desc := rows.SortedBy(); col != session.ColumnTitle || desc {
		t.Errorf("sorted by %d (desc %v)", col, desc)
	}
	id := rows.Event(5)
	if row, ok := rows.Row(id); !ok || row != 5 {
		t.Errorf("row of event %d = %d, %v; want 5", id, row, ok)
	}
	if got := rows.Cell(5, session.ColumnLane); got == "" {
		t.Error("no lane in the lane column")
	}
}

// TestDeps_NoFyne keeps the session free of the GUI toolkit: the command
// line stands on it, and its tests run without a display.
func TestDeps_NoFyne(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	for _, pkg := range []string{"app/session", "app/session/sessiontest"} {
		out, err := exec.Command(gobin, "list", "-deps", "github.com/quoteline/quoteline/"+pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps: %v\n%s", err, out)
		}
		for _, p := range strings.Fields(string(out)) {
			if strings.HasPrefix(p, "fyne.io/") || strings.HasPrefix(p, "github.com/quoteline/quoteline/timeline/view") {
				t.Errorf("package %s depends on %s", pkg, p)
			}
		}
	}
}

// TestSession_StatementsFollowTheFilterNotEveryEdit: the statements row is
// worked out again, and told to the owner, when the quotes or the filter's
// actors or dates change; an edit of an event or a filter on its lane
// leaves it as it is (the timeline would build its scene a second time).
func TestSession_StatementsFollowTheFilterNotEveryEdit(t *testing.T) {
	o, _ := sessiontest.OpenExample(t)
	s := o.S
	told := 0
	s.Watch(func(e session.Event) {
		if _, ok := e.(session.Statements); ok {
			told++
		}
	})
	o.Settle()
	all := len(s.Statements())
	if all == 0 {
		t.Fatal("no statements in the default timeline")
	}
	id := sessiontest.EventByTitle(t, s, "Iran sends Russia more than 400 drones")
	_, lane, ok := s.Doc().Span(id)
	if !ok {
		t.Fatalf("event %d is not in the document", id)
	}
	s.MoveEvent(id, 86400, lanePosition(s, lane.ID))
	o.Edited()
	f := s.Filter()
	f.Lanes = []int64{s.Doc().Lanes()[0].ID}
	s.SetFilter(f)
	o.Settle()
	if told != 0 || len(s.Statements()) != all {
		t.Errorf("after an edit and a lane filter: told %d times, %d statements of %d", told, len(s.Statements()), all)
	}

	// Iran is an actor of the events, and says nothing of its own.
	var iran int64
	for _, a := range s.Links().Actors {
		if a.Name == "Iran" {
			iran = a.ID
		}
	}
	s.FilterByActor(iran)
	o.Settle()
	if told != 1 || len(s.Statements()) != 0 {
		t.Errorf("filtered by Iran: told %d times, %d statements of %d", told, len(s.Statements()), all)
	}
	s.SetFilter(session.Filter{})
	o.Settle()
	if told != 2 || len(s.Statements()) != all {
		t.Errorf("filter cleared: told %d times, %d statements of %d", told, len(s.Statements()), all)
	}
}

package app

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
	"github.com/quoteline/quoteline/timeline/export"
)

func TestDocument_Match(t *testing.T) {
	// Ten hourly events over two lanes; events 3 and 7 are disputed.
	d := spanDoc(10, 2)
	for _, id := range []int64{3, 7} {
		p, _ := d.ids.pos(id)
		d.info[p] = d.info[p]&^(3<<6) | spanInfo(slices.Index(spanStatuses[:], data.StatusDisputed))<<6
	}
	hour := func(h int) float64 { return float64(h * 3600) }
	tests := []struct {
		name    string
		f       eventFilter
		allowed []int64
		want    []int64
	}{
		{"lane", eventFilter{lanes: []int64{2}}, nil, []int64{2, 4, 6, 8, 10}},
		{"two lanes", eventFilter{lanes: []int64{1, 2}}, nil, []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
		{"status", eventFilter{statuses: []data.ClaimStatus{data.StatusDisputed}}, nil, []int64{3, 7}},
		{"lane and status", eventFilter{lanes: []int64{1}, statuses: []data.ClaimStatus{data.StatusDisputed}}, nil, []int64{3, 7}},
		{"lane and status, none", eventFilter{lanes: []int64{2}, statuses: []data.ClaimStatus{data.StatusDisputed}}, nil, nil},
		// Event i starts at hour i-1; the window is half-open.
		{"dates", eventFilter{dates: &dateWindow{from: hour(2), to: hour(5)}}, nil, []int64{3, 4, 5}},
		{"allowed ids", eventFilter{tags: []string{"t"}}, []int64{1, 5, 99}, []int64{1, 5}},
		{"allowed none", eventFilter{tags: []string{"t"}}, []int64{}, nil},
		{"everything", eventFilter{lanes: []int64{1}, dates: &dateWindow{from: hour(0), to: hour(9)}, tags: []string{"t"}},
			[]int64{1, 2, 3, 9, 10}, []int64{1, 3, 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.match(&tt.f, tt.allowed)
			var ids []int64
			for k, it := range got.events.Items {
				ids = append(ids, it.ID)
				if d.items[got.positions[k]].ID != it.ID {
					t.Errorf("position %d is event %d, not %d", got.positions[k], d.items[got.positions[k]].ID, it.ID)
				}
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("kept %v, want %v", ids, tt.want)
			}
			// Only the lanes chosen are shown, and items are on them.
			wantLanes := len(d.lanes)
			if len(tt.f.lanes) > 0 {
				wantLanes = len(tt.f.lanes)
			}
			if len(got.tlLanes) != wantLanes || len(got.lanes) != wantLanes {
				t.Errorf("%d lanes shown (%v), want %d", len(got.tlLanes), got.lanes, wantLanes)
			}
			for k, it := range got.events.Items {
				want := d.tlLanes[d.items[got.positions[k]].Lane]
				if int(it.Lane) >= len(got.tlLanes) || got.tlLanes[it.Lane] != want {
					t.Errorf("event %d is on shown lane %d, not on %q", it.ID, it.Lane, want.Name)
				}
			}
		})
	}
}

func TestDocument_MatchKeepsThePeriodsOfTheLanesShown(t *testing.T) {
	d := spanDoc(10, 3)
	d.periods = []timeline.Period{
		{Start: 0, End: 3600, Lane: -1, Title: "everywhere"},
		{Start: 0, End: 3600, Lane: 1, Title: "second lane"},
		{Start: 0, End: 3600, Lane: 2, Title: "third lane"},
	}
	got := d.match(&eventFilter{lanes: []int64{d.lanes[2].ID}}, nil)
	want := []timeline.Period{{Start: 0, End: 3600, Lane: -1, Title: "everywhere"}, {Start: 0, End: 3600, Lane: 0, Title: "third lane"}}
	if !slices.Equal(got.events.Periods, want) {
		t.Errorf("periods shown %+v, want %+v (the third lane's, behind the one lane shown)", got.events.Periods, want)
	}
	if all := d.match(&eventFilter{}, nil); len(all.events.Periods) != 3 {
		t.Errorf("with nothing left out, %d periods shown", len(all.events.Periods))
	}
	// Lanes reordered, one deleted: the periods follow their lanes.
	lanes := []data.Lane{d.lanes[2], d.lanes[0]}
	d.applyChanges(nil, nil, lanes)
	want = []timeline.Period{{Start: 0, End: 3600, Lane: -1, Title: "everywhere"}, {Start: 0, End: 3600, Lane: 0, Title: "third lane"}}
	if !slices.Equal(d.periods, want) {
		t.Errorf("after the lanes changed, periods %+v, want %+v", d.periods, want)
	}
}

// parseDateWindow reads a date or range the way the filter dialog does
// ("2023", "Aug 2022", "2022-08/2023-05") as the period it covers.
func parseDateWindow(text string) (*dateWindow, error) {
	in, err := data.ParseDateInput(text)
	if err != nil {
		return nil, err
	}
	return dateWindowOf(strings.TrimSpace(text), in), nil
}

func TestDateWindow_Overlaps(t *testing.T) {
	w := dateWindow{from: 100, to: 200}
	tests := []struct {
		it   timeline.Item
		want bool
	}{
		{timeline.Item{Start: 100, End: 100}, true},
		{timeline.Item{Start: 199, End: 199}, true},
		{timeline.Item{Start: 200, End: 200}, false},
		{timeline.Item{Start: 99, End: 99}, false},
		{timeline.Item{Start: 10, End: 101, Range: true}, true},
		{timeline.Item{Start: 10, End: 100, Range: true}, false}, // ends as the window starts
		{timeline.Item{Start: 150, End: 900, Range: true}, true},
		{timeline.Item{Start: 10, End: 900, Range: true}, true},
	}
	for _, tt := range tests {
		if got := w.overlaps(&tt.it); got != tt.want {
			t.Errorf("overlaps(%v..%v) = %v, want %v", tt.it.Start, tt.it.End, got, tt.want)
		}
	}
	if _, err := parseDateWindow("Aug 2022 – May 2023"); err != nil {
		t.Errorf("a range: %v", err)
	}
	if _, err := parseDateWindow("sometime"); err == nil {
		t.Error("no error for a date not understood")
	}
}

// shownTitles returns the titles of the events the timeline, the overview
// and the list show, failing if they disagree.
func shownTitles(t *testing.T, m *mainWindow) []string {
	t.Helper()
	var titles []string
	for _, it := range m.timeline.Events().Items {
		titles = append(titles, m.doc.itemTitle(it.ID))
	}
	if n := m.timeline.Index().Len(); n != len(titles) {
		t.Errorf("the timeline's index holds %d events, its items %d", n, len(titles))
	}
	if n := m.overview.Index().Len(); n != len(titles) {
		t.Errorf("the overview shows %d events, the timeline %d", n, len(titles))
	}
	var listed []string
	rows, _ := m.list.size()
	for r := range rows {
		listed = append(listed, m.doc.itemTitle(m.list.eventAt(r)))
	}
	if !slices.Equal(listed, titles) {
		t.Errorf("the list shows %q, the timeline %q", listed, titles)
	}
	return titles
}

// chipTexts returns the texts of the filter bar's chips.
func chipTexts(m *mainWindow) []string {
	var out []string
	for _, o := range m.filter.chips.Objects {
		out = append(out, o.(*widget.Button).Text)
	}
	return out
}

func TestMainWindow_FiltersShowOnlyWhatIsChosen(t *testing.T) {
	m, _ := openExample(t)
	ctx := context.Background()
	all, err := m.doc.store.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// want returns the titles of the events keep accepts, by date.
	want := func(keep func(e *data.Event) bool) []string {
		var out []string
		for i := range m.doc.items {
			for k := range all {
				if all[k].ID == m.doc.items[i].ID && keep(&all[k]) {
					out = append(out, all[k].Title)
				}
			}
		}
		return out
	}
	filtered := make(chan bool, 1)
	m.filtered = func() { filtered <- true }
	await := func(what string) {
		t.Helper()
		select {
		case <-filtered:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: filter not applied within 10 s", what)
		}
	}
	m.list.toggle() // the list is kept in step while shown

	var sanctions data.Lane
	for _, l := range m.doc.lanes {
		if l.Name == "Sanctions" {
			sanctions = l
		}
	}
	if sanctions.ID == 0 {
		t.Fatal("the default timeline has no Sanctions lane")
	}

	// Through the dialog: the Sanctions lane and events tagged "shahed".
	forms := make(chan *filterFormView, 1)
	m.filter.formShown = func(v *filterFormView) { forms <- v }
	m.showFilterDialog()
	form := wait(t, forms, "showing the filter dialog")
	form.lanes.SetSelected([]string{"Sanctions"})
	var shahed string
	for _, o := range form.tags.Options {
		if strings.HasPrefix(o, "shahed (") {
			shahed = o
		}
	}
	if shahed == "" {
		t.Fatalf("tag shahed not offered among %q", form.tags.Options)
	}
	form.tags.SetSelected([]string{shahed})
	form.dialog.Submit()
	await("lane and tag")
	got := shownTitles(t, m)
	wantTitles := want(func(e *data.Event) bool { return e.LaneID == sanctions.ID && slices.Contains(e.Tags, "shahed") })
	if len(wantTitles) == 0 || !slices.Equal(got, wantTitles) {
		t.Errorf("lane and tag: shown %q, want %q", got, wantTitles)
	}
	if chips := chipTexts(m); !slices.Equal(chips, []string{"Lane: Sanctions", "Tag: shahed"}) {
		t.Errorf("chips %q", chips)
	}
	if !m.filter.bar.Visible() || !strings.Contains(m.status.Text, fmt.Sprintf("%d events shown of", len(wantTitles))) {
		t.Errorf("bar visible %v, status %q", m.filter.bar.Visible(), m.status.Text)
	}

	// An export draws what the window shows.
	svgPath := filepath.Join(t.TempDir(), "filtered.svg")
	exported := make(chan error, 1)
	m.startExport(m.doc, svgPath, export.SVG, true, func(err error) { exported <- err })
	if err := wait(t, exported, "exporting the filtered view"); err != nil {
		t.Fatal(err)
	}
	svg, err := os.ReadFile(svgPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		in := bytes.Contains(svg, []byte(html.EscapeString(string([]rune(e.Title)[:min(32, len([]rune(e.Title)))])))) // long titles are cut
		if shown := slices.Contains(wantTitles, e.Title); in != shown {
			t.Errorf("event %q in the export: %v, shown: %v", e.Title, in, shown)
		}
	}

	// An edit keeps the filter: the event leaves the lane and so the view.
	moved := all[slices.IndexFunc(all, func(e data.Event) bool { return e.Title == wantTitles[0] })]
	applied := make(chan error, 1)
	m.editor.applied = func(_ string, err error) { applied <- err }
	m.editor.do("", func(ctx context.Context, s *data.Store) (*data.Edit, error) {
		ev := moved
		ev.LaneID = m.doc.lanes[0].ID
		_, ed, err := s.SaveEvent(ctx, ev)
		return ed, err
	}, nil)
	waitApplied(t, applied)
	await("after the edit")
	if got := shownTitles(t, m); slices.Contains(got, moved.Title) || len(got) != len(wantTitles)-1 {
		t.Errorf("after moving %q out of the lane: shown %q", moved.Title, got)
	}
	m.editor.undoRedo(false)
	waitApplied(t, applied)
	await("after undo")
	if got := shownTitles(t, m); !slices.Equal(got, wantTitles) {
		t.Errorf("after undo: shown %q, want %q", got, wantTitles)
	}

	// Removing the lane chip keeps the tag.
	test.Tap(m.filter.chips.Objects[0].(*widget.Button))
	await("tag alone")
	if got, w := shownTitles(t, m), want(func(e *data.Event) bool { return slices.Contains(e.Tags, "shahed") }); !slices.Equal(got, w) {
		t.Errorf("tag alone: shown %q, want %q", got, w)
	}

	// An actor chosen in the Actors tab joins the tag; a date window and a
	// claim status narrow further.
	var iran int64
	for _, act := range m.links.actors {
		if act.Name == "Iran" {
			iran = act.ID
		}
	}
	ofIran, err := m.doc.store.EventsOfActor(ctx, iran)
	if err != nil {
		t.Fatal(err)
	}
	m.filterByActor(iran)
	await("tag and actor")
	w := want(func(e *data.Event) bool { return slices.Contains(e.Tags, "shahed") && slices.Contains(ofIran, e.ID) })
	if got := shownTitles(t, m); !slices.Equal(got, w) {
		t.Errorf("tag and actor: shown %q, want %q", got, w)
	}
	if m.actors.chosen != iran {
		t.Errorf("the actors list shows %d chosen, not Iran (%d)", m.actors.chosen, iran)
	}
	f := m.filter.f
	f.dates, err = parseDateWindow("2022")
	if err != nil {
		t.Fatal(err)
	}
	f.statuses = []data.ClaimStatus{data.StatusConfirmed}
	m.setFilter(f)
	await("tag, actor, dates and status")
	w = want(func(e *data.Event) bool {
		return slices.Contains(e.Tags, "shahed") && slices.Contains(ofIran, e.ID) && e.Status == data.StatusConfirmed &&
			e.Start.Unix < time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).Unix() && e.Start.Unix >= time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	})
	if got := shownTitles(t, m); len(w) == 0 || !slices.Equal(got, w) {
		t.Errorf("tag, actor, dates and status: shown %q, want %q", got, w)
	}
	if chips := chipTexts(m); len(chips) != 4 || chips[3] != "Dates: 2022 (year)" {
		t.Errorf("chips %q", chips)
	}

	// Two actors: none is chosen in the Actors tab, which says so, and
	// choosing Everyone there drops both.
	f = eventFilter{actors: []int64{m.links.actors[0].ID, m.links.actors[1].ID}}
	m.setFilter(f)
	await("two actors")
	if m.actors.several != 2 || m.actors.chosen != 0 || !strings.Contains(m.actors.info.Text, "2 actors") {
		t.Errorf("two actors: the tab shows %d chosen, %d several, %q", m.actors.chosen, m.actors.several, m.actors.info.Text)
	}
	m.actors.list.Select(0) // Everyone
	if len(m.filter.f.actors) != 0 || m.filter.f.active() {
		t.Errorf("after choosing Everyone the filter is %+v", m.filter.f)
	}

	// Clearing shows everything again, at once.
	m.setFilter(eventFilter{})
	if got := shownTitles(t, m); len(got) != len(all) {
		t.Errorf("after clearing: %d events shown, want %d", len(got), len(all))
	}
	if m.filter.bar.Visible() || m.actors.chosen != 0 {
		t.Errorf("after clearing: bar visible %v, actor chosen %d", m.filter.bar.Visible(), m.actors.chosen)
	}
}

// BenchmarkFilter_1M measures applying a filter to a million events: the
// pass over the items on the UI goroutine and the index of what is kept,
// built off it.
func BenchmarkFilter_1M(b *testing.B) {
	d := spanDoc(1_000_000, 10)
	for _, bc := range []struct {
		name string
		f    eventFilter
	}{
		{"one lane of ten", eventFilter{lanes: []int64{3}}},
		{"a week", eventFilter{dates: &dateWindow{from: 500_000 * 3600, to: 500_168 * 3600}}},
		{"status keeping all", eventFilter{statuses: []data.ClaimStatus{data.StatusReported}}},
	} {
		b.Run(bc.name+"/match", func(b *testing.B) {
			for b.Loop() {
				d.match(&bc.f, nil)
			}
		})
		b.Run(bc.name+"/index", func(b *testing.B) {
			shown := d.match(&bc.f, nil)
			if shown.index != nil {
				b.Skip("nothing is left out: the document's index serves")
			}
			for b.Loop() {
				timeline.NewIndex(shown.events.Items, shown.events.Earliest, len(d.lanes))
			}
		})
	}
}

// TestEditor_MoveToALaneShownByTheFilter drags an event to the second lane
// the timeline shows while a lane filter hides others: it goes to that
// lane, not to the document's second.
func TestEditor_MoveToALaneShownByTheFilter(t *testing.T) {
	m, _ := openExample(t)
	first, last := m.doc.lanes[0], m.doc.lanes[len(m.doc.lanes)-1]
	m.setFilter(eventFilter{lanes: []int64{first.ID, last.ID}})
	var id int64
	for _, it := range m.timeline.Events().Items {
		if it.Lane == 0 && id == 0 {
			id = it.ID
		}
	}
	if id == 0 {
		t.Fatal("no event shown in the first lane")
	}
	applied := make(chan error, 1)
	m.editor.applied = func(_ string, err error) { applied <- err }
	details := make(chan int64, 1)
	m.detailsShown = func(id int64) { details <- id }
	m.editor.moveEvent(id, 0, 1) // the second lane shown
	waitApplied(t, applied)
	wait(t, details, "showing the moved event")
	ev, err := m.doc.store.Event(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if ev.LaneID != last.ID {
		t.Errorf("moved to lane %d, want %q (%d)", ev.LaneID, last.Name, last.ID)
	}
	if got := m.editor.undoItem.Label; got != "Undo Move event to "+last.Name {
		t.Errorf("undo item %q", got)
	}
}

package app

import (
	"cmp"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// waitApplied waits for the editor's next edit, undo or redo to be shown.
func waitApplied(t *testing.T, ch chan error) {
	t.Helper()
	select {
	case err := <-ch:
		if err != nil {
			t.Fatalf("edit: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("edit not shown within 10 s")
	}
}

func hasTitle(d *document, title string) bool {
	return slices.ContainsFunc(d.items, func(it timeline.Item) bool { return d.itemTitle(it.ID) == title })
}

func TestEditor_FormUndoRedo(t *testing.T) {
	m, path := openExample(t)
	applied := make(chan error, 1)
	m.editor.applied = func(_ string, err error) { applied <- err }
	if !m.editor.undoItem.Disabled || m.editor.undoItem.Label != "Undo" {
		t.Errorf("undo item %q disabled=%v before any edit", m.editor.undoItem.Label, m.editor.undoItem.Disabled)
	}

	m.editor.showEventForm(0)
	f := m.editor.lastForm
	if f == nil {
		t.Fatal("no event form")
	}
	test.Type(f.title, "Shahed drones reach Crimea")
	for _, tt := range []struct{ typed, says string }{
		{"15 M", "Not understood"},
		{"540 Ma", "Understood as 540,000,000 BC (year)"},
		{"300 BC", "Understood as 300 BC (year)"},
		{"15 May 2023", "Understood as 15 May 2023 (day)"},
	} {
		f.dates.SetText("")
		test.Type(f.dates, tt.typed)
		if !strings.Contains(f.understood.Text, tt.says) {
			t.Errorf("typing %q shows %q, want %q", tt.typed, f.understood.Text, tt.says)
		}
	}
	f.dates.SetText("c. 2022")
	if f.understood.Text != "Understood as about 2022 (year; 2021 to 2023)" {
		t.Errorf("c. 2022 understood as %q", f.understood.Text)
	}
	f.lane.SetSelected("Sanctions")
	shown := make(chan int64, 4)
	m.detailsShown = func(id int64) { shown <- id }
	f.dialog.Submit()
	waitApplied(t, applied)
	// The new event is selected and its details read; the test driver runs
	// fyne.Do on the calling goroutine, so let that finish first.
	select {
	case <-shown:
	case <-time.After(10 * time.Second):
		t.Fatal("the new event's details were not shown")
	}

	if !hasTitle(m.doc, "Shahed drones reach Crimea") || m.doc.counts.Events != 18 {
		t.Fatalf("new event not on the timeline (%d events)", m.doc.counts.Events)
	}
	id := m.timeline.Selected()
	sp, lane, ok := m.doc.span(id)
	if !ok || lane.Name != "Sanctions" || sp.Start.String() != "2022" || sp.EarliestStart >= sp.Start.Unix {
		t.Errorf("new event selected %d: %+v in %q", id, sp, lane.Name)
	}
	if m.editor.undoItem.Label != "Undo Add event" || m.editor.undoItem.Disabled {
		t.Errorf("undo item %q disabled=%v", m.editor.undoItem.Label, m.editor.undoItem.Disabled)
	}

	m.editor.undoRedo(false)
	waitApplied(t, applied)
	if hasTitle(m.doc, "Shahed drones reach Crimea") || len(m.doc.items) != 17 || m.timeline.Selected() != 0 {
		t.Errorf("undo left the event (%d items, selected %d)", len(m.doc.items), m.timeline.Selected())
	}
	if m.editor.redoItem.Label != "Redo Add event" {
		t.Errorf("redo item %q", m.editor.redoItem.Label)
	}

	// Undo survives closing and reopening the document in the session.
	m.editor.undoRedo(true)
	waitApplied(t, applied)
	if err := openAndWait(t, m, path); err != nil {
		t.Fatal(err)
	}
	if !hasTitle(m.doc, "Shahed drones reach Crimea") {
		t.Fatal("reopened document lacks the event")
	}
	m.editor.undoRedo(false)
	waitApplied(t, applied)
	if hasTitle(m.doc, "Shahed drones reach Crimea") {
		t.Error("undo after reopening did not remove the event")
	}
}

func TestEditor_EditErrorsAreReadable(t *testing.T) {
	err := editError(fmt.Errorf("data.SaveLane: %w", &data.FieldError{Record: "lane", Field: "name", Reason: `another lane is called "Sanctions"`}))
	if want := `The lane's name another lane is called "Sanctions".`; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}

// spanDoc builds an in-memory document of n one-day events over lanes,
// without a store.
func spanDoc(n, lanes int) *document {
	d := newDocument(nil)
	for l := range lanes {
		d.lanes = append(d.lanes, data.Lane{ID: int64(l + 1), Name: fmt.Sprint("Lane ", l+1), Color: "#336699"})
	}
	var evs []data.Event
	for i := range n {
		evs = append(evs, data.Event{ID: int64(i + 1), LaneID: int64(i%lanes + 1), Title: fmt.Sprint("e", i+1),
			Start: data.Time{Unix: int64(i) * 3600, Precision: data.PrecisionMinute}, Status: data.StatusReported})
	}
	d.applyChanges(evs, nil, d.lanes)
	return d
}

func TestDocument_ApplyChangesKeepsOrder(t *testing.T) {
	d := spanDoc(100, 3)
	moved := data.Event{ID: 5, LaneID: 2, Title: "moved", Start: data.Time{Unix: 50*3600 + 1, Precision: data.PrecisionSecond}, Status: data.StatusDisputed}
	added := data.Event{ID: 1000, LaneID: 1, Title: "added", Start: data.Time{Unix: -10, Precision: data.PrecisionSecond}, Status: data.StatusReported}
	d.applyChanges([]data.Event{added, moved}, []int64{5, 1000, 7}, nil) // 7 deleted
	if len(d.items) != 100 || len(d.info) != 100 {
		t.Fatalf("%d items, %d infos; want 100", len(d.items), len(d.info))
	}
	pos := func(id int64) int {
		i, ok := d.ids.pos(id)
		if !ok {
			t.Fatalf("event %d not found", id)
		}
		return i
	}
	for i := range d.items {
		if i > 0 && d.items[i].Start < d.items[i-1].Start {
			t.Fatalf("items out of order at %d", i)
		}
		if pos(d.items[i].ID) != i || d.spanAt(i).ID != d.items[i].ID {
			t.Fatalf("ids or spans out of step at %d", i)
		}
	}
	if d.itemTitle(d.items[0].ID) != "added" || d.itemTitle(5) != "moved" || d.items[pos(5)].Lane != 1 {
		t.Errorf("added/moved wrong: %+v %+v", d.items[0], d.items[pos(5)])
	}
	if _, ok := d.ids.pos(7); ok {
		t.Error("deleted event 7 still there")
	}
	if d.index.Len() != 100 {
		t.Errorf("index holds %d items", d.index.Len())
	}

	// A new title or status alone changes the item where it is.
	index := d.index
	sp9 := d.spanAt(pos(9))
	ev := data.Event{ID: 9, LaneID: sp9.LaneID, Title: "retitled", Start: sp9.Start, Status: data.StatusDisputed}
	d.applyChanges([]data.Event{ev}, []int64{9}, nil)
	if it := d.items[pos(9)]; d.itemTitle(9) != "retitled" || it.Style != timeline.StyleDisputed || d.index != index {
		t.Errorf("in-place update: %+v, index rebuilt: %v", it, d.index != index)
	}
}

// BenchmarkDocument_ApplyOneEdit measures showing one edited event in a
// document of a million: a retitled event is updated in place; a moved one
// makes the arrays merge and the index rebuild.
func BenchmarkDocument_ApplyOneEdit(b *testing.B) {
	d := spanDoc(1_000_000, 10)
	retitled := data.Event{ID: 500_000, LaneID: 10, Title: "renamed", Start: data.Time{Unix: 499_999 * 3600, Precision: data.PrecisionMinute},
		Status: data.StatusDisputed}
	b.Run("retitle", func(b *testing.B) {
		for b.Loop() {
			d.applyChanges([]data.Event{retitled}, []int64{retitled.ID}, nil)
		}
	})
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		d := spanDoc(n, 10)
		moved := data.Event{ID: int64(n / 2), LaneID: 3, Title: "moved", Status: data.StatusReported}
		b.Run(fmt.Sprintf("move/%d", n), func(b *testing.B) {
			// Back and forth between two places, so that every edit moves
			// the event (an edit that leaves it where it is costs nothing).
			far := false
			for b.Loop() {
				far = !far
				moved.Start = data.Time{Unix: 12345, Precision: data.PrecisionDay}
				if far {
					moved.Start.Unix = int64(n) * 3600
				}
				d.applyChanges([]data.Event{moved}, []int64{moved.ID}, nil)
			}
		})
	}
}

func TestEventList_SortsAndFollowsTheTimeline(t *testing.T) {
	m, _ := openExample(t)
	l := m.list
	l.toggle()
	if !l.table.Visible() || m.timeline.Visible() {
		t.Fatal("the list did not replace the timeline")
	}
	if rows, cols := l.size(); rows != 17 || cols != 4 {
		t.Fatalf("table is %d×%d", rows, cols)
	}
	if first := m.doc.itemTitle(l.eventAt(0)); first != "Russia launches its full-scale invasion of Ukraine" {
		t.Errorf("first row by date: %q", first)
	}
	l.sortBy(0) // again: newest first
	if l.eventAt(16) != m.doc.items[0].ID {
		t.Errorf("descending date order does not end with the earliest event")
	}
	done := make(chan bool, 1)
	l.sorted = func() { done <- true }
	l.sortBy(1)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("sorting by title took more than 10 s")
	}
	var titles []string
	for r := range 17 {
		titles = append(titles, strings.ToLower(m.doc.itemTitle(l.eventAt(r))))
	}
	if !slices.IsSorted(titles) {
		t.Errorf("rows not sorted by title: %q", titles)
	}
	// Selecting an event on the timeline picks its row.
	id := l.eventAt(5)
	m.list.follow(id)
	if l.row[id] != 5 {
		t.Errorf("row of event %d = %d, want 5", id, l.row[id])
	}
	l.toggle()
	if l.table.Visible() || !m.timeline.Visible() {
		t.Error("the timeline did not come back")
	}
}

// TestEditor_SavingUnchangedKeepsEveryEvent opens the form on every event of
// the default timeline and saves it untouched: nothing about the event may
// change, uncertainty bounds included.
func TestEditor_SavingUnchangedKeepsEveryEvent(t *testing.T) {
	m, _ := openExample(t)
	applied := make(chan error, 1)
	m.editor.applied = func(_ string, err error) { applied <- err }
	shown := make(chan int64, 4)
	m.detailsShown = func(id int64) { shown <- id }
	before, err := m.doc.store.Events(m.life)
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range before {
		m.timeline.Select(ev.ID)
		f := m.editor.eventForm(m.doc, ev)
		f.dialog.Submit()
		waitApplied(t, applied)
		select {
		case <-shown:
		case <-time.After(10 * time.Second):
			t.Fatal("details not shown")
		}
		after, err := m.doc.store.Event(m.life, ev.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(after, ev) {
			t.Errorf("saving %q unchanged altered it:\n%+v\nwas\n%+v", ev.Title, after, ev)
		}
	}
}

func TestMainWindow_RecentAndClose(t *testing.T) {
	m, path := openExample(t)
	if got := m.recentFiles(); len(got) != 1 || got[0] != path {
		t.Errorf("recent files %q, want [%q]", got, path)
	}
	if items := m.recentItem.ChildMenu.Items; len(items) < 1 || !strings.HasPrefix(items[0].Label, "example.quoteline") {
		t.Errorf("Open Recent menu: %+v", items)
	}
	m.closeDocument()
	if m.doc != nil || m.win.Title() != "Quoteline" || m.statusText() != "No document open" {
		t.Errorf("after Close: doc %v, title %q, status %q", m.doc != nil, m.win.Title(), m.statusText())
	}
	if !m.editor.undoItem.Disabled {
		t.Error("Undo enabled with no document")
	}
	m.editor.showEventForm(0) // nothing to add to: must not panic
	m.list.toggle()
	if rows, _ := m.list.size(); rows != 0 {
		t.Errorf("list shows %d rows with no document", rows)
	}
}

// TestDocument_MergeRunsMatchesFullRebuild: random moves, additions and
// deletions applied by copying runs give the same items, infos, bounds and
// index as making every item again.
func TestDocument_MergeRunsMatchesFullRebuild(t *testing.T) {
	fast, full := spanDoc(2000, 5), spanDoc(2000, 5)
	r := rand.New(rand.NewPCG(1, 2))
	nextID := int64(5000)
	for step := range 300 {
		var changed []data.Event
		var touched []int64
		for range 1 + r.IntN(3) {
			id := int64(1 + r.IntN(2000))
			if slices.Contains(touched, id) {
				continue
			}
			touched = append(touched, id)
			if r.IntN(4) == 0 {
				continue // deleted
			}
			e := data.Event{ID: id, LaneID: int64(1 + r.IntN(5)), Title: fmt.Sprint("moved ", step),
				Start: data.Time{Unix: int64(r.IntN(2100)) * 3600, Precision: data.PrecisionMinute}, Status: data.StatusDisputed}
			if r.IntN(3) == 0 {
				earlier := e.Start.Unix - 86400
				e.EarliestStart = &earlier
			}
			changed = append(changed, e)
		}
		if r.IntN(3) == 0 {
			nextID++
			touched = append(touched, nextID)
			changed = append(changed, data.Event{ID: nextID, LaneID: 2, Title: "added",
				Start: data.Time{Unix: int64(r.IntN(2100)) * 3600, Precision: data.PrecisionDay}, Status: data.StatusReported})
		}
		slices.SortFunc(changed, func(a, b data.Event) int {
			return cmp.Or(cmp.Compare(a.Start.Unix, b.Start.Unix), cmp.Compare(a.ID, b.ID))
		})
		fast.applyChanges(changed, touched, nil)
		full.applyChanges(changed, touched, full.lanes)
		if !slices.Equal(fast.items, full.items) || !slices.Equal(fast.info, full.info) || !maps.Equal(fast.earliest, full.earliest) {
			t.Fatalf("step %d: merged runs differ from a full rebuild", step)
		}
		if !reflect.DeepEqual(fast.index, full.index) {
			t.Fatalf("step %d: indexes differ", step)
		}
		for _, e := range changed {
			if i, ok := fast.ids.pos(e.ID); !ok || fast.items[i].ID != e.ID {
				t.Fatalf("step %d: event %d not found by id", step, e.ID)
			}
		}
	}
}

package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/assets"
	"github.com/quoteline/quoteline/data"
)

// exampleDocument writes the default timeline to a temporary file.
func exampleDocument(t *testing.T) string {
	t.Helper()
	doc, err := data.ReadDocument(assets.Seed(), assets.DefaultDocument)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "example.quoteline")
	s, err := data.CreateFromDocument(context.Background(), path, doc)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// texts collects the text of every label under o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	switch v := o.(type) {
	case *widget.Label:
		out = append(out, v.Text)
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, texts(c)...)
		}
	case *widget.Hyperlink:
		out = append(out, v.Text)
	}
	return out
}

// detailsContain fails unless the details pane shows every string in want.
func detailsContain(t *testing.T, d *details, want ...string) {
	t.Helper()
	all := strings.Join(texts(d.box), "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("details pane lacks %q; it shows:\n%s", w, all)
		}
	}
}

func TestMainWindow_SelectingTheRangeEventShowsKirbysQuote(t *testing.T) {
	m, _ := openExample(t)

	if got := m.win.Title(); got != "example.quoteline — Quoteline" {
		t.Errorf("title %q", got)
	}
	if len(m.doc.items) != 17 || len(m.doc.tlLanes) != 5 {
		t.Fatalf("%d items in %d lanes, want 17 in 5", len(m.doc.items), len(m.doc.tlLanes))
	}
	var rangeID int64
	for _, it := range m.doc.items {
		title := m.doc.itemTitle(it.ID)
		if title == "" {
			t.Errorf("event %d has no title on the timeline", it.ID)
		}
		if it.Range && strings.Contains(title, "400") {
			rangeID = it.ID
		}
	}
	if rangeID == 0 {
		t.Fatal("no range event about the 400 drones")
	}
	shown := make(chan int64, 1)
	m.detailsShown = func(id int64) { shown <- id }
	m.timeline.Select(rangeID)
	m.selectEvent(rangeID)
	select {
	case id := <-shown:
		if id != rangeID {
			t.Fatalf("details shown for event %d, want %d", id, rangeID)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the event's quotes were not shown within 10 s")
	}
	detailsContain(t, m.details,
		"Aug 2022 – 15 May 2023",
		"Since August, Iran has provided Russia with more than 400 UAVs",
		"John Kirby, said 15 May 2023",
		"from “since August”, said 15 May 2023",
	)
}

func TestDateRange_ShowsPrecision(t *testing.T) {
	day := func(y, m, d int) data.Time {
		return data.Time{Unix: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionDay}
	}
	month := func(y, m int) data.Time {
		return data.Time{Unix: time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionMonth}
	}
	tests := []struct {
		name string
		ev   data.Event
		want string
	}{
		{"day point", data.Event{Start: day(2022, 9, 8)}, "8 Sep 2022"},
		{"month point", data.Event{Start: month(2022, 8)}, "Aug 2022"},
		{"month to day range", data.Event{Start: month(2022, 8), End: day(2023, 5, 15)}, "Aug 2022 – 15 May 2023"},
		{"uncertain start", data.Event{Start: month(2022, 10), End: day(2023, 5, 15), StartUncertain: true}, "Oct 2022 (start uncertain) – 15 May 2023"},
		{"uncertain end", data.Event{Start: day(2023, 5, 15), End: day(2023, 5, 31), EndUncertain: true}, "15 May 2023 – 31 May 2023?"},
		{"ongoing point", data.Event{Start: day(2023, 5, 15), StartUncertain: true}, "by 15 May 2023 (start not known)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := dateRange(data.DateStyle{}, &tt.ev); got != tt.want {
				t.Errorf("dateRange = %q, want %q", got, tt.want)
			}
		})
	}
}

// openAndWait opens path through the window's own (background) path and
// waits until it is shown with its first titles and has passed its
// integrity check, or is refused. It returns the error of either.
// openTimeout bounds each stage of opening in tests: generous, for the
// race detector on a busy machine.
const openTimeout = 60 * time.Second

func openAndWait(t *testing.T, m *mainWindow, path string) error {
	t.Helper()
	done := make(chan error, 1)
	titles := make(chan error, 1)
	links := make(chan error, 1)
	checked := make(chan error, 1)
	m.opened = func(err error) { done <- err }
	m.titlesLoaded = func(err error) {
		select {
		case titles <- err:
		default: // later batches
		}
	}
	m.checked = func(err error) { checked <- err }
	m.linksLoaded = func(err error) { links <- err }
	m.open(path)
	select {
	case err := <-done:
		if err != nil {
			return err
		}
	case <-time.After(openTimeout):
		t.Fatal("opening took more than " + openTimeout.String())
	}
	select {
	case err := <-titles:
		if err != nil {
			t.Fatalf("loading titles: %v", err)
		}
	case <-time.After(openTimeout):
		t.Fatal("titles not loaded within " + openTimeout.String())
	}
	select {
	case err := <-checked:
		if err != nil {
			return err
		}
	case <-time.After(openTimeout):
		t.Fatal("integrity check not done within " + openTimeout.String())
	}
	select {
	case err := <-links:
		if err != nil {
			t.Fatalf("loading quotes and actors: %v", err)
		}
	case <-time.After(openTimeout):
		t.Fatal("quotes and actors not loaded within " + openTimeout.String())
	}
	return nil
}

func TestMainWindow_OpenShowsDocumentOrError(t *testing.T) {
	a := test.NewTempApp(t)
	m := newMainWindow(a, Options{Version: "test"})
	defer m.win.Close()

	bad := filepath.Join(t.TempDir(), "notes.quoteline")
	if err := os.WriteFile(bad, []byte("just some notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := openAndWait(t, m, bad); err == nil || !strings.Contains(err.Error(), "not a SQLite database") {
		t.Fatalf("opening a text file: %v", err)
	}
	if m.win.Canvas().Overlays().Top() == nil {
		t.Error("no error dialog shown")
	}
	if m.doc != nil {
		t.Error("a document was loaded from a bad file")
	}
	m.win.Canvas().Overlays().Remove(m.win.Canvas().Overlays().Top())

	good := exampleDocument(t)
	if err := openAndWait(t, m, good); err != nil {
		t.Fatal(err)
	}
	defer m.doc.store.Close()
	if m.win.Title() != "example.quoteline — Quoteline" || len(m.doc.items) != 17 {
		t.Errorf("title %q, %d items", m.win.Title(), len(m.doc.items))
	}
	if got := m.status.Text; !strings.HasPrefix(got, "17 events · 5 lanes") {
		t.Errorf("status %q", got)
	}
}

func TestMainWindow_OpeningCanBeCancelled(t *testing.T) {
	a := test.NewTempApp(t)
	m := newMainWindow(a, Options{Version: "test"})
	defer m.win.Close()
	path := filepath.Join(t.TempDir(), "big.quoteline")
	s, err := data.Generate(context.Background(), path, data.GenerateOptions{Events: 60_000, Lanes: 3})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	done := make(chan error, 1)
	m.opened = func(err error) { done <- err }
	m.open(path)
	if !m.cancel.Visible() || !m.progress.Visible() {
		t.Error("no progress bar and cancel button while opening")
	}
	test.Tap(m.cancel)
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("opening ended with %v, want it cancelled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("cancelling took more than 10 s")
	}
	if m.doc != nil || m.cancel.Visible() || !strings.Contains(m.status.Text, "cancelled") {
		t.Errorf("after cancelling: document %v, cancel shown %v, status %q", m.doc != nil, m.cancel.Visible(), m.status.Text)
	}
	if m.win.Canvas().Overlays().Top() != nil {
		t.Error("cancelling showed an error dialog")
	}
}

package dialog

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/interchange"
)

// reviewCSV opens the review of the CSV file at path, its columns guessed,
// and waits for the first reading.
func reviewCSV(t *testing.T, o *sessiontest.Owner, p Parent, path string) *importReview {
	t.Helper()
	header, sample, comma, err := readCSVStart(path)
	if err != nil {
		t.Fatal(err)
	}
	r := showImportReview(p, path, interchange.FormatCSV, newCSVMapper(header, sample, comma))
	awaitReading(t, o, r)
	return r
}

// awaitReading waits until the review has read its file as chosen.
func awaitReading(t *testing.T, o *sessiontest.Owner, r *importReview) {
	t.Helper()
	o.Until("the file read for the review", func() bool { return r.ready })
}

// importAndWait imports what the review read, and waits until the
// document is shown again with it.
func importAndWait(t *testing.T, o *sessiontest.Owner, r *importReview) {
	t.Helper()
	test.Tap(r.button)
	if err := sessiontest.Next[session.Opened](o).Err; err != nil {
		t.Fatalf("import: %v", err)
	}
}

// writeFile writes text to a file called name in a temporary folder.
func writeFile(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// storedStarts returns the starts of the events of st titled in titles.
func storedStarts(t *testing.T, st *data.Store, titles ...string) []string {
	t.Helper()
	evs, err := st.Events(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		if slices.Contains(titles, e.Title) {
			out = append(out, e.Start.String())
		}
	}
	slices.Sort(out)
	return out
}

// TestImportReview_ListsWhatCannotBeReadAndImportsTheRest reviews a CSV
// file with rows that cannot be read: each is listed with its line and
// why, the button offers the others, and importing adds exactly those.
func TestImportReview_ListsWhatCannotBeReadAndImportsTheRest(t *testing.T) {
	o, p, st := openExample(t)
	r := reviewCSV(t, o, p, filepath.Join("..", "..", "data", "interchange", "testdata", "corpus", "csv-bad.csv"))
	if got := r.text.summary.Text; !strings.Contains(got, "4 of the 9 records of csv-bad.csv read; 5 left out") {
		t.Errorf("summary %q", got)
	}
	for _, want := range []string{
		`• line 3: field 1 holds a NUL byte (after "Nul")`,
		`• line 8 "start": "2020-13-01" month out of range`,
	} {
		if !strings.Contains(r.text.skipped.Text, want) {
			t.Errorf("the list of records left out lacks %q:\n%s", want, r.text.skipped.Text)
		}
	}
	if !strings.Contains(r.text.said.Text, "Line 6 has fewer fields than the header") {
		t.Errorf("how it was read: %q", r.text.said.Text)
	}
	if !strings.Contains(r.text.preview.Text, "1 Jan 2020: Good one") {
		t.Errorf("preview %q", r.text.preview.Text)
	}
	if r.button.Text != "Import the 4 that can be read" || r.button.Disabled() {
		t.Fatalf("button %q (disabled %v)", r.button.Text, r.button.Disabled())
	}
	importAndWait(t, o, r)
	if c := o.S.Doc().Counts(); c.Events != 17+4 {
		t.Errorf("%d events after the import, want 17 and the 4 that can be read", c.Events)
	}
	if got := storedStarts(t, st, "Good one", "Good two", "Trailing empty", "Too few"); !slices.Equal(got, []string{"2020-01-01", "2020-01-05", "2020-01-06", "2020-01-07"}) {
		t.Errorf("imported %q", got)
	}
}

// TestImportReview_DateOrderAndZone: dates written in numbers alone that
// read both ways are read as the user chooses, and times without a zone on
// the clock chosen; the review says so and the import keeps it.
func TestImportReview_DateOrderAndZone(t *testing.T) {
	o, p, st := openExample(t)
	path := writeFile(t, "ambiguous.csv", "title,date\nFirst,3/11/2015\nSecond,4/12/2015\nMeeting,2015-12-04 14:30\n")
	r := reviewCSV(t, o, p, path)
	if !r.order.row.Visible() || len(r.order.radio.Options) != 2 || r.order.radio.Selected != dateOrderLabels[data.MonthDayYear] {
		t.Fatalf("order choices %q, chosen %q (shown %v)", r.order.radio.Options, r.order.radio.Selected, r.order.row.Visible())
	}
	if !strings.Contains(r.text.said.Text, "read month/day/year; every one of them reads in another order too") {
		t.Errorf("how it was read: %q", r.text.said.Text)
	}
	if !strings.Contains(r.text.preview.Text, "11 Mar 2015: First") {
		t.Errorf("preview %q", r.text.preview.Text)
	}
	r.order.radio.SetSelected(dateOrderLabels[data.DayMonthYear])
	awaitReading(t, o, r)
	if !strings.Contains(r.text.preview.Text, "3 Nov 2015: First") || r.order.radio.Selected != dateOrderLabels[data.DayMonthYear] ||
		len(r.order.radio.Options) != 2 || !strings.Contains(r.text.said.Text, "read day/month/year, as chosen") {
		t.Errorf("read day first: preview %q, choices %q, chosen %q, said %q", r.text.preview.Text, r.order.radio.Options, r.order.radio.Selected, r.text.said.Text)
	}

	r.zone.SetText("Europe/Berlin")
	awaitReading(t, o, r)
	if !strings.Contains(r.text.said.Text, "Times of day written without a zone were read on the clock of Europe/Berlin.") {
		t.Errorf("how it was read: %q", r.text.said.Text)
	}
	r.zone.SetText("Mars/Olympus")
	if r.zone.Validate() == nil {
		t.Error("an unknown zone passes")
	}
	r.zone.SetText("Europe/Berlin")
	awaitReading(t, o, r)
	importAndWait(t, o, r)
	if got := storedStarts(t, st, "First", "Second", "Meeting"); !slices.Equal(got, []string{"2015-11-03", "2015-12-04", "2015-12-04T13:30Z"}) {
		t.Errorf("imported %q, want day first and 14:30 in Berlin as 13:30 UTC", got)
	}
}

// TestImportReview_VisItemsInAGroupThatIsNotThere: vis hides an item of an
// unknown group; the review lists it, and imports the others.
func TestImportReview_VisItemsInAGroupThatIsNotThere(t *testing.T) {
	o, p, st := openExample(t)
	path := writeFile(t, "groups.json", `{"groups": [{"id": 1, "content": "Talks"}],
 "items": [
  {"id": 1, "group": 1, "content": "Opening", "start": "2023-05-15T14:30"},
  {"id": 2, "group": 7, "content": "Lost", "start": "2023-05-16"},
  {"id": 3, "group": 1, "content": "Closing", "start": "2023-05-17"}
 ]}`)
	r := showImportReview(p, path, interchange.FormatVis, nil)
	awaitReading(t, o, r)
	if !strings.Contains(r.text.summary.Text, "2 of the 3 records of groups.json read; 1 left out") ||
		!strings.Contains(r.text.skipped.Text, "items[1]") || r.button.Text != "Import the 2 that can be read" {
		t.Errorf("summary %q, left out %q, button %q", r.text.summary.Text, r.text.skipped.Text, r.button.Text)
	}
	if !strings.Contains(r.text.said.Text, "Times of day written without a zone were read on this computer's clock") {
		t.Errorf("how it was read: %q", r.text.said.Text)
	}
	r.zone.SetText("UTC")
	awaitReading(t, o, r)
	importAndWait(t, o, r)
	if got := storedStarts(t, st, "Opening", "Lost", "Closing"); !slices.Equal(got, []string{"2023-05-15T14:30Z", "2023-05-17"}) {
		t.Errorf("imported %q", got)
	}
}

// TestShowImport_WaitsForTheTaskUnderWay: an import is not started while
// another task is under way, which reading the file would cancel.
func TestShowImport_WaitsForTheTaskUnderWay(t *testing.T) {
	o, p, _ := openExample(t)
	var b strings.Builder
	b.WriteString("title,start\n")
	for range 200_000 {
		b.WriteString("Event,2020-01-01\n")
	}
	path := writeFile(t, "big.csv", b.String())
	ended := false
	o.S.ReadImport(path, interchange.FormatCSV, interchange.Options{}, func(*interchange.Result, error) { ended = true })
	ShowImport(p)
	top := p.Win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(strings.Join(texts(top), "\n"), "still at work") {
		t.Errorf("ShowImport during a task shows %v", top)
	}
	o.S.Cancel()
	o.Until("the task to end", func() bool { return ended })
}

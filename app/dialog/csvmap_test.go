package dialog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/quoteline/quoteline/data/interchange"
)

func TestCSVMapper(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}

	// Headers the importer knows are chosen already.
	known := write("known.csv", "\ufeffHeadline,When,Group,Notes\nPort strike ends,2024-03-02,Labour,\"After six weeks, work resumes\"\n")
	header, sample, comma, err := readCSVStart(known)
	if err != nil {
		t.Fatal(err)
	}
	c := newCSVMapper(header, sample, comma)
	m, err := c.mapping()
	if err != nil {
		t.Fatal(err)
	}
	if m.Title != "1" || m.Start != "2" || m.Lane != "3" || m.Summary != "4" || m.End != "" {
		t.Errorf("guessed %+v", m)
	}
	if got := c.choices["summary"].Selected; got != "4. Notes (After six weeks, work resumes)" {
		t.Errorf("summary choice shows %q", got)
	}

	// Headers it does not know: the user chooses, tab-separated.
	odd := write("odd.tsv", "Was\tWann\tBis\tWo\nWahl\t2021-09-26\t\tBund\nStreik\t2023-03\t2023-04\tBahn\n")
	header, sample, comma, err = readCSVStart(odd)
	if err != nil {
		t.Fatal(err)
	}
	c = newCSVMapper(header, sample, comma)
	if _, err := c.mapping(); err == nil || !strings.Contains(err.Error(), "title") {
		t.Errorf("no title column chosen: %v", err)
	}
	c.choices["title"].SetSelectedIndex(1)
	c.choices["start"].SetSelectedIndex(1)
	if _, err := c.mapping(); err == nil || !strings.Contains(err.Error(), "both") {
		t.Errorf("one column for two fields: %v", err)
	}
	c.choices["start"].SetSelectedIndex(2)
	c.choices["end"].SetSelectedIndex(3)
	c.choices["lane"].SetSelectedIndex(4)
	m, err = c.mapping()
	if err != nil {
		t.Fatal(err)
	}
	checked, err := interchange.ReadFile(odd, interchange.FormatCSV, interchange.Options{CSV: m})
	if err != nil {
		t.Fatal(err)
	}
	doc := checked.Document()
	if len(doc.Events) != 2 || doc.Events[1].Title != "Streik" || doc.Events[1].End != "2023-04" || len(doc.Lanes) != 2 {
		t.Errorf("imported %+v with lanes %+v", doc.Events, doc.Lanes)
	}

	// A first line that never ends is refused, not read whole.
	huge := write("huge.csv", "\""+strings.Repeat("x", maxCSVHeader+10))
	if _, _, _, err := readCSVStart(huge); err == nil {
		t.Error("a header longer than the limit was accepted")
	}
}

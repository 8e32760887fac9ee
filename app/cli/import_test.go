package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/interchange"
)

// counts opens the document at path and returns its counts.
func counts(t *testing.T, path string) data.Counts {
	t.Helper()
	s, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func runCmd(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = Run(args, &o, &e)
	return code, o.String(), e.String()
}

func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.quoteline")
	td := filepath.Join("..", "..", "data", "interchange", "testdata")

	// A new document from a TimelineJS file, format detected.
	if code, _, stderr := runCmd("import", "--quiet", filepath.Join(td, "timelinejs.json"), out); code != 0 {
		t.Fatalf("import timelinejs: %d %s", code, stderr)
	}
	if c := counts(t, out); c.Events != 4 || c.Lanes != 2 || c.Sources != 1 {
		t.Errorf("after TimelineJS: %+v", c) // and its era, a period
	}
	// Into the same document: a vis file and a CSV; the "Events" lane is shared.
	for _, f := range []string{"vis.json", "generic.csv"} {
		if code, _, stderr := runCmd("import", "--quiet", filepath.Join(td, f), out); code != 0 {
			t.Fatalf("import %s: %d %s", f, code, stderr)
		}
	}
	if c := counts(t, out); c.Events != 13 || c.Lanes != 6 {
		t.Errorf("after vis and CSV: %+v", c)
	}

	// A bad file names the line and field and leaves the document as it was.
	before, _ := os.ReadFile(out)
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("title,start\nfine,2020\nbroken,2020-02-30\n"), 0o644)
	code, _, stderr := runCmd("import", "--quiet", bad, out)
	if code != 1 || !strings.Contains(stderr, `bad.csv: line 3 "start": "2020-02-30" day out of range; 1 of its 2 records can be read: --skip-invalid imports those`) {
		t.Errorf("bad CSV: code %d, %q", code, stderr)
	}
	if after, _ := os.ReadFile(out); !bytes.Equal(before, after) {
		t.Error("a failed import changed the document")
	}
	// A failed import into a new file leaves no file.
	if code, _, _ := runCmd("import", "--quiet", bad, filepath.Join(dir, "new.quoteline")); code != 1 {
		t.Errorf("bad CSV into a new file: code %d", code)
	}
	if _, err := os.Stat(filepath.Join(dir, "new.quoteline")); err == nil {
		t.Error("a failed import left a new file behind")
	}

	// Input that cannot be read or recognised is bad input (1), not bad usage.
	unknown := filepath.Join(dir, "notes.bin")
	os.WriteFile(unknown, []byte{0, 1, 2, 3, 0xff, 0xfe}, 0o644)
	for _, args := range [][]string{
		{"import", unknown, out},
		{"import", filepath.Join(dir, "missing.json"), out},
	} {
		if code, _, stderr := runCmd(args...); code != 1 || !strings.Contains(stderr, filepath.Base(args[1])) {
			t.Errorf("%q: code %d, %q; want 1 and the file named", args, code, stderr)
		}
	}

	// With --skip-invalid the records that can be read go in, each one left
	// out listed, and a summary.
	code, _, stderr = runCmd("import", "--quiet", "--skip-invalid", filepath.Join(td, "corpus", "csv-bad.csv"), out)
	if code != 0 {
		t.Fatalf("--skip-invalid: code %d, %s", code, stderr)
	}
	for _, want := range []string{
		`left out csv-bad.csv line 3: field 1 holds a NUL byte (after "Nul")`,
		`left out csv-bad.csv line 4: field 1 is not UTF-8 text (byte 0xE9 after "Latin-1 caf")`,
		`left out csv-bad.csv line 8 "start": "2020-13-01" month out of range`,
		`quoteline import: line 6 has fewer fields than the header (4): the missing ones at the end were read as empty`,
		`quoteline import: 4 of the 9 records of csv-bad.csv read; 5 left out`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("--skip-invalid: stderr lacks %q:\n%s", want, stderr)
		}
	}
	if c := counts(t, out); c.Events != 17 {
		t.Errorf("after --skip-invalid: %d events, want 17", c.Events)
	}
	// Nothing readable: nothing written, and said.
	allBad := filepath.Join(dir, "all-bad.csv")
	os.WriteFile(allBad, []byte("title,start\nx,yesterday\n"), 0o644)
	if code, _, stderr := runCmd("import", "--quiet", "--skip-invalid", allBad, out); code != 1 || !strings.Contains(stderr, "no record can be read; nothing written") {
		t.Errorf("all records bad: code %d, %q", code, stderr)
	}

	// The order of dates in numbers alone, guessed and said, or given.
	ambiguous := filepath.Join(dir, "ambiguous.csv")
	os.WriteFile(ambiguous, []byte("title,date\nA,3/11/2015\nB,4/12/2015\n"), 0o644)
	orders := filepath.Join(dir, "orders.quoteline")
	code, _, stderr = runCmd("import", "--quiet", ambiguous, orders)
	if code != 0 || !strings.Contains(stderr, "dates written in numbers alone were read month/day/year; every one of them reads day/month/year (--date-order dmy) too") {
		t.Errorf("ambiguous dates: code %d, %q", code, stderr)
	}
	code, _, stderr = runCmd("import", "--quiet", "--date-order", "dmy", ambiguous, orders)
	if code != 0 || strings.Contains(stderr, "were read") {
		t.Errorf("--date-order dmy: code %d, %q", code, stderr)
	}
	if got := startsOf(t, orders); !slices.Equal(got, []string{"2015-03-11", "2015-04-12", "2015-11-03", "2015-12-04"}) {
		t.Errorf("dates read %q", got)
	}

	// Times without a zone on the clock asked for.
	clock := filepath.Join(dir, "clock.csv")
	os.WriteFile(clock, []byte("title,date\nMeeting,2023-05-15 14:30\n"), 0o644)
	zoned := filepath.Join(dir, "zoned.quoteline")
	if code, _, stderr := runCmd("import", "--quiet", "--zone", "Europe/Berlin", clock, zoned); code != 0 {
		t.Fatalf("--zone: %d %s", code, stderr)
	}
	if got := startsOf(t, zoned); !slices.Equal(got, []string{"2023-05-15T12:30Z"}) {
		t.Errorf("14:30 in Berlin read as %q", got)
	}

	// Usage errors.
	for _, args := range [][]string{
		{"import", "only-one"},
		{"import", "--from", "xml", bad, out},
		{"import", "--from", "article", "--published", "2023-05", bad, out},
		{"import", "--published", "2023-05-15", bad, out},
		{"import", "--zone", "Mars/Olympus", bad, out},
		{"import", "--date-order", "ydm", bad, out},
	} {
		if code, _, _ := runCmd(args...); code != 2 {
			t.Errorf("%q: code %d, want 2", args, code)
		}
	}
}

// startsOf returns the starts of the events of the document at path, sorted.
func startsOf(t *testing.T, path string) []string {
	t.Helper()
	s, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	evs, err := s.Events(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range evs {
		out = append(out, e.Start.String())
	}
	slices.Sort(out)
	return out
}

func TestImportCommand_HelpSaysHowTimesAreRead(t *testing.T) {
	_, _, stderr := runCmd("import", "--help")
	for _, want := range []string{"--skip-invalid", "--zone", "computer's clock", "--date-order", "TimelineJS 3 or 2"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

func TestImportArticleCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "a.quoteline")
	code, stdout, stderr := runCmd("import", "--from", "article", "--published", "2023-05-15",
		filepath.Join("..", "..", "assets", "seed", "article.txt"), out)
	if code != 0 {
		t.Fatalf("code %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "9 quotes") {
		t.Errorf("stdout %q", stdout)
	}
	if c := counts(t, out); c.Quotes != 9 || c.Actors != 1 || c.Sources != 1 || c.Events != 3 {
		t.Errorf("counts %+v", c)
	}
}

// TestImportArticleCommand_PageDate: a saved page that states its date
// needs no --published; a --published that contradicts it is used, with a
// warning; a page that states none needs it, and an article that yields
// no quotes or dates is imported with warnings, not a silent success.
func TestImportArticleCommand_PageDate(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join("..", "..", "data", "extract", "testdata", "pages")
	daily := filepath.Join(pages, "daily-teasers.html")

	out := filepath.Join(dir, "a.quoteline")
	code, _, stderr := runCmd("import", "--quiet", daily, out)
	if code != 0 || strings.Contains(stderr, "warning") {
		t.Fatalf("page with its date: code %d, %q", code, stderr)
	}
	if doc := exported(t, out); doc.Sources[0].Published != "2024-04-18" || doc.Sources[0].Outlet != "The Daily Ledger" {
		t.Errorf("source %+v", doc.Sources[0])
	}

	out = filepath.Join(dir, "b.quoteline")
	code, _, stderr = runCmd("import", "--quiet", "--published", "2024-04-19", daily, out)
	if code != 0 || !strings.Contains(stderr, "warning: the page says it was published on 18 Apr 2024, not 19 Apr 2024") {
		t.Errorf("contradicting --published: code %d, %q", code, stderr)
	}
	if doc := exported(t, out); doc.Sources[0].Published != "2024-04-19" {
		t.Errorf("source published %q, want the date given", doc.Sources[0].Published)
	}

	notice := filepath.Join(pages, "notice.html")
	code, _, stderr = runCmd("import", "--quiet", notice, filepath.Join(dir, "c.quoteline"))
	if code != 1 || !strings.Contains(stderr, "notice.html: the page states no publication date: give it with --published YYYY-MM-DD") {
		t.Errorf("page without a date: code %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "c.quoteline")); err == nil {
		t.Error("a refused import left a document")
	}
	code, stdout, stderr := runCmd("import", "--quiet", "--published", "2024-01-10", notice, filepath.Join(dir, "c.quoteline"))
	if code != 0 || !strings.Contains(stderr, "warning: no quoted passages") || !strings.Contains(stderr, "warning: no dates") ||
		!strings.Contains(stdout, "0 events, 0 periods, 0 quotes") {
		t.Errorf("article without quotes or dates: code %d, %q, %q", code, stdout, stderr)
	}
}

// exported reads back the document at path.
func exported(t *testing.T, path string) *data.Document {
	t.Helper()
	s, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc, err := s.ExportDocument(context.Background(), data.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// writeBigCSV writes a CSV of n events over ten lanes and thirty years.
func writeBigCSV(tb testing.TB, path string, n int) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	w.WriteString("title,start,end,lane,summary\n")
	lanes := []string{"Politics", "Economy", "Courts", "Health", "Energy", "Transport", "Culture", "Sport", "Science", "Weather"}
	x := uint64(88172645463325252)
	for i := range n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		y, m, d := 1995+int(x%30), 1+int(x>>8%12), 1+int(x>>16%28)
		end := ""
		if i%5 == 0 {
			end = fmt.Sprintf("%d-%02d-%02d", y+1, m, d)
		}
		fmt.Fprintf(w, "Event %d on the %s desk,%d-%02d-%02d,%s,%s,\n", i, lanes[i%10], y, m, d, end, lanes[x>>24%10])
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkImportCSV1M imports a 1,000,000-row CSV into a new document, as
// "quoteline import" does: read and validate, then write in one
// transaction. Target: at most 10 s.
func BenchmarkImportCSV1M(b *testing.B) {
	dir := b.TempDir()
	in := filepath.Join(dir, "big.csv")
	writeBigCSV(b, in, 1_000_000)
	b.ResetTimer()
	for i := range b.N {
		out := filepath.Join(dir, fmt.Sprintf("big%d.quoteline", i))
		doc, err := interchange.ReadFile(in, interchange.FormatCSV, interchange.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := session.ImportInto(context.Background(), out, doc, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestImportArticleCommand_MinConfidence: the import prints how many of
// the suggested quotes have a sure speaker, and --min-confidence high
// leaves out the others.
func TestImportArticleCommand_MinConfidence(t *testing.T) {
	article := filepath.Join("..", "..", "assets", "seed", "article.txt")
	all := filepath.Join(t.TempDir(), "all.quoteline")
	code, stdout, stderr := runCmd("import", "--from", "article", "--published", "2023-05-15", article, all)
	if code != 0 || !strings.Contains(stdout, "9 quotes, 7 sure, 2 to check\n") {
		t.Fatalf("code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	sure := filepath.Join(t.TempDir(), "sure.quoteline")
	code, stdout, stderr = runCmd("import", "--from", "article", "--published", "2023-05-15", "--min-confidence", "high", article, sure)
	if code != 0 || !strings.Contains(stdout, "9 quotes, 7 sure, 2 to check\n") {
		t.Fatalf("code %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if c := counts(t, sure); c.Quotes != 7 {
		t.Errorf("--min-confidence high kept %d quotes, want the 7 sure ones", c.Quotes)
	}
	if code, _, stderr := runCmd("import", "--from", "article", "--published", "2023-05-15", "--min-confidence", "sure", article,
		filepath.Join(t.TempDir(), "x.quoteline")); code != 2 || !strings.Contains(stderr, "high") {
		t.Errorf("--min-confidence sure: code %d, %q; want 2 and the choices named", code, stderr)
	}
}

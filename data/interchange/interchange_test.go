package interchange

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/quoteline/quoteline/assets"
	"github.com/quoteline/quoteline/data"
)

// periods returns "title|lane|start|end" for each period of doc.
func periods(doc *data.Document) []string {
	lanes := laneNames(doc)
	var out []string
	for _, p := range doc.Periods {
		out = append(out, p.Title+"|"+lanes[p.Lane]+"|"+p.Start+"|"+p.End)
	}
	return out
}

// events returns "title|lane|start|end" for each event of doc.
func events(doc *data.Document) []string {
	lanes := laneNames(doc)
	var out []string
	for _, e := range doc.Events {
		out = append(out, e.Title+"|"+lanes[e.Lane]+"|"+e.Start+"|"+e.End)
	}
	return out
}

func readTestFile(t *testing.T, name string, f Format, opt Options) *data.Document {
	t.Helper()
	if !filepath.IsAbs(name) {
		name = filepath.Join("testdata", name)
	}
	doc, err := ReadFile(name, f, opt)
	if err != nil {
		t.Fatalf("ReadFile(%s): %v", name, err)
	}
	return doc.Document()
}

func TestReadTimelineJS(t *testing.T) {
	doc := readTestFile(t, "timelinejs.json", FormatTimelineJS, Options{})
	if doc.Title != "A small history" || doc.Description != "Hand-made for tests." {
		t.Errorf("title %q, description %q", doc.Title, doc.Description)
	}
	want := []string{
		"A year only|Events|1969|",
		"Month to month|Politics|1989-11|1990-10",
		"No headline here, only text|Politics|2001-09-11T08:46Z|",
		"Ides of March|Events|-0043-03-15|", // 44 BC
	}
	if got := events(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("events:\n got %q\nwant %q", got, want)
	}
	if got := periods(doc); !reflect.DeepEqual(got, []string{"Cold War||1947|1990"}) {
		t.Errorf("periods %q", got) // an era ends where its end date begins
	}
	if s := doc.Events[1].Summary; s != "From one month\nto another & on." {
		t.Errorf("summary %q", s)
	}
	if doc.Events[3].DateNote != `Shown as "15 March 44 BC"` || len(doc.Events[3].Sources) != 0 {
		t.Errorf("event 3: note %q, sources %v", doc.Events[3].DateNote, doc.Events[3].Sources)
	}
	if len(doc.Sources) != 1 {
		t.Fatalf("sources %+v", doc.Sources)
	}
	src := doc.Sources[0]
	if src.Title != "A photo" || src.Outlet != "Example Agency" || src.URL != "https://example.org/photo.jpg" ||
		len(doc.Events[2].Sources) != 1 || doc.Events[2].Sources[0].Source != src.Key {
		t.Errorf("media source %+v, links %+v", src, doc.Events[2].Sources)
	}
}

func TestReadTimelineCSV(t *testing.T) {
	head, _ := os.ReadFile(filepath.Join("testdata", "template.csv"))
	if f, _ := Detect("template.csv", head); f != FormatTimelineCSV {
		t.Errorf("Detect = %q", f)
	}
	doc := readTestFile(t, "template.csv", FormatTimelineCSV, Options{})
	want := []string{
		"First flight|Aviation|1903-12-17T10:35Z|",
		"Atlantic crossing|Aviation|1927-05|1927-05-21",
		"Year only|Events|1969|",
	}
	if got := events(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("events:\n got %q\nwant %q", got, want)
	}
	if got := periods(doc); !reflect.DeepEqual(got, []string{"Belle Époque||1900|1913"}) {
		t.Errorf("periods %q", got)
	}
	if doc.Title != "My Timeline" || doc.Sources[0].Title != "The flyer" {
		t.Errorf("title %q, sources %+v", doc.Title, doc.Sources)
	}
}

func TestReadVis(t *testing.T) {
	doc := readTestFile(t, "vis.json", FormatVis, Options{})
	want := []string{
		"Point in a year|Alpha|2014|",
		"A day|Beta|2014-04-20|",
		"A range|Events|2014-04-20T10:00Z|2014-04-22T18:29:59.999Z", // ends the millisecond before 18:30
		"Milliseconds|Alpha|2014-04-20|",                            // a whole day in milliseconds
		"27 Apr 2014 – 28 Apr 2014|Events|2014-04-27|2014-04-28",    // untitled: named by its dates
	}
	if got := events(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("events:\n got %q\nwant %q", got, want)
	}
	if got := periods(doc); !reflect.DeepEqual(got, []string{"With an offset||2014-04-25T08:00:00Z|2014-04-26T07:59:59Z"}) {
		t.Errorf("periods %q", got)
	}
	if doc.Events[2].Summary != "Hover text" {
		t.Errorf("summary %q", doc.Events[2].Summary)
	}
	arr := readTestFile(t, "vis-array.json", FormatVis, Options{})
	if got := events(arr); !reflect.DeepEqual(got, []string{"item 1|Events|2013-04-20|", "item 2|Events|2013-04-14|2013-04-17"}) {
		t.Errorf("array events %q", got)
	}
}

func TestReadCSV(t *testing.T) {
	doc := readTestFile(t, "generic.csv", FormatCSV, Options{})
	want := []string{
		"Founding|Company|1901|",
		"First product|Product|1903-06|",
		"Long strike|Company|1910-03-01|1910-05-31",
		"Merger talks|Company|1912-02-03T14:30Z|",
	}
	if got := events(doc); !reflect.DeepEqual(got, want) {
		t.Errorf("events:\n got %q\nwant %q", got, want)
	}
	if !reflect.DeepEqual(doc.Events[0].Tags, []string{"origin", "legend"}) || doc.Events[0].Summary != "Founded in a garage, they say" {
		t.Errorf("event 0 %+v", doc.Events[0])
	}
	// An explicit mapping by number and by name.
	doc = readTestFile(t, "generic.csv", FormatCSV, Options{CSV: CSVMapping{Title: "1", Start: "when", Lane: "Tags"}})
	if got := events(doc)[2]; got != "Long strike|labour|1910-03-01|1910-05-31" {
		t.Errorf("mapped event 2 %q", got)
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in string
		f        Format
		want     string
	}{
		{"bad.csv", "title,start\nA,2020\nB,2020-13\n", FormatCSV, `bad.csv: line 3 "start": "2020-13" month out of range`},
		{"bad.csv", "title,start\nA,\n", FormatCSV, `bad.csv: line 2 "start": missing`},
		{"bad.csv", "title,start\n,2020\n", FormatCSV, `bad.csv: line 2 "title": missing`},
		{"bad.csv", "what,date\n", FormatCSV, `bad.csv: line 1: no title column`},
		{"bad.csv", "title,start,end\nA,2020,2019\n", FormatCSV, `bad.csv: line 2 "end": 2019 is before the start, 2020`},
		{"t.json", `{"events":[{"text":{"headline":"x"}}]}`, FormatTimelineJS, `t.json: events[0] start_date: missing (a year at least)`},
		{"t.json", `{"events":[{"start_date":{"year":2000,"day":3}}]}`, FormatTimelineJS, `t.json: events[0] start_date: has a day but no month`},
		{"t.json", `{"events":[{"start_date":{"year":2001}},{"start_date":{"year":"twenty"}}]}`, FormatTimelineJS, `t.json: events[1] start_date: year: "twenty" is not a whole number`},
		{"t.json", "{\"events\": [\n  {\"start_date\": {\"year\": 2020}}\n  {\"start_date\": {}}]}", FormatTimelineJS, `t.json: line 3, column 3: invalid TimelineJS JSON`},
		{"t.json", "\ufeff{\"events\": [{\"start_date\": {\"year\": 2020}, \"text\": {\"headline\": 7}}]}", FormatTimelineJS, `t.json: line 1, column 65: invalid TimelineJS JSON`},
		{"v.json", "[\n{\"content\": \"a\", \"start\": \"2020\"},\n{\"content\": \"ü\" \"start\": \"2021\"}]", FormatVis, `v.json: line 3, column 17: invalid vis DataSet JSON`},
		{"q.json", "{\"format\": \"quoteline\",\n \"version\": 1,\n \"title\": \"x\",,}", FormatQuoteline, `q.json: line 3, column 15: invalid JSON`},
		{"t.json", `{"title":{}}`, FormatTimelineJS, `t.json: events: missing: a TimelineJS 3 file has an events list, a TimelineJS 2 file a timeline with a date list`},
		{"v.json", `[{"id":1,"content":"a","start":"2020"},{"id":1,"content":"b","start":"2021"}]`, FormatVis, `v.json: items[1] id: "1" is used by an earlier item`},
		{"v.json", `{"groups":[{"id":1,"content":"g"}],"items":[{"content":"a","start":"2020","group":2}]}`, FormatVis, `v.json: items[0] group: "2" is not one of the file's groups`},
		{"v.json", `[{"content":"a","start":"yesterday"}]`, FormatVis, `v.json: items[0] start: "yesterday" is not a date`},
		{"v.json", `[{"content":"a"}]`, FormatVis, `v.json: items[0] start: missing`},
		{"tl.csv", "Year,Month,Headline,End Year\n2000,June,x,\n", FormatTimelineCSV, `tl.csv: line 2 "Month": "June" is not a whole number`},
	}
	for _, tt := range tests {
		_, err := Read(strings.NewReader(tt.in), tt.name, tt.f, Options{})
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s %q: error %v, want prefix %q", tt.f, tt.in, err, tt.want)
		}
		if err != nil && !errors.Is(err, data.ErrInvalidDocument) {
			t.Errorf("%s %q: error %v is not ErrInvalidDocument", tt.f, tt.in, err)
		}
	}
}

func TestDetect(t *testing.T) {
	tests := []struct {
		name, head string
		want       Format
	}{
		{"a.json", `{"format": "quoteline", "version": 1}`, FormatQuoteline},
		{"a.json", `{"title": {"text": {}}, "events": []}`, FormatTimelineJS},
		{"a.json", `[{"id": 1}]`, FormatVis},
		{"a.json", `{"groups": [], "items": []}`, FormatVis},
		{"a.csv", "title,start\n", FormatCSV},
		{"a.CSV", "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline\n", FormatTimelineCSV},
		{"a.html", "<html>", FormatArticle},
		{"saved", "<!DOCTYPE html><html>", FormatArticle},
		{"a.txt", "Headline\nBody", FormatArticle},
	}
	for _, tt := range tests {
		if got, err := Detect(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("Detect(%q, %q) = %q, %v; want %q", tt.name, tt.head, got, err, tt.want)
		}
	}
	if _, err := Detect("x.bin", []byte{1, 2, 3}); err == nil || !strings.Contains(err.Error(), "--from") {
		t.Errorf("Detect of binary: %v", err)
	}
}

// storeOf writes doc to a new document and returns its export.
func storeOf(t *testing.T, doc *data.Document) *data.Document {
	t.Helper()
	ctx := context.Background()
	s, err := data.CreateFromDocument(ctx, filepath.Join(t.TempDir(), "x.quoteline"), doc)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	out, err := s.ExportDocument(ctx, data.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestQuotelineRoundTrip exports the default timeline to Quoteline JSON and
// back: the second export equals the first, source texts and quote offsets
// included.
func TestQuotelineRoundTrip(t *testing.T) {
	seed, err := data.ReadDocument(assets.Seed(), assets.DefaultDocument)
	if err != nil {
		t.Fatal(err)
	}
	first := storeOf(t, seed)
	path := filepath.Join(t.TempDir(), "timeline.json")
	if err := WriteFile(path, FormatQuoteline, first); err != nil {
		t.Fatal(err)
	}
	head, _ := os.ReadFile(path)
	if f, err := Detect(path, head); f != FormatQuoteline {
		t.Fatalf("Detect = %q, %v", f, err)
	}
	read := readTestFile(t, path, FormatQuoteline, Options{})
	second := storeOf(t, read)
	for _, d := range []*data.Document{first, second} {
		for i := range d.Sources {
			d.Sources[i].TextFile = filepath.Base(d.Sources[i].TextFile)
		}
	}
	if !reflect.DeepEqual(first, second) {
		a, b := new(bytes.Buffer), new(bytes.Buffer)
		WriteQuoteline(a, first)
		WriteQuoteline(b, second)
		t.Fatalf("round trip differs:\n%s\n---\n%s", a, b)
	}
	if len(first.Stops) != 6 || first.Stops[0].Event == "" || first.Stops[0].Quote == "" {
		t.Errorf("export lost the story's stops: %+v", first.Stops)
	}
	if len(first.Quotes) < 7 || first.Quotes[0].StartByte == nil || !strings.Contains(first.Sources[0].Text+first.Sources[len(first.Sources)-1].Text, "Kirby") {
		t.Errorf("export lost quotes or texts: %d quotes", len(first.Quotes))
	}
}

// TestQuotelineRoundTrip_SpeakerNotes: a quote's speaker note and
// confidence, and a speaker of the kind unnamed, survive Quoteline JSON and
// a document; a note-less quote stays without one.
func TestQuotelineRoundTrip_SpeakerNotes(t *testing.T) {
	seed, err := data.ReadDocument(assets.Seed(), assets.DefaultDocument)
	if err != nil {
		t.Fatal(err)
	}
	seed.Actors = append(seed.Actors, data.DocumentActor{Key: "spokesman", Name: "a Treasury spokesman", Kind: data.KindUnnamed})
	seed.Quotes[0].SpeakerNote, seed.Quotes[0].SpeakerConfidence = "after the quote: “…,” Kirby added", data.ConfidenceHigh
	seed.Quotes[1].Speaker = "spokesman"
	seed.Quotes[1].SpeakerNote, seed.Quotes[1].SpeakerConfidence = "he → a Treasury spokesman, the last man named", data.ConfidenceCheck
	first := storeOf(t, seed)
	path := filepath.Join(t.TempDir(), "timeline.json")
	if err := WriteFile(path, FormatQuoteline, first); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(path)
	if !bytes.Contains(raw, []byte(`"speaker_note": "after the quote: “…,” Kirby added"`)) || !bytes.Contains(raw, []byte(`"speaker_confidence": "check"`)) {
		t.Fatalf("the JSON lacks the speaker notes:\n%s", raw)
	}
	second := storeOf(t, readTestFile(t, path, FormatQuoteline, Options{}))
	for i, q := range second.Quotes {
		if q.SpeakerNote != first.Quotes[i].SpeakerNote || q.SpeakerConfidence != first.Quotes[i].SpeakerConfidence {
			t.Errorf("quote %d: note %q (%s), want %q (%s)", i, q.SpeakerNote, q.SpeakerConfidence, first.Quotes[i].SpeakerNote, first.Quotes[i].SpeakerConfidence)
		}
	}
	if first.Quotes[2].SpeakerNote != "" || first.Quotes[0].SpeakerConfidence != data.ConfidenceHigh {
		t.Errorf("notes were not kept per quote: %+v", first.Quotes[:3])
	}
	var kind string
	for _, a := range second.Actors {
		if a.Name == "a Treasury spokesman" {
			kind = a.Kind
		}
	}
	if kind != data.KindUnnamed {
		t.Errorf("the unnamed actor came back as %q", kind)
	}
}

// TestRoundTrips writes the default timeline in each exchange format and
// reads it back: titles, lanes and dates (with their precision) survive.
func TestRoundTrips(t *testing.T) {
	seed, err := data.ReadDocument(assets.Seed(), assets.DefaultDocument)
	if err != nil {
		t.Fatal(err)
	}
	doc := storeOf(t, seed)
	want := events(doc)
	for _, f := range []Format{FormatTimelineJS, FormatVis, FormatCSV} {
		path := filepath.Join(t.TempDir(), "out."+string(f))
		if err := WriteFile(path, f, doc); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		back := readTestFile(t, path, f, Options{})
		if got := events(back); !reflect.DeepEqual(got, want) {
			t.Errorf("%s round trip:\n got %q\nwant %q", f, got, want)
		}
		if f == FormatTimelineJS && (back.Title != doc.Title || len(back.Sources) == 0) {
			t.Errorf("timelinejs: title %q, %d sources", back.Title, len(back.Sources))
		}
		if f == FormatCSV {
			for i := range doc.Events {
				if back.Events[i].Summary != doc.Events[i].Summary || back.Events[i].Status != doc.Events[i].Status {
					t.Errorf("csv event %d: %+v", i, back.Events[i])
				}
			}
		}
	}
}

func TestRead_RefusesOversizedInput(t *testing.T) {
	// An endless reader stands for a file larger than the limit.
	_, err := Read(io.MultiReader(strings.NewReader("title,start\n"), &rows{}), "huge.csv", FormatCSV, Options{MaxBytes: 1 << 20})
	if err == nil || !strings.Contains(err.Error(), "huge.csv: larger than") {
		t.Errorf("Read of an oversized input: %v", err)
	}
}

// rows is an endless run of CSV rows.
type rows struct{ at int }

func (r *rows) Read(p []byte) (int, error) {
	const row = "Event,2020-01-02\n"
	for i := range p {
		p[i] = row[r.at%len(row)]
		r.at++
	}
	return len(p), nil
}

// Text that a spreadsheet would run as a formula is written as text, and
// reads back as it was.
func TestWriteCSV_FormulasStayText(t *testing.T) {
	doc := &data.Document{
		Lanes: []data.DocumentLane{{Key: "l", Name: "@lane"}},
		Events: []data.DocumentEvent{
			{Lane: "l", Title: `=HYPERLINK("http://evil.example","click")`, Start: "2022-08", Summary: "+1 drone", Tags: []string{"-x"}},
			{Lane: "l", Title: "-5 degrees", Start: "2022-09", Summary: "plain"},
			{Lane: "l", Title: "Plain title", Start: "2022-10", DateNote: "@ the briefing"},
		},
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, doc); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n")[1:] {
		for _, cell := range strings.Split(line, ",") {
			if c := strings.TrimPrefix(cell, `"`); c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
				t.Errorf("cell %q starts a formula in %q", cell, line)
			}
		}
	}
	checked, err := Read(&buf, "x.csv", FormatCSV, Options{})
	if err != nil {
		t.Fatal(err)
	}
	back := checked.Document()
	for i, e := range doc.Events {
		b := back.Events[i]
		if b.Title != e.Title || b.Summary != e.Summary || b.DateNote != e.DateNote || !reflect.DeepEqual(b.Tags, e.Tags) || laneNames(back)[b.Lane] != "@lane" {
			t.Errorf("event %d read back as %+v, want %+v", i, b, e)
		}
	}
}

// The JSON export writes an empty list as [], not null, in the document
// and in the file written beside its source texts.
func TestWriteQuoteline_EmptyListsAreLists(t *testing.T) {
	doc := &data.Document{Format: data.DocumentFormat, Version: data.DocumentVersion, Title: "Empty"}
	var buf bytes.Buffer
	if err := WriteQuoteline(&buf, doc); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "empty.json")
	if err := WriteFile(path, FormatQuoteline, doc); err != nil {
		t.Fatal(err)
	}
	file, _ := os.ReadFile(path)
	for _, out := range []string{buf.String(), string(file)} {
		for _, list := range []string{"lanes", "actors", "sources", "quotes", "events"} {
			if !strings.Contains(out, `"`+list+`": []`) {
				t.Errorf("%s not written as []:\n%s", list, out)
			}
		}
		if strings.Contains(out, "null") {
			t.Errorf("null in\n%s", out)
		}
	}
}

func TestCountLines_CountsEveryLineEnd(t *testing.T) {
	for in, want := range map[string]int{"a\nb\n": 3, "a\r\nb\r\n": 3, "a\rb\r": 3, "a\r\n\r\nb": 3, "": 1, strings.Repeat("x", 1<<16-1) + "\r\nb": 2} {
		path := filepath.Join(t.TempDir(), "f.csv")
		os.WriteFile(path, []byte(in), 0o644)
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if n, err := countLines(f); err != nil || n != want {
			t.Errorf("countLines(%q...) = %d, %v; want %d", in[:min(len(in), 10)], n, err, want)
		}
		f.Close()
	}
}

// crReader gives the same lines whatever its reads are cut at.
func TestCRReader_LineEndsAcrossReads(t *testing.T) {
	in := "a\r\nb\rc\n\r\nd\r\r\ne\r"
	for size := 1; size <= len(in); size++ {
		r := &crReader{r: iotest.OneByteReader(strings.NewReader(in))}
		if size > 1 {
			r = &crReader{r: &chunks{s: in, n: size}}
		}
		got, err := io.ReadAll(r)
		if err != nil || string(got) != "a\nb\nc\n\nd\n\ne\n" {
			t.Errorf("reads of %d: %q, %v", size, got, err)
		}
	}
}

// chunks reads s n bytes at a time.
type chunks struct {
	s string
	n int
}

func (c *chunks) Read(p []byte) (int, error) {
	if c.s == "" {
		return 0, io.EOF
	}
	k := copy(p[:min(len(p), c.n)], c.s)
	c.s = c.s[k:]
	return k, nil
}

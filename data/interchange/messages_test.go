package interchange

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestMessages_QuoteAndCutFileText feeds files whose text would wreck a
// terminal or flood it: every message quotes what the file says, with no
// control character left, and cuts it short.
func TestMessages_QuoteAndCutFileText(t *testing.T) {
	escape := "\x1b[2J\x1b[31mred\x07"
	huge := strings.Repeat("x", 1<<20)
	tests := []struct {
		name string
		in   io.Reader
		f    Format
	}{
		{"header with escapes", strings.NewReader("when," + escape + "\n2020,a\n"), FormatCSV},
		{"a megabyte header without a newline", strings.NewReader(huge + "," + escape), FormatCSV},
		{"a megabyte date", strings.NewReader("title,start\na," + huge + escape + "\n"), FormatCSV},
		{"a date with escapes", strings.NewReader("title,start\na," + escape + "\n"), FormatCSV},
		{"a status with escapes", strings.NewReader("title,start,status\na,2020," + escape + huge + "\n"), FormatCSV},
		{"a template year with escapes", strings.NewReader("Year,Headline,End Year\n" + escape + huge + ",a,\n"), FormatTimelineCSV},
		{"a vis id", strings.NewReader(`[{"id":{"x":1},"start":"2020"},{"id":1,"start":"` + escape + huge + `"}]`), FormatVis},
		{"a vis group", strings.NewReader(`{"groups":[{"id":1}],"items":[{"start":"2020","group":"` + escape + huge + `"}]}`), FormatVis},
		{"a TimelineJS year", strings.NewReader(`{"events":[{"start_date":{"year":"` + escape + huge + `"}}]}`), FormatTimelineJS},
		{"a TimelineJS 2 date", strings.NewReader(`{"timeline":{"date":[{"startDate":"` + escape + huge + `"}]}}`), FormatTimelineJS},
	}
	for _, tt := range tests {
		_, err := Read(tt.in, "x", tt.f, Options{})
		if err == nil {
			t.Errorf("%s: read without an error", tt.name)
			continue
		}
		msg := err.Error()
		if len(msg) > 2000 {
			t.Errorf("%s: a message of %d bytes", tt.name, len(msg))
		}
		for _, r := range msg {
			if r < ' ' && r != '\n' || r == 0x7f {
				t.Errorf("%s: the message holds control character %U: %q", tt.name, r, msg)
				break
			}
		}
		if !utf8.ValidString(msg) {
			t.Errorf("%s: the message is not UTF-8", tt.name)
		}
	}
}

// TestCSV_ContentIsCheckedLineByLine generates the CSV content issue 24
// found stored as it was: NUL bytes, invalid UTF-8 in a UTF-8 file, rows
// with extra fields. Each is refused with its line named, and the rest
// read when the caller chooses.
func TestCSV_ContentIsCheckedLineByLine(t *testing.T) {
	var b strings.Builder
	b.WriteString("title,start,lane\n")
	b.WriteString("Naïve,2020,A\n") // UTF-8: the file is UTF-8
	for i := range 200 {
		switch i % 4 {
		case 0:
			b.WriteString("nul\x00here,2020,A\n")
		case 1:
			b.WriteString("bad \xff byte,2020,A\n")
		case 2:
			b.WriteString("extra,2020,A,x,y\n")
		default:
			b.WriteString("fine,2020,A\n")
		}
	}
	res, err := ReadResult(strings.NewReader(b.String()), "gen.csv", FormatCSV, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Doc.Document().Events); n != 51 || res.SkippedCount != 150 || res.Records != 201 {
		t.Errorf("%d events read, %d of %d records left out; want 51 and 150 of 201", n, res.SkippedCount, res.Records)
	}
	for _, p := range res.Skipped[:3] {
		if !strings.HasPrefix(p.Record, "line ") {
			t.Errorf("problem %v names no line", p)
		}
	}
	want := []string{"line 3: field 1 holds a NUL byte", "line 4: field 1 is not UTF-8 text (byte 0xFF", "line 5: has 5 fields where the header has 3"}
	for i, w := range want {
		if !strings.HasPrefix(res.Skipped[i].Error(), w) {
			t.Errorf("problem %d = %q, want it to start %q", i, res.Skipped[i], w)
		}
	}
	var re *RecordsError
	if _, err := Read(strings.NewReader(b.String()), "gen.csv", FormatCSV, Options{}); !errors.As(err, &re) ||
		!strings.Contains(err.Error(), "(and 149 more records that cannot be read); 51 of its 201 records can be read") {
		t.Errorf("Read: %v", err)
	}
	for _, e := range res.Doc.Document().Events {
		if strings.ContainsAny(e.Title, "\x00\xff") || !utf8.ValidString(e.Title) {
			t.Errorf("a title kept %q", e.Title)
		}
	}
}

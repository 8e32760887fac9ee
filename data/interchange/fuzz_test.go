package interchange

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/quoteline/quoteline/data"
)

// fuzzRead feeds arbitrary bytes to one reader: it must return a valid
// document or an error, never panic.
func fuzzRead(f *testing.F, format Format, seeds ...string) {
	for _, s := range seeds {
		b, err := os.ReadFile(filepath.Join("testdata", s))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Read(bytes.NewReader(b), "fuzz", format, Options{})
		if err == nil && doc == nil {
			t.Fatal("no document and no error")
		}
		res, err := ReadResult(bytes.NewReader(b), "fuzz", format, Options{})
		if err != nil {
			return
		}
		if res.SkippedCount < len(res.Skipped) || (res.Doc == nil && res.SkippedCount == 0) {
			t.Fatalf("%d records skipped of %d listed, document %v", res.SkippedCount, len(res.Skipped), res.Doc != nil)
		}
		if res.Doc != nil {
			if err := data.ValidateDocument(res.Doc.Document()); err != nil {
				t.Fatalf("the readable records do not make a valid document: %v", err)
			}
		}
		if res.SkippedCount > 0 {
			if msg := res.Err().Error(); len(msg) > 2000 {
				t.Fatalf("a message of %d bytes", len(msg))
			}
		}
	})
}

func FuzzReadTimelineJS(f *testing.F) {
	fuzzRead(f, FormatTimelineJS, "timelinejs.json", "corpus/tljs2-newsroom.json", "corpus/tljs3-wrapped.json",
		"corpus/tljs-cosmos.json", "corpus/tljs-eras.json", "corpus/tljs-race.json", "corpus/tljs-markup.json")
}

func FuzzReadTimelineCSV(f *testing.F) {
	fuzzRead(f, FormatTimelineCSV, "template.csv", "corpus/template-bce.csv")
}

func FuzzReadVis(f *testing.F) {
	fuzzRead(f, FormatVis, "vis.json", "vis-array.json", "corpus/vis-backgrounds.json", "corpus/vis-dates.json")
}

func FuzzReadCSV(f *testing.F) {
	fuzzRead(f, FormatCSV, "generic.csv", "corpus/csv-spreadsheet.csv", "corpus/csv-month-first.csv", "corpus/csv-cr.csv",
		"corpus/csv-bad.csv", "corpus/csv-periods.csv", "corpus/csv-windows1252.csv", "corpus/csv-human-ranges.csv")
}

func FuzzReadQuoteline(f *testing.F) {
	f.Add([]byte(`{"format":"quoteline","version":1,"title":"t","lanes":[{"key":"l","name":"L","color":"#000000"}],"actors":[],"sources":[],"quotes":[],"events":[{"key":"e","lane":"l","title":"x","start":"2020","status":"reported"}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		if doc, err := Read(bytes.NewReader(b), "fuzz", FormatQuoteline, Options{}); err == nil && doc == nil {
			t.Fatal("no document and no error")
		}
	})
}

func FuzzDetect(f *testing.F) {
	f.Add("a.json", []byte(`{"format":"quoteline"}`))
	f.Add("a.csv", []byte("Year,Headline,End Year\n"))
	f.Fuzz(func(t *testing.T, name string, head []byte) {
		Detect(name, head)
	})
}

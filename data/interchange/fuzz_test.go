package interchange

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
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
	})
}

func FuzzReadTimelineJS(f *testing.F) { fuzzRead(f, FormatTimelineJS, "timelinejs.json") }

func FuzzReadTimelineCSV(f *testing.F) { fuzzRead(f, FormatTimelineCSV, "template.csv") }

func FuzzReadVis(f *testing.F) { fuzzRead(f, FormatVis, "vis.json", "vis-array.json") }

func FuzzReadCSV(f *testing.F) { fuzzRead(f, FormatCSV, "generic.csv") }

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

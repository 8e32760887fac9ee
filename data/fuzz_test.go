package data

import (
	"strings"
	"testing"
	"testing/fstest"
)

// More Go native fuzz targets for the parsers of outside input, beside
// FuzzParseTime and FuzzReadDocument. make test runs their seed corpora
// (the f.Add calls and testdata/fuzz/); make fuzz runs each for FUZZTIME.

func FuzzTimeFormat(f *testing.F) {
	f.Add(int64(0), int8(3))
	f.Add(int64(-62135596800), int8(5))
	f.Add(int64(1<<62), int8(1))
	f.Add(int64(-1<<63), int8(2))
	f.Fuzz(func(t *testing.T, unix int64, prec int8) {
		tm := Time{Unix: unix, Precision: Precision(prec)}
		s, d := tm.String(), tm.Display()
		_ = tm.End()
		if !tm.Precision.Valid() {
			if s != "" || d != "" {
				t.Errorf("%+v: String %q, Display %q for an invalid precision", tm, s, d)
			}
			return
		}
		if back, err := ParseTime(s); err == nil && back.Precision != tm.Precision {
			t.Errorf("%+v: String %q parses at precision %v", tm, s, back.Precision)
		}
	})
}

// FuzzReadDocumentText fuzzes a document together with the text of its
// source, in which quotes are located.
func FuzzReadDocumentText(f *testing.F) {
	f.Add([]byte(testJSON), []byte(testArticle))
	f.Add([]byte(`{"format":"quoteline","version":1,"title":"t","lanes":[],"actors":[],"sources":[],"quotes":[],"events":[]}`), []byte(""))
	f.Add([]byte(`{"format":"quoteline","version":1,"title":"t","lanes":[{"key":"a","name":"A","color":"#000000"}],`+
		`"sources":[{"key":"s","title":"S","text_file":"t.txt"}],"quotes":[{"key":"q","source":"s","said_at":"2020","text":"é","start_byte":1}],`+
		`"events":[{"key":"e","lane":"a","title":"E","start":"2020","end":"2019","status":"reported"}]}`), []byte("aé"))
	f.Add([]byte(strings.Repeat("[", 20000)), []byte{})
	f.Add([]byte(`{"format":"quoteline","version":1,"title":"t","sources":[{"key":"s","title":"S","text_file":"../../etc/passwd"}]}`), []byte{})
	f.Fuzz(func(t *testing.T, doc, text []byte) {
		fsys := fstest.MapFS{"d/doc.json": {Data: doc}, "d/t.txt": {Data: text}}
		d, err := ReadDocument(fsys, "d/doc.json")
		if err != nil {
			return
		}
		// An accepted document is consistent: every quote it located lies
		// in its source's text.
		for i, q := range d.Quotes {
			if q.StartByte == nil {
				continue
			}
			var src *DocumentSource
			for j := range d.Sources {
				if d.Sources[j].Key == q.Source {
					src = &d.Sources[j]
				}
			}
			if src == nil || *q.EndByte > int64(len(src.Text)) || src.Text[*q.StartByte:*q.EndByte] != q.Text {
				t.Errorf("quotes[%d] located at %d..%d does not match its source", i, *q.StartByte, *q.EndByte)
			}
		}
	})
}

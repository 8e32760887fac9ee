package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/quoteline/quoteline/data"
)

// FuzzSuggest reads arbitrary articles: every suggestion must lie at its
// offsets in the text, and nothing may panic.
func FuzzSuggest(f *testing.F) {
	for _, name := range []string{"harbour.txt", "library.html", "lab.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("“Unclosed, he said. ‘x’ ‘ \"\" since May 31 in the coming days"))
	pub := data.Time{Unix: 1684108800, Precision: data.PrecisionDay}
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Read(bytes.NewReader(b))
		if err != nil {
			return
		}
		s := Suggest(a.Text, pub)
		for _, q := range s.Quotes {
			if q.Start < 0 || q.End > len(a.Text) || q.Start > q.End || a.Text[q.Start:q.End] != q.Text {
				t.Fatalf("quote %+v not at its offsets", q)
			}
		}
		for _, d := range s.Dates {
			if a.Text[d.Start:d.End] != d.Expression || d.From.IsZero() {
				t.Fatalf("date %+v not at its offsets", d)
			}
		}
		if err := data.ValidateDocument(Document(a, pub, "fuzz.txt", s)); err != nil {
			t.Fatalf("document of the suggestions is invalid: %v", err)
		}
	})
}

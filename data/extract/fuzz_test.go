package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
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
	// The evaluation set's articles, and the shapes that once broke the
	// extractor: marks of every kind unpaired, a dateline, a tweet, a
	// title-case headline, a quote over paragraphs, a long first line.
	evals, _ := filepath.Glob(filepath.Join("testdata", "eval", "*.txt"))
	for _, name := range evals {
		if a, err := readEvalArticle(name); err == nil {
			f.Add([]byte(a.text))
		}
	}
	for _, s := range []string{
		"''We are here,'' said Ms. White. ''I said, 'No.'''\nHe said: ''Yes.",
		"WASHINGTON (AP) — “A,” she said.\n“B\n“C,” he added, “D.”",
		"<tweet id=\"1\">“x” — A B (@ab) May 2, 2016</tweet>\nIt said “y” on Monday.",
		"Museum Guards Describe Night of Jewel Theft\nA guard said “he left” last Friday, and he said “go.”",
		strings.Repeat("A very long first line without any stop ", 300) + "\n“Then a quote,” she said.",
		"“a “b ”c” ‘d ‘e ’f’ 'g' \"h \"i\" «j» ‹k› -- K L, M\n\n“",
		"H\n“We are ready,” said the " + strings.Repeat("Ab", 2100) + " Department.\n",
		"“WALLACE: Who?\n“PENCE: Me.\nClinton: “Yes.” Obama on Trump: ‘No.’ ― Ann Lee",
	} {
		f.Add([]byte(s))
	}
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
			if q.Speaker != "" && q.SpeakerKind == "" || !q.Confidence.Valid() || q.Confidence == "" || q.Why == "" && q.Speaker != "" {
				t.Fatalf("quote %+v: speaker without kind, confidence or explanation", q)
			}
		}
		if len(a.Title) > 4*maxTitleRunes {
			t.Fatalf("title of %d bytes", len(a.Title))
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

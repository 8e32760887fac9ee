package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestReadabilitySuite measures the HTML reader against Mozilla
// Readability's test pages (each a folder holding source.html, the page,
// and expected.html, the article Readability keeps). It runs only when
// QUOTELINE_READABILITY_PAGES names such a folder: test/test-pages of
// mozilla/readability, or test-pages of the Go port's module
// (codeberg.org/readeck/go-readability/v2 in the module cache). With -v it
// prints, for each page, the share of the expected words the stored text
// keeps (recall) and the share of its words that are expected
// (precision): words of letters and digits, lower-cased, compared as
// multisets, each character a word in scripts written without spaces.
// It fails unless both reach 90 % on all but 3 % of the pages that
// Readability calls readerable (issue 19 asked for 120 of 124). The
// pages are other people's work: read them where they are, never copy
// them here. BENCHMARKS.md records the figures.
func TestReadabilitySuite(t *testing.T) {
	dir := os.Getenv("QUOTELINE_READABILITY_PAGES")
	if dir == "" {
		t.Skip("QUOTELINE_READABILITY_PAGES does not name Readability's test-pages folder")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		name              string
		recall, precision float64
		readerable        bool
		note              string
	}
	var results []result
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		page := filepath.Join(dir, e.Name())
		source, err := os.ReadFile(filepath.Join(page, "source.html"))
		if err != nil {
			continue
		}
		expected, err := os.ReadFile(filepath.Join(page, "expected.html"))
		if err != nil {
			continue
		}
		r := result{name: e.Name(), readerable: true}
		if meta, err := os.ReadFile(filepath.Join(page, "expected-metadata.json")); err == nil {
			var m struct {
				Readerable *bool `json:"readerable"`
			}
			if json.Unmarshal(meta, &m) == nil && m.Readerable != nil {
				r.readerable = *m.Readerable
			}
		}
		want := suiteWords(htmlText(t, expected))
		var got []string
		a, err := Read(strings.NewReader(string(source)))
		if err != nil {
			r.note = err.Error()
		} else {
			got = suiteWords(a.Text)
		}
		common := commonWords(want, got)
		r.recall = ratio(common, len(want))
		r.precision = ratio(common, len(got))
		results = append(results, r)
	}
	sort.Slice(results, func(i, j int) bool { return results[i].name < results[j].name })
	var all, readerable [3]int
	n := 0
	for _, r := range results {
		t.Logf("%-45s recall %5.1f%%  precision %5.1f%%  readerable %v %s", r.name, 100*r.recall, 100*r.precision, r.readerable, r.note)
		count := func(c *[3]int) {
			if r.recall >= 0.9 {
				c[0]++
			}
			if r.precision >= 0.9 {
				c[1]++
			}
			if r.recall >= 0.9 && r.precision >= 0.9 {
				c[2]++
			}
		}
		count(&all)
		if r.readerable {
			n++
			count(&readerable)
		}
	}
	t.Logf("all %d pages: recall >= 90%% on %d, precision >= 90%% on %d, both on %d", len(results), all[0], all[1], all[2])
	t.Logf("the %d pages Readability calls readerable: recall >= 90%% on %d, precision >= 90%% on %d, both on %d", n, readerable[0], readerable[1], readerable[2])
	// The target: both at least 90 % on all but 3 % of the article pages
	// (issue 19 asked for 120 of 124).
	if want := n - n*3/100; readerable[2] < want {
		t.Errorf("recall and precision >= 90%% on %d of %d readerable pages, want at least %d", readerable[2], n, want)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		if a == 0 {
			return 1
		}
		return 0
	}
	return float64(a) / float64(b)
}

// suiteWords splits text into lower-case words of letters and digits;
// in scripts written without spaces (Chinese, Japanese, Thai…) each
// character is a word.
func suiteWords(s string) []string {
	s = strings.ToLower(s)
	var words []string
	start := -1
	for i, r := range s {
		switch {
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar):
			if start >= 0 {
				words = append(words, s[start:i])
				start = -1
			}
			words = append(words, string(r))
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if start < 0 {
				start = i
			}
		default:
			if start >= 0 {
				words = append(words, s[start:i])
				start = -1
			}
		}
	}
	if start >= 0 {
		words = append(words, s[start:])
	}
	return words
}

// commonWords is the size of the multiset intersection of a and b.
func commonWords(a, b []string) int {
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	n := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			n++
		}
	}
	return n
}

// suiteInline are the elements whose edges do not separate words.
var suiteInline = map[atom.Atom]bool{atom.A: true, atom.Span: true, atom.B: true, atom.I: true, atom.Em: true,
	atom.Strong: true, atom.Code: true, atom.Sup: true, atom.Sub: true, atom.Small: true, atom.Abbr: true,
	atom.Cite: true, atom.Q: true, atom.Mark: true, atom.U: true, atom.S: true, atom.Font: true, atom.Time: true,
	atom.Label: true, atom.Big: true, atom.Tt: true, atom.Kbd: true, atom.Var: true, atom.Dfn: true, atom.Ins: true, atom.Del: true}

// htmlText is the text of an HTML fragment, words apart at block edges.
func htmlText(t *testing.T, b []byte) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		block := n.Type == html.ElementNode && !suiteInline[n.DataAtom]
		if block {
			sb.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			sb.WriteByte(' ')
		}
	}
	walk(doc)
	return sb.String()
}

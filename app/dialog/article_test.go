package dialog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/assets"
	"github.com/quoteline/quoteline/data/extract"
)

func TestArticleReview(t *testing.T) {
	test.NewTempApp(t)
	f, err := assets.Seed().Open("article.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := extract.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	r := newArticleReview(a)
	if _, _, err := r.accepted(); err == nil {
		t.Error("accepted without a publication date")
	}
	test.Type(r.date, "2023-05-15")
	var checks []*widget.Check
	for _, o := range r.list.Objects {
		if c, ok := o.(*widget.Check); ok {
			checks = append(checks, c)
		}
	}
	if len(checks) != 9+4 {
		t.Fatalf("%d check boxes, want 9 quotes and 4 dates", len(checks))
	}
	test.Tap(checks[0])  // reject the first quote
	test.Tap(checks[10]) // and the second date
	pub, s, err := r.accepted()
	if err != nil || pub.String() != "2023-05-15" || len(s.Quotes) != 8 || len(s.Dates) != 3 {
		t.Errorf("accepted %v, %d quotes, %d dates, %v", pub, len(s.Quotes), len(s.Dates), err)
	}
	if s.Quotes[0].Text == "unprecedented" {
		t.Error("the rejected quote was kept")
	}
}

// TestArticleReview_PageDateAndWarnings: a saved page's own date fills
// the date field; a date that contradicts it, or an article that yields
// no quotes or dates, is said above the list.
func TestArticleReview_PageDateAndWarnings(t *testing.T) {
	test.NewTempApp(t)
	read := func(name string) *extract.Article {
		f, err := os.Open(filepath.Join("..", "..", "data", "extract", "testdata", "pages", name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		a, err := extract.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	r := newArticleReview(read("daily-teasers.html"))
	if r.date.Text != "2024-04-18" || r.warn.Visible() {
		t.Errorf("date %q, warnings shown: %v %q", r.date.Text, r.warn.Visible(), r.warn.Text)
	}
	r.date.SetText("2024-04-19")
	if !r.warn.Visible() || !strings.Contains(r.warn.Text, "The page says it was published on 18 Apr 2024") {
		t.Errorf("contradicting date: warnings %v %q", r.warn.Visible(), r.warn.Text)
	}

	r = newArticleReview(read("notice.html"))
	test.Type(r.date, "2024-01-10")
	if !r.warn.Visible() || !strings.Contains(r.warn.Text, "No quoted passages") || !strings.Contains(r.warn.Text, "No dates") {
		t.Errorf("article without quotes or dates: warnings %v %q", r.warn.Visible(), r.warn.Text)
	}
}

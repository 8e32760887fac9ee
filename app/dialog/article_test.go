package dialog

import (
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

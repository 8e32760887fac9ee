package dialog

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/pane"
	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/assets"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/extract"
)

// texts returns every text shown by o and its children, widgets included.
func texts(o fyne.CanvasObject) []string {
	var out []string
	switch w := o.(type) {
	case *widget.Label:
		out = append(out, w.Text)
	case *canvas.Text:
		out = append(out, w.Text)
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			out = append(out, texts(child)...)
		}
	} else if w, ok := o.(fyne.Widget); ok {
		for _, child := range test.WidgetRenderer(w).Objects() {
			out = append(out, texts(child)...)
		}
	}
	return out
}

// markOf returns the mark of the text with id.
func markOf(t *testing.T, r *articleReview, id int64) pane.TextMark {
	t.Helper()
	marks := r.text.Marks()
	i := slices.IndexFunc(marks, func(m pane.TextMark) bool { return m.ID == id })
	if i < 0 {
		t.Fatalf("no mark %d", id)
	}
	return marks[i]
}

// seedArticle reads the lead article.
func seedArticle(t *testing.T) *extract.Article {
	t.Helper()
	f, err := assets.Seed().Open("article.txt")
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

// readPage reads a saved page of data/extract's tests.
func readPage(t *testing.T, name string) *extract.Article {
	t.Helper()
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

// showReview lays the review out in a window, as the dialog shows it.
func showReview(t *testing.T, a *extract.Article, actors []data.Actor) *articleReview {
	t.Helper()
	test.NewTempApp(t)
	r := newArticleReview(a, actors)
	w := test.NewTempWindow(t, r.content)
	w.Resize(fyne.NewSize(1180, 700))
	return r
}

// TestArticleReview_ShowsTheSpeakersToCheckFirst: the lead article's two
// quotes whose speaker is worked out from context come first, highlighted
// apart in the text; every row says why and how sure, with the speaker
// picker filled; accepting everything takes every quote as suggested.
func TestArticleReview_ShowsTheSpeakersToCheckFirst(t *testing.T) {
	a := seedArticle(t)
	r := showReview(t, a, nil)
	if _, _, err := r.accepted(); err == nil {
		t.Error("accepted without a publication date")
	}
	test.Type(r.date, "2023-05-15")
	if len(r.rows) != 9 || len(r.sugg.Dates) != 4 {
		t.Fatalf("%d quotes and %d dates suggested, want 9 and 4", len(r.rows), len(r.sugg.Dates))
	}
	var order []string
	for _, row := range r.shown {
		order = append(order, string(row.q.Confidence)+" "+passage(row.q.Text)[:min(len(row.q.Text), 12)])
	}
	if !strings.HasPrefix(order[0], "check") || !strings.HasPrefix(order[1], "check") || !strings.HasPrefix(order[2], "high") {
		t.Errorf("shown in the order %q, want the two to check first", order)
	}
	first := r.shown[0]
	if first.speaker.Text != "John Kirby" || first.kind.Selected != "Person" || !first.accept.Checked {
		t.Errorf("the first row's speaker %q (%q), accepted %v", first.speaker.Text, first.kind.Selected, first.accept.Checked)
	}
	shown := strings.Join(texts(first.box), "\n")
	for _, want := range []string{"To check", "“A White House official” in the opening is taken to be John Kirby"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the row lacks %q:\n%s", want, shown)
		}
	}
	if !strings.Contains(strings.Join(texts(r.shown[2].box), "\n"), "Sure") {
		t.Error("a sure quote does not say so")
	}
	// In the text: the ones to check are marked apart.
	checks := 0
	for i, row := range r.rows {
		m := markOf(t, r, int64(i+1))
		if a.Text[m.Start:m.End] != row.q.Text || m.Check != (row.q.Confidence == data.ConfidenceCheck) || m.Title != "John Kirby" {
			t.Errorf("quote %d is marked %+v", i, m)
		}
		if m.Check {
			checks++
		}
	}
	if checks != 2 {
		t.Errorf("%d quotes marked to check, want 2", checks)
	}

	// Accepting all: every quote as suggested, with its note and confidence.
	pub, s, err := r.accepted()
	if err != nil || pub.String() != "2023-05-15" || len(s.Quotes) != 9 || len(s.Dates) != 4 {
		t.Fatalf("accepted %v, %d quotes, %d dates, %v", pub, len(s.Quotes), len(s.Dates), err)
	}
	if !slices.EqualFunc(s.Quotes, r.sugg.Quotes, func(a, b extract.Quote) bool { return a == b }) {
		t.Error("accepting all changed the suggestions")
	}
}

// TestArticleReview_ASpeakerChosenByHand: unticking leaves a quote or date
// out; a speaker typed or picked by hand, of another kind, is kept without
// the import's note; picking a known actor takes its kind.
func TestArticleReview_ASpeakerChosenByHand(t *testing.T) {
	r := showReview(t, seedArticle(t), []data.Actor{{ID: 3, Name: "US Treasury", Kind: data.KindOrganisation}})
	test.Type(r.date, "2023-05-15")
	test.Tap(r.shown[len(r.shown)-1].accept)
	first := r.shown[0]
	first.speaker.SetText("a White House official")
	first.kind.SetSelected("Unnamed (described, not named)")
	second := r.shown[1]
	second.speaker.SetText("US Treasury")
	if second.kind.Selected != "Organisation" {
		t.Errorf("picking a known actor left the kind %q", second.kind.Selected)
	}
	if m := markOf(t, r, int64(slices.Index(r.rows, first)+1)); m.Title != "a White House official" || m.Detail != "Chosen by hand." {
		t.Errorf("the text marks the changed quote %+v", m)
	}
	_, s, err := r.accepted()
	if err != nil || len(s.Quotes) != 8 {
		t.Fatalf("accepted %d quotes, %v; want 8", len(s.Quotes), err)
	}
	i := slices.IndexFunc(s.Quotes, func(q extract.Quote) bool { return q.Text == first.q.Text })
	if q := s.Quotes[i]; q.Speaker != "a White House official" || q.SpeakerKind != data.KindUnnamed || q.Why != "" || q.Confidence != "" {
		t.Errorf("the quote given a speaker by hand: %+v", q)
	}
	if slices.ContainsFunc(s.Quotes, func(q extract.Quote) bool { return q.Text == r.shown[len(r.shown)-1].q.Text }) {
		t.Error("the unticked quote was kept")
	}
}

// TestArticleReview_ThePagesOwnWords: a saved page's byline, outlet and
// address are shown, and its date fills the date field, said to be the
// page's; a date that contradicts it, or an article that yields no quotes
// or dates, is said above the list.
func TestArticleReview_ThePagesOwnWords(t *testing.T) {
	r := showReview(t, readPage(t, "daily-teasers.html"), nil)
	all := strings.Join(texts(r.content), "\n")
	for _, want := range []string{"Jane Marsh and Omar Ali", "The Daily Ledger", "https://www.dailyledger.example/2024/04/18/nyregion/harbor-tunnel-reopens.html",
		"As the page states it: check it."} {
		if !strings.Contains(all, want) {
			t.Errorf("the review lacks %q", want)
		}
	}
	if r.date.Text != "2024-04-18" || r.warn.Visible() {
		t.Errorf("date %q, warnings shown: %v %q", r.date.Text, r.warn.Visible(), r.warn.Text)
	}
	r.date.SetText("2024-04-19")
	if !r.warn.Visible() || !strings.Contains(r.warn.Text, "The page says it was published on 18 Apr 2024") || strings.Contains(r.note.Text, "As the page") {
		t.Errorf("contradicting date: warnings %v %q, note %q", r.warn.Visible(), r.warn.Text, r.note.Text)
	}

	r = showReview(t, readPage(t, "notice.html"), nil)
	if !strings.Contains(r.note.Text, "does not say when it was published") {
		t.Errorf("a page without a date: %q", r.note.Text)
	}
	test.Type(r.date, "2024-01-10")
	if !r.warn.Visible() || !strings.Contains(r.warn.Text, "No quoted passages") || !strings.Contains(r.warn.Text, "No dates") {
		t.Errorf("article without quotes or dates: warnings %v %q", r.warn.Visible(), r.warn.Text)
	}
}

// TestArticleReview_ImportKeepsHowEachSpeakerWasFound imports the lead
// article's suggestions as the dialog does: the quotes keep their notes and
// confidences, and the one given a speaker by hand keeps none.
func TestArticleReview_ImportKeepsHowEachSpeakerWasFound(t *testing.T) {
	o, p, st := openExample(t)
	a := seedArticle(t)
	r := newArticleReview(a, p.Session.Links().Actors)
	test.Type(r.date, "2023-05-15")
	r.shown[0].speaker.SetText("a White House official")
	r.shown[0].kind.SetSelected("Unnamed (described, not named)")
	pub, sugg, err := r.accepted()
	if err != nil {
		t.Fatal(err)
	}
	o.S.Import("article.txt", func() (*data.CheckedDocument, error) { return session.ArticleDocument(a, pub, "article.txt", sugg) })
	if err := sessiontest.Next[session.Opened](o).Err; err != nil {
		t.Fatal(err)
	}
	quotes, err := st.Quotes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var notes, checks, byHand int
	for _, q := range quotes {
		switch {
		case q.Speaker == "a White House official":
			byHand++
			if q.Text != r.shown[0].q.Text || q.SpeakerNote != "" || q.SpeakerConfidence != "" {
				t.Errorf("the quote given a speaker by hand: %+v", q)
			}
		case q.SpeakerNote != "":
			notes++
			if q.SpeakerConfidence == data.ConfidenceCheck {
				checks++
			}
		}
	}
	// The default timeline's own quotes were given their speakers by hand.
	if byHand != 1 || notes != 8 || checks != 1 {
		t.Errorf("%d quotes given a speaker by hand, %d keep the import's note, %d of them to check; want 1, 8 and 1", byHand, notes, checks)
	}
	actors, _ := st.Actors(context.Background())
	if i := slices.IndexFunc(actors, func(a data.Actor) bool { return a.Name == "a White House official" }); i < 0 || actors[i].Kind != data.KindUnnamed {
		t.Errorf("actors %+v", actors)
	}
}

package extract

import (
	"errors"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/data"
)

func TestPublicationDate(t *testing.T) {
	page := &Article{Published: mustTime(t, "2024-04-18")}
	none := &Article{}
	tests := []struct {
		name     string
		a        *Article
		given    string
		want     string
		conflict bool
		err      error
	}{
		{"from the page", page, "", "2024-04-18", false, nil},
		{"given, as the page says", page, "2024-04-18", "2024-04-18", false, nil},
		{"given, against the page", page, "2024-04-19", "2024-04-19", true, nil},
		{"given, page silent", none, "2023-01-02", "2023-01-02", false, nil},
		{"neither", none, "", "", false, ErrNoPublished},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var given data.Time
			if tt.given != "" {
				given = mustTime(t, tt.given)
			}
			pub, conflict, err := PublicationDate(tt.a, given)
			if pub.String() != tt.want || (conflict != "") != tt.conflict || !errors.Is(err, tt.err) {
				t.Errorf("%v, %q, %v; want %s, conflict %v, %v", pub, conflict, err, tt.want, tt.conflict, tt.err)
			}
			if tt.conflict && !strings.Contains(conflict, page.Published.Display()) {
				t.Errorf("conflict %q does not name the page's date", conflict)
			}
		})
	}
}

// TestWarnings: an article that yields no quotes, no dates or almost no
// text says so; the notes of the reader are passed on.
func TestWarnings(t *testing.T) {
	a := readPage(t, "notice.html") // a parish notice: no quote, no date, no date of publication
	s := Suggest(a.Text, mustTime(t, "2024-01-01"))
	w := strings.Join(Warnings(a, s), "\n")
	for _, want := range []string{"no quoted passages", "no dates"} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings %q lack %q", w, want)
		}
	}
	if strings.Contains(w, "only") {
		t.Errorf("a complete notice called short: %q", w)
	}
	if _, _, err := PublicationDate(a, data.Time{}); !errors.Is(err, ErrNoPublished) {
		t.Errorf("notice has a publication date: %v", err)
	}
	short := &Article{Text: "Teaser headline\nOne line.\n", Notes: []string{"a note"}}
	w = strings.Join(Warnings(short, Suggestions{}), "\n")
	for _, want := range []string{"a note", "only 4 words", "no quoted passages", "no dates"} {
		if !strings.Contains(w, want) {
			t.Errorf("warnings %q lack %q", w, want)
		}
	}
}

// TestDocument_SourceOfPage: the page's title, outlet, address, byline
// and date go into the source, with a note on how the date is known.
func TestDocument_SourceOfPage(t *testing.T) {
	a := readPage(t, "daily-teasers.html")
	for _, tt := range []struct{ pub, note string }{
		{"2024-04-18", "Publication date as the page states it."},
		{"2024-04-19", "Publication date given at import; the page states"},
	} {
		pub := mustTime(t, tt.pub)
		doc := Document(a, pub, "tunnel.html", Suggest(a.Text, pub))
		src := doc.Sources[0]
		if src.Title != a.Title || src.Outlet != "The Daily Ledger" || src.URL != a.URL || src.Published != tt.pub ||
			!strings.HasPrefix(src.DateNote, tt.note) || src.Summary != "By Jane Marsh and Omar Ali." || src.Text != a.Text {
			t.Errorf("source %+v", src)
		}
	}
}

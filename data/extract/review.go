package extract

import (
	"errors"
	"fmt"
	"strings"

	"github.com/quoteline/quoteline/data"
)

// What an import of an article should tell the user before it is made,
// in words the window and the command line show alike.

// ErrNoPublished means neither the user nor the page gives the date an
// article was published, which its relative dates are resolved against.
var ErrNoPublished = errors.New("the page states no publication date")

// PublicationDate returns the day an article's relative dates are
// resolved against: given, the day the user gave, unless it is zero; else
// the day the page states. conflict, when not empty, says that the page
// states another day than the one given.
func PublicationDate(a *Article, given data.Time) (pub data.Time, conflict string, err error) {
	switch {
	case given.IsZero() && a.Published.IsZero():
		return data.Time{}, "", ErrNoPublished
	case given.IsZero():
		return a.Published, "", nil
	case !a.Published.IsZero() && a.Published.String() != given.String():
		return given, fmt.Sprintf("the page says it was published on %s, not %s: its relative dates are resolved against %s, as given",
			a.Published.Display(), given.Display(), given.Display()), nil
	}
	return given, "", nil
}

// shortArticle is the number of words under which an article's text is
// reported as possibly incomplete.
const shortArticle = 50

// Warnings returns what the user should hear before importing the
// article a with the suggestions s: what the reader had to change to read
// the file, a text so short that the page may not have been saved whole
// (or its article not found), and an article that yields no quotes or no
// dates, so that an import of nothing is never a silent success.
func Warnings(a *Article, s Suggestions) []string {
	w := append([]string(nil), a.Notes...)
	if n := len(strings.Fields(a.Text)); n < shortArticle {
		w = append(w, fmt.Sprintf("the article text is only %d words: the page may not have been saved whole, or its article was not found", n))
	}
	if len(s.Quotes) == 0 {
		w = append(w, "no quoted passages were found in the article: no quotes will be imported")
	}
	if len(s.Dates) == 0 {
		w = append(w, "no dates were found in the article: no events will be made from it")
	}
	return w
}

// sourceDateNote says how an article's publication date pub is known,
// for its source.
func sourceDateNote(a *Article, pub data.Time) string {
	switch {
	case a.Published.IsZero():
		return "Publication date given at import."
	case a.Published.String() == pub.String():
		return "Publication date as the page states it."
	}
	return "Publication date given at import; the page states " + a.Published.Display() + "."
}

// sourceSummary is the summary an article's source starts with: its
// byline, which the source has no field of its own for.
func sourceSummary(a *Article) string {
	if a.Byline == "" {
		return ""
	}
	return "By " + a.Byline + "."
}

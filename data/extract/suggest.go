package extract

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/quoteline/quoteline/data"
)

// Suggestions are what an article offers a chronology.
type Suggestions struct {
	Quotes []Quote
	Dates  []DateMention
}

// Suggest finds the quoted passages of text with their speakers, and its
// date expressions resolved against pub, the publication date (day
// precision). A passage quoted twice with the same words is suggested
// once, at its first place in double quotation marks.
func Suggest(text string, pub data.Time) Suggestions {
	var s Suggestions
	seen := map[string]int{}
	for _, q := range findQuotes(text) {
		if i, dup := seen[q.Text]; dup {
			// Prefer a double-quoted occurrence over one in single
			// quotes (as in headlines).
			if strings.HasPrefix(text[:s.Quotes[i].Start][max(0, s.Quotes[i].Start-3):], "‘") {
				s.Quotes[i] = q
			}
			continue
		}
		seen[q.Text] = len(s.Quotes)
		s.Quotes = append(s.Quotes, q)
	}
	s.Dates = findDates(text, pub)
	return s
}

// ArticleLane is the lane events from an article are put on.
const ArticleLane = "From articles"

// Document builds a document of the article as a source with its text,
// the quotes and dates of s (those the user accepted) as quotes and
// events, and the speakers as actors. file is the article's file name,
// kept as the source's text_file. Each date becomes an event titled with
// its sentence, linked to the quotes in that sentence and to the source;
// a relative date records its expression and the quote or date it was
// resolved against. Dates that say the same thing the same way become one
// event.
func Document(a *Article, pub data.Time, file string, s Suggestions) *data.Document {
	doc := &data.Document{Format: data.DocumentFormat, Version: data.DocumentVersion,
		Title: firstNonEmpty(a.Title, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)), "Article"),
		Lanes: []data.DocumentLane{}, Actors: []data.DocumentActor{}, Quotes: []data.DocumentQuote{}, Events: []data.DocumentEvent{}}
	src := data.DocumentSource{Key: "article", Title: doc.Title, Outlet: a.Outlet, URL: a.URL, Published: pub.String(),
		DateNote: sourceDateNote(a, pub), Summary: sourceSummary(a), TextFile: filepath.Base(file), Text: a.Text}
	doc.Sources = []data.DocumentSource{src}

	actors := map[string]string{}
	quoteKeys := make([]string, len(s.Quotes))
	for i, q := range s.Quotes {
		dq := data.DocumentQuote{Key: "quote-" + strconv.Itoa(i+1), Source: src.Key, SaidAt: pub.String(), Text: q.Text}
		start, end := int64(q.Start), int64(q.End)
		dq.StartByte, dq.EndByte = &start, &end
		if q.Speaker != "" {
			k, ok := actors[q.Speaker]
			if !ok {
				k = "actor-" + strconv.Itoa(len(doc.Actors)+1)
				actors[q.Speaker] = k
				doc.Actors = append(doc.Actors, data.DocumentActor{Key: k, Name: q.Speaker, Kind: data.KindPerson, Description: q.SpeakerTitle})
			}
			dq.Speaker = k
		}
		quoteKeys[i] = dq.Key
		doc.Quotes = append(doc.Quotes, dq)
	}

	if len(s.Dates) > 0 {
		doc.Lanes = append(doc.Lanes, data.DocumentLane{Key: "article", Name: ArticleLane, Color: "#5B6CB2"})
	}
	merged := map[string]int{}
	for _, d := range s.Dates {
		from, to := sentenceBounds(a.Text, d.Start)
		sentence := strings.TrimSpace(a.Text[from:to])
		id := strings.ToLower(d.Expression) + "|" + d.From.String() + "|" + d.To.String()
		var links []data.DocumentQuoteLink
		inQuote := -1
		for i, q := range s.Quotes {
			if q.Start < to && q.End > from {
				links = append(links, data.DocumentQuoteLink{Quote: quoteKeys[i], Stance: data.StanceSupports})
			}
			if q.Start <= d.Start && d.End <= q.End {
				inQuote = i
			}
		}
		if j, dup := merged[id]; dup {
			e := &doc.Events[j]
			if inQuote >= 0 && e.Derived != nil && e.Derived.Quote == "" {
				e.Derived = &data.DocumentDerivation{Expression: d.Expression, Quote: quoteKeys[inQuote]}
			}
			for _, l := range links {
				if !hasQuote(e.Quotes, l.Quote) {
					e.Quotes = append(e.Quotes, l)
				}
			}
			continue
		}
		e := data.DocumentEvent{Key: "event-" + strconv.Itoa(len(doc.Events)+1), Lane: "article",
			Title: shorten(sentence, 110), Summary: sentence, Start: d.From.String(), Status: data.StatusReported,
			Quotes: links, Sources: []data.DocumentSourceLink{{Source: src.Key, Stance: data.StanceSupports}}}
		if e.Title == e.Summary {
			e.Summary = ""
		}
		if !d.To.IsZero() && d.To.End() > d.From.End() {
			e.End = d.To.String()
			e.EndUncertain = d.Uncertain
		} else {
			e.StartUncertain = d.Uncertain
		}
		if d.Future {
			e.Status = data.StatusExpected
		}
		if d.Relative {
			e.Derived = &data.DocumentDerivation{Expression: d.Expression}
			if inQuote >= 0 {
				e.Derived.Quote = quoteKeys[inQuote]
			} else {
				e.Derived.SaidAt = pub.String()
			}
			e.DateNote = fmt.Sprintf("Resolved from %q against the publication date, %s.", d.Expression, pub.Display())
		}
		merged[id] = len(doc.Events)
		doc.Events = append(doc.Events, e)
	}
	return doc
}

func hasQuote(links []data.DocumentQuoteLink, key string) bool {
	for _, l := range links {
		if l.Quote == key {
			return true
		}
	}
	return false
}

// sentenceBounds returns the sentence of text that holds offset at.
func sentenceBounds(text string, at int) (from, to int) {
	from = sentenceStart(text, at)
	to = len(text)
	if nl := strings.IndexByte(text[at:], '\n'); nl >= 0 {
		to = at + nl
	}
	end := to
	sentenceEnds(text, from, to, func(e int) bool {
		if e > at {
			end = e
			return false
		}
		return true
	})
	return from, end
}

// shorten cuts s to at most n bytes at a word boundary, with an ellipsis.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

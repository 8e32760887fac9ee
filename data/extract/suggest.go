package extract

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/quoteline/quoteline/data"
)

// Suggestions are what an article offers a chronology.
type Suggestions struct {
	Quotes []Quote
	Dates  []DateMention
	// layout is the text as Suggest cut it, kept for Document.
	layout *layout
}

// Suggest finds the quoted passages of text with their speakers, and its
// date expressions resolved against pub, the publication date (day
// precision). A passage quoted twice with the same words is suggested
// once, at its first place in double quotation marks.
func Suggest(text string, pub data.Time) Suggestions {
	l := newLayout(text)
	s := Suggestions{layout: l}
	seen := map[string]int{}
	for _, q := range findQuotes(l) {
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
	s.Dates = findDates(l, pub)
	return s
}

// maxQuotesPerEvent and maxSummaryBytes bound what one event takes from
// its sentence: a text without full stops is one sentence.
const (
	maxQuotesPerEvent = 50
	maxSummaryBytes   = 2000
)

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
		dq := data.DocumentQuote{Key: "quote-" + strconv.Itoa(i+1), Source: src.Key, SaidAt: pub.String(), Text: q.Text,
			SpeakerNote: q.Why, SpeakerConfidence: q.Confidence}
		start, end := int64(q.Start), int64(q.End)
		dq.StartByte, dq.EndByte = &start, &end
		if q.Speaker != "" {
			k, ok := actors[q.Speaker]
			if !ok {
				k = "actor-" + strconv.Itoa(len(doc.Actors)+1)
				actors[q.Speaker] = k
				kind := q.SpeakerKind
				if kind == "" {
					kind = data.KindPerson
				}
				doc.Actors = append(doc.Actors, data.DocumentActor{Key: k, Name: q.Speaker, Kind: kind, Description: q.SpeakerTitle})
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
	l := s.layout
	if len(s.Dates) > 0 && (l == nil || l.text != a.Text) {
		l = newLayout(a.Text)
	}
	// The quotes in order of place, to find those of a sentence by a
	// binary search instead of a look at every quote for every date.
	byStart := make([]int, len(s.Quotes))
	for i := range byStart {
		byStart[i] = i
	}
	sort.SliceStable(byStart, func(i, j int) bool { return s.Quotes[byStart[i]].Start < s.Quotes[byStart[j]].Start })
	for _, d := range s.Dates {
		from, to := sentenceAt(l, d.Start)
		sentence := strings.TrimSpace(a.Text[from:to])
		id := strings.ToLower(d.Expression) + "|" + d.From.String() + "|" + d.To.String()
		var links []data.DocumentQuoteLink
		inQuote := -1
		// Passages do not overlap: only the one before the first that
		// starts in the sentence can reach into it.
		first := max(0, sort.Search(len(byStart), func(k int) bool { return s.Quotes[byStart[k]].Start >= from })-1)
		for k := first; k < len(byStart) && s.Quotes[byStart[k]].Start < to; k++ {
			i := byStart[k]
			q := s.Quotes[i]
			if q.Start < to && q.End > from && len(links) < maxQuotesPerEvent {
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
				if len(e.Quotes) < maxQuotesPerEvent && !hasQuote(e.Quotes, l.Quote) {
					e.Quotes = append(e.Quotes, l)
				}
			}
			continue
		}
		e := data.DocumentEvent{Key: "event-" + strconv.Itoa(len(doc.Events)+1), Lane: "article",
			Title: shorten(sentence, 110), Summary: shorten(sentence, maxSummaryBytes), Start: d.From.String(), Status: data.StatusReported,
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

// sentenceAt returns the sentence of l's text that holds offset at: a
// quoted passage and its attribution are one sentence.
func sentenceAt(l *layout, at int) (from, to int) {
	t := l.tokenAt(at)
	if t >= len(l.toks) {
		return at, at
	}
	s := l.sents[l.toks[t].sent]
	// Not the dateline: "HAMBURG, Sept 27 (Reuters) - ".
	first := max(s.first, l.paras[s.para].bodyTok)
	if first >= s.end || first > t {
		first = s.first
	}
	return l.toks[first].start, l.toks[s.end-1].end
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

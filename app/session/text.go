package session

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// This file writes what the panes, present mode and handouts say of a
// document's records, the same way everywhere.

// DateRange writes an event's time at its precision: "Aug 2022",
// "Aug 2022 – 15 May 2023".
func DateRange(st data.DateStyle, e *data.Event) string {
	return DateRangeOf(st, e.Start, e.End, e.StartUncertain, e.EndUncertain)
}

// DateRangeOf writes a start and an optional end (zero for a point) at their
// precisions, marking uncertain ends.
func DateRangeOf(st data.DateStyle, start, end data.Time, startUncertain, endUncertain bool) string {
	s := st.Format(start)
	if end.IsZero() {
		if startUncertain {
			return "by " + s + " (start not known)"
		}
		return s
	}
	if startUncertain {
		s += " (start uncertain)"
	}
	e := st.Format(end)
	if endUncertain {
		e += "?"
	}
	return s + " – " + e
}

// ClaimText explains a claim status in a few words.
func ClaimText(s data.ClaimStatus) string {
	switch s {
	case data.StatusConfirmed:
		return "Confirmed by independent sources"
	case data.StatusDisputed:
		return "Disputed: sources disagree"
	case data.StatusExpected:
		return "Expected: announced, not yet a fact"
	default:
		return "Reported"
	}
}

// ClaimCounts is "2 sources support it · 1 disputes it".
func ClaimCounts(c data.Claims) string {
	return countPhrase(c.Supporting, "No source supports it", "1 source supports it", "%d sources support it") +
		" · " + countPhrase(c.Disputing, "none disputes it", "1 disputes it", "%d dispute it")
}

// countPhrase picks the phrase for n: none, one, or many (a format for n).
func countPhrase(n int, none, one, many string) string {
	switch n {
	case 0:
		return none
	case 1:
		return one
	}
	return fmt.Sprintf(many, n)
}

// Provenance says how an event's date was worked out from words:
// "Aug 2022 — from “since August”, said 15 May 2023". For a range it names
// both ends; for an expected event the words are a forecast.
func Provenance(st data.DateStyle, ev *data.Event) string {
	dv := ev.Derivation
	if dv == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(DateRangeOf(st, ev.Start, ev.End, false, false))
	b.WriteString(" — from “" + dv.Expression + "”")
	if !dv.SaidAt.IsZero() {
		b.WriteString(", said " + st.Format(dv.SaidAt))
	}
	if ev.Status == data.StatusExpected {
		b.WriteString(" (a forecast: not yet a fact when said)")
	}
	return b.String()
}

// SourceLine is "In: Outlet · published 15 May 2023", with the title first
// for a source whose text is stored.
func SourceLine(st data.DateStyle, s *data.Source) string {
	var parts []string
	if s.Outlet != "" {
		parts = append(parts, s.Outlet)
	}
	if s.Published.Precision != 0 {
		parts = append(parts, "published "+st.Format(s.Published))
	}
	line := strings.Join(parts, " · ")
	if s.Title != "" && s.HasText {
		if line != "" {
			line = s.Title + " — " + line
		} else {
			line = s.Title
		}
	}
	if line == "" {
		return "Source not recorded"
	}
	return "In: " + line
}

// Published is "15 May 2023 — how that is known".
func Published(st data.DateStyle, src data.Source) string {
	s := "Date not recorded"
	if !src.Published.IsZero() {
		s = st.Format(src.Published)
	}
	if src.DateNote != "" {
		s += " — " + src.DateNote
	} else if !src.Published.IsZero() {
		s += " — as given by the source"
	}
	return s
}

// ShortReference names a source briefly enough to stay on screen: its
// outlet (or else its title, shortened) and its publication date.
func ShortReference(st data.DateStyle, s *data.Source) string {
	name := s.Outlet
	if name == "" {
		name = "“" + Shorten(s.Title, 70) + "”"
	}
	if s.Published.Precision != 0 {
		name += ", " + st.Format(s.Published)
	}
	return name
}

// Shorten cuts s to at most n runes at a word boundary, with an ellipsis.
// It looks at no more of s than it keeps, so a huge text costs no more
// than a short one.
func Shorten(s string, n int) string {
	end, count := 0, 0
	for end < len(s) && count < n {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		count++
	}
	if end == len(s) {
		return s
	}
	cut := s[:end]
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// Named is `kind “name”`, with the name shortened for menus and messages.
func Named(kind, name string) string { return kind + " “" + Shorten(name, 30) + "”" }

// WebAddress returns the address s if it is an http or https URL with a
// host and nothing that could be mistaken for something else (spaces,
// control characters): the only addresses Quoteline opens.
func WebAddress(s string) (*url.URL, bool) {
	if s == "" || strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		return nil, false
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return nil, false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u, true
	}
	return nil, false
}

// SpeakerFound says how a quote's speaker was found by the article import,
// for the quote card and the source viewer: "How the speaker was found:
// after the quote: …", or "Speaker to check: …" when the import was
// unsure; "" for a speaker given by hand.
func SpeakerFound(q *data.Quote) string {
	switch {
	case q.SpeakerConfidence == data.ConfidenceCheck && q.SpeakerNote != "":
		return "Speaker to check: " + q.SpeakerNote
	case q.SpeakerConfidence == data.ConfidenceCheck:
		return "Speaker to check: the article import was not sure of it"
	case q.SpeakerNote != "":
		return "How the speaker was found: " + q.SpeakerNote
	}
	return ""
}

// VisibleRange describes the visible window for the toolbar: "Showing Jan
// 2022 – Oct 2023".
func VisibleRange(st data.DateStyle, vp timeline.Viewport) string {
	p := data.PrecisionMinute
	switch span := vp.Span(); {
	case span > 3*365*86400:
		p = data.PrecisionYear
	case span > 90*86400:
		p = data.PrecisionMonth
	case span > 3*86400:
		p = data.PrecisionDay
	case span < 10:
		p = data.PrecisionMillisecond
	case span < 600:
		p = data.PrecisionSecond
	}
	from, to := timeOfItem(vp.Start(), p), timeOfItem(vp.End(), p)
	return "Showing " + st.Format(from) + " – " + st.Format(to)
}

// StopWindow describes a stop's time window, e.g. "Jun 2022 – Dec 2022".
func StopWindow(ds data.DateStyle, st data.Stop) string {
	p := data.PrecisionDay
	if st.ViewEnd-st.ViewStart < 3*86400 {
		p = data.PrecisionMinute
	}
	from := data.Time{Unix: st.ViewStart, Precision: p}
	to := data.Time{Unix: st.ViewEnd - 1, Precision: p}
	return ds.Format(from) + " – " + ds.Format(to)
}

// Package extract reads news articles saved as plain text or as HTML from a
// browser and suggests what a chronology could take from them: quoted
// passages with their speakers, and date expressions resolved against the
// publication date. It works offline on the text alone; every suggestion
// carries the byte offsets of its words in the article text, which is kept
// verbatim as the source text.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"github.com/quoteline/quoteline/data"
)

// Article is an article's text and what its file says about it.
type Article struct {
	Title     string
	Byline    string    // the authors the HTML names, without "By"
	Outlet    string    // the site's name, if the HTML gives it
	URL       string    // canonical address, if the HTML names one
	Published data.Time // from the HTML's metadata, if any; the user confirms it
	// Text is the article text: for a plain-text file the file itself, for
	// HTML the headline and paragraphs of the main content, one a line.
	Text string
	// Notes are what the reader had to change to read the file, for the
	// user to hear before importing it.
	Notes []string
}

// MaxArticleBytes is the largest article file read.
const MaxArticleBytes = 16 << 20

// ErrNoText means a file holds nothing but white space.
var ErrNoText = errors.New("the file is empty: no article text")

// ErrNotText means a file is not text: not UTF-8 (nor UTF-16 with a
// byte-order mark) or, for HTML, in no charset it declares.
var ErrNotText = errors.New("not UTF-8 text")

// Read reads an article from r, as HTML if it looks like HTML and as plain
// text otherwise. Text files are UTF-8, or UTF-16 with a byte-order mark;
// HTML is read in the charset it declares.
func Read(r io.Reader) (*Article, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxArticleBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxArticleBytes {
		return nil, fmt.Errorf("larger than %d MB: not an article", MaxArticleBytes>>20)
	}
	if bytes.HasPrefix(raw, []byte("\xff\xfe")) || bytes.HasPrefix(raw, []byte("\xfe\xff")) {
		if raw, err = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(raw); err != nil || !plausibleText(raw) {
			return nil, ErrNotText
		}
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(raw, 0) >= 0 {
		return nil, ErrNotText
	}
	if looksLikeHTML(raw) {
		return FromHTML(raw)
	}
	if !utf8.Valid(raw) {
		return nil, ErrNotText
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrNoText
	}
	return FromText(string(raw)), nil
}

// plausibleText reports whether UTF-16 decoded as s is text: no broken
// surrogate or odd last byte (decoded as U+FFFD), no control character
// but white space.
func plausibleText(s []byte) bool {
	return !bytes.ContainsFunc(s, func(r rune) bool {
		return r == utf8.RuneError || (r < ' ' && r != '\t' && r != '\n' && r != '\r' && r != '\f')
	})
}

func looksLikeHTML(b []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(b[:min(len(b), 2048)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<body"))
}

// FromText takes a plain-text article: its first non-blank line is its
// title, cut at a sentence or word boundary when the line is a whole
// paragraph (some files have no headline); the text is kept exactly, with
// Windows and old Mac line ends made "\n".
func FromText(s string) *Article {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	a := &Article{Text: s}
	seen := 0 // non-blank lines
	for rest := s; rest != "" && seen < datelineWithin; {
		line, after, _ := strings.Cut(rest, "\n")
		rest = after
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		seen++
		if seen == 1 {
			a.Title = titleOf(t)
			continue
		}
		if day := datelineDay(t); !day.IsZero() {
			a.Published = day
			break
		}
	}
	return a
}

// datelineWithin is how many non-blank lines from the top of a plain-text
// article its dateline may be on: the title, a byline, an outlet.
const datelineWithin = 6

// datelinePrefix is what may come before the date on a dateline.
var datelinePrefix = regexp.MustCompile(`^(?i)(?:(?:first |last )?(?:published|posted|updated|dated?)(?: on)?:?\s+)`)

// datelineDay returns the day a line near the top of a plain-text article
// states as the article's, when the line is that date and nothing more
// ("March 3, 2021", "Published 3 March 2021 10:42 GMT"), or one part of a
// line split by bars or dots ("By Jane Roe | March 3, 2021"); else the
// zero Time. The user confirms it, as a page's date.
func datelineDay(line string) data.Time {
	if len(line) > 120 {
		return data.Time{}
	}
	for _, part := range strings.FieldsFunc(line, func(r rune) bool { return r == '|' || r == '·' || r == '•' }) {
		part = datelinePrefix.ReplaceAllString(strings.TrimSpace(part), "")
		if part == "" || !strings.ContainsAny(part, "0123456789") || strings.Count(part, " ") > 8 {
			continue
		}
		// The date, maybe with a time and a zone's abbreviation after it
		// ("10:42 AM ET"), which may be left off.
		words := strings.Fields(part)
		for n := len(words); n >= max(1, len(words)-2); n-- {
			t, err := data.ParseDate(strings.Join(words[:n], " "))
			if err != nil || t.Precision < data.PrecisionDay {
				continue
			}
			if t.Precision > data.PrecisionDay {
				// The day as the line writes it, not that of the moment
				// in UTC: "3 March 2021 23:30 GMT-0500" is of 3 March.
				if d, err := data.ParseDate(beforeTime(words[:n])); err == nil && d.Precision == data.PrecisionDay {
					t = d
				}
			}
			return data.Time{Unix: t.Unix - (t.Unix%86400+86400)%86400, Precision: data.PrecisionDay}
		}
	}
	return data.Time{}
}

// beforeTime returns the words of a date and time ("3 March 2021 23:30
// GMT-0500", "2021-03-03T23:30:00-05:00") up to its time of day: the date.
func beforeTime(words []string) string {
	for i, w := range words {
		if !strings.Contains(w, ":") {
			continue
		}
		if date, _, ok := strings.Cut(w, "T"); ok && i == 0 {
			return date
		}
		return strings.Join(words[:i], " ")
	}
	return strings.Join(words, " ")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

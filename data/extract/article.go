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
// title; the text is kept exactly, with Windows line ends made "\n".
func FromText(s string) *Article {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	a := &Article{Text: s}
	for _, line := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			a.Title = t
			break
		}
	}
	return a
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

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
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/quoteline/quoteline/data"
)

// Article is an article's text and what its file says about it.
type Article struct {
	Title     string
	Outlet    string
	URL       string    // canonical address, if the HTML names one
	Published data.Time // from the HTML's metadata, if any; the user confirms it
	// Text is the article text: for a plain-text file the file itself, for
	// HTML the headline and paragraphs of the main content, one a line.
	Text string
}

// MaxArticleBytes is the largest article file read.
const MaxArticleBytes = 16 << 20

// ErrNoText means a file holds nothing but white space.
var ErrNoText = errors.New("the file is empty: no article text")

// ErrNotText means a file is not UTF-8 text.
var ErrNotText = errors.New("not UTF-8 text")

// Read reads an article from r, as HTML if it looks like HTML and as plain
// text otherwise.
func Read(r io.Reader) (*Article, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxArticleBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxArticleBytes {
		return nil, fmt.Errorf("larger than %d MB: not an article", MaxArticleBytes>>20)
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(raw) {
		return nil, ErrNotText
	}
	if bytes.IndexByte(raw, 0) >= 0 {
		return nil, ErrNotText
	}
	if looksLikeHTML(raw) {
		return FromHTML(raw)
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrNoText
	}
	return FromText(string(raw)), nil
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
	for rest := s; rest != ""; {
		line, after, _ := strings.Cut(rest, "\n")
		if t := strings.TrimSpace(line); t != "" {
			a.Title = titleOf(t)
			break
		}
		rest = after
	}
	return a
}

// FromHTML takes an article saved from a browser. The main content is the
// <article> element, else <main>, else <body>, without scripts, styles,
// navigation, headers, footers, asides, forms and figures' captions. Its
// headings, paragraphs, list items and block quotes become one line each.
// The title, outlet, canonical URL and publication date come from the
// usual <meta> tags when present.
func FromHTML(raw []byte) (*Article, error) {
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	a := &Article{}
	var titleTag, h1 string
	var article, main, body *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if titleTag == "" {
					titleTag = textOf(n)
				}
			case atom.H1:
				if h1 == "" {
					h1 = textOf(n)
				}
			case atom.Article:
				if article == nil {
					article = n
				}
			case atom.Main:
				if main == nil {
					main = n
				}
			case atom.Body:
				body = n
			case atom.Meta:
				readMeta(a, attr(n, "property")+attr(n, "name")+attr(n, "itemprop"), attr(n, "content"))
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && a.URL == "" {
					a.URL = attr(n, "href")
				}
			case atom.Time:
				if a.Published.IsZero() {
					a.Published = parsePublished(attr(n, "datetime"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	root := article
	if root == nil {
		root = main
	}
	if root == nil {
		root = body
	}
	if root == nil {
		root = doc
	}
	if a.Title == "" {
		a.Title = firstNonEmpty(h1, titleTag)
	}
	var lines []string
	if a.Title != "" {
		lines = append(lines, a.Title)
	}
	collectBlocks(root, &lines)
	if len(lines) > 0 && len(lines) > 1 && lines[1] == lines[0] {
		lines = lines[1:] // the <h1> repeats the title
	}
	a.Text = strings.Join(lines, "\n") + "\n"
	if strings.TrimSpace(a.Text) == "" {
		return nil, errors.New("no article text found in the HTML")
	}
	if u, err := url.Parse(a.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		a.URL = ""
	}
	return a, nil
}

func readMeta(a *Article, key, content string) {
	content = strings.TrimSpace(content)
	if content == "" {
		return
	}
	switch strings.ToLower(key) {
	case "og:title", "twitter:title":
		if a.Title == "" {
			a.Title = content
		}
	case "og:site_name":
		a.Outlet = content
	case "og:url":
		if a.URL == "" {
			a.URL = content
		}
	case "article:published_time", "datepublished", "date", "pubdate", "publish-date", "dc.date.issued":
		if a.Published.IsZero() {
			a.Published = parsePublished(content)
		}
	}
}

// parsePublished takes the date of a timestamp such as
// "2023-05-15T14:02:00-04:00", to the day.
func parsePublished(s string) data.Time {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return data.Time{}
	}
	t, err := data.ParseTime(s[:10])
	if err != nil {
		return data.Time{}
	}
	return t
}

// skipped are elements whose text is not article text.
var skipped = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Noscript: true, atom.Figcaption: true,
	atom.Button: true, atom.Select: true, atom.Template: true, atom.Svg: true, atom.Iframe: true, atom.Title: true}

// blocks are elements whose text is one line.
var blocks = map[atom.Atom]bool{atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Dd: true, atom.Dt: true}

// containers are elements that hold lines of their own without being one:
// many sites set their paragraphs as <div>s or table cells, not <p>s.
var containers = map[atom.Atom]bool{atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Body: true, atom.Html: true, atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tr: true,
	atom.Td: true, atom.Th: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Figure: true,
	atom.Details: true, atom.Summary: true, atom.Address: true, atom.Center: true, atom.Fieldset: true,
	atom.Hgroup: true, atom.Caption: true}

// collectBlocks appends the lines of text under n: each block element is
// a line, and so is each run of loose text (text and inline elements)
// between blocks, containers and line breaks.
func collectBlocks(n *html.Node, lines *[]string) {
	hasBlock := blockDescendants(n)
	var run strings.Builder
	var walk func(*html.Node)
	flush := func() {
		if t := strings.Join(strings.Fields(run.String()), " "); t != "" {
			*lines = append(*lines, t)
		}
		run.Reset()
	}
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			run.WriteString(n.Data)
			return
		case n.Type == html.ElementNode && skipped[n.DataAtom]:
			return
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			flush()
			return
		case n.Type == html.ElementNode && blocks[n.DataAtom] && !hasBlock[n]:
			flush()
			run.WriteString(textOf(n))
			flush()
			return
		case n.Type == html.ElementNode && !containers[n.DataAtom] && !hasBlock[n]:
			// An inline element, as <a>, <span>, <q> or <b>: part of the run.
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			return
		}
		// A container, a block holding blocks, or the document: its own
		// lines start and end at its edges.
		flush()
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		flush()
	}
	walk(n)
}

// blockDescendants reports, for every element under root, whether a block
// or container is inside it; computed once, bottom up.
func blockDescendants(root *html.Node) map[*html.Node]bool {
	has := map[*html.Node]bool{}
	var visit func(*html.Node) bool
	visit = func(n *html.Node) bool {
		found := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skipped[c.DataAtom] {
				continue
			}
			if visit(c) || blocks[c.DataAtom] || containers[c.DataAtom] {
				found = true
			}
		}
		if found {
			has[n] = true
		}
		return found
	}
	visit(root)
	return has
}

// textOf returns the text inside n with white space collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && skipped[n.DataAtom]:
			return
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

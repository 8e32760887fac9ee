package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/itlightning/dateparse"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/quoteline/quoteline/data"
)

// The HTML path of Read: a page saved from a browser becomes an Article
// through go-readability (a maintained Go port of Mozilla's Readability),
// with Quoteline's own guarantees around it: the page's declared charset
// is honoured, nesting is bounded, nothing is fetched, and the text is
// plain lines (one a paragraph) that quotes' byte offsets point into.

// parserDepth is the deepest nesting of elements x/net/html accepts; it
// refuses a deeper page with an error rather than taking quadratic time.
const parserDepth = 512

// flattenDepth is how deep a page that goes past parserDepth is flattened
// to before it is parsed again. It is well under parserDepth because the
// parser reopens formatting elements (<b>, <i>, <font>, …) left open
// inside each new block, which can double the depth of a flattened page.
const flattenDepth = 160

// maxTitle and maxOutlet bound the title and outlet taken from a page's
// metadata, in bytes: no headline or site name is longer, and a document
// refuses titles of 4 KiB.
const (
	maxTitle  = 500
	maxOutlet = 200
)

// ErrTooDeep means a page nests its elements too deeply to be read even
// after flattening.
var ErrTooDeep = fmt.Errorf("the HTML nests its elements more than %d deep, even flattened: not read", parserDepth)

// FromHTML takes an article saved from a browser. Readability picks the
// main content out of the page's navigation, teasers, share bars and
// other furniture; its headings, paragraphs, list items, block quotes,
// captions and table cells become one line each, after the title. The
// title, byline, outlet, canonical URL and publication date come from the
// page's metadata (<meta> tags, JSON-LD) when it states them. A page in
// which Readability finds no article (loose text without paragraphs) is
// read whole, without its navigation, header and footer.
func FromHTML(raw []byte) (*Article, error) {
	src := decodeHTML(raw)
	doc, flattened, err := parseBounded(src, flattenDepth)
	if err != nil {
		return nil, err
	}
	a := &Article{}
	if flattened {
		a.Notes = append(a.Notes, fmt.Sprintf("the page nests its elements more than %d deep: the deepest were flattened to %d levels, so their layout is lost but not their text", parserDepth, flattenDepth))
	}
	meta := pageMetadata(doc)

	art, err := readArticle(doc)
	if err != nil {
		return nil, err
	}
	a.Title = oneLine(firstNonEmpty(art.Title(), meta.title, meta.h1))
	if a.Title == meta.titleTag && outletOfTitle(meta.titleTag, meta.h1) != "" {
		a.Title = meta.h1 // "Headline | Site", with the headline as the <h1>
	}
	a.Byline = cleanByline(firstNonEmpty(art.Byline(), meta.byline))
	a.Outlet = shorten(oneLine(firstNonEmpty(art.SiteName(), meta.siteName, outletOfTitle(meta.titleTag, a.Title))), maxOutlet)
	a.Title = shorten(a.Title, maxTitle)
	a.URL = meta.url
	if u, err := url.Parse(a.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		a.URL = ""
	}
	a.Published = pageDate(art, meta)

	c := &collector{}
	if art.Node != nil {
		retag(art.Node)
		c = collect(art.Node)
	}
	if len(c.lines) == 0 {
		// Readability's document is changed: read the page again.
		if doc, _, err = parseBounded(src, flattenDepth); err != nil {
			return nil, err
		}
		c = collect(withoutFurniture(doc))
	}
	lines := c.lines
	if a.Byline == "" {
		a.Byline = cleanByline(c.byline)
	}
	if a.Published.IsZero() {
		a.Published = parseDay(c.stamp)
	}
	if len(lines) > 0 && strings.EqualFold(lines[0], a.Title) {
		lines = lines[1:] // the page's <h1> repeats the title
	}
	if len(lines) == 0 {
		if flattened {
			return nil, fmt.Errorf("no article text found in the HTML (%s)", a.Notes[0])
		}
		return nil, errors.New("no article text found in the HTML")
	}
	if a.Title != "" {
		lines = append([]string{a.Title}, lines...)
	}
	a.Text = strings.Join(lines, "\n") + "\n"
	return a, nil
}

// readArticle runs Readability on the parsed page, which it changes. A
// panic in it is returned as an error: no page may crash the program.
func readArticle(doc *html.Node) (art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("read the page's article: Readability failed on this page: %v", r)
		}
	}()
	p := readability.NewParser()
	p.KeepClasses = true // for the clean-up in collect; no attribute reaches the text
	art, err = p.ParseAndMutate(doc, nil)
	if err != nil {
		return art, fmt.Errorf("read the page's article: %w", err)
	}
	return art, nil
}

// retag sets the DataAtom of every element under n from its tag name:
// Readability renames elements (a <div> of phrasing content becomes a
// <p>) and makes new ones by name alone, leaving DataAtom stale or zero.
func retag(n *html.Node) {
	if n.Type == html.ElementNode {
		n.DataAtom = atom.Lookup([]byte(n.Data))
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		retag(c)
	}
}

// withoutFurniture removes a page's header, footer and navigation (and
// the other skipped elements) and returns its body, or the page itself if
// it has none.
func withoutFurniture(doc *html.Node) *html.Node {
	var body *html.Node
	var remove []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Header, atom.Footer, atom.Nav, atom.Aside:
				remove = append(remove, n)
				return
			case atom.Body:
				body = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range remove {
		n.Parent.RemoveChild(n)
	}
	if body == nil {
		return doc
	}
	return body
}

// decodeHTML returns the page as UTF-8. A page that is valid UTF-8 is
// taken as UTF-8 whatever it declares (saved pages often keep the <meta>
// of the charset they were served in, and text in another charset is
// almost never valid UTF-8 by chance), except for the 7-bit ISO-2022-JP;
// any other page is decoded from the charset its byte-order mark or
// <meta> declares, Windows-1252 when it declares none (as browsers do),
// with bytes that charset does not have replaced.
func decodeHTML(raw []byte) []byte {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	enc, name, _ := charset.DetermineEncoding(raw, "text/html")
	if utf8.Valid(raw) && name != "iso-2022-jp" {
		return raw
	}
	if name != "utf-8" {
		if b, err := enc.NewDecoder().Bytes(raw); err == nil {
			raw = b
		}
	}
	return bytes.ToValidUTF8(raw, []byte("\uFFFD"))
}

// parseBounded parses the page. x/net/html refuses a page nested past
// parserDepth (quickly: it used to take quadratic time); such a page is
// flattened to depth and parsed again, and flattened is true.
func parseBounded(src []byte, depth int) (doc *html.Node, flattened bool, err error) {
	doc, err = html.Parse(bytes.NewReader(src))
	if err == nil {
		return doc, false, nil
	}
	doc, err = html.Parse(bytes.NewReader(flatten(src, depth)))
	if err != nil {
		return nil, true, ErrTooDeep
	}
	return doc, true, nil
}

// flatten rewrites a page so that no element opens more than depth
// elements deep, by its own simple count of open elements: start tags
// past that depth are dropped with their end tags, their text kept. It
// reads the page once, with x/net/html's tokenizer.
func flatten(src []byte, depth int) []byte {
	var out bytes.Buffer
	out.Grow(len(src))
	z := html.NewTokenizer(bytes.NewReader(src))
	var open []string           // the names of the open elements, innermost last
	dropped := map[string]int{} // start tags dropped, by name, not yet closed
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.Bytes()
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			n := string(name)
			if voidElements[n] {
				break
			}
			if closesSame[n] {
				// <p>, <li>, <td>… close an open one of their kind.
				for i := len(open) - 1; i >= 0 && !scopeElements[open[i]]; i-- {
					if open[i] == n {
						open = open[:i]
						break
					}
				}
			}
			if len(open) >= depth {
				dropped[n]++
				continue
			}
			open = append(open, n)
		case html.EndTagToken:
			name, _ := z.TagName()
			n := string(name)
			if dropped[n] > 0 {
				dropped[n]--
				continue
			}
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == n {
					open = open[:i]
					break
				}
			}
		}
		out.Write(raw)
	}
}

// voidElements have no end tag and hold nothing.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true,
	"hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true,
	"wbr": true, "param": true, "keygen": true, "frame": true, "basefont": true, "bgsound": true}

// closesSame are elements a start tag of the same name closes.
var closesSame = map[string]bool{"p": true, "li": true, "dt": true, "dd": true, "option": true,
	"tr": true, "td": true, "th": true, "a": true}

// scopeElements bound the search for an element a start tag closes.
var scopeElements = map[string]bool{"div": true, "table": true, "ul": true, "ol": true, "dl": true,
	"section": true, "article": true, "body": true, "html": true, "blockquote": true, "td": true, "th": true}

// metadata is what a page says about itself, read before Readability
// changes the page; Readability's own reading comes first where it has
// one.
type metadata struct {
	title, byline, siteName, url string
	published                    []string // candidates, best first
	titleTag, h1                 string   // the page's <title> and first <h1>
}

// pageMetadata reads the canonical address, and the dates, authors and
// publisher that Readability does not: JSON-LD whose @type is a list or
// whose article sits deep in a @graph, and the <meta> names and <time>
// elements news sites use for the publication date.
func pageMetadata(doc *html.Node) metadata {
	var m metadata
	var metaDates, timeDates []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if m.titleTag == "" && n.FirstChild != nil {
					m.titleTag = oneLine(n.FirstChild.Data)
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = textOf(n)
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.url == "" {
					m.url = strings.TrimSpace(attr(n, "href"))
				}
			case atom.Meta:
				key := strings.ToLower(strings.TrimSpace(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"))))
				content := strings.TrimSpace(attr(n, "content"))
				switch {
				case content == "":
				case key == "og:url":
					if m.url == "" {
						m.url = content
					}
				case key == "application-name":
					if m.siteName == "" {
						m.siteName = content
					}
				case publishedKeys[key]:
					metaDates = append(metaDates, content)
				}
			case atom.Time:
				if strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate") {
					timeDates = append(timeDates, attr(n, "datetime"))
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					readJSONLD(&m, n.FirstChild.Data)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	m.published = append(append(m.published, metaDates...), timeDates...)
	return m
}

// publishedKeys are <meta> names and properties that give the date an
// article was published.
var publishedKeys = map[string]bool{"article:published_time": true, "og:article:published_time": true,
	"datepublished": true, "date": true, "pubdate": true, "publishdate": true, "publish-date": true,
	"publish_date": true, "dc.date": true, "dc.date.issued": true, "dcterms.issued": true,
	"dcterms.created": true, "sailthru.date": true, "parsely-pub-date": true, "article.published": true,
	"article_date_original": true, "cxenseparse:recs:publishtime": true}

// readJSONLD takes the first article object of a JSON-LD script: its
// headline, authors, publisher and publication date.
func readJSONLD(m *metadata, script string) {
	script = cdata.ReplaceAllString(script, "")
	var v any
	if json.Unmarshal([]byte(script), &v) != nil {
		return
	}
	obj := findArticle(v, 0)
	if obj == nil {
		return
	}
	if s, ok := obj["headline"].(string); ok && m.title == "" {
		m.title = s
	}
	if m.byline == "" {
		m.byline = strings.Join(names(obj["author"]), ", ")
	}
	if m.siteName == "" {
		if ns := names(obj["publisher"]); len(ns) > 0 {
			m.siteName = ns[0]
		}
	}
	if s, ok := obj["datePublished"].(string); ok {
		m.published = append(m.published, s)
	}
}

// cdata are the CDATA markers some pages wrap JSON-LD in, commented out
// for JavaScript or not.
var cdata = regexp.MustCompile(`^\s*(//)?\s*<!\[CDATA\[|(//)?\s*\]\]>\s*$`)

// findArticle returns the first object under v whose @type names an
// article, looking into lists and @graph, at most a few levels down.
func findArticle(v any, level int) map[string]any {
	if level > 4 {
		return nil
	}
	switch v := v.(type) {
	case []any:
		for _, x := range v {
			if o := findArticle(x, level+1); o != nil {
				return o
			}
		}
	case map[string]any:
		if isArticleType(v["@type"]) {
			return v
		}
		if g, ok := v["@graph"]; ok {
			return findArticle(g, level+1)
		}
	}
	return nil
}

var articleType = regexp.MustCompile(`(?i)^(\w*Article|Report|\w*Posting|APIReference)$`)

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return articleType.MatchString(t)
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok && articleType.MatchString(s) {
				return true
			}
		}
	}
	return false
}

// names returns the names of a JSON-LD person or organisation, or of a
// list of them, given as strings or as objects with a "name".
func names(v any) []string {
	switch v := v.(type) {
	case string:
		if s := strings.TrimSpace(v); s != "" && !strings.Contains(s, "://") {
			return []string{s}
		}
	case map[string]any:
		if s, ok := v["name"].(string); ok && strings.TrimSpace(s) != "" {
			return []string{strings.TrimSpace(s)}
		}
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, names(x)...)
		}
		return out
	}
	return nil
}

// outletOfTitle returns the site's name from a page title that puts it
// before or after the article's, as in "Headline | Site" or "Site -
// Headline", or "".
func outletOfTitle(titleTag, title string) string {
	if title == "" || !strings.Contains(titleTag, title) || titleTag == title {
		return ""
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » "} {
		var site string
		if rest, ok := strings.CutPrefix(titleTag, title+sep); ok {
			site = rest
		} else if rest, ok := strings.CutSuffix(titleTag, sep+title); ok {
			site = rest
		} else {
			continue
		}
		if site = strings.TrimSpace(site); site != "" && len(site) <= 60 && !strings.ContainsAny(site, "|–—") {
			return site
		}
	}
	return ""
}

// pageDate is the publication date the page states, to the day as the
// page writes it (the date in the page's own time zone), or the zero Time.
func pageDate(art readability.Article, m metadata) data.Time {
	var candidates []string
	if t, err := art.PublishedTime(); err == nil {
		candidates = append(candidates, t.Format(time.DateOnly))
	}
	candidates = append(candidates, m.published...)
	for _, s := range candidates {
		if t := parseDay(s); !t.IsZero() {
			return t
		}
	}
	return data.Time{}
}

// isoDay is a date at the start of a timestamp, as in
// "2023-05-15T14:02:00-04:00".
var isoDay = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// parseDay reads the day of a published-date value, as written in the
// page's own time zone; other forms ("May 15, 2023", RFC 1123) are read
// by dateparse. Years outside 1800–2200 are taken for misreadings.
func parseDay(s string) data.Time {
	s = strings.TrimSpace(s)
	day := isoDay.FindString(s)
	if day == "" {
		t, err := dateparse.ParseIn(s, time.UTC)
		if err != nil {
			return data.Time{}
		}
		day = t.Format(time.DateOnly)
	}
	if y := day[:4]; y < "1800" || y > "2200" {
		return data.Time{}
	}
	t, err := data.ParseTime(day)
	if err != nil || t.Precision != data.PrecisionDay {
		return data.Time{}
	}
	return t
}

// bylinePrefix is the "By" many bylines start with.
var bylinePrefix = regexp.MustCompile(`(?i)^(by|von|par|por|di|door)\s+`)

// cleanByline makes a byline one line without a leading "By", and drops
// one that is an address or too long to be names.
func cleanByline(s string) string {
	s = bylinePrefix.ReplaceAllString(oneLine(s), "")
	if strings.Contains(s, "://") || utf8.RuneCountInString(s) > 200 {
		return ""
	}
	return s
}

// oneLine folds white space and removes invisible characters.
func oneLine(s string) string {
	return strings.Join(strings.Fields(invisible.Replace(s)), " ")
}

// invisible are characters that only hint at line breaking: soft
// hyphens, zero-width spaces and joiners' cousins, byte-order marks.
var invisible = strings.NewReplacer("\u00ad", "", "\u200b", "", "\ufeff", "", "\u2060", "")

// skipped are elements whose text is not article text.
var skipped = map[atom.Atom]bool{atom.Script: true, atom.Style: true, atom.Nav: true,
	atom.Aside: true, atom.Form: true, atom.Noscript: true, atom.Button: true, atom.Select: true,
	atom.Template: true, atom.Svg: true, atom.Iframe: true, atom.Title: true}

// blocks are elements whose text is one line.
var blocks = map[atom.Atom]bool{atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true, atom.Dd: true,
	atom.Dt: true, atom.Figcaption: true}

// containers are elements that hold lines of their own without being one:
// many sites set their paragraphs as <div>s or table cells, not <p>s.
var containers = map[atom.Atom]bool{atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Body: true, atom.Html: true, atom.Table: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Figure: true,
	atom.Details: true, atom.Summary: true, atom.Address: true, atom.Center: true, atom.Fieldset: true,
	atom.Hgroup: true, atom.Caption: true, atom.Header: true, atom.Footer: true}

// collector gathers the lines of an article's text: each block element
// is a line, and so is each run of loose text (text and inline elements)
// between blocks, containers and line breaks. Furniture Readability left
// inside the article is dropped: elements whose class or id names share
// bars, related links, bylines, credits and the like (unless they hold
// much of the text), photo credits inside figures, timestamps standing
// alone, and lines that only label furniture ("Advertisement", "Read
// more: …"). The first byline and timestamp dropped are kept aside, for
// pages whose metadata has neither.
type collector struct {
	info   map[*html.Node]nodeInfo
	total  int // bytes of text in the whole article
	lines  []string
	byline string // the text of the first byline element dropped
	stamp  string // the datetime of the first timestamp line dropped

	run      strings.Builder
	plain    bool   // the run has text outside <time> elements
	runStamp string // the datetime of the run's first <time>
}

// collect returns the collector of the lines under root.
func collect(root *html.Node) *collector {
	c := &collector{info: measure(root)}
	c.total = c.info[root].text
	c.walk(root, root, false, false)
	c.flush()
	return c
}

func (c *collector) flush() {
	t := oneLine(c.run.String())
	plain, stamp := c.plain, c.runStamp
	c.run.Reset()
	c.plain, c.runStamp = false, ""
	switch {
	case t == "":
	case !plain:
		if c.stamp == "" {
			c.stamp = stamp
		}
	case !isLabel(t):
		c.lines = append(c.lines, t)
	}
}

func (c *collector) walk(root, n *html.Node, inFigure, inTime bool) {
	if n.Type == html.TextNode {
		c.run.WriteString(n.Data)
		if !inTime && strings.TrimSpace(n.Data) != "" {
			c.plain = true
		}
		return
	}
	if n.Type == html.ElementNode {
		switch {
		case skipped[n.DataAtom]:
			return
		case n.DataAtom == atom.Br:
			c.flush()
			return
		case n.DataAtom == atom.Time:
			if c.runStamp == "" {
				c.runStamp = attr(n, "datetime")
			}
			inTime = true
		}
		if w := noiseWord(n); w != "" && n != root && c.info[n].text*10 < c.total*3 {
			if w == "byline" && c.byline == "" {
				c.byline = textOf(n)
			}
			return
		}
		if in := c.info[n]; (n.DataAtom == atom.Ul || n.DataAtom == atom.Ol) && in.linkText == in.text && n != root {
			return // a list of links only: tags, related articles, a menu
		}
		inFigure = inFigure || n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption
		if inFigure && isCredit(n) {
			return
		}
	}
	inline := n.Type == html.ElementNode && !blocks[n.DataAtom] && !containers[n.DataAtom]
	if inline && !c.info[n].hasBlock {
		// An inline element, as <a>, <span>, <q> or <b>: part of the run.
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			c.walk(root, ch, inFigure, inTime)
		}
		return
	}
	// A block, a container or the document: its own lines start and end
	// at its edges.
	c.flush()
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.walk(root, ch, inFigure, inTime)
	}
	c.flush()
}

// nodeInfo is what collectBlocks needs to know of an element's content.
type nodeInfo struct {
	hasBlock bool // a block or container is inside it
	text     int  // bytes of text inside it, white space aside
	linkText int  // the same, inside links
}

// measure computes every element's nodeInfo once, bottom up.
func measure(root *html.Node) map[*html.Node]nodeInfo {
	info := map[*html.Node]nodeInfo{}
	var visit func(*html.Node) nodeInfo
	visit = func(n *html.Node) nodeInfo {
		var in nodeInfo
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				in.text += visibleBytes(c.Data)
			case c.Type == html.ElementNode && !skipped[c.DataAtom]:
				ci := visit(c)
				if c.DataAtom == atom.A {
					ci.linkText = ci.text
				}
				in.text += ci.text
				in.linkText += ci.linkText
				in.hasBlock = in.hasBlock || ci.hasBlock || blocks[c.DataAtom] || containers[c.DataAtom]
			}
		}
		info[n] = in
		return in
	}
	visit(root)
	return info
}

// visibleBytes counts the bytes of s that are not white space.
func visibleBytes(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\f':
		default:
			n++
		}
	}
	return n
}

// noiseWords are words of class names and ids that mark page furniture:
// share bars, related and recommended links, advertising, newsletters,
// bylines (the byline is metadata), credits, comment counts, tags.
var noiseWords = map[string]bool{"share": true, "sharing": true, "sharebar": true, "sharedaddy": true,
	"related": true, "relatedposts": true, "recirc": true, "recommended": true, "recommendations": true,
	"outbrain": true, "taboola": true, "promo": true, "sponsored": true, "advert": true,
	"advertisement": true, "ad": true, "ads": true, "newsletter": true, "subscribe": true, "signup": true,
	"byline": true, "credit": true, "credits": true, "copyright": true, "attribution": true, "via": true,
	"breadcrumb": true, "breadcrumbs": true, "comments": true, "tags": true}

// noiseWord returns the word of n's class names, id or component name
// that marks it as furniture, or "". Long ids are left alone: they are
// usually made from a heading ("sharing-with-a-single-developer"), not a
// role.
func noiseWord(n *html.Node) string {
	for _, key := range []string{"class", "id", "data-component", "data-testid"} {
		for _, name := range strings.Fields(attr(n, key)) {
			name = strings.ToLower(name)
			parts := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })
			if key == "id" && len(parts) > 3 {
				continue
			}
			if screenReaderOnly[name] || (len(parts) > 0 && screenReaderOnly[parts[len(parts)-1]]) {
				return "screen reader"
			}
			for _, w := range parts {
				if noiseWords[w] {
					return w
				}
			}
		}
	}
	return ""
}

// screenReaderOnly are class names of text shown to screen readers only,
// such as "Image caption, " before a caption.
var screenReaderOnly = map[string]bool{"sr-only": true, "screen-reader-text": true, "visually-hidden": true,
	"visuallyhidden": true, "screenreaderonly": true, "element-invisible": true}

// creditPrefix starts the credit of a photograph or illustration.
var creditPrefix = regexp.MustCompile(`(?i)^\s*(credit|photo|photograph|picture|image|illustration|video|source)s?\s*(:|by\b|\.\.\.|…)|^\s*©`)

// isCredit reports whether an element inside a figure is its credit:
// marked as such in its microdata, or starting with "Photo:",
// "Credit…", "©" and the like.
func isCredit(n *html.Node) bool {
	switch strings.ToLower(attr(n, "itemprop")) {
	case "copyrightholder", "credittext", "copyrightnotice", "author":
		return true
	}
	if n.DataAtom == atom.Figure || n.DataAtom == atom.Figcaption {
		return false
	}
	return creditPrefix.MatchString(textPrefix(n, 40))
}

// textPrefix returns about the first max bytes of the text inside n,
// reading no further.
func textPrefix(n *html.Node, max int) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && b.Len() < max; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data[:min(len(c.Data), max)])
			case c.Type == html.ElementNode && !skipped[c.DataAtom]:
				walk(c)
			}
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// labelLines are lines that only label page furniture.
var labelLines = map[string]bool{"advertisement": true, "skip advertisement": true, "ad": true,
	"top stories": true, "most read": true, "most popular": true, "more stories": true, "latest news": true,
	"you may also like": true, "recommended": true, "recommended for you": true,
	"continue reading the main story": true, "supported by": true, "share": true, "share this": true,
	"share this article": true, "share this story": true, "related": true, "related articles": true,
	"related stories": true, "related content": true, "read more": true, "more on this story": true,
	"tweet": true, "email": true, "print": true, "copy link": true, "link copied": true,
	"listen to this article": true, "sign up": true, "subscribe": true}

// labelPrefixes start short lines that point elsewhere: to other
// articles, newsletters, the print edition.
var labelPrefixes = []string{"read more:", "related:", "see also:", "also read:", "more:", "sign up for",
	"click here to", "follow us on", "a version of this article appears in print", "©", "copyright ©", "(c) "}

// isLabel reports whether a line only labels furniture.
func isLabel(line string) bool {
	l := strings.ToLower(line)
	if labelLines[strings.TrimRight(l, ": ")] {
		return true
	}
	if len(l) > 250 {
		return false
	}
	for _, p := range labelPrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return strings.Contains(l, "all rights reserved")
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
	return oneLine(b.String())
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

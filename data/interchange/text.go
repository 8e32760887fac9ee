package interchange

import (
	"html"
	"strings"
	"unicode"

	xhtml "golang.org/x/net/html"
)

// plainTitle turns the HTML fragments that TimelineJS and vis allow in
// headlines, group names and item contents into a title: tags dropped (a
// link keeps its text only), entities decoded, and every run of white
// space, line breaks included, folded into one space, so that a title is
// one line wherever it is drawn. Control characters are dropped.
func plainTitle(s string) string {
	if plainLine(s) {
		return strings.TrimSpace(s) // most titles: nothing to do, nothing to allocate
	}
	return strings.Join(strings.Fields(htmlToText(s, false)), " ")
}

// plainLine reports whether s is printable ASCII with no markup, entity or
// run of spaces: a title as it stands.
func plainLine(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || c == '<' || c == '&' || c == ' ' && i > 0 && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

// cellText reads a text cell of a spreadsheet: HTML if it has markup or
// entities (see plainText), else plain text kept as it is, line breaks
// included, but for its control characters.
func cellText(s string) string {
	if strings.ContainsAny(s, "<&") {
		return plainText(s)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' && c != '\n' || c == 0x7f || c >= 0x80 {
			return cleanText(s)
		}
	}
	return strings.TrimSpace(s)
}

// plainText turns the HTML fragments that TimelineJS and vis allow in
// texts into plain text: tags dropped, entities decoded, paragraphs kept
// apart by a blank line and line breaks and list items by a newline,
// links written as their text followed by their address in parentheses
// (when the address is a web or mail address the text does not already
// give), other runs of white space collapsed. Control characters other
// than newlines are dropped.
func plainText(s string) string { return htmlToText(s, true) }

// htmlToText is plainText, with the addresses of links written after
// their text if links.
func htmlToText(s string, links bool) string {
	if !strings.ContainsAny(s, "<&") {
		return cleanText(collapse(s))
	}
	var b textBuilder
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var href []string // the addresses of the links open
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return cleanText(b.String())
		case xhtml.TextToken:
			b.text(collapse(string(z.Text())))
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "br":
				b.newline()
			case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table":
				b.paragraph()
			case "li", "tr":
				b.newline()
			case "a":
				u := ""
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					if string(k) == "href" {
						u = strings.TrimSpace(string(v))
					}
				}
				href = append(href, u)
				b.linkStart()
			case "script", "style":
				skipElement(z, string(name))
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table":
				b.paragraph()
			case "a":
				if len(href) > 0 {
					if links {
						b.linkEnd(href[len(href)-1])
					}
					href = href[:len(href)-1]
				}
			}
		}
	}
}

// skipElement reads z past the end of the element name just opened.
func skipElement(z *xhtml.Tokenizer, name string) {
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return
		case xhtml.EndTagToken:
			if n, _ := z.TagName(); string(n) == name {
				return
			}
		}
	}
}

// textBuilder gathers the text of an HTML fragment.
type textBuilder struct {
	b      strings.Builder
	breaks int // line breaks asked for before the next text: 1 a newline, 2 a paragraph
	linkAt int // where the text of the link open began
}

func (t *textBuilder) text(s string) {
	if strings.TrimSpace(s) == "" && (t.b.Len() == 0 || t.breaks > 0) {
		return
	}
	if t.b.Len() > 0 && t.breaks > 0 {
		t.b.WriteString(strings.Repeat("\n", t.breaks))
		s = strings.TrimLeft(s, " ")
	}
	t.breaks = 0
	t.b.WriteString(s)
}

func (t *textBuilder) newline()   { t.breaks = max(t.breaks, 1) }
func (t *textBuilder) paragraph() { t.breaks = 2 }
func (t *textBuilder) linkStart() { t.linkAt = t.b.Len() }

// linkEnd writes the address u of the link just closed after its text,
// unless the text says it already or u is not a web or mail address.
func (t *textBuilder) linkEnd(u string) {
	low := strings.ToLower(u)
	if !strings.HasPrefix(low, "http://") && !strings.HasPrefix(low, "https://") && !strings.HasPrefix(low, "mailto:") {
		return
	}
	text := strings.TrimSpace(t.b.String()[min(t.linkAt, t.b.Len()):])
	bare := strings.TrimPrefix(strings.TrimPrefix(u, "mailto:"), "https://")
	bare = strings.TrimPrefix(bare, "http://")
	if text == u || text == bare || strings.TrimSuffix(text, "/") == strings.TrimSuffix(bare, "/") {
		return
	}
	if text == "" {
		t.text(u)
		return
	}
	t.text(" (" + u + ")")
}

func (t *textBuilder) String() string { return t.b.String() }

// cleanText trims s and drops its control characters but newlines, and
// the spaces at the ends of its lines.
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\n' || !unicode.IsControl(r) && r != '\u2028' && r != '\u2029' {
			return r
		}
		if r == '\t' {
			return ' '
		}
		return -1
	}, s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// collapse replaces each run of white space in s by one space.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// htmlText escapes plain text for formats whose text fields hold HTML,
// keeping paragraphs and line breaks.
func htmlText(s string) string {
	s = html.EscapeString(s)
	s = strings.ReplaceAll(s, "\n\n", "<br><br>")
	return strings.ReplaceAll(s, "\n", "<br>")
}

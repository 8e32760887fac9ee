package extract

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// rawTag is a tag left in the text.
var rawTag = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*[\s>/]`)

// checkText fails unless text is well formed: UTF-8, one line a
// paragraph ending in "\n", no blank line, no tag, no white space at
// either end of a line.
func checkText(t *testing.T, text string) {
	t.Helper()
	if !utf8.ValidString(text) || !strings.HasSuffix(text, "\n") {
		t.Errorf("text not UTF-8 or not ending in a line break: %q", text)
	}
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if line == "" || strings.TrimSpace(line) != line {
			t.Errorf("blank or padded line %q in\n%s", line, text)
		}
	}
	if m := rawTag.FindString(text); m != "" {
		t.Errorf("raw tag %q in the text:\n%s", m, text)
	}
}

func readPage(t *testing.T, name string) *Article {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "pages", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := Read(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return a
}

// TestFromHTML_NewsPages reads pages written for these tests in the image
// of several outlets' layouts, and checks what is kept and what is left
// out: teaser lists around the story, share bars, related links,
// comments, bylines, credits, advertising labels, tag lists.
func TestFromHTML_NewsPages(t *testing.T) {
	tests := []struct {
		file                            string
		title, byline, outlet, url, pub string
		lines                           []string // every line after the title, in order
		quotes                          int
		dropped                         []string
	}{
		{
			file:  "daily-teasers.html", // a big daily: teaser <article>s before and after the story
			title: "Harbor Tunnel Reopens After Flood Repairs", byline: "Jane Marsh and Omar Ali", outlet: "The Daily Ledger",
			url: "https://www.dailyledger.example/2024/04/18/nyregion/harbor-tunnel-reopens.html", pub: "2024-04-18",
			lines: []string{
				"The crossing was closed for six months after water filled its lower level.",
				"The Harbor Tunnel reopened to traffic on Thursday, six months after a storm surge flooded its lower level and shut the busiest crossing on the east side of the city.",
				"“We said it would be open by the spring, and it is,” the transportation commissioner, Dana Whitfield, said at a news conference at the tunnel’s northern entrance. “Every pump and every cable down there is new.”",
				"Drivers entered the tunnel on Thursday morning for the first time since October.",
				"The repairs cost $212 million, about a third more than the city estimated in November. Most of the money came from a federal emergency fund.",
				"Commuters who had spent months on detours were less impressed. “It took them half a year to fix a hole,” said Luis Ortega, a delivery driver from the Bronx. “I will believe it works when it rains again.”",
				"The city plans to add flood gates at both entrances next year, Ms. Whitfield said, and the work is expected to close the tunnel for a few nights in the coming months.",
			},
			quotes:  4,
			dropped: []string{"Mayor Signs", "Ferry Fares", "Advertisement", "Credit", "Rita Osei", "Share", "Subscribe", "appears in print", "April 18, 2024", "Privacy"},
		},
		{
			file:  "blog-yoast.html", // WordPress: Yoast JSON-LD graph, share buttons, related posts, comments
			title: "Allotment waiting list hits record as council plans new sites", byline: "Priya Nair", outlet: "Eastside Notes",
			url: "https://eastsidenotes.example/2023/09/allotment-waiting-list/", pub: "2023-09-27",
			lines: []string{
				"More than 1,400 people are now waiting for an allotment in the borough, the highest number since records began in 2009, according to figures released by the council on Tuesday.",
				"The average wait has grown to just over four years. At the Mill Lane site, the longest list, some applicants have been waiting since 2016.",
				"Councillor Tom Reyes, who chairs the parks committee, said the council had found land for two new sites. “We know people are fed up of waiting,” he said. “The first forty plots at Carr Road should be ready by next spring.”",
				"The Eastside Allotment Society welcomed the plan but said it would barely dent the list. “Forty plots is a start, not a solution,” said its secretary, Hannah Kowalski.",
				"The council will put the plans out for consultation in the coming weeks.",
			},
			quotes:  3,
			dropped: []string{"Share this", "Twitter", "Related", "Community garden", "12 March 2022", "thoughts on", "applied in 2015", "Posted", "Tagged", "Bus route", "WordPress"},
		},
		{
			file:  "wire-cp1252.html", // an old wire page: Windows-1252, a table layout, paragraphs between <br>s
			title: "Glacier talks stall in Geneva", byline: "Marie Dubois", outlet: "Wire Desk", pub: "2024-03-05",
			lines: []string{
				"GENEVA (Wire Desk) – Talks on sharing the cost of protecting Alpine glaciers stalled on Tuesday after the delegates failed to agree on who would pay for monitoring stations.",
				"“We are not there yet,” said René Aebischer, the Swiss envoy who chairs the talks. “But nobody has left the room.”",
				"The six countries have met three times since June 2023. A draft seen by Wire Desk would set up 40 stations by 2026 at a cost of €85 million.",
				"Italy’s delegate, Chiara Fontana, said her government could not “accept a bill written in advance”. The talks resume next week in Bern.",
			},
			quotes:  2,
			dropped: []string{"World news", "Archive", "Related stories", "Alpine states agree", "August 2, 2022", "All rights reserved", "By Marie"},
		},
		{
			file:  "broadcaster.html", // a broadcaster: components, image source, "More on this story", top stories
			title: "Ferry operator fined over engine fire", byline: "Aled Hughes, Fiona Grant", outlet: "Northern Broadcasting News",
			url: "https://news.northernbc.example/articles/c9x2k1", pub: "2023-11-20", // 23:30 on the 20th in New York, the 21st in UTC
			lines: []string{
				"The ferry was carrying 93 passengers when the fire broke out",
				"A ferry company has been fined £1.2m after an engine fire forced a crossing to turn back with 93 passengers on board.",
				"The fire broke out in the engine room on 14 July 2022, about 40 minutes after the ship left Holyhead, a court heard on Monday.",
				"Prosecutors said the firm had ignored warnings about a leaking fuel pipe for three months before the fire.",
				`Judge Ellen Price said: "It was good fortune, not good management, that nobody was hurt."`,
				`In a statement, the company said it had "learned hard lessons" and had replaced the fuel systems on all four of its ships since the fire.`,
			},
			quotes:  1,
			dropped: []string{"Image caption", "Image source", "Harbour Photos", "Wales reporters", "More on this story", "30 January 2023", "Shipping", "Top stories", "Minister resigns", "Accessibility"},
		},
		{
			file:  "magazine.html", // a magazine: microdata, a pull quote, a READ MORE link, an embedded post
			title: "The Quiet Return of the Night Train", byline: "Tomasz Wróbel", outlet: "Rail & Road Monthly", pub: "2022-12-01",
			lines: []string{
				"Sleeper services are back on three routes. Who rides them?",
				"The 21:40 from Vienna leaves on time, and by the time it clears the suburbs most of the couchettes are made up. Three years ago this route did not exist; it reopened in December 2021 after a gap of 12 years.",
				"Operators say demand has surprised them. “We added a fourth carriage in March and it is still full on Fridays,” said Eva Lindqvist, who plans the services for the state railway.",
				"Not everyone is convinced the boom will last. Fares are about €30 higher than a budget flight, and the trains are often late.",
				"Fourteen hours, one delay, zero regrets. Night train to Hamburg was the best thing I did this year.",
				"— Jo Baker (@jobaker) November 20, 2022",
				"Lindqvist said a new route to Rome was planned for 2024. “If the carriages arrive, we will run it,” she said.",
				"Tomasz Wróbel writes about transport for Rail & Road Monthly.",
			},
			quotes:  2,
			dropped: []string{"briefing", "Sign up", "READ MORE", "Sleeper trains return", "Most popular", "crossed a continent", "Publishing Ltd", "Europe"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			a := readPage(t, tt.file)
			if a.Title != tt.title || a.Byline != tt.byline || a.Outlet != tt.outlet || a.URL != tt.url || a.Published.String() != tt.pub {
				t.Errorf("title %q, byline %q, outlet %q, url %q, published %q;\nwant %q, %q, %q, %q, %q",
					a.Title, a.Byline, a.Outlet, a.URL, a.Published, tt.title, tt.byline, tt.outlet, tt.url, tt.pub)
			}
			checkText(t, a.Text)
			want := strings.Join(append([]string{tt.title}, tt.lines...), "\n") + "\n"
			if a.Text != want {
				t.Errorf("text\n%s\nwant\n%s", a.Text, want)
			}
			for _, s := range tt.dropped {
				if strings.Contains(a.Text, s) {
					t.Errorf("text keeps %q", s)
				}
			}
			if len(a.Notes) != 0 {
				t.Errorf("notes %q", a.Notes)
			}
			s := Suggest(a.Text, a.Published)
			checkOffsets(t, a.Text, s)
			full := 0
			for _, q := range s.Quotes {
				if q.Full {
					full++
				}
			}
			if full < tt.quotes || len(s.Dates) == 0 {
				t.Errorf("%d full quotes and %d dates suggested, want at least %d and 1", full, len(s.Dates), tt.quotes)
			}
			if w := Warnings(a, s); len(w) != 0 {
				t.Errorf("warnings %q", w)
			}
		})
	}
}

// TestFromHTML_Metadata: the places pages state their date, authors and
// outlet, each alone in a page of its own.
func TestFromHTML_Metadata(t *testing.T) {
	body := `<body><article><h1>Dam plan approved</h1><p>` + strings.Repeat("The regional council approved the dam plan after a long debate about its cost and the homes it would flood. ", 6) + `</p></article></body>`
	tests := []struct {
		name, head, extra   string
		pub, byline, outlet string
	}{
		{"article:published_time", `<meta property="article:published_time" content="2021-06-30T22:15:00+02:00">`, "", "2021-06-30", "", ""},
		{"JSON-LD @type list", `<script type="application/ld+json">{"@context":"https://schema.org","@type":["NewsArticle"],"datePublished":"2020-02-29","author":"Ines Moreau","publisher":{"name":"Valley Post"}}</script>`, "", "2020-02-29", "Ines Moreau", "Valley Post"},
		{"JSON-LD list of objects", `<script type="application/ld+json">[{"@context":"https://schema.org","@type":"BreadcrumbList"},{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2019-01-15T08:00:00Z","author":[{"@type":"Person","name":"Ben Ito"},{"@type":"Person","name":"Ada Roy"}]}]</script>`, "", "2019-01-15", "Ben Ito, Ada Roy", ""},
		{"JSON-LD in CDATA", `<script type="application/ld+json">//<![CDATA[
{"@context":"http://schema.org","@type":"BlogPosting","datePublished":"2018-07-04"}
//]]></script>`, "", "2018-07-04", "", ""},
		{"meta name=date", `<meta name="date" content="2017-11-02">`, "", "2017-11-02", "", ""},
		{"sailthru.date", `<meta name="sailthru.date" content="2016-05-09 14:00:00">`, "", "2016-05-09", "", ""},
		{"dc.date.issued", `<meta name="DC.date.issued" content="2015-03-10">`, "", "2015-03-10", "", ""},
		{"written date", `<meta property="article:published_time" content="March 3, 2014">`, "", "2014-03-03", "", ""},
		{"time pubdate", "", `<p><time pubdate datetime="2013-12-24T10:00">24 Dec</time> Posted in news.</p>`, "2013-12-24", "", ""},
		{"a timestamp line in the article", "", `<p><time datetime="2012-08-08">August 8, 2012</time></p>`, "2012-08-08", "", ""},
		{"an implausible year", `<meta name="date" content="0001-01-01">`, "", "", "", ""},
		{"no date", `<meta name="author" content="https://example.org/staff/1">`, "", "", "", ""},
		{"meta author and site name", `<meta name="author" content="By  Lena   Sorensen"><meta property="og:site_name" content="Fjord Times">`, "", "", "Lena Sorensen", "Fjord Times"},
		{"outlet in the title", `<title>Dam plan approved | The Highland Courier</title>`, "", "", "", "The Highland Courier"},
		{"a title of 10,000 characters, not a title", `<meta property="og:title" content="` + strings.Repeat("Dam plan ", 1111) + `">`, "", "", "", ""},
		{"outlet before the title", `<title>Highland Courier - Dam plan approved</title>`, "", "", "", "Highland Courier"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<!DOCTYPE html><html><head>" + tt.head + "</head>" + strings.Replace(body, "</article>", tt.extra+"</article>", 1) + "</html>"
			a, err := FromHTML([]byte(page))
			if err != nil {
				t.Fatal(err)
			}
			title := "Dam plan approved"
			if strings.HasPrefix(tt.name, "a title of") {
				title = strings.Repeat("Dam plan ", 55) + "Dam…"
			}
			if a.Published.String() != tt.pub || a.Byline != tt.byline || a.Outlet != tt.outlet || a.Title != title {
				t.Errorf("published %q, byline %q, outlet %q, title %q; want %q, %q, %q", a.Published, a.Byline, a.Outlet, a.Title, tt.pub, tt.byline, tt.outlet)
			}
			checkText(t, a.Text)
		})
	}
}

// TestRead_Charsets: pages are read in the charset they declare, or are
// in; entities of every form are text.
func TestRead_Charsets(t *testing.T) {
	const para = "Café owners in Zürich said “enough” — 5 € more."
	page := func(meta, text string) string {
		return "<html><head>" + meta + "<title>Prices</title></head><body><article><p>" + text + "</p><p>" +
			strings.Repeat("Another sentence of the story follows here. ", 12) + "</p></article></body></html>"
	}
	cp1252 := func(s string) []byte {
		r := strings.NewReplacer("é", "\xe9", "ü", "\xfc", "“", "\x93", "”", "\x94", "—", "\x97", "€", "\x80")
		return []byte(r.Replace(s))
	}
	utf16 := func(s string, e unicode.Endianness) []byte {
		b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(page(`<meta charset="shift_jis">`, "東京の市場で「値上げは続く」と店主は話した。")))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		raw  []byte
		want string
	}{
		{"windows-1252 declared", cp1252(page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`, para)), para},
		{"iso-8859-1 declared (read as windows-1252)", cp1252(page(`<meta charset="ISO-8859-1">`, para)), para},
		{"undeclared, not UTF-8", cp1252(page("", para)), para},
		{"UTF-8 declared as another", []byte(page(`<meta charset="gb2312">`, para)), para},
		{"UTF-8 with a byte-order mark", append([]byte("\xef\xbb\xbf"), page(`<meta charset="utf-8">`, para)...), para},
		{"UTF-16LE", utf16(page("", para), unicode.LittleEndian), para},
		{"UTF-16BE", utf16(page("", para), unicode.BigEndian), para},
		{"Shift_JIS", sjis, "東京の市場で「値上げは続く」と店主は話した。"},
		{"entities", []byte(page(`<meta charset="utf-8">`, "Caf&eacute; owners in Z&#252;rich said &#x201C;enough&rdquo; &mdash; 5&nbsp;&euro; more.")), para},
		{"soft hyphens and zero-width spaces", []byte(page("", "Café owners in Zü&shy;rich said “enough”&#8203; — 5 € more.")), para},
		{"stray bytes in a UTF-8 page", []byte(page(`<meta charset="utf-8">`, "Café \xff\xfe owners")), "Café \uFFFD owners"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Read(bytes.NewReader(tt.raw))
			if err != nil {
				t.Fatal(err)
			}
			checkText(t, a.Text)
			if lines := strings.Split(a.Text, "\n"); len(lines) < 2 || lines[1] != tt.want {
				t.Errorf("text\n%s\nwant the line %q", a.Text, tt.want)
			}
		})
	}
}

// deepPage is a page of depth nested start tags of open around the text.
func deepPage(open string, depth int, text string) []byte {
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><title>Deep</title></head><body>")
	for range depth {
		b.WriteString(open)
	}
	b.WriteString(text)
	return b.Bytes()
}

// flatPage is an ordinary article page of about n bytes: paragraphs.
func flatPage(n int) []byte {
	para := "<p>The council said on Monday that the vote would be held on Friday, after a long debate.</p>\n"
	return []byte("<!DOCTYPE html><html><head><title>Flat</title></head><body><article>" +
		strings.Repeat(para, max(1, n/len(para))) + "</article></body></html>")
}

// TestFromHTML_DeepNesting: pages nested 40,000 and 1,000,000 elements
// deep, which took x/net/html v0.35.0 16 s and hours, are read flattened,
// their text kept, with a note that says so, in a time bounded by that of
// an ordinary page of the same size read in the same run (measured as a
// ratio, so that a busy machine does not fail it; a quadratic parse
// breaks it by far).
func TestFromHTML_DeepNesting(t *testing.T) {
	text := "Deep inside, the council said the vote would be held on Friday."
	for _, tt := range []struct {
		name  string
		open  string
		depth int
	}{
		{"div 40000", "<div>", 40000},
		{"div 1000000", "<div>", 1000000},
		{"span 40000", "<span>", 40000},
		{"b 40000", "<b>", 40000},
		{"b with attributes 2000", `<b class="x">`, 2000},
		{"table 40000", "<table><tr><td>", 40000},
		{"blockquote 100000", "<blockquote>", 100000},
		{"svg 40000", "<svg><g>", 20000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := deepPage(tt.open, tt.depth, text)
			start := time.Now()
			a, err := FromHTML(page)
			deep := time.Since(start)
			start = time.Now()
			if _, err := FromHTML(flatPage(len(page))); err != nil {
				t.Fatal(err)
			}
			flat := time.Since(start)
			t.Logf("%v; an ordinary page of the same size %v", deep, flat)
			// 40 times: the nested tables cost readability's link-density
			// walks about 11 times an ordinary page, and the race detector
			// on a busy machine more than doubles that; a quadratic parse
			// costs hundreds of times.
			if deep > 40*flat+2*time.Second {
				t.Errorf("took %v, an ordinary page of the same size %v", deep, flat)
			}
			if err != nil {
				if strings.HasPrefix(tt.open, "<svg") && strings.Contains(err.Error(), "nests its elements more than 512 deep") {
					return // text inside drawings is not article text; the message says why there is none
				}
				t.Fatal(err)
			}
			if !strings.Contains(a.Text, text) {
				t.Errorf("text lost: %q", a.Text)
			}
			if len(a.Notes) != 1 || !strings.Contains(a.Notes[0], "more than 512 deep") {
				t.Errorf("notes %q", a.Notes)
			}
			checkText(t, a.Text)
		})
	}
	// A page nested deeper than the parser takes is read as it is.
	a, err := FromHTML(deepPage("<div>", 400, text))
	if err != nil || len(a.Notes) != 0 || !strings.Contains(a.Text, text) {
		t.Errorf("400 levels: %v, notes %q", err, a.Notes)
	}
	// Flattening that cannot bring a page under the parser's limit is
	// refused with a message that says why.
	if _, _, err := parseBounded(deepPage("<div>", 5000, text), 600); !errors.Is(err, ErrTooDeep) {
		t.Errorf("flattened to 600 levels: %v", err)
	}
}

// BenchmarkReadHTML reads generated pages of about 1 MB, and deeply
// nested ones; parse-only is x/net/html's own parse of the same page, the
// baseline to compare with in the same run.
func BenchmarkReadHTML(b *testing.B) {
	const mb = 1 << 20
	para := "<p>The council said on Monday that “the work will go on”, and the mayor agreed with it in full.</p>\n"
	pages := []struct {
		name string
		page []byte
	}{
		{"paragraphs 1MB", []byte("<html><body><article>" + strings.Repeat(para, mb/len(para)) + "</article></body></html>")},
		{"links 1MB", []byte("<html><body><div>" + strings.Repeat(`<p><a href="/x">link</a> text</p>`, mb/32) + "</div></body></html>")},
		{"list 1MB", []byte("<html><body><ul>" + strings.Repeat("<li>item text", mb/13) + "</ul></body></html>")},
		{"line breaks 1MB", []byte("<html><body><div>" + strings.Repeat("line of text here<br>", mb/21) + "</div></body></html>")},
		{"nested divs 1MB", []byte("<html><body>" + strings.Repeat(strings.Repeat("<div>", 100)+para+strings.Repeat("</div>", 100), mb/(1100+len(para))) + "</body></html>")},
		{"div 40000 deep", deepPage("<div>", 40000, "text")},
		{"div 1000000 deep", deepPage("<div>", 1000000, "text")},
	}
	for _, p := range pages {
		b.Run(p.name, func(b *testing.B) {
			b.SetBytes(int64(len(p.page)))
			for b.Loop() {
				if _, err := FromHTML(p.page); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(p.name+"/parse-only", func(b *testing.B) {
			b.SetBytes(int64(len(p.page)))
			for b.Loop() {
				parseBounded(p.page, flattenDepth)
			}
		})
	}
}

// FuzzFromHTML reads arbitrary pages: nothing may panic, and a page read
// gives well-formed text: UTF-8, one line a paragraph, no blank or padded
// line, a title of one line.
func FuzzFromHTML(f *testing.F) {
	pages, err := filepath.Glob(filepath.Join("testdata", "pages", "*.html"))
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(deepPage("<div>", 600, "deep"))
	f.Add(deepPage(`<b id="x"><p>`, 300, "deep"))
	f.Add([]byte(`<html><head><script type="application/ld+json">{"@graph":[{"@type":["NewsArticle"],"author":[{"name":1},"A"]}]}</script></head><body><table><td>x<br><br>y</table>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := FromHTML(b)
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) || !strings.HasSuffix(a.Text, "\n") || strings.Contains(a.Text, "\n\n") || strings.HasPrefix(a.Text, "\n") {
			t.Fatalf("text %q", a.Text)
		}
		for _, line := range strings.Split(strings.TrimSuffix(a.Text, "\n"), "\n") {
			if strings.TrimSpace(line) != line {
				t.Fatalf("padded line %q", line)
			}
		}
		for _, s := range []string{a.Title, a.Byline, a.Outlet} {
			if strings.ContainsAny(s, "\n\r") || !utf8.ValidString(s) || len(s) > maxTitle+len("…") {
				t.Fatalf("metadata %q", s)
			}
		}
	})
}

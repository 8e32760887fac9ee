package extract

import (
	"strings"
	"unicode"
)

// Page furniture: lines of a saved article that are not its story. Quotes
// and dates in them are not suggested: a photo caption's date is when the
// picture was taken, a byline's when the page was updated, a teaser's
// belongs to another story, and an embedded tweet is markup, not a quote.

// captionStarts begin captions and credits.
var captionStarts = []string{"image caption", "image copyright", "image source", "media caption", "photo:",
	"photograph:", "photo credit", "photos:", "caption:", "credit:", "credits:", "picture:", "pictured:",
	"(photo", "file photo", "file -", "file –", "file—", "[photo", "video:", "watch:", "listen:", "graphic:",
	"illustration:", "photo illustration", "getty images", "ap photo", "reuters/"}

// captionMarks inside a short line show a photo caption or credit.
var captionMarks = []string{"(ap photo", "(reuters/", "(photo by", "(photo:", "getty images", "/afp)",
	"/ap)", "photo by ", "(credit:", "/reuters)", "(epa", "/epa)", "photograph: ", "/getty"}

// bylineStarts begin bylines, datelines of the page and credit lines.
var bylineStarts = []string{"by ", "updated ", "updated:", "published ", "published:", "posted ", "posted:",
	"last updated", "last modified", "first published", "originally published", "reporting by",
	"(reporting by", "additional reporting", "writing by", "editing by", "compiled by", "edited by",
	"follow ", "contact ", "email:", "e-mail:", "copyright", "©", "all rights reserved", "sign up",
	"subscribe", "advertisement", "share this", "share on", "click here", "this article", "this story",
	"for immediate release", "media contact", "press contact", "###", "-30-", "source:", "tags:", "topics:"}

// linkHeads are the headings of lists of links to other stories.
var linkHeads = []string{"more on this story", "related topics", "related stories", "related coverage",
	"related articles", "related content", "related", "related:", "read more", "read more:", "more:",
	"see also", "also read", "also on", "most read", "most popular", "most viewed", "top stories",
	"recommended", "recommended:", "you may also like", "you might also like", "you may also be interested in",
	"around the web", "what to read next", "trending", "trending now", "latest", "latest news",
	"editor's picks", "editors' picks", "more from", "keep reading", "up next", "from the web", "sponsored",
	"promoted stories", "more stories", "more news", "elsewhere", "don't miss", "don’t miss", "more like this"}

// markSkipped sets the skip of every paragraph of l that is page furniture.
func markSkipped(l *layout) {
	inLinks := false
	for i := range l.paras {
		p := &l.paras[i]
		line := strings.TrimSpace(l.text[p.start:p.end])
		low := strings.ToLower(line)
		n := words(line)
		switch {
		case strings.HasPrefix(low, "<tweet") || strings.HasPrefix(low, "<blockquote") || isTweetFooter(line):
			p.skip = "tweet"
		case isLinkHead(low) && n <= 8:
			p.skip, inLinks = "links", true
		case hasPrefixAny(low, "related:", "read more:", "more:", "see also:", "also read:", "watch:", "read:",
			"related coverage:", "related story:", "recommended:", "listen:"):
			p.skip = "links"
		case inLinks && (n < 25 && !endsSentence(line) || isDateStamp(line)):
			p.skip = "links"
		case hasPrefixAny(low, captionStarts...) || n <= 80 && containsAny(low, captionMarks...):
			p.skip = "caption"
		case i > 0 && n <= 12 && (hasPrefixAny(low, bylineStarts...) && !endsSentence(line) || isDateStamp(line)):
			p.skip = "byline"
		case hasPrefixAny(low, "(reporting by", "reporting by", "additional reporting", "writing by", "editing by",
			"copyright", "©", "all rights reserved", "for immediate release", "media contact", "press contact"):
			p.skip = "byline"
		}
		if p.skip == "" && n >= 12 {
			inLinks = false
		}
	}
}

func isLinkHead(low string) bool {
	low = strings.TrimRight(low, " :")
	for _, h := range linkHeads {
		if low == strings.TrimRight(h, ":") {
			return true
		}
	}
	return false
}

func hasPrefixAny(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func containsAny(s string, subs ...string) bool {
	for _, p := range subs {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// endsSentence reports whether a line ends as a sentence does.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, " ”\"’')")
	return strings.HasSuffix(line, ".") || strings.HasSuffix(line, "?") || strings.HasSuffix(line, "!")
}

// isTweetFooter reports whether a line ends as an embedded tweet does:
// "— Name (@handle) June 29, 2016".
func isTweetFooter(line string) bool {
	i := strings.LastIndex(line, "(@")
	if i < 0 {
		return strings.Contains(line, "pic.twitter.com/")
	}
	rest := line[i:]
	j := strings.IndexByte(rest, ')')
	return j > 0 && words(rest[j+1:]) <= 4 && strings.ContainsAny(line[:i], dashes)
}

// isDateStamp reports whether a line holds nothing but a date and a time,
// as a page's "March 3, 2020 5:43 PM ET".
func isDateStamp(line string) bool {
	fields := strings.FieldsFunc(line, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",.|:/-–—()", r) })
	if len(fields) == 0 || len(fields) > 9 {
		return false
	}
	date := false
	for _, f := range fields {
		lf := strings.ToLower(f)
		switch {
		case months[lf] != 0 || weekdayAbbrev[lf]:
			date = true
		case isDigits(f):
			if len(f) == 4 {
				date = true
			}
		case stampWords[lf]:
		default:
			return false
		}
	}
	return date
}

var weekdayAbbrev = toSet(`monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun`)

var stampWords = toSet(`am pm a.m p.m et est edt ct cst cdt mt pt pst pdt gmt bst utc cet cest updated published
	posted last modified on at h min`)

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

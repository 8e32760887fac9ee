package extract

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quote is a quoted passage suggested from an article.
type Quote struct {
	Text       string // exactly Text[Start:End] of the article
	Start, End int    // byte offsets into the article text
	// Full is true for a quoted sentence or passage, false for a quoted
	// word or phrase inside the reporter's own sentence.
	Full bool
	// Speaker is the full name of who said it, "" if not found;
	// SpeakerTitle is a title written before the name, if any.
	Speaker, SpeakerTitle string
	// Attribution says how the speaker was found: "named" (next to the
	// quote), "pronoun" (a "he said" resolved to the last named
	// speaker), "nearby" (no attribution next to the quote; the nearest
	// named speaker) or "" (none).
	Attribution string
}

const speechVerbs = `said|says|added|adds|told|tells|stated|states|noted|notes|explained|explains|argued|argues|` +
	`warned|warns|wrote|writes|asked|asks|insisted|insists|declared|declares|continued|replied|replies|` +
	`responded|remarked|acknowledged|acknowledges|admitted|admits|claimed|claims|recalled|predicted|` +
	`cautioned|emphasized|emphasised|stressed|observed|concluded|announced|announces|countered|conceded|` +
	`suggested|suggests|maintained|maintains|called|calls|described|describes`

const (
	capWord = `\p{Lu}[\p{L}\p{M}\p{Nd}’'.\-]*`
	nameRun = capWord + `(?:\s+(?:(?:of|for|de|da|van|von|der|al|bin|la|le)\s+)?` + capWord + `)*`
	// titledName is a name after a job title written in lower case, as in
	// "Kremlin spokesman Dmitry Peskov" or "foreign minister Sergei
	// Lavrov"; tried before nameRun so that the title is kept.
	titledName  = `(?:` + capWord + `\s+)*\b(?:` + lowerTitles + `)\s+` + nameRun
	lowerTitles = `spokesman|spokeswoman|spokesperson|minister|secretary|president|adviser|advisor|` +
		`ambassador|envoy|commander|chief|director|official|analyst|expert|researcher|professor|senator|` +
		`lawmaker|general|governor|mayor|prosecutor|lawyer|negotiator|diplomat`
	speaker  = titledName + `|` + nameRun
	pronouns = `[Hh]e|[Ss]he|[Tt]hey`
)

var (
	// subjVerb matches "NAME said" and "he said".
	subjVerb = regexp.MustCompile(`(` + speaker + `|\b(?:` + pronouns + `))(?:\s*,[^,“”"]{1,80},|,?\s+who)?\s+(?:also\s+|then\s+|later\s+|again\s+|previously\s+)?(?:` + speechVerbs + `)\b`)
	// verbSubj matches "said NAME" right after a quote.
	verbSubj = regexp.MustCompile(`^[\s,;:—–-]*(?:` + speechVerbs + `)\s+(` + speaker + `|(?:` + pronouns + `)\b)`)
	// subjVerbAfter matches "NAME said" or "he said" right after a quote.
	subjVerbAfter = regexp.MustCompile(`^[\s,;:—–-]*(` + speaker + `|(?:` + pronouns + `)\b)(?:\s*,[^,“”"]{1,80},)?\s+(?:also\s+|then\s+|later\s+)?(?:` + speechVerbs + `)\b`)
	// accordingTo matches "according to NAME".
	accordingTo = regexp.MustCompile(`\b[Aa]ccording\s+to\s+(` + nameRun + `)`)
)

// titleWords are words of job titles that come before a name.
var titleWords = toSet(`spokesman spokeswoman spokesperson president vice minister secretary senator director ` +
	`chairman chairwoman chair ambassador general gen. officer chief council security national foreign defense ` +
	`defence prime deputy press governor mayor rep. sen. dr. professor prof. commissioner ceo head leader adviser ` +
	`advisor analyst official librarian biologist scientist economist researcher historian lawyer engineer ` +
	`professor spokesperson commander minister  coordinator envoy representative sergeant colonel col. lieutenant lt. captain capt. ` +
	`admiral adm. judge justice attorney prosecutor inspector mr. mrs. ms. sir lord lady king queen prince ` +
	`princess pope cardinal bishop rabbi imam executive manager founder chancellor premier congressman ` +
	`congresswoman councillor councilor assistant special state house white department ministry agency ` +
	`office strategic communications communication affairs public economic military intelligence`)

// leadWords are capitalised words that start sentences rather than names.
var leadWords = toSet(`but and or so yet then also when while after before since in on at as if though although ` +
	`however meanwhile still now earlier later instead later, asked speaking writing a an the this that these ` +
	`those there here it its his her their our we i you`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// person is a name read from a run of capitalised words.
type person struct {
	name, title string
}

// splitName separates a run of capitalised words such as "National
// Security Council Spokesman John Kirby" into title and name. It returns
// ok false for a run that has no name in it.
func splitName(run string) (person, bool) {
	words := strings.Fields(run)
	for len(words) > 0 && leadWords[strings.ToLower(words[0])] {
		words = words[1:]
	}
	if len(words) == 0 {
		return person{}, false
	}
	i := len(words)
	for i > 0 && !titleWords[strings.ToLower(words[i-1])] && len(words)-i < 4 {
		i--
	}
	name := strings.Join(words[i:], " ")
	if name == "" {
		return person{}, false
	}
	name = strings.TrimRight(name, "’'.")
	name = strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s")
	title := words[:i]
	// "Mr." and "Ms." are manners, not a title worth keeping.
	for len(title) > 0 && honorifics[strings.ToLower(title[len(title)-1])] {
		title = title[:len(title)-1]
	}
	return person{name: name, title: strings.Join(title, " ")}, true
}

// honorifics are the forms of address that come before a name.
var honorifics = toSet(`mr. mrs. ms. miss mr mrs ms`)

// placePrepositions come before a place, not a speaker: "officials in
// Kyiv said" names no one.
var placePrepositions = toSet(`in from at near across outside inside around throughout`)

// afterPlacePreposition reports whether the word before offset at of text
// is one of placePrepositions.
func afterPlacePreposition(text string, at int) bool {
	before := strings.TrimRight(text[max(0, at-16):at], " ")
	if len(before) == len(text[max(0, at-16):at]) {
		return false // no space: at is inside a word
	}
	w := before[strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })+1:]
	return placePrepositions[strings.ToLower(w)]
}

// mention is a speaker named with a speech verb at an offset.
type mention struct {
	at int
	person
	pronoun bool
}

// people tracks the speakers named in an article, so that a surname or
// pronoun can be resolved to a full name.
type people struct {
	mentions []mention // in text order
	full     []person  // distinct names of two or more words, first seen first
}

func (p *people) add(at int, run string) (mention, bool) {
	if isPronoun(run) {
		return mention{at: at, pronoun: true}, true
	}
	per, ok := splitName(run)
	if !ok {
		return mention{}, false
	}
	m := mention{at: at, person: per}
	if strings.Contains(per.name, " ") {
		known := false
		for _, f := range p.full {
			known = known || f.name == per.name
		}
		if !known {
			p.full = append(p.full, per)
		}
	}
	return m, true
}

// canonical maps a surname to the full name of a known speaker.
func (p *people) canonical(per person) person {
	if strings.Contains(per.name, " ") {
		for _, f := range p.full {
			if f.name == per.name && per.title == "" {
				return f
			}
		}
		return per
	}
	for _, f := range p.full {
		if strings.HasSuffix(f.name, " "+per.name) {
			if per.title != "" {
				f.title = per.title
			}
			return f
		}
	}
	return per
}

func isPronoun(s string) bool {
	switch strings.ToLower(s) {
	case "he", "she", "they":
		return true
	}
	return false
}

// lastNamedBefore returns the last named speaker mentioned before at.
func (p *people) lastNamedBefore(at int) (person, bool) {
	for i := len(p.mentions) - 1; i >= 0; i-- {
		if m := p.mentions[i]; m.at < at && !m.pronoun {
			return p.canonical(m.person), true
		}
	}
	return person{}, false
}

// firstNamedAfter returns the first named speaker mentioned after at.
func (p *people) firstNamedAfter(at int) (person, bool) {
	for _, m := range p.mentions {
		if m.at > at && !m.pronoun {
			return p.canonical(m.person), true
		}
	}
	return person{}, false
}

// findQuotes returns the quoted passages of text, in order, with speakers.
func findQuotes(text string) []Quote {
	var ppl people
	for _, m := range subjVerb.FindAllStringSubmatchIndex(text, -1) {
		if afterPlacePreposition(text, m[2]) {
			continue
		}
		if men, ok := ppl.add(m[2], text[m[2]:m[3]]); ok {
			ppl.mentions = append(ppl.mentions, men)
		}
	}
	for _, m := range accordingTo.FindAllStringSubmatchIndex(text, -1) {
		if men, ok := ppl.add(m[2], text[m[2]:m[3]]); ok {
			ppl.mentions = append(ppl.mentions, men)
		}
	}
	spans := quoteSpans(text)
	for _, s := range spans {
		after := text[s.closeEnd:min(len(text), s.closeEnd+160)]
		if nl := strings.IndexByte(after, '\n'); nl >= 0 {
			after = after[:nl]
		}
		for _, re := range []*regexp.Regexp{verbSubj, subjVerbAfter} {
			if m := re.FindStringSubmatchIndex(after); m != nil {
				if men, ok := ppl.add(s.closeEnd+m[2], after[m[2]:m[3]]); ok {
					ppl.mentions = append(ppl.mentions, men)
				}
			}
		}
	}
	sort.SliceStable(ppl.mentions, func(i, j int) bool { return ppl.mentions[i].at < ppl.mentions[j].at })

	var quotes []Quote
	var prev *Quote
	prevPara, prevOpen := -1, -1
	for _, s := range spans {
		q := Quote{Start: s.start, End: s.end, Text: text[s.start:s.end], Full: s.full}
		para := strings.LastIndexByte(text[:s.open], '\n')
		var speaker person
		var how string
		if prev != nil && prevPara == para && prev.Speaker != "" && sentenceStart(text, s.open) <= prevOpen {
			// The second half of a passage split by its attribution,
			// as in “…,” she said, “…”.
			speaker, how = person{name: prev.Speaker, title: prev.SpeakerTitle}, prev.Attribution
		} else {
			speaker, how = attribute(text, s, &ppl)
		}
		if how == "" && !unnamedSpeaker(text, s) {
			if p, ok := ppl.lastNamedBefore(s.open); ok {
				speaker, how = p, "nearby"
			} else if p, ok := ppl.firstNamedAfter(s.open); ok {
				speaker, how = p, "nearby"
			}
		}
		q.Speaker, q.SpeakerTitle, q.Attribution = speaker.name, speaker.title, how
		quotes = append(quotes, q)
		prev, prevPara, prevOpen = &quotes[len(quotes)-1], para, s.open
	}
	return quotes
}

// groupSpeech matches a speech verb after a word for a group or body,
// "officials said", "the ministry said": words no one person spoke.
var groupSpeech = regexp.MustCompile(`(?i)\b(?:officials|sources|analysts|experts|residents|witnesses|diplomats|` +
	`authorities|lawmakers|ministry|government|department|agency|office|police|military|army|administration|` +
	`spokespeople|statement|report|reports)(?:\s+(?:in|from|at|of)\s+` + nameRun + `)?\s+(?:also\s+)?(?:` + speechVerbs + `)\b`)

// unnamedSpeaker reports whether the quote in span s is attributed to a
// group or body rather than a person, in its sentence before it or just
// after it. Such a quote is not given the nearest named speaker; one
// attributed to "a White House official" still is, as that official is
// usually named nearby.
func unnamedSpeaker(text string, s span) bool {
	if groupSpeech.MatchString(text[sentenceStart(text, s.open):s.open]) {
		return true
	}
	after := text[s.closeEnd:min(len(text), s.closeEnd+80)]
	if end := strings.IndexAny(after, ".!?\n“\""); end >= 0 {
		after = after[:end]
	}
	return groupSpeech.MatchString(after)
}

// attribute finds who said the quote in span s: a speech verb right after
// it, else the last one before it in its sentence.
func attribute(text string, s span, ppl *people) (person, string) {
	resolve := func(at int, run string) (person, string) {
		if isPronoun(run) {
			if p, ok := ppl.lastNamedBefore(at); ok {
				return p, "pronoun"
			}
			return person{}, ""
		}
		p, ok := splitName(run)
		if !ok {
			return person{}, ""
		}
		return ppl.canonical(p), "named"
	}
	after := text[s.closeEnd:min(len(text), s.closeEnd+160)]
	if nl := strings.IndexByte(after, '\n'); nl >= 0 {
		after = after[:nl]
	}
	for _, re := range []*regexp.Regexp{verbSubj, subjVerbAfter} {
		if m := re.FindStringSubmatchIndex(after); m != nil {
			if p, how := resolve(s.closeEnd+m[2], after[m[2]:m[3]]); how != "" {
				return p, how
			}
		}
	}
	from := sentenceStart(text, s.open)
	before := text[from:s.open]
	best := -1
	var bestRun string
	for _, re := range []*regexp.Regexp{subjVerb, accordingTo} {
		for _, m := range re.FindAllStringSubmatchIndex(before, -1) {
			if re == subjVerb && afterPlacePreposition(text, from+m[2]) {
				continue
			}
			if m[2] > best {
				best, bestRun = m[2], before[m[2]:m[3]]
			}
		}
	}
	if best >= 0 {
		return resolve(from+best, bestRun)
	}
	return person{}, ""
}

// sentenceStart returns the offset where the sentence holding at begins:
// after the last ". ", "? ", "! " or line break before it that is outside
// quotation marks.
func sentenceStart(text string, at int) int {
	// Sentences are looked for in the 2,000 bytes before at, so that a
	// huge paragraph does not make this quadratic.
	para := max(strings.LastIndexByte(text[max(0, at-2000):at], '\n')+1+max(0, at-2000), max(0, at-2000))
	for para < at && !utf8.RuneStart(text[para]) {
		para++
	}
	start := para
	sentenceEnds(text, para, at, func(end int) bool {
		if end < at {
			start = end + 1
		}
		return true
	})
	return start
}

// sentenceEnds calls fn with the offset just after each full stop,
// question mark or exclamation mark in text[from:to] that ends a sentence:
// outside curly quotation marks, followed by a space or to, and not ending
// an abbreviation. It stops when fn returns false.
func sentenceEnds(text string, from, to int, fn func(end int) bool) {
	start, inQuote := from, false
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '“':
			inQuote = true
		case '”':
			inQuote = false
		case '.', '?', '!':
			if !inQuote && (i+n == to || text[i+n] == ' ') && !abbreviation(text[start:i]) {
				if !fn(i + n) {
					return
				}
				start = i + n + 1
			}
		}
		i += n
	}
}

// abbreviation reports whether s ends with a short abbreviation such as
// "Mr" or "U.S", whose full stop does not end a sentence.
func abbreviation(s string) bool {
	i := strings.LastIndexAny(s, " (")
	w := strings.ToLower(s[i+1:])
	switch w {
	case "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "col", "lt", "capt", "st", "jr", "sr", "prof", "no", "vs":
		return true
	}
	return len(w) <= 3 && strings.Contains(w, ".")
}

// span is one quoted passage: the marks at [open, start) and [end,
// closeEnd), the passage at [start, end).
type span struct {
	open, start, end, closeEnd int
	full                       bool
}

// quoteSpans finds the quoted passages of text. Curly double quotes pair
// “ with ”; straight double quotes pair in turn within a paragraph; curly
// single quotes ‘…’ count when ‘ starts a word and ’ ends one (so
// apostrophes do not). A passage left open at the end of a paragraph (as
// when a quotation runs over several paragraphs) ends there. Trailing
// commas and full stops inside the marks are not part of the passage.
func quoteSpans(text string) []span {
	var out []span
	for lineStart := 0; lineStart < len(text); {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		line := text[lineStart:lineEnd]
		for i := 0; i < len(line); {
			r, n := utf8.DecodeRuneInString(line[i:])
			var closer rune
			switch r {
			case '“':
				closer = '”'
			case '"':
				closer = '"'
			case '‘':
				if i == 0 || !isWordRune(lastRune(line[:i])) {
					closer = '’'
				}
			case '«':
				closer = '»'
			}
			if closer == 0 {
				i += n
				continue
			}
			j := findCloser(line, i+n, closer)
			end, closeEnd := j, j+utf8.RuneLen(closer)
			if j < 0 {
				if closer == '’' {
					i += n
					continue
				}
				end, closeEnd = len(line), len(line)
			}
			if s, ok := trimPassage(line, i, i+n, end, closeEnd); ok {
				s.open += lineStart
				s.start += lineStart
				s.end += lineStart
				s.closeEnd += lineStart
				out = append(out, s)
			}
			i = closeEnd
		}
		lineStart = lineEnd + 1
	}
	return out
}

func findCloser(line string, from int, closer rune) int {
	for i := from; i < len(line); {
		r, n := utf8.DecodeRuneInString(line[i:])
		if r == closer {
			if closer != '’' || i+n >= len(line) || !isWordRune(firstRune(line[i+n:])) {
				return i
			}
		}
		if closer == '"' && r == '“' {
			return -1
		}
		i += n
	}
	return -1
}

// trimPassage makes the span of the passage between the marks, without
// surrounding spaces and trailing commas and stops.
func trimPassage(line string, open, start, end, closeEnd int) (span, bool) {
	inner := line[start:end]
	lead := len(inner) - len(strings.TrimLeft(inner, " \t"))
	body := strings.TrimRight(inner[lead:], " \t,.;:")
	if body == "" || !strings.ContainsFunc(body, unicode.IsLetter) {
		return span{}, false
	}
	full := len(strings.Fields(body)) >= 4 && (unicode.IsUpper(firstRune(body)) || strings.ContainsAny(inner[len(inner)-1:], ",.?!"))
	return span{open: open, start: start + lead, end: start + lead + len(body), closeEnd: closeEnd, full: full}, true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

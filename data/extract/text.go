package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// layout is an article's text cut once into paragraphs, quoted passages,
// words and sentences, each in text order with byte offsets, so that every
// later step looks things up instead of scanning the text again: the work
// is linear in the length of the article.
type layout struct {
	text     string
	paras    []paragraph
	passages []passage
	toks     []token
	sents    []sentence
}

// paragraph is one non-blank line of the text.
type paragraph struct {
	start, end int
	// skip is why the line is not story text ("caption", "byline",
	// "links", "tweet"), or "".
	skip string
	// firstTok and endTok are the range of its tokens; bodyTok is the
	// first after any dateline ("WASHINGTON (AP) —").
	firstTok, endTok, bodyTok int
}

// sentence is a range of tokens within one paragraph. Sentences end outside
// quotation marks, so a quoted passage and its attribution are one sentence.
type sentence struct {
	first, end int // tokens [first, end)
	para       int
}

type tokKind uint8

const (
	tokWord  tokKind = iota // letters and digits, with the dots, apostrophes and hyphens inside them
	tokPunct                // one punctuation character
	tokMark                 // a quotation mark that opens or closes a passage
)

// token is a word, punctuation character or quotation mark.
type token struct {
	start, end int
	kind       tokKind
	sent       int // index of its sentence
	passage    int // index of the passage it is inside, -1 if none
}

// newLayout cuts text into paragraphs, passages, tokens and sentences.
func newLayout(text string) *layout {
	l := &layout{text: text}
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if strings.TrimSpace(text[start:end]) != "" {
			l.paras = append(l.paras, paragraph{start: start, end: end})
		}
		start = end + 1
	}
	markSkipped(l)
	for i := range l.paras {
		l.passages = appendPassages(l.passages, text, i, l.paras[i])
	}
	linkContinuations(l)
	l.tokenize()
	l.splitSentences()
	for k := range l.paras {
		l.paras[k].bodyTok = datelineEnd(l, l.paras[k])
	}
	return l
}

// tokenize cuts every paragraph into tokens; the marks of passages become
// tokMark tokens and everything inside a passage records it.
func (l *layout) tokenize() {
	text := l.text
	// The marks of passages, in order: an opening and maybe a closing
	// mark each, at [at, end).
	type markAt struct{ at, end int }
	marks := make([]markAt, 0, 2*len(l.passages))
	for _, p := range l.passages {
		marks = append(marks, markAt{p.open, p.start0})
		if p.closed {
			marks = append(marks, markAt{p.end0, p.closeEnd})
		}
	}
	l.toks = make([]token, 0, len(text)/5+16)
	mi := 0
	pi := 0
	for k := range l.paras {
		para := &l.paras[k]
		para.firstTok = len(l.toks)
		for i := para.start; i < para.end; {
			for mi < len(marks) && marks[mi].at < i {
				mi++
			}
			if mi < len(marks) && marks[mi].at == i {
				l.toks = append(l.toks, token{start: i, end: marks[mi].end, kind: tokMark, passage: -1})
				i = marks[mi].end
				continue
			}
			nextMark := para.end
			if mi < len(marks) && marks[mi].at < nextMark {
				nextMark = marks[mi].at
			}
			r, n := utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsSpace(r) || r == '\u00a0':
				i += n
			case isWordRune(r):
				e := wordEnd(text, i, nextMark)
				l.toks = append(l.toks, token{start: i, end: e, kind: tokWord, passage: -1})
				i = e
			default:
				l.toks = append(l.toks, token{start: i, end: i + n, kind: tokPunct, passage: -1})
				i += n
			}
		}
		para.endTok = len(l.toks)
	}
	// Record the passage each token lies in; passages are in order and do
	// not overlap.
	for t := range l.toks {
		tok := &l.toks[t]
		for pi < len(l.passages) && l.passages[pi].end0 <= tok.start && !(l.passages[pi].end0 == tok.start && tok.start == l.passages[pi].start0) {
			pi++
		}
		if pi < len(l.passages) && tok.kind != tokMark && tok.start >= l.passages[pi].start0 && tok.end <= l.passages[pi].end0 {
			tok.passage = pi
		}
	}
}

// wordEnd returns where the word starting at i ends, at limit (the next
// quotation mark) at the latest: letters, digits and marks, with an
// apostrophe, hyphen, ampersand or dot inside ("don’t", "front-runner",
// "AT&T", "U.S."), a final dot of an abbreviation or initial ("Mr.",
// "J."), and a final apostrophe of a plural possessive.
func wordEnd(text string, i, limit int) int {
	j := i
	for j < limit {
		r, n := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) || unicode.IsMark(r) || mojibakeTail(text[i:j], r) {
			j += n
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '&' || r == '.' || r == '‐' {
			next, _ := utf8.DecodeRuneInString(text[j+n : limit])
			if j+n < limit && isWordRune(next) {
				j += n
				continue
			}
			if r == '.' && isAbbreviation(text[i:j+n]) {
				j += n
			}
			if (r == '’' || r == '\'') && j > i && (text[j-1] == 's' || text[j-1] == 'S') {
				j += n // plural possessive: "voters’"
			}
		}
		break
	}
	return j
}

// abbreviations end in a dot that does not end a sentence.
var abbreviations = toSet(`mr. mrs. ms. dr. gen. sen. rep. gov. col. lt. capt. st. jr. sr. prof. no. vs. v. sgt.
	adm. maj. cmdr. rev. hon. pres. sec. dept. corp. inc. co. ltd. bros. ave. blvd. rd. mt. ft. jan. feb. mar. apr.
	jun. jul. aug. sep. sept. oct. nov. dec. mon. tue. tues. wed. thu. thur. thurs. fri. sat. sun. a.m. p.m. u.s.
	u.k. u.n. e.u. d.c. n.y. l.a. etc. e.g. i.e. approx. est. fig. ala. ariz. ark. calif. colo. conn. del. fla.
	ga. ill. ind. kan. kans. ky. la. md. mass. mich. minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. n.c. n.d.
	okla. ore. pa. r.i. s.c. s.d. tenn. tex. vt. va. wash. wis. wyo. w.va. mme. mlle. messrs. esq.
	atty. asst. dep. amb. brig. cpl. pvt. det. insp. supt.`)

// clockWords end an hour: "at 9:40 p.m. Sunday".
var clockWords = toSet(`a.m. p.m.`)

// dayOrMonthName reports whether w names a day of the week or a month.
func dayOrMonthName(w string) bool {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	_, wd := weekdays[lw]
	return wd || months[lw] != 0
}

// titleAbbreviations are abbreviations that come before a name, so a
// capitalised word after them does not start a sentence.
var titleAbbreviations = toSet(`mr. mrs. ms. dr. gen. sen. rep. gov. col. lt. capt. st. prof. sgt. adm. maj.
	cmdr. rev. hon. pres. mme. mlle. messrs. no. vs. v. atty. asst. dep. amb. brig. cpl. pvt. det. insp. supt.`)

// isAbbreviation reports whether w (ending in a dot) is an abbreviation
// or an initial.
func isAbbreviation(w string) bool {
	lw := strings.ToLower(w)
	if abbreviations[lw] {
		return true
	}
	body := strings.TrimSuffix(w, ".")
	if utf8.RuneCountInString(body) == 1 {
		r, _ := utf8.DecodeRuneInString(body)
		return unicode.IsUpper(r) // an initial, "J."
	}
	return strings.Contains(body, ".") // "U.S.", "a.m."
}

// splitSentences groups tokens into sentences. A sentence ends at a full
// stop, question or exclamation mark outside quoted passages, or after a
// passage that itself ends one, unless what follows is a short
// attribution ("“We won.” Trump said.").
func (l *layout) splitSentences() {
	for k, para := range l.paras {
		start := para.firstTok
		for t := para.firstTok; t < para.endTok; t++ {
			tok := l.toks[t]
			end := false
			switch {
			case tok.kind == tokPunct && tok.passage < 0 && isTerminator(l.text[tok.start:tok.end]):
				// Closing marks and brackets after the stop stay in its sentence.
				for t+1 < para.endTok && l.toks[t+1].kind == tokPunct && strings.ContainsAny(l.text[l.toks[t+1].start:l.toks[t+1].end], ")]") {
					t++
				}
				end = t+1 == para.endTok || l.startsSentence(t+1, para.endTok)
			case tok.kind == tokMark && l.closes(t) && t > para.firstTok:
				prev := l.toks[t-1]
				if prev.kind == tokPunct && isTerminator(l.text[prev.start:prev.end]) && t+1 < para.endTok &&
					l.startsSentence(t+1, para.endTok) && !l.shortAttribution(t+1, para.endTok) {
					end = true
				}
			case tok.kind == tokWord && tok.passage < 0 && strings.HasSuffix(l.text[tok.start:tok.end], ".") &&
				!titleAbbreviations.has(l.text[tok.start:tok.end]) && t+1 < para.endTok:
				// "…sanctions on the U.S. The next day…"
				next := l.toks[t+1]
				nw := l.text[next.start:next.end]
				end = next.kind == tokWord && notNames.has(nw) && isUpperStart(nw) &&
					utf8.RuneCountInString(l.text[tok.start:tok.end]) > 2 &&
					// "U.S. Senator Jeff Sessions", "U.S. District Judge Ann
					// Lee": a title before a name goes on with the sentence.
					!l.titleBeforeName(t+1, para.endTok) &&
					// "at 9:40 p.m. Sunday": the day of the hour.
					!(clockWords.has(l.text[tok.start:tok.end]) && dayOrMonthName(nw))
			}
			if end {
				l.addSentence(start, t+1, k)
				start = t + 1
			}
		}
		if start < para.endTok {
			l.addSentence(start, para.endTok, k)
		}
	}
}

// titleBeforeName reports whether token t starts one or two words of a
// title followed by a capitalised word: "Senator Jeff", "District Judge
// Ann".
func (l *layout) titleBeforeName(t, limit int) bool {
	for k := t; k < t+2 && k+1 < limit && l.isWordTok(k); k++ {
		if titleWords.has(strings.ToLower(l.word(k))) {
			return l.isWordTok(k+1) && isUpperStart(l.word(k+1)) && !notNames.has(l.word(k+1))
		}
	}
	return false
}

func (l *layout) addSentence(first, end, para int) {
	for t := first; t < end; t++ {
		l.toks[t].sent = len(l.sents)
	}
	l.sents = append(l.sents, sentence{first: first, end: end, para: para})
}

// dashes are the dashes that set off a signature or an aside: em, en,
// hyphen, horizontal bar and figure dash ("-- Ruth Amsel" is two hyphens).
const dashes = "—–-―‒"

// isDash reports whether s is one dash.
func isDash(s string) bool {
	return s != "" && utf8.RuneCountInString(s) == 1 && strings.Contains(dashes, s)
}

// isDashTok reports whether token t is a dash.
func (l *layout) isDashTok(t int) bool {
	return t >= 0 && t < len(l.toks) && l.toks[t].kind == tokPunct && isDash(l.word(t))
}

func isTerminator(s string) bool { return s == "." || s == "?" || s == "!" || s == "…" }

// closes reports whether the mark token t closes its passage.
func (l *layout) closes(t int) bool {
	i := sort.Search(len(l.passages), func(i int) bool { return l.passages[i].end0 >= l.toks[t].start })
	return i < len(l.passages) && l.passages[i].closed && l.passages[i].end0 == l.toks[t].start
}

// startsSentence reports whether token t can begin a sentence: a
// capitalised word, a number or an opening mark.
func (l *layout) startsSentence(t, limit int) bool {
	for t < limit && l.toks[t].kind == tokPunct && (strings.ContainsAny(l.word(t), "([") || isDash(l.word(t))) {
		t++
	}
	if t >= limit {
		return true
	}
	tok := l.toks[t]
	if tok.kind == tokMark {
		return true
	}
	r, _ := utf8.DecodeRuneInString(l.text[tok.start:])
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// shortAttribution reports whether the tokens from t to the next stop are
// a short clause with a speech verb, as "Trump said." after a quote.
func (l *layout) shortAttribution(t, limit int) bool {
	// "“…” -- Ruth Amsel, Chief Executive Officer": a signature.
	if t+1 < limit && l.isDashTok(t) {
		for t < limit && l.isDashTok(t) {
			t++
		}
		return t < limit && l.toks[t].kind == tokWord && isUpperStart(l.word(t))
	}
	words := 0
	for ; t < limit && words <= 8; t++ {
		tok := l.toks[t]
		s := l.text[tok.start:tok.end]
		if tok.kind == tokMark {
			return false
		}
		if tok.kind == tokPunct && isTerminator(s) {
			return false
		}
		if tok.kind == tokWord {
			words++
			if speechVerbs.has(s) {
				return !l.reportsClause(t+1, limit)
			}
		}
	}
	return false
}

// reportsClause reports whether the words after the speech verb before
// token t report something in a clause of their own ("Russia insisted
// that …", "The agency said North Korea had …", "Mills then writes back,
// “You look cute.”") rather than end an attribution ("Trump said.",
// "said the mayor on Monday.").
func (l *layout) reportsClause(t, limit int) bool {
	for t < limit && l.isWordTok(t) && (speechAdverbs.has(l.word(t)) || l.word(t) == "back") && !verbLike.has(l.word(t)) {
		t++
	}
	if t < limit && l.punct(t, ",") {
		// A quotation introduced: “…?” Mills writes back, “You look cute.”
		if t+1 < limit && l.toks[t+1].kind == tokMark {
			r := firstRune(l.text[l.toks[t+1].end:])
			return unicode.IsUpper(r)
		}
		return false
	}
	if t >= limit || !l.isWordTok(t) {
		return false
	}
	w := strings.ToLower(l.word(t))
	switch {
	case w == "that":
		return true
	case adjunctStarts.has(w) || isTimeWord(w):
		// "She replied to him that it was …"
		for i := t + 1; i < limit && i < t+5 && l.isWordTok(i); i++ {
			if strings.EqualFold(l.word(i), "that") {
				return true
			}
		}
		return false
	}
	// An inverted subject ends the clause ("said the mayor."); a subject
	// with a verb of its own starts another ("said the campaign has …").
	for i := t + 1; i < limit && i < t+7; i++ {
		if !l.isWordTok(i) {
			return false
		}
		lw := strings.ToLower(l.word(i))
		if verbLike[lw] || irregularPast[lw] || speechVerbs[lw] && !isUpperStart(l.word(i)) {
			return true
		}
	}
	return false
}

// adjunctStarts are the words that start what may follow a speech verb in
// an attribution: "said on Monday", "told reporters in Ohio".
var adjunctStarts = toSet(`on in at to during after before of about from with via while when as by for
	through outside inside near following told reporters`)

// shortTitleEnd returns the token after the closing mark when token t opens
// a short quoted title inside the reporter's sentence ("wearing “Ted Cruz”
// pins", "On “Face the Nation,”"), and false otherwise.
func (l *layout) shortTitleEnd(t int) (int, bool) {
	if t+1 >= len(l.toks) || l.toks[t].kind != tokMark || l.toks[t+1].passage < 0 {
		return 0, false
	}
	p := l.passages[l.toks[t+1].passage]
	if !p.closed || p.open != l.toks[t].start || words(l.text[p.start:p.end]) > 6 {
		return 0, false
	}
	return l.tokenAt(p.end0) + 1, true
}

// shortTitleStart returns the opening mark of the short quoted title whose
// closing mark is token t, and false if t closes none.
func (l *layout) shortTitleStart(t int) (int, bool) {
	if t < 1 || l.toks[t].kind != tokMark || l.toks[t-1].passage < 0 {
		return 0, false
	}
	p := l.passages[l.toks[t-1].passage]
	if !p.closed || p.end0 != l.toks[t].start || words(l.text[p.start:p.end]) > 6 {
		return 0, false
	}
	return l.tokenAt(p.open), true
}

// tokenAt returns the index of the first token that ends after offset at.
func (l *layout) tokenAt(at int) int {
	return sort.Search(len(l.toks), func(i int) bool { return l.toks[i].end > at })
}

// word returns the text of token t.
func (l *layout) word(t int) string { return l.text[l.toks[t].start:l.toks[t].end] }

// isWordTok reports whether token t is a word.
func (l *layout) isWordTok(t int) bool { return t >= 0 && t < len(l.toks) && l.toks[t].kind == tokWord }

// punct reports whether token t is the punctuation p.
func (l *layout) punct(t int, p string) bool {
	return t >= 0 && t < len(l.toks) && l.toks[t].kind == tokPunct && l.word(t) == p
}

func isUpperStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// mojibakeTail reports whether r, after the word so far, is the second
// half of a letter whose UTF-8 bytes were read as Latin-1 or Windows-1252
// (once or more): "FranÃ§ois" for "François", "FranÃ\u0083Â§ois". Pages saved with the wrong
// encoding write names so, and the name is still one word.
func mojibakeTail(word string, r rune) bool {
	if r < 0x80 || r > 0xbf {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(word)
	// The A may carry its tilde or circumflex as a combining mark.
	return prev == 'Ã' || prev == 'Â' || strings.HasSuffix(word, "A\u0303") || strings.HasSuffix(word, "A\u0302")
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

package extract

import (
	"strings"
	"unicode"
)

// Transcripts and headlines name their speaker with a label before a colon:
// a paragraph "“WALLACE: Let’s start with …" in a transcript quoted whole,
// "Luciana Lopez: Saying to people ‘Wall Street speculation’ …", or a
// headline "Obama on Trump: ‘He will not be president’". The label is one
// to four capitalised words (in capitals, as transcripts write them, or
// not) at the start of the paragraph or of the passage.

// maxLabelWords is the longest label read.
const maxLabelWords = 4

// labelWords are capitalised words that start a paragraph with a colon but
// name no speaker: "VIDEO:", "UPDATE:", "Editor’s note:".
var labelWords = toSet(`video audio update updates note photo photos picture image source sources transcript
	correction clarification advertisement related read watch listen live breaking exclusive developing
	crosstalk unidentified unknown announcer narrator voice male female question answer q a editor's editor’s
	editors disclaimer warning caption credit credits reporting background context analysis opinion editorial
	summary highlights more also plus bottom line why what how when where who statement full text excerpt
	excerpts here's here`)

// label is a speaker's label before a colon: its words [first, end) and
// the colon token.
type label struct {
	first, end, colon int
	inPassage         bool
}

// labelAt reads a label starting at token t, before limit: one to four
// capitalised words and a colon. In a headline, "X on Y:" is X's.
func (a *attributor) labelAt(t, limit int) (label, bool) {
	l := a.l
	i := t
	for i < limit && i < t+maxLabelWords+3 && l.isWordTok(i) {
		w := l.word(i)
		if !unicode.IsUpper(firstRune(w)) && !(i > t && nameParticles.has(w)) && !(i > t && strings.EqualFold(w, "on")) {
			return label{}, false
		}
		i++
	}
	if i == t || i >= limit || !l.punct(i, ":") {
		return label{}, false
	}
	end := i
	for k := t + 1; k < i; k++ {
		if strings.EqualFold(l.word(k), "on") {
			end = k // "Obama on Trump:"
			break
		}
	}
	if end-t > maxLabelWords || labelWords.has(l.word(t)) || notNames.has(l.word(t)) && !honorific(l.word(t)) ||
		a.headlineVerb(end-1) {
		return label{}, false
	}
	return label{first: t, end: end, colon: i}, true
}

// passageLabel returns the label passage p opens with or, when p is not at
// the start of its paragraph, the label its paragraph opens with.
func (a *attributor) passageLabel(p passage) (label, bool) {
	l := a.l
	para := l.paras[p.para]
	first := l.tokenAt(p.start)
	if first < para.endTok && l.toks[first].passage >= 0 {
		if lb, ok := a.labelAt(first, para.endTok); ok {
			lb.inPassage = true
			return lb, true
		}
	}
	open := l.tokenAt(p.open)
	start := para.bodyTok
	if start >= open {
		return label{}, false
	}
	lb, ok := a.labelAt(start, min(open, start+maxLabelWords+4))
	if !ok || open-lb.colon > 3*cueWindow {
		return label{}, false
	}
	// "Clinton: “…” Bush: “…”": the nearest label is the one that counts.
	for t := open - 1; t > lb.colon; t-- {
		if l.punct(t, ":") {
			return label{}, false
		}
	}
	return lb, true
}

// labelSpeaker resolves a label to its speaker: a person the article names
// (a transcript's "PENCE" is Mike Pence), a name written in full, or a
// body. A single word naming no one known is taken as a name only in a
// transcript, where several paragraphs open with labels.
func (a *attributor) labelSpeaker(lb label) speaker {
	l := a.l
	ws := make([]string, 0, lb.end-lb.first)
	for t := lb.first; t < lb.end; t++ {
		ws = append(ws, titleCased(stripPossessive(l.word(t))))
	}
	why := "a label before a colon: “" + strings.Join(ws, " ") + ":”"
	if lb.inPassage {
		why = "a transcript’s label: “" + a.phrase(tokRange{lb.first, lb.colon + 1}) + "”"
	}
	if kind := bodyKind(ws); kind != "" {
		return speaker{ent: a.r.body(strings.Join(ws, " "), kind, lb.first), how: howNamed, why: why, sure: true}
	}
	title, np, ok := splitName(ws)
	if !ok {
		return noSpeaker
	}
	np.titled = np.titled || len(title) > 0
	np.speaker = true
	if e := a.r.person(np, lb.first, false); e >= 0 {
		return speaker{ent: e, how: howNamed, why: why, sure: true}
	}
	// A name no one else in the article bears is a speaker's in a
	// transcript, or when it starts with a given name ("Chris Matthews:");
	// "Lost Tycoon: The Many Lives of …" is a book's title.
	if !a.transcript() && (np.first == "" || !isGivenName(np.first)) {
		return noSpeaker
	}
	e := a.r.person(np, lb.first, true)
	if e < 0 {
		return noSpeaker
	}
	return speaker{ent: e, how: howNamed, why: why, sure: np.first != ""}
}

// transcript reports whether at least two paragraphs of the text open with
// a label, inside quotation marks or not.
func (a *attributor) transcript() bool {
	if a.labels >= 0 {
		return a.labels >= 2
	}
	l := a.l
	a.labels = 0
	for _, para := range l.paras {
		t := para.bodyTok
		if t < para.endTok && l.toks[t].kind == tokMark {
			t++
		}
		if t < para.endTok {
			if _, ok := a.labelAt(t, min(para.endTok, t+maxLabelWords+4)); ok {
				a.labels++
				if a.labels >= 2 {
					break
				}
			}
		}
	}
	return a.labels >= 2
}

// titleCased writes a word in capitals ("WALLACE") as a name is written
// ("Wallace"); other words are left as they are.
func titleCased(w string) string {
	if strings.ToUpper(w) != w || len(w) < 2 || isAcronym(w) && len(w) <= 3 {
		return w
	}
	rs := []rune(strings.ToLower(w))
	rs[0] = unicode.ToUpper(rs[0])
	return string(rs)
}

// headlineVerb reports whether token t is a verb in the past tense
// capitalised in a headline in title case: "Storm Warning Issued:" is no
// one's label.
func (a *attributor) headlineVerb(t int) bool {
	return a.l.isWordTok(t) && likelyVerb(strings.ToLower(a.l.word(t))) && a.r.titleCase(t)
}

package extract

import (
	"regexp"
	"strings"
	"unicode"
)

// A cue is where the article says who spoke a passage: a speech verb and
// its subject ("…,” Pence said; Trump said, “…”), "according to", a colon
// after a name, or a participle that hands the quote to the subject of the
// sentence (Trump attacked Clinton, saying “…”). Every search looks at a
// bounded number of tokens, so finding cues is linear in the text.

// tokRange is the tokens [first, end).
type tokRange struct{ first, end int }

func (r tokRange) empty() bool { return r.end <= r.first }

// cue is an attribution found for a passage.
type cue struct {
	how   string   // "after", "before", "according", "colon", "participle", "headline"
	verb  int      // the token of the speech verb or cue word
	subj  tokRange // the speaker's noun phrase
	appos tokRange // a name set off after a description: "a spokeswoman, Anna White, said"
	text  tokRange // the words of the cue, for the explanation
	joint bool     // the verb has two subjects: "Delgado and Hale said"
	// someone is true for a subject of no known kind of noun after a
	// speech verb ("said the designer"): a person described, to check.
	someone bool
}

// window limits, in tokens, keep every search bounded.
const (
	cueWindow    = 40 // how far before a passage its cue is looked for
	phraseWindow = 14 // the longest noun phrase read
)

// reflexives stand after a subject for emphasis: "Sanders himself said".
var reflexives = toSet(`himself herself themselves itself myself ourselves`)

// relativeWords start a relative clause after a noun.
var relativeWords = toSet(`who whose which that`)

// showingWords come before someone shown or heard speaking: "footage of
// Trump saying", "a clip shows Clinton asking".
var showingWords = toSet(`with of shows showed show showing features featured featuring hear heard hears see saw
	sees watch watched captured caught depicts depicted`)

// addressVerbs take the one spoken to as their object ("told reporters"):
// the word after them is never their subject.
var addressVerbs = toSet(`told tell tells informed informs reminded reminds assured assures briefed urged`)

// pronouns that can be the subject of a speech verb.
var subjectPronouns = toSet(`he she they it we i you who which`)

var determiners = toSet(`the a an one another this that these those his her its their our my your some several
	two three four many`)

// functionWords never belong to a speaker's noun phrase.
var functionWords = toSet(`and or but nor so yet if then than that which who whom whose when while where why how for of
	what as at by in on to into onto from with without about after before since until during under over
	through because although though not no also just even still only very too is was are were be been being
	has have had will would can could should may might must did does do it its he she they we i you him her
	them us me`)

// cueVerbAt reports whether token t is a speech verb used as one: a
// particle verb needs its particle ("fired back"), and a word that is
// also a noun ("claims", "remarks") is a noun after a determiner.
func (a *attributor) cueVerbAt(t int) (end int, ok bool) {
	l := a.l
	if !l.isWordTok(t) || l.toks[t].passage >= 0 {
		return 0, false
	}
	w := strings.ToLower(l.word(t))
	if !speechVerbs[w] && speechStem(w) && (a.afterModal(t) || a.afterPlural(t)) {
		return t + 1, true // "a spokesman could only quip:", "she would add", "the Saudis state"
	}
	if !speechVerbs[w] || unicode.IsUpper(firstRune(l.word(t))) && t > 0 && l.toks[t-1].sent == l.toks[t].sent {
		return 0, false
	}
	if p, needs := particleSpeech[w]; needs {
		if p == "" || !l.isWordTok(t+1) || strings.ToLower(l.word(t+1)) != p {
			return 0, false
		}
		return t + 2, true
	}
	if t > 0 && l.isWordTok(t-1) && (determiners.has(l.word(t-1)) || isPossessive(l.word(t-1))) &&
		strings.HasSuffix(w, "s") {
		return 0, false // "his claims", "Trump's remarks"
	}
	if w == "told" || w == "tells" || w == "tell" {
		return t + 1, true
	}
	return t + 1, true
}

// afterCue finds an attribution right after passage p's closing mark in
// its sentence: "…,” Pence said", "…,” said Pence", "…,” according to
// Pence".
func (a *attributor) afterCue(p passage) (cue, bool) {
	l := a.l
	if !p.closed {
		return cue{}, false
	}
	mark := l.tokenAt(p.end0)
	if mark >= len(l.toks) || l.toks[mark].kind != tokMark {
		return cue{}, false
	}
	s := l.sents[l.toks[mark].sent]
	limit := min(s.end, mark+cueWindow)
	t := mark + 1
	for t < limit && l.toks[t].kind == tokPunct && (strings.Contains(",:…", l.word(t)) || isDash(l.word(t))) {
		t++
	}
	if t >= limit || !l.isWordTok(t) {
		return cue{}, false
	}
	// "“…” -- Ruth Amsel, Chief Executive Officer": a signature.
	if dash := l.toks[mark+1]; mark+1 < t && dash.kind == tokPunct && isDash(l.word(mark+1)) && a.r.capWord(t) {
		end := a.r.capRunForward(t, limit)
		if end-t >= 2 && end-t <= 5 && (end >= limit || l.punct(end, ",") || l.punct(end, ".")) {
			return cue{how: "after", verb: mark + 1, subj: tokRange{t, end}, text: tokRange{mark, end}}, true
		}
	}
	// "…,” as a ministry memo put it."
	if strings.EqualFold(l.word(t), "as") && t+1 < limit && l.isWordTok(t+1) &&
		(l.punct(t-1, ",") || strings.HasSuffix(strings.TrimSpace(l.text[p.start0:p.end0]), ",")) {
		t++
	}
	// "…,” then said Pence"
	v := t
	if speechAdverbs.has(l.word(v)) && !verbLike.has(l.word(v)) {
		v++
	}
	if end, ok := a.cueVerbAt(v); ok && !addressVerbs.has(l.word(v)) {
		subj, appos, ok := a.subjectAfter(a.skipTime(end, limit), limit)
		if ok {
			return cue{how: "after", verb: v, subj: subj, appos: appos, text: tokRange{mark, max(subj.end, appos.end)}}, true
		}
		if subj, ok := a.someoneAfter(a.skipTime(end, limit), limit); ok {
			return cue{how: "after", verb: v, subj: subj, text: tokRange{mark, subj.end}, someone: true}, true
		}
		return cue{}, false
	}
	if strings.EqualFold(l.word(t), "according") && l.isWordTok(t+1) && l.word(t+1) == "to" {
		subj, appos, ok := a.subjectAfter(t+2, limit)
		if ok {
			return cue{how: "according", verb: t, subj: subj, appos: appos, text: tokRange{mark, max(subj.end, appos.end)}}, true
		}
		return cue{}, false
	}
	subj, appos, ok := a.subjectAfter(t, limit)
	if !ok {
		return cue{}, false
	}
	i := max(subj.end, appos.end)
	if l.isWordTok(i) && (l.word(i) == "of" || l.word(i) == "from" || l.word(i) == "at") && a.r.capWord(subj.end-1) {
		// "James Pethokoukis of the American Enterprise Institute wrote"
		k := i + 1
		if l.isWordTok(k) && strings.EqualFold(l.word(k), "the") {
			k++
		}
		if e := a.r.capRunForward(k, limit); e > k {
			i = e
		}
	}
	if !appos.empty() && l.punct(i, ",") {
		i++ // the comma that closes "the chief inspector, Richard Lindholm,"
	} else if j := a.skipAside(i, limit); j != i || !l.punct(i, ",") && !(l.isWordTok(i) && relativeWords.has(l.word(i))) {
		i = j
		// Two asides: "Scott Pruitt, the attorney general of Oklahoma,
		// one of the states suing the agency, said".
		for k := 0; k < 4 && i > 0 && l.punct(i-1, ","); k++ {
			if _, verb := a.cueVerbAt(i); verb {
				break
			}
			j := a.skipAside(i-1, limit)
			if j == i-1 {
				break
			}
			i = j
		}
	} else {
		// A description whose closing comma was left out: "Nate Silver,
		// the polling guru who founded the site tweeted", or a relative
		// clause without commas: "a member who uses the name Charlie
		// Smith told the BBC".
		for j := i + 1; j < limit && j < i+phraseWindow; j++ {
			if l.toks[j].kind == tokMark || l.punct(j, ",") {
				break
			}
			if _, ok := a.cueVerbAt(j); ok {
				i = j
				break
			}
		}
	}
	// "…,” Delgado and Hale said in a joint statement": the first of two
	// names, to check.
	joint := false
	if l.isWordTok(i) && l.word(i) == "and" && a.r.capWord(i+1) && a.r.capWord(subj.end-1) {
		if e := a.r.capRunForward(i+1, limit); e-(i+1) <= 3 {
			if _, verb := a.cueVerbAt(a.skipTime(e, limit)); verb {
				i, joint = e, true
			}
		}
	}
	for i < limit && l.isWordTok(i) && speechAdverbs.has(l.word(i)) {
		i++
	}
	i = a.skipTime(i, limit)
	if end, ok := a.cueVerbAt(i); ok {
		if l.isDashTok(mark+1) && l.reportsClause(end, limit) {
			// "… lamented her gaffes - “…?” - Democrats who watched said
			// they were unfazed": the quote was an aside.
			return cue{}, false
		}
		if mark+1 == t && a.closesSentence(p) && isUpperStart(l.word(t)) && a.reportsLater(end, s.end) {
			// "“They will be ready in May.” The minister said on Friday
			// that …": a quote closed by its full stop, then a new
			// sentence reporting something else in indirect speech.
			return cue{}, false
		}
		return cue{how: "after", verb: i, subj: subj, appos: appos, text: tokRange{mark, end}, joint: joint}, true
	}
	// "…,” the statement read."
	if l.isWordTok(i) && (l.word(i) == "read" || l.word(i) == "reads") && a.hasSpeechNoun(subj) {
		return cue{how: "after", verb: i, subj: subj, text: tokRange{mark, i + 1}}, true
	}
	return cue{}, false
}

// closesSentence reports whether passage p ends with a full stop inside
// its closing mark.
func (a *attributor) closesSentence(p passage) bool {
	return strings.HasSuffix(strings.TrimRight(a.l.text[p.start0:p.end0], " "), ".")
}

// reportsLater reports whether the speech verb ending at t reports a
// clause in indirect speech, within its sentence (which ends at limit):
// "said that …", "said at a briefing on the budget that …".
func (a *attributor) reportsLater(t, limit int) bool {
	l := a.l
	if l.reportsClause(t, limit) {
		return true
	}
	for i := t; i < limit && i < t+reportWindow; i++ {
		if l.toks[i].kind == tokMark || l.toks[i].passage >= 0 {
			return false
		}
		if l.isWordTok(i) && complementizers.has(l.word(i)) && l.word(i) != "if" {
			return true
		}
	}
	return false
}

// reportWindow is how far after a speech verb reportsLater looks for the
// "that" of indirect speech.
const reportWindow = 25

// someoneAfter reads "the designer" in "…,” said the designer, who …":
// after a speech verb written before its subject, "the" or "a" and one or
// two lower-case words ending the phrase name someone, whatever the noun.
func (a *attributor) someoneAfter(t, limit int) (tokRange, bool) {
	l := a.l
	if !l.isWordTok(t) || !(strings.EqualFold(l.word(t), "the") || strings.EqualFold(l.word(t), "a") || strings.EqualFold(l.word(t), "an")) {
		return tokRange{}, false
	}
	i := t + 1
	for i < limit && i < t+3 && l.isWordTok(i) && l.toks[i].passage < 0 && !isUpperStart(l.word(i)) &&
		unicode.IsLetter(firstRune(l.word(i))) && !functionWords.has(l.word(i)) && !clauseWord(l.word(i)) &&
		l.toks[i].end-l.toks[i].start <= maxNameWordBytes {
		i++
	}
	if i == t+1 || !(i >= limit || l.punct(i, ",") || l.punct(i, ".")) {
		return tokRange{}, false
	}
	return tokRange{t, i}, true
}

// beforeCue finds the attribution before passage p in its sentence: the
// nearest speech verb, "according to", colon or participle before the
// opening mark, not inside another passage.
func (a *attributor) beforeCue(p passage) (cue, bool) {
	return a.cueBefore(a.l.tokenAt(p.open))
}

// cueBefore finds the nearest attribution before token open in its
// sentence.
func (a *attributor) cueBefore(open int) (cue, bool) {
	l := a.l
	if open >= len(l.toks) {
		return cue{}, false
	}
	s := l.sents[l.toks[open].sent]
	floor := max(s.first, open-cueWindow)
	for t := open - 1; t >= floor; t-- {
		tok := l.toks[t]
		if tok.kind == tokMark || tok.passage >= 0 {
			continue
		}
		w := l.word(t)
		lw := strings.ToLower(w)
		switch {
		case tok.kind == tokPunct && w == ":":
			return a.colonCue(t, floor, open)
		case tok.kind != tokWord:
			continue
		case lw == "according" && l.isWordTok(t+1) && l.word(t+1) == "to":
			subj, appos, ok := a.subjectAfter(t+2, open)
			if !ok {
				return cue{}, false
			}
			return cue{how: "according", verb: t, subj: subj, appos: appos, text: tokRange{t, open}}, true
		case participleSpeech[lw] || isSpeechParticiple(lw) && !(l.isWordTok(t-1) && verbLike.has(l.word(t-1))):
			subj, appos, ok := a.clauseSubject(t, s)
			if !ok {
				return cue{}, false
			}
			return cue{how: "participle", verb: t, subj: subj, appos: appos, text: tokRange{subj.first, t + 1}}, true
		case namingVerbs[lw] || strings.HasSuffix(lw, "ing") && (namingVerbs[strings.TrimSuffix(lw, "ing")+"ed"] ||
			speechVerbs[strings.TrimSuffix(lw, "ing")+"ed"]) && t > s.first && verbLike.has(l.word(t-1)):
			// "called", or "is labeling": the verb's subject.
			subj, appos, ok := a.subjectBefore(t, s.first)
			if !ok && a.coordinated(t, s.first) {
				subj, appos, ok = a.sentenceSubject(s, t)
			}
			if !ok {
				return cue{}, false
			}
			return cue{how: "before", verb: t, subj: subj, appos: appos, text: tokRange{subj.first, t + 1}}, true
		}
		if speechStem(lw) && l.isWordTok(t-1) && strings.EqualFold(l.word(t-1), "to") && t-1 > s.first &&
			(t+1 == open || t+2 == open && l.toks[t+1].kind == tokPunct) {
			// "Tim Grieve interrupted me to announce, “…”": the infinitive
			// right before the quote speaks for its clause's subject.
			if subj, appos, ok := a.clauseSubject(t-1, s); ok {
				return cue{how: "participle", verb: t, subj: subj, appos: appos, text: tokRange{subj.first, t + 1}}, true
			}
		}
		if end, ok := a.cueVerbAt(t); ok {
			// "Sanders was asked by host Bill Maher, “…”": the one who
			// asked speaks.
			if t+1 < open && l.isWordTok(t+1) && l.word(t+1) == "by" && t > s.first && l.isWordTok(t-1) &&
				(l.word(t-1) == "was" || l.word(t-1) == "were" || l.word(t-1) == "been" || l.word(t-1) == "being") {
				if subj, appos, ok := a.subjectAfter(t+2, open); ok {
					return cue{how: "before", verb: t, subj: subj, appos: appos, text: tokRange{t - 1, max(subj.end, appos.end)}}, true
				}
			}
			if t == s.first || t == s.first+1 && l.toks[s.first].kind != tokWord {
				// "Said Dorothy Poynter, who grew up with Ali, “…”"
				if subj, appos, ok := a.subjectAfter(t+1, open); ok {
					return cue{how: "before", verb: t, subj: subj, appos: appos, text: tokRange{t, max(subj.end, appos.end)}}, true
				}
			}
			subj, appos, ok := a.subjectBefore(t, s.first)
			if !ok && a.coordinated(t, s.first) {
				// "Carson took the stage and called the system “…”".
				subj, appos, ok = a.sentenceSubject(s, t)
			}
			if !ok && t > s.first && l.punct(t-1, ",") && !addressVerbs.has(l.word(t)) {
				// "Because of how the schedule was drawn, explained
				// Rosenberg, “…”", "The paradox, says Carl Anthony, a
				// historian, is that …": the verb set off with its subject.
				if sb, ap, found := a.subjectAfter(end, open); found && (l.punct(max(sb.end, ap.end), ",") || max(sb.end, ap.end) == open) {
					subj, appos, ok = sb, ap, true
				}
			}
			if !ok {
				// "…, was quoted as saying" has no subject here.
				return cue{}, false
			}
			return cue{how: "before", verb: t, subj: subj, appos: appos, text: tokRange{subj.first, end}}, true
		}
	}
	return cue{}, false
}

// speechStem reports whether a lower-case word is the bare form of a verb
// that reports speech after a modal: "could only quip", "would add".
func speechStem(w string) bool { return modalSpeech[w] }

var modalSpeech = toSet(`say tell add announce quip joke note argue warn insist declare reply respond explain remark admit
	acknowledge claim predict caution stress concede ask boast complain vow promise urge write tweet retort
	muse scoff recall state contend assert maintain agree allege`)

// afterPlural reports whether token t follows a plural subject, for whom
// the bare form is the present: "the Saudis state", "critics argue".
func (a *attributor) afterPlural(t int) bool {
	l := a.l
	k := t - 1
	for k >= 0 && l.isWordTok(k) && (speechAdverbs.has(l.word(k)) && !verbLike.has(l.word(k)) || isAdverb(l.word(k))) {
		k--
	}
	if !l.isWordTok(k) || determiners.has(l.word(k)) {
		return false
	}
	w := strings.ToLower(l.word(k))
	return w == "they" || w == "we" || w == "i" || w == "you" || groupNouns[w] ||
		strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && (isUpperStart(l.word(k)) || personNouns[w]) && !isPossessive(w)
}

// afterModal reports whether token t follows a modal verb, past an adverb:
// "could only quip", "would later say".
func (a *attributor) afterModal(t int) bool {
	l := a.l
	k := t - 1
	if l.isWordTok(k) && (isAdverb(l.word(k)) || speechAdverbs.has(l.word(k)) && !verbLike.has(l.word(k)) || l.word(k) == "only") {
		k--
	}
	return l.isWordTok(k) && modals.has(l.word(k))
}

var modals = toSet(`would could will can may might should must shall did does do`)

// isSpeechParticiple reports whether a word is the -ing form of a speech
// verb: "interjecting", "quipping".
func isSpeechParticiple(lw string) bool {
	if !strings.HasSuffix(lw, "ing") || len(lw) < 6 {
		return false
	}
	stem := strings.TrimSuffix(lw, "ing")
	for _, past := range []string{stem + "ed", stem + "d", stem + stem[len(stem)-1:] + "ed"} {
		if speechVerbs[past] || namingVerbs[past] {
			return true
		}
	}
	if len(stem) > 2 && stem[len(stem)-1] == stem[len(stem)-2] && speechVerbs[stem+"ed"] {
		return true
	}
	return false
}

// coordinated reports whether the verb at token v follows "and" or "but"
// (past adverbs): its subject is the sentence's.
func (a *attributor) coordinated(v, floor int) bool {
	l := a.l
	i := v - 1
	for i >= floor && l.isWordTok(i) && speechAdverbs.has(l.word(i)) {
		i--
	}
	return i >= floor && l.isWordTok(i) && (l.word(i) == "and" || l.word(i) == "but" || l.word(i) == "then")
}

// finalCue finds an attribution that ends the sentence of passage p and
// covers all of it: "Obama “felt a moral obligation” to act, Axelrod
// said." or "…, said RoseAnn DeMoro, executive director of the union."
func (a *attributor) finalCue(p passage) (cue, bool) {
	l := a.l
	open := l.tokenAt(p.open)
	if open >= len(l.toks) {
		return cue{}, false
	}
	s := l.sents[l.toks[open].sent]
	end := s.end
	for end > s.first && l.toks[end-1].kind == tokPunct {
		end--
	}
	// The last commas of the sentence outside quotation marks: "…,” in
	// sharp contrast to past years, says Dante Scala, a political
	// scientist."
	tried := 0
	for c := end - 1; c > open && c >= end-3*phraseWindow && tried < 3; c-- {
		if l.toks[c].kind == tokMark || l.toks[c].passage >= 0 {
			break
		}
		if !l.punct(c, ",") {
			continue
		}
		tried++
		if cu, ok := a.cueAfterComma(c, end); ok {
			return cu, true
		}
	}
	return cue{}, false
}

// cueAfterComma reads ", says NAME" or ", NAME said" after the comma at
// token comma, up to end.
func (a *attributor) cueAfterComma(comma, end int) (cue, bool) {
	l := a.l
	t := comma + 1
	if v, ok := a.cueVerbAt(t); ok {
		if subj, appos, ok := a.subjectAfter(v, end); ok {
			return cue{how: "after", verb: t, subj: subj, appos: appos, text: tokRange{comma, max(subj.end, appos.end)}}, true
		}
		return cue{}, false
	}
	subj, appos, ok := a.subjectAfter(t, end)
	if !ok {
		return cue{}, false
	}
	i := max(subj.end, appos.end)
	for i < end && l.isWordTok(i) && (speechAdverbs.has(l.word(i)) || isAdverb(l.word(i))) {
		i++
	}
	if v, ok := a.cueVerbAt(i); ok {
		return cue{how: "after", verb: i, subj: subj, appos: appos, text: tokRange{comma, v}}, true
	}
	return cue{}, false
}

// colonCue reads the cue of a colon at token c before a passage: the
// speech verb before it in the sentence ("Trump put it this way:"), else
// the name right before it ("Rubio: ‘…’").
func (a *attributor) colonCue(c, floor, open int) (cue, bool) {
	l := a.l
	// "Pollsters agree - Carl Bialik: “…”": a name after a dash right
	// before the colon is the speaker, whatever verb comes before.
	if np, ok := a.npBefore(c-1, floor); ok && a.r.capWord(c-1) && np.first > floor && l.isDashTok(np.first-1) && np.end-np.first <= 4 {
		return cue{how: "colon", verb: c, subj: np, text: tokRange{np.first, c + 1}}, true
	}
	for t := c - 1; t >= floor && t >= c-30; t-- {
		if l.toks[t].passage >= 0 || l.toks[t].kind == tokMark {
			break
		}
		if l.punct(t, ",") && t < c-1 {
			// Only a verb of the clause the colon ends: not "With leaders
			// worried about …, Obama is rolling out a message:".
			break
		}
		if l.isWordTok(t) && participleSpeech.has(l.word(t)) && l.punct(t-1, ",") {
			// "…, reacted to the news, saying:"
			if subj, appos, ok := a.clauseSubject(t, l.sents[l.toks[t].sent]); ok {
				return cue{how: "participle", verb: t, subj: subj, appos: appos, text: tokRange{subj.first, c + 1}}, true
			}
		}
		end, ok := a.cueVerbAt(t)
		if !ok && l.isWordTok(t) && !isUpperStart(l.word(t)) && (statementVerbs.has(l.word(t)) || l.word(t) == "read" || l.word(t) == "reads") {
			end, ok = t+1, true // "Clinton released the following statement:", "Harper's statement read:"
		}
		if !ok && t == c-1 && l.isWordTok(t) && (l.word(t) == "was" || l.word(t) == "is") {
			// "Clinton's response was: “…”"
			if subj, _, found := a.subjectBefore(t, l.sents[l.toks[t].sent].first); found && a.hasSpeechNoun(subj) {
				end, ok = t+1, true
			}
		}
		if ok {
			first := l.sents[l.toks[t].sent].first
			// "Continued Stone: “…”", "In other words, explained CBS
			// moderator Nancy Cordes: “…”": the name after the verb.
			// Not after "told": "Hearne, who represents the ward, told BBC
			// Radio:" names whom he told.
			if subj, appos, ok := a.subjectAfter(end, c); ok && (t == first || l.punct(t-1, ",")) && max(subj.end, appos.end) == c &&
				!addressVerbs.has(l.word(t)) {
				return cue{how: "colon", verb: t, subj: subj, appos: appos, text: tokRange{t, c + 1}}, true
			}
			subj, appos, ok := a.subjectBefore(t, first)
			if ok {
				return cue{how: "colon", verb: t, subj: subj, appos: appos, text: tokRange{subj.first, max(end, c+1)}}, true
			}
			return cue{}, false
		}
	}
	// "Here’s Clinton in December 1992:", "More from Jones:".
	s := l.sents[l.toks[c].sent]
	if k := s.first; k < c && l.isWordTok(k) {
		w := strings.ToLower(strings.ReplaceAll(l.word(k), "’", "'"))
		lead := -1
		switch {
		case w == "here's":
			lead = k + 1
		case w == "here" && l.isWordTok(k+1) && l.word(k+1) == "is":
			lead = k + 2
		case (w == "more" || w == "this") && l.isWordTok(k+1) && l.word(k+1) == "from":
			lead = k + 2
		}
		if lead > 0 {
			if subj, appos, ok := a.subjectAfter(lead, c); ok && a.r.capWord(subj.end-1) {
				return cue{how: "colon", verb: c, subj: subj, appos: appos, text: tokRange{k, c + 1}}, true
			}
		}
	}
	// "Hale's response: “…”", "Clinton's reply:": the owner of the words.
	if c-2 >= s.first && l.isWordTok(c-1) && !isUpperStart(l.word(c-1)) && speechNouns.has(l.word(c-1)) &&
		isPossessive(l.word(c-2)) && a.r.capWord(c-2) {
		if first := a.r.capRunBackward(c-1, max(floor, s.first)); first == s.first {
			return cue{how: "colon", verb: c, subj: tokRange{first, c - 1}, text: tokRange{first, c + 1}}, true
		}
	}
	// "Rubio: ‘…’" or a paragraph of its own, "Trump:": the name must
	// start its sentence and be a name, not "the stage itself:".
	subj, ok := a.npBefore(c-1, floor)
	starts := ok && (subj.first == s.first || subj.first > s.first && l.toks[subj.first-1].kind == tokPunct &&
		isDash(l.word(subj.first-1)))
	if starts && a.r.capWord(c-1) && subj.end-subj.first <= 4 && !a.headlineVerb(c-1) {
		return cue{how: "colon", verb: c, subj: subj, text: tokRange{subj.first, c + 1}}, true
	}
	// "The surge does not surprise Republican pollster Daron Shaw: “…”":
	// a person named in full right before the colon, to check.
	if ok && a.r.capWord(c-1) && c-2 >= floor && a.r.capWord(c-2) && !a.r.titleCase(c) && !a.namedSubject(s, c) {
		name := tokRange{a.r.capRunBackward(c, floor), c}
		if _, np, isName := splitName(a.wordsOf(name)); isName && np.first != "" && a.r.person(np, name.first, false) >= 0 {
			return cue{how: "colon-after-name", verb: c, subj: name, text: tokRange{subj.first, c + 1}}, true
		}
	}
	return cue{}, false
}

// namedSubject reports whether the subject of sentence s (before token c)
// is a name: "Trump praises Boyle: ‘…’" quotes Trump, not Boyle.
func (a *attributor) namedSubject(s sentence, c int) bool {
	subj, _, ok := a.sentenceSubject(s, c)
	return ok && a.r.capWord(subj.end-1)
}

// irregularPast are verbs in the past tense that do not end in "-ed".
var irregularPast = toSet(`said laid told went came took gave made sought brought thought found got held kept left lost
	met paid ran saw sent spoke stood won wrote began became felt fought led meant put read set struck threw
	understood knew grew drew flew rose fell sold bought caught taught built spent withdrew swore tore wore
	broke chose froze hid rode shook stole woke forgave forbade overcame overtook undertook upheld withheld
	sat lay hung shot hit cut let quit bet cast split spread shut beat bit fed fled heard slid sang sank
	swam underwent oversaw overthrew foresaw withstood rebuilt rewrote forgot slept swept wept dealt dug clung
	lent knelt leapt sped spun sprang stuck stung strode strove swung shrank arose awoke mistook outgrew overheard
	overran overrode oversold overspent partook undid`)

// finiteVerb reports whether token t is probably the finite verb of a
// clause: an auxiliary, a speech verb, a known past form, or a lower-case
// word ending in "-ed" or "-s" that names no role or thing we know.
func (a *attributor) finiteVerb(t int) bool {
	l := a.l
	if !l.isWordTok(t) || l.toks[t].passage >= 0 {
		return false
	}
	w := l.word(t)
	if isUpperStart(w) {
		return false
	}
	lw := strings.ToLower(w)
	switch {
	case verbLike[lw] || speechVerbs[lw] || namingVerbs[lw] || irregularPast[lw]:
		return true
	case roleWord(lw) || functionWords[lw] || determiners[lw] || pluralRoles[lw] || genericBodies[lw]:
		return false
	}
	if strings.HasSuffix(lw, "ed") && !roleWord(lw) && !(t > 0 && l.isWordTok(t-1) && determiners.has(l.word(t-1))) {
		return true // "Clinton celebrated", not "the noted author"
	}
	// "Trump then appears": a subject and adverbs before a verb in -s.
	prev := t - 1
	for prev > 0 && prev > t-3 && l.isWordTok(prev) && (speechAdverbs.has(l.word(prev)) && !verbLike.has(l.word(prev)) || isAdverb(l.word(prev))) {
		prev--
	}
	// "The Kessler ad hits": after a noun of a speaker or document, a
	// word in -s that is no such noun itself.
	nounBefore := prev == t-1 && l.isWordTok(prev) && !isUpperStart(l.word(prev)) &&
		(speechNouns.has(l.word(prev)) || personNouns.has(l.word(prev)) && !groupNouns.has(l.word(prev)) || genericBodies.has(l.word(prev))) &&
		!roleWord(strings.TrimSuffix(lw, "s")) && !speechNouns.has(strings.TrimSuffix(lw, "s")) && !genericBodies.has(strings.TrimSuffix(lw, "s"))
	return likelyVerb(lw) || strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss") && !strings.HasSuffix(lw, "us") &&
		!isPossessive(lw) && len(lw) > 3 && prev >= 0 && l.isWordTok(prev) &&
		(isUpperStart(l.word(prev)) && !notNames.has(l.word(prev)) && !nationalities.has(l.word(prev)) ||
			subjectPronouns.has(l.word(prev)) && l.word(prev) != "who" && l.word(prev) != "which" && l.word(prev) != "you" ||
			nounBefore)
}

// clauseSubject returns the subject of the clause a participle or phrase
// at token t hangs from: the subject of the nearest finite verb before it
// in sentence s ("Ryan and Trump will meet, Spicer said, adding “…”" is
// Spicer's), else the sentence's first noun phrase.
func (a *attributor) clauseSubject(t int, s sentence) (tokRange, tokRange, bool) {
	l := a.l
	// "with Trump tweeting that it was a disaster and asking": the
	// participle it is coordinated with has the subject.
	if k := t - 1; strings.HasSuffix(l.word(t), "ing") && l.isWordTok(k) && l.word(k) == "and" {
		for j := k - 1; j > s.first && j > k-cueWindow; j-- {
			if l.toks[j].kind == tokMark || l.toks[j].passage >= 0 || !l.isWordTok(j) {
				continue
			}
			if w := strings.ToLower(l.word(j)); strings.HasSuffix(w, "ing") && (participleSpeech[w] || isSpeechParticiple(w)) {
				return a.clauseSubject(j, s)
			}
		}
	}
	// "with the campaign of the former senator saying", "footage of
	// Trump saying", "the ad shows Clinton asking": the phrase the
	// participle follows is its subject.
	if np, ok := a.npBefore(t-1, s.first); ok && strings.HasSuffix(l.word(t), "ing") {
		for k := np.end - 2; k >= np.first; k-- {
			if w := l.word(k); showingWords.has(w) && w != "of" && w != "with" {
				np.first = k + 1 // "The ad shows Governor Moss saying"
				break
			}
		}
		if np.first > s.first && l.isWordTok(np.first-1) && showingWords.has(l.word(np.first-1)) {
			return np, tokRange{}, true
		}
	}
	// The subject of the nearest speech verb before it, else of the
	// nearest verb: "Cuban complained that Cruz is too principled,
	// suggesting …" is Cuban's.
	for _, speech := range []bool{true, false} {
		for v := t - 1; v >= s.first && v > t-cueWindow; v-- {
			if l.toks[v].passage >= 0 || l.toks[v].kind == tokMark {
				continue
			}
			if speech {
				if _, ok := a.cueVerbAt(v); !ok {
					continue
				}
			} else if !a.finiteVerb(v) {
				continue
			}
			if subj, appos, ok := a.subjectBefore(v, s.first); ok {
				if k := subj.first - 1; k >= s.first && l.isWordTok(k) && complementizers.has(l.word(k)) {
					// "Putin came close to an admission that Russian
					// soldiers had fought, saying …": the participle hangs
					// from the main clause, not the clause after "that".
					v = subj.first
					continue
				}
				return subj, appos, true
			}
			if speech && a.coordinated(v, s.first) {
				return a.sentenceSubject(s, v)
			}
		}
	}
	return a.sentenceSubject(s, t)
}

// complementizers start a clause that is the object of a verb or noun.
var complementizers = toSet(`that whether if`)

// statementVerbs put out words a colon introduces.
var statementVerbs = toSet(`released issued sent posted shared published gave delivered offered made put wrote
	tweeted responded replied`)

// sentenceSubject returns the subject of sentence s: the subject of its
// first finite verb before token before, past any opening phrase ("Hours
// later, Trump returned …", "In Des Moines, Iowa, on Sunday, Mrs. Clinton
// sought …").
func (a *attributor) sentenceSubject(s sentence, before int) (tokRange, tokRange, bool) {
	l := a.l
	start := s.first
	for start < before && l.toks[start].kind != tokWord {
		start++
	}
	// "Speaking to MSNBC in New Hampshire, which hosts the next contest,
	// Bush referred …": past the opening phrase and its relative clause.
	skipPast := func(from int) int {
		for i := from; i < before && i < from+2*phraseWindow; i++ {
			if l.toks[i].kind == tokMark {
				// A title in the phrase: "On “Face the Nation,” Sanders
				// said"; its comma may be inside the marks.
				next, ok := l.shortTitleEnd(i)
				if !ok || next >= before {
					return from
				}
				if l.punct(next-2, ",") {
					return next
				}
				i = next - 1
				continue
			}
			if l.punct(i, ",") {
				return i + 1
			}
		}
		return from
	}
	// "Speaking to MSNBC, …" but not "Boreing said …", a name.
	ing := strings.HasSuffix(strings.ToLower(l.word(start)), "ing") && !a.r.knownName(l.word(start)) && !a.finiteVerb(start+1)
	if start < before && l.isWordTok(start) && (openers.has(l.word(start)) || isSpeechParticiple(strings.ToLower(l.word(start))) || ing) {
		start = skipPast(start)
		for start < before && l.isWordTok(start) && (l.word(start) == "which" || l.word(start) == "who" || l.word(start) == "where" ||
			l.word(start) == "when" || l.word(start) == "whose") {
			next := skipPast(start)
			if next == start {
				break
			}
			start = next
		}
	}
	for v := start + 1; v < before && v < start+cueWindow; v++ {
		if l.toks[v].passage >= 0 || l.toks[v].kind == tokMark {
			break
		}
		if a.finiteVerb(v) {
			if subj, appos, ok := a.subjectBefore(v, start); ok {
				return subj, appos, true
			}
			break
		}
	}
	return tokRange{}, tokRange{}, false
}

// openers start a sentence with a phrase before its subject.
var openers = toSet(`in on at after before during asked speaking earlier later last this when while since
	despite amid with without for from by following citing according as although though if once upon
	meanwhile however still then now today yesterday instead indeed hours minutes days weeks months years
	moments shortly soon reached continuing asked responding pressed addressing writing`)

// skipTime skips a time phrase between a subject and its verb, or after
// a verb: "on Monday", "last week", "Tuesday night".
func (a *attributor) skipTime(t, limit int) int {
	l := a.l
	for t < limit && l.isWordTok(t) {
		w := strings.ToLower(l.word(t))
		switch {
		case w == "on" || w == "last" || w == "this" || w == "next" || w == "early" || w == "late" || w == "earlier" || w == "later":
			if t+1 < limit && l.isWordTok(t+1) && isTimeWord(l.word(t+1)) {
				t += 2
				continue
			}
			if w == "earlier" || w == "later" {
				t++
				continue
			}
			return t
		case isTimeWord(w) && !l.punct(t+1, "/"):
			t++ // but "9/11 widow Terry Strada" is no time
		default:
			return t
		}
	}
	return t
}

func isTimeWord(w string) bool {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	return weekdays[lw] != 0 || lw == "sunday" || months[lw] != 0 || lw == "week" || lw == "month" || lw == "year" ||
		lw == "night" || lw == "morning" || lw == "afternoon" || lw == "evening" || lw == "today" ||
		lw == "yesterday" || lw == "weekend" || isDigits(lw)
}

// skipAside skips a description or clause set off by commas, or a
// parenthesis, after a subject: "Trump, who …, said", "Cruz (R-Texas) said".
func (a *attributor) skipAside(i, limit int) int {
	l := a.l
	if l.punct(i, "(") {
		for j := i + 1; j < limit && j < i+phraseWindow; j++ {
			if l.punct(j, ")") {
				i = j + 1
				break
			}
		}
	}
	if l.punct(i, ",") {
		for j := i + 1; j < limit && j < i+2*phraseWindow; j++ {
			if l.toks[j].kind == tokMark {
				// "Bill Eastland, wearing “Ted Cruz” pins, said"
				next, ok := l.shortTitleEnd(j)
				if !ok {
					break
				}
				j = next - 1
				continue
			}
			if l.punct(j, ",") {
				return j + 1
			}
		}
	}
	return i
}

// bodyWord reports whether token t can be a word of a speaker's noun
// phrase: a capitalised word, or a lower-case word that is not a function
// word, verb or adverb.
func (a *attributor) bodyWord(t int) bool {
	l := a.l
	if !l.isWordTok(t) || l.toks[t].passage >= 0 || l.toks[t].end-l.toks[t].start > maxNameWordBytes {
		return false
	}
	w := l.word(t)
	if unicode.IsUpper(firstRune(w)) || unicode.IsDigit(firstRune(w)) {
		if orgNames.has(stripPossessive(w)) || w == "US" {
			return true // "reported Reuters", "Twitter said"
		}
		if notNames.has(w) && t > 0 && a.r.capWordAt(t-1) && a.r.capWordAt(t+1) && l.toks[t-1].sent == l.toks[t].sent {
			return true // "CBS This Morning co-anchor DeMarco Morgan"
		}
		if notNames.has(w) && !functionWords.has(w) && !determiners.has(w) && !speechVerbs.has(w) &&
			(a.r.capWordAt(t+1) || t > 0 && a.r.capWordAt(t-1) && l.toks[t-1].sent == l.toks[t].sent) {
			return true // "New York City Public Advocate", "Judicial Watch president"
		}
		return !notNames.has(w) || titleWords.has(w) || honorific(w) || groupNouns.has(w)
	}
	lw := strings.ToLower(w)
	if functionWords[lw] || speechVerbs[lw] || verbLike[lw] || participleSpeech[lw] || namingVerbs[lw] {
		return false
	}
	if strings.HasSuffix(lw, "ly") && !personNouns[lw] {
		return false
	}
	return true
}

// clauseWord reports whether a lower-case word is a verb or adverb that
// ends a noun phrase read backwards: "echoing some commentators",
// "relayed the exchange", "now a senior fellow".
func clauseWord(w string) bool {
	if isUpperStart(w) {
		return false
	}
	lw := strings.ToLower(w)
	return strings.HasSuffix(lw, "ing") && len(lw) > 5 && !personNouns[lw] && !titleWords[lw] || likelyVerb(lw) ||
		isAdverb(lw) || moreAdverbs[lw]
}

// isAdverb reports whether a lower-case word is an adverb that may stand
// between a subject and its verb: "Gorka similarly warned".
func isAdverb(w string) bool {
	if isUpperStart(w) {
		return false
	}
	lw := strings.ToLower(w)
	return strings.HasSuffix(lw, "ly") && len(lw) > 4 && !personNouns[lw] && !speechNouns[lw] && !groupNouns[lw] &&
		!orgWords[lw] && !lyNouns[lw] || moreAdverbs[lw]
}

// lyNouns end in "-ly" and are no adverbs.
var lyNouns = toSet(`family supply ally rally assembly july italy anomaly monopoly bully belly jelly lily
	folly holly melancholy homily`)

var moreAdverbs = toSet(`now however too instead ultimately eventually initially originally first last once
	nonetheless nevertheless meanwhile soon quickly immediately promptly subsequently later earlier then also`)

// roleWord reports whether a lower-case word names a role, body or group,
// as the words after a name in "Clinton campaign spokesman Brian Fallon".
func roleWord(w string) bool {
	lw := strings.TrimPrefix(strings.ToLower(stripPossessive(w)), "co-")
	return titleWords[lw] || personNouns[lw] || orgWords[lw] || groupNouns[lw]
}

// likelyVerb reports whether a lower-case word is probably a verb in the
// past tense: it ends a subject's noun phrase ("Trump released a new ad").
func likelyVerb(w string) bool {
	lw := strings.ToLower(w)
	if !strings.HasSuffix(lw, "ed") || roleWord(lw) || isUpperStart(w) {
		return false
	}
	switch lw {
	case "retired", "elected", "appointed", "indicted", "unnamed", "embattled", "unidentified", "self-described",
		"so-called", "recorded", "noted", "celebrated", "trusted", "veiled", "respected", "affiliated", "designated":
		return false
	}
	return true
}

// headWord reports whether token t can end a speaker's noun phrase.
func (a *attributor) headWord(t int) bool {
	l := a.l
	if !l.isWordTok(t) {
		return false
	}
	w := stripPossessive(l.word(t))
	if unicode.IsUpper(firstRune(w)) {
		return true
	}
	lw := strings.ToLower(w)
	return personNouns[lw] || orgWords[lw] || groupNouns[lw] || titleWords[lw] || speechNouns[lw] ||
		genericBodies[lw] || pluralRoles[lw]
}

// modifierAlone reports whether token t is a word that only modifies a
// role ("state", "federal") with no role or name after it: "the Norwegians
// state in a filing" has a verb there.
func (a *attributor) modifierAlone(t int) bool {
	l := a.l
	w := strings.ToLower(l.word(t))
	if !titleModifiers[w] || personNouns[w] || orgWords[w] {
		return false
	}
	for k := t + 1; k <= t+2 && l.isWordTok(k); k++ {
		if roleWord(l.word(k)) || a.r.capWord(k) {
			return false // "senior trial counsel Caroline Wolverton"
		}
	}
	return true
}

// subjectAfter reads a speaker's noun phrase starting at token t: a
// pronoun, a name with its titles, or a description ("a Google
// spokesman", "the ministry", "a spokesman for the campaign"), and a name
// set off by commas after a description ("a spokeswoman, Anna White").
func (a *attributor) subjectAfter(t, limit int) (subj, appos tokRange, ok bool) {
	l := a.l
	if t >= limit || !l.isWordTok(t) || l.toks[t].passage >= 0 {
		return subj, appos, false
	}
	if subjectPronouns.has(l.word(t)) && strings.ToLower(l.word(t)) != "who" && strings.ToLower(l.word(t)) != "which" {
		return tokRange{t, t + 1}, appos, true
	}
	if clauseWord(l.word(t)) && !a.r.capWord(t+1) && !(l.isWordTok(t+1) && roleWord(l.word(t+1))) || strings.EqualFold(l.word(t), "that") {
		return subj, appos, false // "…,” echoing some commentators who", but "said undecided voter X"
	}
	i := t
	if determiners.has(l.word(i)) {
		i++
	}
	head := -1
	pp := false
	ppHead := -1   // the head before a prepositional phrase: "a narrator in the council's film"
	named := false // a capitalised word has been read: only nouns of roles may follow
	for i < limit && i < t+phraseWindow {
		switch {
		case a.bodyWord(i) && (!named || isUpperStart(l.word(i)) || roleWord(l.word(i)) && !a.modifierAlone(i) || isDigits(l.word(i)) ||
			speechNouns.has(l.word(i)) && !(i+1 < limit && l.isWordTok(i+1) && speechNouns.has(l.word(i+1))) ||
			i+1 < limit && l.isWordTok(i+1) && roleWord(l.word(i+1)) || a.r.capWord(i+1) && !clauseWord(l.word(i))) &&
			(!likelyVerb(l.word(i)) || a.r.capWord(i+1) || l.isWordTok(i+1) && roleWord(l.word(i+1))):
			// "undecided Republican voter Stephanie Hooton", "Bush
			// speechwriter Noam Neusner": adjectives and roles between names.
			if a.headWord(i) {
				head = i
			}
			w := l.word(i)
			named = named || isUpperStart(w)
			i++
			if isPossessive(w) {
				head, named = -1, false // "Clinton's campaign manager": the head comes after
			}
			continue
		case (!pp || l.word(i) == "of" && isUpperStart(l.word(i-1))) && head >= 0 && l.isWordTok(i) && (l.word(i) == "for" || l.word(i) == "of" || l.word(i) == "at" || l.word(i) == "from" || l.word(i) == "with" || l.word(i) == "in") &&
			(personNouns.has(stripPossessive(l.word(head))) || orgWords.has(l.word(head)) || speechNouns.has(l.word(head)) || titleWords.has(l.word(head))):
			// A second "of" only in a body's name: "Governor of the
			// Reserve Bank of Malawi Chikondi Banda".
			if !pp {
				ppHead = head
			}
			pp, named = true, false
			i++
			if l.isWordTok(i) && determiners.has(l.word(i)) {
				i++
			}
			continue
		case i > t && l.isWordTok(i) && l.word(i) == "and" && a.r.titlesJoined(i):
			i++ // "Deputy Prime Minister and Minister of Foreign Affairs and Expatriates Ayman Safadi"
			continue
		case a.r.particlesEnd(i, limit) > i: // "Jeroen van der Veer"
			i = a.r.particlesEnd(i, limit)
			continue
		case i > t && i+1 < limit && l.punct(i, "/") && isDigits(l.word(i-1)) && l.isWordTok(i+1) && isDigits(l.word(i+1)):
			i++ // "9/11 widow Terry Strada"
			continue
		}
		break
	}
	if pp && ppHead >= 0 && head < ppHead && i-1 > ppHead && l.isWordTok(i-1) {
		head = i - 1 // the phrase runs to the end of its prepositional phrase
	}
	if head < 0 {
		// "the assailant, John McGraw, told …": a description of any
		// noun, and the name set off after it.
		// "Clinton's introducer, actress Jamie Lee Curtis": after a
		// possessive, and past the roles written before the name.
		k := i + 1
		for k < limit && k < i+4 && l.isWordTok(k) && !isUpperStart(l.word(k)) && roleWord(l.word(k)) {
			k++
		}
		if i > t && (determiners.has(l.word(t)) || isPossessive(l.word(t))) && l.punct(i, ",") && a.r.capWord(k) {
			end := a.r.capRunForward(k, limit)
			if _, verb := a.cueVerbAt(end); end-k >= 2 && end-k <= 5 && (end >= limit || l.punct(end, ",") || l.punct(end, ".") || verb) {
				return tokRange{t, i}, tokRange{k, end}, true
			}
		}
		return subj, appos, false
	}
	subj = tokRange{t, head + 1}
	// A name after a description: "a spokeswoman, Anna Richardson White,",
	// "the host, actress Lena Park".
	k := head + 2
	for k < limit && k < head+5 && l.isWordTok(k) && !isUpperStart(l.word(k)) && roleWord(l.word(k)) {
		k++
	}
	if l.punct(head+1, ",") && a.r.capWord(k) && !a.isNameLike(subj) {
		end := a.r.capRunForward(k, limit)
		if _, verb := a.cueVerbAt(end); end-k <= 5 && (end >= limit || !l.isWordTok(end) || verb) {
			appos = tokRange{k, end} // "another friend, Mariam Emara told CNN"
		}
	}
	return subj, appos, true
}

// subjectBefore reads the subject of the speech verb at token v, looking
// back: past adverbs and auxiliaries ("also", "has"), a time ("on
// Monday"), a parenthesis and a description or clause set off by commas
// ("Perry, who hugged Clinton while …, shouted").
func (a *attributor) subjectBefore(v, floor int) (subj, appos tokRange, ok bool) {
	l := a.l
	i := v - 1
	for {
		switch {
		case i >= floor && l.isWordTok(i) && (speechAdverbs.has(l.word(i)) || isAdverb(l.word(i)) || reflexives.has(l.word(i))):
			i-- // "Sanders himself acknowledged"
			continue
		case i >= floor+1 && l.isWordTok(i) && isTimeWord(l.word(i)):
			i--
			if i >= floor && l.isWordTok(i) && (l.word(i) == "on" || l.word(i) == "last" || l.word(i) == "this" || l.word(i) == "late" || l.word(i) == "early") {
				i--
			}
			continue
		case i == v-1 && i >= floor+1 && l.punct(i, ",") && l.punct(i-1, ")"):
			i-- // "Gov. John Kasich (R-Ohio), said": a comma after the party
			continue
		case i >= floor && l.punct(i, ")"):
			j := i - 1
			for j >= floor && j > i-phraseWindow && !l.punct(j, "(") {
				j--
			}
			if j >= floor && l.punct(j, "(") {
				i = j - 1
				continue
			}
		}
		break
	}
	if i < floor {
		return subj, appos, false
	}
	// "Mr. Trump was prompted to say", "she declined to say": the subject
	// of the verb that governs the infinitive.
	if l.isWordTok(i) && l.word(i) == "to" && i-1 > floor && l.isWordTok(i-1) {
		w := strings.ToLower(l.word(i - 1))
		if strings.HasSuffix(w, "ed") && !roleWord(w) || irregularPast[w] || verbLike[w] || w == "wants" || w == "want" || w == "tries" {
			i -= 2
			for i >= floor && l.isWordTok(i) && (verbLike.has(l.word(i)) || speechAdverbs.has(l.word(i)) || isAdverb(l.word(i))) {
				i--
			}
			if i < floor {
				return subj, appos, false
			}
		}
	}
	// An aside between dashes: "John Dickey, the chief executive of Ora
	// Media -- the company that owns the show -- told me".
	dashed := false
	if l.isDashTok(i) {
		j := i
		for j > floor && l.isDashTok(j-1) {
			j--
		}
		k := j - 1
		for k > floor && k > j-3*phraseWindow && !l.isDashTok(k) && l.toks[k].kind != tokMark {
			k--
		}
		if k <= floor || !l.isDashTok(k) {
			return subj, appos, false
		}
		for k > floor && l.isDashTok(k-1) {
			k--
		}
		i, dashed = k, true
	}
	if l.punct(i, ",") || dashed {
		coreBefore := func(c int) (tokRange, bool) {
			k := c - 1
			if l.punct(k, ")") {
				for k > floor && !l.punct(k, "(") && k > c-phraseWindow {
					k--
				}
				k--
			}
			return a.npBefore(k, floor)
		}
		// A relative clause may hold commas of its own: "Swanson, who is
		// a pastor at the church of Elizabeth, Colorado, slammed".
		for c := i - 1; c >= floor && c > i-3*phraseWindow; c-- {
			if l.toks[c].kind == tokMark {
				break
			}
			if l.punct(c, ",") && l.isWordTok(c+1) && (l.word(c+1) == "who" || l.word(c+1) == "whose" || l.word(c+1) == "which") {
				// Not a phrase inside another relative clause: "who
				// heads the Senate Banking Committee, which oversees".
				if core, ok := coreBefore(c); ok && !(core.first > floor && l.isWordTok(core.first-1) && relativeWords.has(l.word(core.first-1))) {
					return core, appos, true
				}
			}
		}
		// The nearest comma before whose phrase reads as an aside.
		for c := i - 1; c >= floor && c > i-3*phraseWindow; c-- {
			if l.toks[c].kind == tokMark {
				// "Ron Ames, wearing “Kessler 2028” pins, said"
				open, ok := l.shortTitleStart(c)
				if !ok {
					break
				}
				c = open
				continue
			}
			if !l.punct(c, ",") {
				continue
			}
			core, ok := coreBefore(c)
			if !ok {
				continue
			}
			aside := tokRange{c + 1, i}
			if a.isAside(aside, core) {
				// "The political advisor to the Minister of Foreign Affairs
				// and Expatriates, Ambassador Ahmed Al-Deek, said": the
				// capitalised end of a portfolio is no name.
				if (!a.isNameLike(core) || a.r.portfolioHead(core.first) >= 0) && a.isNameLike(aside) {
					appos = aside
				}
				return core, appos, true
			}
		}
		if !dashed {
			return subj, appos, false
		}
		i--
	}
	// "A White House official who spoke anonymously to discuss strategy
	// said": a relative clause without commas.
	for w := i; w > floor && w > i-phraseWindow && l.isWordTok(w) && l.toks[w].passage < 0; w-- {
		if strings.EqualFold(l.word(w), "who") {
			// Only the subject of the sentence: not "told a young woman
			// who suggested that …".
			if core, ok := a.npBefore(w-1, floor); ok && a.headWord(core.end-1) && (core.first == floor || l.punct(core.first-1, ",")) {
				return core, appos, true
			}
			break
		}
	}
	subj, ok = a.npBefore(i, floor)
	return subj, appos, ok
}

// npBefore reads a speaker's noun phrase ending at token i, back to floor.
func (a *attributor) npBefore(i, floor int) (tokRange, bool) {
	l := a.l
	if i < floor || !l.isWordTok(i) || l.toks[i].passage >= 0 {
		return tokRange{}, false
	}
	if subjectPronouns.has(l.word(i)) {
		return tokRange{i, i + 1}, true
	}
	if !a.headWord(i) {
		return tokRange{}, false
	}
	if isPossessive(l.word(i)) {
		// Only a place: "a nurse at St Mary's".
		k := a.r.capRunBackward(i+1, floor) - 1
		if k < floor || !l.isWordTok(k) || (l.word(k) != "at" && l.word(k) != "of" && l.word(k) != "from" && l.word(k) != "in") {
			return tokRange{}, false
		}
	}
	j := i
	for j-1 >= floor && j-1 > i-phraseWindow {
		k := j - 1
		switch {
		case a.bodyWord(k) && !clauseWord(l.word(k)):
			j = k
			continue
		case l.isWordTok(k) && determiners.has(l.word(k)) && !strings.EqualFold(l.word(k), "that"):
			// "said that the United States is …": "that" starts a clause.
			j = k
		case a.r.isParticle(k) && a.r.particlesEnd(k, k+phraseWindow) > k &&
			(a.r.capWord(particlesStart(a.r, k, floor)-1) || !l.isWordTok(particlesStart(a.r, k, floor)-1)):
			// "Ursula von der Leyen", and "…,” von der Leyen added"
			j = particlesStart(a.r, k, floor)
			continue
		case l.isWordTok(k) && (l.word(k) == "for" || l.word(k) == "of" || l.word(k) == "at" || l.word(k) == "from" || l.word(k) == "in") &&
			k-1 >= floor && l.isWordTok(k-1) && (personNouns.has(l.word(k-1)) || titleWords.has(l.word(k-1)) || speechNouns.has(l.word(k-1)) ||
			a.r.capWord(k-1) && (a.r.capWord(k+1) || l.isWordTok(k+1) && strings.EqualFold(l.word(k+1), "the") && a.r.capWord(k+2))):
			// "Archbishop Aris Shirvanian of the Armenian Patriarchate"
			j = k
			continue
		}
		break
	}
	// Words that start a sentence are not part of the phrase: "But Trump".
	for j < i && l.isWordTok(j) && isUpperStart(l.word(j)) && notNames.has(l.word(j)) && !titleWords.has(l.word(j)) &&
		!honorific(l.word(j)) && !determiners.has(l.word(j)) {
		j++
	}
	return tokRange{j, i + 1}, true
}

// isAside reports whether the tokens of r, set off by commas after the
// phrase core, describe it rather than being a clause of their own: a
// relative clause, an age, a description, or a name after a description.
func (a *attributor) isAside(r tokRange, core tokRange) bool {
	l := a.l
	if r.empty() || !l.isWordTok(r.first) {
		return false
	}
	w := strings.ToLower(l.word(r.first))
	switch {
	case w == "who" || w == "whose" || w == "which" || w == "a" || w == "an" || w == "the" || w == "one" ||
		w == "then" || w == "now" || w == "himself" || w == "herself" || w == "along" || w == "like" ||
		w == "both" || w == "also" || w == "once" || w == "until" || w == "formerly" || w == "in" || w == "speaking" ||
		w == "for" || w == "at" || w == "on" || w == "by" || w == "unlike" || w == "however" || w == "though" ||
		w == "meanwhile" || w == "too" || w == "of" || w == "from" || w == "after" || w == "during" ||
		w == "while" || w == "when" || w == "before" || w == "despite" || w == "amid" || w == "following" ||
		w == "appearing" || w == "visibly" || w == "clearly" || w == "according":
		return true
	case isDigits(w):
		return true // an age: "Smith, 45, said"
	case r.end-r.first <= 8 && l.isWordTok(r.end-1) && roleWord(l.word(r.end-1)) && !isUpperStart(l.word(r.end-1)):
		return true // "Christie, New Jersey's sitting governor, repeated"
	case partyLabelRe.MatchString(l.word(r.first)) && r.end-r.first <= 2:
		return true // "Sen. Ron Johnson, R-Wis., said"
	case a.hasRoleNoun(r) && r.end-r.first <= 12:
		return true // "Mark Mahaney, technology analyst at RBC Capital Markets, agreed"
	case isPossessive(w) || titleWords[w] || personNouns[w] || w == "his" || w == "her" || w == "their" || w == "its" ||
		w == "my" || w == "our":
		return true
	case strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"):
		return true // "Trump, asked about the post, said"
	case a.isNameLike(r) && !a.isNameLike(core):
		return true
	}
	return false
}

// partyLabelRe matches a party and state written after a name: "R-Wis.",
// "D-N.Y.", "I-Vt.".
var partyLabelRe = regexp.MustCompile(`^[RDI]-[A-Z]`)

// hasRoleNoun reports whether the tokens of r hold a lower-case noun of a
// person's role ("analyst", "spokeswoman"), as a description does.
func (a *attributor) hasRoleNoun(r tokRange) bool {
	l := a.l
	for t := r.first; t < r.end; t++ {
		if !l.isWordTok(t) || isUpperStart(l.word(t)) {
			continue
		}
		w := strings.ToLower(l.word(t))
		if personNouns[w] && !groupNouns[w] || titleWords[w] && !titleModifiers[w] && !orgWords[w] {
			return true
		}
	}
	return false
}

// isNameLike reports whether the tokens of r are a run of capitalised
// words (a name, with any title).
func (a *attributor) isNameLike(r tokRange) bool {
	if r.empty() {
		return false
	}
	for t := r.first; t < r.end; t++ {
		if !a.r.capWord(t) && !(a.l.isWordTok(t) && nameParticles.has(a.l.word(t))) {
			return false
		}
	}
	return true
}

// hasSpeechNoun reports whether a noun phrase is a statement, tweet or the
// like.
func (a *attributor) hasSpeechNoun(r tokRange) bool {
	for t := r.first; t < r.end; t++ {
		if a.l.isWordTok(t) && speechNouns.has(stripPossessive(a.l.word(t))) {
			return true
		}
	}
	return false
}

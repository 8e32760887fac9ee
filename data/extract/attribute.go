package extract

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/quoteline/quoteline/data"
)

// attributor finds who spoke each quoted passage of an article.
type attributor struct {
	l *layout
	r *registry
	// resolved are the speakers found so far, as mentions in subject
	// position, so that a later "he said" can refer to them.
	resolved []mention
	// labels counts the paragraphs that open with a speaker's label, up to
	// two; -1 until counted.
	labels int
}

// speaker is who spoke a passage and how that was found.
type speaker struct {
	ent   int    // entity, -1 for none
	title string // the title written with the name at this place
	how   string // Quote.Attribution
	why   string
	sure  bool
	tok   int // where the speaker is named, when found without a cue
}

var noSpeaker = speaker{ent: -1}

// How a speaker was found (Quote.Attribution).
const (
	howNamed       = "named"       // named beside the passage
	howPronoun     = "pronoun"     // "he said", resolved to a person named before
	howDescription = "description" // described, not named ("a Google spokesman"), or a description resolved to a person
	howContinued   = "continued"   // the passage goes on from one whose speaker is known
	howNearby      = "nearby"      // no attribution: the nearest speaker
)

// lookBack is how many passages or mentions a search looks through, so
// that a text without paragraphs (one long line) stays linear.
const lookBack = 50

// officialRoles are the roles "an official" or "the official" may stand for.
var officialRoles = toSet(`official spokesman spokeswoman spokesperson secretary minister adviser advisor aide
	director ambassador envoy officer chief commissioner administrator senator governor mayor president
	representative congressman congresswoman deputy undersecretary chairman chairwoman coordinator
	counselor counsellor diplomat`)

// findQuotes returns the quoted passages of the text of l, in order, with
// their speakers.
func findQuotes(l *layout) []Quote {
	a := &attributor{l: l, r: newRegistry(l), labels: -1}
	return a.run()
}

// passageResult is what the attribution found for one passage.
type passageResult struct {
	keep bool
	sp   speaker
	has  bool // a speaker (or a reason for none) has been found
}

func (a *attributor) run() []Quote {
	l := a.l
	a.describedSpeakers()
	res := make([]passageResult, len(l.passages))
	for i, p := range l.passages {
		if l.paras[p.para].skip != "" || p.para > 0 && looksLikeTitle(l.text, p) {
			continue
		}
		res[i].keep = true
		if lb, ok := a.passageLabel(p); ok && (lb.inPassage || !a.hasAfterCue(p)) {
			if sp := a.labelSpeaker(lb); sp.ent >= 0 {
				res[i].sp, res[i].has = sp, true
				a.remember(sp, lb.first)
				continue
			}
		}
		var c cue
		ok := false
		if open := l.tokenAt(p.open); open > 0 && l.isWordTok(open-1) && namingVerbs.has(l.word(open-1)) {
			// "what Mr. Hedge called “the prior model,” the club charged":
			// the naming verb right before the words is their cue.
			c, ok = a.beforeCue(p)
		}
		if !ok {
			c, ok = a.afterCue(p)
		}
		if !ok {
			c, ok = a.beforeCue(p)
		}
		if !ok {
			c, ok = a.finalCue(p)
		}
		if !ok {
			c, ok = a.signatureCue(p)
		}
		if !ok && p.para == 0 {
			c, ok = a.headlineCue(p)
		}
		if !ok && p.para == 0 {
			if sp, found := a.headlineSubject(p); found {
				res[i].sp, res[i].has = sp, true
				a.remember(sp, sp.tok)
				continue
			}
		}
		if ok {
			sp := a.resolveCue(c, p)
			if sp.ent < 0 && (c.how == "before" || c.how == "participle") {
				// "Obama said it would tell a story, one of “…”": the
				// nearest verb's subject is no one; the quote is part of
				// what the verb before it reports.
				if outer, ok := a.cueBefore(min(c.verb, c.subj.first)); ok {
					if osp := a.resolveCue(outer, p); osp.ent >= 0 {
						sp, c = osp, outer
						sp.sure = false
					}
				}
			}
			if c.how == "colon-after-name" {
				sp.sure = false
			}
			if c.someone && sp.ent < 0 {
				name := lowerFirst(a.phrase(c.subj))
				sp = speaker{ent: a.r.body(name, data.KindUnnamed, c.subj.first), how: howDescription,
					why: a.where(c, p) + "; “" + name + "” is described, not named"}
			}
			if sp.ent >= 0 && a.r.ents[sp.ent].kind == data.KindUnnamed {
				// "said a government official who gave his name as
				// Tabris": the name the described speaker gave.
				if r, found := a.selfNamed(max(c.subj.end, c.appos.end)); found {
					if nsp, ok := a.resolveName(r, a.where(c, p)); ok && nsp.ent >= 0 && a.r.ents[nsp.ent].kind == data.KindPerson {
						nsp.why += "; “" + a.r.ents[sp.ent].name + "” gave that name"
						sp = nsp
					}
				}
			}
			if c.joint && sp.ent >= 0 {
				sp.sure = false
				sp.why += " (the first of two speakers)"
			}
			res[i].sp, res[i].has = sp, true
			a.remember(res[i].sp, c.subj.first)
		}
	}
	// Passages of one sentence share its cue: “A” and “B,” she said.
	for i := len(l.passages) - 2; i >= 0; i-- {
		if res[i].keep && !res[i].has && res[i+1].has && a.sameSentence(i, i+1) {
			res[i].sp, res[i].has = res[i+1].sp, true
		}
	}
	for i, p := range l.passages {
		if !res[i].keep || res[i].has {
			continue
		}
		if isPhrase(l.text, p) && !p.cont {
			// A phrase no speech verb attributes: the words of the
			// sentence's subject ("Clinton decried the GOP for “turning
			// its back”"), or the reporter's own scare quote when short.
			if sp, ok := a.subjectOfPhrase(p); ok {
				res[i].sp, res[i].has = sp, true
				continue
			}
			if doc, ok := a.documentOfPhrase(p); ok {
				// "a plea deal that said he had given officials gifts
				// “in exchange for official acts”": the words are the
				// document's, not those of whoever spoke before.
				res[i].sp, res[i].has = speaker{ent: -1, why: "the words of a document (“…" + doc + "”), not of a person"}, true
				continue
			}
			if words(l.text[p.start:p.end]) <= 2 {
				res[i].keep = false
				continue
			}
		}
		if sp, ok := a.continued(i, res); ok {
			res[i].sp, res[i].has = sp, true
			continue
		}
		res[i].sp, res[i].has = a.nearby(i, res), true
	}
	// A quotation run over several paragraphs is one speaker's: the one its
	// attribution names, in whichever part it stands.
	for i := 0; i < len(l.passages); {
		j := i + 1
		for j < len(l.passages) && l.passages[j].cont {
			j++
		}
		// Each part goes to the nearest attributed part before it (a
		// transcript's labels change speakers within one run of marks),
		// else to the first after it.
		anchored := func(k int) bool {
			return res[k].keep && res[k].sp.ent >= 0 && res[k].sp.how != howContinued && res[k].sp.how != howNearby
		}
		best := -1
		for k := i; k < j; k++ {
			if anchored(k) {
				best = k
				break
			}
		}
		if best >= 0 {
			for k := i; k < j; k++ {
				if anchored(k) {
					best = k
					continue
				}
				if res[k].keep && (res[k].sp.how == howContinued || res[k].sp.how == howNearby || res[k].sp.ent < 0) {
					res[k].sp = a.carry(res[best].sp, "one quotation over several paragraphs, by ")
				}
			}
		}
		i = j
	}
	var out []Quote
	for i, p := range l.passages {
		if !res[i].keep {
			continue
		}
		q := Quote{Text: l.text[p.start:p.end], Start: p.start, End: p.end, Full: isFull(l.text, p),
			Attribution: res[i].sp.how, Why: res[i].sp.why, Confidence: data.ConfidenceCheck}
		if sp := res[i].sp; sp.ent >= 0 {
			e := a.r.ents[sp.ent]
			q.Speaker, q.SpeakerKind = e.name, e.kind
			q.SpeakerTitle = firstNonEmpty(sp.title, e.title)
		}
		if res[i].sp.sure && q.Speaker != "" {
			q.Confidence = data.ConfidenceHigh
		}
		out = append(out, q)
	}
	return out
}

// hasAfterCue reports whether an attribution follows passage p.
func (a *attributor) hasAfterCue(p passage) bool {
	_, ok := a.afterCue(p)
	return ok
}

// describedSpeakers records the people described, not named, as the
// subject of a speech verb anywhere in the text ("One tenant, who asked not
// to be named, said she …"), so that a later "she said" can refer to them.
func (a *attributor) describedSpeakers() {
	l := a.l
	var found []mention
	for t := range l.toks {
		if !l.isWordTok(t) || l.toks[t].passage >= 0 || l.paras[l.sents[l.toks[t].sent].para].skip != "" {
			continue
		}
		w := strings.ToLower(l.word(t))
		if !speechVerbs[w] && !namingVerbs[w] {
			continue
		}
		if _, ok := a.cueVerbAt(t); !ok && !namingVerbs[w] {
			continue
		}
		subj, _, ok := a.subjectBefore(t, l.sents[l.toks[t].sent].first)
		if !ok || subj.end-subj.first < 2 {
			continue
		}
		det := strings.ToLower(l.word(subj.first))
		head := strings.ToLower(l.word(subj.end - 1))
		if det != "a" && det != "an" && det != "one" && det != "another" || !personNouns[head] || groupNouns[head] {
			continue
		}
		name := lowerFirst(a.phrase(subj))
		e := a.r.body(name, data.KindUnnamed, subj.first)
		if g := genderedWords[head]; g != 0 {
			a.r.ents[e].gender = g
		}
		found = append(found, mention{ent: e, tok: subj.first, subject: true})
	}
	a.resolved = append(a.resolved, found...)
}

// isPhrase reports whether a passage is a word or phrase of the reporter's
// sentence rather than a sentence of the speaker's: it starts in lower case
// or is short.
func isPhrase(text string, p passage) bool {
	body := text[p.start:p.end]
	return !unicode.IsUpper(firstRune(body)) || words(body) < 4 && !strings.ContainsAny(body, ".?!")
}

// sameSentence reports whether passages i and j are in one sentence.
func (a *attributor) sameSentence(i, j int) bool {
	l := a.l
	ti, tj := l.tokenAt(l.passages[i].open), l.tokenAt(l.passages[j].open)
	return ti < len(l.toks) && tj < len(l.toks) && l.toks[ti].sent == l.toks[tj].sent
}

// remember records a speaker found at token t for later pronouns.
func (a *attributor) remember(sp speaker, t int) {
	if sp.ent >= 0 {
		a.resolved = append(a.resolved, mention{ent: sp.ent, tok: t, subject: true})
	}
}

// continued gives passage i the speaker of the passage it goes on from:
// the part before it of a quotation run over paragraphs, an earlier
// passage of its paragraph, or the speaker of the paragraph before when
// the passage opens its paragraph.
func (a *attributor) continued(i int, res []passageResult) (speaker, bool) {
	l := a.l
	p := l.passages[i]
	prevSpeaker := func() (speaker, int, bool) {
		for j := i - 1; j >= 0 && j >= i-lookBack; j-- {
			if res[j].has && res[j].keep && res[j].sp.ent >= 0 {
				return res[j].sp, l.passages[j].para, true
			}
			if l.passages[j].para < p.para-1 {
				break
			}
		}
		return speaker{}, 0, false
	}
	if p.cont && i > 0 && res[i-1].has {
		sp := res[i-1].sp
		return a.carry(sp, "goes on from the paragraph before, quoting "), true
	}
	first := l.paras[p.para].firstTok
	open := l.tokenAt(p.open)
	// "Jeb Bush broke down what was wrong to a Dutch paper: “…”": a colon
	// or dash right before the quote hands it to its clause's subject,
	// before any quote earlier in the paragraph.
	if s := l.sents[l.toks[min(open, len(l.toks)-1)].sent]; open > s.first && (l.punct(open-1, ":") || l.isDashTok(open-1)) &&
		!(i > 0 && a.sameSentence(i-1, i)) {
		if sp, ok := a.sentenceBefore(i, open, res); ok && sp.ent >= 0 && a.r.ents[sp.ent].kind == data.KindPerson {
			return sp, true
		}
	}
	sp, para, ok := prevSpeaker()
	if ok && para == p.para {
		return a.carry(sp, "goes on from the quote before it in the paragraph, by "), true
	}
	if open != first || p.para == 0 {
		return a.sentenceBefore(i, open, res)
	}
	// The paragraph before ends with a colon: “Trump put it this way:”.
	if last := first - 1; last >= 0 && l.punct(last, ":") {
		prev := l.paras[p.para-1]
		if c, ok := a.colonCue(last, max(prev.firstTok, last-cueWindow), first); ok {
			sp := a.resolveCue(c, p)
			sp.why = "the paragraph before ends “" + a.excerpt(c.text) + "”"
			return sp, true
		}
		if a.topicHeading(p.para - 1) {
			return a.speakerBeforeHeading(i, res), true
		}
	}
	if sp, ok := a.lastOfParagraph(p.para-1, i, res); ok {
		return sp, true
	}
	return speaker{}, false
}

// selfNameWords may stand between "who gave" and the name given: "who
// gave only his first name, Ali", "who identified herself as Rose".
var selfNameWords = toSet(`his her their only first last full given surname name names himself herself
	themselves by`)

// selfNamed reads, at token t after a described speaker, a relative clause
// giving the speaker's name ("who gave his name as Tabris", "who
// identified herself only as Rose", "who would give only his surname,
// Okoro") and returns the name.
func (a *attributor) selfNamed(t int) (tokRange, bool) {
	l := a.l
	if t < 1 || !l.punct(t, ",") && !l.isWordTok(t) {
		return tokRange{}, false
	}
	if l.punct(t, ",") {
		t++
	}
	if !l.isWordTok(t) || !strings.EqualFold(l.word(t), "who") {
		return tokRange{}, false
	}
	i := t + 1
	if l.isWordTok(i) && (l.word(i) == "would" || l.word(i) == "only") {
		i++
	}
	if !l.isWordTok(i) {
		return tokRange{}, false
	}
	switch strings.ToLower(l.word(i)) {
	case "gave", "gives", "give", "identified", "identifies":
	default:
		return tokRange{}, false
	}
	named := false
	for i++; i < t+10 && l.isWordTok(i) && selfNameWords.has(strings.ToLower(l.word(i))); i++ {
		w := strings.ToLower(l.word(i))
		named = named || w == "name" || w == "names" || w == "surname" || w == "himself" || w == "herself" || w == "themselves"
	}
	if !named || !(l.isWordTok(i) && l.word(i) == "as" || l.punct(i, ",")) {
		return tokRange{}, false
	}
	i++
	end := a.r.capRunForward(i, i+4)
	if end <= i || end < len(l.toks) && l.isWordTok(end) {
		return tokRange{}, false
	}
	return tokRange{i, end}, true
}

// topicWords open the heading of a topic put to a speaker: "About the
// penalty:", "On the transfer window:".
var topicWords = toSet(`about on regarding concerning re asked`)

// maxHeadingWords is the longest topic heading read.
const maxHeadingWords = 30

// topicHeading reports whether paragraph k is a heading of the topic the
// quotes after it answer, as interviews and press conferences are laid out:
// one line without a quotation that opens with "About" or "On" and ends
// with a colon.
func (a *attributor) topicHeading(k int) bool {
	l := a.l
	para := l.paras[k]
	if para.skip != "" || para.endTok-para.firstTok < 2 || para.endTok-para.firstTok > maxHeadingWords || !l.isWordTok(para.firstTok) {
		return false
	}
	for t := para.firstTok; t < para.endTok; t++ {
		if l.toks[t].passage >= 0 || l.toks[t].kind == tokMark {
			return false
		}
		if _, ok := a.cueVerbAt(t); ok {
			return false // "On Friday the chairman told the hearing:" is a cue
		}
	}
	w := l.word(para.firstTok)
	next := para.firstTok + 1
	if l.isWordTok(next) && (determiners.has(l.word(next)) && !strings.EqualFold(l.word(next), "the")) {
		next++ // "On this Monday", "About the"
	}
	if l.isWordTok(next) && isTimeWord(l.word(next)) {
		return false // "On Monday, …:" says when, not what about
	}
	return isUpperStart(w) && topicWords.has(strings.ToLower(w)) && l.punct(para.endTok-1, ":")
}

// speakerBeforeHeading gives passage i, the first after a topic heading,
// the speaker of the last quote before the heading, to check: the heading
// names the topic ("About West Bromwich's penalty:"), not who answers.
func (a *attributor) speakerBeforeHeading(i int, res []passageResult) speaker {
	l := a.l
	p := l.passages[i]
	for j := i - 1; j >= 0 && j >= i-lookBack && l.passages[j].para >= p.para-maxHeadingReach; j-- {
		if sp := res[j].sp; res[j].keep && res[j].has && sp.ent >= 0 && a.r.ents[sp.ent].kind != data.KindState &&
			a.r.ents[sp.ent].kind != data.KindOrganisation {
			sp = a.carry(sp, "answers the topic in the paragraph before, after the quotes of ")
			sp.sure = false
			return sp
		}
	}
	// "Kessler spoke to reporters after the match.\n\nOn the red card:"
	if k := p.para - 2; k >= 0 {
		if sp, ok := a.lastOfParagraph(k, i, res); ok && a.r.ents[sp.ent].kind == data.KindPerson {
			sp.sure = false
			sp.why = "answers the topic in the paragraph before; " + sp.why
			return sp
		}
	}
	return speaker{ent: -1, why: "the paragraph before names a topic, not a speaker"}
}

// maxHeadingReach is how many paragraphs before a topic heading the
// speaker answering it is looked for.
const maxHeadingReach = 8

// sentenceBefore gives a full passage with no cue in the middle of its
// paragraph the speaker of the sentence before it: “Bolton distanced
// himself … “I’m going to support him.”” After a dash or colon it is the
// subject of its own clause: "When Trump wrapped up — “I will fight for
// you!” — the balloons …".
func (a *attributor) sentenceBefore(i, open int, res []passageResult) (speaker, bool) {
	l := a.l
	p := l.passages[i]
	s := l.sents[l.toks[open].sent]
	// "Clinton shared her worry with donors in the Hamptons, “I do not
	// know …”": a full quote after a comma that ends a clause without a
	// speech verb is the clause subject's, to check.
	if open > s.first && (l.isDashTok(open-1) || l.punct(open-1, ":") || l.punct(open-1, ",") && isFull(l.text, p)) {
		if subj, appos, ok := a.clauseSubject(open-1, s); ok {
			sp := a.resolveCue(cue{how: "subject", subj: subj, appos: appos, text: subj}, p)
			if sp.ent >= 0 {
				sp.how, sp.sure = howNearby, false
				sp.why = "no speech verb; the clause is about " + a.r.ents[sp.ent].name
				return sp, true
			}
		}
	}
	if s.first <= l.paras[p.para].firstTok {
		return speaker{}, false
	}
	prev := l.sents[l.toks[s.first-1].sent]
	if open != s.first {
		// "Brill has argued that the law was crippled. As a result,
		// there's still “a very powerful industry …”": reported speech
		// goes on in a sentence that names no one else.
		if _, _, named := a.sentenceSubject(s, open); named || !isPhrase(l.text, p) || l.punct(open-1, ":") {
			return speaker{}, false
		}
		if sp, ok := a.reporterOf(prev, p); ok && a.r.ents[sp.ent].kind == data.KindPerson {
			sp.how, sp.sure = howContinued, false
			sp.why = "no attribution in its sentence; the sentence before reports " + a.r.ents[sp.ent].name + "’s words"
			return sp, true
		}
		return speaker{}, false
	}
	return a.speakerOfSentence(prev, i, res, "goes on from the sentence before, quoting ", "a quote standing alone after a sentence about ")
}

// speakerOfSentence returns who sentence s (before passage i) gives the
// passage: the speaker of the last passage in it, else the person or body
// it is about; why tells which, before the name.
func (a *attributor) speakerOfSentence(s sentence, i int, res []passageResult, whyQuote, whyAbout string) (speaker, bool) {
	l := a.l
	for j := i - 1; j >= 0 && l.passages[j].para == s.para; j-- {
		if l.tokenAt(l.passages[j].open) < s.first {
			break
		}
		if res[j].keep && res[j].has && res[j].sp.ent >= 0 {
			sp := a.carry(res[j].sp, whyQuote)
			sp.sure = false
			return sp, true
		}
	}
	// A sentence that reports someone's words, in whatever place its
	// speech verb stands: "The administration may be reluctant to act,
	// Schiff said." before a quote standing alone is Schiff's.
	if sp, ok := a.reporterOf(s, l.passages[i]); ok {
		sp.how, sp.sure = howContinued, false
		sp.why = "goes on from the sentence before, which reports " + a.r.ents[sp.ent].name + "’s words"
		return sp, true
	}
	subj, appos, ok := a.sentenceSubject(s, s.end)
	if !ok {
		return speaker{}, false
	}
	sp := a.resolveCue(cue{how: "subject", subj: subj, appos: appos, text: subj}, l.passages[i])
	if sp.ent < 0 || a.r.ents[sp.ent].kind == data.KindState {
		return speaker{}, false
	}
	sp.how, sp.sure = howContinued, false
	sp.why = whyAbout + a.r.ents[sp.ent].name
	return sp, true
}

// reporterOf returns who sentence s reports the words of: the subject of
// its first speech verb that has one ("Schiff said", "said Schiff"),
// a person or body; false if it has none.
func (a *attributor) reporterOf(s sentence, p passage) (speaker, bool) {
	l := a.l
	for t := s.first; t < s.end && t < s.first+3*cueWindow; t++ {
		if l.toks[t].passage >= 0 || l.toks[t].kind == tokMark {
			continue
		}
		end, ok := a.cueVerbAt(t)
		if !ok {
			continue
		}
		subj, appos, ok := a.subjectBefore(t, s.first)
		if !ok && l.punct(t-1, ",") && !addressVerbs.has(l.word(t)) {
			// ", said Schiff." ends the clause; ", told the program" has
			// an object, not a subject.
			subj, appos, ok = a.subjectAfter(end, s.end)
			if e := max(subj.end, appos.end); ok && e < s.end && l.isWordTok(e) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		sp := a.resolveCue(cue{how: "subject", subj: subj, appos: appos, text: subj}, p)
		if sp.ent >= 0 && a.r.ents[sp.ent].kind != data.KindState {
			return sp, true
		}
	}
	return speaker{}, false
}

// lastOfParagraph returns who paragraph k (before passage i) ends with: the
// speaker of its last sentence's passage, or the person its last sentence
// is about ("Valastro praised Christie’s leadership …" before a quote
// standing alone).
func (a *attributor) lastOfParagraph(k, i int, res []passageResult) (speaker, bool) {
	l := a.l
	para := l.paras[k]
	if para.skip != "" || para.endTok <= para.firstTok {
		return speaker{}, false
	}
	s := l.sents[l.toks[para.endTok-1].sent]
	return a.speakerOfSentence(s, i, res, "the paragraph before quotes ", "a quote standing alone after a paragraph about ")
}

// carry makes the speaker of a passage that continues another's.
func (a *attributor) carry(sp speaker, why string) speaker {
	if sp.ent < 0 {
		return sp
	}
	return speaker{ent: sp.ent, title: sp.title, how: howContinued, why: why + a.r.ents[sp.ent].name, sure: sp.sure}
}

// nearby gives a full passage with no attribution the last speaker before
// it in its paragraph or the one before, to be checked.
func (a *attributor) nearby(i int, res []passageResult) speaker {
	l := a.l
	p := l.passages[i]
	for j := i - 1; j >= 0 && j >= i-lookBack && l.passages[j].para >= p.para-1; j-- {
		if res[j].keep && res[j].has && res[j].sp.ent >= 0 {
			e := a.r.ents[res[j].sp.ent]
			return speaker{ent: res[j].sp.ent, how: howNearby, why: "no attribution in its sentence; the last speaker before it is " + e.name}
		}
	}
	return speaker{ent: -1, why: "no speaker named in its sentence or the paragraph before"}
}

// subjectOfPhrase gives a quoted phrase that no speech verb attributes to
// the subject of its sentence, when that is a person or body: "Bush
// referred to Rubio as “a bright, charismatic leader”".
func (a *attributor) subjectOfPhrase(p passage) (speaker, bool) {
	l := a.l
	open := l.tokenAt(p.open)
	if open >= len(l.toks) {
		return speaker{}, false
	}
	s := l.sents[l.toks[open].sent]
	subj, appos, ok := a.sentenceSubject(s, open)
	if !ok || subj.end > open {
		return speaker{}, false
	}
	c := cue{how: "subject", subj: subj, appos: appos, text: tokRange{subj.first, subj.end}}
	sp := a.resolveCue(c, p)
	if sp.ent < 0 {
		return speaker{}, false
	}
	sp.sure = false
	return sp, true
}

// documentOfPhrase reports whether the nearest speech verb before phrase
// p in its sentence has a document for its subject ("the report said",
// "a plea deal that said"), and returns the words that say so.
func (a *attributor) documentOfPhrase(p passage) (string, bool) {
	l := a.l
	open := l.tokenAt(p.open)
	if open >= len(l.toks) {
		return "", false
	}
	s := l.sents[l.toks[open].sent]
	for t := open - 1; t > s.first && t >= open-cueWindow; t-- {
		if l.toks[t].kind == tokMark || l.toks[t].passage >= 0 {
			return "", false
		}
		if _, ok := a.cueVerbAt(t); !ok {
			continue
		}
		h := t - 1
		if l.isWordTok(h) && (strings.EqualFold(l.word(h), "that") || strings.EqualFold(l.word(h), "which")) {
			h--
		}
		if !l.isWordTok(h) {
			return "", false
		}
		w := strings.ToLower(l.word(h))
		return a.phrase(tokRange{max(s.first, h-2), t + 1}), speechNouns[w] || documentNouns[w]
	}
	return "", false
}

// signatureCue reads a paragraph of a dash and a name after the passage
// that ends the paragraph before it: "“…”\n- Clinton.".
func (a *attributor) signatureCue(p passage) (cue, bool) {
	l := a.l
	if !p.closed || p.para+1 >= len(l.paras) || l.tokenAt(p.end0)+1 != l.paras[p.para].endTok &&
		!(l.tokenAt(p.end0)+2 == l.paras[p.para].endTok && l.toks[l.paras[p.para].endTok-1].kind == tokPunct) {
		return cue{}, false
	}
	next := l.paras[p.para+1]
	t := next.firstTok
	if t >= next.endTok || !l.isDashTok(t) {
		return cue{}, false
	}
	for t < next.endTok && l.toks[t].kind == tokPunct {
		t++
	}
	end := a.r.capRunForward(t, next.endTok)
	if end == t || end-t > 5 {
		return cue{}, false
	}
	for k := end; k < next.endTok; k++ {
		if l.toks[k].kind != tokPunct {
			return cue{}, false // more than a signature
		}
	}
	return cue{how: "after", verb: next.firstTok, subj: tokRange{t, end}, text: tokRange{next.firstTok, end}}, true
}

// headlineCue reads a headline's "…: White House" as the source of its
// passages.
func (a *attributor) headlineCue(p passage) (cue, bool) {
	l := a.l
	para := l.paras[p.para]
	end := para.endTok
	for end > para.firstTok && l.toks[end-1].kind == tokPunct {
		end--
	}
	for t := end - 1; t > para.firstTok && t >= end-5; t-- {
		if l.punct(t, ":") && l.toks[t].start > p.end0 {
			if subj, _, ok := a.subjectAfter(t+1, end); ok && subj.end == end {
				return cue{how: "headline", verb: t, subj: subj, text: tokRange{t, end}}, true
			}
		}
	}
	return cue{}, false
}

// maxHeadlineName is the most words of a name read at the start of a
// headline or after a quote in one.
const maxHeadlineName = 3

// maxHeadlineToks is the most tokens of a headline read for its subject.
const maxHeadlineToks = 40

// headlineSubject gives a passage of a headline in title case that no
// verb attributes to the person the headline is about, as headlines are
// written: "‘…,’ Howard Dean Tells Convention" is Dean's; "Warren Grills
// Bank Chief: ‘…’" and "Trump Calls Rival ‘…’" are the opening name's.
// The name must be of someone the article names; a headline's capitals
// name no one new. The result is to be checked.
func (a *attributor) headlineSubject(p passage) (speaker, bool) {
	l := a.l
	para := l.paras[p.para]
	open := l.tokenAt(p.open)
	if open >= para.endTok || para.endTok-para.firstTok > maxHeadlineToks {
		return noSpeaker, false
	}
	if !a.r.titleCase(open) {
		return a.ledeReporter(p)
	}
	if p.closed {
		mark := l.tokenAt(p.end0)
		t := mark + 1
		comma := strings.HasSuffix(strings.TrimSpace(l.text[p.start0:p.end0]), ",")
		if l.punct(t, ",") {
			t, comma = t+1, true
		}
		if comma {
			if e, end := a.headlineName(t, para.endTok); e >= 0 {
				why := "the headline: “‘…,’ " + a.excerpt(tokRange{t, min(end+1, para.endTok)}) + " …”"
				return speaker{ent: e, how: howNamed, why: why, tok: t}, true
			}
		}
	}
	t := para.bodyTok
	if e, end := a.headlineName(t, open); e >= 0 {
		why := "the headline’s subject: “" + a.excerpt(tokRange{t, min(end+1, open)}) + " …”"
		return speaker{ent: e, how: howNamed, why: why, tok: t}, true
	}
	return noSpeaker, false
}

// ledeReporter gives a passage of a headline in sentence case, of one
// sentence, to whoever the opening sentence of the story reports: "Flood
// defences 'will not be ready'" over "Work will not be finished before
// winter, the Environment Agency has said." The result is to be checked.
func (a *attributor) ledeReporter(p passage) (speaker, bool) {
	l := a.l
	para := l.paras[p.para]
	if p.para+1 >= len(l.paras) || l.toks[para.firstTok].sent != l.toks[para.endTok-1].sent {
		return noSpeaker, false
	}
	next := l.paras[p.para+1]
	if next.skip != "" || next.endTok <= next.bodyTok {
		return noSpeaker, false
	}
	sp, ok := a.reporterOf(l.sents[l.toks[next.bodyTok].sent], p)
	if !ok {
		return noSpeaker, false
	}
	sp.how, sp.sure = howContinued, false
	sp.why = "a headline’s words; the story’s opening sentence reports " + a.r.ents[sp.ent].name
	return sp, true
}

// headlineName returns the person named by the longest run of up to
// maxHeadlineName capitalised words at token t, before limit, that names
// someone the article already knows, and the run's end; -1 if none does.
func (a *attributor) headlineName(t, limit int) (int, int) {
	l := a.l
	n := 0
	for n < maxHeadlineName && t+n < limit && l.isWordTok(t+n) && l.toks[t+n].passage < 0 && isUpperStart(l.word(t+n)) {
		n++
	}
	for ; n > 0; n-- {
		_, np, ok := splitName(a.wordsOf(tokRange{t, t + n}))
		if !ok {
			continue
		}
		if e := a.r.person(np, t, false); e >= 0 && a.r.ents[e].kind == data.KindPerson && a.namedAfter(e, limit) {
			return e, t + n
		}
	}
	return -1, t
}

// namedAfter reports whether entity e is named at or after token t, among
// the next lookBack*8 mentions: a run of a headline's capitals ("Hillary
// Clinton Speaks") is no one the story names.
func (a *attributor) namedAfter(e, t int) bool {
	ms := a.r.mentions
	for i := a.r.mentionsBefore(t); i < len(ms) && i < a.r.mentionsBefore(t)+lookBack*8; i++ {
		if ms[i].ent == e {
			return true
		}
	}
	return false
}

// resolveCue turns a cue into a speaker: a name into its entity, a
// pronoun into the person it refers to, a description into an unnamed
// speaker or the person it describes.
func (a *attributor) resolveCue(c cue, p passage) speaker {
	where := a.where(c, p)
	if !c.appos.empty() {
		if sp, ok := a.resolveName(c.appos, where); ok {
			sp.title = a.phrase(c.subj)
			return sp
		}
	}
	sp := a.resolveNP(c.subj, c.subj.first, where)
	return sp
}

// where is the first part of an explanation: where the cue is.
func (a *attributor) where(c cue, p passage) string {
	switch c.how {
	case "after", "according":
		// From the end of the words, so that the comma inside the marks
		// shows: “…,” Pence said.
		text := c.text
		if t := a.l.tokenAt(p.end); t < text.first && p.closed {
			text.first = t
			// The quote's own closing mark ends the reader's quotation:
			// no second one after the cue.
			return "after the quote: “…" + a.excerpt(text)
		}
		return "after the quote: “…" + a.excerpt(text) + "”"
	case "headline":
		return "the headline ends “" + a.excerpt(c.text) + "”"
	case "participle":
		return "the sentence’s subject: “" + a.excerpt(c.text) + " …”"
	case "subject":
		return "no speech verb; the sentence’s subject is “" + a.excerpt(c.text) + "”"
	}
	return "before the quote: “" + a.excerpt(c.text) + " …”"
}

// excerpt returns the text of the tokens of r, shortened to about 60
// characters.
func (a *attributor) excerpt(r tokRange) string {
	l := a.l
	if r.empty() || r.end > len(l.toks) {
		return ""
	}
	s := strings.Join(strings.Fields(l.text[l.toks[r.first].start:l.toks[r.end-1].end]), " ")
	if len([]rune(s)) > 60 {
		rs := []rune(s)
		s = string(rs[:28]) + "…" + string(rs[len(rs)-28:])
	}
	return s
}

// wordsOf returns the words of the tokens of r, without possessives.
func (a *attributor) wordsOf(r tokRange) []string {
	ws := make([]string, 0, r.end-r.first)
	for t := r.first; t < r.end; t++ {
		ws = append(ws, stripPossessive(a.l.word(t)))
	}
	return ws
}

// phrase returns the text of the tokens of r.
func (a *attributor) phrase(r tokRange) string {
	if r.empty() {
		return ""
	}
	l := a.l
	return strings.Join(strings.Fields(l.text[l.toks[r.first].start:l.toks[r.end-1].end]), " ")
}

// resolveNP resolves the noun phrase r, found as a speaker at token t.
func (a *attributor) resolveNP(r tokRange, t int, where string) speaker {
	l := a.l
	if r.empty() {
		return noSpeaker
	}
	if r.end-r.first == 1 && subjectPronouns.has(l.word(r.first)) {
		return a.resolvePronoun(strings.ToLower(l.word(r.first)), r.first, where)
	}
	// "one of the former prosecutors for David Petraeus" is a prosecutor,
	// "Sen. Tim Kaine of Virginia" is Tim Kaine, "the Department of
	// Health" and "Secretary of State Madeleine Albright" are names whole.
	pp := -1
	for t := r.first + 1; t < r.end; t++ {
		if w := l.word(t); l.isWordTok(t) && (w == "of" || w == "for" || w == "at" || w == "from" || w == "with" || w == "in") {
			pp = t
			break
		}
	}
	if pp < 0 {
		if unicode.IsUpper(firstRune(stripPossessive(l.word(r.end - 1)))) {
			if sp, ok := a.resolveName(r, where); ok {
				return sp
			}
		}
		return a.resolveDescription(r, where)
	}
	head := tokRange{r.first, pp}
	last := pp - 1
	// "coordinating minister for the economy Airlangga Hartarto": a name
	// after a title and its portfolio, in lower case.
	if cs := a.r.capRunBackward(r.end, r.first); r.end-cs >= 2 && titleHead(strings.ToLower(l.word(last))) && a.r.lowerPortfolio(pp, cs) {
		if sp, ok := a.resolveName(r, where); ok && sp.ent >= 0 && a.r.ents[sp.ent].kind == data.KindPerson {
			return sp
		}
	}
	if !isUpperStart(l.word(last)) || groupNouns.has(l.word(last)) || personNouns.has(l.word(last)) && !titleWords.has(l.word(last)) {
		return a.describe(r, head, where)
	}
	// A person named before the preposition: the rest says where from.
	if sp, ok := a.resolveName(head, where); ok && sp.ent >= 0 && a.r.ents[sp.ent].kind == data.KindPerson &&
		(a.r.ents[sp.ent].first != "" || a.r.ents[sp.ent].confirmed) {
		return sp
	}
	// "Governor of the Bank of England Andrew Bailey", "China's Ministry
	// of Foreign Affairs spokesperson Mao Ning": a name after a title.
	if cs := a.r.capRunBackward(r.end, r.first); a.r.portfolioHead(cs) >= 0 ||
		cs > r.first && l.isWordTok(cs-1) && !isUpperStart(l.word(cs-1)) && titleHead(l.word(cs-1)) {
		if sp, ok := a.resolveName(r, where); ok && sp.ent >= 0 && a.r.ents[sp.ent].kind == data.KindPerson {
			return sp
		}
	}
	// "the Department of Health", "the Royal College of Nursing".
	for t := r.first; t < r.end; t++ {
		if l.isWordTok(t) && isUpperStart(l.word(t)) && orgWords.has(l.word(t)) {
			name := strings.TrimPrefix(strings.TrimPrefix(a.phrase(r), "the "), "The ")
			return speaker{ent: a.r.body(name, data.KindOrganisation, r.first), how: howNamed, why: where, sure: true}
		}
	}
	if sp, ok := a.resolveName(r, where); ok {
		return sp
	}
	if sp, ok := a.resolveName(head, where); ok {
		return sp
	}
	return a.resolveDescription(r, where)
}

// describe resolves a description whose head comes before a preposition,
// "a spokesman for the campaign", as an unnamed speaker or the person it
// describes.
func (a *attributor) describe(r, head tokRange, where string) speaker {
	l := a.l
	hw := strings.ToLower(l.word(head.end - 1))
	if speechNouns[hw] {
		return a.resolveDescription(r, where)
	}
	name := a.phrase(r)
	det := strings.ToLower(l.word(r.first))
	if !personNouns[hw] && !titleWords[hw] && !groupNouns[hw] {
		return speaker{ent: -1, why: where + "; “" + name + "” is not a person or body"}
	}
	if groupNouns[hw] && det != "the" {
		e := a.r.body(lowerFirst(name), data.KindUnnamed, r.first)
		return speaker{ent: e, how: howDescription, why: where + "; “" + lowerFirst(name) + "” are not named", sure: true}
	}
	if det == "the" || det == "his" || det == "her" {
		ws := make([]string, 0, r.end-r.first)
		for t := r.first; t < head.end; t++ {
			ws = append(ws, l.word(t))
		}
		if e := a.byRole(ws, hw, r.first); e >= 0 {
			return speaker{ent: e, how: howDescription, why: where + "; “" + name + "” → " + a.r.ents[e].name + ", the last " + hw + " named"}
		}
	}
	e := a.r.body(lowerFirst(name), data.KindUnnamed, r.first)
	return speaker{ent: e, how: howDescription, why: where + "; the speaker is described, not named", sure: det != "the"}
}

// resolveName resolves a noun phrase that ends in a capitalised word: a
// person's name with its titles, an organisation or a state.
func (a *attributor) resolveName(r tokRange, where string) (speaker, bool) {
	l := a.l
	capStart := a.r.capRunBackward(r.end, r.first)
	if capStart >= r.end {
		return noSpeaker, false
	}
	// "The Red Cross said" at the start of a sentence: "The" is no part
	// of the name.
	afterThe := capStart > r.first && strings.EqualFold(l.word(capStart-1), "the")
	if capStart+1 < r.end && strings.EqualFold(l.word(capStart), "the") {
		capStart++
		afterThe = true
	}
	ws := make([]string, 0, r.end-capStart)
	for t := capStart; t < r.end; t++ {
		ws = append(ws, stripPossessive(l.word(t)))
	}
	if a.r.portfolioHead(capStart) >= 0 {
		// "Minister of Information Jamal Jarrah": the portfolio is the title's.
		if c := portfolioCut(ws, !strings.EqualFold(l.word(capStart-1), "the")); c > 0 {
			ws, capStart, afterThe = ws[c:], capStart+c, false
		}
	}
	whole := a.phrase(r)
	name := strings.TrimPrefix(strings.TrimPrefix(whole, "the "), "The ")
	if kind := bodyKind(ws); kind != "" {
		if capStart > r.first {
			// "the operator Western Isles Shipping": the name alone.
			name = strings.Join(ws, " ")
		}
		e := a.r.body(name, kind, r.first)
		return speaker{ent: e, how: howNamed, why: where, sure: true}, true
	}
	if len(ws) == 1 && (groupNouns.has(ws[0]) || nationalityPlural(ws[0])) {
		// "Republicans said", "the Russians said": people not named.
		e := a.r.body(name, data.KindUnnamed, r.first)
		return speaker{ent: e, how: howDescription, why: where, sure: true}, true
	}
	// "the Post reported", "the Blaze said": one capitalised word after
	// "the" that names no person of the article is a body's name.
	if len(ws) == 1 && afterThe && !isGivenName(ws[0]) && !titleWords.has(ws[0]) && !a.r.knownName(ws[0]) {
		e := a.r.body(ws[0], data.KindOrganisation, r.first)
		return speaker{ent: e, how: howNamed, why: where, sure: true}, true
	}
	// "The American Legion": a capitalised name after "the" is a body's,
	// unless it is a person known by that name.
	if _, known := a.r.persons[strings.ToLower(strings.Join(ws, " "))]; len(ws) > 1 && afterThe && !isGivenName(ws[0]) &&
		!titleWords.has(ws[0]) && !known {
		if _, np, ok := splitName(ws); !ok || a.r.person(np, capStart, false) < 0 {
			e := a.r.body(strings.Join(ws, " "), data.KindOrganisation, r.first)
			return speaker{ent: e, how: howNamed, why: where, sure: true}, true
		}
	}
	title, np, ok := splitName(ws)
	if !ok && len(ws) == 1 && len(a.r.surnames[strings.ToLower(ws[0])]) > 0 {
		// "Cuban said" of Mark Cuban, "Green said" of Joshua Green: a
		// surname that is also a nationality or a word of titles.
		np, ok = nameParts{last: ws[0], words: ws}, true
	}
	if !ok {
		return noSpeaker, false
	}
	pre := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(a.phrase(tokRange{r.first, capStart}), "the "), "a "))
	np.titled = np.titled || pre != ""
	np.speaker = true
	e := a.r.person(np, capStart, true)
	if e < 0 {
		return noSpeaker, false
	}
	ent := a.r.ents[e]
	ent.confirmed = true
	// "Mr." and "Ms." are manners, not a title worth keeping.
	for len(title) > 0 && honorific(title[len(title)-1]) {
		title = title[:len(title)-1]
	}
	t := strings.TrimSpace(pre + " " + strings.Join(title, " "))
	sure := true
	why := where
	if ent.first == "" && len(a.r.surnames[strings.ToLower(ent.last)]) > 1 {
		sure = false
		why += "; “" + ent.last + "” alone is taken to be " + ent.name
	}
	return speaker{ent: e, title: t, how: howNamed, why: why, sure: sure}, true
}

// resolveDescription resolves a noun phrase that describes its speaker:
// "a Google spokesman" is an unnamed speaker of its own; "the NSC
// official" is the person of that role named before; "the ministry" the
// ministry named before; "the Clinton campaign" an organisation.
func (a *attributor) resolveDescription(r tokRange, where string) speaker {
	l := a.l
	ws := make([]string, 0, r.end-r.first)
	for t := r.first; t < r.end; t++ {
		ws = append(ws, l.word(t))
	}
	head := strings.ToLower(stripPossessive(ws[len(ws)-1]))
	det := strings.ToLower(ws[0])
	indefinite := det == "a" || det == "an" || det == "one" || det == "another"
	name := a.phrase(r)
	bare := strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The ")
	hasCap := false
	for _, w := range ws[1:] {
		if isUpperStart(w) {
			hasCap = true
		}
	}
	switch {
	case speechNouns[head] || a.hasSpeechNoun(r):
		// "Trump's statement", "a statement from the ministry": the owner.
		if sp, ok := a.modifierOwner(r, where); ok {
			return sp
		}
		for t := r.first; t < r.end; t++ {
			w := l.word(t)
			if isPossessive(w) && isUpperStart(w) {
				return a.resolveNP(tokRange{a.r.capRunBackward(t+1, r.first), t + 1}, t, where)
			}
			if isPossessive(w) && t > r.first && (orgWords.has(stripPossessive(w)) || personNouns.has(stripPossessive(w))) {
				// "the Trump campaign's website": the campaign's.
				return a.resolveNP(tokRange{r.first, t + 1}, t, where)
			}
			if (w == "from" || w == "by" || w == "of") && t+1 < r.end {
				return a.resolveNP(tokRange{t + 1, r.end}, t+1, where)
			}
		}
		return speaker{ent: -1, why: where + "; whose " + head + " is not said"}
	case orgWords[head] && !personNouns[head]:
		if hasCap || isPossessive(ws[0]) && !determiners.has(ws[0]) {
			e := a.r.body(bare, data.KindOrganisation, r.first)
			return speaker{ent: e, how: howNamed, why: where, sure: true}
		}
		if p := strings.ToLower(ws[0]); p == "his" || p == "her" || p == "their" {
			// "her campaign": the campaign of the person "her" refers to.
			if owner := a.resolvePronoun(map[string]string{"his": "he", "her": "she", "their": "they"}[p], r.first, where); owner.ent >= 0 {
				e := a.r.body(a.r.ents[owner.ent].name+"’s "+strings.Join(ws[1:], " "), data.KindOrganisation, r.first)
				return speaker{ent: e, how: howDescription, why: owner.why + "’s " + strings.Join(ws[1:], " ")}
			}
		}
		if e := a.lastBody(head, r.first); e >= 0 || genericBodies[head] && a.lastAnyBody(r.first) >= 0 {
			if e < 0 {
				e = a.lastAnyBody(r.first)
			}
			return speaker{ent: e, how: howDescription, why: where + "; “" + name + "” → " + a.r.ents[e].name + ", named before"}
		}
		e := a.r.body(lowerFirst(name), data.KindOrganisation, r.first)
		return speaker{ent: e, how: howDescription, why: where + "; “" + name + "” is not named in the article"}
	case genericBodies[head]:
		if e := a.lastAnyBody(r.first); e >= 0 && !isPossessive(ws[0]) {
			return speaker{ent: e, how: howDescription, why: where + "; “" + name + "” → " + a.r.ents[e].name + ", the last body named"}
		}
		e := a.r.body(lowerFirst(name), data.KindOrganisation, r.first)
		return speaker{ent: e, how: howDescription, why: where + "; “" + name + "” is not named in the article"}
	case groupNouns[head] || pluralRoles[head]:
		e := a.r.body(bare, data.KindUnnamed, r.first)
		return speaker{ent: e, how: howDescription, why: where + "; “" + bare + "” are not named", sure: true}
	case personNouns[head] || titleWords[head] && !titleModifiers[head]:
		if indefinite {
			if e, why := a.lede(head, r.first); e >= 0 {
				return speaker{ent: e, how: howDescription, why: where + "; “" + name + "” " + why}
			}
			e := a.r.body(lowerFirst(name), data.KindUnnamed, r.first)
			return speaker{ent: e, how: howDescription, why: where + "; the speaker is described, not named", sure: true}
		}
		if e := a.byRole(ws, head, r.first); e >= 0 {
			return speaker{ent: e, how: howDescription, why: where + "; “" + name + "” → " + a.r.ents[e].name + ", the last " + head + " named"}
		}
		e := a.r.body(lowerFirst(name), data.KindUnnamed, r.first)
		return speaker{ent: e, how: howDescription, why: where + "; “" + name + "” is not named in the article"}
	}
	// "the Heritage Foundation website": the body it belongs to.
	for t := r.first; t < r.end; t++ {
		if !a.r.capWord(t) {
			continue
		}
		end := a.r.capRunForward(t, r.end)
		var run []string
		for k := t; k < end; k++ {
			run = append(run, stripPossessive(l.word(k)))
		}
		if kind := bodyKind(run); kind != "" {
			e := a.r.body(strings.Join(run, " "), kind, t)
			return speaker{ent: e, how: howDescription, why: where + "; “" + name + "” is taken to be " + a.r.ents[e].name + "’s"}
		}
		t = end
	}
	return speaker{ent: -1, why: where + "; “" + name + "” is not a person or body"}
}

// modifierOwner resolves the owner of a document named by a capitalised
// word before it: "the Rove ad", "one Clinton ad", "an FEC opinion" — an
// organisation, state or person the article names, never someone new.
func (a *attributor) modifierOwner(r tokRange, where string) (speaker, bool) {
	l := a.l
	for t := r.first; t < r.end; t++ {
		if isPossessive(l.word(t)) {
			return speaker{}, false // "Trump's first tweet": the possessor
		}
	}
	for t := r.first; t < r.end-1; t++ {
		if !a.r.capWord(t) {
			continue
		}
		end := a.r.capRunForward(t, r.end)
		if end >= r.end || isPossessive(l.word(end-1)) || !speechNouns.has(l.word(r.end-1)) {
			return speaker{}, false
		}
		ws := make([]string, 0, end-t)
		for k := t; k < end; k++ {
			ws = append(ws, l.word(k))
		}
		if kind := bodyKind(ws); kind != "" {
			e := a.r.body(strings.Join(ws, " "), kind, t)
			return speaker{ent: e, how: howDescription, why: where + "; “" + a.phrase(r) + "” is " + a.r.ents[e].name + "’s"}, true
		}
		if _, np, ok := splitName(ws); ok {
			if e := a.r.person(np, t, false); e >= 0 {
				return speaker{ent: e, how: howDescription, why: where + "; “" + a.phrase(r) + "” is " + a.r.ents[e].name + "’s"}, true
			}
		}
		return speaker{}, false
	}
	return speaker{}, false
}

// nationalityPlural reports whether w is the plural of a nationality:
// "Russians", "Americans".
func nationalityPlural(w string) bool {
	lw := strings.ToLower(w)
	return strings.HasSuffix(lw, "s") && nationalities[strings.TrimSuffix(lw, "s")]
}

// lowerFirst writes a description as it reads inside a sentence: "A
// Google spokesman" at the start of one is "a Google spokesman".
func lowerFirst(s string) string {
	f := strings.Fields(s)
	if len(f) > 0 && (determiners.has(f[0]) || groupNouns.has(f[0]) || personNouns.has(f[0]) && !titleWords.has(f[0])) {
		f[0] = strings.ToLower(f[0])
	}
	return strings.Join(f, " ")
}

// lede resolves an official described, not named, in the opening of an
// article ("A White House official said Monday …") to the official named
// in the next paragraphs, as wire copy does.
func (a *attributor) lede(head string, t int) (int, string) {
	l := a.l
	if !officialRoles[head] && head != "official" && !titleWords[head] {
		return -1, ""
	}
	para := l.paras[l.sents[l.toks[t].sent].para]
	k := l.sents[l.toks[t].sent].para
	if k > 2 {
		return -1, ""
	}
	_ = para
	first := a.r.mentionsBefore(t)
	for i := first; i < len(a.r.mentions) && i < first+lookBack; i++ {
		m := a.r.mentions[i]
		mp := l.sents[l.toks[m.tok].sent].para
		if mp > k+2 {
			break
		}
		e := a.r.ents[m.ent]
		if e.kind != data.KindPerson || mp <= k {
			continue
		}
		if e.roles[head] {
			return m.ent, "in the opening is taken to be " + e.name + ", the " + head + " named next"
		}
		if (head == "official" || officialRoles[head]) && rolesMeet(e.roles, officialRoles) {
			return m.ent, "in the opening is taken to be " + e.name + ", the official named next"
		}
	}
	return -1, ""
}

func rolesMeet(a, b set) bool {
	for w := range a {
		if b[w] {
			return true
		}
	}
	return false
}

// byRole finds the person a definite description ("the NSC official",
// "the Republican nominee", "Trump's son") refers to: the last one named
// before t whose titles or description hold the head noun, preferring one
// whose titles also match the other words (an acronym of them counts).
func (a *attributor) byRole(ws []string, head string, t int) int {
	var mods []string
	for _, w := range ws[:len(ws)-1] {
		lw := strings.ToLower(stripPossessive(w))
		if full, ok := roleAbbreviations[lw]; ok {
			lw = full
		}
		if !determiners[lw] && lw != "former" && lw != "then" {
			mods = append(mods, lw)
		}
	}
	if full, ok := roleAbbreviations[head]; ok {
		head = full
	}
	best, fallback := -1, -1
	seen := map[int]bool{}
	a.eachBefore(t, 200, func(m mention) bool {
		if seen[m.ent] {
			return true
		}
		seen[m.ent] = true
		e := a.r.ents[m.ent]
		if e.kind != data.KindPerson {
			return true
		}
		match := e.roles[head] || head == "official" && rolesMeet(e.roles, officialRoles)
		if !match {
			return true
		}
		if fallback < 0 && !partyContradicts(mods, e) {
			fallback = m.ent
		}
		if len(mods) == 0 || modsMatch(mods, e) {
			best = m.ent
			return false
		}
		return true
	})
	if best >= 0 {
		return best
	}
	if len(mods) > 0 {
		// A possessor must match: "Trump's son" is not any son.
		for _, m := range mods {
			if isUpperStart(m) || a.r.surnames[m] != nil {
				return -1
			}
		}
	}
	return fallback
}

// parties are the words of the two US parties; a description of one
// party's candidate is not someone of the other ("the Republican nominee"
// is not Tim Kaine, the Democratic vice presidential nominee).
var parties = map[string]string{"republican": "r", "gop": "r", "democratic": "d", "democrat": "d"}

// partyContradicts reports whether a modifier names a party and e's roles
// name the other one.
func partyContradicts(mods []string, e *entity) bool {
	for _, m := range mods {
		p, ok := parties[m]
		if !ok {
			continue
		}
		for w := range e.roles {
			if q, ok := parties[w]; ok && q != p {
				return true
			}
		}
	}
	return false
}

// modsMatch reports whether every modifier of a description matches the
// roles or surname of e, or an acronym of its title's words.
func modsMatch(mods []string, e *entity) bool {
	initials := ""
	for _, w := range strings.Fields(e.title) {
		if r := firstRune(w); unicode.IsUpper(r) {
			initials += strings.ToLower(string(r))
		}
	}
	for _, m := range mods {
		if e.roles[m] || strings.EqualFold(e.last, m) || strings.EqualFold(e.name, m) ||
			len(m) >= 2 && strings.Contains(initials, m) {
			continue
		}
		return false
	}
	return true
}

// lastBody returns the last organisation named before t whose name holds
// the word head ("the ministry" after "Iran's foreign ministry").
func (a *attributor) lastBody(head string, t int) int {
	found := -1
	a.eachBefore(t, 200, func(m mention) bool {
		e := a.r.ents[m.ent]
		if e.kind == data.KindOrganisation && strings.Contains(strings.ToLower(e.name), head) {
			found = m.ent
			return false
		}
		return true
	})
	if found >= 0 {
		return found
	}
	// "Ukraine's agriculture ministry" written earlier in lower case.
	l := a.l
	for i := t - 1; i >= 0 && i > t-600; i-- {
		if !l.isWordTok(i) || l.toks[i].passage >= 0 || !strings.EqualFold(l.word(i), head) {
			continue
		}
		np, ok := a.npBefore(i, l.sents[l.toks[i].sent].first)
		if !ok || np.first == i {
			continue
		}
		if w := l.word(np.first); isUpperStart(w) || isPossessive(w) {
			name := strings.TrimPrefix(strings.TrimPrefix(a.phrase(np), "the "), "The ")
			return a.r.body(name, data.KindOrganisation, np.first)
		}
	}
	return -1
}

// genericBodies are heads of descriptions that may stand for any
// organisation: "the company said" after "Twitter".
var genericBodies = toSet(`company firm group organization organisation network outlet newspaper paper
	publication channel station corporation business chain retailer bank lender insurer automaker carrier
	airline maker manufacturer developer giant`)

// lastAnyBody returns the last organisation named before t, -1 if none.
func (a *attributor) lastAnyBody(t int) int {
	found := -1
	a.eachBefore(t, 60, func(m mention) bool {
		if a.r.ents[m.ent].kind == data.KindOrganisation {
			found = m.ent
			return false
		}
		return true
	})
	return found
}

// eachBefore calls fn with the mentions (names and resolved speakers)
// before token t, nearest first, at most n of them, until fn returns false.
func (a *attributor) eachBefore(t, n int, fn func(mention) bool) {
	ms, rs := a.r.mentions, a.resolved
	i := sort.Search(len(ms), func(i int) bool { return ms[i].tok >= t }) - 1
	j := sort.Search(len(rs), func(j int) bool { return rs[j].tok >= t }) - 1
	for k := 0; k < n && (i >= 0 || j >= 0); k++ {
		var m mention
		if j < 0 || i >= 0 && ms[i].tok >= rs[j].tok {
			m = ms[i]
			i--
		} else {
			m = rs[j]
			j--
		}
		if !fn(m) {
			return
		}
	}
}

// resolvePronoun finds who a pronoun subject at token t refers to: "he"
// and "she" the nearest person of that gender (or of unknown gender) named
// before in subject position; "it" and "they" the nearest organisation,
// state or group. A pronoun that refers to no one leaves the speaker
// empty.
func (a *attributor) resolvePronoun(p string, t int, where string) speaker {
	l := a.l
	switch p {
	case "i", "we", "you":
		return speaker{ent: -1, why: where + "; “" + p + "” is the writer or someone not named"}
	case "who", "which":
		// "Trump, who said …": the phrase before the comma, past a
		// parenthesis ("Sanders (I-Vt.), who said").
		if l.punct(t-1, ",") {
			s := l.sents[l.toks[t].sent]
			i := t - 2
			if l.punct(i, ")") {
				for i > s.first && !l.punct(i, "(") {
					i--
				}
				i--
			}
			if np, ok := a.npBefore(i, s.first); ok {
				return a.resolveNP(np, np.first, where)
			}
		}
		return speaker{ent: -1, why: where + "; “" + p + "” refers to no one named"}
	case "it", "they":
		sent := l.toks[t].sent
		// "The alliance's military committee condemned the strikes, what
		// it called “…”": a body described as the sentence's subject.
		if p == "it" {
			if subj, appos, ok := a.sentenceSubject(l.sents[sent], t); ok && subj.end <= t && !subjectPronouns.has(a.l.word(subj.first)) {
				if sp := a.resolveCue(cue{how: "subject", subj: subj, appos: appos, text: subj}, passage{}); sp.ent >= 0 {
					if k := a.r.ents[sp.ent].kind; k == data.KindOrganisation || k == data.KindState {
						return speaker{ent: sp.ent, how: howPronoun, why: where + "; it → " + a.r.ents[sp.ent].name + ", the subject of the sentence"}
					}
				}
			}
		}
		// The last body named, unless a body is the subject of this
		// sentence or the one before: "The Security Council condemned
		// North Korea's test, what it called “…”" is the council.
		// "It" that speaks is an organisation before a place: a country
		// or region named since (“…,” it said after "floods in eastern
		// England") does not take the words of the agency the story is
		// about.
		best, subj, org := -1, -1, -1
		a.eachBefore(t, 40, func(m mention) bool {
			e := a.r.ents[m.ent]
			near := sent-l.toks[m.tok].sent <= 1
			if best >= 0 && !near {
				if p == "it" && org < 0 && subj < 0 && a.r.ents[best].kind == data.KindState {
					if e.kind == data.KindOrganisation {
						org = m.ent
						return false
					}
					return true
				}
				return false
			}
			if e.kind == data.KindOrganisation || e.kind == data.KindState || p == "they" && e.kind == data.KindUnnamed && !strings.HasPrefix(e.name, "a ") {
				if best < 0 {
					best = m.ent
				}
				if near && m.subject && !a.possessiveAt(m.tok) {
					subj = m.ent
					return false
				}
			}
			return true
		})
		if best < 0 {
			return speaker{ent: -1, why: where + "; “" + p + "” refers to no body named before"}
		}
		if subj >= 0 && subj != best {
			return speaker{ent: subj, how: howPronoun, why: where + "; " + p + " → " + a.r.ents[subj].name + ", the subject of the sentence"}
		}
		if org >= 0 && subj < 0 {
			return speaker{ent: org, how: howPronoun, why: where + "; " + p + " → " + a.r.ents[org].name + ", the last organisation named (" + a.r.ents[best].name + " is a place)"}
		}
		return speaker{ent: best, how: howPronoun, why: where + "; " + p + " → " + a.r.ents[best].name + ", the last body named"}
	}
	gender := byte('m')
	word, person := "man", "he"
	if p == "she" {
		gender, word, person = 'f', "woman", "she"
	}
	para := l.sents[l.toks[t].sent].para
	best, fallback, unconfirmed := -1, -1, -1
	nearest := false // unconfirmed is nearer than any person of the gender
	unconfirmedTok := -1
	bestSent := -1 // the sentence of best: its main subject, named first, wins
	var rivals []int
	a.eachBefore(t, 120, func(m mention) bool {
		e := a.r.ents[m.ent]
		mp := l.sents[l.toks[m.tok].sent].para
		if para-mp > 8 {
			return false
		}
		if bestSent >= 0 {
			// "Mr. Coll said that Mr. Cohen had …. He went on": the
			// subject of the sentence's main clause, not of the clause
			// inside it.
			if l.toks[m.tok].sent != bestSent {
				return false
			}
			if m.subject && e.kind == data.KindPerson && e.confirmed && (e.gender == 0 || e.gender == gender) && m.ent != best &&
				!a.possessiveAt(m.tok) && !a.inOpener(m.tok) {
				best = m.ent
			}
			return true
		}
		if e.kind == data.KindUnnamed && m.subject && (e.gender == 0 || e.gender == gender) && describedPerson(e.name) {
			if best < 0 && fallback < 0 {
				best = m.ent
				return false
			}
			return true
		}
		if e.kind != data.KindPerson || e.gender != 0 && e.gender != gender {
			return true
		}
		if !e.confirmed {
			if unconfirmed < 0 && m.subject && !a.possessiveAt(m.tok) && l.toks[t].sent-l.toks[m.tok].sent <= 2 && nameLike(e) {
				unconfirmed, unconfirmedTok = m.ent, m.tok
				nearest = best < 0 && fallback < 0
			}
			return true
		}
		if nearest && m.subject && (e.gender == 0 || e.gender == gender) && a.sameClause(m.tok, unconfirmedTok) {
			// "Wang Wenbin noted that East Asia has …": the main clause's
			// subject, named first, is the one meant.
			nearest = false
		}
		if m.subject {
			best, bestSent = m.ent, l.toks[m.tok].sent
			return true
		}
		if fallback < 0 {
			fallback = m.ent
		}
		if !contains(rivals, m.ent) {
			rivals = append(rivals, m.ent)
		}
		return true
	})
	if best < 0 {
		best = fallback
	}
	if unconfirmed >= 0 && (best < 0 || nearest) {
		// The subject named last, whose given name tells no gender, is
		// not passed by for someone named before it ("Bandula
		// Gunawardena said …. “…,” he said"), and not taken for sure.
		e := a.r.ents[unconfirmed]
		why := where + "; " + person + " → " + e.name + ", the last person named (gender not known)"
		if best >= 0 {
			why += "; " + a.r.ents[best].name + " was named before"
		}
		return speaker{ent: unconfirmed, how: howPronoun, why: why}
	}
	if best < 0 {
		return speaker{ent: -1, why: where + "; “" + person + "” with no " + word + " named before it"}
	}
	e := a.r.ents[best]
	sp := speaker{ent: best, how: howPronoun, sure: e.gender == gender}
	switch {
	case e.gender == gender:
		sp.why = where + "; " + person + " → " + e.name + ", the last " + word + " named"
	default:
		sp.why = where + "; " + person + " → " + e.name + ", the last person named (gender not known)"
	}
	for _, r := range rivals {
		if r != best && (a.r.ents[r].gender == gender || a.r.ents[r].gender == 0) {
			sp.sure = false
			sp.why += fmt.Sprintf("; %s was named since", a.r.ents[r].name)
			break
		}
	}
	return sp
}

// sameClause reports whether tokens i < j are in one sentence with no
// comma between them: j is in a clause that i's governs ("Wang Wenbin
// noted that East Asia has …"), not a new one ("One pastor supporting
// Mr. Cruz, Darran Whiting of …, said").
func (a *attributor) sameClause(i, j int) bool {
	l := a.l
	if i >= j || j-i > 3*phraseWindow || l.toks[i].sent != l.toks[j].sent {
		return false
	}
	for k := i; k < j; k++ {
		if l.punct(k, ",") {
			return false
		}
	}
	return true
}

// possessiveAt reports whether the name at token t is a possessive ("Mr.
// Kim's execution"): its owner is not the subject.
func (a *attributor) possessiveAt(t int) bool {
	end := a.r.capRunForward(t, min(len(a.l.toks), t+6))
	return end > t && isPossessive(a.l.word(end-1))
}

// inOpener reports whether token t lies in the opening phrase of its
// sentence, before the comma that ends it: "With a vote for Trump ruled
// out, Cross said".
func (a *attributor) inOpener(t int) bool {
	l := a.l
	s := l.sents[l.toks[t].sent]
	if !l.isWordTok(s.first) || !openers.has(l.word(s.first)) || t-s.first > 3*phraseWindow {
		return false
	}
	for k := s.first; k < t; k++ {
		if l.punct(k, ",") {
			return false
		}
	}
	for k := t; k < s.end && k < t+2*phraseWindow; k++ {
		if l.punct(k, ",") {
			return true
		}
	}
	return false
}

// describedPerson reports whether the name of an unnamed speaker is one
// person ("a guard", "one tenant"), not a group.
func describedPerson(name string) bool {
	f := strings.Fields(name)
	return len(f) > 1 && (f[0] == "a" || f[0] == "an" || f[0] == "one" || f[0] == "another")
}

func contains(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/quoteline/quoteline/data"
)

// entity is a person, organisation, state or described speaker of an
// article. The partial and full names of one person ("Hillary Clinton",
// "Clinton", "Mrs. Clinton", "Secretary Clinton") are one entity;
// "Donald Trump" and "Donald Trump Jr." are two.
type entity struct {
	name string // as first written in full
	kind string // data.KindPerson, KindOrganisation, KindState or KindUnnamed
	// first, last and suffix make a person's name: "Donald", "Trump", "Jr.".
	first, last, suffix string
	gender              byte   // 'm', 'f' or 0 when not known
	title               string // the title first written before the name
	roles               set    // words of the titles and descriptions written with the name
	// confirmed is true for someone known to be a person: a known given
	// name, a title or form of address, or a speaker. Only confirmed
	// people are antecedents of pronouns.
	confirmed bool
	firstTok  int // where the article first names it
	named     int // how often it is named in full or with a title
}

// mention is an entity named (or referred to by a pronoun resolved to it)
// at a token; subject is true when it is the subject of its clause.
type mention struct {
	ent, tok int
	subject  bool
}

// registry holds the entities of an article and where each is named.
type registry struct {
	l        *layout
	ents     []*entity
	persons  map[string]int   // lower-case "first last suffix" -> entity
	surnames map[string][]int // lower-case surname -> people, first named first
	givens   map[string][]int // lower-case given name -> people
	others   map[string]int   // lower-case name of an organisation, state or described speaker -> entity
	mentions []mention        // in text order
	// calledBy is the person a surname alone has meant so far.
	calledBy map[string]int
	pending  []bareName
	// titleCased remembers which paragraphs are in title case.
	titleCased map[int]bool
}

// bareName is a surname or given name written alone, resolved once every
// full name of the article is known.
type bareName struct {
	n          nameParts
	t, end     int
	subject    bool
	titleWords []string
}

// nameParts is a person's name cut from a run of capitalised words.
type nameParts struct {
	first, last, suffix string
	words               []string // the whole name as written, without title
	gender              byte     // from a form of address written before it
	titled              bool     // a title or form of address came before it
	speaker             bool     // the subject of a speech verb
}

// key is the lower-case key of a full name.
func (n nameParts) key() string {
	return strings.ToLower(n.first + " " + n.last + " " + n.suffix)
}

// newRegistry reads every name of the text outside quoted passages, in
// order: the people (with their titles, given names and forms of address),
// organisations and states the attribution will refer to.
func newRegistry(l *layout) *registry {
	r := &registry{l: l, persons: map[string]int{}, surnames: map[string][]int{}, givens: map[string][]int{},
		others: map[string]int{}, calledBy: map[string]int{}, titleCased: map[int]bool{}}
	for _, para := range l.paras {
		if para.skip != "" {
			continue
		}
		for t := para.firstTok; t < para.endTok; {
			if !r.capWord(t) {
				t++
				continue
			}
			end := r.capRunForward(t, para.endTok)
			r.readRun(t, end)
			t = end
		}
	}
	// Names written alone are resolved against every full name: a
	// headline's "Trump" is the Donald Trump of the story.
	for _, b := range r.pending {
		// A word alone names someone the article names in full, or someone
		// with a title ("Sen. Sanders"); "Storm" in a headline names no one.
		e := r.person(b.n, b.t, b.n.titled)
		if e < 0 {
			continue
		}
		for _, w := range b.titleWords {
			r.addRole(r.ents[e], w)
		}
		r.mention(e, b.t, b.end, b.subject)
	}
	sort.SliceStable(r.mentions, func(i, j int) bool { return r.mentions[i].tok < r.mentions[j].tok })
	return r
}

// maxNameWordBytes is the longest word read as part of a name or
// description: longer runs of letters are no one's name, and would make an
// actor's name longer than a document accepts.
const maxNameWordBytes = 64

// capWord reports whether token t is a capitalised word outside quoted
// passages.
func (r *registry) capWord(t int) bool {
	l := r.l
	if !l.isWordTok(t) || l.toks[t].passage >= 0 || t < l.paras[l.sents[l.toks[t].sent].para].bodyTok ||
		l.toks[t].end-l.toks[t].start > maxNameWordBytes {
		return false
	}
	w := l.word(t)
	if !unicode.IsUpper(firstRune(w)) && !arabicArticle(w) {
		return false
	}
	// A headline's capitalised "Is" or "Will" is no part of a name.
	lw := strings.ToLower(w)
	if (functionWords[lw] || verbLike[lw] || speechVerbs[lw]) && lw != "i" && w != "US" && !(isGivenName(w) && !r.capWordAt(t-1)) {
		return false
	}
	return true
}

// arabicArticle reports whether w is a surname written with the Arabic
// article in lower case: "al-Maliki", "el-Sisi".
func arabicArticle(w string) bool {
	for _, p := range []string{"al-", "el-", "al‑", "el‑"} {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" && unicode.IsUpper(firstRune(rest)) {
			return true
		}
	}
	return false
}

// capWordAt reports whether token t is a capitalised word, whatever it is.
func (r *registry) capWordAt(t int) bool {
	return r.l.isWordTok(t) && unicode.IsUpper(firstRune(r.l.word(t)))
}

// datelineEnd returns the token after a paragraph's dateline, as
// "WASHINGTON (AP) —" or "NEW YORK, March 3 (Reuters) -", whose words are
// no one's name, or the paragraph's first token if it has none.
func datelineEnd(l *layout, para paragraph) int {
	t := para.firstTok
	caps, agency := 0, false
	for t < para.endTok && t < para.firstTok+20 {
		w := l.word(t)
		switch {
		case l.toks[t].kind == tokWord && strings.ToUpper(w) == w && unicode.IsLetter(firstRune(w)):
			caps++
		case (caps > 0 || agency) && isDash(w):
			return t + 1
		case w == "(" || w == "/":
			// "(Reuters)", "/PRNewswire/": an agency's mark.
			agency = agency || t+1 < para.endTok && l.isWordTok(t+1)
		case w == "," || w == ")" || w == "." || l.toks[t].kind == tokWord && (caps > 0 || months[strings.ToLower(strings.TrimSuffix(w, "."))] != 0 || isDigits(w) || agency):
			// ", Iowa", "March 3", "Dec 29 (Reuters)"
		default:
			return para.firstTok
		}
		t++
	}
	return para.firstTok
}

// capRunForward returns the end of the run of name words starting at t:
// capitalised words, with particles between them ("Ursula von der
// Leyen"); a possessive word ends the run.
func (r *registry) capRunForward(t, limit int) int {
	l := r.l
	for t < limit {
		switch {
		case r.capWord(t):
			w := l.word(t)
			t++
			if isPossessive(w) {
				return t
			}
		case t > 0 && r.capWord(t-1) && r.particlesEnd(t, limit) > t:
			t = r.particlesEnd(t, limit)
		default:
			return t
		}
	}
	return t
}

// isParticle reports whether token t is a name particle outside a quoted
// passage ("von", "der").
func (r *registry) isParticle(t int) bool {
	l := r.l
	return l.isWordTok(t) && nameParticles.has(l.word(t)) && l.toks[t].passage < 0
}

// particlesEnd returns the end of the particles from t ("van der") when a
// capitalised word follows them before limit, or t.
func (r *registry) particlesEnd(t, limit int) int {
	e := t
	for e < limit && r.isParticle(e) {
		e++
	}
	if e == t || e >= limit || !r.capWord(e) {
		return t
	}
	return e
}

// particlesStart returns the first of the particles that end at token k
// (inclusive), not before floor.
func particlesStart(r *registry, k, floor int) int {
	for k-1 >= floor && r.isParticle(k-1) {
		k--
	}
	return k
}

// capRunBackward returns the start of the run of name words ending at
// end (exclusive), not before floor.
func (r *registry) capRunBackward(end, floor int) int {
	l := r.l
	t := end
	for t > floor {
		switch {
		case r.capWord(t-1) && (t == end || !isPossessive(l.word(t-1))):
			t--
		case t < end && t-1 >= floor && r.isParticle(t-1):
			// "van der" before a capitalised word: back to the word before
			// them, or the name starts with them ("…,” von der Leyen said").
			s := particlesStart(r, t-1, floor)
			if s-1 < floor || !l.isWordTok(s-1) {
				return s
			}
			if !r.capWord(s - 1) {
				return t
			}
			t = s
		default:
			return t
		}
	}
	return t
}

func isPossessive(w string) bool {
	return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "s’") || strings.HasSuffix(w, "s'")
}

// stripPossessive removes "’s" or a final apostrophe from a word.
func stripPossessive(w string) string {
	for _, s := range []string{"’s", "'s", "’", "'"} {
		if strings.HasSuffix(w, s) {
			return strings.TrimSuffix(w, s)
		}
	}
	return w
}

// readRun registers what the run of capitalised words [t, end) names.
func (r *registry) readRun(t, end int) {
	l := r.l
	ws := make([]string, 0, end-t)
	for i := t; i < end; i++ {
		ws = append(ws, stripPossessive(l.word(i)))
	}
	// Words that start a sentence are not part of a name: "But Trump".
	lead := 0
	for lead < len(ws)-1 && notNames.has(ws[lead]) && !honorific(ws[lead]) && !titleWords.has(ws[lead]) {
		lead++
	}
	afterThe := lead > 0 && strings.EqualFold(ws[lead-1], "the") || t > 0 && l.isWordTok(t-1) && strings.EqualFold(l.word(t-1), "the")
	ws, t = ws[lead:], t+lead
	if len(ws) == 1 && notNames.has(ws[0]) && !orgNames.has(ws[0]) {
		return // but "Twitter said" names a company
	}
	// "Minister of Information Jamal Jarrah": the words of the portfolio
	// are the title's, and the name the rest.
	portfolio, head := "", r.portfolioHead(t)
	if head >= 0 {
		if c := portfolioCut(ws, !strings.EqualFold(l.word(t-1), "the")); c > 0 {
			ws, t = ws[c:], t+c
			portfolio = l.text[l.toks[head].start:l.toks[t-1].end]
		}
	}
	if kind := bodyKind(ws); kind != "" {
		r.mention(r.body(strings.Join(ws, " "), kind, t), t, end, r.isSubject(t, end))
		return
	}
	title, np, ok := splitName(ws)
	if !ok {
		if len(ws) == 1 && nationalities.has(ws[0]) {
			// "Cuban said" after "Mark Cuban": known only once every full
			// name is read.
			r.pending = append(r.pending, bareName{n: nameParts{last: ws[0], words: ws}, t: t, end: end, subject: r.isSubject(t, end)})
		}
		return
	}
	// A lower-case title before the run ("campaign chairman John
	// Podesta") tells a person too.
	lowerTitle := t > 0 && l.isWordTok(t-1) && titleWords.has(l.word(t-1)) && !unicode.IsUpper(firstRune(l.word(t-1))) &&
		l.toks[t-1].sent == l.toks[t].sent
	// A name set off after a role: "the museum's director, Camille Roux,",
	// "The Minister of Finance, Wale Edun,", "The Force Spokesman, CSP
	// Jimoh Moshood,".
	appositive := -1
	if t > 1 && l.punct(t-1, ",") && l.isWordTok(t-2) {
		if roleWord(l.word(t-2)) && !isUpperStart(l.word(t-2)) {
			np.titled, appositive = true, t-2
		}
		if h := r.titleChain(t-2, false); h >= 0 {
			np.titled, appositive = true, h
		}
	}
	np.titled = np.titled || lowerTitle || portfolio != ""
	if (lowerTitle || appositive >= 0) && len(title) == 0 && len(np.words) > 2 && rank(np.words[0]) && plainName(np.words[1:]) {
		// "the command spokesperson, ASP Lawan Shiisu,": a rank.
		_, np2, ok2 := splitName(np.words[1:])
		if ok2 {
			title = np.words[:1]
			np2.titled = true
			np = np2
		}
	}
	// "Presumptive GOP nominee Donald Trump": words before a role and a
	// name are the role's, no one's name.
	if l.isWordTok(end) && !isUpperStart(l.word(end)) && roleWord(l.word(end)) && r.capWord(end+1) {
		return
	}
	if r.titleCase(t) && !isGivenName(np.first) {
		return // "Museum Guards Describe Night": a headline's capitals name no one
	}
	if np.first == "" {
		r.pending = append(r.pending, bareName{n: np, t: t + len(title), end: end, subject: r.isSubject(t, end), titleWords: title})
		return
	}
	// Capitalised words that are not known to be a person's ("Trump
	// Tower", "Des Moines") wait until the article makes someone of them.
	if _, known := r.persons[np.key()]; !known && !np.titled && !isGivenName(np.first) {
		// A name of unknown first word is a person's only as the subject
		// of a clause ("Marta Kowalczyk remembered"), and not confirmed; a
		// headline in title case says nothing of the kind.
		// "The Red Cross said": after "the", a body's name.
		if len(np.words) > 3 || !r.isSubject(t, end) || placeLike(np.words) || r.titleCase(t) || afterThe {
			return
		}
	}
	e := r.person(np, t+len(title), true)
	if e < 0 {
		return
	}
	ent := r.ents[e]
	ent.named++
	for _, w := range title {
		r.addRole(ent, w)
	}
	if lowerTitle {
		// "Kremlin spokesman Dmitry Peskov": the title with its body.
		i := t - 1
		for i >= 0 && i >= t-5 && l.isWordTok(i) && l.toks[i].sent == l.toks[t].sent &&
			(titleWords.has(l.word(i)) || personNouns.has(l.word(i)) || r.capWord(i) && !notNames.has(l.word(i))) {
			r.addRole(ent, l.word(i))
			i--
		}
		if ent.title == "" && i+1 < t {
			ent.title = strings.TrimSpace(l.text[l.toks[i+1].start:l.toks[t-1].end] + " " + strings.Join(title, " "))
		}
	}
	if appositive >= 0 {
		// The role's words, back to the start of its noun phrase.
		i := appositive
		for i > 0 && i > appositive-5 && l.isWordTok(i-1) && l.toks[i-1].sent == l.toks[t].sent && roleWord(l.word(i-1)) {
			i--
		}
		for k := i; k < t-1; k++ {
			if l.isWordTok(k) {
				r.addRole(ent, l.word(k))
			}
		}
		if ent.title == "" && appositive < t-2 {
			ent.title = l.text[l.toks[appositive].start:l.toks[t-2].end]
		}
	}
	if ent.title == "" && portfolio != "" {
		ent.title = portfolio
		for _, w := range strings.Fields(portfolio) {
			r.addRole(ent, w)
		}
	}
	if ent.title == "" && len(title) > 0 {
		ent.title = strings.Join(title, " ")
	}
	r.readAppositive(ent, end)
	subj := t
	if portfolio != "" {
		subj = head // the subject is the title with its portfolio and the name
	}
	r.mention(e, t, end, r.isSubject(subj, end))
}

// portfolioHead returns the token of the capitalised title that a run of
// capitalised words at t completes with its portfolio, or -1: "Minister
// of Information Jamal Jarrah", "Governor of the Bank of England Andrew
// Bailey", "Minister of Planning and Development Cooperation Ali Baban".
// An "of" or "for" joins the title to the portfolio.
func (r *registry) portfolioHead(t int) int {
	l := r.l
	if t <= 0 || t >= len(l.toks) || !l.isWordTok(t-1) {
		return -1
	}
	// A capitalised word just before the run would be in it.
	switch strings.ToLower(l.word(t - 1)) {
	case "of", "for", "the", "and":
		return r.titleChain(t-1, true)
	}
	return -1
}

// titleChain returns the token of the title that the words ending at
// token k (inclusive) complete, or -1. With joined, a name follows: the
// title is capitalised and an "of" or "for" joins it to its portfolio
// ("Minister of Information"). Without, a comma follows: the title is
// the word at k ("The Force Spokesman,") or joined to its portfolio in
// any case ("the minister of information,").
func (r *registry) titleChain(k int, joined bool) int {
	l := r.l
	if k < 0 || k >= len(l.toks) {
		return -1
	}
	sent, floor, start, of := l.toks[k].sent, k-12, k, false
	for ; k >= 0 && k >= floor && l.toks[k].sent == sent && l.isWordTok(k) && l.toks[k].passage < 0; k-- {
		w := l.word(k)
		switch lw := strings.ToLower(w); {
		case lw == "of" || lw == "for":
			of = true
		case lw == "the" || lw == "and":
		case titleHead(lw) && (of && (isUpperStart(w) || !joined) || !joined && k == start):
			return k
		case !isUpperStart(w) && !(of && (portfolioWords[lw] || titleWords[lw] || orgWords[lw])):
			return -1
		}
	}
	return -1
}

// titlesJoined reports whether the "and" at token i joins two titles or
// two words of one portfolio, both capitalised: "Deputy Prime Minister
// and Minister of …", "Foreign Affairs and Expatriates".
func (r *registry) titlesJoined(i int) bool {
	l := r.l
	if !r.capWord(i-1) || !r.capWord(i+1) {
		return false
	}
	before, after := strings.ToLower(l.word(i-1)), strings.ToLower(l.word(i+1))
	return (titleWords[before] || portfolioWords[before]) && (titleWords[after] || portfolioWords[after])
}

// lowerPortfolio reports whether the tokens [from, to) are a portfolio
// written in lower case, with at least one word of it: "for the economy".
func (r *registry) lowerPortfolio(from, to int) bool {
	l := r.l
	words := 0
	for k := from; k < to; k++ {
		if !l.isWordTok(k) {
			return false
		}
		switch w := l.word(k); {
		case w == "of" || w == "for" || w == "the" || w == "and":
		case !isUpperStart(w) && (portfolioWords[w] || titleWords[w] || orgWords[w]):
			words++
		default:
			return false
		}
	}
	return words > 0
}

// titleHead reports whether a lower-case word of titles names an office
// held by a person ("minister", "governor", "spokesman"), not a word that
// only modifies one ("foreign", "deputy") or names a body.
func titleHead(lw string) bool {
	return titleWords[lw] && personNouns[lw] && (!titleModifiers[lw] || lw == "chief" || lw == "head") || lw == "secretary-general"
}

// portfolioCut returns how many words at the start of a run of
// capitalised words after a title and its "of" belong to the portfolio,
// leaving a name of two words or more: a known given name starts the
// name ("Cooperation Ali Baban"); else the words of offices, bodies and
// places are the portfolio's, and the first word is in any case
// ("Mahaweli Bandula Gunawardena"). It is 0 when no full name would be
// left ("Foreign Affairs", "State Blinken").
func portfolioCut(ws []string, bare bool) int {
	for g := 0; g < len(ws)-1; g++ {
		if isGivenName(ws[g]) && !portfolioWord(ws[g]) {
			return g
		}
	}
	cut := 0
	for cut < len(ws)-2 && portfolioWord(ws[cut]) {
		cut++
	}
	// A word not known is the portfolio's only straight after "of" ("of
	// the Texas Politics Project" names a body).
	if cut == 0 && len(ws) >= 3 && bare {
		cut = 1
	}
	if cut > 0 && !plainName(ws[cut:]) {
		return 0
	}
	return cut
}

// rank reports whether w is a rank or office written in capitals ("SP",
// "CSP", "IGP"), not a name's initials ("A.E.").
func rank(w string) bool {
	return isAcronym(w) && !strings.Contains(w, ".")
}

// portfolioWord reports whether w is a word of an office's portfolio, a
// body or a place: no part of a person's name.
func portfolioWord(w string) bool {
	return portfolioWords.has(w) || titleWords.has(w) || orgWords.has(w) || states.has(w) || placeWords.has(w) ||
		nationalities.has(w) || notNames.has(w)
}

// personTitle reports whether a title's last word names a person's
// office, so that the words after it are a name even when its given name
// is none the lexicon knows: "Cabinet Spokesman Bandula Gunawardena".
func personTitle(title []string) bool {
	return len(title) > 0 && titleHead(strings.ToLower(title[len(title)-1]))
}

// nameLike reports whether a person that no given name, title or form of
// address confirms has a name of the usual shape: a given name and a
// surname, neither a word of bodies, places or offices, nor in capitals,
// nor a participle ("Bandula Gunawardena", not "Debating Clinton").
func nameLike(e *entity) bool {
	ws := strings.Fields(e.name)
	f := strings.ToLower(e.first)
	return e.first != "" && len(ws) >= 2 && len(ws) <= 3 && !nameParticles.has(f) && plainName(ws) &&
		!functionWords[f] && !prepositions[f] && !(len(f) >= 6 && strings.HasSuffix(f, "ing"))
}

// prepositions that open a sentence before a name ("Like Allen, their
// days begin at 4:30 a.m.") and are no given name.
var prepositions = toSet(`like unlike outside inside near beyond via per toward towards across behind beside
	besides against along alongside around except including regarding concerning following`)

// plainName reports whether the words of a name are none of the words of
// bodies, places, offices and sentences.
func plainName(ws []string) bool {
	for _, w := range ws {
		if portfolioWord(w) || groupNouns.has(w) || isAcronym(w) || !isUpperStart(w) && !nameParticles.has(w) {
			return false
		}
	}
	return true
}

// readAppositive adds the roles of a description set off after a name:
// "Jennifer Palmieri, the campaign's communications director, …".
func (r *registry) readAppositive(ent *entity, end int) {
	l := r.l
	if !l.punct(end, ",") || !l.isWordTok(end+1) {
		return
	}
	first := strings.ToLower(l.word(end + 1))
	if first != "a" && first != "an" && first != "the" && !titleWords.has(first) && !isPossessive(first) {
		return
	}
	for i := end + 1; i < len(l.toks) && i < end+10 && l.isWordTok(i); i++ {
		r.addRole(ent, l.word(i))
	}
}

// roleAbbreviations are the full words of abbreviated titles.
var roleAbbreviations = map[string]string{"sen.": "senator", "sen": "senator", "rep.": "representative",
	"gov.": "governor", "gen.": "general", "lt.": "lieutenant", "col.": "colonel", "capt.": "captain",
	"sgt.": "sergeant", "adm.": "admiral", "maj.": "major", "dr.": "doctor", "prof.": "professor",
	"pres.": "president", "sec.": "secretary", "rev.": "reverend", "gop": "republican", "r": "republican",
	"d": "democrat", "democratic": "democrat", "front-runner": "frontrunner",
	"atty.": "attorney", "asst.": "assistant", "dep.": "deputy", "amb.": "ambassador", "brig.": "brigadier",
	"cpl.": "corporal", "pvt.": "private", "det.": "detective", "insp.": "inspector", "supt.": "superintendent"}

func (r *registry) addRole(e *entity, w string) {
	w = strings.ToLower(stripPossessive(w))
	if full, ok := roleAbbreviations[w]; ok {
		if e.roles == nil {
			e.roles = set{}
		}
		e.roles[w] = true
		w = full
	}
	if e.roles == nil {
		e.roles = set{}
	}
	e.roles[w] = true
	if g := genderedWords[w]; g != 0 && e.gender == 0 && e.kind == data.KindPerson {
		e.gender = g
		e.confirmed = true
	}
	if titleWords[w] || personNouns[w] {
		e.confirmed = true
	}
}

func honorific(w string) bool {
	_, ok := honorifics[strings.ToLower(w)]
	return ok
}

// bodyKind says whether a run of capitalised words names a state or an
// organisation rather than a person: "" if neither.
func bodyKind(ws []string) string {
	joined := strings.ToLower(strings.Join(ws, "-"))
	if len(ws) == 1 && states.has(ws[0]) || multiWordStates[strings.TrimPrefix(joined, "the-")] {
		return data.KindState
	}
	if len(ws) == 1 {
		// A lone capitalised "Department" or "Airline" is a common noun
		// at the start of a headline, not a body's name.
		if orgNames.has(ws[0]) || isAcronym(ws[0]) {
			return data.KindOrganisation
		}
		return ""
	}
	// A name after a title is a person even beside an organisation's
	// words: "National Security Council Spokesman John Kirby".
	// An office held by a person makes a name of two words after it a
	// person's, known given name or not.
	if title, np, ok := splitName(ws); ok && np.titled && (isGivenName(np.first) ||
		np.first != "" && personTitle(title) && plainName(np.words)) {
		return ""
	}
	if len(ws) > 1 && isGivenName(ws[0]) && !orgWords.has(ws[len(ws)-1]) {
		return ""
	}
	for _, w := range ws {
		if orgWords.has(w) {
			return data.KindOrganisation
		}
	}
	return ""
}

// titleCase reports whether the paragraph of token t is written in title
// case, as some headlines are: most of its words capitalised.
func (r *registry) titleCase(t int) bool {
	l := r.l
	k := l.sents[l.toks[t].sent].para
	if v, ok := r.titleCased[k]; ok {
		return v
	}
	para := l.paras[k]
	n, caps := 0, 0
	for i := para.firstTok; i < para.endTok; i++ {
		if l.isWordTok(i) && unicode.IsLetter(firstRune(l.word(i))) {
			n++
			if isUpperStart(l.word(i)) {
				caps++
			}
		}
	}
	v := n >= 4 && caps*10 >= n*7
	r.titleCased[k] = v
	return v
}

// placeLike reports whether a run of capitalised words names a place: a
// US state or a word of places ("New Hampshire", "Des Moines County").
func placeLike(ws []string) bool {
	joined := strings.ToLower(strings.Join(ws, " "))
	if usStates[joined] {
		return true
	}
	for _, w := range ws {
		if placeWords.has(w) {
			return true
		}
	}
	return false
}

var placeWords = toSet(`county city town village street avenue road square park river lake mountain mountains
	valley island islands beach bay coast hills heights district province region state states airport station
	bridge tower hall center centre stadium arena capitol`)

// isAcronym reports whether w is written in capitals, as "FBI" or "DNC".
func isAcronym(w string) bool {
	w = strings.ReplaceAll(w, ".", "")
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '&' {
			return false
		}
	}
	return true
}

// splitName separates the titles and forms of address at the start of a
// run of capitalised words from the name after them: "Vermont Sen. Bernie
// Sanders" is "Vermont Sen." and Bernie Sanders; "Martin Luther King Jr."
// has no title. It is false when no name is left.
func splitName(ws []string) (title []string, n nameParts, ok bool) {
	cut := 0
	for i := len(ws) - 1; i >= 0; i-- {
		lw := strings.ToLower(ws[i])
		if !titleWords[lw] && !honorific(lw) && !strings.Contains(lw, "-of-") && !personNouns[lw] {
			continue
		}
		rest := ws[i+1:]
		named := 0
		for _, w := range rest {
			if !nameSuffixes.has(w) {
				named++
			}
		}
		if named == 0 {
			continue
		}
		// "Angus King", "Frank Bishop": a given name before the title word
		// makes it a surname, unless a form of address comes first.
		if i > 0 && isGivenName(ws[i-1]) && !honorific(ws[i-1]) && !titleWords.has(ws[i-1]) {
			continue
		}
		cut = i + 1
		break
	}
	// A rank in capitals before a name of two words after a title is a
	// title too ("Police Spokesman SP Nihal Perera"), and before a known
	// given name ("DCP Ibrahim Musa"); "RBC Capital Markets" is no name.
	for len(ws)-cut > 2 && rank(ws[cut]) && plainName(ws[cut+1:]) && (cut > 0 || isGivenName(ws[cut+1])) {
		cut++
	}
	title, rest := ws[:cut], ws[cut:]
	for len(rest) > 1 && notNames.has(rest[0]) && !isGivenName(rest[0]) {
		rest = rest[1:]
	}
	if len(rest) == 0 || len(rest) > 5 {
		return nil, nameParts{}, false
	}
	n.words = rest
	n.titled = len(title) > 0
	for _, w := range title {
		if g, ok := honorifics[strings.ToLower(w)]; ok {
			n.gender = g
		}
		if g := genderedWords[strings.ToLower(w)]; g != 0 {
			n.gender = g
		}
	}
	end := len(rest)
	if end > 1 && nameSuffixes.has(rest[end-1]) {
		n.suffix = rest[end-1]
		end--
	}
	n.last = rest[end-1]
	// Particles belong to the surname: "von der Leyen", also when the name
	// starts with them ("von der Leyen added").
	for end-2 >= 0 && nameParticles.has(rest[end-2]) {
		n.last = rest[end-2] + " " + n.last
		end--
	}
	if end > 1 {
		n.first = rest[0]
	}
	named := 0
	for _, w := range rest {
		if !titleWords.has(w) && !notNames.has(w) && !honorific(w) || isGivenName(w) {
			named++
		}
	}
	if named == 0 && !(len(rest) == 1 && len(title) > 0 && honorific(title[len(title)-1])) {
		return nil, nameParts{}, false // "Secretary", "President" alone, but "Ms. White" is a name
	}
	for i, w := range rest {
		// A nationality is a surname after a given name or a form of
		// address ("Mark Cuban", "Mr. English"), not alone, first or
		// after other words ("Cuban officials", "Central European").
		nationality := nationalities.has(w) && len(title) == 0 && (i == 0 || !isGivenName(rest[0]))
		// "Ai Jun": a month's short name after a given name is a name.
		monthWord := i > 0 && months[strings.ToLower(strings.TrimSuffix(w, "."))] != 0 && !strings.HasSuffix(w, ".")
		if notNames.has(w) && !isGivenName(w) && !nameSuffixes.has(w) && !titleWords.has(w) && !monthWord || nationality ||
			groupNouns.has(w) || states.has(w) && len(rest) == 1 {
			return nil, nameParts{}, false
		}
		if !unicode.IsUpper(firstRune(w)) && !nameParticles.has(w) {
			return nil, nameParts{}, false
		}
	}
	return title, n, true
}

// person returns the entity of the person named n at token t, creating it
// when it is new: a full name makes a person of its own; a surname alone
// (or a given name alone) is the person the article has been calling so.
// It returns -1 for a single word that names no one known and is not
// confirmed by a title.
func (r *registry) person(n nameParts, t int, register bool) int {
	if n.first != "" {
		if e, ok := r.persons[n.key()]; ok {
			r.confirm(e, n)
			return e
		}
		// "Hillary Rodham Clinton" is "Hillary Clinton"; a middle
		// initial does not make another person.
		for _, e := range r.surnames[strings.ToLower(n.last)] {
			ent := r.ents[e]
			if strings.EqualFold(ent.first, n.first) && strings.EqualFold(ent.suffix, n.suffix) {
				r.persons[n.key()] = e
				return e
			}
		}
		if !register {
			return -1
		}
		// A surname met alone before its full name (a headline's
		// "Trump" before "Donald Trump") is that person.
		if e, ok := r.persons[strings.ToLower(" "+n.last+" ")]; ok && n.suffix == "" && r.ents[e].first == "" {
			ent := r.ents[e]
			ent.first, ent.name = n.first, strings.Join(n.words, " ")
			r.persons[n.key()] = e
			r.givens[strings.ToLower(n.first)] = append(r.givens[strings.ToLower(n.first)], e)
			r.confirm(e, n)
			return e
		}
		e := r.newPerson(n, t)
		return e
	}
	// A single word: a surname, or a given name used alone.
	w := strings.ToLower(n.last)
	if e := r.bySurname(w, n.gender, t); e >= 0 {
		return e
	}
	if es := r.givens[w]; len(es) > 0 && isGivenName(w) {
		return es[0]
	}
	if e, ok := r.persons[n.key()]; ok {
		r.confirm(e, n)
		return e
	}
	if !register {
		return -1
	}
	if !n.titled && !n.speaker && (isGivenName(n.last) || titleWords.has(n.last) || personNouns.has(n.last)) {
		return -1
	}
	return r.newPerson(n, t)
}

// bySurname chooses among the people of surname w (lower case) the one a
// surname alone means: of the gender asked for, if any; the one the
// article has been calling by this surname, else the one it named first
// (the story's subject: "Clinton" in a story of Hillary Clinton's
// campaign is her, though Bill Clinton is named too, and named in full
// each time for that reason).
func (r *registry) bySurname(w string, gender byte, t int) int {
	if e, ok := r.calledBy[w]; ok && (gender == 0 || r.ents[e].gender == 0 || r.ents[e].gender == gender) {
		return e
	}
	best := -1
	for _, e := range r.surnames[w] {
		ent := r.ents[e]
		if ent.first == "" || gender != 0 && ent.gender != 0 && ent.gender != gender {
			continue
		}
		if best < 0 || ent.firstTok < r.ents[best].firstTok {
			best = e
		}
	}
	if best >= 0 && gender == 0 {
		r.calledBy[w] = best
	}
	return best
}

func (r *registry) newPerson(n nameParts, t int) int {
	e := len(r.ents)
	ent := &entity{name: strings.Join(n.words, " "), kind: data.KindPerson, first: n.first, last: n.last,
		suffix: n.suffix, gender: n.gender, firstTok: t}
	if ent.gender == 0 && n.first != "" {
		ent.gender = givenNameGender(n.first)
	}
	ent.confirmed = n.titled || n.gender != 0 || n.first != "" && isGivenName(n.first)
	r.ents = append(r.ents, ent)
	r.persons[n.key()] = e
	lw := strings.ToLower(n.last)
	r.surnames[lw] = append(r.surnames[lw], e)
	if n.first != "" {
		r.givens[strings.ToLower(n.first)] = append(r.givens[strings.ToLower(n.first)], e)
	}
	return e
}

// confirm records what a new mention of a person tells: a form of
// address gives the gender; a title confirms a person.
func (r *registry) confirm(e int, n nameParts) {
	ent := r.ents[e]
	if ent.gender == 0 && n.gender != 0 {
		ent.gender = n.gender
	}
	if n.titled || n.gender != 0 {
		ent.confirmed = true
	}
}

// body returns the entity of an organisation, state or described speaker
// of the given name, creating it if new.
func (r *registry) body(name, kind string, t int) int {
	// "the Reyes campaign's website": the campaign.
	if f := strings.Fields(name); len(f) > 0 {
		if last := f[len(f)-1]; strings.HasSuffix(last, "’s") || strings.HasSuffix(last, "'s") {
			name = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(name, "’s"), "'s"))
		}
	}
	key := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The "))
	if e, ok := r.others[key]; ok {
		return e
	}
	e := len(r.ents)
	r.ents = append(r.ents, &entity{name: name, kind: kind, firstTok: t, confirmed: true})
	r.others[key] = e
	return e
}

// mention records that entity e is named at tokens [t, end).
func (r *registry) mention(e, t, end int, subject bool) {
	if e < 0 {
		return
	}
	r.mentions = append(r.mentions, mention{ent: e, tok: t, subject: subject})
}

// auxiliaries and other words that follow a subject.
var verbLike = toSet(`is was are were has have had will would can could should may might must did does do
	won't wouldn't can't couldn't didn't doesn't isn't wasn't hasn't hadn't shall need needs`)

// isSubject reports whether the name at tokens [t, end) is the subject of
// its clause: it starts its sentence (after an opening phrase set off by a
// comma), or a verb follows it (after any description set off by commas).
func (r *registry) isSubject(t, end int) bool {
	l := r.l
	s := l.sents[l.toks[t].sent]
	start := s.first
	for start < t && (l.toks[start].kind != tokWord || notNames.has(l.word(start)) && isUpperStart(l.word(start)) &&
		(l.word(start) == "But" || l.word(start) == "And" || l.word(start) == "So" || l.word(start) == "Yet")) {
		start++
	}
	if start == t {
		return true
	}
	if t >= 2 && l.punct(t-1, ",") && t-s.first <= 8 {
		return true
	}
	// "Former Pennsylvania governor Ed Rendell (D) praised": only a title
	// before the name.
	// "Inspector General of police Joseph Boinnet on his part said": a
	// title with its portfolio.
	titled := t-start <= 6 || t-start <= 12 && r.titleChain(t-1, false) >= 0
	for k := start; k < t && titled; k++ {
		w := l.word(k)
		titled = l.isWordTok(k) && (isUpperStart(w) && (!notNames.has(w) || titleWords.has(w)) || roleWord(w) || determiners.has(w) ||
			k > start && (w == "of" || w == "for" || w == "and" || w == "the") || portfolioWords.has(w))
	}
	if titled {
		return true
	}
	i := end
	if l.punct(i, "(") {
		for j := i + 1; j < s.end && j < i+8; j++ {
			if l.punct(j, ")") {
				i = j + 1
				break
			}
		}
	}
	if l.punct(i, ",") {
		// Skip a description set off by commas.
		for j := i + 1; j < s.end && j < i+16; j++ {
			if l.punct(j, ",") {
				i = j + 1
				break
			}
		}
	}
	for i < s.end && l.isWordTok(i) && speechAdverbs.has(l.word(i)) && !verbLike.has(l.word(i)) {
		i++
	}
	if !l.isWordTok(i) {
		return false
	}
	w := strings.ToLower(l.word(i))
	if verbLike[w] || speechVerbs[w] || namingVerbs[w] {
		return true
	}
	return !unicode.IsUpper(firstRune(w)) && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !isPossessive(w) && len(w) > 3)
}

// knownName reports whether w is a surname or given name of someone the
// article names: "Boreing said" is no participle.
func (r *registry) knownName(w string) bool {
	lw := strings.ToLower(stripPossessive(w))
	return len(r.surnames[lw]) > 0 || len(r.givens[lw]) > 0
}

// mentionsBefore returns the index in r.mentions of the first mention at
// or after token t.
func (r *registry) mentionsBefore(t int) int {
	return sort.Search(len(r.mentions), func(i int) bool { return r.mentions[i].tok >= t })
}

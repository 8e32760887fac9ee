package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// passage is the text between a pair of quotation marks in one paragraph:
// the opening mark at [open, start0), the words at [start0, end0), the
// closing mark at [end0, closeEnd). A passage left open at the end of its
// paragraph (as when a quotation runs on in the next paragraph, which by
// convention opens with a mark again) has closed false and ends with the
// paragraph. start and end are the passage without the spaces, commas and
// stops at its edges.
type passage struct {
	open, start0, end0, closeEnd int
	start, end                   int
	para                         int
	closed                       bool
	single                       bool // in single marks (‘…’ or '…')
	// cont is true when the passage continues the one left open at the
	// end of the paragraph before.
	cont bool
}

// mark is a character that may open or close a passage.
type mark struct {
	at, end           int
	double            bool
	canOpen, canClose bool
	// curlyOpen and curlyClose are true for “ and ” used as what they
	// are: an opening and a closing mark.
	curlyOpen, curlyClose bool
}

// appendPassages appends the passages of paragraph k to ps. Marks pair
// within the paragraph: an opening mark with the first closing mark of its
// family (double or single) after it; straight marks open or close by the
// characters around them. Single marks inside double ones (and double
// inside single) are quotations within the quotation, not passages of
// their own. An unpaired single mark is an apostrophe; an unpaired double
// one runs to the end of the paragraph.
func appendPassages(ps []passage, text string, k int, para paragraph) []passage {
	if para.skip != "" && para.skip != "links" {
		return ps
	}
	marks := scanMarks(text, para.start, para.end)
	if len(marks) == 0 {
		return ps
	}
	// next[f][i] is the first mark at or after i of family f (0 single, 1
	// double) that can close a passage; computed backwards, it makes each
	// search for a closing mark a look-up, so a paragraph of unpaired marks
	// stays linear.
	var next [2][]int
	next[0], next[1] = make([]int, len(marks)+1), make([]int, len(marks)+1)
	next[0][len(marks)], next[1][len(marks)] = len(marks), len(marks)
	for i := len(marks) - 1; i >= 0; i-- {
		next[0][i], next[1][i] = next[0][i+1], next[1][i+1]
		if marks[i].canClose {
			next[family(marks[i])][i] = i
		}
	}
	// nextOpen[i] is the first curly opening mark (“) at or after i.
	nextOpen := make([]int, len(marks)+1)
	nextOpen[len(marks)] = len(marks)
	for i := len(marks) - 1; i >= 0; i-- {
		nextOpen[i] = nextOpen[i+1]
		if marks[i].curlyOpen {
			nextOpen[i] = i
		}
	}
	for i := 0; i < len(marks); {
		m := marks[i]
		if !m.canOpen {
			i++
			continue
		}
		j := next[family(m)][i+1]
		// “He calls it “hell” and means it,” she said: a curly quotation
		// inside another written with the same marks, when a closing
		// mark follows the inner one before anything opens again.
		if m.curlyOpen && j < len(marks) && nextOpen[i+1] < j {
			if j2 := next[1][j+1]; j2 < len(marks) && marks[j2].curlyClose && nextOpen[j+1] > j2 && nextOpen[nextOpen[i+1]+1] > j {
				j = j2
			}
		}
		if j < len(marks) {
			if p, ok := makePassage(text, m.at, m.end, marks[j].at, marks[j].end, k, true, !m.double); ok {
				ps = append(ps, p)
			}
			i = j + 1
			continue
		}
		if !m.double {
			i++ // an apostrophe, as in ‘90s
			continue
		}
		end := para.end
		for end > m.end && unicode.IsSpace(rune(text[end-1])) {
			end--
		}
		if p, ok := makePassage(text, m.at, m.end, end, end, k, false, false); ok {
			ps = append(ps, p)
		}
		break
	}
	return ps
}

func family(m mark) int {
	if m.double {
		return 1
	}
	return 0
}

// scanMarks lists the quotation marks of text[from:to] with what each can
// do there.
func scanMarks(text string, from, to int) []mark {
	var out []mark
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(text[i:])
		var prev, next rune = ' ', ' '
		if i > from {
			prev, _ = utf8.DecodeLastRuneInString(text[from:i])
		}
		m := mark{at: i, end: i + n}
		switch r {
		case '“', '„', '«', '»', '”', '"':
			m.double = true
		case '\'':
			if i+1 < to && text[i+1] == '\'' {
				// Two apostrophes stand for a double mark, in some
				// newspapers' copy; of three, the first is a single mark.
				m.double, m.end, n = true, i+2, 2
				if i+2 < to && text[i+2] == '\'' && !unicode.IsSpace(prev) {
					m.double, m.end, n = false, i+1, 1
				}
			}
		case '‘', '’', '‹', '›':
		default:
			i += n
			continue
		}
		if m.end < to {
			next, _ = utf8.DecodeRuneInString(text[m.end:to])
		}
		// Flanking, as in Markdown: a left-flanking mark has no space after
		// it and a space or punctuation before it.
		left := !unicode.IsSpace(next) && (unicode.IsSpace(prev) || isOpenPunct(prev))
		right := !unicode.IsSpace(prev) && !isOpenPunct(prev) && (unicode.IsSpace(next) || isClosePunct(next) || m.end >= to)
		switch {
		case r == '“' || r == '„' || r == '«' || r == '‹':
			m.canOpen = !unicode.IsSpace(next) || r == '«'
			m.canClose = right && r == '“' // “…,“ typed the wrong way round
		case r == '”' || r == '»' || r == '›':
			m.canClose = true
			m.canOpen = left && !right && r == '”'
		case r == '"' || m.double:
			m.canOpen = left || !right
			m.canClose = right || !left
		case r == '‘':
			m.canOpen = !isWordRune(prev) && (unicode.IsLetter(next) || unicode.IsDigit(next))
		case r == '’' || r == '\'':
			m.canClose = !unicode.IsSpace(prev) && !isWordRune(next)
			m.canOpen = r == '\'' && !isWordRune(prev) && unicode.IsLetter(next)
		}
		m.curlyOpen = r == '“' && m.canOpen && !m.canClose
		m.curlyClose = r == '”' && m.canClose && !m.canOpen
		if m.canOpen || m.canClose {
			out = append(out, m)
		}
		i += n
	}
	return out
}

func isOpenPunct(r rune) bool {
	return strings.ContainsRune("([{/:;", r) || strings.ContainsRune(dashes, r)
}

func isClosePunct(r rune) bool {
	return strings.ContainsRune(",.;:!?)]}…/'’\"”", r) || strings.ContainsRune(dashes, r)
}

// maxPassageBytes is the longest passage suggested; longer runs between
// marks are typing errors, not quotations.
const maxPassageBytes = 16 << 10

// makePassage trims the words between the marks: no spaces, and no commas,
// stops or dashes at the end. It is false for marks around nothing that
// has a letter.
func makePassage(text string, open, start0, end0, closeEnd, para int, closed, single bool) (passage, bool) {
	inner := text[start0:end0]
	if len(inner) > maxPassageBytes {
		return passage{}, false // no quotation: a mark left open in a long text
	}
	lead := len(inner) - len(strings.TrimLeft(inner, " \t"))
	body := strings.TrimRight(inner[lead:], " \t,.;:"+dashes)
	if body == "" || !strings.ContainsFunc(body, unicode.IsLetter) {
		return passage{}, false
	}
	return passage{open: open, start0: start0, end0: end0, closeEnd: closeEnd, start: start0 + lead,
		end: start0 + lead + len(body), para: para, closed: closed, single: single}, true
}

// linkContinuations marks the passages that continue one left open at the
// end of the paragraph before: the paragraph starts with an opening mark.
func linkContinuations(l *layout) {
	for i := 1; i < len(l.passages); i++ {
		prev, p := l.passages[i-1], &l.passages[i]
		if prev.closed || prev.single || p.para != prev.para+1 {
			continue
		}
		lead := strings.TrimLeft(l.text[l.paras[p.para].start:p.open], " \t")
		p.cont = lead == ""
	}
}

// words counts the words of s.
func words(s string) int { return len(strings.Fields(s)) }

// isFull reports whether a passage is a quoted sentence or passage rather
// than a word or phrase inside the reporter's own sentence.
func isFull(text string, p passage) bool {
	body := text[p.start:p.end]
	inner := text[p.start0:p.end0]
	return words(body) >= 4 && (unicode.IsUpper(firstRune(body)) || strings.ContainsAny(lastRuneString(strings.TrimRight(inner, " ")), ",.?!"))
}

func lastRuneString(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[len(s)-n:]
}

// smallWords stay in lower case in a title.
var smallWords = toSet(`a an the and or but nor of on in to for at by with from as is are was be vs. vs via
	into over per up out off than that it its de la le von van`)

// looksLikeTitle reports whether a passage is written as the title of a
// show, book, film or law ("Fox News Sunday", "The Art of the Deal"),
// which is not a quotation: every word capitalised but small ones, no
// sentence inside, at most eight words.
func looksLikeTitle(text string, p passage) bool {
	body := text[p.start:p.end]
	ws := strings.Fields(body)
	if len(ws) < 2 || len(ws) > 8 || strings.ContainsAny(body, ",;?!") {
		return false
	}
	for _, w := range ws[:len(ws)-1] {
		if strings.HasSuffix(w, ".") && !isAbbreviation(w) {
			return false // "Like Oakland. Or Ferguson," is two sentences
		}
	}
	caps := 0
	for i, w := range ws {
		w = strings.Trim(w, "“”\"'‘’()")
		if w == "" {
			continue
		}
		r := firstRune(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			caps++
		case i > 0 && smallWords.has(w):
		default:
			return false
		}
	}
	if caps < 2 {
		return false
	}
	// A capitalised sentence of pronouns and verbs is a quotation: "I Am
	// Not Going".
	for _, w := range ws {
		switch strings.ToLower(strings.Trim(w, "“”\"'‘’")) {
		case "i", "we", "you", "i’m", "i'm", "we’re", "we're", "my", "our", "will", "won’t", "won't", "don’t", "don't":
			return false
		}
	}
	return true
}

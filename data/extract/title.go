package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitleRunes is the longest title taken from an article's first line.
const maxTitleRunes = 150

// titleOf makes a title of an article's first line: the line itself when
// short, else its first sentence when that is short enough, else its
// first words up to maxTitleRunes characters, ended by "…".
func titleOf(line string) string {
	line = strings.Join(strings.Fields(line), " ")
	if utf8.RuneCountInString(line) <= maxTitleRunes {
		return line
	}
	// Byte offset of the maxTitleRunes'th character.
	limit, n := 0, 0
	for i := range line {
		if n == maxTitleRunes {
			limit = i
			break
		}
		n++
	}
	head := line[:limit]
	// The first sentence: a full stop, question or exclamation mark
	// followed by a space and a capital, not ending an abbreviation.
	for i := 0; i < len(head)-1; i++ {
		c := head[i]
		if (c == '.' || c == '?' || c == '!') && head[i+1] == ' ' && i >= 20 {
			w := head[strings.LastIndexByte(head[:i], ' ')+1 : i+1]
			next, _ := utf8.DecodeRuneInString(line[i+2:])
			if (c != '.' || !isAbbreviation(w)) && (unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("“\"‘'", next)) {
				return head[:i+1]
			}
		}
	}
	if cut := strings.LastIndexByte(head, ' '); cut >= maxTitleRunes/2 {
		head = head[:cut]
	}
	return strings.TrimRight(head, " ,;:"+dashes) + "…"
}

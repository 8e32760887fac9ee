package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/quoteline/quoteline/data"
)

// DateMention is a date expression found in an article and the time it
// stands for, worked out from the publication date.
type DateMention struct {
	Expression string // exactly Text[Start:End] of the article
	Start, End int    // byte offsets into the article text
	// From is the time the expression names; To, when set, ends the
	// period it names ("since August" runs from August to the
	// publication date; "in the coming days" from it to two weeks on).
	From, To data.Time
	// Uncertain is true for vague periods such as "in the coming days".
	Uncertain bool
	// Future is true when the period starts after the publication date.
	Future bool
	// Relative is true for expressions that need the publication date,
	// such as "since August" or "Monday".
	Relative bool
}

var months = map[string]time.Month{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

var weekdays = map[string]time.Weekday{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6}

const (
	monthName = `(?:January|February|March|April|May|June|July|August|September|October|November|December|` +
		`Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	weekdayName = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	// optionalYear is the year that may follow a month name ("August
	// 2021", "August, 2021"), or nothing.
	optionalYear = `(?:,?\s+((?:19|20)\d{2}))?\b`
	number       = `(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)`
)

// datePatterns are tried in order at each position; the first (and
// longest) match wins. Each names its kind for resolve.
var datePatterns = []struct {
	kind string
	re   *regexp.Regexp
}{
	{"iso", regexp.MustCompile(`^\d{4}-\d{2}-\d{2}\b`)},
	{"dmy", regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthName + `),?\s+(\d{4})\b`)},
	{"mdy", regexp.MustCompile(`^(` + monthName + `)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`)},
	{"md", regexp.MustCompile(`^(` + monthName + `)\s+(\d{1,2})(?:st|nd|rd|th)?\b`)},
	{"dm", regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthName + `)\b`)},
	{"my", regexp.MustCompile(`^(` + monthName + `),?\s+(\d{4})\b`)},
	{"since", regexp.MustCompile(`^(?i:since|from)\s+(?:(?i:early|mid|late)[- ])?(` + monthName + `)` + optionalYear)},
	{"month", regexp.MustCompile(`^(?i:in|last|this|early|late|mid|by|until|through|during|before|after)[- ](` + monthName + `)` + optionalYear)},
	{"weekday", regexp.MustCompile(`^(?:(?i:last|this|next|on|late|early)\s+)?(` + weekdayName + `)\b`)},
	{"relative", regexp.MustCompile(`^(?i:(last|this|next|past|previous|coming)\s+(week|month|year|weekend))\b`)},
	{"ago", regexp.MustCompile(`^(?i:(` + number + `)\s+(day|week|month|year)s?\s+ago)\b`)},
	{"coming", regexp.MustCompile(`^(?i:(?:in|over|within)\s+the\s+(?:coming|next|next\s+few|upcoming)\s+(days|weeks|months|years))\b`)},
	{"earlier", regexp.MustCompile(`^(?i:(earlier|later)\s+this\s+(week|month|year))\b`)},
	{"day", regexp.MustCompile(`^(?i:today|yesterday|tomorrow)\b`)},
	{"year", regexp.MustCompile(`^(?i:(?:in|since|by|until|during|from|of|early|late|mid)[- ])((?:19|20)\d{2})\b`)},
}

// dateStarts are the words a date expression can start with.
var dateStarts = func() map[string]bool {
	m := toSet(`in since from last this next on early late mid by until through during before after past ` +
		`previous coming over within earlier later today yesterday tomorrow of a an one two three four five six ` +
		`seven eight nine ten eleven twelve several`)
	for k := range months {
		m[k] = true
	}
	for k := range weekdays {
		m[k] = true
	}
	return m
}()

// startsWord reports whether a match may start at i: at the start of the
// text or after a character that is not a letter or digit.
func startsWord(text string, i int) bool {
	return i == 0 || !isWordRune(lastRune(text[:i]))
}

// findDates returns the date expressions of text resolved against pub
// (day precision).
func findDates(text string, pub data.Time) []DateMention {
	p := time.Unix(pub.Unix, 0).UTC()
	var out []DateMention
	for i := 0; i < len(text); i++ {
		if !startsWord(text, i) || !(isWordRune(firstRune(text[i:]))) {
			continue
		}
		// A cheap filter: every pattern starts with a digit or one of
		// dateStarts.
		if c := text[i]; c < '0' || c > '9' {
			w := i
			for w < len(text) && w-i < 12 && (text[w]|0x20 >= 'a' && text[w]|0x20 <= 'z') {
				w++
			}
			if !dateStarts[strings.ToLower(strings.TrimSuffix(text[i:w], "."))] {
				continue
			}
		}
		// "since" before a full date: from that day to publication.
		var d DateMention
		var n int
		ok := false
		if m := sinceRe.FindStringIndex(text[i:]); m != nil {
			if d, n, ok = matchDate(text[i+m[1]:], p); ok && d.To.IsZero() && d.From.Precision == data.PrecisionDay && !d.Relative {
				d.To, d.Relative, n = day(p), true, m[1]+n
			} else {
				ok = false
			}
		}
		if !ok {
			d, n, ok = matchDate(text[i:], p)
		}
		if !ok {
			continue
		}
		d.Start, d.End = i, i+n
		d.Expression = text[d.Start:d.End]
		d.Future = d.Future || d.From.Unix > p.Unix()+86399
		out = append(out, d)
		i = d.End - 1
	}
	return out
}

// sinceRe is "since" and the space after it.
var sinceRe = regexp.MustCompile(`^(?i:since)\s+`)

// matchDate resolves the first of datePatterns that matches at the start
// of s against p, and says how many bytes of s it took.
func matchDate(s string, p time.Time) (DateMention, int, bool) {
	for _, dp := range datePatterns {
		m := dp.re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		sub := func(k int) string {
			if m[2*k] < 0 {
				return ""
			}
			return s[m[2*k]:m[2*k+1]]
		}
		if d, ok := resolve(dp.kind, sub, p); ok {
			return d, m[1], true
		}
	}
	return DateMention{}, 0, false
}

func day(t time.Time) data.Time {
	return data.Time{Unix: time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionDay}
}

func monthOf(y int, m time.Month) data.Time {
	return data.Time{Unix: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionMonth}
}

func yearOf(y int) data.Time {
	return data.Time{Unix: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionYear}
}

func monthNamed(s string) (time.Month, bool) {
	m, ok := months[strings.TrimSuffix(strings.ToLower(s), ".")]
	return m, ok
}

// lastMonthNamed is the most recent month m on or before p.
func lastMonthNamed(m time.Month, p time.Time) data.Time {
	y := p.Year()
	if m > p.Month() {
		y--
	}
	return monthOf(y, m)
}

func wordNumber(s string) (int, bool) {
	s = strings.ToLower(s)
	words := map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a few": 3, "several": 3}
	if n, ok := words[s]; ok {
		return n, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0 && n < 10000
}

// resolve works out the time of one matched expression.
func resolve(kind string, sub func(int) string, p time.Time) (DateMention, bool) {
	d := DateMention{Relative: true} // but for a date written out in full
	pubDay := day(p)
	switch kind {
	case "iso":
		t, err := data.ParseTime(sub(0))
		if err != nil {
			return d, false
		}
		d.From, d.Relative = t, false
	case "dmy", "mdy":
		dd, mm := sub(1), sub(2)
		if kind == "mdy" {
			dd, mm = mm, dd
		}
		m, ok := monthNamed(mm)
		n, err := strconv.Atoi(dd)
		y, err2 := strconv.Atoi(sub(3))
		if !ok || err != nil || err2 != nil || n < 1 || n > 31 {
			return d, false
		}
		t, err := data.ParseTime(strconv.Itoa(y) + "-" + two(int(m)) + "-" + two(n))
		if err != nil {
			return d, false
		}
		d.From, d.Relative = t, false
	case "md", "dm":
		dd, mm := sub(2), sub(1)
		if kind == "md" {
			dd, mm = mm, dd
		}
		m, ok := monthNamed(mm)
		n, err := strconv.Atoi(dd)
		if !ok || err != nil || n < 1 || n > 31 {
			return d, false
		}
		// Without a year: the nearest such day, within half a year.
		y := p.Year()
		t := time.Date(y, m, n, 0, 0, 0, 0, time.UTC)
		if t.Day() != n {
			return d, false
		}
		if t.Sub(p) > 183*24*time.Hour {
			t = t.AddDate(-1, 0, 0)
		} else if p.Sub(t) > 183*24*time.Hour {
			t = t.AddDate(1, 0, 0)
		}
		d.From = day(t)
	case "my":
		m, ok := monthNamed(sub(1))
		y, err := strconv.Atoi(sub(2))
		if !ok || err != nil {
			return d, false
		}
		d.From, d.Relative = monthOf(y, m), false
	case "since", "month":
		m, ok := monthNamed(sub(1))
		if !ok {
			return d, false
		}
		d.From = lastMonthNamed(m, p)
		if y, err := strconv.Atoi(sub(2)); err == nil {
			d.From, d.Relative = monthOf(y, m), false
		}
		if kind == "since" {
			d.To, d.Relative = pubDay, true
		}
	case "weekday":
		wd := weekdays[strings.ToLower(sub(1))]
		back := (int(p.Weekday()) - int(wd) + 7) % 7
		prefix := ""
		if f := strings.Fields(strings.ToLower(sub(0))); len(f) > 1 {
			prefix = f[0]
		}
		switch prefix {
		case "last":
			if back == 0 {
				back = 7
			}
		case "next":
			back = back - 7
			if back == 0 {
				back = -7
			}
		}
		d.From = day(p.AddDate(0, 0, -back))
	case "relative":
		which, unit := strings.ToLower(sub(1)), strings.ToLower(sub(2))
		off := 0
		switch which {
		case "last", "past", "previous":
			off = -1
		case "next", "coming":
			off = 1
		}
		switch unit {
		case "week", "weekend":
			monday := p.AddDate(0, 0, -((int(p.Weekday())+6)%7)+7*off)
			if unit == "weekend" {
				sat := monday.AddDate(0, 0, 5)
				d.From, d.To = day(sat), day(sat.AddDate(0, 0, 1))
			} else {
				d.From, d.To = day(monday), day(monday.AddDate(0, 0, 6))
			}
		case "month":
			t := time.Date(p.Year(), p.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC)
			d.From = monthOf(t.Year(), t.Month())
		case "year":
			d.From = yearOf(p.Year() + off)
		}
	case "ago":
		n, ok := wordNumber(sub(1))
		if !ok {
			return d, false
		}
		switch strings.ToLower(sub(2)) {
		case "day":
			d.From = day(p.AddDate(0, 0, -n))
		case "week":
			d.From = day(p.AddDate(0, 0, -7*n))
			d.Uncertain = true
		case "month":
			t := p.AddDate(0, -n, 0)
			d.From = monthOf(t.Year(), t.Month())
		case "year":
			d.From = yearOf(p.Year() - n)
		}
	case "coming":
		d.From, d.Uncertain, d.Future = pubDay, true, true
		switch strings.ToLower(sub(1)) {
		case "days":
			d.To = day(p.AddDate(0, 0, 14))
		case "weeks":
			d.To = day(p.AddDate(0, 0, 42))
		case "months":
			t := p.AddDate(0, 6, 0)
			d.To = monthOf(t.Year(), t.Month())
		case "years":
			d.To = yearOf(p.Year() + 5)
		}
	case "earlier":
		switch strings.ToLower(sub(2)) {
		case "week":
			monday := p.AddDate(0, 0, -((int(p.Weekday()) + 6) % 7))
			if strings.EqualFold(sub(1), "earlier") {
				d.From, d.To = day(monday), pubDay
			} else {
				d.From, d.To = pubDay, day(monday.AddDate(0, 0, 6))
			}
		case "month":
			if strings.EqualFold(sub(1), "earlier") {
				d.From, d.To = monthOf(p.Year(), p.Month()), pubDay
			} else {
				last := time.Date(p.Year(), p.Month()+1, 0, 0, 0, 0, 0, time.UTC)
				d.From, d.To = pubDay, day(last)
			}
		case "year":
			if strings.EqualFold(sub(1), "earlier") {
				d.From, d.To = yearOf(p.Year()), pubDay
			} else {
				d.From, d.To = pubDay, day(time.Date(p.Year(), 12, 31, 0, 0, 0, 0, time.UTC))
			}
		}
		d.Uncertain = true
	case "day":
		switch strings.ToLower(sub(0)) {
		case "today":
			d.From = pubDay
		case "yesterday":
			d.From = day(p.AddDate(0, 0, -1))
		case "tomorrow":
			d.From = day(p.AddDate(0, 0, 1))
		}
	case "year":
		y, err := strconv.Atoi(sub(1))
		if err != nil {
			return d, false
		}
		d.From, d.Relative = yearOf(y), false
		if strings.HasPrefix(strings.ToLower(sub(0)), "since") {
			d.To, d.Relative = pubDay, true
		}
	}
	return d, !d.From.IsZero()
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

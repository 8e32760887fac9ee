package extract

import (
	"bytes"
	"unicode"

	"regexp"
	"sort"
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
	// publication date; "in the coming days" from it to two weeks on;
	// "from 2011 to 2013" from 2011 to 2013).
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

// fullMonthNames are the months written out.
var fullMonthNames = toSet(`january february march april may june july august september october november december`)

var weekdays = map[string]time.Weekday{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6}

// Parts of the patterns.
const (
	monthName = `(?:January|February|March|April|May|June|July|August|September|October|November|December|` +
		`Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)`
	weekdayName = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
	dayNum      = `(\d{1,2})(?:st|nd|rd|th)?\b`
	yearNum     = `((?:1[89]|20)\d{2})`
	number      = `(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a few|a couple of|several|some)`
	// dayDate is a day of a month with an optional year: "March 3",
	// "March 3, 2021", "3 March 2021".
	mdy = monthName + `\s+` + dayNum + `(?:,?\s+` + yearNum + `)?`
	dmy = dayNum + `\s+(?:of\s+)?` + monthName + `(?:,?\s+` + yearNum + `)?`
)

// datePattern is one way of writing a date; resolve works out its time.
type datePattern struct {
	kind string
	re   *regexp.Regexp
}

func pat(kind, re string) datePattern {
	return datePattern{kind, regexp.MustCompile(`^(?:` + re + `)\b`)}
}

// datePatterns are tried in order at the start of each candidate word; the
// first that matches (and resolves) wins. Each match is read from a window
// of at most dateWindow bytes, so the work per word is bounded.
var datePatterns = []datePattern{
	// Ranges.
	pat("range-md", `(?i:from|between)\s+(`+monthName+`\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:1[89]|20)\d{2})?)\s+(?i:to|until|through|and|till|-|–)\s+(`+monthName+`\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:1[89]|20)\d{2})?|\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:1[89]|20)\d{2})?)`),
	pat("range-m", `(?i:from|between)\s+(`+monthName+`(?:,?\s+(?:1[89]|20)\d{2})?)\s+(?i:to|until|through|and|till)\s+(`+monthName+`(?:,?\s+(?:1[89]|20)\d{2})?)`),
	pat("range-y", `(?i:from|between)\s+((?:1[89]|20)\d{2})\s*(?:(?i:to|until|through|and|till)\s+|[-–]\s*)((?:1[89]|20)?\d{2})`),
	pat("range-dash-y", `((?:1[89]|20)\d{2})\s?[-–]\s?((?:1[89]|20)?\d{2})`),
	pat("range-dash-md", monthName+`\s+(\d{1,2})\s?[-–]\s?(\d{1,2})(?:,?\s+`+yearNum+`)?`),
	pat("range-wd", `(?i:from)\s+(`+weekdayName+`)\s+(?i:to|until|through|till)\s+(`+weekdayName+`)`),
	// Dates written out.
	pat("iso", `(\d{4})-(\d{2})-(\d{2})`),
	pat("since-full", `(?i:since)\s+(?:`+weekdayName+`,?\s+)?(?:(`+mdy+`)|(`+dmy+`)|(\d{4}-\d{2}-\d{2}))`),
	pat("mdy", `(?:`+weekdayName+`,?\s+)?`+mdy),
	pat("dmy", `(?:`+weekdayName+`,?\s+)?`+dmy),
	pat("month-year", `(?:(?i:in|since|by|until|through|during|before|after|from|early|late|mid|last|next|this)[- ]\s*)?(?:(?i:early|late|mid)[- ]\s*)?(`+monthName+`),?\s+`+yearNum),
	pat("month", `(?i:(in|since|by|until|through|during|before|after|last|next|this|early|late|mid|from|beyond|around|to|till|for|as\s+of|of|and|or)[- ]\s*)(?:(?i:early|late|mid)[- ]\s*)?(`+monthName+`)`),
	pat("month-modifier", `(?:(?i:the|a|an|its|their|his|her|this|last|next|as\s+early\s+as|as\s+late\s+as)\s+)?(`+monthName+`)(?:'s|’s)?`),
	pat("part-of-month", `(?i:(?:by|at|until|before|toward|towards|around|near|in|from|since|after)\s+)?(?i:the\s+(?:end|beginning|start|middle|close|turn)\s+of\s+)(`+monthName+`)(?:,?\s+`+yearNum+`)?`),
	// A part of a named year: "in the last three months of 2007", "the
	// first half of next year".
	pat("part-of-year", `(?i:(?:in|during|over|for|throughout|by|since|from)\s+)?(?i:the\s+(first|second|third|fourth|final|last|latter|past)\s+(?:(three|six|nine|3|6|9)\s+months|(half|quarter))(\s+of\s+(?:((?:1[89]|20)\d{2})|(?:the\s+)?(this|last|next|the|current)\s+year)))`),
	// Relative to the publication date.
	pat("rolling", `(?i:(?:over|in|during|for|within|throughout)\s+)?(?i:the\s+(?:past|last)\s+(`+number+`\s+)?(days?|weeks?|months?|years?|decades?|(?:24|48|72)\s+hours))`),
	pat("coming", `(?i:(?:in|over|within|during)\s+the\s+(?:coming|next|next\s+few|upcoming|following)\s+(`+number+`\s+)?(days|weeks|months|years))`),
	pat("weekday", `(?:(?i:last|this|next|on|late|early|since|by|until|through)\s+)?(?:(?i:this|next|last)\s+)?(`+weekdayName+`)`),
	pat("unit", `(?i:(?:since\s+)?(?:the\s+)?(last|this|next|previous|coming|current)\s+(?:fiscal\s+)?(week|month|year|weekend))`),
	pat("ago", `(?i:(`+number+`)\s+(day|week|month|year)s?\s+(?:ago|earlier))`),
	pat("within-unit", `(?i:(earlier|later)\s+this\s+(week|month|year))`),
	pat("day", `(?i:(?:since\s+)?(today|yesterday|tomorrow|tonight))`),
	pat("year", `(?:(?i:in|since|by|until|through|during|before|after|from|of|early|late|mid|fiscal|circa)[- ]\s*)?(?:(?i:early|late|mid)[- ]\s*)?`+yearNum),
	pat("short-year", `(?i:in|since|by|until|through|during|before|after|from|of|circa)\s+['’](\d{2})`),
	pat("holiday", `(?:(?i:on|by|until|before|after|since|at|over|for)\s+)?(?i:(last|this|next)\s+)?(`+holidayNames+`)(?:,?\s+`+yearNum+`)?`),
	// Seasons: "last fall", "in the spring", "next summer", "winter 2010".
	pat("season", `(?:(?i:in|during|by|until|through|since|over|for|before|after|early|late|mid|this|last|next|coming|past|previous)[- ]\s*)?(?:(?i:the)\s+)?(?:(?i:early|late|mid)[- ]\s*)?(?:(?i:this|last|next|coming|past|previous)\s+)?(?i:(spring|summer|fall|autumn|winter))(,?\s+(?:(?i:of)\s+)?`+yearNum+`)?`),
	pat("that-unit", `(?i:(?:in|by|during|of|on|since|until|after|before|for|from|through|later|earlier)\s+)?(?i:that|the\s+same|that\s+same)\s+(?i:(year|month|day))`),
	pat("day-next", `(?i:(?:on\s+)?(?:the\s+(previous|next|following|preceding)\s+day|the\s+day\s+(before|after)))`),
	pat("session-day", `(?i:the\s+day)\b`),
	pat("year-end", `(?i:(?:by|at|before|until|toward|towards|around|near|since)\s+(?:the\s+)?(?:(this|next|last)\s+)?(year)(?:[- ]end|(?:'s|’s)\s+end))`),
	pat("end-of", `(?i:(?:by|at|until|before|toward|towards|around|near|since|from|in)\s+)?(?i:the\s+(?:end|close|beginning|start|middle|turn)\s+of\s+(?:(the|this|next|last)\s+)?(year|month))`),
}

// holidayNames are the holidays with a fixed date.
const holidayNames = `Thanksgiving\s+Day|Thanksgiving|Labor\s+Day|Memorial\s+Day|Election\s+Day|Christmas\s+Eve|Christmas\s+Day|Christmas|Boxing\s+Day|New\s+Year's\s+Eve|New\s+Year’s\s+Eve|` +
	`New\s+Year's\s+Day|New\s+Year’s\s+Day|Halloween|Valentine's\s+Day|Valentine’s\s+Day|Independence\s+Day|` +
	`the\s+Fourth\s+of\s+July|Bastille\s+Day|St\.?\s+Patrick's\s+Day|St\.?\s+Patrick’s\s+Day|Guy\s+Fawkes\s+Night|Armistice\s+Day`

// holidayDates are the month and day of each holiday, by its first word
// and, when needed, its second.
var holidayDates = map[string][2]int{"christmas eve": {12, 24}, "christmas day": {12, 25}, "christmas": {12, 25},
	"boxing day": {12, 26}, "new year's eve": {12, 31}, "new year's day": {1, 1}, "halloween": {10, 31},
	"valentine's day": {2, 14}, "independence day": {7, 4}, "the fourth of july": {7, 4}, "bastille day": {7, 14},
	"st. patrick's day": {3, 17}, "st patrick's day": {3, 17}, "guy fawkes night": {11, 5}, "armistice day": {11, 11}}

// floatingHolidays are the holidays on a weekday of a month: the month,
// the weekday and which of them (-1 for the last).
var floatingHolidays = map[string][3]int{
	"thanksgiving": {11, int(time.Thursday), 4}, "thanksgiving day": {11, int(time.Thursday), 4},
	"labor day": {9, int(time.Monday), 1}, "memorial day": {5, int(time.Monday), -1},
	// The Tuesday after the first Monday of November.
	"election day": {11, int(time.Monday), 1},
}

// floatingHoliday returns the day of holiday name in year y.
func floatingHoliday(name string, y int) time.Time {
	h := floatingHolidays[name]
	m, wd, n := time.Month(h[0]), time.Weekday(h[1]), h[2]
	var t time.Time
	if n > 0 {
		t = time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		t = t.AddDate(0, 0, (int(wd)-int(t.Weekday())+7)%7+7*(n-1))
	} else {
		t = time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
		t = t.AddDate(0, 0, -((int(t.Weekday()) - int(wd) + 7) % 7))
	}
	if name == "election day" {
		t = t.AddDate(0, 0, 1)
	}
	return t
}

// floatingFrom returns the day of holiday name in direction dir from p,
// as dayFrom does for a day of a month.
func floatingFrom(name string, dir direction, p time.Time) time.Time {
	pd := time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, time.UTC)
	this := floatingHoliday(name, p.Year())
	switch dir {
	case onOrAfter, after:
		if this.Before(pd) || dir == after && this.Equal(pd) {
			return floatingHoliday(name, p.Year()+1)
		}
		return this
	case before:
		if !this.Before(pd) {
			return floatingHoliday(name, p.Year()-1)
		}
		return this
	}
	if this.After(pd) && !(dir == nearest && this.Sub(pd) <= 45*24*time.Hour) {
		return floatingHoliday(name, p.Year()-1)
	}
	return this
}

// patternsFor lists, for each way a date expression can start, the
// patterns that can match there: trying only those keeps the regular
// expressions from running in vain at every word.
var patternsFor = func() map[string][]int {
	byKind := map[string]int{}
	for i, p := range datePatterns {
		byKind[p.kind] = i
	}
	idx := func(kinds ...string) []int {
		var out []int
		for _, k := range kinds {
			out = append(out, byKind[k])
		}
		sort.Ints(out)
		return out
	}
	m := map[string][]int{
		"#year":    idx("range-dash-y", "iso", "ago", "year"),
		"#day":     idx("dmy", "ago"),
		"#month":   idx("range-dash-md", "mdy", "month-year", "month-modifier"),
		"#weekday": idx("weekday", "mdy", "dmy"),
		"#number":  idx("ago"),
	}
	for _, w := range strings.Fields("from between") {
		m[w] = idx("range-md", "range-m", "range-y", "range-wd", "month-year", "month", "year", "part-of-month")
	}
	m["since"] = idx("short-year", "since-full", "month-year", "month", "weekday", "unit", "day", "year", "holiday", "part-of-month", "year-end", "that-unit")
	for _, w := range strings.Fields("in by until through during before after early late mid of fiscal circa beyond around to till at over for on toward towards near") {
		m[w] = idx("short-year", "month-year", "month", "year", "rolling", "coming", "weekday", "holiday", "end-of", "year-end", "part-of-month", "that-unit")
	}
	m["that"] = idx("that-unit")
	m["on"] = append(append([]int{}, m["on"]...), idx("day-next")...)
	sort.Ints(m["on"])
	// "in mid-1988", "mid-October": a part of a year or month.
	m["#mid"] = idx("month-year", "month", "year")
	for _, w := range strings.Fields("christmas boxing new halloween valentine's valentine’s independence bastille st guy armistice thanksgiving labor memorial election") {
		m[w] = idx("holiday")
	}
	for _, w := range strings.Fields("last this next previous coming current") {
		m[w] = idx("month-year", "month", "weekday", "unit", "holiday")
	}
	for _, w := range strings.Fields("on over for") {
		m[w] = append(append([]int{}, m[w]...), idx("rolling", "coming")...)
		sort.Ints(m[w])
	}
	for _, w := range strings.Fields("within throughout") {
		m[w] = idx("rolling", "coming")
	}
	m["the"] = idx("rolling", "holiday", "end-of", "part-of-month", "unit", "that-unit", "day-next", "session-day")
	m["as"] = idx("month", "month-modifier")
	for _, w := range strings.Fields("the a an its their his her") {
		m[w] = append(append([]int{}, m[w]...), idx("month-modifier")...)
		if _, isNumber := numberWords[w]; isNumber {
			m[w] = append(m[w], idx("ago")...) // "a week ago"
		}
		sort.Ints(m[w])
	}
	m["last"] = append(append([]int{}, m["last"]...), idx("month-modifier")...)
	m["next"] = append(append([]int{}, m["next"]...), idx("month-modifier")...)
	// "in January and February": a month after another.
	m["and"], m["or"] = idx("month"), idx("month")
	m["earlier"], m["later"] = idx("within-unit"), idx("within-unit")
	for _, w := range strings.Fields("today yesterday tomorrow tonight") {
		m[w] = idx("day")
	}
	for _, w := range strings.Fields("the in during over for throughout by since from") {
		m[w] = append(append([]int{}, m[w]...), idx("part-of-year")...)
		sort.Ints(m[w])
	}
	for _, w := range strings.Fields("in during by until through since over for before after early late mid this last next coming past previous the spring summer fall autumn winter") {
		m[w] = append(append([]int{}, m[w]...), idx("season")...)
		sort.Ints(m[w])
	}
	return m
}()

// patternsAt returns the indexes of the patterns that may start with the
// word w (lower case, without a final dot).
func patternsAt(w string) []int {
	// "Sunday's vote", "December’s figures"
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if w == "" {
		return nil
	}
	switch {
	case strings.HasPrefix(w, "mid-") || strings.HasPrefix(w, "early-") || strings.HasPrefix(w, "late-"):
		return patternsFor["#mid"]
	case w[0] >= '0' && w[0] <= '9':
		switch {
		case len(w) == 4, len(w) > 5 && isDigits(w[:4]) && (w[4] == '-' || strings.HasPrefix(w[4:], "–")):
			return patternsFor["#year"] // "2006", "2006-2010"
		case len(w) <= 4 && (len(w) <= 2 || strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") ||
			strings.HasSuffix(w, "rd") || strings.HasSuffix(w, "th")):
			return patternsFor["#day"]
		}
		return patternsFor["#number"]
	case months[w] != 0:
		return patternsFor["#month"]
	}
	if _, ok := weekdays[w]; ok {
		return patternsFor["#weekday"]
	}
	if ps, ok := patternsFor[w]; ok {
		return ps
	}
	if _, ok := wordNumber(w); ok {
		return patternsFor["#number"]
	}
	return nil
}

// dateWindow is the most text a date expression may take.
const dateWindow = 96

// findDates returns the date expressions of the story in l (not in its
// captions, bylines, link lists or datelines), resolved against pub.
func findDates(l *layout, pub data.Time) []DateMention {
	if pub.IsZero() {
		return nil
	}
	p := time.Unix(pub.Unix, 0).UTC()
	text := l.text
	var out []DateMention
	var sentOf []int // the sentence of each of out
	next := 0        // the first byte a new expression may start at
	for _, para := range l.paras {
		if para.skip != "" {
			continue
		}
		caption := captionPara(text[para.start:para.end])
		for t := para.bodyTok; t < para.endTok; t++ {
			tok := l.toks[t]
			if tok.kind != tokWord || tok.start < next {
				continue
			}
			// "Fox News Sunday" is a show, not a day.
			if tok.passage >= 0 && looksLikeTitle(text, l.passages[tok.passage]) {
				continue
			}
			w := strings.ToLower(strings.TrimSuffix(l.word(t), "."))
			if w == "" {
				continue
			}
			ps := patternsAt(w)
			if len(ps) == 0 {
				continue
			}
			window := text[tok.start:min(para.end, tok.start+dateWindow)]
			d, n, ok := matchDate(window, ps, p, l, t)
			if !ok {
				continue
			}
			d.Start, d.End = tok.start, tok.start+n
			d.Expression = text[d.Start:d.End]
			if caption || inCredit(text[max(para.start, d.Start-creditWindow):d.Start]) || seasonNoun(d, text[max(para.start, d.Start-8):d.Start], text[d.End:min(para.end, d.End+24)]) {
				next = d.End
				continue
			}
			// "won the cup in 1968. In the same year he…": the year of the
			// date named just before, or none.
			if m := sameUnitRe.FindStringSubmatch(d.Expression); m != nil {
				var ok bool
				if d.From, ok = sameAs(out, sentOf, tok.sent, strings.ToLower(m[1])); !ok {
					continue
				}
				d.Relative = true
			}
			// "shares rose on Friday, ending the day at 20": the session of
			// the day named before, or none.
			if sessionDayRe.MatchString(d.Expression) {
				var ok bool
				if d.From, ok = sameAs(out, sentOf, tok.sent, "day"); !ok {
					continue
				}
				d.Relative = true
			}
			// "police arrived on Sunday. The next day…": a day from the day
			// named before, or none.
			if m := dayNextRe.FindStringSubmatch(d.Expression); m != nil {
				from, ok := sameAs(out, sentOf, tok.sent, "day")
				if !ok {
					continue
				}
				n := 1
				if w := strings.ToLower(m[1] + m[2]); w == "previous" || w == "preceding" || w == "before" {
					n = -1
				}
				d.From, d.Relative = day(time.Unix(from.Unix, 0).UTC().AddDate(0, 0, n)), true
			}
			// Whether d is a month or day without its year, read once: the
			// year written after it does not change that.
			cal := d.Relative && d.To.IsZero() && calendarDay(d)
			// "in October last year", "June 21 this year", "in September
			// that year", "the same month of 2001": the year named after
			// the month.
			if cal {
				rest := text[d.End:min(para.end, d.End+24)]
				if m := yearAfterRe.FindStringSubmatch(rest); m != nil {
					y, qual := p.Year(), ""
					if f := strings.Fields(strings.ToLower(m[1])); len(f) > 0 {
						qual = f[0]
					}
					switch qual {
					case "last":
						y--
					case "next":
						y++
					case "that", "the":
						y = 0
						if t, ok := sameAs(out, sentOf, tok.sent, "year"); ok {
							y = time.Unix(t.Unix, 0).UTC().Year()
						}
					case "": // "of 2001", "in December in 1999"
						y, _ = strconv.Atoi(m[2])
					}
					if y != 0 {
						d.From, d.Relative = withYear(d.From, y), true
						d.End += len(m[0])
					}
				}
			}
			d.Expression = text[d.Start:d.End]
			// "September's gain was down from the previous month": the
			// month before the one just named, not before publication.
			if m := previousUnitRe.FindStringSubmatch(d.Expression); m != nil {
				for k := len(out) - 1; k >= 0 && k >= len(out)-8 && (sentOf[k] == tok.sent || sentOf[k] == tok.sent-1); k-- {
					prev := time.Unix(out[k].From.Unix, 0).UTC()
					if strings.EqualFold(m[1], "year") && out[k].From.Precision <= data.PrecisionDay {
						d.From = yearOf(prev.Year() - 1)
						break
					}
					if strings.EqualFold(m[1], "month") && out[k].From.Precision >= data.PrecisionMonth && out[k].From.Precision <= data.PrecisionDay {
						t := time.Date(prev.Year(), prev.Month()-1, 1, 0, 0, 0, 0, time.UTC)
						d.From = monthOf(t.Year(), t.Month())
						break
					}
				}
			}
			// "installed one bishop on April 30 and another on May 3": with
			// no verb to say which way, a day is of the year of the day
			// named before it in the sentence.
			if cal && d.Relative && len(out) > 0 && sentOf[len(out)-1] == tok.sent &&
				d.From.Precision == data.PrecisionDay && !strings.Contains(strings.ToLower(d.Expression), "year") {
				prev := out[len(out)-1]
				if prev.To.IsZero() && !prev.Uncertain && prev.From.Precision >= data.PrecisionMonth &&
					tenseAt(l, t, d.End-tok.start) == tenseNone {
					d.From = closestYear(d.From, prev.From)
				}
			}
			// "Last year the service was blocked in June": the June of that
			// year.
			if cal && d.Relative && d.To.IsZero() {
				for k := len(out) - 1; k >= 0 && k >= len(out)-8 && sentOf[k] == tok.sent; k-- {
					if out[k].From.Precision == data.PrecisionYear && out[k].To.IsZero() && out[k].Relative &&
						lastNextYearRe.MatchString(out[k].Expression) {
						// Not when the year ends a clause about someone:
						// "GM, which lost money last year, in July
						// extended a loan".
						if asideBefore(text, l.toks[l.sents[tok.sent].first].start, out[k].Start) && strings.Contains(text[out[k].End:d.Start], ",") {
							break
						}
						// Not when the clause of the month says otherwise:
						// "will grow next year, less than it predicted in
						// April".
						y := time.Unix(out[k].From.Unix, 0).UTC().Year()
						te := tenseAt(l, t, d.End-tok.start)
						if !(y > p.Year() && te == tensePast || y < p.Year() && (te == tenseFuture || te == tensePresent)) {
							d.From = withYear(d.From, y)
						}
						break
					}
				}
			}
			// "the December 26 tsunami last year": the year after the event
			// a day dates is that day's year.
			if d.From.Precision == data.PrecisionYear && d.To.IsZero() && yearFollowsRe.MatchString(d.Expression) &&
				len(out) > 0 && sentOf[len(out)-1] == tok.sent {
				prev := &out[len(out)-1]
				between := strings.Fields(text[prev.End:d.Start])
				if prev.Relative && prev.To.IsZero() && calendarDay(*prev) && len(between) == 1 &&
					(happenings.has(between[0]) || eventNouns.has(between[0])) {
					prev.From = withYear(prev.From, time.Unix(d.From.Unix, 0).UTC().Year())
					prev.Future = prev.From.Unix > p.Unix()+86399
				}
			}
			// "a hartal for Thursday was called … support for Thursday's
			// hartal": a day named by its weekday alone as a thing's day
			// is the day that weekday named before in the story, unless
			// its own clause looks ahead ("ahead of Thursday's vote").
			if wd, ok := possessiveWeekday(d, text); ok && !qualifiedRe.MatchString(d.Expression) && tenseAt(l, t, d.End-tok.start) != tenseFuture {
				for k := len(out) - 1; k >= 0 && k >= len(out)-30; k-- {
					if pwd, ok := weekdayNamed(out[k]); ok && pwd == wd && !qualifiedRe.MatchString(out[k].Expression) {
						d.From = out[k].From
						break
					}
				}
			}
			// "late Friday or early Saturday", "on Tuesday and Wednesday":
			// the second day follows the first.
			if wd, ok := weekdayNamed(d); ok && len(out) > 0 && sentOf[len(out)-1] == tok.sent {
				prev := out[len(out)-1]
				if pwd, ok := weekdayNamed(prev); ok && (weekdayJoinRe.MatchString(text[prev.End:d.Start]) ||
					strings.TrimSpace(text[prev.End:d.Start]) == "" && weekdayToRe.MatchString(d.Expression)) &&
					!qualifiedRe.MatchString(prev.Expression) && !isPossessive(d.Expression) {
					if n := (int(wd) - int(pwd) + 7) % 7; n > 0 {
						d.From = day(time.Unix(prev.From.Unix, 0).UTC().AddDate(0, 0, n))
					}
				}
			}
			// "warnings were issued on Monday and updated on Wednesday",
			// both told as done: the day named first is not after the
			// one named next, so it is of the week before.
			if _, ok := weekdayNamed(d); ok && d.From.Unix <= p.Unix() && len(out) > 0 && sentOf[len(out)-1] == tok.sent {
				prev := &out[len(out)-1]
				if _, ok := weekdayNamed(*prev); ok && !prev.Future && prev.From.Unix > d.From.Unix &&
					!qualifiedRe.MatchString(prev.Expression) && !qualifiedRe.MatchString(d.Expression) &&
					d.Start-prev.End < 80 && narrativeJoinRe.MatchString(text[prev.End:d.Start]) && !isPossessive(d.Expression) && !isPossessive(prev.Expression) {
					prev.From = day(time.Unix(prev.From.Unix, 0).UTC().AddDate(0, 0, -7))
				}
			}
			d.Future = d.Future || d.From.Unix > p.Unix()+86399
			out = append(out, d)
			sentOf = append(sentOf, tok.sent)
			next = d.End
		}
	}
	return out
}

// creditEndRe matches the end of a photo caption that page furniture did
// not catch: "…, March 21, 2024. Screengrab.".
var creditEndRe = regexp.MustCompile(`(?i)\b(?:screengrab|screen\s*grab|screenshot|screen\s*capture|file\s+photo|handout(?:\s+photo)?)\.?\s*$`)

// creditWords are the words creditEndRe looks for, for a quick look first.
var creditWords = []string{"screen", "grab", "photo", "handout"}

// creditOpenRe matches the start of a credit in parentheses: "(Photo: ".
var creditOpenRe = regexp.MustCompile(`(?i)^\((?:photo|photograph|picture|image|credit|pictured|file)\b`)

// captionPara reports whether a paragraph is a photo caption: a short one
// that ends with a credit. The date in a caption is when the picture was
// taken, not an event of the story.
func captionPara(para string) bool {
	para = strings.TrimSpace(para)
	// Only the end is read: a paragraph of more than 60 words is no
	// caption whatever it ends with.
	return len(para) < 1000 && hasFold(para[max(0, len(para)-24):], creditWords) && words(para) <= 60 &&
		creditEndRe.MatchString(para)
}

// creditWindow is how far back a credit in parentheses is looked for.
const creditWindow = 120

// inCredit reports whether the text before a date (at most creditWindow
// bytes of its paragraph) leaves it inside a credit in parentheses: "(Image:
// AP, May 3)".
func inCredit(before string) bool {
	open := strings.LastIndexByte(before, '(')
	if open < 0 || strings.IndexByte(before[open:], ')') >= 0 {
		return false
	}
	return creditOpenRe.MatchString(before[open:])
}

// yearFollowsRe matches a year that can follow the event a day dates:
// "the March 3 vote last year".
var yearFollowsRe = regexp.MustCompile(`(?i)^(?:last|this|next)\s+year$`)

// happenings are the events of news that a date before them dates: "the
// December 26 tsunami".
var happenings = toSet(`tsunami quake earthquake election elections poll polls referendum attack attacks bombing
	bombings blast explosion crash coup talks riots massacre killing assassination storm hurricane floods fire raid
	strike strikes handover ceasefire truce deadline`)

// closestYear returns t moved by a year either way if that brings it
// nearer to near.
func closestYear(t, near data.Time) data.Time {
	best := t
	for _, n := range []int{-1, 1} {
		if c := shiftYear(t, n); abs64(c.Unix-near.Unix) < abs64(best.Unix-near.Unix) {
			best = c
		}
	}
	return best
}

func abs64(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// asideBefore reports whether the text of a sentence from start to at is
// inside a clause opened by ", which" or ", who".
func asideBefore(text string, start, at int) bool {
	c := strings.LastIndexByte(text[start:at], ',')
	if c < 0 {
		return false
	}
	f := strings.Fields(text[start+c+1 : at])
	return len(f) > 0 && whWords.has(f[0])
}

// possessiveWeekday returns the weekday of d if d names a day by its
// weekday alone and is followed by "'s": "Thursday's strike".
func possessiveWeekday(d DateMention, text string) (time.Weekday, bool) {
	if !strings.HasPrefix(text[d.End:], "'s") && !strings.HasPrefix(text[d.End:], "’s") {
		return 0, false
	}
	return weekdayNamed(d)
}

// weekdayJoinRe joins two days of one week: "Friday or Saturday".
var weekdayJoinRe = regexp.MustCompile(`^,?\s+(?:and|or|and\s+on|or\s+on)\s+$`)

// narrativeJoinRe matches what goes between two days told in the order
// they came, a second verb in the past joined to the first: "issued on
// Monday and updated it on Wednesday", "met Monday, then flew home
// Friday".
var narrativeJoinRe = regexp.MustCompile(`(?i)^,?\s+(?:and|then|and\s+then)\s+[a-z]+ed(?:\s+[a-z]+){0,2}\s+$`)

// weekdayToRe starts the second day of "Thursday through Saturday".
var weekdayToRe = regexp.MustCompile(`(?i)^(?:through|until|till)\s`)

// qualifiedRe matches a day counted from the publication date by a word
// of its own: after "last Wednesday", another day may come before it.
var qualifiedRe = regexp.MustCompile(`(?i)\b(?:last|next|this)\b`)

// weekdayNamed returns the day of the week d names, if it is a day named
// by its weekday alone ("late Friday", "on Monday").
func weekdayNamed(d DateMention) (time.Weekday, bool) {
	f := strings.Fields(strings.ToLower(d.Expression))
	if len(f) == 0 || d.From.Precision != data.PrecisionDay || !d.To.IsZero() {
		return 0, false
	}
	wd, ok := weekdays[strings.TrimSuffix(strings.TrimSuffix(f[len(f)-1], "'s"), "’s")]
	return wd, ok
}

// sameUnitRe matches a year, month or day named by the one before it:
// "that year", "the same day".
var sameUnitRe = regexp.MustCompile(`(?i)(?:that|the\s+same|that\s+same)\s+(year|month|day)$`)

// dayNextRe matches a day counted from the one named before it: "the
// next day", "the day before" (not "a day earlier", which compares with
// the day of the report as often as with the day named).
var dayNextRe = regexp.MustCompile(`(?i)(?:the\s+(previous|next|following|preceding)\s+day|the\s+day\s+(before|after))$`)

// sameAs returns the year, month or day (unit) of the last date of out
// named in the sentence sent or the two before it, if it is one date, not
// a period, and names that unit.
func sameAs(out []DateMention, sentOf []int, sent int, unit string) (data.Time, bool) {
	for k := len(out) - 1; k >= 0 && k >= len(out)-6 && sentOf[k] >= sent-2; k-- {
		d := out[k]
		if !d.To.IsZero() || d.Uncertain {
			return data.Time{}, false
		}
		t := time.Unix(d.From.Unix, 0).UTC()
		switch {
		case unit == "year" && d.From.Precision >= data.PrecisionYear:
			return yearOf(t.Year()), true
		case unit == "month" && d.From.Precision >= data.PrecisionMonth:
			return monthOf(t.Year(), t.Month()), true
		case unit == "day" && d.From.Precision >= data.PrecisionDay:
			return day(t), true
		}
		return data.Time{}, false
	}
	return data.Time{}, false
}

// yearAfterRe reads the year named after a month or day: "October last
// year".
var yearAfterRe = regexp.MustCompile(`^,?\s+(?i:(?:of\s+)?(?:(last|this|next|that|the\s+same)\s+year|(?:of|in)\s+((?:1[89]|20)\d{2})))\b`)

// previousUnitRe matches a year or month counted back from the one the
// text has just named.
var previousUnitRe = regexp.MustCompile(`(?i)(?:previous|preceding)\s+(year|month)$`)

// lastNextYearRe matches a year named relative to the publication date
// that frames what follows ("Last year the service was blocked in June"),
// not a comparison ("up 26.8 percent from a year earlier").
var lastNextYearRe = regexp.MustCompile(`(?i)^(?:in\s+|since\s+|by\s+)?(?:last|next|this)\s+year$`)

// weekOrDayWords are in the expressions that name a day by its place in
// the week or by today: they are never moved to another year.
var weekOrDayWords = [][]byte{[]byte("monday"), []byte("tuesday"), []byte("wednesday"), []byte("thursday"),
	[]byte("friday"), []byte("saturday"), []byte("sunday"), []byte("today"), []byte("yesterday"), []byte("tomorrow"),
	[]byte("tonight"), []byte("ago"), []byte("earlier")}

// calendarDay reports whether d names a month, or a day of a month, of a
// year it does not write: "in June", "March 8".
func calendarDay(d DateMention) bool {
	if d.From.Precision != data.PrecisionMonth && d.From.Precision != data.PrecisionDay {
		return false
	}
	// Lower case in a buffer of its own: this runs for every date found.
	var buf [dateWindow + 32]byte
	low := buf[:0]
	for i := 0; i < len(d.Expression) && i < len(buf); i++ {
		c := d.Expression[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low = append(low, c)
	}
	for _, w := range weekOrDayWords {
		if bytes.Contains(low, w) {
			return false
		}
	}
	return true
}

// matchDate resolves the first of datePatterns that matches at the start
// of s (the text of token t onwards) and says how many bytes it took.
func matchDate(s string, ps []int, p time.Time, l *layout, t int) (DateMention, int, bool) {
	for _, i := range ps {
		dp := datePatterns[i]
		// Seasons and parts of years start with words as common as "in"
		// and "the": their patterns run only when their key word is near.
		if key := keyWords[dp.kind]; key != nil && !hasFold(s[:min(len(s), 48)], key) {
			continue
		}
		m := dp.re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		sub := func(k int) string {
			if 2*k >= len(m) || m[2*k] < 0 {
				return ""
			}
			return s[m[2*k]:m[2*k+1]]
		}
		if !plausible(dp.kind, s, m[1], l, t) {
			continue
		}
		if d, ok := resolveDate(dp.kind, sub, p, func() tense { return tenseAt(l, t, m[1]) }); ok {
			// "the first half of 2019", "the summer of 2025": the part is
			// the suggestion, dated by the year after it; the year, a
			// date of its own, is left for the next match.
			if dp.kind == "part-of-year" {
				return d, m[8], true
			}
			if dp.kind == "season" && m[4] >= 0 {
				return d, m[4], true // "the summer of 2025", "fall 2005"
			}
			return d, m[1], true
		}
	}
	return DateMention{}, 0, false
}

// keyWords are words one of which a match of a pattern must hold within
// its first 48 bytes, by the pattern's kind.
var keyWords = map[string][]string{
	"season":       {"spring", "summer", "fall", "autumn", "winter"},
	"part-of-year": {"half", "quarter", "months"},
}

// hasFold reports whether s holds one of words, in any case of ASCII
// letters, without allocating.
func hasFold(s string, words []string) bool {
	for _, w := range words {
		for i := 0; i+len(w) <= len(s); i++ {
			if s[i]|0x20 == w[0] && strings.EqualFold(s[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// quantityWords follow a number that is not a year: "2000 people".
var quantityWords = toSet(`people persons votes voters troops soldiers dollars euros pounds percent per cent
	miles feet meters metres kilometers kilometres km pounds tons tonnes acres residents members cases deaths
	jobs units points homes households students workers children signatures delegates seats hours minutes
	seconds gmt utc et est edt pst bst cet gallons barrels rounds shots calories words pages times degrees`)

// plausible rejects matches that are not dates: a bare four-digit number
// followed by a unit or part of a larger number, a range of numbers that is
// not one of years, or a month name that is a verb ("may").
func plausible(kind, s string, end int, l *layout, t int) bool {
	switch kind {
	case "month", "month-modifier":
		// "until March 18" and "from Nov. 15" are days, read by another
		// pattern.
		rest := strings.TrimLeft(s[end:], " .")
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return false
		}
		lead := strings.ToLower(l.word(t))
		// "the city of Mar del Plata": a name, not a month cut short.
		if f := strings.Fields(s[:end]); lead == "of" && len(f) > 0 && !fullMonthNames.has(f[len(f)-1]) && !strings.HasSuffix(f[len(f)-1], ".") {
			return false
		}
		if (lead == "and" || lead == "or") && !(t > 0 && l.isWordTok(t-1) && (months[strings.ToLower(strings.TrimSuffix(l.word(t-1), "."))] != 0 || isDigits(l.word(t-1)))) {
			return false // "and May": only after a month or a day
		}
		if kind == "month-modifier" {
			// "the March talks", "a February bomb blast", "December's
			// toll": a month before a noun it dates; not "a May
			// decision" of a verb, nor a name ("the April Fools").
			next := rest
			if i := strings.IndexAny(next, " ,.;:)"); i >= 0 {
				next = next[:i]
			}
			possessive := strings.HasSuffix(s[:end], "'s") || strings.HasSuffix(s[:end], "’s")
			lw := strings.ToLower(lead)
			if _, bare := monthNamed(strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(lead, "'s"), "’s"), ".")); bare && !possessive {
				return false // a month alone is read by "in March" and the like
			}
			if !possessive && (next == "" || isUpperStart(next) && lw != "as" || !unicode.IsLetter(firstRune(next)) && lw != "as") {
				return false
			}
		}
	case "mdy", "dmy":
		// "the March 14 movement": a day that names a group.
		next := strings.TrimLeft(s[end:], " ")
		if i := strings.IndexAny(next, " ,.;:)"); i >= 0 {
			next = next[:i]
		}
		if groupWords.has(next) {
			return false
		}
	case "weekday":
		// "on a Friday night", "every Monday": no date; but "said in a
		// Monday statement", "told a Tuesday news conference" date one.
		if t > 0 && l.isWordTok(t-1) && (strings.EqualFold(l.word(t-1), "a") || strings.EqualFold(l.word(t-1), "every") ||
			strings.EqualFold(l.word(t-1), "each") || strings.EqualFold(l.word(t-1), "any")) &&
			!(strings.EqualFold(l.word(t-1), "a") && (l.isWordTok(t+1) && eventNouns.has(l.word(t+1)) ||
				l.isWordTok(t+1) && l.isWordTok(t+2) && eventNouns.has(l.word(t+2)))) {
			return false
		}
		// "Black Monday", "Super Tuesday", "Good Friday": a name.
		if t > 0 && l.isWordTok(t-1) && namedDayWords.has(l.word(t-1)) && isUpperStart(l.word(t-1)) {
			return false
		}
		// "the Sunday shows", "a Saturday edition": a kind, not a day.
		next := strings.TrimLeft(s[end:], " ")
		if i := strings.IndexAny(next, " ,.;:)"); i >= 0 {
			next = next[:i]
		}
		// "in its Monday edition" is the day of one edition.
		if weekdayKinds.has(next) && !(t > 0 && l.isWordTok(t-1) && isPossessivePronoun(l.word(t-1)) && editionWords.has(next)) {
			return false
		}
	case "session-day":
		// "ended the day at 8,017", "for the day", "late in the day": the
		// day of a session, in a report of markets or of a match; not
		// "fell the day after the vote" or "the day of the vote".
		rest := strings.TrimLeft(s[end:], " ")
		if rest != "" && unicode.IsLetter(firstRune(rest)) && !strings.HasPrefix(strings.ToLower(rest), "at ") &&
			!strings.HasPrefix(strings.ToLower(rest), "with ") && !strings.HasPrefix(strings.ToLower(rest), "up ") &&
			!strings.HasPrefix(strings.ToLower(rest), "down ") {
			return false
		}
		if t == 0 || !l.isWordTok(t-1) {
			return false
		}
		prev := strings.ToLower(l.word(t - 1))
		if prev == "in" || prev == "of" {
			return t > 1 && l.isWordTok(t-2) && sessionParts.has(l.word(t-2))
		}
		return sessionVerbs.has(prev)
	case "day-next":
		// "the day after the vote": counted from the vote, not a date.
		rest := strings.TrimLeft(s[end:], " ")
		if rest != "" && unicode.IsLetter(firstRune(rest)) {
			return false
		}
	case "holiday":
		// "Christmas presents", "his third Christmas in England", "Merry
		// Christmas": the feast, not a day; "on Christmas", "Christmas,
		// 2005" and "Christmas Day" are days.
		if w := strings.ToLower(s[:end]); w == "christmas" || w == "halloween" {
			rest := strings.TrimLeft(s[end:], " ")
			if rest != "" && unicode.IsLower(firstRune(rest)) || t > 0 && l.isWordTok(t-1) && feastWords.has(l.word(t-1)) {
				return false
			}
		}
	case "day":
		// "BBC Radio 4's Today programme", "a USA TODAY poll": a name.
		w := l.word(t)
		// NBC's “Today”: a quoted name of one word.
		if pi := l.toks[t].passage; pi >= 0 && strings.Trim(strings.TrimSpace(l.text[l.passages[pi].start:l.passages[pi].end]), ".,") == w {
			return false
		}
		if (w == "Today" || w == "TODAY") && l.sents[l.toks[t].sent].first != t && !(t > 0 && (l.toks[t-1].kind == tokMark ||
			l.toks[t-1].kind == tokPunct && isTerminator(l.word(t-1)))) {
			return false // but “Today we received the results”
		}
	case "year", "range-dash-y":
		tok := l.toks[t]
		if tok.start > 0 {
			prev := l.text[max(0, tok.start-1):tok.start]
			if strings.ContainsAny(prev, "$£€#,.") || t > 0 && l.toks[t-1].end == tok.start && l.toks[t-1].kind == tokWord {
				return false
			}
			if t > 0 && l.isWordTok(t-1) && (strings.EqualFold(l.word(t-1), "No.") || strings.EqualFold(l.word(t-1), "number") || strings.EqualFold(l.word(t-1), "route") || strings.EqualFold(l.word(t-1), "flight")) {
				return false
			}
		}
		rest := strings.TrimLeft(s[end:], " ")
		if strings.HasPrefix(rest, "%") || strings.HasPrefix(rest, ":") || len(rest) > 0 && (rest[0] >= '0' && rest[0] <= '9') {
			return false
		}
		// "of 1992-1995": the range is read from the years.
		if kind == "year" && len(rest) == len(s[end:]) && (strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–")) &&
			startsWithDigit(strings.TrimLeft(rest, "-–")) && !startsWithDigit(l.word(t)) {
			return false
		}
		word := rest
		if i := strings.IndexAny(word, " ,.;:)"); i >= 0 {
			word = word[:i]
		}
		if quantityWords.has(word) {
			return false
		}
		if kind == "range-dash-y" {
			a, _ := strconv.Atoi(s[:4])
			bs := strings.TrimLeft(s[4:end], " -–")
			b, _ := strconv.Atoi(bs)
			if len(bs) == 2 {
				b += a / 100 * 100
			}
			return b > a && b-a < 100
		}
	}
	return true
}

// sessionVerbs before "the day" make it the day of a session: "ended the
// day at 8,017", "for the day".
var sessionVerbs = toSet(`end ended ending ends finish finished finishing finishes close closed closing closes
	for open opened opening opens start started starting starts`)

// sessionParts before "in the day" or "of the day" make it a part of a
// session's day: "late in the day", "at the start of the day".
var sessionParts = toSet(`late early earlier later start end close`)

// sessionDayRe matches the day of a session: "the day".
var sessionDayRe = regexp.MustCompile(`(?i)^the\s+day$`)

// groupWords after a day make it the name of a group: "the March 14
// movement", "the 26th of July Movement".
var groupWords = toSet(`movement movements forces coalition alliance bloc camp group`)

// editionWords after "its" and a weekday name one edition of a paper.
var editionWords = toSet(`edition editions newspaper paper issue`)

// isPossessivePronoun reports whether w is "its", "their", "his" or "her".
func isPossessivePronoun(w string) bool {
	switch strings.ToLower(w) {
	case "its", "their", "his", "her":
		return true
	}
	return false
}

// eventNouns after "a" and a weekday make it the day of one event: "in a
// Monday statement".
var eventNouns = toSet(`statement statements news briefing interview speech letter meeting report session
	address vote ruling decision announcement hearing call rally summit memo filing release editorial event
	conference`)

// feastWords before "Christmas" make it the feast: "Merry Christmas".
var feastWords = toSet(`merry happy celebrate celebrates celebrated celebrating white`)

// weekdayKinds after a weekday make it a kind of thing, not a day.
var weekdayKinds = toSet(`show shows program programs programme programmes edition editions newspaper newspapers
	paper papers talk talks-show services school`)

// namedDayWords make a weekday the name of a day of its own.
var namedDayWords = toSet(`black cyber super good ash easter bloody blue holy palm shrove maundy whit plough
	giving small`)

// tense is what the words around a date say about its time.
type tense int

const (
	tenseNone    tense = iota
	tensePast          // "was held on Monday", "said Monday"
	tensePresent       // "the vote is on Monday"
	tenseFuture        // "will meet on Monday", "is expected in December"
)

// futureWords mark a clause about what is to come.
var futureWords = toSet(`will shall won't wont 'll ’ll would going plans plan planned planning expected expects
	expect scheduled schedule set due slated aims aim intends intend hopes hope upcoming next vows vowed
	promises promised pledges pledged wants ahead forthcoming approaching hoped wanted intended aimed payable
	await awaits awaiting`)

// pastIntentWords look ahead from a time past: "hoped to finish in May"
// written in April is this May, but "had said he hoped to stay on Monday"
// may be the Monday he said it.
var pastIntentWords = toSet(`hoped wanted intended aimed`)

// futureNouns are future words that are nouns after "the" or "its".
var futureNouns = toSet(`plan plans hope hopes aim aims schedule vows promises pledges`)

// pastWords mark a clause about what happened.
var pastWords = toSet(`was were had did ago earlier previously been`)

// tenseAt reads the tense of the clause holding the date expression that
// starts at token t and ends at byte end: the nearest tense word before it
// in its sentence (the verb it hangs from, "said Monday", "will vote on
// Sunday"), else the first after it ("On Sunday, voters will go").
func tenseAt(l *layout, t, endByte int) tense {
	s := l.sents[l.toks[t].sent]
	end := l.tokenAt(l.toks[t].start + endByte)
	// "crude for December delivery": a contract's month is to come.
	if end < s.end && l.isWordTok(end) && contractWords.has(l.word(end)) {
		return tenseFuture
	}
	// "crude for delivery in January": the same.
	if w := strings.ToLower(l.word(t)); (w == "in" || w == "for") && t > s.first && l.isWordTok(t-1) && deliveryWords.has(l.word(t-1)) {
		return tenseFuture
	}
	// "rose to 5.1 percent in March from 4.9 percent in February": the
	// figure compared with is of before.
	for i := t - 1; i > s.first && i >= t-5; i-- {
		if !l.isWordTok(i) && !l.punct(i, "%") && !l.punct(i, "$") {
			break
		}
		w := strings.ToLower(l.word(i))
		if w == "from" && i < t-1 {
			return tensePast
		}
		if !amountWords.has(w) && !startsWithDigit(w) {
			break
		}
	}
	// "called a snap election for July 7": what a date is for is ahead.
	if t > s.first && l.isWordTok(t-1) && strings.EqualFold(l.word(t-1), "for") {
		return tenseFuture
	}
	ahead := func() tense {
		for i := end; i < s.end && i < end+10; i++ {
			if l.punct(i, ";") || l.toks[i].kind == tokMark {
				break
			}
			if i == end && l.isWordTok(i) && strings.EqualFold(l.word(i), "that") {
				break // "claiming on Tuesday that Tehran would": the clause reported is not the date's
			}
			if l.isWordTok(i) && speechVerbs.has(l.word(i)) {
				break // "… in April, aides said": the saying is not the date's
			}
			if l.isWordTok(i) && whWords.has(l.word(i)) && i > 0 && l.punct(i-1, ",") {
				break // "the operation on Monday, which is the first": a clause about the noun
			}
			if l.isWordTok(i) && modalWords.has(l.word(i)) && !strings.EqualFold(l.word(i), "must") {
				break // "the costs of an incident in August could reach": a guess, not a schedule
			}
			if te := tenseOf(l, i); te != tenseNone {
				return te
			}
		}
		return tenseNone
	}
	// "was extended until March 18": the end of what goes on.
	until := func(i int) bool {
		w := strings.ToLower(l.word(i))
		return l.isWordTok(i) && (w == "until" || w == "till" || w == "through")
	}
	if until(t) || t > s.first && until(t-1) {
		for i := t - 1; i >= s.first && i >= t-8; i-- {
			if l.isWordTok(i) && untilVerbs.has(l.word(i)) {
				return tenseFuture
			}
		}
		// "has kept the markets closed until Friday": what goes on
		// lasts until a day to come, unless the clause tells of the past.
		for i := t - 1; i >= s.first && i >= t-12; i-- {
			if l.isWordTok(i) && (strings.EqualFold(l.word(i), "has") || strings.EqualFold(l.word(i), "have")) {
				return tenseFuture
			}
		}
		for i := t - 1; i >= s.first && i >= t-12; i-- {
			if te := tenseOf(l, i); te != tenseNone {
				return te
			}
		}
		// "Sales for the year through September rose": the verb after.
		if te := ahead(); te != tenseNone {
			return te
		}
		return tenseFuture
	}
	// "Sunday's elections will go ahead": a date that names a thing is
	// dated by that thing's verb.
	possessive := end > t && isPossessive(l.word(end-1))
	weekday := false
	for i := t; i < end; i++ {
		_, ok := weekdays[strings.ToLower(l.word(i))]
		weekday = weekday || ok && l.isWordTok(i)
	}
	for i := t - 1; i >= s.first && i >= t-15; i-- {
		if l.punct(i, ";") {
			break
		}
		// "Chirac, who on his arrival late Friday called for…": the
		// clause of the date begins at ", who"; its verb comes after.
		if l.isWordTok(i) && whWords.has(l.word(i)) && i > s.first && l.punct(i-1, ",") {
			// "World AIDS Day, which falls on Friday": the clause's own
			// present.
			if v := i + 1; v < t && t-v <= 3 && l.isWordTok(v) && !isUpperStart(l.word(v)) && len(l.word(v)) > 3 &&
				strings.HasSuffix(l.word(v), "s") && !strings.HasSuffix(l.word(v), "ss") && !strings.HasSuffix(l.word(v), "us") &&
				!pastWords[strings.ToLower(l.word(v))] {
				return tensePresent
			}
			return ahead()
		}
		// "is being investigated after announcing in January": what is
		// done after, or since, an -ing verb happened before it.
		if l.isWordTok(i) && i > s.first && l.isWordTok(i-1) && strings.HasSuffix(strings.ToLower(l.word(i)), "ing") &&
			len(l.word(i)) > 5 && (strings.EqualFold(l.word(i-1), "after") || strings.EqualFold(l.word(i-1), "since")) {
			return tensePast
		}
		// "said Tuesday that on Sunday the polls will open": the date
		// opens the clause reported, whose verb comes after it.
		if l.isWordTok(i) && strings.EqualFold(l.word(i), "that") &&
			(i == t-1 || i == t-2 && l.isWordTok(t-1) && datePrepositions.has(l.word(t-1))) {
			if te := ahead(); te != tenseNone {
				return te
			}
		}
		if te := tenseOf(l, i); te != tenseNone {
			if te == tenseFuture && weekday && pastIntentWords.has(l.word(i)) {
				continue
			}
			if possessive && speechVerbs.has(l.word(i)) {
				if te := ahead(); te != tenseNone {
					return te
				}
			}
			return te
		}
	}
	return ahead()
}

// whWords after a comma open a clause about the noun before them ("that"
// may open a reported one).
var whWords = toSet(`which who whose whom`)

// resultLead reports whether w, before "to" and a verb, makes the verb a
// result of what came before, not a plan: "fell twice to finish fourth",
// "First to arrive Friday was"; not "was to take effect", "plans to meet".
func resultLead(w string) bool {
	lw := strings.ToLower(w)
	if futureWords[lw] || presentBe.has(lw) || lw == "was" || lw == "were" || lw == "be" || lw == "need" || lw == "needs" ||
		lw == "agreed" || lw == "decided" || lw == "asked" || lw == "told" || lw == "ready" || lw == "likely" {
		return false
	}
	return lw == "first" || lw == "last" || lw == "twice" || lw == "back" || lw == "again" || lw == "rallied" ||
		lw == "recovered" || lw == "came" || likelyVerb(lw) || irregularPast[lw]
}

// participles are past participles that do not end in "-ed": "would have
// risen".
var participles = toSet(`been risen fallen gone done seen taken given grown shown known begun written driven eaten
	chosen spoken broken frozen stolen forgotten hidden ridden beaten won lost paid cut hit put set run come become
	kept held left met sent spent built sold bought brought thought found got gotten made told said`)

// hearsayWords before "to be" report a belief, not a plan: "is said to be".
var hearsayWords = toSet(`said believed thought reported known seems seemed seem appears appeared appear understood
	considered alleged claimed rumoured rumored`)

// namedNoun reports whether the word at token i follows a name that follows
// a determiner, and so is a noun the name qualifies: "the Knesset vote",
// "a US Senate vote".
func namedNoun(l *layout, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4 && l.isWordTok(k); k-- {
		w := l.word(k)
		if determiners.has(w) || isPossessive(w) {
			return k < i-1
		}
		if !isUpperStart(w) {
			return false
		}
	}
	return false
}

// presentVerbs are verbs whose plain form reads as the present of a
// schedule: "applications close on 30 April".
var presentVerbs = toSet(`close open start begin end run take meet vote arrive leave return launch expire resume
	go come convene reopen resumes expires launches convenes reopens kick host travel clash`)

// scheduleVerbs are verbs whose plain form after "to" plans something:
// "was to take effect on Aug. 1".
var scheduleVerbs = toSet(`take go come start begin hold meet vote sign open close end return visit announce
	launch release publish present travel arrive leave decide resume testify appear speak attend run expire
	finish complete reopen resume retire marry clash play face mobilise mobilize gather rally march compete
	debate discuss review sign`)

// untilVerbs move a period's end forward: "was extended until March 18".
var untilVerbs = toSet(`extended extend extends postponed postpone delayed delay pushed suspended suspend
	adjourned runs run lasts last valid open remain remains stay stays continue continues`)

// datePrepositions come before a date: "that on July 1 the rule".
var datePrepositions = toSet(`on in by from since until after before`)

// contractWords after a month make it the month of a contract to come:
// "for December delivery".
var contractWords = toSet(`delivery settlement contract contracts futures`)

// deliveryWords before "in" and a month make it the month of a contract:
// "for delivery in January" (not "contracts in June", which were signed).
var deliveryWords = toSet(`delivery settlement`)

// amountWords make up an amount: "from 4.9 percent in February".
var amountWords = toSet(`percent per cent points point dollars dollar euros yen pounds million billion trillion
	a an in`)

// startsWithDigit reports whether w starts with a digit.
func startsWithDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// nextNarrative after "next" tell a story's sequence, not a plan: "the
// next day".
var nextNarrative = toSet(`day morning afternoon evening night`)

// presentBe before a participle makes a present passive: "the results are
// announced on Tuesday" is a schedule, "was announced" the past.
var presentBe = toSet(`is are am`)

// setParticles after "set" make another verb: "set up", "set out".
var setParticles = toSet(`up out off aside apart down about`)

// passiveLinks after a present passive tie it to something done before:
// "is accused of", "is believed to have".
var passiveLinks = toSet(`of with to that as for about over`)

// modalWords look ahead: "could take up the measure in April".
var modalWords = toSet(`could may might should can must`)

// tenseOf says what tense the word at token i marks, if any. A
// participle after "be" ("will be held", "is due to be finished") is not
// the past.
func tenseOf(l *layout, i int) tense {
	if !l.isWordTok(i) {
		return tenseNone
	}
	w := strings.ToLower(strings.ReplaceAll(l.word(i), "’", "'"))
	passive := i > 0 && l.isWordTok(i-1) && (strings.EqualFold(l.word(i-1), "be") || strings.EqualFold(l.word(i-1), "been") ||
		strings.EqualFold(l.word(i-1), "being"))
	infinitive := i > 0 && l.isWordTok(i-1) && strings.EqualFold(l.word(i-1), "to")
	// "would have been 85 on April 15": what did not happen, in the past.
	if (w == "would" || w == "could" || w == "might" || w == "should") && l.isWordTok(i+1) && strings.EqualFold(l.word(i+1), "have") &&
		l.isWordTok(i+2) && (likelyVerb(l.word(i+2)) || irregularPast[strings.ToLower(l.word(i+2))] || participles.has(l.word(i+2))) {
		return tensePast // not "could have big consequences in November"
	}
	after := ""
	if l.isWordTok(i + 1) {
		after = strings.ToLower(l.word(i + 1))
	}
	switch {
	case w == "due" && after == "to" && !(l.isWordTok(i+2) && (scheduleVerbs.has(l.word(i+2)) || l.word(i+2) == "be")):
		return tenseNone // "died due to injuries on Saturday": a cause, not a schedule
	case w == "next" && (after == "to" || nextNarrative.has(after)):
		return tenseNone // "a building next to the embassy", "the next day": no plan
	case w == "set" && (isUpperStart(l.word(i)) || passive || setParticles.has(after)):
		return tenseNone // "will be formally set up on Sunday", "the SET index"
	case w == "set" && after == "on" && i > 0 && l.isWordTok(i-1) && pastWords[strings.ToLower(l.word(i-1))]:
		return tensePast // "the record was set on Tuesday": done, not planned
	case w == "set" && !infinitive && after != "to" && after != "for" && after != "on":
		return tensePast // "set the tone on Tuesday": the past of set, not "set for"
	case (likelyVerb(w) || irregularPast[w]) && !futureWords[w] && !passiveLinks.has(after) && i > 0 && l.isWordTok(i-1) && presentBe.has(l.word(i-1)):
		// "nominations are announced Tuesday", "is needed by December";
		// not "is accused of killing two people on Sunday".
		return tensePresent
	case futureNouns.has(w) && i > 0 && l.isWordTok(i-1) && (determiners.has(l.word(i-1)) || isPossessive(l.word(i-1))):
		return tenseNone // "announced the plan Thursday": a noun, no plan for Thursday
	case futureWords[w] && i > 0 && l.isWordTok(i-1) && strings.EqualFold(l.word(i-1), "than"):
		return tenseNone // "grew faster than expected in October": no plan
	case futureWords[w] || strings.HasSuffix(w, "'ll"):
		if w == "payable" || w == "await" || w == "awaits" || w == "awaiting" || w == "expect" || w == "expects" {
			return tenseFuture // "a dividend payable Jan. 15", "await Tuesday's figures", "expect gains Wednesday"
		}
		if w == "set" || w == "due" || w == "going" || w == "hopes" || w == "hope" || w == "plan" || w == "plans" ||
			w == "expected" || w == "planned" || w == "scheduled" || w == "slated" || w == "next" || w == "upcoming" ||
			w == "forthcoming" || w == "approaching" || w == "ahead" && l.isWordTok(i+1) && l.word(i+1) == "of" ||
			w == "will" || w == "shall" || w == "would" || w == "won't" || strings.HasSuffix(w, "'ll") {
			return tenseFuture
		}
		if l.isWordTok(i+1) && l.word(i+1) == "to" {
			return tenseFuture
		}
		return tenseNone
	case modalWords[w]:
		return tenseFuture
	case infinitive && scheduleVerbs[w] && (i < 2 || !l.isWordTok(i-2) || !resultLead(l.word(i-2))):
		return tenseFuture // "was to take effect on Aug. 1"
	case w == "be" && i > 1 && l.isWordTok(i-1) && strings.EqualFold(l.word(i-1), "to") && l.isWordTok(i-2) && hearsayWords.has(l.word(i-2)):
		return tenseNone // "the operation on Wednesday, which is said to be the first": no plan
	case w == "be" && i > 0 && l.isWordTok(i-1) && strings.EqualFold(l.word(i-1), "to"):
		return tenseFuture // "an event to be held on October 12", "is to be signed"
	case passive || w == "be" || w == "been" || w == "being" || w == "to":
		return tenseNone
	case pastWords[w] || irregularPast[w] || speechVerbs[w] && strings.HasSuffix(w, "ed"):
		return tensePast
	case presentVerbs[w] && i > 0 && l.isWordTok(i-1) && !determiners.has(l.word(i-1)) && !isPossessive(l.word(i-1)) && !strings.HasPrefix(l.word(i-1), "'") && !strings.HasPrefix(l.word(i-1), "’") &&
		!namedNoun(l, i) &&
		(strings.HasSuffix(strings.ToLower(l.word(i-1)), "s") || isUpperStart(l.word(i-1)) || subjectPronouns.has(l.word(i-1))):
		return tensePresent // "applications close on 30 April"
	case w == "is" || w == "are" || w == "am" || w == "begins" || w == "starts" || w == "opens" ||
		w == "ends" || w == "runs" || w == "takes" || w == "comes" || w == "meets" || w == "holds" || w == "votes" ||
		w == "arrives" || w == "leaves" || w == "returns" || w == "closes" || w == "faces" || w == "expires" ||
		w == "visits" || w == "hosts" || w == "plays" || w == "launches" || w == "resumes" || w == "convenes" ||
		w == "reopens" || w == "travels" || w == "heads" || w == "kicks" || w == "goes":
		return tensePresent
	case w == "says" || w == "tells" || w == "writes" || w == "adds":
		return tensePast // a report's present: "Trump says Monday"
	}
	if likelyVerb(w) && !isUpperStart(l.word(i)) {
		return tensePast
	}
	return tenseNone
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

// numberWords are the numbers written in words that count days, weeks,
// months or years.
var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
	"thirty": 30, "a few": 3, "several": 3, "a couple of": 2, "some": 3}

// vagueNumbers are the counts that say "some" without saying how many:
// "several years ago" is a year no reader can name.
var vagueNumbers = regexp.MustCompile(`(?i)\b(?:few|several|couple|some)\b`)

func wordNumber(s string) (int, bool) {
	if strings.ContainsAny(s, " \t\n") || strings.ToLower(s) != s {
		s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	}
	if n, ok := numberWords[s]; ok {
		return n, true
	}
	if !isDigits(s) {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0 && n < 10000
}

// direction is which way in time an expression without a year or week
// goes from the publication date.
type direction int

const (
	onOrBefore direction = iota // the most recent: "Monday" in a report of what happened
	// nearest is for no word of tense either way: the nearer of the last
	// and the coming day of a month ("the 31 March deadline" written in
	// November); the most recent month but the next; the most recent
	// holiday unless the next comes within weeks ("services on Christmas
	// Eve" a week before it).
	nearest
	onOrAfter // the next: "will meet on Sunday"
	before    // strictly before: "last Monday"
	after     // strictly after: "next Monday"
)

// directionOf turns a qualifier ("last", "next", "this") and the tense of
// the clause into a direction. Without either, a date is the most recent.
func directionOf(qualifier string, te func() tense) direction {
	switch strings.ToLower(qualifier) {
	case "last", "since", "previous":
		return before
	case "next", "coming":
		return after
	}
	switch te() {
	case tenseFuture, tensePresent:
		return onOrAfter
	case tenseNone:
		return nearest
	}
	return onOrBefore
}

// weekdayFrom returns the day of weekday wd in direction dir from p.
func weekdayFrom(wd time.Weekday, dir direction, p time.Time) time.Time {
	back := (int(p.Weekday()) - int(wd) + 7) % 7 // days since the last such day, 0 for today
	ahead := (int(wd) - int(p.Weekday()) + 7) % 7
	switch dir {
	case before:
		if back == 0 {
			back = 7
		}
		return p.AddDate(0, 0, -back)
	case after:
		if ahead == 0 {
			ahead = 7
		}
		return p.AddDate(0, 0, ahead)
	case onOrAfter:
		return p.AddDate(0, 0, ahead)
	}
	return p.AddDate(0, 0, -back)
}

// monthFrom returns month m of the year that direction dir gives from p.
func monthFrom(m time.Month, dir direction, p time.Time) data.Time {
	y := p.Year()
	switch dir {
	case before:
		if m >= p.Month() {
			y--
		}
	case after:
		if m <= p.Month() {
			y++
		}
	case onOrAfter:
		if m < p.Month() {
			y++
		}
	case nearest:
		// The month after publication is the coming one; any other not yet
		// come is last year's.
		if next := p.Month()%12 + 1; m == next {
			if next == 1 {
				y++
			}
		} else if m > p.Month() {
			y--
		}
	default:
		if m > p.Month() {
			y--
		}
	}
	return monthOf(y, m)
}

// dayFrom returns day d of month m in direction dir from p, or false if
// there is no such day.
func dayFrom(m time.Month, d int, dir direction, p time.Time) (data.Time, bool) {
	t := time.Date(p.Year(), m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		// February 29 in another year: look in the years around.
		for dy := -4; dy <= 4; dy++ {
			if c := time.Date(p.Year()+dy, m, d, 0, 0, 0, 0, time.UTC); c.Day() == d {
				t = c
				break
			}
		}
		if t.Day() != d {
			return data.Time{}, false
		}
	}
	pd := time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, time.UTC)
	switch dir {
	case onOrAfter, after:
		for t.Before(pd) || dir == after && t.Equal(pd) {
			t = t.AddDate(1, 0, 0)
		}
		// "the last stay was to end on November 21" written on December
		// 16: a plan of weeks ago, not of most of a year ahead, which news
		// would give its year.
		if last := t.AddDate(-1, 0, 0); dir == onOrAfter && t.Sub(pd) > 300*24*time.Hour && pd.Sub(last) <= 62*24*time.Hour {
			t = last
		}
	default:
		for t.After(pd) {
			t = t.AddDate(-1, 0, 0)
		}
		if dir == onOrBefore || dir == nearest {
			t = currentYearDay(t, dir, pd)
		}
	}
	return day(t), true
}

// currentYearDay returns the day a month and day without a year stand for,
// given t, the most recent such day on or before pd (the day of
// publication), in direction onOrBefore or nearest. News leaves out the year
// of a date in the year of publication and writes it for one in another
// year, so a day that would fall in the year before is the coming one when
// that comes within three months: "leaving for Washington on April 24"
// written on April 6, "the handover on July 1" written in April, even after
// a verb in the past ("had hoped to enact it before leaving …", "fell on
// fears about the election on May 1"). A day most of a year back in the
// year of publication stays, but for the coming one within a month ("took
// office on Jan. 1" written in November is this year's; "the VAT rise on
// January 1" written on December 13 the next), or, when no verb gives the
// direction, within six weeks.
func currentYearDay(t time.Time, dir direction, pd time.Time) time.Time {
	const dayLen = 24 * time.Hour
	next := t.AddDate(1, 0, 0)
	ahead, back := next.Sub(pd), pd.Sub(t)
	switch {
	case t.Year() < pd.Year() && ahead <= 92*dayLen:
		return next
	case back > 300*dayLen && ahead <= 31*dayLen:
		return next
	case dir == nearest && ahead < back:
		return next
	}
	return t
}

// fullDate reads "March 3, 2021", "3 March 2021" or "2021-03-03" (with the
// year optional in the first two, then resolved by dir).
func fullDate(s string, dir direction, p time.Time) (data.Time, bool, bool) {
	if m := isoRe.FindStringSubmatch(s); m != nil {
		t, err := data.ParseTime(m[0])
		return t, err == nil, false
	}
	var mon, dd, yy string
	mi, di := mdyRe.FindStringSubmatchIndex(s), dmyRe.FindStringSubmatchIndex(s)
	if di != nil && (mi == nil || di[0] < mi[0]) {
		m := dmyRe.FindStringSubmatch(s)
		dd, mon, yy = m[1], m[2], m[3]
	} else if mi != nil {
		m := mdyRe.FindStringSubmatch(s)
		mon, dd, yy = m[1], m[2], m[3]
	} else {
		return data.Time{}, false, false
	}
	mo, ok := monthNamed(mon)
	d, err := strconv.Atoi(dd)
	if !ok || err != nil || d < 1 || d > 31 {
		return data.Time{}, false, false
	}
	if yy == "" {
		t, ok := dayFrom(mo, d, dir, p)
		return t, ok, true
	}
	y, _ := strconv.Atoi(yy)
	t, err := data.ParseTime(strconv.Itoa(y) + "-" + two(int(mo)) + "-" + two(d))
	return t, err == nil, false
}

var (
	isoRe = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	mdyRe = regexp.MustCompile(`(` + monthName + `)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+((?:1[89]|20)\d{2}))?`)
	dmyRe = regexp.MustCompile(`(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthName + `)(?:,?\s+((?:1[89]|20)\d{2}))?`)
)

// monthYear reads "March" or "March 2020" resolved by dir.
func monthYear(s string, dir direction, p time.Time) (data.Time, bool, bool) {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' })
	if len(f) == 0 {
		return data.Time{}, false, false
	}
	mo, ok := monthNamed(f[0])
	if !ok {
		return data.Time{}, false, false
	}
	if len(f) > 1 {
		if y, err := strconv.Atoi(f[len(f)-1]); err == nil {
			return monthOf(y, mo), true, false
		}
	}
	return monthFrom(mo, dir, p), true, true
}

// resolveDate works out the time of one matched expression of the given
// kind; sub returns its submatches, te the tense of its clause.
func resolveDate(kind string, sub func(int) string, p time.Time, te func() tense) (DateMention, bool) {
	d := DateMention{Relative: true} // but for a date written out in full
	pubDay := day(p)
	lead := strings.ToLower(strings.Fields(sub(0) + " x")[0])
	switch kind {
	case "range-md", "range-m":
		dir := directionOf("", te)
		var rel1, rel2 bool
		var ok1, ok2 bool
		if kind == "range-md" {
			d.From, ok1, rel1 = fullDate(sub(1), dir, p)
			end := sub(2)
			if _, isMonth := monthNamed(strings.Fields(end)[0]); !isMonth {
				// "from March 3 to 5": the month of the first.
				end = strings.Fields(sub(1))[0] + " " + end
			}
			d.To, ok2, rel2 = fullDate(end, dir, p)
		} else {
			d.From, ok1, rel1 = monthYear(sub(1), dir, p)
			d.To, ok2, rel2 = monthYear(sub(2), dir, p)
			if ok1 && ok2 && rel1 && !rel2 {
				// "from September to December 2014": the year of the end.
				d.From = withYear(d.From, time.Unix(d.To.Unix, 0).UTC().Year())
				if d.From.Unix > d.To.Unix {
					d.From = shiftYear(d.From, -1)
				}
				rel1 = false
			}
		}
		if !ok1 || !ok2 {
			return d, false
		}
		if d.To.Unix < d.From.Unix && rel2 {
			// "from November to February": the February after.
			d.To = shiftYear(d.To, 1)
		}
		d.Relative = rel1 && rel2
	case "range-y", "range-dash-y":
		a, _ := strconv.Atoi(sub(1))
		bs := sub(2)
		b, _ := strconv.Atoi(bs)
		if len(bs) == 2 {
			b += a / 100 * 100
		}
		if b <= a {
			return d, false
		}
		d.From, d.To, d.Relative = yearOf(a), yearOf(b), false
	case "range-dash-md":
		mo, _ := monthNamed(strings.Fields(sub(0))[0])
		a, _ := strconv.Atoi(sub(1))
		b, _ := strconv.Atoi(sub(2))
		if a < 1 || b > 31 || b <= a {
			return d, false
		}
		if y := sub(3); y != "" {
			yy, _ := strconv.Atoi(y)
			from, err1 := data.ParseTime(strconv.Itoa(yy) + "-" + two(int(mo)) + "-" + two(a))
			to, err2 := data.ParseTime(strconv.Itoa(yy) + "-" + two(int(mo)) + "-" + two(b))
			if err1 != nil || err2 != nil {
				return d, false
			}
			d.From, d.To, d.Relative = from, to, false
		} else {
			dir := directionOf("", te)
			var ok bool
			if d.From, ok = dayFrom(mo, a, dir, p); !ok {
				return d, false
			}
			d.To = data.Time{Unix: d.From.Unix + int64(b-a)*86400, Precision: data.PrecisionDay}
		}
	case "range-wd":
		dir := directionOf("", te)
		a := weekdayFrom(weekdays[strings.ToLower(sub(1))], dir, p)
		b := weekdayFrom(weekdays[strings.ToLower(sub(2))], dir, p)
		if b.Before(a) {
			b = b.AddDate(0, 0, 7)
		}
		d.From, d.To = day(a), day(b)
	case "iso":
		t, err := data.ParseTime(sub(0))
		if err != nil {
			return d, false
		}
		d.From, d.Relative = t, false
	case "since-full":
		t, ok, rel := fullDate(sub(0), before, p)
		if !ok {
			return d, false
		}
		// "since July 26": the day it names, as news annotation reads it;
		// the period to the publication date is the reader's to see.
		d.From, d.Relative = t, rel
	case "mdy", "dmy":
		qual := lead
		if qual != "since" {
			qual = ""
		}
		t, ok, rel := fullDate(sub(0), directionOf(qual, te), p)
		if !ok {
			return d, false
		}
		d.From, d.Relative = t, rel
	case "month-year":
		mo, ok := monthNamed(sub(1))
		y, err := strconv.Atoi(sub(2))
		if !ok || err != nil {
			return d, false
		}
		d.From, d.Relative = monthOf(y, mo), false
	case "month":
		mo, ok := monthNamed(sub(2))
		if !ok {
			return d, false
		}
		qual := strings.ToLower(sub(1))
		switch qual {
		case "last", "next":
		case "this":
			d.From = monthOf(p.Year(), mo)
			return d, true
		case "since":
			d.From = monthFrom(mo, onOrBefore, p)
			return d, true
		default:
			qual = ""
		}
		d.From = monthFrom(mo, directionOf(qual, te), p)
	case "weekday":
		wd := weekdays[strings.ToLower(sub(1))]
		f := strings.Fields(strings.ToLower(sub(0)))
		qual, since := "", false
		for _, w := range f[:len(f)-1] {
			if w == "last" || w == "next" || w == "this" {
				qual = w
			}
			since = since || w == "since"
		}
		switch {
		case since:
			dir := onOrBefore
			if qual == "last" {
				dir = before
			}
			d.From = day(weekdayFrom(wd, dir, p))
		case qual == "this":
			d.From = day(weekdayFrom(wd, directionOf("", te), p))
		default:
			d.From = day(weekdayFrom(wd, directionOf(qual, te), p))
		}
	case "unit":
		which, unit := strings.ToLower(sub(1)), strings.ToLower(sub(2))
		off := 0
		switch which {
		case "last", "previous":
			off = -1
		case "next", "coming":
			off = 1
		}
		switch unit {
		case "week", "weekend":
			// A news week runs Monday to Sunday; but on a Sunday, "this
			// week" of what is still to be done ("rushing to pass this
			// week") is the week that starts the next day, as Sunday
			// papers and talk shows use it.
			if which == "this" && unit == "week" && p.Weekday() == time.Sunday && (te() == tenseFuture || te() == tensePresent) {
				off = 1
			}
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
	case "season":
		f := strings.Fields(strings.ToLower(strings.NewReplacer("-", " ").Replace(sub(0))))
		qual, lead := "", false
		for _, w := range f {
			switch w {
			case "this", "last", "next", "coming", "past", "previous":
				qual = w
			case "in", "during", "by", "until", "through", "since", "over", "for", "before", "after":
				lead = true // not "the" alone: "The fall was the worst in years"
			}
		}
		name := strings.ToLower(sub(1))
		// "prices fall", "a hot spring": a season is a date only with a
		// word that makes it one.
		if qual == "" && sub(3) == "" && !lead {
			return d, false
		}
		if sub(3) != "" {
			y, _ := strconv.Atoi(sub(3))
			d.From, d.To = seasonOf(name, y)
			d.Relative = false
			break
		}
		// "In winter the towns are empty": a season with no tense of
		// what happened or will is a habit, not a date.
		if te := te(); qual == "" && te != tensePast && te != tenseFuture {
			return d, false
		}
		d.From, d.To = seasonFrom(name, qual, te, p)
	case "part-of-year":
		first, last, ok := partOfYear(strings.ToLower(sub(1)), strings.ToLower(sub(2)), strings.ToLower(sub(3)))
		if !ok {
			return d, false
		}
		y := p.Year()
		if sub(5) != "" {
			y, _ = strconv.Atoi(sub(5))
			d.Relative = false
		}
		switch strings.ToLower(sub(6)) {
		case "last":
			y--
		case "next":
			y++
		}
		d.From, d.To = monthOf(y, first), monthOf(y, last)
	case "rolling":
		n := 1
		if sub(1) != "" {
			var ok bool
			if n, ok = wordNumber(strings.TrimSpace(sub(1))); !ok || n == 0 {
				return d, false
			}
			d.Uncertain = vagueNumbers.MatchString(sub(1))
		}
		if sub(1) == "" && strings.HasSuffix(strings.ToLower(sub(2)), "s") && !strings.HasSuffix(sub(2), "hours") {
			return d, false // "in the past decades": no period of its own
		}
		unit := strings.TrimSuffix(strings.ToLower(sub(2)), "s")
		var from time.Time
		switch {
		case unit == "day":
			from = p.AddDate(0, 0, -n)
		case unit == "week":
			from = p.AddDate(0, 0, -7*n)
		case unit == "month":
			from = p.AddDate(0, -n, 0)
		case unit == "year":
			from = p.AddDate(-n, 0, 0)
		case unit == "decade":
			from = p.AddDate(-10*n, 0, 0)
		case strings.HasSuffix(unit, "hour"):
			h, _ := strconv.Atoi(strings.Fields(unit)[0])
			from = p.Add(-time.Duration(h) * time.Hour)
		default:
			return d, false
		}
		d.From, d.To = day(from), pubDay
	case "coming":
		n := 0
		if sub(1) != "" {
			n, _ = wordNumber(strings.TrimSpace(sub(1)))
		}
		d.From, d.Uncertain, d.Future = pubDay, n == 0, true
		switch strings.ToLower(sub(2)) {
		case "days":
			d.To = day(p.AddDate(0, 0, max(n, 14)))
		case "weeks":
			d.To = day(p.AddDate(0, 0, 7*max(n, 6)))
		case "months":
			if strings.Contains(strings.ToLower(sub(0)), "few") {
				n = 6
			}
			t := p.AddDate(0, max(n, 6), 0)
			if n > 0 {
				t = p.AddDate(0, n, 0)
			}
			d.To = monthOf(t.Year(), t.Month())
		case "years":
			d.To = yearOf(p.Year() + max(n, 5))
		}
	case "ago":
		n, ok := wordNumber(sub(1))
		if !ok {
			return d, false
		}
		if strings.HasSuffix(strings.ToLower(sub(0)), "earlier") && (strings.EqualFold(sub(2), "day") || strings.EqualFold(sub(2), "week")) {
			return d, false // "two days earlier" counts from another day than today
		}
		// "several years ago", "some months ago": a guess at the count,
		// so a guess at the date.
		d.Uncertain = vagueNumbers.MatchString(sub(1))
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
	case "within-unit":
		early := strings.EqualFold(sub(1), "earlier")
		switch strings.ToLower(sub(2)) {
		case "week":
			monday := p.AddDate(0, 0, -((int(p.Weekday()) + 6) % 7))
			if early {
				d.From, d.To = day(monday), pubDay
			} else {
				d.From, d.To = pubDay, day(monday.AddDate(0, 0, 6))
			}
		case "month":
			// "earlier this month": this month, no more exact than the
			// words, as news annotation reads it.
			d.From = monthOf(p.Year(), p.Month())
		case "year":
			d.From = yearOf(p.Year())
		}
		d.Uncertain = true
	case "day":
		switch strings.ToLower(sub(1)) {
		case "today", "tonight":
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
	case "short-year":
		// "since '82": the last such year, this century's if it has come.
		yy, err := strconv.Atoi(sub(1))
		if err != nil {
			return d, false
		}
		y := p.Year()/100*100 + yy
		if y > p.Year() {
			y -= 100
		}
		d.From, d.Relative = yearOf(y), false
	case "holiday":
		name := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(sub(2), "’", "'")), " "))
		if _, floating := floatingHolidays[name]; floating {
			if y := sub(3); y != "" {
				yy, _ := strconv.Atoi(y)
				d.From, d.Relative = day(floatingHoliday(name, yy)), false
				break
			}
			d.From = day(floatingFrom(name, directionOf(sub(1), te), p))
			break
		}
		md, ok := holidayDates[name]
		if !ok {
			return d, false
		}
		if y := sub(3); y != "" {
			yy, _ := strconv.Atoi(y)
			d.From, d.Relative = day(time.Date(yy, time.Month(md[0]), md[1], 0, 0, 0, 0, time.UTC)), false
			break
		}
		t, ok := dayFrom(time.Month(md[0]), md[1], directionOf(sub(1), te), p)
		if !ok {
			return d, false
		}
		d.From = t
	case "month-modifier":
		mo, ok := monthNamed(sub(1))
		if !ok {
			return d, false
		}
		qual := ""
		if lead == "last" || lead == "next" {
			qual = lead
		}
		if lead == "this" {
			d.From = monthOf(p.Year(), mo)
			break
		}
		d.From = monthFrom(mo, directionOf(qual, te), p)
	case "part-of-month":
		mo, ok := monthNamed(sub(1))
		if !ok {
			return d, false
		}
		if y := sub(2); y != "" {
			yy, _ := strconv.Atoi(y)
			d.From, d.Relative = monthOf(yy, mo), false
			break
		}
		qual := ""
		if lead == "since" {
			qual = "since"
		}
		d.From = monthFrom(mo, directionOf(qual, te), p)
	case "day-next", "session-day":
		// "the next day": the day after the one named before, which
		// findDates looks up; "ended the day": that day.
		d.From = pubDay
	case "that-unit":
		// "in the same year": the year of the date named before it, which
		// findDates looks up; the publication's until then.
		switch strings.ToLower(sub(1)) {
		case "year":
			d.From = yearOf(p.Year())
		case "month":
			d.From = monthOf(p.Year(), p.Month())
		default:
			d.From = pubDay
		}
	case "end-of", "year-end":
		y := p.Year()
		switch strings.ToLower(sub(1)) {
		case "next":
			y++
		case "last":
			y--
		}
		if strings.EqualFold(sub(2), "year") {
			// "by the end of the year": the year, as news annotation
			// reads it, and no more exact than the words.
			d.From, d.Uncertain = yearOf(y), true
		} else {
			m := p.Month()
			switch strings.ToLower(sub(1)) {
			case "next":
				m++
			case "last":
				m--
			}
			t := time.Date(p.Year(), m, 1, 0, 0, 0, 0, time.UTC)
			d.From = monthOf(t.Year(), t.Month())
		}
	}
	if !d.To.IsZero() && d.To.End() <= d.From.End() && d.To.Unix < d.From.Unix {
		return d, false
	}
	return d, !d.From.IsZero()
}

// seasonWordRe matches a season ending a date expression.
var seasonWordRe = regexp.MustCompile(`(Spring|Summer|Fall|Autumn|Winter|spring|summer|fall|autumn|winter)$`)

// seasonNoun reports whether the season d ends with, between the texts
// before and rest, is a thing rather than a time: "the fall of the
// regime", "a fall in prices", "the Spring Festival", "the last winter
// we spent there".
func seasonNoun(d DateMention, before, rest string) bool {
	e := d.Expression
	if !hasFold(e[max(0, len(e)-6):], keyWords["season"]) {
		return false
	}
	m := seasonWordRe.FindString(e)
	if m == "" {
		return false
	}
	if w := strings.Fields(strings.ToLower(before + " " + d.Expression)); len(w) >= 3 &&
		w[len(w)-3] == "the" && w[len(w)-2] == "last" {
		return true
	}
	f := strings.Fields(rest)
	if len(f) == 0 {
		return false
	}
	low := strings.ToLower(m)
	switch {
	case f[0] == "of" && !(len(f) > 1 && yearOnlyRe.MatchString(f[1])):
		return true
	case seasonalNouns.has(f[0]):
		return true // "in the winter months", "summer time": a habit
	case f[0] == "in" && (low == "fall" || low == "spring"):
		return true
	case isUpperStart(m) && isUpperStart(f[0]):
		return true // "the Spring Festival", "Summer Olympics"
	}
	return false
}

// seasonalNouns after a season make it a kind of time, not a date.
var seasonalNouns = toSet(`time months weather season seasons days nights sun storms tires`)

// yearOnlyRe matches a word that is a year and nothing else.
var yearOnlyRe = regexp.MustCompile(`^(?:1[89]|20)\d{2}[.,;:]?$`)

// seasonMonths are the first months of the seasons, as the northern
// hemisphere has them (meteorological seasons of three months each);
// a story from the south that says "summer" for January is read wrongly.
var seasonMonths = map[string]time.Month{"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

// seasonOf returns the first and last months of season name of year y
// (the winter of y runs from its December into the next year).
func seasonOf(name string, y int) (from, to data.Time) {
	m := seasonMonths[name]
	end := time.Date(y, m+2, 1, 0, 0, 0, 0, time.UTC)
	return monthOf(y, m), monthOf(end.Year(), end.Month())
}

// seasonFrom returns the season name counted from p by qual ("last",
// "next", "this") or, without one, by the tense: "last fall" is the
// latest fall over before the month of publication, "next summer" the
// first summer to start after it, "in the spring" in a report of what
// happened the latest spring begun, and in a plan the first not yet over.
func seasonFrom(name, qual string, te func() tense, p time.Time) (from, to data.Time) {
	pm := p.Year()*12 + int(p.Month()) - 1
	span := func(y int) (int, int) {
		s := y*12 + int(seasonMonths[name]) - 1
		return s, s + 2
	}
	pick := func(ok func(s, e int) bool, latest bool) int {
		best := 0
		found := false
		for y := p.Year() - 2; y <= p.Year()+1; y++ {
			if s, e := span(y); ok(s, e) && (!found || latest == (y > best)) {
				best, found = y, true
			}
		}
		return best
	}
	var y int
	switch {
	case qual == "last" || qual == "past" || qual == "previous":
		y = pick(func(s, e int) bool { return e < pm }, true)
	case qual == "next" || qual == "coming":
		y = pick(func(s, e int) bool { return s > pm }, false)
	case qual == "this":
		// "this summer" is the summer of the year of publication; "this
		// winter" the one that began last December only until March.
		y = p.Year()
		if name == "winter" && p.Month() < time.March {
			y--
		}
	case te() == tenseFuture || te() == tensePresent:
		y = pick(func(s, e int) bool { return e >= pm }, false)
	default:
		y = pick(func(s, e int) bool { return s <= pm }, true)
	}
	return seasonOf(name, y)
}

// partOfYear returns the first and last months of the part of a year
// named by which ("first", "last") and either a count of months ("three")
// or a part ("half", "quarter"): "the last three months" of a year are
// October to December, whatever the day of publication.
func partOfYear(which, count, part string) (first, last time.Month, ok bool) {
	n := 0
	switch {
	case count != "":
		n, _ = wordNumber(count)
	case part == "half":
		n = 6
	case part == "quarter":
		n = 3
	}
	k := 0 // which part, from 1, counted from the start of the year
	switch which {
	case "first":
		k = 1
	case "second":
		k = 2
	case "third":
		k = 3
	case "fourth":
		k = 4
	case "final", "last", "latter", "past":
		k = 12 / n
	}
	if n == 0 || k == 0 || k*n > 12 || count != "" && k != 1 && k != 12/n {
		return 0, 0, false
	}
	return time.Month((k-1)*n + 1), time.Month(k * n), true
}

// withYear returns t in year y, if that day exists.
func withYear(t data.Time, y int) data.Time {
	tt := time.Unix(t.Unix, 0).UTC()
	n := time.Date(y, tt.Month(), tt.Day(), 0, 0, 0, 0, time.UTC)
	if n.Day() != tt.Day() {
		return t
	}
	return data.Time{Unix: n.Unix(), Precision: t.Precision}
}

// shiftYear returns t moved by n years.
func shiftYear(t data.Time, n int) data.Time {
	return data.Time{Unix: time.Unix(t.Unix, 0).UTC().AddDate(n, 0, 0).Unix(), Precision: t.Precision}
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

package data

import (
	"strconv"
	"strings"
	"time"
)

// DateInput is a date or a range of dates as a person typed it, understood
// by ParseDateInput.
type DateInput struct {
	Start Time
	End   Time // zero for a single date
	// Uncertain marks an end written with EDTF's "?" (or "%"); Approximate
	// one written "c. 2022", "about 2022" or with EDTF's "~" (or "%").
	StartUncertain, EndUncertain     bool
	StartApproximate, EndApproximate bool
	// EarliestStart and LatestEnd widen the extent of an uncertain or
	// approximate date by one unit of its precision either way ("c. 2022":
	// 2021 to 2023); nil when the date is exact.
	EarliestStart, LatestEnd *int64
}

// maxDateInput is the longest date text ParseDateInput reads.
const maxDateInput = 100

// ParseDateInput understands a date or range typed by a person:
//
//	2022-08, 2023-05-15, 2023-05-15 14:30, 2023-05-15T14:30:05Z
//	Aug 2022, August 2022, 15 May 2023, May 15, 2023, 15 May 2023 14:30
//	2022, 45 BC, AD 33
//	c. 2022, circa 2022, about Aug 2022, ~2022
//	2022-08?, 2022~, 2022-08% (EDTF: uncertain, approximate, both)
//	2022-08/2023-05, Aug 2022 – May 2023, 2022 to 2024
//
// Each date gets the precision of how it was written. All times are UTC.
// An error matches ErrInvalidTime and says what was not understood.
func ParseDateInput(s string) (DateInput, error) {
	bad := func(reason string) (DateInput, error) {
		return DateInput{}, &timeError{input: s, reason: reason}
	}
	text := strings.TrimSpace(s)
	switch {
	case text == "":
		return bad("is empty: type a date such as 2022-08, Aug 2022 or 15 May 2023")
	case len(text) > maxDateInput:
		return DateInput{}, &timeError{input: text[:20] + "…", reason: "is too long for a date"}
	}
	parts := splitRange(text)
	if len(parts) > 2 {
		return bad("has more than one range separator: write dates as 2023-04-03 or 3 Apr 2023, and a range as 2022-08/2023-05")
	}
	var d DateInput
	var err error
	d.Start, d.StartUncertain, d.StartApproximate, err = parseOneDate(parts[0])
	if err != nil {
		return bad(err.Error())
	}
	if len(parts) == 2 {
		if p := strings.TrimSpace(parts[1]); p == "" || p == ".." {
			return bad("has no end: give the last date the range may reach")
		}
		d.End, d.EndUncertain, d.EndApproximate, err = parseOneDate(parts[1])
		if err != nil {
			return bad("end: " + err.Error())
		}
		if d.End.End() < d.Start.Unix {
			return bad("ends (" + d.End.Display() + ") before it starts (" + d.Start.Display() + ")")
		}
	}
	if d.StartUncertain || d.StartApproximate {
		v := shift(d.Start, -1).Unix
		d.EarliestStart = &v
	}
	last, lastFuzzy := d.Start, d.StartUncertain || d.StartApproximate
	if len(parts) == 2 {
		last, lastFuzzy = d.End, d.EndUncertain || d.EndApproximate
	}
	if lastFuzzy {
		v := shift(last, 1).End()
		d.LatestEnd = &v
	}
	return d, nil
}

// splitRange splits text at a range separator: "/", an en or em dash, or
// " to " or " - " with spaces.
func splitRange(text string) []string {
	for _, sep := range []string{"/", "–", "—", " to ", " - "} {
		if strings.Contains(text, sep) {
			return strings.Split(text, sep)
		}
	}
	return []string{text}
}

// shift moves t by n units of its precision (minutes by n hours).
func shift(t Time, n int) Time {
	d := t.std()
	switch t.Precision {
	case PrecisionYear:
		d = d.AddDate(n, 0, 0)
	case PrecisionMonth:
		d = d.AddDate(0, n, 0)
	case PrecisionDay:
		d = d.AddDate(0, 0, n)
	case PrecisionMinute:
		d = d.Add(time.Duration(n) * time.Hour)
	default:
		d = d.Add(time.Duration(n) * time.Minute)
	}
	return Time{Unix: d.Unix(), Precision: t.Precision}
}

// dateError is a reason a date was not understood.
type dateError string

func (e dateError) Error() string { return string(e) }

// approxWords may start an approximate date.
var approxWords = []string{"circa ", "about ", "around ", "approx. ", "approx ", "ca. ", "ca ", "c. ", "c.", "c ", "~"}

// parseOneDate reads one date with its qualifiers.
func parseOneDate(s string) (t Time, uncertain, approx bool, err error) {
	s = strings.TrimSpace(strings.ToLower(s))
	for _, w := range approxWords {
		if strings.HasPrefix(s, w) {
			s, approx = strings.TrimSpace(s[len(w):]), true
			break
		}
	}
	for s != "" {
		switch s[len(s)-1] {
		case '?':
			uncertain = true
		case '~':
			approx = true
		case '%':
			uncertain, approx = true, true
		default:
			goto done
		}
		s = strings.TrimSpace(s[:len(s)-1])
	}
done:
	if s == "" {
		return Time{}, false, false, dateError("has no date")
	}
	if iso := isoForm(s); iso != "" {
		t, err := parseTime(strings.ToUpper(iso))
		if err != nil {
			return Time{}, false, false, dateError(err.(*timeError).reason)
		}
		return t, uncertain, approx, nil
	}
	t, err = parseWords(s)
	return t, uncertain, approx, err
}

// isoForm returns s in ParseTime's form if it looks like an ISO date
// ("2023-05-15 14:30" becomes "2023-05-15T14:30"), else "".
func isoForm(s string) string {
	p := strings.TrimLeft(s, "+-")
	n := 0
	for n < len(p) && isDigit(p[n]) {
		n++
	}
	if n < 4 || n > 6 || (n < len(p) && p[n] != '-') {
		return ""
	}
	if i := strings.IndexByte(s, ' '); i > 0 {
		s = s[:i] + "T" + strings.TrimSpace(s[i+1:])
	}
	return s
}

// months are the month names, in lower case.
var months = [...]string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"}

// monthOf reads a month name or its abbreviation of three or more letters
// ("sept", "aug."); 0 if w is none.
func monthOf(w string) int {
	w = strings.TrimSuffix(w, ".")
	if len(w) < 3 {
		return 0
	}
	for i, m := range months {
		if strings.HasPrefix(m, w) {
			return i + 1
		}
	}
	return 0
}

// parseWords reads dates written with words: "15 may 2023", "may 15, 2023
// 14:30", "aug 2022", "2022", "45 bc".
func parseWords(s string) (Time, error) {
	const want = "is not a date: write it like 2022-08, Aug 2022, 15 May 2023 or 2023-05-15 14:30"
	fields := strings.Fields(strings.ReplaceAll(s, ",", " "))
	var (
		month, hour, minute, second int
		nums                        []string
		era                         string
		clock                       = 0 // 0: none, 4: minute, 5: second
	)
	for _, f := range fields {
		switch {
		case monthOf(f) > 0:
			if month != 0 {
				return Time{}, dateError("names two months")
			}
			month = monthOf(f)
		case f == "bc" || f == "bce" || f == "ad" || f == "ce" || f == "b.c." || f == "a.d.":
			era = strings.ReplaceAll(f, ".", "")
		case strings.Contains(f, ":"):
			if clock != 0 {
				return Time{}, dateError("has two times of day")
			}
			parts := strings.Split(strings.TrimSuffix(f, "z"), ":")
			if len(parts) > 3 {
				return Time{}, dateError("has a time of day that is not HH:MM or HH:MM:SS")
			}
			vals := [3]int{}
			for i, p := range parts {
				v, err := strconv.Atoi(p)
				if err != nil || len(p) > 2 || p == "" {
					return Time{}, dateError("has a time of day that is not HH:MM or HH:MM:SS")
				}
				vals[i] = v
			}
			hour, minute, second = vals[0], vals[1], vals[2]
			if hour > 23 || minute > 59 || second > 59 || len(parts) < 2 {
				return Time{}, dateError("has a time of day out of range")
			}
			clock = 3 + len(parts) - 1
		case allDigits(f):
			nums = append(nums, f)
		default:
			return Time{}, dateError(want)
		}
	}
	var day int
	var yearText string
	switch {
	case len(nums) == 1:
		yearText = nums[0]
	case len(nums) == 2 && month != 0 && len(nums[0]) <= 2:
		day, _ = strconv.Atoi(nums[0])
		yearText = nums[1]
	default:
		return Time{}, dateError(want)
	}
	if len(yearText) > 6 {
		return Time{}, dateError("has a year of more than six digits")
	}
	year, _ := strconv.Atoi(yearText)
	if era == "bc" || era == "bce" {
		if year == 0 {
			return Time{}, dateError("has year 0 BC: there is none; 1 BC is followed by AD 1")
		}
		year = 1 - year
	}
	prec := PrecisionYear
	switch {
	case clock != 0 && day == 0:
		return Time{}, dateError("has a time of day but no day")
	case day != 0:
		prec = PrecisionDay
		if month == 0 {
			return Time{}, dateError(want)
		}
		if day < 1 || day > daysIn(year, month) {
			return Time{}, dateError("day out of range")
		}
	case month != 0:
		prec = PrecisionMonth
	}
	if clock != 0 {
		prec = Precision(clock)
	}
	if month == 0 {
		month = 1
	}
	if day == 0 {
		day = 1
	}
	u := time.Date(year, time.Month(month), day, hour, minute, second, 0, time.UTC).Unix()
	return Time{Unix: u, Precision: prec}, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// Describe says how the input was understood, for showing beside the field
// before it is saved: "15 May 2023 (day)", "about 2022 (year; 2021 to
// 2023)", "Aug 2022 – May 2023 (months)".
func (d DateInput) Describe() string {
	one := func(t Time, uncertain, approx bool) string {
		s := t.Display()
		if approx {
			s = "about " + s
		}
		if uncertain {
			s += "?"
		}
		return s
	}
	var b strings.Builder
	b.WriteString(one(d.Start, d.StartUncertain, d.StartApproximate))
	if !d.End.IsZero() {
		b.WriteString(" – ")
		b.WriteString(one(d.End, d.EndUncertain, d.EndApproximate))
		b.WriteString(" (")
		b.WriteString(d.Start.Precision.String())
		if d.End.Precision != d.Start.Precision {
			b.WriteString(" to " + d.End.Precision.String())
		} else {
			b.WriteString("s")
		}
	} else {
		b.WriteString(" (" + d.Start.Precision.String())
	}
	if d.StartUncertain || d.EndUncertain {
		b.WriteString(", uncertain")
	}
	if d.EarliestStart != nil || d.LatestEnd != nil {
		from, to := d.Start, d.End
		if to.IsZero() {
			to = d.Start
		}
		if d.EarliestStart != nil {
			from = Time{Unix: *d.EarliestStart, Precision: d.Start.Precision}
		}
		if d.LatestEnd != nil {
			to = shift(to, 1)
		}
		b.WriteString("; " + from.Display() + " to " + to.Display())
	}
	b.WriteString(")")
	return b.String()
}

// Apply sets ev's start, end and uncertainty from d.
func (d DateInput) Apply(ev *Event) {
	ev.Start, ev.End = d.Start, d.End
	ev.EarliestStart, ev.LatestEnd = d.EarliestStart, d.LatestEnd
	ev.StartUncertain = d.StartUncertain && !d.End.IsZero()
	ev.EndUncertain = d.EndUncertain
}

// DateText writes an event's dates in a form ParseDateInput reads back.
func DateText(ev *Event) string {
	s := ev.Start.String()
	if ev.StartUncertain {
		s += "?"
	}
	if ev.HasEnd() {
		s += "/" + ev.End.String()
		if ev.EndUncertain {
			s += "?"
		}
	} else if ev.EarliestStart != nil && ev.LatestEnd != nil &&
		*ev.EarliestStart == shift(ev.Start, -1).Unix && *ev.LatestEnd == shift(ev.Start, 1).End() {
		s += "~" // the bounds ParseDateInput gives "c. <start>"
	}
	return strings.ReplaceAll(s, "Z", "")
}

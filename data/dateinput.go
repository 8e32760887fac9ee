package data

import (
	"math"
	"regexp"
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
	// 2021 to 2023), and a decade's or a century's year to the whole of it
	// ("1850s": 1850 to 1859); nil when the date is exact.
	EarliestStart, LatestEnd *int64
	// through is the last period a single date names: the last year of a
	// decade or century, else Start (see Through).
	through Time
}

// Through returns the last period d names: its end for a range, the last
// year of a decade or century ("1850s": 1859), else its start. It is what
// d means as the end of a range.
func (d DateInput) Through() Time {
	switch {
	case !d.End.IsZero():
		return d.End
	case !d.through.IsZero():
		return d.through
	}
	return d.Start
}

// DateOptions say how ParseDateInputWith reads what a date leaves open.
type DateOptions struct {
	// Order reads dates written in numbers alone, such as 3/11/2015, in
	// that order of day, month and year; "" refuses them as ambiguous
	// unless the year comes first (2015/11/03).
	Order DateOrder
	// Zone is the clock that times of day without an offset or a "Z" are
	// read on; nil is UTC. Dates without a time of day are calendar dates
	// and are not moved.
	Zone *time.Location
}

// maxDateInput is the longest date text ParseDateInput reads.
const maxDateInput = 100

// ParseDateInput understands a date or range typed by a person:
//
//	2022-08, 2023-05-15, 2023-05-15 14:30, 2023-05-15T14:30:05.250Z
//	Aug 2022, August 2022, 15 May 2023, May 15, 2023, 15 May 2023 14:30
//	2022, 45 BC, 300 BCE, 3300 B.C., AD 33, 33 CE, 13,800,000,000 BC
//	540 Ma, 4.6 Ga, 66 million years ago (before AD 1, as TimelineJS counts)
//	1850s, 1800s, 19th century, 185X (a decade or century: its first year,
//	  with its extent the whole of it)
//	c. 2022, circa 2022, about Aug 2022, ~2022
//	2022-08?, 2022~, 2022-08% (EDTF: uncertain, approximate, both)
//	2022-08/2023-05, Aug 2022 – May 2023, 2022 to 2024, 1914-1918, 1914-18
//	11-Mar-15, Mar-2015 (the spreadsheet forms; two-digit years are 1930
//	  to 2029)
//
// Each date gets the precision of how it was written. All times are UTC,
// except those written with an offset ("+02:00"). An error matches
// ErrInvalidTime and says what was not understood. See ParseDateInputWith
// for dates in numbers alone and times in a zone.
func ParseDateInput(s string) (DateInput, error) { return ParseDateInputWith(s, DateOptions{}) }

// ParseDate reads one date as ParseDateInput does, refusing a range.
func ParseDate(s string) (Time, error) {
	d, err := ParseDateInput(s)
	if err != nil {
		return Time{}, err
	}
	if !d.End.IsZero() {
		return Time{}, &timeError{input: s, reason: "is a range: give one date"}
	}
	return d.Start, nil
}

// ParseDateInputWith is ParseDateInput that reads dates written in numbers
// alone (3/11/2015, 11.3.15) in opt.Order and times of day without an
// offset on opt.Zone's clock.
func ParseDateInputWith(s string, opt DateOptions) (DateInput, error) {
	bad := func(reason string) (DateInput, error) {
		return DateInput{}, &timeError{input: s, reason: reason}
	}
	text := strings.TrimSpace(s)
	switch {
	case text == "":
		return bad("is empty: type a date such as 2022-08, Aug 2022 or 15 May 2023")
	case len(text) > maxDateInput:
		return DateInput{}, &timeError{input: truncateRunes(text, 20) + "…", reason: "is too long for a date"}
	}
	parts := splitRange(text)
	if len(parts) > 2 {
		return bad("has more than one range separator: write dates as 2023-04-03 or 3 Apr 2023, and a range as 2022-08/2023-05")
	}
	var d DateInput
	first, err := parseOneDate(parts[0], opt)
	if day := strings.TrimSpace(parts[0]); len(parts) == 2 && (err != nil || len(day) <= 2 && allDigits(day)) {
		// "January–February 2005", "15–20 May 2023": the start takes what
		// it leaves out from the end (a day is not the year 15).
		words := strings.Fields(parts[1])
		for k := len(words) - 1; k >= 1; k-- {
			if f, e2 := parseOneDate(parts[0]+" "+strings.Join(words[k:], " "), opt); e2 == nil {
				first, err = f, nil
				break
			}
		}
	}
	if err != nil {
		return bad(err.Error())
	}
	d.Start, d.StartUncertain, d.StartApproximate = first.t, first.uncertain, first.approx
	last := first
	if len(parts) == 2 {
		if p := strings.TrimSpace(parts[1]); p == "" || p == ".." {
			return bad("has no end: give the last date the range may reach")
		}
		end, err := parseOneDate(parts[1], opt)
		if err != nil {
			return bad("end: " + err.Error())
		}
		if !end.through.IsZero() {
			end.t = end.through // a range to the 1850s runs to their end
		}
		d.End, d.EndUncertain, d.EndApproximate = end.t, end.uncertain, end.approx
		if d.End.End() < d.Start.Unix {
			return bad("ends (" + d.End.Display() + ") before it starts (" + d.Start.Display() + ")")
		}
		last = end
	}
	if d.StartUncertain || d.StartApproximate {
		v := shift(d.Start, -1).Unix
		d.EarliestStart = &v
	}
	switch {
	case last.uncertain || last.approx:
		to := last.t
		if !last.through.IsZero() {
			to = last.through
		}
		v := shift(to, 1).End()
		d.LatestEnd = &v
	case len(parts) == 1 && !first.through.IsZero():
		v := first.through.End()
		d.LatestEnd = &v
	}
	if len(parts) == 1 {
		d.through = first.through
	}
	return d, nil
}

// truncateRunes returns at most n runes of s.
func truncateRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// yearRange is two years joined by a hyphen, as spreadsheets write ranges:
// "1914-1918" or "1914-18".
var yearRange = regexp.MustCompile(`^(\d{3,4})\s*-\s*(\d{2}|\d{4})$`)

// splitRange splits text at a range separator: "/", an en or em dash, or
// " to " or " - " with spaces, or the hyphen between two years
// ("1914-1918"; "1914-18" unless the digits after it could be a month).
// Dates in numbers alone ("3/11/2015") are not split.
func splitRange(text string) []string {
	if m := yearRange.FindStringSubmatch(text); m != nil {
		to := m[2]
		if len(to) == 2 && len(m[1]) == 4 {
			to = m[1][:2] + to
		}
		if n, _ := strconv.Atoi(m[2]); len(m[2]) == 4 || n > 12 && to >= m[1] {
			return []string{m[1], to} // but 2022-08 is August, and 2023-13 no month
		}
	}
	if numericMatch(numericDatePart(strings.TrimRight(strings.TrimSpace(text), "?~%"))) != nil {
		return []string{text}
	}
	for _, sep := range []string{"/", "–", "—", " to ", " - "} {
		if strings.Contains(text, sep) {
			return strings.Split(text, sep)
		}
	}
	return []string{text}
}

// shift moves t by n units of its precision (minutes by n hours, seconds
// and milliseconds by n minutes), to widen an uncertain date.
func shift(t Time, n int) Time {
	switch t.Precision {
	case PrecisionMinute:
		return timeAt(t.std().Add(time.Duration(n)*time.Hour), t.Precision)
	case PrecisionSecond, PrecisionMillisecond:
		return timeAt(t.std().Add(time.Duration(n)*time.Minute), t.Precision)
	}
	return t.Step(n)
}

// dateError is a reason a date was not understood.
type dateError string

func (e dateError) Error() string { return string(e) }

// approxWords may start an approximate date.
var approxWords = []string{"circa ", "about ", "around ", "approx. ", "approx ", "ca. ", "ca ", "c. ", "c.", "c ", "~"}

// oneDate is one date of a DateInput as it was read.
type oneDate struct {
	t                 Time
	uncertain, approx bool
	// through is the last year of a decade or century the date names (the
	// 1850s: 1859), zero for other dates.
	through Time
}

// parseOneDate reads one date with its qualifiers.
func parseOneDate(s string, opt DateOptions) (oneDate, error) {
	var d oneDate
	s = strings.TrimSpace(strings.ToLower(s))
	for _, w := range approxWords {
		if strings.HasPrefix(s, w) {
			s, d.approx = strings.TrimSpace(s[len(w):]), true
			break
		}
	}
	for s != "" {
		switch s[len(s)-1] {
		case '?':
			d.uncertain = true
		case '~':
			d.approx = true
		case '%':
			d.uncertain, d.approx = true, true
		default:
			goto done
		}
		s = strings.TrimSpace(s[:len(s)-1])
	}
done:
	if s == "" {
		return oneDate{}, dateError("has no date")
	}
	var err error
	if t, ok, cerr := parseDateAndClock(s, opt); ok || cerr != nil {
		d.t, err = t, cerr
		if err != nil {
			return oneDate{}, err
		}
		return d, nil
	}
	switch {
	case isoForm(s) != "":
		d.t, err = parseISO(isoForm(s), opt.Zone)
	case numericMatch(s) != nil:
		d.t, err = parseNumeric(numericMatch(s), opt.Order)
	default:
		if t, through, ok, perr := parsePeriodWords(s); ok || perr != nil {
			d.t, d.through, err = t, through, perr
			break
		}
		d.t, err = parseWords(s, opt.Zone)
	}
	if err != nil {
		return oneDate{}, err
	}
	return d, nil
}

// clockSuffix is a time of day after a date, as spreadsheets and people
// write it: "3/11/2015 14:30", "11-mar-15 9:05:33", "march 3, 2021 2:30
// pm", "3/4/2015 2pm", "4/12/2015 14:30:05.250". A bare hour needs its am
// or pm, so that "may 15" stays a day.
var clockSuffix = regexp.MustCompile(`^(.*?[^\s,]),?\s+(?:at\s+)?(\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(am|pm|a\.m\.|p\.m\.)?$`)

// splitClock splits s into a date and the time of day written after it;
// ok is false when s does not end in a time of day.
func splitClock(s string) (date string, clock []string, ok bool) {
	m := clockSuffix.FindStringSubmatch(s)
	if m == nil || (m[3] == "" && m[6] == "") {
		return "", nil, false
	}
	return m[1], m[2:], true
}

// parseDateAndClock reads a date in numbers or words followed by a time of
// day, its hours written 0–23 or 1–12 with am or pm, and maybe an offset
// from UTC (splitWrittenZone); without one the time is on opt.Zone's
// clock. ok is false, with no error, when s is not such a date, so that
// the other forms are tried (an ISO time reads its own clock).
func parseDateAndClock(s string, opt DateOptions) (t Time, ok bool, err error) {
	if isoForm(s) != "" {
		return Time{}, false, nil
	}
	rest, offset, hasOffset := splitWrittenZone(s)
	date, clock, found := splitClock(rest)
	if !found {
		return Time{}, false, nil
	}
	var day Time
	if m := numericMatch(date); m != nil {
		if day, err = parseNumeric(m, opt.Order); err != nil {
			return Time{}, true, err // ambiguous, or no such day
		}
	} else {
		day, err = parseWords(date, nil)
	}
	switch {
	case err == nil && day.Precision != PrecisionDay && clock[1] != "":
		return Time{}, true, dateError("has a time of day but no day")
	case err != nil || day.Precision != PrecisionDay:
		return Time{}, false, nil // not a day: let the other forms say why
	}
	c, err := readClock(clock[0], clock[1], clock[2], clock[3], clock[4])
	if err != nil {
		return Time{}, true, err
	}
	d := day.std()
	at := timeAt(time.Date(d.Year(), d.Month(), d.Day(), c.hour, c.minute, c.second, c.milli*int(time.Millisecond), time.UTC), c.prec)
	if hasOffset {
		at.Unix -= int64(offset)
		return at, true, nil
	}
	return InZone(at, opt.Zone), true, nil
}

// clockOfDay is a time of day as written, and the precision it gives.
type clockOfDay struct {
	hour, minute, second, milli int
	prec                        Precision
}

// readClock reads a time of day from the digits of its hours, minutes,
// seconds (or "") and fraction of a second (or ""), and "am" or "pm" (or
// "") after it.
func readClock(hh, mm, ss, frac, half string) (clockOfDay, error) {
	c := clockOfDay{prec: PrecisionMinute}
	c.hour, _ = strconv.Atoi(hh)
	c.minute, _ = strconv.Atoi(mm)
	if ss != "" {
		c.second, _ = strconv.Atoi(ss)
		c.prec = PrecisionSecond
	}
	if frac != "" {
		c.milli, _ = strconv.Atoi((frac + "00")[:3])
		c.prec = PrecisionMillisecond
	}
	if half != "" {
		if c.hour < 1 || c.hour > 12 {
			return clockOfDay{}, dateError("has an hour out of range for am or pm: write 1 to 12 with am or pm, or 0 to 23")
		}
		c.hour %= 12
		if half[0] == 'p' {
			c.hour += 12
		}
	}
	if c.hour > 23 || c.minute > 59 || c.second > 59 {
		return clockOfDay{}, dateError("has a time of day out of range")
	}
	return c, nil
}

// looseISO is an ISO date with a month or day of one digit, as people and
// JavaScript write them: "2014-2-3".
var looseISO = regexp.MustCompile(`^([+-]?\d{4,6})-(\d{1,2})(?:-(\d{1,2}))?([ t].*)?$`)

// isoForm returns s in ParseTime's form if it looks like an ISO date
// ("2023-05-15 14:30" becomes "2023-05-15t14:30", "2014-2-3" becomes
// "2014-02-03"), else "".
func isoForm(s string) string {
	if m := looseISO.FindStringSubmatch(s); m != nil && (len(m[2]) == 1 || len(m[3]) == 1) {
		s = m[1] + "-" + pad2(m[2])
		if m[3] != "" {
			s += "-" + pad2(m[3])
		}
		s += m[4]
	}
	p := strings.TrimLeft(s, "+-")
	n := 0
	for n < len(p) && isDigit(p[n]) {
		n++
	}
	if n < 4 || n > 11 || (n < len(p) && p[n] != '-') || (n > 6 && len(p) > n) {
		return ""
	}
	if n > 6 && s[0] != '-' && s[0] != '+' {
		return ""
	}
	if i := strings.IndexByte(s, ' '); i > 0 {
		s = s[:i] + "t" + strings.TrimSpace(s[i+1:])
	}
	return s
}

// pad2 writes a number of one or two digits with two.
func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// zoneSuffix is a time's offset from UTC at the end of an ISO time.
var zoneSuffix = regexp.MustCompile(`(z|[+-]\d\d:?\d\d)$`)

// parseISO reads an ISO date or time in lower case (as parseOneDate leaves
// it), with an offset or "z", or else a time of day on zone's clock.
func parseISO(s string, zone *time.Location) (Time, error) {
	s = strings.ToUpper(s)
	t := strings.IndexByte(s, 'T')
	if t < 0 {
		tm, err := parseTime(s)
		if err != nil {
			return Time{}, dateError(err.(*timeError).reason)
		}
		return tm, nil
	}
	off := zoneSuffix.FindString(strings.ToLower(s[t:]))
	local := s[:len(s)-len(off)]
	tm, err := parseTime(local)
	if err != nil {
		return Time{}, dateError(err.(*timeError).reason)
	}
	switch {
	case off == "z":
		return tm, nil
	case off != "":
		o := strings.ReplaceAll(off, ":", "")
		h, _ := strconv.Atoi(o[1:3])
		m, _ := strconv.Atoi(o[3:5])
		if h > 23 || m > 59 {
			return Time{}, dateError("has an offset from UTC out of range")
		}
		secs := int64(h*3600 + m*60)
		if o[0] == '+' {
			secs = -secs
		}
		tm.Unix += secs
		return tm, nil
	}
	return InZone(tm, zone), nil
}

// InZone reads the time of day of t, given as if in UTC, on zone's clock
// instead (nil: UTC): 14:30 in Berlin in summer is 12:30 UTC. Dates
// without a time of day are left as they are.
func InZone(t Time, zone *time.Location) Time {
	if zone == nil || zone == time.UTC || t.Precision < PrecisionMinute {
		return t
	}
	d := t.std()
	local := time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), d.Second(), d.Nanosecond(), zone)
	return timeAt(local, t.Precision)
}

// numericDate is a date in numbers alone: 3/11/2015, 11.03.15, 2015/11/03,
// 11-3-2015.
var numericDate = regexp.MustCompile(`^(\d{1,4})([/.-])(\d{1,2})([/.-])(\d{1,4})$`)

// numericMatch returns the parts of s if it is a numericDate with one
// separator, else nil.
func numericMatch(s string) []string {
	m := numericDate.FindStringSubmatch(s)
	if m == nil || m[2] != m[4] {
		return nil
	}
	return m
}

// numericDatePart returns s without the time of day (and offset from UTC)
// written after it, in lower case ("3/11/2015 2:30 PM" gives "3/11/2015").
func numericDatePart(s string) string {
	s, _, _ = splitWrittenZone(strings.ToLower(s))
	if date, _, ok := splitClock(s); ok {
		return date
	}
	return s
}

// twoDigitYear reads a year written in two digits as spreadsheets do: 30
// to 99 are 1930 to 1999, 00 to 29 are 2000 to 2029.
func twoDigitYear(y int) int {
	if y < 30 {
		return 2000 + y
	}
	return 1900 + y
}

// numericYear reads the year part of a date in numbers alone.
func numericYear(s string) int {
	y, _ := strconv.Atoi(s)
	if len(s) <= 2 {
		return twoDigitYear(y)
	}
	return y
}

// NumericOrders returns the orders in which the date s, written in
// numbers alone (3/11/2015), reads as a valid date; nil if s is not such
// a date. A date with the year first reads only as YearMonthDay.
func NumericOrders(s string) []DateOrder {
	m := numericMatch(numericDatePart(strings.TrimSpace(s)))
	if m == nil {
		return nil
	}
	var out []DateOrder
	for _, o := range DateOrders {
		if _, err := numericParts(m, o); err == nil {
			out = append(out, o)
		}
	}
	return out
}

// IsNumericDate reports whether s is written as a date in numbers alone
// with the day or month first (3/11/2015, 31/4/2023 14:30), valid or not:
// the order of its day and month is to be chosen.
func IsNumericDate(s string) bool {
	m := numericMatch(numericDatePart(strings.TrimSpace(s)))
	return m != nil && len(m[1]) <= 2
}

// parseNumeric reads the parts m of a numericMatch in order.
func parseNumeric(m []string, order DateOrder) (Time, error) {
	if len(m[1]) >= 3 {
		order = YearMonthDay
	}
	if order == "" {
		return Time{}, dateError("is ambiguous: " + m[0] + " may be day/month/year or month/day/year; write it like 2015-11-03 or 3 Nov 2015")
	}
	return numericParts(m, order)
}

// numericParts reads the parts of a numericDate match in order.
func numericParts(m []string, order DateOrder) (Time, error) {
	var ys, ms, ds string
	switch order {
	case DayMonthYear:
		ds, ms, ys = m[1], m[3], m[5]
	case MonthDayYear:
		ms, ds, ys = m[1], m[3], m[5]
	case YearMonthDay:
		ys, ms, ds = m[1], m[3], m[5]
		if len(ds) > 2 {
			return Time{}, dateError("day out of range")
		}
	default:
		return Time{}, dateError("has no order of day, month and year")
	}
	if order != YearMonthDay && len(m[1]) > 2 {
		return Time{}, dateError("has the year first: read it year/month/day")
	}
	if len(ys) == 3 {
		return Time{}, dateError("has a three-digit year: write it like 2015-11-03")
	}
	y := numericYear(ys)
	mo, _ := strconv.Atoi(ms)
	day, _ := strconv.Atoi(ds)
	if mo < 1 || mo > 12 {
		return Time{}, dateError("month out of range")
	}
	if day < 1 || day > daysIn(y, mo) {
		return Time{}, dateError("day out of range")
	}
	return Time{Unix: time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC).Unix(), Precision: PrecisionDay}, nil
}

// Forms that name a stretch of years rather than a date.
var (
	// deepYears is an age before the common era: "540 ma", "4.6 ga",
	// "66 million years ago", "13.8 billion years bc".
	deepYears = regexp.MustCompile(`^(\d+(?:\.\d+)?)\s*(ka|kya|ma|mya|ga|gya|bya|thousand years|million years|billion years)(?:\s+(ago|bc|bce|b\.c\.|b\.c\.e\.))?$`)
	// hundreds is "1800s" or "18xx", a century counted from its year 00.
	hundreds = regexp.MustCompile(`^(\d{1,2})(?:00s|xx)$`)
	// decade is "1850s" or "185x".
	decade = regexp.MustCompile(`^(\d{1,3})(?:0s|x)$`)
	// century is "19th century", "19th c.", "5th century bc".
	century = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)\s+(?:century|cent\.|c\.?)(?:\s+(bc|bce|b\.c\.|b\.c\.e\.|ad|ce))?$`)
)

// parsePeriodWords reads an age, a decade or a century. ok is false, with
// no error, if s is none of them.
func parsePeriodWords(s string) (t, through Time, ok bool, err error) {
	year := func(y int64) Time {
		return Time{Unix: time.Date(int(y), 1, 1, 0, 0, 0, 0, time.UTC).Unix(), Precision: PrecisionYear}
	}
	if m := deepYears.FindStringSubmatch(s); m != nil {
		n, _ := strconv.ParseFloat(m[1], 64)
		unit := map[string]float64{"ka": 1e3, "kya": 1e3, "thousand years": 1e3, "ma": 1e6, "mya": 1e6, "million years": 1e6}[m[2]]
		if unit == 0 {
			unit = 1e9
		}
		years := math.Round(n * unit)
		if years < 1 || years > float64(1-FirstYear) {
			return Time{}, Time{}, true, dateError("is before the Big Bang: the earliest year is " + YearText(FirstYear))
		}
		return year(1 - int64(years)), Time{}, true, nil
	}
	for _, p := range []struct {
		re   *regexp.Regexp
		span int64
	}{{hundreds, 100}, {decade, 10}} {
		if m := p.re.FindStringSubmatch(s); m != nil {
			first, _ := strconv.ParseInt(m[1], 10, 64)
			first *= p.span
			return year(first), year(first + p.span - 1), true, nil
		}
	}
	if m := century.FindStringSubmatch(s); m != nil {
		n, _ := strconv.ParseInt(m[1], 10, 64)
		if n < 1 {
			return Time{}, Time{}, true, dateError("has no century 0")
		}
		switch m[2] {
		case "bc", "bce", "b.c.", "b.c.e.":
			// The 5th century BC runs from 500 BC to 401 BC.
			return year(1 - n*100), year(1 - (n-1)*100 - 1), true, nil
		}
		// The 19th century runs from 1801 to 1900.
		return year((n-1)*100 + 1), year(n * 100), true, nil
	}
	return Time{}, Time{}, false, nil
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

// eraOf reads a word naming the era: "bc", "bce", "b.c.", "b.c.e." (before)
// or "ad", "ce", "a.d.", "c.e." (the common era).
func eraOf(w string) (bc, ok bool) {
	switch strings.ReplaceAll(w, ".", "") {
	case "bc", "bce":
		return true, true
	case "ad", "ce":
		return false, true
	}
	return false, false
}

// spreadsheetDate is Excel's d-mmm-yy and mmm-yy: "11-mar-15", "mar-2015".
var spreadsheetDate = regexp.MustCompile(`^(?:(\d{1,2})-)?([a-z]{3,9})\.?-(\d{2}|\d{4})$`)

// groupedYear is a year written with its thousands grouped: "13,800,000,000".
var groupedYear = regexp.MustCompile(`\b\d{1,3}(?:,\d{3})+\b`)

// attachedEra is a year with its era written on: "300bc", "45bce".
var attachedEra = regexp.MustCompile(`^(\d+)(bc|bce|b\.c\.|b\.c\.e\.|ad|ce)$`)

// parseWords reads dates written with words: "15 may 2023", "friday, may
// 15, 2023", "aug 2022", "2022", "45 bc", "11-mar-15". A time of day after
// the date is read by parseDateAndClock; one before it ("14:30 15 may
// 2023", "14:30z …") is read here, on zone's clock.
func parseWords(s string, zone *time.Location) (Time, error) {
	const want = "is not a date: write it like 2022-08, Aug 2022, 15 May 2023 or 2023-05-15 14:30"
	s = dropWeekday(s)
	if m := spreadsheetDate.FindStringSubmatch(s); m != nil && monthOf(m[2]) > 0 {
		y := numericYear(m[3])
		s = m[1] + " " + m[2] + " " + strconv.Itoa(y)
	}
	s = groupedYear.ReplaceAllStringFunc(s, func(g string) string { return strings.ReplaceAll(g, ",", "") })
	if m := attachedEra.FindStringSubmatch(s); m != nil {
		s = m[1] + " " + m[2]
	}
	fields := strings.Fields(strings.ReplaceAll(s, ",", " "))
	var (
		month           int
		nums            []string
		bc, hasEra, utc bool
		clock           *clockOfDay
	)
	for _, f := range fields {
		if b, ok := eraOf(f); ok {
			bc, hasEra = b, true
			continue
		}
		switch {
		case monthOf(f) > 0:
			if month != 0 {
				return Time{}, dateError("names two months")
			}
			month = monthOf(f)
		case strings.Contains(f, ":"):
			if clock != nil {
				return Time{}, dateError("has two times of day")
			}
			utc = strings.HasSuffix(f, "z")
			parts := strings.Split(strings.TrimSuffix(f, "z"), ":")
			if len(parts) > 3 {
				return Time{}, dateError("has a time of day that is not HH:MM or HH:MM:SS")
			}
			for _, p := range parts {
				if !allDigits(p) || len(p) > 2 {
					return Time{}, dateError("has a time of day that is not HH:MM or HH:MM:SS")
				}
			}
			if len(parts) < 2 {
				return Time{}, dateError("has a time of day out of range")
			}
			c, err := readClock(parts[0], parts[1], strings.Join(parts[2:], ""), "", "")
			if err != nil {
				return Time{}, err
			}
			clock = &c
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
	if len(yearText) > 6 && !bc {
		return Time{}, dateError("has a year of more than six digits")
	}
	if len(yearText) > 11 {
		return Time{}, dateError("has a year of more than eleven digits")
	}
	year, _ := strconv.ParseInt(yearText, 10, 64)
	if hasEra && bc {
		if year == 0 {
			return Time{}, dateError("has year 0 BC: there is none; 1 BC is followed by AD 1")
		}
		year = 1 - year
	}
	if year < FirstYear {
		return Time{}, dateError("is before the Big Bang: the earliest year is " + YearText(FirstYear))
	}
	prec := PrecisionYear
	switch {
	case clock != nil && day == 0:
		return Time{}, dateError("has a time of day but no day")
	case (month != 0 || day != 0) && year < FirstDatedYear:
		return Time{}, dateError("gives more than a year for a year before " + YearText(FirstDatedYear) + ": such years are known to the year")
	case day != 0:
		prec = PrecisionDay
		if month == 0 {
			return Time{}, dateError(want)
		}
		if day < 1 || day > daysIn(int(year), month) {
			return Time{}, dateError("day out of range")
		}
	case month != 0:
		prec = PrecisionMonth
	}
	var hour, minute, second int
	if clock != nil {
		prec, hour, minute, second = clock.prec, clock.hour, clock.minute, clock.second
	}
	if month == 0 {
		month = 1
	}
	if day == 0 {
		day = 1
	}
	u := time.Date(int(year), time.Month(month), day, hour, minute, second, 0, time.UTC).Unix()
	if utc {
		return Time{Unix: u, Precision: prec}, nil
	}
	return InZone(Time{Unix: u, Precision: prec}, zone), nil
}

// weekdays are the names of days that may open a date ("Fri, 25 Apr 2014",
// "Friday, April 25, 2014"), and say nothing the date does not.
var weekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
}

// dropWeekday returns s without the name of a day at its start.
func dropWeekday(s string) string {
	first, rest, ok := strings.Cut(strings.TrimSpace(s), " ")
	if ok && weekdays[strings.TrimRight(first, ".,")] {
		return strings.TrimSpace(rest)
	}
	return s
}

// writtenZone is an offset from UTC written after a time of day, as e-mail
// and JavaScript write dates: "10:00:00 gmt+0200", "10:00:00 +0200",
// "10:00 utc", "10:00z", "7:30 pm -0500", each maybe followed by the zone's name in
// brackets ("(central european summer time)").
var writtenZone = regexp.MustCompile(`^(.*:\d\d(?:\s*(?:am|pm|a\.m\.|p\.m\.))?)\s*(?:(?:gmt|utc)\s*(?:([+-])(\d\d):?(\d\d))?|z|([+-])(\d\d):?(\d\d))(?:\s*\([^()]*\))?$`)

// splitWrittenZone returns s without the offset from UTC written after
// its time of day, and that offset in seconds east of UTC; ok is false
// when s has none.
func splitWrittenZone(s string) (rest string, offset int, ok bool) {
	m := writtenZone.FindStringSubmatch(s)
	if m == nil {
		return s, 0, false
	}
	sign, hh, mm := m[2], m[3], m[4]
	if sign == "" {
		sign, hh, mm = m[5], m[6], m[7]
	}
	if sign != "" {
		h, _ := strconv.Atoi(hh)
		mi, _ := strconv.Atoi(mm)
		if h > 23 || mi > 59 {
			return s, 0, false
		}
		offset = h*3600 + mi*60
		if sign == "-" {
			offset = -offset
		}
	}
	return m[1], offset, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// periodName names the decade or century a point known to a year with a
// latest end covers ("1850s", "1800s", "19th century", "5th century BC"),
// or "" if it covers none exactly.
func periodName(start Time, latestEnd *int64) string {
	if start.Precision != PrecisionYear || latestEnd == nil {
		return ""
	}
	y := int64(start.std().Year())
	yearEnd := func(y int64) int64 {
		return time.Date(int(y)+1, 1, 1, 0, 0, 0, 0, time.UTC).Unix() - 1
	}
	switch {
	case y%100 == 0 && y > 0 && *latestEnd == yearEnd(y+99):
		return strconv.FormatInt(y, 10) + "s"
	case y%10 == 0 && y > 0 && *latestEnd == yearEnd(y+9):
		return strconv.FormatInt(y, 10) + "s"
	case y%100 == 1 && y > 0 && *latestEnd == yearEnd(y+99):
		return ordinal((y+99)/100) + " century"
	case y <= 0 && (1-y)%100 == 0 && *latestEnd == yearEnd(y+99):
		return ordinal((1-y)/100) + " century BC"
	}
	return ""
}

// ordinal writes n as "1st", "2nd", "3rd", "4th", "11th", "21st".
func ordinal(n int64) string {
	s := strconv.FormatInt(n, 10)
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return s + "th"
	case n%10 == 1:
		return s + "st"
	case n%10 == 2:
		return s + "nd"
	case n%10 == 3:
		return s + "rd"
	}
	return s + "th"
}

// Describe says how the input was understood, for showing beside the field
// before it is saved: "15 May 2023 (day)", "about 2022 (year; 2021 to
// 2023)", "Aug 2022 – May 2023 (months)", "1850s (decade; 1850 to 1859)".
func (d DateInput) Describe() string {
	if name := periodName(d.Start, d.LatestEnd); name != "" && d.End.IsZero() && d.EarliestStart == nil {
		unit := "decade"
		if strings.Contains(name, "century") || strings.HasSuffix(name, "00s") {
			unit = "century"
		}
		return name + " (" + unit + "; " + d.Start.Display() + " to " + Time{Unix: *d.LatestEnd, Precision: PrecisionYear}.Display() + ")"
	}
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

// DateText writes an event's dates in a form ParseDateInput reads back:
// its start and end (see DateTexts) joined by "/".
func DateText(ev *Event) string {
	start, end := DateTexts(ev)
	if end == "" {
		return start
	}
	return start + "/" + end
}

// DateTexts writes an event's start and end (end "" for a point) in forms
// ParseDateInput reads back, as a person would write them: ISO dates for
// the years 1 to 9999 and beyond, "300 BC" and "15 Mar 44 BC" before them;
// an uncertain date marked "?", an approximate one ("c. 2022") "~", a
// decade or a century by its name ("1850s", "19th century").
func DateTexts(ev *Event) (start, end string) {
	if !ev.HasEnd() && ev.EarliestStart == nil && !ev.StartUncertain {
		if name := periodName(ev.Start, ev.LatestEnd); name != "" {
			return name, ""
		}
	}
	start = TimeText(ev.Start)
	if ev.StartUncertain {
		start += "?"
	}
	if ev.HasEnd() {
		end = TimeText(ev.End)
		if ev.EndUncertain {
			end += "?"
		}
	} else if ev.EarliestStart != nil && ev.LatestEnd != nil &&
		*ev.EarliestStart == shift(ev.Start, -1).Unix && *ev.LatestEnd == shift(ev.Start, 1).End() {
		start += "~" // the bounds ParseDateInput gives "c. <start>"
	}
	return start, end
}

// TimeText writes t at its precision in a form ParseDateInput reads back:
// "2023-05-15 14:30" for the years 1 to 9999 and beyond, and before them
// as people write them ("300 BC", "Mar 44 BC", "15 Mar 44 BC 14:30",
// "13,800,000,000 BC"), UTC. The zero Time gives "".
func TimeText(t Time) string {
	if t.IsZero() {
		return ""
	}
	d := t.std()
	if d.Year() >= 1 {
		return strings.Replace(strings.TrimSuffix(t.String(), "Z"), "T", " ", 1)
	}
	s := YearText(int64(d.Year()))
	if t.Precision >= PrecisionMonth {
		s = months[d.Month()-1][:3] + " " + s
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	if t.Precision >= PrecisionDay {
		s = strconv.Itoa(d.Day()) + " " + s
	}
	if t.Precision >= PrecisionMinute {
		clock := t.String()
		clock = clock[strings.IndexByte(clock, 'T')+1 : len(clock)-1]
		if t.Precision == PrecisionMillisecond { // in ISO, astronomical, as the String form shows it
			return strings.TrimSuffix(t.String(), "Z")
		}
		s += " " + clock
	}
	return s
}

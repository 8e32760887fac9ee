package data

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Precision says how finely a Time is known. The zero Precision means that
// there is no time at all.
type Precision int8

// The precisions a Time can have, from coarsest to finest. Their values are
// stored in the document, so they must not change.
const (
	PrecisionYear   Precision = 1
	PrecisionMonth  Precision = 2
	PrecisionDay    Precision = 3
	PrecisionMinute Precision = 4
	PrecisionSecond Precision = 5
	// PrecisionMillisecond is a time known to the millisecond: Time.Milli
	// holds the milliseconds. Documents store it as PrecisionSecond with
	// the milliseconds in a column of their own (see "Times are stored").
	PrecisionMillisecond Precision = 6
)

// String returns the lower-case name of the precision, such as "month".
func (p Precision) String() string {
	switch p {
	case 0:
		return "none"
	case PrecisionYear:
		return "year"
	case PrecisionMonth:
		return "month"
	case PrecisionDay:
		return "day"
	case PrecisionMinute:
		return "minute"
	case PrecisionSecond:
		return "second"
	case PrecisionMillisecond:
		return "millisecond"
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// Valid reports whether p is one of the defined precisions.
func (p Precision) Valid() bool {
	return p >= PrecisionYear && p <= PrecisionMillisecond
}

// Time is a moment in UTC, as seconds since the Unix epoch in the proleptic
// Gregorian calendar, together with how precisely it is known. Unix is the
// first second of the period the precision names: for a month, the first
// second of that month. A Time with zero Precision is no time.
//
// Years run from FirstYear (the Big Bang and a little before) to LastYear,
// numbered astronomically: year 0 is 1 BC. Years before FirstDatedYear are
// known to the year at most. Seconds since the epoch cover that whole range
// in an int64 (milliseconds would not), so a time known to the millisecond
// keeps its milliseconds in Milli.
type Time struct {
	Unix      int64
	Precision Precision
	// Milli is the millisecond within the second Unix, 0 to 999, of a time
	// of PrecisionMillisecond; 0 for every other precision.
	Milli int16
}

// ErrInvalidTime is returned, wrapped, by ParseTime for text that is not a
// valid time.
var ErrInvalidTime = errors.New("invalid time")

// The years a Time may have, numbered astronomically (0 is 1 BC).
const (
	// FirstYear is 14,000,000,001 BC: before the Big Bang, 13.8 billion
	// years ago.
	FirstYear = -14_000_000_000
	// LastYear is the last year ParseTime reads, the largest of six
	// digits.
	LastYear = 999_999
	// FirstDatedYear is the first year that may have a month, a day or a
	// time of day; earlier years are known to the year at most.
	FirstDatedYear = -999_999
)

// The first and last second of the years a Time may have.
var (
	firstUnix = time.Date(FirstYear, time.January, 1, 0, 0, 0, 0, time.UTC).Unix()
	lastUnix  = time.Date(LastYear+1, time.January, 1, 0, 0, 0, 0, time.UTC).Unix() - 1
)

// InRange reports whether t's year lies within FirstYear and LastYear, the
// years ParseTime reads and the timeline draws.
func (t Time) InRange() bool { return t.Unix >= firstUnix && t.Unix <= lastUnix }

// timeError describes why a time string was rejected. It matches
// ErrInvalidTime with errors.Is.
type timeError struct {
	input  string
	reason string
}

func (e *timeError) Error() string { return strconv.Quote(e.input) + " " + e.reason }

func (e *timeError) Is(target error) bool { return target == ErrInvalidTime }

// wantTime says which forms ParseTime reads.
const wantTime = "is not a time: want YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-MM-DDTHH:MM:SS or YYYY-MM-DDTHH:MM:SS.sss"

// ParseTime parses one of the forms "YYYY", "YYYY-MM", "YYYY-MM-DD",
// "YYYY-MM-DDTHH:MM", "YYYY-MM-DDTHH:MM:SS" and "YYYY-MM-DDTHH:MM:SS.sss"
// (one to nine digits after the point, of which the first three are kept),
// optionally followed by "Z", and returns the Time with the precision of
// the form. The year may carry a leading '-' or '+' sign and have four to
// six digits; a year before FirstDatedYear, such as "-13800000000", is
// written with its sign and up to eleven digits, and stands alone. Years
// are astronomical, as in ISO 8601: year 0 is 1 BC and year -44 is 45 BC.
// All times are UTC.
func ParseTime(s string) (Time, error) {
	t, err := parseTime(s)
	if err != nil {
		return Time{}, fmt.Errorf("data.ParseTime: %w", err)
	}
	return t, nil
}

// parseTime does the work of ParseTime and returns a *timeError on failure.
func parseTime(s string) (Time, error) {
	bad := func(reason string) (Time, error) {
		return Time{}, &timeError{input: s, reason: reason}
	}
	p := s
	if len(p) > 0 && p[len(p)-1] == 'Z' {
		p = p[:len(p)-1]
	}
	neg, signed := false, false
	if len(p) > 0 && (p[0] == '-' || p[0] == '+') {
		neg, signed = p[0] == '-', true
		p = p[1:]
	}
	n := 0
	for n < len(p) && isDigit(p[n]) {
		n++
	}
	if n < 4 || n > 11 || (n > 6 && !signed) {
		return bad(wantTime)
	}
	year, _ := strconv.ParseInt(p[:n], 10, 64)
	if neg {
		year = -year
	}
	switch {
	case year < FirstYear:
		return bad("is before the Big Bang: the earliest year is " + YearText(FirstYear))
	case year > LastYear:
		return bad("is after year " + YearText(LastYear) + ", the last Quoteline reads")
	case year < FirstDatedYear && len(p) > n:
		return bad("gives more than a year for a year before " + YearText(FirstDatedYear) + ": such years are known to the year")
	}
	p = p[n:]
	// The remaining fields, each introduced by its separator.
	fields := [...]struct {
		sep      byte
		name     string
		min, max int
	}{
		{'-', "month", 1, 12},
		{'-', "day", 1, 31},
		{'T', "hour", 0, 23},
		{':', "minute", 0, 59},
		{':', "second", 0, 59},
	}
	vals := [5]int{1, 1, 0, 0, 0}
	got := 0
	for got < len(fields) && p != "" && p[0] != '.' {
		f := fields[got]
		if len(p) < 3 || p[0] != f.sep || !isDigit(p[1]) || !isDigit(p[2]) {
			return bad(wantTime)
		}
		v := int(p[1]-'0')*10 + int(p[2]-'0')
		if v < f.min || v > f.max {
			return bad(f.name + " out of range")
		}
		vals[got] = v
		p = p[3:]
		got++
	}
	milli, hasMilli := 0, false
	if p != "" && p[0] == '.' {
		if got != 5 {
			return bad(wantTime)
		}
		digits := p[1:]
		k := 0
		for k < len(digits) && isDigit(digits[k]) {
			k++
		}
		if k == 0 || k > 9 {
			return bad("has a fraction of a second that is not one to nine digits")
		}
		for i := range 3 {
			milli *= 10
			if i < k {
				milli += int(digits[i] - '0')
			}
		}
		hasMilli = true
		p = digits[k:]
	}
	if p != "" {
		return bad("has unexpected text " + strconv.Quote(p))
	}
	if got == 3 {
		return bad("has an hour but no minute")
	}
	month, day := vals[0], vals[1]
	y := int(year)
	if day > daysIn(y, month) {
		return bad("day out of range")
	}
	var prec Precision
	switch got {
	case 0:
		prec = PrecisionYear
	case 1:
		prec = PrecisionMonth
	case 2:
		prec = PrecisionDay
	case 4:
		prec = PrecisionMinute
	case 5:
		prec = PrecisionSecond
	}
	if hasMilli {
		prec = PrecisionMillisecond
	}
	u := time.Date(y, time.Month(month), day, vals[2], vals[3], vals[4], 0, time.UTC).Unix()
	return Time{Unix: u, Precision: prec, Milli: int16(milli)}, nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// daysIn returns the number of days in the month of the proleptic Gregorian
// year.
func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether t is no time (zero Precision).
func (t Time) IsZero() bool { return t.Precision == 0 }

// std returns t as a time.Time in UTC, with its milliseconds.
func (t Time) std() time.Time {
	return time.Unix(t.Unix, int64(t.Milli)*int64(time.Millisecond)).UTC()
}

// Seconds returns t as seconds since the epoch with its milliseconds, as the
// timeline draws it.
func (t Time) Seconds() float64 { return float64(t.Unix) + float64(t.Milli)/1000 }

// String returns t in the ISO form ParseTime reads, at t's precision, for
// example "2022-08", "2023-05-15T14:30:05Z" or "2023-05-15T14:30:05.250Z".
// Years outside 0 to 9999 carry a sign. The zero Time gives "".
func (t Time) String() string {
	if !t.Precision.Valid() {
		return ""
	}
	d := t.std()
	b := make([]byte, 0, 28)
	y := int64(d.Year())
	switch {
	case y < 0:
		b = append(b, '-')
		y = -y
	case y > 9999:
		b = append(b, '+')
	}
	ys := strconv.FormatInt(y, 10)
	for i := len(ys); i < 4; i++ {
		b = append(b, '0')
	}
	b = append(b, ys...)
	two := func(sep byte, v int) {
		b = append(b, sep, byte('0'+v/10), byte('0'+v%10))
	}
	if t.Precision >= PrecisionMonth {
		two('-', int(d.Month()))
	}
	if t.Precision >= PrecisionDay {
		two('-', d.Day())
	}
	if t.Precision >= PrecisionMinute {
		two('T', d.Hour())
		two(':', d.Minute())
	}
	if t.Precision >= PrecisionSecond {
		two(':', d.Second())
	}
	if t.Precision == PrecisionMillisecond {
		ms := int(t.Milli)
		b = append(b, '.', byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10))
	}
	if t.Precision >= PrecisionMinute {
		b = append(b, 'Z')
	}
	return string(b)
}

// Display returns t for people in the default DateStyle (day month year,
// clock times in UTC): "2022", "Aug 2022", "15 Aug 2022", "15 Aug 2022
// 14:30" or "15 Aug 2022 14:30:05". Years before 1 AD read "45 BC". The
// zero Time gives "".
func (t Time) Display() string { return DateStyle{}.Format(t) }

// End returns the last second covered by t at its precision: for a month,
// the last second of that month; for a second or a millisecond, t.Unix
// itself. The zero Time returns t.Unix.
func (t Time) End() int64 {
	d := t.std()
	var next time.Time
	switch t.Precision {
	case PrecisionYear:
		next = time.Date(d.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
	case PrecisionMonth:
		next = time.Date(d.Year(), d.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	case PrecisionDay:
		next = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, time.UTC)
	case PrecisionMinute:
		return t.Unix - int64(d.Second()) + 59
	default:
		return t.Unix
	}
	return next.Unix() - 1
}

// EndSeconds returns the instant t's period ends, in seconds since the
// epoch with milliseconds: the first instant after it, as the timeline
// draws the end of a range.
func (t Time) EndSeconds() float64 {
	if t.Precision == PrecisionMillisecond {
		return float64(t.Unix) + float64(t.Milli+1)/1000
	}
	return float64(t.End() + 1)
}

// Step returns t moved by n units of its own precision (years, months,
// days, minutes, seconds or milliseconds), at the same precision. It turns
// an instant at which a range stops into the last period of it and back.
func (t Time) Step(n int) Time {
	d := t.std()
	switch t.Precision {
	case PrecisionYear:
		d = d.AddDate(n, 0, 0)
	case PrecisionMonth:
		d = d.AddDate(0, n, 0)
	case PrecisionDay:
		d = d.AddDate(0, 0, n)
	case PrecisionMinute:
		d = d.Add(time.Duration(n) * time.Minute)
	case PrecisionSecond:
		d = d.Add(time.Duration(n) * time.Second)
	case PrecisionMillisecond:
		d = d.Add(time.Duration(n) * time.Millisecond)
	default:
		return t
	}
	return timeAt(d, t.Precision)
}

// timeAt returns the Time of d at precision p.
func timeAt(d time.Time, p Precision) Time {
	t := Time{Unix: d.Unix(), Precision: p}
	if p == PrecisionMillisecond {
		t.Milli = int16(d.Nanosecond() / int(time.Millisecond))
	}
	return t
}

// Before reports whether t starts before u, milliseconds included.
func (t Time) Before(u Time) bool {
	return t.Unix < u.Unix || (t.Unix == u.Unix && t.Milli < u.Milli)
}

// timeOf builds a Time from nullable columns of a time and its precision;
// a NULL gives the zero Time.
func timeOf(unix, prec *int64) Time { return timeOfMilli(unix, prec, nil) }

// timeOfMilli builds a Time from nullable columns of a time, its precision
// and its milliseconds (see "Times are stored"); a NULL time gives the zero
// Time.
func timeOfMilli(unix, prec, milli *int64) Time {
	if unix == nil || prec == nil {
		return Time{}
	}
	t := Time{Unix: *unix, Precision: Precision(*prec)}
	if milli != nil && t.Precision == PrecisionSecond {
		t.Precision, t.Milli = PrecisionMillisecond, int16(*milli)
	}
	return t
}

// nullable returns the column values of t for columns without
// milliseconds (quotes' and sources' times): nil for the zero Time; a time
// known to the millisecond is kept to the second.
func (t Time) nullable() (unix, prec any) {
	unix, prec, _ = t.nullableMilli()
	return unix, prec
}

// nullableMilli returns the column values of t, its precision and its
// milliseconds (see "Times are stored"): nil for the zero Time.
func (t Time) nullableMilli() (unix, prec, milli any) {
	if t.IsZero() {
		return nil, nil, nil
	}
	unix, prec, milli = t.Unix, int64(t.Precision), nil
	if t.Precision == PrecisionMillisecond {
		prec, milli = int64(PrecisionSecond), int64(t.Milli)
	}
	return unix, prec, milli
}

// Times are stored in three columns: seconds since the epoch, the
// precision, and the milliseconds (events' and periods' times; quotes and
// sources keep theirs to the second). The precision column of the first
// schema accepts 1 to 5 only, and SQLite cannot change a column's check
// in place, so a time known to the millisecond is stored with
// PrecisionSecond and its milliseconds; the milliseconds column is NULL
// for every other time.

// YearText writes an astronomical year as people read it: "2023", "45 BC",
// "12,000 BC", "13,800,000,000 BC"; years of five digits or more have
// their thousands grouped.
func YearText(y int64) string {
	bc := y <= 0
	if bc {
		y = 1 - y
	}
	s := strconv.FormatInt(y, 10)
	if y >= 10000 {
		s = groupThousands(s)
	}
	if bc {
		return s + " BC"
	}
	return s
}

// groupThousands puts commas between groups of three digits of s, which
// holds digits only.
func groupThousands(s string) string {
	b := make([]byte, 0, len(s)+len(s)/3)
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	return string(b)
}

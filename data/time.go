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
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// Valid reports whether p is one of the defined precisions.
func (p Precision) Valid() bool {
	return p >= PrecisionYear && p <= PrecisionSecond
}

// Time is a moment in UTC, as seconds since the Unix epoch in the proleptic
// Gregorian calendar, together with how precisely it is known. Unix is the
// first second of the period the precision names: for a month, the first
// second of that month. A Time with zero Precision is no time.
type Time struct {
	Unix      int64
	Precision Precision
}

// ErrInvalidTime is returned, wrapped, by ParseTime for text that is not a
// valid time.
var ErrInvalidTime = errors.New("invalid time")

// Year limits accepted by ParseTime: up to six year digits.
const (
	minYear = -999999
	maxYear = 999999
)

// timeError describes why a time string was rejected. It matches
// ErrInvalidTime with errors.Is.
type timeError struct {
	input  string
	reason string
}

func (e *timeError) Error() string { return strconv.Quote(e.input) + " " + e.reason }

func (e *timeError) Is(target error) bool { return target == ErrInvalidTime }

// ParseTime parses one of the forms "YYYY", "YYYY-MM", "YYYY-MM-DD",
// "YYYY-MM-DDTHH:MM" and "YYYY-MM-DDTHH:MM:SS", optionally followed by "Z",
// and returns the Time with the precision of the form. The year may carry a
// leading '-' or '+' sign and have four to six digits; year 0 is 1 BC and
// year -44 is 45 BC. All times are UTC.
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
	neg := false
	if len(p) > 0 && (p[0] == '-' || p[0] == '+') {
		neg = p[0] == '-'
		p = p[1:]
	}
	n := 0
	for n < len(p) && isDigit(p[n]) {
		n++
	}
	if n < 4 || n > 6 {
		return bad("is not a time: want YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS")
	}
	year, _ := strconv.Atoi(p[:n])
	if neg {
		year = -year
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
	for got < len(fields) && p != "" {
		f := fields[got]
		if len(p) < 3 || p[0] != f.sep || !isDigit(p[1]) || !isDigit(p[2]) {
			return bad("is not a time: want YYYY, YYYY-MM, YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS")
		}
		v := int(p[1]-'0')*10 + int(p[2]-'0')
		if v < f.min || v > f.max {
			return bad(f.name + " out of range")
		}
		vals[got] = v
		p = p[3:]
		got++
	}
	if p != "" {
		return bad("has unexpected text " + strconv.Quote(p))
	}
	if got == 3 {
		return bad("has an hour but no minute")
	}
	month, day := vals[0], vals[1]
	if day > daysIn(year, month) {
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
	u := time.Date(year, time.Month(month), day, vals[2], vals[3], vals[4], 0, time.UTC).Unix()
	return Time{Unix: u, Precision: prec}, nil
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// daysIn returns the number of days in the month of the proleptic Gregorian
// year.
func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether t is no time (zero Precision).
func (t Time) IsZero() bool { return t.Precision == 0 }

// std returns t as a time.Time in UTC.
func (t Time) std() time.Time { return time.Unix(t.Unix, 0).UTC() }

// String returns t in the ISO form ParseTime reads, at t's precision, for
// example "2022-08" or "2023-05-15T14:30:05Z". Years outside 0 to 9999 carry
// a sign. The zero Time gives "".
func (t Time) String() string {
	if !t.Precision.Valid() {
		return ""
	}
	d := t.std()
	b := make([]byte, 0, 24)
	y := d.Year()
	switch {
	case y < 0:
		b = append(b, '-')
		y = -y
	case y > 9999:
		b = append(b, '+')
	}
	ys := strconv.Itoa(y)
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
// the last second of that month; for a second, t.Unix itself. The zero Time
// and PrecisionSecond return t.Unix.
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

// timeOf builds a Time from nullable columns; a NULL gives the zero Time.
func timeOf(unix, prec *int64) Time {
	if unix == nil || prec == nil {
		return Time{}
	}
	return Time{Unix: *unix, Precision: Precision(*prec)}
}

// nullable returns the column values for t: nil for the zero Time.
func (t Time) nullable() (unix, prec any) {
	if t.IsZero() {
		return nil, nil
	}
	return t.Unix, int64(t.Precision)
}

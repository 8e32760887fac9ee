package data

import (
	"fmt"
	"time"
)

// DateOrder is how a date is written: the order of its day, month and year.
type DateOrder string

// The date orders people choose between.
const (
	DayMonthYear DateOrder = "dmy" // 15 May 2023
	MonthDayYear DateOrder = "mdy" // May 15, 2023
	YearMonthDay DateOrder = "ymd" // 2023-05-15
)

// DateOrders lists the orders, the default first.
var DateOrders = []DateOrder{DayMonthYear, MonthDayYear, YearMonthDay}

// Valid reports whether o is one of the DateOrders.
func (o DateOrder) Valid() bool {
	return o == DayMonthYear || o == MonthDayYear || o == YearMonthDay
}

// DateStyle says how times are written for people: in which order, and in
// which time zone clock times are shown. Dates known to the day or less
// finely are calendar dates and read the same in every zone; only times
// known to the minute or second are moved into Zone, and then carry its
// abbreviation. The zero DateStyle writes day month year in UTC without a
// zone.
type DateStyle struct {
	Order DateOrder      // "" is DayMonthYear
	Zone  *time.Location // nil is UTC
}

// Format writes t at its precision in the style: "2022", "Aug 2022",
// "15 Aug 2022", "15 Aug 2022 14:30", "15 Aug 2022 14:30:05.250"; years
// before 1 AD read "45 BC", and long years are grouped ("13,800,000,000
// BC"). The zero Time gives "".
func (st DateStyle) Format(t Time) string {
	if !t.Precision.Valid() {
		return ""
	}
	d := t.std()
	zone := ""
	if t.Precision >= PrecisionMinute && st.Zone != nil && st.Zone != time.UTC {
		d = d.In(st.Zone)
		zone, _ = d.Zone()
	}
	mon := d.Month().String()[:3]
	year := YearText(int64(d.Year()))
	iso := st.Order == YearMonthDay && d.Year() > 0 && d.Year() <= 9999 // ISO dates for years it writes plainly
	var date string
	switch {
	case t.Precision == PrecisionYear:
		return year
	case t.Precision == PrecisionMonth && iso:
		return fmt.Sprintf("%04d-%02d", d.Year(), int(d.Month()))
	case t.Precision == PrecisionMonth:
		return mon + " " + year
	case iso:
		date = fmt.Sprintf("%04d-%02d-%02d", d.Year(), int(d.Month()), d.Day())
	case st.Order == MonthDayYear:
		date = fmt.Sprintf("%s %d, %s", mon, d.Day(), year)
	default:
		date = fmt.Sprintf("%d %s %s", d.Day(), mon, year)
	}
	switch t.Precision {
	case PrecisionDay:
		return date
	case PrecisionMinute:
		date = fmt.Sprintf("%s %02d:%02d", date, d.Hour(), d.Minute())
	case PrecisionSecond:
		date = fmt.Sprintf("%s %02d:%02d:%02d", date, d.Hour(), d.Minute(), d.Second())
	default:
		date = fmt.Sprintf("%s %02d:%02d:%02d.%03d", date, d.Hour(), d.Minute(), d.Second(), t.Milli)
	}
	if zone != "" {
		date += " " + zone
	}
	return date
}

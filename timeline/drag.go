package timeline

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Grab says which part of an item the pointer takes hold of: dragging the
// body moves the item, dragging an edge of a range moves that end only.
type Grab uint8

// Parts of an item.
const (
	GrabNone  Grab = iota // no item there
	GrabBody              // the item as a whole: a point's marker, a bar's middle, a label
	GrabStart             // the start edge of a bar
	GrabEnd               // the end edge of a bar
)

// GrabAt returns the topmost item at (x, y) and the part of it there. A bar
// is held by an edge within edge pixels of where it is drawn to start or
// end (less for a bar too short to leave a middle), elsewhere by its body.
func (s *Scene) GrabAt(x, y, edge float64) (Hit, Grab) {
	h, ok := s.hitAt(x, y)
	if !ok {
		return Hit{}, GrabNone
	}
	if !h.Range {
		return h, GrabBody
	}
	// Narrow bars keep a third of their width for moving them whole.
	in := math.Min(edge, (h.MarkX1-h.MarkX0)/3)
	switch {
	case x >= h.MarkX0-edge && x <= h.MarkX0+in:
		return h, GrabStart
	case x >= h.MarkX1-in && x <= h.MarkX1+edge:
		return h, GrabEnd
	}
	return h, GrabBody
}

// LaneAt returns the lane whose band is at y, if any; the axis and the
// statements row above the lanes are no lane's.
func (s *Scene) LaneAt(y float64) (int, bool) {
	if y < s.Top {
		return 0, false
	}
	for l, box := range s.Lanes {
		if y >= box.Y && y < box.Y+box.Height {
			return l, true
		}
	}
	return 0, false
}

// unitSeconds holds the usual length of each unit, for choosing one to snap to.
var unitSeconds = [...]float64{
	Millisecond: 0.001,
	Second:      1,
	Minute:      60,
	Hour:        3600,
	Day:         secondsPerDay,
	Month:       365.2425 / 12 * secondsPerDay,
	Year:        365.2425 * secondsPerDay,
}

// SnapUnit returns the unit times dragged in v snap to: the finest of
// milliseconds, seconds, minutes, hours, days, months and years that is drawn at least
// minPixels wide, or years when none is.
func SnapUnit(v Viewport, minPixels float64) Unit {
	for u, s := range unitSeconds {
		if s/v.SecondsPerPixel() >= minPixels {
			return Unit(u)
		}
	}
	return Year
}

// Snap returns the start of the millisecond, second, minute, hour, day,
// month or year (by u) nearest t, in the calendar of the axis.
func Snap(t float64, u Unit) float64 {
	lo := floorTo(t, u)
	var hi float64
	switch u {
	case Month:
		hi = float64(utc(lo).AddDate(0, 1, 0).Unix())
	case Year:
		hi = float64(utc(lo).AddDate(1, 0, 0).Unix())
	default:
		hi = lo + unitSeconds[u]
	}
	if t-lo < hi-t {
		return lo
	}
	return hi
}

// DragTimes returns where dragging part g of an item spanning [start, end]
// by dt seconds puts it, snapped to u: its body moves whole, so that its
// start lands on a boundary of u and its length is kept; an edge moves
// alone onto a boundary. Nothing keeps an edge from passing the other one:
// whoever saves the change is to refuse that.
func DragTimes(start, end, dt float64, g Grab, u Unit) (newStart, newEnd float64) {
	switch g {
	case GrabBody:
		s := Snap(start+dt, u)
		return s, end + (s - start)
	case GrabStart:
		return Snap(start+dt, u), end
	case GrabEnd:
		return start, Snap(end+dt, u)
	}
	return start, end
}

// DateLabel writes t as people read it, to unit u: "2023", "May 2023",
// "Mon 15 May 2023", "Mon 15 May 2023 14:30", "Mon 15 May 2023 14:30:05"
// or "Mon 15 May 2023 14:30:05.250"; clock times in zone (nil: UTC), as
// the axis shows them.
func DateLabel(t float64, u Unit, zone *time.Location) string {
	tm := utc(t)
	switch u {
	case Year, Month, Day:
		return contextLabel(tm, u)
	}
	if zone != nil {
		tm = tm.In(zone)
	}
	switch u {
	case Millisecond:
		ms := int64(math.Round((t - math.Floor(t)) * 1000))
		sec := int64(math.Floor(t))
		if ms == 1000 {
			sec, ms = sec+1, 0
		}
		tm = time.Unix(sec, 0).In(tm.Location())
		return contextLabel(tm, Day) + " " + millisecondLabel(sec+int64(offsetOf(tm)), ms)
	case Second:
		return contextLabel(tm, Day) + " " + fineLabel(tm, Step{Second, 1})
	}
	return contextLabel(tm, Day) + " " + fineLabel(tm, Step{Minute, 1})
}

// SpanLabel writes the period from start to end (the first moment after
// it) to unit u, as "May 2023" or "Mon 15 May 2023 – Tue 16 May 2023". A
// day, month or year names the last one it covers, as people count them;
// a point in time gives one date. Clock times are in zone (nil: UTC).
func SpanLabel(start, end float64, u Unit, zone *time.Location) string {
	from := DateLabel(start, u, zone)
	if end <= start {
		return from
	}
	last := end
	if u >= Day {
		last = end - 1 // the day (month, year) before the boundary at end
	}
	to := DateLabel(last, u, zone)
	if to == from {
		return from
	}
	return from + " – " + to
}

// WindowLabel describes the time window [from, to) for a heading, to the
// unit its width calls for: "13,800,000,000 BC – 2025", "1 Aug 2022 – 15
// Jun 2023", "Mon 15 May 2023 14:30 – 14:35", "Mon 15 May 2023
// 14:30:05.200 – 14:30:06.000".
func WindowLabel(from, to float64) string {
	span := to - from
	last := to - 1 // the window's last second, not the next one's
	switch {
	case span >= 2*365.2425*secondsPerDay:
		return YearLabel(utc(from).Year()) + " – " + YearLabel(utc(last).Year())
	case span >= 2*secondsPerDay:
		return dayLabel(utc(from)) + " – " + dayLabel(utc(last))
	}
	u := Minute
	switch {
	case span < 10:
		u, last = Millisecond, to-0.001
	case span < 600:
		u = Second
	}
	a, b := DateLabel(from, u, nil), DateLabel(last, u, nil)
	if day := contextLabel(utc(from), Day); len(a) > len(day) && strings.HasPrefix(b, day+" ") {
		b = b[len(day)+1:] // the same day: its clock time alone
	}
	return a + " – " + b
}

// dayLabel writes the day of tm: "15 May 2023", "15 Mar 44 BC".
func dayLabel(tm time.Time) string {
	return strconv.Itoa(tm.Day()) + " " + monthNames[tm.Month()-1] + " " + YearLabel(tm.Year())
}

package data

import "time"

// MoveDates moves e's dates by seconds, as when it is dragged along a
// timeline: see SetDates.
func (e *Event) MoveDates(seconds int64) {
	e.SetDates(e.Start.Unix+seconds, e.lastSecond()+1+seconds)
}

// SetDates gives e the dates nearest to starting at start and, for a
// range, ending at end (the first second after it), each at the precision
// it has: a date known to the day lands on the nearest day, one known to
// the month on the nearest month, so that a range moved whole keeps its
// length. Uncertainty bounds move with the date they widen, and one on a
// boundary of that date's precision stays on one. SetDates does not check
// that the end stays after the start; saving the event does.
func (e *Event) SetDates(start, end int64) {
	oldStart, oldLast := e.Start.Unix, e.lastSecond()
	e.Start.Unix = nearestStart(start, e.Start.Precision)
	if e.HasEnd() {
		e.End.Unix = periodStart(nearestStart(end, e.End.Precision)-1, e.End.Precision)
	}
	if b := e.EarliestStart; b != nil {
		v := moveBound(*b, e.Start.Unix-oldStart, e.Start.Precision)
		e.EarliestStart = &v
	}
	if b := e.LatestEnd; b != nil {
		p := e.Start.Precision
		if e.HasEnd() {
			p = e.End.Precision
		}
		v := moveBound(*b+1, e.lastSecond()-oldLast, p) - 1
		e.LatestEnd = &v
	}
}

// lastSecond returns the last second of e's end, or of its start for a
// point event.
func (e *Event) lastSecond() int64 {
	if e.HasEnd() {
		return e.End.End()
	}
	return e.Start.End()
}

// moveBound moves the bound b by d seconds. A bound on the start of a
// period of p lands on the start of the nearest one.
func moveBound(b, d int64, p Precision) int64 {
	if periodStart(b, p) == b {
		return nearestStart(b+d, p)
	}
	return b + d
}

// periodStart returns the first second of the period of precision p that
// contains unix.
func periodStart(unix int64, p Precision) int64 {
	d := time.Unix(unix, 0).UTC()
	switch p {
	case PrecisionYear:
		return time.Date(d.Year(), time.January, 1, 0, 0, 0, 0, time.UTC).Unix()
	case PrecisionMonth:
		return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC).Unix()
	case PrecisionDay:
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC).Unix()
	case PrecisionMinute:
		return unix - int64(d.Second())
	}
	return unix
}

// nearestStart returns the first second of the period of precision p
// whose start is nearest unix.
func nearestStart(unix int64, p Precision) int64 {
	lo := periodStart(unix, p)
	hi := Time{Unix: lo, Precision: p}.End() + 1
	if unix-lo < hi-unix {
		return lo
	}
	return hi
}

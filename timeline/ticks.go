package timeline

import (
	"math"
	"strconv"
	"time"
)

// Unit is a calendar unit ticks are counted in.
type Unit int

// Calendar units, finest first.
const (
	Second Unit = iota
	Minute
	Hour
	Day
	Month
	Year
)

// Step is the distance between two ticks: N units.
type Step struct {
	Unit Unit
	N    int
}

// Tick is one labelled mark on the axis. The label occupies
// [X, X+measure(Label)] on its row.
type Tick struct {
	Time   float64
	X      float64
	Label  string
	Pinned bool // a context label held at the left edge; its boundary is off-screen
}

// Axis is the calendar axis for one viewport: a row of fine ticks and a row
// of coarser context ticks ("2023" above the months, "May 2023" above the days).
type Axis struct {
	Step    Step
	Fine    []Tick
	Context []Tick
}

// Measure returns a label's width in pixels.
type Measure func(label string) float64

// ladder lists the steps ticks may be spaced by, finest first.
var ladder = [...]Step{
	{Second, 1}, {Second, 5}, {Second, 15}, {Second, 30},
	{Minute, 1}, {Minute, 5}, {Minute, 15}, {Minute, 30},
	{Hour, 1}, {Hour, 3}, {Hour, 6}, {Hour, 12},
	{Day, 1}, {Day, 2}, {Day, 5},
	{Month, 1}, {Month, 3}, {Month, 6},
	{Year, 1}, {Year, 2}, {Year, 5}, {Year, 10}, {Year, 20}, {Year, 50},
	{Year, 100}, {Year, 200}, {Year, 500}, {Year, 1000},
}

// minSeconds is the shortest distance in seconds between two ticks of s.
func (s Step) minSeconds() float64 {
	n := float64(s.N)
	switch s.Unit {
	case Second:
		return n
	case Minute:
		return 60 * n
	case Hour:
		return 3600 * n
	case Day:
		return 86400 * n
	case Month:
		return 28 * 86400 * n
	default:
		return 365 * 86400 * n
	}
}

// Ticks fills dst with the axis for v: the finest step of the ladder whose
// labels, measured with measure, are all at least gap pixels apart, and the
// context labels above it. dst's slices are reused.
func Ticks(v Viewport, measure Measure, gap float64, dst *Axis) {
	dst.Fine = dst.Fine[:0]
	dst.Context = dst.Context[:0]
	maxTicks := v.Width()/math.Max(gap, 1) + 2
	chosen := -1
	for i, s := range ladder {
		if v.Span()/s.minSeconds() > maxTicks {
			continue // too many ticks to ever fit
		}
		dst.Fine = appendTicks(dst.Fine[:0], v, s)
		if fits(dst.Fine, measure, gap) {
			chosen = i
			break
		}
	}
	if chosen < 0 {
		// Not even millennia fit (a very narrow view of a very long span): no fine labels.
		dst.Fine = dst.Fine[:0]
		dst.Step = ladder[len(ladder)-1]
		return
	}
	dst.Step = ladder[chosen]
	ctx, ok := contextUnit(dst.Step.Unit)
	if !ok {
		return
	}
	dst.Context = appendTicks(dst.Context, v, Step{ctx, 1})
	for i := range dst.Context {
		dst.Context[i].Label = contextLabel(dst.Context[i].Time, ctx)
	}
	dst.Context = thin(dst.Context, measure, gap)
	// Hold the label of the period the view starts in at the left edge, if it
	// does not collide with the next one.
	first := math.Inf(1)
	if len(dst.Context) > 0 {
		first = dst.Context[0].X
	}
	if first > 1 {
		label := contextLabel(floorTo(v.Start(), ctx), ctx)
		if measure(label)+gap <= first {
			dst.Context = append(dst.Context, Tick{})
			copy(dst.Context[1:], dst.Context)
			dst.Context[0] = Tick{Time: v.Start(), X: 0, Label: label, Pinned: true}
		}
	}
}

// fits reports whether every label ends gap pixels before the next begins.
func fits(ticks []Tick, measure Measure, gap float64) bool {
	for i := 0; i+1 < len(ticks); i++ {
		if ticks[i].X+measure(ticks[i].Label)+gap > ticks[i+1].X {
			return false
		}
	}
	return true
}

// thin drops labels that would overlap the label kept before them.
func thin(ticks []Tick, measure Measure, gap float64) []Tick {
	out := ticks[:0]
	end := math.Inf(-1)
	for _, t := range ticks {
		if t.X < end {
			continue
		}
		out = append(out, t)
		end = t.X + measure(t.Label) + gap
	}
	return out
}

// appendTicks appends the ticks of step s whose X lies within the view.
func appendTicks(dst []Tick, v Viewport, s Step) []Tick {
	start, end := v.Start(), v.End()
	add := func(t float64) {
		if x := v.X(t); x >= 0 && x <= v.Width() {
			dst = append(dst, Tick{Time: t, X: x, Label: fineLabel(t, s.Unit)})
		}
	}
	switch s.Unit {
	case Second, Minute, Hour:
		d := s.minSeconds()
		for t := math.Floor(start/d) * d; t <= end; t += d {
			add(t)
		}
	case Day:
		if s.N == 1 {
			for t := math.Floor(start/86400) * 86400; t <= end; t += 86400 {
				add(t)
			}
			break
		}
		// Every N days from the 1st of each month, leaving out a day too close to the next month.
		tm := utc(start)
		m := time.Date(tm.Year(), tm.Month(), 1, 0, 0, 0, 0, time.UTC)
		for float64(m.Unix()) <= end {
			days := time.Date(m.Year(), m.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
			for d := 1; d <= days; d += s.N {
				if d > 1 && days-d+1 < s.N {
					break
				}
				if t := float64(m.Unix()) + float64(d-1)*86400; t >= start && t <= end {
					add(t)
				}
			}
			m = m.AddDate(0, 1, 0)
		}
	case Month:
		tm := utc(start)
		mo := (int(tm.Month())-1)/s.N*s.N + 1
		for m := time.Date(tm.Year(), time.Month(mo), 1, 0, 0, 0, 0, time.UTC); float64(m.Unix()) <= end; m = m.AddDate(0, s.N, 0) {
			add(float64(m.Unix()))
		}
	case Year:
		y := floorDiv(utc(start).Year(), s.N) * s.N
		for ; ; y += s.N {
			t := float64(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix())
			if t > end {
				break
			}
			add(t)
		}
	}
	return dst
}

// contextUnit is the unit of the context row above fine ticks of unit u.
func contextUnit(u Unit) (Unit, bool) {
	switch u {
	case Second, Minute, Hour:
		return Day, true
	case Day:
		return Month, true
	case Month:
		return Year, true
	}
	return 0, false
}

// floorTo returns the start of the unit u period containing t.
func floorTo(t float64, u Unit) float64 {
	tm := utc(t)
	switch u {
	case Day:
		return float64(time.Date(tm.Year(), tm.Month(), tm.Day(), 0, 0, 0, 0, time.UTC).Unix())
	case Month:
		return float64(time.Date(tm.Year(), tm.Month(), 1, 0, 0, 0, 0, time.UTC).Unix())
	default:
		return float64(time.Date(tm.Year(), 1, 1, 0, 0, 0, 0, time.UTC).Unix())
	}
}

// fineLabel labels a tick of unit u: "14:30:15", "14:30", "14:00", "15", "Aug", "2022".
func fineLabel(t float64, u Unit) string {
	tm := utc(t)
	switch u {
	case Second:
		return tm.Format("15:04:05")
	case Minute, Hour:
		return tm.Format("15:04")
	case Day:
		return strconv.Itoa(tm.Day())
	case Month:
		return tm.Format("Jan")
	default:
		return YearLabel(tm.Year())
	}
}

// contextLabel labels a context tick of unit u: "Mon 15 May 2023", "May 2023", "2023".
func contextLabel(t float64, u Unit) string {
	tm := utc(t)
	switch u {
	case Day:
		return tm.Format("Mon 2 Jan ") + YearLabel(tm.Year())
	case Month:
		return tm.Format("Jan ") + YearLabel(tm.Year())
	default:
		return YearLabel(tm.Year())
	}
}

// YearLabel writes an astronomical year (0 is 1 BC) the way people read it:
// "2023", "45 BC".
func YearLabel(y int) string {
	if y <= 0 {
		return strconv.Itoa(1-y) + " BC"
	}
	return strconv.Itoa(y)
}

func utc(t float64) time.Time { return time.Unix(int64(math.Floor(t)), 0).UTC() }

// floorDiv divides rounding towards negative infinity.
func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

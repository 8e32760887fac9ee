package timeline

import (
	"math"
	"strconv"
	"sync"
	"time"
)

// Unit is a calendar unit ticks are counted in.
type Unit int

// Calendar units, finest first.
const (
	Millisecond Unit = iota
	Second
	Minute
	Hour
	Day
	Month
	Year
)

var unitNames = [...]string{"millisecond", "second", "minute", "hour", "day", "month", "year"}

// String returns the unit's name in English, as in "month".
func (u Unit) String() string {
	if u < 0 || int(u) >= len(unitNames) {
		return "Unit(" + strconv.Itoa(int(u)) + ")"
	}
	return unitNames[u]
}

// Step is the distance between two fine ticks: N units, as in {Year, 100},
// {Month, 3} or {Hour, 6}.
type Step struct {
	Unit Unit
	N    int
}

// Tick is one labelled mark on the axis at Time, drawn X pixels from the left
// edge. For the purpose of overlap, the label occupies [X, X+w] on its row,
// where w is its measured width; the renderer draws it left-aligned a few
// pixels right of X, so gap should allow for that offset.
type Tick struct {
	Time   float64
	X      float64
	Label  string
	Pinned bool // a context label held at the left edge: X is 0 and Time the start of its period, which is off-screen
}

// Axis is the calendar axis for one viewport: a row of fine ticks and a row
// of coarser context ticks, such as "2023" above the months or "May 2023"
// above the days.
type Axis struct {
	Step    Step   // the step of the fine ticks
	Fine    []Tick // every visible boundary of Step, labelled, sorted by X
	Context []Tick // visible boundaries of the next larger unit, sorted by X; may start with a Pinned tick
}

// Measure returns a label's width in pixels.
type Measure func(label string) float64

// ladder lists the steps fine ticks may be spaced by, finest first.
var ladder = [...]Step{
	{Millisecond, 1}, {Millisecond, 5}, {Millisecond, 10}, {Millisecond, 50}, {Millisecond, 100}, {Millisecond, 500},
	{Second, 1}, {Second, 5}, {Second, 15}, {Second, 30},
	{Minute, 1}, {Minute, 5}, {Minute, 15}, {Minute, 30},
	{Hour, 1}, {Hour, 3}, {Hour, 6}, {Hour, 12},
	{Day, 1}, {Day, 2}, {Day, 7},
	{Month, 1}, {Month, 3}, {Month, 6},
	{Year, 1}, {Year, 2}, {Year, 5}, {Year, 10}, {Year, 20}, {Year, 50},
	{Year, 100}, {Year, 200}, {Year, 500}, {Year, 1000}, {Year, 2000}, {Year, 5000},
	// Deep time.
	{Year, 1e4}, {Year, 2e4}, {Year, 5e4}, {Year, 1e5}, {Year, 2e5}, {Year, 5e5},
	{Year, 1e6}, {Year, 2e6}, {Year, 5e6}, {Year, 1e7}, {Year, 2e7}, {Year, 5e7},
	{Year, 1e8}, {Year, 2e8}, {Year, 5e8}, {Year, 1e9}, {Year, 2e9}, {Year, 5e9},
}

// Ticks fills dst with the calendar axis for v, reusing dst's slices.
//
// The fine row uses the finest step of the ladder (1, 5, 10, 50, 100 and 500
// milliseconds; 1, 5, 15 and 30 seconds and minutes; 1, 3, 6 and 12 hours;
// 1, 2 and 7 days; 1, 3 and 6 months; 1, 2 and 5 years and their multiples
// by powers of ten up to five billion) at which
// every label ends at least gap pixels before the next begins, the label of a
// tick at X occupying [X, X+measure(label)]. If no step fits, Fine is empty.
// Boundaries are aligned to the calendar in UTC: minutes and hours at
// multiples of N within the hour and the day, days at the 1st of the month
// and every N days after, months at multiples of N from January, years at
// multiples of N counted from AD 1 forwards and from 1 BC backwards (so that
// both "100 BC" and "100" are boundaries), with AD 1 itself a boundary when
// N is 5 or more.
//
// Year labels read "2023", "45 BC" and "12,000 BC"; with steps of 100,000
// years or more, years before AD 1 are labelled in thousands, millions or
// billions of years before it, as TimelineJS counts them: "300 ka", "540
// Ma", "4.6 Ga" (see YearTickLabel).
//
// The context row labels the next larger unit at its boundaries: the day
// and second ("Mon 15 May 2023 14:30:05") above milliseconds, the day
// ("Mon 15 May 2023") above seconds, minutes and hours, the
// month ("May 2023") above days and the year above months; above years it
// is empty. When
// the period the view starts in has its boundary off-screen, its label is
// pinned at X = 0 unless it would overlap the next context label. Context
// labels too close to the one before are dropped, so neither row overlaps.
//
// Ticks lie within [0, v.Width()], so Fine holds at most v.Width()/gap+1
// ticks. A gap below one pixel counts as one; measure must not be nil, and a
// negative or NaN width counts as zero. Ticks takes time in proportion
// to the number of ticks that fit in the width.
func Ticks(v Viewport, measure Measure, gap float64, dst *Axis) { TicksIn(v, nil, measure, gap, dst) }

// TicksIn is Ticks with clock times in zone (nil: UTC): ticks of seconds,
// minutes and hours fall on the zone's whole minutes and hours and are
// labelled with its clock, and the days above them begin at its midnights.
// Days, months and years are calendar dates, the same in every zone, and
// stay aligned to UTC as the events' dates are.
func TicksIn(v Viewport, zone *time.Location, measure Measure, gap float64, dst *Axis) {
	dst.Step = ladder[len(ladder)-1]
	dst.Fine = dst.Fine[:0]
	dst.Context = dst.Context[:0]
	if !(gap >= 1) {
		gap = 1
	}
	// A step fits only if its ticks are gap apart, so no more than
	// Width/gap+1 of them may be in view.
	most := v.Width()/gap + 2
	chosen := false
	for _, s := range ladder {
		if v.Span()/s.maxSeconds() > most {
			continue
		}
		w := tickWriter{v: v, step: s, measure: measure, gap: gap, end: math.Inf(-1), dst: dst.Fine[:0], ok: true}
		if s.Unit < Day {
			w.zone = zone
		}
		w.run()
		dst.Fine = w.dst
		if w.ok {
			dst.Step = s
			chosen = true
			break
		}
	}
	if !chosen {
		dst.Fine = dst.Fine[:0]
		return
	}

	ctx, ok := contextUnit(dst.Step.Unit)
	if !ok {
		return
	}
	w := tickWriter{v: v, step: Step{ctx, 1}, context: true, dst: dst.Context[:0], ok: true}
	if ctx <= Day { // above clock times
		w.zone = zone
	}
	w.run()
	dst.Context = thin(w.dst, measure, gap)

	// Pin the label of the period the view starts in when its boundary is
	// off-screen and the label leaves room for the next one.
	if len(dst.Context) > 0 && dst.Context[0].X <= 0 {
		return
	}
	t := w.floorTo(v.Start(), ctx)
	label := contextLabel(w.calendar(t), ctx)
	if len(dst.Context) > 0 && width(measure, label)+gap > dst.Context[0].X {
		return
	}
	dst.Context = append(dst.Context, Tick{})
	copy(dst.Context[1:], dst.Context)
	dst.Context[0] = Tick{Time: t, X: 0, Label: label, Pinned: true}
}

// maxSeconds is an upper bound on the time in seconds between two
// consecutive boundaries of s.
func (s Step) maxSeconds() float64 {
	n := float64(s.N)
	switch s.Unit {
	case Millisecond:
		return n / 1000
	case Second:
		return n
	case Minute:
		return 60 * n
	case Hour:
		return 3600 * n
	case Day:
		if s.N == 1 {
			return secondsPerDay
		}
		return 2 * n * secondsPerDay // the last boundary of a month to the 1st of the next
	case Month:
		return 31 * n * secondsPerDay
	default:
		return 2 * n * 366 * secondsPerDay // around the change of era
	}
}

// fits reports whether every label ends at least gap pixels before the next
// one begins.
func fits(ticks []Tick, measure Measure, gap float64) bool {
	for i := 0; i+1 < len(ticks); i++ {
		if ticks[i].X+width(measure, ticks[i].Label)+gap > ticks[i+1].X {
			return false
		}
	}
	return true
}

// thin drops, in place, labels that begin less than gap pixels after the end
// of the label kept before them.
func thin(ticks []Tick, measure Measure, gap float64) []Tick {
	out := ticks[:0]
	end := math.Inf(-1)
	for _, t := range ticks {
		if t.X < end {
			continue
		}
		out = append(out, t)
		end = t.X + width(measure, t.Label) + gap
	}
	return out
}

// width measures label, counting a negative or NaN width as zero.
func width(measure Measure, label string) float64 {
	w := measure(label)
	if !(w > 0) {
		return 0
	}
	return w
}

// tickWriter appends the visible boundaries of one step to dst. With a
// measure it stops at the first label that would overlap the one before it,
// clearing ok.
type tickWriter struct {
	v       Viewport
	step    Step
	context bool    // label the ticks for the context row
	measure Measure // nil: do not check for overlap
	gap     float64
	end     float64 // where the next label may begin
	dst     []Tick
	ok      bool
	zone    *time.Location // the clock of seconds, minutes, hours and the days above them; nil: UTC
}

// calendar returns t in w's zone, to the second below.
func (w *tickWriter) calendar(t float64) time.Time {
	if w.zone == nil {
		return utc(t)
	}
	return utc(t).In(w.zone)
}

// offset returns the zone's offset from UTC at t, in seconds.
func (w *tickWriter) offset(t float64) float64 {
	if w.zone == nil {
		return 0
	}
	_, off := w.calendar(t).Zone()
	return float64(off)
}

// add appends a tick at t if it is in view. It reports whether later
// boundaries may still be added.
func (w *tickWriter) add(t float64) bool {
	return w.addLabelled(t, func() string {
		if w.context {
			return contextLabel(w.calendar(t), w.step.Unit)
		}
		return fineLabel(w.calendar(t), w.step)
	})
}

// addLabelled appends a tick at t labelled label() if it is in view. It
// reports whether later boundaries may still be added.
func (w *tickWriter) addLabelled(t float64, label func() string) bool {
	x := w.v.X(t)
	if x < 0 {
		return true
	}
	if !(x <= w.v.Width()) {
		return false
	}
	return w.put(t, x, label())
}

// put appends a tick at t, drawn at x.
func (w *tickWriter) put(t, x float64, label string) bool {
	if w.measure != nil {
		if x < w.end {
			w.ok = false
			return false
		}
		w.end = x + width(w.measure, label) + w.gap
	}
	w.dst = append(w.dst, Tick{Time: t, X: x, Label: label})
	return true
}

// run adds the boundaries of w.step from the left edge of the view to the
// right edge.
func (w *tickWriter) run() {
	start := w.v.Start()
	n := w.step.N
	switch w.step.Unit {
	case Millisecond:
		// Counted in whole milliseconds, so that a tick's label is
		// exact whatever float64 makes of its time.
		for ms := int64(math.Ceil((start+w.offset(start))*1000/float64(n))) * int64(n); ; ms += int64(n) {
			sec, frac := floorDiv(ms, 1000), ms-floorDiv(ms, 1000)*1000
			t := float64(sec) + float64(frac)/1000
			off := w.offset(t)
			t -= off
			if !w.addLabelled(t, func() string {
				if w.context {
					return millisecondLabel(sec, frac)
				}
				return milliLabels[4*frac : 4*frac+4]
			}) {
				return
			}
		}
	case Second, Minute, Hour:
		// Multiples of d on the zone's clock; the offset is looked up
		// again at each tick, as it changes with summer time.
		d := w.step.maxSeconds()
		next := func(t float64) float64 {
			off := w.offset(t)
			return math.Ceil((t+off)/d)*d - off
		}
		for t := next(start); w.add(t); t = next(t + d) {
		}
	case Day:
		if n == 1 && w.zone != nil { // the zone's midnights
			tm := w.calendar(start)
			day := time.Date(tm.Year(), tm.Month(), tm.Day(), 0, 0, 0, 0, w.zone)
			if float64(day.Unix()) < start {
				day = day.AddDate(0, 0, 1)
			}
			for ; w.add(float64(day.Unix())); day = day.AddDate(0, 0, 1) {
			}
			return
		}
		if n == 1 {
			for t := math.Ceil(start/secondsPerDay) * secondsPerDay; w.add(t); t += secondsPerDay {
			}
			return
		}
		// The 1st of each month and every n days after it, leaving out a
		// day less than n days before the next month.
		tm := utc(start)
		y, m := tm.Year(), tm.Month()
		for {
			first := float64(time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Unix())
			days := daysIn(y, m)
			for d := 1; d == 1 || days-d+1 >= n; d += n {
				if !w.add(first + float64(d-1)*secondsPerDay) {
					return
				}
			}
			if m++; m > time.December {
				y, m = y+1, time.January
			}
		}
	case Month:
		tm := utc(start)
		y, m := tm.Year(), (int(tm.Month())-1)/n*n+1
		for w.add(float64(time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC).Unix())) {
			if m += n; m > 12 {
				y, m = y+1, m-12
			}
		}
	case Year:
		for y := firstYearTick(utc(start).Year(), n); w.addLabelled(yearStart(y), func() string {
			if w.context {
				return YearLabel(y)
			}
			return YearTickLabel(y, n)
		}); y = nextYearTick(y, n) {
		}
	}
}

// floorDiv returns a/b rounded down, for b > 0.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// millisecondLabel labels the tick at second sec and millisecond ms of
// it, on the clock it was counted on: "14:30:05.250".
func millisecondLabel(sec, ms int64) string {
	h, m, s := time.Unix(sec, 0).UTC().Clock()
	b := [12]byte{byte('0' + h/10), byte('0' + h%10), ':', byte('0' + m/10), byte('0' + m%10), ':', byte('0' + s/10), byte('0' + s%10),
		'.', byte('0' + ms/100), byte('0' + ms/10%10), byte('0' + ms%10)}
	return string(b[:])
}

// milliLabels holds ".000" to ".999", four bytes each, so that the fine
// labels of milliseconds need no allocation.
var milliLabels = func() string {
	b := make([]byte, 0, 4000)
	for ms := range 1000 {
		b = append(b, '.', byte('0'+ms/100), byte('0'+ms/10%10), byte('0'+ms%10))
	}
	return string(b)
}()

// YearTickLabel labels the boundary of year y (astronomical: 0 is 1 BC)
// on an axis of steps of n years: as YearLabel does for steps of up to
// 50,000 years and for years from AD 1 on, else as the thousands,
// millions or billions of years before AD 1 ("300 ka", "540 Ma",
// "4.6 Ga"), the unit chosen by the step so that every label of an axis
// reads alike. That is how TimelineJS counts its negative years, and not
// from today: at these steps the two differ by less than a tick.
func YearTickLabel(y, n int) string {
	if n < 1e5 || y >= 1 {
		if y == 1 && n > 1 {
			return "AD 1"
		}
		return YearLabel(y)
	}
	before := float64(1 - y) // years BC
	unit, name := 1e3, " ka"
	switch {
	case n >= 5e8:
		unit, name = 1e9, " Ga"
	case n >= 1e6:
		unit, name = 1e6, " Ma"
	}
	return strconv.FormatFloat(before/unit, 'f', -1, 64) + name
}

// Year boundaries for steps of n > 1 years fall on displayed years that are
// multiples of n on both sides of the change of era: ..., 2n BC, n BC, then
// AD 1 if n >= 5, then n, 2n, ... In astronomical numbering (0 is 1 BC) the
// years before the era are 1-n, 1-2n, ...

// eraTick reports whether AD 1 is a boundary for steps of n years.
func eraTick(n int) bool { return n >= 5 }

// firstYearTick returns the last boundary year of steps of n years at or
// before year y.
func firstYearTick(y, n int) int {
	switch {
	case n <= 1:
		return y
	case y >= n:
		return y / n * n
	case y >= 1 && eraTick(n):
		return 1
	case y >= 1:
		return 1 - n
	}
	b := 1 - y // y is b BC
	return 1 - (b+n-1)/n*n
}

// nextYearTick returns the first boundary year of steps of n years after
// year y.
func nextYearTick(y, n int) int {
	switch {
	case n <= 1:
		return y + 1
	case y >= 1:
		return (y/n + 1) * n
	}
	if b := (-y) / n * n; b >= n { // the last multiple of n below 1-y, in years BC
		return 1 - b
	}
	if eraTick(n) {
		return 1
	}
	return n
}

func yearStart(y int) float64 {
	return float64(time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC).Unix())
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// contextUnit returns the unit of the context row above fine ticks of unit u.
func contextUnit(u Unit) (Unit, bool) {
	switch u {
	case Millisecond:
		return Second, true
	case Second, Minute, Hour:
		return Day, true
	case Day:
		return Month, true
	case Month:
		return Year, true
	}
	return 0, false
}

// floorTo returns the start of the day (in w's zone), month or year
// containing t.
func (w *tickWriter) floorTo(t float64, u Unit) float64 {
	if u == Day && w.zone != nil {
		local := w.calendar(t)
		return float64(time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, w.zone).Unix())
	}
	return floorTo(t, u)
}

// floorTo returns the start of the second, minute, hour, day, month or
// year (in UTC) containing t.
func floorTo(t float64, u Unit) float64 {
	tm := utc(t)
	switch u {
	case Millisecond, Second, Minute, Hour:
		d := Step{u, 1}.maxSeconds()
		return math.Floor(t/d) * d
	case Day:
		return math.Floor(t/secondsPerDay) * secondsPerDay
	case Month:
		return float64(time.Date(tm.Year(), tm.Month(), 1, 0, 0, 0, 0, time.UTC).Unix())
	default:
		return yearStart(tm.Year())
	}
}

var monthNames = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// clock holds "00:00" to "23:59", five bytes each, so that minute and hour
// labels need no allocation.
var clock = func() string {
	b := make([]byte, 0, 24*60*5)
	for h := range 24 {
		for m := range 60 {
			b = append(b, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10))
		}
	}
	return string(b)
}()

// fineLabel labels a fine tick at tm of step s: ".250" (under the second
// in the context row), "14:30:15",
// "14:30", "14:00", "15", "Aug", "2022", "45 BC", or "AD 1" at the change of
// era.
func fineLabel(tm time.Time, s Step) string {
	switch s.Unit {
	case Millisecond:
		ms := 4 * (tm.Nanosecond() / int(time.Millisecond))
		return milliLabels[ms : ms+4]
	case Second:
		h, m, sec := tm.Clock()
		b := [8]byte{byte('0' + h/10), byte('0' + h%10), ':', byte('0' + m/10), byte('0' + m%10), ':', byte('0' + sec/10), byte('0' + sec%10)}
		return string(b[:])
	case Minute, Hour:
		h, m, _ := tm.Clock()
		i := 5 * (60*h + m)
		return clock[i : i+5]
	case Day:
		return strconv.Itoa(tm.Day())
	case Month:
		return monthNames[tm.Month()-1]
	default:
		return YearTickLabel(tm.Year(), s.N)
	}
}

// offsetOf returns the offset from UTC of tm's zone, in seconds.
func offsetOf(tm time.Time) int {
	_, off := tm.Zone()
	return off
}

// contextLabel labels a context tick at tm of unit u: "Mon 15 May 2023
// 14:30:05", "Mon 15 May 2023", "May 2023", "2023".
func contextLabel(tm time.Time, u Unit) string {
	switch u {
	case Second:
		return contextLabel(tm, Day) + " " + fineLabel(tm, Step{Second, 1})
	case Day:
		return tm.Weekday().String()[:3] + " " + strconv.Itoa(tm.Day()) + " " + monthNames[tm.Month()-1] + " " + YearLabel(tm.Year())
	case Month:
		return monthNames[tm.Month()-1] + " " + YearLabel(tm.Year())
	default:
		return YearLabel(tm.Year())
	}
}

// Year labels for the years of the timeline are formatted once, on first
// use, into one string.
const (
	firstLabelledYear = -10000
	lastLabelledYear  = 10000
)

var yearLabels = sync.OnceValues(func() (string, []uint32) {
	n := lastLabelledYear - firstLabelledYear + 1
	b := make([]byte, 0, 7*n)
	off := make([]uint32, 0, n+1)
	for y := firstLabelledYear; y <= lastLabelledYear; y++ {
		off = append(off, uint32(len(b)))
		b = appendYear(b, y)
	}
	off = append(off, uint32(len(b)))
	return string(b), off
})

// YearLabel returns year y, numbered astronomically (0 is 1 BC, -44 is 45
// BC), as people read it: "2023", "1", "1 BC", "45 BC", "12,000 BC". Labels
// of the years -10,000 to 10,000 are not allocated.
func YearLabel(y int) string {
	if y < firstLabelledYear || y > lastLabelledYear {
		return string(appendYear(nil, y))
	}
	s, off := yearLabels()
	i := y - firstLabelledYear
	return s[off[i]:off[i+1]]
}

func appendYear(b []byte, y int) []byte {
	v := int64(y)
	if y <= 0 {
		v = 1 - v
	}
	if v >= 10000 {
		s := strconv.FormatInt(v, 10)
		for i := 0; i < len(s); i++ {
			if i > 0 && (len(s)-i)%3 == 0 {
				b = append(b, ',')
			}
			b = append(b, s[i])
		}
	} else {
		b = strconv.AppendInt(b, v, 10)
	}
	if y <= 0 {
		b = append(b, " BC"...)
	}
	return b
}

// utc returns the calendar time of t, to the second below.
func utc(t float64) time.Time { return time.Unix(int64(math.Floor(t)), 0).UTC() }

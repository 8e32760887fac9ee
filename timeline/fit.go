package timeline

import "math"

// Fitting is how a scene's sizes are fitted to the height it is drawn in:
// its metrics scaled by Scale, with the space between rows and lanes taken
// in by Tight, from 0 (as usual) to 1 (Metrics.Tight). The zero Fitting is
// read as scale 1.
type Fitting struct {
	Scale float64
	Tight float64
}

// Apply returns m fitted.
func (f Fitting) Apply(m Metrics) Metrics {
	if f.Tight > 0 {
		t := m.Tight()
		k := math.Min(f.Tight, 1)
		m.RowHeight += (t.RowHeight - m.RowHeight) * k
		m.LaneHeader += (t.LaneHeader - m.LaneHeader) * k
		m.LanePadding += (t.LanePadding - m.LanePadding) * k
	}
	if f.Scale > 0 && f.Scale != 1 {
		m = m.Scaled(f.Scale)
	}
	return m
}

// Tight returns m with the space between rows and lanes taken in: bars
// three pixels apart, a lane header just taller than its name, lanes
// without padding. The text and the marks keep their size.
func (m Metrics) Tight() Metrics {
	m.RowHeight = math.Min(m.RowHeight, m.BarHeight+3)
	m.LaneHeader = math.Min(m.LaneHeader, math.Ceil(m.TextSize*1.4))
	m.LanePadding = math.Min(m.LanePadding, 1)
	return m
}

// The steps in which FitHeight takes in the space between rows, then
// makes text smaller (as a fraction of the scale).
const (
	tightStep = 0.25
	fitStep   = 0.05
)

// FitHeight returns the roomiest fitting, from scale hi down to lo, at
// which content fits a height of avail pixels, as height measures it (the
// height of the scene built with the metrics it is given), and whether one
// does. It tries base's own spacing first, from hi down to 1 (the largest
// that fits, within 2%), then at 1 (or hi, if less) takes in the space
// between rows and lanes by quarters, then draws the tightest spacing
// smaller, down to lo in steps of 5%: what fits at the usual size is never
// drawn smaller, and the space between rows goes before any text shrinks.
// When nothing fits it returns the usual size, Fitting{Scale: min(1, hi)}.
func FitHeight(base Metrics, lo, hi, avail float64, height func(Metrics) float64) (Fitting, bool) {
	fits := func(f Fitting) bool { return height(f.Apply(base)) <= avail }
	top := math.Min(1, hi)
	if hi > 1 {
		if f := (Fitting{Scale: hi}); fits(f) {
			return f, true
		}
		if fits(Fitting{Scale: 1}) {
			in, out := 1.0, hi // the largest scale that fits lies between
			for out-in > 0.02*in {
				mid := (in + out) / 2
				if fits(Fitting{Scale: mid}) {
					in = mid
				} else {
					out = mid
				}
			}
			return Fitting{Scale: in}, true
		}
	} else if f := (Fitting{Scale: top}); fits(f) {
		return f, true
	}
	for k := tightStep; k <= 1; k += tightStep {
		if f := (Fitting{Scale: top, Tight: k}); fits(f) {
			return f, true
		}
	}
	for s := top - fitStep; s >= lo-1e-9; s -= fitStep {
		if f := (Fitting{Scale: s, Tight: 1}); fits(f) {
			return f, true
		}
	}
	return Fitting{Scale: top}, false
}

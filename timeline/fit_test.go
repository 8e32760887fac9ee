package timeline

import "testing"

func TestFitHeight(t *testing.T) {
	base := DefaultMetrics()
	// A scene of an axis, three lanes and twelve rows.
	height := func(m Metrics) float64 { return m.AxisHeight + 3*(m.LaneHeader+m.LanePadding) + 12*m.RowHeight }
	usual := height(base)
	tests := []struct {
		name   string
		avail  float64
		lo, hi float64
		want   Fitting
		ok     bool
	}{
		{"room to spare: the usual sizes", usual + 100, 0.8, 1, Fitting{Scale: 1}, true},
		{"a projector's room: as large as fits", usual * 1.3, 1, 2, Fitting{Scale: 1.3}, true},
		{"a little short: rows closer, text as it was", usual - 10, 0.8, 1, Fitting{Scale: 1, Tight: 0.25}, true},
		{"short by the spacing: the tightest rows", height(base.Tight()), 0.8, 1, Fitting{Scale: 1, Tight: 1}, true},
		{"shorter still: smaller text", height(base.Tight()) * 0.9, 0.8, 1, Fitting{Scale: 0.9, Tight: 1}, true},
		{"too short to read: the usual sizes, to scroll", usual * 0.5, 0.8, 1, Fitting{Scale: 1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := FitHeight(base, tt.lo, tt.hi, tt.avail, height)
			if ok != tt.ok || got.Tight != tt.want.Tight || got.Scale < tt.want.Scale-0.03 || got.Scale > tt.want.Scale+0.001 {
				t.Errorf("FitHeight(avail %v) = %+v, %v; want %+v, %v", tt.avail, got, ok, tt.want, tt.ok)
			}
			if ok && height(got.Apply(base)) > tt.avail {
				t.Errorf("%+v needs %v px, more than the %v there are", got, height(got.Apply(base)), tt.avail)
			}
		})
	}
}

func TestMetrics_TightKeepsTextAndMarks(t *testing.T) {
	m := DefaultMetrics()
	tight := m.Tight()
	if tight.TextSize != m.TextSize || tight.BarHeight != m.BarHeight || tight.MarkerSize != m.MarkerSize {
		t.Errorf("Tight changed the text or the marks: %+v", tight)
	}
	if tight.RowHeight >= m.RowHeight || tight.RowHeight < m.BarHeight || tight.LaneHeader < m.TextSize {
		t.Errorf("Tight rows %v (bars %v), headers %v (text %v)", tight.RowHeight, m.BarHeight, tight.LaneHeader, m.TextSize)
	}
	if half := (Fitting{Scale: 1, Tight: 0.5}).Apply(m); half.RowHeight != (m.RowHeight+tight.RowHeight)/2 {
		t.Errorf("half tight rows %v, want %v", half.RowHeight, (m.RowHeight+tight.RowHeight)/2)
	}
}

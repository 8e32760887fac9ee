package session

import (
	"slices"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

func TestDocument_Match(t *testing.T) {
	// Ten hourly events over two lanes; events 3 and 7 are disputed.
	d := spanDoc(10, 2)
	for _, id := range []int64{3, 7} {
		p, _ := d.ids.pos(id)
		d.info[p] = d.info[p]&^(3<<6) | spanInfo(slices.Index(spanStatuses[:], data.StatusDisputed))<<6
	}
	hour := func(h int) float64 { return float64(h * 3600) }
	tests := []struct {
		name    string
		f       Filter
		allowed []int64
		want    []int64
	}{
		{"lane", Filter{Lanes: []int64{2}}, nil, []int64{2, 4, 6, 8, 10}},
		{"two lanes", Filter{Lanes: []int64{1, 2}}, nil, []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
		{"status", Filter{Statuses: []data.ClaimStatus{data.StatusDisputed}}, nil, []int64{3, 7}},
		{"lane and status", Filter{Lanes: []int64{1}, Statuses: []data.ClaimStatus{data.StatusDisputed}}, nil, []int64{3, 7}},
		{"lane and status, none", Filter{Lanes: []int64{2}, Statuses: []data.ClaimStatus{data.StatusDisputed}}, nil, nil},
		// Event i starts at hour i-1; the window is half-open.
		{"dates", Filter{Dates: &DateWindow{From: hour(2), To: hour(5)}}, nil, []int64{3, 4, 5}},
		{"allowed ids", Filter{Tags: []string{"t"}}, []int64{1, 5, 99}, []int64{1, 5}},
		{"allowed none", Filter{Tags: []string{"t"}}, []int64{}, nil},
		{"everything", Filter{Lanes: []int64{1}, Dates: &DateWindow{From: hour(0), To: hour(9)}, Tags: []string{"t"}},
			[]int64{1, 2, 3, 9, 10}, []int64{1, 3, 9}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := d.match(&tt.f, tt.allowed)
			var ids []int64
			for k, it := range got.Events.Items {
				ids = append(ids, it.ID)
				if d.items[got.positions[k]].ID != it.ID {
					t.Errorf("position %d is event %d, not %d", got.positions[k], d.items[got.positions[k]].ID, it.ID)
				}
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("kept %v, want %v", ids, tt.want)
			}
			// Only the lanes chosen are shown, and items are on them.
			wantLanes := len(d.lanes)
			if len(tt.f.Lanes) > 0 {
				wantLanes = len(tt.f.Lanes)
			}
			if len(got.Lanes) != wantLanes || len(got.laneAt) != wantLanes {
				t.Errorf("%d lanes shown (%v), want %d", len(got.Lanes), got.laneAt, wantLanes)
			}
			for k, it := range got.Events.Items {
				want := d.tlLanes[d.items[got.positions[k]].Lane]
				if int(it.Lane) >= len(got.Lanes) || got.Lanes[it.Lane] != want {
					t.Errorf("event %d is on shown lane %d, not on %q", it.ID, it.Lane, want.Name)
				}
			}
		})
	}
}

func TestDocument_MatchKeepsThePeriodsOfTheLanesShown(t *testing.T) {
	d := spanDoc(10, 3)
	hour := data.Time{Unix: 3600 - 60, Precision: data.PrecisionMinute} // the first hour's last minute
	d.periodRecords = []data.Period{
		{ID: 1, Start: data.Time{Precision: data.PrecisionMinute}, End: hour, Title: "everywhere"},
		{ID: 2, Start: data.Time{Precision: data.PrecisionMinute}, End: hour, LaneID: d.lanes[1].ID, Title: "second lane"},
		{ID: 3, Start: data.Time{Precision: data.PrecisionMinute}, End: hour, LaneID: d.lanes[2].ID, Title: "third lane"},
	}
	d.periods = drawnPeriods(d.periodRecords, d.lanes)
	got := d.match(&Filter{Lanes: []int64{d.lanes[2].ID}}, nil)
	want := []timeline.Period{{Start: 0, End: 3600, Lane: -1, Title: "everywhere", ID: 1}, {Start: 0, End: 3600, Lane: 0, Title: "third lane", ID: 3}}
	if !slices.Equal(got.Events.Periods, want) {
		t.Errorf("periods shown %+v, want %+v (the third lane's, behind the one lane shown)", got.Events.Periods, want)
	}
	if all := d.match(&Filter{}, nil); len(all.Events.Periods) != 3 {
		t.Errorf("with nothing left out, %d periods shown", len(all.Events.Periods))
	}
	// Lanes reordered, one deleted: the periods follow their lanes.
	lanes := []data.Lane{d.lanes[2], d.lanes[0]}
	d.applyChanges(nil, nil, lanes)
	want = []timeline.Period{{Start: 0, End: 3600, Lane: -1, Title: "everywhere", ID: 1}, {Start: 0, End: 3600, Lane: 0, Title: "third lane", ID: 3}}
	if !slices.Equal(d.periods, want) {
		t.Errorf("after the lanes changed, periods %+v, want %+v", d.periods, want)
	}
}

// parseDateWindow reads a date or range the way the filter dialog does
// ("2023", "Aug 2022", "2022-08/2023-05") as the period it covers.
func parseDateWindow(text string) (*DateWindow, error) {
	in, err := data.ParseDateInput(text)
	if err != nil {
		return nil, err
	}
	return DateWindowOf(strings.TrimSpace(text), in), nil
}

func TestDateWindow_Overlaps(t *testing.T) {
	w := DateWindow{From: 100, To: 200}
	tests := []struct {
		it   timeline.Item
		want bool
	}{
		{timeline.Item{Start: 100, End: 100}, true},
		{timeline.Item{Start: 199, End: 199}, true},
		{timeline.Item{Start: 200, End: 200}, false},
		{timeline.Item{Start: 99, End: 99}, false},
		{timeline.Item{Start: 10, End: 101, Range: true}, true},
		{timeline.Item{Start: 10, End: 100, Range: true}, false}, // ends as the window starts
		{timeline.Item{Start: 150, End: 900, Range: true}, true},
		{timeline.Item{Start: 10, End: 900, Range: true}, true},
	}
	for _, tt := range tests {
		if got := w.overlaps(&tt.it); got != tt.want {
			t.Errorf("overlaps(%v..%v) = %v, want %v", tt.it.Start, tt.it.End, got, tt.want)
		}
	}
	if _, err := parseDateWindow("Aug 2022 – May 2023"); err != nil {
		t.Errorf("a range: %v", err)
	}
	if _, err := parseDateWindow("sometime"); err == nil {
		t.Error("no error for a date not understood")
	}
}

// BenchmarkFilter_1M measures applying a filter to a million events: the
// pass over the items on the owner's goroutine and the index of what is
// kept, built off it.
func BenchmarkFilter_1M(b *testing.B) {
	d := spanDoc(1_000_000, 10)
	for _, bc := range []struct {
		name string
		f    Filter
	}{
		{"one lane of ten", Filter{Lanes: []int64{3}}},
		{"a week", Filter{Dates: &DateWindow{From: 500_000 * 3600, To: 500_168 * 3600}}},
		{"status keeping all", Filter{Statuses: []data.ClaimStatus{data.StatusReported}}},
	} {
		b.Run(bc.name+"/match", func(b *testing.B) {
			for b.Loop() {
				d.match(&bc.f, nil)
			}
		})
		b.Run(bc.name+"/index", func(b *testing.B) {
			shown := d.match(&bc.f, nil)
			if shown.Index != nil {
				b.Skip("nothing is left out: the document's index serves")
			}
			for b.Loop() {
				timeline.NewIndex(shown.Events.Items, shown.Events.Earliest, len(d.lanes))
			}
		})
	}
}

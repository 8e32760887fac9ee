package timeline

import (
	"slices"
	"testing"
	"time"
	_ "time/tzdata" // the zones, on machines without them
)

func TestTicksIn_ClockTimesInTheZone(t *testing.T) {
	zone := func(name string) *time.Location {
		loc, err := time.LoadLocation(name)
		if err != nil {
			t.Fatal(err)
		}
		return loc
	}
	kolkata, berlin, ny := zone("Asia/Kolkata"), zone("Europe/Berlin"), zone("America/New_York")
	at := func(s string) float64 {
		tm, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return float64(tm.Unix())
	}
	tests := []struct {
		name        string
		zone        *time.Location
		start, end  float64
		width       float64
		wantFine    []string // the fine labels start with these
		wantContext []string // and the context labels
	}{
		{"UTC hours", nil, at("2023-05-15T00:00:00Z"), at("2023-05-15T06:00:00Z"), 400,
			[]string{"00:00", "01:00", "02:00"}, []string{"Mon 15 May 2023"}},
		// +05:30: the zone's whole hours fall on UTC half hours.
		{"Kolkata hours", kolkata, at("2023-05-15T00:00:00Z"), at("2023-05-15T06:00:00Z"), 400,
			[]string{"06:00", "07:00", "08:00"}, []string{"Mon 15 May 2023"}},
		// Local midnight comes at 18:30 UTC: the next day begins there.
		{"Kolkata midnight", kolkata, at("2023-05-15T16:00:00Z"), at("2023-05-15T22:00:00Z"), 400,
			[]string{"22:00", "23:00", "00:00", "01:00"}, []string{"Mon 15 May 2023", "Tue 16 May 2023"}},
		// Summer time starts at 01:00 UTC on 26 March 2023: 02:00 does not exist.
		{"Berlin spring forward", berlin, at("2023-03-25T22:30:00Z"), at("2023-03-26T03:30:00Z"), 340,
			[]string{"00:00", "01:00", "03:00", "04:00", "05:00"}, []string{"Sun 26 Mar 2023"}},
		{"New York evening", ny, at("2023-05-15T22:00:00Z"), at("2023-05-16T06:00:00Z"), 540,
			[]string{"18:00", "19:00", "20:00", "21:00", "22:00", "23:00", "00:00"}, []string{"Mon 15 May 2023", "Tue 16 May 2023"}},
		// Days and months are calendar dates: the zone does not move them.
		{"Kolkata months", kolkata, unix(2023, 1, 1), unix(2024, 1, 1) - 1, 1200,
			[]string{"Jan", "Feb", "Mar"}, []string{"2023"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ax Axis
			TicksIn(NewViewport(tt.start, tt.end, tt.width), tt.zone, measure7px, 16, &ax)
			fine, ctx := labels(ax.Fine), labels(ax.Context)
			if len(fine) < len(tt.wantFine) || !slices.Equal(fine[:len(tt.wantFine)], tt.wantFine) {
				t.Errorf("fine %q, want them to start %q", fine, tt.wantFine)
			}
			if len(ctx) < len(tt.wantContext) || !slices.Equal(ctx[:len(tt.wantContext)], tt.wantContext) {
				t.Errorf("context %q, want them to start %q", ctx, tt.wantContext)
			}
			loc := tt.zone
			if loc == nil {
				loc = time.UTC
			}
			for _, tk := range ax.Fine {
				if ax.Step.Unit >= Day {
					break
				}
				if got := time.Unix(int64(tk.Time), 0).In(loc).Format("15:04"); got != tk.Label {
					t.Errorf("tick at %v labelled %q, is %q on the zone's clock", tk.Time, tk.Label, got)
				}
			}
			for _, tk := range ax.Context[1:] {
				if got := time.Unix(int64(tk.Time), 0).In(loc); ax.Step.Unit < Day && (got.Hour() != 0 || got.Minute() != 0) {
					t.Errorf("day tick %q at %v, not the zone's midnight", tk.Label, got)
				}
			}
		})
	}
}

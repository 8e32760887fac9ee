package data

import (
	"testing"
	"time"
)

func TestEvent_MoveAndSetDates(t *testing.T) {
	u := func(y int, m time.Month, d, h, min int) int64 {
		return time.Date(y, m, d, h, min, 0, 0, time.UTC).Unix()
	}
	ptr := func(v int64) *int64 { return &v }
	const day = 86400
	tests := []struct {
		name     string
		ev       Event
		move     int64 // MoveDates by this, or with set, SetDates
		set      *[2]int64
		want     string // DateText after
		earliest *int64
		latest   *int64
	}{
		{name: "a day by 3.4 days", ev: Event{Start: Time{Unix: u(2022, 8, 15, 0, 0), Precision: PrecisionDay}}, move: 3.4 * day, want: "2022-08-18"},
		{name: "a day back by 3.6 days", ev: Event{Start: Time{Unix: u(2022, 8, 15, 0, 0), Precision: PrecisionDay}}, move: -3.6 * day, want: "2022-08-11"},
		{name: "a month by 40 days", ev: Event{Start: Time{Unix: u(2022, 8, 1, 0, 0), Precision: PrecisionMonth}}, move: 40 * day, want: "2022-09"},
		{name: "a month by 10 days stays", ev: Event{Start: Time{Unix: u(2022, 8, 1, 0, 0), Precision: PrecisionMonth}}, move: 10 * day, want: "2022-08"},
		{name: "a minute by 90 s", ev: Event{Start: Time{Unix: u(2022, 8, 1, 14, 30), Precision: PrecisionMinute}}, move: 90, want: "2022-08-01 14:32"},
		{name: "a range of months keeps its length",
			ev:   Event{Start: Time{Unix: u(2022, 8, 1, 0, 0), Precision: PrecisionMonth}, End: Time{Unix: u(2023, 5, 1, 0, 0), Precision: PrecisionMonth}},
			move: 31 * day, want: "2022-09/2023-06"},
		{name: "a range of days into February keeps its length",
			ev:   Event{Start: Time{Unix: u(2023, 1, 20, 0, 0), Precision: PrecisionDay}, End: Time{Unix: u(2023, 1, 30, 0, 0), Precision: PrecisionDay}},
			move: 20 * day, want: "2023-02-09/2023-02-19"},
		{name: "a range with uncertain ends",
			ev:   Event{Start: Time{Unix: u(2022, 8, 1, 0, 0), Precision: PrecisionDay}, End: Time{Unix: u(2022, 8, 10, 0, 0), Precision: PrecisionDay}, StartUncertain: true, EndUncertain: true},
			move: day, want: "2022-08-02?/2022-08-11?"},
		{name: "about a year moves its bounds with it",
			ev:   Event{Start: Time{Unix: u(2022, 1, 1, 0, 0), Precision: PrecisionYear}, EarliestStart: ptr(u(2021, 1, 1, 0, 0)), LatestEnd: ptr(u(2024, 1, 1, 0, 0) - 1)},
			move: 365 * day, want: "2023~", earliest: ptr(u(2022, 1, 1, 0, 0)), latest: ptr(u(2025, 1, 1, 0, 0) - 1)},
		{name: "a bound off the boundaries moves by the same time",
			ev:   Event{Start: Time{Unix: u(2022, 8, 15, 0, 0), Precision: PrecisionDay}, EarliestStart: ptr(u(2022, 8, 10, 6, 0))},
			move: 2 * day, want: "2022-08-17", earliest: ptr(u(2022, 8, 12, 6, 0))},
		{name: "the end of a range set to days",
			ev:  Event{Start: Time{Unix: u(2022, 8, 1, 0, 0), Precision: PrecisionDay}, End: Time{Unix: u(2022, 8, 10, 0, 0), Precision: PrecisionDay}},
			set: &[2]int64{u(2022, 8, 1, 0, 0), u(2022, 8, 20, 0, 0)}, want: "2022-08-01/2022-08-19"},
		{name: "the start of a range of months set",
			ev:  Event{Start: Time{Unix: u(2022, 8, 1, 0, 0), Precision: PrecisionMonth}, End: Time{Unix: u(2023, 5, 1, 0, 0), Precision: PrecisionMonth}},
			set: &[2]int64{u(2022, 10, 3, 0, 0), u(2023, 6, 1, 0, 0)}, want: "2022-10/2023-05"},
		{name: "the end set before the start is left for saving to refuse",
			ev:  Event{Start: Time{Unix: u(2022, 8, 10, 0, 0), Precision: PrecisionDay}, End: Time{Unix: u(2022, 8, 20, 0, 0), Precision: PrecisionDay}},
			set: &[2]int64{u(2022, 8, 10, 0, 0), u(2022, 8, 5, 0, 0)}, want: "2022-08-10/2022-08-04"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := tt.ev
			if tt.set != nil {
				ev.SetDates(tt.set[0], tt.set[1])
			} else {
				ev.MoveDates(tt.move)
			}
			if got := DateText(&ev); got != tt.want {
				t.Errorf("dates %q, want %q", got, tt.want)
			}
			if ev.Start.Precision != tt.ev.Start.Precision || ev.End.Precision != tt.ev.End.Precision {
				t.Errorf("precisions %v, %v; were %v, %v", ev.Start.Precision, ev.End.Precision, tt.ev.Start.Precision, tt.ev.End.Precision)
			}
			if tt.earliest != nil && (ev.EarliestStart == nil || *ev.EarliestStart != *tt.earliest) {
				t.Errorf("earliest start %v, want %v", time.Unix(*ev.EarliestStart, 0).UTC(), time.Unix(*tt.earliest, 0).UTC())
			}
			if tt.latest != nil && (ev.LatestEnd == nil || *ev.LatestEnd != *tt.latest) {
				t.Errorf("latest end %v, want %v", time.Unix(*ev.LatestEnd, 0).UTC(), time.Unix(*tt.latest, 0).UTC())
			}
		})
	}
}

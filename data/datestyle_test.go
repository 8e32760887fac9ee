package data

import (
	"testing"
	"time"
	_ "time/tzdata" // the zones, on machines without them
)

func TestDateStyle_Format(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	kolkata, err := time.LoadLocation("Asia/Kolkata")
	if err != nil {
		t.Fatal(err)
	}
	at := func(s string) Time { return mustTime(t, s) }
	tests := []struct {
		style DateStyle
		t     Time
		want  string
	}{
		{DateStyle{}, at("2023-05-15"), "15 May 2023"},
		{DateStyle{}, at("2023-05-15T14:30Z"), "15 May 2023 14:30"},
		{DateStyle{}, at("2023-05-15T14:30:05Z"), "15 May 2023 14:30:05"},
		{DateStyle{}, at("2022-08"), "Aug 2022"},
		{DateStyle{}, at("2022"), "2022"},
		{DateStyle{}, Time{Unix: -62198755200, Precision: PrecisionYear}, "2 BC"},
		{DateStyle{}, Time{}, ""},
		{DateStyle{Order: MonthDayYear}, at("2023-05-15"), "May 15, 2023"},
		{DateStyle{Order: MonthDayYear}, at("2022-08"), "Aug 2022"},
		{DateStyle{Order: YearMonthDay}, at("2023-05-15"), "2023-05-15"},
		{DateStyle{Order: YearMonthDay}, at("2022-08"), "2022-08"},
		{DateStyle{Order: YearMonthDay}, at("2023-05-15T14:30Z"), "2023-05-15 14:30"},
		// Clock times move into the zone, with its name; dates do not.
		{DateStyle{Zone: berlin}, at("2023-05-15T14:30Z"), "15 May 2023 16:30 CEST"},
		{DateStyle{Zone: berlin}, at("2023-01-15T23:30Z"), "16 Jan 2023 00:30 CET"},
		{DateStyle{Zone: berlin}, at("2023-05-15"), "15 May 2023"},
		{DateStyle{Zone: kolkata, Order: YearMonthDay}, at("2023-05-15T14:30:05Z"), "2023-05-15 20:00:05 IST"},
		{DateStyle{Zone: time.UTC}, at("2023-05-15T14:30Z"), "15 May 2023 14:30"},
	}
	for _, tt := range tests {
		if got := tt.style.Format(tt.t); got != tt.want {
			t.Errorf("%+v.Format(%s) = %q, want %q", tt.style, tt.t, got, tt.want)
		}
	}
	for _, o := range DateOrders {
		if !o.Valid() {
			t.Errorf("%q not valid", o)
		}
	}
	if DateOrder("dym").Valid() {
		t.Error(`"dym" valid`)
	}
}

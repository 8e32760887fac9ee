package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func unix(y int, m time.Month, d, hh, mm, ss int) int64 {
	return time.Date(y, m, d, hh, mm, ss, 0, time.UTC).Unix()
}

func TestParseTime_Forms(t *testing.T) {
	tests := []struct {
		in   string
		want Time
	}{
		{"2022", Time{unix(2022, 1, 1, 0, 0, 0), PrecisionYear}},
		{"2022-08", Time{unix(2022, 8, 1, 0, 0, 0), PrecisionMonth}},
		{"2023-05-15", Time{unix(2023, 5, 15, 0, 0, 0), PrecisionDay}},
		{"2023-05-15T14:30", Time{unix(2023, 5, 15, 14, 30, 0), PrecisionMinute}},
		{"2023-05-15T14:30:05", Time{unix(2023, 5, 15, 14, 30, 5), PrecisionSecond}},
		{"2023-05-15T14:30:05Z", Time{unix(2023, 5, 15, 14, 30, 5), PrecisionSecond}},
		{"2024-02-29", Time{unix(2024, 2, 29, 0, 0, 0), PrecisionDay}},
		{"2000-02-29", Time{unix(2000, 2, 29, 0, 0, 0), PrecisionDay}},
		{"-0044-03-15", Time{unix(-44, 3, 15, 0, 0, 0), PrecisionDay}},
		{"0000", Time{unix(0, 1, 1, 0, 0, 0), PrecisionYear}},
		{"+12345", Time{unix(12345, 1, 1, 0, 0, 0), PrecisionYear}},
		{"-100000", Time{unix(-100000, 1, 1, 0, 0, 0), PrecisionYear}},
		{"1969-12-31T23:59:59", Time{-1, PrecisionSecond}},
	}
	for _, tt := range tests {
		got, err := ParseTime(tt.in)
		if err != nil {
			t.Errorf("ParseTime(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseTime(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseTime_Errors(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", "is not a time"},
		{"22", "is not a time"},
		{"1234567", "is not a time"},
		{"2022-13", "month out of range"},
		{"2022-00", "month out of range"},
		{"2022-02-29", "day out of range"},
		{"1900-02-29", "day out of range"},
		{"2022-04-31", "day out of range"},
		{"2022-04-00", "day out of range"},
		{"2022-04-01T24:00", "hour out of range"},
		{"2022-04-01T23:60", "minute out of range"},
		{"2022-04-01T23:59:60", "second out of range"},
		{"2022-04-01T23", "hour but no minute"},
		{"2022-4-01", "is not a time"},
		{"2022-04-01 10:00", "is not a time"},
		{"2022-04-01T10:00+02:00", "is not a time"},
		{"2022-04-01x", "is not a time"},
		{"2022-04-01T10:00:00:00", "unexpected text"},
		{"--2022", "is not a time"},
	}
	for _, tt := range tests {
		_, err := ParseTime(tt.in)
		if err == nil {
			t.Errorf("ParseTime(%q) succeeded, want error", tt.in)
			continue
		}
		if !errors.Is(err, ErrInvalidTime) {
			t.Errorf("ParseTime(%q) error %v is not ErrInvalidTime", tt.in, err)
		}
		if msg := err.Error(); !strings.Contains(msg, tt.want) || !strings.Contains(msg, `"`+tt.in+`"`) {
			t.Errorf("ParseTime(%q) error %q, want it to quote the input and contain %q", tt.in, msg, tt.want)
		}
	}
}

func TestTime_StringAndDisplay(t *testing.T) {
	tests := []struct {
		in, str, display string
	}{
		{"2022", "2022", "2022"},
		{"2022-08", "2022-08", "Aug 2022"},
		{"2022-08-15", "2022-08-15", "15 Aug 2022"},
		{"2022-08-15T14:30", "2022-08-15T14:30Z", "15 Aug 2022 14:30"},
		{"2022-08-15T14:30:05", "2022-08-15T14:30:05Z", "15 Aug 2022 14:30:05"},
		{"-0044-03-15", "-0044-03-15", "15 Mar 45 BC"},
		{"0000", "0000", "1 BC"},
		{"0001", "0001", "1"},
		{"+10000-01", "+10000-01", "Jan 10000"},
	}
	for _, tt := range tests {
		tm, err := ParseTime(tt.in)
		if err != nil {
			t.Fatalf("ParseTime(%q): %v", tt.in, err)
		}
		if got := tm.String(); got != tt.str {
			t.Errorf("ParseTime(%q).String() = %q, want %q", tt.in, got, tt.str)
		}
		if got := tm.Display(); got != tt.display {
			t.Errorf("ParseTime(%q).Display() = %q, want %q", tt.in, got, tt.display)
		}
	}
	if s := (Time{}).String() + (Time{}).Display(); s != "" {
		t.Errorf("zero Time formats as %q, want empty", s)
	}
}

func TestTime_End(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"2022", unix(2022, 12, 31, 23, 59, 59)},
		{"2024-02", unix(2024, 2, 29, 23, 59, 59)},
		{"2023-02", unix(2023, 2, 28, 23, 59, 59)},
		{"2022-12", unix(2022, 12, 31, 23, 59, 59)},
		{"2023-05-15", unix(2023, 5, 15, 23, 59, 59)},
		{"2023-05-15T14:30", unix(2023, 5, 15, 14, 30, 59)},
		{"2023-05-15T14:30:05", unix(2023, 5, 15, 14, 30, 5)},
		{"-0044", unix(-44, 12, 31, 23, 59, 59)},
		{"1969-12-31T23:59", unix(1969, 12, 31, 23, 59, 59)},
	}
	for _, tt := range tests {
		tm, err := ParseTime(tt.in)
		if err != nil {
			t.Fatalf("ParseTime(%q): %v", tt.in, err)
		}
		if got := tm.End(); got != tt.want {
			t.Errorf("ParseTime(%q).End() = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestPrecision_String(t *testing.T) {
	tests := []struct {
		p    Precision
		want string
	}{
		{0, "none"}, {PrecisionYear, "year"}, {PrecisionMonth, "month"}, {PrecisionDay, "day"},
		{PrecisionMinute, "minute"}, {PrecisionSecond, "second"}, {9, "Precision(9)"},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("Precision(%d).String() = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2022", "2022-08", "2023-05-15", "2023-05-15T14:30", "2023-05-15T14:30:05Z",
		"-0044-03-15", "+999999-12-31T23:59:59", "2024-02-29", "2022-13", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := ParseTime(s)
		if err != nil {
			return
		}
		if !tm.Precision.Valid() {
			t.Fatalf("ParseTime(%q) gave precision %d", s, tm.Precision)
		}
		str := tm.String()
		back, err := ParseTime(str)
		if err != nil {
			t.Fatalf("ParseTime(%q).String() = %q, which does not parse: %v", s, str, err)
		}
		if back != tm {
			t.Fatalf("ParseTime(%q) = %+v, but its String %q parses to %+v", s, tm, str, back)
		}
		if tm.End() < tm.Unix {
			t.Fatalf("ParseTime(%q).End() = %d, before its start %d", s, tm.End(), tm.Unix)
		}
		_ = tm.Display()
	})
}

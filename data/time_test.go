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
		{"2022", Time{Unix: unix(2022, 1, 1, 0, 0, 0), Precision: PrecisionYear}},
		{"2022-08", Time{Unix: unix(2022, 8, 1, 0, 0, 0), Precision: PrecisionMonth}},
		{"2023-05-15", Time{Unix: unix(2023, 5, 15, 0, 0, 0), Precision: PrecisionDay}},
		{"2023-05-15T14:30", Time{Unix: unix(2023, 5, 15, 14, 30, 0), Precision: PrecisionMinute}},
		{"2023-05-15T14:30:05", Time{Unix: unix(2023, 5, 15, 14, 30, 5), Precision: PrecisionSecond}},
		{"2023-05-15T14:30:05Z", Time{Unix: unix(2023, 5, 15, 14, 30, 5), Precision: PrecisionSecond}},
		{"2024-02-29", Time{Unix: unix(2024, 2, 29, 0, 0, 0), Precision: PrecisionDay}},
		{"2000-02-29", Time{Unix: unix(2000, 2, 29, 0, 0, 0), Precision: PrecisionDay}},
		{"-0044-03-15", Time{Unix: unix(-44, 3, 15, 0, 0, 0), Precision: PrecisionDay}},
		{"0000", Time{Unix: unix(0, 1, 1, 0, 0, 0), Precision: PrecisionYear}},
		{"+12345", Time{Unix: unix(12345, 1, 1, 0, 0, 0), Precision: PrecisionYear}},
		{"-100000", Time{Unix: unix(-100000, 1, 1, 0, 0, 0), Precision: PrecisionYear}},
		{"1969-12-31T23:59:59", Time{Unix: -1, Precision: PrecisionSecond}},
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
		{"+10000-01", "+10000-01", "Jan 10,000"},
		{"2023-05-15T14:30:05.250", "2023-05-15T14:30:05.250Z", "15 May 2023 14:30:05.250"},
		{"2023-05-15T14:30:05.2Z", "2023-05-15T14:30:05.200Z", "15 May 2023 14:30:05.200"},
		{"2023-05-15T14:30:05.123456789Z", "2023-05-15T14:30:05.123Z", "15 May 2023 14:30:05.123"},
		{"-0299", "-0299", "300 BC"},
		{"-299999", "-299999", "300,000 BC"},
		{"-13799999999", "-13799999999", "13,800,000,000 BC"},
		{"-4600000000", "-4600000000", "4,600,000,001 BC"},
		{"+999999", "+999999", "999,999"},
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

func TestParseTime_DeepTimeAndMilliseconds(t *testing.T) {
	tests := []struct {
		in    string
		year  int
		prec  Precision
		milli int16
	}{
		{"-13799999999", -13799999999, PrecisionYear, 0},
		{"-14000000000", FirstYear, PrecisionYear, 0},
		{"-1000000", -1000000, PrecisionYear, 0},
		{"-999999-03", -999999, PrecisionMonth, 0},
		{"+999999-12-31T23:59:59.999Z", LastYear, PrecisionMillisecond, 999},
		{"1970-01-01T00:00:00.000", 1970, PrecisionMillisecond, 0},
	}
	for _, tt := range tests {
		got, err := ParseTime(tt.in)
		if err != nil {
			t.Errorf("ParseTime(%q): %v", tt.in, err)
			continue
		}
		if y := got.std().Year(); y != tt.year || got.Precision != tt.prec || got.Milli != tt.milli {
			t.Errorf("ParseTime(%q) = year %d %v %d ms, want year %d %v %d ms", tt.in, y, got.Precision, got.Milli, tt.year, tt.prec, tt.milli)
		}
		if back, err := ParseTime(got.String()); err != nil || back != got {
			t.Errorf("ParseTime(%q).String() = %q reads back as %+v, %v", tt.in, got.String(), back, err)
		}
		if !got.InRange() {
			t.Errorf("ParseTime(%q) not InRange", tt.in)
		}
	}
	for _, tt := range []struct{ in, says string }{
		{"-14000000001", "before the Big Bang"},
		{"+1000000", "after year 999,999"},
		{"-1000000-01", "known to the year"},
		{"13800000000", "is not a time"},
		{"-123456789012", "is not a time"},
		{"2023-05-15T14:30.5", "is not a time"},
		{"2023-05-15T14:30:05.", "one to nine digits"},
		{"2023-05-15T14:30:05.1234567890", "one to nine digits"},
	} {
		if _, err := ParseTime(tt.in); err == nil || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("ParseTime(%q) error = %v, want one saying %q", tt.in, err, tt.says)
		}
	}
}

func TestTime_StepAndEndSeconds(t *testing.T) {
	tests := []struct {
		in        string
		n         int
		want      string
		endSecond float64 // EndSeconds of in
	}{
		{"2014-01-22", -1, "2014-01-21", float64(unix(2014, 1, 23, 0, 0, 0))},
		{"2014", 1, "2015", float64(unix(2015, 1, 1, 0, 0, 0))},
		{"2014-03", -1, "2014-02", float64(unix(2014, 4, 1, 0, 0, 0))},
		{"2014-01-22T10:00Z", -1, "2014-01-22T09:59Z", float64(unix(2014, 1, 22, 10, 1, 0))},
		{"2014-01-22T10:00:00Z", -1, "2014-01-22T09:59:59Z", float64(unix(2014, 1, 22, 10, 0, 1))},
		{"2014-01-22T10:00:00.000Z", -1, "2014-01-22T09:59:59.999Z", float64(unix(2014, 1, 22, 10, 0, 0)) + 0.001},
		{"-13799999999", 1, "-13799999998", float64(unix(-13799999998, 1, 1, 0, 0, 0))},
	}
	for _, tt := range tests {
		tm := mustTime(t, tt.in)
		if got := tm.Step(tt.n).String(); got != tt.want {
			t.Errorf("%s.Step(%d) = %s, want %s", tt.in, tt.n, got, tt.want)
		}
		if got := tm.EndSeconds(); got != tt.endSecond {
			t.Errorf("%s.EndSeconds() = %f, want %f", tt.in, got, tt.endSecond)
		}
	}
}

func TestYearText(t *testing.T) {
	for y, want := range map[int64]string{2023: "2023", 1: "1", 0: "1 BC", -44: "45 BC", -9999: "10,000 BC", -9998: "9999 BC",
		-11999: "12,000 BC", 12345: "12,345", FirstYear: "14,000,000,001 BC"} {
		if got := YearText(y); got != want {
			t.Errorf("YearText(%d) = %q, want %q", y, got, want)
		}
	}
}

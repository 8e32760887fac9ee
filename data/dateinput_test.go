package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseDateInput(t *testing.T) {
	tests := []struct {
		in       string
		start    string // Time.String of the start
		end      string // "" for a single date
		earliest string // "" for none; else Time.String at the start's precision
		latest   string // "" for none; else the last second as Time.String at second precision
		describe string
	}{
		{"2022-08", "2022-08", "", "", "", "Aug 2022 (month)"},
		{"Aug 2022", "2022-08", "", "", "", "Aug 2022 (month)"},
		{"august 2022", "2022-08", "", "", "", "Aug 2022 (month)"},
		{"Sept. 2022", "2022-09", "", "", "", "Sep 2022 (month)"},
		{"15 May 2023", "2023-05-15", "", "", "", "15 May 2023 (day)"},
		{"May 15, 2023", "2023-05-15", "", "", "", "15 May 2023 (day)"},
		{"2023-05-15", "2023-05-15", "", "", "", "15 May 2023 (day)"},
		{"2023-05-15 14:30", "2023-05-15T14:30Z", "", "", "", "15 May 2023 14:30 (minute)"},
		{"2023-05-15T14:30:05Z", "2023-05-15T14:30:05Z", "", "", "", "15 May 2023 14:30:05 (second)"},
		{"15 May 2023 14:30", "2023-05-15T14:30Z", "", "", "", "15 May 2023 14:30 (minute)"},
		{"2022", "2022", "", "", "", "2022 (year)"},
		{"45 BC", "-0044", "", "", "", "45 BC (year)"},
		{"AD 33", "0033", "", "", "", "33 (year)"},
		{"c. 2022", "2022", "", "2021", "2023-12-31T23:59:59Z", "about 2022 (year; 2021 to 2023)"},
		{"circa Aug 2022", "2022-08", "", "2022-07", "2022-09-30T23:59:59Z", "about Aug 2022 (month; Jul 2022 to Sep 2022)"},
		{"~2022", "2022", "", "2021", "2023-12-31T23:59:59Z", "about 2022 (year; 2021 to 2023)"},
		{"2022~", "2022", "", "2021", "2023-12-31T23:59:59Z", "about 2022 (year; 2021 to 2023)"},
		{"2022-08?", "2022-08", "", "2022-07", "2022-09-30T23:59:59Z", "Aug 2022? (month, uncertain; Jul 2022 to Sep 2022)"},
		{"2022-08%", "2022-08", "", "2022-07", "2022-09-30T23:59:59Z", "about Aug 2022? (month, uncertain; Jul 2022 to Sep 2022)"},
		{"2022-08/2023-05", "2022-08", "2023-05", "", "", "Aug 2022 – May 2023 (months)"},
		{"Aug 2022 – 15 May 2023", "2022-08", "2023-05-15", "", "", "Aug 2022 – 15 May 2023 (month to day)"},
		{"2022 to 2024", "2022", "2024", "", "", "2022 – 2024 (years)"},
		{"2022-08?/2023-05", "2022-08", "2023-05", "2022-07", "", "Aug 2022? – May 2023 (months, uncertain; Jul 2022 to May 2023)"},
		{"2022-08/2023-05~", "2022-08", "2023-05", "", "2023-06-30T23:59:59Z", "Aug 2022 – about May 2023 (months; Aug 2022 to Jun 2023)"},
		{"  2022-08  ", "2022-08", "", "", "", "Aug 2022 (month)"},
	}
	for _, tt := range tests {
		d, err := ParseDateInput(tt.in)
		if err != nil {
			t.Errorf("ParseDateInput(%q): %v", tt.in, err)
			continue
		}
		got := []string{d.Start.String(), d.End.String(), "", "", d.Describe()}
		if d.EarliestStart != nil {
			got[2] = Time{Unix: *d.EarliestStart, Precision: d.Start.Precision}.String()
		}
		if d.LatestEnd != nil {
			got[3] = Time{Unix: *d.LatestEnd, Precision: PrecisionSecond}.String()
		}
		want := []string{tt.start, tt.end, tt.earliest, tt.latest, tt.describe}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("ParseDateInput(%q) = %q, want %q", tt.in, got, want)
		}
	}
}

func TestParseDateInput_Errors(t *testing.T) {
	tests := []struct{ in, says string }{
		{"", "is empty"},
		{"yesterday", "is not a date"},
		{"03/04/2023", "more than one range separator"},
		{"31 Feb 2023", "day out of range"},
		{"2023-02-30", "day out of range"},
		{"2023-13", "month out of range"},
		{"May June 2023", "two months"},
		{"14:30", "is not a date"},
		{"May 2023 14:30", "time of day but no day"},
		{"15 May 2023 25:00", "out of range"},
		{"2023-05/2022", "ends (2022) before it starts (May 2023)"},
		{"2022-08/..", "has no end"},
		{"0 BC", "year 0 BC"},
		{"1234567", "six digits"},
		{strings.Repeat("9", 200), "too long"},
		{"?", "has no date"},
	}
	for _, tt := range tests {
		_, err := ParseDateInput(tt.in)
		if err == nil || !errors.Is(err, ErrInvalidTime) || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("ParseDateInput(%q) error = %v, want one saying %q", tt.in, err, tt.says)
		}
	}
}

func TestDateText_RoundTrips(t *testing.T) {
	for _, in := range []string{"2022-08", "15 May 2023 14:30", "c. 2022", "2022-08?/2023-05?", "2021/2022-03-04"} {
		d, err := ParseDateInput(in)
		if err != nil {
			t.Fatal(err)
		}
		var ev Event
		d.Apply(&ev)
		text := DateText(&ev)
		d2, err := ParseDateInput(text)
		if err != nil {
			t.Errorf("DateText(%q) = %q does not parse: %v", in, text, err)
			continue
		}
		var ev2 Event
		d2.Apply(&ev2)
		if fmt.Sprint(ev2.Start, ev2.End, ev2.StartUncertain, ev2.EndUncertain, deref(ev2.EarliestStart), deref(ev2.LatestEnd)) !=
			fmt.Sprint(ev.Start, ev.End, ev.StartUncertain, ev.EndUncertain, deref(ev.EarliestStart), deref(ev.LatestEnd)) {
			t.Errorf("%q → %q does not round-trip", in, text)
		}
	}
}

func deref(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

func FuzzParseDateInput(f *testing.F) {
	// The seed corpus is in testdata/fuzz/FuzzParseDateInput; a few more here.
	for _, s := range []string{"2022-08", "c. 2022", "15 May 2023 14:30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDateInput(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidTime) || err.Error() == "" {
				t.Fatalf("error %v does not match ErrInvalidTime", err)
			}
			return
		}
		if !d.Start.Precision.Valid() {
			t.Fatalf("start %+v has no precision", d.Start)
		}
		if !d.End.IsZero() && (!d.End.Precision.Valid() || d.End.End() < d.Start.Unix) {
			t.Fatalf("end %+v invalid for start %+v", d.End, d.Start)
		}
		if d.EarliestStart != nil && *d.EarliestStart > d.Start.Unix {
			t.Fatalf("earliest start after start")
		}
		if d.Describe() == "" {
			t.Fatalf("no description")
		}
		var ev Event
		d.Apply(&ev)
		if _, err := ParseDateInput(DateText(&ev)); err != nil {
			t.Fatalf("DateText %q of %q does not parse: %v", DateText(&ev), s, err)
		}
	})
}

// TestFuzzCorpusPresent keeps the checked-in seed corpus from going missing.
func TestFuzzCorpusPresent(t *testing.T) {
	entries, err := os.ReadDir(filepath.Join("testdata", "fuzz", "FuzzParseDateInput"))
	if err != nil || len(entries) < 5 {
		t.Errorf("seed corpus: %d entries, %v", len(entries), err)
	}
}

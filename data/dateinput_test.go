package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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
		// BCE as people write it.
		{"300 BC", "-0299", "", "", "", "300 BC (year)"},
		{"45 BCE", "-0044", "", "", "", "45 BC (year)"},
		{"3300 B.C.", "-3299", "", "", "", "3300 BC (year)"},
		{"753 b.c.e.", "-0752", "", "", "", "753 BC (year)"},
		{"300BC", "-0299", "", "", "", "300 BC (year)"},
		{"33 CE", "0033", "", "", "", "33 (year)"},
		{"15 Mar 44 BC", "-0043-03-15", "", "", "", "15 Mar 44 BC (day)"},
		{"3300 BC – 2900 BC", "-3299", "-2899", "", "", "3300 BC – 2900 BC (years)"},
		// Deep time, counted before AD 1 as TimelineJS counts it.
		{"13,800,000,000 BC", "-13799999999", "", "", "", "13,800,000,000 BC (year)"},
		{"13.8 billion years ago", "-13799999999", "", "", "", "13,800,000,000 BC (year)"},
		{"4.6 Ga", "-4599999999", "", "", "", "4,600,000,000 BC (year)"},
		{"540 Ma", "-539999999", "", "", "", "540,000,000 BC (year)"},
		{"66 million years BC", "-65999999", "", "", "", "66,000,000 BC (year)"},
		{"300 ka", "-299999", "", "", "", "300,000 BC (year)"},
		// Decades and centuries: their first year, with their extent.
		{"1850s", "1850", "", "", "1859-12-31T23:59:59Z", "1850s (decade; 1850 to 1859)"},
		{"185X", "1850", "", "", "1859-12-31T23:59:59Z", "1850s (decade; 1850 to 1859)"},
		{"1800s", "1800", "", "", "1899-12-31T23:59:59Z", "1800s (century; 1800 to 1899)"},
		{"19th century", "1801", "", "", "1900-12-31T23:59:59Z", "19th century (century; 1801 to 1900)"},
		{"5th century BC", "-0499", "", "", "-0400-12-31T23:59:59Z", "5th century BC (century; 500 BC to 401 BC)"},
		{"1850s–1870s", "1850", "1879", "", "", "1850 – 1879 (years)"},
		// Spreadsheet forms.
		{"1903?", "1903", "", "1902", "1904-12-31T23:59:59Z", "1903? (year, uncertain; 1902 to 1904)"},
		{"c. 1920", "1920", "", "1919", "1921-12-31T23:59:59Z", "about 1920 (year; 1919 to 1921)"},
		{"1914-1918", "1914", "1918", "", "", "1914 – 1918 (years)"},
		{"1914-18", "1914", "1918", "", "", "1914 – 1918 (years)"},
		{"11-Mar-15", "2015-03-11", "", "", "", "11 Mar 2015 (day)"},
		{"11-Mar-1915", "1915-03-11", "", "", "", "11 Mar 1915 (day)"},
		{"Mar-99", "1999-03", "", "", "", "Mar 1999 (month)"},
		{"March 3, 2021", "2021-03-03", "", "", "", "3 Mar 2021 (day)"},
		{"2015/11/03", "2015-11-03", "", "", "", "3 Nov 2015 (day)"},
		{"2023-05-15T14:30:05.250Z", "2023-05-15T14:30:05.250Z", "", "", "", "15 May 2023 14:30:05.250 (millisecond)"},
		{"2023-05-15T14:30+02:00", "2023-05-15T12:30Z", "", "", "", "15 May 2023 12:30 (minute)"},
		// Ranges whose start leaves out what its end says, and loose ISO.
		{"January–February 2005", "2005-01", "2005-02", "", "", "Jan 2005 – Feb 2005 (months)"},
		{"15–20 May 2023", "2023-05-15", "2023-05-20", "", "", "15 May 2023 – 20 May 2023 (days)"},
		{"2014-2-3", "2014-02-03", "", "", "", "3 Feb 2014 (day)"},
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
		{"03/04/2023", "is ambiguous"},
		{"2022/03/04/2023", "more than one range separator"},
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
		{"3/11/2015", "is ambiguous"},
		{"14,000,000,002 BC", "before the Big Bang"},
		{"20 billion years ago", "before the Big Bang"},
		{"Mar 2,000,000 BC", "known to the year"},
		{"0th century", "no century 0"},
		{"2023-13", "month out of range"},
		{"2015/13/03", "month out of range"},
		{"3/11/2015 14:30", "is ambiguous"},
		{"15 May 2023 13:30 pm", "out of range for am or pm"},
		{"15 May 2023 9:75", "out of range"},
		{"May 2023 2 pm", "is not a date"},
		{"Fri Apr 2014 10:00 GMT+0200", "time of day but no day"},
	}
	for _, tt := range tests {
		_, err := ParseDateInput(tt.in)
		if err == nil || !errors.Is(err, ErrInvalidTime) || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("ParseDateInput(%q) error = %v, want one saying %q", tt.in, err, tt.says)
		}
	}
}

func TestParseDateInputWith_OrdersAndZones(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		opt  DateOptions
		want string
	}{
		{"3/11/2015", DateOptions{Order: DayMonthYear}, "2015-11-03"},
		{"3/11/2015", DateOptions{Order: MonthDayYear}, "2015-03-11"},
		{"3.11.15", DateOptions{Order: DayMonthYear}, "2015-11-03"},
		{"12/31/99", DateOptions{Order: MonthDayYear}, "1999-12-31"},
		{"2015/11/03", DateOptions{Order: DayMonthYear}, "2015-11-03"},
		{"2023-05-15 14:30", DateOptions{Zone: berlin}, "2023-05-15T12:30Z"},
		{"15 May 2023 14:30", DateOptions{Zone: berlin}, "2023-05-15T12:30Z"},
		{"2023-05-15T14:30Z", DateOptions{Zone: berlin}, "2023-05-15T14:30Z"},
		{"2023-05-15", DateOptions{Zone: berlin}, "2023-05-15"},
		// Spreadsheets' dates with a time of day after them.
		{"4/12/2015 14:30", DateOptions{Order: MonthDayYear}, "2015-04-12T14:30Z"},
		{"4/12/2015 14:30", DateOptions{Order: DayMonthYear}, "2015-12-04T14:30Z"},
		{"04/14/2015 09:05:33", DateOptions{Order: MonthDayYear}, "2015-04-14T09:05:33Z"},
		{"4/14/2015 9:05:33.25", DateOptions{Order: MonthDayYear}, "2015-04-14T09:05:33.250Z"},
		{"3/4/2015 2:30 PM", DateOptions{Order: MonthDayYear}, "2015-03-04T14:30Z"},
		{"3/4/2015 12:10 am", DateOptions{Order: MonthDayYear}, "2015-03-04T00:10Z"},
		{"3/4/2015 12 pm", DateOptions{Order: MonthDayYear}, "2015-03-04T12:00Z"},
		{"15.05.2023 14:30", DateOptions{Order: DayMonthYear, Zone: berlin}, "2023-05-15T12:30Z"},
		{"2015/04/12 14:30", DateOptions{}, "2015-04-12T14:30Z"},
		{"12-Mar-15 10:00", DateOptions{}, "2015-03-12T10:00Z"},
		{"March 3, 2021 2:30 p.m.", DateOptions{}, "2021-03-03T14:30Z"},
		{"March 3, 2021 at 9:15", DateOptions{Zone: berlin}, "2021-03-03T08:15Z"},
		{"Mar 3 2021 2pm", DateOptions{}, "2021-03-03T14:00Z"},
		// Days named, and offsets written as e-mail and JavaScript write them.
		{"Friday, April 25, 2014", DateOptions{Zone: berlin}, "2014-04-25"},
		{"Fri Apr 25 2014 10:00:00 GMT+0200 (Central European Summer Time)", DateOptions{}, "2014-04-25T08:00:00Z"},
		{"Fri, 25 Apr 2014 10:00:00 -0500", DateOptions{Zone: berlin}, "2014-04-25T15:00:00Z"},
		{"25 Apr 2014 10:00 UTC", DateOptions{Zone: berlin}, "2014-04-25T10:00Z"},
		{"Sat, 26 Apr 2014 7:30 PM", DateOptions{}, "2014-04-26T19:30Z"},
		{"Sat, 26 Apr 2014 7:30 PM -0500", DateOptions{Zone: berlin}, "2014-04-27T00:30Z"},
		{"15 May 2023 14:30z", DateOptions{Zone: berlin}, "2023-05-15T14:30Z"},
		{"14:30 15 May 2023", DateOptions{Zone: berlin}, "2023-05-15T12:30Z"},
		{"3/4/2015 14:30:05 UTC", DateOptions{Order: MonthDayYear, Zone: berlin}, "2015-03-04T14:30:05Z"},
	}
	for _, tt := range tests {
		d, err := ParseDateInputWith(tt.in, tt.opt)
		if err != nil {
			t.Errorf("ParseDateInputWith(%q, %+v): %v", tt.in, tt.opt, err)
			continue
		}
		if got := d.Start.String(); got != tt.want {
			t.Errorf("ParseDateInputWith(%q, %+v) = %s, want %s", tt.in, tt.opt, got, tt.want)
		}
	}
	if _, err := ParseDateInputWith("31/11/2015", DateOptions{Order: DayMonthYear}); err == nil || !strings.Contains(err.Error(), "day out of range") {
		t.Errorf("31 Nov: %v", err)
	}
	for in, want := range map[string][]DateOrder{
		"3/11/2015": {DayMonthYear, MonthDayYear}, "13/11/2015": {DayMonthYear}, "11/13/2015": {MonthDayYear},
		"2015/11/13": {YearMonthDay}, "2015-11": nil, "32/13/2015": nil,
		"3/11/2015 14:30": {DayMonthYear, MonthDayYear}, "11/13/2015 2:30 PM": {MonthDayYear},
	} {
		if got := NumericOrders(in); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("NumericOrders(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestTimeText(t *testing.T) {
	for in, want := range map[string]string{
		"2023-05-15T14:30Z": "2023-05-15 14:30", "2022-08": "2022-08", "-0299": "300 BC", "-0043-03": "Mar 44 BC",
		"-0043-03-15T14:30:05Z": "15 Mar 44 BC 14:30:05", "-13799999999": "13,800,000,000 BC", "+12345": "+12345",
		"2023-05-15T14:30:05.250Z": "2023-05-15 14:30:05.250",
	} {
		if got := TimeText(mustTime(t, in)); got != want {
			t.Errorf("TimeText(%s) = %q, want %q", in, got, want)
		}
	}
}

func TestParseDate(t *testing.T) {
	if d, err := ParseDate("300 BC"); err != nil || d.String() != "-0299" {
		t.Errorf(`ParseDate("300 BC") = %v, %v`, d, err)
	}
	if _, err := ParseDate("2020/2021"); err == nil || !strings.Contains(err.Error(), "is a range") {
		t.Errorf("a range: %v", err)
	}
}

func TestDateText_RoundTrips(t *testing.T) {
	for _, in := range []string{"2022-08", "15 May 2023 14:30", "c. 2022", "2022-08?/2023-05?", "2021/2022-03-04",
		"1850s", "1800s", "19th century", "5th century BC", "300 BC", "540 Ma", "2023-05-15T14:30:05.250Z",
		"15 Mar 44 BC 14:30:05", "Mar 44 BC", "-0043-03-15T14:30:05.250Z", "+12345"} {
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

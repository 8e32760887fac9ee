package interchange

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/quoteline/quoteline/data"
)

// corpusCase is one file of testdata/corpus, written in the image of the
// files people have (TimelineJS's own examples and templates, vis's,
// spreadsheets), and what must come of it.
type corpusCase struct {
	file    string
	format  Format
	opt     Options
	title   string
	events  []string // "title|lane|start|end", as events() writes them
	bounds  []string // "index:earliest_start:latest_end:start_uncertain:end_uncertain" of the events with any
	periods []string // as periods() writes them
	skipped []string // each unreadable record's Problem.Error
	check   func(t *testing.T, doc *data.Document, res *Result)
}

var utc = Options{Zone: time.UTC}

var corpus = []corpusCase{
	{
		file: "tljs2-newsroom.json", format: FormatTimelineJS, opt: utc,
		title: "A Newsroom 1960 - 2012",
		events: []string{
			"First edition|Events|1963-08-09|",
			"The strike years|Labour|1978|1981",
			"Extra edition|Editions|2001-09-11T08:46Z|",
			"A founding myth|Events|-0299|", // TimelineJS -300 is 300 BC
		},
		periods: []string{"Hot metal||1960|1979", "Desktop publishing||1980|2012-02-10"},
		skipped: []string{"timeline.date[4] start_date: month 13 out of range"},
		check: func(t *testing.T, doc *data.Document, res *Result) {
			if doc.Description != "How a local paper grew up, told in its own clippings." {
				t.Errorf("description %q", doc.Description)
			}
			want := []string{"The first masthead|Archive|https://archive.example.org/masthead.jpg", "Front page|Staff|https://archive.example.org/first.jpg"}
			if got := sourceList(doc); !reflect.DeepEqual(got, want) {
				t.Errorf("sources %q, want %q (the title slide's media among them)", got, want)
			}
			if doc.Events[0].Summary != "Four pages, two of them ads." || len(doc.Events[0].Sources) != 1 {
				t.Errorf("first edition: %+v", doc.Events[0])
			}
		},
	},
	{
		file: "tljs3-wrapped.json", format: FormatTimelineJS, opt: utc,
		title:  "tljs3-wrapped",
		events: []string{"Welcome to the pier|Events|1888|", "Storm damage|Events|1950-02-07|", "Reopened|Events|2013-10-01|"},
		check: func(t *testing.T, doc *data.Document, res *Result) {
			if s := doc.Events[0].Summary; s != "Built in a summer.\n\nRebuilt twice." {
				t.Errorf("paragraphs read as %q", s)
			}
		},
	},
	{
		file: "tljs-cosmos.json", format: FormatTimelineJS, opt: utc,
		title: "From the Big Bang to the Moon",
		events: []string{
			"The Big Bang|Events|-13799999999|",
			"The Solar System forms|Events|-4599999999|",
			"Paleozoic era|Events|-538799999|-251901999",
			"The end of the dinosaurs|Events|-65999999|",
			"Homo sapiens|Events|-299999|",
			"Landing|Events|1969-07-20T20:17Z|",
		},
		skipped: []string{"events[6] start_date: year -15000000000 is out of the years Quoteline draws (14,000,000,001 BC to 999,999)"},
		check: func(t *testing.T, doc *data.Document, res *Result) {
			if got := sourceList(doc); !reflect.DeepEqual(got, []string{"Timeline of the universe.|Agency via an archive|https://images.example.org/cmb.jpg"}) {
				t.Errorf("the title slide's media: %q", got)
			}
		},
	},
	{
		file: "tljs-eras.json", format: FormatTimelineJS, opt: utc,
		title: "Seventh century",
		events: []string{
			"A long war|Events|0602|0629", // a slide's years are inclusive
			"A fortnight's journey|Events|0622-08-09|0622-08-23",
			"Same start and end|Events|0633|", // TimelineJS drops an end the same as the start
			"A month|Events|0641-03|",
		},
		// Eras end where their end date begins: 600–650 and 650–700 meet.
		periods: []string{"Era 650-700||0650|0699", "Era 600-650||0600|0649", "Era 700-720||0700|0719"},
		check: func(t *testing.T, doc *data.Document, res *Result) {
			if doc.Events[3].DateNote != `Shown as "Spring 641"` {
				t.Errorf("display date: %q", doc.Events[3].DateNote)
			}
		},
	},
	{
		file: "tljs-race.json", format: FormatTimelineJS, opt: utc,
		title: "The final, split by split",
		events: []string{
			"Gun|Race|2024-08-04T20:35:00.000Z|",
			"Reaction, lane 4|Race|2024-08-04T20:35:00.200Z|",
			"Reaction, lane 5|Race|2024-08-04T20:35:00.400Z|",
			"Reaction, lane 6|Race|2024-08-04T20:35:00.600Z|",
			"Photo finish|Race|2024-08-04T20:35:09.790Z|2024-08-04T20:35:09.799Z", // stops at .800
			"Broadcast hour|TV|2024-08-04T20:00Z|2024-08-04T20:59Z",               // stops at 21:00
		},
	},
	{
		file: "tljs-markup.json", format: FormatTimelineJS, opt: utc,
		title: "tljs-markup",
		events: []string{
			"The steps are found|Events|1922-11-04|",
			"The tomb is opened|Events|1923-02-16|",
			"Only a text, which becomes the title|Events|1924|",
			"Tab and control characters|Events|1925|",
		},
		check: func(t *testing.T, doc *data.Document, res *Result) {
			want := []string{
				"First paragraph with a museum page (https://museum.example.org/steps).\n\nSecond & last.",
				"See https://museum.example.org/\nand nothing else",
				"",
				"Links to nowhere stay text",
			}
			for i, w := range want {
				if got := doc.Events[i].Summary; got != w {
					t.Errorf("summary %d = %q, want %q", i, got, w)
				}
			}
		},
	},
	{
		file: "vis-backgrounds.json", format: FormatVis, opt: utc,
		title:  "vis-backgrounds",
		events: []string{"Leak published|Press|2014-01-20|", "Injunction|Courts|2014-01-26|", "Appeal|Courts|2014-01-28|2014-02-02"},
		// Period A ends the instant 22 Jan begins: its last day is the 21st.
		periods: []string{"Period A||2014-01-16|2014-01-21", "Hearing window|Courts|2014-01-25|2014-01-29"},
		skipped: []string{`items[4] group: "radio" is not one of the file's groups (vis does not show the item)`},
	},
	{
		file: "vis-dates.json", format: FormatVis, opt: Options{Zone: time.FixedZone("UTC+2", 7200)},
		title: "vis-dates",
		events: []string{
			"Day|Events|2014-04-20|",
			"Serialized midnight|Events|2014-04-21|",
			"Local clock|Events|2014-04-22T08:00Z|", // 10:00 on the chosen clock
			"With an offset|Events|2014-04-23T08:00:00Z|",
			"Split 1|Events|2014-04-24T10:00:00.200Z|",
			"Split 2|Events|2014-04-24T10:00:00.400Z|",
			"Milliseconds|Events|2014-04-25T10:00:00.250Z|",
			"Whole days in milliseconds|Events|2014-04-26|2014-04-27",
			"29 Apr 2014 – 30 Apr 2014|Events|2014-04-29|2014-04-30",
			"2 May 2014 08:30:00|Events|2014-05-02T08:30:00Z|",
			"Before the era|Events|-0299-01-01|", // ISO years are astronomical: 300 BC
			"Expanded year|Events|2014-06-01|",
			"A range of no length|Events|2014-06-02|",
			"Bold move|Events|2014-06-03|",
			"42|Events|2014-06-06|",
			"A browser's date|Events|2014-06-07T08:00:00Z|", // its own offset, not the chosen clock
			"A mail date|Events|2014-06-08T14:00:00Z|",
		},
		skipped: []string{"items[14] end: 4 Jun 2014 is before the start, 5 Jun 2014"},
		check: func(t *testing.T, doc *data.Document, res *Result) {
			if s := doc.Events[13].Summary; s != "Tooltip\n\ntwo lines" {
				t.Errorf("tooltip %q", s)
			}
		},
	},
	{
		file: "csv-spreadsheet.csv", format: FormatCSV, opt: utc,
		title: "csv-spreadsheet",
		events: []string{
			"Bronze Age begins|Ancient|-3299|",
			"Railways spread|Industry|1850|",
			"A contested year|Industry|1903|",
			"About then|Modern|1920|",
			"The Great War|Modern|1914|1918",
			"Excel date|Modern|2015-03-11|",
			"Spelled out|Modern|2021-03-03|",
			"By the column|Modern|2015-11-03|", // 13/11/2015 below reads day first only
			"Day first|Modern|2015-11-13|2015-11-14",
			"A century|Industry|1801|",
			"Deep|Ancient|-539999999|",
			"Range of decades|Industry|1850|1879",
		},
		bounds: []string{
			"1:-:1859-12-31T23:59:59Z:false:false",
			"2:1902-01-01T00:00:00Z:1904-12-31T23:59:59Z:false:false",
			"3:1919-01-01T00:00:00Z:1921-12-31T23:59:59Z:false:false",
			"9:-:1900-12-31T23:59:59Z:false:false",
		},
		check: func(t *testing.T, doc *data.Document, res *Result) {
			if res.DateOrder != data.DayMonthYear || !reflect.DeepEqual(res.DateOrders, []data.DateOrder{data.DayMonthYear}) {
				t.Errorf("date order %q of %v", res.DateOrder, res.DateOrders)
			}
			if doc.Events[0].Summary != "Approximate, by convention" {
				t.Errorf("summary %q", doc.Events[0].Summary)
			}
		},
	},
	{
		file: "csv-month-first.csv", format: FormatCSV, opt: utc,
		title:  "csv-month-first",
		events: []string{"One|US|2015-03-11|", "Two|US|2015-03-13|", "Three|US|2015-12-01|2015-12-31"},
		check: func(t *testing.T, doc *data.Document, res *Result) {
			if res.DateOrder != data.MonthDayYear {
				t.Errorf("date order %q", res.DateOrder)
			}
		},
	},
	{
		// A spreadsheet's timestamps: month first (4/13 has no month 13), times
		// of day with and without seconds, in 24 hours and with PM, CRLF.
		file: "csv-datetimes.csv", format: FormatCSV, opt: utc,
		title: "csv-datetimes",
		events: []string{
			"Polls open|Election|2015-04-12T14:30Z|",
			"Polls close|Election|2015-04-12T21:05Z|",
			"First result|Election|2015-04-13T00:15:40Z|",
			"Concession|Election|2015-04-13|",
		},
		check: func(t *testing.T, doc *data.Document, res *Result) {
			if res.DateOrder != data.MonthDayYear {
				t.Errorf("date order %q", res.DateOrder)
			}
		},
	},
	{
		file: "csv-cr.csv", format: FormatCSV, opt: utc,
		title:  "csv-cr",
		events: []string{"Old Mac file|Computing|1984-01-24|", "Second line|Computing|1998-08-15|", "A quoted title|Computing|2001-10-23|"},
	},
	{
		// A date in numbers that no order reads waits for the column's
		// order, and then says what is wrong in it.
		file: "csv-no-such-day.csv", format: FormatCSV, opt: utc,
		title:   "csv-no-such-day",
		events:  []string{"Filed|Events|2015-04-13|", "Ruled|Events|2015-05-02|"},
		skipped: []string{`line 3 "date": "4/31/2015" day out of range (read month/day/year)`},
	},
	{
		file: "csv-bad.csv", format: FormatCSV, opt: utc,
		title: "csv-bad",
		// A short line is filled with empty fields, and said so.
		events: []string{"Good one|Cafés|2020-01-01|", "Too few|Events|2020-01-05|", "Trailing empty|A|2020-01-06|", "Good two|A|2020-01-07|"},
		skipped: []string{
			`line 3: field 1 holds a NUL byte (after "Nul"): not a text file?`,
			`line 4: field 1 is not UTF-8 text (byte 0xE9 after "Latin-1 caf"): save the file as UTF-8`,
			`line 5: has 5 fields where the header has 4: a comma inside a field that is not quoted?`,
			`line 8 "start": "2020-13-01" month out of range`,
			`line 11 "end": 8 Jan 2020 is before the start, 9 Jan 2020`,
		},
		check: func(t *testing.T, doc *data.Document, res *Result) {
			want := []string{"line 6 has fewer fields than the header (4): the missing ones at the end were read as empty"}
			if !reflect.DeepEqual(res.Notes(), want) {
				t.Errorf("notes %q, want %q", res.Notes(), want)
			}
		},
	},
	{
		file: "csv-windows1252.csv", format: FormatCSV, opt: utc,
		title:  "csv-windows1252",
		events: []string{"Rózsa Péter publishes on recursion|Events|1951|", "Inverse document frequency|Events|1972|"},
		check: func(t *testing.T, doc *data.Document, res *Result) {
			want := []string{"the file is not UTF-8: it was read as Windows-1252 (Western European), as spreadsheets often save it"}
			if !reflect.DeepEqual(res.Notes(), want) {
				t.Errorf("notes %q, want %q", res.Notes(), want)
			}
		},
	},
	{
		file: "csv-human-ranges.csv", format: FormatCSV, opt: utc,
		title:  "csv-human-ranges",
		events: []string{"Two months|Events|2005-01|2005-02", "A fortnight|Events|2023-05-15|2023-05-20", "Loose ISO|Events|2014-02-03|"},
	},
	{
		file: "csv-periods.csv", format: FormatCSV, opt: utc,
		title:   "csv-periods",
		events:  []string{"D-Day|Europe|1944-06-06|"},
		periods: []string{"World War II||1939-09-01|1945-09-02", "Blitz|Britain|1940-09-07|1941-05-11"},
	},
	{
		// A copy of the template whose first column lost its name ("Year").
		file: "tljs-sheet-unnamed-year.csv", format: FormatTimelineCSV, opt: utc,
		title: "Lost and found",
		events: []string{
			"The smile goes missing|Thefts|1911-08-21|1913-12",
			"A night at the museum|Thefts|1990-03-18T01:24Z|",
		},
	},
	{
		file: "template-bce.csv", format: FormatTimelineCSV, opt: utc,
		title: "A Template Timeline",
		events: []string{
			"Founding|City|-0299|",
			"Flight|Air|1903-12-17T10:35:20.500Z|",
			"An afternoon|Air|1903-12-17T14:00Z|1903-12-17T14:59Z",
			"War|Wars|1939-09-01|1945-09-02",
		},
		periods: []string{"Era of war||1914|1917"},
		skipped: []string{`line 9 "Month": "June" is not a whole number`},
		check: func(t *testing.T, doc *data.Document, res *Result) {
			if got := sourceList(doc); !reflect.DeepEqual(got, []string{"Cover|Sheet|https://sheet.example.org/cover.png"}) {
				t.Errorf("sources %q", got)
			}
			if doc.Description != "Made in a spreadsheet" {
				t.Errorf("description %q", doc.Description)
			}
		},
	},
}

// sourceList returns "title|outlet|url" for each source of doc.
func sourceList(doc *data.Document) []string {
	var out []string
	for _, s := range doc.Sources {
		out = append(out, s.Title+"|"+s.Outlet+"|"+s.URL)
	}
	return out
}

// bounds returns the bounds and uncertainty of the events that have any.
func bounds(doc *data.Document) []string {
	str := func(p *string) string {
		if p == nil {
			return "-"
		}
		return *p
	}
	var out []string
	for i, e := range doc.Events {
		if e.EarliestStart != nil || e.LatestEnd != nil || e.StartUncertain || e.EndUncertain {
			out = append(out, fmt.Sprintf("%d:%s:%s:%v:%v", i, str(e.EarliestStart), str(e.LatestEnd), e.StartUncertain, e.EndUncertain))
		}
	}
	return out
}

func problems(res *Result) []string {
	var out []string
	for _, p := range res.Skipped {
		out = append(out, p.Error())
	}
	return out
}

func TestCorpus_ReadsEachFileAsItsToolShowsIt(t *testing.T) {
	for _, c := range corpus {
		t.Run(c.file, func(t *testing.T) {
			res, err := ReadFileResult(filepath.Join("testdata", "corpus", c.file), c.format, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			doc := res.Doc.Document()
			if doc.Title != c.title {
				t.Errorf("title %q, want %q", doc.Title, c.title)
			}
			if got := events(doc); !reflect.DeepEqual(got, c.events) {
				t.Errorf("events:\n got %q\nwant %q", got, c.events)
			}
			if got := bounds(doc); !reflect.DeepEqual(got, c.bounds) {
				t.Errorf("bounds:\n got %q\nwant %q", got, c.bounds)
			}
			if got := periods(doc); !reflect.DeepEqual(got, c.periods) {
				t.Errorf("periods:\n got %q\nwant %q", got, c.periods)
			}
			if got := problems(res); !reflect.DeepEqual(got, c.skipped) {
				t.Errorf("records left out:\n got %q\nwant %q", got, c.skipped)
			}
			if res.SkippedCount != len(c.skipped) || res.Records != len(doc.Events)+len(doc.Periods)+len(c.skipped) {
				t.Errorf("%d records, %d skipped; %d events and %d periods read", res.Records, res.SkippedCount, len(doc.Events), len(doc.Periods))
			}
			if c.check != nil {
				c.check(t, doc, res)
			}
			// Without the choice to leave records out, the file is refused,
			// naming the first.
			_, err = ReadFile(filepath.Join("testdata", "corpus", c.file), c.format, c.opt)
			var re *RecordsError
			switch {
			case len(c.skipped) == 0 && err != nil:
				t.Errorf("ReadFile: %v", err)
			case len(c.skipped) > 0 && (!errors.As(err, &re) || !strings.HasPrefix(err.Error(), c.file+": "+c.skipped[0]) || !errors.Is(err, data.ErrInvalidDocument)):
				t.Errorf("ReadFile error %v, want it to name %q", err, c.skipped[0])
			}
		})
	}
}

// TestCorpus_RoundTrips writes each file, once stored in a document, in
// every format and reads it back: the same dates at the same precisions,
// lanes and periods, and in the formats that hold them the same bounds.
func TestCorpus_RoundTrips(t *testing.T) {
	for _, c := range corpus {
		res, err := ReadFileResult(filepath.Join("testdata", "corpus", c.file), c.format, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		doc := storeOf(t, res.Doc.Document())
		for _, f := range []Format{FormatTimelineJS, FormatVis, FormatCSV, FormatQuoteline} {
			t.Run(c.file+" as "+string(f), func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "out."+string(f))
				if err := WriteFile(context.Background(), path, f, doc); err != nil {
					t.Fatal(err)
				}
				// Read back on another clock: what was written says its zone.
				opt := Options{Zone: time.FixedZone("UTC-5", -5*3600)}
				back := readTestFile(t, path, f, opt)
				if got, want := events(back), events(doc); !reflect.DeepEqual(got, want) {
					t.Errorf("events:\n got %q\nwant %q", got, want)
				}
				gotP, wantP := periods(back), periods(doc)
				if f == FormatTimelineJS { // eras have no lane
					wantP = withoutLanes(wantP)
				}
				if !reflect.DeepEqual(gotP, wantP) {
					t.Errorf("periods:\n got %q\nwant %q", gotP, wantP)
				}
				if f == FormatCSV || f == FormatQuoteline {
					if got, want := bounds(back), bounds(doc); !reflect.DeepEqual(got, want) {
						t.Errorf("bounds:\n got %q\nwant %q", got, want)
					}
				}
			})
		}
	}
}

// withoutLanes takes the lanes out of periods' "title|lane|start|end".
func withoutLanes(ps []string) []string {
	var out []string
	for _, p := range ps {
		f := strings.Split(p, "|")
		f[1] = ""
		out = append(out, strings.Join(f, "|"))
	}
	return out
}

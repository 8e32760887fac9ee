package interchange

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/quoteline/quoteline/data"
)

// tlDate is a TimelineJS3 date object. Its parts may be numbers or numeric
// strings; the finest part given sets the precision. Its year counts as
// TimelineJS shows it: -300 is 300 BC (and 0 is 1 BC, as in JavaScript).
type tlDate struct {
	Year        flexInt `json:"year"`
	Month       flexInt `json:"month,omitempty"`
	Day         flexInt `json:"day,omitempty"`
	Hour        flexInt `json:"hour,omitempty"`
	Minute      flexInt `json:"minute,omitempty"`
	Second      flexInt `json:"second,omitempty"`
	Millisecond flexInt `json:"millisecond,omitempty"`
	DisplayDate string  `json:"display_date,omitempty"`
	Format      string  `json:"format,omitempty"`
}

// flexInt is an integer written as a JSON number, a numeric string (with
// spaces or commas between digit groups, as spreadsheets write them), or an
// empty string or null for "not given".
type flexInt struct {
	V   int64
	Set bool
	Bad string // what was written instead of a whole number, reported with its record
}

func (f *flexInt) UnmarshalJSON(b []byte) error {
	s := string(bytes.TrimSpace(b))
	if s == "null" || s == `""` {
		*f = flexInt{}
		return nil
	}
	if strings.HasPrefix(s, `"`) {
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
	}
	*f = parseFlexInt(s)
	return nil
}

// parseFlexInt reads a whole number as TimelineJS does: white space and
// commas between its digits are dropped ("13,800,000,000").
func parseFlexInt(s string) flexInt {
	s = strings.TrimSpace(s)
	if s == "" {
		return flexInt{}
	}
	clean := strings.Map(func(r rune) rune {
		if r == ',' || r == ' ' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
	if v, err := strconv.ParseInt(clean, 10, 64); err == nil {
		return flexInt{V: v, Set: true}
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || v != float64(int64(v)) {
		return flexInt{Bad: s}
	}
	return flexInt{V: int64(v), Set: true}
}

func (f flexInt) MarshalJSON() ([]byte, error) {
	if !f.Set {
		return []byte(`""`), nil
	}
	return strconv.AppendInt(nil, f.V, 10), nil
}

func (f flexInt) IsZero() bool { return !f.Set }

// set returns v as a flexInt that is given.
func set(v int) flexInt { return flexInt{V: int64(v), Set: true} }

// time returns the date as a data.Time at the precision of the finest
// part set, or the zero Time if d is nil or has no part. A part set below
// a missing coarser part is an error; an hour without a minute is the
// start of the hour.
func (d *tlDate) time() (data.Time, error) {
	if d == nil {
		return data.Time{}, nil
	}
	parts := []struct {
		v    flexInt
		name string
		max  int64
	}{{d.Year, "year", 0}, {d.Month, "month", 12}, {d.Day, "day", 31}, {d.Hour, "hour", 23}, {d.Minute, "minute", 59},
		{d.Second, "second", 59}, {d.Millisecond, "millisecond", 999}}
	for _, p := range parts {
		if p.v.Bad != "" {
			return data.Time{}, fmt.Errorf("%s: %s is not a whole number", p.name, quote(p.v.Bad))
		}
	}
	if d.Hour.Set && !d.Minute.Set {
		parts[4].v = set(0)
	}
	if !d.Year.Set {
		for _, p := range parts[1:] {
			if p.v.Set {
				return data.Time{}, errors.New("has no year")
			}
		}
		return data.Time{}, nil
	}
	n := 1 // the parts given, from the year on
	for i, p := range parts[1:] {
		if !p.v.Set {
			for _, q := range parts[i+2:] {
				if q.v.Set {
					return data.Time{}, fmt.Errorf("has a %s but no %s", q.name, p.name)
				}
			}
			break
		}
		if p.v.V < 0 || p.v.V > p.max || (p.v.V == 0 && (p.name == "month" || p.name == "day")) {
			return data.Time{}, fmt.Errorf("%s %d out of range", p.name, p.v.V)
		}
		n++
	}
	year := d.Year.V
	if year < 0 {
		year++ // TimelineJS shows -300 as 300 BC, which is year -299
	}
	if year < data.FirstYear || year > data.LastYear {
		return data.Time{}, fmt.Errorf("year %d is out of the years Quoteline draws (%s to %s)", d.Year.V,
			data.YearText(data.FirstYear), data.YearText(data.LastYear))
	}
	var b strings.Builder
	if year < 0 || year > 9999 {
		b.WriteByte('+')
		if year < 0 {
			b.Reset()
			b.WriteByte('-')
		}
	}
	fmt.Fprintf(&b, "%04d", max(year, -year))
	seps := []string{"-", "-", "T", ":", ":", "."}
	for i := 1; i < n; i++ {
		if i == 6 {
			fmt.Fprintf(&b, ".%03d", parts[i].v.V)
			continue
		}
		fmt.Fprintf(&b, "%s%02d", seps[i-1], parts[i].v.V)
	}
	if n == 4 { // an hour and a minute
		n = 5
	}
	t, err := data.ParseTime(b.String())
	if err != nil {
		return data.Time{}, errors.Unwrap(err)
	}
	return t, nil
}

// tlDateOf splits t into TimelineJS date parts at its precision, its year
// as TimelineJS counts it (300 BC is -300).
func tlDateOf(t data.Time) *tlDate {
	y, mo, d, h, mi, sec := t.Parts()
	if y <= 0 {
		y-- // year -299 is 300 BC, which TimelineJS writes -300
	}
	out := &tlDate{Year: set(y)}
	if t.Precision >= data.PrecisionMonth {
		out.Month = set(mo)
	}
	if t.Precision >= data.PrecisionDay {
		out.Day = set(d)
	}
	if t.Precision >= data.PrecisionMinute {
		out.Hour, out.Minute = set(h), set(mi)
	}
	if t.Precision >= data.PrecisionSecond {
		out.Second = set(sec)
	}
	if t.Precision == data.PrecisionMillisecond {
		out.Millisecond = set(int(t.Milli))
	}
	return out
}

type tlText struct {
	Headline string `json:"headline,omitempty"`
	Text     string `json:"text,omitempty"`
}

type tlMedia struct {
	URL       string `json:"url,omitempty"`
	Caption   string `json:"caption,omitempty"`
	Credit    string `json:"credit,omitempty"`
	Thumbnail string `json:"thumbnail,omitempty"`
}

type tlSlide struct {
	StartDate   *tlDate  `json:"start_date,omitempty"`
	EndDate     *tlDate  `json:"end_date,omitempty"`
	Text        *tlText  `json:"text,omitempty"`
	Media       *tlMedia `json:"media,omitempty"`
	Group       string   `json:"group,omitempty"`
	DisplayDate string   `json:"display_date,omitempty"`
	UniqueID    string   `json:"unique_id,omitempty"`
	Autolink    *bool    `json:"autolink,omitempty"`
	Background  any      `json:"background,omitempty"`
}

type tlFile struct {
	Title  *tlSlide  `json:"title,omitempty"`
	Events []tlSlide `json:"events"`
	Eras   []tlSlide `json:"eras,omitempty"`
	Scale  string    `json:"scale,omitempty"`
	// Timeline holds a TimelineJS 2 file, or TimelineJS 3 slides wrapped
	// as TimelineJS's own welcome page has them.
	Timeline *tl2Timeline `json:"timeline,omitempty"`
}

// tl2Timeline is the "timeline" object of a TimelineJS 2 file: its title
// slide's fields, its slides (date) and eras, with dates written
// "2011,3,23" (year, month, day, hour, minute, second).
type tl2Timeline struct {
	Headline  string     `json:"headline"`
	Text      string     `json:"text"`
	StartDate flexString `json:"startDate"`
	Asset     *tl2Asset  `json:"asset"`
	Date      []tl2Slide `json:"date"`
	Era       []tl2Slide `json:"era"`
	// Slides are TimelineJS 3 slides wrapped in "timeline".
	Slides []tlSlide `json:"slides"`
}

type tl2Slide struct {
	StartDate flexString `json:"startDate"`
	EndDate   flexString `json:"endDate"`
	Headline  string     `json:"headline"`
	Text      string     `json:"text"`
	Tag       string     `json:"tag"`
	Asset     *tl2Asset  `json:"asset"`
}

type tl2Asset struct {
	Media   string `json:"media"`
	Credit  string `json:"credit"`
	Caption string `json:"caption"`
}

// flexString is a JSON string, or a number written as its text.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
		return nil
	}
	if string(b) == "null" {
		*f = ""
		return nil
	}
	*f = flexString(b)
	return nil
}

// tl2Date reads a TimelineJS 2 date: "2011,3,23[,h,m,s]" as year, month,
// day, hour, minute and second (the year as TimelineJS counts it), a year
// alone, or an ISO date, as a TimelineJS 3 date.
func tl2Date(s flexString) (*tlDate, error) {
	text := strings.TrimSpace(string(s))
	if text == "" {
		return nil, nil
	}
	if strings.Contains(text, ",") || isWholeNumber(text) {
		parts := strings.Split(text, ",")
		if len(parts) > 7 {
			return nil, fmt.Errorf("%s has more parts than year, month, day, hour, minute, second and millisecond", quote(text))
		}
		d := &tlDate{}
		for i, p := range []*flexInt{&d.Year, &d.Month, &d.Day, &d.Hour, &d.Minute, &d.Second, &d.Millisecond}[:len(parts)] {
			*p = parseFlexInt(parts[i])
		}
		return d, nil
	}
	t, err := data.ParseDate(text)
	if err != nil {
		return nil, fmt.Errorf("%s is not a TimelineJS date: write it year,month,day (2011,3,23)", quote(text))
	}
	return tlDateOf(t), nil
}

// isWholeNumber reports whether s is an optional sign and digits.
func isWholeNumber(s string) bool {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// slides turns a TimelineJS 2 file into TimelineJS 3 form.
func (t *tl2Timeline) slides() (title *tlSlide, events, eras []tlSlide, bad []error) {
	convert := func(s tl2Slide) (tlSlide, error) {
		out := tlSlide{Text: &tlText{Headline: s.Headline, Text: s.Text}, Group: s.Tag}
		var err error
		if out.StartDate, err = tl2Date(s.StartDate); err != nil {
			return out, fmt.Errorf("startDate: %w", err)
		}
		if out.EndDate, err = tl2Date(s.EndDate); err != nil {
			return out, fmt.Errorf("endDate: %w", err)
		}
		if a := s.Asset; a != nil {
			out.Media = &tlMedia{URL: a.Media, Caption: a.Caption, Credit: a.Credit}
		}
		return out, nil
	}
	title = &tlSlide{Text: &tlText{Headline: t.Headline, Text: t.Text}}
	if a := t.Asset; a != nil {
		title.Media = &tlMedia{URL: a.Media, Caption: a.Caption, Credit: a.Credit}
	}
	for _, list := range []struct {
		in  []tl2Slide
		out *[]tlSlide
	}{{t.Date, &events}, {t.Era, &eras}} {
		for _, s := range list.in {
			c, err := convert(s)
			*list.out = append(*list.out, c)
			bad = append(bad, err)
		}
	}
	return title, events, eras, bad
}

func readTimelineJS(r io.Reader, name string, opt Options) (*builder, error) {
	raw, err := readJSON(r, name)
	if err != nil {
		return nil, err
	}
	var f tlFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, &data.DocumentError{File: name, Record: data.JSONPosition(raw, err), Err: fmt.Errorf("invalid TimelineJS JSON: %w", err)}
	}
	b := newBuilder(name, opt)
	events, eras, title := f.Events, f.Eras, f.Title
	list, eraList := "events", "eras"
	var bad []error
	switch {
	case f.Events != nil || f.Eras != nil:
	case f.Timeline != nil && f.Timeline.Slides != nil:
		events, list = f.Timeline.Slides, "timeline.slides"
	case f.Timeline != nil && (f.Timeline.Date != nil || f.Timeline.Era != nil):
		title, events, eras, bad = f.Timeline.slides()
		list, eraList = "timeline.date", "timeline.era"
	default:
		return nil, &data.DocumentError{File: name, Field: "events", Err: errors.New(
			"missing: a TimelineJS 3 file has an events list, a TimelineJS 2 file a timeline with a date list, and this has neither")}
	}
	b.recordName = func(n int32) string {
		if n < 0 {
			return record(eraList, int(-n-1))
		}
		return record(list, int(n))
	}
	if title != nil {
		b.titleSlide(title)
	}
	b.records = len(events) + len(eras)
	for i, s := range events {
		if i < len(bad) && bad[i] != nil {
			b.skip(record(list, i), "", bad[i])
			continue
		}
		if err := b.slide(s, i, false); err != nil {
			b.skip(record(list, i), "", err)
		}
	}
	for i, s := range eras {
		if k := len(events) + i; k < len(bad) && bad[k] != nil {
			b.skip(record(eraList, i), "", bad[k])
			continue
		}
		if err := b.slide(s, -i-1, true); err != nil {
			b.skip(record(eraList, i), "", err)
		}
	}
	return b, nil
}

// titleSlide keeps a title slide's headline and text as the document's
// title and description, and its media as a source of the document.
func (b *builder) titleSlide(s *tlSlide) {
	if s.Text != nil {
		b.doc.Title = plainTitle(s.Text.Headline)
		b.doc.Description = plainText(s.Text.Text)
	}
	if s.Media != nil {
		b.source(s.Media.URL, plainTitle(s.Media.Caption), plainTitle(s.Media.Credit))
	}
}

// slide adds one TimelineJS slide read from record origin (see
// builder.origins), as an event, or as a period if era.
func (b *builder) slide(s tlSlide, origin int, era bool) error {
	start, err := s.StartDate.time()
	if err != nil {
		return &data.DocumentError{Field: "start_date", Err: err}
	}
	if start.IsZero() {
		return &data.DocumentError{Field: "start_date", Err: errors.New("missing (a year at least)")}
	}
	end, err := s.EndDate.time()
	if err != nil {
		return &data.DocumentError{Field: "end_date", Err: err}
	}
	// An era ends where its end date begins, as TimelineJS draws it, so
	// that eras sharing a date meet; a slide's end given to the day or the
	// year is the last it covers, one with a time of day the instant it
	// stops.
	if !era && s.EndDate.equal(s.StartDate) {
		end = data.Time{} // TimelineJS drops an end date the same as the start
	}
	if !end.IsZero() && (era || end.Precision >= data.PrecisionMinute) {
		end = end.Step(-1)
	}
	switch {
	case end.IsZero():
	case end.Before(start):
		return &data.DocumentError{Field: "end_date", Err: fmt.Errorf("%s is before the start, %s", end.Display(), start.Display())}
	}
	var headline, text string
	if s.Text != nil {
		headline, text = plainTitle(s.Text.Headline), plainText(s.Text.Text)
	}
	title := firstNonEmpty(headline, firstLine(text), plainTitle(s.DisplayDate))
	if title == "" {
		title = dateTitle(start, end)
	}
	summary := text
	if headline == "" && text == title {
		summary = ""
	}
	if era {
		if end.IsZero() {
			return &data.DocumentError{Field: "end_date", Err: errors.New("missing: an era has a start and an end")}
		}
		b.period(data.DocumentPeriod{Title: title, Summary: summary, Start: start.String(), End: end.String()}, origin)
		return nil
	}
	e := data.DocumentEvent{Lane: b.lane(plainTitle(s.Group)), Title: title, Summary: summary, Start: start.String(), End: end.String()}
	if s.DisplayDate != "" {
		e.DateNote = "Shown as " + strconv.Quote(plainTitle(s.DisplayDate))
	}
	if s.Media != nil {
		if k := b.source(s.Media.URL, plainTitle(s.Media.Caption), plainTitle(s.Media.Credit)); k != "" {
			e.Sources = []data.DocumentSourceLink{{Source: k, Stance: data.StanceSupports}}
		}
	}
	b.event(e, origin)
	return nil
}

// equal reports whether d and e give the same parts.
func (d *tlDate) equal(e *tlDate) bool {
	if d == nil || e == nil {
		return d == e
	}
	return d.Year == e.Year && d.Month == e.Month && d.Day == e.Day && d.Hour == e.Hour &&
		d.Minute == e.Minute && d.Second == e.Second && d.Millisecond == e.Millisecond
}

// dateTitle names an untitled record by its dates: "15 May 2023",
// "10 Jan 2014 – 21 Jan 2014".
func dateTitle(start, end data.Time) string {
	if end.IsZero() || end == start {
		return start.Display()
	}
	return start.Display() + " – " + end.Display()
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	const max = 120
	if len(s) > max {
		cut := strings.LastIndexByte(s[:max], ' ')
		if cut < max/2 {
			cut = max
		}
		for cut > 0 && !utf8Start(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

func utf8Start(c byte) bool { return c&0xC0 != 0x80 }

func record(list string, i int) string { return list + "[" + strconv.Itoa(i) + "]" }

// The columns of the TimelineJS spreadsheet template.
var timelineCSVColumns = []string{"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
	"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background"}

// templateColumn returns the column of the TimelineJS template that a
// header cell names, in lower case ("end year"), reading the names of the
// template's older and hand-made copies too: "startYear", "End_Year",
// "mediaUrl", "Tag".
func templateColumn(h string) string {
	k := strings.Map(func(r rune) rune {
		if r == ' ' || r == '_' || r == '-' {
			return -1
		}
		return unicode.ToLower(r)
	}, strings.TrimSpace(h))
	switch k {
	case "startyear", "startmonth", "startday", "starttime":
		return strings.TrimPrefix(k, "start")
	case "endyear", "endmonth", "endday", "endtime":
		return "end " + strings.TrimPrefix(k, "end")
	case "displaydate":
		return "display date"
	case "mediaurl":
		return "media"
	case "mediacredit", "mediacaption", "mediathumbnail":
		return "media " + strings.TrimPrefix(k, "media")
	case "mediathumbail": // as a template in circulation spells it
		return "media thumbnail"
	case "tag":
		return "group"
	case "backgroundurl":
		return "background"
	}
	return strings.ToLower(strings.TrimSpace(h))
}

// isTimelineCSVHeader reports whether head starts with a header row of the
// TimelineJS template.
func isTimelineCSVHeader(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if i := bytes.IndexAny(head, "\r\n"); i >= 0 {
		head = head[:i]
	}
	rec, err := csv.NewReader(bytes.NewReader(head)).Read()
	if err != nil {
		return false
	}
	col := templateColumns(rec)
	_, year := col["year"]
	_, headline := col["headline"]
	_, endYear := col["end year"]
	return year && headline && endYear
}

// templateColumns maps the template's column names in header to their
// first index. A column without a name just before "Month" is taken for
// the year, whose name some exports of the template lose.
func templateColumns(header []string) map[string]int {
	col := map[string]int{}
	for i, h := range header {
		if _, dup := col[templateColumn(h)]; !dup {
			col[templateColumn(h)] = i
		}
	}
	if m, ok := col["month"]; ok && m > 0 && strings.TrimSpace(header[m-1]) == "" {
		if _, named := col["year"]; !named {
			col["year"] = m - 1
		}
	}
	return col
}

func readTimelineCSV(r io.Reader, name string, opt Options) (*builder, error) {
	rows, err := newRowReader(r, name, 0)
	if err != nil {
		return nil, err
	}
	col := templateColumns(rows.header)
	if _, ok := col["year"]; !ok {
		return nil, &data.DocumentError{File: name, Record: "line 1", Err: errors.New(`no "Year" column: not the TimelineJS template`)}
	}
	b := newBuilder(name, opt)
	b.recordName = lineName
	for {
		rec, line, err := rows.next()
		if err == io.EOF {
			break
		}
		where := lineName(int32(line))
		if err != nil {
			b.records++
			b.skip(where, "", err)
			continue
		}
		if rows.blank(rec) {
			continue
		}
		b.records++
		if err := b.templateRow(rec, line, col); err != nil {
			b.skip(where, "", err)
		}
	}
	if err := rows.err(); err != nil {
		return nil, err
	}
	b.notes = append(b.notes, rows.notes()...)
	return b, nil
}

// templateRow adds the row rec of the TimelineJS template, at line, whose
// columns are col.
func (b *builder) templateRow(rec []string, line int, col map[string]int) error {
	get := func(c string) string {
		if i, ok := col[strings.ToLower(c)]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	date := func(prefix string) (*tlDate, error) {
		d := &tlDate{Year: parseFlexInt(get(prefix + "Year")), Month: parseFlexInt(get(prefix + "Month")), Day: parseFlexInt(get(prefix + "Day"))}
		for _, p := range []struct {
			col string
			v   flexInt
		}{{"Year", d.Year}, {"Month", d.Month}, {"Day", d.Day}} {
			if p.v.Bad != "" {
				return nil, &data.DocumentError{Field: quote(prefix + p.col), Err: fmt.Errorf("%s is not a whole number", quote(p.v.Bad))}
			}
		}
		if t := get(prefix + "Time"); t != "" {
			clock, err := templateTime(t)
			if err != nil {
				return nil, &data.DocumentError{Field: quote(prefix + "Time"), Err: err}
			}
			d.Hour, d.Minute, d.Second, d.Millisecond = clock[0], clock[1], clock[2], clock[3]
		}
		if !d.Year.Set && !d.Month.Set && !d.Day.Set && !d.Hour.Set {
			return nil, nil
		}
		return d, nil
	}
	start, err := date("")
	if err != nil {
		return err
	}
	end, err := date("End ")
	if err != nil {
		return err
	}
	s := tlSlide{StartDate: start, EndDate: end, Text: &tlText{Headline: get("Headline"), Text: get("Text")},
		Group: get("Group"), DisplayDate: get("Display Date")}
	if m := get("Media"); m != "" || get("Media Caption") != "" || get("Media Credit") != "" {
		s.Media = &tlMedia{URL: m, Caption: get("Media Caption"), Credit: get("Media Credit")}
	}
	switch strings.ToLower(get("Type")) {
	case "title":
		b.records--
		b.titleSlide(&s)
		return nil
	case "era":
		return b.slide(s, line, true)
	}
	if start == nil && s.Text.Headline == "" && s.Text.Text == "" {
		b.records--
		return nil // a row with nothing to show
	}
	return b.slide(s, line, false)
}

// templateTime reads the Time column of the TimelineJS template: "14:30",
// "14:30:05", "14:30:05.250", or with "am" or "pm" after it, as TimelineJS
// reads it.
func templateTime(t string) ([4]flexInt, error) {
	var out [4]flexInt
	bad := fmt.Errorf("%s is not a time: write it like 14:30, 14:30:05 or 2:30 pm", quote(t))
	s := strings.ToLower(strings.TrimSpace(t))
	pm, am := strings.HasSuffix(s, "pm"), strings.HasSuffix(s, "am")
	if pm || am {
		s = strings.TrimSpace(s[:len(s)-2])
	}
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return out, bad
	}
	if len(parts) == 3 {
		if sec, ms, ok := strings.Cut(parts[2], "."); ok {
			parts[2] = sec
			ms = (ms + "000")[:3]
			out[3] = parseFlexInt(ms)
		}
	}
	for i, p := range parts {
		v := parseFlexInt(p)
		if !v.Set || v.V < 0 {
			return out, bad
		}
		out[i] = v
	}
	if !out[1].Set {
		out[1] = set(0)
	}
	if h := out[0].V; pm && h < 12 {
		out[0].V += 12
	} else if am && h == 12 {
		out[0].V = 0
	}
	if out[3].Set && !out[2].Set {
		return out, bad
	}
	return out, nil
}

// WriteTimelineJS writes doc as TimelineJS3 JSON: one slide per event with
// its lane as group, each period as an era, the document's title and
// description as the title slide with the first source no event cites as
// its media, and an event's first linked source with a URL as its media.
// Years count as TimelineJS counts them (300 BC is -300), times of day are
// in UTC, and ends are written as TimelineJS reads them (see the package
// comment).
func WriteTimelineJS(w io.Writer, doc *data.Document) error { return writeTimelineJS(w, doc.Export()) }

// writeTimelineJS writes x as WriteTimelineJS writes a document.
func writeTimelineJS(w io.Writer, x *data.Export) error {
	doc := x.Head
	f := tlFile{Events: []tlSlide{}}
	sources := map[string]data.DocumentSource{}
	for _, s := range doc.Sources {
		sources[s.Key] = s
	}
	if doc.Title != "" {
		f.Title = &tlSlide{Text: &tlText{Headline: htmlText(doc.Title), Text: htmlText(doc.Description)}}
		if slices.ContainsFunc(doc.Sources, func(s data.DocumentSource) bool { return s.URL != "" }) {
			cited, err := x.Cited()
			if err != nil {
				return err
			}
			for _, s := range doc.Sources {
				if !cited[s.Key] && s.URL != "" {
					f.Title.Media = &tlMedia{URL: s.URL, Caption: htmlText(s.Title), Credit: htmlText(s.Outlet)}
					break
				}
			}
		}
	}
	for _, p := range doc.Periods {
		start, end, err := parseTimes(p.Start, p.End)
		if err != nil {
			return fmt.Errorf("period %q: %w", p.Key, err)
		}
		f.Eras = append(f.Eras, tlSlide{StartDate: tlDateOf(start), EndDate: tlDateOf(end.Step(1)),
			Text: &tlText{Headline: htmlText(p.Title), Text: htmlText(p.Summary)}})
	}
	lanes := laneNames(doc)
	return encodeStreamed(w, f, true, streamedArray{"events", func(elem func(any) error) error {
		return x.Events(func(e *data.DocumentEvent) error {
			start, end, err := parseTimes(e.Start, e.End)
			if err != nil {
				return fmt.Errorf("event %q: %w", e.Key, err)
			}
			s := tlSlide{StartDate: tlDateOf(start), Text: &tlText{Headline: htmlText(e.Title), Text: htmlText(e.Summary)},
				Group: lanes[e.Lane], UniqueID: e.Key}
			if !end.IsZero() {
				if end.Precision >= data.PrecisionMinute {
					end = end.Step(1) // the instant it stops
				}
				s.EndDate = tlDateOf(end)
			}
			for _, l := range e.Sources {
				if src := sources[l.Source]; src.URL != "" {
					s.Media = &tlMedia{URL: src.URL, Caption: htmlText(src.Title), Credit: htmlText(src.Outlet)}
					break
				}
			}
			return elem(s)
		})
	}})
}

// parseTimes parses a start and an optional end ("" for none).
func parseTimes(start, end string) (s, e data.Time, err error) {
	if s, err = data.ParseTime(start); err != nil {
		return s, e, fmt.Errorf("start: %w", err)
	}
	if end != "" {
		if e, err = data.ParseTime(end); err != nil {
			return s, e, fmt.Errorf("end: %w", err)
		}
	}
	return s, e, nil
}

// laneNames maps lane keys to names.
func laneNames(doc *data.Document) map[string]string {
	m := make(map[string]string, len(doc.Lanes))
	for _, l := range doc.Lanes {
		m[l.Key] = l.Name
	}
	return m
}

// lineName names line n of a file.
func lineName(n int32) string { return "line " + strconv.Itoa(int(n)) }

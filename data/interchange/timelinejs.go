package interchange

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/quoteline/quoteline/data"
)

// tlDate is a TimelineJS3 date object. Its parts may be numbers or numeric
// strings; the finest part given sets the precision.
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

// flexInt is an integer written as a JSON number, a numeric string, or an
// empty string or null for "not given".
type flexInt struct {
	V   int64
	Set bool
	Bad string // what was written instead of a whole number, reported by timeParts with its event
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
		s = strings.TrimSpace(s)
		if s == "" {
			*f = flexInt{}
			return nil
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != float64(int64(v)) {
		*f = flexInt{Bad: s}
		return nil
	}
	*f = flexInt{V: int64(v), Set: true}
	return nil
}

func (f flexInt) MarshalJSON() ([]byte, error) {
	if !f.Set {
		return []byte(`""`), nil
	}
	return strconv.AppendInt(nil, f.V, 10), nil
}

func (f flexInt) IsZero() bool { return !f.Set }

// timeParts turns date parts into the string data.ParseTime reads, at the
// precision of the finest part set. A part set below a missing coarser part
// is an error.
func timeParts(year, month, day, hour, minute, second flexInt) (string, error) {
	for _, p := range []struct {
		v    flexInt
		name string
	}{{year, "year"}, {month, "month"}, {day, "day"}, {hour, "hour"}, {minute, "minute"}, {second, "second"}} {
		if p.v.Bad != "" {
			return "", fmt.Errorf("%s: %s is not a whole number", p.name, p.v.Bad)
		}
	}
	if !year.Set {
		if month.Set || day.Set || hour.Set {
			return "", errors.New("has no year")
		}
		return "", nil
	}
	y := year.V
	var b strings.Builder
	if y < 0 {
		b.WriteByte('-')
		y = -y
	}
	fmt.Fprintf(&b, "%04d", y)
	if hour.Set && !minute.Set {
		minute = flexInt{V: 0, Set: true}
	}
	parts := []struct {
		v    flexInt
		sep  string
		name string
	}{{month, "-", "month"}, {day, "-", "day"}, {hour, "T", "hour"}, {minute, ":", "minute"}, {second, ":", "second"}}
	for i, p := range parts {
		if !p.v.Set {
			for _, q := range parts[i+1:] {
				if q.v.Set {
					return "", fmt.Errorf("has a %s but no %s", q.name, p.name)
				}
			}
			break
		}
		if p.v.V < 0 || p.v.V > 99 {
			return "", fmt.Errorf("%s %d out of range", p.name, p.v.V)
		}
		fmt.Fprintf(&b, "%s%02d", p.sep, p.v.V)
	}
	s := b.String()
	if _, err := data.ParseTime(s); err != nil {
		return "", errors.Unwrap(err)
	}
	return s, nil
}

func (d *tlDate) String() (string, error) {
	if d == nil {
		return "", nil
	}
	return timeParts(d.Year, d.Month, d.Day, d.Hour, d.Minute, d.Second)
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
}

// erasLane is the lane that TimelineJS eras are imported into.
const erasLane = "Eras"

func readTimelineJS(r io.Reader, name string) (*data.Document, error) {
	raw, err := readJSON(r, name)
	if err != nil {
		return nil, err
	}
	var f tlFile
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, &data.DocumentError{File: name, Record: data.JSONPosition(raw, err), Err: fmt.Errorf("invalid TimelineJS JSON: %w", err)}
	}
	if f.Events == nil && f.Eras == nil {
		return nil, &data.DocumentError{File: name, Field: "events", Err: errors.New("missing: a TimelineJS file has an events list")}
	}
	b := newBuilder()
	if f.Title != nil && f.Title.Text != nil {
		b.doc.Title = plainText(f.Title.Text.Headline)
		b.doc.Description = plainText(f.Title.Text.Text)
	}
	for i, s := range f.Events {
		if err := b.slide(s, record("events", i), ""); err != nil {
			return nil, withFile(err, name)
		}
	}
	for i, s := range f.Eras {
		if err := b.slide(s, record("eras", i), erasLane); err != nil {
			return nil, withFile(err, name)
		}
	}
	return b.document(), nil
}

// slide adds one TimelineJS event or era; lane overrides its group.
func (b *builder) slide(s tlSlide, rec, lane string) error {
	start, err := s.StartDate.String()
	if err != nil {
		return &data.DocumentError{Record: rec, Field: "start_date", Err: err}
	}
	if start == "" {
		return &data.DocumentError{Record: rec, Field: "start_date", Err: errors.New("missing (a year at least)")}
	}
	end, err := s.EndDate.String()
	if err != nil {
		return &data.DocumentError{Record: rec, Field: "end_date", Err: err}
	}
	var headline, text string
	if s.Text != nil {
		headline, text = plainText(s.Text.Headline), plainText(s.Text.Text)
	}
	title := firstNonEmpty(headline, firstLine(text), s.DisplayDate)
	if title == "" {
		title = "Untitled"
	}
	if lane == "" {
		lane = s.Group
	}
	e := data.DocumentEvent{Lane: b.lane(plainText(lane)), Title: title, Summary: text, Start: start, End: end}
	if headline == "" {
		e.Summary = ""
		if text != title {
			e.Summary = text
		}
	}
	if s.DisplayDate != "" {
		e.DateNote = "Shown as " + strconv.Quote(plainText(s.DisplayDate))
	}
	if s.Media != nil {
		if k := b.source(s.Media.URL, plainText(s.Media.Caption), plainText(s.Media.Credit)); k != "" {
			e.Sources = []data.DocumentSourceLink{{Source: k, Stance: data.StanceSupports}}
		}
	}
	b.event(e)
	return nil
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

// withFile sets the file name of a *data.DocumentError.
func withFile(err error, name string) error {
	var de *data.DocumentError
	if errors.As(err, &de) && de.File == "" {
		de.File = name
	}
	return err
}

// The columns of the TimelineJS spreadsheet template.
var timelineCSVColumns = []string{"Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
	"Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background"}

// isTimelineCSVHeader reports whether head starts with a header row of the
// TimelineJS template.
func isTimelineCSVHeader(head []byte) bool {
	line, _, _ := bytes.Cut(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), []byte("\n"))
	rec, err := csv.NewReader(bytes.NewReader(line)).Read()
	if err != nil {
		return false
	}
	has := map[string]bool{}
	for _, c := range rec {
		has[strings.ToLower(strings.TrimSpace(c))] = true
	}
	return has["year"] && has["headline"] && has["end year"]
}

func readTimelineCSV(r io.Reader, name string) (*data.Document, error) {
	cr := newCSVReader(r)
	header, err := cr.Read()
	if err != nil {
		return nil, &data.DocumentError{File: name, Record: "line 1", Err: fmt.Errorf("header: %w", err)}
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	if _, ok := col["year"]; !ok {
		return nil, &data.DocumentError{File: name, Record: "line 1", Err: errors.New(`no "Year" column: not the TimelineJS template`)}
	}
	b := newBuilder()
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		where := "line " + strconv.Itoa(csvLine(cr, err))
		if err != nil {
			return nil, &data.DocumentError{File: name, Record: where, Err: err}
		}
		get := func(c string) string {
			if i, ok := col[strings.ToLower(c)]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		date := func(prefix string) (*tlDate, error) {
			d := &tlDate{}
			for _, p := range []struct {
				col string
				dst *flexInt
			}{{"Year", &d.Year}, {"Month", &d.Month}, {"Day", &d.Day}} {
				v := get(prefix + p.col)
				if v == "" {
					continue
				}
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil {
					return nil, &data.DocumentError{Record: where, Field: strconv.Quote(prefix + p.col), Err: fmt.Errorf("%q is not a whole number", v)}
				}
				*p.dst = flexInt{V: n, Set: true}
			}
			if t := get(prefix + "Time"); t != "" {
				var hms [3]int64
				parts := strings.Split(t, ":")
				for i, p := range parts {
					n, err := strconv.ParseInt(strings.TrimSpace(p), 10, 64)
					if err != nil || i > 2 || len(parts) < 2 {
						return nil, &data.DocumentError{Record: where, Field: strconv.Quote(prefix + "Time"), Err: fmt.Errorf("%q is not a time: want HH:MM or HH:MM:SS", t)}
					}
					hms[i] = n
				}
				d.Hour, d.Minute = flexInt{V: hms[0], Set: true}, flexInt{V: hms[1], Set: true}
				if len(parts) == 3 {
					d.Second = flexInt{V: hms[2], Set: true}
				}
			}
			if !d.Year.Set && !d.Month.Set && !d.Day.Set && !d.Hour.Set {
				return nil, nil
			}
			return d, nil
		}
		start, err := date("")
		if err != nil {
			return nil, withFile(err, name)
		}
		end, err := date("End ")
		if err != nil {
			return nil, withFile(err, name)
		}
		s := tlSlide{StartDate: start, EndDate: end, Text: &tlText{Headline: get("Headline"), Text: get("Text")},
			Group: get("Group"), DisplayDate: get("Display Date")}
		if m := get("Media"); m != "" || get("Media Caption") != "" || get("Media Credit") != "" {
			s.Media = &tlMedia{URL: m, Caption: get("Media Caption"), Credit: get("Media Credit")}
		}
		switch strings.ToLower(get("Type")) {
		case "title":
			b.doc.Title, b.doc.Description = plainText(s.Text.Headline), plainText(s.Text.Text)
			continue
		case "era":
			err = b.slide(s, where, erasLane)
		default:
			if start == nil && s.Text.Headline == "" && s.Text.Text == "" {
				continue // a blank row
			}
			err = b.slide(s, where, "")
		}
		if err != nil {
			return nil, withFile(err, name)
		}
	}
	return b.document(), nil
}

// WriteTimelineJS writes doc as TimelineJS3 JSON: one slide per event with
// its lane as group, the document title as title slide, and the first
// linked source with a URL as media.
func WriteTimelineJS(w io.Writer, doc *data.Document) error {
	f := tlFile{Events: []tlSlide{}}
	if doc.Title != "" {
		f.Title = &tlSlide{Text: &tlText{Headline: htmlText(doc.Title), Text: htmlText(doc.Description)}}
	}
	lanes := laneNames(doc)
	sources := map[string]data.DocumentSource{}
	for _, s := range doc.Sources {
		sources[s.Key] = s
	}
	for _, e := range doc.Events {
		start, err := tlDateOf(e.Start)
		if err != nil {
			return fmt.Errorf("event %q start: %w", e.Key, err)
		}
		s := tlSlide{StartDate: start, Text: &tlText{Headline: htmlText(e.Title), Text: htmlText(e.Summary)},
			Group: lanes[e.Lane], UniqueID: e.Key}
		if e.End != "" {
			if s.EndDate, err = tlDateOf(e.End); err != nil {
				return fmt.Errorf("event %q end: %w", e.Key, err)
			}
		}
		for _, l := range e.Sources {
			if src := sources[l.Source]; src.URL != "" {
				s.Media = &tlMedia{URL: src.URL, Caption: htmlText(src.Title), Credit: htmlText(src.Outlet)}
				break
			}
		}
		f.Events = append(f.Events, s)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}

// tlDateOf splits a time string into TimelineJS date parts at its
// precision.
func tlDateOf(s string) (*tlDate, error) {
	t, err := data.ParseTime(s)
	if err != nil {
		return nil, err
	}
	y, mo, d, h, mi, sec := t.Parts()
	set := func(v int) flexInt { return flexInt{V: int64(v), Set: true} }
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
	return out, nil
}

// laneNames maps lane keys to names.
func laneNames(doc *data.Document) map[string]string {
	m := make(map[string]string, len(doc.Lanes))
	for _, l := range doc.Lanes {
		m[l.Key] = l.Name
	}
	return m
}

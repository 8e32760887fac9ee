package interchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/quoteline/quoteline/data"
)

// visItem is an item of a vis-timeline DataSet. id and group may be
// numbers or strings; start and end may be date strings or milliseconds
// since the epoch.
type visItem struct {
	ID      json.RawMessage `json:"id,omitempty"`
	Content json.RawMessage `json:"content"`
	Start   json.RawMessage `json:"start"`
	End     json.RawMessage `json:"end,omitempty"`
	Group   json.RawMessage `json:"group,omitempty"`
	Type    string          `json:"type,omitempty"`
	Title   json.RawMessage `json:"title,omitempty"`
}

type visGroup struct {
	ID      json.RawMessage `json:"id"`
	Content json.RawMessage `json:"content"`
}

type visFile struct {
	Items  []json.RawMessage `json:"items"`
	Groups []json.RawMessage `json:"groups,omitempty"`
}

// textOf reads a vis text field: a string, or a number written as its
// text; anything else (an element built by code) is no text.
func textOf(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return ""
	}
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return s
		}
		return ""
	}
	if _, err := strconv.ParseFloat(string(raw), 64); err == nil {
		return string(raw)
	}
	return ""
}

func readVis(r io.Reader, name string, opt Options) (*builder, error) {
	raw, err := readJSON(r, name)
	if err != nil {
		return nil, err
	}
	var f visFile
	if first := bytes.TrimLeft(raw, " \t\r\n"); len(first) > 0 && first[0] == '[' {
		err = json.Unmarshal(raw, &f.Items)
	} else {
		err = json.Unmarshal(raw, &f)
		if err == nil && f.Items == nil {
			return nil, &data.DocumentError{File: name, Field: "items", Err: errors.New("missing: want a list of items, or an object with items and groups")}
		}
	}
	if err != nil {
		return nil, &data.DocumentError{File: name, Record: data.JSONPosition(raw, err), Err: fmt.Errorf("invalid vis DataSet JSON: %w", err)}
	}
	b := newBuilder(name, opt)
	b.recordName = func(n int32) string { return record("items", int(n)) }
	groups := map[string]string{} // group id -> lane key
	for i, rawGroup := range f.Groups {
		rec := record("groups", i)
		var g visGroup
		if err := json.Unmarshal(rawGroup, &g); err != nil {
			return nil, &data.DocumentError{File: name, Record: rec, Err: fmt.Errorf("not a group: %w", err)}
		}
		id, err := visID(g.ID)
		if err != nil || id == "" {
			return nil, &data.DocumentError{File: name, Record: rec, Field: "id", Err: errors.New("missing or not a number or string")}
		}
		if _, dup := groups[id]; dup {
			return nil, &data.DocumentError{File: name, Record: rec, Field: "id", Err: fmt.Errorf("%s is used by an earlier group", quote(id))}
		}
		lane := firstNonEmpty(plainTitle(textOf(g.Content)), "Group "+id)
		if _, taken := b.lanes[lane]; taken {
			lane += " (" + id + ")"
		}
		groups[id] = b.lane(lane)
	}
	b.records = len(f.Items)
	ids := map[string]bool{}
	for i, rawItem := range f.Items {
		if err := b.visItem(rawItem, i, groups, len(f.Groups) > 0, ids); err != nil {
			b.skip(record("items", i), "", err)
		}
	}
	// Lanes made for groups that no item uses are kept: they are part of the file.
	return b, nil
}

// visItem adds item i, whose group ids map to lanes in groups (a file with
// groups of its own keeps items in other groups out, as vis hides them).
func (b *builder) visItem(raw json.RawMessage, i int, groups map[string]string, ownGroups bool, ids map[string]bool) error {
	fail := func(field string, err error) error { return &data.DocumentError{Field: field, Err: err} }
	var it visItem
	if err := json.Unmarshal(raw, &it); err != nil {
		return fmt.Errorf("not an item: %w", err)
	}
	id, err := visID(it.ID)
	if err != nil {
		return fail("id", err)
	}
	if id != "" {
		if ids[id] {
			return fail("id", fmt.Errorf("%s is used by an earlier item", quote(id)))
		}
		ids[id] = true
	}
	start, err := visDate(it.Start, b.opt.Zone)
	if err != nil {
		return fail("start", err)
	}
	if start.IsZero() {
		return fail("start", errors.New("missing"))
	}
	end, err := visDate(it.End, b.opt.Zone)
	if err != nil {
		return fail("end", err)
	}
	// A vis end is the instant the item stops: its last period is the one
	// before it, at the end's precision.
	switch {
	case end.IsZero():
	case end == start || (end.Step(-1).Before(start) && !end.Before(start)):
		end = data.Time{} // a range of no length: a point
	case end.Before(start):
		return fail("end", fmt.Errorf("%s is before the start, %s", end.Display(), start.Display()))
	default:
		end = end.Step(-1)
	}
	switch it.Type {
	case "", "box", "point", "range", "background":
	default:
		return fail("type", fmt.Errorf("%s is not box, point, range or background", quote(it.Type)))
	}
	var lane string
	if g, err := visID(it.Group); err != nil {
		return fail("group", err)
	} else if g != "" {
		k, ok := groups[g]
		if !ok {
			if ownGroups {
				return fail("group", fmt.Errorf("%s is not one of the file's groups (vis does not show the item)", quote(g)))
			}
			k = b.lane("Group " + g)
			groups[g] = k
		}
		lane = k
	}
	content, title := plainTitle(textOf(it.Content)), plainText(textOf(it.Title))
	if content == "" {
		content = firstNonEmpty(firstLine(title), dateTitle(start, end))
	}
	if it.Type == "background" {
		if end.IsZero() {
			return fail("end", errors.New("missing: a background item has a start and an end"))
		}
		b.period(data.DocumentPeriod{Title: content, Summary: title, Lane: lane, Start: start.String(), End: end.String()}, i)
		return nil
	}
	if lane == "" {
		lane = b.lane("")
	}
	e := data.DocumentEvent{Lane: lane, Title: content, Start: start.String(), End: end.String()}
	if title != e.Title {
		e.Summary = title
	}
	b.event(e, i)
	return nil
}

// visID returns an id given as a JSON number or string; "" if absent.
func visID(raw json.RawMessage) (string, error) {
	s := string(bytes.TrimSpace(raw))
	if s == "" || s == "null" {
		return "", nil
	}
	if s[0] == '"' {
		var v string
		if err := json.Unmarshal(raw, &v); err != nil {
			return "", err
		}
		return v, nil
	}
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return "", fmt.Errorf("%s is not a number or string", quote(s))
	}
	return s, nil
}

// msPerDay is the milliseconds of a day.
const msPerDay = 86400_000

// visDate reads a vis date: a string as vis (moment.js) reads one, with
// times of day without an offset on zone's clock, or milliseconds since the
// epoch. The zero Time if absent. Years are astronomical, as in ISO 8601
// (year 0 is 1 BC). The form JSON gives a date at midnight UTC,
// "2014-04-20T00:00:00.000Z", and a whole number of days in milliseconds,
// are read as the day; other milliseconds as the second or the millisecond
// they name.
func visDate(raw json.RawMessage, zone *time.Location) (data.Time, error) {
	s := string(bytes.TrimSpace(raw))
	if s == "" || s == "null" {
		return data.Time{}, nil
	}
	if s[0] != '"' {
		ms, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(ms, 0) || math.IsNaN(ms) || math.Abs(ms) > 3e16 {
			return data.Time{}, fmt.Errorf("%s is not a date or a number of milliseconds", quote(s))
		}
		whole := int64(math.Floor(ms))
		sec, milli := floorDiv(whole, 1000), whole-floorDiv(whole, 1000)*1000
		t := data.Time{Unix: sec, Precision: data.PrecisionMillisecond, Milli: int16(milli)}
		switch {
		case whole%msPerDay == 0:
			t = data.Time{Unix: sec, Precision: data.PrecisionDay}
		case milli == 0:
			t = data.Time{Unix: sec, Precision: data.PrecisionSecond}
		}
		if !t.InRange() {
			return data.Time{}, fmt.Errorf("%s milliseconds is out of the years Quoteline draws", s)
		}
		return t, nil
	}
	var v string
	if err := json.Unmarshal(raw, &v); err != nil {
		return data.Time{}, err
	}
	return isoDate(v, zone)
}

// floorDiv returns a/b rounded down, for b > 0.
func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b < 0 {
		q--
	}
	return q
}

// isoDate reads an ISO 8601 date or time as vis writes and reads them
// (see visDate), falling back on the forms the app's date field takes.
func isoDate(v string, zone *time.Location) (data.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return data.Time{}, nil
	}
	if len(v) == 24 && strings.HasSuffix(v, "T00:00:00.000Z") {
		v = v[:10] // JSON's midnight: the day
	}
	d, err := data.ParseDateInputWith(v, data.DateOptions{Zone: zone})
	if err != nil {
		return data.Time{}, unwrapTime(err)
	}
	if !d.End.IsZero() || d.EarliestStart != nil || d.LatestEnd != nil {
		return data.Time{}, fmt.Errorf("%s is not one date", quote(v))
	}
	return d.Start, nil
}

// visTime writes t as vis reads it: an ISO date or time at t's precision
// with an expanded six-digit year outside 0 to 9999 (as JavaScript's Date
// reads them), times in UTC. A time known to the millisecond at midnight
// UTC is written with "+00:00", so that it is not read back as the day.
func visTime(t data.Time) string {
	s := t.String()
	if y, _, _, _, _, _ := t.Parts(); y < 0 || y > 9999 {
		digits := strings.TrimLeft(s[1:], "0123456789")
		year := s[1 : len(s)-len(digits)]
		if len(year) < 6 {
			year = strings.Repeat("0", 6-len(year)) + year
		}
		s = s[:1] + year + digits
	}
	if len(s) >= 24 && strings.HasSuffix(s, "T00:00:00.000Z") {
		s = strings.TrimSuffix(s, "Z") + "+00:00"
	}
	return s
}

// WriteVis writes doc as a vis-timeline DataSet: {"items": [...],
// "groups": [...]}, one group per lane and one item per event, and each
// period as a background item (in its lane's group, if it has one), with
// dates as ISO strings at their precision and ends as the instant an item
// stops.
func WriteVis(w io.Writer, doc *data.Document) error { return writeVis(w, doc.Export()) }

// writeVis writes x as WriteVis writes a document.
func writeVis(w io.Writer, x *data.Export) error {
	doc := x.Head
	type item struct {
		ID      string `json:"id"`
		Content string `json:"content"`
		Start   string `json:"start"`
		End     string `json:"end,omitempty"`
		Group   string `json:"group,omitempty"`
		Type    string `json:"type"`
		Title   string `json:"title,omitempty"`
	}
	type group struct {
		ID      string `json:"id"`
		Content string `json:"content"`
	}
	out := struct {
		Items  []item  `json:"items"`
		Groups []group `json:"groups"`
	}{Items: []item{}, Groups: []group{}}
	for _, l := range doc.Lanes {
		out.Groups = append(out.Groups, group{ID: l.Key, Content: htmlText(l.Name)})
	}
	return encodeStreamed(w, out, true, streamedArray{"items", func(elem func(any) error) error {
		err := x.Events(func(e *data.DocumentEvent) error {
			start, end, err := parseTimes(e.Start, e.End)
			if err != nil {
				return fmt.Errorf("event %q: %w", e.Key, err)
			}
			it := item{ID: e.Key, Content: htmlText(e.Title), Start: visTime(start), Group: e.Lane, Type: "box", Title: htmlText(e.Summary)}
			if !end.IsZero() {
				it.End, it.Type = visTime(end.Step(1)), "range"
			}
			return elem(it)
		})
		if err != nil {
			return err
		}
		for _, p := range doc.Periods {
			start, end, err := parseTimes(p.Start, p.End)
			if err != nil {
				return fmt.Errorf("period %q: %w", p.Key, err)
			}
			if err := elem(item{ID: p.Key, Content: htmlText(p.Title), Start: visTime(start), End: visTime(end.Step(1)),
				Group: p.Lane, Type: "background", Title: htmlText(p.Summary)}); err != nil {
				return err
			}
		}
		return nil
	}})
}

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
	Content string          `json:"content"`
	Start   json.RawMessage `json:"start"`
	End     json.RawMessage `json:"end,omitempty"`
	Group   json.RawMessage `json:"group,omitempty"`
	Type    string          `json:"type,omitempty"`
	Title   string          `json:"title,omitempty"`
}

type visGroup struct {
	ID      json.RawMessage `json:"id"`
	Content string          `json:"content"`
}

type visFile struct {
	Items  []visItem  `json:"items"`
	Groups []visGroup `json:"groups,omitempty"`
}

func readVis(r io.Reader, name string) (*data.Document, error) {
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
	b := newBuilder()
	groups := map[string]string{} // group id -> lane key
	for i, g := range f.Groups {
		rec := record("groups", i)
		id, err := visID(g.ID)
		if err != nil || id == "" {
			return nil, &data.DocumentError{File: name, Record: rec, Field: "id", Err: errors.New("missing or not a number or string")}
		}
		if _, dup := groups[id]; dup {
			return nil, &data.DocumentError{File: name, Record: rec, Field: "id", Err: fmt.Errorf("%s is used by an earlier group", id)}
		}
		lane := firstNonEmpty(plainText(g.Content), "Group "+id)
		if _, taken := b.lanes[lane]; taken {
			lane += " (" + id + ")"
		}
		groups[id] = b.lane(lane)
	}
	ids := map[string]bool{}
	for i, it := range f.Items {
		rec := record("items", i)
		fail := func(field string, err error) error {
			return &data.DocumentError{File: name, Record: rec, Field: field, Err: err}
		}
		id, err := visID(it.ID)
		if err != nil {
			return nil, fail("id", err)
		}
		if id != "" {
			if ids[id] {
				return nil, fail("id", fmt.Errorf("%s is used by an earlier item", id))
			}
			ids[id] = true
		}
		start, err := visDate(it.Start)
		if err != nil {
			return nil, fail("start", err)
		}
		if start == "" {
			return nil, fail("start", errors.New("missing"))
		}
		end, err := visDate(it.End)
		if err != nil {
			return nil, fail("end", err)
		}
		switch it.Type {
		case "", "box", "point", "range", "background":
		default:
			return nil, fail("type", fmt.Errorf("%q is not box, point, range or background", it.Type))
		}
		var lane string
		if g, err := visID(it.Group); err != nil {
			return nil, fail("group", err)
		} else if g == "" {
			lane = b.lane("")
		} else {
			k, ok := groups[g]
			if !ok {
				if len(f.Groups) > 0 {
					return nil, fail("group", fmt.Errorf("%s is not one of the groups", g))
				}
				k = b.lane("Group " + g)
				groups[g] = k
			}
			lane = k
		}
		content, title := plainText(it.Content), plainText(it.Title)
		e := data.DocumentEvent{Lane: lane, Title: firstNonEmpty(content, firstLine(title), "Untitled"), Start: start, End: end}
		if title != e.Title {
			e.Summary = title
		}
		if it.Type == "background" {
			e.Tags = []string{"background"}
		}
		b.event(e)
	}
	// Lanes made for groups that no item uses are kept: they are part of the file.
	return b.document(), nil
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
		return "", fmt.Errorf("%s is not a number or string", s)
	}
	return s, nil
}

// visDate converts a vis date (ISO string or milliseconds since the epoch)
// into a time string for data.ParseTime; "" if absent.
func visDate(raw json.RawMessage) (string, error) {
	s := string(bytes.TrimSpace(raw))
	if s == "" || s == "null" {
		return "", nil
	}
	if s[0] != '"' {
		ms, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(ms, 0) || math.IsNaN(ms) || math.Abs(ms) > 3e16 {
			return "", fmt.Errorf("%s is not a date or a number of milliseconds", s)
		}
		return data.Time{Unix: int64(math.Floor(ms / 1000)), Precision: data.PrecisionSecond}.String(), nil
	}
	var v string
	if err := json.Unmarshal(raw, &v); err != nil {
		return "", err
	}
	return normalizeDate(v)
}

// normalizeDate accepts the date forms data.ParseTime reads, plus a space
// for the "T", fractional seconds and a time-zone offset (converted to
// UTC), and returns the form data.ParseTime reads.
func normalizeDate(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	if len(v) > 10 && v[10] == ' ' {
		v = v[:10] + "T" + v[11:]
	}
	if _, err := data.ParseTime(v); err == nil {
		return v, nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(layout, v); err == nil {
			prec := data.PrecisionSecond
			if layout == "2006-01-02T15:04Z07:00" {
				prec = data.PrecisionMinute
			}
			return data.Time{Unix: t.Unix(), Precision: prec}.String(), nil
		}
	}
	_, err := data.ParseTime(v)
	return "", errors.Unwrap(err)
}

// WriteVis writes doc as a vis-timeline DataSet: {"items": [...],
// "groups": [...]}, one group per lane and one item per event, with dates
// as ISO strings at their precision.
func WriteVis(w io.Writer, doc *data.Document) error {
	type item struct {
		ID      string `json:"id"`
		Content string `json:"content"`
		Start   string `json:"start"`
		End     string `json:"end,omitempty"`
		Group   string `json:"group"`
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
	for _, e := range doc.Events {
		it := item{ID: e.Key, Content: htmlText(e.Title), Start: e.Start, End: e.End, Group: e.Lane, Type: "box", Title: htmlText(e.Summary)}
		if e.End != "" {
			it.Type = "range"
		}
		out.Items = append(out.Items, it)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

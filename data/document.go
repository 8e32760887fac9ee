package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The format name and version of the JSON interchange documents this
// package reads.
const (
	DocumentFormat  = "quoteline"
	DocumentVersion = 1
)

// Document is a timeline in the JSON interchange format, the form in which
// the default timeline ships. Records refer to each other by keys that are
// local to the document. Times are strings in the forms ParseTime accepts.
type Document struct {
	Format      string           `json:"format"`  // always DocumentFormat
	Version     int              `json:"version"` // DocumentVersion
	Title       string           `json:"title"`
	Description string           `json:"description,omitempty"`
	Lanes       []DocumentLane   `json:"lanes"`
	Actors      []DocumentActor  `json:"actors"`
	Sources     []DocumentSource `json:"sources"`
	Quotes      []DocumentQuote  `json:"quotes"`
	Events      []DocumentEvent  `json:"events"`
	Periods     []DocumentPeriod `json:"periods,omitempty"`
	Stops       []DocumentStop   `json:"stops,omitempty"`
}

// DocumentLane is a lane of a Document; lanes are positioned in the order
// they are listed.
type DocumentLane struct {
	Key       string `json:"key"`
	Name      string `json:"name"`
	Color     string `json:"color"` // "#RRGGBB"
	Collapsed bool   `json:"collapsed,omitempty"`
}

// DocumentActor is an actor of a Document.
type DocumentActor struct {
	Key         string `json:"key"`
	Name        string `json:"name"`
	Kind        string `json:"kind"` // "person", "organisation", "state" or "unnamed"
	Description string `json:"description,omitempty"`
}

// DocumentSource is a source of a Document. If TextFile is set, the
// source's full text is read from that file, relative to the JSON file.
type DocumentSource struct {
	Key       string `json:"key"`
	Title     string `json:"title"`
	Outlet    string `json:"outlet,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	DateNote  string `json:"date_note,omitempty"`
	Summary   string `json:"summary,omitempty"`
	TextFile  string `json:"text_file,omitempty"`
	// Text is the content of TextFile, filled in by ReadDocument.
	Text string `json:"-"`
}

// DocumentQuote is a quote of a Document. StartByte and EndByte locate
// Text in the source's text; ReadDocument computes them when they are
// absent.
type DocumentQuote struct {
	Key       string `json:"key"`
	Source    string `json:"source"`
	Speaker   string `json:"speaker,omitempty"`
	SaidAt    string `json:"said_at"`
	Text      string `json:"text"`
	StartByte *int64 `json:"start_byte,omitempty"`
	EndByte   *int64 `json:"end_byte,omitempty"`
	// SpeakerNote and SpeakerConfidence say how the speaker was found and
	// how sure that is (Quote.SpeakerNote, Quote.SpeakerConfidence).
	SpeakerNote       string     `json:"speaker_note,omitempty"`
	SpeakerConfidence Confidence `json:"speaker_confidence,omitempty"`
}

// DocumentEvent is an event of a Document. EarliestStart and LatestEnd are
// times: the extent runs from the first second of EarliestStart to the last
// second of LatestEnd.
type DocumentEvent struct {
	Key            string               `json:"key"`
	Lane           string               `json:"lane"`
	Title          string               `json:"title"`
	Summary        string               `json:"summary,omitempty"`
	Start          string               `json:"start"`
	End            string               `json:"end,omitempty"`
	StartUncertain bool                 `json:"start_uncertain,omitempty"`
	EndUncertain   bool                 `json:"end_uncertain,omitempty"`
	EarliestStart  *string              `json:"earliest_start,omitempty"`
	LatestEnd      *string              `json:"latest_end,omitempty"`
	Status         ClaimStatus          `json:"status"`
	DateNote       string               `json:"date_note,omitempty"`
	Derived        *DocumentDerivation  `json:"derived,omitempty"`
	Actors         []string             `json:"actors,omitempty"`
	Tags           []string             `json:"tags,omitempty"`
	Quotes         []DocumentQuoteLink  `json:"quotes,omitempty"`
	Sources        []DocumentSourceLink `json:"sources,omitempty"`
}

// DocumentDerivation records a date worked out from a relative expression.
// SaidAt defaults to the said-at time of Quote.
type DocumentDerivation struct {
	Expression string `json:"expression"`
	Quote      string `json:"quote,omitempty"`
	SaidAt     string `json:"said_at,omitempty"`
}

// DocumentQuoteLink links an event to a quote.
type DocumentQuoteLink struct {
	Quote  string `json:"quote"`
	Stance Stance `json:"stance"`
}

// DocumentSourceLink links an event directly to a source.
type DocumentSourceLink struct {
	Source string `json:"source"`
	Stance Stance `json:"stance"`
}

// DocumentPeriod is a period of a Document (see Period). Lane is a lane's
// key, or empty for a period behind every lane; End is the last period of
// time it covers, as an event's end.
type DocumentPeriod struct {
	Key     string `json:"key"`
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
	Lane    string `json:"lane,omitempty"`
	Start   string `json:"start"`
	End     string `json:"end"`
}

// DocumentStop is a stop of a Document's presentation; stops are shown in
// the order they are listed. The view runs from the first second of From to
// the last second of To. Event, Quote and HiddenLanes are keys.
type DocumentStop struct {
	Caption     string   `json:"caption,omitempty"`
	From        string   `json:"from"`
	To          string   `json:"to"`
	Event       string   `json:"event,omitempty"`
	Quote       string   `json:"quote,omitempty"`
	HiddenLanes []string `json:"hidden_lanes,omitempty"`
}

// DocumentError describes a problem with one field of one record of a
// Document. It matches ErrInvalidDocument with errors.Is.
type DocumentError struct {
	File   string // the JSON file's name, if known
	Record string // for example `events[3] "drone-use"`
	Field  string // for example "end"
	Err    error
}

// Error returns, for example,
// `default.json: events[3] "drone-use" end: "2022-13" month out of range`.
func (e *DocumentError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File + ": ")
	}
	if e.Record != "" {
		b.WriteString(e.Record)
		if e.Field != "" {
			b.WriteString(" " + e.Field)
		}
		b.WriteString(": ")
	} else if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *DocumentError) Unwrap() error { return e.Err }

// Is reports whether target is ErrInvalidDocument.
func (e *DocumentError) Is(target error) bool { return target == ErrInvalidDocument }

// ReadDocument reads and validates the JSON document name in fsys, reading
// each source's text_file relative to it. It fills in DocumentSource.Text
// and any quote offsets left out. Every problem is reported as a
// *DocumentError naming the record and field.
func ReadDocument(fsys fs.FS, name string) (*Document, error) {
	c, err := ReadCheckedDocument(fsys, name)
	if err != nil {
		return nil, err
	}
	return c.Document(), nil
}

// ReadCheckedDocument is ReadDocument that returns the document as checked.
func ReadCheckedDocument(fsys fs.FS, name string) (*CheckedDocument, error) {
	file := path.Base(name)
	raw, err := readLimited(fsys, name)
	if errors.Is(err, ErrTooLarge) {
		return nil, &DocumentError{File: file, Err: err}
	}
	if err != nil {
		return nil, fmt.Errorf("data.ReadDocument: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var doc Document
	if err := dec.Decode(&doc); err != nil {
		return nil, &DocumentError{File: file, Record: JSONPosition(raw, err), Err: fmt.Errorf("invalid JSON: %w", err)}
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, &DocumentError{File: file, Err: errors.New("invalid JSON: data after the document")}
	}
	dir := path.Dir(name)
	for i := range doc.Sources {
		src := &doc.Sources[i]
		if src.TextFile == "" {
			continue
		}
		rec := record("sources", i, src.Key)
		p := path.Join(dir, src.TextFile)
		if !fs.ValidPath(src.TextFile) || !fs.ValidPath(p) {
			return nil, &DocumentError{File: file, Record: rec.String(), Field: "text_file", Err: fmt.Errorf("%q is not a path inside the document's folder", src.TextFile)}
		}
		text, err := readLimited(fsys, p)
		if err != nil {
			return nil, &DocumentError{File: file, Record: rec.String(), Field: "text_file", Err: err}
		}
		src.Text = string(text)
	}
	c, err := CheckDocument(&doc)
	if err != nil {
		var de *DocumentError
		if errors.As(err, &de) {
			de.File = file
		}
		return nil, err
	}
	for i := range doc.Quotes {
		if o := c.p.quotes[i]; o.hasOffsets {
			start, end := o.start, o.end
			doc.Quotes[i].StartByte, doc.Quotes[i].EndByte = &start, &end
		}
	}
	return c, nil
}

// JSONPosition returns where in raw the JSON syntax or type error err of
// encoding/json lies, as "line 4, column 31" (columns count characters),
// or "" if err gives no offset.
func JSONPosition(raw []byte, err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var off int64
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	default:
		return ""
	}
	off = min(max(off, 0), int64(len(raw)))
	// The offset is just past the token at fault; point at the token's
	// last byte, where an editor's cursor would show it.
	if off > 0 {
		off--
	}
	before := raw[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return "line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col)
}

// record names the i'th record of a list, with its key if it has one.
func record(list string, i int, key string) recordName {
	return recordName{list: list, i: i, key: key}
}

// recordName names a record of a Document; its text is made only when an
// error needs it, as validating a million events must not format a
// million names. The zero recordName is the document itself.
type recordName struct {
	list string
	i    int
	key  string
}

func (r recordName) String() string {
	if r.list == "" {
		return ""
	}
	s := r.list + "[" + strconv.Itoa(r.i) + "]"
	if r.key != "" {
		s += " " + strconv.Quote(r.key)
	}
	return s
}

// plan is a validated Document with its times parsed and references
// resolved to indexes into the Document's lists.
type plan struct {
	sources []Time // publication dates
	quotes  []plannedQuote
	events  []plannedEvent
	links   []plannedLink // see plannedLink
	periods []plannedPeriod
	stops   []plannedStop
}

type plannedPeriod struct {
	lane       int // -1: every lane
	start, end Time
}

type plannedStop struct {
	from, to     int64 // view_start, view_end
	event, quote int   // -1 if none
	hidden       []int // lanes
}

type plannedQuote struct {
	source, speaker int // speaker is -1 if unknown
	saidAt          Time
	start, end      int64
	hasOffsets      bool
}

type plannedEvent struct {
	lane             int
	start, end       Time
	earliest, latest int64 // valid if hasEarliest, hasLatest
	derivedQuote     int   // -1 if none
	derivedSaidAt    Time
	hasEarliest      bool
	hasLatest        bool
	links            int    // where the event's links start in plan.links
	actors           uint16 // how many; at most MaxTagsPerEvent
	quotes, sources  uint16
}

// A plannedLink is a link of an event to the actor, quote or source with
// the index to, with its stance (empty for actors). An event's links are
// its actors, then its quotes, then its sources, one after the other in
// plan.links: plannedEvent holds no pointers, so that a plan of a million
// events costs the garbage collector nothing to scan.
type plannedLink struct {
	to     int
	stance Stance
}

// eventLinks returns the actors, quotes and sources event i links to.
func (p *plan) eventLinks(i int) (actors, quotes, sources []plannedLink) {
	pe := &p.events[i]
	at := int(pe.links)
	q := at + int(pe.actors)
	src := q + int(pe.quotes)
	end := src + int(pe.sources)
	return p.links[at:q], p.links[q:src], p.links[src:end]
}

// resolve validates the whole document and returns its plan. Errors are
// *DocumentError values without File set.
func (d *Document) resolve() (*plan, error) {
	fail := func(rec recordName, field, format string, args ...any) error {
		return &DocumentError{Record: rec.String(), Field: field, Err: fmt.Errorf(format, args...)}
	}
	if d.Format != DocumentFormat {
		return nil, fail(recordName{}, "format", "want %q, got %q", DocumentFormat, d.Format)
	}
	if d.Version != DocumentVersion {
		return nil, fail(recordName{}, "version", "want %d, got %d", DocumentVersion, d.Version)
	}
	if strings.TrimSpace(d.Title) == "" {
		return nil, fail(recordName{}, "title", "missing")
	}
	if err := d.checkLimits(); err != nil {
		return nil, err
	}

	// keys indexes the keys of one list and rejects duplicates.
	keys := func(list string, n int, key func(int) string) (map[string]int, error) {
		m := make(map[string]int, n)
		for i := 0; i < n; i++ {
			k := key(i)
			if k == "" {
				return nil, fail(record(list, i, k), "key", "missing")
			}
			if j, dup := m[k]; dup {
				return nil, fail(record(list, i, k), "key", "duplicate of %s", record(list, j, k))
			}
			m[k] = i
		}
		return m, nil
	}
	// unique rejects a repeated name (such as a lane's) within a list.
	unique := func(list, field string, n int, val func(int) string) error {
		seen := make(map[string]int, n)
		for i := 0; i < n; i++ {
			v := val(i)
			if j, dup := seen[v]; dup {
				return fail(record(list, i, ""), field, "%q is also used by %s", v, record(list, j, ""))
			}
			seen[v] = i
		}
		return nil
	}
	parse := func(rec recordName, field, s string) (Time, error) {
		t, err := parseTime(s)
		if err != nil {
			return Time{}, &DocumentError{Record: rec.String(), Field: field, Err: err}
		}
		return t, nil
	}

	lanes, err := keys("lanes", len(d.Lanes), func(i int) string { return d.Lanes[i].Key })
	if err != nil {
		return nil, err
	}
	for i, l := range d.Lanes {
		rec := record("lanes", i, l.Key)
		if strings.TrimSpace(l.Name) == "" {
			return nil, fail(rec, "name", "missing")
		}
		if !validColor(l.Color) {
			return nil, fail(rec, "color", "%q is not a #RRGGBB colour", l.Color)
		}
	}
	if err := unique("lanes", "name", len(d.Lanes), func(i int) string { return d.Lanes[i].Name }); err != nil {
		return nil, err
	}

	actors, err := keys("actors", len(d.Actors), func(i int) string { return d.Actors[i].Key })
	if err != nil {
		return nil, err
	}
	for i, a := range d.Actors {
		rec := record("actors", i, a.Key)
		if strings.TrimSpace(a.Name) == "" {
			return nil, fail(rec, "name", "missing")
		}
		if !validKind(a.Kind) {
			return nil, fail(rec, "kind", "%q is not person, organisation, state or unnamed", a.Kind)
		}
	}
	if err := unique("actors", "name", len(d.Actors), func(i int) string { return d.Actors[i].Name }); err != nil {
		return nil, err
	}

	p := &plan{
		sources: make([]Time, 0, len(d.Sources)),
		quotes:  make([]plannedQuote, 0, len(d.Quotes)),
		events:  make([]plannedEvent, 0, len(d.Events)),
	}
	sources, err := keys("sources", len(d.Sources), func(i int) string { return d.Sources[i].Key })
	if err != nil {
		return nil, err
	}
	for i, s := range d.Sources {
		rec := record("sources", i, s.Key)
		if strings.TrimSpace(s.Title) == "" {
			return nil, fail(rec, "title", "missing")
		}
		if s.URL != "" {
			u, err := url.Parse(s.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return nil, fail(rec, "url", "%q is not an http or https URL", s.URL)
			}
		}
		var pub Time
		if s.Published != "" {
			if pub, err = parse(rec, "published", s.Published); err != nil {
				return nil, err
			}
		}
		if s.TextFile == "" && s.Text != "" {
			return nil, fail(rec, "text_file", "missing, but the source has a text")
		}
		if !utf8.ValidString(s.Text) {
			return nil, fail(rec, "text_file", "%q is not UTF-8 text", s.TextFile)
		}
		p.sources = append(p.sources, pub)
	}

	quotes, err := keys("quotes", len(d.Quotes), func(i int) string { return d.Quotes[i].Key })
	if err != nil {
		return nil, err
	}
	for i, q := range d.Quotes {
		rec := record("quotes", i, q.Key)
		pq := plannedQuote{speaker: -1}
		var ok bool
		if pq.source, ok = sources[q.Source]; !ok {
			return nil, fail(rec, "source", "unknown source %q", q.Source)
		}
		if q.Speaker != "" {
			if pq.speaker, ok = actors[q.Speaker]; !ok {
				return nil, fail(rec, "speaker", "unknown actor %q", q.Speaker)
			}
		}
		if pq.saidAt, err = parse(rec, "said_at", q.SaidAt); err != nil {
			return nil, err
		}
		if !q.SpeakerConfidence.Valid() {
			return nil, fail(rec, "speaker_confidence", "%q is not high or check", q.SpeakerConfidence)
		}
		if q.Text == "" {
			return nil, fail(rec, "text", "missing")
		}
		src := d.Sources[pq.source]
		switch {
		case src.TextFile == "":
			if q.StartByte != nil || q.EndByte != nil {
				return nil, fail(rec, "start_byte", "source %q has no text to locate the quote in", q.Source)
			}
		case q.StartByte != nil:
			start := *q.StartByte
			if start < 0 || start > int64(len(src.Text)) {
				return nil, fail(rec, "start_byte", "%d is outside the text of source %q", start, q.Source)
			}
			end := start + int64(len(q.Text))
			if end > int64(len(src.Text)) || src.Text[start:end] != q.Text {
				return nil, fail(rec, "start_byte", "%d: the text of source %q does not have the quote there", start, q.Source)
			}
			if q.EndByte != nil && *q.EndByte != end {
				return nil, fail(rec, "end_byte", "%d: want %d, the end of the quote", *q.EndByte, end)
			}
			pq.start, pq.end, pq.hasOffsets = start, end, true
		case q.EndByte != nil:
			return nil, fail(rec, "end_byte", "given without start_byte")
		default:
			at := strings.Index(src.Text, q.Text)
			if at < 0 {
				return nil, fail(rec, "text", "not found in the text of source %q", q.Source)
			}
			if strings.Contains(src.Text[at+1:], q.Text) {
				return nil, fail(rec, "text", "occurs more than once in the text of source %q: give start_byte", q.Source)
			}
			pq.start, pq.end, pq.hasOffsets = int64(at), int64(at+len(q.Text)), true
		}
		p.quotes = append(p.quotes, pq)
	}

	events, err := keys("events", len(d.Events), func(i int) string { return d.Events[i].Key })
	if err != nil {
		return nil, err
	}
	// seen holds an event's actors, tags, quotes or sources so far; it is
	// cleared only if used, as most events use none.
	seen := make(map[string]bool)
	reset := func() {
		if len(seen) > 0 {
			clear(seen)
		}
	}
	for i, e := range d.Events {
		rec := record("events", i, e.Key)
		pe := plannedEvent{derivedQuote: -1}
		var ok bool
		if pe.lane, ok = lanes[e.Lane]; !ok {
			return nil, fail(rec, "lane", "unknown lane %q", e.Lane)
		}
		if strings.TrimSpace(e.Title) == "" {
			return nil, fail(rec, "title", "missing")
		}
		if pe.start, err = parse(rec, "start", e.Start); err != nil {
			return nil, err
		}
		last := pe.start.Unix
		if e.End != "" {
			if pe.end, err = parse(rec, "end", e.End); err != nil {
				return nil, err
			}
			if pe.end.Before(pe.start) {
				return nil, fail(rec, "end", "%q is before start %q", e.End, e.Start)
			}
			last = pe.end.Unix
		}
		if e.EarliestStart != nil {
			t, err := parse(rec, "earliest_start", *e.EarliestStart)
			if err != nil {
				return nil, err
			}
			if t.Unix > pe.start.Unix {
				return nil, fail(rec, "earliest_start", "%q is after start %q", *e.EarliestStart, e.Start)
			}
			pe.earliest, pe.hasEarliest = t.Unix, true
		}
		if e.LatestEnd != nil {
			t, err := parse(rec, "latest_end", *e.LatestEnd)
			if err != nil {
				return nil, err
			}
			end := t.End()
			if end < last {
				return nil, fail(rec, "latest_end", "%q is before the event ends", *e.LatestEnd)
			}
			pe.latest, pe.hasLatest = end, true
		}
		if !e.Status.Valid() {
			return nil, fail(rec, "status", "%q is not reported, confirmed, disputed or expected", e.Status)
		}
		if dv := e.Derived; dv != nil {
			if strings.TrimSpace(dv.Expression) == "" {
				return nil, fail(rec, "derived.expression", "missing")
			}
			if dv.Quote != "" {
				if pe.derivedQuote, ok = quotes[dv.Quote]; !ok {
					return nil, fail(rec, "derived.quote", "unknown quote %q", dv.Quote)
				}
				pe.derivedSaidAt = p.quotes[pe.derivedQuote].saidAt
			}
			if dv.SaidAt != "" {
				t, err := parse(rec, "derived.said_at", dv.SaidAt)
				if err != nil {
					return nil, err
				}
				if dv.Quote != "" && t != pe.derivedSaidAt {
					return nil, fail(rec, "derived.said_at", "%q differs from the said_at of quote %q", dv.SaidAt, dv.Quote)
				}
				pe.derivedSaidAt = t
			}
			if pe.derivedSaidAt.IsZero() {
				return nil, fail(rec, "derived", "needs a quote or a said_at")
			}
		}
		pe.links = len(p.links)
		for j, k := range e.Actors {
			a, ok := actors[k]
			if !ok {
				return nil, fail(rec, "actors["+strconv.Itoa(j)+"]", "unknown actor %q", k)
			}
			if seen[k] {
				return nil, fail(rec, "actors["+strconv.Itoa(j)+"]", "actor %q listed twice", k)
			}
			seen[k] = true
			p.links = append(p.links, plannedLink{to: a})
		}
		reset()
		for j, t := range e.Tags {
			if strings.TrimSpace(t) == "" || seen[t] {
				return nil, fail(rec, "tags["+strconv.Itoa(j)+"]", "empty or repeated tag %q", t)
			}
			seen[t] = true
		}
		reset()
		for j, l := range e.Quotes {
			field := "quotes[" + strconv.Itoa(j) + "]"
			q, ok := quotes[l.Quote]
			if !ok {
				return nil, fail(rec, field, "unknown quote %q", l.Quote)
			}
			if seen[l.Quote] {
				return nil, fail(rec, field, "quote %q linked twice", l.Quote)
			}
			if !l.Stance.Valid() {
				return nil, fail(rec, field+".stance", "%q is not supports or disputes", l.Stance)
			}
			seen[l.Quote] = true
			p.links = append(p.links, plannedLink{to: q, stance: l.Stance})
		}
		reset()
		for j, l := range e.Sources {
			field := "sources[" + strconv.Itoa(j) + "]"
			s, ok := sources[l.Source]
			if !ok {
				return nil, fail(rec, field, "unknown source %q", l.Source)
			}
			if seen[l.Source] {
				return nil, fail(rec, field, "source %q linked twice", l.Source)
			}
			if !l.Stance.Valid() {
				return nil, fail(rec, field+".stance", "%q is not supports or disputes", l.Stance)
			}
			seen[l.Source] = true
			p.links = append(p.links, plannedLink{to: s, stance: l.Stance})
		}
		reset()
		pe.actors, pe.quotes, pe.sources = uint16(len(e.Actors)), uint16(len(e.Quotes)), uint16(len(e.Sources))
		p.events = append(p.events, pe)
	}

	if _, err := keys("periods", len(d.Periods), func(i int) string { return d.Periods[i].Key }); err != nil {
		return nil, err
	}
	p.periods = make([]plannedPeriod, 0, len(d.Periods))
	for i, pd := range d.Periods {
		rec := record("periods", i, pd.Key)
		pp := plannedPeriod{lane: -1}
		if strings.TrimSpace(pd.Title) == "" {
			return nil, fail(rec, "title", "missing")
		}
		if pd.Lane != "" {
			var ok bool
			if pp.lane, ok = lanes[pd.Lane]; !ok {
				return nil, fail(rec, "lane", "unknown lane %q", pd.Lane)
			}
		}
		if pp.start, err = parse(rec, "start", pd.Start); err != nil {
			return nil, err
		}
		if pd.End == "" {
			return nil, fail(rec, "end", "missing: a period has a start and an end")
		}
		if pp.end, err = parse(rec, "end", pd.End); err != nil {
			return nil, err
		}
		if pp.end.Before(pp.start) {
			return nil, fail(rec, "end", "%q is before start %q", pd.End, pd.Start)
		}
		p.periods = append(p.periods, pp)
	}

	for i, st := range d.Stops {
		rec := record("stops", i, "")
		ps := plannedStop{event: -1, quote: -1}
		from, err := parse(rec, "from", st.From)
		if err != nil {
			return nil, err
		}
		to, err := parse(rec, "to", st.To)
		if err != nil {
			return nil, err
		}
		ps.from, ps.to = from.Unix, to.End()+1
		if ps.to <= ps.from {
			return nil, fail(rec, "to", "%q is before from %q", st.To, st.From)
		}
		if len(st.Caption) > MaxCaptionBytes {
			return nil, fail(rec, "caption", "%d bytes long, at most %d allowed", len(st.Caption), MaxCaptionBytes)
		}
		var ok bool
		if st.Event != "" {
			if ps.event, ok = events[st.Event]; !ok {
				return nil, fail(rec, "event", "unknown event %q", st.Event)
			}
		}
		if st.Quote != "" {
			if ps.quote, ok = quotes[st.Quote]; !ok {
				return nil, fail(rec, "quote", "unknown quote %q", st.Quote)
			}
		}
		for j, k := range st.HiddenLanes {
			l, ok := lanes[k]
			if !ok {
				return nil, fail(rec, "hidden_lanes["+strconv.Itoa(j)+"]", "unknown lane %q", k)
			}
			ps.hidden = append(ps.hidden, l)
		}
		p.stops = append(p.stops, ps)
	}
	return p, nil
}

// validColor reports whether c has the form "#RRGGBB".
func validColor(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	for i := 1; i < 7; i++ {
		if !isDigit(c[i]) && !('a' <= c[i] && c[i] <= 'f') && !('A' <= c[i] && c[i] <= 'F') {
			return false
		}
	}
	return true
}

// Package interchange reads and writes timelines in the file formats people
// already have: TimelineJS JSON (versions 2 and 3) and its spreadsheet CSV
// template, vis-timeline DataSet JSON, generic CSV with a column mapping,
// and Quoteline's own JSON. Every reader produces a *data.CheckedDocument,
// which data.Store.ImportChecked then writes in one transaction; every
// writer takes the *data.Document that data.Store.ExportDocument returns.
//
// Each format's dates are read, and written back, in its own convention:
// TimelineJS year -300 is 300 BC, ISO 8601 and vis years are astronomical
// (year 0 is 1 BC); vis ends are the instant a range stops, TimelineJS
// slides' ends given to the day or the year are the last day or year it
// covers, and TimelineJS eras end where their end date begins, as
// TimelineJS draws them.
//
// A record that cannot be read does not keep the others out unless the
// caller wants it to: ReadResult returns the document of the records that
// can be read with the list of those that cannot (see Result and
// RecordsError), and Read refuses the file, naming the first.
package interchange

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/quoteline/quoteline/data"
)

// Format names a file format.
type Format string

// The formats this package knows.
const (
	FormatQuoteline   Format = "json"        // Quoteline's own JSON (data.Document)
	FormatTimelineJS  Format = "timelinejs"  // TimelineJS JSON, version 3 or 2
	FormatTimelineCSV Format = "timelinecsv" // the TimelineJS spreadsheet template saved as CSV
	FormatVis         Format = "vis"         // vis-timeline DataSet JSON
	FormatCSV         Format = "csv"         // generic CSV, one event a row
	FormatArticle     Format = "article"     // a news article, plain text or HTML (see data/extract)
)

// Formats lists the formats ParseFormat accepts, for help texts.
var Formats = []Format{FormatQuoteline, FormatTimelineJS, FormatTimelineCSV, FormatVis, FormatCSV, FormatArticle}

// ParseFormat returns the Format named s (case-insensitive; "quoteline" is
// accepted for "json").
func ParseFormat(s string) (Format, error) {
	f := Format(strings.ToLower(strings.TrimSpace(s)))
	if f == "quoteline" {
		return FormatQuoteline, nil
	}
	for _, g := range Formats {
		if f == g {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, g := range Formats {
		names[i] = string(g)
	}
	return "", fmt.Errorf("unknown format %q: want one of %s", s, strings.Join(names, ", "))
}

// Detect guesses the format of the file name from its extension and its
// first bytes, head (a few kilobytes are enough). A file it cannot place
// is refused with the formats it looked for named.
func Detect(name string, head []byte) (Format, error) {
	ext := strings.ToLower(filepath.Ext(name))
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	switch {
	case ext == ".html" || ext == ".htm" || ext == ".txt" || ext == ".text":
		return FormatArticle, nil
	case ext == ".csv" || ext == ".tsv":
		if isTimelineCSVHeader(head) {
			return FormatTimelineCSV, nil
		}
		return FormatCSV, nil
	case len(trimmed) > 0 && trimmed[0] == '[':
		return FormatVis, nil
	case len(trimmed) > 0 && trimmed[0] == '{':
		// Look at the top-level keys that fit in head.
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		if _, err := dec.Token(); err != nil {
			break
		}
		for dec.More() {
			t, err := dec.Token()
			if err != nil {
				break
			}
			k, _ := t.(string)
			switch k {
			case "format":
				var v string
				if dec.Decode(&v) == nil && v == data.DocumentFormat {
					return FormatQuoteline, nil
				}
				continue
			case "events", "eras", "timeline":
				return FormatTimelineJS, nil // version 3, or 2 ("timeline")
			case "items", "groups":
				return FormatVis, nil
			}
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				break
			}
		}
	case bytes.HasPrefix(bytes.ToLower(trimmed), []byte("<!doctype html")) || bytes.HasPrefix(bytes.ToLower(trimmed), []byte("<html")):
		return FormatArticle, nil
	}
	return "", fmt.Errorf("%s: cannot tell the format: it is none of Quoteline JSON (\"format\": \"quoteline\"), "+
		"TimelineJS 3 JSON (\"events\"), TimelineJS 2 JSON (\"timeline\" with \"date\"), a vis DataSet (a list of items, "+
		"or \"items\" and \"groups\"), a CSV file (.csv, .tsv) or an article (.html, .txt); name it with --from (%s)",
		quote(filepath.Base(name)), formatList())
}

func formatList() string {
	var b strings.Builder
	for i, f := range Formats {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(string(f))
	}
	return b.String()
}

// Options adjust how files are read.
type Options struct {
	// CSV maps the columns of a generic CSV file; the zero value finds
	// them by their header names.
	CSV CSVMapping
	// Progress, if set, is called now and then with the number of bytes
	// read so far.
	Progress func(read int64)
	// MaxBytes is the most input read; 0 means MaxImportBytes.
	MaxBytes int64
	// Zone is the clock that times of day written without an offset are
	// read on (vis and CSV files); nil is UTC. The app and the command
	// line pass the computer's zone unless the user picks another.
	// TimelineJS times are read in UTC.
	Zone *time.Location
	// DateOrder reads the CSV dates written in numbers alone (3/11/2015)
	// in that order of day, month and year; "" chooses the order under
	// which every such date of the file reads (see Result.DateOrder).
	DateOrder data.DateOrder
	// lines, if above 0, is the number of lines of a CSV file, counted
	// by ReadFile: the most rows it can have.
	lines int
}

// MaxImportBytes is the largest file Quoteline imports: reading one
// builds the whole timeline in memory before it is written.
const MaxImportBytes = 512 << 20

// errTooLarge says a file of size bytes (-1: unknown) is over limit.
func errTooLarge(size, limit int64) error {
	if size < 0 {
		return fmt.Errorf("larger than the %s Quoteline imports at once: split it into smaller files", data.FormatBytes(limit))
	}
	return fmt.Errorf("%s is more than the %s Quoteline imports at once: split it into smaller files", data.FormatBytes(size), data.FormatBytes(limit))
}

// limitReader reads at most left bytes from r, then fails, noting over.
type limitReader struct {
	r    io.Reader
	left int64
	over bool
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		l.over = true
		return 0, errors.New("input too large")
	}
	if int64(len(p)) > l.left {
		p = p[:l.left]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	return n, err
}

// ReadFile reads the file at path in format f (not FormatArticle, which
// data/extract handles) and returns it checked, ready to be imported. A
// file with records that cannot be read is refused with a *RecordsError
// (see ReadFileResult to import the others).
func ReadFile(path string, f Format, opt Options) (*data.CheckedDocument, error) {
	res, err := ReadFileResult(path, f, opt)
	if err != nil {
		return nil, err
	}
	return res.Doc, res.Err()
}

// ReadFileResult reads the file at path as ReadFile does, and returns the
// records that can be read with the list of those that cannot.
func ReadFileResult(path string, f Format, opt Options) (*Result, error) {
	if f == FormatQuoteline {
		c, err := data.ReadCheckedDocument(os.DirFS(filepath.Dir(path)), filepath.Base(path))
		if err != nil {
			return nil, err
		}
		return &Result{File: filepath.Base(path), Format: f, Doc: c, Records: len(c.Document().Events)}, nil
	}
	file, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	if st, err := file.Stat(); err == nil && st.Size() > MaxImportBytes {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), errTooLarge(st.Size(), MaxImportBytes))
	}
	if f == FormatCSV {
		// Knowing at most how many events there are, the reader can put
		// them where they stay at once, not in blocks joined afterwards.
		if opt.lines, err = countLines(file); err != nil {
			return nil, fmt.Errorf("read %s: %w", filepath.Base(path), err)
		}
	}
	var r io.Reader = file
	if opt.Progress != nil {
		r = &progressReader{r: file, fn: opt.Progress}
	}
	return ReadResult(r, filepath.Base(path), f, opt)
}

// countLines returns the number of lines in f, read from its start, with
// lines ending in CR, LF or CRLF, and leaves f at its start again.
func countLines(f *os.File) (int, error) {
	buf := make([]byte, 1<<16)
	lines, lastCR := 1, false
	for {
		n, err := f.Read(buf)
		if b := buf[:n]; n > 0 {
			lines += bytes.Count(b, []byte{'\n'}) + bytes.Count(b, []byte{'\r'}) - bytes.Count(b, []byte("\r\n"))
			if lastCR && b[0] == '\n' {
				lines-- // a CRLF across two reads
			}
			lastCR = b[n-1] == '\r'
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, err
		}
	}
	_, err := f.Seek(0, io.SeekStart)
	return lines, err
}

// Read reads a file called name (used in error messages) in format f from
// r, and returns it checked, ready to be imported. A file with records that
// cannot be read is refused with a *RecordsError. FormatQuoteline documents
// read this way cannot have source text files.
func Read(r io.Reader, name string, f Format, opt Options) (*data.CheckedDocument, error) {
	res, err := ReadResult(r, name, f, opt)
	if err != nil {
		return nil, err
	}
	return res.Doc, res.Err()
}

// ReadResult reads a file as Read does, and returns the records that can
// be read, checked, with the list of those that cannot. It fails only when
// the file as a whole cannot be read (not JSON, no header, too large).
func ReadResult(r io.Reader, name string, f Format, opt Options) (res *Result, err error) {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = MaxImportBytes
	}
	lr := &limitReader{r: r, left: limit}
	r = lr
	defer func() {
		if lr.over {
			res, err = nil, fmt.Errorf("%s: %w", name, errTooLarge(-1, limit))
		}
	}()
	var b *builder
	switch f {
	case FormatQuoteline:
		var doc *data.Document
		if doc, err = readQuoteline(r, name); err != nil {
			return nil, err
		}
		b = newBuilder(name, opt)
		b.doc, b.records = doc, len(doc.Events)
	case FormatTimelineJS:
		b, err = readTimelineJS(r, name, opt)
	case FormatTimelineCSV:
		b, err = readTimelineCSV(r, name, opt)
	case FormatVis:
		b, err = readVis(r, name, opt)
	case FormatCSV:
		b, err = readCSV(r, name, opt)
	default:
		return nil, fmt.Errorf("%s: format %q is not a timeline format", name, f)
	}
	if err != nil {
		return nil, err
	}
	res, err = b.result(f)
	if err != nil {
		var de *data.DocumentError
		if errors.As(err, &de) && de.File == "" {
			de.File = name
		}
		return nil, err
	}
	return res, nil
}

// readJSON reads a whole JSON file from r, without the byte order mark
// some editors put at its start.
func readJSON(r io.Reader, name string) ([]byte, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, &data.DocumentError{File: name, Err: err}
	}
	return bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")), nil
}

func readQuoteline(r io.Reader, name string) (*data.Document, error) {
	raw, err := readJSON(r, name)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var doc data.Document
	if err := dec.Decode(&doc); err != nil {
		return nil, &data.DocumentError{File: name, Record: data.JSONPosition(raw, err), Err: fmt.Errorf("invalid JSON: %w", err)}
	}
	return &doc, nil
}

// progressReader reports the bytes read through it.
type progressReader struct {
	r    io.Reader
	n    int64
	last int64
	fn   func(int64)
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n += int64(n)
	if p.n-p.last >= 1<<20 || err == io.EOF {
		p.last = p.n
		p.fn(p.n)
	}
	return n, err
}

// laneColors are given to imported lanes in turn: distinct, and dark enough
// for white labels.
var laneColors = []string{"#1F77B4", "#D62728", "#2CA02C", "#9467BD", "#FF7F0E", "#8C564B", "#E377C2", "#17BECF", "#7F7F7F", "#BCBD22"}

// builder assembles a Document from records read one by one, and lists
// those that cannot be read.
type builder struct {
	doc     *data.Document
	name    string // the file's name, for messages
	opt     Options
	lanes   map[string]string // lane name -> key
	sources map[[3]string]string
	// events are gathered in blocks and joined once by document: a
	// million events appended to one slice would be copied again and again
	// as it grows.
	events  [][]data.DocumentEvent
	nEvents int
	// origins names the record each event (and each period, in
	// periodOrigins) was read from: the number of its line or its index
	// in its list, named by recordName.
	origins       []int32
	periodOrigins []int32
	recordName    func(n int32) string
	records       int // records in the file
	problems      []Problem
	nProblems     int
	dateOrder     data.DateOrder
	dateOrders    []data.DateOrder
	notes         []string // how the file was repaired, for Result.Notes
}

// eventBlock is the largest number of events in one of builder.events.
const eventBlock = 4096

// expect makes room for up to n events in one block, which document then
// takes as it is: see builder.events.
func (b *builder) expect(n int) {
	if len(b.events) == 0 && n > 0 {
		n = min(n, data.MaxDocumentEvents+1)
		b.events = append(b.events, make([]data.DocumentEvent, 0, n))
		b.origins = make([]int32, 0, n)
	}
}

// document returns the document built, with every event added.
func (b *builder) document() *data.Document {
	if len(b.events) == 1 {
		b.doc.Events, b.events = b.events[0], nil
		return b.doc
	}
	if len(b.events) == 0 {
		return b.doc
	}
	b.doc.Events = slices.Grow(b.doc.Events[:0], b.nEvents)
	for _, block := range b.events {
		b.doc.Events = append(b.doc.Events, block...)
	}
	b.events = nil
	return b.doc
}

func newBuilder(name string, opt Options) *builder {
	return &builder{
		doc: &data.Document{Format: data.DocumentFormat, Version: data.DocumentVersion,
			Lanes: []data.DocumentLane{}, Actors: []data.DocumentActor{}, Sources: []data.DocumentSource{},
			Quotes: []data.DocumentQuote{}, Events: []data.DocumentEvent{}},
		name:       name,
		opt:        opt,
		lanes:      map[string]string{},
		sources:    map[[3]string]string{},
		recordName: func(n int32) string { return "events[" + strconv.Itoa(int(n)) + "]" },
	}
}

// defaultLane is the lane of events that name none.
const defaultLane = "Events"

// lane returns the key of the lane called name, adding it if new.
func (b *builder) lane(name string) string {
	name = strings.TrimSpace(name)
	if name == "" {
		name = defaultLane
	}
	if k, ok := b.lanes[name]; ok {
		return k
	}
	k := "lane-" + strconv.Itoa(len(b.doc.Lanes)+1)
	b.doc.Lanes = append(b.doc.Lanes, data.DocumentLane{Key: k, Name: name, Color: laneColors[len(b.doc.Lanes)%len(laneColors)]})
	b.lanes[name] = k
	return k
}

// source returns the key of a source for a piece of media (url, caption,
// credit), adding it if new; "" if all three are empty.
func (b *builder) source(url, caption, credit string) string {
	url, caption, credit = strings.TrimSpace(url), strings.TrimSpace(caption), strings.TrimSpace(credit)
	if strings.HasPrefix(url, "//") {
		url = "https:" + url // protocol-relative, as TimelineJS 2 files have them
	}
	if url == "" && caption == "" && credit == "" {
		return ""
	}
	id := [3]string{url, caption, credit}
	if k, ok := b.sources[id]; ok {
		return k
	}
	src := data.DocumentSource{Key: "source-" + strconv.Itoa(len(b.doc.Sources)+1), Title: caption, Outlet: credit}
	if isWebURL(url) {
		src.URL = url
	} else if url != "" {
		src.Summary = "Media: " + url
	}
	if src.Title == "" {
		src.Title = firstNonEmpty(credit, url)
	}
	b.doc.Sources = append(b.doc.Sources, src)
	b.sources[id] = src.Key
	return src.Key
}

// event adds e, read from record origin (see builder.origins), with a key
// made from its position.
func (b *builder) event(e data.DocumentEvent, origin int) {
	if e.Key == "" {
		e.Key = "event-" + strconv.Itoa(b.nEvents+1)
	}
	if e.Status == "" {
		e.Status = data.StatusReported
	}
	if len(b.events) == 0 || len(b.events[len(b.events)-1]) == cap(b.events[len(b.events)-1]) {
		// Blocks grow from 64 events to eventBlock, so that a small file
		// costs little.
		b.events = append(b.events, make([]data.DocumentEvent, 0, min(eventBlock, max(64, b.nEvents))))
	}
	last := &b.events[len(b.events)-1]
	*last = append(*last, e)
	b.origins = append(b.origins, int32(origin))
	b.nEvents++
}

// period adds p, read from record origin.
func (b *builder) period(p data.DocumentPeriod, origin int) {
	p.Key = "period-" + strconv.Itoa(len(b.doc.Periods)+1)
	b.doc.Periods = append(b.doc.Periods, p)
	b.periodOrigins = append(b.periodOrigins, int32(origin))
}

// maxProblems is the most unreadable records a Result lists; it counts
// them all.
const maxProblems = 1000

// skip notes that the record named rec cannot be read, for err.
func (b *builder) skip(rec, field string, err error) {
	var de *data.DocumentError
	if errors.As(err, &de) {
		rec, field, err = cmp.Or(de.Record, rec), cmp.Or(de.Field, field), de.Err
	}
	b.nProblems++
	if len(b.problems) < maxProblems {
		b.problems = append(b.problems, Problem{Record: rec, Field: field, Err: err})
	}
}

// maxRechecks is the most records found wanting by data.CheckDocument that
// result leaves out one by one before it gives up and refuses the file.
const maxRechecks = 100

// result checks the document built. A record the checks refuse (a title
// too long) is listed as a problem and left out, and the rest checked
// again.
func (b *builder) result(f Format) (*Result, error) {
	doc := b.document()
	res := &Result{File: b.name, Format: f, Records: b.records, DateOrder: b.dateOrder, DateOrders: b.dateOrders, notes: b.notes}
	if doc.Title == "" {
		doc.Title = strings.TrimSuffix(b.name, filepath.Ext(b.name))
		if strings.TrimSpace(doc.Title) == "" {
			doc.Title = "Imported timeline"
		}
	}
	for range maxRechecks {
		c, err := data.CheckDocument(doc)
		if err == nil {
			res.Doc = c
			break
		}
		var de *data.DocumentError
		if !errors.As(err, &de) || f == FormatQuoteline {
			return nil, err
		}
		list, i, ok := recordIndex(de.Record)
		switch {
		case ok && list == "events" && i < len(doc.Events) && i < len(b.origins):
			b.skip(b.recordName(b.origins[i]), de.Field, de.Err)
			doc.Events = slices.Delete(doc.Events, i, i+1)
			b.origins = slices.Delete(b.origins, i, i+1)
		case ok && list == "periods" && i < len(doc.Periods) && i < len(b.periodOrigins):
			b.skip(b.recordName(b.periodOrigins[i]), de.Field, de.Err)
			doc.Periods = slices.Delete(doc.Periods, i, i+1)
			b.periodOrigins = slices.Delete(b.periodOrigins, i, i+1)
		default:
			return nil, err
		}
	}
	if res.Doc == nil {
		return nil, fmt.Errorf("%s: more than %d records cannot be read; the first: %v", b.name, maxRechecks, b.problems[0])
	}
	res.Skipped, res.SkippedCount = b.problems, b.nProblems
	if len(doc.Events) == 0 && len(doc.Periods) == 0 && b.nProblems > 0 {
		res.Doc = nil // nothing can be read
	}
	return res, nil
}

// recordIndex reads "events[12]" (and what follows) as ("events", 12).
func recordIndex(rec string) (list string, i int, ok bool) {
	open := strings.IndexByte(rec, '[')
	close := strings.IndexByte(rec, ']')
	if open <= 0 || close < open {
		return "", 0, false
	}
	i, err := strconv.Atoi(rec[open+1 : close])
	return rec[:open], i, err == nil
}

// Problem is a record of a file that cannot be read, and why.
type Problem struct {
	Record string // where it is: "line 12", "events[3]", "items[7]"
	Field  string // the field at fault, if one is: "start", `"Date"`
	Err    error
}

func (p Problem) Error() string {
	if p.Field != "" {
		return p.Record + " " + p.Field + ": " + p.Err.Error()
	}
	return p.Record + ": " + p.Err.Error()
}

// Result is a file as read: the records that can be read, and what was
// left out and chosen in reading them.
type Result struct {
	File   string // the file's name
	Format Format
	// Doc is the document of the records that can be read, checked; nil
	// if none can.
	Doc *data.CheckedDocument
	// Records is the number of records in the file: events and eras,
	// items, rows.
	Records int
	// Skipped lists the records that cannot be read, in the order of the
	// file (the first maxProblems of them); SkippedCount counts them all.
	Skipped      []Problem
	SkippedCount int
	// DateOrder is the order of day, month and year in which a CSV file's
	// dates written in numbers alone were read ("" if it has none), and
	// DateOrders every order in which all of them read: more than one
	// means the choice was a guess (month, day, year when it could be).
	DateOrder  data.DateOrder
	DateOrders []data.DateOrder
	notes      []string
}

// Err returns nil if every record could be read, else a *RecordsError.
func (r *Result) Err() error {
	if r.SkippedCount == 0 {
		return nil
	}
	return &RecordsError{Result: r}
}

// RecordsError refuses a file some of whose records cannot be read,
// naming the first. It matches data.ErrInvalidDocument with errors.Is.
// Its Result holds the others, for a caller that imports them anyway.
type RecordsError struct {
	Result *Result
}

func (e *RecordsError) Error() string {
	r := e.Result
	var b strings.Builder
	b.WriteString(r.File + ": " + r.Skipped[0].Error())
	if more := r.SkippedCount - 1; more > 0 {
		fmt.Fprintf(&b, " (and %d more %s that cannot be read)", more, plural(more, "record", "records"))
	}
	readable := 0
	if r.Doc != nil {
		readable = len(r.Doc.Document().Events) + len(r.Doc.Document().Periods)
	}
	fmt.Fprintf(&b, "; %d of its %d %s can be read", readable, r.Records, plural(r.Records, "record", "records"))
	return b.String()
}

// Is makes a RecordsError match data.ErrInvalidDocument.
func (e *RecordsError) Is(target error) bool { return target == data.ErrInvalidDocument }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Summary says in one line how much of the file could be read: "36 of
// the 40 records of x.csv read; 4 left out".
func (r *Result) Summary() string {
	read := 0
	if r.Doc != nil {
		read = len(r.Doc.Document().Events) + len(r.Doc.Document().Periods)
	}
	s := fmt.Sprintf("%d of the %d %s of %s read", read, r.Records, plural(r.Records, "record", "records"), r.File)
	if r.SkippedCount > 0 {
		s += fmt.Sprintf("; %d left out", r.SkippedCount)
	}
	return s
}

// Repairs says how the file was repaired to be read: read as
// Windows-1252, short lines filled.
func (r *Result) Repairs() []string { return r.notes }

// Notes says what a person should know about how the file was read: how
// it was repaired (Repairs), and the order in which dates in numbers alone
// were read when another order would have read them all too, with the
// command line's flag for it.
func (r *Result) Notes() []string {
	notes := slices.Clip(r.Repairs())
	if len(r.DateOrders) > 1 {
		var others []string
		for _, o := range r.DateOrders {
			if o != r.DateOrder {
				others = append(others, orderName(o)+" (--date-order "+string(o)+")")
			}
		}
		notes = append(notes, fmt.Sprintf("dates written in numbers alone were read %s; every one of them reads %s too",
			orderName(r.DateOrder), strings.Join(others, " or ")))
	}
	return notes
}

// ParseZone returns the zone named name, for Options.Zone: "local" (or "")
// the computer's, "UTC", or a zone of the tz database such as
// "Europe/Berlin".
func ParseZone(name string) (*time.Location, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "local":
		return time.Local, nil
	case "utc", "z":
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(strings.TrimSpace(name))
	if err != nil {
		return nil, fmt.Errorf("time zone %s is not known: give local, UTC or a name such as Europe/Berlin", quote(name))
	}
	return loc, nil
}

// maxQuoted is the most characters of a file's text that a message quotes.
const maxQuoted = 120

// quote quotes text from a file for a message: escaped as Go quotes it
// (so that no control character reaches a terminal) and cut to maxQuoted
// characters.
func quote(s string) string {
	if utf8.RuneCountInString(s) > maxQuoted {
		s = truncate(s, maxQuoted-1) + "…"
	}
	return strconv.Quote(s)
}

// truncate returns the first n runes of s.
func truncate(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func isWebURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

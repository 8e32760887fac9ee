// Package interchange reads and writes timelines in the file formats people
// already have: TimelineJS3 JSON and its spreadsheet CSV template,
// vis-timeline DataSet JSON, generic CSV with a column mapping, and
// Quoteline's own JSON. Every reader produces a *data.CheckedDocument, which
// data.Store.ImportChecked then writes in one transaction; every writer
// takes the *data.Document that data.Store.ExportDocument returns.
package interchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/quoteline/quoteline/data"
)

// Format names a file format.
type Format string

// The formats this package knows.
const (
	FormatQuoteline   Format = "json"        // Quoteline's own JSON (data.Document)
	FormatTimelineJS  Format = "timelinejs"  // TimelineJS3 JSON
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
// first bytes, head (a few kilobytes are enough).
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
			case "events", "eras":
				return FormatTimelineJS, nil
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
	return "", fmt.Errorf("%s: cannot tell the format; name it with --from (%s)", filepath.Base(name), formatList())
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
// data/extract handles) and returns it checked, ready to be imported.
func ReadFile(path string, f Format, opt Options) (*data.CheckedDocument, error) {
	if f == FormatQuoteline {
		// The texts are read beside the document itself, wherever a link
		// to it was given.
		real, err := filepath.EvalSymlinks(path)
		if err != nil {
			return nil, err
		}
		folder, err := openSourceFolder(filepath.Dir(real))
		if err != nil {
			return nil, err
		}
		defer folder.close()
		return data.ReadCheckedDocument(folder, filepath.Base(real))
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
	return Read(r, filepath.Base(path), f, opt)
}

// countLines returns the number of lines in f, read from its start, and
// leaves f at its start again.
func countLines(f *os.File) (int, error) {
	buf := make([]byte, 1<<16)
	lines := 1
	for {
		n, err := f.Read(buf)
		lines += bytes.Count(buf[:n], []byte{'\n'})
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
// r, and returns it checked, ready to be imported. FormatQuoteline documents
// read this way cannot have source text files.
func Read(r io.Reader, name string, f Format, opt Options) (checked *data.CheckedDocument, err error) {
	limit := opt.MaxBytes
	if limit <= 0 {
		limit = MaxImportBytes
	}
	lr := &limitReader{r: r, left: limit}
	r = lr
	defer func() {
		if lr.over {
			checked, err = nil, fmt.Errorf("%s: %w", name, errTooLarge(-1, limit))
		}
	}()
	var doc *data.Document
	switch f {
	case FormatQuoteline:
		doc, err = readQuoteline(r, name)
	case FormatTimelineJS:
		doc, err = readTimelineJS(r, name)
	case FormatTimelineCSV:
		doc, err = readTimelineCSV(r, name)
	case FormatVis:
		doc, err = readVis(r, name)
	case FormatCSV:
		doc, err = readCSV(r, name, opt.CSV, opt.lines)
	default:
		return nil, fmt.Errorf("%s: format %q is not a timeline format", name, f)
	}
	if err != nil {
		return nil, err
	}
	if doc.Title == "" {
		doc.Title = strings.TrimSuffix(name, filepath.Ext(name))
		if strings.TrimSpace(doc.Title) == "" {
			doc.Title = "Imported timeline"
		}
	}
	c, err := data.CheckDocument(doc)
	if err != nil {
		var de *data.DocumentError
		if errors.As(err, &de) && de.File == "" {
			de.File = name
		}
		return nil, err
	}
	return c, nil
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

// builder assembles a Document from records read one by one.
type builder struct {
	doc     *data.Document
	lanes   map[string]string // lane name -> key
	sources map[[3]string]string
	// events are gathered in blocks and joined once by document: a
	// million events appended to one slice would be copied again and again
	// as it grows.
	events  [][]data.DocumentEvent
	nEvents int
}

// eventBlock is the largest number of events in one of builder.events.
const eventBlock = 4096

// expect makes room for up to n events in one block, which document then
// takes as it is: see builder.events.
func (b *builder) expect(n int) {
	if len(b.events) == 0 && n > 0 {
		b.events = append(b.events, make([]data.DocumentEvent, 0, min(n, data.MaxDocumentEvents+1)))
	}
}

// document returns the document built, with every event added.
func (b *builder) document() *data.Document {
	if len(b.events) == 1 {
		b.doc.Events, b.events = b.events[0], nil
		return b.doc
	}
	b.doc.Events = slices.Grow(b.doc.Events[:0], b.nEvents)
	for _, block := range b.events {
		b.doc.Events = append(b.doc.Events, block...)
	}
	b.events = nil
	return b.doc
}

func newBuilder() *builder {
	return &builder{
		doc: &data.Document{Format: data.DocumentFormat, Version: data.DocumentVersion,
			Lanes: []data.DocumentLane{}, Actors: []data.DocumentActor{}, Sources: []data.DocumentSource{},
			Quotes: []data.DocumentQuote{}, Events: []data.DocumentEvent{}},
		lanes:   map[string]string{},
		sources: map[[3]string]string{},
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

// event adds e with a key made from its position.
func (b *builder) event(e data.DocumentEvent) {
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
	b.nEvents++
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

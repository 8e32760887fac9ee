package interchange

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/quoteline/quoteline/data"
)

// CSVMapping names the columns of a generic CSV file, by header name
// (case-insensitive) or by 1-based number. An empty field is found from the
// header by common names (for Title: "title", "headline", "name",
// "event"; see csvAliases). Title and Start are required.
type CSVMapping struct {
	Title, Start, End, Lane, Summary, Status, DateNote, Tags string
	// Type says what a row is: an event ("", "event", "point", "range")
	// or a period ("period", "era", "background"), drawn behind its lane
	// or, without one, behind every lane.
	Type string
	// Comma is the field separator; 0 means ',' (or tab for a header
	// with tabs and no commas).
	Comma rune
}

// csvAliases are the header names each field is found under when the
// mapping does not name its column, in order of preference.
var csvAliases = map[string][]string{
	"title": {"title", "headline", "name", "event", "content", "label"},
	"start": {"start", "start date", "start_date", "start time", "start_time", "date", "begin", "from", "when",
		"datetime", "date time", "date/time", "date and time", "timestamp", "year", "time"},
	"end":       {"end", "end date", "end_date", "end time", "end_time", "until", "to", "end year"},
	"lane":      {"lane", "group", "category", "track", "era"},
	"summary":   {"summary", "description", "text", "details", "notes"},
	"status":    {"status"},
	"date_note": {"date_note", "date note"},
	"tags":      {"tags", "tag", "labels"},
	"type":      {"type", "kind"},
}

// csvFields are the fields in the order they are exported.
var csvFields = []string{"title", "start", "end", "lane", "summary", "status", "date_note", "tags", "type"}

// The fields by their index in csvFields.
const (
	colTitle = iota
	colStart
	colEnd
	colLane
	colSummary
	colStatus
	colDateNote
	colTags
	colType
)

// csvColumns holds, for each of csvFields, the 0-based column that holds
// it, or -1: what resolveColumns found, to read each row by.
type csvColumns [9]int

// columnsOf returns cols as csvColumns.
func columnsOf(cols map[string]int) csvColumns {
	var c csvColumns
	for i, f := range csvFields {
		c[i] = cols[f]
	}
	return c
}

// CSVFields are the fields a CSV column can hold, as CSVMapping names
// them, in the order the export writes them.
func CSVFields() []string { return append([]string(nil), csvFields...) }

// ReadCSVStart reads the header of a CSV file and its first row (nil if
// there is none), guessing the separator as the importer does: tab when the
// first line has tabs and no commas.
func ReadCSVStart(r io.Reader) (header, first []string, comma rune, err error) {
	rows, err := newRowReader(r, "", 0)
	if err != nil {
		return nil, nil, 0, err
	}
	first, _, err = rows.next()
	if err != nil {
		first = nil
	}
	return rows.header, append([]string(nil), first...), rows.cr.Comma, nil
}

// Column returns the field of m that names the column of field, one of
// CSVFields, or nil for another name.
func (m *CSVMapping) Column(field string) *string {
	switch field {
	case "title":
		return &m.Title
	case "start":
		return &m.Start
	case "end":
		return &m.End
	case "lane":
		return &m.Lane
	case "summary":
		return &m.Summary
	case "status":
		return &m.Status
	case "date_note":
		return &m.DateNote
	case "tags":
		return &m.Tags
	case "type":
		return &m.Type
	}
	return nil
}

// csvComma guesses the separator from the first line waiting in br.
func csvComma(br *bufio.Reader) rune {
	first, err := br.Peek(4096)
	if err != nil && len(first) == 0 {
		return ','
	}
	line := first
	if i := bytes.IndexAny(first, "\r\n"); i >= 0 {
		line = first[:i]
	}
	if bytes.Contains(line, []byte("\t")) && !bytes.Contains(line, []byte(",")) {
		return '\t'
	}
	return ','
}

// GuessCSVColumns returns, for each of CSVFields, the 0-based column of
// header the importer would take for it without a mapping, or -1.
func GuessCSVColumns(header []string) map[string]int {
	cols, _ := CSVMapping{}.resolveColumns(header)
	return cols
}

// headerList writes header's names for a message, each quoted and cut.
func headerList(header []string) string {
	names := make([]string, 0, min(len(header), 21))
	for i, h := range header {
		if i == 20 {
			names = append(names, fmt.Sprintf("and %d more", len(header)-20))
			break
		}
		names = append(names, quote(h))
	}
	return strings.Join(names, ", ")
}

// resolveColumns returns the column index of each field (-1 if absent); it
// fails if a named column is not in header or title or start has none, and
// then returns what it found.
func (m CSVMapping) resolveColumns(header []string) (map[string]int, error) {
	index := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := index[h]; !dup {
			index[h] = i
		}
	}
	cols := map[string]int{}
	used := map[int]string{}
	for _, f := range csvFields {
		cols[f] = -1
		if g := strings.TrimSpace(*m.Column(f)); g != "" {
			i, ok := index[strings.ToLower(g)]
			if !ok {
				n, err := strconv.Atoi(g)
				if err != nil || n < 1 || n > len(header) {
					return nil, fmt.Errorf("column %s for %s is not in the header (%s)", quote(g), f, headerList(header))
				}
				i = n - 1
			}
			cols[f] = i
			used[i] = f
			continue
		}
	}
	for _, f := range csvFields {
		if cols[f] >= 0 {
			continue
		}
		for _, a := range csvAliases[f] {
			if i, ok := index[a]; ok {
				if _, taken := used[i]; !taken {
					cols[f] = i
					used[i] = f
					break
				}
			}
		}
	}
	if cols["title"] < 0 && cols["summary"] >= 0 {
		// A file of dates and texts: the texts are the titles, as
		// TimelineJS takes a slide's text when it has no headline.
		cols["title"], cols["summary"] = cols["summary"], -1
	}
	for _, f := range []string{"title", "start"} {
		if cols[f] < 0 {
			return cols, fmt.Errorf("no %s column: name it (the header has %s)", f, headerList(header))
		}
	}
	return cols, nil
}

// rowReader reads the rows of a CSV file whose lines end in CR, LF or
// CRLF, after its header, checking each: its text must be UTF-8 (or the
// whole file Windows-1252, as spreadsheets save it, see text) without NUL
// bytes, and it must have as many fields as the header (or more, all
// empty; or fewer, the missing ones read as empty and the line noted).
// Its cr is set to read the file's separator.
type rowReader struct {
	cr     *csv.Reader
	header []string
	fatal  error // reading the file itself failed
	// charset is what the file's text has shown itself to be so far:
	// "" (ASCII only), "utf8" or "cp1252".
	charset string
	// short are the first lines with fewer fields than the header;
	// nShort counts them all.
	short  []int
	nShort int
	buf    []string // the fields of the last row, decoded
}

// maxNotedLines is the most lines a note lists.
const maxNotedLines = 5

// notes says how the file was repaired: its charset, its short lines.
func (r *rowReader) notes() []string {
	var out []string
	if r.charset == "cp1252" {
		out = append(out, "the file is not UTF-8: it was read as Windows-1252 (Western European), as spreadsheets often save it")
	}
	if r.nShort > 0 {
		lines := make([]string, len(r.short))
		for i, l := range r.short {
			lines[i] = strconv.Itoa(l)
		}
		list := strings.Join(lines, ", ")
		if more := r.nShort - len(r.short); more > 0 {
			list += fmt.Sprintf(" and %d more", more)
		}
		out = append(out, fmt.Sprintf("%s %s fewer fields than the header (%d): the missing ones at the end were read as empty",
			plural(r.nShort, "line "+list+" has", "lines "+list+" have"), "", len(r.header)))
		out[len(out)-1] = strings.Replace(out[len(out)-1], "  ", " ", 1)
	}
	return out
}

// text checks the fields of a row as the file's charset: every one UTF-8,
// or, once the file has shown a byte that is not, all read as Windows-1252
// (unless it had shown UTF-8 text before, when the row is refused).
func (r *rowReader) text(rec []string) ([]string, error) {
	high := false
	for _, f := range rec {
		for i := 0; i < len(f); i++ {
			if f[i] >= 0x80 {
				high = true
				break
			}
		}
	}
	if !high {
		return rec, checkText(rec)
	}
	if r.charset != "cp1252" {
		err := checkText(rec)
		if err == nil {
			r.charset = "utf8"
			return rec, nil
		}
		if r.charset == "utf8" || strings.Contains(err.Error(), "NUL") {
			return nil, err
		}
		r.charset = "cp1252"
	}
	r.buf = r.buf[:0]
	dec := charmap.Windows1252.NewDecoder()
	for _, f := range rec {
		t, err := dec.String(f)
		if err != nil {
			return nil, err
		}
		r.buf = append(r.buf, t)
	}
	return r.buf, checkText(r.buf)
}

// newRowReader reads the header of the CSV file r called name, with comma
// as separator (0: guessed).
func newRowReader(r io.Reader, name string, comma rune) (*rowReader, error) {
	br := bufio.NewReaderSize(&crReader{r: r}, 1<<16)
	if bom, err := br.Peek(3); err == nil && string(bom) == "\xef\xbb\xbf" {
		br.Discard(3)
	}
	if comma == 0 {
		comma = csvComma(br)
	}
	cr := csv.NewReader(br)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	rows := &rowReader{cr: cr}
	header, err := cr.Read()
	if err == io.EOF {
		err = errors.New("empty file")
	}
	if err == nil {
		header, err = rows.text(header)
	}
	if err != nil {
		return nil, &data.DocumentError{File: name, Record: "line 1", Err: fmt.Errorf("header: %w", err)}
	}
	rows.header = append([]string(nil), header...)
	for i, h := range rows.header {
		rows.header[i] = strings.TrimSpace(h)
	}
	return rows, nil
}

// next returns the next row and the line it starts on, or the line and
// what is wrong with it; io.EOF at the end of the file, and an error
// that is not one row's (see err) as io.EOF too.
func (r *rowReader) next() ([]string, int, error) {
	if r.fatal != nil {
		return nil, 0, io.EOF
	}
	rec, err := r.cr.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return nil, pe.Line, pe.Err
	}
	if err != nil {
		r.fatal = err
		return nil, 0, io.EOF
	}
	line, _ := r.cr.FieldPos(0)
	if r.blank(rec) {
		return rec, line, nil
	}
	if rec, err = r.text(rec); err != nil {
		return nil, line, err
	}
	switch n, want := len(rec), len(r.header); {
	case n < want:
		r.nShort++
		if len(r.short) < maxNotedLines {
			r.short = append(r.short, line)
		}
		for len(rec) < want {
			rec = append(rec, "")
		}
	case n > want:
		for _, f := range rec[want:] {
			if strings.TrimSpace(f) != "" {
				return nil, line, fmt.Errorf("has %d fields where the header has %d: a %s inside a field that is not quoted?", n, want, separatorName(r.cr.Comma))
			}
		}
	}
	return rec, line, nil
}

// err returns the error, other than one row's, that ended the reading.
func (r *rowReader) err() error { return r.fatal }

// blank reports whether rec is an empty line.
func (r *rowReader) blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// separatorName names the field separator c.
func separatorName(c rune) string {
	switch c {
	case ',':
		return "comma"
	case '\t':
		return "tab"
	case ';':
		return "semicolon"
	}
	return strconv.QuoteRune(c)
}

// checkText refuses fields that are not UTF-8 text or hold NUL bytes,
// naming the field and where in it.
func checkText(rec []string) error {
	for i, f := range rec {
		if k := strings.IndexByte(f, 0); k >= 0 {
			return fmt.Errorf("field %d holds a NUL byte (after %s): not a text file?", i+1, quote(f[:k]))
		}
		if !utf8.ValidString(f) {
			k := 0
			for k < len(f) {
				r, size := utf8.DecodeRuneInString(f[k:])
				if r == utf8.RuneError && size == 1 {
					break
				}
				k += size
			}
			return fmt.Errorf("field %d is not UTF-8 text (byte 0x%02X after %s): save the file as UTF-8", i+1, f[k], quote(f[:k]))
		}
	}
	return nil
}

// crReader turns every line end, CR, LF or CRLF, into a line feed, in
// place, so that files saved with the old Mac line ends (CR) read as lines
// too. encoding/csv reads a CRLF inside a quoted field as a line feed
// anyway.
type crReader struct {
	r      io.Reader
	lastCR bool // the last byte read was a CR: a line feed after it is the same line end
}

func (c *crReader) Read(p []byte) (int, error) {
	for {
		n, err := c.r.Read(p)
		read, b := n, p[:n]
		if c.lastCR && n > 0 && b[0] == '\n' {
			b = b[1:] // the LF of a CRLF split across two reads
		}
		c.lastCR = false
		if bytes.IndexByte(b, '\r') < 0 {
			n = copy(p, b) // most files: nothing to turn
		} else {
			n = 0
			for _, x := range b { // n never passes the byte read
				if x == '\n' && c.lastCR {
					c.lastCR = false
					continue
				}
				if c.lastCR = x == '\r'; c.lastCR {
					x = '\n'
				}
				p[n] = x
				n++
			}
		}
		if n > 0 || err != nil || read == 0 {
			return n, err
		}
	}
}

// csvOrders are the orders of day, month and year that numeric dates may
// be read in, as bits of a mask.
var csvOrders = data.DateOrders

// pendingDate is a date written in numbers alone, read once the order of
// its column is known.
type pendingDate struct {
	event int  // its event's index
	end   bool // the end column
	text  string
}

// csvDates reads the dates of a CSV file's rows.
type csvDates struct {
	opt     data.DateOptions
	pending []pendingDate
	fits    [3]int // per csvOrders: how many pending dates read in it
}

// parse reads the date cell text; a date in numbers alone whose order is
// to be chosen for the whole file is pending (ok false, no error).
func (c *csvDates) parse(text string) (d data.DateInput, ok bool, err error) {
	if t, err := data.ParseTime(text); err == nil {
		if !strings.HasSuffix(text, "Z") {
			t = data.InZone(t, c.opt.Zone)
		}
		return data.DateInput{Start: t}, true, nil
	}
	core := strings.TrimRight(strings.TrimSpace(text), "?~%")
	if c.opt.Order == "" && data.IsNumericDate(core) {
		// Even one that reads in no order (4/31/2023) waits: read in the
		// order chosen, it says what is wrong with it in that order.
		return data.DateInput{}, false, nil
	}
	d, err = data.ParseDateInputWith(text, c.opt)
	if err != nil {
		return d, false, unwrapTime(err)
	}
	return d, true, nil
}

// defer notes that event's date text (its end's if end) waits for the
// order of its column.
func (c *csvDates) defer_(event int, end bool, text string) {
	c.pending = append(c.pending, pendingDate{event: event, end: end, text: text})
	for k, o := range csvOrders {
		for _, ok := range data.NumericOrders(strings.TrimRight(strings.TrimSpace(text), "?~%")) {
			if ok == o {
				c.fits[k]++
			}
		}
	}
}

// chooseOrder returns the order to read the pending dates in: the one
// asked for, else the one under which every date reads (month, day, year
// before day, month, year when both do), else the one under which most
// do; and every order under which all read.
func (c *csvDates) chooseOrder(asked data.DateOrder) (data.DateOrder, []data.DateOrder) {
	if len(c.pending) == 0 {
		return asked, nil
	}
	var all []data.DateOrder
	for k, o := range csvOrders {
		if c.fits[k] == len(c.pending) {
			all = append(all, o)
		}
	}
	if asked != "" {
		return asked, all
	}
	for _, o := range []data.DateOrder{data.MonthDayYear, data.DayMonthYear} {
		for _, a := range all {
			if a == o {
				return o, all
			}
		}
	}
	best, most := data.MonthDayYear, -1
	for k, o := range csvOrders {
		if o != data.YearMonthDay && c.fits[k] > most {
			best, most = o, c.fits[k]
		}
	}
	return best, all
}

// readCSV reads a generic CSV file of at most opt.lines lines (0 if not
// known).
func readCSV(r io.Reader, name string, opt Options) (*builder, error) {
	m := opt.CSV
	rows, err := newRowReader(r, name, m.Comma)
	if err != nil {
		return nil, err
	}
	cols, err := m.resolveColumns(rows.header)
	if err != nil {
		return nil, &data.DocumentError{File: name, Record: "line 1", Err: err}
	}
	b := newBuilder(name, opt)
	b.recordName = lineName
	b.expect(opt.lines - 1) // the header is one
	dates := &csvDates{opt: data.DateOptions{Zone: opt.Zone, Order: opt.DateOrder}}
	fields := columnsOf(cols)
	for {
		rec, line, err := rows.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.records++
			b.skip(lineName(int32(line)), "", err)
			continue
		}
		if rows.blank(rec) {
			continue
		}
		b.records++
		if err := b.csvRow(rec, line, rows.header, fields, dates); err != nil {
			b.skip(lineName(int32(line)), "", err)
		}
	}
	if err := rows.err(); err != nil {
		return nil, &data.DocumentError{File: name, Err: err}
	}
	b.notes = append(b.notes, rows.notes()...)
	b.resolveDates(dates, rows.header, fields)
	return b, nil
}

// csvRow adds the row rec, at line, of a file with header whose fields are
// in cols.
func (b *builder) csvRow(rec []string, line int, header []string, cols csvColumns, dates *csvDates) error {
	get := func(f int) string {
		if i := cols[f]; i >= 0 && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	fail := func(f int, err error) error {
		return &data.DocumentError{Field: quote(header[cols[f]]), Err: err}
	}
	text := func(f int) string { return fromSafeCell(get(f)) }
	var startIn, endIn data.DateInput
	startKnown, endKnown := true, true
	startText, endText := get(colStart), get(colEnd)
	if startText == "" {
		return fail(colStart, errors.New("missing"))
	}
	var err error
	if startIn, startKnown, err = dates.parse(startText); err != nil {
		return fail(colStart, err)
	}
	if endText != "" {
		if endIn, endKnown, err = dates.parse(endText); err != nil {
			return fail(colEnd, err)
		}
		if startKnown && !startIn.End.IsZero() {
			return fail(colEnd, fmt.Errorf("is given, and the start %s is a range already", quote(startText)))
		}
	}
	title := plainTitle(text(colTitle))
	kind := strings.ToLower(get(colType))
	switch kind {
	case "", "event", "point", "box", "range":
	case "period", "era", "background":
		if !startKnown || !endKnown {
			return fail(colStart, errors.New("a period's dates must not wait for the order of day and month: give --date-order"))
		}
		start, end := startIn.Start, startIn.End
		if !endIn.Start.IsZero() {
			end = endIn.Through()
		}
		if end.IsZero() {
			end = startIn.Through()
		}
		if end.Before(start) {
			return fail(colEnd, fmt.Errorf("%s is before the start, %s", end.Display(), start.Display()))
		}
		if title == "" {
			title = dateTitle(start, end)
		}
		p := data.DocumentPeriod{Title: title, Summary: cellText(text(colSummary)), Start: start.String(), End: end.String()}
		if l := plainTitle(text(colLane)); l != "" {
			p.Lane = b.lane(l)
		}
		b.period(p, line)
		return nil
	default:
		return fail(colType, fmt.Errorf("%s is not event, period, era or background", quote(get(colType))))
	}
	e := data.DocumentEvent{Lane: b.lane(plainTitle(text(colLane))), Title: title, Summary: cellText(text(colSummary)),
		DateNote: cellText(text(colDateNote))}
	if startKnown {
		setStart(&e, startIn, startText)
	}
	if endKnown && endText != "" {
		if err := setEnd(&e, endIn, startIn.Start, endText); err != nil {
			return fail(colEnd, err)
		}
	}
	if e.Title == "" {
		return fail(colTitle, errors.New("missing"))
	}
	if st := get(colStatus); st != "" {
		e.Status = data.ClaimStatus(strings.ToLower(st))
		if !e.Status.Valid() {
			return fail(colStatus, fmt.Errorf("%s is not reported, confirmed, disputed or expected", quote(st)))
		}
	}
	if tags := text(colTags); tags != "" {
		seen := map[string]bool{}
		for _, t := range strings.Split(tags, ";") {
			if t = strings.TrimSpace(t); t != "" && !seen[t] {
				seen[t] = true
				e.Tags = append(e.Tags, t)
			}
		}
	}
	if !startKnown {
		dates.defer_(b.nEvents, false, startText)
	}
	if !endKnown {
		dates.defer_(b.nEvents, true, endText)
	}
	b.event(e, line)
	return nil
}

// canonical reports whether text is a date ParseTime reads and writes back
// as it is: YYYY, YYYY-MM or YYYY-MM-DD, the year of four digits.
func canonical(text string) bool {
	switch len(text) {
	case 4, 7, 10:
	default:
		return false
	}
	for i := 0; i < len(text); i++ {
		if c := text[i]; !(c >= '0' && c <= '9' || c == '-' && (i == 4 || i == 7)) {
			return false
		}
	}
	return true
}

// mustTime parses a time the reader wrote itself ("" is the zero Time).
func mustTime(s string) data.Time {
	t, _ := data.ParseTime(s)
	return t
}

// setStart sets e's start, and its end if d is a range, with their
// uncertainty, from d, read from the cell text.
func setStart(e *data.DocumentEvent, d data.DateInput, text string) {
	e.Start = timeString(d.Start, text)
	e.StartUncertain = d.StartUncertain && !d.End.IsZero()
	if d.EarliestStart != nil {
		s := data.Time{Unix: *d.EarliestStart, Precision: data.PrecisionSecond}.String()
		e.EarliestStart = &s
	}
	if !d.End.IsZero() {
		e.End, e.EndUncertain = d.End.String(), d.EndUncertain
	}
	if d.LatestEnd != nil {
		s := data.Time{Unix: *d.LatestEnd, Precision: data.PrecisionSecond}.String()
		e.LatestEnd = &s
	}
}

// timeString writes t for a document, read from the cell text: the text
// itself when it is the date as ParseTime writes it, as most cells are, so
// that a million of them make no new strings.
func timeString(t data.Time, text string) string {
	if t.Precision <= data.PrecisionDay && canonical(text) {
		return text
	}
	return t.String()
}

// setEnd sets e's end from d, read from the cell text, the last period it
// names, with its uncertainty; start is e's start (zero if not read yet).
// The end of a range starting with an uncertain date is read as uncertain
// at the start, as ParseDateInput reads "a?/b".
func setEnd(e *data.DocumentEvent, d data.DateInput, start data.Time, text string) error {
	if d.End.IsZero() && d.LatestEnd != nil && (d.StartUncertain || d.StartApproximate) {
		s := data.Time{Unix: *d.LatestEnd, Precision: data.PrecisionSecond}.String()
		e.LatestEnd = &s
	}
	end := d.Through()
	if !start.IsZero() && end.End() < start.Unix {
		return fmt.Errorf("%s is before the start, %s", end.Display(), start.Display())
	}
	e.End = timeString(end, text)
	e.EndUncertain = d.StartUncertain
	if e.LatestEnd != nil && mustTime(*e.LatestEnd).Unix < end.End() {
		e.LatestEnd = nil // the start's bound, passed by the end
	}
	return nil
}

// resolveDates reads the dates that waited for the order of their column,
// in the order chosen for the file; a row none of whose readings is valid
// is left out and listed.
func (b *builder) resolveDates(dates *csvDates, header []string, cols csvColumns) {
	order, all := dates.chooseOrder(b.opt.DateOrder)
	b.dateOrder, b.dateOrders = order, all
	if len(dates.pending) == 0 {
		return
	}
	doc := b.document()
	bad := map[int]bool{}
	opt := dates.opt
	opt.Order = order
	for _, p := range dates.pending {
		if bad[p.event] {
			continue
		}
		e := &doc.Events[p.event]
		d, err := data.ParseDateInputWith(p.text, opt)
		if err == nil {
			if p.end {
				err = setEnd(e, d, mustTime(e.Start), p.text)
			} else {
				setStart(e, d, p.text)
			}
		}
		if err == nil && e.Start != "" && e.End != "" && mustTime(e.End).End() < mustTime(e.Start).Unix {
			err = fmt.Errorf("%s is before the start, %s", mustTime(e.End).Display(), mustTime(e.Start).Display())
		}
		if err != nil {
			field := colStart
			if p.end {
				field = colEnd
			}
			b.skip(lineName(b.origins[p.event]), quote(header[cols[field]]), fmt.Errorf("%w (read %s)", unwrapTime(err), orderName(order)))
			bad[p.event] = true
		}
	}
	if len(bad) == 0 {
		return
	}
	kept := doc.Events[:0]
	origins := b.origins[:0]
	for i, e := range doc.Events {
		if !bad[i] {
			kept, origins = append(kept, e), append(origins, b.origins[i])
		}
	}
	doc.Events, b.origins = kept, origins
	b.nEvents = len(kept)
}

// unwrapTime takes the "data.ParseTime:" wrapping off a date's error.
func unwrapTime(err error) error {
	if u := errors.Unwrap(err); u != nil && errors.Is(err, data.ErrInvalidTime) {
		return u
	}
	return err
}

// orderName says an order of day, month and year for people.
func orderName(o data.DateOrder) string {
	switch o {
	case data.DayMonthYear:
		return "day/month/year"
	case data.MonthDayYear:
		return "month/day/year"
	case data.YearMonthDay:
		return "year/month/day"
	}
	return string(o)
}

// WriteCSV writes doc's events, then its periods, as CSV with the header
// title, start, end, lane, summary, status, date_note, tags, type (tags
// separated by "; "): the columns readCSV finds without a mapping. Dates
// are written as people type them (see data.DateTexts): ISO dates from AD
// 1 on, "300 BC" before, uncertain ones with "?", decades by their name.
func WriteCSV(w io.Writer, doc *data.Document) error { return writeCSV(w, doc.Export()) }

// writeCSV writes x as WriteCSV writes a document.
func writeCSV(w io.Writer, x *data.Export) error {
	doc := x.Head
	cw := csv.NewWriter(w) // which buffers its writes itself
	if err := cw.Write(csvFields); err != nil {
		return err
	}
	lanes := laneNames(doc)
	rec := make([]string, len(csvFields))
	err := x.Events(func(e *data.DocumentEvent) error {
		start, end, err := eventDateTexts(e)
		if err != nil {
			return fmt.Errorf("event %q: %w", e.Key, err)
		}
		rec[0], rec[1], rec[2], rec[3] = safeCell(e.Title), start, end, safeCell(lanes[e.Lane])
		rec[4], rec[5], rec[6], rec[7] = safeCell(e.Summary), string(e.Status), safeCell(e.DateNote), safeCell(strings.Join(e.Tags, "; "))
		rec[8] = ""
		return cw.Write(rec)
	})
	if err != nil {
		return err
	}
	for _, p := range doc.Periods {
		start, end, err := parseTimes(p.Start, p.End)
		if err != nil {
			return fmt.Errorf("period %q: %w", p.Key, err)
		}
		rec[0], rec[1], rec[2], rec[3] = safeCell(p.Title), utcText(data.TimeText(start), start), utcText(data.TimeText(end), end), safeCell(lanes[p.Lane])
		rec[4], rec[5], rec[6], rec[7], rec[8] = safeCell(p.Summary), "", "", "", "period"
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// eventDateTexts writes e's start and end as data.DateTexts does.
func eventDateTexts(e *data.DocumentEvent) (start, end string, err error) {
	var ev data.Event
	if ev.Start, ev.End, err = parseTimes(e.Start, e.End); err != nil {
		return "", "", err
	}
	ev.StartUncertain, ev.EndUncertain = e.StartUncertain, e.EndUncertain
	for _, b := range []struct {
		s   *string
		dst **int64
		end bool
	}{{e.EarliestStart, &ev.EarliestStart, false}, {e.LatestEnd, &ev.LatestEnd, true}} {
		if b.s == nil {
			continue
		}
		t, err := data.ParseTime(*b.s)
		if err != nil {
			return "", "", err
		}
		v := t.Unix
		if b.end {
			v = t.End()
		}
		*b.dst = &v
	}
	start, end = data.DateTexts(&ev)
	return utcText(start, ev.Start), utcText(end, ev.End), nil
}

// utcText marks the time of day in text, written from t, as UTC with a
// "Z" before any "?" or "~", so that it is not read back on another clock.
func utcText(text string, t data.Time) string {
	if t.Precision < data.PrecisionMinute {
		return text
	}
	core := strings.TrimRight(text, "?~")
	return core + "Z" + text[len(core):]
}

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula when the CSV is opened in it.
const formulaStarts = "=+-@\t\r"

// safeCell keeps a text cell from being run as a spreadsheet formula (a
// title such as "=HYPERLINK(...)" from an imported file): text starting
// with a formula character gets an apostrophe before it, which
// spreadsheets show as text and fromSafeCell takes off again.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune(formulaStarts, rune(s[0])) {
		return "'" + s
	}
	return s
}

// fromSafeCell undoes safeCell.
func fromSafeCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && strings.ContainsRune(formulaStarts, rune(s[1])) {
		return s[1:]
	}
	return s
}

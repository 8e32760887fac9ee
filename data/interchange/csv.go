package interchange

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/quoteline/quoteline/data"
)

// CSVMapping names the columns of a generic CSV file, by header name
// (case-insensitive) or by 1-based number. An empty field is found from the
// header by common names (for Title: "title", "headline", "name",
// "event"; see csvAliases). Title and Start are required.
type CSVMapping struct {
	Title, Start, End, Lane, Summary, Status, DateNote, Tags string
	// Comma is the field separator; 0 means ',' (or tab for a header
	// with tabs and no commas).
	Comma rune
}

// csvAliases are the header names each field is found under when the
// mapping does not name its column, in order of preference.
var csvAliases = map[string][]string{
	"title":     {"title", "headline", "name", "event", "content"},
	"start":     {"start", "start date", "start_date", "date", "begin", "from", "when"},
	"end":       {"end", "end date", "end_date", "until", "to"},
	"lane":      {"lane", "group", "category", "track"},
	"summary":   {"summary", "description", "text", "details", "notes"},
	"status":    {"status"},
	"date_note": {"date_note", "date note"},
	"tags":      {"tags", "tag", "labels"},
}

// csvFields are the fields in the order they are exported.
var csvFields = []string{"title", "start", "end", "lane", "summary", "status", "date_note", "tags"}

func newCSVReader(r io.Reader) *csv.Reader {
	cr := csv.NewReader(bufio.NewReaderSize(r, 1<<16))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	return cr
}

// CSVFields are the fields a CSV column can hold, as CSVMapping names
// them, in the order the export writes them.
func CSVFields() []string { return append([]string(nil), csvFields...) }

// ReadCSVStart reads the header of a CSV file and its first row (nil if
// there is none), guessing the separator as the importer does: tab when the
// first line has tabs and no commas.
func ReadCSVStart(r io.Reader) (header, first []string, comma rune, err error) {
	br := bufio.NewReaderSize(r, 1<<16)
	comma = csvComma(br)
	cr := newCSVReader(br)
	cr.Comma = comma
	cr.ReuseRecord = false
	header, err = cr.Read()
	if err == io.EOF {
		err = errors.New("empty file")
	}
	if err != nil {
		return nil, nil, 0, fmt.Errorf("header: %w", err)
	}
	first, _ = cr.Read()
	return header, first, comma, nil
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
	}
	return nil
}

// csvComma guesses the separator from the first line waiting in br.
func csvComma(br *bufio.Reader) rune {
	first, err := br.Peek(4096)
	if err != nil && len(first) == 0 {
		return ','
	}
	line, _, _ := strings.Cut(string(first), "\n")
	if strings.Contains(line, "\t") && !strings.Contains(line, ",") {
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

// resolveColumns returns the column index of each field (-1 if absent); it
// fails if a named column is not in header or title or start has none, and
// then returns what it found.
func (m CSVMapping) resolveColumns(header []string) (map[string]int, error) {
	index := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
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
					return nil, fmt.Errorf("column %q for %s is not in the header (%s)", g, f, strings.Join(header, ", "))
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
	for _, f := range []string{"title", "start"} {
		if cols[f] < 0 {
			return cols, fmt.Errorf("no %s column: name it (the header has %s)", f, strings.Join(header, ", "))
		}
	}
	return cols, nil
}

// readCSV reads a generic CSV file of at most lines lines (0 if not
// known).
func readCSV(r io.Reader, name string, m CSVMapping, lines int) (*data.Document, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	cr := newCSVReader(br)
	cr.Comma = m.Comma
	if m.Comma == 0 {
		cr.Comma = csvComma(br)
	}
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			err = errors.New("empty file")
		}
		return nil, &data.DocumentError{File: name, Record: "line 1", Err: fmt.Errorf("header: %w", err)}
	}
	header = append([]string(nil), header...)
	cols, err := m.resolveColumns(header)
	if err != nil {
		return nil, &data.DocumentError{File: name, Record: "line 1", Err: err}
	}
	b := newBuilder()
	b.expect(lines - 1) // the header is one
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line := csvLine(cr, err)
		if err != nil {
			return nil, &data.DocumentError{File: name, Record: "line " + strconv.Itoa(line), Err: err}
		}
		get := func(f string) string {
			if i := cols[f]; i >= 0 && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		fail := func(f string, err error) error {
			return &data.DocumentError{File: name, Record: "line " + strconv.Itoa(line), Field: strconv.Quote(header[cols[f]]), Err: err}
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		text := func(f string) string { return fromSafeCell(get(f)) }
		title := text("title")
		if title == "" {
			return nil, fail("title", errors.New("missing"))
		}
		start, err := normalizeDate(get("start"))
		if err != nil {
			return nil, fail("start", err)
		}
		if start == "" {
			return nil, fail("start", errors.New("missing"))
		}
		end, err := normalizeDate(get("end"))
		if err != nil {
			return nil, fail("end", err)
		}
		e := data.DocumentEvent{Lane: b.lane(text("lane")), Title: title, Summary: text("summary"), Start: start, End: end,
			DateNote: text("date_note")}
		if st := get("status"); st != "" {
			e.Status = data.ClaimStatus(strings.ToLower(st))
			if !e.Status.Valid() {
				return nil, fail("status", fmt.Errorf("%q is not reported, confirmed, disputed or expected", st))
			}
		}
		if tags := text("tags"); tags != "" {
			seen := map[string]bool{}
			for _, t := range strings.Split(tags, ";") {
				if t = strings.TrimSpace(t); t != "" && !seen[t] {
					seen[t] = true
					e.Tags = append(e.Tags, t)
				}
			}
		}
		b.event(e)
	}
	return b.document(), nil
}

// WriteCSV writes doc's events as CSV with the header title, start, end,
// lane, summary, status, date_note, tags (tags separated by "; "): the
// columns readCSV finds without a mapping.
func WriteCSV(w io.Writer, doc *data.Document) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(csvFields); err != nil {
		return err
	}
	lanes := laneNames(doc)
	rec := make([]string, len(csvFields))
	for _, e := range doc.Events {
		rec[0], rec[1], rec[2], rec[3] = safeCell(e.Title), e.Start, e.End, safeCell(lanes[e.Lane])
		rec[4], rec[5], rec[6], rec[7] = safeCell(e.Summary), string(e.Status), safeCell(e.DateNote), safeCell(strings.Join(e.Tags, "; "))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
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

func newBufferedWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 1<<16) }

// csvLine returns the line of the record just read, or of the syntax error
// in reading it; 0 for other errors, such as failing to read the file.
func csvLine(cr *csv.Reader, err error) int {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pe.Line
	}
	if err != nil {
		return 0
	}
	line, _ := cr.FieldPos(0)
	return line
}

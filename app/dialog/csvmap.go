package dialog

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data/interchange"
)

// maxCSVHeader bounds what is read to find a CSV file's header, so that a
// file with an unclosed quote on its first line is not read whole on the UI
// goroutine.
const maxCSVHeader = 1 << 20

// csvFieldLabels are the names the mapping step shows for each field of
// interchange.CSVFields.
var csvFieldLabels = map[string]string{
	"title": "Title", "start": "Start date", "end": "End date", "lane": "Lane", "summary": "Summary",
	"status": "Claim status", "date_note": "Date note", "tags": "Tags (separated by ;)",
	"type": "Type (event; period, era or background)",
}

// noColumn is the choice for a field the file does not have.
const noColumn = "(none)"

// csvMapper is the column-mapping step of a generic CSV import: for each
// field, the column of the file that holds it, guessed from the header.
type csvMapper struct {
	comma   rune
	choices map[string]*widget.Select // by field
	intro   *widget.Label
	form    *widget.Form
	// OnChanged is called when a column is chosen for a field.
	OnChanged func()
}

// newCSVMapper lays out the choices for a file with header, separated by
// comma; sample is its first row, shown beside each column's name.
func newCSVMapper(header, sample []string, comma rune) *csvMapper {
	c := &csvMapper{comma: comma, choices: map[string]*widget.Select{}}
	options := []string{noColumn}
	for i, h := range header {
		options = append(options, columnLabel(i, h, sample))
	}
	guess := interchange.GuessCSVColumns(header)
	c.form = widget.NewForm()
	for _, f := range interchange.CSVFields() {
		sel := widget.NewSelect(options, nil)
		sel.SetSelectedIndex(0)
		if i := guess[f]; i >= 0 {
			sel.SetSelectedIndex(i + 1)
		}
		sel.OnChanged = func(string) {
			if c.OnChanged != nil {
				c.OnChanged()
			}
		}
		c.choices[f] = sel
		label := csvFieldLabels[f]
		if f == "title" || f == "start" {
			label += " *"
		}
		c.form.Append(label, sel)
	}
	c.intro = widget.NewLabel("Choose the column that holds each field. Title and start date are needed; " +
		"dates may be written as the date field takes them (2022-08-15, 15 Aug 2022, 1850s, 300 BC, 1914-1918) or as spreadsheets write them (3/11/2015, 11-Mar-15).")
	c.intro.Wrapping = fyne.TextWrapWord
	return c
}

// columnLabel names column i of a header for the choices: its number, its
// name and what the first row holds there.
func columnLabel(i int, name string, sample []string) string {
	s := strconv.Itoa(i+1) + ". " + strings.TrimSpace(strings.TrimPrefix(name, "\ufeff"))
	if i < len(sample) {
		v := strings.Join(strings.Fields(sample[i]), " ")
		if r := []rune(v); len(r) > 40 {
			v = string(r[:39]) + "…"
		}
		if v != "" {
			s += " (" + v + ")"
		}
	}
	return s
}

// mapping returns the chosen columns, by number, or an error naming what
// is missing or chosen twice.
func (c *csvMapper) mapping() (interchange.CSVMapping, error) {
	m := interchange.CSVMapping{Comma: c.comma}
	usedBy := map[int]string{}
	for _, f := range interchange.CSVFields() {
		i := c.choices[f].SelectedIndex() - 1 // 0 is noColumn
		if i < 0 {
			if f == "title" || f == "start" {
				return m, fmt.Errorf("choose the column of the %s", strings.ToLower(csvFieldLabels[f]))
			}
			continue
		}
		if other, dup := usedBy[i]; dup {
			return m, fmt.Errorf("column %d is chosen for both %s and %s", i+1,
				strings.ToLower(csvFieldLabels[other]), strings.ToLower(csvFieldLabels[f]))
		}
		usedBy[i] = f
		*m.Column(f) = strconv.Itoa(i + 1)
	}
	return m, nil
}

// readCSVStart reads the header and first row of the CSV file at path,
// looking no further than maxCSVHeader bytes.
func readCSVStart(path string) (header, sample []string, comma rune, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, 0, err
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(f, maxCSVHeader))
	if err != nil {
		return nil, nil, 0, fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	header, sample, comma, err = interchange.ReadCSVStart(bytes.NewReader(head))
	if err != nil {
		return nil, nil, 0, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return header, sample, comma, nil
}

// mapCSV shows the column-mapping step for the CSV file at path, with the
// review of what the columns chosen read; the file is imported once the
// user confirms.
func mapCSV(p Parent, path string) {
	header, sample, comma, err := readCSVStart(path)
	if err != nil {
		fynedialog.ShowError(err, p.Win)
		return
	}
	showImportReview(p, path, interchange.FormatCSV, newCSVMapper(header, sample, comma))
}

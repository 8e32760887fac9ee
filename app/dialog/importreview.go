package dialog

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/pane"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/interchange"
	"github.com/quoteline/quoteline/timeline"
)

// previewRecords is how many of the records read the review lists.
const previewRecords = 5

// dateOrderLabels name the orders of day, month and year for the review.
var dateOrderLabels = map[data.DateOrder]string{
	data.DayMonthYear: "Day/month/year (3/11/2015 is 3 Nov)",
	data.MonthDayYear: "Month/day/year (3/11/2015 is 11 Mar)",
	data.YearMonthDay: "Year/month/day (2015/11/3)",
}

// importReview is the step before a TimelineJS, vis, Quoteline JSON or CSV
// file is imported: the file is read in the background as it would be
// imported, and the review says how much of it can be read, lists the
// records that cannot (each with its line or index and why), how the file
// was read (the zone of times without one, the order of dates written in
// numbers, what was repaired) and its first records as read. A CSV file's
// columns are chosen here too. Every choice reads the file again. Nothing is
// written until the user imports the records that can be read; they go in
// in one transaction.
type importReview struct {
	p      Parent
	path   string
	format interchange.Format
	csv    *csvMapper          // the columns of a CSV file; nil for other formats
	order  dateOrderChoice     // CSV: the order of dates written in numbers alone
	zone   *widget.SelectEntry // vis, CSV: the zone of times written without one
	text   reviewText
	button *widget.Button // imports what can be read
	res    *interchange.Result
	opt    interchange.Options // as the file was last read
	gen    int                 // incremented per reading; older answers are dropped
	ready  bool                // false while a reading is under way
	box    fyne.CanvasObject
	dialog *fynedialog.CustomDialog
}

// reviewText is what the review says of the file as read.
type reviewText struct {
	summary, said, skipped, preview *widget.Label
	box                             *fyne.Container // them, under the choices
}

// dateOrderChoice is the choice of the order of day, month and year in
// which a CSV file's dates written in numbers alone (3/11/2015) are read.
type dateOrderChoice struct {
	radio *widget.RadioGroup
	row   *fyne.Container // the radio, under its heading; hidden when there is nothing to choose
	// offered are the orders that read every such date, as the file read
	// without an order asked for found them; every order when none does.
	offered []data.DateOrder
	chosen  bool // the user chose one: the file is read in it
}

// showImportReview reads the file at path in format f (with the columns
// chosen in csv, for a CSV file) and shows the review over p.
func showImportReview(p Parent, path string, f interchange.Format, csv *csvMapper) *importReview {
	r := newImportReview(p, path, f, csv)
	cancel := widget.NewButton("Cancel", func() {
		r.gen++ // a reading under way is dropped
		if !r.ready {
			p.Session.Cancel()
		}
		r.dialog.Hide()
		p.refocus()
	})
	r.dialog = fynedialog.NewCustomWithoutButtons("Import "+filepath.Base(path), r.box, p.Win)
	r.dialog.SetButtons([]fyne.CanvasObject{cancel, r.button})
	size := fyne.NewSize(720, 480)
	if csv != nil {
		size = fyne.NewSize(1120, 640) // the columns beside what they read
	}
	r.dialog.Resize(size)
	r.dialog.Show()
	r.read()
	return r
}

// newImportReview lays out the review of the file at path.
func newImportReview(p Parent, path string, f interchange.Format, csv *csvMapper) *importReview {
	r := &importReview{p: p, path: path, format: f, csv: csv}
	r.text = reviewText{summary: pane.Bold(""), said: pane.Wrapped(""), skipped: pane.Wrapped(""), preview: pane.Wrapped("")}
	r.text.summary.Wrapping = fyne.TextWrapWord
	r.button = widget.NewButtonWithIcon("Import", theme.DownloadIcon(), r.importRead)
	r.button.Importance = widget.HighImportance
	r.button.Disable()

	var choices []fyne.CanvasObject // how the file is read
	if csv != nil {
		csv.OnChanged = func() {
			r.order.chosen = false // other columns: the orders that read them are found again
			r.read()
		}
		r.order.radio = widget.NewRadioGroup(nil, func(string) {
			r.order.chosen = true
			r.read()
		})
		r.order.row = container.NewVBox(pane.Bold("Dates written in numbers alone are"), r.order.radio)
		r.order.row.Hide()
		choices = append(choices, r.order.row)
	}
	if f == interchange.FormatCSV || f == interchange.FormatVis {
		local := localZoneLabel()
		r.zone = widget.NewSelectEntry(append([]string{local}, zoneChoices...))
		r.zone.SetText(local)
		r.zone.Validator = func(string) error { _, err := r.chosenZone(); return err }
		r.zone.OnChanged = func(string) {
			if _, err := r.chosenZone(); err == nil {
				r.read()
			}
		}
		choices = append(choices, container.NewVBox(pane.Bold("Times of day written without a zone are on the clock of"), r.zone))
	}
	if len(choices) > 0 {
		choices = append(choices, widget.NewSeparator())
	}
	r.text.box = container.NewVBox(append(choices, r.text.summary, r.text.skipped, r.text.said, r.text.preview)...)
	review := container.NewVScroll(r.text.box)
	if csv == nil {
		r.box = review
		return r
	}
	columns := container.NewVScroll(container.NewVBox(csv.intro, csv.form))
	split := container.NewHSplit(columns, review)
	split.Offset = 0.5
	r.box = split
	return r
}

// localZoneLabel names the computer's time zone for the zone choice.
func localZoneLabel() string {
	name := time.Local.String()
	if name == "Local" || name == "" {
		name = time.Now().Format("MST, UTC-07:00")
	}
	return "This computer's (" + name + ")"
}

// chosenZone returns the zone chosen for times written without one.
func (r *importReview) chosenZone() (*time.Location, error) {
	if r.zone == nil {
		return time.Local, nil
	}
	text := strings.TrimSpace(r.zone.Text)
	if text == localZoneLabel() {
		return time.Local, nil
	}
	return interchange.ParseZone(text)
}

// options returns how the file is to be read, as chosen, or why it cannot
// be read as chosen.
func (r *importReview) options() (interchange.Options, error) {
	var opt interchange.Options
	var err error
	if opt.Zone, err = r.chosenZone(); err != nil {
		return opt, err
	}
	if r.csv != nil {
		if opt.CSV, err = r.csv.mapping(); err != nil {
			return opt, err
		}
		for o, label := range dateOrderLabels {
			if r.order.chosen && r.order.radio.Selected == label {
				opt.DateOrder = o
			}
		}
	}
	return opt, nil
}

// read reads the file again as chosen, in the background, and shows what
// it read.
func (r *importReview) read() {
	r.gen++
	gen := r.gen
	opt, err := r.options()
	if err != nil {
		r.ready = true
		r.res = nil
		r.text.summary.SetText("Nothing can be imported yet: " + err.Error() + ".")
		r.text.said.SetText("")
		r.setList(nil, 0)
		r.setButton()
		return
	}
	r.ready, r.opt = false, opt
	r.text.summary.SetText("Reading " + filepath.Base(r.path) + "…")
	r.setButton()
	r.p.Session.ReadImport(r.path, r.format, opt, func(res *interchange.Result, err error) {
		if gen != r.gen {
			return // chosen otherwise meanwhile, or cancelled
		}
		r.ready = true
		r.show(res, err)
	})
}

// show says what a reading found: res, or err if the file cannot be read.
func (r *importReview) show(res *interchange.Result, err error) {
	r.res = res
	if err != nil {
		if errors.Is(err, context.Canceled) {
			r.text.summary.SetText("Reading was cancelled; nothing was imported.")
		} else {
			r.text.summary.SetText("The file cannot be read: " + err.Error())
		}
		r.text.said.SetText("")
		r.setList(nil, 0)
		r.setButton()
		return
	}
	sum := res.Summary() + "."
	if res.Doc != nil {
		doc := res.Doc.Document()
		if n := len(doc.Periods); n > 0 {
			sum += " " + timeline.Plural(len(doc.Events), "event", "events") + " and " + timeline.Plural(n, "period", "periods") + "."
		}
	}
	if res.SkippedCount > 0 {
		sum += " These cannot be read:"
	}
	r.text.summary.SetText(sum)
	r.setOrders(res)
	r.text.said.SetText(strings.Join(r.howRead(res), "\n"))
	r.setList(res.Skipped, res.SkippedCount)
	r.setButton()
	r.text.box.Refresh() // lay the texts out again: they may be shorter than before
}

// howRead says how the file was read: the zone of times written without
// one, the order of dates written in numbers alone, and what was repaired,
// each a sentence.
func (r *importReview) howRead(res *interchange.Result) []string {
	var said []string
	switch r.format {
	case interchange.FormatCSV, interchange.FormatVis:
		z := "Times of day written without a zone were read on "
		switch loc := r.opt.Zone; {
		case loc == time.Local:
			z += "this computer's clock (" + strings.TrimSuffix(strings.TrimPrefix(localZoneLabel(), "This computer's ("), ")") + ")."
		case loc == nil || loc == time.UTC:
			z += "UTC."
		default:
			z += "the clock of " + loc.String() + "."
		}
		said = append(said, z)
	case interchange.FormatTimelineJS:
		said = append(said, "TimelineJS times of day are read as UTC, as TimelineJS reads them.")
	}
	if o := res.DateOrder; o != "" {
		switch {
		case r.order.chosen:
			said = append(said, fmt.Sprintf("Dates written in numbers alone were read %s, as chosen.", orderWords(o)))
		case len(res.DateOrders) > 1:
			said = append(said, fmt.Sprintf("Dates written in numbers alone were read %s; every one of them reads in another order too: check that the dates below are right.", orderWords(o)))
		case len(res.DateOrders) == 1:
			said = append(said, fmt.Sprintf("Dates written in numbers alone were read %s, the only order that reads them all.", orderWords(o)))
		default:
			said = append(said, fmt.Sprintf("Dates written in numbers alone were read %s; no order reads them all.", orderWords(o)))
		}
	}
	for _, n := range res.Repairs() {
		said = append(said, sentence(n))
	}
	return said
}

// orderWords writes an order of day, month and year in words.
func orderWords(o data.DateOrder) string {
	return strings.ToLower(strings.SplitN(dateOrderLabels[o], " ", 2)[0])
}

// sentence makes a sentence of a note: a capital and a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// setOrders offers the orders of day, month and year that the file's dates
// written in numbers alone can be read in: those that read them all, or
// every order when none does; none when the file has no such dates or one
// order alone reads them. Once the user has chosen, the choices stay.
func (r *importReview) setOrders(res *interchange.Result) {
	c := &r.order
	if c.radio == nil {
		return
	}
	if !c.chosen {
		c.offered = res.DateOrders
		if res.DateOrder != "" && len(c.offered) == 0 {
			c.offered = data.DateOrders
		}
	}
	if len(c.offered) < 2 {
		c.row.Hide()
		return
	}
	labels := make([]string, len(c.offered))
	for i, o := range c.offered {
		labels[i] = dateOrderLabels[o]
	}
	if !slices.Equal(labels, c.radio.Options) {
		c.radio.Options = labels
		c.radio.Refresh()
	}
	if want := dateOrderLabels[res.DateOrder]; c.radio.Selected != want {
		onChanged := c.radio.OnChanged
		c.radio.OnChanged = nil // the file was read so: no need to read it again
		c.radio.SetSelected(want)
		c.radio.OnChanged = onChanged
	}
	c.row.Show()
	c.row.Refresh()
}

// setList lists the records left out (the first of them, of count) and the
// first records read.
func (r *importReview) setList(skipped []interchange.Problem, count int) {
	var lines []string
	for _, p := range skipped {
		lines = append(lines, "• "+p.Error())
	}
	if more := count - len(skipped); more > 0 {
		lines = append(lines, fmt.Sprintf("and %d more", more))
	}
	showText(r.text.skipped, lines)

	lines = lines[:0]
	if r.res != nil && r.res.Doc != nil {
		doc := r.res.Doc.Document()
		for _, e := range doc.Events[:min(len(doc.Events), previewRecords)] {
			lines = append(lines, r.previewDates(e.Start, e.End)+": "+e.Title)
		}
		if more := len(doc.Events) - previewRecords; more > 0 {
			lines = append(lines, fmt.Sprintf("and %s more", timeline.Plural(more, "event", "events")))
		}
		for _, pd := range doc.Periods[:min(len(doc.Periods), previewRecords)] {
			lines = append(lines, "Period "+r.previewDates(pd.Start, pd.End)+": "+pd.Title)
		}
		if more := len(doc.Periods) - previewRecords; more > 0 {
			lines = append(lines, fmt.Sprintf("and %s more", timeline.Plural(more, "period", "periods")))
		}
		if len(lines) > 0 {
			lines = append([]string{"As read:"}, lines...)
		}
	}
	showText(r.text.preview, lines)
}

// previewDates writes a record's start and end ("" for none) as the
// document's dates are written, or as the file has them if they do not read.
func (r *importReview) previewDates(start, end string) string {
	dates := r.p.Session.Dates()
	t, err := data.ParseTime(start)
	if err != nil {
		return start
	}
	when := dates.Format(t)
	if e, err := data.ParseTime(end); err == nil && end != "" && end != start {
		when += " – " + dates.Format(e)
	}
	return when
}

// showText shows lines in l, one a line, or hides l if there are none.
func showText(l *widget.Label, lines []string) {
	l.SetText(strings.Join(lines, "\n"))
	if len(lines) == 0 {
		l.Hide()
	} else {
		l.Show()
	}
}

// setButton offers to import what can be read, once it has been read.
func (r *importReview) setButton() {
	n := 0
	if r.ready && r.res != nil && r.res.Doc != nil {
		doc := r.res.Doc.Document()
		n = len(doc.Events) + len(doc.Periods)
	}
	switch {
	case n == 0:
		r.button.SetText("Import")
		r.button.Disable()
	case r.res.SkippedCount > 0:
		r.button.SetText(fmt.Sprintf("Import the %d that can be read", n))
		r.button.Enable()
	default:
		r.button.SetText("Import " + timeline.Plural(n, "record", "records"))
		r.button.Enable()
	}
}

// importRead imports the records read, as the document's task, in one
// transaction: all of them or, if it fails or is cancelled, none.
func (r *importReview) importRead() {
	if !r.ready || r.res == nil || r.res.Doc == nil {
		return
	}
	doc := r.res.Doc
	r.dialog.Hide()
	r.p.refocus()
	r.p.Session.Import(r.path, func() (*data.CheckedDocument, error) { return doc, nil })
}

package dialog

import (
	"strings"

	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
)

// everyLane is the lane choice of a period drawn behind every lane.
const everyLane = "Every lane"

// periodFormView is an open period form's fields.
type periodFormView struct {
	title, summary *widget.Entry
	when           *dateField
	lane           *widget.Select
	dialog         *fynedialog.FormDialog
}

// ShowPeriodForm opens the form for period p (a new one when p.ID is 0): a
// named stretch of time, such as an era, shaded behind one lane or every
// lane. Saving writes it as an edit that can be undone, and selects it.
func ShowPeriodForm(p Parent, period data.Period) {
	if p.Session.Doc() != nil {
		periodForm(p, period)
	}
}

func periodForm(p Parent, period data.Period) *periodFormView {
	s := p.Session
	lanes := s.Doc().Lanes()
	f := &periodFormView{
		title:   requiredEntry(period.Title, "e.g. Winter offensive, Bronze Age, Negotiations", "give the period a name"),
		summary: textArea(period.Summary, "What marks it, in a sentence or two", 2),
		when:    newDateField(periodText(&period), false),
	}
	names := []string{everyLane}
	for _, l := range lanes {
		names = append(names, l.Name)
	}
	f.lane = widget.NewSelect(names, nil)
	f.lane.SetSelectedIndex(0)
	if i, ok := s.Doc().LaneIndex(period.LaneID); ok && period.LaneID != 0 {
		f.lane.SetSelectedIndex(i + 1)
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Name", f.title),
		widget.NewFormItem("When", f.when.entry),
		widget.NewFormItem("", f.when.understood),
		{Text: "Drawn behind", Widget: f.lane, HintText: "A period shades its stretch of time behind the lanes"},
		widget.NewFormItem("Summary", f.summary),
	}
	f.dialog = recordForm(p, "period", period.ID, 600, items, func() {
		period.Title, period.Summary = strings.TrimSpace(f.title.Text), strings.TrimSpace(f.summary.Text)
		period.Start, period.End = f.when.parsed.Start, f.when.parsed.Through()
		period.LaneID = 0
		if i := f.lane.SelectedIndex(); i > 0 {
			period.LaneID = lanes[i-1].ID
		}
		s.SavePeriod(period)
	})
	f.title.OnSubmitted = func(string) { f.dialog.Submit() }
	f.when.entry.OnSubmitted = func(string) { f.dialog.Submit() }
	p.Win.Canvas().Focus(f.title)
	return f
}

// periodText writes a period's dates as the date field reads them back:
// "2022-09/2022-12", or one date for a period of one year, month or day.
func periodText(p *data.Period) string {
	switch {
	case p.Start.IsZero():
		return ""
	case p.End == p.Start:
		return data.TimeText(p.Start)
	}
	return data.TimeText(p.Start) + "/" + data.TimeText(p.End)
}

package dialog

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
)

// statuses are the claim statuses in the order the event form lists them.
var statuses = []data.ClaimStatus{data.StatusReported, data.StatusConfirmed, data.StatusDisputed, data.StatusExpected}

// dateHint is the placeholder of date fields.
const dateHint = "15 May 2023, Aug 2022, c. 2022, 2022-08/2023-05"

// ShowEventForm opens the form for event id, or for a new event when id
// is 0. An existing event is read first, off the UI goroutine.
func ShowEventForm(p Parent, id int64) {
	s := p.Session
	doc := s.Doc()
	if doc == nil {
		return
	}
	if len(doc.Lanes()) == 0 {
		fynedialog.ShowInformation("Add a lane first", "Events sit on lanes (such as “Drone transfers” or “Sanctions”).\nAdd the first lane, then the event.", p.Win)
		ShowLaneForm(p, data.Lane{Color: lanePalette[0].hex}, func() { ShowEventForm(p, 0) })
		return
	}
	if id == 0 {
		ev := data.Event{Status: data.StatusReported, LaneID: doc.Lanes()[0].ID}
		if sp, _, ok := doc.Span(s.Selected()); ok {
			ev.LaneID = sp.LaneID // a new event goes beside the selected one
		}
		eventForm(p, ev)
		return
	}
	var ev data.Event
	s.Read(func(ctx context.Context, st *data.Store) error {
		var err error
		ev, err = st.Event(ctx, id)
		return err
	}, func() { eventForm(p, ev) })
}

// eventFormView is an open event form's fields.
type eventFormView struct {
	title, dates, summary *widget.Entry
	understood            *widget.Label
	lane, status          *widget.Select
	dialog                *fynedialog.FormDialog
}

// eventForm shows the form for ev; saving writes it and selects it.
func eventForm(p Parent, ev data.Event) *eventFormView {
	s := p.Session
	lanes := s.Doc().Lanes()
	title := requiredEntry(ev.Title, "What happened, in a few words", "give the event a title")
	summary := textArea(ev.Summary, "", 3)

	laneNames := make([]string, len(lanes))
	for i, l := range lanes {
		laneNames[i] = l.Name
	}
	lane := widget.NewSelect(laneNames, nil)
	if i, ok := s.Doc().LaneIndex(ev.LaneID); ok {
		lane.SetSelectedIndex(i)
	}

	initialDates := ""
	if !ev.Start.IsZero() {
		initialDates = data.DateText(&ev)
	}
	when := newDateField(initialDates, false)
	dates, understood := when.entry, when.understood

	statusNames := make([]string, len(statuses))
	for i, st := range statuses {
		statusNames[i] = session.ClaimText(st)
	}
	status := widget.NewSelect(statusNames, nil)
	for i, st := range statuses {
		if st == ev.Status {
			status.SetSelectedIndex(i)
		}
	}

	items := []*widget.FormItem{
		widget.NewFormItem("Title", title),
		widget.NewFormItem("When", dates),
		widget.NewFormItem("", understood),
		widget.NewFormItem("Lane", lane),
		widget.NewFormItem("Claim", status),
		widget.NewFormItem("Summary", summary),
	}
	d := recordForm(p, "event", ev.ID, 620, items, func() {
		ev.Title, ev.Summary = strings.TrimSpace(title.Text), summary.Text
		// Dates left as they were keep what the text cannot say, such as
		// uncertainty bounds other than one unit either way.
		if strings.TrimSpace(dates.Text) != initialDates {
			when.parsed.Apply(&ev)
		}
		if i := lane.SelectedIndex(); i >= 0 {
			ev.LaneID = lanes[i].ID
		}
		if i := status.SelectedIndex(); i >= 0 {
			ev.Status = statuses[i]
		}
		s.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
			_, ed, err := st.SaveEvent(ctx, ev)
			return ed, err
		}, s.SelectSaved)
	})
	// Enter in a one-line field saves, as in other apps' forms.
	title.OnSubmitted = func(string) { d.Submit() }
	dates.OnSubmitted = func(string) { d.Submit() }
	p.Win.Canvas().Focus(title)
	return &eventFormView{title: title, dates: dates, summary: summary, understood: understood, lane: lane, status: status, dialog: d}
}

// dateField is an entry for a date or range as people type it, with a
// line saying how it was understood, and the form's validator.
type dateField struct {
	entry      *widget.Entry
	understood *widget.Label
	parsed     data.DateInput // what the entry says, while it is valid
}

// newDateField makes a date field holding text. An optional one may be left
// blank (parsed is then zero).
func newDateField(text string, optional bool) *dateField {
	f := &dateField{entry: widget.NewEntry(), understood: widget.NewLabel("")}
	f.understood.Wrapping = fyne.TextWrapWord
	f.entry.SetPlaceHolder(dateHint)
	blank := func(s string) bool { return optional && strings.TrimSpace(s) == "" }
	f.entry.Validator = func(s string) error {
		if blank(s) {
			f.parsed = data.DateInput{}
			return nil
		}
		d, err := data.ParseDateInput(s)
		if err != nil {
			return fmt.Errorf("not a date")
		}
		f.parsed = d
		return nil
	}
	f.entry.OnChanged = func(s string) {
		d, err := data.ParseDateInput(s)
		switch {
		case blank(s):
			f.understood.SetText("Any date")
		case strings.TrimSpace(s) == "":
			f.understood.SetText("Type a date or a range")
		case err != nil:
			f.understood.SetText("Not understood: " + strings.TrimPrefix(err.Error(), fmt.Sprintf("%q ", strings.TrimSpace(s))))
		default:
			f.understood.SetText("Understood as " + d.Describe())
		}
	}
	f.entry.SetText(text)
	f.entry.OnChanged(text)
	return f
}

// DeleteSelected deletes the selected event, asking first only if it has
// links to quotes or sources, and naming them.
func DeleteSelected(p Parent) {
	if !p.Session.DeleteSelected(p.ask) {
		fynedialog.ShowInformation("Delete event", "Select an event on the timeline first.", p.Win)
	}
}

// requiredEntry is a one-line field holding text that may not be left
// blank; missing says what to do when it is.
func requiredEntry(text, placeholder, missing string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	e.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(missing)
		}
		return nil
	}
	return e
}

// textArea returns an entry of several lines, rows high, that wraps at
// words, holding text; placeholder says what to type when it is empty.
func textArea(text, placeholder string, rows int) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(rows)
	e.Wrapping = fyne.TextWrapWord
	return e
}

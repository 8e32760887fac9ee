package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
)

// statuses are the claim statuses in the order the event form lists them.
var statuses = []data.ClaimStatus{data.StatusReported, data.StatusConfirmed, data.StatusDisputed, data.StatusExpected}

// dateHint is the placeholder of date fields.
const dateHint = "15 May 2023, Aug 2022, c. 2022, 2022-08/2023-05"

// editMenu is the Edit menu: undo and redo, editing events, lanes and
// sources, find.
func (e *editor) editMenu(find func()) *fyne.Menu {
	short := func(item *fyne.MenuItem, key fyne.KeyName, mod fyne.KeyModifier) *fyne.MenuItem {
		item.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mod}
		return item
	}
	ctrl := fyne.KeyModifierShortcutDefault
	return fyne.NewMenu("Edit",
		e.undoItem, e.redoItem,
		fyne.NewMenuItemSeparator(),
		short(fyne.NewMenuItem("New Event…", func() { e.showEventForm(0) }), fyne.KeyE, ctrl),
		short(fyne.NewMenuItem("Edit Selected Event…", func() { e.showEventForm(e.m.timeline.Selected()) }), fyne.KeyReturn, ctrl),
		short(fyne.NewMenuItem("Delete Selected Event…", e.deleteSelected), fyne.KeyDelete, ctrl),
		short(fyne.NewMenuItem("Lanes…", e.showLanes), fyne.KeyL, ctrl),
		fyne.NewMenuItem("Sources…", e.showSources),
		fyne.NewMenuItemSeparator(),
		short(fyne.NewMenuItem("Find…", find), fyne.KeyF, ctrl),
	)
}

// showEventForm opens the form for event id, or for a new event when id
// is 0. An existing event is read first, off the UI goroutine.
func (e *editor) showEventForm(id int64) {
	doc := e.m.doc
	if doc == nil {
		return
	}
	if len(doc.lanes) == 0 {
		dialog.ShowInformation("Add a lane first", "Events sit on lanes (such as “Drone transfers” or “Sanctions”).\nAdd the first lane, then the event.", e.m.win)
		e.showLaneForm(data.Lane{Color: lanePalette[0].hex}, func() { e.showEventForm(0) })
		return
	}
	if id == 0 {
		ev := data.Event{Status: data.StatusReported, LaneID: doc.lanes[0].ID}
		if sp, _, ok := doc.span(e.m.timeline.Selected()); ok {
			ev.LaneID = sp.LaneID // a new event goes beside the selected one
		}
		e.lastForm = e.eventForm(doc, ev)
		return
	}
	readThen(e.m, doc, func(ctx context.Context, s *data.Store) (data.Event, error) { return s.Event(ctx, id) },
		func(ev data.Event) { e.lastForm = e.eventForm(doc, ev) })
}

// eventFormView is the open event form's fields, for tests.
type eventFormView struct {
	title, dates, summary *widget.Entry
	understood            *widget.Label
	lane, status          *widget.Select
	dialog                *dialog.FormDialog
}

// eventForm shows the form for ev; saving writes it and selects it.
func (e *editor) eventForm(doc *document, ev data.Event) *eventFormView {
	title := requiredEntry(ev.Title, "What happened, in a few words", "give the event a title")
	summary := widget.NewMultiLineEntry()
	summary.SetText(ev.Summary)
	summary.SetMinRowsVisible(3)
	summary.Wrapping = fyne.TextWrapWord

	laneNames := make([]string, len(doc.lanes))
	for i, l := range doc.lanes {
		laneNames[i] = l.Name
	}
	lane := widget.NewSelect(laneNames, nil)
	if i, ok := doc.laneOf(ev.LaneID); ok {
		lane.SetSelectedIndex(i)
	}

	initialDates := ""
	if !ev.Start.IsZero() {
		initialDates = data.DateText(&ev)
	}
	when := newDateField(initialDates, false)
	dates, understood := when.entry, when.understood

	statusNames := make([]string, len(statuses))
	for i, s := range statuses {
		statusNames[i] = statusText(s)
	}
	status := widget.NewSelect(statusNames, nil)
	for i, s := range statuses {
		if s == ev.Status {
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
	heading, verb := "Edit event", "Save"
	if ev.ID == 0 {
		heading, verb = "New event", "Add event"
	}
	d := dialog.NewForm(heading, verb, "Cancel", items, func(ok bool) {
		e.m.win.Canvas().Focus(e.m.timeline) // keys go to the timeline and menus again
		if !ok {
			return
		}
		ev.Title, ev.Summary = strings.TrimSpace(title.Text), summary.Text
		// Dates left as they were keep what the text cannot say, such as
		// uncertainty bounds other than one unit either way.
		if strings.TrimSpace(dates.Text) != initialDates {
			when.parsed.Apply(&ev)
		}
		if i := lane.SelectedIndex(); i >= 0 {
			ev.LaneID = doc.lanes[i].ID
		}
		if i := status.SelectedIndex(); i >= 0 {
			ev.Status = statuses[i]
		}
		e.do("", func(ctx context.Context, s *data.Store) (*data.Edit, error) {
			_, ed, err := s.SaveEvent(ctx, ev)
			return ed, err
		}, e.selectSaved)
	}, e.m.win)
	// Enter in a one-line field saves, as in other apps' forms.
	title.OnSubmitted = func(string) { d.Submit() }
	dates.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(620, 0))
	d.Show()
	e.m.win.Canvas().Focus(title)
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

// deleteSelected deletes the selected event, asking first only if it has
// links to quotes or sources, and naming them.
func (e *editor) deleteSelected() {
	doc := e.m.doc
	id := e.m.timeline.Selected()
	if doc == nil || id == 0 {
		dialog.ShowInformation("Delete event", "Select an event on the timeline first.", e.m.win)
		return
	}
	title := doc.itemTitle(id)
	e.confirmDelete(named("event", title), "Deleting the event removes these links too; the quotes and sources stay.",
		func(ctx context.Context, s *data.Store) (string, error) { return s.EventLinks(ctx, id) },
		func() {
			e.do("Delete “"+shorten(title, 30)+"”", func(ctx context.Context, s *data.Store) (*data.Edit, error) {
				return s.DeleteEvent(ctx, id)
			}, nil)
		})
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

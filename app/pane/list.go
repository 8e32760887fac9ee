package pane

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
)

// listColumns are the event list's column names and widths, in the order
// of session's columns.
var listColumns = [session.Columns]struct {
	name  string
	width float32
}{{"Date", 250}, {"Title", 330}, {"Lane", 150}, {"Claim", 100}}

// EventList is the events as a table (View ▸ Event List), sortable by any
// column by clicking its header and kept in step with the timeline: picking
// a row selects the event on the timeline, and selecting on the timeline
// picks its row. Only the visible rows have widgets, so it serves a
// million events.
type EventList struct {
	s     *session.Session
	rows  *session.Rows
	table *widget.Table
	quiet bool // set while the list follows the timeline, so it does not echo
}

// NewEventList makes the list for session s, hidden.
func NewEventList(s *session.Session) *EventList {
	l := &EventList{s: s, rows: s.Rows()}
	l.table = widget.NewTable(func() (int, int) { return l.rows.Len(), session.Columns },
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		}, func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(l.rows.Cell(id.Row, id.Col))
		})
	l.table.ShowHeaderRow = true
	l.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	l.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= session.Columns {
			b.SetText("")
			return
		}
		text := listColumns[id.Col].name
		if col, desc := l.rows.SortedBy(); id.Col == col {
			text += map[bool]string{false: " ▲", true: " ▼"}[desc]
		}
		b.SetText(text)
		col := id.Col
		b.OnTapped = func() { l.rows.SortBy(col) }
	}
	for i, c := range listColumns {
		l.table.SetColumnWidth(i, c.width)
	}
	l.table.OnSelected = func(id widget.TableCellID) {
		if l.quiet {
			return
		}
		if ev := l.rows.Event(id.Row); ev != 0 {
			s.GoTo(ev)
		}
	}
	l.table.Hide()
	s.Watch(l.follow)
	return l
}

// Object returns the list's canvas object.
func (l *EventList) Object() fyne.CanvasObject { return l.table }

// Visible reports whether the list is shown (in place of the timeline).
func (l *EventList) Visible() bool { return l.table.Visible() }

// follow keeps the list in step with the session. A hidden list (the
// timeline shows instead) is refreshed when it is shown: titles arrive
// as the timeline moves over a large document, and every edit is shown
// again, and a table refreshed lays out its rows' labels again.
func (l *EventList) follow(e session.Event) {
	switch e := e.(type) {
	case session.Opened, session.Closed:
		l.table.UnselectAll()
		l.refresh()
	case session.Shown, session.RowsSorted:
		l.refresh()
		l.Follow(l.s.Selected())
	case session.Selected:
		l.Follow(e.ID)
	case session.DatesChanged, session.TitlesRead:
		l.refresh()
	}
}

// refresh refreshes the table if it is shown.
func (l *EventList) refresh() {
	if l.table.Visible() {
		l.table.Refresh()
	}
}

// Follow picks the row of event id, selected on the timeline, and scrolls
// to it, without selecting it again on the timeline.
func (l *EventList) Follow(id int64) {
	if l.s.Doc() == nil || !l.table.Visible() {
		return
	}
	l.quiet = true
	defer func() { l.quiet = false }()
	row, ok := l.rows.Row(id)
	if !ok {
		l.table.UnselectAll()
		return
	}
	l.table.Select(widget.TableCellID{Row: row, Col: 1})
}

// SetVisible shows the list or hides it.
func (l *EventList) SetVisible(on bool) {
	if !on {
		l.table.Hide()
		return
	}
	l.table.Show()
	l.table.Refresh()
	l.Follow(l.s.Selected())
}

package app

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/timeline"
)

// listColumns are the event list's columns and their widths.
var listColumns = []struct {
	name  string
	width float32
}{{"Date", 250}, {"Title", 330}, {"Lane", 150}, {"Claim", 100}}

// eventList is the events as a table (View ▸ Event List), sortable by any
// column by clicking its header and kept in step with the timeline: picking
// a row selects the event on the timeline, and selecting on the timeline
// picks its row. Only the visible rows have widgets, so it serves a
// million events.
type eventList struct {
	m     *mainWindow
	table *widget.Table
	order []int32 // positions in doc.items in the order shown; nil: by date
	// rows, when not nil, are the positions in doc.items the filter lets
	// through, ascending, for the items slice rowsOf (an edit that replaces
	// the slice leaves the list empty until the filter is applied again).
	rows   []int32
	rowsOf []timeline.Item
	row    map[int64]int32
	col    int  // column sorted by
	desc   bool // sorted in descending order
	gen    int  // incremented per sort; stale sorts are dropped
	quiet  bool // set while the list follows the timeline, so it does not echo

	// sorted is a test hook called on the UI goroutine when a sort is shown.
	sorted func()
}

func newEventList(m *mainWindow) *eventList {
	l := &eventList{m: m}
	l.table = widget.NewTable(l.size,
		func() fyne.CanvasObject {
			lb := widget.NewLabel("")
			lb.Truncation = fyne.TextTruncateEllipsis
			return lb
		}, l.update)
	l.table.ShowHeaderRow = true
	l.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	l.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 || id.Col >= len(listColumns) {
			b.SetText("")
			return
		}
		text := listColumns[id.Col].name
		if id.Col == l.col {
			text += map[bool]string{false: " ▲", true: " ▼"}[l.desc]
		}
		b.SetText(text)
		col := id.Col
		b.OnTapped = func() { l.sortBy(col) }
	}
	for i, c := range listColumns {
		l.table.SetColumnWidth(i, c.width)
	}
	l.table.OnSelected = func(id widget.TableCellID) {
		if l.quiet {
			return
		}
		if ev := l.eventAt(id.Row); ev != 0 {
			m.timeline.Select(ev)
			m.timeline.Reveal(ev)
			m.selectEvent(ev)
		}
	}
	l.table.Hide()
	return l
}

func (l *eventList) object() fyne.CanvasObject { return l.table }

func (l *eventList) size() (int, int) { return l.count(), len(listColumns) }

// count is the number of rows: the document's events, or those the filter
// lets through.
func (l *eventList) count() int {
	doc := l.m.doc
	switch {
	case doc == nil:
		return 0
	case l.rows == nil:
		return len(doc.items)
	case len(l.rowsOf) != len(doc.items) || len(doc.items) > 0 && &l.rowsOf[0] != &doc.items[0]:
		return 0 // computed for events since replaced
	}
	return len(l.rows)
}

// base returns the position in doc.items of the k'th event by date of
// those listed.
func (l *eventList) base(k int) int32 {
	if l.rows != nil {
		return l.rows[k]
	}
	return int32(k)
}

// setRows lists only the events at positions (ascending, in doc.items), or
// all when positions is nil.
func (l *eventList) setRows(positions []int32) {
	l.rows, l.rowsOf = positions, nil
	if positions != nil && l.m.doc != nil {
		l.rowsOf = l.m.doc.items
	}
	l.gen++
	l.order, l.row = nil, nil
	if l.col != 0 {
		l.sort(l.col, l.desc) // what is listed now
	}
	l.table.Refresh()
	l.follow(l.m.timeline.Selected())
}

// position returns the position in doc.items of the row'th row shown.
func (l *eventList) position(row int) int32 {
	if l.order != nil {
		return l.order[row]
	}
	if l.desc {
		return l.base(l.count() - 1 - row)
	}
	return l.base(row)
}

// eventAt returns the id of the event shown in row, or 0.
func (l *eventList) eventAt(row int) int64 {
	if row < 0 || row >= l.count() {
		return 0
	}
	return l.m.doc.items[l.position(row)].ID
}

func (l *eventList) update(id widget.TableCellID, o fyne.CanvasObject) {
	lb := o.(*widget.Label)
	doc := l.m.doc
	if id.Row >= l.count() {
		lb.SetText("")
		return
	}
	p := l.position(id.Row)
	sp := doc.spanAt(int(p))
	switch id.Col {
	case 0:
		lb.SetText(dateRangeOf(l.m.dates, sp.Start, sp.End, sp.StartUncertain, sp.EndUncertain))
	case 1:
		lb.SetText(shorten(doc.titles[doc.items[p].ID], listTitleRunes))
	case 2:
		lb.SetText(doc.lanes[int(doc.items[p].Lane)].Name)
	default:
		lb.SetText(strings.ToLower(string(sp.Status)))
	}
}

// listTitleRunes is the most of a title a list row shows: a cell shows a
// line, and a huge title would cost the table its speed.
const listTitleRunes = 200

// reset shows the rows by date again, after the document's events changed.
func (l *eventList) reset() {
	l.gen++
	l.order, l.row, l.col, l.desc = nil, nil, 0, false
	l.table.UnselectAll()
	l.table.Refresh()
}

// sortBy sorts the rows by column col (again: the other way round). Dates
// are the document's own order; other columns are sorted off the UI
// goroutine from keys copied on it.
func (l *eventList) sortBy(col int) { l.sort(col, col == l.col && !l.desc) }

// sort sorts the rows by column col, descending if desc.
func (l *eventList) sort(col int, desc bool) {
	doc := l.m.doc
	if doc == nil {
		return
	}
	l.gen++
	gen := l.gen
	if col == 0 {
		l.order, l.row, l.col, l.desc = nil, nil, 0, desc
		l.table.Refresh()
		l.follow(l.m.timeline.Selected())
		return
	}
	n := l.count()
	keys := make([]string, n)
	for k := range n {
		i := int(l.base(k))
		switch col {
		case 1:
			keys[k] = strings.ToLower(doc.titles[doc.items[i].ID])
		case 2:
			keys[k] = doc.lanes[int(doc.items[i].Lane)].Name
		default:
			keys[k] = string(doc.status(i))
		}
	}
	rows := l.rows
	go func() {
		order := make([]int32, len(keys)) // indexes into keys, then positions
		for k := range order {
			order[k] = int32(k)
		}
		// Stable on the date order, so ties stay by date.
		slices.SortStableFunc(order, func(a, b int32) int {
			c := cmp.Compare(keys[a], keys[b])
			if desc {
				c = -c
			}
			return c
		})
		if rows != nil {
			for k, o := range order {
				order[k] = rows[o]
			}
		}
		fyne.Do(func() {
			if gen != l.gen || doc != l.m.doc {
				return
			}
			l.order, l.row, l.col, l.desc = order, nil, col, desc
			l.table.Refresh()
			l.follow(l.m.timeline.Selected())
			if l.sorted != nil {
				l.sorted()
			}
		})
	}()
}

// follow picks the row of event id, selected on the timeline, and scrolls
// to it, without selecting it again on the timeline.
func (l *eventList) follow(id int64) {
	doc := l.m.doc
	if doc == nil || !l.table.Visible() {
		return
	}
	p, ok := doc.ids.pos(id)
	k := p // among the events listed, by date
	if ok && l.rows != nil {
		k, ok = slices.BinarySearch(l.rows, int32(p))
		ok = ok && l.count() > 0
	}
	if !ok {
		l.quiet = true
		l.table.UnselectAll()
		l.quiet = false
		return
	}
	row := k
	switch {
	case l.order != nil:
		if l.row == nil {
			l.row = make(map[int64]int32, len(l.order))
			for r, q := range l.order {
				l.row[doc.items[q].ID] = int32(r)
			}
		}
		row = int(l.row[id])
	case l.desc:
		row = l.count() - 1 - k
	}
	l.quiet = true
	l.table.Select(widget.TableCellID{Row: row, Col: 1})
	l.quiet = false
}

// toggle shows the list in place of the timeline, or the timeline again.
func (l *eventList) toggle() {
	if l.table.Visible() {
		l.table.Hide()
		l.m.timeline.Show()
		l.m.win.Canvas().Focus(l.m.timeline)
		return
	}
	l.m.timeline.Hide()
	l.table.Show()
	l.table.Refresh()
	l.follow(l.m.timeline.Selected())
}

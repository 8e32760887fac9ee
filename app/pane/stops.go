package pane

import (
	"context"
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
)

// StopsPanel lists the document's stops, the steps of its presentation:
// add the current view as a stop, go to one, edit its caption and quote
// card, reorder by dragging or with the arrows, delete with undo, present.
type StopsPanel struct {
	s        *session.Session
	stops    []data.Stop
	selected int // index in stops, -1 for none

	list  *widget.List
	empty *widget.Label
	tools stopTools
	undo  undoBar
	root  fyne.CanvasObject
	// active is true while the panel is on screen: stops are read only
	// then, not for every document opened.
	active bool
	stale  bool // the list is not of the open document

	// OnShow goes to a stop: the timeline moves to its view. OnEdit asks
	// for a stop's caption and card (n is its number); OnPresent starts
	// presenting.
	OnShow    func(st data.Stop)
	OnEdit    func(st data.Stop, n int)
	OnPresent func()
}

// stopTools are the buttons that act on the selected stop.
type stopTools struct {
	edit, update, up, down, del *widget.Button
}

// undoBar offers to restore the stop deleted last.
type undoBar struct {
	bar     *fyne.Container
	msg     *widget.Label
	deleted *data.Stop
}

// NewStopsPanel makes the panel for session s.
func NewStopsPanel(s *session.Session) *StopsPanel {
	p := &StopsPanel{s: s, selected: -1}
	p.list = widget.NewList(
		func() int { return len(p.stops) },
		func() fyne.CanvasObject { return newStopRow(p) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*stopRow).set(i) },
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		p.selected = i
		p.enable()
		if i >= 0 && i < len(p.stops) && p.OnShow != nil {
			p.OnShow(p.stops[i])
		}
	}
	p.list.OnUnselected = func(widget.ListItemID) { p.selected = -1; p.enable() }
	p.empty = widget.NewLabel("No stops yet. A stop is a saved view: move the timeline to what you want to show, select an event if you like, and add it. Present (F5) walks through the stops in order.")
	p.empty.Wrapping = fyne.TextWrapWord

	add := widget.NewButtonWithIcon("Add current view", theme.ContentAddIcon(), p.addCurrent)
	add.Importance = widget.HighImportance
	present := widget.NewButtonWithIcon("Present", theme.MediaPlayIcon(), func() {
		if p.OnPresent != nil {
			p.OnPresent()
		}
	})
	p.tools.edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), p.editSelected)
	p.tools.update = widget.NewButtonWithIcon("Set to view", theme.ViewRefreshIcon(), p.updateSelected)
	p.tools.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { p.moveSelected(-1) })
	p.tools.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { p.moveSelected(+1) })
	p.tools.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), p.deleteSelected)
	for _, b := range []*widget.Button{p.tools.edit, p.tools.update, p.tools.up, p.tools.down, p.tools.del} {
		b.Importance = widget.LowImportance
	}
	p.undo.msg = widget.NewLabel("")
	p.undo.msg.Truncation = fyne.TextTruncateEllipsis
	undo := widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), p.undoDelete)
	p.undo.bar = container.NewBorder(nil, nil, nil, undo, p.undo.msg)
	p.undo.bar.Hide()

	tools := container.NewHBox(p.tools.edit, p.tools.update, layout.NewSpacer(), p.tools.up, p.tools.down, p.tools.del)
	top := container.NewVBox(container.NewGridWithColumns(2, add, present), tools, p.undo.bar)
	p.root = container.NewBorder(top, nil, nil, nil, container.NewStack(p.list, container.NewPadded(p.empty)))
	p.enable()
	s.Watch(p.follow)
	return p
}

// follow keeps the panel in step with the session.
func (p *StopsPanel) follow(e session.Event) {
	switch e := e.(type) {
	case session.Opened:
		if e.Err == nil {
			p.documentChanged()
		}
	case session.Closed:
		p.documentChanged()
	case session.StopsRead:
		p.showStops(e.Stops, e.Keep)
	case session.DatesChanged:
		p.list.Refresh()
	}
}

// Object returns the panel's canvas object.
func (p *StopsPanel) Object() fyne.CanvasObject { return p.root }

// enable shows which actions apply to the selection.
func (p *StopsPanel) enable() {
	has := p.selected >= 0 && p.selected < len(p.stops)
	writable := p.s.Editable()
	for _, b := range []*widget.Button{p.tools.edit, p.tools.update, p.tools.del} {
		setEnabled(b, has && writable)
	}
	setEnabled(p.tools.up, has && writable && p.selected > 0)
	setEnabled(p.tools.down, has && writable && p.selected < len(p.stops)-1)
	p.empty.Hidden = len(p.stops) > 0
	p.empty.Refresh()
}

// showStops lists stops, selecting the stop with id keep, if any.
func (p *StopsPanel) showStops(stops []data.Stop, keep int64) {
	p.stops = stops
	p.selected = -1
	p.list.UnselectAll()
	p.list.Refresh()
	for i, st := range stops {
		if st.ID == keep {
			p.selected = i
			p.list.Select(i)
			p.list.ScrollTo(i)
		}
	}
	p.enable()
}

// addCurrent adds the current view as a stop after the selected one, or at
// the end.
func (p *StopsPanel) addCurrent() {
	if p.s.Doc() == nil {
		return
	}
	st := p.s.CurrentStop()
	st.Position = -1
	if p.selected >= 0 {
		st.Position = int64(p.selected + 1)
	}
	p.s.WriteStops("add a stop", func(ctx context.Context, s *data.Store) (int64, error) { return s.AddStop(ctx, st) })
}

// updateSelected sets the selected stop's view to the current one, keeping
// its caption and quote.
func (p *StopsPanel) updateSelected() {
	if p.selected < 0 {
		return
	}
	st := p.stops[p.selected]
	cur := p.s.CurrentStop()
	st.ViewStart, st.ViewEnd, st.HiddenLanes = cur.ViewStart, cur.ViewEnd, cur.HiddenLanes
	if cur.EventID != 0 && cur.EventID != st.EventID {
		st.EventID, st.QuoteID = cur.EventID, 0 // a quote card belongs to its event
	}
	p.s.WriteStops("update the stop", func(ctx context.Context, s *data.Store) (int64, error) { return st.ID, s.UpdateStop(ctx, st) })
}

// moveSelected moves the selected stop up (-1) or down (+1).
func (p *StopsPanel) moveSelected(d int) { p.move(p.selected, p.selected+d) }

// move moves the stop at index from to index to.
func (p *StopsPanel) move(from, to int) {
	if from < 0 || from >= len(p.stops) || to == from {
		return
	}
	to = max(0, min(to, len(p.stops)-1))
	id := p.stops[from].ID
	p.s.WriteStops("move the stop", func(ctx context.Context, s *data.Store) (int64, error) { return id, s.MoveStop(ctx, id, int64(to)) })
}

// deleteSelected deletes the selected stop and offers to undo it.
func (p *StopsPanel) deleteSelected() {
	if p.selected < 0 {
		return
	}
	st := p.stops[p.selected]
	name := data.StopTitle(st, p.selected+1)
	p.s.DeleteStop(st, func(old data.Stop) {
		p.undo.deleted = &old
		p.undo.msg.SetText("Deleted “" + name + "”")
		p.undo.bar.Show()
	})
}

// undoDelete puts back the stop deleted last.
func (p *StopsPanel) undoDelete() {
	st := p.undo.deleted
	if st == nil {
		return
	}
	p.undo.deleted = nil
	p.undo.bar.Hide()
	p.s.WriteStops("restore the stop", func(ctx context.Context, s *data.Store) (int64, error) { return st.ID, s.RestoreStop(ctx, *st) })
}

// documentChanged clears the panel for a newly shown document, and reads
// its stops if the panel is on screen.
func (p *StopsPanel) documentChanged() {
	p.stops, p.selected, p.undo.deleted = nil, -1, nil
	p.undo.bar.Hide()
	p.list.UnselectAll()
	p.list.Refresh()
	p.enable()
	p.stale = true
	if p.active {
		p.SetActive(true)
	}
}

// SetActive is called when the panel comes on screen or leaves it.
func (p *StopsPanel) SetActive(on bool) {
	p.active = on
	if on && p.stale && p.s.Doc() != nil {
		p.stale = false
		p.s.ReadStops(0)
	}
}

// editSelected asks for the selected stop's caption and which of its
// event's quotes, if any, its card shows.
func (p *StopsPanel) editSelected() {
	if p.selected >= 0 && p.OnEdit != nil {
		p.OnEdit(p.stops[p.selected], p.selected+1)
	}
}

// stopRow is one stop in the list: its number, caption and window. Drag it
// up or down to move the stop.
type stopRow struct {
	widget.BaseWidget
	p     *StopsPanel
	index int
	title *widget.Label
	when  *widget.Label
	dy    float32
}

var _ fyne.Draggable = (*stopRow)(nil)

func newStopRow(p *StopsPanel) *stopRow {
	r := &stopRow{p: p, title: widget.NewLabel(""), when: widget.NewLabel("")}
	r.title.TextStyle.Bold = true
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.when.SizeName = theme.SizeNameCaptionText
	r.when.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

func (r *stopRow) set(i int) {
	r.index = i
	if i < 0 || i >= len(r.p.stops) {
		return
	}
	st := r.p.stops[i]
	r.title.SetText(fmt.Sprintf("%d. %s", i+1, data.StopTitle(st, i+1)))
	r.when.SetText(session.StopWindow(r.p.s.Dates(), st))
}

// CreateRenderer is part of fyne.Widget.
func (r *stopRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), r.title, r.when))
}

// Dragged follows a drag up or down the list.
func (r *stopRow) Dragged(ev *fyne.DragEvent) { r.dy += ev.Dragged.DY }

// DragEnd moves the stop by as many rows as it was dragged.
func (r *stopRow) DragEnd() {
	rows := int(math.Round(float64(r.dy / max(r.Size().Height, 1))))
	r.dy = 0
	if rows != 0 {
		r.p.move(r.index, r.index+rows)
	}
}

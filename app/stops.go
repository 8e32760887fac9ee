package app

import (
	"context"
	"fmt"
	"math"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
)

// stopsPanel lists the document's stops, the steps of its presentation:
// add the current view as a stop, go to one, edit its caption and quote
// card, reorder by dragging or with the arrows, delete with undo, present.
type stopsPanel struct {
	m        *mainWindow
	stops    []data.Stop
	selected int // index in stops, -1 for none

	list    *widget.List
	empty   *widget.Label
	edit    *widget.Button
	update  *widget.Button
	up      *widget.Button
	down    *widget.Button
	del     *widget.Button
	undoBar *fyne.Container
	undoMsg *widget.Label
	deleted *data.Stop // the stop the undo bar can restore
	root    fyne.CanvasObject
	// active is true while the panel is on screen: stops are read only
	// then, not for every document opened.
	active bool
	stale  bool // the list is not of the open document

	// loaded, when set, is called on the UI goroutine after the stops are
	// read (tests).
	loaded func()
}

func newStopsPanel(m *mainWindow) *stopsPanel {
	p := &stopsPanel{m: m, selected: -1}
	p.list = widget.NewList(
		func() int { return len(p.stops) },
		func() fyne.CanvasObject { return newStopRow(p) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*stopRow).set(i) },
	)
	p.list.OnSelected = func(i widget.ListItemID) {
		p.selected = i
		p.enable()
		if i >= 0 && i < len(p.stops) {
			m.showStop(p.stops[i], presentMove)
		}
	}
	p.list.OnUnselected = func(widget.ListItemID) { p.selected = -1; p.enable() }
	p.empty = widget.NewLabel("No stops yet. A stop is a saved view: move the timeline to what you want to show, select an event if you like, and add it. Present (F5) walks through the stops in order.")
	p.empty.Wrapping = fyne.TextWrapWord

	add := widget.NewButtonWithIcon("Add current view", theme.ContentAddIcon(), p.addCurrent)
	add.Importance = widget.HighImportance
	present := widget.NewButtonWithIcon("Present", theme.MediaPlayIcon(), m.present)
	p.edit = widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), p.editSelected)
	p.update = widget.NewButtonWithIcon("Set to view", theme.ViewRefreshIcon(), p.updateSelected)
	p.up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { p.moveSelected(-1) })
	p.down = widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { p.moveSelected(+1) })
	p.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), p.deleteSelected)
	for _, b := range []*widget.Button{p.edit, p.update, p.up, p.down, p.del} {
		b.Importance = widget.LowImportance
	}
	p.undoMsg = widget.NewLabel("")
	p.undoMsg.Truncation = fyne.TextTruncateEllipsis
	undo := widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), p.undoDelete)
	p.undoBar = container.NewBorder(nil, nil, nil, undo, p.undoMsg)
	p.undoBar.Hide()

	tools := container.NewHBox(p.edit, p.update, layout.NewSpacer(), p.up, p.down, p.del)
	top := container.NewVBox(container.NewGridWithColumns(2, add, present), tools, p.undoBar)
	p.root = container.NewBorder(top, nil, nil, nil, container.NewStack(p.list, container.NewPadded(p.empty)))
	p.enable()
	return p
}

func (p *stopsPanel) object() fyne.CanvasObject { return p.root }

// enable shows which actions apply to the selection.
func (p *stopsPanel) enable() {
	has := p.selected >= 0 && p.selected < len(p.stops)
	writable := p.m.doc != nil && !p.m.doc.store.ReadOnly()
	for _, b := range []*widget.Button{p.edit, p.update, p.del} {
		setEnabled(b, has && writable)
	}
	setEnabled(p.up, has && writable && p.selected > 0)
	setEnabled(p.down, has && writable && p.selected < len(p.stops)-1)
	p.empty.Hidden = len(p.stops) > 0
	p.empty.Refresh()
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// reload reads the stops of the open document in the background, then
// selects the stop with id keep, if any.
func (p *stopsPanel) reload(keep int64) {
	doc := p.m.doc
	if doc == nil {
		return
	}
	go func() {
		stops, err := doc.store.Stops(p.m.life)
		fyne.Do(func() {
			if doc != p.m.doc {
				return
			}
			if err != nil {
				p.m.showError(fmt.Errorf("read the stops: %w", err))
				return
			}
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
			if p.loaded != nil {
				p.loaded()
			}
		})
	}()
}

// write runs fn against the open document off the UI goroutine, then
// reloads the list, selecting the stop whose id fn returns.
func (p *stopsPanel) write(what string, fn func(ctx context.Context, s *data.Store) (int64, error)) {
	doc := p.m.doc
	if doc == nil {
		return
	}
	go func() {
		keep, err := int64(0), doc.whenVerified(p.m.life)
		if err == nil {
			keep, err = fn(p.m.life, doc.store)
		}
		fyne.Do(func() {
			if doc != p.m.doc {
				return
			}
			if err != nil {
				p.m.showError(fmt.Errorf("%s: %w", what, err))
			}
			p.reload(keep)
		})
	}()
}

// currentView is a stop showing the timeline as it is now.
func (p *stopsPanel) currentView() data.Stop {
	m := p.m
	vp := m.timeline.Viewport()
	st := data.Stop{ViewStart: int64(math.Floor(vp.Start())), ViewEnd: int64(math.Ceil(vp.End())), EventID: m.timeline.Selected()}
	if st.ViewEnd <= st.ViewStart {
		st.ViewEnd = st.ViewStart + 1
	}
	for i, l := range m.doc.tlLanes {
		if l.Collapsed {
			st.HiddenLanes = append(st.HiddenLanes, m.doc.lanes[i].ID)
		}
	}
	return st
}

// addCurrent adds the current view as a stop after the selected one, or at
// the end.
func (p *stopsPanel) addCurrent() {
	if p.m.doc == nil {
		return
	}
	st := p.currentView()
	st.Position = -1
	if p.selected >= 0 {
		st.Position = int64(p.selected + 1)
	}
	p.write("add a stop", func(ctx context.Context, s *data.Store) (int64, error) { return s.AddStop(ctx, st) })
}

// updateSelected sets the selected stop's view to the current one, keeping
// its caption and quote.
func (p *stopsPanel) updateSelected() {
	if p.selected < 0 {
		return
	}
	st := p.stops[p.selected]
	cur := p.currentView()
	st.ViewStart, st.ViewEnd, st.HiddenLanes = cur.ViewStart, cur.ViewEnd, cur.HiddenLanes
	if cur.EventID != 0 && cur.EventID != st.EventID {
		st.EventID, st.QuoteID = cur.EventID, 0 // a quote card belongs to its event
	}
	p.write("update the stop", func(ctx context.Context, s *data.Store) (int64, error) { return st.ID, s.UpdateStop(ctx, st) })
}

// moveSelected moves the selected stop up (-1) or down (+1).
func (p *stopsPanel) moveSelected(d int) { p.move(p.selected, p.selected+d) }

// move moves the stop at index from to index to.
func (p *stopsPanel) move(from, to int) {
	if from < 0 || from >= len(p.stops) || to == from {
		return
	}
	to = max(0, min(to, len(p.stops)-1))
	id := p.stops[from].ID
	p.write("move the stop", func(ctx context.Context, s *data.Store) (int64, error) { return id, s.MoveStop(ctx, id, int64(to)) })
}

// deleteSelected deletes the selected stop and offers to undo it.
func (p *stopsPanel) deleteSelected() {
	if p.selected < 0 {
		return
	}
	st := p.stops[p.selected]
	name := data.StopTitle(st, p.selected+1)
	doc := p.m.doc
	go func() {
		var old data.Stop
		err := doc.whenVerified(p.m.life)
		if err == nil {
			old, err = doc.store.DeleteStop(p.m.life, st.ID)
		}
		fyne.Do(func() {
			if doc != p.m.doc {
				return
			}
			if err != nil {
				p.m.showError(fmt.Errorf("delete the stop: %w", err))
			} else {
				p.deleted = &old
				p.undoMsg.SetText("Deleted “" + name + "”")
				p.undoBar.Show()
			}
			p.reload(0)
		})
	}()
}

// undoDelete puts back the stop deleted last.
func (p *stopsPanel) undoDelete() {
	st := p.deleted
	if st == nil {
		return
	}
	p.deleted = nil
	p.undoBar.Hide()
	p.write("restore the stop", func(ctx context.Context, s *data.Store) (int64, error) { return st.ID, s.RestoreStop(ctx, *st) })
}

// documentChanged clears the panel for a newly shown document, and reads
// its stops if the panel is on screen.
func (p *stopsPanel) documentChanged() {
	p.stops, p.selected, p.deleted = nil, -1, nil
	p.undoBar.Hide()
	p.list.UnselectAll()
	p.list.Refresh()
	p.enable()
	p.stale = true
	if p.active {
		p.setActive(true)
	}
}

// setActive is called when the panel comes on screen or leaves it.
func (p *stopsPanel) setActive(on bool) {
	p.active = on
	if on && p.stale && p.m.doc != nil {
		p.stale = false
		p.reload(0)
	}
}

// editSelected asks for the selected stop's caption and which of its
// event's quotes, if any, its card shows.
func (p *stopsPanel) editSelected() {
	if p.selected < 0 {
		return
	}
	st := p.stops[p.selected]
	n := p.selected + 1
	doc := p.m.doc
	go func() {
		var quotes []data.QuoteRef
		var err error
		if st.EventID != 0 {
			quotes, err = doc.store.QuotesOfEvent(p.m.life, st.EventID)
		}
		fyne.Do(func() {
			if doc != p.m.doc {
				return
			}
			if err != nil {
				p.m.showError(fmt.Errorf("read the stop's quotes: %w", err))
				return
			}
			p.showEditDialog(st, n, quotes)
		})
	}()
}

func (p *stopsPanel) showEditDialog(st data.Stop, n int, quotes []data.QuoteRef) {
	caption := widget.NewMultiLineEntry()
	caption.SetText(st.Caption)
	caption.SetPlaceHolder("What the audience should take from this stop")
	caption.Wrapping = fyne.TextWrapWord
	caption.SetMinRowsVisible(3)
	caption.Validator = func(s string) error {
		if len(s) > data.MaxCaptionBytes {
			return fmt.Errorf("at most %d bytes; this is %d", data.MaxCaptionBytes, len(s))
		}
		return nil
	}
	const none = "No quote card"
	options := []string{none}
	ids := []int64{0}
	chosen := none
	for _, q := range quotes {
		label := fmt.Sprintf("“%s” — %s", shorten(q.Text, 60), q.Speaker)
		options = append(options, label)
		ids = append(ids, q.ID)
		if q.ID == st.QuoteID {
			chosen = label
		}
	}
	quote := widget.NewSelect(options, nil)
	quote.SetSelected(chosen)
	if len(quotes) == 0 {
		quote.Disable()
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Caption", caption),
		{Text: "Quote card", Widget: quote, HintText: "One of the selected event's quotes, shown large when presenting"},
	}
	d := dialog.NewForm(fmt.Sprintf("Stop %d", n), "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		st.Caption = caption.Text
		st.QuoteID = ids[max(quote.SelectedIndex(), 0)]
		p.write("save the stop", func(ctx context.Context, s *data.Store) (int64, error) { return st.ID, s.UpdateStop(ctx, st) })
	}, p.m.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// showStop moves the timeline to st over d, selects its event and
// collapses the lanes it hides.
func (m *mainWindow) showStop(st data.Stop, d time.Duration) {
	if m.doc == nil {
		return
	}
	m.hideLanesOf(st)
	m.timeline.MoveTo(float64(st.ViewStart), float64(st.ViewEnd), d)
	m.timeline.Select(st.EventID)
}

// hideLanesOf collapses the lanes stop st hides and opens the others.
func (m *mainWindow) hideLanesOf(st data.Stop) {
	hidden := make([]bool, len(m.doc.tlLanes))
	for k, l := range m.doc.lanes {
		hidden[k] = slices.Contains(st.HiddenLanes, l.ID)
	}
	m.setCollapsed(hidden)
}

// setCollapsed collapses the lanes marked in collapsed and opens the others.
func (m *mainWindow) setCollapsed(collapsed []bool) {
	changed := false
	for i := range m.doc.tlLanes {
		c := i < len(collapsed) && collapsed[i]
		if m.doc.tlLanes[i].Collapsed != c {
			m.doc.tlLanes[i].Collapsed = c
			changed = true
		}
	}
	if changed {
		m.timeline.Refresh()
	}
}

// stopRow is one stop in the list: its number, caption and window. Drag it
// up or down to move the stop.
type stopRow struct {
	widget.BaseWidget
	p     *stopsPanel
	index int
	title *widget.Label
	when  *widget.Label
	dy    float32
}

var _ fyne.Draggable = (*stopRow)(nil)

func newStopRow(p *stopsPanel) *stopRow {
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
	r.when.SetText(stopWindow(r.p.m.dates, st))
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

// stopWindow describes a stop's time window, e.g. "Jun 2022 – Dec 2022".
func stopWindow(ds data.DateStyle, st data.Stop) string {
	p := data.PrecisionDay
	if st.ViewEnd-st.ViewStart < 3*86400 {
		p = data.PrecisionMinute
	}
	from := data.Time{Unix: st.ViewStart, Precision: p}
	to := data.Time{Unix: st.ViewEnd - 1, Precision: p}
	return ds.Format(from) + " – " + ds.Format(to)
}

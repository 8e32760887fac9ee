package app

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/dialog"
	"github.com/quoteline/quoteline/app/pane"
	"github.com/quoteline/quoteline/app/present"
	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/weblink"
	"github.com/quoteline/quoteline/timeline"
	"github.com/quoteline/quoteline/timeline/view"
)

// window is one main window: its session, the timeline and the panes, and
// the menus.
type window struct {
	app       fyne.App
	win       fyne.Window
	version   string // shown in the About dialog
	s         *session.Session
	timeline  *view.Timeline
	overview  *view.Overview
	span      *widget.Label // the visible window, in the toolbar
	panes     panes
	side      *container.AppTabs // details, source, actors, stops
	split     *container.Split
	menus     menus
	presenter *present.Presenter // while presenting
	// newWindow opens another window, on the document at path or, if
	// blank, on none.
	newWindow func(path string, blank bool)
}

// panes are the window's panes.
type panes struct {
	details *pane.Details
	source  *pane.SourceViewer
	actors  *pane.ActorList
	stops   *pane.StopsPanel
	list    *pane.EventList
	search  *pane.SearchBar
	filter  *pane.FilterBar
	status  *pane.StatusLine
}

// Side pane tabs, in order.
const (
	tabDetails = iota
	tabSource
	tabActors
	tabStops
)

// parent is what the dialogs need of the window.
func (w *window) parent() dialog.Parent {
	return dialog.Parent{Win: w.win, Session: w.s, Focus: w.timeline}
}

// start opens the document at path, or the user's copy of the default
// timeline, made on first run. It may be called before the window runs.
func (w *window) start(path string) {
	if path != "" {
		w.s.Open(path)
		return
	}
	root := w.app.Storage().RootURI()
	if root == nil || root.Scheme() != "file" {
		fynedialog.ShowError(errors.New("no folder to keep the default timeline in"), w.win)
		return
	}
	w.s.OpenDefault(filepath.Join(root.Path(), DefaultDocumentName))
}

// wire connects the timeline and the panes to the session, and the panes'
// actions to the dialogs.
func (w *window) wire() {
	s, tl, p := w.s, w.timeline, &w.panes
	w.overview.OnMove = func(start, end float64) {
		tl.SetViewport(timeline.NewViewport(start, end, tl.Viewport().Width()))
	}
	tl.OnSelected = func(id int64) {
		if id == 0 {
			tl.SetMarked(nil)
			tl.SelectQuote(0)
		} else {
			w.side.SelectIndex(tabDetails)
		}
		s.Select(id)
	}
	tl.OnViewChanged = func(vp timeline.Viewport) {
		s.SetView(vp)
		w.showSpan(vp)
		w.overview.SetWindow(vp.Start(), vp.End())
	}
	tl.OnUntitled = s.WantTitles
	tl.Tooltip = s.Tooltip
	tl.OnPeriodSelected = s.SelectPeriod
	tl.PeriodTooltip = s.PeriodTooltip
	tl.Precision = func(id int64) (start, end timeline.Unit) {
		if doc := s.Doc(); doc != nil {
			return doc.DragUnits(id)
		}
		return timeline.Second, timeline.Second
	}
	f5 := func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyF5 {
			w.present()
		}
	}
	tl.OnOtherKey = f5
	w.win.Canvas().SetOnTypedKey(f5)
	tl.OnQuoteSelected = s.ChooseQuote
	tl.SetShowQuotes(w.app.Preferences().BoolWithFallback(prefShowStatements, true))
	tl.OnMoved = s.MoveEvent
	tl.OnResized = s.ResizeEvent
	w.side.OnSelected = func(tab *container.TabItem) { p.stops.SetActive(tab.Content == p.stops.Object()) }

	p.details.OnShowSource = s.ShowSource
	p.details.OnEditQuote = func(id int64) { dialog.ShowQuoteForm(w.parent(), id) }
	p.details.OnDeleteQuote = func(q data.QuoteRef) { dialog.DeleteQuote(w.parent(), q) }
	p.details.OnLink = func(event int64, kind session.LinkKind) { dialog.ShowLinkPicker(w.parent(), event, kind) }
	p.details.OnGoTo = w.goToEvent
	p.details.OnEditPeriod = func(pd data.Period) { dialog.ShowPeriodForm(w.parent(), pd) }
	p.source.Actions = pane.SourceActions{
		NewQuote:    func(src data.Source, start, end int) { dialog.NewQuoteFromSelection(w.parent(), src, start, end) },
		OpenURL:     w.openURL,
		EditSource:  func(id int64) { dialog.ShowSourceForm(w.parent(), id, nil) },
		EditQuote:   p.details.OnEditQuote,
		DeleteQuote: p.details.OnDeleteQuote,
		GoTo:        w.goToEvent,
	}
	p.actors.OnAdd = func() { dialog.ShowActorForm(w.parent(), data.Actor{Kind: data.KindPerson}) }
	p.actors.OnEdit = func(a data.Actor) { dialog.ShowActorForm(w.parent(), a) }
	p.actors.OnDelete = func(a data.Actor) { dialog.DeleteActor(w.parent(), a) }
	p.stops.OnShow = func(st data.Stop) { present.ShowStop(s, tl, st, present.Move) }
	p.stops.OnEdit = func(st data.Stop, n int) { dialog.ShowStopForm(w.parent(), st, n) }
	p.stops.OnPresent = w.present
	p.search.OnClose = func() { w.win.Canvas().Focus(tl) }
}

// follow keeps the window's own parts, the timeline and the menus, in step
// with the session; the panes follow it themselves.
func (w *window) follow(e session.Event) {
	s, tl := w.s, w.timeline
	switch e := e.(type) {
	case session.Opened:
		if e.Err != nil {
			return
		}
		doc := s.Doc()
		title := filepath.Base(doc.Path()) + " — Quoteline"
		if doc.ReadOnly() {
			title = filepath.Base(doc.Path()) + " (read-only) — Quoteline"
		}
		w.win.SetTitle(title)
		tl.Select(0)
		tl.SelectPeriod(0)
		tl.SetEditable(s.Editable())
		tl.SetMarked(nil)
		tl.SelectQuote(0)
		w.remember(doc.Path())
		w.refreshUndo()
	case session.Closed:
		w.showNoDocument()
	case session.Shown:
		sh := s.Showing()
		var counts timeline.Counts = sh.Index
		if sh.Summary != nil { // the events are being read
			tl.SetPreview(sh.Lanes, sh.Events, sh.Summary)
			counts = sh.Summary
		} else {
			tl.SetData(sh.Lanes, sh.Events, sh.Index)
		}
		lo, hi, _ := tl.Extent()
		w.overview.SetData(counts, lo, hi)
		if e.Fit {
			tl.FitAll() // nothing left in view: show where the events are
		}
	case session.Framed:
		if e.All {
			tl.FitAll()
		} else {
			tl.SetViewport(e.Viewport)
		}
	case session.Statements:
		tl.SetQuotes(s.Statements())
	case session.Selected:
		tl.Select(e.ID)
	case session.PeriodSelected:
		tl.SelectPeriod(e.ID)
		if e.ID != 0 {
			w.side.SelectIndex(tabDetails)
		}
	case session.Revealed:
		if e.From <= e.To {
			tl.RevealTimes(e.From, e.To)
		}
	case session.QuoteChosen:
		ids := make([]int64, len(e.Events))
		for i, ev := range e.Events {
			ids[i] = ev.ID
		}
		tl.SetMarked(ids)
		tl.SelectQuote(e.Quote.ID)
	case session.SourceShown:
		if e.Reveal {
			w.revealSide(tabSource)
		}
	case session.Redraw, session.TitlesRead:
		tl.Refresh()
	case session.Edited:
		w.refreshUndo()
	case session.DatesChanged:
		tl.SetZone(s.Dates().Zone)
		w.showSpan(tl.Viewport())
	case session.Problem:
		if !errors.Is(e.Err, context.Canceled) {
			fynedialog.ShowError(e.Err, w.win)
		}
	}
}

// showSpan names the visible window vp in the toolbar. The label is set
// only when its text changes: a label set anew is measured and laid out
// again, and during a zoom the view changes every frame.
func (w *window) showSpan(vp timeline.Viewport) {
	if text := session.VisibleRange(w.s.Dates(), vp); text != w.span.Text {
		w.span.SetText(text)
	}
}

// showNoDocument shows the window's own parts empty; the panes follow the
// session themselves.
func (w *window) showNoDocument() {
	w.timeline.Select(0)
	w.timeline.SelectPeriod(0)
	w.timeline.SetData(nil, timeline.Events{}, nil)
	w.overview.SetData(nil, 0, 0)
	w.win.SetTitle("Quoteline")
	w.panes.status.Show(session.Status{Text: w.s.Summary()})
	w.refreshUndo()
}

// revealSide selects a side tab. The split between the timeline and the
// side pane stays where the user left it.
func (w *window) revealSide(tab int) {
	w.side.SelectIndex(tab)
}

// goToEvent selects event id, brings it into view and shows its details.
func (w *window) goToEvent(id int64) {
	w.side.SelectIndex(tabDetails)
	w.s.GoTo(id)
}

// showSelectedSource shows the source of the selected event (View ▸ Show
// Source of Selected Event), or at least the source pane.
func (w *window) showSelectedSource() {
	if !w.s.ShowSelectedSource() {
		w.revealSide(tabSource)
	}
}

// editSelected opens the form of the selected period, or else of the
// selected event (Edit ▸ Edit Selected Event…).
func (w *window) editSelected() {
	if id := w.s.SelectedPeriod(); id != 0 {
		if pd, _, _, ok := w.s.Doc().Period(id); ok {
			dialog.ShowPeriodForm(w.parent(), pd)
			return
		}
	}
	dialog.ShowEventForm(w.parent(), w.s.Selected())
}

// deleteSelected deletes the selected period (an edit that can be undone),
// or else the selected event.
func (w *window) deleteSelected() {
	if id := w.s.SelectedPeriod(); id != 0 {
		w.s.DeletePeriod(id)
		return
	}
	dialog.DeleteSelected(w.parent())
}

// showFilter asks which events to show (View ▸ Filter…).
func (w *window) showFilter() {
	if w.s.Doc() != nil {
		dialog.ShowFilter(w.parent())
	}
}

// present enters present mode on the open document's stops.
func (w *window) present() {
	if w.s.Doc() == nil || w.presenter != nil {
		return
	}
	present.Start(w.s, w.win, w.timeline, func(p *present.Presenter) {
		w.presenter = p
		p.OnEnd = func() { w.presenter = nil }
	})
}

// openURL opens a web or mail address in the system browser or mail
// program; anything but http, https and mailto is refused (see
// weblink.Link).
func (w *window) openURL(u *url.URL) error {
	if _, ok := weblink.Link(u.String()); !ok {
		err := fmt.Errorf("%q is not a web or mail address: only http, https and mailto addresses are opened", u.String())
		fynedialog.ShowError(err, w.win)
		return err
	}
	if err := w.app.OpenURL(u); err != nil {
		err = fmt.Errorf("open %s in the browser: %w", u.Host, err)
		fynedialog.ShowError(err, w.win)
		return err
	}
	return nil
}

package app

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// links is what the window knows of the open document's quotes and actors,
// read after the document is shown. UI goroutine only.
type links struct {
	doc    *document
	all    []data.QuoteMark // every quote, by said-at time
	actors []data.Actor
	// reshow, when set, is the source (and quote) to show again once the
	// document has been read again after an edit.
	reshow *[2]int64
}

// Side pane tabs, in order.
const (
	tabDetails = iota
	tabSource
	tabActors
	tabStops
)

// initLinks builds the side panes (details, source viewer, actors, stops) and
// wires the timeline's quote marks to them.
func (m *mainWindow) initLinks() {
	m.source = newSourceViewer()
	m.source.dates = &m.dates
	m.source.OpenURL = m.openURL
	m.source.OnQuoteChosen = m.chooseQuote
	m.source.OnNewQuote = m.newQuoteFromSelection
	m.source.OnOpenSource = func(id int64) { m.showSource(id, 0) }
	m.details.onShowSource = m.showSource
	m.actors = newActorList(m.filterByActor)
	m.side = container.NewAppTabs(
		container.NewTabItemWithIcon("Details", theme.InfoIcon(), m.details.object()),
		container.NewTabItemWithIcon("Source", theme.DocumentIcon(), m.source.object()),
		container.NewTabItemWithIcon("Actors", theme.AccountIcon(), m.actors.object()),
		container.NewTabItemWithIcon("Stops", theme.MediaPlayIcon(), m.stops.object()),
	)
	m.timeline.OnQuoteSelected = m.chooseQuote
	m.timeline.SetShowQuotes(m.app.Preferences().BoolWithFallback(prefShowStatements, true))
	selectEvent := m.timeline.OnSelected
	m.timeline.OnSelected = func(id int64) {
		if id == 0 {
			m.timeline.SetMarked(nil)
			m.timeline.SelectQuote(0)
		} else {
			m.side.SelectIndex(tabDetails)
		}
		selectEvent(id)
	}
}

// prefShowStatements is the preference that keeps the statements row shown or hidden.
const prefShowStatements = "view.statements"

// statementsMenuItem is the View menu's toggle for the statements row.
func (m *mainWindow) statementsMenuItem() *fyne.MenuItem {
	item := fyne.NewMenuItem("Show Statements Row", nil)
	item.Checked = m.timeline.ShowQuotes()
	item.Action = func() {
		show := !m.timeline.ShowQuotes()
		m.timeline.SetShowQuotes(show)
		m.app.Preferences().SetBool(prefShowStatements, show)
		item.Checked = show
		if mm := m.win.MainMenu(); mm != nil {
			mm.Refresh()
		}
	}
	return item
}

// clearLinks forgets the quotes and actors of the previous document as doc
// is shown.
func (m *mainWindow) clearLinks(doc *document) {
	m.links = links{doc: doc, reshow: m.links.reshow}
	m.timeline.SetQuotes(nil)
	m.timeline.SetMarked(nil)
	m.timeline.SelectQuote(0)
	m.source.all = nil
	if m.links.reshow == nil {
		m.source.showEmpty()
	}
	m.actors.set(nil, nil)
}

// showSourceMenuItem is the View menu's item that shows the selected
// event's first quote in its source (or the first source it cites).
func (m *mainWindow) showSourceMenuItem() *fyne.MenuItem {
	item := fyne.NewMenuItem("Show Source of Selected Event", m.showSelectedSource)
	item.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	return item
}

// showSelectedSource shows the source behind the selected event: its first
// quote that has a place in a stored text, else the first source it cites.
func (m *mainWindow) showSelectedSource() {
	id := m.timeline.Selected()
	if m.doc == nil || id == 0 {
		m.revealSide(tabSource)
		return
	}
	type cited struct {
		quotes  []data.QuoteRef
		sources []data.SourceRef
	}
	readThen(m, m.doc, func(ctx context.Context, s *data.Store) (cited, error) {
		var c cited
		var err error
		if c.quotes, err = s.QuotesOfEvent(ctx, id); err == nil {
			c.sources, err = s.SourcesOfEvent(ctx, id)
		}
		if err != nil {
			return c, fmt.Errorf("read the sources of event %d: %w", id, err)
		}
		return c, nil
	}, func(c cited) {
		for _, q := range c.quotes {
			if q.Source.HasText && q.HasOffsets {
				m.showSource(q.SourceID, q.ID)
				return
			}
		}
		if len(c.sources) > 0 {
			m.showSource(c.sources[0].ID, 0)
			return
		}
		m.revealSide(tabSource)
	})
}

// linkData is what the side panes show of a document besides its events:
// every quote's mark, the actors and the sources (without text).
type linkData struct {
	marks   []data.QuoteMark
	actors  []data.Actor
	sources []data.Source
}

// readLinks reads the quotes' marks, the actors and the sources of s.
func readLinks(ctx context.Context, s *data.Store) (linkData, error) {
	var ld linkData
	var err error
	if ld.marks, err = s.QuoteMarks(ctx); err != nil {
		return ld, err
	}
	if ld.actors, err = s.Actors(ctx); err != nil {
		return ld, err
	}
	ld.sources, err = s.Sources(ctx)
	return ld, err
}

// applyLinks shows ld: the statements row, the Actors tab (keeping the
// actor the timeline is filtered to, if it is still there) and the source
// viewer's list.
func (m *mainWindow) applyLinks(ld linkData) {
	m.links.all = ld.marks
	m.links.actors = ld.actors
	m.source.setSources(ld.sources)
	// An actor deleted meanwhile leaves the filter.
	f := m.filter.f
	known := func(id int64) bool {
		return slices.ContainsFunc(ld.actors, func(a data.Actor) bool { return a.ID == id })
	}
	if kept := slices.DeleteFunc(slices.Clone(f.actors), func(id int64) bool { return !known(id) }); len(kept) != len(f.actors) {
		f.actors = kept
		m.setFilter(f)
	}
	m.actors.set(ld.actors, m.filter.f.actors)
	m.showQuotes()
	m.showChips() // with the actors' names
}

// loadLinks reads the quotes' marks, the actors and the sources of doc in
// the background.
func (m *mainWindow) loadLinks(doc *document) {
	reshow := m.links.reshow
	m.links.reshow = nil
	go func() {
		ld, err := readLinks(m.life, doc.store)
		fyne.Do(func() {
			if doc != m.doc {
				return
			}
			if m.linksLoaded != nil {
				defer m.linksLoaded(err)
			}
			if err != nil {
				if !errors.Is(err, context.Canceled) {
					m.showError(fmt.Errorf("read the quotes and actors: %w", err))
				}
				return
			}
			m.applyLinks(ld)
			if reshow != nil {
				m.showSource(reshow[0], reshow[1])
			}
		})
	}()
}

// quoteMarks converts the store's quote marks for the timeline, keeping
// only those keep accepts (all if keep is nil).
func quoteMarks(marks []data.QuoteMark, keep func(*data.QuoteMark) bool) []timeline.QuoteMark {
	out := make([]timeline.QuoteMark, 0, len(marks))
	for i := range marks {
		q := &marks[i]
		if keep != nil && !keep(q) {
			continue
		}
		tm := timeline.QuoteMark{ID: q.ID, At: float64(q.SaidAt.Unix), Events: q.Events}
		for _, st := range q.Stances {
			tm.Disputes = append(tm.Disputes, st == data.StanceDisputes)
		}
		out = append(out, tm)
	}
	return out
}

// showSource opens source id in the viewer, scrolled to quote (if not 0).
func (m *mainWindow) showSource(id, quote int64) {
	if m.doc == nil {
		return
	}
	type shown struct {
		src    data.Source
		quotes []data.QuoteRef
	}
	readThen(m, m.doc, func(ctx context.Context, s *data.Store) (shown, error) {
		var v shown
		var err error
		if v.src, err = s.Source(ctx, id); err == nil {
			v.quotes, err = s.QuotesOfSource(ctx, id)
		}
		if err != nil {
			return v, fmt.Errorf("read source %d: %w", id, err)
		}
		return v, nil
	}, func(v shown) {
		m.revealSide(tabSource)
		m.source.show(v.src, v.quotes, quote)
		if m.sourceShown != nil {
			m.sourceShown(id)
		}
	})
}

// revealSide selects a side tab and, for the source, makes the side pane
// wide enough to read.
func (m *mainWindow) revealSide(tab int) {
	if tab == tabSource && m.split.Offset > 0.55 {
		m.split.SetOffset(0.55)
	}
	m.side.SelectIndex(tab)
}

// chooseQuote selects quote id: it is highlighted in its source and on the
// statements row, and every event it supports or disputes is marked and
// brought into view on the timeline and listed under the source's text.
func (m *mainWindow) chooseQuote(id int64) {
	if m.doc == nil {
		return
	}
	doc := m.doc
	shown := m.source.loaded
	current := m.source.src.ID
	go func() {
		ctx := m.life
		q, err := doc.store.Quote(ctx, id)
		var (
			src    data.Source
			quotes []data.QuoteRef
			events []data.EventRef
		)
		if err == nil && !(shown && current == q.SourceID) {
			src, err = doc.store.Source(ctx, q.SourceID)
			if err == nil {
				quotes, err = doc.store.QuotesOfSource(ctx, q.SourceID)
			}
		}
		if err == nil {
			events, err = doc.store.EventsOfQuote(ctx, id)
		}
		fyne.Do(func() {
			if doc != m.doc {
				return
			}
			if err != nil {
				m.showError(fmt.Errorf("read quote %d: %w", id, err))
				return
			}
			m.revealSide(tabSource)
			if quotes != nil || src.ID != 0 {
				m.source.show(src, quotes, id)
			} else {
				m.source.focus(id)
			}
			ref := data.QuoteRef{Quote: q}
			for _, r := range m.source.quotes {
				if r.ID == id {
					ref.Speaker = r.Speaker
				}
			}
			m.source.showQuoteEvents(ref, events, m.goToEvent)
			m.details.showQuote(ref, m.source.src, events, m.goToEvent)
			ids := make([]int64, len(events))
			for i, e := range events {
				ids[i] = e.ID
			}
			m.timeline.SetMarked(ids)
			m.timeline.SelectQuote(id)
			m.timeline.RevealAll(ids)
			if m.quoteChosen != nil {
				m.quoteChosen(id)
			}
		})
	}()
}

// goToEvent selects event id on the timeline, brings it into view and shows
// its details.
func (m *mainWindow) goToEvent(id int64) {
	m.timeline.Select(id)
	m.timeline.Reveal(id)
	m.side.SelectIndex(tabDetails)
	m.selectEvent(id)
}

// openURL opens a web address in the system browser; anything but http and
// https is refused.
func (m *mainWindow) openURL(u *url.URL) error {
	if _, ok := safeURL(u.String()); !ok {
		err := fmt.Errorf("%q is not a web or mail address: only http, https and mailto addresses are opened", u.String())
		m.showError(err)
		return err
	}
	if err := m.app.OpenURL(u); err != nil {
		err = fmt.Errorf("open %s in the browser: %w", u.Host, err)
		m.showError(err)
		return err
	}
	return nil
}

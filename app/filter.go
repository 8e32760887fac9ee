package app

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// eventFilter is what the user chose to see of a document. Values of one
// kind are alternatives (lane A or lane B); kinds are combined (lane A and
// disputed). A kind with no values lets every event through.
type eventFilter struct {
	lanes    []int64 // lane ids
	statuses []data.ClaimStatus
	tags     []string
	actors   []int64 // events the actor takes part in or speaks about
	dates    *dateWindow
}

// dateWindow is a period events must overlap, as the user typed it.
type dateWindow struct {
	typed    string  // as typed
	text     string  // as understood, for the chip
	from, to float64 // timeline seconds, half-open
}

// active reports whether f hides anything.
func (f *eventFilter) active() bool {
	return len(f.lanes)+len(f.statuses)+len(f.tags)+len(f.actors) > 0 || f.dates != nil
}

// needsStore reports whether applying f reads the store (tags and actors
// are not held in memory).
func (f *eventFilter) needsStore() bool { return len(f.tags)+len(f.actors) > 0 }

// dateWindowOf is the period of in, which was typed as typed.
func dateWindowOf(typed string, in data.DateInput) *dateWindow {
	last := in.Start
	if !in.End.IsZero() {
		last = in.End
	}
	return &dateWindow{typed: typed, text: in.Describe(), from: float64(in.Start.Unix), to: float64(last.End() + 1)}
}

// allowedEvents reads from the store the ids of the events f's tag and
// actor criteria let through, ascending; nil when f has none.
func allowedEvents(ctx context.Context, s *data.Store, f *eventFilter) ([]int64, error) {
	if !f.needsStore() {
		return nil, nil
	}
	var allowed []int64
	if len(f.tags) > 0 {
		ids, err := s.EventsWithTags(ctx, f.tags)
		if err != nil {
			return nil, err
		}
		allowed = ids
	}
	if len(f.actors) > 0 {
		var ofActors []int64
		for _, a := range f.actors {
			ids, err := s.EventsOfActor(ctx, a)
			if err != nil {
				return nil, err
			}
			ofActors = union(ofActors, ids)
		}
		if len(f.tags) > 0 {
			ofActors = intersect(allowed, ofActors)
		}
		allowed = ofActors
	}
	if allowed == nil {
		allowed = []int64{} // nothing passes, which is not "no criterion"
	}
	return allowed, nil
}

// union returns the ascending ids in a or b, both ascending.
func union(a, b []int64) []int64 {
	out := make([]int64, 0, len(a)+len(b))
	out = append(append(out, a...), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// intersect returns the ascending ids in both a and b, both ascending.
func intersect(a, b []int64) []int64 {
	out := []int64{}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}

// filtered is what a filter leaves of a document: copies of the items it
// lets through, their positions in the document's items, the lanes shown
// and their index. A lane filter shows only its lanes, so the items' Lane
// fields index tlLanes, not the document's lanes.
type filtered struct {
	positions []int32 // ascending positions in document.items
	lanes     []int   // positions in document.lanes of the lanes shown
	tlLanes   []timeline.Lane
	events    timeline.Events
	index     *timeline.Index
}

// match returns what f lets through of d, with allowed (from allowedEvents)
// the ids the tag and actor criteria allow, or nil. It reads d's arrays,
// which edits change, so it runs on the UI goroutine; it costs one pass over
// the items and copies only those kept. The index is left to build, unless
// nothing is left out.
func (d *document) match(f *eventFilter, allowed []int64) *filtered {
	out := &filtered{events: timeline.Events{Earliest: map[int64]float64{}, Titles: d.titles, Matches: d.matches}}
	laneTo := make([]int32, len(d.lanes)) // by lane position: the position shown, or -1
	for i, l := range d.lanes {
		laneTo[i] = -1
		if len(f.lanes) == 0 || slices.Contains(f.lanes, l.ID) {
			laneTo[i] = int32(len(out.lanes))
			out.lanes = append(out.lanes, i)
			out.tlLanes = append(out.tlLanes, d.tlLanes[i])
		}
	}
	var statusOK [len(spanStatuses)]bool
	for i, s := range spanStatuses {
		statusOK[i] = len(f.statuses) == 0 || slices.Contains(f.statuses, s)
	}
	var idOK []bool // by position in d.items; nil: every event
	if allowed != nil {
		idOK = make([]bool, len(d.items))
		for _, id := range allowed {
			if p, ok := d.ids.pos(id); ok {
				idOK[p] = true
			}
		}
	}
	out.positions = make([]int32, 0, len(d.items)/16)
	for i := range d.items {
		it := &d.items[i]
		switch {
		case laneTo[it.Lane] < 0,
			!statusOK[d.info[i]>>6&3],
			idOK != nil && !idOK[i],
			f.dates != nil && !f.dates.overlaps(it):
			continue
		}
		out.positions = append(out.positions, int32(i))
	}
	if len(out.positions) == len(d.items) && len(out.lanes) == len(d.lanes) {
		// Nothing is left out: what is shown is the document itself, whose
		// index serves as it is.
		out.events, out.index = d.events(), d.index
		return out
	}
	out.events.Items = make([]timeline.Item, len(out.positions))
	for k, p := range out.positions {
		out.events.Items[k] = d.items[p]
		out.events.Items[k].Lane = laneTo[d.items[p].Lane]
	}
	for _, p := range d.periods { // behind every lane, or behind a lane shown
		if p.Lane >= 0 {
			if p.Lane = laneTo[p.Lane]; p.Lane < 0 {
				continue
			}
		}
		out.events.Periods = append(out.events.Periods, p)
	}
	for id, at := range d.earliest { // few
		if p, ok := d.ids.pos(id); ok {
			if _, kept := slices.BinarySearch(out.positions, int32(p)); kept {
				out.events.Earliest[id] = at
			}
		}
	}
	return out
}

// keepOnly reduces d, a snapshot of the document shown (see
// document.snapshot), to what the filter left of it.
func (d *document) keepOnly(shown *filtered) {
	if len(shown.positions) == len(d.items) && len(shown.tlLanes) == len(d.tlLanes) {
		return // nothing is left out; shown holds the document's own arrays, not the snapshot's
	}
	info := make([]spanInfo, len(shown.positions))
	for k, p := range shown.positions {
		info[k] = d.info[p]
	}
	d.items, d.info, d.earliest, d.periods = shown.events.Items, info, shown.events.Earliest, shown.events.Periods
	d.tlLanes, d.index = shown.tlLanes, shown.index
	d.ids, _ = newIDIndex(d.items) // cannot fail for ids taken from the document
}

// overlaps reports whether the item falls in or overlaps the window; a
// point at the window's start is in it.
func (w *dateWindow) overlaps(it *timeline.Item) bool {
	return it.Start < w.to && (it.End > w.from || it.Start >= w.from)
}

// filterState is the window's filter and what it last left of the
// document. UI goroutine only.
type filterState struct {
	f     eventFilter
	shown *filtered // nil when nothing is filtered
	gen   int       // incremented per request; stale results are dropped
	bar   *fyne.Container
	chips *fyne.Container
	// formShown is a test hook called on the UI goroutine with the
	// filter dialog's fields once it is shown.
	formShown func(*filterFormView)
}

// setFilter replaces the window's filter and shows its effect.
func (m *mainWindow) setFilter(f eventFilter) {
	m.filter.f = f
	m.showChips()
	m.refilter()
}

// refilter shows the document's events through the filter again, after the
// filter or the events changed. Tag and actor criteria are read from the
// store and the index of what is kept is built off the UI goroutine; until
// then the timeline keeps showing what it showed.
func (m *mainWindow) refilter() {
	doc := m.doc
	m.filter.gen++
	gen := m.filter.gen
	if doc == nil {
		return
	}
	f := m.filter.f
	if !f.active() {
		m.filter.shown = nil
		m.showEvents(doc, doc.tlLanes, doc.events(), doc.index, nil)
		return
	}
	current := func() bool { return gen == m.filter.gen && doc == m.doc }
	if !f.needsStore() {
		m.showFiltered(doc, doc.match(&f, nil), current)
		return
	}
	go func() {
		allowed, err := allowedEvents(m.life, doc.store, &f)
		fyne.Do(func() {
			if !current() {
				return
			}
			if err != nil {
				if !errors.Is(err, context.Canceled) {
					m.showError(fmt.Errorf("filter the events: %w", err))
				}
				return
			}
			m.showFiltered(doc, doc.match(&f, allowed), current)
		})
	}()
}

// smallFilter is the most events a filter keeps whose index is built on the
// UI goroutine (in about a millisecond) rather than on another.
const smallFilter = 20_000

// showFiltered indexes what a filter kept of doc and shows it, if current
// still says the result is wanted.
func (m *mainWindow) showFiltered(doc *document, shown *filtered, current func() bool) {
	show := func() {
		if !current() {
			return
		}
		m.filter.shown = shown
		m.showEvents(doc, shown.tlLanes, shown.events, shown.index, shown.positions)
		if vp := m.timeline.Viewport(); !slices.ContainsFunc(shown.events.Items, func(it timeline.Item) bool {
			return it.Start <= vp.End() && it.End >= vp.Start()
		}) {
			m.timeline.FitAll() // nothing left in view: show where the events are
		}
		if m.filtered != nil {
			m.filtered()
		}
	}
	if shown.index != nil || len(shown.positions) <= smallFilter {
		if shown.index == nil {
			shown.index = timeline.NewIndex(shown.events.Items, shown.events.Earliest, len(shown.tlLanes))
		}
		show()
		return
	}
	go func() {
		shown.index = timeline.NewIndex(shown.events.Items, shown.events.Earliest, len(shown.tlLanes))
		fyne.Do(show)
	}()
}

// showEvents puts events of doc on the timeline (over lanes), the overview
// and the list: all of them, or what the filter left (positions, in
// doc.items).
func (m *mainWindow) showEvents(doc *document, lanes []timeline.Lane, ev timeline.Events, index *timeline.Index, positions []int32) {
	m.timeline.SetData(lanes, ev, index)
	lo, hi, _ := m.timeline.Extent()
	m.overview.SetData(index, lo, hi)
	m.list.setRows(positions)
	if sel := m.timeline.Selected(); sel != 0 {
		if _, ok := ev.Item(sel); !ok {
			m.timeline.Select(0)
			m.details.showDocument(doc)
		}
	}
	m.showQuotes()
	m.actors.set(m.links.actors, m.filter.f.actors)
	m.setIdle(m.statusText())
}

// showQuotes puts the document's quotes on the timeline's statements row:
// those of the filter's actors said in its dates, or all.
func (m *mainWindow) showQuotes() {
	f := &m.filter.f
	m.timeline.SetQuotes(quoteMarks(m.links.all, func(q *data.QuoteMark) bool {
		at := float64(q.SaidAt.Unix)
		return (len(f.actors) == 0 || slices.Contains(f.actors, q.SpeakerID)) &&
			(f.dates == nil || at >= f.dates.from && at < f.dates.to)
	}))
}

// soleActor is the actor the filter is set to, when it is set to one.
func (m *mainWindow) soleActor() int64 {
	if len(m.filter.f.actors) == 1 {
		return m.filter.f.actors[0]
	}
	return 0
}

// newFilterBar makes the row of chips above the timeline, hidden while
// nothing is filtered.
func (m *mainWindow) newFilterBar() fyne.CanvasObject {
	m.filter.chips = container.NewHBox()
	clear := widget.NewButtonWithIcon("Clear", theme.ContentClearIcon(), func() { m.setFilter(eventFilter{}) })
	clear.Importance = widget.LowImportance
	m.filter.bar = container.NewBorder(nil, nil, widget.NewLabel("Showing only:"), clear,
		container.NewHScroll(m.filter.chips))
	m.filter.bar.Hide()
	return m.filter.bar
}

// showChips shows one chip per filter value; tapping one removes it.
func (m *mainWindow) showChips() {
	f := m.filter.f
	var chips []fyne.CanvasObject
	chip := func(text string, remove func(f *eventFilter)) {
		b := widget.NewButtonWithIcon(text, theme.CancelIcon(), func() {
			nf := m.filter.f
			remove(&nf)
			m.setFilter(nf)
		})
		b.IconPlacement = widget.ButtonIconTrailingText
		chips = append(chips, b)
	}
	for _, id := range f.lanes {
		chip("Lane: "+m.laneName(id), func(f *eventFilter) { f.lanes = without(f.lanes, id) })
	}
	for _, s := range f.statuses {
		chip("Claim: "+string(s), func(f *eventFilter) { f.statuses = without(f.statuses, s) })
	}
	for _, t := range f.tags {
		chip("Tag: "+t, func(f *eventFilter) { f.tags = without(f.tags, t) })
	}
	for _, id := range f.actors {
		chip("Actor: "+m.actorName(id), func(f *eventFilter) { f.actors = without(f.actors, id) })
	}
	if f.dates != nil {
		chip("Dates: "+f.dates.text, func(f *eventFilter) { f.dates = nil })
	}
	m.filter.chips.Objects = chips
	m.filter.chips.Refresh()
	if f.active() {
		m.filter.bar.Show()
	} else {
		m.filter.bar.Hide()
	}
}

// without returns s without v, as a new slice.
func without[T comparable](s []T, v T) []T {
	return slices.DeleteFunc(slices.Clone(s), func(x T) bool { return x == v })
}

// laneName is the name of lane id of the open document.
func (m *mainWindow) laneName(id int64) string {
	if m.doc != nil {
		for _, l := range m.doc.lanes {
			if l.ID == id {
				return l.Name
			}
		}
	}
	return fmt.Sprintf("lane %d", id)
}

// actorName is the name of actor id of the open document.
func (m *mainWindow) actorName(id int64) string {
	for _, a := range m.links.actors {
		if a.ID == id {
			return a.Name
		}
	}
	return fmt.Sprintf("actor %d", id)
}

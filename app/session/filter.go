package session

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// Filter is what the user chose to see of a document. Values of one kind are
// alternatives (lane A or lane B); kinds are combined (lane A and
// disputed). A kind with no values lets every event through.
type Filter struct {
	Lanes    []int64 // lane ids
	Statuses []data.ClaimStatus
	Tags     []string
	Actors   []int64 // events the actor takes part in or speaks about
	Dates    *DateWindow
}

// DateWindow is a period events must overlap, as the user typed it.
type DateWindow struct {
	Typed    string  // as typed
	Text     string  // as understood, for the chip
	From, To float64 // timeline seconds, half-open
}

// Active reports whether f hides anything.
func (f *Filter) Active() bool {
	return len(f.Lanes)+len(f.Statuses)+len(f.Tags)+len(f.Actors) > 0 || f.Dates != nil
}

// needsStore reports whether applying f reads the store (tags and actors
// are not held in memory).
func (f *Filter) needsStore() bool { return len(f.Tags)+len(f.Actors) > 0 }

// DateWindowOf is the period of in, which was typed as typed.
func DateWindowOf(typed string, in data.DateInput) *DateWindow {
	last := in.Start
	if !in.End.IsZero() {
		last = in.End
	}
	return &DateWindow{Typed: typed, Text: in.Describe(), From: float64(in.Start.Unix), To: float64(last.End() + 1)}
}

// allowedEvents reads from the store the ids of the events f's tag and
// actor criteria let through, ascending; nil when f has none.
func allowedEvents(ctx context.Context, s *data.Store, f *Filter) ([]int64, error) {
	if !f.needsStore() {
		return nil, nil
	}
	var allowed []int64
	if len(f.Tags) > 0 {
		ids, err := s.EventsWithTags(ctx, f.Tags)
		if err != nil {
			return nil, err
		}
		allowed = ids
	}
	if len(f.Actors) > 0 {
		var ofActors []int64
		for _, a := range f.Actors {
			ids, err := s.EventsOfActor(ctx, a)
			if err != nil {
				return nil, err
			}
			ofActors = union(ofActors, ids)
		}
		if len(f.Tags) > 0 {
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

// Showing is what the timeline shows of a document: all of it, or what a
// filter leaves of it: copies of the items it lets through, their positions
// in the document, the lanes shown and their index. A lane filter shows only
// its lanes, so the items' Lane fields index Lanes, not the document's lanes.
type Showing struct {
	Lanes  []timeline.Lane
	Events timeline.Events
	Index  *timeline.Index
	// Summary, while the document's events are read, stands for them:
	// Events then holds the periods alone.
	Summary *timeline.Summary
	// positions are the ascending positions in the document of the events
	// shown; nil when the filter lets every event through.
	positions []int32
	// laneAt are the positions in the document's lanes of the lanes shown.
	laneAt []int
}

// match returns what f lets through of d, with allowed (from allowedEvents)
// the ids the tag and actor criteria allow, or nil. It reads d's arrays,
// which edits change, so it runs on the UI goroutine; it costs one pass over
// the items and copies only those kept. The index is left to build, unless
// nothing is left out.
func (d *Document) match(f *Filter, allowed []int64) *Showing {
	out := &Showing{Events: timeline.Events{Earliest: map[int64]float64{}, Titles: d.titles, Matches: d.matches}}
	laneTo := make([]int32, len(d.lanes)) // by lane position: the position shown, or -1
	for i, l := range d.lanes {
		laneTo[i] = -1
		if len(f.Lanes) == 0 || slices.Contains(f.Lanes, l.ID) {
			laneTo[i] = int32(len(out.laneAt))
			out.laneAt = append(out.laneAt, i)
			out.Lanes = append(out.Lanes, d.tlLanes[i])
		}
	}
	var statusOK [len(spanStatuses)]bool
	for i, s := range spanStatuses {
		statusOK[i] = len(f.Statuses) == 0 || slices.Contains(f.Statuses, s)
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
			f.Dates != nil && !f.Dates.overlaps(it):
			continue
		}
		out.positions = append(out.positions, int32(i))
	}
	if len(out.positions) == len(d.items) && len(out.laneAt) == len(d.lanes) {
		// Nothing is left out: what is shown is the document itself, whose
		// index serves as it is.
		out.Events, out.Index = d.events(), d.index
		return out
	}
	out.Events.Items = make([]timeline.Item, len(out.positions))
	for k, p := range out.positions {
		out.Events.Items[k] = d.items[p]
		out.Events.Items[k].Lane = laneTo[d.items[p].Lane]
	}
	for _, p := range d.periods { // behind every lane, or behind a lane shown
		if p.Lane >= 0 {
			if p.Lane = laneTo[p.Lane]; p.Lane < 0 {
				continue
			}
		}
		out.Events.Periods = append(out.Events.Periods, p)
	}
	for id, at := range d.earliest { // few
		if p, ok := d.ids.pos(id); ok {
			if _, kept := slices.BinarySearch(out.positions, int32(p)); kept {
				out.Events.Earliest[id] = at
			}
		}
	}
	return out
}

// keepOnly reduces d, a snapshot of the document shown (see
// Document.snapshot), to what the filter left of it.
func (d *Document) keepOnly(shown *Showing) {
	if len(shown.positions) == len(d.items) && len(shown.Lanes) == len(d.tlLanes) {
		return // nothing is left out; shown holds the document's own arrays, not the snapshot's
	}
	info := make([]spanInfo, len(shown.positions))
	for k, p := range shown.positions {
		info[k] = d.info[p]
	}
	d.items, d.info, d.earliest, d.periods = shown.Events.Items, info, shown.Events.Earliest, shown.Events.Periods
	d.tlLanes, d.index = shown.Lanes, shown.Index
	d.ids, _ = newIDIndex(d.items) // cannot fail for ids taken from the document
}

// overlaps reports whether the item falls in or overlaps the window; a
// point at the window's start is in it.
func (w *DateWindow) overlaps(it *timeline.Item) bool {
	return it.Start < w.To && (it.End > w.From || it.Start >= w.From)
}

// filterState is the session's filter and what it last left of the
// document.
type filterState struct {
	f     Filter
	shown *Showing // nil when nothing is filtered
	gen   int      // incremented per request; stale results are dropped
}

// Filter returns the filter the timeline shows the document through.
func (s *Session) Filter() Filter { return s.filter.f }

// SetFilter replaces the filter and shows its effect: FilterChanged at once,
// then Shown once its result is ready.
func (s *Session) SetFilter(f Filter) {
	s.filter.f = f
	s.emit(FilterChanged{})
	s.refilter()
}

// FilterByActor shows only the events and quotes of actor id (0: all),
// keeping the filter's other criteria.
func (s *Session) FilterByActor(id int64) {
	f := s.filter.f
	f.Actors = nil
	if id != 0 {
		f.Actors = []int64{id}
	}
	s.SetFilter(f)
}

// Showing returns what the timeline shows of the open document: what the
// filter leaves of it, or all of it. Nil when no document is open.
func (s *Session) Showing() *Showing {
	switch {
	case s.doc == nil:
		return nil
	case s.doc.Reading():
		return &Showing{Lanes: s.doc.tlLanes, Events: s.doc.events(), Summary: s.doc.preview}
	case s.filter.shown != nil:
		return s.filter.shown
	}
	return &Showing{Lanes: s.doc.tlLanes, Events: s.doc.events(), Index: s.doc.index}
}

// refilter shows the document's events through the filter again, after the
// filter or the events changed. Tag and actor criteria are read from the
// store and the index of what is kept is built off the owner's goroutine;
// until then the timeline keeps showing what it showed.
func (s *Session) refilter() {
	doc := s.doc
	s.filter.gen++
	gen := s.filter.gen
	if doc == nil {
		return
	}
	f := s.filter.f
	if !f.Active() || doc.Reading() { // a filter applies once the events are read
		s.filter.shown = nil
		s.show(false)
		return
	}
	current := func() bool { return gen == s.filter.gen && doc == s.doc }
	if !f.needsStore() {
		s.showFiltered(doc.match(&f, nil), current)
		return
	}
	var allowed []int64
	s.read(func(ctx context.Context) error {
		var err error
		allowed, err = allowedEvents(ctx, doc.st(), &f)
		return err
	}, func(err error) {
		if !current() {
			return
		}
		if err != nil {
			if !errors.Is(err, context.Canceled) {
				s.problem(fmt.Errorf("filter the events: %w", err))
			}
			return
		}
		s.showFiltered(doc.match(&f, allowed), current)
	})
}

// smallFilter is the most events a filter keeps whose index is built on the
// owner's goroutine (in about a millisecond) rather than on another.
const smallFilter = 20_000

// showFiltered indexes what a filter kept and shows it, if current still
// says the result is wanted.
func (s *Session) showFiltered(shown *Showing, current func() bool) {
	show := func() {
		if !current() {
			return
		}
		s.filter.shown = shown
		vp := s.look.view
		s.show(!slices.ContainsFunc(shown.Events.Items, func(it timeline.Item) bool {
			return it.Start <= vp.End() && it.End >= vp.Start()
		}))
	}
	if shown.Index != nil || len(shown.positions) <= smallFilter {
		if shown.Index == nil {
			shown.Index = timeline.NewIndex(shown.Events.Items, shown.Events.Earliest, len(shown.Lanes))
		}
		show()
		return
	}
	s.read(func(context.Context) error {
		shown.Index = timeline.NewIndex(shown.Events.Items, shown.Events.Earliest, len(shown.Lanes))
		return nil
	}, func(error) { show() })
}

// shows reports whether the timeline shows event id: it is in the
// document, and the filter lets it through.
func (s *Session) shows(id int64) bool {
	p, ok := s.doc.ids.pos(id)
	if !ok {
		return false
	}
	if sh := s.filter.shown; sh != nil && sh.positions != nil {
		_, ok = slices.BinarySearch(sh.positions, int32(p))
	}
	return ok
}

// show tells the watchers that what the timeline shows has changed; fit
// says none of it is in view. The selection goes if the filter hides it.
func (s *Session) show(fit bool) {
	sh := s.Showing()
	s.rows.setRows(sh.positions)
	s.emit(Shown{Fit: fit})
	if sel := s.look.selected; sel != 0 && !s.shows(sel) {
		s.Select(0)
	}
	s.followStatements()
	s.idle("")
}

// FilterChip is one value of the filter, as the bar above the timeline
// shows it: removing it leaves Without.
type FilterChip struct {
	Label   string
	Without Filter
}

// FilterChips returns the filter's values, one chip each.
func (s *Session) FilterChips() []FilterChip {
	f := s.filter.f
	var chips []FilterChip
	chip := func(label string, remove func(f *Filter)) {
		nf := f
		remove(&nf)
		chips = append(chips, FilterChip{Label: label, Without: nf})
	}
	for _, id := range f.Lanes {
		chip("Lane: "+s.laneName(id), func(f *Filter) { f.Lanes = without(f.Lanes, id) })
	}
	for _, st := range f.Statuses {
		chip("Claim: "+string(st), func(f *Filter) { f.Statuses = without(f.Statuses, st) })
	}
	for _, t := range f.Tags {
		chip("Tag: "+t, func(f *Filter) { f.Tags = without(f.Tags, t) })
	}
	for _, id := range f.Actors {
		chip("Actor: "+s.actorName(id), func(f *Filter) { f.Actors = without(f.Actors, id) })
	}
	if f.Dates != nil {
		chip("Dates: "+f.Dates.Text, func(f *Filter) { f.Dates = nil })
	}
	return chips
}

// without returns s without v, as a new slice.
func without[T comparable](s []T, v T) []T {
	return slices.DeleteFunc(slices.Clone(s), func(x T) bool { return x == v })
}

// laneName is the name of lane id of the open document.
func (s *Session) laneName(id int64) string {
	if s.doc != nil {
		for _, l := range s.doc.lanes {
			if l.ID == id {
				return l.Name
			}
		}
	}
	return fmt.Sprintf("lane %d", id)
}

// actorName is the name of actor id of the open document.
func (s *Session) actorName(id int64) string {
	for _, a := range s.links.Actors {
		if a.ID == id {
			return a.Name
		}
	}
	return fmt.Sprintf("actor %d", id)
}

package session

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// Links is what the session knows of the open document besides its events,
// read after it has passed its check: every quote's mark, the actors and the
// sources (without their text).
type Links struct {
	Marks   []data.QuoteMark // every quote, by said-at time
	Actors  []data.Actor
	Sources []data.Source
	// statements are the marks the statements row shows: those the filter
	// lets through; worked out for the filter's actors and dates in
	// statementsFor (nil before they are).
	statements    []timeline.QuoteMark
	statementsFor *statementsFilter
}

// statementsFilter is what of the filter decides the statements row.
type statementsFilter struct {
	actors   []int64
	from, to float64
	dated    bool
}

// statementsFilterOf returns what of f decides the statements row.
func statementsFilterOf(f *Filter) *statementsFilter {
	sf := &statementsFilter{actors: slices.Clone(f.Actors)}
	if f.Dates != nil {
		sf.from, sf.to, sf.dated = f.Dates.From, f.Dates.To, true
	}
	return sf
}

// equal reports whether a and b let the same statements through.
func (a *statementsFilter) equal(b *statementsFilter) bool {
	return slices.Equal(a.actors, b.actors) && a.dated == b.dated && a.from == b.from && a.to == b.to
}

// Links returns the open document's quotes, actors and sources, as read
// last (LinksRead).
func (s *Session) Links() *Links { return &s.links }

// Statements returns the quotes the timeline's statements row shows: those
// of the filter's actors said in its dates, or all.
func (s *Session) Statements() []timeline.QuoteMark { return s.links.statements }

// readLinks reads the quotes' marks, the actors and the sources of st.
func readLinks(ctx context.Context, st *data.Store) (Links, error) {
	var l Links
	var err error
	if l.Marks, err = st.QuoteMarks(ctx); err != nil {
		return l, err
	}
	if l.Actors, err = st.Actors(ctx); err != nil {
		return l, err
	}
	l.Sources, err = st.Sources(ctx)
	return l, err
}

// applyLinks takes l as the document's: the actor the filter is set to
// stays if it is still there, and the statements row follows.
func (s *Session) applyLinks(l Links) {
	s.links = l
	// An actor deleted meanwhile leaves the filter.
	f := s.filter.f
	known := func(id int64) bool {
		return slices.ContainsFunc(l.Actors, func(a data.Actor) bool { return a.ID == id })
	}
	if kept := slices.DeleteFunc(slices.Clone(f.Actors), func(id int64) bool { return !known(id) }); len(kept) != len(f.Actors) {
		f.Actors = kept
		s.SetFilter(f)
	}
	s.emit(LinksRead{})
	s.showStatements()
	s.emit(FilterChanged{}) // the chips name the actors
}

// loadLinks reads the quotes' marks, the actors and the sources of doc in
// the background; then shows again the source kept from before the
// document was read again, if any.
func (s *Session) loadLinks(doc *Document) {
	reshow := s.reload.reshow
	s.reload.reshow = nil
	var l Links
	s.read(func(ctx context.Context) error {
		var err error
		l, err = readLinks(ctx, doc.st())
		return err
	}, func(err error) {
		if doc != s.doc {
			return
		}
		if err != nil {
			if !errors.Is(err, context.Canceled) {
				s.problem(fmt.Errorf("read the quotes and actors: %w", err))
			}
			s.emit(LinksRead{Err: err})
			return
		}
		s.applyLinks(l)
		if reshow != nil {
			s.ShowSource(reshow[0], reshow[1])
		}
	})
}

// showStatements works out the quotes the statements row shows: those of
// the filter's actors said in its dates, or all.
func (s *Session) showStatements() {
	f := &s.filter.f
	s.links.statementsFor = statementsFilterOf(f)
	s.links.statements = quoteMarks(s.links.Marks, func(q *data.QuoteMark) bool {
		at := float64(q.SaidAt.Unix)
		return (len(f.Actors) == 0 || slices.Contains(f.Actors, q.SpeakerID)) &&
			(f.Dates == nil || at >= f.Dates.From && at < f.Dates.To)
	})
	s.emit(Statements{})
}

// followStatements works out the statements row again if the filter's
// actors or dates changed since it last was: an edit or a filter on
// anything else leaves the row as it is, and the timeline does not build
// its scene a second time for it.
func (s *Session) followStatements() {
	if sf := s.links.statementsFor; sf == nil || !sf.equal(statementsFilterOf(&s.filter.f)) {
		s.showStatements()
	}
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

// SourceView is a source shown in the viewer: with its text, if it has
// one, and the quotes taken from it.
type SourceView struct {
	Source data.Source
	Quotes []data.QuoteRef
}

// Source returns the source the viewer shows, or nil.
func (s *Session) Source() *SourceView { return s.look.source }

// showSource puts v in the viewer, scrolled to quote focus (0: the top),
// and with reveal brings the viewer forward.
func (s *Session) showSource(v *SourceView, focus int64, reveal bool) {
	s.look.source = v
	s.emit(SourceShown{Source: v, Focus: focus, Reveal: reveal})
}

// ShowSource reads source id and its quotes, and shows it in the viewer,
// scrolled to quote (if not 0).
func (s *Session) ShowSource(id, quote int64) {
	doc := s.doc
	if doc == nil {
		return
	}
	var v SourceView
	s.readOrSay(func(ctx context.Context) error {
		var err error
		if v.Source, err = doc.st().Source(ctx, id); err == nil {
			v.Quotes, err = doc.st().QuotesOfSource(ctx, id)
		}
		if err != nil {
			return fmt.Errorf("read source %d: %w", id, err)
		}
		return nil
	}, func() { s.showSource(&v, quote, true) })
}

// HideSource empties the viewer.
func (s *Session) HideSource() { s.showSource(nil, 0, false) }

// ShowSelectedSource shows the source behind the selected event: its first
// quote that has a place in a stored text, else the first source it cites.
// It reports false when there is nothing to show (no selection).
func (s *Session) ShowSelectedSource() bool {
	id, doc := s.look.selected, s.doc
	if doc == nil || id == 0 {
		return false
	}
	var (
		quotes  []data.QuoteRef
		sources []data.SourceRef
	)
	s.readOrSay(func(ctx context.Context) error {
		var err error
		if quotes, err = doc.st().QuotesOfEvent(ctx, id); err == nil {
			sources, err = doc.st().SourcesOfEvent(ctx, id)
		}
		if err != nil {
			return fmt.Errorf("read the sources of event %d: %w", id, err)
		}
		return nil
	}, func() {
		for _, q := range quotes {
			if q.Source.HasText && q.HasOffsets {
				s.ShowSource(q.SourceID, q.ID)
				return
			}
		}
		if len(sources) > 0 {
			s.ShowSource(sources[0].ID, 0)
			return
		}
		s.showSource(s.look.source, 0, true) // nothing to show: the viewer as it is
	})
	return true
}

// ChooseQuote chooses quote id: it is highlighted in its source, shown in
// the viewer, and the events it supports or disputes are marked and brought
// into view (QuoteChosen).
func (s *Session) ChooseQuote(id int64) {
	doc := s.doc
	if doc == nil {
		return
	}
	shown := s.look.source
	var (
		q      data.Quote
		v      *SourceView
		events []data.EventRef
	)
	s.readOrSay(func(ctx context.Context) error {
		var err error
		q, err = doc.st().Quote(ctx, id)
		if err == nil && (shown == nil || shown.Source.ID != q.SourceID) {
			v = &SourceView{}
			if v.Source, err = doc.st().Source(ctx, q.SourceID); err == nil {
				v.Quotes, err = doc.st().QuotesOfSource(ctx, q.SourceID)
			}
		}
		if err == nil {
			events, err = doc.st().EventsOfQuote(ctx, id)
		}
		if err != nil {
			return fmt.Errorf("read quote %d: %w", id, err)
		}
		return nil
	}, func() {
		if v == nil {
			v = s.look.source
		}
		if v == nil { // the viewer was emptied meanwhile
			v = &SourceView{}
		}
		s.showSource(v, id, true)
		ref := data.QuoteRef{Quote: q, Source: v.Source}
		for _, r := range v.Quotes {
			if r.ID == id {
				ref.Speaker = r.Speaker
			}
		}
		s.emit(QuoteChosen{Quote: ref, Events: events})
		ids := make([]int64, len(events))
		for i, e := range events {
			ids[i] = e.ID
		}
		s.emit(Revealed{IDs: ids})
	})
}

package session

import (
	"cmp"
	"context"
	"slices"

	"github.com/quoteline/quoteline/data"
)

// Search limits: hits listed, and matching events marked on the timeline.
const (
	SearchPage  = 200
	SearchMarks = 10_000
)

// Found is what a search found in the open document.
type Found struct {
	Hits []data.SearchHit // periods, then events, quotes and sources (at most SearchPage)
	// Events are the matching events on the timeline, in time order; Total
	// counts the matches, at most SearchMarks.
	Events []int64
	Total  int
}

// Search looks for the words of text in the open document's periods,
// events, quotes and sources off the owner's goroutine, then passes what it found (or why
// it could not) to done, unless another document was opened meanwhile.
// Text without a word finds nothing at once.
func (s *Session) Search(text string, done func(f Found, err error)) {
	doc := s.doc
	q := data.PlainQuery(text)
	if doc == nil || q == "" {
		done(Found{}, nil)
		return
	}
	var (
		hits []data.SearchHit
		ids  []int64
	)
	s.read(func(ctx context.Context) error {
		var err error
		hits, err = doc.store.Search(ctx, q, SearchPage)
		if err == nil {
			ids, err = doc.store.SearchEventIDs(ctx, q, SearchMarks)
		}
		return err
	}, func(err error) {
		if doc != s.doc {
			return
		}
		f := Found{Hits: append(periodHits(doc.periodRecords, text), hits...), Total: len(ids)}
		for _, id := range ids {
			if _, ok := doc.ids.pos(id); ok {
				f.Events = append(f.Events, id)
			}
		}
		slices.SortFunc(f.Events, func(a, b int64) int {
			i, _ := doc.ids.pos(a)
			j, _ := doc.ids.pos(b)
			return cmp.Compare(i, j)
		})
		done(f, err)
	})
}

// Mark rings events ids on the timeline, as matches of a search; nil
// clears the rings (Redraw).
func (s *Session) Mark(ids []int64) {
	if doc := s.doc; doc != nil {
		clear(doc.matches)
		for _, id := range ids {
			if _, ok := doc.ids.pos(id); ok {
				doc.matches[id] = true
			}
		}
	}
	s.emit(Redraw{})
}

// EventsOfQuote reads the events quote id speaks about, then passes them to
// done.
func (s *Session) EventsOfQuote(id int64, done func(refs []data.EventRef)) {
	var refs []data.EventRef
	s.Read(func(ctx context.Context, st *data.Store) error {
		var err error
		refs, err = st.EventsOfQuote(ctx, id)
		return err
	}, func() { done(refs) })
}

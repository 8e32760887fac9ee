package session

import (
	"context"
	"errors"
	"fmt"
)

// Titles of a large document are not all held in memory: titleFetcher reads
// those of the items in and near the view, in the background, and keeps at
// most titleCacheSize of them in the document's titles.
const (
	// titleCacheSize is the most titles kept at once; the oldest are
	// dropped first. Far more than a view can label.
	titleCacheSize = 50_000
	// titleWantMax is the most titles one frame asks for.
	titleWantMax = 5_000
)

// titleGot is one title read.
type titleGot struct {
	id    int64
	title string
}

// titleFetcher fetches the titles of what is in view for one document.
// want and apply run on the owner's goroutine; run reads SQLite on its own.
type titleFetcher struct {
	doc      *Document
	requests chan []int64   // the latest request not yet taken; a newer one replaces it
	pending  map[int64]bool // events asked for and not yet answered
	held     []int64        // events holding a title, oldest first (a ring)
	next     int            // where the next item goes in held, once it is full
	capacity int            // the most titles held: titleCacheSize
	failed   bool           // an error was shown: don't repeat it on every move
}

func newTitleFetcher(doc *Document) *titleFetcher {
	return &titleFetcher{doc: doc, requests: make(chan []int64, 1), pending: map[int64]bool{}, capacity: titleCacheSize}
}

// want asks for the titles of ids, the items the timeline drew without one
// (those in view first, then those a short pan brings in: see
// timeline.Scene.Untitled), but those already asked for.
func (f *titleFetcher) want(ids []int64) {
	var want []int64
	for _, id := range ids {
		if len(want) == titleWantMax {
			break
		}
		if _, ok := f.doc.titles[id]; !ok && !f.pending[id] {
			f.pending[id] = true
			want = append(want, id)
		}
	}
	if len(want) == 0 {
		return
	}
	select {
	case stale := <-f.requests: // not started yet: this one replaces it
		for _, id := range stale {
			delete(f.pending, id)
		}
	default:
	}
	f.requests <- want
}

// run answers requests until ctx ends, passing each batch of titles read to
// deliver (which must hand it to the UI goroutine).
func (f *titleFetcher) run(ctx context.Context, deliver func(req []int64, got []titleGot, err error)) {
	for {
		var req []int64
		select {
		case <-ctx.Done():
			return
		case req = <-f.requests:
		}
		got := make([]titleGot, 0, len(req))
		err := f.doc.st().TitlesOf(ctx, req, func(id int64, title string) {
			got = append(got, titleGot{id: id, title: title})
		})
		if errors.Is(err, context.Canceled) {
			return
		}
		deliver(req, got, err)
	}
}

// apply puts the titles read for req in the document's titles, dropping the
// oldest held beyond its capacity, and reports whether any changed.
func (f *titleFetcher) apply(req []int64, got []titleGot) bool {
	for _, id := range req {
		delete(f.pending, id)
	}
	titles := f.doc.titles
	changed := false
	for _, g := range got {
		if _, ok := titles[g.id]; ok {
			continue
		}
		titles[g.id], changed = g.title, true
		if len(f.held) < f.capacity {
			f.held = append(f.held, g.id)
			continue
		}
		delete(titles, f.held[f.next])
		f.held[f.next] = g.id
		f.next = (f.next + 1) % len(f.held)
	}
	return changed
}

// startTitles begins fetching the titles in view of doc, unless they were
// all read with it. The fetcher stops when doc is released.
func (s *Session) startTitles(doc *Document) {
	s.titles = nil
	if doc.allTitles {
		s.emit(TitlesRead{})
		return
	}
	f := newTitleFetcher(doc)
	s.titles = f
	s.bg.Go(func() { f.run(doc.ctx, s.deliverTitles(f)) })
}

// deliverTitles hands the titles f read to the owner's goroutine.
func (s *Session) deliverTitles(f *titleFetcher) func(req []int64, got []titleGot, err error) {
	return func(req []int64, got []titleGot, err error) {
		s.deliver(func() {
			if s.titles != f {
				return
			}
			if err != nil && !f.failed {
				f.failed = true
				s.problem(fmt.Errorf("read the events' titles: %w", err))
			}
			if f.apply(req, got) {
				s.emit(Redraw{})
			}
			s.emit(TitlesRead{Err: err})
		})
	}
}

// WantTitles asks for the titles of events the timeline drew without one,
// if the document's titles are fetched as they are drawn (see
// timeline.Scene.Untitled).
func (s *Session) WantTitles(ids []int64) {
	if s.titles != nil {
		s.titles.want(ids)
	}
}

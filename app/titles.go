package app

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"

	"github.com/quoteline/quoteline/timeline"
)

// Titles of a large document are not all held in memory: titleFetcher reads
// those of the items in and near the view, in the background, and keeps at
// most titleCacheSize of them in the document's titles.
const (
	// titleCacheSize is the most titles kept at once; the oldest are
	// dropped first. Far more than a view can label.
	titleCacheSize = 50_000
	// titleWantMax is the most titles one view asks for.
	titleWantMax = 5_000
)

// titleGot is one title read.
type titleGot struct {
	id    int64
	title string
}

// titleFetcher fetches the titles of what is in view for one document.
// want and apply run on the UI goroutine; run reads SQLite on its own.
type titleFetcher struct {
	doc      *document
	requests chan []int64   // the latest request not yet taken; a newer one replaces it
	pending  map[int64]bool // events asked for and not yet answered
	held     []int64        // events holding a title, oldest first (a ring)
	next     int            // where the next item goes in held, once it is full
	capacity int            // the most titles held; titleCacheSize but in tests
	scratch  []int32
	failed   bool // an error was shown: don't repeat it on every move
}

func newTitleFetcher(doc *document) *titleFetcher {
	return &titleFetcher{doc: doc, requests: make(chan []int64, 1), pending: map[int64]bool{}, capacity: titleCacheSize}
}

// want asks for the titles of the items around vp that are drawn one by one:
// those in view first, then those within half a view on each side, so that a
// short pan finds its labels ready. Lanes too busy in view to be drawn item
// by item (see timeline.Metrics.DenseAbove) are skipped.
func (f *titleFetcher) want(vp timeline.Viewport, denseAbove int) {
	d := f.doc
	var want []int64
	half := vp.Span() / 2
	for pass, w := range [2][2]float64{{vp.Start(), vp.End()}, {vp.Start() - half, vp.End() + half}} {
		for l := range d.index.Lanes() {
			if d.tlLanes[l].Collapsed || d.index.StartsIn(l, vp.Start(), vp.End()) > denseAbove {
				continue
			}
			if pass == 1 && d.index.StartsIn(l, w[0], w[1]) > 4*denseAbove {
				continue
			}
			f.scratch = d.index.Visible(l, w[0], w[1], f.scratch[:0])
			for _, i := range f.scratch {
				if len(want) == titleWantMax {
					break
				}
				id := d.items[i].ID
				if _, ok := d.titles[id]; !ok && !f.pending[id] {
					f.pending[id] = true
					want = append(want, id)
				}
			}
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
		err := f.doc.store.TitlesOf(ctx, req, func(id int64, title string) {
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
		if _, ok := titles[g.id]; ok || g.title == "" {
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
func (m *mainWindow) startTitles(ctx context.Context, doc *document) {
	m.titles = nil
	if doc.allTitles {
		if m.titlesLoaded != nil {
			m.titlesLoaded(nil)
		}
		return
	}
	f := newTitleFetcher(doc)
	m.titles = f
	go f.run(ctx, func(req []int64, got []titleGot, err error) {
		fyne.Do(func() {
			if m.titles != f {
				return
			}
			if err != nil && !f.failed {
				f.failed = true
				m.showError(fmt.Errorf("read the events' titles: %w", err))
			}
			if f.apply(req, got) {
				m.timeline.Refresh()
			}
			if m.titlesLoaded != nil {
				m.titlesLoaded(err)
			}
		})
	})
	m.wantTitles(m.timeline.Viewport())
}

// wantTitles asks for the titles around vp, if the document's titles are
// fetched by view.
func (m *mainWindow) wantTitles(vp timeline.Viewport) {
	if m.titles != nil {
		m.titles.want(vp, timeline.DefaultMetrics().DenseAbove)
	}
}

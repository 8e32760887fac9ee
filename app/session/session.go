// Package session is the open document and what is done with it, without a
// user interface: reading it (compactly, with progress and cancel), the
// selection, the filter, the view, edits and their undo history, fetching
// titles, quotes and sources, stops, searching, imports and exports, and the
// citations of pictures.
//
// A Session belongs to one goroutine, its owner: the window's UI goroutine.
// Work that touches SQLite runs on other goroutines, as jobs that carry the
// document's generation, progress and cancel; their results come back to
// the owner through one hook (Options.Deliver, fyne.Do in the window) and are
// dropped if another document was opened meanwhile. What happens is told to
// the owner's watchers as Events. The command line calls the same document
// operations (Load, WritePicture, WriteHandout, ExportData, Import) directly,
// inline.
//
// The package imports no Fyne package: a test keeps it so.
package session

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// Options set up a session.
type Options struct {
	// Deliver runs f on the owner's goroutine (fyne.Do in the window). Nil
	// runs f at once, on the goroutine the work ended on: for an owner that
	// does nothing else while it waits for what it started.
	Deliver func(f func())
	// AllTitlesUpTo is the most events a document may have for all their
	// titles to be read with it; a larger one reads the titles in view as
	// they are drawn. 0 means DefaultAllTitlesUpTo.
	AllTitlesUpTo int
	// PreviewAbove is the most events a document may have for all of them
	// to be read before it is shown; a larger one is first drawn from its
	// level-of-detail summary, and its events are read after, in the
	// background. 0 means DefaultPreviewAbove; below 0, never.
	PreviewAbove int
	// WriterWait is how long a write waits for another program's to finish
	// before it gives up, saying which program holds the file. 0 means a
	// minute.
	WriterWait time.Duration
}

// DefaultAllTitlesUpTo is the most events whose titles are all read before
// the first frame; larger documents fetch the titles in view.
const DefaultAllTitlesUpTo = 20_000

// DefaultPreviewAbove is the most events read before a document is shown:
// about 0.05 s of reading. A larger document is drawn from its summary
// first.
const DefaultPreviewAbove = 100_000

// Session is the document open in a window, and its state. Its methods are
// for the owner's goroutine.
type Session struct {
	opts     Options
	life     context.Context // ends when the session is closed
	end      context.CancelFunc
	watchers []func(Event)
	doc      *Document // nil when no document is open
	gen      int       // incremented each time another document is asked for; older jobs are dropped
	task     *job      // the work the status line shows, if any is under way
	look     look
	filter   filterState
	titles   *titleFetcher // of a large document; nil when all titles are read with it
	links    Links
	edits    *editor
	reload   reloadState
	notes    writeNotes
	rows     Rows
	// bg counts the goroutines the session started, for Wait; afterEnd
	// takes their deliveries in turn once the session is closed.
	bg       sync.WaitGroup
	afterEnd sync.Mutex
}

// look is what the user is looking at.
type look struct {
	view     timeline.Viewport // the timeline's visible window, as the owner last said
	selected int64             // the selected event, or 0
	period   int64             // the selected period, or 0; never both
	dates    data.DateStyle
	// source is the source shown in the viewer with its quotes, or nil.
	source *SourceView
}

// New returns a session with no document open.
func New(opts Options) *Session {
	if opts.AllTitlesUpTo == 0 {
		opts.AllTitlesUpTo = DefaultAllTitlesUpTo
	}
	if opts.WriterWait == 0 {
		opts.WriterWait = writerWait
	}
	if opts.PreviewAbove == 0 {
		opts.PreviewAbove = DefaultPreviewAbove
	}
	s := &Session{opts: opts}
	s.life, s.end = context.WithCancel(context.Background())
	s.look.view = timeline.NewViewport(0, 365*86400, 800)
	s.edits = newEditor(s)
	s.rows.s = s
	return s
}

// Close ends the session's background work and closes its document (off
// the owner's goroutine: see Wait). No watcher is told anything after it.
func (s *Session) Close() {
	// What is delivered from now on runs under afterEnd, once the session
	// has ended (see deliver): after all of this.
	s.afterEnd.Lock()
	defer s.afterEnd.Unlock()
	s.watchers = nil
	s.gen++
	s.release()
	s.end()
}

// Wait waits, after Close, until the work the session started has ended
// and its documents are closed: nothing it wrote is left half-written, and
// no -wal or -shm file it made is left beside a document. A program calls
// it before it exits.
func (s *Session) Wait() { s.bg.Wait() }

// Ended reports whether the session has been closed.
func (s *Session) Ended() bool { return s.life.Err() != nil }

// Watch calls fn, on the owner's goroutine, with every event of the session
// from now on, after the watchers added before it.
func (s *Session) Watch(fn func(Event)) { s.watchers = append(s.watchers, fn) }

// emit tells the watchers of e.
func (s *Session) emit(e Event) {
	for _, w := range s.watchers {
		w(e)
	}
}

// Doc returns the open document, or nil.
func (s *Session) Doc() *Document { return s.doc }

// Editable reports whether a document is open that may be changed.
func (s *Session) Editable() bool { return s.doc != nil && !s.doc.ReadOnly() }

// Dates returns how dates are written.
func (s *Session) Dates() data.DateStyle { return s.look.dates }

// SetDates writes dates in st from now on, if it differs from the style in
// use: the panes write them again (DatesChanged).
func (s *Session) SetDates(st data.DateStyle) {
	old := s.look.dates
	if st.Order == old.Order && st.Zone.String() == old.Zone.String() { // a nil zone is "UTC"
		return
	}
	s.look.dates = st
	s.emit(DatesChanged{})
}

// View returns the timeline's visible window as the owner last set it.
func (s *Session) View() timeline.Viewport { return s.look.view }

// SetView records the timeline's visible window: stops, exports of the
// current view and a document read again start from it.
func (s *Session) SetView(vp timeline.Viewport) { s.look.view = vp }

// Problem tells the owner of an error to show.
func (s *Session) problem(err error) { s.emit(Problem{Err: err}) }

// Summary says what the open document holds, and how much of it the filter
// shows: "17 events · 5 lanes · 9 quotes · 19 sources".
func (s *Session) Summary() string {
	if s.doc == nil {
		return "No document open"
	}
	c := s.doc.counts
	sum := fmt.Sprintf("%s · %s · %s · %s", timeline.Plural(c.Events, "event", "events"), timeline.Plural(c.Lanes, "lane", "lanes"),
		timeline.Plural(c.Quotes, "quote", "quotes"), timeline.Plural(c.Sources, "source", "sources"))
	if sh := s.filter.shown; sh != nil {
		sum = fmt.Sprintf("%s shown of %s", timeline.Plural(len(sh.positions), "event", "events"), sum)
	}
	return sum
}

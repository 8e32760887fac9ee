package session

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/quoteline/quoteline/assets"
	"github.com/quoteline/quoteline/data"
)

// Load opens the document at path read-only (data.OpenReadOnly, every row
// checked first with data.Store.VerifyRows; nothing in its folder changes)
// and reads what the timeline draws, with every title if it has at most
// allTitlesUpTo events, reporting progress (0 to 1) as it reads the
// events. It touches SQLite: not on a UI goroutine. Close the document's
// store with Release.
func Load(ctx context.Context, path string, allTitlesUpTo int, progress func(float64)) (*Document, error) {
	d, err := loadDocument(ctx, path, true, allTitlesUpTo, 0, progress)
	if err != nil {
		return nil, err
	}
	if err := d.integrity.run(ctx); err != nil {
		d.Release()
		return nil, fmt.Errorf("check %s: %w", path, err)
	}
	d.integrity.passed = true
	close(d.integrity.verified)
	return d, nil
}

// ErrReading is the answer to what needs a document's events (an export,
// an import into it) while they are still being read after it was shown
// from its summary.
var ErrReading = errors.New("the events are still being read; try again once they are shown")

// StillReading tells the user (a Problem wrapping ErrReading), and
// returns true, if the open document's events are still being read, for
// what needs them: the event list, and any task (a new task would cancel
// the reading, and so the document).
func (s *Session) StillReading() bool {
	if s.doc == nil || !s.doc.Reading() {
		return false
	}
	s.problem(fmt.Errorf("%s: %w", filepath.Base(s.doc.Path()), ErrReading))
	return true
}

// Release ends the document's background work and closes its store.
func (d *Document) Release() {
	d.release()
	d.ref.closeStores()
}

// WriteExample writes the default timeline to path, which must not exist.
func WriteExample(ctx context.Context, path string) error {
	doc, err := data.ReadDocument(assets.Seed(), assets.DefaultDocument)
	if err != nil {
		return fmt.Errorf("default timeline: %w", err)
	}
	s, err := data.CreateFromDocument(ctx, path, doc)
	if err != nil {
		return err
	}
	return s.Close()
}

// CreateEmpty creates an empty document at path, which must not exist.
func CreateEmpty(ctx context.Context, path string) error {
	s, err := data.Create(ctx, path)
	if err != nil {
		return err
	}
	return s.Close()
}

// OpenDefault opens the user's copy of the default timeline at path, making
// it first if it is missing.
func (s *Session) OpenDefault(path string) {
	s.startBusy("Preparing the default timeline…", func(j *job) error {
		if _, err := os.Stat(path); err == nil {
			return nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("default timeline: %w", err)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("default timeline: %w", err)
		}
		return WriteExample(j.ctx, path)
	}, func(j *job, err error) {
		if !j.current() {
			return
		}
		if err != nil {
			s.idle("")
			s.problem(err)
			return
		}
		s.Open(path)
	})
}

// Create creates an empty document at path and opens it.
func (s *Session) Create(path string) {
	s.read(func(ctx context.Context) error { return CreateEmpty(ctx, path) }, func(err error) {
		if err != nil {
			s.problem(err)
			return
		}
		s.Open(path)
	})
}

// Open reads the document at path in the background, with progress and
// Cancel, and shows it when it is ready (Opened). A newer request replaces
// one still under way.
func (s *Session) Open(path string) {
	s.gen++
	name := filepath.Base(path)
	var doc *Document
	s.startTask("Opening "+name+"…", func(j *job) error {
		var err error
		doc, err = loadDocument(j.ctx, path, false, s.opts.AllTitlesUpTo, s.opts.PreviewAbove, j.progress)
		return err
	}, func(j *job, err error) {
		if !j.current() { // another document was asked for meanwhile
			if doc != nil {
				s.bg.Go(doc.Release) // closing may checkpoint: not on the owner's goroutine
			}
			return
		}
		switch {
		case errors.Is(err, context.Canceled):
			s.idle("Opening " + name + " cancelled.")
		case err != nil:
			s.idle("")
			s.problem(err)
		default:
			s.install(doc)
			return
		}
		s.emit(Opened{Path: path, Err: err})
	})
}

// install replaces the open document with doc and starts what follows:
// titles, the integrity check, then quotes and actors.
func (s *Session) install(doc *Document) {
	if s.doc == nil || s.doc.Path() != doc.Path() {
		s.filter.f = Filter{} // the same file read again keeps its filter
	}
	kept := s.reload.take(doc.Path())
	s.release()
	s.doc = doc
	s.look.selected, s.look.period = 0, 0
	if s.reload.reshow == nil {
		s.look.source = nil
	}
	s.links = Links{}
	s.rows.reset()
	s.emit(Opened{Path: doc.Path()})
	s.emit(FilterChanged{})
	s.refilter()
	note := ""
	if kept != nil {
		s.emit(Framed{Viewport: kept.vp})
		if _, ok := doc.ids.pos(kept.selected); ok {
			s.Select(kept.selected)
		}
		note = kept.note
	} else {
		s.emit(Framed{All: true})
	}
	s.reload.note = note
	s.noteOpened(doc)
	msg := s.Summary() + " · checking the file…"
	if note != "" {
		msg = note + " " + msg
	}
	s.emit(Status{Text: msg})
	if doc.Reading() {
		s.readLater(doc)
		return
	}
	s.startTitles(doc)
	s.awaitCheck(doc)
}

// readLater reads the events of doc, shown from its summary, as the
// session's task: the status line shows the progress with Cancel, which
// closes the document as cancelling its opening does. Once they are read
// the timeline shows them (Shown, after EventsRead), and the titles and
// the integrity check follow as for any document. Meanwhile the timeline
// zooms and pans over the summary, and what needs the events waits (edits
// wait for the check) or says it cannot yet (ErrReading).
func (s *Session) readLater(doc *Document) {
	name := filepath.Base(doc.Path())
	var read *spans
	s.startTask("Reading the events of "+name+"…", func(j *job) error {
		var err error
		ctx, stop := context.WithCancel(doc.ctx) // ends with the task or the document
		defer stop()
		defer context.AfterFunc(j.ctx, stop)()
		read, err = doc.readLater(ctx, s.opts.AllTitlesUpTo, j.progress)
		return err
	}, func(j *job, err error) {
		if err == nil && j.stopped {
			err = context.Canceled // asked for as the reading ended
		}
		if !j.current() || doc != s.doc {
			return // closed or replaced meanwhile
		}
		if err != nil {
			s.gen++
			s.release()
			s.look.source = nil
			s.emit(Closed{Name: name})
			if errors.Is(err, context.Canceled) {
				s.idle("Opening " + name + " cancelled.")
			} else {
				s.idle("")
				s.problem(fmt.Errorf("read %q: %w", doc.Path(), err))
			}
			s.emit(EventsRead{Err: err})
			return
		}
		doc.setEvents(read)
		s.emit(EventsRead{})
		s.refilter()
		s.emit(Status{Text: s.Summary() + " · checking the file…"})
		s.startTitles(doc)
		s.awaitCheck(doc)
	})
}

// awaitCheck runs doc's integrity check in the background, once it is
// shown: reading the whole file takes a while, and the document can be
// looked at meanwhile (nothing is written to it). A document that fails it
// is closed, saying why; one that passes is marked so, and its quotes and
// actors are read next.
func (s *Session) awaitCheck(doc *Document) {
	s.Await(func(context.Context) error { return doc.integrity.run(doc.ctx) }, func(err error) {
		if doc != s.doc {
			return // closed or replaced meanwhile: its check no longer matters
		}
		loading := s.task != nil // another document is being opened: leave its status alone
		switch {
		case errors.Is(err, context.Canceled):
		case err != nil:
			name := filepath.Base(doc.Path())
			s.gen++
			s.release()
			s.look.source = nil
			why := "failed its integrity check"
			if !errors.Is(err, data.ErrCorrupt) {
				why = "could not be checked"
			}
			s.emit(Closed{Name: name, Why: why})
			if !loading {
				s.emit(Status{Text: name + " was closed: it " + why + "."})
			}
			s.problem(fmt.Errorf("%s %s and was closed: %w", name, why, err))
			s.emit(Checked{Err: err})
			return
		default:
			doc.integrity.passed = true
			close(doc.integrity.verified)
			if !loading {
				s.idle(s.reload.note)
			}
			s.rebuildSummary(doc)
			s.emit(Checked{})
			// Then the quotes and actors: one background read at a time.
			s.loadLinks(doc)
			s.watchChanges(doc)
			return
		}
		s.emit(Checked{Err: err})
	})
}

// CloseDocument closes the open document; the session stays, with none.
// Every edit is already committed, so nothing is asked.
func (s *Session) CloseDocument() {
	if s.doc == nil {
		return
	}
	name := filepath.Base(s.doc.Path())
	s.gen++ // drop any load or read still under way for it
	s.release()
	s.look.source = nil
	s.emit(Closed{Name: name})
	s.idle("")
}

// release lets go of the open document, if any: its background work stops
// and its store closes (off the owner's goroutine, as closing may
// checkpoint). The caller tells the watchers.
func (s *Session) release() {
	if s.doc == nil {
		return
	}
	old := s.doc
	s.doc, s.titles = nil, nil
	s.look.selected, s.look.period = 0, 0
	s.filter.shown = nil
	old.release()
	s.bg.Go(old.ref.closeStores)
}

// CheckOpens reports why the document at path would not open, or nil: it
// runs data.Inspect (header, application id, schema, limits, without
// reading every page, so it takes as long at any size) and writes nothing.
// Damage deeper in the file is found by the integrity check a window runs
// once it shows the document, which closes it saying why.
func CheckOpens(ctx context.Context, path string) error {
	_, err := data.Inspect(ctx, path)
	return err
}

// Extent returns the first and last second covered by the events of the
// document at path (ok false if it has none), read without the integrity
// check: for callers that have checked the file with CheckOpens.
func Extent(ctx context.Context, path string) (first, last int64, ok bool, err error) {
	s, _, err := data.OpenChecking(ctx, path)
	if err != nil {
		return 0, 0, false, err
	}
	defer s.Close()
	return s.Extent(ctx)
}

// rebuildSummary builds doc's level-of-detail summary again in the
// background if it was found missing or out of date, once the file has
// passed its check, so that it opens from the summary next time. A
// document that opening for writing would change (see Pending) is left
// as it is until its first edit. A build that fails (another program
// holding the file for longer than a write waits, say) changes nothing
// and says nothing: the document is as it was, and the next open tries
// again.
func (s *Session) rebuildSummary(doc *Document) {
	if !doc.summaryStale || doc.ReadOnly() || !doc.Pending().None() {
		return
	}
	st := doc.st()
	s.Await(func(context.Context) error { return st.RebuildLOD(doc.ctx) }, func(err error) {
		if err == nil {
			doc.summaryStale = false
		}
	})
}

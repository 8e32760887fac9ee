package session

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/quoteline/quoteline/data"
)

// historyLimit is how many edits each document's undo stack keeps.
const historyLimit = 500

// editor carries out edits on the open document off the owner's
// goroutine, one after another, and keeps an undo history per document file
// for the session (so reopening a file can still undo what was done to it).
type editor struct {
	s         *Session
	histories map[string]*data.History // by absolute path
	jobs      chan editJob             // written one after another by work
}

// editJob is one edit, undo or redo waiting to be written.
type editJob struct {
	doc   *Document
	write func(ctx context.Context, st *data.Store) (*data.Edit, error)
	done  func(*data.Edit)
	// source is the source open in the viewer when the edit was asked
	// for, or 0: it is read again if the edit touches quotes or sources.
	source int64
}

// editChanges is what an edit changed, read back after it is written.
type editChanges struct {
	events []data.Event // its events as they are now
	lanes  []data.Lane  // every lane, if it touched any; else nil
	// periods are every period, if it touched periods or lanes (a lane
	// takes its periods with it); else nil.
	periods []data.Period
	// links is the quotes' marks, actors and sources, read again if the
	// edit touched any of them or events' links to them; else nil.
	links *Links
	// sourceID is the source open when the edit was asked for (or 0);
	// source and quotes are it read again with links, unless sourceGone
	// says the edit deleted it.
	sourceID   int64
	source     data.Source
	quotes     []data.QuoteRef
	sourceGone bool
}

func newEditor(s *Session) *editor {
	e := &editor{s: s, histories: map[string]*data.History{}, jobs: make(chan editJob, 64)}
	s.bg.Go(e.work)
	return e
}

// history returns the undo history of the document at path.
func (e *editor) history(path string) *data.History {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	h, ok := e.histories[abs]
	if !ok {
		h = data.NewHistory(historyLimit)
		e.histories[abs] = h
	}
	return h
}

// UndoName and RedoName name the edits Undo and Redo would act on, or are
// "" when there is none.
func (s *Session) UndoName() string {
	if s.doc == nil {
		return ""
	}
	return s.edits.history(s.doc.Path()).UndoName()
}

// RedoName: see UndoName.
func (s *Session) RedoName() string {
	if s.doc == nil {
		return ""
	}
	return s.edits.history(s.doc.Path()).RedoName()
}

// Edit runs fn, an edit of the open document, on another goroutine after
// the edits asked for before it; names it (if name is not ""); records it
// for undo; and shows its effect (Edited). done, if not nil, is called on
// the owner's goroutine with the edit once it is shown.
func (s *Session) Edit(name string, fn func(ctx context.Context, st *data.Store) (*data.Edit, error), done func(*data.Edit)) {
	doc := s.doc
	if doc == nil {
		return
	}
	if doc.ReadOnly() {
		s.problem(fmt.Errorf("%s is open read-only: save a copy to make changes", filepath.Base(doc.Path())))
		return
	}
	h := s.edits.history(doc.Path())
	s.edits.run(doc, func(ctx context.Context, st *data.Store) (*data.Edit, error) {
		ed, err := fn(ctx, st)
		if err != nil {
			return nil, err
		}
		if name != "" {
			ed.Name = name
		}
		h.Push(ed)
		return ed, nil
	}, done)
}

// Undo undoes the latest edit of the open document.
func (s *Session) Undo() { s.undoRedo(false) }

// Redo does again the latest edit undone.
func (s *Session) Redo() { s.undoRedo(true) }

func (s *Session) undoRedo(redo bool) {
	doc := s.doc
	if doc == nil {
		return
	}
	// Checked when its turn comes: edits queued before it may change what
	// there is to undo.
	h := s.edits.history(doc.Path())
	s.edits.run(doc, func(ctx context.Context, st *data.Store) (*data.Edit, error) {
		if redo {
			return h.Redo(ctx, st)
		}
		return h.Undo(ctx, st)
	}, nil)
}

// run queues write to be carried out off the owner's goroutine, after the
// edits queued before it; what it changed is then read back and shown.
func (e *editor) run(doc *Document, write func(ctx context.Context, st *data.Store) (*data.Edit, error), done func(*data.Edit)) {
	e.s.editAsked()
	j := editJob{doc: doc, write: write, done: done}
	if v := e.s.look.source; v != nil {
		j.source = v.Source.ID
	}
	select {
	case e.jobs <- j:
	default:
		e.s.problem(errors.New("too many edits are waiting to be written; try again in a moment"))
	}
}

// work writes the queued edits one at a time until the session closes.
func (e *editor) work() {
	for {
		select {
		case <-e.s.life.Done():
			return
		case j := <-e.jobs:
			e.write(j)
		}
	}
}

// write carries out one job and shows its result on the UI goroutine.
func (e *editor) write(j editJob) {
	ctx := e.s.life
	var ed *data.Edit
	var ch editChanges
	err := e.s.write(ctx, j.doc, func(st *data.Store) error {
		var err error
		ed, err = j.write(ctx, st)
		if err == nil && ed != nil {
			ch, err = readChanges(ctx, st, ed, j.source)
		}
		return err
	})
	e.s.deliver(func() {
		name := ""
		if ed != nil {
			name = ed.Name
		}
		if err == nil && ed != nil && j.doc == e.s.doc {
			e.s.applyEdit(j.doc, ed, &ch)
			if j.done != nil {
				j.done(ed)
			}
		}
		if err != nil && !errors.Is(err, context.Canceled) {
			e.s.settle(j.doc)
			e.s.problem(EditError(err))
		}
		e.s.emit(Edited{Name: name, Err: err})
	})
}

// readChanges reads what an edit changed: its events as they are now, the
// lanes if it touched any and, if it touched quotes,
// sources, actors or links to them, those and the open source (if not 0).
func readChanges(ctx context.Context, s *data.Store, ed *data.Edit, source int64) (editChanges, error) {
	var ch editChanges
	var err error
	if ch.events, err = s.EventsOf(ctx, ed.Events()); err != nil {
		return ch, err
	}
	if len(ed.Lanes()) > 0 {
		if ch.lanes, err = s.Lanes(ctx); err != nil {
			return ch, err
		}
		if ch.lanes == nil {
			ch.lanes = []data.Lane{}
		}
	}
	if len(ed.Periods())+len(ed.Lanes()) > 0 {
		if ch.periods, err = s.Periods(ctx); err != nil {
			return ch, err
		}
		if ch.periods == nil {
			ch.periods = []data.Period{}
		}
	}
	if len(ed.Actors())+len(ed.Sources())+len(ed.Quotes())+len(ed.Relinked()) == 0 {
		return ch, nil
	}
	links, err := readLinks(ctx, s)
	if err != nil {
		return ch, err
	}
	ch.links = &links
	ch.sourceID = source
	if source != 0 {
		ch.source, err = s.Source(ctx, source)
		if errors.Is(err, data.ErrNotFound) {
			ch.sourceGone = true
			return ch, nil
		}
		if err == nil {
			ch.quotes, err = s.QuotesOfSource(ctx, source)
		}
	}
	return ch, err
}

// applyEdit shows an edit's effect: the document's events and counts, the
// filter's result, the quotes, actors and sources, the source in the
// viewer and the details of the selection.
func (s *Session) applyEdit(doc *Document, ed *data.Edit, ch *editChanges) {
	doc.applyChanges(ch.events, ed.Events(), ch.lanes)
	if ch.periods != nil {
		doc.setPeriods(ch.periods)
	}
	doc.counts = addCounts(doc.counts, ed.Delta())
	s.rows.reset()
	s.emit(FilterChanged{}) // lanes may have been renamed or deleted
	s.idle("")
	if ch.links != nil {
		s.applyLinks(*ch.links)
		// Unless another source was opened meanwhile.
		if v := s.look.source; ch.sourceID != 0 && v != nil && v.Source.ID == ch.sourceID {
			if ch.sourceGone {
				s.showSource(nil, 0, false)
			} else {
				s.showSource(&SourceView{Source: ch.source, Quotes: ch.quotes}, 0, false)
			}
		}
	}
	// Without a filter, or with one on what is held in memory, the timeline
	// is set at once, before the selection's details are read; a filter that
	// reads the store starts last.
	if s.filter.f.needsStore() {
		defer s.refilter()
	} else {
		s.refilter()
	}
	if ch.periods != nil && s.look.period != 0 { // it may have changed, or be gone
		s.SelectPeriod(s.look.period)
		return
	}
	sel := s.look.selected
	if _, ok := doc.ids.pos(sel); !ok {
		sel = 0
	}
	s.Select(sel) // its details may have changed
}

// addCounts returns the counts c changed by d, rows added or deleted.
func addCounts(c, d data.Counts) data.Counts {
	return data.Counts{Lanes: c.Lanes + d.Lanes, Events: c.Events + d.Events, Quotes: c.Quotes + d.Quotes,
		Sources: c.Sources + d.Sources, Actors: c.Actors + d.Actors}
}

// EditError makes a store's error readable: a field error says which field
// and why, a conflict says what happened.
func EditError(err error) error {
	var fe *data.FieldError
	switch {
	case errors.As(err, &fe):
		return fmt.Errorf("The %s's %s %s.", fe.Record, fe.Field, fe.Reason)
	case errors.Is(err, data.ErrConflict):
		return fmt.Errorf("%w.\nThe document was changed in another window or program since; nothing was changed", err)
	}
	return err
}

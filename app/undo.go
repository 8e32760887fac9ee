package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/quoteline/quoteline/data"
)

// historyLimit is how many edits each document's undo stack keeps.
const historyLimit = 500

// editor carries out edits on the open document off the UI goroutine,
// keeps an undo history per document file for the session (so reopening a
// file can still undo what was done to it), and keeps the Edit menu's
// Undo and Redo items naming what they would do.
type editor struct {
	m         *mainWindow
	histories map[string]*data.History // by absolute path
	undoItem  *fyne.MenuItem
	redoItem  *fyne.MenuItem
	jobs      chan editJob // written one after another by work
	lastForm  *eventFormView
	// lastPicker is the link picker opened last, for tests.
	lastPicker *linkPickerView
	// sourcesShown is a test hook called on the UI goroutine each time the
	// Sources dialog has listed the sources.
	sourcesShown func(list *fyne.Container)
	// confirmShown is a test hook called on the UI goroutine once a
	// deletion's confirmation is shown.
	confirmShown func()

	// applied is a test hook called on the UI goroutine once an edit, undo
	// or redo is shown (err nil) or has failed.
	applied func(name string, err error)
}

// editJob is one edit, undo or redo waiting to be written.
type editJob struct {
	doc   *document
	write func(ctx context.Context) (*data.Edit, error)
	done  func(*data.Edit)
	// source is the source open in the viewer when the edit was asked
	// for, or 0: it is read again if the edit touches quotes or sources.
	source int64
}

// editChanges is what an edit changed, read back after it is written.
type editChanges struct {
	events []data.Event // its events as they are now
	lanes  []data.Lane  // every lane, if it touched any; else nil
	counts data.Counts
	// links is the quotes' marks, actors and sources, read again if the
	// edit touched any of them or events' links to them; else nil.
	links *linkData
	// sourceID is the source open when the edit was asked for (or 0);
	// source and quotes are it read again with links, unless sourceGone
	// says the edit deleted it.
	sourceID   int64
	source     data.Source
	quotes     []data.QuoteRef
	sourceGone bool
}

func newEditor(m *mainWindow) *editor {
	e := &editor{m: m, histories: map[string]*data.History{}, jobs: make(chan editJob, 64)}
	go e.work()
	e.undoItem = fyne.NewMenuItem("Undo", func() { e.undoRedo(false) })
	// The desktop driver reports Ctrl+Z as ShortcutUndo and Ctrl+Y as
	// ShortcutRedo, not as custom shortcuts.
	e.undoItem.Shortcut = &fyne.ShortcutUndo{}
	e.redoItem = fyne.NewMenuItem("Redo", func() { e.undoRedo(true) })
	e.redoItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	// Ctrl+Y redoes too, as on Windows; it has no menu item of its own.
	m.win.Canvas().AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { e.undoRedo(true) })
	e.refreshMenu()
	e.wirePanes()
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

// refreshMenu names the edit Undo and Redo would act on, and disables
// them when there is none.
func (e *editor) refreshMenu() {
	undo, redo := "", ""
	if d := e.m.doc; d != nil {
		h := e.history(d.store.Path())
		undo, redo = h.UndoName(), h.RedoName()
	}
	set := func(item *fyne.MenuItem, verb, name string) {
		item.Label = verb
		if name != "" {
			item.Label = verb + " " + name
		}
		item.Disabled = name == ""
	}
	set(e.undoItem, "Undo", undo)
	set(e.redoItem, "Redo", redo)
	if mm := e.m.win.MainMenu(); mm != nil {
		mm.Refresh()
	}
}

// do runs fn, an edit of the open document, on another goroutine; names
// it (if name is not ""); records it for undo; and shows its effect. done,
// if not nil, is called on the UI goroutine with the edit once it is shown.
func (e *editor) do(name string, fn func(ctx context.Context, s *data.Store) (*data.Edit, error), done func(*data.Edit)) {
	doc := e.m.doc
	if doc == nil {
		return
	}
	if doc.store.ReadOnly() {
		e.m.showError(fmt.Errorf("%s is open read-only: save a copy to make changes", filepath.Base(doc.store.Path())))
		return
	}
	h := e.history(doc.store.Path())
	e.run(doc, func(ctx context.Context) (*data.Edit, error) {
		ed, err := fn(ctx, doc.store)
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

// undoRedo undoes (or redoes) the latest edit of the open document.
func (e *editor) undoRedo(redo bool) {
	doc := e.m.doc
	if doc == nil {
		return
	}
	// Checked when its turn comes: edits queued before it may change what
	// there is to undo.
	h := e.history(doc.store.Path())
	e.run(doc, func(ctx context.Context) (*data.Edit, error) {
		if redo {
			return h.Redo(ctx, doc.store)
		}
		return h.Undo(ctx, doc.store)
	}, nil)
}

// run queues write to be carried out off the UI goroutine, after the
// edits queued before it; what it changed is then read back and shown.
func (e *editor) run(doc *document, write func(ctx context.Context) (*data.Edit, error), done func(*data.Edit)) {
	j := editJob{doc: doc, write: write, done: done}
	if e.m.source.loaded {
		j.source = e.m.source.src.ID
	}
	select {
	case e.jobs <- j:
	default:
		e.m.showError(errors.New("too many edits are waiting to be written; try again in a moment"))
	}
}

// work writes the queued edits one at a time until the window closes.
func (e *editor) work() {
	for {
		select {
		case <-e.m.life.Done():
			return
		case j := <-e.jobs:
			e.write(j)
		}
	}
}

// write carries out one job and shows its result on the UI goroutine.
func (e *editor) write(j editJob) {
	ctx := e.m.life
	var ed *data.Edit
	err := j.doc.whenVerified(ctx)
	if err == nil {
		ed, err = j.write(ctx)
	}
	var ch editChanges
	if err == nil && ed != nil {
		ch, err = readChanges(ctx, j.doc.store, ed, j.source)
	}
	fyne.Do(func() {
		name := ""
		if ed != nil {
			name = ed.Name
		}
		if err == nil && ed != nil && j.doc == e.m.doc {
			e.show(j.doc, ed, &ch)
			if j.done != nil {
				j.done(ed)
			}
		}
		e.refreshMenu()
		if err != nil && !errors.Is(err, context.Canceled) {
			e.m.showError(editError(err))
		}
		if e.applied != nil {
			e.applied(name, err)
		}
	})
}

// readChanges reads what an edit changed: its events as they are now, the
// lanes if it touched any, the new counts and, if it touched quotes,
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
	if ch.counts, err = s.Counts(ctx); err != nil {
		return ch, err
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

// show puts an edit's effect on screen: the timeline, the overview, the
// status line, the side panes and the details of the selection.
func (e *editor) show(doc *document, ed *data.Edit, ch *editChanges) {
	m := e.m
	doc.applyChanges(ch.events, ed.Events(), ch.lanes)
	doc.counts = ch.counts
	m.list.reset()
	m.showChips() // lanes may have been renamed or deleted
	m.setIdle(m.statusText())
	if ch.links != nil {
		m.applyLinks(*ch.links)
		// Unless another source was opened meanwhile.
		if ch.sourceID != 0 && m.source.loaded && m.source.src.ID == ch.sourceID {
			if ch.sourceGone {
				m.source.showEmpty()
			} else {
				m.source.show(ch.source, ch.quotes, 0)
			}
		}
	}
	// Without a filter, or with one on what is held in memory, the timeline
	// is set at once, before the selection's details are read; a filter that
	// reads the store starts last.
	if m.filter.f.needsStore() {
		defer m.refilter()
	} else {
		m.refilter()
	}
	sel := m.timeline.Selected()
	if _, ok := doc.ids.pos(sel); sel != 0 && !ok {
		m.timeline.Select(0)
		m.details.showDocument(doc)
	} else if sel != 0 {
		m.selectEvent(sel) // its details may have changed
	} else {
		m.details.showDocument(doc)
	}
}

// editError makes a store's error readable: a field error says which field
// and why, a conflict says what happened.
func editError(err error) error {
	var fe *data.FieldError
	switch {
	case errors.As(err, &fe):
		return fmt.Errorf("The %s's %s %s.", fe.Record, fe.Field, fe.Reason)
	case errors.Is(err, data.ErrConflict):
		return fmt.Errorf("%w.\nThe document was changed in another window or program since; nothing was changed", err)
	}
	return err
}

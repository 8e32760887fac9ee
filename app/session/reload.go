package session

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/quoteline/quoteline/timeline"
)

// watchInterval is how often a session looks for changes others made to its
// document.
const watchInterval = time.Second

// ChangedElsewhereNote says why a document was read again.
const ChangedElsewhereNote = "Read again: the file was changed in another window or program."

// reloadState is what carries over when the open document is read again.
type reloadState struct {
	kept *keptView
	// note, if set, is said before the counts in the status line once the
	// document has been checked (why it was read again).
	note string
	// presenting is set while the owner presents the stops, a fixed set of
	// views: a change made elsewhere is read once it ends.
	presenting bool
	// changedElsewhere is set when another window or program wrote to the
	// file while it could not be read again at once.
	changedElsewhere bool
	// reshow, when set, is the source (and quote) to show again once the
	// document has been read again.
	reshow *[2]int64
}

// keptView is what of the view survives reading the document again.
type keptView struct {
	path     string
	vp       timeline.Viewport
	selected int64
	note     string // said in the status line once it is shown
}

// take returns the view kept for the document at path, if any, and forgets it.
func (r *reloadState) take(path string) *keptView {
	kept := r.kept
	r.kept, r.changedElsewhere = nil, false
	if kept != nil && kept.path != path {
		return nil
	}
	return kept
}

// Reopen reads the open document again, keeping the view and the
// selection, and then says note.
func (s *Session) Reopen(note string) {
	doc := s.doc
	if doc == nil {
		return
	}
	s.reload.kept = &keptView{path: doc.Path(), vp: s.look.view, selected: s.look.selected, note: note}
	s.Open(doc.Path())
}

// SetPresenting says whether the owner is presenting the stops. While it
// is, a change made to the file elsewhere is not read; once it ends, it is.
func (s *Session) SetPresenting(on bool) {
	s.reload.presenting = on
	if !on && s.doc != nil && s.reload.changedElsewhere {
		s.Reopen(ChangedElsewhereNote)
	}
}

// watchChanges reads doc again whenever another window or program writes
// to its file, so that every window on a file shows what it holds. While
// presenting, the document is read again when the presentation ends; while
// a task is under way (an export, say), once it has ended. It watches
// through the store doc is read through now, and ends the watch of the one
// before (whose view of the file the first write replaced).
func (s *Session) watchChanges(doc *Document) {
	r := doc.ref
	r.mu.Lock()
	if r.unwatch != nil {
		r.unwatch()
	}
	st := doc.st()
	ctx, stop := context.WithCancel(doc.ctx)
	r.unwatch = stop
	r.mu.Unlock()
	var readAgain func()
	readAgain = func() {
		switch {
		case doc != s.doc || ctx.Err() != nil || doc.st() != st:
		case s.reload.presenting:
			s.reload.changedElsewhere = true
		case s.task != nil:
			time.AfterFunc(watchInterval, func() { s.deliver(readAgain) })
		default:
			s.Reopen(ChangedElsewhereNote)
		}
	}
	err := st.Watch(ctx, watchInterval, func() { s.deliver(readAgain) })
	if err != nil && !errors.Is(err, ctx.Err()) {
		s.problem(fmt.Errorf("watch %s for changes: %w", filepath.Base(doc.Path()), err))
	}
}

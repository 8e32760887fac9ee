package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"

	"github.com/quoteline/quoteline/timeline"
)

// watchInterval is how often a window looks for changes others made to its
// document.
const watchInterval = time.Second

// changedElsewhereNote says why a document was read again.
const changedElsewhereNote = "Read again: the file was changed in another window or program."

// keptView is what of a window's view survives reading its document again.
type keptView struct {
	path     string
	vp       timeline.Viewport
	selected int64
	note     string // said in the status line once it is shown
}

// reopen reads the open document again, keeping the view and the selection,
// and then says note.
func (m *mainWindow) reopen(note string) {
	doc := m.doc
	if doc == nil {
		return
	}
	m.kept = &keptView{path: doc.store.Path(), vp: m.timeline.Viewport(), selected: m.timeline.Selected(), note: note}
	m.open(doc.store.Path())
}

// watchChanges reads doc again whenever another window or program writes
// to its file, so that every window on a file shows what it holds. In
// present mode, which shows a fixed set of views, the document is read
// again when the presentation ends; while other work is under way (an
// export, say), once it has ended.
func (m *mainWindow) watchChanges(doc *document) {
	var readAgain func()
	readAgain = func() {
		switch {
		case doc != m.doc || doc.ctx.Err() != nil:
		case m.presenting != nil:
			doc.changedElsewhere = true
		case m.cancelFn != nil:
			time.AfterFunc(watchInterval, func() { fyne.Do(readAgain) })
		default:
			m.reopen(changedElsewhereNote)
		}
	}
	err := doc.store.Watch(doc.ctx, watchInterval, func() { fyne.Do(readAgain) })
	if err != nil && !errors.Is(err, doc.ctx.Err()) {
		m.showError(fmt.Errorf("watch %s for changes: %w", filepath.Base(doc.store.Path()), err))
	}
}

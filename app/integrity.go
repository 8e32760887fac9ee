package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// awaitCheck runs doc's integrity check in the background, once it is
// shown: reading the whole file takes a while, and the document can be
// looked at meanwhile (nothing is written to it). A document that fails
// it is closed, with a message saying why; one that passes is marked
// checked, and its quotes and actors are read next. The checked hook, if
// set, hears the result.
func (m *mainWindow) awaitCheck(doc *document) {
	go func() {
		err := doc.check(doc.ctx)
		fyne.Do(func() {
			if doc != m.doc {
				return // closed or replaced meanwhile: its check no longer matters
			}
			if m.checked != nil {
				defer m.checked(err)
			}
			loading := m.cancelFn != nil // another document is being opened: leave its status alone
			switch {
			case errors.Is(err, context.Canceled):
			case err != nil:
				name := filepath.Base(doc.store.Path())
				m.releaseDocument()
				m.win.SetTitle("Quoteline")
				m.timeline.SetData(nil, timeline.Events{}, nil)
				m.overview.SetData(nil, 0, 0)
				why := "failed its integrity check"
				if !errors.Is(err, data.ErrCorrupt) {
					why = "could not be checked"
				}
				m.details.set(heading("No document open"), wrapped(name+" "+why+" and was closed."))
				if !loading {
					m.setIdle(name + " was closed: it " + why + ".")
				}
				m.showError(fmt.Errorf("%s %s and was closed: %w", name, why, err))
			default:
				doc.checked = true
				close(doc.verified)
				if !loading {
					m.setIdle(m.statusText())
				}
				// Then the quotes and actors: one background read at a time.
				m.loadLinks(doc)
			}
		})
	}()
}

// releaseDocument lets go of the document shown, if any: its background
// work stops and its store closes (off the UI goroutine, as closing may
// checkpoint). The caller updates the panes.
func (m *mainWindow) releaseDocument() {
	if m.doc == nil {
		return
	}
	old := m.doc
	m.doc, m.titles = nil, nil
	old.release()
	go old.store.Close()
}

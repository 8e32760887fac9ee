package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// Recent files, kept in the preferences.
const (
	recentKey = "recentFiles"
	recentMax = 10
)

// fileMenu is the File menu: New, Open, Open Recent, Save a Copy, Close.
// Fyne adds Quit to it.
func (m *mainWindow) fileMenu(open *fyne.MenuItem) *fyne.Menu {
	ctrl := fyne.KeyModifierShortcutDefault
	newDoc := fyne.NewMenuItem("New…", m.showNewDialog)
	newDoc.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl}
	recent := fyne.NewMenuItem("Open Recent", nil)
	recent.ChildMenu = fyne.NewMenu("")
	m.recentItem = recent
	m.refreshRecent()
	saveCopy := fyne.NewMenuItem("Save a Copy…", m.showSaveCopyDialog)
	saveCopy.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: ctrl | fyne.KeyModifierShift}
	closeDoc := fyne.NewMenuItem("Close", m.closeDocument)
	closeDoc.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: ctrl}
	newWin := fyne.NewMenuItem("New Window", func() { m.newWindow("", true) })
	newWin.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl | fyne.KeyModifierShift}
	closeWin := fyne.NewMenuItem("Close Window", m.win.Close)
	closeWin.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: ctrl | fyne.KeyModifierShift}
	return fyne.NewMenu("File", newDoc, open, recent, fyne.NewMenuItemSeparator(),
		newWin, fyne.NewMenuItem("Open in New Window…", m.showOpenInNewWindowDialog), fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Import…", m.showImportDialog), saveCopy, m.exportMenuItem(),
		fyne.NewMenuItem("Export Handout…", m.showHandoutDialog),
		fyne.NewMenuItemSeparator(), closeDoc, closeWin)
}

// recentFiles returns the recently opened documents, newest first.
func (m *mainWindow) recentFiles() []string {
	return m.app.Preferences().StringList(recentKey)
}

// remember puts path first among the recent files.
func (m *mainWindow) remember(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	list := slices.DeleteFunc(m.recentFiles(), func(p string) bool { return p == abs })
	list = append([]string{abs}, list...)
	m.app.Preferences().SetStringList(recentKey, list[:min(len(list), recentMax)])
	m.refreshRecent()
}

// refreshRecent rebuilds the Open Recent submenu.
func (m *mainWindow) refreshRecent() {
	if m.recentItem == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, p := range m.recentFiles() {
		p := p
		label := filepath.Base(p) + " — " + filepath.Dir(p)
		items = append(items, fyne.NewMenuItem(label, func() { m.open(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No recent documents", nil)
		none.Disabled = true
		items = append(items, none)
	} else {
		items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Clear Recent", func() {
			m.app.Preferences().SetStringList(recentKey, nil)
			m.refreshRecent()
		}))
	}
	m.recentItem.ChildMenu.Items = items
	if mm := m.win.MainMenu(); mm != nil {
		mm.Refresh()
	}
}

// documentDir is where file dialogs start: the open document's folder.
func (m *mainWindow) documentDir() fyne.ListableURI {
	if m.doc == nil {
		return nil
	}
	dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(m.doc.store.Path())))
	if err != nil {
		return nil
	}
	return dir
}

// withExtension adds ".quoteline" to a name that has no extension of it.
func withExtension(path string) string {
	if strings.EqualFold(filepath.Ext(path), ".quoteline") {
		return path
	}
	return path + ".quoteline"
}

// askSavePath asks where to write a document, proposing name, and calls fn
// with the chosen path, ".quoteline" added if missing. The file dialog
// creates the file it returns; that empty file is removed so the document
// can be written in its place.
func (m *mainWindow) askSavePath(name string, fn func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		chosen := w.URI().Path()
		w.Close()
		if info, statErr := os.Stat(chosen); statErr == nil && info.Size() == 0 {
			os.Remove(chosen)
		}
		fn(withExtension(chosen))
	}, m.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".quoteline"}))
	if dir := m.documentDir(); dir != nil {
		d.SetLocation(dir)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// showNewDialog asks where to create a new, empty document and opens it.
func (m *mainWindow) showNewDialog() {
	m.askSavePath("Untitled.quoteline", func(path string) {
		go func() {
			err := createEmpty(path)
			fyne.Do(func() {
				if err != nil {
					m.showError(err)
					return
				}
				m.open(path)
			})
		}()
	})
}

// createEmpty creates an empty document at path.
func createEmpty(path string) error {
	s, err := data.Create(context.Background(), path)
	if err != nil {
		return err
	}
	return s.Close()
}

// showSaveCopyDialog writes a copy of the open document where the user
// says; the window keeps the original open.
func (m *mainWindow) showSaveCopyDialog() {
	doc := m.doc
	if doc == nil {
		return
	}
	name := strings.TrimSuffix(filepath.Base(doc.store.Path()), filepath.Ext(doc.store.Path()))
	m.askSavePath(name+" copy.quoteline", func(path string) {
		m.setBusy("Saving a copy as "+filepath.Base(path)+"…", nil)
		go func() {
			err := doc.store.SaveCopy(m.life, path)
			fyne.Do(func() {
				m.setIdle(m.statusText())
				if err != nil {
					m.showError(err)
					return
				}
				m.status.SetText("Saved a copy as " + path)
				m.remember(path)
			})
		}()
	})
}

// closeDocument closes the open document; the window stays, empty. Every
// edit is already committed, so nothing is asked.
func (m *mainWindow) closeDocument() {
	if m.doc == nil {
		return
	}
	m.gen++ // drop any load or read still under way for it
	m.releaseDocument()
	m.search.close()
	m.showNoDocument()
}

// showNoDocument shows the window empty, saying how to open a document.
func (m *mainWindow) showNoDocument() {
	m.timeline.Select(0)
	m.timeline.SetData(nil, timeline.Events{}, nil)
	m.overview.SetData(nil, 0, 0)
	m.details.set(heading("No document open"),
		muted("Open a document (Ctrl+O), pick one from File ▸ Open Recent, or make a new one (Ctrl+N)."))
	m.win.SetTitle("Quoteline")
	m.setIdle(m.statusText())
	m.editor.refreshMenu()
}

package app

import (
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"github.com/quoteline/quoteline/app/dialog"
	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
)

// menus are the menu items that change with the document.
type menus struct {
	undo, redo *fyne.MenuItem
	recent     *fyne.MenuItem // File ▸ Open Recent
}

// Recent files, kept in the preferences.
const (
	recentKey = "recentFiles"
	recentMax = 10
)

// shortcut gives item a keyboard shortcut of key with mods.
func shortcut(item *fyne.MenuItem, key fyne.KeyName, mods fyne.KeyModifier) *fyne.MenuItem {
	item.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mods}
	return item
}

const (
	ctrl      = fyne.KeyModifierShortcutDefault
	ctrlShift = fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift
)

// mainMenu is the window's menus: File, Edit, View and Help. Fyne adds Quit
// to the first.
func (w *window) mainMenu() *fyne.MainMenu {
	return fyne.NewMainMenu(w.fileMenu(), w.editMenu(), w.viewMenu(), fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard and Mouse", func() { dialog.ShowHelp(w.win) }),
		fyne.NewMenuItem("About Quoteline", func() { dialog.ShowAbout(w.win, w.version) })))
}

// fileMenu is the File menu: New, Open, Open Recent, windows, Import, Save
// a Copy, Export, Close.
func (w *window) fileMenu() *fyne.Menu {
	p := w.parent()
	w.menus.recent = fyne.NewMenuItem("Open Recent", nil)
	w.menus.recent.ChildMenu = fyne.NewMenu("")
	w.refreshRecent()
	export := fyne.NewMenuItem("Export", nil)
	export.ChildMenu = fyne.NewMenu("",
		shortcut(fyne.NewMenuItem("Picture (PDF, PNG, SVG)…", func() { dialog.ShowExportPicture(p) }), fyne.KeyE, ctrlShift),
		fyne.NewMenuItem("Handout (PDF)…", func() { dialog.AskHandout(p) }),
		fyne.NewMenuItemSeparator())
	for k, f := range dialog.DataFormats {
		export.ChildMenu.Items = append(export.ChildMenu.Items, fyne.NewMenuItem(f.Label, func() { dialog.AskExportData(p, k) }))
	}
	return fyne.NewMenu("File",
		shortcut(fyne.NewMenuItem("New…", func() { dialog.AskNew(p) }), fyne.KeyN, ctrl),
		shortcut(fyne.NewMenuItem("Open…", func() { dialog.AskToOpen(p, w.s.Open) }), fyne.KeyO, ctrl),
		w.menus.recent, fyne.NewMenuItemSeparator(),
		shortcut(fyne.NewMenuItem("New Window", func() { w.newWindow("", true) }), fyne.KeyN, ctrlShift),
		fyne.NewMenuItem("Open in New Window…", func() { dialog.AskToOpen(p, func(path string) { w.newWindow(path, false) }) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Import…", func() { dialog.ShowImport(p) }),
		shortcut(fyne.NewMenuItem("Save a Copy…", func() { dialog.AskSaveCopy(p, w.remember) }), fyne.KeyS, ctrlShift),
		export, fyne.NewMenuItemSeparator(),
		shortcut(fyne.NewMenuItem("Close", w.s.CloseDocument), fyne.KeyW, ctrl),
		shortcut(fyne.NewMenuItem("Close Window", w.win.Close), fyne.KeyW, ctrlShift))
}

// editMenu is the Edit menu: undo and redo, editing events, periods, lanes
// and sources, find. Edit and Delete Selected act on a selected period too.
func (w *window) editMenu() *fyne.Menu {
	p := w.parent()
	w.menus.undo = fyne.NewMenuItem("Undo", w.s.Undo)
	// The desktop driver reports Ctrl+Z as ShortcutUndo and Ctrl+Y as
	// ShortcutRedo, not as custom shortcuts.
	w.menus.undo.Shortcut = &fyne.ShortcutUndo{}
	w.menus.redo = shortcut(fyne.NewMenuItem("Redo", w.s.Redo), fyne.KeyZ, ctrlShift)
	// Ctrl+Y redoes too, as on Windows; it has no menu item of its own.
	w.win.Canvas().AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { w.s.Redo() })
	w.refreshUndo()
	return fyne.NewMenu("Edit",
		w.menus.undo, w.menus.redo,
		fyne.NewMenuItemSeparator(),
		shortcut(fyne.NewMenuItem("New Event…", func() { dialog.ShowEventForm(p, 0) }), fyne.KeyE, ctrl),
		shortcut(fyne.NewMenuItem("Edit Selected Event…", w.editSelected), fyne.KeyReturn, ctrl),
		shortcut(fyne.NewMenuItem("Delete Selected Event…", w.deleteSelected), fyne.KeyDelete, ctrl),
		fyne.NewMenuItem("New Period…", func() { dialog.ShowPeriodForm(p, data.Period{}) }),
		shortcut(fyne.NewMenuItem("Lanes…", func() { dialog.ShowLanes(p) }), fyne.KeyL, ctrl),
		fyne.NewMenuItem("Sources…", func() { dialog.ShowSources(p) }),
		fyne.NewMenuItemSeparator(),
		shortcut(fyne.NewMenuItem("Find…", w.showSearch), fyne.KeyF, ctrl),
	)
}

// viewMenu is the View menu: zoom, filter, the event list, the statements
// row, the source of the selection, theme, dates, present.
func (w *window) viewMenu() *fyne.Menu {
	tl := w.timeline
	present := fyne.NewMenuItem("Present (F5)", w.present)
	present.Icon = theme.MediaPlayIcon()
	return fyne.NewMenu("View",
		shortcut(fyne.NewMenuItem("Zoom In", tl.ZoomIn), fyne.KeyEqual, ctrl),
		shortcut(fyne.NewMenuItem("Zoom Out", tl.ZoomOut), fyne.KeyMinus, ctrl),
		shortcut(fyne.NewMenuItem("Fit All", tl.FitAll), fyne.Key0, ctrl),
		fyne.NewMenuItemSeparator(),
		shortcut(fyne.NewMenuItem("Filter…", w.showFilter), fyne.KeyF, ctrlShift),
		fyne.NewMenuItem("Clear Filters", func() { w.s.SetFilter(session.Filter{}) }),
		fyne.NewMenuItemSeparator(),
		shortcut(fyne.NewMenuItem("Event List", w.toggleList), fyne.KeyT, ctrl),
		w.statementsMenuItem(),
		shortcut(fyne.NewMenuItem("Show Source of Selected Event", w.showSelectedSource), fyne.KeyO, ctrlShift),
		w.themeMenu(),
		fyne.NewMenuItem("Dates and Times…", func() { dialog.ShowDateStyle(w.parent(), w.app.Preferences()) }),
		fyne.NewMenuItemSeparator(), present)
}

// refreshMenus shows menu changes, if the window has its menus.
func (w *window) refreshMenus() {
	if mm := w.win.MainMenu(); mm != nil {
		mm.Refresh()
	}
}

// refreshUndo names the edits Undo and Redo would act on, and disables
// them when there is none.
func (w *window) refreshUndo() {
	set := func(item *fyne.MenuItem, verb, name string) {
		item.Label = verb
		if name != "" {
			item.Label = verb + " " + name
		}
		item.Disabled = name == ""
	}
	set(w.menus.undo, "Undo", w.s.UndoName())
	set(w.menus.redo, "Redo", w.s.RedoName())
	w.refreshMenus()
}

// showSearch opens the find bar and gives it the keyboard.
func (w *window) showSearch() {
	w.panes.search.Show()
	w.win.Canvas().Focus(w.panes.search.Entry())
}

// toggleList shows the event list in place of the timeline, or the
// timeline again.
func (w *window) toggleList() {
	if w.panes.list.Visible() {
		w.panes.list.SetVisible(false)
		w.timeline.Show()
		w.win.Canvas().Focus(w.timeline)
		return
	}
	if w.s.StillReading() { // nothing to list yet
		return
	}
	w.timeline.Hide()
	w.panes.list.SetVisible(true)
}

// recentFiles returns the recently opened documents, newest first.
func (w *window) recentFiles() []string {
	return w.app.Preferences().StringList(recentKey)
}

// remember puts path first among the recent files.
func (w *window) remember(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	list := slices.DeleteFunc(w.recentFiles(), func(p string) bool { return p == abs })
	list = append([]string{abs}, list...)
	w.app.Preferences().SetStringList(recentKey, list[:min(len(list), recentMax)])
	w.refreshRecent()
}

// refreshRecent rebuilds the Open Recent submenu.
func (w *window) refreshRecent() {
	var items []*fyne.MenuItem
	for _, p := range w.recentFiles() {
		label := filepath.Base(p) + " — " + filepath.Dir(p)
		items = append(items, fyne.NewMenuItem(label, func() { w.s.Open(p) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No recent documents", nil)
		none.Disabled = true
		items = append(items, none)
	} else {
		items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Clear Recent", func() {
			w.app.Preferences().SetStringList(recentKey, nil)
			w.refreshRecent()
		}))
	}
	w.menus.recent.ChildMenu.Items = items
	w.refreshMenus()
}

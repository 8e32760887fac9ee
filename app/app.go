// Package app is the Quoteline desktop application: the main window with the
// timeline and the details of the selection, menus and file dialogs. It reads
// documents through package data, off the UI goroutine, and shows them with
// the timeline/view widget.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
	"github.com/quoteline/quoteline/timeline/view"
)

// ID is the application ID, as in FyneApp.toml.
const ID = "app.quoteline.desktop"

// DefaultDocumentName is the file name of the user's copy of the default timeline.
const DefaultDocumentName = "Iran-Russia drones.quoteline"

// Options say what the application opens.
type Options struct {
	Version string // shown in the About dialog
	Icon    []byte // PNG
	// Path is the document to open; empty opens the user's copy of the
	// default timeline, created on first run from Example.
	Path string
	// Example builds the default document at a path.
	Example func(ctx context.Context, path string) error
}

// Run opens the main window and blocks until the application quits.
func Run(opts Options) {
	tuneMemory()
	fyneapp.SetMetadata(fyne.AppMetadata{ID: ID, Name: "Quoteline", Version: opts.Version, Release: true,
		Icon: fyne.NewStaticResource("icon.png", opts.Icon)})
	a := fyneapp.NewWithID(ID)
	icon := fyne.NewStaticResource("icon.png", opts.Icon)
	a.SetIcon(icon)
	// Each window may open others (File ▸ New Window); the application
	// quits when the last one closes.
	var newWindow func(path string, blank bool)
	newWindow = func(path string, blank bool) {
		o := opts
		o.Path = path
		w := newMainWindow(a, o)
		w.newWindow = newWindow
		if blank {
			w.showNoDocument()
		} else {
			w.start()
		}
		w.win.Show()
		w.win.Canvas().Focus(w.timeline)
	}
	w := newMainWindow(a, opts)
	w.newWindow = newWindow
	// The document is read while the window and its OpenGL context are made:
	// what the reading hands to the window waits in fyne.Do's queue until
	// the window runs.
	w.start()
	a.Lifecycle().SetOnStarted(func() { w.win.Canvas().Focus(w.timeline) })
	w.win.ShowAndRun()
}

// mainWindow is the window and its panes.
type mainWindow struct {
	app  fyne.App
	win  fyne.Window
	opts Options

	timeline *view.Timeline
	overview *view.Overview
	details  *details
	stops    *stopsPanel
	source   *sourceViewer
	actors   *actorList
	side     *container.AppTabs // details, source, actors
	split    *container.Split
	links    links // quotes and actors of the open document
	status   *widget.Label
	span     *widget.Label
	busy     *widget.ProgressBarInfinite // work of unknown length
	progress *widget.ProgressBar         // reading a document
	cancel   *widget.Button
	cancelFn func()

	editor     *editor        // edits, undo and redo
	filter     filterState    // what of the document is shown
	dates      data.DateStyle // how dates are written, from the preferences
	search     *search        // the find bar
	list       *eventList     // the events as a table, shown instead of the timeline
	recentItem *fyne.MenuItem // File ▸ Open Recent

	doc        *document  // nil until a document is loaded; UI goroutine only
	presenting *presenter // present mode, while it is on
	gen        int        // incremented on every request to open; stale loads are dropped

	// life lasts as long as the window: background reads stop when it closes.
	life context.Context
	stop context.CancelFunc

	// Test hooks, called on the UI goroutine when set: opened once a
	// document is shown or has failed to open, titlesLoaded when its titles
	// are all in (a small document) or each time a batch for the view is
	// (a large one), checked when its integrity check has ended,
	// detailsShown once an event's quotes and sources are on screen.
	opened       func(err error)
	titlesLoaded func(err error)
	checked      func(err error)
	detailsShown func(id int64)
	stopShown    func(at int)   // a stop shown in present mode
	sourceShown  func(id int64) // a source is in the viewer
	quoteChosen  func(id int64) // a quote's events are marked
	quoteAdded   func(id int64, err error)
	linksLoaded  func(err error) // quote marks and actors read
	filtered     func()          // the filter's result is shown

	// newWindow opens another window, on the document at path or, if
	// blank, on none. It is nil in tests.
	newWindow func(path string, blank bool)
	// kept, when set, is the view to restore when the document at its path
	// is shown again (see reopen).
	kept *keptView

	titles        *titleFetcher // of a large document; nil when all titles are read with it
	allTitlesUpTo int           // documents with at most this many events have all their titles read at once
}

func newMainWindow(a fyne.App, opts Options) *mainWindow {
	m := &mainWindow{app: a, opts: opts, allTitlesUpTo: smallDocument}
	m.life, m.stop = context.WithCancel(context.Background())
	m.win = a.NewWindow("Quoteline")
	m.win.SetOnClosed(m.stop)
	m.win.Resize(fyne.NewSize(1280, 760))

	m.timeline = view.New()
	m.overview = view.NewOverview()
	m.overview.OnMove = func(start, end float64) {
		m.timeline.SetViewport(timeline.NewViewport(start, end, m.timeline.Viewport().Width()))
	}
	m.details = newDetails()
	m.details.dates = &m.dates
	m.status = widget.NewLabel("Opening…")
	m.span = widget.NewLabel("")
	m.span.Truncation = fyne.TextTruncateEllipsis
	m.busy = widget.NewProgressBarInfinite()
	m.busy.Hide()
	m.progress = widget.NewProgressBar()
	m.progress.Hide()
	m.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() {
		if m.cancelFn != nil {
			m.cancelFn()
		}
	})
	m.cancel.Importance = widget.LowImportance
	m.cancel.Hide()

	m.timeline.OnSelected = m.selectEvent
	m.timeline.OnViewChanged = func(vp timeline.Viewport) {
		m.span.SetText(visibleRange(m.dates, vp))
		m.overview.SetWindow(vp.Start(), vp.End())
		m.wantTitles(vp)
	}
	m.timeline.Tooltip = m.tooltip
	m.timeline.Precision = func(id int64) (start, end timeline.Unit) {
		if m.doc == nil {
			return timeline.Second, timeline.Second
		}
		return m.doc.dragUnits(id)
	}
	m.timeline.OnOtherKey = func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyF5 {
			m.present()
		}
	}
	m.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyF5 {
			m.present()
		}
	})

	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), m.timeline.ZoomIn)
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), m.timeline.ZoomOut)
	fit := widget.NewButtonWithIcon("Fit all", theme.ZoomFitIcon(), m.timeline.FitAll)
	filter := widget.NewButtonWithIcon("Filter…", theme.ListIcon(), m.showFilterDialog)
	for _, b := range []*widget.Button{zoomIn, zoomOut, fit, filter} {
		b.Importance = widget.LowImportance
	}
	toolbar := container.NewBorder(nil, nil, container.NewHBox(zoomOut, zoomIn, fit, filter), nil, m.span)
	bars := container.NewGridWrap(fyne.NewSize(220, m.progress.MinSize().Height), m.busy, m.progress)
	statusBar := container.NewBorder(nil, nil, nil, container.NewHBox(bars, m.cancel), m.status)
	bottom := container.NewVBox(m.overview, statusBar)
	m.search = newSearch(m)
	m.list = newEventList(m)
	left := container.NewBorder(container.NewVBox(toolbar, m.newFilterBar(), m.search.object()), bottom, nil, nil,
		container.NewStack(m.timeline, m.list.object()))
	m.stops = newStopsPanel(m)
	m.initLinks()
	m.side.OnSelected = func(tab *container.TabItem) { m.stops.setActive(tab.Content == m.stops.object()) }
	m.split = container.NewHSplit(left, m.side)
	m.split.Offset = 0.68
	m.win.SetContent(m.split)
	m.editor = newEditor(m)
	m.timeline.OnMoved = m.editor.moveEvent
	m.timeline.OnResized = m.editor.resizeEvent
	m.win.SetMainMenu(m.menu())
	m.applyTheme()
	m.followDateStyle()
	return m
}

func (m *mainWindow) menu() *fyne.MainMenu {
	open := fyne.NewMenuItem("Open…", m.showOpenDialog)
	open.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	file := m.fileMenu(open) // Fyne adds Quit (Ctrl+Q) to the first menu
	zin := fyne.NewMenuItem("Zoom In", m.timeline.ZoomIn)
	zin.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	zout := fyne.NewMenuItem("Zoom Out", m.timeline.ZoomOut)
	zout.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
	fit := fyne.NewMenuItem("Fit All", m.timeline.FitAll)
	fit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault}
	filter := fyne.NewMenuItem("Filter…", m.showFilterDialog)
	filter.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	clearFilter := fyne.NewMenuItem("Clear Filters", func() { m.setFilter(eventFilter{}) })
	list := fyne.NewMenuItem("Event List", m.list.toggle)
	list.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyT, Modifier: fyne.KeyModifierShortcutDefault}
	present := fyne.NewMenuItem("Present (F5)", m.present)
	present.Icon = theme.MediaPlayIcon()
	viewMenu := fyne.NewMenu("View", zin, zout, fit, fyne.NewMenuItemSeparator(), filter, clearFilter, fyne.NewMenuItemSeparator(), list, m.statementsMenuItem(), m.showSourceMenuItem(),
		m.themeMenu(), fyne.NewMenuItem("Dates and Times…", func() { m.showDateStyleDialog() }), fyne.NewMenuItemSeparator(), present)
	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard and Mouse", m.showHelp),
		fyne.NewMenuItem("About Quoteline", m.showAbout))
	return fyne.NewMainMenu(file, m.editor.editMenu(m.search.show), viewMenu, help)
}

// start opens the document given on the command line, or the default one.
// It may be called before the window runs.
func (m *mainWindow) start() {
	path := m.opts.Path
	if path != "" {
		m.open(path)
		return
	}
	root := m.app.Storage().RootURI()
	if root == nil || root.Scheme() != "file" {
		m.showError(errors.New("no folder to keep the default timeline in"))
		return
	}
	path = filepath.Join(root.Path(), DefaultDocumentName)
	m.setBusy("Preparing the default timeline…", nil)
	gen := m.gen
	go func() {
		err := m.ensureDefault(path)
		fyne.Do(func() {
			if gen != m.gen {
				return
			}
			if err != nil {
				m.setIdle("")
				m.showError(err)
				return
			}
			m.open(path)
		})
	}()
}

// ensureDefault creates the user's copy of the default timeline if it is missing.
func (m *mainWindow) ensureDefault(path string) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("default timeline: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("default timeline: %w", err)
	}
	if m.opts.Example == nil {
		return errors.New("default timeline: not available in this build")
	}
	return m.opts.Example(context.Background(), path)
}

// open loads path in the background and shows it when ready. The status bar
// shows how far it has got, with a button to cancel.
func (m *mainWindow) open(path string) {
	if m.cancelFn != nil {
		m.cancelFn() // a newer request replaces the one still loading
	}
	m.gen++
	gen := m.gen
	ctx, cancel := context.WithCancel(m.life)
	m.setBusy("Opening "+filepath.Base(path)+"…", cancel)
	go func() {
		progress := func(f float64) {
			fyne.Do(func() {
				if gen == m.gen {
					m.setProgress(f)
				}
			})
		}
		doc, err := loadDocument(ctx, path, false, m.allTitlesUpTo, progress)
		fyne.Do(func() {
			if gen != m.gen { // another document was asked for meanwhile
				if doc != nil {
					go doc.store.Close() // closing may checkpoint: not on the UI goroutine
				}
				return
			}
			switch {
			case errors.Is(err, context.Canceled):
				m.setIdle("Opening " + filepath.Base(path) + " cancelled. " + m.statusText())
			case err != nil:
				m.setIdle(m.statusText())
				m.showError(err)
			default:
				m.show(doc)
			}
			if m.opened != nil {
				m.opened(err)
			}
		})
	}()
}

// show replaces the document in the window.
func (m *mainWindow) show(doc *document) {
	if m.doc == nil || m.doc.store.Path() != doc.store.Path() {
		m.filter.f = eventFilter{} // the same file read again keeps its filter
	}
	kept := m.kept
	if m.kept = nil; kept != nil && kept.path != doc.store.Path() {
		kept = nil
	}
	m.releaseDocument()
	m.doc = doc
	title := filepath.Base(doc.store.Path()) + " — Quoteline"
	if doc.store.ReadOnly() {
		title = filepath.Base(doc.store.Path()) + " (read-only) — Quoteline"
	}
	m.win.SetTitle(title)
	m.timeline.Select(0)
	m.timeline.SetEditable(m.editable())
	m.details.showDocument(doc)
	m.stops.documentChanged()
	m.clearLinks(doc)
	m.list.reset()
	m.showChips()
	m.refilter()
	note := ""
	if kept != nil {
		m.timeline.SetViewport(kept.vp)
		if _, ok := doc.ids.pos(kept.selected); ok {
			m.timeline.Select(kept.selected)
			m.selectEvent(kept.selected)
		}
		note = kept.note + " "
		doc.note = note
	} else {
		m.timeline.FitAll()
	}
	m.setIdle(note + m.statusText() + " · checking the file…")
	m.remember(doc.store.Path())
	m.editor.refreshMenu()
	if m.search.box.Visible() {
		m.search.query(m.search.entry.Text)
	}
	m.startTitles(doc.ctx, doc)
	m.awaitCheck(doc)
}

// editable reports whether the open document may be changed.
func (m *mainWindow) editable() bool { return m.doc != nil && !m.doc.store.ReadOnly() }

// selectEvent shows the details of event id, reading the event, its quotes
// and its sources in the background.
func (m *mainWindow) selectEvent(id int64) {
	if m.doc == nil {
		return
	}
	m.list.follow(id)
	sp, lane, ok := m.doc.span(id)
	if !ok {
		m.details.showDocument(m.doc)
		return
	}
	// What is known at once, while the rest is read.
	partial := &data.Event{ID: id, LaneID: sp.LaneID, Title: m.doc.itemTitle(id), Start: sp.Start, End: sp.End,
		StartUncertain: sp.StartUncertain, EndUncertain: sp.EndUncertain, Status: sp.Status}
	m.details.showEvent(partial, lane, nil, nil, nil, nil, true)
	doc := m.doc
	go func() {
		ctx := m.life
		ev, err := doc.store.Event(ctx, id)
		var quotes []data.QuoteRef
		if err == nil {
			quotes, err = doc.store.QuotesOfEvent(ctx, id)
		}
		var sources []data.SourceRef
		if err == nil {
			sources, err = doc.store.SourcesOfEvent(ctx, id)
		}
		var actors []data.Actor
		if err == nil {
			actors, err = doc.store.Actors(ctx)
		}
		var claims data.Claims
		if err == nil {
			claims, err = doc.store.ClaimsOfEvent(ctx, id)
		}
		fyne.Do(func() {
			if doc != m.doc || m.timeline.Selected() != id { // ids repeat across documents
				return
			}
			if err != nil {
				m.showError(fmt.Errorf("read event %d: %w", id, err))
				return
			}
			m.details.showEvent(&ev, lane, actorsOf(&ev, actors), quotes, sources, &claims, false)
			if m.detailsShown != nil {
				m.detailsShown(id)
			}
		})
	}()
}

func actorsOf(ev *data.Event, all []data.Actor) []string {
	var names []string
	for _, id := range ev.Actors {
		for _, a := range all {
			if a.ID == id {
				names = append(names, a.Name)
			}
		}
	}
	return names
}

func (m *mainWindow) tooltip(id int64) (string, string) {
	if m.doc == nil {
		return "", ""
	}
	sp, lane, ok := m.doc.span(id)
	if !ok {
		return "", ""
	}
	title := m.doc.itemTitle(id)
	if title == "" {
		title = "(title still loading)"
	}
	return title, dateRangeOf(m.dates, sp.Start, sp.End, sp.StartUncertain, sp.EndUncertain) + " · " + lane.Name + " · " + strings.ToLower(statusText(sp.Status))
}

func (m *mainWindow) statusText() string {
	if m.doc == nil {
		return "No document open"
	}
	c := m.doc.counts
	s := fmt.Sprintf("%s · %s · %s · %s", plural(c.Events, "event"), plural(c.Lanes, "lane"),
		plural(c.Quotes, "quote"), plural(c.Sources, "source"))
	if m.filter.shown != nil {
		s = fmt.Sprintf("%s shown of %s", plural(len(m.filter.shown.positions), "event"), s)
	}
	return s
}

// setBusy says what is being done; with cancel, it shows a progress bar
// and a button that calls cancel, else a bar for work of unknown length.
func (m *mainWindow) setBusy(msg string, cancel func()) {
	m.status.SetText(msg)
	m.cancelFn = cancel
	if cancel == nil {
		m.progress.Hide()
		m.cancel.Hide()
		m.busy.Show()
		m.busy.Start()
		return
	}
	m.busy.Stop()
	m.busy.Hide()
	m.progress.SetValue(0)
	m.progress.Show()
	m.cancel.Show()
}

// setProgress shows how far the current work has got, from 0 to 1.
func (m *mainWindow) setProgress(f float64) { m.progress.SetValue(f) }

// setIdle clears the progress display and shows msg.
func (m *mainWindow) setIdle(msg string) {
	m.busy.Stop()
	m.busy.Hide()
	m.progress.Hide()
	m.cancel.Hide()
	m.cancelFn = nil
	m.status.SetText(msg)
}

// showOpenDialog asks for a document to open in this window.
func (m *mainWindow) showOpenDialog() { m.askToOpen(m.open) }

// showOpenInNewWindowDialog asks for a document to open in a window of its own.
func (m *mainWindow) showOpenInNewWindowDialog() {
	m.askToOpen(func(path string) { m.newWindow(path, false) })
}

// askToOpen asks for a document and calls open with its path, with the
// desktop's own file chooser where there is one.
func (m *mainWindow) askToOpen(open func(path string)) {
	dir := ""
	if m.doc != nil {
		dir = filepath.Dir(m.doc.store.Path())
	} else if home, err := os.UserHomeDir(); err == nil {
		dir = home
	}
	c := fileChoice{Title: "Open a Quoteline document", Dir: dir, Filter: "Quoteline documents", Pattern: []string{"*.quoteline"}}
	m.chooseFile(c, func() { m.showFyneOpenDialog(open) }, func(path string) {
		if path != "" {
			open(path)
		}
	})
}

// showFyneOpenDialog is the open dialog for desktops without a chooser of
// their own.
func (m *mainWindow) showFyneOpenDialog(open func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		open(path)
	}, m.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".quoteline"}))
	if m.doc != nil {
		if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(m.doc.store.Path()))); err == nil {
			d.SetLocation(dir)
		}
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// readThen reads from doc's store with read, off the UI goroutine, then,
// back on it, shows read's error or passes what it read to show, unless doc
// is no longer the window's document by then.
func readThen[T any](m *mainWindow, doc *document, read func(ctx context.Context, s *data.Store) (T, error), show func(T)) {
	go func() {
		v, err := read(m.life, doc.store)
		fyne.Do(func() {
			if doc != m.doc {
				return
			}
			if err != nil {
				m.showError(err)
				return
			}
			show(v)
		})
	}()
}

func (m *mainWindow) showError(err error) {
	dialog.ShowError(err, m.win)
}

func (m *mainWindow) showInfo(title, msg string) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", l, m.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

func (m *mainWindow) showAbout() {
	msg := fmt.Sprintf("Quoteline %s\n\nA timeline in which every event leads back to the words behind it:\nwho said it, where, and when.", m.opts.Version)
	dialog.ShowInformation("About Quoteline", msg, m.win)
}

func (m *mainWindow) showHelp() {
	msg := strings.Join([]string{
		"Wheel or trackpad: zoom about the pointer",
		"Drag: pan; drag an event: move it in time or to another lane (Esc cancels)",
		"Drag the end of a bar: change when it starts or ends",
		"+ / −: zoom in / out",
		"← / →: pan",
		"Home / End: go to the first / last event",
		"F or 0: fit all events",
		"Click: select an event; Esc: clear the selection",
		"Double-click: zoom to an event",
		"Ctrl+Shift+O: show the selected event's quote in its source",
		"Ctrl+F: find; Ctrl+Shift+F: filter what is shown",
		"Click a highlighted quote in a source: mark the events it speaks about",
		"Drag across a source's text: select words for a new quote",
		"F5: present the stops (Page Down / Space: next, Page Up: back, B: blank, Esc: leave)",
	}, "\n")
	dialog.ShowInformation("Keyboard and Mouse", msg, m.win)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return timeline.FormatCount(n) + " " + word + "s"
}

// visibleRange describes the visible window for the toolbar.
func visibleRange(st data.DateStyle, vp timeline.Viewport) string {
	p := data.PrecisionMinute
	switch span := vp.Span(); {
	case span > 3*365*86400:
		p = data.PrecisionYear
	case span > 90*86400:
		p = data.PrecisionMonth
	case span > 3*86400:
		p = data.PrecisionDay
	}
	from := data.Time{Unix: int64(vp.Start()), Precision: p}
	to := data.Time{Unix: int64(vp.End()), Precision: p}
	return "Showing " + st.Format(from) + " – " + st.Format(to)
}

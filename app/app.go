// Package app is the Quoteline desktop application: it builds the main
// window from the timeline widget and the panes, wires them to the
// window's session (package session) and gives them menus. The panes live
// in app/pane, the dialogs in app/dialog, present mode in app/present; the
// work on the document is the session's.
package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/BurntSushi/toml"

	"github.com/quoteline/quoteline/app/pane"
	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/assets"
	// A C.UTF-8 locale reads as English, before Fyne's own initialisation
	// logs that it cannot parse it (see the package for why it runs first).
	_ "github.com/quoteline/quoteline/internal/locale"
	"github.com/quoteline/quoteline/timeline/view"
)

// ID is the application ID, as in FyneApp.toml.
const ID = "app.quoteline.desktop"

// DefaultDocumentName is the file name of the user's copy of the default timeline.
const DefaultDocumentName = "Iran-Russia drones.quoteline"

const usage = `Quoteline: a timeline in which every event leads back to the words behind it.

Usage:
  quoteline [FILE.quoteline]              open the app on FILE, or on the default timeline
  quoteline new [--example] OUT.quoteline create an empty document (or the default timeline)
  quoteline gen --events N [--lanes L] [--seed S] OUT.quoteline
                                          write a synthetic document of N events, for trying it at scale
  quoteline bench [--baseline] [--cpuprofile FILE] [--edits N] FILE.quoteline
                                          open FILE in the window, zoom and pan through it, print figures as JSON;
                                          --baseline measures a bare window's frame rate (the painter's ceiling)
                                          before and after; --edits times moving an event and undoing it
  quoteline export [--format png|svg|pdf|csv|json|timelinejs|vis] [--from DATE --to DATE] [--width W --height H]
                   [--paper a4|letter] [--sources below|page|none] [--scale N] IN.quoteline OUT
                                          draw the timeline as a picture with its sources listed, or write it as CSV, JSON, TimelineJS or vis
  quoteline export --format pdf --stops IN.quoteline OUT.pdf
                                          a handout of the presentation: a page per stop, then the sources
  quoteline check [--full] FILE.quoteline
                                          check FILE as commands read it (--full: every page and row too), write nothing (exit 0 if sound, 1 if not)
  quoteline search [--limit N] [--fts] FILE.quoteline WORDS...
                                          print the events, quotes and sources matching WORDS as JSON lines
  quoteline import [--from FORMAT] IN OUT.quoteline
                                          add a TimelineJS, vis, CSV or Quoteline JSON file, or an article, to OUT
  quoteline --version                     print the version
  quoteline --help                        show this help
`

// Run carries out the window's command line, [--version] [--help]
// [FILE.quoteline] or bench FILE.quoteline, and returns the exit code once
// the window has closed. appTOML is FyneApp.toml, for the version.
func Run(args []string, appTOML string, stdout, stderr io.Writer) int {
	version := Version(appTOML)
	if len(args) > 0 && args[0] == "bench" {
		return runBench(args[1:], version, stdout, stderr)
	}
	fs := flag.NewFlagSet("quoteline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, "quoteline", version)
		return 0
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "quoteline: one document at a time, got %d: %s\n", fs.NArg(), strings.Join(fs.Args(), " "))
		return 2
	}
	path := fs.Arg(0)
	if path != "" {
		if code := checkDocument(path, stderr); code != 0 {
			return code
		}
	}
	a := newApp(version)
	// Each window may open others (File ▸ New Window); the application
	// quits when the last one closes.
	var sessions []*session.Session
	defer sayOnSignal(stderr)()
	var open func(path string, blank bool) *window
	open = func(path string, blank bool) *window {
		w := newWindow(a, version, fyne.Do)
		sessions = append(sessions, w.s)
		w.newWindow = func(path string, blank bool) { open(path, blank).win.Show() }
		if blank {
			w.showNoDocument()
			w.panes.details.ShowNoDocument("")
		} else {
			w.start(path)
		}
		w.win.Canvas().Focus(w.timeline)
		return w
	}
	// The document is read while the window and its OpenGL context are
	// made: what the reading hands over waits in fyne.Do's queue until the
	// window runs.
	w := open(path, false)
	a.Lifecycle().SetOnStarted(func() { w.win.Canvas().Focus(w.timeline) })
	w.win.ShowAndRun()
	closeAll(sessions)
	return 0
}

// newApp makes the Fyne application, with its metadata and icon.
func newApp(version string) fyne.App {
	tuneMemory()
	icon, _ := assets.Icon()
	res := fyne.NewStaticResource("icon.png", icon)
	fyneapp.SetMetadata(fyne.AppMetadata{ID: ID, Name: "Quoteline", Version: version, Release: true, Icon: res})
	a := fyneapp.NewWithID(ID)
	a.SetIcon(res)
	return a
}

// checkDocument refuses a file that is not a Quoteline document (or one
// of a later version) with a message on the terminal, before any window
// opens; it returns the exit code. The window checks every page after it
// shows the document.
func checkDocument(path string, stderr io.Writer) int {
	if err := session.CheckOpens(context.Background(), path); err != nil {
		fmt.Fprintln(stderr, "quoteline:", err)
		return 1
	}
	return 0
}

// newWindow builds a main window with its session, whose work comes back to
// the UI goroutine through deliver (fyne.Do): the timeline with its
// toolbar, filter chips, find bar, overview and status line on the left,
// the side panes on the right, and the menus.
func newWindow(a fyne.App, version string, deliver func(func())) *window {
	w := &window{app: a, version: version, win: a.NewWindow("Quoteline")}
	w.s = session.New(session.Options{Deliver: deliver})
	w.s.Watch(w.follow) // first: the window makes room for a pane before the pane fills it
	keepSize := sizeWindow(w.win, a.Preferences())
	w.win.SetOnClosed(func() { keepSize(); keepSplit(w.split, a.Preferences()); w.s.Close() })
	w.timeline, w.overview = view.New(), view.NewOverview()
	w.span = widget.NewLabel("")
	w.span.Truncation = fyne.TextTruncateEllipsis
	p := &w.panes
	p.details, p.source, p.actors = pane.NewDetails(w.s), pane.NewSourceViewer(w.s), pane.NewActorList(w.s)
	p.stops, p.list, p.search = pane.NewStopsPanel(w.s), pane.NewEventList(w.s), pane.NewSearchBar(w.s)
	p.filter, p.status = pane.NewFilterBar(w.s), pane.NewStatusLine(w.s)

	zoomIn := pane.LowButton("", theme.ZoomInIcon(), w.timeline.ZoomIn)
	zoomOut := pane.LowButton("", theme.ZoomOutIcon(), w.timeline.ZoomOut)
	fit := pane.LowButton("Fit all", theme.ZoomFitIcon(), w.timeline.FitAll)
	filter := pane.LowButton("Filter…", theme.ListIcon(), w.showFilter)
	toolbar := container.NewBorder(nil, nil, container.NewHBox(zoomOut, zoomIn, fit, filter), nil, w.span)
	bottom := container.NewVBox(w.overview, p.status.Object())
	left := container.NewBorder(container.NewVBox(toolbar, p.filter.Object(), p.search.Object()), bottom, nil, nil,
		container.NewStack(w.timeline, p.list.Object()))
	w.side = container.NewAppTabs(
		container.NewTabItemWithIcon("Details", theme.InfoIcon(), p.details.Object()),
		container.NewTabItemWithIcon("Source", theme.DocumentIcon(), p.source.Object()),
		container.NewTabItemWithIcon("Actors", theme.AccountIcon(), p.actors.Object()),
		container.NewTabItemWithIcon("Stops", theme.MediaPlayIcon(), p.stops.Object()),
	)
	w.split = container.NewHSplit(left, w.side)
	w.split.Offset = splitOffset(a.Preferences())
	w.win.SetContent(w.split)
	w.wire()
	w.win.SetMainMenu(w.mainMenu())
	w.applyTheme()
	w.followDateStyle()
	return w
}

// Version is the application version in appTOML, the text of FyneApp.toml,
// or "unknown".
func Version(appTOML string) string {
	var meta struct {
		Details struct{ Version string }
	}
	if _, err := toml.Decode(appTOML, &meta); err != nil || meta.Details.Version == "" {
		return "unknown"
	}
	return meta.Details.Version
}

package dialog

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/adrg/xdg"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
)

// fakeChooser puts an executable named name on PATH that prints its
// arguments to a file and then runs script.
func fakeChooser(t *testing.T, name, script string) (argsFile string) {
	t.Helper()
	dir := t.TempDir()
	argsFile = filepath.Join(dir, "args")
	body := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + argsFile + "\n" + script + "\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	t.Setenv("DISPLAY", ":0")
	t.Setenv("QUOTELINE_FILE_DIALOG", "")
	return argsFile
}

func TestNativeChooser(t *testing.T) {
	open := FileChoice{Title: "Open", Dir: "/docs", Filter: "Quoteline documents", Extensions: []string{".quoteline"}}
	save := FileChoice{Title: "Save", Save: true, Dir: "/docs", Name: "x.pdf", Filter: "PDF", Extensions: []string{".pdf"}}
	tests := []struct {
		name, tool, script string
		choice             FileChoice
		wantArgs           []string
		wantPath           string
		wantErr            error
	}{
		{"zenity opens", "zenity", "echo /docs/a.quoteline", open,
			[]string{"--file-selection", "--title=Open", "--file-filter=Quoteline documents | *.quoteline", "--filename=/docs/", "--attach=42"},
			"/docs/a.quoteline", nil},
		{"zenity saves", "zenity", "echo /docs/x.pdf", save,
			[]string{"--save", "--confirm-overwrite", "--filename=/docs/x.pdf"}, "/docs/x.pdf", nil},
		{"kdialog opens", "kdialog", "echo /docs/b.quoteline", open,
			[]string{"--attach", "42", "--getopenfilename", "/docs", "Quoteline documents (*.quoteline)"}, "/docs/b.quoteline", nil},
		{"cancelled", "zenity", "exit 1", open, nil, "", nil},
		{"broken", "zenity", "echo oops >&2; exit 5", open, nil, "", errNoNativeChooser},
		{"not a path", "kdialog", "echo relative/path", open, nil, "", errNoNativeChooser},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			argsFile := fakeChooser(t, tt.tool, tt.script)
			cmd, err := nativeChooser(tt.choice, 42)
			if err != nil {
				t.Fatalf("nativeChooser: %v", err)
			}
			path, err := runChooser(context.Background(), cmd)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("runChooser error %v, want %v", err, tt.wantErr)
			}
			if path != tt.wantPath {
				t.Errorf("path %q, want %q", path, tt.wantPath)
			}
			raw, err := os.ReadFile(argsFile)
			if err != nil {
				t.Fatal(err)
			}
			args := string(raw)
			for _, want := range tt.wantArgs {
				if !strings.Contains(args, want+"\n") {
					t.Errorf("arguments lack %q:\n%s", want, args)
				}
			}
		})
	}
}

func TestNativeChooser_NoneAvailable(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("DISPLAY", ":0")
	if _, err := nativeChooser(FileChoice{Title: "Open"}, 0); !errors.Is(err, errNoNativeChooser) {
		t.Errorf("with no chooser installed: %v, want errNoNativeChooser", err)
	}
	fakeChooser(t, "zenity", "exit 0")
	t.Setenv("QUOTELINE_FILE_DIALOG", "fyne")
	if _, err := nativeChooser(FileChoice{Title: "Open"}, 0); !errors.Is(err, errNoNativeChooser) {
		t.Errorf("with QUOTELINE_FILE_DIALOG=fyne: %v, want errNoNativeChooser", err)
	}
}

func TestStartFolder(t *testing.T) {
	root := t.TempDir()
	mk := func(parts ...string) string {
		p := filepath.Join(append([]string{root}, parts...)...)
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
		return p
	}
	home, docs, private, last, near := mk("home"), mk("home", "Documents"), mk("home", ".config", "fyne", "app"), mk("sources"), mk("cases")
	inside := mk("home", ".config", "fyne", "app", "sub")
	gone := filepath.Join(root, "gone")
	tests := []struct {
		name                      string
		last, dir, documents, hom string
		want                      string
	}{
		{"the folder last used", last, near, docs, home, last},
		{"none used: the one that suits", "", near, docs, home, near},
		{"the suggested folder is the app's storage: Documents", "", private, docs, home, docs},
		{"last used inside the app's storage: skipped", inside, "", docs, home, docs},
		{"last used since removed: skipped", gone, near, docs, home, near},
		{"no Documents folder: home", "", "", gone, home, home},
		{"a relative folder is no folder", "relative", "", "", home, home},
		{"nothing at all", "", "", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := startFolder(tt.last, tt.dir, tt.documents, tt.hom, private); got != tt.want {
				t.Errorf("startFolder = %q, want %q", got, tt.want)
			}
		})
	}
}

// inAppStorage opens a copy of the default timeline kept in the test app's
// storage folder, as the app keeps its own, with HOME a fresh folder that
// has a Documents folder.
func inAppStorage(t *testing.T) (p Parent, o *sessiontest.Owner, private, documents string) {
	t.Helper()
	home := t.TempDir()
	private = t.TempDir()
	t.Setenv("TMPDIR", private) // the test app keeps its storage in the temporary folder
	a := test.NewTempApp(t)
	if got := a.Storage().RootURI().Path(); got != private {
		t.Fatalf("the test app keeps its storage in %s, not %s", got, private)
	}
	documents = filepath.Join(home, "Documents")
	if err := os.MkdirAll(documents, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	o = sessiontest.New(t, session.Options{})
	doc := filepath.Join(private, "Iran-Russia drones.quoteline")
	if err := os.MkdirAll(private, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(sessiontest.Example(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(doc, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := o.Open(doc); err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, widget.NewLabel("timeline"))
	w.Resize(fyne.NewSize(1280, 760))
	return Parent{Win: w, Session: o.S}, o, private, documents
}

// TestChooseFile_StartsWhereThatKindWasLastUsed: with the document in the
// app's own storage, a chooser starts in Documents, not there; once a file
// of a kind is chosen, the next chooser for that kind starts in its folder.
func TestChooseFile_StartsWhereThatKindWasLastUsed(t *testing.T) {
	p, o, _, documents := inAppStorage(t)
	sources := filepath.Join(t.TempDir(), "sources")
	if err := os.MkdirAll(sources, 0o755); err != nil {
		t.Fatal(err)
	}
	argsFile := fakeChooser(t, "zenity", "echo "+filepath.Join(sources, "timeline.csv"))
	choose := func(kind Files) (start, chosen string) {
		t.Helper()
		done := false
		ChooseFile(p.Win, p.Session, FileChoice{Title: "Choose", Kind: kind, Dir: docFolder(p), Extensions: []string{".csv"}},
			func(path string) { chosen, done = path, true })
		o.Until("the chooser's answer", func() bool { return done })
		raw, err := os.ReadFile(argsFile)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range strings.Split(string(raw), "\n") {
			if f, ok := strings.CutPrefix(a, "--filename="); ok {
				start = f
			}
		}
		return start, chosen
	}
	if start, _ := choose(Imports); start != documents+string(filepath.Separator) {
		t.Errorf("the first import starts in %q, want Documents (%q)", start, documents)
	}
	if start, _ := choose(Imports); start != sources+string(filepath.Separator) {
		t.Errorf("the next import starts in %q, want the folder last imported from (%q)", start, sources)
	}
	if start, _ := choose(Exports); start != documents+string(filepath.Separator) {
		t.Errorf("an export starts in %q, want Documents: no export was written yet", start)
	}
}

// TestChooseFile_OwnDialogNeverInTheAppsStorage: Quoteline's own chooser,
// where the desktop has none, opens in Documents, not in the app's storage
// folder where the default timeline is kept.
func TestChooseFile_OwnDialogNeverInTheAppsStorage(t *testing.T) {
	p, _, private, _ := inAppStorage(t)
	t.Setenv("QUOTELINE_FILE_DIALOG", "fyne")
	ShowImport(p)
	top := p.Win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no file chooser shown")
	}
	var crumbs []string
	walk(t, top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text != "" {
			crumbs = append(crumbs, b.Text)
		}
	})
	if !slices.Contains(crumbs, "Documents") || slices.Contains(crumbs, filepath.Base(private)) {
		t.Errorf("the chooser's buttons %q: want it in Documents, not in %s", crumbs, private)
	}
}

// walk calls f on o and everything under it.
func walk(t *testing.T, o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	f(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, ch := range c.Objects {
			walk(t, ch, f)
		}
	case fyne.Widget:
		for _, ch := range test.TempWidgetRenderer(t, c).Objects() {
			walk(t, ch, f)
		}
	}
}

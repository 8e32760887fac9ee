// Package dialog holds the dialogs of the main window: the forms that edit
// events, actors, sources, quotes, lanes and stops; the pickers and lists;
// the filter; the steps of an import (CSV columns, an article's
// suggestions); export options; the dates and times preferences; and the
// one file chooser every dialog asks for files with.
package dialog

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/storage"
	"github.com/adrg/xdg"

	"github.com/quoteline/quoteline/app/session"
)

// errNoNativeChooser means the desktop offers no file chooser Quoteline can
// use, and Fyne's own dialog is shown instead.
var errNoNativeChooser = errors.New("no native file chooser")

// FileChoice asks for one file: to open, or (Save) to write.
type FileChoice struct {
	Title string
	Save  bool
	// Kind is what the file is for (one of the Files constants): the
	// chooser starts in the folder last used for that kind.
	Kind Files
	// Dir is the folder to start in when none was used for Kind yet (the
	// open document's, say); "" for none. See startFolder.
	Dir    string
	Name   string // suggested file name when saving
	Filter string // what the files are, e.g. "Quoteline documents"
	// Extensions are those of the files offered, e.g. ".quoteline"; a name
	// saved without one of them gets the first.
	Extensions []string
}

// Files are the kinds of file the chooser remembers a folder for.
type Files string

// The kinds of file asked for.
const (
	Documents Files = "documents" // Quoteline documents: open, new, save a copy
	Imports   Files = "imports"   // files imported into a document
	Exports   Files = "exports"   // pictures, handouts and data written from one
)

// folderKey is the preference that keeps the folder last used for kind.
func folderKey(kind Files) string { return "files.folder." + string(kind) }

// startFolder is the folder a chooser starts in: the first of last (the
// folder last used for this kind of file), dir (one that suits this
// choice), the user's Documents folder and home that is a folder and is
// not in the app's own storage folder, private; "" if none is.
func startFolder(last, dir, documents, home, private string) string {
	for _, f := range []string{last, dir, documents, home} {
		if f == "" || !filepath.IsAbs(f) || within(f, private) {
			continue
		}
		if info, err := os.Stat(f); err == nil && info.IsDir() {
			return filepath.Clean(f)
		}
	}
	return ""
}

// within reports whether path is folder or inside it.
func within(path, folder string) bool {
	if folder == "" {
		return false
	}
	rel, err := filepath.Rel(filepath.Clean(folder), filepath.Clean(path))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// appFolders returns the preferences that remember the chooser's folders
// and the app's own storage folder, which the chooser never starts in.
func appFolders() (prefs fyne.Preferences, private string) {
	a := fyne.CurrentApp()
	if root := a.Storage().RootURI(); root != nil && root.Scheme() == "file" {
		private = root.Path()
	}
	return a.Preferences(), private
}

// patterns are the shell patterns of c's extensions, e.g. "*.quoteline".
func (c FileChoice) patterns() []string {
	out := make([]string, len(c.Extensions))
	for i, e := range c.Extensions {
		out[i] = "*" + e
	}
	return out
}

// nativeChooser returns the command that shows the desktop's own file
// chooser for c: zenity on GTK desktops, kdialog on KDE. The
// QUOTELINE_FILE_DIALOG environment variable set to "fyne" turns it off.
func nativeChooser(c FileChoice, parent uintptr) (*exec.Cmd, error) {
	if os.Getenv("QUOTELINE_FILE_DIALOG") == "fyne" || os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return nil, errNoNativeChooser
	}
	start := c.Dir
	if c.Save && c.Name != "" {
		start = filepath.Join(c.Dir, c.Name)
	}
	patterns := strings.Join(c.patterns(), " ")
	if path, err := exec.LookPath("zenity"); err == nil {
		args := []string{"--file-selection", "--title=" + c.Title, "--file-filter=" + c.Filter + " | " + patterns, "--file-filter=All files | *"}
		if c.Save {
			args = append(args, "--save", "--confirm-overwrite")
		}
		if start != "" {
			if !c.Save && !strings.HasSuffix(start, string(filepath.Separator)) {
				start += string(filepath.Separator) // a folder to look in, not a file to pick
			}
			args = append(args, "--filename="+start)
		}
		if parent != 0 {
			args = append(args, "--modal", "--attach="+strconv.FormatUint(uint64(parent), 10))
		}
		return exec.Command(path, args...), nil
	}
	if path, err := exec.LookPath("kdialog"); err == nil {
		mode := "--getopenfilename"
		if c.Save {
			mode = "--getsavefilename"
		}
		if start == "" {
			start = "."
		}
		args := []string{"--title", c.Title, mode, start, c.Filter + " (" + patterns + ")"}
		if parent != 0 {
			args = append([]string{"--attach", strconv.FormatUint(uint64(parent), 10)}, args...)
		}
		return exec.Command(path, args...), nil
	}
	return nil, errNoNativeChooser
}

// runChooser runs a chooser command and returns the chosen path, "" when
// the user cancelled.
func runChooser(ctx context.Context, cmd *exec.Cmd) (string, error) {
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Start(); err != nil {
		return "", fmt.Errorf("%w: %v", errNoNativeChooser, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-ctx.Done():
		cmd.Process.Kill()
		<-done
		return "", ctx.Err()
	}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.ExitCode() == 1:
		return "", nil // cancelled: both choosers exit 1
	case err != nil:
		return "", fmt.Errorf("%w: %s: %v %s", errNoNativeChooser, filepath.Base(cmd.Path), err, strings.TrimSpace(errOut.String()))
	}
	path := strings.TrimRight(out.String(), "\r\n")
	if path == "" || !filepath.IsAbs(path) {
		return "", fmt.Errorf("%w: it gave %q, not a file path", errNoNativeChooser, path)
	}
	return path, nil
}

// ChooseFile asks for a file as c says, with the desktop's own chooser
// where there is one (waited for off the UI goroutine), else with Fyne's
// dialog in win; then calls done with its path, unless the user cancelled.
// A path to save to ends in one of c's extensions (the first is added if it
// does not), and is free to write: the empty file Fyne's dialog makes there
// is removed.
func ChooseFile(win fyne.Window, s *session.Session, c FileChoice, done func(path string)) {
	var parent uintptr
	if nw, ok := win.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if x, ok := ctx.(driver.X11WindowContext); ok {
				parent = x.WindowHandle
			}
		})
	}
	prefs, private := appFolders()
	c.Dir = startFolder(prefs.String(folderKey(c.Kind)), c.Dir, xdg.UserDirs.Documents, xdg.Home, private)
	chosen := func(path string) {
		if c.Save {
			path = withExtension(path, c.Extensions)
		}
		if dir := filepath.Dir(path); c.Kind != "" && !within(dir, private) {
			prefs.SetString(folderKey(c.Kind), dir)
		}
		done(path)
	}
	cmd, err := nativeChooser(c, parent)
	if err != nil {
		fyneChooser(win, c, chosen)
		return
	}
	var path string
	s.Await(func(ctx context.Context) error {
		var err error
		path, err = runChooser(ctx, cmd)
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
		case errors.Is(err, errNoNativeChooser):
			fyneChooser(win, c, chosen) // it would not start or failed: Fyne's own dialog still works
		case err != nil:
			fynedialog.ShowError(err, win)
		case path != "":
			chosen(path)
		}
	})
}

// fyneChooser asks with Fyne's own dialog, for desktops without a chooser
// of their own.
func fyneChooser(win fyne.Window, c FileChoice, done func(path string)) {
	var location fyne.ListableURI
	if c.Dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(c.Dir)); err == nil {
			location = l
		}
	}
	// picked takes what the dialog gives: the chosen file, open, or nil if
	// the user cancelled.
	picked := func(f interface {
		URI() fyne.URI
		io.Closer
	}, err error) {
		switch {
		case err != nil:
			fynedialog.ShowError(err, win)
			return
		case f == nil:
			return // cancelled
		}
		path := f.URI().Path()
		f.Close()
		if c.Save {
			// The dialog made the file; what is saved is written beside it
			// and moved into place when complete.
			if info, err := os.Stat(path); err == nil && info.Size() == 0 {
				os.Remove(path)
			}
		}
		done(path)
	}
	var d *fynedialog.FileDialog
	if c.Save {
		d = fynedialog.NewFileSave(func(w fyne.URIWriteCloser, err error) { picked(w, err) }, win)
		d.SetFileName(c.Name)
	} else {
		d = fynedialog.NewFileOpen(func(r fyne.URIReadCloser, err error) { picked(r, err) }, win)
	}
	d.SetFilter(storage.NewExtensionFileFilter(c.Extensions))
	if location != nil {
		d.SetLocation(location)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// withExtension adds the first of exts to path if it ends in none of them.
func withExtension(path string, exts []string) string {
	if len(exts) == 0 {
		return path
	}
	for _, e := range exts {
		if strings.EqualFold(filepath.Ext(path), e) {
			return path
		}
	}
	return path + exts[0]
}

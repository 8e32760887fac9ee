package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// errNoNativeChooser means the desktop offers no file chooser Quoteline can
// use, and Fyne's own dialog is shown instead.
var errNoNativeChooser = errors.New("no native file chooser")

// fileChoice asks for one file: to open, or (Save) to write.
type fileChoice struct {
	Title   string
	Save    bool
	Dir     string   // folder to start in; "" for the current one
	Name    string   // suggested file name when saving
	Filter  string   // what the files are, e.g. "Quoteline documents"
	Pattern []string // e.g. "*.quoteline"
}

// nativeChooser returns the command that shows the desktop's own file
// chooser for c: zenity on GTK desktops, kdialog on KDE. The
// QUOTELINE_FILE_DIALOG environment variable set to "fyne" turns it off.
func nativeChooser(c fileChoice, parent uintptr) (*exec.Cmd, error) {
	if os.Getenv("QUOTELINE_FILE_DIALOG") == "fyne" || os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
		return nil, errNoNativeChooser
	}
	start := c.Dir
	if c.Save && c.Name != "" {
		start = filepath.Join(c.Dir, c.Name)
	}
	patterns := strings.Join(c.Pattern, " ")
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

// chooseFile asks for a file with the desktop's own chooser when there is
// one, off the UI goroutine, and otherwise with fallback (Fyne's dialog).
// done is called on the UI goroutine with the path, or "" if cancelled.
func (m *mainWindow) chooseFile(c fileChoice, fallback func(), done func(path string)) {
	var parent uintptr
	if nw, ok := m.win.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if x, ok := ctx.(driver.X11WindowContext); ok {
				parent = x.WindowHandle
			}
		})
	}
	cmd, err := nativeChooser(c, parent)
	if err != nil {
		fallback()
		return
	}
	go func() {
		path, err := runChooser(m.life, cmd)
		fyne.Do(func() {
			switch {
			case errors.Is(err, context.Canceled):
			case errors.Is(err, errNoNativeChooser):
				fallback() // it would not start or failed: Fyne's own dialog still works
			case err != nil:
				m.showError(err)
			default:
				done(path)
			}
		})
	}()
}

//go:build unix

package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/quoteline/quoteline/internal/filestate"
	"github.com/quoteline/quoteline/internal/hostile"
)

// TestReadOnlyCommands_ChangeNothing runs the commands that only read a
// document (search, every export, check) on the default timeline in
// rollback-journal mode, as other programs write documents, and at schema
// version 1: each works and leaves the document's folder byte for byte as
// it was. Before issue 24, search and export switched the first to WAL,
// and search upgraded the second, writing a backup beside it, unasked.
func TestReadOnlyCommands_ChangeNothing(t *testing.T) {
	out := t.TempDir()
	for _, variant := range []struct {
		name string
		make func(path string) error
	}{
		{"rollback journal", func(p string) error { return hostile.Exec(p, `PRAGMA journal_mode = DELETE;`) }},
		{"schema version 1", func(p string) error { return hostile.AtVersion(p, 1) }},
	} {
		t.Run(variant.name, func(t *testing.T) {
			dir := t.TempDir()
			doc := filepath.Join(dir, "example.quoteline")
			if code, _, stderr := runCmd("new", "--example", doc); code != 0 {
				t.Fatal(stderr)
			}
			if err := variant.make(doc); err != nil {
				t.Fatal(err)
			}
			before := filestate.Of(t, dir)
			for _, args := range [][]string{
				{"search", doc, "drone"},
				{"check", doc},
				{"check", "--full", doc},
				{"export", doc, filepath.Join(out, "a.csv")},
				{"export", doc, filepath.Join(out, "a.json")},
				{"export", "--width", "800", doc, filepath.Join(out, "a.png")},
				{"export", doc, filepath.Join(out, "a.pdf")},
			} {
				if code, stdout, stderr := runCmd(args...); code != 0 || stdout == "" {
					t.Errorf("quoteline %s: exit %d, %q", strings.Join(args, " "), code, stderr)
				}
				if d := before.Diff(filestate.Of(t, dir)); d != "" {
					t.Errorf("quoteline %s changed the folder: %s", strings.Join(args, " "), d)
				}
			}
		})
	}
}

// TestRunExport_OpenErrorsNameTheCommand refuses a hostile document in
// export with the export's own prefix, not the window's.
func TestRunExport_OpenErrorsNameTheCommand(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "spy.quoteline")
	if code, _, stderr := runCmd("new", "--example", doc); code != 0 {
		t.Fatal(stderr)
	}
	if err := hostile.Exec(doc, `CREATE TRIGGER spy AFTER INSERT ON event BEGIN DELETE FROM quote; END;`); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{"x.png", "x.csv"} {
		code, _, stderr := runCmd("export", doc, filepath.Join(t.TempDir(), out))
		if code != 1 || !strings.HasPrefix(stderr, `quoteline export: open "`+doc+`": not a Quoteline document (it holds a trigger, "spy"`) {
			t.Errorf("export to %s: exit %d, %q", out, code, stderr)
		}
	}
}

// TestRunExport_WritesOnlyRegularFiles exports into a device, a named pipe
// and a symbolic link, in every format: each is refused with a message,
// at once, and left as it was. Issue 24 found the device replaced by a
// regular file, the link followed and the pipe waited on for ever.
func TestRunExport_WritesOnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "example.quoteline")
	if code, _, stderr := runCmd("new", "--example", doc); code != 0 {
		t.Fatal(stderr)
	}
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	specials := map[string]func(string) error{
		"named pipe":    func(p string) error { return syscall.Mkfifo(p, 0o644) },
		"symbolic link": func(p string) error { return os.Symlink(target, p) },
		"device":        func(p string) error { return syscall.Mknod(p, syscall.S_IFCHR|0o644, 1<<8|3) },
	}
	for what, mk := range specials {
		for _, format := range []string{"csv", "json", "vis", "png", "svg", "pdf"} {
			path := filepath.Join(t.TempDir(), "out")
			if err := mk(path); err != nil {
				t.Skipf("cannot make a %s here: %v", what, err)
			}
			before, _ := os.Lstat(path)
			done := make(chan struct{})
			var code int
			var stderr string
			go func() {
				defer close(done)
				code, _, stderr = runCmd("export", "--format", format, doc, path)
			}()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatalf("export --format %s into a %s is still running after 30 s", format, what)
			}
			if code != 1 || !strings.Contains(stderr, "is a "+what+", not a regular file") {
				t.Errorf("export --format %s into a %s: exit %d, %q", format, what, code, stderr)
			}
			if after, _ := os.Lstat(path); after == nil || after.Mode() != before.Mode() {
				t.Errorf("export --format %s changed the %s", format, what)
			}
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "keep" {
		t.Errorf("the link's target holds %q", b)
	}
}

// TestRunExport_HostileDocumentsLeaveNothing exports every hostile
// document as a picture and as CSV: the sound ones are written, the others
// refused with their reason, and the document's folder is byte for byte as
// it was either way, with no -wal or -shm left. Issue 24 found them left
// beside documents after failed picture exports.
func TestRunExport_HostileDocumentsLeaveNothing(t *testing.T) {
	cases, err := hostile.Make(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			dir := t.TempDir()
			doc, err := c.MoveTo(dir)
			if err != nil {
				t.Fatal(err)
			}
			before := filestate.Of(t, dir)
			for _, out := range []string{"x.png", "x.csv"} {
				code, _, stderr := runCmd("export", doc, filepath.Join(t.TempDir(), out))
				if c.Err == nil && code != 0 || c.Err != nil && (code != 1 || !strings.Contains(stderr, c.Want)) {
					t.Errorf("export to %s: exit %d, %q", out, code, stderr)
				}
				if d := before.Diff(filestate.Of(t, dir)); d != "" {
					t.Errorf("export to %s changed the folder: %s", out, d)
				}
			}
		})
	}
}

// TestRunExport_SaysWhyOnce: a picture that cannot be drawn at the size
// asked for is refused with the command's prefix, the file's name and the
// reason, each once. Issue 24 found "export to X: export: picture too
// large".
func TestRunExport_SaysWhyOnce(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "example.quoteline")
	if code, _, stderr := runCmd("new", "--example", doc); code != 0 {
		t.Fatal(stderr)
	}
	out := filepath.Join(t.TempDir(), "x.png")
	code, _, stderr := runCmd("export", "--height", "100", doc, out)
	if code != 1 || !strings.HasPrefix(stderr, "quoteline export: "+out+": 1600×100: picture too small: even with text at 11 pixels and one row per lane this picture needs ") ||
		strings.Count(stderr, "export") != 1 {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a picture was written")
	}
}

// TestRunExport_SourcesPictureRefusedLeavesBoth exports a picture whose
// sources go in a picture of their own, where that second file may not be
// written (a symbolic link, a named pipe, the document itself): the export
// is refused, and the first picture is not written either, an old one of
// that name kept as it was, rather than left without its list.
func TestRunExport_SourcesPictureRefusedLeavesBoth(t *testing.T) {
	doc := exampleDocument(t)
	target := filepath.Join(t.TempDir(), "target")
	if err := os.WriteFile(target, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	seconds := map[string]func(string) error{
		"symbolic link": func(p string) error { return os.Symlink(target, p) },
		"named pipe":    func(p string) error { return syscall.Mkfifo(p, 0o644) },
	}
	for what, mk := range seconds {
		for _, ext := range []string{".png", ".svg"} {
			dir := t.TempDir()
			out := filepath.Join(dir, "slide"+ext)
			if err := os.WriteFile(out, []byte("old picture"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := mk(filepath.Join(dir, "slide-sources"+ext)); err != nil {
				t.Skipf("cannot make a %s here: %v", what, err)
			}
			code, _, stderr := runCmd("export", "--width", "1600", "--sources", "page", doc, out)
			if code != 1 || !strings.Contains(stderr, "is a "+what+", not a regular file") {
				t.Errorf("%s: sources into a %s: exit %d, %q", ext, what, code, stderr)
			}
			if b, _ := os.ReadFile(out); string(b) != "old picture" {
				t.Errorf("%s: sources refused (a %s), yet the picture was replaced (%d bytes)", ext, what, len(b))
			}
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "keep" {
		t.Errorf("the link's target holds %q", b)
	}
}

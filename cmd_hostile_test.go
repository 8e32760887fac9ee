//go:build unix

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

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
	for _, variant := range []struct{ name, sql string }{
		{"rollback journal", `PRAGMA journal_mode = DELETE;`},
		{"schema version 1", `DROP TABLE stop_hidden_lane; DROP TABLE stop; PRAGMA user_version = 1;`},
	} {
		t.Run(variant.name, func(t *testing.T) {
			dir := t.TempDir()
			doc := filepath.Join(dir, "example.quoteline")
			if code, _, stderr := runCmd("new", "--example", doc); code != 0 {
				t.Fatal(stderr)
			}
			if err := hostile.Exec(doc, variant.sql); err != nil {
				t.Fatal(err)
			}
			before := folder(t, dir)
			for _, args := range [][]string{
				{"search", doc, "drone"},
				{"check", doc},
				{"export", doc, filepath.Join(out, "a.csv")},
				{"export", doc, filepath.Join(out, "a.json")},
				{"export", "--width", "800", doc, filepath.Join(out, "a.png")},
				{"export", doc, filepath.Join(out, "a.pdf")},
			} {
				if code, stdout, stderr := runCmd(args...); code != 0 || stdout == "" {
					t.Errorf("quoteline %s: exit %d, %q", strings.Join(args, " "), code, stderr)
				}
				after := folder(t, dir)
				if !slices.Equal(sortedKeys(before), sortedKeys(after)) {
					t.Fatalf("quoteline %s: the folder held %v, now %v", strings.Join(args, " "), sortedKeys(before), sortedKeys(after))
				}
				for name, b := range before {
					if !bytes.Equal(b, after[name]) {
						t.Errorf("quoteline %s changed %s", strings.Join(args, " "), name)
					}
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

// folder is every file of a folder by name.
func folder(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		if files[e.Name()], err = os.ReadFile(filepath.Join(dir, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	return files
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
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

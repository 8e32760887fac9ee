//go:build unix

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
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
			before := filestate.Of(t, dir)
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

// TestSignals_LeaveNothingBehind interrupts the real binary's long jobs
// with SIGINT and SIGTERM at random moments: exports of every kind, check,
// search and an import, on a document left with a -wal and no -shm (which
// is read from a private copy). Each ends within seconds, and leaves no
// temporary export (.NAME.png.*.tmp), no -wal, -shm or -journal that was
// not there before, and no private copy in the temporary folder. Issue 24
// found a SIGTERM during an export left the first and the document's -wal
// and -shm, and Ctrl+C ignored while text was laid out.
func TestSignals_LeaveNothingBehind(t *testing.T) {
	bin := buildBinary(t)
	r := crashRand(t, 3)
	dir := t.TempDir()
	doc := filepath.Join(dir, "doc.quoteline")
	if code, _, stderr := runCmd("gen", "--events", "60000", doc); code != 0 {
		t.Fatal(stderr)
	}
	if err := hostile.LeftoverWAL(doc, `UPDATE event SET title = 'Only in the WAL' WHERE id = 1;`); err != nil {
		t.Fatal(err)
	}
	csv := filepath.Join(t.TempDir(), "rows.csv")
	var rows strings.Builder
	rows.WriteString("title,start,lane\n")
	for i := range 30000 {
		fmt.Fprintf(&rows, "Row %d,2020-%02d-%02d,Rows\n", i, 1+i%12, 1+i%28)
	}
	if err := os.WriteFile(csv, []byte(rows.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	jobs := [][]string{
		{"export", "--width", "1600", doc, "OUT/x.png"},
		{"export", doc, "OUT/x.pdf"},
		{"export", doc, "OUT/x.svg"},
		{"export", doc, "OUT/x.csv"},
		{"export", doc, "OUT/x.json"},
		{"check", doc},
		{"search", doc, "ministry"},
		{"import", "--quiet", csv, "OUT/new.quoteline"},
	}
	before := filestate.Of(t, dir)
	for _, job := range jobs {
		for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
			out, tmp := t.TempDir(), t.TempDir()
			args := make([]string, len(job))
			for i, a := range job {
				args[i] = strings.Replace(a, "OUT", out, 1)
			}
			cmd := exec.Command(bin, args...)
			cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "HOME="+out, "TMPDIR="+tmp)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			delay := time.Duration(r.Int64N(int64(1500 * time.Millisecond)))
			time.Sleep(delay)
			cmd.Process.Signal(sig)
			done := make(chan error)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("quoteline %s still running 20 s after %v", strings.Join(job, " "), sig)
			}
			name := fmt.Sprintf("quoteline %s, %v after %v", job[0], sig, delay)
			for _, e := range entries(t, out) {
				if strings.HasSuffix(e, ".tmp") || strings.Contains(e, "quoteline-") || strings.HasPrefix(e, ".new.quoteline") {
					t.Errorf("%s: left %s", name, e)
				}
			}
			if left := entries(t, tmp); len(left) > 0 {
				t.Errorf("%s: left %v in the temporary folder", name, left)
			}
			if d := before.Diff(filestate.Of(t, dir)); d != "" {
				t.Errorf("%s: the document's folder changed: %s", name, d)
			}
		}
	}
}

func entries(t *testing.T, dir string) []string {
	t.Helper()
	list, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range list {
		names = append(names, e.Name())
	}
	return names
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

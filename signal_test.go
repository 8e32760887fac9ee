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
	if out, err := exec.Command(bin, "gen", "--events", "60000", doc).CombinedOutput(); err != nil {
		t.Fatalf("quoteline gen: %v\n%s", err, out)
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

// TestE2E_SignalsCloseTheWindowCleanly stops the real window with SIGTERM
// after an edit, and with SIGINT on a document of an older version that it
// reads from a private copy without changing it: each time the window
// closes its document and the process ends, leaving the document's folder
// with the document alone (no -wal, no -shm), the temporary folder empty,
// the edit in the file, and the older document byte for byte as it was.
func TestE2E_SignalsCloseTheWindowCleanly(t *testing.T) {
	stop := func(t *testing.T, s *session, sig syscall.Signal) {
		t.Helper()
		if err := s.cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		select {
		case <-s.exited:
		case <-time.After(30 * time.Second):
			t.Fatalf("the app is still running 30 s after %v", sig)
		}
		if s.exitErr != nil || !strings.Contains(s.log.String(), "closing the windows and their documents") {
			t.Errorf("after %v the app exited with %v, saying:\n%s", sig, s.exitErr, s.log)
		}
		if left := entries(t, s.tmp); len(left) > 0 {
			t.Errorf("left %v in the temporary folder", left)
		}
	}

	t.Run("SIGTERM after an edit", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "edited.quoteline")
		if err := writeExample(context.Background(), path); err != nil {
			t.Fatal(err)
		}
		s := startApp(t, path)
		const title = "Written before the signal"
		s.addEvent(path, title, "2022-09-01", "")
		if _, err := os.Stat(path + "-wal"); err != nil {
			t.Fatalf("no -wal beside the open document: %v", err)
		}
		stop(t, s, syscall.SIGTERM)
		if got := entries(t, dir); len(got) != 1 || got[0] != "edited.quoteline" {
			t.Errorf("the folder holds %v", got)
		}
		if eventTitled(t, path, title) == 0 {
			t.Error("the edit is not in the file")
		}
	})

	t.Run("SIGINT on an older version", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "old.quoteline")
		if err := writeExample(context.Background(), path); err != nil {
			t.Fatal(err)
		}
		if err := hostile.AtVersion(path, 1); err != nil {
			t.Fatal(err)
		}
		before := filestate.Of(t, dir)
		s := startApp(t, path)
		if left := entries(t, s.tmp); len(left) == 0 {
			t.Error("the older document is not read from a private copy")
		}
		stop(t, s, syscall.SIGINT)
		if d := before.Diff(filestate.Of(t, dir)); d != "" {
			t.Errorf("the folder changed: %s", d)
		}
	})
}

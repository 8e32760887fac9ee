package data_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/hostile"
)

// fileState is what a check must leave as it was: a file's bytes and
// modification time, and the names in its directory.
type fileState struct {
	bytes   []byte
	mtime   time.Time
	entries []string
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	var st fileState
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	st.mtime = info.ModTime()
	if info.Mode().IsRegular() {
		if st.bytes, err = os.ReadFile(path); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		st.entries = append(st.entries, e.Name())
	}
	return st
}

func (st fileState) diff(other fileState) string {
	switch {
	case !bytes.Equal(st.bytes, other.bytes):
		return "its bytes changed"
	case !st.mtime.Equal(other.mtime):
		return "its modification time changed"
	case strings.Join(st.entries, "\n") != strings.Join(other.entries, "\n"):
		return "its folder changed: " + strings.Join(st.entries, " ") + " -> " + strings.Join(other.entries, " ")
	}
	return ""
}

// TestHostileDocuments runs Check and Open on every hostile document: each
// gets an error naming its problem, and neither changes the file.
func TestHostileDocuments(t *testing.T) {
	ctx := context.Background()
	root := t.TempDir()
	cases, err := hostile.Make(ctx, root)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			// Each case in a folder of its own, so that files left beside it show.
			path, err := c.MoveTo(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
			if err := os.Chtimes(path, old, old); err != nil {
				t.Fatal(err)
			}
			before := stateOf(t, path)
			report, checkErr := data.Check(ctx, path)
			if d := before.diff(stateOf(t, path)); d != "" {
				t.Errorf("Check changed the file: %s", d)
			}
			if c.Err == nil {
				if checkErr != nil {
					t.Fatalf("Check: %v, want it sound", checkErr)
				}
				if report.Version != data.SchemaVersion || report.Events == 0 {
					t.Errorf("report %+v", report)
				}
				s, err := data.Open(ctx, path)
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				defer s.Close()
				if _, err := s.Events(ctx); err != nil {
					t.Errorf("Events: %v", err)
				}
				return
			}
			for _, got := range []struct {
				op, prefix string
				err        error
			}{
				{"Check", "check", checkErr},
				{"Open", "open", openErr(ctx, path)},
			} {
				if !errors.Is(got.err, c.Err) {
					t.Errorf("%s: %v, want %v", got.op, got.err, c.Err)
					continue
				}
				msg := got.err.Error()
				if !strings.HasPrefix(msg, got.prefix+` "`+path+`": `) || !strings.Contains(msg, c.Want) {
					t.Errorf("%s: %q, want it to name the file and contain %q", got.op, msg, c.Want)
				}
			}
			if d := before.diff(stateOf(t, path)); d != "" {
				t.Errorf("Open changed the file: %s", d)
			}
		})
	}
}

func openErr(ctx context.Context, path string) error {
	s, err := data.Open(ctx, path)
	if err == nil {
		s.Close()
		return errors.New("Open accepted the file")
	}
	return err
}

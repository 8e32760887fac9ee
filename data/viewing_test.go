package data_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/filestate"
	"github.com/quoteline/quoteline/internal/hostile"
)

// TestOpenForViewing_WritesOnlyWhenAsked opens documents as the window does
// before the user changes anything: one that opening for writing leaves
// as it is (this version, WAL mode) is opened for writing at once; one of
// an older version, in rollback-journal mode or left part-way through a
// change by another program is read without changing a byte of its folder,
// and Pending says what Open will do, which it then does.
func TestOpenForViewing_WritesOnlyWhenAsked(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		events int
		make   func(path string) error
		want   data.Pending
	}{
		{"wal", 300, func(string) error { return nil }, data.Pending{}},
		{"rollback journal", 300, func(p string) error { return hostile.Exec(p, `PRAGMA journal_mode = DELETE;`) }, data.Pending{ToWAL: true}},
		{"schema version 1", 300, func(p string) error { return hostile.AtVersion(p, 1) }, data.Pending{From: 1}},
		{"schema version 2, rollback journal", 300, func(p string) error {
			if err := hostile.AtVersion(p, 2); err != nil {
				return err
			}
			return hostile.Exec(p, `PRAGMA journal_mode = DELETE;`)
		}, data.Pending{From: 2, ToWAL: true}},
		{"unfinished change", 2000, func(p string) error { return hostile.Unfinished(p, `DELETE FROM event;`) },
			data.Pending{ToWAL: true, Unfinished: "doc.quoteline-journal"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, dir, before := prepared(t, tt.events, tt.make)
			s, check, p, err := data.OpenForViewing(ctx, path)
			if err != nil {
				t.Fatalf("OpenForViewing: %v", err)
			}
			if p != tt.want {
				t.Errorf("Pending = %+v, want %+v", p, tt.want)
			}
			if s.ReadOnly() != !p.None() {
				t.Errorf("ReadOnly() = %v with Pending %+v", s.ReadOnly(), p)
			}
			if err := check(ctx); err != nil {
				t.Errorf("check: %v", err)
			}
			if events, err := s.Events(ctx); err != nil || len(events) != tt.events {
				t.Errorf("Events: %d, %v; want %d", len(events), err, tt.events)
			}
			if !p.None() {
				if _, _, err := s.SaveLane(ctx, data.Lane{Name: "New", Color: "#123456"}); !errors.Is(err, data.ErrReadOnly) {
					t.Errorf("SaveLane before Open: %v, want ErrReadOnly", err)
				}
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if d := before.Diff(filestate.Of(t, dir)); d != "" {
				t.Errorf("viewing changed the folder: %s", d)
			}

			// The first change: Open does what Pending said.
			w, err := data.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			if up := w.Upgraded(); up.From != tt.want.From {
				t.Errorf("Upgraded() = %+v, want from %d", up, tt.want.From)
			}
			if _, _, err := w.SaveLane(ctx, data.Lane{Name: "New", Color: "#123456"}); err != nil {
				t.Fatal(err)
			}
			if w.SwitchedToWAL() != tt.want.ToWAL {
				t.Errorf("SwitchedToWAL() = %v, want %v", w.SwitchedToWAL(), tt.want.ToWAL)
			}
			if events, err := w.Events(ctx); err != nil || len(events) != tt.events {
				t.Errorf("Events after Open: %d, %v; want %d", len(events), err, tt.events)
			}
		})
	}
}

// TestAtVersion_WritesWhatThatVersionWrote: hostile.AtVersion turns a
// document into one of each older schema version that Check takes for
// that version, with every event.
func TestAtVersion_WritesWhatThatVersionWrote(t *testing.T) {
	ctx := context.Background()
	for v := 1; v < data.SchemaVersion; v++ {
		path := generated(t, t.TempDir(), "doc.quoteline", 120)
		if err := hostile.AtVersion(path, v); err != nil {
			t.Fatalf("AtVersion(%d): %v", v, err)
		}
		r, err := data.Check(ctx, path)
		if err != nil || r.Version != v || r.Events != 120 {
			t.Errorf("Check at version %d: %+v, %v", v, r, err)
		}
	}
}

// TestOpenForViewing_ChecksAfterShowing opens a damaged document in
// rollback-journal mode as the window does: it opens at once, as one in WAL
// mode does (a million events are not read twice before the first frame),
// and its deferred check finds the damage, without changing its folder.
func TestOpenForViewing_ChecksAfterShowing(t *testing.T) {
	ctx := context.Background()
	path, dir, before := prepared(t, 50, func(p string) error {
		return hostile.Exec(p, `PRAGMA ignore_check_constraints = ON; UPDATE event SET start = 'abc' WHERE id = 1; PRAGMA journal_mode = DELETE;`)
	})
	s, check, p, err := data.OpenForViewing(ctx, path)
	if err != nil {
		t.Fatalf("OpenForViewing: %v", err)
	}
	if !p.ToWAL {
		t.Errorf("Pending = %+v", p)
	}
	if err := check(ctx); !errors.Is(err, data.ErrCorrupt) || !strings.Contains(err.Error(), `event 1: its start holds the text "abc"`) {
		t.Errorf("check: %v", err)
	}
	s.Close()
	if d := before.Diff(filestate.Of(t, dir)); d != "" {
		t.Errorf("the folder changed: %s", d)
	}
}

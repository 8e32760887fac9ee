package session_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/filestate"
	"github.com/quoteline/quoteline/internal/hostile"
	"github.com/quoteline/quoteline/timeline/export"
)

// statusOf records what the status line of o's session says, as it says it.
func statusOf(o *sessiontest.Owner) *string {
	var text string
	o.S.Watch(func(e session.Event) {
		if st, ok := e.(session.Status); ok {
			text = st.Text
		}
	})
	return &text
}

// TestSession_WritesOnlyAtTheFirstEdit opens documents that opening for
// writing would change (an older schema version, another journal mode, a
// change another program left unfinished) as the window does: showing,
// selecting, searching and exporting them leave their folder byte for byte
// as it was, and the status line says what the first change will do. The
// first edit then upgrades the document (after a backup), switches it to
// WAL or undoes the other program's change, and the status line says what
// it did, once; undo works on the document opened for writing.
func TestSession_WritesOnlyAtTheFirstEdit(t *testing.T) {
	tests := []struct {
		name       string
		make       func(path string) error
		before     []string // what the status line says before the first edit
		after      []string // and after it
		version    int      // the version before the edit
		backup     string
		unfinished bool
	}{
		{"schema version 1", func(p string) error { return hostile.AtVersion(p, 1) },
			[]string{"Nothing is written to example.quoteline until you change it: your first change will upgrade it from schema version 1 (keeping a copy as it is)."},
			[]string{fmt.Sprintf("Upgraded example.quoteline from schema version 1 to %d; the file as it was is kept as example.v1-backup.quoteline.", data.SchemaVersion)},
			1, "example.v1-backup.quoteline", false},
		{"rollback journal", func(p string) error { return hostile.Exec(p, `PRAGMA journal_mode = DELETE;`) },
			[]string{"your first change will switch it to write-ahead logging (WAL)"},
			[]string{"Switched example.quoteline to write-ahead logging (WAL)."},
			data.SchemaVersion, "", false},
		{"schema version 2, rollback journal", func(p string) error {
			if err := hostile.AtVersion(p, 2); err != nil {
				return err
			}
			return hostile.Exec(p, `PRAGMA journal_mode = DELETE;`)
		},
			[]string{"upgrade it from schema version 2 (keeping a copy as it is) and switch it to write-ahead logging (WAL)."},
			[]string{"Upgraded example.quoteline from schema version 2", "Switched example.quoteline to write-ahead logging (WAL)"},
			2, "example.v2-backup.quoteline", false},
		{"unfinished change", func(p string) error { return hostile.Unfinished(p, `DELETE FROM event; DELETE FROM quote;`) },
			[]string{"undo for good the change another program left unfinished in it"},
			[]string{"Undid the change another program left unfinished in example.quoteline.", "Switched example.quoteline to write-ahead logging"},
			data.SchemaVersion, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			path := sessiontest.Example(t)
			dir := filepath.Dir(path)
			if err := tt.make(path); err != nil {
				t.Fatal(err)
			}
			before := filestate.Of(t, dir)
			o := sessiontest.New(t, session.Options{})
			status := statusOf(o)
			if err := o.Open(path); err != nil {
				t.Fatal(err)
			}
			s := o.S
			o.Settle()
			for _, want := range tt.before {
				if !strings.Contains(*status, want) {
					t.Errorf("before the first edit the status line says %q, lacking %q", *status, want)
				}
			}
			if !s.Editable() || s.Doc().ReadOnly() || s.Doc().Len() != 17 {
				t.Errorf("editable %v, read-only %v, %d events", s.Editable(), s.Doc().ReadOnly(), s.Doc().Len())
			}
			// Looking at it writes nothing.
			id := sessiontest.EventByTitle(t, s, "Iran sends Russia more than 400 drones")
			s.Select(id)
			sessiontest.Next[session.DetailsRead](o)
			found := make(chan session.Found, 1)
			s.Search("drones", func(f session.Found, err error) { found <- f })
			o.Until("the search", func() bool { return len(found) > 0 })
			s.ExportData(filepath.Join(t.TempDir(), "x.csv"), "csv", nil)
			o.Until("the export", func() bool { return !s.Busy() })
			o.Settle()
			if d := before.Diff(filestate.Of(t, dir)); d != "" {
				t.Fatalf("looking at the document changed its folder: %s", d)
			}

			// The first edit, once the file's check (which reads all of it,
			// and on a busy machine may still be reading) has passed: a
			// reader at that moment puts the switch to WAL off to the next
			// write.
			o.Until("the file's check", func() bool { return s.Doc().Passed() })
			ev := data.Event{Title: "A first change", LaneID: s.Doc().Lanes()[0].ID, Status: data.StatusReported,
				Start: data.Time{Unix: 1_660_000_000, Precision: data.PrecisionDay}}
			save(s, ev)
			o.Edited()
			o.Settle()
			for _, want := range tt.after {
				if !strings.Contains(*status, want) {
					t.Errorf("after the first edit the status line says %q, lacking %q", *status, want)
				}
			}
			if s.Doc().Pending() != (data.Pending{}) || !hasTitle(s.Doc(), "A first change") {
				t.Errorf("after the first edit: pending %+v", s.Doc().Pending())
			}
			r, err := data.Check(ctx, path)
			if err != nil || r.Version != data.SchemaVersion || r.Events != 18 || r.Unfinished != "" {
				t.Errorf("the file after the first edit: %+v, %v", r, err)
			}
			if tt.backup != "" {
				b, err := data.Check(ctx, filepath.Join(dir, tt.backup))
				if err != nil || b.Version != tt.version || b.Events != 17 {
					t.Errorf("the backup %s: %+v, %v", tt.backup, b, err)
				}
			}
			hdr := make([]byte, 20)
			if f, err := os.Open(path); err == nil {
				f.Read(hdr)
				f.Close()
			}
			if hdr[18] != 2 || hdr[19] != 2 {
				t.Errorf("the file's journal bytes are %v after the first edit, want WAL (2, 2)", hdr[18:20])
			}
			if _, err := os.Stat(path + "-journal"); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the unfinished change's journal is still there: %v", err)
			}

			// Undo works on the document opened for writing; the status line
			// says the first edit's news no more once another edit is asked for.
			s.Undo()
			o.Edited()
			o.Settle()
			if hasTitle(s.Doc(), "A first change") || s.Doc().Len() != 17 {
				t.Errorf("undo left %d events", s.Doc().Len())
			}
			// What follows the undo may still be on its way on a busy machine.
			o.Until("the status line forgets the first edit's news after another edit", func() bool {
				return !strings.Contains(*status, tt.after[0])
			})
			if r, err := data.Check(ctx, path); err != nil || r.Events != 17 {
				t.Errorf("the file after undo: %+v, %v", r, err)
			}
		})
	}
}

// TestSession_WaitsForAnotherWriter edits a document while another
// connection holds its write lock: the status line says the edit waits and
// for whom, and the edit goes through once the other write ends; with a
// shorter patience the edit gives up, naming the program holding the file.
// Issue 24 found a bare "database is locked" after five seconds.
func TestSession_WaitsForAnotherWriter(t *testing.T) {
	ev := func(s *session.Session) data.Event {
		return data.Event{Title: "Written after the wait", LaneID: s.Doc().Lanes()[0].ID, Status: data.StatusReported,
			Start: data.Time{Unix: 1_660_000_000, Precision: data.PrecisionDay}}
	}
	t.Run("waits", func(t *testing.T) {
		t.Parallel()
		o, path := sessiontest.OpenExample(t)
		release := hostile.HoldWriteLock(t, path)
		save(o.S, ev(o.S))
		st := o.Await("the status line saying the edit waits", func(e session.Event) bool {
			st, ok := e.(session.Status)
			return ok && strings.Contains(st.Text, "Waiting for ")
		}).(session.Status)
		if st.Work != session.WorkBusy || !strings.Contains(st.Text, fmt.Sprintf("(process %d", os.Getpid())) ||
			!strings.Contains(st.Text, "to finish writing to example.quoteline") {
			t.Errorf("while waiting the status line says %+v", st)
		}
		release()
		o.Edited()
		if !hasTitle(o.S.Doc(), "Written after the wait") {
			t.Error("the edit was not shown")
		}
	})
	t.Run("gives up", func(t *testing.T) {
		t.Parallel()
		o := sessiontest.New(t, session.Options{WriterWait: time.Millisecond})
		path := sessiontest.Example(t)
		if err := o.Open(path); err != nil {
			t.Fatal(err)
		}
		hostile.HoldWriteLock(t, path)
		save(o.S, ev(o.S))
		p := sessiontest.Next[session.Problem](o)
		if !errors.Is(p.Err, data.ErrLocked) || !strings.Contains(p.Err.Error(), fmt.Sprintf("(process %d", os.Getpid())) {
			t.Errorf("the edit failed with %v; want ErrLocked naming the process", p.Err)
		}
		if e := sessiontest.Next[session.Edited](o); e.Err == nil {
			t.Error("the edit went through")
		}
	})
}

// TestSession_CloseAndWaitLeaveNothing closes a session while it exports
// a picture of a document it has written to, as a window does when a
// signal quits it: once Wait returns, the export's temporary file is gone
// and so are the document's -wal and -shm.
func TestSession_CloseAndWaitLeaveNothing(t *testing.T) {
	path := sessiontest.Generated(t, 60_000, 5, 3)
	o := sessiontest.New(t, session.Options{})
	if err := o.Open(path); err != nil {
		t.Fatal(err)
	}
	save(o.S, data.Event{Title: "Written", LaneID: o.S.Doc().Lanes()[0].ID, Status: data.StatusReported,
		Start: data.Time{Unix: 1_660_000_000, Precision: data.PrecisionDay}})
	o.Edited()
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Fatalf("no -wal beside the open document: %v", err)
	}
	out := t.TempDir()
	o.S.ExportPicture(filepath.Join(out, "x.png"), session.PictureOptions{Format: export.PNG}, true, nil)
	o.Await("the export under way", func(e session.Event) bool { _, ok := e.(session.Progress); return ok })
	o.S.Close()
	o.S.Wait()
	for dir, want := range map[string]int{out: 0, filepath.Dir(path): 1} {
		list, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != want {
			var names []string
			for _, e := range list {
				names = append(names, e.Name())
			}
			t.Errorf("%s holds %v", dir, names)
		}
	}
}

package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/filestate"
	"github.com/quoteline/quoteline/internal/hostile"
)

// generated writes a document of n synthetic events at dir/name.
func generated(t *testing.T, dir, name string, n int) string {
	t.Helper()
	path := filepath.Join(dir, name)
	s, err := data.Generate(context.Background(), path, data.GenerateOptions{Events: n, Lanes: 3, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// prepared writes a document of n synthetic events in a folder of its
// own, puts it in a state with make, and returns its path, the folder and
// what the folder holds then.
func prepared(t *testing.T, n int, make func(path string) error) (path, dir string, before filestate.Folder) {
	t.Helper()
	dir = t.TempDir()
	path = generated(t, dir, "doc.quoteline", n)
	if err := make(path); err != nil {
		t.Fatal(err)
	}
	return path, dir, filestate.Of(t, dir)
}

// version1 turns the document at path into one of schema version 1, as
// the first Quoteline wrote them.
func version1(path string) error { return hostile.AtVersion(path, 1) }

// TestOpenReadOnly_ChangesNothing reads documents in every state a read-only
// command meets (in WAL mode, in rollback-journal mode as other programs
// write them, left with a -wal and no -shm, left part-way through a change
// with a hot journal, and of an older schema version) through OpenReadOnly,
// as search and export do: every read works, every write is refused, and
// the folder holds the same files with the same bytes afterwards. Before
// issue 24 these commands switched rollback-mode documents to WAL, upgraded
// old ones (writing a backup beside them) and left -shm files behind.
func TestOpenReadOnly_ChangesNothing(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		events int
		make   func(path string) error
	}{
		{"wal", 300, func(string) error { return nil }},
		{"rollback journal", 300, func(p string) error { return hostile.Exec(p, `PRAGMA journal_mode = DELETE;`) }},
		{"leftover wal", 300, func(p string) error {
			return hostile.LeftoverWAL(p, `UPDATE event SET title = 'Only in the WAL' WHERE id = 1;`)
		}},
		{"unfinished change", 2000, func(p string) error { return hostile.Unfinished(p, `DELETE FROM event;`) }},
		{"schema version 1", 300, version1},
		{"schema version 1, rollback journal", 300, func(p string) error {
			if err := version1(p); err != nil {
				return err
			}
			return hostile.Exec(p, `PRAGMA journal_mode = DELETE;`)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path, dir, before := prepared(t, tt.events, tt.make)
			s, err := data.OpenReadOnly(ctx, path)
			if err != nil {
				t.Fatalf("OpenReadOnly: %v", err)
			}
			if !s.ReadOnly() || s.Path() != path {
				t.Errorf("ReadOnly %v, Path %q", s.ReadOnly(), s.Path())
			}
			events, err := s.Events(ctx)
			if err != nil || len(events) != tt.events {
				t.Errorf("Events: %d, %v; want %d", len(events), err, tt.events)
			}
			if tt.name == "leftover wal" && (len(events) == 0 || events[0].Title != "Only in the WAL") {
				t.Error("what the -wal holds was not read")
			}
			spans, err := s.Spans(ctx, nil)
			if err != nil || len(spans) != tt.events {
				t.Errorf("Spans: %d, %v", len(spans), err)
			}
			if _, err := s.Search(ctx, "ministry", 10); err != nil {
				t.Errorf("Search: %v", err)
			}
			if _, err := s.Stops(ctx); err != nil {
				t.Errorf("Stops: %v", err)
			}
			if _, err := s.ExportDocument(ctx, data.ExportOptions{}); err != nil {
				t.Errorf("ExportDocument: %v", err)
			}
			if _, _, err := s.SaveLane(ctx, data.Lane{Name: "New", Color: "#123456"}); !errors.Is(err, data.ErrReadOnly) {
				t.Errorf("SaveLane: %v, want ErrReadOnly", err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if d := before.Diff(filestate.Of(t, dir)); d != "" {
				t.Errorf("the folder changed: %s", d)
			}
		})
	}
}

// TestOpen_JournalModeChangesOnlyWithAWrite opens a document in
// rollback-journal mode for writing: reading it changes nothing, and its
// first write switches it to WAL mode and says so.
func TestOpen_JournalModeChangesOnlyWithAWrite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := generated(t, dir, "doc.quoteline", 100)
	if err := hostile.Exec(path, `PRAGMA journal_mode = DELETE;`); err != nil {
		t.Fatal(err)
	}
	before := filestate.Of(t, dir)
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Events(ctx); err != nil {
		t.Fatal(err)
	}
	if s.SwitchedToWAL() {
		t.Error("SwitchedToWAL before any write")
	}
	s.Close()
	if d := before.Diff(filestate.Of(t, dir)); d != "" {
		t.Fatalf("opening and reading changed the folder: %s", d)
	}

	s, err = data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, _, err := s.SaveLane(ctx, data.Lane{Name: "New", Color: "#123456"}); err != nil {
		t.Fatal(err)
	}
	if !s.SwitchedToWAL() {
		t.Error("SwitchedToWAL is false after the first write")
	}
	hdr := make([]byte, 20)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Read(hdr); err != nil || hdr[18] != 2 || hdr[19] != 2 {
		t.Errorf("header's journal bytes %v after the write, want WAL (2, 2)", hdr[18:20])
	}
}

// TestOpen_ReportsTheUpgrade opens a schema version 1 document for writing:
// it is upgraded after a backup beside it, and Upgraded says so.
func TestOpen_ReportsTheUpgrade(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := generated(t, dir, "doc.quoteline", 10)
	if err := version1(path); err != nil {
		t.Fatal(err)
	}
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	up := s.Upgraded()
	if up.From != 1 || up.To != data.SchemaVersion || filepath.Base(up.Backup) != "doc.v1-backup.quoteline" {
		t.Errorf("Upgraded() = %+v", up)
	}
	if _, err := os.Stat(up.Backup); err != nil {
		t.Error(err)
	}
}

// TestOpen_FinishesAnUnfinishedChange opens for writing a document another
// program left part-way through a change: SQLite undoes the change in
// place, as Check read it, and the journal is gone.
func TestOpen_FinishesAnUnfinishedChange(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := generated(t, dir, "doc.quoteline", 2000)
	if err := hostile.Unfinished(path, `DELETE FROM event;`); err != nil {
		t.Fatal(err)
	}
	r, err := data.Check(ctx, path)
	if err != nil || r.Events != 2000 || r.Unfinished != "doc.quoteline-journal" {
		t.Fatalf("Check: %+v, %v", r, err)
	}
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	events, err := s.Events(ctx)
	s.Close()
	if err != nil || len(events) != 2000 {
		t.Errorf("Events: %d, %v", len(events), err)
	}
	if _, err := os.Stat(path + "-journal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the journal is still there: %v", err)
	}
	if r, err := data.Check(ctx, path); err != nil || r.Unfinished != "" {
		t.Errorf("Check after: %+v, %v", r, err)
	}
}

// TestOpenReadOnly_SymlinkedSideFile refuses a document whose -wal is a
// symbolic link, which could make SQLite read another file as the log.
func TestOpenReadOnly_SymlinkedSideFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := generated(t, dir, "doc.quoteline", 10)
	if err := os.Symlink("/etc/hostname", path+"-wal"); err != nil {
		t.Skip(err)
	}
	_, err := data.OpenReadOnly(ctx, path)
	if !errors.Is(err, data.ErrNotQuoteline) || !strings.Contains(err.Error(), "doc.quoteline-wal beside it is not a regular file") {
		t.Errorf("OpenReadOnly: %v", err)
	}
}

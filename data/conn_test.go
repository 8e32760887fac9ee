package data

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/internal/filestate"
)

// TestConnections_SameLimitsAndPragmas opens every kind of connection this
// package makes to a document, through database/sql and through SQLite's
// C interface, for reading and writing, read-only and immutable, and for
// building a new document, and checks that each has the same limit on a
// value's length and the same safety pragmas, set in one place
// (setUpConn). A connection without them is how a text longer than the
// limit once got into a new document (issue 24).
func TestConnections_SameLimitsAndPragmas(t *testing.T) {
	ctx := context.Background()
	_, path := createTestStore(t, mustReadTestDoc(t))
	pragmas := map[string]int64{"trusted_schema": 0, "cell_size_check": 1, "mmap_size": 0, "foreign_keys": 1}
	const tooLong = `SELECT length(zeroblob(67108865))` // MaxValueBytes + 1

	// Through database/sql.
	sqlConns := map[string]func(t *testing.T) *sql.DB{
		"read-write": func(t *testing.T) *sql.DB { return mustOpenDB(t, path, readWrite) },
		"read-only":  func(t *testing.T) *sql.DB { return mustOpenDB(t, path, readOnly) },
		"immutable":  func(t *testing.T) *sql.DB { return mustOpenDB(t, path, immutable) },
		"new document": func(t *testing.T) *sql.DB {
			// The connection buildFile gives fill, kept open until the test ends.
			got := make(chan *sql.DB)
			release, done := make(chan struct{}), make(chan struct{})
			path := filepath.Join(t.TempDir(), "new.quoteline")
			t.Cleanup(func() {
				close(release)
				<-done
			})
			go func() {
				defer close(done)
				createWith(ctx, path, func(s *Store) error {
					got <- s.db
					<-release
					return errors.New("done")
				})
			}()
			return <-got
		},
	}
	for name, open := range sqlConns {
		t.Run("database/sql "+name, func(t *testing.T) {
			db := open(t)
			for p, want := range pragmas {
				var got int64
				if err := db.QueryRowContext(ctx, `PRAGMA `+p).Scan(&got); err != nil || got != want {
					t.Errorf("%s = %d, %v; want %d", p, got, err, want)
				}
			}
			var n int64
			if err := db.QueryRowContext(ctx, tooLong).Scan(&n); err == nil || !strings.Contains(err.Error(), "too big") {
				t.Errorf("a value of MaxValueBytes+1: %d, %v; want a too big error", n, err)
			}
		})
	}

	// Through the C interface.
	for name, a := range map[string]access{"read-write": readWrite, "read-only": readOnly, "immutable": immutable} {
		t.Run("C "+name, func(t *testing.T) {
			c, err := openC(path, a)
			if err != nil {
				t.Fatal(err)
			}
			defer c.close()
			for p, want := range pragmas {
				var got []int64
				err := c.queryInts(ctx, `PRAGMA `+p, 1, nil, func(rows []int64) error { got = append(got, rows...); return nil })
				if err != nil || len(got) != 1 || got[0] != want {
					t.Errorf("%s = %v, %v; want %d", p, got, err, want)
				}
			}
			err = c.queryInts(ctx, tooLong, 1, nil, func([]int64) error { return nil })
			var ce *cError
			if !errors.As(err, &ce) || ce.code != sqliteTooBig {
				t.Errorf("a value of MaxValueBytes+1: %v; want SQLite's too big error", err)
			}
		})
	}
}

func mustOpenDB(t *testing.T, path string, a access) *sql.DB {
	t.Helper()
	db, err := openDB(context.Background(), path, a)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestCreate_TextLongerThanTheLimit imports an event whose summary is one
// byte longer than MaxValueBytes, as a TimelineJS file with one huge text
// brings, into a new document and into an existing one: both are refused
// with ErrTooLarge, the new document is not made, and the existing one is
// left as it was. It used to make a new document that its own check then
// called damaged.
func TestCreate_TextLongerThanTheLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a few hundred MB")
	}
	ctx := context.Background()
	doc := manyEvents(1, "Huge")
	doc.Events[0].Summary = strings.Repeat("word ", MaxValueBytes/5+1)

	dir := t.TempDir()
	path := filepath.Join(dir, "new.quoteline")
	_, err := CreateFromDocument(ctx, path, doc)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), `events[0] "e0"`) || !strings.Contains(err.Error(), "texts of up to 64.0 MiB") {
		t.Errorf("new document: %v; want ErrTooLarge naming the event and the limit", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the refused document left %d files", len(entries))
	}

	s, existing := createTestStore(t, mustReadTestDoc(t))
	s.Close()
	before := filestate.Of(t, filepath.Dir(existing))
	s, err = Open(ctx, existing)
	if err != nil {
		t.Fatal(err)
	}
	err = s.ImportDocument(ctx, doc)
	s.Close()
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "texts of up to 64.0 MiB") {
		t.Errorf("existing document: %v; want ErrTooLarge", err)
	}
	if d := before.Diff(filestate.Of(t, filepath.Dir(existing))); d != "" {
		t.Errorf("the refused import changed the folder: %s", d)
	}
}

// TestCheck_TextLongerThanTheLimit makes, as another program could, a
// document holding a text longer than MaxValueBytes: Check names the row
// and the limit, where it used to call the full-text index malformed.
func TestCheck_TextLongerThanTheLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 64 MiB text")
	}
	ctx := context.Background()
	s, path := createTestStore(t, mustReadTestDoc(t))
	s.Close()
	plainExec(t, path, `UPDATE event SET summary = printf('%.*c', 73400320, 'x') WHERE id = 2`)
	_, err := Check(ctx, path)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "event 2: its summary holds a text of 70.0 MiB, where Quoteline keeps texts of up to 64.0 MiB") {
		t.Errorf("Check: %v", err)
	}
}

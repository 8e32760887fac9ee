package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

// holdWriteLock begins a write transaction on the document at path through
// the plain driver, as another program would, and returns the function
// that ends it.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE meta SET value = value WHERE key = 'title'`); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			tx.Rollback()
			db.Close()
		})
	}
	t.Cleanup(release)
	return release
}

// TestWrite_WhileAnotherWrites writes to a document while another
// connection holds its write lock. Without WaitForWriters the write gives
// up after SQLite's few seconds with ErrLocked naming the program holding
// the lock (on Linux, from the system's lock table); with it, the write
// waits, reporting who it waits for, and goes through once the other
// write ends. Issue 24 found a bare "database is locked" after 5 s.
func TestWrite_WhileAnotherWrites(t *testing.T) {
	ctx := context.Background()
	s, path := createTestStore(t, mustReadTestDoc(t))
	release := holdWriteLock(t, path)
	holder := ""
	if runtime.GOOS == "linux" {
		holder = fmt.Sprintf("(process %d", os.Getpid())
	}
	_, _, err := s.SaveLane(ctx, Lane{Name: "Blocked", Color: "#112233"})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), holder) || !strings.Contains(err.Error(), "try again once it has") {
		t.Fatalf("SaveLane while another writes: %v; want ErrLocked naming %q", err, holder)
	}

	var reports []Wait
	s.WaitForWriters(time.Minute, func(w Wait) {
		reports = append(reports, w)
		release() // the other write ends after the first report
	})
	if _, _, err := s.SaveLane(ctx, Lane{Name: "Waited", Color: "#112233"}); err != nil {
		t.Fatalf("SaveLane waiting for the other write: %v", err)
	}
	if len(reports) != 1 || reports[0].Waited < time.Second || !strings.Contains(reports[0].Holder, holder) {
		t.Errorf("reports %+v", reports)
	}
}

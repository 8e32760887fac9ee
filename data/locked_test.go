package data_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/hostile"
)

// TestWrite_WhileAnotherWrites writes to a document while another
// connection holds its write lock. Without WaitForWriters the write gives
// up after SQLite's few seconds with ErrLocked naming the program holding
// the lock (on Linux, from the system's lock table); with it, the write
// waits, reporting who it waits for, and goes through once the other
// write ends. Issue 24 found a bare "database is locked" after 5 s.
func TestWrite_WhileAnotherWrites(t *testing.T) {
	ctx := context.Background()
	path := generated(t, t.TempDir(), "doc.quoteline", 10)
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	release := hostile.HoldWriteLock(t, path)
	holder := ""
	if runtime.GOOS == "linux" {
		holder = fmt.Sprintf("(process %d", os.Getpid())
	}
	_, _, err = s.SaveLane(ctx, data.Lane{Name: "Blocked", Color: "#112233"})
	if !errors.Is(err, data.ErrLocked) || !strings.Contains(err.Error(), holder) || !strings.Contains(err.Error(), "try again once it has") {
		t.Fatalf("SaveLane while another writes: %v; want ErrLocked naming %q", err, holder)
	}

	var reports []data.Wait
	s.WaitForWriters(time.Minute, func(w data.Wait) {
		reports = append(reports, w)
		release() // the other write ends after the first report
	})
	if _, _, err := s.SaveLane(ctx, data.Lane{Name: "Waited", Color: "#112233"}); err != nil {
		t.Fatalf("SaveLane waiting for the other write: %v", err)
	}
	if len(reports) != 1 || reports[0].Waited < time.Second || !strings.Contains(reports[0].Holder, holder) {
		t.Errorf("reports %+v", reports)
	}
}

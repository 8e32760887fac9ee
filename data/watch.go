package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// ErrLocked means another program, or another connection, is writing to
// the document and did not finish in time.
var ErrLocked = errors.New("another program is writing to the document")

// Wait describes a write of this store's waiting for another program's to
// finish, for WaitForWriters' report.
type Wait struct {
	Waited time.Duration // so far
	Holder string        // the program writing, as "sqlite3 (process 4242)", or "" if not known
}

// waitPolicy is what WaitForWriters set.
type waitPolicy struct {
	limit  time.Duration
	report func(Wait)
}

// WaitForWriters makes the store's writes wait for another program's
// write to finish, for up to limit (or until their context ends), calling
// report, if not nil, every few seconds while they wait. Without it a
// write waits a few seconds (busyTimeout) and then fails with ErrLocked.
// Either way the error names the program writing, where the system tells.
func (s *Store) WaitForWriters(limit time.Duration, report func(Wait)) {
	s.waitFor.Store(&waitPolicy{limit: limit, report: report})
}

// beginWrite begins a write transaction of the store's own, waiting for a
// writer elsewhere as WaitForWriters says. Call done once it has been
// committed or rolled back: Watch counts such transactions, and not the
// changes they make, as this store's.
func (s *Store) beginWrite(ctx context.Context) (tx *sql.Tx, done func(), err error) {
	s.own.writing.Add(1)
	start := time.Now()
	for {
		// SQLite itself waits busyTimeout for the lock before it says busy.
		tx, err = s.db.BeginTx(ctx, nil)
		if err == nil || !isBusy(err) || ctx.Err() != nil {
			break
		}
		w := Wait{Waited: time.Since(start).Round(time.Second), Holder: writerHolding(s.file)}
		p := s.waitFor.Load()
		if p == nil || w.Waited >= p.limit {
			err = lockedError(s.path, w)
			break
		}
		if p.report != nil {
			p.report(w)
		}
	}
	if err != nil {
		s.own.writing.Add(-1)
		return nil, nil, err
	}
	return tx, func() {
		s.own.done.Add(1) // before writing ends: see Watch
		s.own.writing.Add(-1)
		s.checkpointSoon()
	}, nil
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}

// lockedError is ErrLocked for the document at path after w.
func lockedError(path string, w Wait) error {
	who := "another program"
	if w.Holder != "" {
		who = w.Holder
	}
	return fmt.Errorf("%w: %s has been writing to %s for %v and has not finished; try again once it has, or close it",
		ErrLocked, who, filepath.Base(path), max(w.Waited, time.Second))
}

// checkpointEvery is how many writes of the store's own go by between
// its checkpoints: each write of an edit adds a dozen pages or so to the
// log, so that the log stays far under SQLite's thousand.
const checkpointEvery = 16

// checkpointSoon copies what the store's writes added to the write-ahead
// log into the file, on another goroutine and connection, once the write
// that asked has ended. Left to SQLite, the commit that finds the log over
// a thousand pages copies them itself, and in a document of a million
// events that commit (an edit every hundred or so) took about 100 ms
// instead of 1. A passive checkpoint waits for no one and is waited for
// by no one; one that cannot finish, or a request made while one runs and
// after it looked, is left to the next write, or to SQLite's own at a
// thousand pages or at closing: nothing is lost either way, the log being
// the document's until copied.
func (s *Store) checkpointSoon() {
	if s.own.done.Load()%checkpointEvery != 0 {
		return
	}
	if s.readOnly || !s.own.checkpointing.CompareAndSwap(false, true) {
		s.own.again.Store(true)
		return
	}
	// Close waits for the checkpoint, so that no connection is left open
	// when it returns; none starts once it has been called. The checkpoint
	// is not interrupted: a connection interrupted just then may keep
	// SQLite's interrupt pending and fail the checkpoint that its closing,
	// the last, makes, leaving the -wal and -shm files beside the document.
	started := s.life.start(func(context.Context) {
		defer s.own.checkpointing.Store(false)
		for {
			s.own.again.Store(false)
			_, err := s.db.ExecContext(context.Background(), `PRAGMA wal_checkpoint(PASSIVE)`)
			s.own.checkpoints.Add(1) // before checkpointing ends: see Watch
			if err != nil || !s.own.again.Load() {
				return // closed, or nothing more to copy
			}
		}
	})
	if !started {
		s.own.checkpointing.Store(false)
	}
}

// Watch calls changed, on its own goroutine, each time it finds that
// another program or another Store (such as a second window on the same
// file) has written to the document; this Store's own writes do not count.
// It looks every interval until ctx ends or the store is closed, and
// returns an error only if it cannot start. A change made by another at the
// very moment this Store writes may go unnoticed until the next one.
func (s *Store) Watch(ctx context.Context, interval time.Duration, changed func()) error {
	// SQLite's data_version changes on a connection when any other
	// connection, this store's others included, commits to the file.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("data.Watch: %w", err)
	}
	version := func() (int64, error) {
		var v int64
		err := conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v)
		return v, err
	}
	last, err := version()
	if err != nil {
		conn.Close()
		return fmt.Errorf("data.Watch: %w", err)
	}
	lastOwn := s.own.count()
	started := s.life.start(func(closing context.Context) {
		defer conn.Close()
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-closing.Done():
				return
			case <-tick.C:
			}
			v, err := version()
			// Read after the version: an own write or checkpoint that
			// ended before it has counted itself, or is still under way.
			if err != nil || v == last || s.own.busy() {
				continue
			}
			own := s.own.count()
			last = v
			if own != lastOwn {
				lastOwn = own // the change is (at least in part) our own
				continue
			}
			changed()
		}
	})
	if !started {
		conn.Close()
		return errors.New("data.Watch: the document is closed")
	}
	return nil
}

// commit commits tx, a write transaction of the store's own begun by
// beginWrite, with the level-of-detail summary brought up to date with
// the events it changed (applyLODLog), if the document it leaves is within the limits every open
// checks (withinLimits): a write that would break one is refused before it
// commits, with the message opening would give. After the first commit the
// document is switched to WAL mode if it is not in it already (see
// keepInWAL).
func (s *Store) commit(ctx context.Context, tx *sql.Tx) error {
	if err := applyLODLog(ctx, tx); err != nil {
		return err
	}
	if err := withinLimits(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.keepInWAL(ctx)
	return nil
}

// journalIsWAL reports whether the file that q reads is in WAL mode now.
func journalIsWAL(ctx context.Context, q querier) (bool, error) {
	var mode string
	err := q.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode)
	return err == nil && strings.EqualFold(mode, "wal"), err
}

// keepInWAL switches the document to WAL mode, in which Quoteline keeps
// its documents (readers and the writer do not wait for each other), once
// it has been written: a document another program made in another mode is
// not changed by being read. If the switch cannot be made at once (another
// connection is reading), it is tried again after the next write.
func (s *Store) keepInWAL(ctx context.Context) {
	s.journal.mu.Lock()
	defer s.journal.mu.Unlock()
	if s.journal.wal {
		return
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	wal, err := journalIsWAL(ctx, conn)
	if err != nil {
		return
	}
	if wal {
		s.journal.wal = true
		return
	}
	// Without waiting for readers: the write is done, and the switch can wait.
	if _, err := conn.ExecContext(ctx, `PRAGMA busy_timeout = 0`); err != nil {
		return
	}
	defer conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA busy_timeout = %d`, busyTimeout))
	var mode string
	if err := conn.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode); err == nil && strings.EqualFold(mode, "wal") {
		s.journal.wal, s.journal.switched = true, true
	}
}

package data

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// beginWrite begins a write transaction of the store's own. Call done once
// it has been committed or rolled back: Watch counts such transactions, and
// not the changes they make, as this store's.
func (s *Store) beginWrite(ctx context.Context) (tx *sql.Tx, done func(), err error) {
	s.writing.Add(1)
	tx, err = s.db.BeginTx(ctx, nil)
	if err != nil {
		s.writing.Add(-1)
		return nil, nil, err
	}
	return tx, func() {
		s.writes.Add(1) // before writing ends: see Watch
		s.writing.Add(-1)
		s.checkpointSoon()
	}, nil
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
	if s.writes.Load()%checkpointEvery != 0 {
		return
	}
	if s.readOnly || !s.checkpointing.CompareAndSwap(false, true) {
		s.checkpointAgain.Store(true)
		return
	}
	go func() {
		defer s.checkpointing.Store(false)
		for {
			s.checkpointAgain.Store(false)
			if _, err := s.db.ExecContext(context.Background(), `PRAGMA wal_checkpoint(PASSIVE)`); err != nil || !s.checkpointAgain.Load() {
				return // closed, or nothing more to copy
			}
		}
	}()
}

// Watch calls changed, on its own goroutine, each time it finds that
// another program or another Store (such as a second window on the same
// file) has written to the document; this Store's own writes do not count.
// It looks every interval until ctx ends, and returns an error only if it
// cannot start. A change made by another at the very moment this Store
// writes may go unnoticed until the next one.
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
	lastOwn := s.writes.Load()
	go func() {
		defer conn.Close()
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			v, err := version()
			// Read after the version: an own write that committed before
			// it has either counted itself in writes or is still writing.
			if err != nil || v == last || s.writing.Load() > 0 {
				continue
			}
			own := s.writes.Load()
			last = v
			if own != lastOwn {
				lastOwn = own // the change is (at least in part) our own
				continue
			}
			changed()
		}
	}()
	return nil
}

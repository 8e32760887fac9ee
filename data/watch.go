package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
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
	}, nil
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

// commit commits tx, a write transaction of the store's own begun by
// beginWrite, if the document it leaves is within the limits every open
// checks (withinLimits): a write that would break one is refused before it
// commits, with the message opening would give. After the first commit the
// document is switched to WAL mode if it is not in it already (see
// keepInWAL).
func (s *Store) commit(ctx context.Context, tx *sql.Tx) error {
	if err := withinLimits(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.keepInWAL(ctx)
	return nil
}

// keepInWAL switches the document to WAL mode, in which Quoteline keeps
// its documents (readers and the writer do not wait for each other), once
// it has been written: a document another program made in another mode is
// not changed by being read. If the switch cannot be made at once (another
// connection is reading), it is tried again after the next write.
func (s *Store) keepInWAL(ctx context.Context) {
	s.walMu.Lock()
	defer s.walMu.Unlock()
	if s.wal {
		return
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	var mode string
	if err := conn.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
		return
	}
	if strings.EqualFold(mode, "wal") {
		s.wal = true
		return
	}
	// Without waiting for readers: the write is done, and the switch can wait.
	if _, err := conn.ExecContext(ctx, `PRAGMA busy_timeout = 0`); err != nil {
		return
	}
	defer conn.ExecContext(ctx, fmt.Sprintf(`PRAGMA busy_timeout = %d`, busyTimeout))
	if err := conn.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode); err == nil && strings.EqualFold(mode, "wal") {
		s.wal, s.switched = true, true
	}
}

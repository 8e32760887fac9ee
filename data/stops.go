package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxCaptionBytes bounds a stop's caption.
const MaxCaptionBytes = 2000

// Stop is a saved view of a timeline, one step of a presentation: a time
// window, the lanes hidden in it, an optional selected event or quote and
// a caption. Stops are shown in order of Position.
type Stop struct {
	ID       int64
	Position int64
	Caption  string
	// ViewStart and ViewEnd bound the visible window, in seconds since the
	// Unix epoch; ViewEnd is after ViewStart.
	ViewStart, ViewEnd int64
	EventID            int64   // 0 if none
	QuoteID            int64   // 0 if none
	HiddenLanes        []int64 // lane ids, ascending
}

// validate checks the fields a caller sets.
func (st *Stop) validate() error {
	if st.ViewEnd <= st.ViewStart {
		return fmt.Errorf("the view must end after it starts (%d to %d)", st.ViewStart, st.ViewEnd)
	}
	if len(st.Caption) > MaxCaptionBytes {
		return fmt.Errorf("caption is %d bytes long, at most %d allowed", len(st.Caption), MaxCaptionBytes)
	}
	if !utf8.ValidString(st.Caption) {
		return errors.New("caption is not valid UTF-8")
	}
	return nil
}

// Stops returns the document's stops in order.
func (s *Store) Stops(ctx context.Context) ([]Stop, error) { return s.read().stops(ctx) }

func (rd reader) stops(ctx context.Context) ([]Stop, error) {
	var stops []Stop
	at := map[int64]int{}
	err := rd.eachRow(ctx, `SELECT id, position, caption, view_start, view_end, event_id, quote_id
		FROM stop ORDER BY position, id`, nil, func(r *sql.Rows) error {
		var st Stop
		var ev, q sql.NullInt64
		if err := r.Scan(&st.ID, &st.Position, &st.Caption, &st.ViewStart, &st.ViewEnd, &ev, &q); err != nil {
			return err
		}
		st.EventID, st.QuoteID = ev.Int64, q.Int64
		at[st.ID] = len(stops)
		stops = append(stops, st)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("data.Stops: %w", err)
	}
	err = rd.eachRow(ctx, `SELECT stop_id, lane_id FROM stop_hidden_lane ORDER BY stop_id, lane_id`, nil, func(r *sql.Rows) error {
		var stop, lane int64
		if err := r.Scan(&stop, &lane); err != nil {
			return err
		}
		if i, ok := at[stop]; ok {
			stops[i].HiddenLanes = append(stops[i].HiddenLanes, lane)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("data.Stops: %w", err)
	}
	return stops, nil
}

// AddStop appends st to the stops, or, if st.Position is within the
// current stops (0 is the first), inserts it there and moves the later
// ones along. It returns the new stop's id.
func (s *Store) AddStop(ctx context.Context, st Stop) (int64, error) {
	var id int64
	err := s.write(ctx, "data.AddStop", func(tx *sql.Tx) error {
		if err := st.validate(); err != nil {
			return err
		}
		var n int64
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stop`).Scan(&n); err != nil {
			return err
		}
		if st.Position < 0 || st.Position > n {
			st.Position = n
		}
		if err := renumberStops(ctx, tx, -1, st.Position); err != nil {
			return err
		}
		var err error
		id, err = insertStop(ctx, tx, st)
		return err
	})
	return id, err
}

// RestoreStop puts back a stop removed by DeleteStop, with its id and at
// its position: the undo of a deletion.
func (s *Store) RestoreStop(ctx context.Context, st Stop) error {
	return s.write(ctx, "data.RestoreStop", func(tx *sql.Tx) error {
		if err := st.validate(); err != nil {
			return err
		}
		if err := renumberStops(ctx, tx, -1, st.Position); err != nil {
			return err
		}
		_, err := insertStop(ctx, tx, st)
		return err
	})
}

// UpdateStop changes the caption, view, selection and hidden lanes of stop
// st.ID; its position is left as it is (see MoveStop).
func (s *Store) UpdateStop(ctx context.Context, st Stop) error {
	return s.write(ctx, "data.UpdateStop", func(tx *sql.Tx) error {
		if err := st.validate(); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE stop SET caption = ?, view_start = ?, view_end = ?,
			event_id = ?, quote_id = ?, updated_at = ? WHERE id = ?`,
			st.Caption, st.ViewStart, st.ViewEnd, nullID(st.EventID), nullID(st.QuoteID), time.Now().Unix(), st.ID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return stopMissing(st.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM stop_hidden_lane WHERE stop_id = ?`, st.ID); err != nil {
			return err
		}
		return insertHiddenLanes(ctx, tx, st.ID, st.HiddenLanes)
	})
}

// MoveStop moves stop id to position to (0 is the first; past the end
// means last), shifting the stops between.
func (s *Store) MoveStop(ctx context.Context, id, to int64) error {
	return s.write(ctx, "data.MoveStop", func(tx *sql.Tx) error {
		var n int64
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stop`).Scan(&n); err != nil {
			return err
		}
		to = max(0, min(to, n-1))
		// Take the stop out of the order, then make room for it at to.
		res, err := tx.ExecContext(ctx, `UPDATE stop SET position = -1 WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return stopMissing(id, err)
		}
		if err := renumberStops(ctx, tx, id, to); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE stop SET position = ?, updated_at = ? WHERE id = ?`, to, time.Now().Unix(), id)
		return err
	})
}

// DeleteStop removes stop id and returns it as it was, for RestoreStop.
func (s *Store) DeleteStop(ctx context.Context, id int64) (Stop, error) {
	stops, err := s.Stops(ctx)
	if err != nil {
		return Stop{}, fmt.Errorf("data.DeleteStop: %w", err)
	}
	var old Stop
	for i, st := range stops {
		if st.ID == id {
			old = st
			old.Position = int64(i)
		}
	}
	err = s.write(ctx, "data.DeleteStop", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM stop WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return stopMissing(id, err)
		}
		return renumberStops(ctx, tx, -1, -1)
	})
	return old, err
}

// write runs fn in a transaction, refusing on a read-only store, and wraps
// any error with op.
func (s *Store) write(ctx context.Context, op string, fn func(*sql.Tx) error) error {
	if s.readOnly {
		return fmt.Errorf("%s: %w", op, ErrReadOnly)
	}
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	defer done()
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if err := s.commit(ctx, tx); err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return nil
}

// renumberStops gives the stops, other than skip, positions 0, 1, 2… in
// their current order, leaving position gap free (-1 for none).
func renumberStops(ctx context.Context, tx *sql.Tx, skip, gap int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT id FROM stop WHERE id != ? AND position >= 0 ORDER BY position, id`, skip)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	pos := int64(0)
	for _, id := range ids {
		if pos == gap {
			pos++
		}
		if _, err := tx.ExecContext(ctx, `UPDATE stop SET position = ? WHERE id = ?`, pos, id); err != nil {
			return err
		}
		pos++
	}
	return nil
}

// insertStop writes st, with st.ID if it is set, at st.Position.
func insertStop(ctx context.Context, tx *sql.Tx, st Stop) (int64, error) {
	now := time.Now().Unix()
	res, err := tx.ExecContext(ctx, `INSERT INTO stop (id, position, caption, view_start, view_end,
		event_id, quote_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		nullID(st.ID), st.Position, st.Caption, st.ViewStart, st.ViewEnd, nullID(st.EventID), nullID(st.QuoteID), now, now)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, insertHiddenLanes(ctx, tx, id, st.HiddenLanes)
}

func insertHiddenLanes(ctx context.Context, tx *sql.Tx, stop int64, lanes []int64) error {
	for _, l := range lanes {
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO stop_hidden_lane (stop_id, lane_id) VALUES (?, ?)`, stop, l); err != nil {
			return fmt.Errorf("hidden lane %d: %w", l, err)
		}
	}
	return nil
}

// nullID returns nil for 0, so that a missing reference is stored as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func stopMissing(id int64, err error) error {
	if err != nil {
		return err
	}
	return fmt.Errorf("stop %d: %w", id, ErrNotFound)
}

// StopTitle is a short name for a stop in lists: its caption's first line,
// or "Stop n" (n counted from 1) when it has none.
func StopTitle(st Stop, n int) string {
	line, _, _ := strings.Cut(strings.TrimSpace(st.Caption), "\n")
	if line == "" {
		return fmt.Sprintf("Stop %d", n)
	}
	return line
}

package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// The level-of-detail summary (schema version 5, table lod): per lane,
// how many events start, and how many ranges start and end, in each bucket
// of 2^level seconds, at even levels from the document's finest
// (lod_state.level) up to lodTopLevel. It is what a window draws a large
// document from before its events are read: its finest level is some
// thousands of rows whatever the document's size.
//
// Triggers on the event table log every span added or taken away, by
// whatever program, in lod_change; each write of this package's own
// applies that log to the summary and empties it in the same transaction
// (applyLODLog, from commit). A bulk write (gen, import) sets
// lod_state.bulk, which silences the triggers, and builds the summary
// whole before it ends (rebuildLOD), choosing its finest level then. At
// open the summary is read with the log applied in memory; a summary never
// built, a bulk write left unfinished or a log too long to apply makes it
// stale (ErrLODStale).

// lodVersion is the schema version that added the summary.
const lodVersion = 5

const (
	// lodStep is the step between levels: each level's buckets are four
	// times as wide as the last's.
	lodStep = 2
	// lodTopLevel is the coarsest level: buckets of 2^62 seconds.
	lodTopLevel = 62
	// lodFineBuckets is the most buckets, over every lane, the finest
	// level keeps when the summary is built.
	lodFineBuckets = 16384
	// lodSpanBuckets is the most buckets the finest level cuts the whole
	// extent into: a view of all of it, some hundreds of pixel columns
	// wide, shows nothing finer.
	lodSpanBuckets = 2048
	// lodLogLimit is the longest log of changes read at open; a longer
	// one (another program rewrote much of the document) makes the summary
	// stale, to be built again.
	lodLogLimit = 10_000
	// lodReadLimit is the most buckets read at open; more means a summary
	// this package did not write.
	lodReadLimit = 1 << 18
)

// ErrLODStale means a document's level-of-detail summary is missing or out
// of date and must be built again from its events (RebuildLOD).
var ErrLODStale = errors.New("the level-of-detail summary is out of date")

// LOD is a document's level-of-detail summary as read at open: its finest
// level.
type LOD struct {
	Level int                // buckets of 2^Level seconds
	Lanes map[int64]*LODLane // by lane id; lanes without events are absent
	// Events is the number of events counted.
	Events int64
	// Pending is how many changes of the log were applied in memory: the
	// file's summary is behind by them until the next write.
	Pending int
}

// LODLane is a lane's buckets at the summary's finest level, ascending,
// with their counts.
type LODLane struct {
	Buckets []int64
	Starts  []int64 // events that start in the bucket
	RStarts []int64 // ranges that start in it
	REnds   []int64 // ranges that end in it (where the timeline draws their end: Time.EndSeconds)
}

// lodCounts are a bucket's counts: starts, range starts, range ends.
type lodCounts [3]int64

// lodBuilder counts spans into buckets, per lane, at one level: the finest
// that keeps at most lodFineBuckets buckets in all, or a level given (for
// changes to a summary).
type lodBuilder struct {
	level int
	fixed bool
	lanes map[int64]map[int64]*lodCounts
	n     int // buckets
}

func newLODBuilder() *lodBuilder {
	return &lodBuilder{lanes: map[int64]map[int64]*lodCounts{}}
}

// lodBucket returns the bucket of time t at level.
func lodBucket(t float64, level int) int64 {
	return int64(math.Floor(math.Ldexp(t, -level)))
}

// add counts sp, d times (1, or -1 to take it away).
func (b *lodBuilder) add(sp *Span, d int64) {
	start := sp.Start.Seconds()
	b.inc(sp.LaneID, start, 0, d)
	if sp.HasEnd() {
		b.inc(sp.LaneID, start, 1, d)
		b.inc(sp.LaneID, sp.End.EndSeconds(), 2, d)
	}
	for !b.fixed && b.n > lodFineBuckets && b.level < lodTopLevel {
		b.coarsen()
	}
}

// inc adds d to count which of lane's bucket of time t.
func (b *lodBuilder) inc(lane int64, t float64, which int, d int64) {
	buckets := b.lanes[lane]
	if buckets == nil {
		buckets = map[int64]*lodCounts{}
		b.lanes[lane] = buckets
	}
	k := lodBucket(t, b.level)
	c := buckets[k]
	if c == nil {
		c = new(lodCounts)
		buckets[k] = c
		b.n++
	}
	c[which] += d
}

// coarsen moves b one level up: buckets four times as wide.
func (b *lodBuilder) coarsen() {
	b.n = 0
	for lane, buckets := range b.lanes {
		up := make(map[int64]*lodCounts, len(buckets)/2)
		for k, c := range buckets {
			k >>= lodStep // an arithmetic shift: floor division, below zero too
			u := up[k]
			if u == nil {
				u = new(lodCounts)
				up[k] = u
			}
			for i := range c {
				u[i] += c[i]
			}
		}
		b.lanes[lane] = up
		b.n += len(up)
	}
	b.level += lodStep
}

// spread coarsens b until the extent of its buckets, from the first to
// the last, spans at most lodSpanBuckets of them: finer buckets than that
// show nothing more in a view of the whole extent, and a few events could
// otherwise be kept at one bucket a second, at every level.
func (b *lodBuilder) spread() {
	for b.level < lodTopLevel {
		lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
		for _, buckets := range b.lanes {
			for k := range buckets {
				lo, hi = min(lo, k), max(hi, k)
			}
		}
		if lo > hi || float64(hi)-float64(lo) < lodSpanBuckets {
			return
		}
		b.coarsen()
	}
}

// clone returns a copy of b.
func (b *lodBuilder) clone() *lodBuilder {
	c := &lodBuilder{level: b.level, fixed: b.fixed, lanes: make(map[int64]map[int64]*lodCounts, len(b.lanes)), n: b.n}
	for lane, buckets := range b.lanes {
		m := make(map[int64]*lodCounts, len(buckets))
		for k, v := range buckets {
			cp := *v
			m[k] = &cp
		}
		c.lanes[lane] = m
	}
	return c
}

// rebuildLOD builds the summary of every event in tx whole, replacing
// what it held, at the finest level that keeps at most lodFineBuckets
// buckets in all and lodSpanBuckets from the first to the last (see
// spread); it empties the log and marks the summary built, ending any
// bulk write.
func rebuildLOD(ctx context.Context, tx *sql.Tx) error {
	b := newLODBuilder()
	rows, err := tx.QueryContext(ctx, `SELECT id, start, coalesce("end", 0), `+spanFlags+`, lane_id,
		coalesce(earliest_start, start), coalesce(latest_end, start) FROM event ORDER BY start`)
	if err != nil {
		return fmt.Errorf("build the level-of-detail summary: %w", err)
	}
	var sp Span
	for rows.Next() {
		var end, packed, earliest, latest int64
		if err := rows.Scan(&sp.ID, &sp.Start.Unix, &end, &packed, &sp.LaneID, &earliest, &latest); err != nil {
			rows.Close()
			return fmt.Errorf("build the level-of-detail summary: %w", err)
		}
		if err := sp.unpack(end, earliest, latest, packed); err != nil {
			rows.Close()
			return fmt.Errorf("build the level-of-detail summary: %w", err)
		}
		b.add(&sp, 1)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("build the level-of-detail summary: %w", err)
	}
	b.spread()
	for _, q := range []string{`DELETE FROM lod`, `DELETE FROM lod_change`} {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("build the level-of-detail summary: %w", err)
		}
	}
	if err := b.write(ctx, tx); err != nil {
		return fmt.Errorf("build the level-of-detail summary: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE lod_state SET built = 1, bulk = 0, level = ?`, b.level); err != nil {
		return fmt.Errorf("build the level-of-detail summary: %w", err)
	}
	return nil
}

// lodRowsPerInsert is how many buckets one statement of write adds: fewer
// statements cost less than the same rows one at a time.
const lodRowsPerInsert = 100

// lodInsert returns the statement that adds n buckets' counts to the
// summary.
func lodInsert(n int) string {
	return `INSERT INTO lod (lane_id, level, bucket, starts, range_starts, range_ends) VALUES ` +
		strings.TrimSuffix(strings.Repeat("(?, ?, ?, ?, ?, ?), ", n), ", ") +
		` ON CONFLICT (lane_id, level, bucket) DO UPDATE SET
		starts = starts + excluded.starts, range_starts = range_starts + excluded.range_starts,
		range_ends = range_ends + excluded.range_ends`
}

// write adds b's counts to the summary in tx, at every level from b's up
// to lodTopLevel; buckets left with no counts are deleted.
func (b *lodBuilder) write(ctx context.Context, tx *sql.Tx) error {
	full, err := tx.PrepareContext(ctx, lodInsert(lodRowsPerInsert))
	if err != nil {
		return err
	}
	defer full.Close()
	// Rows are written under a context that cannot be cancelled: given one
	// that can, the driver starts a goroutine for every statement (as for
	// an import). ctx is checked between levels.
	rowCtx := context.WithoutCancel(ctx)
	args := make([]any, 0, 6*lodRowsPerInsert)
	flush := func() error {
		if len(args) == 0 {
			return nil
		}
		var err error
		if len(args) == cap(args) {
			_, err = full.ExecContext(rowCtx, args...)
		} else {
			_, err = tx.ExecContext(rowCtx, lodInsert(len(args)/6), args...)
		}
		args = args[:0]
		return err
	}
	l := b.clone()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, lane := range slices.Sorted(maps.Keys(l.lanes)) {
			buckets := l.lanes[lane]
			for _, k := range slices.Sorted(maps.Keys(buckets)) {
				c := buckets[k]
				if *c == (lodCounts{}) {
					continue
				}
				args = append(args, lane, l.level, k, c[0], c[1], c[2])
				if len(args) == cap(args) {
					if err := flush(); err != nil {
						return err
					}
				}
			}
		}
		if l.level >= lodTopLevel {
			break
		}
		l.coarsen()
	}
	if err := flush(); err != nil {
		return err
	}
	if b.fixed {
		_, err = tx.ExecContext(ctx, `DELETE FROM lod WHERE starts = 0 AND range_starts = 0 AND range_ends = 0`)
	}
	return err
}

// readLODLog reads the log of changes not yet applied, up to limit of
// them, into a builder at level, and returns it with the number read.
// More than limit returns ok false.
func readLODLog(ctx context.Context, tx *sql.Tx, level, limit int) (b *lodBuilder, n int, ok bool, err error) {
	b = newLODBuilder()
	b.level, b.fixed = level, true
	rows, err := tx.QueryContext(ctx, `SELECT sign, id, start, coalesce("end", 0), `+spanFlags+`, lane_id,
		coalesce(earliest_start, start), coalesce(latest_end, start) FROM lod_change ORDER BY seq LIMIT ?`, limit+1)
	if err != nil {
		return nil, 0, false, err
	}
	defer rows.Close()
	var sp Span
	for rows.Next() {
		if n++; n > limit {
			return nil, n, false, nil
		}
		var sign, end, packed, earliest, latest int64
		if err := rows.Scan(&sign, &sp.ID, &sp.Start.Unix, &end, &packed, &sp.LaneID, &earliest, &latest); err != nil {
			return nil, n, false, err
		}
		if err := sp.unpack(end, earliest, latest, packed); err != nil {
			return nil, n, false, err
		}
		if sign != 1 && sign != -1 {
			return nil, n, false, fmt.Errorf("a change to the summary of sign %d", sign)
		}
		b.add(&sp, sign)
	}
	return b, n, true, rows.Err()
}

// lodState reads whether the summary is built, whether a bulk write is
// under way, and its finest level. A level no summary of this package's
// has counts as not built.
func lodState(ctx context.Context, tx *sql.Tx) (built, bulk bool, level int, err error) {
	err = tx.QueryRowContext(ctx, `SELECT built <> 0, bulk <> 0, level FROM lod_state`).Scan(&built, &bulk, &level)
	if errors.Is(err, sql.ErrNoRows) {
		return false, false, 0, nil
	}
	if level < 0 || level > lodTopLevel || level%lodStep != 0 {
		built = false
	}
	return built, bulk, level, err
}

// applyLODLog brings the summary in tx up to date with the log of changes,
// and empties the log. A summary not built, or under a bulk write, is left
// as it is (it is built whole later). It runs in every write transaction
// of the store's own, before it commits.
func applyLODLog(ctx context.Context, tx *sql.Tx) error {
	var logged bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM lod_change)`).Scan(&logged); err != nil || !logged {
		return err
	}
	built, bulk, level, err := lodState(ctx, tx)
	if err != nil {
		return fmt.Errorf("update the level-of-detail summary: %w", err)
	}
	if built && !bulk {
		b, _, _, err := readLODLog(ctx, tx, level, math.MaxInt32)
		if err == nil {
			err = b.write(ctx, tx)
		}
		if err != nil {
			return fmt.Errorf("update the level-of-detail summary: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM lod_change`); err != nil {
		return fmt.Errorf("update the level-of-detail summary: %w", err)
	}
	return nil
}

// beginBulk begins a bulk write of events, after which the summary is
// built whole (endBulk, in the same transaction or a later one): it marks
// the summary stale meanwhile and drops the event table's triggers,
// returning the statements that make them again. A trigger costs every
// row written, even one whose WHEN is false (18 µs a row here, twice what
// writing the row costs).
func beginBulk(ctx context.Context, tx *sql.Tx) ([]string, error) {
	if _, err := tx.ExecContext(ctx, `UPDATE lod_state SET bulk = 1`); err != nil {
		return nil, fmt.Errorf("begin a bulk write: %w", err)
	}
	triggers, err := dropObjects(ctx, tx, "trigger", "event")
	if err != nil {
		return nil, fmt.Errorf("begin a bulk write: %w", err)
	}
	return triggers, nil
}

// endBulk ends a bulk write begun by beginBulk: it makes the triggers
// again and builds the summary whole.
func endBulk(ctx context.Context, tx *sql.Tx, triggers []string) error {
	for _, def := range triggers {
		if _, err := tx.ExecContext(ctx, def); err != nil {
			return fmt.Errorf("end a bulk write: %w", err)
		}
	}
	return rebuildLOD(ctx, tx)
}

// LOD reads the document's level-of-detail summary, its finest level,
// with the changes logged since it was written applied to it. It reads
// some thousands of rows however many events there are. A summary missing
// or out of date returns an error wrapping ErrLODStale.
func (s *Store) LOD(ctx context.Context) (*LOD, error) {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("data.LOD: %w", err)
	}
	defer tx.Rollback()
	built, bulk, level, err := lodState(ctx, tx)
	switch {
	case err != nil:
		return nil, fmt.Errorf("data.LOD: %w", corruptOr(err))
	case !built || bulk:
		return nil, fmt.Errorf("data.LOD: %w", ErrLODStale)
	}
	b, pending, ok, err := readLODLog(ctx, tx, level, lodLogLimit)
	switch {
	case err != nil:
		return nil, fmt.Errorf("data.LOD: %w", corruptOr(err))
	case !ok:
		return nil, fmt.Errorf("data.LOD: %d changes since it was written: %w", pending, ErrLODStale)
	}
	rows, err := tx.QueryContext(ctx, `SELECT lane_id, bucket, starts, range_starts, range_ends FROM lod
		WHERE level = ? ORDER BY lane_id, bucket LIMIT ?`, level, lodReadLimit+1)
	if err != nil {
		return nil, fmt.Errorf("data.LOD: %w", corruptOr(err))
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if n++; n > lodReadLimit {
			return nil, fmt.Errorf("data.LOD: more than %d buckets: %w", lodReadLimit, ErrLODStale)
		}
		var lane, k int64
		var c lodCounts
		if err := rows.Scan(&lane, &k, &c[0], &c[1], &c[2]); err != nil {
			return nil, fmt.Errorf("data.LOD: %w", corruptOr(err))
		}
		buckets := b.lanes[lane]
		if buckets == nil {
			buckets = map[int64]*lodCounts{}
			b.lanes[lane] = buckets
		}
		if d := buckets[k]; d != nil { // the logged changes to it
			for i := range c {
				c[i] += d[i]
			}
		}
		buckets[k] = &c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("data.LOD: %w", corruptOr(err))
	}
	out := b.lod()
	out.Pending = pending
	return out, nil
}

// lod returns b's buckets that have counts, as LOD gives them.
func (b *lodBuilder) lod() *LOD {
	out := &LOD{Level: b.level, Lanes: map[int64]*LODLane{}}
	for lane, buckets := range b.lanes {
		l := &LODLane{}
		for _, k := range slices.Sorted(maps.Keys(buckets)) {
			c := buckets[k]
			if *c == (lodCounts{}) {
				continue
			}
			l.Buckets = append(l.Buckets, k)
			l.Starts, l.RStarts, l.REnds = append(l.Starts, c[0]), append(l.RStarts, c[1]), append(l.REnds, c[2])
			out.Events += c[0]
		}
		if len(l.Buckets) > 0 {
			out.Lanes[lane] = l
		}
	}
	return out
}

// LODCurrent reports, without reading it, whether the document's
// level-of-detail summary is up to date as LOD would read it: built, no
// bulk write unfinished, and at most lodLogLimit changes logged since.
func (s *Store) LODCurrent(ctx context.Context) (bool, error) {
	current, err := lodCurrent(ctx, s.db)
	if err != nil {
		return false, fmt.Errorf("data.LODCurrent: %w", corruptOr(err))
	}
	return current, nil
}

// lodCurrent is LODCurrent on db, in one read.
func lodCurrent(ctx context.Context, db *sql.DB) (bool, error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	built, bulk, _, err := lodState(ctx, tx)
	if err != nil || !built || bulk {
		return false, err
	}
	var logged int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM lod_change LIMIT ?)`, lodLogLimit+1).Scan(&logged); err != nil {
		return false, err
	}
	return logged <= lodLogLimit, nil
}

// RebuildLOD builds the document's level-of-detail summary again from its
// events, in one write transaction: for a summary found stale.
func (s *Store) RebuildLOD(ctx context.Context) error {
	return s.write(ctx, "data.RebuildLOD", func(tx *sql.Tx) error { return rebuildLOD(ctx, tx) })
}

package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// More errors returned, wrapped, by the editing methods.
var (
	// ErrInvalid means an edit was refused because a field is not valid;
	// the error is a *FieldError naming the field.
	ErrInvalid = errors.New("invalid")
	// ErrInUse means a record cannot be deleted while others refer to it.
	ErrInUse = errors.New("still in use")
	// ErrConflict means an undo or redo was refused because the records it
	// would restore were changed meanwhile (by another window or program).
	ErrConflict = errors.New("changed elsewhere since")
)

// FieldError says which field of a record is not valid and why. It matches
// ErrInvalid with errors.Is.
type FieldError struct {
	Record string // "event", "lane", ...
	Field  string // "title", "start", ...
	Reason string
}

func (e *FieldError) Error() string { return e.Record + " " + e.Field + ": " + e.Reason }

// Is makes a FieldError match ErrInvalid.
func (e *FieldError) Is(target error) bool { return target == ErrInvalid }

// invalid returns a *FieldError.
func invalid(record, field, format string, args ...any) error {
	return &FieldError{Record: record, Field: field, Reason: fmt.Sprintf(format, args...)}
}

// Row is one table row as stored: column name to value (int64, float64,
// string, []byte or nil).
type Row map[string]any

// rowOp changes one row from Before to After; a nil Row means the row does
// not exist, so a nil Before inserts and a nil After deletes.
type rowOp struct {
	table         string
	key           []any // values of the table's primary key columns
	before, after Row
}

// Edit is one committed change to a document, kept as the rows it changed
// with their values before and after. Its Inverse undoes it. Edits name
// rows by their primary keys, so they stay valid after the document is
// closed and opened again.
type Edit struct {
	// Name says what the edit did, for menus: "Move event".
	Name string
	ops  []rowOp
}

// Inverse returns the edit that undoes e, with the same name.
func (e *Edit) Inverse() *Edit {
	inv := &Edit{Name: e.Name, ops: make([]rowOp, len(e.ops))}
	for i, op := range e.ops {
		inv.ops[len(e.ops)-1-i] = rowOp{table: op.table, key: op.key, before: op.after, after: op.before}
	}
	return inv
}

// Empty reports whether e changes nothing.
func (e *Edit) Empty() bool { return len(e.ops) == 0 }

// Events returns the ids of the events whose rows e changes (inserts,
// updates or deletes), ascending.
func (e *Edit) Events() []int64 { return e.ids("event") }

// Delta returns how many rows e adds to each table Counts counts: with
// them a document's counts follow its edits without counting the rows
// again (a count of a million events reads an index of them all). Rows
// deleted count as negative.
func (e *Edit) Delta() Counts {
	var c Counts
	for _, op := range e.ops {
		d := 0
		switch {
		case op.before == nil && op.after != nil:
			d = 1
		case op.before != nil && op.after == nil:
			d = -1
		}
		switch op.table {
		case "lane":
			c.Lanes += d
		case "event":
			c.Events += d
		case "quote":
			c.Quotes += d
		case "source":
			c.Sources += d
		case "actor":
			c.Actors += d
		}
	}
	return c
}

// Periods returns the ids of the periods whose rows e changes, ascending.
func (e *Edit) Periods() []int64 { return e.ids("period") }

// Lanes returns the ids of the lanes whose rows e changes, ascending.
func (e *Edit) Lanes() []int64 { return e.ids("lane") }

// Actors returns the ids of the actors whose rows e changes, ascending.
func (e *Edit) Actors() []int64 { return e.ids("actor") }

// Sources returns the ids of the sources whose rows e changes, ascending.
func (e *Edit) Sources() []int64 { return e.ids("source") }

// Quotes returns the ids of the quotes whose rows e changes, ascending.
func (e *Edit) Quotes() []int64 { return e.ids("quote") }

// Relinked returns the ids of the events whose links to quotes or sources
// e adds, changes or removes, ascending.
func (e *Edit) Relinked() []int64 {
	ids := append(e.ids("event_quote"), e.ids("event_source")...)
	slices.Sort(ids)
	return slices.Compact(ids)
}

func (e *Edit) ids(table string) []int64 {
	var ids []int64
	for _, op := range e.ops {
		if op.table == table {
			if id, ok := op.key[0].(int64); ok && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

// tableKeys are the primary key columns of the tables edits change.
var tableKeys = map[string][]string{
	"lane": {"id"}, "actor": {"id"}, "source": {"id"}, "quote": {"id"}, "event": {"id"}, "tag": {"id"}, "period": {"id"},
	"event_quote":  {"event_id", "quote_id"},
	"event_source": {"event_id", "source_id"},
	"event_actor":  {"event_id", "actor_id"},
	"event_tag":    {"event_id", "tag_id"},
}

// ftsOf says which full-text table indexes a table, and the columns it
// copies, in the full-text table's order.
var ftsOf = map[string]struct {
	table string
	cols  []string
}{
	"event":  {"event_fts", []string{"title", "summary"}},
	"quote":  {"quote_fts", []string{"text"}},
	"source": {"source_fts", []string{"title", "text"}},
}

// recorder applies row changes in a transaction and records them.
type recorder struct {
	ctx context.Context
	tx  *sql.Tx
	ops []rowOp
}

// keyWhere returns "a = ? AND b = ?" for the table's key.
func keyWhere(table string) string {
	cols := tableKeys[table]
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = `"` + c + `" = ?`
	}
	return strings.Join(parts, " AND ")
}

// read returns the row of table with key, or nil if there is none.
func (r *recorder) read(table string, key []any) (Row, error) {
	rows, err := r.tx.QueryContext(r.ctx, `SELECT * FROM "`+table+`" WHERE `+keyWhere(table), key...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	if err := rows.Scan(ptrs...); err != nil {
		return nil, err
	}
	row := make(Row, len(cols))
	for i, c := range cols {
		if b, ok := vals[i].([]byte); ok {
			vals[i] = string(b)
		}
		row[c] = vals[i]
	}
	return row, rows.Err()
}

// write makes the row of table with key hold after (nil deletes it),
// checking first that it holds want unless check is false, and records the
// change. It returns the row as stored.
func (r *recorder) write(table string, key []any, after Row, want Row, check bool) (Row, error) {
	before, err := r.read(table, key)
	if err != nil {
		return nil, err
	}
	if check && !sameRow(before, want) {
		return nil, fmt.Errorf("%s %v: %w", table, keyText(key), ErrConflict)
	}
	if before == nil && after == nil {
		return nil, nil
	}
	switch {
	case after == nil:
		_, err = r.tx.ExecContext(r.ctx, `DELETE FROM "`+table+`" WHERE `+keyWhere(table), key...)
	case before == nil:
		cols := sortedCols(after)
		args := make([]any, len(cols))
		for i, c := range cols {
			args[i] = after[c]
		}
		_, err = r.tx.ExecContext(r.ctx, `INSERT INTO "`+table+`" ("`+strings.Join(cols, `", "`)+`") VALUES (?`+
			strings.Repeat(", ?", len(cols)-1)+`)`, args...)
	default:
		cols := sortedCols(after)
		sets := make([]string, len(cols))
		args := make([]any, 0, len(cols)+len(key))
		for i, c := range cols {
			sets[i] = `"` + c + `" = ?`
			args = append(args, after[c])
		}
		_, err = r.tx.ExecContext(r.ctx, `UPDATE "`+table+`" SET `+strings.Join(sets, ", ")+` WHERE `+keyWhere(table), append(args, key...)...)
	}
	if err != nil {
		return nil, err
	}
	stored, err := r.read(table, key)
	if err != nil {
		return nil, err
	}
	if !sameRow(before, stored) {
		r.ops = append(r.ops, rowOp{table: table, key: key, before: before, after: stored})
	}
	return stored, nil
}

// put writes row, keyed by its own key columns, recording the change.
func (r *recorder) put(table string, row Row) error {
	_, err := r.write(table, keyOf(table, row), row, nil, false)
	return err
}

// del deletes the row with key, if there is one, recording it.
func (r *recorder) del(table string, key ...any) error {
	_, err := r.write(table, key, nil, nil, false)
	return err
}

// insert adds a row to a table keyed by "id", letting SQLite choose the id,
// and records it.
func (r *recorder) insert(table string, row Row) (int64, error) {
	cols := sortedCols(row)
	args := make([]any, len(cols))
	for i, c := range cols {
		args[i] = row[c]
	}
	res, err := r.tx.ExecContext(r.ctx, `INSERT INTO "`+table+`" ("`+strings.Join(cols, `", "`)+`") VALUES (?`+
		strings.Repeat(", ?", len(cols)-1)+`)`, args...)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	stored, err := r.read(table, []any{id})
	if err != nil {
		return 0, err
	}
	r.ops = append(r.ops, rowOp{table: table, key: []any{id}, after: stored})
	return id, nil
}

// ids returns the first column of every row query returns.
func (r *recorder) ids(query string, args ...any) ([]int64, error) {
	rows, err := r.tx.QueryContext(r.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// syncFTS brings the full-text entries of every event, quote and source
// the recorded changes touched up to date.
func (r *recorder) syncFTS() error {
	done := map[string]bool{}
	for _, op := range r.ops {
		f, ok := ftsOf[op.table]
		if !ok {
			continue
		}
		id := op.key[0]
		k := fmt.Sprint(op.table, id)
		if done[k] {
			continue
		}
		done[k] = true
		if _, err := r.tx.ExecContext(r.ctx, `DELETE FROM "`+f.table+`" WHERE docid = ?`, id); err != nil {
			return fmt.Errorf("full-text index: %w", err)
		}
		row, err := r.read(op.table, []any{id})
		if err != nil {
			return err
		}
		if row == nil {
			continue
		}
		args := []any{id}
		for _, c := range f.cols {
			args = append(args, row[c])
		}
		if _, err := r.tx.ExecContext(r.ctx, `INSERT INTO "`+f.table+`" (docid, "`+strings.Join(f.cols, `", "`)+`") VALUES (?`+
			strings.Repeat(", ?", len(f.cols))+`)`, args...); err != nil {
			return fmt.Errorf("full-text index: %w", err)
		}
	}
	return nil
}

func keyOf(table string, row Row) []any {
	cols := tableKeys[table]
	key := make([]any, len(cols))
	for i, c := range cols {
		key[i] = row[c]
	}
	return key
}

func keyText(key []any) string {
	parts := make([]string, len(key))
	for i, k := range key {
		parts[i] = fmt.Sprint(k)
	}
	return strings.Join(parts, "/")
}

func sortedCols(row Row) []string {
	cols := make([]string, 0, len(row))
	for c := range row {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	return cols
}

// sameRow reports whether two rows hold the same values; nil means no row.
func sameRow(a, b Row) bool {
	if (a == nil) != (b == nil) {
		return false
	}
	return reflect.DeepEqual(normal(a), normal(b))
}

// normal gives a row's values one Go type per SQLite type.
func normal(r Row) Row {
	out := make(Row, len(r))
	for c, v := range r {
		switch x := v.(type) {
		case []byte:
			v = string(x)
		case bool:
			v = int64(0)
			if x {
				v = int64(1)
			}
		case int:
			v = int64(x)
		}
		out[c] = v
	}
	return out
}

// edit runs fn in one immediate transaction, keeps the full-text index in
// step and commits; it returns what changed as an Edit named name.
func (s *Store) edit(ctx context.Context, op, name string, fn func(r *recorder) error) (*Edit, error) {
	if s.readOnly {
		return nil, fmt.Errorf("data.%s: %w", op, ErrReadOnly)
	}
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return nil, fmt.Errorf("data.%s: %w", op, err)
	}
	defer done()
	defer tx.Rollback()
	r := &recorder{ctx: ctx, tx: tx}
	if err := fn(r); err != nil {
		return nil, fmt.Errorf("data.%s: %w", op, err)
	}
	if err := r.syncFTS(); err != nil {
		return nil, fmt.Errorf("data.%s: %w", op, err)
	}
	if err := s.commit(ctx, tx); err != nil {
		return nil, fmt.Errorf("data.%s: %w", op, err)
	}
	return &Edit{Name: name, ops: r.ops}, nil
}

// Apply carries out e in one transaction, typically the Inverse of an edit
// to undo it, or of an undo to redo the edit. Every row must still hold
// what e expects to find; if another window or program changed one
// meanwhile, nothing is written and the error wraps ErrConflict.
func (s *Store) Apply(ctx context.Context, e *Edit) error {
	_, err := s.edit(ctx, "Apply", e.Name, func(r *recorder) error {
		for _, op := range e.ops {
			if _, err := r.write(op.table, op.key, op.after, op.before, true); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}

package data

/*
#include <stdlib.h>

// The few SQLite functions the span reader and the row writer call. They
// are the ones of the SQLite that github.com/mattn/go-sqlite3 builds into
// the program, declared here rather than taken from a header that may not
// be installed.
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
int sqlite3_open_v2(const char *filename, sqlite3 **db, int flags, const char *vfs);
int sqlite3_close_v2(sqlite3 *db);
int sqlite3_busy_timeout(sqlite3 *db, int ms);
int sqlite3_limit(sqlite3 *db, int id, int value);
const char *sqlite3_errmsg(sqlite3 *db);
int sqlite3_exec(sqlite3 *db, const char *sql, void *callback, void *arg, char **errmsg);
void sqlite3_interrupt(sqlite3 *db);
int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int n, sqlite3_stmt **stmt, const char **tail);
int sqlite3_bind_int64(sqlite3_stmt *stmt, int i, long long v);
int sqlite3_bind_null(sqlite3_stmt *stmt, int i);
int sqlite3_bind_text(sqlite3_stmt *stmt, int i, const char *text, int n, void *destructor);
int sqlite3_clear_bindings(sqlite3_stmt *stmt);
int sqlite3_reset(sqlite3_stmt *stmt);
int sqlite3_step(sqlite3_stmt *stmt);
int sqlite3_column_type(sqlite3_stmt *stmt, int i);
long long sqlite3_column_int64(sqlite3_stmt *stmt, int i);
int sqlite3_finalize(sqlite3_stmt *stmt);

enum { openReadOnly = 0x1, openReadWrite = 0x2, openURI = 0x40, openNoMutex = 0x8000, openNoFollow = 0x01000000 };
enum { stepRow = 100, stepDone = 101, typeInteger = 1 };
enum { rowInt = 0, rowText = 1, rowNull = 2 };

// span_rows steps stmt for at most max rows of cols integer columns,
// writing them row after row to out. It returns the rows written. It stops
// early at the end of the rows (*done is set), at a column that is not an
// integer (*bad is set to its index, counted from 1, and *bad_id to the
// row's first column), or at an error (*rc is set to SQLite's code).
static int span_rows(sqlite3_stmt *stmt, int cols, long long *out, int max, int *done, int *bad, long long *bad_id, int *rc) {
	int n = 0;
	while (n < max) {
		int r = sqlite3_step(stmt);
		if (r == stepDone) {
			*done = 1;
			return n;
		}
		if (r != stepRow) {
			*rc = r;
			return n;
		}
		for (int k = 0; k < cols; k++) {
			if (sqlite3_column_type(stmt, k) != typeInteger) {
				*bad = k + 1;
				*bad_id = sqlite3_column_int64(stmt, 0);
				return n;
			}
			out[n * cols + k] = sqlite3_column_int64(stmt, k);
		}
		n++;
	}
	return n;
}

// insert_rows runs stmt, an INSERT of cols parameters, once for each of
// rows rows. Value k of the rows, row after row, is of kinds[k]: NULL, the
// integer vals[k], or the lens[k] bytes of text at text + vals[k]. It
// returns the rows written: fewer than rows if one failed, with *rc set to
// SQLite's code. No binding is left pointing into the caller's memory.
static int insert_rows(sqlite3_stmt *stmt, int rows, int cols, const unsigned char *kinds,
		const long long *vals, const int *lens, const char *text, int *rc) {
	int r;
	for (r = 0; r < rows; r++) {
		for (int c = 0; c < cols; c++) {
			int k = r * cols + c, b;
			switch (kinds[k]) {
			case rowNull:
				b = sqlite3_bind_null(stmt, c + 1);
				break;
			case rowText:
				b = sqlite3_bind_text(stmt, c + 1, text + vals[k], lens[k], 0); // 0 is SQLITE_STATIC
				break;
			default:
				b = sqlite3_bind_int64(stmt, c + 1, vals[k]);
			}
			if (b != 0) {
				*rc = b;
				goto out;
			}
		}
		int s = sqlite3_step(stmt);
		sqlite3_reset(stmt);
		if (s != stepDone) {
			*rc = s;
			goto out;
		}
	}
out:
	sqlite3_clear_bindings(stmt);
	return r;
}
*/
import "C"

import (
	"context"
	"fmt"
	"unsafe"
)

// spanRowsBatch is how many rows of spans one call into SQLite reads.
const spanRowsBatch = 4096

// spanRows reads the rows of query, whose columns are all integers, on a
// read-only SQLite connection of its own to the store's file, in batches:
// one call into C per batch, not per row or value, which is what reading
// a million spans through database/sql costs most. fn gets each batch,
// row after row of cols values. The query's parameters are args.
func (s *Store) spanRows(ctx context.Context, query string, cols int, args []int64, fn func(rows []int64) error) error {
	a := readOnly
	if s.access == immutable {
		a = immutable
	}
	c, err := openC(s.file, a)
	if err != nil {
		return err
	}
	defer c.close()
	return c.queryInts(ctx, query, cols, args, fn)
}

// queryInts runs query, whose cols columns are all integers, with the
// parameters args, and gives fn the rows in batches of up to
// spanRowsBatch, row after row of cols values.
func (c *cConn) queryInts(ctx context.Context, query string, cols int, args []int64, fn func(rows []int64) error) error {
	db := c.db
	csql := C.CString(query)
	defer C.free(unsafe.Pointer(csql))
	var stmt *C.sqlite3_stmt
	if rc := C.sqlite3_prepare_v2(db, csql, -1, &stmt, nil); rc != 0 {
		return fmt.Errorf("prepare: %w", sqliteError(db, rc))
	}
	defer C.sqlite3_finalize(stmt)
	for i, a := range args {
		if rc := C.sqlite3_bind_int64(stmt, C.int(i+1), C.longlong(a)); rc != 0 {
			return fmt.Errorf("bind: %w", sqliteError(db, rc))
		}
	}
	buf := make([]int64, spanRowsBatch*cols)
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		var done, bad, rc C.int
		var badID C.longlong
		n := int(C.span_rows(stmt, C.int(cols), (*C.longlong)(unsafe.Pointer(&buf[0])), spanRowsBatch, &done, &bad, &badID, &rc))
		if n > 0 {
			if err := fn(buf[:n*cols]); err != nil {
				return err
			}
		}
		switch {
		case bad != 0:
			return fmt.Errorf("event %d: column %d of its span is not an integer", int64(badID), int(bad))
		case rc != 0:
			return fmt.Errorf("step: %w", sqliteError(db, rc))
		case done != 0:
			return nil
		}
	}
}

// cError is an error SQLite returned on a connection of cConn's.
type cError struct {
	code int // SQLite's result code
	msg  string
}

func (e *cError) Error() string { return fmt.Sprintf("%s (SQLite code %d)", e.msg, e.code) }

// sqliteError describes SQLite's error code rc on db.
func sqliteError(db *C.sqlite3, rc C.int) error {
	msg := "out of memory"
	if db != nil {
		msg = C.GoString(C.sqlite3_errmsg(db))
	}
	return &cError{code: int(rc), msg: msg}
}

// cConn is a connection to a document opened outside database/sql, for
// the few jobs where database/sql's cost per row and value is most of the
// work: reading spans and writing a new document's events. It has the
// limits and pragmas of every connection (setUpConn).
type cConn struct{ db *C.sqlite3 }

// openC opens the file at path with a.
func openC(path string, a access) (*cConn, error) {
	uri, err := fileURI(path, a)
	if err != nil {
		return nil, err
	}
	flags := C.int(C.openURI | C.openNoMutex | C.openNoFollow)
	if a == readWrite {
		flags |= C.openReadWrite
	} else {
		flags |= C.openReadOnly
	}
	curi := C.CString(uri)
	defer C.free(unsafe.Pointer(curi))
	var db *C.sqlite3
	if rc := C.sqlite3_open_v2(curi, &db, flags, nil); rc != 0 {
		err := sqliteError(db, rc)
		C.sqlite3_close_v2(db) // also after a failed open, as SQLite asks
		if a == readWrite {
			return nil, fmt.Errorf("open for writing: %w", err)
		}
		return nil, fmt.Errorf("open for reading: %w", err)
	}
	c := &cConn{db: db}
	C.sqlite3_busy_timeout(db, busyTimeout)
	err = setUpConn(func(id, value int) { C.sqlite3_limit(db, C.int(id), C.int(value)) }, c.exec)
	if err != nil {
		c.close()
		return nil, fmt.Errorf("set up the connection: %w", err)
	}
	return c, nil
}

func (c *cConn) close() { C.sqlite3_close_v2(c.db) }

// exec runs one or more statements that return no rows.
func (c *cConn) exec(query string) error {
	csql := C.CString(query)
	defer C.free(unsafe.Pointer(csql))
	if rc := C.sqlite3_exec(c.db, csql, nil, nil, nil); rc != 0 {
		return sqliteError(c.db, rc)
	}
	return nil
}

// execContext is exec that stops, with ctx's error, when ctx ends.
func (c *cConn) execContext(ctx context.Context, query string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, func() { C.sqlite3_interrupt(c.db) })
	err := c.exec(query)
	if !stop() && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// rowInserter runs one INSERT statement for many rows, a batch at a time:
// one call into C per batch, not one per value as database/sql makes.
type rowInserter struct {
	c    *cConn
	stmt *C.sqlite3_stmt
	cols int
}

// inserter prepares query, an INSERT of cols parameters.
func (c *cConn) inserter(query string, cols int) (*rowInserter, error) {
	csql := C.CString(query)
	defer C.free(unsafe.Pointer(csql))
	var stmt *C.sqlite3_stmt
	if rc := C.sqlite3_prepare_v2(c.db, csql, -1, &stmt, nil); rc != 0 {
		return nil, fmt.Errorf("prepare: %w", sqliteError(c.db, rc))
	}
	return &rowInserter{c: c, stmt: stmt, cols: cols}, nil
}

func (ins *rowInserter) close() { C.sqlite3_finalize(ins.stmt) }

// insert writes the rows gathered in b and empties it. If a row fails, it
// returns how many were written before it and SQLite's error.
func (ins *rowInserter) insert(b *rowBatch) (int, error) {
	defer b.reset()
	if len(b.kinds)%ins.cols != 0 {
		return 0, fmt.Errorf("insert: %d values are not rows of %d", len(b.kinds), ins.cols)
	}
	rows := len(b.kinds) / ins.cols
	if rows == 0 {
		return 0, nil
	}
	var rc C.int
	n := int(C.insert_rows(ins.stmt, C.int(rows), C.int(ins.cols),
		(*C.uchar)(unsafe.SliceData(b.kinds)), (*C.longlong)(unsafe.SliceData(b.vals)),
		(*C.int)(unsafe.SliceData(b.lens)), (*C.char)(unsafe.Pointer(unsafe.SliceData(b.text))), &rc))
	if n < rows {
		return n, sqliteError(ins.c.db, rc)
	}
	return n, nil
}

// rowBatch gathers the values of rows for insert_rows, value after value.
// It is a rowValues.
type rowBatch struct {
	kinds []uint8
	vals  []int64
	lens  []int32
	text  []byte // never nil, so that an empty text is not taken for NULL
}

func newRowBatch() *rowBatch { return &rowBatch{text: make([]byte, 0, 1<<16)} }

func (b *rowBatch) reset() {
	b.kinds, b.vals, b.lens, b.text = b.kinds[:0], b.vals[:0], b.lens[:0], b.text[:0]
}

func (b *rowBatch) Int(v int64) {
	b.kinds, b.vals, b.lens = append(b.kinds, C.rowInt), append(b.vals, v), append(b.lens, 0)
}

func (b *rowBatch) Null() {
	b.kinds, b.vals, b.lens = append(b.kinds, C.rowNull), append(b.vals, 0), append(b.lens, 0)
}

func (b *rowBatch) Text(s string) {
	b.kinds, b.vals, b.lens = append(b.kinds, C.rowText), append(b.vals, int64(len(b.text))), append(b.lens, int32(len(s)))
	b.text = append(b.text, s...)
}

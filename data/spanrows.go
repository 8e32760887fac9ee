package data

/*
#include <stdlib.h>

// The few SQLite functions the span reader calls. They are the ones of the
// SQLite that github.com/mattn/go-sqlite3 builds into the program, declared
// here rather than taken from a header that may not be installed.
typedef struct sqlite3 sqlite3;
typedef struct sqlite3_stmt sqlite3_stmt;
int sqlite3_open_v2(const char *filename, sqlite3 **db, int flags, const char *vfs);
int sqlite3_close_v2(sqlite3 *db);
int sqlite3_busy_timeout(sqlite3 *db, int ms);
const char *sqlite3_errmsg(sqlite3 *db);
int sqlite3_prepare_v2(sqlite3 *db, const char *sql, int n, sqlite3_stmt **stmt, const char **tail);
int sqlite3_bind_int64(sqlite3_stmt *stmt, int i, long long v);
int sqlite3_step(sqlite3_stmt *stmt);
int sqlite3_column_type(sqlite3_stmt *stmt, int i);
long long sqlite3_column_int64(sqlite3_stmt *stmt, int i);
int sqlite3_finalize(sqlite3_stmt *stmt);

enum { spanOpenReadOnly = 0x1, spanOpenURI = 0x40, spanOpenNoMutex = 0x8000 };
enum { spanRow = 100, spanDone = 101, spanInteger = 1 };

// span_rows steps stmt for at most max rows of cols integer columns,
// writing them row after row to out. It returns the rows written. It stops
// early at the end of the rows (*done is set), at a column that is not an
// integer (*bad is set to its index, counted from 1, and *bad_id to the
// row's first column), or at an error (*rc is set to SQLite's code).
static int span_rows(sqlite3_stmt *stmt, int cols, long long *out, int max, int *done, int *bad, long long *bad_id, int *rc) {
	int n = 0;
	while (n < max) {
		int r = sqlite3_step(stmt);
		if (r == spanDone) {
			*done = 1;
			return n;
		}
		if (r != spanRow) {
			*rc = r;
			return n;
		}
		for (int k = 0; k < cols; k++) {
			if (sqlite3_column_type(stmt, k) != spanInteger) {
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
*/
import "C"

import (
	"context"
	"fmt"
	"path/filepath"
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
	abs, err := filepath.Abs(s.path)
	if err != nil {
		return err
	}
	uri := "file:" + uriPath(abs) + "?mode=ro"
	if s.immutable {
		uri += "&immutable=1"
	}
	curi := C.CString(uri)
	defer C.free(unsafe.Pointer(curi))
	var db *C.sqlite3
	rc := C.sqlite3_open_v2(curi, &db, C.spanOpenReadOnly|C.spanOpenURI|C.spanOpenNoMutex, nil)
	defer C.sqlite3_close_v2(db) // also after a failed open, as SQLite asks
	if rc != 0 {
		return fmt.Errorf("open for reading: %s", sqliteError(db, rc))
	}
	C.sqlite3_busy_timeout(db, 5000)
	csql := C.CString(query)
	defer C.free(unsafe.Pointer(csql))
	var stmt *C.sqlite3_stmt
	if rc := C.sqlite3_prepare_v2(db, csql, -1, &stmt, nil); rc != 0 {
		return fmt.Errorf("prepare: %s", sqliteError(db, rc))
	}
	defer C.sqlite3_finalize(stmt)
	for i, a := range args {
		if rc := C.sqlite3_bind_int64(stmt, C.int(i+1), C.longlong(a)); rc != 0 {
			return fmt.Errorf("bind: %s", sqliteError(db, rc))
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
			return fmt.Errorf("step: %s", sqliteError(db, rc))
		case done != 0:
			return nil
		}
	}
}

// sqliteError describes SQLite's error code rc on db.
func sqliteError(db *C.sqlite3, rc C.int) error {
	msg := "out of memory"
	if db != nil {
		msg = C.GoString(C.sqlite3_errmsg(db))
	}
	return fmt.Errorf("%s (SQLite code %d)", msg, int(rc))
}

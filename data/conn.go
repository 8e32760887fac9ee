package data

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/mattn/go-sqlite3"
)

// connPragmas are run on every new connection, whatever opens it (see
// setUpConn). trusted_schema=OFF keeps SQL functions and virtual tables
// named in an untrusted schema from running with side effects;
// cell_size_check=ON has SQLite check each page's cells as it reads them,
// so that a damaged page is an error rather than a crash; mmap_size=0 keeps
// a file that another program truncates from faulting the process.
const connPragmas = `PRAGMA trusted_schema=OFF; PRAGMA cell_size_check=ON; PRAGMA mmap_size=0; PRAGMA foreign_keys=ON;`

// connLimits are SQLite's run-time limits every connection gets (see
// setUpConn): no single text or blob longer than MaxValueBytes, read or
// written.
var connLimits = []struct{ id, value int }{
	{sqlite3.SQLITE_LIMIT_LENGTH, MaxValueBytes},
}

// busyTimeout is how long, in milliseconds, a connection waits for a lock
// another holds before SQLite gives up with "database is locked".
const busyTimeout = 5000

// setUpConn gives a new connection the limits and pragmas every connection
// to a document has: those of database/sql (registerDriver) and those this
// package opens itself (openC) alike. setLimit sets one of SQLite's limits;
// exec runs statements.
func setUpConn(setLimit func(id, value int), exec func(query string) error) error {
	for _, l := range connLimits {
		setLimit(l.id, l.value)
	}
	return exec(connPragmas)
}

var registerOnce sync.Once

// registerDriver registers the quoteline_sqlite3 driver once per process.
func registerDriver() {
	registerOnce.Do(func() {
		sql.Register(driverName, &sqlite3.SQLiteDriver{
			ConnectHook: func(c *sqlite3.SQLiteConn) error {
				return setUpConn(func(id, value int) { c.SetLimit(id, value) }, func(query string) error {
					_, err := c.Exec(query, nil)
					return err
				})
			},
		})
	})
}

// access says how a connection opens a document's file.
type access int

const (
	// readWrite reads and writes, with SQLite's locks and journals.
	readWrite access = iota
	// readOnly reads with SQLite's locks and writes nothing (mode=ro).
	// SQLite may still create a -shm file beside a WAL-mode file whose
	// -wal has content and no -shm: see viewOf.
	readOnly
	// immutable reads a file that nothing changes while it is read,
	// without locks and without looking for a -wal beside it
	// (mode=ro&immutable=1): it creates nothing beside the file.
	immutable
)

// fileURI returns the SQLite URI of the file at p opened with a, followed
// by the query parameters extra.
func fileURI(p string, a access, extra ...string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var q []string
	switch a {
	case readOnly:
		q = append(q, "mode=ro")
	case immutable:
		q = append(q, "mode=ro", "immutable=1")
	}
	q = append(q, extra...)
	uri := "file:" + uriPath(abs)
	if len(q) > 0 {
		uri += "?" + strings.Join(q, "&")
	}
	return uri, nil
}

// uriPath escapes an absolute file path for the path part of an SQLite
// file: URI, percent-encoding every byte but unreserved characters and '/'.
func uriPath(p string) string {
	p = filepath.ToSlash(p)
	if len(p) >= 2 && p[1] == ':' { // a Windows drive letter
		p = "/" + p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
			c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || c == ':' {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// dsn returns the database/sql data source name for the file at p opened
// with a, followed by the driver's parameters extra. The journal mode is
// left as the file has it: a document is switched to WAL by its first write
// (see Store.commit), not by being read.
func dsn(p string, a access, extra ...string) (string, error) {
	return fileURI(p, a, append([]string{fmt.Sprintf("_busy_timeout=%d", busyTimeout), "_txlock=immediate", "_foreign_keys=on"}, extra...)...)
}

// openDB opens a database handle on the file at p and checks that it
// connects.
func openDB(ctx context.Context, p string, a access, extra ...string) (*sql.DB, error) {
	registerDriver()
	name, err := dsn(p, a, extra...)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(driverName, name)
	if err != nil {
		return nil, err
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

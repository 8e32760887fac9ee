package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mattn/go-sqlite3"
)

// ApplicationID is the SQLite application_id of every Quoteline document:
// 0x51544C4E, "QTLN" in ASCII.
const ApplicationID = 0x51544C4E

// SchemaVersion is the SQLite user_version of documents this package writes
// and the newest it can open.
const SchemaVersion = 4

// driverName is the database/sql driver registered by this package.
const driverName = "quoteline_sqlite3"

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

// connPragmas are run on every new connection. trusted_schema=OFF keeps
// SQL functions and virtual tables named in an untrusted schema from
// running with side effects.
const connPragmas = `PRAGMA trusted_schema=OFF; PRAGMA cell_size_check=ON; PRAGMA mmap_size=0; PRAGMA foreign_keys=ON;`

//go:embed migrations/*.sql
var migrationFS embed.FS

var registerOnce sync.Once

// registerDriver registers the quoteline_sqlite3 driver once per process.
func registerDriver() {
	registerOnce.Do(func() {
		sql.Register(driverName, &sqlite3.SQLiteDriver{
			ConnectHook: func(c *sqlite3.SQLiteConn) error {
				c.SetLimit(sqlite3.SQLITE_LIMIT_LENGTH, MaxValueBytes)
				_, err := c.Exec(connPragmas, nil)
				return err
			},
		})
	})
}

// Store is an open Quoteline document. Its methods are safe for concurrent
// use.
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool
	// immutable is true for a read-only document opened as one that
	// nothing else can change (see dsn).
	immutable bool
	// writes counts this store's own write transactions as they end and
	// writing those under way, so that Watch can tell them from others'.
	writes, writing atomic.Int64
	// checkpointing is true while a checkpoint of the store's own runs;
	// checkpointAgain asks it for another (see checkpointSoon).
	checkpointing, checkpointAgain atomic.Bool
}

// Path returns the path the store was opened with.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the document was opened read-only because the
// file or its directory is not writable.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Close closes the document.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("data.Close: %w", err)
	}
	return nil
}

// Title returns the document's title, or "" if it has none.
func (s *Store) Title(ctx context.Context) (string, error) {
	var title string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, "title").Scan(&title)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("data.Title: %w", err)
	}
	return title, nil
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

// dsn returns the data source name for the file at p. The read-write form
// uses WAL; the read-only form opens with mode=ro, and with immutable=1 too
// when immutable is true.
func dsn(p string, readOnly, immutable bool) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	q := "file:" + uriPath(abs) + "?_busy_timeout=5000&_txlock=immediate&_foreign_keys=on"
	if readOnly {
		q += "&mode=ro"
		if immutable {
			q += "&immutable=1"
		}
	} else {
		q += "&_journal_mode=WAL"
	}
	return q, nil
}

// openDB opens a database handle and checks that it connects.
func openDB(ctx context.Context, p string, readOnly, immutable bool) (*sql.DB, error) {
	registerDriver()
	name, err := dsn(p, readOnly, immutable)
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

// Create creates a new, empty document at path, which must not exist. The
// document is built in a temporary file in the same directory and renamed
// into place, so a failure leaves nothing behind.
func Create(ctx context.Context, path string) (*Store, error) {
	return createWith(ctx, path, nil)
}

// createWith creates a document at path, runs fill (if not nil) on it
// before it is moved into place, and opens the result.
func createWith(ctx context.Context, path string, fill func(*Store) error) (*Store, error) {
	fail := func(err error) (*Store, error) {
		return nil, fmt.Errorf("create %q: %w", path, err)
	}
	if _, err := os.Lstat(path); err == nil {
		return fail(ErrExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fail(err)
	}
	removeStaleTemps(path)
	f, err := os.CreateTemp(filepath.Dir(path), tempPattern(path))
	if err != nil {
		return fail(err)
	}
	tmp := f.Name()
	f.Close()
	cleanup := func() {
		for _, suffix := range []string{"", "-journal", "-wal", "-shm"} {
			os.Remove(tmp + suffix)
		}
	}
	err = buildFile(ctx, tmp, fill)
	if err == nil {
		// The file was written without syncing (see buildFile): it reaches
		// the disk here, before it takes the document's name.
		err = syncFile(tmp)
	}
	if err != nil {
		cleanup()
		return fail(err)
	}
	// Link fails if path has appeared meanwhile; rename would replace it.
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			cleanup()
			return fail(ErrExists)
		}
		if _, statErr := os.Lstat(path); statErr == nil {
			cleanup()
			return fail(ErrExists)
		}
		if err := os.Rename(tmp, path); err != nil {
			cleanup()
			return fail(err)
		}
	}
	cleanup()
	syncDir(filepath.Dir(path))
	// The file was built here, so the integrity check every document gets
	// when opened (PRAGMA quick_check, a read of the whole file: a second
	// at a million events) is left out; every other check is made.
	ms, err := schemaMigrations()
	if err != nil {
		return nil, fmt.Errorf("data.Create: %w", err)
	}
	s, _, err := openWith(ctx, path, ms, true)
	if err != nil {
		return nil, fmt.Errorf("data.Create: %w", err)
	}
	return s, nil
}

// buildFile migrates the empty database at tmp to SchemaVersion and runs
// fill. The file is private to this process until it is renamed into
// place, and is removed if anything fails, so it is written without the
// costs that protect a document others can see: the rollback journal is
// kept in memory (a rollback still works; a crash leaves only a temporary
// file, which is removed later) and nothing is synced, which the caller
// does once at the end (syncFile). Its connections skip SQLite's own
// locking (_mutex=no), which database/sql makes unneeded by never using a
// connection from two goroutines at once. The file is complete once closed.
func buildFile(ctx context.Context, tmp string, fill func(*Store) error) error {
	registerDriver()
	abs, err := filepath.Abs(tmp)
	if err != nil {
		return err
	}
	db, err := sql.Open(driverName, "file:"+uriPath(abs)+
		"?_busy_timeout=5000&_txlock=immediate&_foreign_keys=on&_journal_mode=MEMORY&_synchronous=OFF&_mutex=no")
	if err != nil {
		return err
	}
	s := &Store{db: db, path: tmp}
	ms, err := schemaMigrations()
	if err == nil {
		err = migrate(ctx, db, ms)
	}
	if err == nil {
		_, err = db.ExecContext(ctx, `INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)`,
			"created", time.Now().UTC().Format(time.RFC3339))
	}
	if err == nil && fill != nil {
		err = fill(s)
	}
	if err == nil {
		// Documents are kept in WAL mode (see dsn). Switching to it here,
		// not when the document is first opened under its name, means
		// that nothing writes the document once it has its name.
		_, err = db.ExecContext(ctx, "PRAGMA journal_mode = WAL")
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncFile writes the file at path through to the disk.
func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a new name in the directory dir durable, where the system
// supports it (not on Windows, where opening a directory fails).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Open opens an existing document. It first runs, without writing
// anything, the validation Check runs: a regular file within the size
// limits, an SQLite database with Quoteline's application_id, a schema
// version this package understands with exactly the schema Quoteline makes,
// passing PRAGMA quick_check. It then opens the document for reading and
// writing, or read-only if the file or its directory is not writable (see
// ReadOnly). A document of an older schema version is upgraded, after a
// backup copy is written beside it.
func Open(ctx context.Context, path string) (*Store, error) {
	ms, err := schemaMigrations()
	if err != nil {
		return nil, fmt.Errorf("open %q: %w", path, err)
	}
	s, _, err := openWith(ctx, path, ms, false)
	return s, err
}

// OpenChecking is Open without the integrity check (PRAGMA quick_check,
// which reads the whole file): every other check is done before it
// returns, and the integrity check is left to check, which the caller runs
// when it chooses, as soon as it has shown what it read. check runs on a
// connection of its own and returns nil, or an error (ErrCorrupt if the
// file is damaged). Until it has returned nil, the caller must not write to
// the document nor trust it beyond showing it, and must refuse it if the
// check fails. A document that needs upgrading is checked whole first.
func OpenChecking(ctx context.Context, path string) (s *Store, check func(context.Context) error, err error) {
	ms, err := schemaMigrations()
	if err != nil {
		return nil, nil, fmt.Errorf("open %q: %w", path, err)
	}
	return openWith(ctx, path, ms, true)
}

// openWith is Open, or OpenChecking when deferCheck is true, with the
// schema migrations ms, the last of which is the version the document is
// brought up to.
func openWith(ctx context.Context, path string, ms []migration, deferCheck bool) (*Store, func(context.Context) error, error) {
	fail := func(err error) (*Store, func(context.Context) error, error) {
		return nil, nil, fmt.Errorf("open %q: %w", path, err)
	}
	in, err := inspect(ctx, path, ms, !deferCheck)
	if err == nil && deferCheck && in.Version < in.Latest {
		// A document that needs migrating is checked whole before it is written.
		err, deferCheck = quickCheckFile(ctx, path, in.immutable), false
	}
	if err != nil {
		return fail(err)
	}
	immutable, version := in.immutable, in.Version

	readOnly := !writable(path)
	db, err := openDB(ctx, path, readOnly, immutable && readOnly)
	if err != nil {
		return fail(err)
	}
	s := &Store{db: db, path: path, readOnly: readOnly, immutable: immutable && readOnly}
	if version < in.Latest {
		if readOnly {
			db.Close()
			return fail(fmt.Errorf("%w: schema version %d needs upgrading to %d", ErrReadOnly, version, in.Latest))
		}
		if err := upgrade(ctx, s, version, ms); err != nil {
			db.Close()
			return fail(err)
		}
	}
	checked := func(context.Context) error { return nil }
	if !deferCheck {
		return s, checked, nil
	}
	check := func(ctx context.Context) error {
		if err := quickCheckFile(ctx, path, immutable && readOnly); err != nil {
			return fmt.Errorf("open %q: %w", path, err)
		}
		return nil
	}
	return s, check, nil
}

// writable reports whether the file at path can be opened for writing and
// its directory can take new files (WAL needs -wal and -shm files beside
// the document). Neither probe changes the document.
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	f.Close()
	// Named as the temporary files are, so that a probe left by a process
	// killed right here is cleared as they are (removeStaleTemps).
	probe, err := os.CreateTemp(filepath.Dir(path), tempPattern(path))
	if err != nil {
		return false
	}
	name := probe.Name()
	probe.Close()
	os.Remove(name)
	return true
}

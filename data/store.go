package data

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
)

// ApplicationID is the SQLite application_id of every Quoteline document:
// 0x51544C4E, "QTLN" in ASCII.
const ApplicationID = 0x51544C4E

// SchemaVersion is the SQLite user_version of documents this package writes
// and the newest it can open.
const SchemaVersion = 2

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
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
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
	if err := buildFile(ctx, tmp, fill); err != nil {
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
	s, err := Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("data.Create: %w", err)
	}
	return s, nil
}

// buildFile migrates the empty database at tmp to SchemaVersion in
// rollback-journal mode, so the file is complete once closed, and runs fill.
func buildFile(ctx context.Context, tmp string, fill func(*Store) error) error {
	registerDriver()
	abs, err := filepath.Abs(tmp)
	if err != nil {
		return err
	}
	db, err := sql.Open(driverName, "file:"+uriPath(abs)+"?_busy_timeout=5000&_txlock=immediate&_foreign_keys=on&_journal_mode=DELETE")
	if err != nil {
		return err
	}
	s := &Store{db: db, path: tmp}
	err = migrate(ctx, db)
	if err == nil {
		_, err = db.ExecContext(ctx, `INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)`,
			"created", time.Now().UTC().Format(time.RFC3339))
	}
	if err == nil && fill != nil {
		err = fill(s)
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// migration is one numbered schema script.
type migration struct {
	version int
	name    string
}

// migrations lists the embedded migration scripts in order.
func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(e.Name(), ".sql") {
			return nil, fmt.Errorf("bad migration name %q", e.Name())
		}
		ms = append(ms, migration{version: v, name: path.Join("migrations", e.Name())})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	return ms, nil
}

// migrate applies, in one transaction, every migration newer than the
// database's user_version, and sets user_version in the same transaction.
func migrate(ctx context.Context, db *sql.DB) error {
	ms, err := migrations()
	if err != nil {
		return fmt.Errorf("data.migrate: %w", err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("data.migrate: %w", err)
	}
	defer tx.Rollback()
	var current int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&current); err != nil {
		return fmt.Errorf("data.migrate: %w", err)
	}
	applied := false
	for _, m := range ms {
		if m.version <= current {
			continue
		}
		script, err := migrationFS.ReadFile(m.name)
		if err != nil {
			return fmt.Errorf("data.migrate: %w", err)
		}
		if _, err := tx.ExecContext(ctx, string(script)); err != nil {
			return fmt.Errorf("data.migrate: %s: %w", m.name, err)
		}
		// PRAGMA takes no parameters; the version is an integer we control.
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			return fmt.Errorf("data.migrate: %s: %w", m.name, err)
		}
		applied = true
	}
	if !applied {
		return nil
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("data.migrate: %w", err)
	}
	return nil
}

// Open opens an existing document. It first checks, without writing
// anything, that path is a regular file holding an SQLite database with
// Quoteline's application_id, a schema version this package understands,
// and that it passes PRAGMA quick_check. It then opens the document for
// reading and writing, or read-only if the file or its directory is not
// writable (see ReadOnly).
func Open(ctx context.Context, path string) (*Store, error) {
	s, _, err := open(ctx, path, false)
	return s, err
}

// OpenChecking is Open without the integrity check (PRAGMA quick_check,
// which reads the whole file): every other check is done before it
// returns, and the integrity check is left to check, which the caller runs
// when it chooses, as soon as it has shown what it read. check runs on a
// connection of its own and returns nil, or an error (ErrCorrupt if the
// file is damaged). Until it has returned nil, the caller must not write to
// the document nor trust it beyond showing it, and must refuse it if the
// check fails.
func OpenChecking(ctx context.Context, path string) (s *Store, check func(context.Context) error, err error) {
	return open(ctx, path, true)
}

// open is Open, or OpenChecking when deferCheck is true.
func open(ctx context.Context, path string, deferCheck bool) (*Store, func(context.Context) error, error) {
	fail := func(err error) (*Store, func(context.Context) error, error) {
		return nil, nil, fmt.Errorf("open %q: %w", path, err)
	}
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fail(ErrNotFound)
	}
	if err != nil {
		return fail(err)
	}
	if !info.Mode().IsRegular() {
		return fail(fmt.Errorf("%w (not a regular file)", ErrNotQuoteline))
	}
	hdr, err := readHeader(path)
	if err != nil {
		return fail(err)
	}
	if !bytes.HasPrefix(hdr, []byte(sqliteHeader)) {
		return fail(fmt.Errorf("%w (not a SQLite database)", ErrNotQuoteline))
	}
	// The header holds user_version and application_id too; refuse what
	// it already shows to be foreign before SQLite opens the file at all.
	if len(hdr) >= 72 {
		if id := binary.BigEndian.Uint32(hdr[68:72]); id != ApplicationID {
			return fail(fmt.Errorf("%w (application_id 0x%08X)", ErrNotQuoteline, id))
		}
	}
	walHeader := len(hdr) >= 20 && hdr[18] == 2 && hdr[19] == 2
	_, walErr := os.Lstat(path + "-wal")
	// A WAL-mode file with no WAL beside it is complete in itself: read it
	// as immutable so that checking it creates no -wal or -shm files.
	immutable := walHeader && errors.Is(walErr, fs.ErrNotExist)

	// A document that needs migrating is checked whole before it is written.
	version, err := validate(ctx, path, immutable, !deferCheck)
	if err == nil && deferCheck && version < SchemaVersion {
		err, deferCheck = quickCheckFile(ctx, path, immutable), false
	}
	if err != nil {
		return fail(err)
	}

	readOnly := !writable(path)
	db, err := openDB(ctx, path, readOnly, immutable && readOnly)
	if err != nil {
		return fail(err)
	}
	s := &Store{db: db, path: path, readOnly: readOnly}
	if version < SchemaVersion {
		if readOnly {
			db.Close()
			return fail(fmt.Errorf("%w: schema version %d needs upgrading to %d", ErrReadOnly, version, SchemaVersion))
		}
		if err := migrate(ctx, db); err != nil {
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

// readHeader returns the first 100 bytes of the file (fewer if it is
// shorter).
func readHeader(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	hdr := make([]byte, 100)
	n, err := io.ReadFull(f, hdr)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return hdr[:n], nil
}

// validate checks the document on a read-only connection and returns its
// schema version. quick adds PRAGMA quick_check, which reads the whole file.
func validate(ctx context.Context, path string, immutable, quick bool) (int, error) {
	db, err := openDB(ctx, path, true, immutable)
	if err != nil {
		return 0, corruptOr(err)
	}
	defer db.Close()
	var appID uint32
	var version int
	if err := db.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&appID); err != nil {
		return 0, corruptOr(err)
	}
	if appID != ApplicationID {
		return 0, fmt.Errorf("%w (application_id 0x%08X)", ErrNotQuoteline, appID)
	}
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return 0, corruptOr(err)
	}
	if version > SchemaVersion {
		return 0, fmt.Errorf("%w (document schema version %d, this version of Quoteline reads up to %d)", ErrTooNew, version, SchemaVersion)
	}
	if version < 1 {
		return 0, fmt.Errorf("%w (schema version %d)", ErrNotQuoteline, version)
	}
	if err := checkSchema(ctx, db); err != nil {
		return 0, err
	}
	if quick {
		if err := quickCheck(ctx, db); err != nil {
			return 0, err
		}
	}
	return version, nil
}

// quickCheckFile runs PRAGMA quick_check on a read-only connection of its own.
func quickCheckFile(ctx context.Context, path string, immutable bool) error {
	db, err := openDB(ctx, path, true, immutable)
	if err != nil {
		return corruptOr(err)
	}
	defer db.Close()
	return quickCheck(ctx, db)
}

// quickCheck runs PRAGMA quick_check, SQLite's check of the whole file's
// structure, and returns ErrCorrupt with its first finding if it fails.
func quickCheck(ctx context.Context, db *sql.DB) error {
	var result string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&result); err != nil {
		return corruptOr(err)
	}
	if result != "ok" {
		return fmt.Errorf("%w: %s", ErrCorrupt, result)
	}
	return nil
}

// schemaTables are the tables every Quoteline document has.
var schemaTables = []string{"meta", "lane", "actor", "source", "quote", "event", "event_quote",
	"event_source", "event_actor", "tag", "event_tag", "event_fts", "quote_fts", "source_fts"}

// checkSchema refuses a document whose schema Quoteline did not write:
// views and triggers (code planted in the file, which could run on every
// query or loop forever) and missing tables.
func checkSchema(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT type, name FROM sqlite_schema`)
	if err != nil {
		return corruptOr(err)
	}
	defer rows.Close()
	tables := map[string]bool{}
	for rows.Next() {
		var typ, name string
		if err := rows.Scan(&typ, &name); err != nil {
			return corruptOr(err)
		}
		switch typ {
		case "view", "trigger":
			return fmt.Errorf("%w (it holds a %s, %q, and Quoteline documents never do)", ErrNotQuoteline, typ, name)
		case "table":
			tables[name] = true
		}
	}
	if err := rows.Err(); err != nil {
		return corruptOr(err)
	}
	for _, t := range schemaTables {
		if !tables[t] {
			return fmt.Errorf("%w (table %q is missing)", ErrNotQuoteline, t)
		}
	}
	return nil
}

// corruptOr marks SQLite's corruption errors as ErrCorrupt and returns
// other errors unchanged.
func corruptOr(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrCorrupt || se.Code == sqlite3.ErrNotADB) {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	return err
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
	probe, err := os.CreateTemp(filepath.Dir(path), ".quoteline-probe-*")
	if err != nil {
		return false
	}
	name := probe.Name()
	probe.Close()
	os.Remove(name)
	return true
}

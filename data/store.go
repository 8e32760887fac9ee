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
	"sync"
	"sync/atomic"
	"time"
)

// ApplicationID is the SQLite application_id of every Quoteline document:
// 0x51544C4E, "QTLN" in ASCII.
const ApplicationID = 0x51544C4E

// SchemaVersion is the SQLite user_version of documents this package writes
// and the newest it can open.
const SchemaVersion = 5

// driverName is the database/sql driver registered by this package.
const driverName = "quoteline_sqlite3"

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\x00"

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is an open Quoteline document. Its methods are safe for concurrent
// use.
type Store struct {
	db   *sql.DB
	path string // the document's path, as given
	// file is the file the connections open: path itself, or a private
	// copy of it when reading it in place would write to it or beside it
	// (see view). access is how they open it.
	file   string
	access access
	// readOnly is true when the store refuses to write: the file or its
	// folder is not writable, or it was opened with OpenReadOnly.
	readOnly bool
	// temp is a folder of private copies, removed by Close.
	temp string
	// unverified is set while the document's pages and rows have not all
	// been checked: it was opened without that check (OpenReadOnly), or
	// with it left to later (OpenChecking) and it has not yet passed.
	// Meanwhile the reads check the rows they return (see verifyRows), and
	// an export checks every row first (VerifyRows).
	unverified atomic.Bool
	// upgraded says what opening the document did to it, if anything.
	upgraded Upgrade
	// journal is what the store knows of the file's journal mode.
	journal journalState
	// own is what the store knows of its own writes.
	own ownWrites
	// waitFor says how writes wait for another writer (WaitForWriters).
	waitFor atomic.Pointer[waitPolicy]
	// life ends the store's Watch goroutines and checkpoints when it is
	// closed.
	life lifetime
}

// journalState is whether a store's file is known to be in WAL mode, and
// whether the store switched it (see commit).
type journalState struct {
	mu            sync.Mutex
	wal, switched bool
}

// ownWrites counts a store's own write transactions, so that Watch can
// tell them from others', and runs its checkpoints (see checkpointSoon).
type ownWrites struct {
	// done counts the writes as they end, writing those under way.
	done, writing atomic.Int64
	// checkpointing is true while a checkpoint runs; again asks it for
	// another.
	checkpointing, again atomic.Bool
	// checkpoints counts the checkpoints run, which another connection may
	// see as a change to the file as it sees a write: Watch counts them as
	// the store's own.
	checkpoints atomic.Int64
}

// count returns how many writes and checkpoints of the store's own have
// ended.
func (o *ownWrites) count() int64 { return o.done.Load() + o.checkpoints.Load() }

// busy reports whether a write or a checkpoint of the store's own is under
// way.
func (o *ownWrites) busy() bool { return o.writing.Load() > 0 || o.checkpointing.Load() }

// lifetime is a store's being open: the goroutines of its own that use
// its connections (its Watch goroutines and its checkpoints), which Close
// ends and waits for, so that every connection is closed when it returns.
type lifetime struct {
	mu     sync.Mutex
	ended  bool
	ctx    context.Context // ends when the store closes; made when first needed
	cancel context.CancelFunc
	tasks  sync.WaitGroup
}

// contextLocked returns the context that ends when the store closes. The
// caller holds mu.
func (l *lifetime) contextLocked() context.Context {
	if l.ctx == nil {
		l.ctx, l.cancel = context.WithCancel(context.Background())
	}
	return l.ctx
}

// start runs task on a goroutine of its own, which end waits for, with a
// context that ends when the store closes; once the store is closing it
// runs nothing and returns false.
func (l *lifetime) start(task func(closing context.Context)) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ended {
		return false
	}
	ctx := l.contextLocked()
	l.tasks.Go(func() { task(ctx) })
	return true
}

// end ends the context start's tasks are given and waits for them. No
// task starts once it has been called.
func (l *lifetime) end() {
	l.mu.Lock()
	l.ended = true
	if l.cancel != nil {
		l.cancel()
	}
	l.mu.Unlock()
	l.tasks.Wait()
}

// Path returns the path the store was opened with.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether the store refuses to write: the document was
// opened with OpenReadOnly, or the file or its directory is not writable.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Upgrade says what opening a document of an older schema version did.
type Upgrade struct {
	From, To int    // the schema versions before and after; From is 0 if there was no upgrade
	Backup   string // the copy of the document as it was, written beside it
}

// Upgraded returns what opening the document did to bring it up to this
// version of Quoteline: the zero Upgrade if it was already.
func (s *Store) Upgraded() Upgrade { return s.upgraded }

// SwitchedToWAL reports whether this store switched the document to WAL
// mode, which a document takes at its first write (see commit): documents
// made by other programs may come in another journal mode, and are not
// changed by being read.
func (s *Store) SwitchedToWAL() bool {
	s.journal.mu.Lock()
	defer s.journal.mu.Unlock()
	return s.journal.switched
}

// Close ends the store's watches (see Watch) and its background checkpoint
// (see checkpointSoon), waiting for them, closes the document, and
// removes any private copy it was read from. Every connection to the file
// is closed when it returns, but those of reads still under way, which
// close as they end.
func (s *Store) Close() error {
	s.life.end()
	err := s.db.Close()
	if err == nil && s.access == readWrite {
		s.endLog()
	}
	if s.temp != "" {
		os.RemoveAll(s.temp)
	}
	if err != nil {
		return fmt.Errorf("data.Close: %w", err)
	}
	return nil
}

// endLog ends the write-ahead log left beside the document once the
// store's connections are closed. The last connection to close copies the
// log into the file and removes it and the -shm file, but not one whose
// read was cancelled: SQLite's interrupt, still pending on it, stops that
// copy too. One connection opened and closed again ends it, unless
// another program has the document open: the log is then its to end.
func (s *Store) endLog() {
	if _, err := os.Lstat(s.file + "-wal"); err != nil {
		return
	}
	if db, err := openDB(context.Background(), s.file, readWrite); err == nil {
		db.Close()
	}
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
	s.unverified.Store(false) // its rows are the ones written here
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
	db, err := openDB(ctx, tmp, readWrite, "_journal_mode=MEMORY", "_synchronous=OFF", "_mutex=no")
	if err != nil {
		return err
	}
	s := &Store{db: db, path: tmp, file: tmp, access: readWrite}
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
		// What fill wrote, on whatever connection, is held to the limits
		// every open checks, before the file can take its name.
		err = withinLimits(ctx, db)
	}
	if err == nil {
		// Documents are kept in WAL mode (see Store.commit). Switching to it
		// here, not when the document is first written under its name,
		// means that nothing writes the document once it has its name.
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

// Open opens an existing document for reading and writing. It first runs,
// without writing anything, the validation Check runs: a regular file
// within the size limits, an SQLite database with Quoteline's
// application_id, a schema version this package understands with exactly
// the schema Quoteline makes, passing PRAGMA quick_check and the checks of
// every row's values. It then opens the document for reading and writing,
// or read-only if the file or its directory is not writable (see
// ReadOnly). A document of an older schema version is upgraded, after a
// backup copy is written beside it (see Upgraded). Opening changes nothing
// else in the file: its first write switches it to WAL mode if it is not
// in it already (see SwitchedToWAL).
//
// Open is for a document the user means to change; OpenReadOnly reads one
// without changing it.
func Open(ctx context.Context, path string) (*Store, error) {
	ms, err := schemaMigrations()
	if err != nil {
		return nil, fmt.Errorf("open %q: %w", path, err)
	}
	s, _, err := openWith(ctx, path, ms, false)
	return s, err
}

// OpenChecking is Open without the integrity check (PRAGMA quick_check,
// which reads the whole file, and the checks of every row's values): every
// other check is done before it returns, and the integrity check is left
// to check, which the caller runs when it chooses, as soon as it has shown
// what it read. check runs on a connection of its own and returns nil, or
// an error (ErrCorrupt if the file is damaged). Until it has returned nil,
// the caller must not write to the document nor trust it beyond showing it,
// and must refuse it if the check fails. A document that needs upgrading is
// checked whole first.
func OpenChecking(ctx context.Context, path string) (s *Store, check func(context.Context) error, err error) {
	ms, err := schemaMigrations()
	if err != nil {
		return nil, nil, fmt.Errorf("open %q: %w", path, err)
	}
	return openWith(ctx, path, ms, true)
}

// OpenReadOnly opens an existing document for reading only, and never
// changes a byte of it nor leaves a file beside it: not even SQLite's -wal
// or -shm files, nor the switch to WAL mode or the upgrade Open makes. It
// makes every check Check makes but those that read the whole file (see
// Inspect), so that a command reading a few rows of a large document does
// not read all of it: instead every read checks the rows it returns, as the
// full check would (naming the first bad one), SQLite's own errors on a
// damaged page it meets are ErrCorrupt as the full check's are, and an
// export checks every row first (VerifyRows). A document that cannot be
// read in place without writing (one left with a -wal file and no -shm
// beside it, or with the rollback journal of an unfinished change) is read
// from a private copy, as is one of an older schema version, which is
// checked whole and read as this version of Quoteline would upgrade it.
// The store refuses every write with ErrReadOnly.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	ms, err := schemaMigrations()
	if err != nil {
		return nil, fmt.Errorf("open %q: %w", path, err)
	}
	s, _, err := openReadOnlyWith(ctx, path, ms, true)
	return s, err
}

// openReadOnlyWith is OpenReadOnly with the schema migrations ms; with
// deferCheck, as OpenChecking leaves the integrity check of a document of
// this version to check (one of an older version is checked whole before
// it is upgraded in its copy). Without it check does nothing.
func openReadOnlyWith(ctx context.Context, path string, ms []migration, deferCheck bool) (*Store, func(context.Context) error, error) {
	in, deferCheck, err := inspectOpening(ctx, path, ms, deferCheck)
	if err != nil {
		return nil, nil, fmt.Errorf("open %q: %w", path, err)
	}
	v := in.view
	if in.Version < in.Latest {
		up, err := upgradedCopy(ctx, v, ms)
		v.release()
		if err != nil {
			return nil, nil, fmt.Errorf("open %q: reading schema version %d as version %d: %w", path, in.Version, in.Latest, err)
		}
		v = up
	}
	return viewStore(ctx, path, v, deferCheck)
}

// inspectOpening inspects the document at path for opening it (see
// inspect), with its integrity check unless deferCheck; a document that
// needs upgrading is checked whole whatever deferCheck says. It returns
// whether the integrity check is still to be made. After an error it has
// released the view.
func inspectOpening(ctx context.Context, path string, ms []migration, deferCheck bool) (inspection, bool, error) {
	in, err := inspect(ctx, path, ms, !deferCheck)
	if err == nil && deferCheck && in.Version < in.Latest {
		// A document that needs migrating is checked whole before it is written.
		err, deferCheck = quickCheckFile(ctx, in.view.file, in.view.access), false
	}
	if err != nil {
		in.view.release()
	}
	return in, deferCheck, err
}

// viewStore opens a read-only store of the document at path through its
// view v, which it then owns, with the integrity check left to check if
// deferCheck (else check does nothing).
func viewStore(ctx context.Context, path string, v view, deferCheck bool) (*Store, func(context.Context) error, error) {
	db, err := openDB(ctx, v.file, v.access)
	if err != nil {
		v.release()
		return nil, nil, fmt.Errorf("open %q: %w", path, corruptOr(err))
	}
	s := &Store{db: db, path: path, file: v.file, access: v.access, readOnly: true, temp: v.temp}
	return s, s.laterCheck(v.file, v.access, deferCheck), nil
}

// laterCheck returns the integrity check of s's document, read as file
// with a, to be made when the caller chooses, and marks s unverified until
// it has passed; or, unless deferCheck, one that does nothing, the document
// being checked already.
func (s *Store) laterCheck(file string, a access, deferCheck bool) func(context.Context) error {
	if !deferCheck {
		return func(context.Context) error { return nil }
	}
	s.unverified.Store(true)
	return func(ctx context.Context) error {
		if err := quickCheckFile(ctx, file, a); err != nil {
			return fmt.Errorf("open %q: %w", s.path, err)
		}
		s.unverified.Store(false)
		return nil
	}
}

// openWith is Open, or OpenChecking when deferCheck is true, with the
// schema migrations ms, the last of which is the version the document is
// brought up to.
func openWith(ctx context.Context, path string, ms []migration, deferCheck bool) (*Store, func(context.Context) error, error) {
	fail := func(err error) (*Store, func(context.Context) error, error) {
		return nil, nil, fmt.Errorf("open %q: %w", path, err)
	}
	in, deferCheck, err := inspectOpening(ctx, path, ms, deferCheck)
	if err != nil {
		return fail(err)
	}
	if !writable(path) {
		// Read as OpenReadOnly reads, from a private copy if need be.
		if in.Version < in.Latest {
			in.view.release()
			return fail(fmt.Errorf("%w: schema version %d needs upgrading to %d", ErrReadOnly, in.Version, in.Latest))
		}
		return viewStore(ctx, path, in.view, deferCheck)
	}
	// The document itself is opened: SQLite finishes here, in place, what
	// the view of it did on a private copy (see viewOf).
	in.view.release()
	db, err := openDB(ctx, path, readWrite)
	if err != nil {
		return fail(corruptOr(err))
	}
	s := &Store{db: db, path: path, file: path, access: readWrite}
	if in.Version < in.Latest {
		up, err := upgrade(ctx, s, in.Version, ms)
		if err != nil {
			db.Close()
			return fail(err)
		}
		s.upgraded = up
	}
	return s, s.laterCheck(path, readOnly, deferCheck), nil
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

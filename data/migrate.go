package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// migration is one numbered schema script.
type migration struct {
	version int
	name    string
	script  string
}

// loadMigrations reads the numbered scripts NNNN_name.sql in the folder
// "migrations" of fsys, in order of version. Versions must start at 1 and
// have no gaps, so that a document's user_version names exactly the scripts
// that made its schema.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, "migrations")
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
		name := "migrations/" + e.Name()
		script, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{version: v, name: name, script: string(script)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: want version %d", m.name, i+1)
		}
	}
	return ms, nil
}

// schemaMigrations returns the migrations embedded in the program. Their
// last version is SchemaVersion.
func schemaMigrations() ([]migration, error) {
	return loadMigrations(migrationFS)
}

// latest returns the schema version the migrations ms lead to.
func latest(ms []migration) int {
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies, in one transaction, every migration of ms newer than the
// database's user_version, and sets user_version in the same transaction:
// either the whole upgrade is written or none of it. It runs on one
// connection with foreign keys off, as SQLite prescribes for a migration
// that rebuilds a table others refer to (the only way to change a
// constraint), and checks every reference before it commits.
func migrate(ctx context.Context, db *sql.DB, ms []migration) (err error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("data.migrate: %w", err)
	}
	defer conn.Close()
	// foreign_keys cannot change inside a transaction: it is set before.
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		return fmt.Errorf("data.migrate: %w", err)
	}
	defer func() {
		if _, ferr := conn.ExecContext(context.WithoutCancel(ctx), `PRAGMA foreign_keys = ON`); ferr != nil {
			// Never give the pool back a connection without its checks.
			conn.Raw(func(any) error { return driver.ErrBadConn })
			if err == nil {
				err = fmt.Errorf("data.migrate: %w", ferr)
			}
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
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
		if _, err := tx.ExecContext(ctx, m.script); err != nil {
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
	var table string
	var rowid sql.NullInt64
	switch err := tx.QueryRowContext(ctx, `PRAGMA foreign_key_check`).Scan(&table, &rowid, new(any), new(any)); {
	case err == nil:
		return fmt.Errorf("data.migrate: row %d of %s refers to a missing record", rowid.Int64, table)
	case !errors.Is(err, sql.ErrNoRows):
		return fmt.Errorf("data.migrate: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("data.migrate: %w", err)
	}
	return nil
}

// upgrade brings the open document s, at schema version from, up to the
// last version of ms. It first writes a backup copy of the document beside
// it (see backupPath), and only then migrates, in one transaction.
func upgrade(ctx context.Context, s *Store, from int, ms []migration) (Upgrade, error) {
	name, err := backup(ctx, s.db, s.path, from)
	if err != nil {
		return Upgrade{}, fmt.Errorf("upgrade from schema version %d: backup: %w", from, err)
	}
	if err := migrate(ctx, s.db, ms); err != nil {
		return Upgrade{}, fmt.Errorf("upgrade from schema version %d: %w", from, err)
	}
	return Upgrade{From: from, To: latest(ms), Backup: name}, nil
}

// backupPath returns the n'th candidate name of the backup of the document
// at path before its upgrade from schema version v: "NAME.vV-backup.quoteline"
// beside it, then "NAME.vV-backup-2.quoteline" and so on.
func backupPath(path string, v, n int) string {
	dir, base := filepath.Split(path)
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	suffix := ""
	if n > 1 {
		suffix = "-" + strconv.Itoa(n)
	}
	return filepath.Join(dir, fmt.Sprintf("%s.v%d-backup%s.quoteline", stem, v, suffix))
}

// backup writes a consistent copy of the database db, open on path, to the
// first free backup name beside it and returns that name. The copy is
// written to a temporary file and linked into place, so an existing file is
// never overwritten and an interrupted backup leaves no partial copy under
// the backup's name.
func backup(ctx context.Context, db *sql.DB, path string, v int) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), tempPattern(path))
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	f.Close()
	defer os.Remove(tmp)
	// VACUUM INTO writes into an empty file; it reads the database as of one
	// snapshot, including anything still in its write-ahead log.
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		return "", err
	}
	for n := 1; n < 1000; n++ {
		name := backupPath(path, v, n)
		err := os.Link(tmp, name)
		if err == nil {
			return name, nil
		}
		if !errors.Is(err, fs.ErrExist) {
			return "", err
		}
	}
	return "", fmt.Errorf("too many backups beside %s", path)
}

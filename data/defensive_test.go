package data

import (
	"context"
	"strings"
	"testing"
)

// TestConnections_AreDefensive checks, on a real store's connection, the
// settings that keep an untrusted document from running code or
// corrupting itself through SQL: these come from pragmas set on every
// connection and from how the program is built (the Makefile's
// -DSQLITE_DEFAULT_DEFENSIVE=1 and the sqlite_omit_load_extension tag), so
// a build without them fails here.
func TestConnections_AreDefensive(t *testing.T) {
	ctx := context.Background()
	s, _ := createTestStore(t, mustReadTestDoc(t))
	defer s.Close()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var trusted, cellCheck, mmap int
	if err := conn.QueryRowContext(ctx, `PRAGMA trusted_schema`).Scan(&trusted); err != nil || trusted != 0 {
		t.Errorf("trusted_schema = %d, %v; want 0", trusted, err)
	}
	if err := conn.QueryRowContext(ctx, `PRAGMA cell_size_check`).Scan(&cellCheck); err != nil || cellCheck != 1 {
		t.Errorf("cell_size_check = %d, %v; want 1", cellCheck, err)
	}
	if err := conn.QueryRowContext(ctx, `PRAGMA mmap_size`).Scan(&mmap); err != nil || mmap != 0 {
		t.Errorf("mmap_size = %d, %v; want 0", mmap, err)
	}
	// Defensive mode: the schema cannot be written directly, even after
	// asking for it.
	conn.ExecContext(ctx, `PRAGMA writable_schema = ON`)
	if _, err := conn.ExecContext(ctx, `UPDATE sqlite_schema SET sql = sql WHERE name = 'event'`); err == nil {
		t.Error("sqlite_schema could be written: SQLite is not in defensive mode (build with CGO_CFLAGS=-DSQLITE_DEFAULT_DEFENSIVE=1)")
	}
	// Nor can the full-text index's shadow tables.
	if _, err := conn.ExecContext(ctx, `DELETE FROM event_fts_segdir`); err == nil {
		t.Error("an FTS shadow table could be written: SQLite is not in defensive mode")
	}
	// No extension loading at all.
	var x any
	err = conn.QueryRowContext(ctx, `SELECT load_extension('libc.so.6')`).Scan(&x)
	if err == nil || !strings.Contains(err.Error(), "no such function") {
		t.Errorf("load_extension: %v; want it missing (build with the sqlite_omit_load_extension tag)", err)
	}
}

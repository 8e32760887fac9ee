package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// testMigrations returns the real migrations followed by extra scripts
// (from version SchemaVersion+1 on), as a later Quoteline would ship them.
func testMigrations(t *testing.T, extra ...string) []migration {
	t.Helper()
	fsys := fstest.MapFS{}
	real, err := schemaMigrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range real {
		fsys[m.name] = &fstest.MapFile{Data: []byte(m.script)}
	}
	for i, script := range extra {
		fsys[fmt.Sprintf("migrations/%04d_test.sql", len(real)+1+i)] = &fstest.MapFile{Data: []byte(script)}
	}
	ms, err := loadMigrations(fsys)
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

func TestSchemaVersion_IsTheLastMigration(t *testing.T) {
	ms, err := schemaMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if got := latest(ms); got != SchemaVersion {
		t.Errorf("the migrations lead to version %d, SchemaVersion is %d", got, SchemaVersion)
	}
}

func TestLoadMigrations_RefusesGapsAndBadNames(t *testing.T) {
	for name, fsys := range map[string]fstest.MapFS{
		"gap":      {"migrations/0001_a.sql": {}, "migrations/0003_c.sql": {}},
		"bad name": {"migrations/0001_a.sql": {}, "migrations/two.sql": {}},
		"not sql":  {"migrations/0001_a.txt": {}},
	} {
		if _, err := loadMigrations(fsys); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}

// TestOpen_UpgradesOlderDocumentAfterBackup opens a document of the current
// version (cur) with a migration list one version newer: a backup of the
// file is written beside it, next to any earlier backup, and the document
// is upgraded with its data kept.
func TestOpen_UpgradesOlderDocumentAfterBackup(t *testing.T) {
	ctx := context.Background()
	s, path := createTestStore(t, mustReadTestDoc(t))
	s.Close()
	dir := filepath.Dir(path)
	cur := SchemaVersion
	// A backup from an earlier upgrade must not be overwritten.
	earlier := filepath.Join(dir, fmt.Sprintf("test.v%d-backup.quoteline", cur))
	if err := os.WriteFile(earlier, []byte("an earlier backup"), 0o644); err != nil {
		t.Fatal(err)
	}
	ms := testMigrations(t, `ALTER TABLE lane ADD COLUMN note TEXT NOT NULL DEFAULT '';
		CREATE INDEX lane_note ON lane (note);`)

	if r, err := checkWith(ctx, path, ms, true); err != nil || r.Version != cur || r.Latest != cur+1 || !r.NeedsUpgrade() {
		t.Fatalf("check before upgrade: %+v, %v", r, err)
	}
	s, _, err := openWith(ctx, path, ms, false)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	var version int
	var notes int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version != cur+1 {
		t.Errorf("user_version %d, %v; want %d", version, err, cur+1)
	}
	if err := s.db.QueryRow(`SELECT count(note) FROM lane`).Scan(&notes); err != nil || notes != 2 {
		t.Errorf("lanes with a note: %d, %v; want 2", notes, err)
	}
	s.Close()

	if b, _ := os.ReadFile(earlier); string(b) != "an earlier backup" {
		t.Error("an earlier backup was overwritten")
	}
	backup := filepath.Join(dir, fmt.Sprintf("test.v%d-backup-2.quoteline", cur))
	r, err := Check(ctx, backup) // the real migrations
	if err != nil || r.Version != cur || r.Events != 2 {
		t.Fatalf("backup: %+v, %v", r, err)
	}
	// The upgraded document passes the newer check and is no longer
	// upgraded; this program refuses it as too new.
	if r, err := checkWith(ctx, path, ms, true); err != nil || r.NeedsUpgrade() || r.Events != 2 {
		t.Errorf("check after upgrade: %+v, %v", r, err)
	}
	if _, err := Check(ctx, path); !errors.Is(err, ErrTooNew) {
		t.Errorf("this version's check of the upgraded document: %v, want ErrTooNew", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d files in the folder, want the document and two backups", len(entries))
	}
}

// TestOpen_FailedUpgradeChangesNothing runs a migration that fails half-way:
// the document stays at its version with its data, and the backup is kept.
func TestOpen_FailedUpgradeChangesNothing(t *testing.T) {
	ctx := context.Background()
	s, path := createTestStore(t, mustReadTestDoc(t))
	s.Close()
	dir := filepath.Dir(path)
	ms := testMigrations(t, `DELETE FROM event_quote; ALTER TABLE lane ADD COLUMN note TEXT; SELECT no_such_function();`)
	if _, _, err := openWith(ctx, path, ms, false); err == nil {
		t.Fatal("open with a failing migration succeeded")
	}
	r, err := Check(ctx, path)
	if err != nil || r.Version != SchemaVersion {
		t.Fatalf("after the failed upgrade: %+v, %v", r, err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var links int
	if err := s.db.QueryRow(`SELECT count(*) FROM event_quote`).Scan(&links); err != nil || links != 3 {
		t.Errorf("event_quote rows %d, %v; want 3 (the migration's delete rolled back)", links, err)
	}
	if _, err := Check(ctx, filepath.Join(dir, fmt.Sprintf("test.v%d-backup.quoteline", SchemaVersion))); err != nil {
		t.Errorf("backup: %v", err)
	}
}

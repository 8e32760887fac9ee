// Package hostile makes documents that Quoteline must refuse, or open
// safely, for tests: damaged, truncated and foreign files, documents from a
// newer version, and documents with code or tables planted in them. It is
// imported only by tests.
package hostile

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/quoteline/quoteline/data"
)

// Case is one hostile file.
type Case struct {
	Name string // a short name, also the file's base name
	Path string
	// Want is a part of the message that must name the problem; empty for a
	// file Quoteline must open (Sound).
	Want string
	// Err is the error that Open and Check must match with errors.Is; nil
	// for a sound file.
	Err error
}

// Make writes every hostile case into dir (which must exist) and returns
// them. Each file is made with the real data package and then altered by
// plain SQL or by changing bytes, as another program could.
func Make(ctx context.Context, dir string) ([]Case, error) {
	var cases []Case
	add := func(name string, err error, want string, make func(path string) error) error {
		path := filepath.Join(dir, name)
		if e := make(path); e != nil {
			return fmt.Errorf("hostile %s: %w", name, e)
		}
		cases = append(cases, Case{Name: name, Path: path, Want: want, Err: err})
		return nil
	}
	// good writes a real document of n synthetic events.
	good := func(path string, n int) error {
		s, err := data.Generate(ctx, path, data.GenerateOptions{Events: n, Lanes: 3, Seed: 1})
		if err != nil {
			return err
		}
		return s.Close()
	}
	// planted writes a real document and runs SQL on it.
	planted := func(query string) func(string) error {
		return func(path string) error {
			if err := good(path, 50); err != nil {
				return err
			}
			return Exec(path, query)
		}
	}
	r := rand.New(rand.NewPCG(10, 10))
	randomBytes := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		return b
	}
	// rewrite changes a real document's bytes with fn.
	rewrite := func(n int, fn func([]byte) []byte) func(string) error {
		return func(path string) error {
			if err := good(path, n); err != nil {
				return err
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(path, fn(b), 0o644)
		}
	}
	const pageSize = 4096
	steps := []struct {
		name string
		err  error
		want string
		make func(string) error
	}{
		{"empty.quoteline", data.ErrNotQuoteline, "not a SQLite database", func(p string) error { return os.WriteFile(p, nil, 0o644) }},
		{"directory.quoteline", data.ErrNotQuoteline, "not a regular file", func(p string) error { return os.Mkdir(p, 0o755) }},
		{"random.quoteline", data.ErrNotQuoteline, "not a SQLite database", func(p string) error { return os.WriteFile(p, randomBytes(64<<10), 0o644) }},
		{"text.quoteline", data.ErrNotQuoteline, "not a SQLite database", func(p string) error {
			return os.WriteFile(p, []byte(strings.Repeat("Dear diary, today I made a timeline.\n", 200)), 0o644)
		}},
		{"header-then-noise.quoteline", data.ErrCorrupt, "damaged", rewrite(2000, func(b []byte) []byte {
			copy(b[100:], randomBytes(len(b)-100))
			return b
		})},
		{"truncated.quoteline", data.ErrCorrupt, "damaged", rewrite(2000, func(b []byte) []byte { return b[:len(b)/2] })},
		{"truncated-header.quoteline", data.ErrNotQuoteline, "not a SQLite database", rewrite(50, func(b []byte) []byte { return b[:10] })},
		{"corrupt-pages.quoteline", data.ErrCorrupt, "damaged", rewrite(2000, func(b []byte) []byte {
			// Scribble over every page but the first (the schema) from byte 8.
			for off := pageSize; off+pageSize <= len(b); off += pageSize {
				copy(b[off+8:off+pageSize], randomBytes(pageSize-8))
			}
			return b
		})},
		{"plain-sqlite.quoteline", data.ErrNotQuoteline, "application_id 0x00000000", func(p string) error {
			return Exec(p, `CREATE TABLE notes (x); INSERT INTO notes VALUES ('hi');`)
		}},
		{"other-application.quoteline", data.ErrNotQuoteline, "application_id 0x47504B47", func(p string) error {
			return Exec(p, `CREATE TABLE notes (x); PRAGMA application_id = 1196444487;`) // "GPKG"
		}},
		{"other-application-id.quoteline", data.ErrNotQuoteline, "application_id 0x000004D2", planted(`PRAGMA application_id = 1234;`)},
		{"future-version.quoteline", data.ErrTooNew, "newer version of Quoteline (document schema version 99", planted(`PRAGMA user_version = 99;`)},
		{"no-version.quoteline", data.ErrNotQuoteline, "schema version 0", planted(`PRAGMA user_version = 0;`)},
		{"planted-trigger.quoteline", data.ErrNotQuoteline, `trigger, "spy"`, planted(`CREATE TRIGGER spy AFTER INSERT ON event BEGIN DELETE FROM quote; END;`)},
		{"planted-view.quoteline", data.ErrNotQuoteline, `view, "event"`, planted(`PRAGMA foreign_keys = OFF; ALTER TABLE event RENAME TO event_old;
			CREATE VIEW event AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT * FROM n;`)},
		{"extra-table.quoteline", data.ErrNotQuoteline, `table, "exfiltrate", that Quoteline does not make`, planted(`CREATE TABLE exfiltrate (x);`)},
		{"extra-index.quoteline", data.ErrNotQuoteline, `index, "sneaky", that Quoteline does not make`, planted(`CREATE INDEX sneaky ON event (title);`)},
		{"altered-table.quoteline", data.ErrNotQuoteline, `table "lane" is not defined as Quoteline defines it`, planted(`ALTER TABLE lane ADD COLUMN payload BLOB;`)},
		{"missing-table.quoteline", data.ErrNotQuoteline, `table "event_tag" is missing`, planted(`PRAGMA foreign_keys = OFF; DROP TABLE event_tag;`)},
		{"fts-other-tokenizer.quoteline", data.ErrNotQuoteline, `table "event_fts" is not defined as Quoteline defines it`,
			planted(`DROP TABLE event_fts; CREATE VIRTUAL TABLE event_fts USING fts4 (title, summary, tokenize=porter);`)},
		{"fts-other-module.quoteline", data.ErrNotQuoteline, `is not defined as Quoteline defines it`,
			planted(`DROP TABLE quote_fts; CREATE VIRTUAL TABLE quote_fts USING rtree (id, a, b);`)},
		{"extra-virtual-table.quoteline", data.ErrNotQuoteline, `table, "probe", that Quoteline does not make`,
			planted(`CREATE VIRTUAL TABLE probe USING fts4 (x);`)},
		{"too-many-lanes.quoteline", data.ErrTooLarge, "10050 lanes, and Quoteline opens documents of up to 10000", planted(
			`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10047)
			INSERT INTO lane (name, position, color) SELECT 'planted ' || i, 3 + i, '#000000' FROM n;`)},
		// References and offsets that a file written with its checks off
		// can break.
		{"dangling-lane.quoteline", data.ErrCorrupt, "event 1 refers to a lane that is not in the document",
			planted(`PRAGMA foreign_keys = OFF; UPDATE event SET lane_id = 999 WHERE id = 1;`)},
		{"quote-past-text.quoteline", data.ErrCorrupt, "quote 1 has offsets 5 to 500, outside its source's text of 11 bytes", planted(
			`INSERT INTO source (id, title, text, created_at, updated_at) VALUES (1, 'S', 'Hello world', 0, 0);
			INSERT INTO quote (id, text, said_at, said_precision, source_id, start_byte, end_byte, created_at, updated_at)
				VALUES (1, 'world', 0, 3, 1, 5, 500, 0, 0);`)},
		// A title and a quote far longer than any real one are accepted and
		// must be shown without harm.
		{"huge-title.quoteline", nil, "", planted(`UPDATE event SET title = 'A' || replace(hex(zeroblob(500000)), '0', 'ab ') WHERE id = 1;
			INSERT INTO source (title, created_at, updated_at) VALUES (replace(hex(zeroblob(100000)), '0', 'x'), 0, 0);`)},
	}
	for _, s := range steps {
		if err := add(s.name, s.err, s.want, s.make); err != nil {
			return nil, err
		}
	}
	return cases, nil
}

// Exec runs SQL on the file at path through the plain SQLite driver,
// creating it if needed, as another program could.
func Exec(path, query string) error {
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.Exec(query); err != nil {
		return err
	}
	return db.Close()
}

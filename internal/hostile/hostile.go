// Package hostile makes documents that Quoteline must refuse, or open
// safely, for tests: damaged, truncated and foreign files, documents from a
// newer version, and documents with code or tables planted in them. It is
// imported only by tests.
package hostile

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/migrations"
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
	// Beside lists the suffixes of the files beside Path that are part of
	// the case, such as "-journal": they move with it.
	Beside []string
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
		c := Case{Name: name, Path: path, Want: want, Err: err}
		for _, suffix := range []string{"-journal", "-wal", "-shm"} {
			if _, err := os.Lstat(path + suffix); err == nil {
				c.Beside = append(c.Beside, suffix)
			}
		}
		cases = append(cases, c)
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
	// unchecked runs SQL with the schema's CHECK constraints off, as a
	// program that does not enforce them could.
	unchecked := func(query string) func(string) error {
		return planted(`PRAGMA ignore_check_constraints = ON; ` + query)
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
	// Times of deep time and of the far future, in Unix seconds.
	bigBang := time.Date(-13_800_000_000, time.January, 1, 0, 0, 0, 0, time.UTC).Unix()
	ice := time.Date(-2_000_000, time.January, 1, 0, 0, 0, 0, time.UTC).Unix()
	lastYear := time.Date(data.LastYear, time.January, 1, 0, 0, 0, 0, time.UTC).Unix()
	// A period as the schema takes it, for the value rules to break.
	period := func(start, startPrec, end, endPrec any) string {
		return fmt.Sprintf(`INSERT INTO period (id, title, start, start_precision, "end", end_precision, created_at, updated_at)
			VALUES (1, 'P', %v, %v, %v, %v, 0, 0);`, start, startPrec, end, endPrec)
	}
	// The rows a link has to exist for a stance to be broken.
	const linked = `INSERT INTO source (id, title, created_at, updated_at) VALUES (1, 'S', 0, 0);
		INSERT INTO event_source (event_id, source_id, stance) VALUES (1, 1, 'supports');`
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
		// Values of the wrong type or out of range, which SQLite's own
		// check lets through: each is named with its row.
		{"text-in-integer.quoteline", data.ErrCorrupt, `event 1: its start holds the text "abc", where Quoteline keeps a whole number`,
			unchecked(`UPDATE event SET start = 'abc' WHERE id = 1;`)},
		{"real-in-integer.quoteline", data.ErrCorrupt, `event 2: its lane_id holds the fraction 1.5, where Quoteline keeps a whole number`,
			unchecked(`UPDATE event SET lane_id = 1.5 WHERE id = 2;`)},
		{"precision-0.quoteline", data.ErrCorrupt, `event 3: its start_precision holds 0, where Quoteline keeps one of 1 to 5`,
			unchecked(`UPDATE event SET start_precision = 0 WHERE id = 3;`)},
		{"precision-9.quoteline", data.ErrCorrupt, `event 4: its start_precision holds 9, where Quoteline keeps one of 1 to 5`,
			unchecked(`UPDATE event SET start_precision = 9 WHERE id = 4;`)},
		{"bad-status.quoteline", data.ErrCorrupt, `event 5: its status holds the text "rumoured", where Quoteline keeps one of reported, confirmed, disputed, expected`,
			unchecked(`UPDATE event SET status = 'rumoured' WHERE id = 5;`)},
		{"bad-colour.quoteline", data.ErrCorrupt, `lane 1: its color holds the text "red", where Quoteline keeps a colour written #RRGGBB`,
			unchecked(`UPDATE lane SET color = 'red' WHERE id = 1;`)},
		{"bad-kind.quoteline", data.ErrCorrupt, `actor 1: its kind holds the text "robot"`,
			unchecked(`INSERT INTO actor (id, name, kind) VALUES (1, 'R', 'robot');`)},
		{"bad-stance.quoteline", data.ErrCorrupt, `event_source (event_id 1, source_id 1): its stance holds the text "maybe"`,
			unchecked(linked + `UPDATE event_source SET stance = 'maybe';`)},
		{"year-1e9.quoteline", data.ErrCorrupt, `event 6: its start holds 31556952000000000, where Quoteline keeps a time in the years 14,000,000,001 BC to 999,999`,
			unchecked(`UPDATE event SET start = 31556952000000000, "end" = NULL, end_precision = NULL WHERE id = 6;`)},
		{"min-int64.quoteline", data.ErrCorrupt, `event 7: its start holds -9223372036854775808`,
			unchecked(`UPDATE event SET start = -9223372036854775808 WHERE id = 7;`)},
		{"max-int64.quoteline", data.ErrCorrupt, `event 8: its end holds 9223372036854775807`,
			unchecked(`UPDATE event SET "end" = 9223372036854775807, end_precision = 5 WHERE id = 8;`)},
		{"milliseconds-1000.quoteline", data.ErrCorrupt, `event 9: its start_ms holds 1000, where Quoteline keeps a millisecond, 0 to 999`,
			unchecked(`UPDATE event SET start_precision = 5, start_ms = 1000, "end" = NULL, end_precision = NULL WHERE id = 9;`)},
		{"milliseconds-of-a-day.quoteline", data.ErrCorrupt, `event 10: its start_ms holds 5, where Quoteline keeps nothing (NULL) for a time not known to the second`,
			unchecked(`UPDATE event SET start_precision = 3, start_ms = 5, "end" = NULL, end_precision = NULL WHERE id = 10;`)},
		{"deep-time-month.quoteline", data.ErrCorrupt, `event 11: its start_precision holds 2, where Quoteline keeps 1 (a year) for a time before 1,000,000 BC`,
			unchecked(fmt.Sprintf(`UPDATE event SET start = %d, start_precision = 2, "end" = NULL, end_precision = NULL WHERE id = 11;`, ice))},
		{"period-text-start.quoteline", data.ErrCorrupt, `period 1: its start holds the text "soon", where Quoteline keeps a whole number`,
			unchecked(period("'soon'", 1, 0, 1))},
		{"period-ends-before-start.quoteline", data.ErrCorrupt, `period 1: its end holds 50, where Quoteline keeps a time no earlier than its start`,
			unchecked(period(100, 5, 50, 5))},
		{"period-precision-9.quoteline", data.ErrCorrupt, `period 1: its end_precision holds 9, where Quoteline keeps one of 1 to 5`,
			unchecked(period(0, 1, 0, 9))},
		{"period-year-1e9.quoteline", data.ErrCorrupt, `period 1: its end holds 31556952000000000, where Quoteline keeps a time in the years 14,000,000,001 BC to 999,999`,
			unchecked(period(0, 1, int64(31556952000000000), 1))},
		// Files beside the document. A hot journal, left by a program that
		// stopped part-way through a change, is read as the change undone:
		// this one would bring back a trigger the change removed.
		{"unfinished-change-trigger.quoteline", data.ErrNotQuoteline, `trigger, "spy"`, func(p string) error {
			if err := planted(`CREATE TRIGGER spy AFTER INSERT ON event BEGIN DELETE FROM quote; END;`)(p); err != nil {
				return err
			}
			return Unfinished(p, `DROP TRIGGER spy; DELETE FROM event;`)
		}},
		// A document another program left part-way through a change is
		// sound as it was before it, and so is one left with a -wal beside
		// it and no -shm: both are read without writing anything beside them.
		{"unfinished-change.quoteline", nil, "", func(p string) error {
			if err := good(p, 2000); err != nil {
				return err
			}
			return Unfinished(p, `DELETE FROM event;`)
		}},
		{"leftover-wal.quoteline", nil, "", func(p string) error {
			if err := good(p, 200); err != nil {
				return err
			}
			return LeftoverWAL(p, `UPDATE event SET title = 'Only in the WAL' WHERE id = 1;`)
		}},
		// Deep time, the last year and milliseconds, in events and periods,
		// are what documents hold now: sound.
		{"deep-time-and-milliseconds.quoteline", nil, "", planted(fmt.Sprintf(`
			UPDATE event SET start = %d, start_precision = 1, "end" = %d, end_precision = 1 WHERE id = 1;
			UPDATE event SET start = %d, start_precision = 5, start_ms = 999, "end" = %d, end_precision = 5, end_ms = 0 WHERE id = 2;
			UPDATE event SET start = %d, start_precision = 1, "end" = NULL, end_precision = NULL WHERE id = 3;
			%s`, bigBang, ice, 1700000000, 1700000001, lastYear, period(bigBang, 1, lastYear, 1)))},
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

// MoveTo moves the case's file, and those beside it, into the folder dir
// and returns its new path: a case in a folder of its own shows what is
// left beside it.
func (c Case) MoveTo(dir string) (string, error) {
	path := filepath.Join(dir, c.Name)
	for _, suffix := range append([]string{""}, c.Beside...) {
		if err := os.Rename(c.Path+suffix, path+suffix); err != nil {
			return "", err
		}
	}
	return path, nil
}

// Unfinished leaves the document at path as a program killed part-way
// through change leaves it: switched to rollback-journal mode, with the
// change's pages written into it and the pages as they were before in a
// hot journal beside it, "-journal". change must touch more pages than the
// small cache this sets can hold, so that SQLite writes them before the
// transaction ends.
func Unfinished(path, change string) error {
	if err := Exec(path, `PRAGMA journal_mode = DELETE;`); err != nil {
		return err
	}
	return whileOpen(path, "_journal_mode=DELETE", `PRAGMA cache_size = 1; BEGIN IMMEDIATE; `+change, "-journal")
}

// LeftoverWAL leaves the document at path, in WAL mode, as a program
// killed with change committed to its write-ahead log and not yet to the
// file leaves it: with a -wal file beside it and no -shm.
func LeftoverWAL(path, change string) error {
	return whileOpen(path, "_journal_mode=WAL", `PRAGMA wal_autocheckpoint = 0; `+change, "-wal")
}

// whileOpen runs query on the file at path, through the plain driver
// with the parameters params, and while the connection is still open
// copies the file and its file with suffix beside it: then puts the copies
// in their place. The result is the files as a killed program leaves them.
func whileOpen(path, params, query, suffix string) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?"+params)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(query); err != nil {
		return err
	}
	for _, name := range []string{path, path + suffix} {
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		if len(b) == 0 {
			return fmt.Errorf("%s is empty: nothing was written before the end", name)
		}
		if err := os.WriteFile(name+".copy", b, 0o644); err != nil {
			return err
		}
	}
	db.Exec(`ROLLBACK`)
	if err := db.Close(); err != nil {
		return err
	}
	for _, name := range []string{path, path + suffix} {
		if err := os.Rename(name+".copy", name); err != nil {
			return err
		}
	}
	os.Remove(path + "-shm")
	return nil
}

// AtVersion rewrites the document at path, a closed document of the latest
// schema version, as one of the older schema version v, as the Quoteline
// of that version wrote it: a new file built by the first v scripts of
// package migrations, in WAL mode, holds every row the document has in the
// tables and columns that version had. It replaces the file at path.
func AtVersion(path string, v int) error {
	scripts, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil {
		return err
	}
	slices.Sort(scripts)
	if v < 1 || v > len(scripts) {
		return fmt.Errorf("hostile: no schema version %d", v)
	}
	tmp := path + ".old"
	os.Remove(tmp)
	db, err := sql.Open("sqlite3", "file:"+tmp+"?_foreign_keys=off")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // one connection: the attached file is on it
	for _, name := range scripts[:v] {
		script, err := migrations.FS.ReadFile(name)
		if err != nil {
			return err
		}
		if _, err := db.Exec(string(script)); err != nil {
			return fmt.Errorf("hostile: %s: %w", name, err)
		}
	}
	if _, err := db.Exec(fmt.Sprintf(`PRAGMA user_version = %d; ATTACH ? AS src`, v), path); err != nil {
		return err
	}
	// The tables of the old schema, with the virtual (full-text) tables,
	// whose own tables are filled by writing to them.
	rows, err := db.Query(`SELECT name, sql LIKE 'CREATE VIRTUAL%' FROM main.sqlite_schema s WHERE type = 'table'
		AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
		AND NOT EXISTS (SELECT 1 FROM main.sqlite_schema v WHERE v.sql LIKE 'CREATE VIRTUAL%' AND s.name LIKE v.name || '\_%' ESCAPE '\')`)
	if err != nil {
		return err
	}
	type table struct {
		name    string
		virtual bool
	}
	var tables []table
	for rows.Next() {
		var t table
		if err := rows.Scan(&t.name, &t.virtual); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, t)
	}
	rows.Close()
	for _, t := range tables {
		var cols []string
		if t.virtual {
			cols = append(cols, "docid")
		}
		crows, err := db.Query(`SELECT name FROM pragma_table_info(?, 'main')`, t.name)
		if err != nil {
			return err
		}
		for crows.Next() {
			var c string
			if err := crows.Scan(&c); err != nil {
				crows.Close()
				return err
			}
			cols = append(cols, `"`+c+`"`)
		}
		crows.Close()
		list := strings.Join(cols, ", ")
		if _, err := db.Exec(fmt.Sprintf(`INSERT INTO main."%s" (%s) SELECT %s FROM src."%s"`, t.name, list, list, t.name)); err != nil {
			return fmt.Errorf("hostile: copy %s: %w", t.name, err)
		}
	}
	if _, err := db.Exec(`DETACH src; PRAGMA journal_mode = WAL`); err != nil {
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	return os.Rename(tmp, path)
}

// HoldWriteLock begins a write transaction on the document at path through
// the plain driver, as another program writing to it would, and returns the
// function that ends it (it may be called more than once); the test's end
// ends it too.
func HoldWriteLock(t testing.TB, path string) (release func()) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err == nil {
		_, err = tx.Exec(`UPDATE meta SET value = value WHERE key = 'title'`)
	}
	if err != nil {
		db.Close()
		t.Fatal(err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			tx.Rollback()
			db.Close()
		})
	}
	t.Cleanup(release)
	return release
}

package data

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/mattn/go-sqlite3"

	"github.com/quoteline/quoteline/internal/outfile"
)

// Report is what Check found in a sound document.
type Report struct {
	Size    int64 // bytes in the file
	Version int   // the document's schema version
	Latest  int   // the schema version this Quoteline writes
	Events  int
	Lanes   int
	Periods int
	// Unfinished names the rollback journal beside a document that another
	// program left part-way through a change: the document was checked as
	// it was before that change, and opening it for writing finishes
	// undoing the change. It is "" for a document with nothing pending.
	Unfinished string
	// SummaryCurrent says the level-of-detail summary (schema version 5) is
	// up to date, as Store.LODCurrent says; a window opening the document
	// builds it again if not.
	SummaryCurrent bool
}

// NeedsUpgrade reports whether opening the document for writing (Open)
// will upgrade its schema (after writing a backup copy beside it).
func (r Report) NeedsUpgrade() bool { return r.Version < r.Latest }

// Check runs on the file at path exactly the validation Open runs before it
// opens a document, and writes nothing: the file, and its directory, are
// left as they were. A nil error means Open would accept the file. It reads
// the whole file (SQLite's PRAGMA quick_check, and every row's values and
// references).
func Check(ctx context.Context, path string) (Report, error) {
	ms, err := schemaMigrations()
	if err != nil {
		return Report{}, fmt.Errorf("check %q: %w", path, err)
	}
	return checkWith(ctx, path, ms, true)
}

// Inspect runs on the file at path the checks OpenReadOnly makes before it
// reads a document: those of Check but the ones that read the whole file,
// so that it takes about as long for a million events as for ten. A nil
// error means OpenReadOnly would accept the file, not that every page and
// row is sound. Like Check it writes nothing.
func Inspect(ctx context.Context, path string) (Report, error) {
	ms, err := schemaMigrations()
	if err != nil {
		return Report{}, fmt.Errorf("check %q: %w", path, err)
	}
	return checkWith(ctx, path, ms, false)
}

// checkWith is Check (whole) or Inspect with the schema migrations ms.
func checkWith(ctx context.Context, path string, ms []migration, whole bool) (Report, error) {
	in, err := inspect(ctx, path, ms, whole)
	in.view.release()
	if err != nil {
		return Report{}, fmt.Errorf("check %q: %w", path, err)
	}
	return in.Report, nil
}

// inspection is the result of inspect.
type inspection struct {
	Report
	// view is how the document was read, and can be read again without
	// writing to it; the caller releases it.
	view view
	// wal is set when the file is in WAL mode.
	wal bool
}

// inspect checks, without writing anything, that path is a regular file of
// bounded size holding an SQLite database with Quoteline's application_id,
// a schema version that ms knows, exactly the schema ms build for that
// version (no triggers, views or other planted objects), within the limits
// on events and lanes, and, if quick is set, that it passes PRAGMA
// quick_check and the checks of its rows' values. The caller releases
// in.view, also after an error.
func inspect(ctx context.Context, path string, ms []migration, quick bool) (inspection, error) {
	var in inspection
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return in, ErrNotFound
	}
	if err != nil {
		return in, err
	}
	if !info.Mode().IsRegular() {
		return in, fmt.Errorf("%w (not a regular file)", ErrNotQuoteline)
	}
	in.Size = info.Size()
	if in.Size > MaxDocumentBytes {
		return in, fmt.Errorf("%w: the file is %s, and Quoteline opens documents of up to %s", ErrTooLarge, FormatBytes(in.Size), FormatBytes(MaxDocumentBytes))
	}
	hdr, err := readHeader(path)
	if err != nil {
		return in, err
	}
	if !bytes.HasPrefix(hdr, []byte(sqliteHeader)) {
		return in, fmt.Errorf("%w (not a SQLite database)", ErrNotQuoteline)
	}
	// The header holds user_version and application_id too; refuse what
	// it already shows to be foreign before SQLite opens the file at all.
	if len(hdr) >= 72 {
		if id := binary.BigEndian.Uint32(hdr[68:72]); id != ApplicationID {
			return in, fmt.Errorf("%w (application_id 0x%08X)", ErrNotQuoteline, id)
		}
	}
	in.wal = inWAL(hdr)
	if in.view, err = viewOf(ctx, path, hdr); err != nil {
		return in, err
	}
	in.Unfinished = in.view.unfinished
	in.Latest = latest(ms)
	if err := validate(ctx, &in, ms, quick); err != nil {
		if in.Unfinished != "" {
			err = fmt.Errorf("%w, once the change another program left unfinished is undone (%s beside it holds what the file was before it)", err, in.Unfinished)
		}
		return in, err
	}
	return in, nil
}

// CheckOutput refuses an output path for an export of the document in that
// cannot be written (see outfile.Check: only a regular file is written,
// never a folder, a link, a device or a named pipe), or that would replace
// a Quoteline document: in itself, or any other, since an export is never
// a document.
func CheckOutput(in, out string) error {
	if err := outfile.Check(out); err != nil {
		return err
	}
	st, err := os.Lstat(out)
	if err != nil {
		return nil // a new file
	}
	if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
		return fmt.Errorf("%s is the document being exported: give another file name", out)
	}
	if isDocument(out) {
		return fmt.Errorf("%s is a Quoteline document: an export would replace it; give another file name", out)
	}
	return nil
}

// isDocument reports whether the file at path is a regular file that
// starts as a Quoteline document does: a SQLite header with Quoteline's
// application_id. It opens nothing else, so never waits on a named pipe.
func isDocument(path string) bool {
	if info, err := os.Lstat(path); err != nil || !info.Mode().IsRegular() {
		return false
	}
	hdr, err := readHeader(path)
	return err == nil && len(hdr) >= 72 && bytes.HasPrefix(hdr, []byte(sqliteHeader)) &&
		binary.BigEndian.Uint32(hdr[68:72]) == ApplicationID
}

// readHeader returns the first 100 bytes of the file (fewer if it is
// shorter).
func readHeader(path string) ([]byte, error) {
	// Never blocking: a named pipe put in a regular file's place between a
	// check and this open gives no header rather than a wait.
	f, err := os.OpenFile(path, os.O_RDONLY|oNonBlock, 0)
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

// validate checks the document on a read-only connection and fills in the
// report's version and counts. quick adds PRAGMA quick_check, which reads
// the whole file.
func validate(ctx context.Context, in *inspection, ms []migration, quick bool) error {
	db, err := openDB(ctx, in.view.file, in.view.access)
	if err != nil {
		return corruptOr(err)
	}
	defer db.Close()
	var appID uint32
	if err := db.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&appID); err != nil {
		return corruptOr(err)
	}
	if appID != ApplicationID {
		return fmt.Errorf("%w (application_id 0x%08X)", ErrNotQuoteline, appID)
	}
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&in.Version); err != nil {
		return corruptOr(err)
	}
	if in.Version > in.Latest {
		return fmt.Errorf("%w (document schema version %d, this version of Quoteline reads up to %d)", ErrTooNew, in.Version, in.Latest)
	}
	if in.Version < 1 {
		return fmt.Errorf("%w (schema version %d)", ErrNotQuoteline, in.Version)
	}
	if err := checkSchema(ctx, db, ms[:in.Version]); err != nil {
		return err
	}
	if quick {
		if err := quickCheck(ctx, db); err != nil {
			return err
		}
	}
	// Periods came with schema version 4: an older document has none.
	periods := "0"
	if in.Version >= periodsVersion {
		periods = "(SELECT count(*) FROM period)"
	}
	if err := db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM event), (SELECT count(*) FROM lane), `+periods).Scan(&in.Events, &in.Lanes, &in.Periods); err != nil {
		return corruptOr(err)
	}
	if in.Version >= lodVersion {
		var err error
		if in.SummaryCurrent, err = lodCurrent(ctx, db); err != nil {
			return corruptOr(err)
		}
	}
	return countsWithin(int64(in.Events), int64(in.Lanes), int64(in.Periods))
}

// quickCheckFile runs PRAGMA quick_check, and the checks of the rows'
// values, on a read-only connection of its own to file.
func quickCheckFile(ctx context.Context, file string, a access) error {
	db, err := openDB(ctx, file, a)
	if err != nil {
		return corruptOr(err)
	}
	defer db.Close()
	return quickCheck(ctx, db)
}

// quickCheck runs PRAGMA quick_check, SQLite's check of the whole file's
// structure, and the checks of every row's values (checkValues) and
// references (checkContent), and returns ErrCorrupt (or ErrTooLarge, for
// a value too long to read) with the first finding.
func quickCheck(ctx context.Context, db *sql.DB) error {
	// The rows' values are checked first: a value too long to read makes
	// SQLite's own check misreport the full-text index as malformed. An
	// error reading them (a damaged page) is left to SQLite's check to
	// describe.
	valuesErr := checkValues(ctx, db)
	var bad *errBadValue
	if errors.As(valuesErr, &bad) {
		return valuesErr
	}
	var result string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&result); err != nil {
		return corruptOr(err)
	}
	if result != "ok" {
		return damaged(result)
	}
	if valuesErr != nil {
		return valuesErr
	}
	return checkContent(ctx, db)
}

// checkContent checks what SQLite's own check leaves out: that every
// reference names a row that is there (a file written with foreign keys off
// can break them), and that every quote's byte offsets lie within its
// source's text.
func checkContent(ctx context.Context, db *sql.DB) error {
	var table, parent string
	var rowid sql.NullInt64
	var fkid int
	err := db.QueryRowContext(ctx, `PRAGMA foreign_key_check`).Scan(&table, &rowid, &parent, &fkid)
	switch {
	case err == nil:
		return fmt.Errorf("%w: %s %d refers to a %s that is not in the document", ErrCorrupt, table, rowid.Int64, parent)
	case !errors.Is(err, sql.ErrNoRows):
		return corruptOr(err)
	}
	var id, start, end, size int64
	var hasText bool
	err = db.QueryRowContext(ctx, `SELECT q.id, q.start_byte, q.end_byte, s.text IS NOT NULL, coalesce(length(CAST(s.text AS BLOB)), 0)
		FROM quote q JOIN source s ON s.id = q.source_id
		WHERE q.start_byte IS NOT NULL AND (q.end_byte IS NULL OR q.start_byte < 0 OR q.end_byte < q.start_byte
			OR s.text IS NULL OR q.end_byte > length(CAST(s.text AS BLOB)))
		LIMIT 1`).Scan(&id, &start, &end, &hasText, &size)
	switch {
	case err == nil && !hasText:
		return fmt.Errorf("%w: quote %d has offsets %d to %d into a source that holds no text", ErrCorrupt, id, start, end)
	case err == nil:
		return fmt.Errorf("%w: quote %d has offsets %d to %d, outside its source's text of %d bytes", ErrCorrupt, id, start, end, size)
	case !errors.Is(err, sql.ErrNoRows):
		return corruptOr(err)
	}
	return nil
}

// schemaObject is one row of sqlite_schema.
type schemaObject struct {
	typ, name, table string
	sql              sql.NullString
}

// readSchema returns the objects of db's schema by type and name.
func readSchema(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}) (map[string]schemaObject, []schemaObject, error) {
	rows, err := db.QueryContext(ctx, `SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY rowid`)
	if err != nil {
		return nil, nil, corruptOr(err)
	}
	defer rows.Close()
	byName := map[string]schemaObject{}
	var list []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.typ, &o.name, &o.table, &o.sql); err != nil {
			return nil, nil, corruptOr(err)
		}
		byName[o.typ+" "+o.name] = o
		list = append(list, o)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, corruptOr(err)
	}
	return byName, list, nil
}

// expectedSchema builds the schema ms create in a private in-memory
// database and returns its objects.
func expectedSchema(ctx context.Context, ms []migration) (map[string]schemaObject, []schemaObject, error) {
	registerDriver()
	db, err := sql.Open(driverName, ":memory:")
	if err != nil {
		return nil, nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // every connection to :memory: is a database of its own
	if err := migrate(ctx, db, ms); err != nil {
		return nil, nil, err
	}
	return readSchema(ctx, db)
}

// sqliteInternal are the tables SQLite itself may add to a document (by
// ANALYZE, PRAGMA optimize or AUTOINCREMENT), with their definitions.
var sqliteInternal = map[string]string{
	"sqlite_stat1":    "CREATE TABLE sqlite_stat1(tbl,idx,stat)",
	"sqlite_stat4":    "CREATE TABLE sqlite_stat4(tbl,idx,neq,nlt,ndlt,sample)",
	"sqlite_sequence": "CREATE TABLE sqlite_sequence(name,seq)",
}

// checkSchema refuses a document whose schema is not exactly the one the
// migrations ms write: views and triggers other than Quoteline's own,
// word for word (code planted in the file, which could run on every query
// or loop forever), tables, indexes or virtual
// tables Quoteline does not make, tables defined differently (such as a
// full-text table using another module) and missing tables.
func checkSchema(ctx context.Context, db *sql.DB, ms []migration) error {
	want, wantList, err := expectedSchema(ctx, ms)
	if err != nil {
		if ctx.Err() != nil {
			// SQLite says only "interrupted" when ctx stops it.
			return fmt.Errorf("data: building the expected schema: %w", ctx.Err())
		}
		return fmt.Errorf("data: building the expected schema: %w", err)
	}
	got, gotList, err := readSchema(ctx, db)
	if err != nil {
		return err
	}
	for _, o := range gotList {
		// The triggers Quoteline makes (those of the level-of-detail
		// summary) are compared below, word for word; any other is code
		// planted in the file.
		if _, ours := want[o.typ+" "+o.name]; o.typ == "view" || o.typ == "trigger" && !ours {
			return fmt.Errorf("%w (it holds a %s, %q, and Quoteline documents never do)", ErrNotQuoteline, o.typ, o.name)
		}
	}
	for _, o := range gotList {
		w, ok := want[o.typ+" "+o.name]
		if !ok {
			if def, internal := sqliteInternal[o.name]; internal && o.typ == "table" && o.sql.String == def {
				continue
			}
			return fmt.Errorf("%w (it holds a %s, %q, that Quoteline does not make)", ErrNotQuoteline, o.typ, o.name)
		}
		if w.sql != o.sql || w.table != o.table {
			return fmt.Errorf("%w (its %s %q is not defined as Quoteline defines it)", ErrNotQuoteline, o.typ, o.name)
		}
	}
	for _, w := range wantList {
		if _, ok := got[w.typ+" "+w.name]; !ok {
			return fmt.Errorf("%w (%s %q is missing)", ErrNotQuoteline, w.typ, w.name)
		}
	}
	return nil
}

// corruptOr marks SQLite's corruption errors, from database/sql or from a
// connection of cConn's, as ErrCorrupt, said as the full check says what
// it finds (see damaged), and a value too long to read as ErrTooLarge; it
// returns other errors unchanged, and errors it marked already as they are.
func corruptOr(err error) error {
	if err == nil || errors.Is(err, ErrCorrupt) || errors.Is(err, ErrTooLarge) {
		return err
	}
	var se sqlite3.Error
	var ce *cError
	code, msg := 0, ""
	switch {
	case errors.As(err, &se):
		code, msg = int(se.Code), se.Error()
	case errors.As(err, &ce):
		code, msg = ce.code&0xff, ce.msg
	default:
		return err
	}
	switch sqlite3.ErrNo(code) {
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return damaged(msg)
	case sqlite3.ErrTooBig:
		return fmt.Errorf("%w: a text in the document is longer than %s: %s", ErrTooLarge, FormatBytes(MaxValueBytes), msg)
	}
	return err
}

// damaged is ErrCorrupt for a file whose pages SQLite finds damaged, with
// what SQLite said (cut short): the same words whether a read met the
// damage or the full check found it.
func damaged(said string) error {
	return fmt.Errorf("%w: part of the file is not as SQLite wrote it, as when a file is cut short or written over (SQLite: %s)", ErrCorrupt, clip(strings.ReplaceAll(said, "\n", "; "), 200))
}

// FormatBytes writes a number of bytes for people, such as "2.1 GiB".
func FormatBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

package data

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ImportDocument validates doc and adds everything in it to the store in
// one transaction: either all of it is written, with its full-text index
// entries, or nothing is. Sources with a text get their SHA-256 recorded.
// The document's title and description are kept only if the store has none
// yet. Lanes are placed after any existing ones; a lane or actor with the
// name of an existing one is merged into it.
func (s *Store) ImportDocument(ctx context.Context, doc *Document) error {
	return s.ImportDocumentProgress(ctx, doc, nil)
}

// ImportDocumentProgress is ImportDocument that calls progress, if not nil,
// now and then with the number of events written so far and their total.
func (s *Store) ImportDocumentProgress(ctx context.Context, doc *Document, progress func(done, total int)) error {
	c, err := CheckDocument(doc)
	if err != nil {
		return fmt.Errorf("data.ImportDocument: %w", err)
	}
	return s.ImportChecked(ctx, c, progress)
}

// ImportChecked is ImportDocumentProgress for a document already checked.
func (s *Store) ImportChecked(ctx context.Context, c *CheckedDocument, progress func(done, total int)) error {
	if s.readOnly {
		return fmt.Errorf("data.ImportDocument: %w", ErrReadOnly)
	}
	if err := c.unchanged(); err != nil {
		return fmt.Errorf("data.ImportDocument: %w", err)
	}
	return s.importResolved(ctx, c.doc, c.p, progress, false)
}

// A CheckedDocument is a Document that has passed every check of
// ValidateDocument, with what the checks worked out (its times parsed, its
// references resolved), so that it can be written without checking it
// again: at a million events, checking takes most of a second. The
// Document must not be changed once checked.
type CheckedDocument struct {
	doc *Document
	p   *plan
}

// CheckDocument checks doc as ValidateDocument does.
func CheckDocument(doc *Document) (*CheckedDocument, error) {
	p, err := doc.resolve()
	if err != nil {
		return nil, err
	}
	return &CheckedDocument{doc: doc, p: p}, nil
}

// Document returns the document that was checked.
func (c *CheckedDocument) Document() *Document { return c.doc }

// unchanged reports an error if records were added to or removed from the
// document since it was checked, which would make what the checks found
// point at the wrong records.
func (c *CheckedDocument) unchanged() error {
	d, p := c.doc, c.p
	if len(d.Sources) != len(p.sources) || len(d.Quotes) != len(p.quotes) ||
		len(d.Events) != len(p.events) || len(d.Periods) != len(p.periods) || len(d.Stops) != len(p.stops) {
		return errors.New("the document was changed after it was checked")
	}
	return nil
}

// importResolved writes doc, validated as p. fresh says the store is a
// new file being built by createWith, which no one else reads yet: then
// the events' rows, the event table's indexes and the events' full-text
// entries are written on a connection of its own, faster than through
// database/sql, and the import takes three transactions, since a failure
// removes the whole file. Otherwise it is one transaction.
func (s *Store) importResolved(ctx context.Context, doc *Document, p *plan, progress func(done, total int), fresh bool) error {
	var im *importer
	if !fresh {
		return s.importTx(ctx, func(tx *sql.Tx) error {
			// The level-of-detail summary is built again whole at the end.
			triggers, err := beginBulk(ctx, tx)
			if err == nil {
				im, err = importRecords(ctx, tx, doc, p)
			}
			if err == nil {
				err = im.dropIndexesIfBig(ctx, tx)
			}
			if err == nil {
				err = im.writeEvents(ctx, tx, progress)
			}
			if err == nil {
				err = im.indexEvents(func(query string) error {
					_, err := tx.ExecContext(ctx, query)
					return err
				})
			}
			if err == nil {
				err = im.writeStops(ctx, tx, progress)
			}
			if err == nil {
				err = endBulk(ctx, tx, triggers)
			}
			return err
		})
	}
	var triggers []string
	err := s.importTx(ctx, func(tx *sql.Tx) error {
		// The level-of-detail summary is built whole once the events'
		// rows are written.
		var err error
		if triggers, err = beginBulk(ctx, tx); err == nil {
			im, err = importRecords(ctx, tx, doc, p)
		}
		if err == nil {
			// The event table's indexes are built after its rows, which
			// is faster than keeping them up to date row by row.
			im.indexes, err = dropIndexes(ctx, tx, "event")
		}
		return err
	})
	if err == nil {
		if err = im.writeEventRows(ctx, s.file, progress); err != nil {
			if cerr := ctx.Err(); cerr != nil {
				err = cerr
			}
			err = fmt.Errorf("data.ImportDocument: %w", tooBig(err))
		}
	}
	if err == nil {
		err = s.importTx(ctx, func(tx *sql.Tx) error {
			err := im.writeLinks(ctx, tx)
			if err == nil {
				err = im.writeStops(ctx, tx, progress)
			}
			if err == nil {
				err = endBulk(ctx, tx, triggers)
			}
			return err
		})
	}
	return err
}

// importTx runs fn in a write transaction and commits it if fn succeeds.
func (s *Store) importTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("data.ImportDocument: %w", err)
	}
	defer done()
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			// Cancelling rolls tx back at once; the row being written then
			// fails with sql.ErrTxDone, which is not the reason.
			err = cerr
		}
		return fmt.Errorf("data.ImportDocument: %w", tooBig(err))
	}
	if err := s.commit(ctx, tx); err != nil {
		return fmt.Errorf("data.ImportDocument: %w", err)
	}
	return nil
}

// CreateFromDocument creates a new document at path holding doc. The file
// appears at path only once it is complete; if anything fails, nothing is
// left behind.
func CreateFromDocument(ctx context.Context, path string, doc *Document) (*Store, error) {
	return CreateFromDocumentProgress(ctx, path, doc, nil)
}

// CreateFromDocumentProgress is CreateFromDocument with progress reported
// as by ImportDocumentProgress.
func CreateFromDocumentProgress(ctx context.Context, path string, doc *Document, progress func(done, total int)) (*Store, error) {
	c, err := CheckDocument(doc)
	if err != nil {
		return nil, fmt.Errorf("data.CreateFromDocument: %w", err)
	}
	return CreateFromChecked(ctx, path, c, progress)
}

// CreateFromChecked is CreateFromDocumentProgress for a document already
// checked.
func CreateFromChecked(ctx context.Context, path string, c *CheckedDocument, progress func(done, total int)) (*Store, error) {
	if err := c.unchanged(); err != nil {
		return nil, fmt.Errorf("data.CreateFromDocument: %w", err)
	}
	s, err := createWith(ctx, path, func(s *Store) error { return s.importResolved(ctx, c.doc, c.p, progress, true) })
	if err != nil {
		return nil, fmt.Errorf("data.CreateFromDocument: %w", err)
	}
	return s, nil
}

// importer writes a resolved document: importRecords writes all but its
// events, their links and its stops, which its methods write.
type importer struct {
	doc                                    *Document
	p                                      *plan
	now                                    int64
	laneIDs, actorIDs, sourceIDs, quoteIDs []int64
	// order is the order in which events are written, and ids[i] the new
	// id of event i; the new ids are those above base.
	order   []int
	ids     []int64
	base    int64
	tagIDs  map[string]int64
	indexes []string // the event indexes to build again, if dropped
}

// Statements that write one row each run under a context that cannot be
// cancelled (context.WithoutCancel): given one that can, the SQLite driver
// starts a goroutine for every statement to watch it, which at a million
// rows costs more than the writing. The import checks for cancelling
// between rows instead.

// importCache sets the page cache of tx's connection large enough for the
// indexes of a big import (128 MiB).
func importCache(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, "PRAGMA cache_size = -131072")
	return err
}

// importRecords writes the document's title, lanes, actors, sources and
// quotes in tx, and numbers its events.
func importRecords(ctx context.Context, tx *sql.Tx, doc *Document, p *plan) (*importer, error) {
	im := &importer{doc: doc, p: p, now: time.Now().Unix(), tagIDs: make(map[string]int64)}
	rowCtx := context.WithoutCancel(ctx)
	if err := importCache(ctx, tx); err != nil {
		return nil, err
	}
	exec := func(query string, args ...any) (int64, error) {
		res, err := tx.ExecContext(rowCtx, query, args...)
		if err != nil {
			return 0, err
		}
		return res.LastInsertId()
	}
	meta := [][2]string{{"title", doc.Title}, {"description", doc.Description}}
	for _, m := range meta {
		if _, err := exec(`INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)`, m[0], m[1]); err != nil {
			return nil, fmt.Errorf("meta %s: %w", m[0], err)
		}
	}

	var position int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position) + 1, 0) FROM lane`).Scan(&position); err != nil {
		return nil, err
	}
	// existing returns the id of the row of table named name, 0 if none:
	// lanes and actors of the same name as existing ones are reused.
	existing := func(table, name string) (int64, error) {
		var id int64
		err := tx.QueryRowContext(rowCtx, `SELECT id FROM `+table+` WHERE name = ?`, name).Scan(&id)
		if err == sql.ErrNoRows {
			return 0, nil
		}
		return id, err
	}
	im.laneIDs = make([]int64, len(doc.Lanes))
	for i, l := range doc.Lanes {
		if id, err := existing("lane", l.Name); err != nil || id != 0 {
			im.laneIDs[i] = id
			if err != nil {
				return nil, fmt.Errorf("%s: %w", record("lanes", i, l.Key), err)
			}
			continue
		}
		id, err := exec(`INSERT INTO lane (name, position, color, collapsed) VALUES (?, ?, ?, ?)`,
			l.Name, position+int64(i), l.Color, l.Collapsed)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", record("lanes", i, l.Key), err)
		}
		im.laneIDs[i] = id
	}

	for i, pd := range doc.Periods {
		pp := p.periods[i]
		var lane any
		if pp.lane >= 0 {
			lane = im.laneIDs[pp.lane]
		}
		start, startPrec, startMS := pp.start.nullableMilli()
		end, endPrec, endMS := pp.end.nullableMilli()
		if _, err := exec(`INSERT INTO period (title, summary, lane_id, start, start_precision, start_ms,
			"end", end_precision, end_ms, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			pd.Title, pd.Summary, lane, start, startPrec, startMS, end, endPrec, endMS, im.now, im.now); err != nil {
			return nil, fmt.Errorf("%s: %w", record("periods", i, pd.Key), err)
		}
	}

	im.actorIDs = make([]int64, len(doc.Actors))
	for i, a := range doc.Actors {
		if id, err := existing("actor", a.Name); err != nil || id != 0 {
			im.actorIDs[i] = id
			if err != nil {
				return nil, fmt.Errorf("%s: %w", record("actors", i, a.Key), err)
			}
			continue
		}
		id, err := exec(`INSERT INTO actor (name, kind, description) VALUES (?, ?, ?)`, a.Name, a.Kind, a.Description)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", record("actors", i, a.Key), err)
		}
		im.actorIDs[i] = id
	}

	im.sourceIDs = make([]int64, len(doc.Sources))
	for i, src := range doc.Sources {
		var text, sum any
		if src.TextFile != "" {
			text, sum = src.Text, textSHA256(src.Text)
		}
		pub, pubPrec := p.sources[i].nullable()
		id, err := exec(`INSERT INTO source (title, outlet, url, published_at, published_precision,
			date_note, summary, text, text_sha256, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			src.Title, src.Outlet, src.URL, pub, pubPrec, src.DateNote, src.Summary, text, sum, im.now, im.now)
		if err == nil {
			_, err = exec(`INSERT INTO source_fts (docid, title, text) VALUES (?, ?, ?)`, id, src.Title, text)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", record("sources", i, src.Key), err)
		}
		im.sourceIDs[i] = id
	}

	im.quoteIDs = make([]int64, len(doc.Quotes))
	for i, q := range doc.Quotes {
		if i%1000 == 999 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		pq := p.quotes[i]
		var speaker, start, end any
		if pq.speaker >= 0 {
			speaker = im.actorIDs[pq.speaker]
		}
		if pq.hasOffsets {
			start, end = pq.start, pq.end
		}
		id, err := exec(`INSERT INTO quote (text, speaker_id, said_at, said_precision, source_id,
			start_byte, end_byte, speaker_note, speaker_confidence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			q.Text, speaker, pq.saidAt.Unix, int64(pq.saidAt.Precision), im.sourceIDs[pq.source], start, end,
			q.SpeakerNote, string(q.SpeakerConfidence), im.now, im.now)
		if err == nil {
			_, err = exec(`INSERT INTO quote_fts (docid, text) VALUES (?, ?)`, id, q.Text)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", record("quotes", i, q.Key), err)
		}
		im.quoteIDs[i] = id
	}

	// A big import is written in order of start, so that the indexes grow
	// at their ends instead of being updated all over; a small one keeps
	// the document's order.
	im.order = make([]int, len(doc.Events))
	for i := range im.order {
		im.order[i] = i
	}
	if len(im.order) > bigImport {
		// Events that start together keep the document's order. The
		// starts are sorted side by side with their events' numbers,
		// not looked up in the plan all over at every comparison.
		keys := make([]struct{ start, event int64 }, len(im.order))
		for i := range keys {
			keys[i].start, keys[i].event = p.events[i].start.Unix, int64(i)
		}
		slices.SortFunc(keys, func(a, b struct{ start, event int64 }) int {
			return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.event, b.event))
		})
		for i, k := range keys {
			im.order[i] = int(k.event)
		}
	}
	// New events are numbered on from the highest id, so that their
	// full-text entries can be written in one statement afterwards.
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM event`).Scan(&im.base); err != nil {
		return nil, err
	}
	if im.base > math.MaxInt64-int64(len(im.order)) {
		return nil, fmt.Errorf("event ids would overflow: the highest is %d", im.base)
	}
	im.ids = make([]int64, len(doc.Events))
	for i, n := range im.order {
		im.ids[n] = im.base + int64(i) + 1
	}
	return im, nil
}

// dropIndexesIfBig drops the event table's indexes, to be built again
// after the new events are written (indexEvents), if there are more new events than
// bigImport and than the store holds already: building them whole then
// costs less than keeping them up to date row by row.
func (im *importer) dropIndexesIfBig(ctx context.Context, tx *sql.Tx) error {
	if len(im.order) <= bigImport {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM event`).Scan(&n); err != nil {
		return err
	}
	if n >= len(im.order) {
		return nil
	}
	var err error
	im.indexes, err = dropIndexes(ctx, tx, "event")
	return err
}

// indexEvents runs, with exec, what follows the new events' rows: the
// event indexes that were dropped are built again, then the events'
// full-text entries are written, all in one statement.
func (im *importer) indexEvents(exec func(query string) error) error {
	for _, def := range im.indexes {
		if err := exec(def); err != nil {
			return fmt.Errorf("indexes of events: %w", err)
		}
	}
	if err := exec(`INSERT INTO event_fts (docid, title, summary)
		SELECT id, title, summary FROM event WHERE id > ` + strconv.FormatInt(im.base, 10)); err != nil {
		return fmt.Errorf("full-text index of events: %w", err)
	}
	return nil
}

// tagID returns the id of the tag named name, adding it if it is new.
func (im *importer) tagID(ctx context.Context, tx *sql.Tx, name string) (int64, error) {
	if id, ok := im.tagIDs[name]; ok {
		return id, nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO tag (name) VALUES (?)`, name); err != nil {
		return 0, err
	}
	var id int64
	if err := tx.QueryRowContext(ctx, `SELECT id FROM tag WHERE name = ?`, name).Scan(&id); err != nil {
		return 0, err
	}
	im.tagIDs[name] = id
	return id, nil
}

// writeEvents writes the events with their links in tx, eventsPerInsert to
// a statement. It checks for cancelling and reports progress every 1,000
// events (a multiple of eventsPerInsert).
func (im *importer) writeEvents(ctx context.Context, tx *sql.Tx, progress func(done, total int)) error {
	w, err := im.newEventWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.ins.close()
	rowCtx := context.WithoutCancel(ctx)
	for n := 0; n < len(im.order); n += eventsPerInsert {
		if err := w.write(rowCtx, im.order[n:min(n+eventsPerInsert, len(im.order))]); err != nil {
			return err
		}
		if done := n + eventsPerInsert; done%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil && done%10000 == 0 && done < len(im.order) {
				progress(done, len(im.order))
			}
		}
	}
	return nil
}

// eventRowsBatch is how many event rows writeEventRows passes to SQLite in
// one call.
const eventRowsBatch = 1000

// writeEventRows writes the rows of the events, without their links, then
// builds the event table's dropped indexes again and writes the events'
// full-text entries, in a transaction of its own on a connection of its
// own to the file at path. Rows go one call into C per eventRowsBatch, not
// one per value. It is for a new file that no one else reads yet, and so
// writes it as buildFile does. It checks for cancelling between batches,
// and reports progress.
func (im *importer) writeEventRows(ctx context.Context, path string, progress func(done, total int)) error {
	c, err := openC(path, readWrite)
	if err != nil {
		return err
	}
	defer c.close()
	if err := c.exec(`PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON;
		PRAGMA cache_size = -131072`); err != nil {
		return err
	}
	ins, err := c.inserter(eventInsert(1), eventRowValues)
	if err != nil {
		return err
	}
	defer ins.close()
	if err := c.exec("BEGIN IMMEDIATE"); err != nil {
		return err
	}
	committed := false
	defer func() {
		if !committed {
			c.exec("ROLLBACK")
		}
	}()
	// The values of the next batch of rows are gathered while SQLite
	// writes the last one: in order of start, they are read from all over
	// the document, which costs as much as the writing when the file was
	// not in that order.
	type batch struct {
		rows   *rowBatch
		events []int
	}
	full, empty, stop := make(chan batch), make(chan *rowBatch, 2), make(chan struct{})
	empty <- newRowBatch()
	empty <- newRowBatch()
	var gather sync.WaitGroup
	gather.Go(func() {
		defer close(full)
		for n := 0; n < len(im.order); n += eventRowsBatch {
			var b batch
			select {
			case b.rows = <-empty:
			case <-stop:
				return
			}
			b.events = im.order[n:min(n+eventRowsBatch, len(im.order))]
			for _, i := range b.events {
				im.eventRow(b.rows, i)
			}
			select {
			case full <- b:
			case <-stop:
				return
			}
		}
	})
	defer func() {
		close(stop)
		gather.Wait()
	}()
	done := 0
	for b := range full {
		if err := ctx.Err(); err != nil {
			return err
		}
		if written, err := ins.insert(b.rows); err != nil {
			i := b.events[written]
			return fmt.Errorf("%s: %w", record("events", i, im.doc.Events[i].Key), err)
		}
		empty <- b.rows
		if done += len(b.events); progress != nil && done%10000 == 0 && done < len(im.order) {
			progress(done, len(im.order))
		}
	}
	if err := im.indexEvents(func(query string) error { return c.execContext(ctx, query) }); err != nil {
		return err
	}
	if err := c.exec("COMMIT"); err != nil {
		return err
	}
	committed = true
	return nil
}

// writeLinks writes the links of the events, whose rows writeEventRows has
// written, in tx.
func (im *importer) writeLinks(ctx context.Context, tx *sql.Tx) error {
	w, err := im.newEventWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.ins.close()
	rowCtx := context.WithoutCancel(ctx)
	// Which events have links is found in the document's order, as it
	// lies in memory; most events of a big import have none.
	linked := make([]bool, len(im.doc.Events))
	for i := range linked {
		pe := &im.p.events[i]
		linked[i] = pe.actors > 0 || pe.quotes > 0 || pe.sources > 0 || len(im.doc.Events[i].Tags) > 0
	}
	for n, i := range im.order {
		if n%1000 == 999 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if !linked[i] {
			continue
		}
		if err := w.links(rowCtx, i); err != nil {
			return fmt.Errorf("%s: %w", record("events", i, im.doc.Events[i].Key), err)
		}
	}
	return nil
}

// writeStops writes the stops and reports the events all written.
func (im *importer) writeStops(ctx context.Context, tx *sql.Tx, progress func(done, total int)) error {
	var first int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stop`).Scan(&first); err != nil {
		return err
	}
	rowCtx := context.WithoutCancel(ctx)
	for i, ps := range im.p.stops {
		st := Stop{Position: first + int64(i), Caption: im.doc.Stops[i].Caption, ViewStart: ps.from, ViewEnd: ps.to}
		if ps.event >= 0 {
			st.EventID = im.ids[ps.event]
		}
		if ps.quote >= 0 {
			st.QuoteID = im.quoteIDs[ps.quote]
		}
		for _, l := range ps.hidden {
			st.HiddenLanes = append(st.HiddenLanes, im.laneIDs[l])
		}
		if _, err := insertStop(rowCtx, tx, st); err != nil {
			return fmt.Errorf("%s: %w", record("stops", i, ""), err)
		}
	}
	if progress != nil {
		progress(len(im.order), len(im.order))
	}
	return nil
}

// dropIndexes drops the indexes made by CREATE INDEX on table and returns
// the statements that make them again, exactly as they were written.
func dropIndexes(ctx context.Context, tx *sql.Tx, table string) ([]string, error) {
	return dropObjects(ctx, tx, "index", table)
}

// dropObjects drops the indexes or triggers (kind) made on table and
// returns the statements that make them again, exactly as they were
// written.
func dropObjects(ctx context.Context, tx *sql.Tx, kind, table string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_schema
		WHERE type = ? AND tbl_name = ? AND sql IS NOT NULL ORDER BY rowid`, kind, table)
	if err != nil {
		return nil, err
	}
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return nil, err
		}
		names, defs = append(names, name), append(defs, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	drop := map[string]string{"index": "DROP INDEX", "trigger": "DROP TRIGGER"}[kind]
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, drop+` "`+name+`"`); err != nil {
			return nil, err
		}
	}
	return defs, nil
}

// bigImport is the number of events above which an import is written in
// order of start.
const bigImport = 10000

// eventsPerInsert is the number of events written by one INSERT
// statement: fewer statements cost less than the same rows one at a time.
const eventsPerInsert = 50

// eventRowColumns are the columns of an event row as eventWriter writes them.
const eventRowColumns = `id, lane_id, title, summary, start, start_precision, "end", end_precision,
	earliest_start, latest_end, start_uncertain, end_uncertain, status, date_note, derived_expression,
	derived_quote_id, derived_said_at, derived_said_precision, created_at, updated_at, start_ms, end_ms`

// eventInsert returns an INSERT of n event rows.
func eventInsert(n int) string {
	row := "(" + strings.Repeat("?, ", strings.Count(eventRowColumns, ",")) + "?)"
	return "INSERT INTO event (" + eventRowColumns + ") VALUES " + strings.Repeat(row+", ", n-1) + row
}

// eventInserts are the prepared statements that write events and their
// links: event writes one event, events eventsPerInsert of them.
type eventInserts struct {
	event, events, actor, tag, quote, source *sql.Stmt
}

func prepareEventInserts(ctx context.Context, tx *sql.Tx) (*eventInserts, error) {
	ins := &eventInserts{}
	for _, st := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&ins.event, eventInsert(1)},
		{&ins.events, eventInsert(eventsPerInsert)},
		{&ins.actor, `INSERT INTO event_actor (event_id, actor_id) VALUES (?, ?)`},
		{&ins.tag, `INSERT INTO event_tag (event_id, tag_id) VALUES (?, ?)`},
		{&ins.quote, `INSERT INTO event_quote (event_id, quote_id, stance) VALUES (?, ?, ?)`},
		{&ins.source, `INSERT INTO event_source (event_id, source_id, stance) VALUES (?, ?, ?)`},
	} {
		stmt, err := tx.PrepareContext(ctx, st.query)
		if err != nil {
			ins.close()
			return nil, err
		}
		*st.dst = stmt
	}
	return ins, nil
}

func (ins *eventInserts) close() {
	for _, st := range []*sql.Stmt{ins.event, ins.events, ins.actor, ins.tag, ins.quote, ins.source} {
		if st != nil {
			st.Close()
		}
	}
}

// eventWriter writes events with their links through database/sql.
type eventWriter struct {
	im   *importer
	tx   *sql.Tx
	ins  *eventInserts
	args sqlArgs
}

// newEventWriter prepares the statements of an eventWriter in tx; the
// caller closes them (w.ins.close).
func (im *importer) newEventWriter(ctx context.Context, tx *sql.Tx) (*eventWriter, error) {
	ins, err := prepareEventInserts(ctx, tx)
	if err != nil {
		return nil, err
	}
	return &eventWriter{im: im, tx: tx, ins: ins}, nil
}

// write writes the events numbered events, with their links: in one
// statement if there are eventsPerInsert of them, else one by one. If the
// statement fails, they are written one by one, so that the error names
// the event that failed.
func (w *eventWriter) write(ctx context.Context, events []int) error {
	if len(events) == eventsPerInsert {
		w.args = w.args[:0]
		for _, i := range events {
			w.im.eventRow(&w.args, i)
		}
		if _, err := w.ins.events.ExecContext(ctx, w.args...); err == nil {
			for _, i := range events {
				if err := w.links(ctx, i); err != nil {
					return fmt.Errorf("%s: %w", record("events", i, w.im.doc.Events[i].Key), err)
				}
			}
			return nil
		}
	}
	for _, i := range events {
		w.args = w.args[:0]
		w.im.eventRow(&w.args, i)
		_, err := w.ins.event.ExecContext(ctx, w.args...)
		if err == nil {
			err = w.links(ctx, i)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", record("events", i, w.im.doc.Events[i].Key), err)
		}
	}
	return nil
}

// links writes the links of event i, once its row is written.
func (w *eventWriter) links(ctx context.Context, i int) error {
	im := w.im
	id := im.ids[i]
	actors, quotes, sources := im.p.eventLinks(i)
	for _, a := range actors {
		if _, err := w.ins.actor.ExecContext(ctx, id, im.actorIDs[a.to]); err != nil {
			return err
		}
	}
	for _, name := range im.doc.Events[i].Tags {
		t, err := im.tagID(ctx, w.tx, name)
		if err != nil {
			return err
		}
		if _, err := w.ins.tag.ExecContext(ctx, id, t); err != nil {
			return err
		}
	}
	for _, q := range quotes {
		if _, err := w.ins.quote.ExecContext(ctx, id, im.quoteIDs[q.to], string(q.stance)); err != nil {
			return err
		}
	}
	for _, src := range sources {
		if _, err := w.ins.source.ExecContext(ctx, id, im.sourceIDs[src.to], string(src.stance)); err != nil {
			return err
		}
	}
	return nil
}

// rowValues takes the values of a row to be written, one after the other.
type rowValues interface {
	Int(int64)
	Null()
	Text(string)
}

// sqlArgs gathers the values of rows as the arguments of a statement.
type sqlArgs []any

func (a *sqlArgs) Int(v int64)   { *a = append(*a, v) }
func (a *sqlArgs) Null()         { *a = append(*a, nil) }
func (a *sqlArgs) Text(s string) { *a = append(*a, s) }

// eventRowValues is the number of values in an event's row.
var eventRowValues = strings.Count(eventRowColumns, ",") + 1

// eventRow gives dst the values of the row of event i, in the order of
// eventRowColumns.
func (im *importer) eventRow(dst rowValues, i int) {
	e, pe := &im.doc.Events[i], &im.p.events[i]
	optional := func(v int64, ok bool) {
		if ok {
			dst.Int(v)
		} else {
			dst.Null()
		}
	}
	flag := func(b bool) {
		if b {
			dst.Int(1)
		} else {
			dst.Int(0)
		}
	}
	dst.Int(im.ids[i])
	dst.Int(im.laneIDs[pe.lane])
	dst.Text(e.Title)
	dst.Text(e.Summary)
	dst.Int(pe.start.Unix)
	dst.Int(int64(min(pe.start.Precision, PrecisionSecond)))
	optional(pe.end.Unix, !pe.end.IsZero())
	optional(int64(min(pe.end.Precision, PrecisionSecond)), !pe.end.IsZero())
	optional(pe.earliest, pe.hasEarliest)
	optional(pe.latest, pe.hasLatest)
	flag(e.StartUncertain)
	flag(e.EndUncertain)
	dst.Text(string(e.Status))
	dst.Text(e.DateNote)
	if dv := e.Derived; dv != nil {
		dst.Text(dv.Expression)
		if pe.derivedQuote >= 0 {
			dst.Int(im.quoteIDs[pe.derivedQuote])
		} else {
			dst.Null()
		}
		optional(pe.derivedSaidAt.Unix, !pe.derivedSaidAt.IsZero())
		optional(int64(pe.derivedSaidAt.Precision), !pe.derivedSaidAt.IsZero())
	} else {
		dst.Null()
		dst.Null()
		dst.Null()
		dst.Null()
	}
	dst.Int(im.now)
	dst.Int(im.now)
	optional(int64(pe.start.Milli), pe.start.Precision == PrecisionMillisecond)
	optional(int64(pe.end.Milli), pe.end.Precision == PrecisionMillisecond)
}

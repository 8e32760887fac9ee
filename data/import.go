package data

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
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
	if s.readOnly {
		return fmt.Errorf("data.ImportDocument: %w", ErrReadOnly)
	}
	p, err := doc.resolve()
	if err != nil {
		return fmt.Errorf("data.ImportDocument: %w", err)
	}
	return s.importResolved(ctx, doc, p, progress, false)
}

// importResolved writes doc, validated as p, in one transaction. fresh
// says the store is a new file being built by createWith, which no one
// else reads yet.
func (s *Store) importResolved(ctx context.Context, doc *Document, p *plan, progress func(done, total int), fresh bool) error {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return fmt.Errorf("data.ImportDocument: %w", err)
	}
	defer done()
	defer tx.Rollback()
	if err := importPlan(ctx, tx, doc, p, progress, fresh); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			// Cancelling rolls tx back at once; the row being written then
			// fails with sql.ErrTxDone, which is not the reason.
			err = cerr
		}
		return fmt.Errorf("data.ImportDocument: %w", err)
	}
	if err := tx.Commit(); err != nil {
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
	p, err := doc.resolve()
	if err != nil {
		return nil, fmt.Errorf("data.CreateFromDocument: %w", err)
	}
	s, err := createWith(ctx, path, func(s *Store) error { return s.importResolved(ctx, doc, p, progress, true) })
	if err != nil {
		return nil, fmt.Errorf("data.CreateFromDocument: %w", err)
	}
	return s, nil
}

// importPlan writes a resolved document in tx. In a fresh document (see
// importResolved) the indexes of the event table are built after its rows
// are written, which is faster than keeping them up to date row by row.
func importPlan(ctx context.Context, tx *sql.Tx, doc *Document, p *plan, progress func(done, total int), fresh bool) error {
	now := time.Now().Unix()
	// Statements that write one row each run under rowCtx, which cannot be
	// cancelled: given a context that can, the SQLite driver starts a
	// goroutine for every statement to watch it, which at a million rows
	// costs more than the writing. ctx is checked between rows instead.
	rowCtx := context.WithoutCancel(ctx)
	// A cache large enough for the indexes of a big import (128 MiB).
	if _, err := tx.ExecContext(ctx, "PRAGMA cache_size = -131072"); err != nil {
		return err
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
			return fmt.Errorf("meta %s: %w", m[0], err)
		}
	}

	var position int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position) + 1, 0) FROM lane`).Scan(&position); err != nil {
		return err
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
	laneIDs := make([]int64, len(doc.Lanes))
	for i, l := range doc.Lanes {
		if id, err := existing("lane", l.Name); err != nil || id != 0 {
			laneIDs[i] = id
			if err != nil {
				return fmt.Errorf("%s: %w", record("lanes", i, l.Key), err)
			}
			continue
		}
		id, err := exec(`INSERT INTO lane (name, position, color, collapsed) VALUES (?, ?, ?, ?)`,
			l.Name, position+int64(i), l.Color, l.Collapsed)
		if err != nil {
			return fmt.Errorf("%s: %w", record("lanes", i, l.Key), err)
		}
		laneIDs[i] = id
	}

	actorIDs := make([]int64, len(doc.Actors))
	for i, a := range doc.Actors {
		if id, err := existing("actor", a.Name); err != nil || id != 0 {
			actorIDs[i] = id
			if err != nil {
				return fmt.Errorf("%s: %w", record("actors", i, a.Key), err)
			}
			continue
		}
		id, err := exec(`INSERT INTO actor (name, kind, description) VALUES (?, ?, ?)`, a.Name, a.Kind, a.Description)
		if err != nil {
			return fmt.Errorf("%s: %w", record("actors", i, a.Key), err)
		}
		actorIDs[i] = id
	}

	sourceIDs := make([]int64, len(doc.Sources))
	for i, src := range doc.Sources {
		var text, sum any
		if src.TextFile != "" {
			text, sum = src.Text, textSHA256(src.Text)
		}
		pub, pubPrec := p.sources[i].nullable()
		id, err := exec(`INSERT INTO source (title, outlet, url, published_at, published_precision,
			date_note, summary, text, text_sha256, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			src.Title, src.Outlet, src.URL, pub, pubPrec, src.DateNote, src.Summary, text, sum, now, now)
		if err == nil {
			_, err = exec(`INSERT INTO source_fts (docid, title, text) VALUES (?, ?, ?)`, id, src.Title, text)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", record("sources", i, src.Key), err)
		}
		sourceIDs[i] = id
	}

	quoteIDs := make([]int64, len(doc.Quotes))
	for i, q := range doc.Quotes {
		if i%1000 == 999 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		pq := p.quotes[i]
		var speaker, start, end any
		if pq.speaker >= 0 {
			speaker = actorIDs[pq.speaker]
		}
		if pq.hasOffsets {
			start, end = pq.start, pq.end
		}
		id, err := exec(`INSERT INTO quote (text, speaker_id, said_at, said_precision, source_id,
			start_byte, end_byte, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			q.Text, speaker, pq.saidAt.Unix, int64(pq.saidAt.Precision), sourceIDs[pq.source], start, end, now, now)
		if err == nil {
			_, err = exec(`INSERT INTO quote_fts (docid, text) VALUES (?, ?)`, id, q.Text)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", record("quotes", i, q.Key), err)
		}
		quoteIDs[i] = id
	}

	tagIDs := make(map[string]int64)
	tagID := func(name string) (int64, error) {
		if id, ok := tagIDs[name]; ok {
			return id, nil
		}
		if _, err := exec(`INSERT OR IGNORE INTO tag (name) VALUES (?)`, name); err != nil {
			return 0, err
		}
		var id int64
		if err := tx.QueryRowContext(rowCtx, `SELECT id FROM tag WHERE name = ?`, name).Scan(&id); err != nil {
			return 0, err
		}
		tagIDs[name] = id
		return id, nil
	}

	ins, err := prepareEventInserts(ctx, tx)
	if err != nil {
		return err
	}
	defer ins.close()
	// A big import is written in order of start, so that the indexes grow
	// at their ends instead of being updated all over; a small one keeps
	// the document's order.
	order := make([]int, len(doc.Events))
	for i := range order {
		order[i] = i
	}
	if len(order) > bigImport {
		// Events that start together keep the document's order.
		slices.SortFunc(order, func(a, b int) int {
			return cmp.Or(cmp.Compare(p.events[a].start.Unix, p.events[b].start.Unix), cmp.Compare(a, b))
		})
	}
	// New events are numbered on from the highest id, so that their
	// full-text entries can be written in one statement afterwards.
	var base int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM event`).Scan(&base); err != nil {
		return err
	}
	if base > math.MaxInt64-int64(len(order)) {
		return fmt.Errorf("event ids would overflow: the highest is %d", base)
	}
	var eventIndexes []string
	if fresh {
		if eventIndexes, err = dropIndexes(ctx, tx, "event"); err != nil {
			return err
		}
	}
	eventIDs := make([]int64, len(doc.Events))
	for i, n := range order {
		eventIDs[n] = base + int64(i) + 1
	}
	w := eventWriter{ins: ins, doc: doc, p: p, ids: eventIDs, now: now,
		laneIDs: laneIDs, actorIDs: actorIDs, sourceIDs: sourceIDs, quoteIDs: quoteIDs, tagID: tagID}
	// Events are written eventsPerInsert to a statement, which checks for
	// cancelling and reports progress every 1,000 (a multiple of it).
	for n := 0; n < len(order); n += eventsPerInsert {
		if err := w.write(rowCtx, order[n:min(n+eventsPerInsert, len(order))]); err != nil {
			return err
		}
		if done := n + eventsPerInsert; done%1000 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if progress != nil && done%10000 == 0 {
				progress(done, len(order))
			}
		}
	}
	for _, def := range eventIndexes {
		if _, err := tx.ExecContext(ctx, def); err != nil {
			return fmt.Errorf("indexes of events: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO event_fts (docid, title, summary)
		SELECT id, title, summary FROM event WHERE id > ?`, base); err != nil {
		return fmt.Errorf("full-text index of events: %w", err)
	}
	if progress != nil {
		progress(len(order), len(order))
	}

	var first int64
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stop`).Scan(&first); err != nil {
		return err
	}
	for i, ps := range p.stops {
		st := Stop{Position: first + int64(i), Caption: doc.Stops[i].Caption, ViewStart: ps.from, ViewEnd: ps.to}
		if ps.event >= 0 {
			st.EventID = eventIDs[ps.event]
		}
		if ps.quote >= 0 {
			st.QuoteID = quoteIDs[ps.quote]
		}
		for _, l := range ps.hidden {
			st.HiddenLanes = append(st.HiddenLanes, laneIDs[l])
		}
		if _, err := insertStop(rowCtx, tx, st); err != nil {
			return fmt.Errorf("%s: %w", record("stops", i, ""), err)
		}
	}
	return nil
}

// dropIndexes drops the indexes made by CREATE INDEX on table and returns
// the statements that make them again, exactly as they were written.
func dropIndexes(ctx context.Context, tx *sql.Tx, table string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_schema
		WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY rowid`, table)
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
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX "`+name+`"`); err != nil {
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
	derived_quote_id, derived_said_at, derived_said_precision, created_at, updated_at`

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

// eventWriter writes the events of a resolved document with their links;
// their full-text entries are written with the others by importPlan.
type eventWriter struct {
	ins                                    *eventInserts
	doc                                    *Document
	p                                      *plan
	ids                                    []int64 // the new id of each event
	now                                    int64
	laneIDs, actorIDs, sourceIDs, quoteIDs []int64
	tagID                                  func(string) (int64, error)
	args                                   []any
}

// write writes the events numbered events, with their links: in one
// statement if there are eventsPerInsert of them, else one by one. If the
// statement fails, they are written one by one, so that the error names
// the event that failed.
func (w *eventWriter) write(ctx context.Context, events []int) error {
	if len(events) == eventsPerInsert {
		w.args = w.args[:0]
		for _, i := range events {
			w.args = w.eventArgs(w.args, i)
		}
		if _, err := w.ins.events.ExecContext(ctx, w.args...); err == nil {
			for _, i := range events {
				if err := w.links(ctx, i); err != nil {
					return fmt.Errorf("%s: %w", record("events", i, w.doc.Events[i].Key), err)
				}
			}
			return nil
		}
	}
	for _, i := range events {
		_, err := w.ins.event.ExecContext(ctx, w.eventArgs(w.args[:0], i)...)
		if err == nil {
			err = w.links(ctx, i)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", record("events", i, w.doc.Events[i].Key), err)
		}
	}
	return nil
}

// eventArgs appends the values of the row of event i to args.
func (w *eventWriter) eventArgs(args []any, i int) []any {
	e, pe := &w.doc.Events[i], &w.p.events[i]
	end, endPrec := pe.end.nullable()
	var expr, derivQuote, saidAt, saidPrec any
	if e.Derived != nil {
		expr = e.Derived.Expression
		if pe.derivedQuote >= 0 {
			derivQuote = w.quoteIDs[pe.derivedQuote]
		}
		saidAt, saidPrec = pe.derivedSaidAt.nullable()
	}
	return append(args, w.ids[i], w.laneIDs[pe.lane], e.Title, e.Summary, pe.start.Unix, int64(pe.start.Precision),
		end, endPrec, pe.earliest, pe.latest, e.StartUncertain, e.EndUncertain, string(e.Status),
		e.DateNote, expr, derivQuote, saidAt, saidPrec, w.now, w.now)
}

// links writes the links of event i, once its row is written.
func (w *eventWriter) links(ctx context.Context, i int) error {
	e, pe, id := &w.doc.Events[i], &w.p.events[i], w.ids[i]
	for _, a := range pe.actors {
		if _, err := w.ins.actor.ExecContext(ctx, id, w.actorIDs[a]); err != nil {
			return err
		}
	}
	for _, name := range e.Tags {
		t, err := w.tagID(name)
		if err != nil {
			return err
		}
		if _, err := w.ins.tag.ExecContext(ctx, id, t); err != nil {
			return err
		}
	}
	for j, q := range pe.quotes {
		if _, err := w.ins.quote.ExecContext(ctx, id, w.quoteIDs[q], string(pe.quoteSt[j])); err != nil {
			return err
		}
	}
	for j, src := range pe.sources {
		if _, err := w.ins.source.ExecContext(ctx, id, w.sourceIDs[src], string(pe.sourceSt[j])); err != nil {
			return err
		}
	}
	return nil
}

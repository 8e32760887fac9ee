package session_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data/interchange"
)

func TestSession_LargeDocumentIsShownFromItsSummaryFirst(t *testing.T) {
	o := sessiontest.New(t, session.Options{PreviewAbove: 1000}) // so that a small generated document counts as large
	path := sessiontest.Generated(t, 5000, 3, 4)
	o.S.Open(path)
	if err := sessiontest.Next[session.Opened](o).Err; err != nil {
		t.Fatal(err)
	}
	doc := o.S.Doc()
	sh := o.S.Showing()
	if !doc.Reading() || doc.Len() != 0 || sh.Summary == nil || sh.Summary.Len() != 5000 || sh.Index != nil {
		t.Fatalf("shown at first: reading %v, %d events, summary %v", doc.Reading(), doc.Len(), sh.Summary)
	}
	if lo, hi, ok := sh.Summary.Extent(); !ok || !(hi > lo) {
		t.Errorf("the summary's extent: %v to %v", lo, hi)
	}
	st := o.Await("the status of the reading", func(e session.Event) bool {
		st, ok := e.(session.Status)
		return ok && st.Work == session.WorkProgress
	}).(session.Status)
	if st.Text != "Reading the events of generated.quoteline…" || !o.S.Busy() {
		t.Errorf("while reading the events the status line shows %+v, busy %v; want progress and Cancel", st, o.S.Busy())
	}
	// What needs the events says it cannot yet, and leaves the reading be.
	var exported error
	o.S.ExportData(filepath.Join(t.TempDir(), "out.json"), interchange.FormatQuoteline, func(err error) { exported = err })
	if !errors.Is(exported, session.ErrReading) {
		t.Errorf("an export while reading: %v, want ErrReading", exported)
	}
	exported = nil
	o.S.ExportHandout(filepath.Join(t.TempDir(), "out.html"), func(err error) { exported = err })
	if !errors.Is(exported, session.ErrReading) {
		t.Errorf("a handout while reading: %v, want ErrReading", exported)
	}
	if err := sessiontest.Next[session.EventsRead](o).Err; err != nil {
		t.Fatal(err)
	}
	sessiontest.Next[session.Shown](o)
	sh = o.S.Showing()
	if doc.Reading() || doc.Len() != 5000 || sh.Summary != nil || sh.Index == nil || sh.Index.Len() != 5000 {
		t.Fatalf("once read: reading %v, %d events, index %v", doc.Reading(), doc.Len(), sh.Index)
	}
	if err := sessiontest.Next[session.Checked](o).Err; err != nil {
		t.Fatal(err)
	}
	// The events read are the document's: one can be selected and moved.
	id := doc.Item(2500).ID
	o.S.Select(id)
	sessiontest.Next[session.DetailsRead](o)
	o.S.MoveEvent(id, 86400, int(doc.Item(2500).Lane))
	if e := sessiontest.Next[session.Edited](o); e.Err != nil {
		t.Fatal(e.Err)
	}
}

func TestSession_ReadingTheEventsCanBeCancelled(t *testing.T) {
	o := sessiontest.New(t, session.Options{PreviewAbove: 1000})
	o.S.Open(sessiontest.Generated(t, 20_000, 3, 5))
	if err := sessiontest.Next[session.Opened](o).Err; err != nil || !o.S.Doc().Reading() {
		t.Fatalf("opened with %v, reading %v", err, o.S.Doc() != nil && o.S.Doc().Reading())
	}
	o.S.Cancel()
	if err := sessiontest.Next[session.EventsRead](o).Err; !errors.Is(err, context.Canceled) {
		t.Fatalf("reading ended with %v, want it cancelled", err)
	}
	if o.S.Doc() != nil || o.S.Busy() {
		t.Errorf("after cancelling: document %v, busy %v", o.S.Doc() != nil, o.S.Busy())
	}
}

func TestSession_StaleSummaryIsBuiltAgainOnceChecked(t *testing.T) {
	path := sessiontest.Generated(t, 3000, 2, 6)
	// Another program left a bulk write unfinished: the summary is stale.
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE lod_state SET bulk = 1`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	o := sessiontest.New(t, session.Options{PreviewAbove: 1000})
	if err := o.Open(path); err != nil {
		t.Fatal(err)
	}
	if o.S.Doc().Reading() || o.S.Doc().Len() != 3000 {
		t.Fatalf("a stale summary: reading %v with %d events read", o.S.Doc().Reading(), o.S.Doc().Len())
	}
	st := store(t, path)
	o.Until("the summary built again", func() bool {
		lod, err := st.LOD(context.Background())
		return err == nil && lod.Events == 3000
	})
}

func TestSession_SummaryThatMiscountsALaneIsBuiltAgain(t *testing.T) {
	path := sessiontest.Generated(t, 3000, 2, 7)
	// One event counted in the wrong lane: the total is right, and the
	// summary is drawn from, but once the events are read it is found out.
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE lod SET starts = starts + 1 WHERE rowid = (SELECT min(rowid) FROM lod WHERE lane_id = 1 AND starts > 0 AND level = (SELECT level FROM lod_state))`,
		`UPDATE lod SET starts = starts - 1 WHERE rowid = (SELECT min(rowid) FROM lod WHERE lane_id = 2 AND starts > 0 AND level = (SELECT level FROM lod_state))`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	var events int64
	if err := db.QueryRow(`SELECT count(*) FROM event WHERE lane_id = 1`).Scan(&events); err != nil {
		t.Fatal(err)
	}
	db.Close()
	o := sessiontest.New(t, session.Options{PreviewAbove: 1000})
	o.S.Open(path)
	if err := sessiontest.Next[session.Opened](o).Err; err != nil || !o.S.Doc().Reading() {
		t.Fatalf("opened with %v, reading %v", err, o.S.Doc() != nil && o.S.Doc().Reading())
	}
	if err := sessiontest.Next[session.Checked](o).Err; err != nil {
		t.Fatal(err)
	}
	st := store(t, path)
	o.Until("the summary built again", func() bool {
		lod, err := st.LOD(context.Background())
		if err != nil || lod.Lanes[1] == nil {
			return false
		}
		var summarized int64
		for _, n := range lod.Lanes[1].Starts {
			summarized += n
		}
		return summarized == events
	})
}

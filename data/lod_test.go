package data

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
)

// lodOfSpans counts the store's events, as read through Spans, at level:
// what its summary must say.
func lodOfSpans(t *testing.T, s *Store, level int) *LOD {
	t.Helper()
	spans, err := s.Spans(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	b := newLODBuilder()
	b.level, b.fixed = level, true
	for i := range spans {
		b.add(&spans[i], 1)
	}
	return b.lod()
}

// checkLOD fails unless s's summary, as read at open, counts its events
// as they are, with pending changes of the log applied in memory.
func checkLOD(t *testing.T, s *Store, what string, pending int) {
	t.Helper()
	got, err := s.LOD(context.Background())
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if got.Pending != pending {
		t.Errorf("%s: %d changes pending, want %d", what, got.Pending, pending)
	}
	want := lodOfSpans(t, s, got.Level)
	want.Pending = got.Pending
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: the summary counts %d events at level %d, not as the events are (%d)", what, got.Events, got.Level, want.Events)
	}
}

func TestLOD_KeptWithTheEvents(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "doc.quoteline")
	s, err := Generate(ctx, path, GenerateOptions{Events: 3000, Lanes: 4, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkLOD(t, s, "after gen", 0)
	lod, _ := s.LOD(ctx)
	if lod.Events != 3000 || len(lod.Lanes) != 4 {
		t.Fatalf("gen: %d events in %d lanes summarized", lod.Events, len(lod.Lanes))
	}
	if n := len(lod.Lanes[1].Buckets); n > lodFineBuckets {
		t.Errorf("%d buckets in one lane at the finest level", n)
	}

	// Our own edits, and their undoing, keep it in step in their own
	// transactions.
	e, err := s.Event(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	e.MoveDates(400 * 86400)
	e.LaneID = 2
	_, moved, err := s.SaveEvent(ctx, e)
	if err != nil {
		t.Fatal(err)
	}
	checkLOD(t, s, "after a move to another lane", 0)
	e.ID = 0
	e.Title = "a new range"
	e.End = Time{Unix: e.Start.Unix + 90*86400, Precision: PrecisionDay}
	if _, _, err := s.SaveEvent(ctx, e); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteEvent(ctx, 20); err != nil {
		t.Fatal(err)
	}
	checkLOD(t, s, "after an insert and a delete", 0)
	if err := s.Apply(ctx, moved.Inverse()); err != nil {
		t.Fatal(err)
	}
	checkLOD(t, s, "after undoing the move", 0)

	// Another program's writes run the triggers: the summary is read with
	// them applied, and our next write brings the file up to date.
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`UPDATE event SET start = start + 86400 * 700, "end" = "end" + 86400 * 700 WHERE id BETWEEN 100 AND 120`,
		`DELETE FROM event WHERE id BETWEEN 200 AND 205`,
		`INSERT INTO event (lane_id, title, start, start_precision, status, created_at, updated_at)
			VALUES (3, 'theirs', 1500000000, 5, 'reported', 0, 0)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	checkLOD(t, s, "after another program's writes", 2*21+6+1)
	if _, _, err := s.SaveLane(ctx, Lane{Name: "Mine", Color: "#123456"}); err != nil {
		t.Fatal(err)
	}
	checkLOD(t, s, "after our next write", 0)

	// A log too long to read at open, or a bulk write never finished,
	// makes it stale until it is built again.
	for range 2 { // each change of an event logs two rows
		if _, err := db.Exec(`UPDATE event SET start = start + 1`); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.LOD(ctx); !errors.Is(err, ErrLODStale) {
		t.Errorf("with over %d changes logged: %v, want stale", lodLogLimit, err)
	}
	if current, err := s.LODCurrent(ctx); current || err != nil {
		t.Errorf("with over %d changes logged: current %v, %v", lodLogLimit, current, err)
	}
	if err := s.RebuildLOD(ctx); err != nil {
		t.Fatal(err)
	}
	checkLOD(t, s, "built again", 0)
	if current, err := s.LODCurrent(ctx); !current || err != nil {
		t.Errorf("built again: current %v, %v", current, err)
	}
	if _, err := db.Exec(`UPDATE lod_state SET bulk = 1`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LOD(ctx); !errors.Is(err, ErrLODStale) {
		t.Errorf("with a bulk write unfinished: %v, want stale", err)
	}
}

func TestLOD_ImportBuildsIt(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "doc.quoteline")
	s, err := Generate(ctx, path, GenerateOptions{Events: 500, Lanes: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	doc, err := s.ExportDocument(ctx, ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := CreateFromDocument(ctx, filepath.Join(t.TempDir(), "copy.quoteline"), doc)
	if err != nil {
		t.Fatal(err)
	}
	defer fresh.Close()
	checkLOD(t, fresh, "a new document imported", 0)
	if err := s.ImportDocument(ctx, doc); err != nil {
		t.Fatal(err)
	}
	checkLOD(t, s, "a document imported into another", 0)
	if lod, _ := s.LOD(ctx); lod.Events != 1000 {
		t.Errorf("%d events summarized, want 1000", lod.Events)
	}
}

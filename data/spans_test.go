package data

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// generated writes a synthetic document of n events in a temporary folder
// and returns it open; it is closed when the test ends.
func generated(t *testing.T, n, lanes int, seed uint64) *Store {
	t.Helper()
	s, err := Generate(context.Background(), filepath.Join(t.TempDir(), "g.quoteline"), GenerateOptions{Events: n, Lanes: lanes, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore_SpansMatchEvents(t *testing.T) {
	ctx := context.Background()
	s := generated(t, 3000, 3, 2)
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var reports []int
	spans, err := s.Spans(ctx, func(done, total int) {
		if total != 3000 {
			t.Errorf("progress total %d", total)
		}
		reports = append(reports, done)
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(spans) != len(evs) || len(reports) == 0 || reports[len(reports)-1] != 3000 {
		t.Fatalf("%d spans for %d events; progress %v", len(spans), len(evs), reports)
	}
	spansMatch(t, spans, evs)
	titles := map[int64]string{}
	batches := 0
	if err := s.Titles(ctx, 1000, func(ids []int64, ts []string) bool {
		batches++
		for k, id := range ids {
			titles[id] = ts[k]
		}
		return true
	}); err != nil {
		t.Fatal(err)
	}
	if batches != 3 || len(titles) != 3000 || titles[evs[10].ID] != evs[10].Title {
		t.Errorf("%d batches, %d titles", batches, len(titles))
	}
	// Stopping early.
	batches = 0
	s.Titles(ctx, 1000, func([]int64, []string) bool { batches++; return false })
	if batches != 1 {
		t.Errorf("%d batches after asking to stop", batches)
	}
}

func TestStore_SpansCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s := generated(t, 120_000, 2, 0)
	if _, err := s.Spans(ctx, func(int, int) { cancel() }); err == nil {
		t.Error("a cancelled read gave no error")
	}
}

func TestStore_SpansReadTheCoveringIndex(t *testing.T) {
	ctx := context.Background()
	s, err := Create(ctx, filepath.Join(t.TempDir(), "e.quoteline"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+spanQuery)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan += detail + "; "
	}
	if !strings.Contains(plan, "COVERING INDEX event_span") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("query plan %q does not read the covering index in order", plan)
	}
}

// spansMatch checks spans against the events they were read from, in the
// same order.
func spansMatch(t *testing.T, spans []Span, evs []Event) {
	t.Helper()
	if len(spans) != len(evs) {
		t.Fatalf("%d spans for %d events", len(spans), len(evs))
	}
	for i, e := range evs {
		sp := spans[i]
		lo, hi := e.Extent()
		if sp.ID != e.ID || sp.LaneID != e.LaneID || sp.Start != e.Start || sp.End != e.End || sp.Status != e.Status ||
			sp.EarliestStart != lo || sp.LatestEnd != hi || sp.StartUncertain != e.StartUncertain || sp.EndUncertain != e.EndUncertain {
			t.Fatalf("span %d = %+v, event %+v", i, sp, e)
		}
	}
}

// Events with an earliest start or latest end, or in a lane whose id does
// not fit the packed query, are read by the wide query, with the same result.
func TestStore_SpansWithBoundsAndLargeLaneIDs(t *testing.T) {
	ctx := context.Background()
	s := generated(t, 500, 2, 4)
	for _, q := range []string{
		`UPDATE event SET earliest_start = start - 86400 * 40 WHERE id % 5 = 0`,
		`UPDATE event SET latest_end = start + 86400 * 400 WHERE id % 7 = 0`,
		`INSERT INTO lane (id, name, position, color) VALUES (1 << 50, 'Far', 9, '#123456')`,
		`UPDATE event SET lane_id = 1 << 50 WHERE id % 3 = 0`,
	} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	var wide bool
	if err := s.db.QueryRowContext(ctx, spanQueryNeeded).Scan(&wide); err != nil || !wide {
		t.Fatalf("wide query needed: %v, %v", wide, err)
	}
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	spans, err := s.Spans(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	spansMatch(t, spans, evs)
}

// A row that breaks the schema's rules (possible in a hand-made file, whose
// CHECK constraints SQLite does not re-check on reading) is refused by name.
func TestStore_SpansRefuseBadRows(t *testing.T) {
	ctx := context.Background()
	s := generated(t, 50, 1, 5)
	if _, err := s.db.ExecContext(ctx, `PRAGMA ignore_check_constraints = ON`); err != nil {
		t.Fatal(err)
	}
	s.db.SetMaxOpenConns(1) // the pragma is per connection
	if _, err := s.db.ExecContext(ctx, `PRAGMA ignore_check_constraints = ON`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE event SET status = 'rumoured' WHERE id = 7`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Spans(ctx, nil); err == nil || !strings.Contains(err.Error(), "event 7: its status is not one of") {
		t.Errorf("a bad status read as %v", err)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE event SET status = 'reported', start_precision = 6 WHERE id = 7`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Spans(ctx, nil); err == nil || !strings.Contains(err.Error(), "event 7: start precision 6") {
		t.Errorf("a bad precision read as %v", err)
	}
}

func TestStore_TitlesOf(t *testing.T) {
	ctx := context.Background()
	s := generated(t, 1200, 2, 6)
	evs, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ids := []int64{-5, 99999} // not there: left out
	want := map[int64]string{}
	for i := 0; i < len(evs); i += 2 { // more than one query's worth
		ids = append(ids, evs[i].ID)
		want[evs[i].ID] = evs[i].Title
	}
	got := map[int64]string{}
	if err := s.TitlesOf(ctx, ids, func(id int64, title string) { got[id] = title }); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("%d titles, want %d", len(got), len(want))
	}
	for id, title := range want {
		if got[id] != title {
			t.Fatalf("title of %d = %q, want %q", id, got[id], title)
		}
	}
}

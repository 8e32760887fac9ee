package data

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestStore_SpansMatchEvents(t *testing.T) {
	ctx := context.Background()
	s, err := Generate(ctx, filepath.Join(t.TempDir(), "g.quoteline"), GenerateOptions{Events: 3000, Lanes: 3, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
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
	for i, e := range evs {
		sp := spans[i]
		lo, hi := e.Extent()
		if sp.ID != e.ID || sp.LaneID != e.LaneID || sp.Start != e.Start || sp.End != e.End || sp.Status != e.Status ||
			sp.EarliestStart != lo || sp.LatestEnd != hi || sp.StartUncertain != e.StartUncertain || sp.EndUncertain != e.EndUncertain {
			t.Fatalf("span %d = %+v, event %+v", i, sp, e)
		}
	}
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
	s, err := Generate(context.Background(), filepath.Join(t.TempDir(), "g.quoteline"), GenerateOptions{Events: 120_000, Lanes: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
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
	rows, err := s.db.QueryContext(ctx, `EXPLAIN QUERY PLAN SELECT id, lane_id, start, start_precision, "end", end_precision,
		earliest_start, latest_end, start_uncertain, end_uncertain, status FROM event ORDER BY start`)
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

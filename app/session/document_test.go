package session

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/procstat"
	"github.com/quoteline/quoteline/timeline"
)

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// spanDoc builds an in-memory document of n one-day events over lanes,
// without a store.
func spanDoc(n, lanes int) *Document {
	d := newDocument(nil)
	for l := range lanes {
		d.lanes = append(d.lanes, data.Lane{ID: int64(l + 1), Name: fmt.Sprint("Lane ", l+1), Color: "#336699"})
	}
	var evs []data.Event
	for i := range n {
		evs = append(evs, data.Event{ID: int64(i + 1), LaneID: int64(i%lanes + 1), Title: fmt.Sprint("e", i+1),
			Start: data.Time{Unix: int64(i) * 3600, Precision: data.PrecisionMinute}, Status: data.StatusReported})
	}
	d.applyChanges(evs, nil, d.lanes)
	return d
}

func TestDocument_ApplyChangesKeepsOrder(t *testing.T) {
	d := spanDoc(100, 3)
	moved := data.Event{ID: 5, LaneID: 2, Title: "moved", Start: data.Time{Unix: 50*3600 + 1, Precision: data.PrecisionSecond}, Status: data.StatusDisputed}
	added := data.Event{ID: 1000, LaneID: 1, Title: "added", Start: data.Time{Unix: -10, Precision: data.PrecisionSecond}, Status: data.StatusReported}
	d.applyChanges([]data.Event{added, moved}, []int64{5, 1000, 7}, nil) // 7 deleted
	if len(d.items) != 100 || len(d.info) != 100 {
		t.Fatalf("%d items, %d infos; want 100", len(d.items), len(d.info))
	}
	pos := func(id int64) int {
		i, ok := d.ids.pos(id)
		if !ok {
			t.Fatalf("event %d not found", id)
		}
		return i
	}
	for i := range d.items {
		if i > 0 && d.items[i].Start < d.items[i-1].Start {
			t.Fatalf("items out of order at %d", i)
		}
		if pos(d.items[i].ID) != i || d.SpanAt(i).ID != d.items[i].ID {
			t.Fatalf("ids or spans out of step at %d", i)
		}
	}
	if d.ItemTitle(d.items[0].ID) != "added" || d.ItemTitle(5) != "moved" || d.items[pos(5)].Lane != 1 {
		t.Errorf("added/moved wrong: %+v %+v", d.items[0], d.items[pos(5)])
	}
	if _, ok := d.ids.pos(7); ok {
		t.Error("deleted event 7 still there")
	}
	if d.index.Len() != 100 {
		t.Errorf("index holds %d items", d.index.Len())
	}

	// A new title or status alone changes the item where it is.
	index := d.index
	sp9 := d.SpanAt(pos(9))
	ev := data.Event{ID: 9, LaneID: sp9.LaneID, Title: "retitled", Start: sp9.Start, Status: data.StatusDisputed}
	d.applyChanges([]data.Event{ev}, []int64{9}, nil)
	if it := d.items[pos(9)]; d.ItemTitle(9) != "retitled" || it.Style != timeline.StyleDisputed || d.index != index {
		t.Errorf("in-place update: %+v, index rebuilt: %v", it, d.index != index)
	}
}

// BenchmarkDocument_ApplyOneEdit measures showing one edited event in a
// document of a million: a retitled event is updated in place; a moved one
// makes the arrays merge and the index rebuild.
func BenchmarkDocument_ApplyOneEdit(b *testing.B) {
	d := spanDoc(1_000_000, 10)
	retitled := data.Event{ID: 500_000, LaneID: 10, Title: "renamed", Start: data.Time{Unix: 499_999 * 3600, Precision: data.PrecisionMinute},
		Status: data.StatusDisputed}
	b.Run("retitle", func(b *testing.B) {
		for b.Loop() {
			d.applyChanges([]data.Event{retitled}, []int64{retitled.ID}, nil)
		}
	})
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		d := spanDoc(n, 10)
		moved := data.Event{ID: int64(n / 2), LaneID: 3, Title: "moved", Status: data.StatusReported}
		b.Run(fmt.Sprintf("move-a-day/%d", n), func(b *testing.B) {
			// A day later and back, in another lane: as a drag does.
			near := data.Event{ID: int64(n / 3), LaneID: 4, Title: "dragged", Status: data.StatusReported}
			later := false
			for b.Loop() {
				later = !later
				near.Start = data.Time{Unix: int64(n/3-1) * 3600, Precision: data.PrecisionMinute}
				if later {
					near.Start.Unix += 86400
				}
				d.applyChanges([]data.Event{near}, []int64{near.ID}, nil)
			}
		})
		b.Run(fmt.Sprintf("move/%d", n), func(b *testing.B) {
			// Back and forth between two places, so that every edit moves
			// the event (an edit that leaves it where it is costs nothing).
			far := false
			for b.Loop() {
				far = !far
				moved.Start = data.Time{Unix: 12345, Precision: data.PrecisionDay}
				if far {
					moved.Start.Unix = int64(n) * 3600
				}
				d.applyChanges([]data.Event{moved}, []int64{moved.ID}, nil)
			}
		})
		b.Run(fmt.Sprintf("add-or-delete/%d", n), func(b *testing.B) {
			// A new event in the middle, then deleting it again: one edit each.
			added := data.Event{ID: int64(n + 1), LaneID: 2, Title: "added", Status: data.StatusReported,
				Start: data.Time{Unix: int64(n/2) * 3600, Precision: data.PrecisionMinute}}
			in := false
			for b.Loop() {
				if in = !in; in {
					d.applyChanges([]data.Event{added}, []int64{added.ID}, nil)
				} else {
					d.applyChanges(nil, []int64{added.ID}, nil)
				}
			}
		})
	}
}

// TestDocument_MergeRunsMatchesFullRebuild: random moves, additions and
// deletions applied by copying runs give the same items, infos, bounds and
// index as making every item again.
func TestDocument_MergeRunsMatchesFullRebuild(t *testing.T) {
	fast, full := spanDoc(2000, 5), spanDoc(2000, 5)
	r := rand.New(rand.NewPCG(1, 2))
	nextID := int64(5000)
	for step := range 300 {
		var changed []data.Event
		var touched []int64
		for range 1 + r.IntN(3) {
			id := int64(1 + r.IntN(2000))
			if slices.Contains(touched, id) {
				continue
			}
			touched = append(touched, id)
			if r.IntN(4) == 0 {
				continue // deleted
			}
			e := data.Event{ID: id, LaneID: int64(1 + r.IntN(5)), Title: fmt.Sprint("moved ", step),
				Start: data.Time{Unix: int64(r.IntN(2100)) * 3600, Precision: data.PrecisionMinute}, Status: data.StatusDisputed}
			if r.IntN(3) == 0 {
				earlier := e.Start.Unix - 86400
				e.EarliestStart = &earlier
			}
			changed = append(changed, e)
		}
		if r.IntN(3) == 0 {
			nextID++
			touched = append(touched, nextID)
			changed = append(changed, data.Event{ID: nextID, LaneID: 2, Title: "added",
				Start: data.Time{Unix: int64(r.IntN(2100)) * 3600, Precision: data.PrecisionDay}, Status: data.StatusReported})
		}
		slices.SortFunc(changed, func(a, b data.Event) int {
			return cmp.Or(cmp.Compare(a.Start.Unix, b.Start.Unix), cmp.Compare(a.ID, b.ID))
		})
		fast.applyChanges(changed, touched, nil)
		full.applyChanges(changed, touched, full.lanes)
		if !slices.Equal(fast.items, full.items) || !slices.Equal(fast.info, full.info) || !maps.Equal(fast.earliest, full.earliest) {
			t.Fatalf("step %d: merged runs differ from a full rebuild", step)
		}
		if !fast.index.Equal(full.index) {
			t.Fatalf("step %d: indexes differ", step)
		}
		for _, e := range changed {
			if i, ok := fast.ids.pos(e.ID); !ok || fast.items[i].ID != e.ID {
				t.Fatalf("step %d: event %d not found by id", step, e.ID)
			}
		}
	}
}

func TestIDIndex(t *testing.T) {
	items := func(ids ...int64) []timeline.Item {
		out := make([]timeline.Item, len(ids))
		for i, id := range ids {
			out[i].ID = id
		}
		return out
	}
	tests := []struct {
		name    string
		ids     []int64
		dense   bool
		wantErr bool
	}{
		{"consecutive", []int64{12, 10, 11, 13}, true, false},
		{"gaps", []int64{40, 3, 7, 1 << 40}, false, false},
		{"repeated consecutive", []int64{1, 2, 2}, false, true},
		{"repeated, spanning as many ids as events", []int64{1, 1, 3}, false, true},
		{"repeated with gaps", []int64{9, 1, 9}, false, true},
		{"none", nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := newIDIndex(items(tt.ids...))
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if (x.dense != nil) != tt.dense {
				t.Errorf("dense %v, want %v", x.dense != nil, tt.dense)
			}
			for i, id := range tt.ids {
				if k, ok := x.pos(id); !ok || k != i {
					t.Errorf("pos(%d) = %d, %v; want %d", id, k, ok, i)
				}
			}
			for _, id := range []int64{-1, 0, 5, 14, 1<<40 + 1} {
				if k, ok := x.pos(id); ok {
					t.Errorf("pos(%d) = %d for an id not there", id, k)
				}
			}
		})
	}
}

func TestTitleFetcher_DropsTheOldestBeyondItsCapacity(t *testing.T) {
	doc := newDocument(nil)
	f := newTitleFetcher(doc)
	f.capacity = 3
	for id := range int64(5) {
		f.pending[id] = true
		f.apply([]int64{id}, []titleGot{{id: id, title: "t" + string(rune('0'+id))}})
	}
	var got []string
	for id := range int64(10) {
		got = append(got, doc.titles[id])
	}
	if strings.Join(got, ",") != ",,t2,t3,t4,,,,," || len(f.pending) != 0 {
		t.Errorf("titles held %q, %d pending", got, len(f.pending))
	}
}

// TestLoadBig reports how long each step of loading QUOTELINE_BIG takes, in
// wall and CPU time, and the heap it leaves; it is skipped unless that variable
// names a document.
func TestLoadBig(t *testing.T) {
	path := os.Getenv("QUOTELINE_BIG")
	if path == "" {
		t.Skip("QUOTELINE_BIG not set")
	}
	ctx := context.Background()
	step := func(name string, f func()) {
		t.Helper()
		w0, c0 := time.Now(), procstat.CPUTime()
		f()
		t.Logf("%-34s wall %6.0f ms  cpu %6.0f ms", name, ms(time.Since(w0)), ms(procstat.CPUTime()-c0))
	}
	step("integrity check (quick_check)", func() {
		s, check, err := data.OpenChecking(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if err := check(ctx); err != nil {
			t.Fatal(err)
		}
		s.Close()
	})
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n int
	step("read spans only (EachSpan)", func() {
		if err := s.EachSpan(ctx, nil, func(*data.Span) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
	})
	var d *Document
	runtime.GC()
	step("read document (spans, items, ids, index)", func() {
		if d, err = readDocument(ctx, s, 0, 0, nil); err != nil {
			t.Fatal(err)
		}
	})
	step("index alone (NewIndex)", func() { timeline.NewIndex(d.items, d.earliest, len(d.tlLanes)) })
	runtime.GC()
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	t.Logf("%d events; live heap with the document %.0f MB", n, float64(mem.HeapAlloc)/(1<<20))
	runtime.KeepAlive(d)
}

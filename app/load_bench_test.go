package app

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// TestLoadBig reports how long each step of loading QUOTELINE_BIG takes, in
// wall and CPU time, and the heap it leaves; it is skipped unless that
// variable names a document.
func TestLoadBig(t *testing.T) {
	path := os.Getenv("QUOTELINE_BIG")
	if path == "" {
		t.Skip("QUOTELINE_BIG not set")
	}
	ctx := context.Background()
	step := func(name string, f func()) {
		t.Helper()
		w0, c0 := time.Now(), cpuTime()
		f()
		t.Logf("%-34s wall %6.0f ms  cpu %6.0f ms", name, ms(time.Since(w0)), ms(cpuTime()-c0))
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
	var d *document
	runtime.GC()
	step("read document (spans, items, ids, index)", func() {
		if d, err = readDocument(ctx, s, 0, nil); err != nil {
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

package app

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// TestLoadBig reports how long each step of loading QUOTELINE_BIG takes; it
// is skipped unless that variable names a document.
func TestLoadBig(t *testing.T) {
	path := os.Getenv("QUOTELINE_BIG")
	if path == "" {
		t.Skip("QUOTELINE_BIG not set")
	}
	ctx := context.Background()
	t0 := time.Now()
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	t1 := time.Now()
	spans, err := s.Spans(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	t2 := time.Now()
	items := make([]timeline.Item, len(spans))
	pos := make(map[int64]int32, len(spans))
	for i := range spans {
		items[i] = itemOf(&spans[i], 0)
		pos[spans[i].ID] = int32(i)
	}
	t3 := time.Now()
	timeline.NewIndex(items, 1)
	t4 := time.Now()
	t.Logf("open %v, spans %v, items %v, index %v", t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3))
}

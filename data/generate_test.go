package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestGenerate_IsDeterministicAndComplete(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	var progress []int
	gen := func(name string, seed uint64) []Event {
		s, err := Generate(ctx, filepath.Join(dir, name), GenerateOptions{Events: 45_000, Lanes: 4, Seed: seed,
			Progress: func(done int) { progress = append(progress, done) }})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		evs, err := s.Events(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return evs
	}
	a := gen("a.quoteline", 7)
	if len(a) != 45_000 {
		t.Fatalf("%d events, want 45000", len(a))
	}
	if len(progress) != 3 || progress[2] != 45_000 {
		t.Errorf("progress reports %v", progress)
	}
	b := gen("b.quoteline", 7)
	c := gen("c.quoteline", 8)
	same, differ := true, false
	ranges, lanes := 0, map[int64]int{}
	for i := range a {
		if a[i].Start != b[i].Start || a[i].Title != b[i].Title || a[i].End != b[i].End {
			same = false
		}
		if a[i].Start != c[i].Start {
			differ = true
		}
		if a[i].HasEnd() {
			ranges++
		}
		lanes[a[i].LaneID]++
	}
	if !same || !differ {
		t.Errorf("same seed gives the same document: %v; another seed another: %v", same, differ)
	}
	if ranges < 45_000/10 || ranges > 45_000/3 {
		t.Errorf("%d ranges of 45000, want about a fifth", ranges)
	}
	if len(lanes) != 4 {
		t.Errorf("events in %d lanes, want 4", len(lanes))
	}
}

func TestGenerate_Refuses(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	tests := []struct {
		name string
		opt  GenerateOptions
	}{
		{"negative events", GenerateOptions{Events: -1, Lanes: 1}},
		{"no lanes", GenerateOptions{Events: 10, Lanes: 0}},
		{"too many lanes", GenerateOptions{Events: 10, Lanes: MaxGeneratedLanes + 1}},
	}
	for _, tt := range tests {
		if _, err := Generate(ctx, filepath.Join(dir, tt.name), tt.opt); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
	// A cancelled run leaves nothing.
	cctx, cancel := context.WithCancel(ctx)
	opt := GenerateOptions{Events: 100_000, Lanes: 2, Progress: func(int) { cancel() }}
	if _, err := Generate(cctx, filepath.Join(dir, "cancelled.quoteline"), opt); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

func BenchmarkGenerate100k(b *testing.B) {
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		s, err := Generate(context.Background(), filepath.Join(dir, "g"+string(rune('a'+i%26))+".quoteline"), GenerateOptions{Events: 100_000, Lanes: 10, Seed: uint64(i)})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		os.Remove(s.Path())
	}
}

func TestAgree(t *testing.T) {
	tests := []struct{ subject, verb, want string }{
		{"The ministry", "denies", "denies"},
		{"A spokesperson", "publishes", "publishes"},
		{"Inspectors", "denies", "deny"},
		{"Analysts", "publishes", "publish"},
		{"Regulators", "closes", "close"},
		{"Observers", "announces", "announce"},
		{"Prosecutors", "delays", "delay"},
	}
	for _, tt := range tests {
		if got := agree(tt.subject, tt.verb); got != tt.want {
			t.Errorf("agree(%q, %q) = %q, want %q", tt.subject, tt.verb, got, tt.want)
		}
	}
}

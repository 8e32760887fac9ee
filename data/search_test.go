package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestPlainQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"shahed dro", "shahed dro*"},
		{`"unbalanced (paren OR NEAR/3`, "unbalanced paren or near 3*"},
		{"  Iran's drones ", "iran s drones*"},
		{"Zürich", "zürich*"},
		{"*** ", ""},
	}
	for _, tt := range tests {
		if got := PlainQuery(tt.in); got != tt.want {
			t.Errorf("PlainQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSearch_ManyWords searches for thousands of words, as issue 24 did:
// a plain search keeps the first MaxSearchWords and works, and an FTS
// query with more terms than the index takes is refused as ErrTooLarge
// with the start of the query, not all of it.
func TestSearch_ManyWords(t *testing.T) {
	ctx := context.Background()
	s, _ := createTestStore(t, mustReadTestDoc(t))
	words := make([]string, 5000)
	for i := range words {
		words[i] = fmt.Sprint("w", i)
	}
	text := strings.Join(words, " ")
	if n := SearchWords(text); n != 5000 {
		t.Errorf("SearchWords = %d", n)
	}
	q := PlainQuery(text)
	if n := len(strings.Fields(q)); n != MaxSearchWords {
		t.Errorf("PlainQuery kept %d words", n)
	}
	if _, err := s.Search(ctx, q, 10); err != nil {
		t.Errorf("Search of the words kept: %v", err)
	}
	_, err := s.Search(ctx, text, 10)
	if !errors.Is(err, ErrTooLarge) || len(err.Error()) > 300 || !strings.Contains(err.Error(), "more terms than the full-text index takes") {
		t.Errorf("Search of 5,000 terms: %v", err)
	}
	if _, err := s.SearchEventIDs(ctx, text, 10); !errors.Is(err, ErrTooLarge) {
		t.Errorf("SearchEventIDs of 5,000 terms: %v", err)
	}
}

func TestStore_SearchAfterEdits(t *testing.T) {
	ctx := context.Background()
	s, _ := newEditTestStore(t)
	id, _, err := s.SaveEvent(ctx, Event{LaneID: 1, Title: "Shahed-136 drones delivered", Start: mustTime(t, "2022-08"), Status: StatusReported})
	if err != nil {
		t.Fatal(err)
	}
	for _, typed := range []string{"shahed", "Shahed 13", "DRONES deliv", `"shahed`} {
		ids, err := s.SearchEventIDs(ctx, PlainQuery(typed), 0)
		if err != nil || !reflect.DeepEqual(ids, []int64{id}) {
			t.Errorf("SearchEventIDs(%q) = %v, %v; want [%d]", typed, ids, err, id)
		}
	}
	if _, err := s.DeleteEvent(ctx, id); err != nil {
		t.Fatal(err)
	}
	if ids, _ := s.SearchEventIDs(ctx, "shahed", 10); len(ids) != 0 {
		t.Errorf("deleted event still found: %v", ids)
	}
	if ids, _ := s.SearchEventIDs(ctx, "", 0); ids != nil {
		t.Errorf("empty query found %v", ids)
	}
	if _, err := s.SearchEventIDs(ctx, "(x", 0); err == nil {
		t.Errorf("malformed query succeeded")
	}
}

// benchDocument returns the document named by QUOTELINE_BENCH_DOC (a large
// generated one, see BENCHMARKS.md), or generates 20,000 events.
func benchDocument(b *testing.B) *Store {
	b.Helper()
	ctx := context.Background()
	if p := os.Getenv("QUOTELINE_BENCH_DOC"); p != "" {
		s, err := Open(ctx, p)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		return s
	}
	s, err := Generate(ctx, filepath.Join(b.TempDir(), "bench.quoteline"), GenerateOptions{Events: 20_000, Lanes: 10, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkSearch_FirstPage measures the first page (50 hits) of a search
// for words of the generated titles, from rare-ish to in almost every title.
func BenchmarkSearch_FirstPage(b *testing.B) {
	s := benchDocument(b)
	ctx := context.Background()
	for _, q := range []string{"inspectors", "border", "the", "minist*", "regulators deadline"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if hits, err := s.Search(ctx, q, 50); err != nil || len(hits) == 0 {
					b.Fatalf("Search(%q) = %d hits, %v", q, len(hits), err)
				}
			}
		})
	}
}

// BenchmarkSearch_AllEventIDs measures reading every matching id (up to
// 10,000, as the app does to mark matches on the timeline) and all of them.
func BenchmarkSearch_AllEventIDs(b *testing.B) {
	s := benchDocument(b)
	ctx := context.Background()
	for _, q := range []string{"inspectors", "the"} {
		for _, limit := range []int{10_000, 0} {
			b.Run(fmt.Sprintf("%s/limit=%d", q, limit), func(b *testing.B) {
				for b.Loop() {
					if _, err := s.SearchEventIDs(ctx, q, limit); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func TestStore_EventsOfGivesSpans(t *testing.T) {
	ctx := context.Background()
	s, _ := newEditTestStore(t)
	all, err := s.Spans(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	events, err := s.EventsOf(ctx, []int64{2, 1, 99})
	if err != nil {
		t.Fatal(err)
	}
	var some []Span
	for i := range events {
		some = append(some, SpanOf(&events[i]))
	}
	if !reflect.DeepEqual(all, some) {
		t.Errorf("SpansOf = %+v\nSpans = %+v", some, all)
	}
}

func TestStore_SaveCopy(t *testing.T) {
	ctx := context.Background()
	s, path := newEditTestStore(t)
	if _, _, err := s.SaveEvent(ctx, Event{LaneID: 1, Title: "Only in the copy and the original", Start: mustTime(t, "2024"), Status: StatusReported}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "copy.quoteline")
	if err := os.WriteFile(out, []byte("old file to replace"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCopy(ctx, out); err != nil {
		t.Fatalf("SaveCopy: %v", err)
	}
	c, err := Open(ctx, out)
	if err != nil {
		t.Fatalf("open the copy: %v", err)
	}
	defer c.Close()
	if dump(t, c) != dump(t, s) {
		t.Errorf("the copy differs from the original")
	}
	if err := s.SaveCopy(ctx, path); err == nil {
		t.Errorf("SaveCopy over the open document succeeded")
	}
	if err := s.SaveCopy(ctx, filepath.Join(t.TempDir(), "no", "such", "dir.quoteline")); err == nil {
		t.Errorf("SaveCopy into a missing folder succeeded")
	}
}

package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
)

// TestReadDocument_Limits feeds ReadDocument generated documents beyond
// each limit: every one is refused with ErrTooLarge (or a JSON error for
// deep nesting), naming the record and field, before it is resolved.
func TestReadDocument_Limits(t *testing.T) {
	base := func(extra string) string {
		return `{"format":"quoteline","version":1,"title":"t",` + extra + `}`
	}
	lane := `"lanes":[{"key":"a","name":"A","color":"#000000"}]`
	event := func(fields string) string {
		return base(lane + `,"events":[{"key":"e","lane":"a","title":"E","start":"2020","status":"reported"` + fields + `}]`)
	}
	manyLanes := func(n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"key":"l%d","name":"L%d","color":"#000000"}`, i, i)
		}
		return base(`"lanes":[` + b.String() + `]`)
	}
	tags := make([]string, MaxTagsPerEvent+1)
	for i := range tags {
		tags[i] = fmt.Sprintf("%q", fmt.Sprint("t", i))
	}
	tests := []struct {
		name, json, want string
	}{
		{"long document title", `{"format":"quoteline","version":1,"title":"` + strings.Repeat("T", MaxTitleBytes+1) + `"}`,
			"title: too large: 4.0 KiB, the limit is 4.0 KiB"},
		{"long event title", base(lane + `,"events":[{"key":"e","lane":"a","title":"` + strings.Repeat("x", 1<<20) + `","start":"2020","status":"reported"}]`),
			`events[0] "e" title: too large: 1.0 MiB, the limit is 4.0 KiB`},
		{"huge quote", base(`"sources":[{"key":"s","title":"S"}],"quotes":[{"key":"q","source":"s","said_at":"2020","text":"` + strings.Repeat("q", MaxQuoteBytes+1) + `"}]`),
			`quotes[0] "q" text: too large: 1.0 MiB, the limit is 1.0 MiB`},
		{"too many lanes", manyLanes(MaxDocumentLanes + 1), "lanes: too large: 10001 lanes, the limit is 10000"},
		{"too many tags", event(`,"tags":[` + strings.Join(tags, ",") + `]`), `events[0] "e" tags: too large: 1001 listed, the limit is 1000`},
		{"deep nesting", base(`"description":` + strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000)), "invalid JSON"},
		{"deep nesting, unclosed", strings.Repeat(`{"a":`, 200_000), "invalid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"doc.json": {Data: []byte(tt.json)}}
			_, err := ReadDocument(fsys, "doc.json")
			if !errors.Is(err, ErrInvalidDocument) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ReadDocument: %v, want an invalid document error with %q", err, tt.want)
			}
		})
	}
}

// TestReadDocument_FileTooLarge gives ReadDocument a JSON file and a source
// text larger than MaxJSONBytes as sparse files: they are refused after
// reading at most the limit.
func TestReadDocument_FileTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, []byte(`{"format":`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, MaxJSONBytes+1); err != nil {
		t.Skipf("no sparse files here: %v", err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ReadDocument(os.DirFS(dir), "big.json")
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.json: too large: big.json is larger than 64.0 MiB") {
		t.Errorf("ReadDocument of a 64 MiB file: %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("refusing it allocated %d bytes", grew)
	}
	// A source text beyond the limit is refused in the same way.
	doc := `{"format":"quoteline","version":1,"title":"t","sources":[{"key":"s","title":"S","text_file":"big.txt"}]}`
	if err := os.WriteFile(filepath.Join(dir, "doc.json"), []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(big, filepath.Join(dir, "big.txt")); err != nil {
		t.Fatal(err)
	}
	_, err = ReadDocument(os.DirFS(dir), "doc.json")
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), `sources[0] "s" text_file: too large`) {
		t.Errorf("ReadDocument with a 64 MiB source text: %v", err)
	}
}

// TestOpen_FileTooLarge makes a real document larger than MaxDocumentBytes
// by extending it as a sparse file: Check and Open refuse it by its size,
// at once, without reading it.
func TestOpen_FileTooLarge(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "huge.quoteline")
	s, err := Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Truncate(path, MaxDocumentBytes+4096); err != nil {
		t.Skipf("no sparse files here: %v", err)
	}
	for name, err := range map[string]error{"Check": func() error { _, err := Check(ctx, path); return err }(), "Open": openFails(ctx, path)} {
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "the file is 2.0 GiB, and Quoteline opens documents of up to 2.0 GiB") {
			t.Errorf("%s of a 2 GiB document: %v", name, err)
		}
	}
}

func openFails(ctx context.Context, path string) error {
	s, err := Open(ctx, path)
	if err == nil {
		s.Close()
		return errors.New("opened")
	}
	return err
}

// TestStore_TextLongerThanLimit checks that every connection of a store
// refuses values longer than MaxValueBytes, so that no single text in a
// document (which SQLite checks as it reads a row) can exhaust memory.
func TestStore_TextLongerThanLimit(t *testing.T) {
	ctx := context.Background()
	s, _ := createTestStore(t, mustReadTestDoc(t))
	defer s.Close()
	var n int64
	err := s.db.QueryRowContext(ctx, `SELECT length(zeroblob(?))`, MaxValueBytes+1).Scan(&n)
	if err == nil || !strings.Contains(err.Error(), "too big") {
		t.Errorf("a value of MaxValueBytes+1: %d, %v; want a too big error", n, err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT length(zeroblob(?))`, 1<<20).Scan(&n); err != nil || n != 1<<20 {
		t.Errorf("a value of 1 MiB: %d, %v", n, err)
	}
}

func mustReadTestDoc(t *testing.T) *Document {
	t.Helper()
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

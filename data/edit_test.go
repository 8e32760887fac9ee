package data

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// dump returns every row of every table of s, full-text tables included,
// as text: two dumps are equal when the documents hold the same data.
func dump(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	var tables []string
	// Every table of the schema, the full-text tables but not their shadow tables.
	rows, err := s.db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT LIKE 'sqlite\_%' ESCAPE '\' AND name NOT LIKE '%\_fts\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	for _, table := range tables {
		if table == "meta" {
			continue
		}
		sel := `SELECT * FROM "` + table + `" ORDER BY 1, 2`
		if strings.HasSuffix(table, "_fts") {
			sel = `SELECT docid, * FROM "` + table + `" ORDER BY docid`
		}
		rows, err := s.db.Query(sel)
		if err != nil {
			t.Fatalf("dump %s: %v", table, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprint(&b, table)
			for i, v := range vals {
				if bs, ok := v.([]byte); ok {
					v = string(bs)
				}
				if cols[i] == "updated_at" || cols[i] == "created_at" {
					continue
				}
				fmt.Fprintf(&b, " %s=%v", cols[i], v)
			}
			b.WriteByte('\n')
		}
		rows.Close()
	}
	return b.String()
}

func newEditTestStore(t *testing.T) (*Store, string) {
	t.Helper()
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	return createTestStore(t, doc)
}

// TestStore_EditsUndoRedo makes every kind of edit, then checks that undo
// restores the document exactly, full-text index included, and that redo
// makes the edit again.
func TestStore_EditsUndoRedo(t *testing.T) {
	ctx := context.Background()
	newEvent := Event{LaneID: 2, Title: "Drone deliveries begin", Summary: "Shahed drones reach Crimea",
		Start: mustTime(t, "2022-08"), End: mustTime(t, "2022-09-15"), Status: StatusReported,
		Actors: []int64{1}, Tags: []string{"x", "new tag"}, EarliestStart: ptr(mustTime(t, "2022-07").Unix)}
	edits := []struct {
		name   string
		search string // a word found after the edit only ("" to skip)
		do     func(s *Store) (*Edit, error)
	}{
		{"add event", "crimea", func(s *Store) (*Edit, error) {
			_, e, err := s.SaveEvent(ctx, newEvent)
			return e, err
		}},
		{"edit event", "renamed", func(s *Store) (*Edit, error) {
			ev, err := s.Event(ctx, 1)
			if err != nil {
				return nil, err
			}
			ev.Title, ev.LaneID, ev.Actors, ev.Tags = "Renamed event", 2, []int64{2}, []string{"z"}
			ev.Start = mustTime(t, "2019-04")
			_, e, err := s.SaveEvent(ctx, ev)
			return e, err
		}},
		{"delete event", "", func(s *Store) (*Edit, error) { return s.DeleteEvent(ctx, 1) }},
		{"link quote", "", func(s *Store) (*Edit, error) { return s.LinkQuote(ctx, 2, 3, StanceDisputes) }},
		{"restance quote", "", func(s *Store) (*Edit, error) { return s.LinkQuote(ctx, 1, 1, StanceDisputes) }},
		{"unlink quote", "", func(s *Store) (*Edit, error) { return s.UnlinkQuote(ctx, 1, 2) }},
		{"link source", "", func(s *Store) (*Edit, error) { return s.LinkSource(ctx, 2, 1, StanceSupports) }},
		{"unlink source", "", func(s *Store) (*Edit, error) { return s.UnlinkSource(ctx, 1, 2) }},
		{"add lane", "", func(s *Store) (*Edit, error) {
			_, e, err := s.SaveLane(ctx, Lane{Name: "Gamma", Color: "#00aa00"})
			return e, err
		}},
		{"edit lane", "", func(s *Store) (*Edit, error) {
			_, e, err := s.SaveLane(ctx, Lane{ID: 1, Name: "Alpha two", Color: "#223344", Position: 0})
			return e, err
		}},
		{"collapse lane", "", func(s *Store) (*Edit, error) { return s.SetLaneCollapsed(ctx, 1, true) }},
		{"move lane", "", func(s *Store) (*Edit, error) { return s.MoveLane(ctx, 2, -1) }},
		{"delete empty lane", "", func(s *Store) (*Edit, error) {
			if _, err := s.DeleteEvent(ctx, 2); err != nil {
				return nil, err
			}
			return s.DeleteLane(ctx, 2)
		}},
		{"add actor", "", func(s *Store) (*Edit, error) {
			_, e, err := s.SaveActor(ctx, Actor{Name: "US Treasury", Kind: KindOrganisation})
			return e, err
		}},
		{"edit actor", "", func(s *Store) (*Edit, error) {
			_, e, err := s.SaveActor(ctx, Actor{ID: 1, Name: "Patricia", Kind: KindPerson})
			return e, err
		}},
		{"delete actor", "", func(s *Store) (*Edit, error) { return s.DeleteActor(ctx, 1) }},
		{"add source", "briefing", func(s *Store) (*Edit, error) {
			_, e, err := s.SaveSource(ctx, Source{Title: "Press briefing", URL: "https://example.org/b",
				Published: mustTime(t, "2023-05-15"), Text: "Full text here.", HasText: true})
			return e, err
		}},
		{"edit source", "revised", func(s *Store) (*Edit, error) {
			src, err := s.Source(ctx, 2)
			if err != nil {
				return nil, err
			}
			src.Title = "Revised title"
			_, e, err := s.SaveSource(ctx, src)
			return e, err
		}},
		{"delete source", "", func(s *Store) (*Edit, error) { return s.DeleteSource(ctx, 1) }},
		{"add quote", "drones", func(s *Store) (*Edit, error) {
			_, e, err := s.SaveQuote(ctx, Quote{Text: "more drones", SpeakerID: 2, SaidAt: mustTime(t, "2022-10-20"), SourceID: 2})
			return e, err
		}},
		{"edit quote", "", func(s *Store) (*Edit, error) {
			_, e, err := s.SaveQuote(ctx, Quote{ID: 1, Text: "hello world", SaidAt: mustTime(t, "2020-01-02"), SourceID: 1,
				StartByte: 11, EndByte: 22, HasOffsets: true})
			return e, err
		}},
		{"delete quote", "", func(s *Store) (*Edit, error) { return s.DeleteQuote(ctx, 1) }},
	}
	for _, tt := range edits {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newEditTestStore(t)
			before := dump(t, s)
			h := NewHistory(0)
			counts := func() Counts {
				c, err := s.Counts(ctx)
				if err != nil {
					t.Fatal(err)
				}
				return c
			}
			c0 := counts()
			// Some cases make a preparatory edit; record every edit.
			e, err := tt.do(s)
			if err != nil {
				t.Fatalf("edit: %v", err)
			}
			// The counts follow the rows the edit says it added and deleted.
			if d, c1 := e.Delta(), counts(); !strings.HasPrefix(tt.name, "delete empty") &&
				(c1 != Counts{c0.Lanes + d.Lanes, c0.Events + d.Events, c0.Quotes + d.Quotes, c0.Sources + d.Sources, c0.Actors + d.Actors}) {
				t.Errorf("counts %+v after the edit, %+v before, delta %+v", c1, c0, d)
			}
			if e.Empty() || e.Name == "" {
				t.Fatalf("edit %+v is empty or unnamed", e)
			}
			h.Push(e)
			after := dump(t, s)
			if after == before {
				t.Fatalf("edit changed nothing")
			}
			if tt.search != "" {
				if hits, _ := s.Search(ctx, tt.search, 10); len(hits) == 0 {
					t.Errorf("search %q after the edit found nothing", tt.search)
				}
			}
			if _, err := h.Undo(ctx, s); err != nil {
				t.Fatalf("undo: %v", err)
			}
			mid := dump(t, s)
			if h.RedoName() != e.Name {
				t.Errorf("RedoName = %q, want %q", h.RedoName(), e.Name)
			}
			if _, err := h.Redo(ctx, s); err != nil {
				t.Fatalf("redo: %v", err)
			}
			if got := dump(t, s); got != after {
				t.Errorf("after redo:\n%s\nwant:\n%s", got, after)
			}
			if _, err := h.Undo(ctx, s); err != nil {
				t.Fatalf("second undo: %v", err)
			}
			if got := dump(t, s); got != mid {
				t.Errorf("second undo differs from the first")
			}
			if strings.HasPrefix(tt.name, "delete empty") {
				return // one of its two edits is still applied
			}
			if mid != before {
				t.Errorf("after undo:\n%s\nwant:\n%s", mid, before)
			}
			if tt.search != "" {
				if hits, _ := s.Search(ctx, tt.search, 10); len(hits) != 0 {
					t.Errorf("search %q after undo found %+v", tt.search, hits)
				}
			}
		})
	}
}

func TestStore_EditValidation(t *testing.T) {
	ctx := context.Background()
	s, _ := newEditTestStore(t)
	good := Event{LaneID: 1, Title: "T", Start: mustTime(t, "2022"), Status: StatusReported}
	tests := []struct {
		name  string
		do    func() error
		field string
	}{
		{"blank title", func() error { e := good; e.Title = "  "; _, _, err := s.SaveEvent(ctx, e); return err }, "title"},
		{"no lane", func() error { e := good; e.LaneID = 99; _, _, err := s.SaveEvent(ctx, e); return err }, "lane"},
		{"bad status", func() error { e := good; e.Status = "rumoured"; _, _, err := s.SaveEvent(ctx, e); return err }, "status"},
		{"no start", func() error { e := good; e.Start = Time{}; _, _, err := s.SaveEvent(ctx, e); return err }, "start"},
		{"end before start", func() error {
			e := good
			e.Start, e.End = mustTime(t, "2022-05"), mustTime(t, "2021")
			_, _, err := s.SaveEvent(ctx, e)
			return err
		}, "end"},
		{"unknown actor", func() error { e := good; e.Actors = []int64{42}; _, _, err := s.SaveEvent(ctx, e); return err }, "actor"},
		{"bad colour", func() error { _, _, err := s.SaveLane(ctx, Lane{Name: "X", Color: "red"}); return err }, "colour"},
		{"duplicate lane", func() error { _, _, err := s.SaveLane(ctx, Lane{Name: "Beta", Color: "#000000"}); return err }, "name"},
		{"actor kind", func() error { _, _, err := s.SaveActor(ctx, Actor{Name: "X", Kind: "robot"}); return err }, "kind"},
		{"source URL", func() error {
			_, _, err := s.SaveSource(ctx, Source{Title: "X", URL: "javascript:alert(1)"})
			return err
		}, "URL"},
		{"quote offsets", func() error {
			_, _, err := s.SaveQuote(ctx, Quote{Text: "x", SaidAt: mustTime(t, "2020"), SourceID: 1, StartByte: 10, EndByte: 1000, HasOffsets: true})
			return err
		}, "offsets"},
		{"quote source", func() error {
			_, _, err := s.SaveQuote(ctx, Quote{Text: "x", SaidAt: mustTime(t, "2020"), SourceID: 9})
			return err
		}, "source"},
		{"link stance", func() error { _, err := s.LinkQuote(ctx, 1, 3, "maybe"); return err }, "stance"},
	}
	before := dump(t, s)
	for _, tt := range tests {
		err := tt.do()
		var fe *FieldError
		if !errors.As(err, &fe) || !errors.Is(err, ErrInvalid) || fe.Field != tt.field {
			t.Errorf("%s: error %v, want a FieldError for %q", tt.name, err, tt.field)
		}
	}
	if _, err := s.DeleteLane(ctx, 1); !errors.Is(err, ErrInUse) || !strings.Contains(err.Error(), "Alpha") {
		t.Errorf("DeleteLane of a lane with events: %v, want ErrInUse naming it", err)
	}
	if _, err := s.DeleteEvent(ctx, 77); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteEvent(77): %v, want ErrNotFound", err)
	}
	if dump(t, s) != before {
		t.Errorf("refused edits changed the document")
	}
}

func TestStore_EventLinks(t *testing.T) {
	ctx := context.Background()
	s, _ := newEditTestStore(t)
	got, err := s.EventLinks(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	want := "2 links to quotes (“bye”, “hello world”) and 1 link to a source (Source two)"
	if got != want {
		t.Errorf("EventLinks(1) = %q, want %q", got, want)
	}
	if _, e, err := s.SaveEvent(ctx, Event{LaneID: 1, Title: "Bare", Start: mustTime(t, "2022"), Status: StatusReported}); err != nil {
		t.Fatal(err)
	} else if got, _ := s.EventLinks(ctx, e.Events()[0]); got != "" {
		t.Errorf("EventLinks of a new event = %q, want none", got)
	}
}

// TestHistory_SurvivesReopen undoes an edit after the document was closed
// and opened again.
func TestHistory_SurvivesReopen(t *testing.T) {
	ctx := context.Background()
	s, path := newEditTestStore(t)
	before := dump(t, s)
	h := NewHistory(0)
	_, e, err := s.SaveEvent(ctx, Event{LaneID: 1, Title: "Kept", Start: mustTime(t, "2023-05-15"), Status: StatusConfirmed})
	if err != nil {
		t.Fatal(err)
	}
	e.Name = "Add Kept"
	h.Push(e)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if h.UndoName() != "Add Kept" {
		t.Errorf("UndoName = %q", h.UndoName())
	}
	if _, err := h.Undo(ctx, s2); err != nil {
		t.Fatalf("undo after reopen: %v", err)
	}
	if dump(t, s2) != before {
		t.Errorf("undo after reopen did not restore the document")
	}
	if h.UndoName() != "" {
		t.Errorf("UndoName after undo = %q", h.UndoName())
	}
}

// TestStore_TwoConnections writes from two stores on one file at once and
// checks that nothing is lost, and that an undo of a row changed by the
// other is refused rather than overwriting it.
func TestStore_TwoConnections(t *testing.T) {
	ctx := context.Background()
	a, path := newEditTestStore(t)
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	const each = 25
	var wg sync.WaitGroup
	errs := make(chan error, 2*each)
	for w, s := range []*Store{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				_, _, err := s.SaveEvent(ctx, Event{LaneID: 1, Title: fmt.Sprintf("writer %d event %d", w, i),
					Start: Time{Unix: int64(i) * 86400, Precision: PrecisionDay}, Status: StatusReported})
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent SaveEvent: %v", err)
	}
	for _, s := range []*Store{a, b} {
		if c, err := s.Counts(ctx); err != nil || c.Events != 2+2*each {
			t.Errorf("Counts = %+v, %v; want %d events", c, err, 2+2*each)
		}
	}
	if hits, err := b.Search(ctx, `"writer 0"`, 100); err != nil || len(hits) != each {
		t.Errorf("search from the other connection: %d hits, %v", len(hits), err)
	}

	h := NewHistory(0)
	ev, _ := a.Event(ctx, 1)
	ev.Title = "Changed in A"
	_, e, err := a.SaveEvent(ctx, ev)
	if err != nil {
		t.Fatal(err)
	}
	h.Push(e)
	ev.Title = "Changed in B"
	if _, _, err := b.SaveEvent(ctx, ev); err != nil {
		t.Fatal(err)
	}
	if _, err := h.Undo(ctx, a); !errors.Is(err, ErrConflict) {
		t.Errorf("undo over another connection's change: %v, want ErrConflict", err)
	}
	if got, _ := a.Event(ctx, 1); got.Title != "Changed in B" {
		t.Errorf("title after the refused undo = %q", got.Title)
	}
	if h.UndoName() != "Edit event" {
		t.Errorf("a refused undo left UndoName %q", h.UndoName())
	}
}

func TestStore_EditReadOnly(t *testing.T) {
	s, path := newEditTestStore(t)
	s.Close()
	ro := &Store{path: filepath.Clean(path), readOnly: true}
	if _, err := ro.DeleteEvent(context.Background(), 1); !errors.Is(err, ErrReadOnly) {
		t.Errorf("edit of a read-only store: %v, want ErrReadOnly", err)
	}
}

package data

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/internal/filestate"
)

// manyLanes returns a document of n lanes, one event on each, as a CSV of
// one lane a row imports.
func manyLanes(n int) *Document {
	doc := &Document{Format: DocumentFormat, Version: DocumentVersion, Title: "Lanes"}
	for i := range n {
		key := fmt.Sprint("l", i)
		doc.Lanes = append(doc.Lanes, DocumentLane{Key: key, Name: fmt.Sprint("Lane ", i), Color: "#336699"})
		doc.Events = append(doc.Events, DocumentEvent{Key: fmt.Sprint("e", i), Lane: key, Title: fmt.Sprint("Event ", i),
			Start: "2020-01-02", Status: StatusReported})
	}
	return doc
}

// TestWrites_RefusedBeyondTheLimits writes past the lane limit on every
// path that writes a document: an import into an existing document (the
// CSV of 9,999 lanes that issue 24 imported into the default timeline), an
// import into a new one, an edit, an undo, and a new document filled by
// other means (as Generate fills one). Each is refused before it commits,
// with the words opening the result would have used, and leaves the
// document's folder as it was: no file changed, none added.
func TestWrites_RefusedBeyondTheLimits(t *testing.T) {
	ctx := context.Background()
	refused := func(t *testing.T, err error, want string) {
		t.Helper()
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), want) {
			t.Fatalf("got %v, want ErrTooLarge saying %q", err, want)
		}
	}

	t.Run("import", func(t *testing.T) {
		s, path := createTestStore(t, mustReadTestDoc(t))
		lanes, err := s.Lanes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		want := fmt.Sprintf("too large: %d lanes, and Quoteline opens documents of up to 10000", len(lanes)+9999)
		before := filestate.Of(t, filepath.Dir(path))
		s, err = Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		refused(t, s.ImportDocument(ctx, manyLanes(9999)), want)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if d := before.Diff(filestate.Of(t, filepath.Dir(path))); d != "" {
			t.Errorf("the refused import changed the folder: %s", d)
		}
		if _, err := Check(ctx, path); err != nil {
			t.Errorf("the document no longer opens: %v", err)
		}
	})

	t.Run("edits", func(t *testing.T) {
		s, path := createTestStore(t, manyLanes(MaxDocumentLanes))
		before := filestate.Of(t, filepath.Dir(path))
		_, _, err := s.SaveLane(ctx, Lane{Name: "One more", Color: "#112233"})
		refused(t, err, "10001 lanes, and Quoteline opens documents of up to 10000")
		if d := before.Diff(filestate.Of(t, filepath.Dir(path))); d != "" {
			t.Errorf("the refused edit changed the folder: %s", d)
		}
		// An undo that would bring a deleted lane back beside a new one.
		lanes, err := s.Lanes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		first := lanes[0].ID
		events, err := s.EventsIn(ctx, -1<<40, 1<<40, first)
		if err != nil || len(events) != 1 {
			t.Fatalf("events of the first lane: %v, %v", events, err)
		}
		if _, err := s.DeleteEvent(ctx, events[0].ID); err != nil {
			t.Fatal(err)
		}
		deleted, err := s.DeleteLane(ctx, first)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.SaveLane(ctx, Lane{Name: "In its place", Color: "#112233"}); err != nil {
			t.Fatal(err)
		}
		refused(t, s.Apply(ctx, deleted.Inverse()), "10001 lanes")
	})

	t.Run("new document", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "new.quoteline")
		_, err := createWith(ctx, path, func(s *Store) error {
			_, err := s.db.ExecContext(ctx, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10001)
				INSERT INTO lane (name, position, color) SELECT 'Lane ' || i, i, '#000000' FROM n`)
			return err
		})
		refused(t, err, "10001 lanes")
		if d := (filestate.Folder{}).Diff(filestate.Of(t, dir)); d != "" {
			t.Errorf("the refused document left files: %s", d)
		}
	})
}

// TestWithinLimits_CountsWhenIDsAreSpread checks that ids far apart, which
// make the quick estimate from the ids' range exceed a limit, are then
// counted: a few lanes with ids beyond ten thousand are within it.
func TestWithinLimits_CountsWhenIDsAreSpread(t *testing.T) {
	ctx := context.Background()
	s, _ := createTestStore(t, mustReadTestDoc(t))
	if _, err := s.db.ExecContext(ctx, `INSERT INTO lane (id, name, position, color) VALUES (9000000000, 'Far', 99, '#000000')`); err != nil {
		t.Fatal(err)
	}
	if err := withinLimits(ctx, s.db); err != nil {
		t.Errorf("withinLimits: %v", err)
	}
	if _, _, err := s.SaveLane(ctx, Lane{Name: "Another", Color: "#112233"}); err != nil {
		t.Errorf("an edit of a document with spread ids: %v", err)
	}
}

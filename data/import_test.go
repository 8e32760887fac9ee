package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// dumpTables returns every row of the named tables (or of the queries
// given instead), each value with its type, leaving out the columns that
// hold the time of writing.
func dumpTables(t *testing.T, s *Store, tables ...string) string {
	t.Helper()
	var b strings.Builder
	for _, table := range tables {
		query := `SELECT * FROM ` + table + ` ORDER BY rowid`
		if strings.HasPrefix(table, "SELECT") {
			query = table
		}
		rows, err := s.db.Query(query)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "%.20s:", table)
			for i, c := range cols {
				if c != "created_at" && c != "updated_at" {
					fmt.Fprintf(&b, " %s=%T(%v)", c, vals[i], vals[i])
				}
			}
			b.WriteByte('\n')
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return b.String()
}

// TestCreateFromDocument_WritesAsImportDoes checks that a new document,
// whose events are written on a connection of their own (see
// importResolved), holds the same rows, of the same types, as the same
// document imported into an empty one through database/sql.
func TestCreateFromDocument_WritesAsImportDoes(t *testing.T) {
	small, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	// Big enough to be written in order of start (bigImport), with
	// starts out of order, ranges, tags and an actor now and then.
	big, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	for i := range bigImport + 500 {
		e := DocumentEvent{Key: fmt.Sprint("g", i), Lane: "b", Title: fmt.Sprint("Generated ", i),
			Start: fmt.Sprintf("%04d-%02d", 2000+(i*7919)%20, 1+i%12), Status: StatusConfirmed}
		if i%5 == 0 {
			e.End = "2030"
			e.Summary = "with an end"
		}
		if i%7 == 0 {
			e.Tags = []string{fmt.Sprint("t", i%3)}
			e.Actors = []string{"s"}
		}
		big.Events = append(big.Events, e)
	}
	tables := []string{"lane", "actor", "source", "quote", "tag", "event", "event_actor", "event_tag",
		"event_quote", "event_source", "stop", "event_fts",
		"SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"}
	for _, doc := range []*Document{small, big} {
		t.Run(fmt.Sprint(len(doc.Events), " events"), func(t *testing.T) {
			ctx := context.Background()
			fresh, _ := createTestStore(t, doc)
			path := filepath.Join(t.TempDir(), "imported.quoteline")
			imported, err := Create(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer imported.Close()
			if err := imported.ImportDocument(ctx, doc); err != nil {
				t.Fatal(err)
			}
			got, want := dumpTables(t, fresh, tables...), dumpTables(t, imported, tables...)
			if got != want {
				gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
				for i := range min(len(gl), len(wl)) {
					if gl[i] != wl[i] {
						t.Fatalf("line %d of the new document:\n%s\nwant, as imported:\n%s", i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("the new document has %d lines of rows, the imported one %d", len(gl), len(wl))
			}
			if n := strings.Count(got, "\nevent: "); n != len(doc.Events) {
				t.Errorf("%d events written, want %d", n, len(doc.Events))
			}
		})
	}
}

// TestCreateFromDocument_Cancelled cancels the creation of a document
// while its events are written: nothing may be left behind.
func TestCreateFromDocument_Cancelled(t *testing.T) {
	doc := manyEvents(25_000, "Event")
	dir := t.TempDir()
	cancelAtFirstReport(t, func(ctx context.Context, progress func(done, total int)) error {
		_, err := CreateFromDocumentProgress(ctx, filepath.Join(dir, "many.quoteline"), doc, progress)
		return err
	})
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestCheckedDocument_ChangedAfterTheCheck: a document given records after
// it was checked is refused, not written with what the check found.
func TestCheckedDocument_ChangedAfterTheCheck(t *testing.T) {
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	c, err := CheckDocument(doc)
	if err != nil {
		t.Fatal(err)
	}
	doc.Events = append(doc.Events, DocumentEvent{Key: "late", Lane: "nowhere", Title: "Late", Start: "2020", Status: StatusReported})
	dir := t.TempDir()
	if _, err := CreateFromChecked(context.Background(), filepath.Join(dir, "x.quoteline"), c, nil); err == nil ||
		!strings.Contains(err.Error(), "changed after it was checked") {
		t.Errorf("CreateFromChecked after a change: %v", err)
	}
	s, _ := testStore(t)
	if err := s.ImportChecked(context.Background(), c, nil); err == nil || !strings.Contains(err.Error(), "changed after it was checked") {
		t.Errorf("ImportChecked after a change: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// lateCancel is a context that can never be seen to end (Done is nil) but
// says it has been cancelled when asked: so it passes the start of a
// transaction and stops the import at its first check, which comes
// before any event is written.
type lateCancel struct{ context.Context }

func (lateCancel) Err() error { return context.Canceled }

// TestStore_ImportStoppedBeforeItsEvents: an import into an existing
// document that stops while writing its quotes returns the reason and
// leaves the document as it was.
func TestStore_ImportStoppedBeforeItsEvents(t *testing.T) {
	s, _ := testStore(t)
	before := dumpTables(t, s, "event", "quote", "source")
	doc := &Document{Format: DocumentFormat, Version: DocumentVersion, Title: "Quotes",
		Lanes:   []DocumentLane{{Key: "l", Name: "Quoted", Color: "#336699"}},
		Sources: []DocumentSource{{Key: "s", Title: "A source"}}}
	for i := range 2000 {
		doc.Quotes = append(doc.Quotes, DocumentQuote{Key: fmt.Sprint("q", i), Source: "s", SaidAt: "2020", Text: fmt.Sprint("Words ", i)})
	}
	for i := range bigImport + 1 {
		doc.Events = append(doc.Events, DocumentEvent{Key: fmt.Sprint("e", i), Lane: "l", Title: "E", Start: "2020", Status: StatusReported})
	}
	err := s.ImportDocument(lateCancel{context.Background()}, doc)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("ImportDocument = %v, want context.Canceled", err)
	}
	if after := dumpTables(t, s, "event", "quote", "source"); after != before {
		t.Error("the stopped import changed the document")
	}
}

// manyEvents returns a document of n events on one lane, titled title and
// their number.
func manyEvents(n int, title string) *Document {
	doc := &Document{Format: DocumentFormat, Version: DocumentVersion, Title: "Many",
		Lanes: []DocumentLane{{Key: "l", Name: "Many", Color: "#336699"}}}
	for i := range n {
		doc.Events = append(doc.Events, DocumentEvent{Key: fmt.Sprint("e", i), Lane: "l",
			Title: fmt.Sprint(title, " ", i), Start: "2020-01-02", Status: StatusReported})
	}
	return doc
}

// cancelAtFirstReport runs write with a progress function that cancels
// write's context at its first report, 10,000 events in, and checks that
// write stops there with context.Canceled.
func cancelAtFirstReport(t *testing.T, write func(ctx context.Context, progress func(done, total int)) error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var last int
	err := write(ctx, func(done, total int) {
		last = done
		cancel()
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled write: %v, want context.Canceled", err)
	}
	if last != 10_000 {
		t.Errorf("progress went on to %d after the cancel", last)
	}
}

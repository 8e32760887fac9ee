package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// testArticle is the text of the source "src1" in testJSON.
const testArticle = "He said \u201chello world\u201d on Monday and \u201cbye\u201d later.\n"

// testJSON is a small document that uses every field.
const testJSON = `{
 "format": "quoteline", "version": 1, "title": "Test timeline", "description": "For tests.",
 "lanes": [
  {"key": "a", "name": "Alpha", "color": "#112233"},
  {"key": "b", "name": "Beta", "color": "#AABBCC", "collapsed": true}
 ],
 "actors": [
  {"key": "p", "name": "Pat", "kind": "person", "description": "a person"},
  {"key": "s", "name": "Statia", "kind": "state"}
 ],
 "sources": [
  {"key": "src1", "title": "Source one", "outlet": "Daily", "url": "https://example.org/a",
   "published": "2020-01-02", "date_note": "from the dateline", "summary": "ours", "text_file": "t.txt"},
  {"key": "src2", "title": "Source two", "published": "2019"}
 ],
 "quotes": [
  {"key": "q1", "source": "src1", "speaker": "p", "said_at": "2020-01-02T10:30", "text": "hello world",
   "speaker_note": "before the quote: “He said”: he → Pat", "speaker_confidence": "check"},
  {"key": "q2", "source": "src1", "speaker": "p", "said_at": "2020-01-02", "text": "bye", "start_byte": 43},
  {"key": "q3", "source": "src2", "said_at": "2019-06", "text": "unlocated words"}
 ],
 "events": [
  {"key": "e1", "lane": "a", "title": "First event", "summary": "Something long.",
   "start": "2019-05", "end": "2020-01-02", "earliest_start": "2019-03", "latest_end": "2020-02",
   "start_uncertain": true, "status": "reported", "date_note": "worked out",
   "derived": {"expression": "since May", "quote": "q1"},
   "actors": ["p", "s"], "tags": ["y", "x"],
   "quotes": [{"quote": "q1", "stance": "supports"}, {"quote": "q2", "stance": "disputes"}],
   "sources": [{"source": "src2", "stance": "disputes"}]},
  {"key": "e2", "lane": "b", "title": "Second event", "start": "2021", "end_uncertain": true,
   "status": "expected", "derived": {"expression": "next year", "said_at": "2020"},
   "quotes": [{"quote": "q1", "stance": "supports"}]}
 ]
}`

func mustTime(t testing.TB, s string) Time {
	t.Helper()
	tm, err := ParseTime(s)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func ptr(v int64) *int64 { return &v }

// readTestDoc reads testJSON, or a variant of it, from a MapFS.
func readTestDoc(t testing.TB, json string) (*Document, error) {
	t.Helper()
	fsys := fstest.MapFS{
		"doc/test.json": {Data: []byte(json)},
		"doc/t.txt":     {Data: []byte(testArticle)},
	}
	return ReadDocument(fsys, "doc/test.json")
}

// createTestStore creates a document from doc in a temporary directory.
func createTestStore(t *testing.T, doc *Document) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.quoteline")
	s, err := CreateFromDocument(context.Background(), path, doc)
	if err != nil {
		t.Fatalf("CreateFromDocument: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestStore_RoundTrip(t *testing.T) {
	ctx := context.Background()
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatalf("ReadDocument: %v", err)
	}
	s, path := createTestStore(t, doc)
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if s.Path() != path || s.ReadOnly() {
		t.Errorf("Path, ReadOnly = %q, %v; want %q, false", s.Path(), s.ReadOnly(), path)
	}

	if title, err := s.Title(ctx); err != nil || title != "Test timeline" {
		t.Errorf("Title = %q, %v", title, err)
	}
	lanes, err := s.Lanes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantLanes := []Lane{
		{ID: lanes[0].ID, Name: "Alpha", Position: 0, Color: "#112233"},
		{ID: lanes[1].ID, Name: "Beta", Position: 1, Color: "#AABBCC", Collapsed: true},
	}
	if !reflect.DeepEqual(lanes, wantLanes) {
		t.Errorf("Lanes = %+v, want %+v", lanes, wantLanes)
	}
	actors, err := s.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantActors := []Actor{
		{ID: actors[0].ID, Name: "Pat", Kind: KindPerson, Description: "a person"},
		{ID: actors[1].ID, Name: "Statia", Kind: KindState},
	}
	if !reflect.DeepEqual(actors, wantActors) {
		t.Errorf("Actors = %+v, want %+v", actors, wantActors)
	}
	pat, statia := actors[0].ID, actors[1].ID

	sources, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(sources) != 2 {
		t.Fatalf("Sources: got %d, want 2", len(sources))
	}
	src2, src1 := sources[0], sources[1] // ordered by publication date
	wantSrc1 := Source{ID: src1.ID, Title: "Source one", Outlet: "Daily", URL: "https://example.org/a",
		Published: mustTime(t, "2020-01-02"), DateNote: "from the dateline", Summary: "ours",
		HasText: true, TextSHA256: textSHA256(testArticle)}
	if !reflect.DeepEqual(src1, wantSrc1) {
		t.Errorf("Sources[1] = %+v, want %+v", src1, wantSrc1)
	}
	wantSrc2 := Source{ID: src2.ID, Title: "Source two", Published: mustTime(t, "2019")}
	if !reflect.DeepEqual(src2, wantSrc2) {
		t.Errorf("Sources[0] = %+v, want %+v", src2, wantSrc2)
	}
	full, err := s.Source(ctx, src1.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantSrc1.Text = testArticle
	if !reflect.DeepEqual(full, wantSrc1) || !full.TextMatches() {
		t.Errorf("Source = %+v (TextMatches %v), want %+v", full, full.TextMatches(), wantSrc1)
	}
	if _, err := s.Source(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Source(999) error = %v, want ErrNotFound", err)
	}

	events, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 {
		t.Fatalf("Events: got %d, want 2", len(events))
	}
	e1, e2 := events[0], events[1]
	refs, err := s.QuotesOfEvent(ctx, e1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) != 2 {
		t.Fatalf("QuotesOfEvent: got %d, want 2", len(refs))
	}
	q2ref, q1ref := refs[0], refs[1] // q2 was said at the start of the day, q1 at 10:30
	q1 := Quote{ID: q1ref.ID, Text: "hello world", SpeakerID: pat, SaidAt: mustTime(t, "2020-01-02T10:30"),
		SourceID: src1.ID, StartByte: 11, EndByte: 22, HasOffsets: true,
		SpeakerNote: "before the quote: “He said”: he → Pat", SpeakerConfidence: ConfidenceCheck}
	q2 := Quote{ID: q2ref.ID, Text: "bye", SpeakerID: pat, SaidAt: mustTime(t, "2020-01-02"),
		SourceID: src1.ID, StartByte: 43, EndByte: 46, HasOffsets: true}
	wantRefs := []QuoteRef{
		{Quote: q2, Speaker: "Pat", Source: src1, Stance: StanceDisputes},
		{Quote: q1, Speaker: "Pat", Source: src1, Stance: StanceSupports},
	}
	if !reflect.DeepEqual(refs, wantRefs) {
		t.Errorf("QuotesOfEvent = %+v, want %+v", refs, wantRefs)
	}
	if got := testArticle[q1.StartByte:q1.EndByte]; got != q1.Text {
		t.Errorf("q1 offsets select %q", got)
	}

	wantE1 := Event{ID: e1.ID, LaneID: lanes[0].ID, Title: "First event", Summary: "Something long.",
		Start: mustTime(t, "2019-05"), End: mustTime(t, "2020-01-02"),
		EarliestStart: ptr(mustTime(t, "2019-03").Unix), LatestEnd: ptr(mustTime(t, "2020-02").End()),
		StartUncertain: true, Status: StatusReported, DateNote: "worked out",
		Derivation: &Derivation{Expression: "since May", QuoteID: q1.ID, SaidAt: q1.SaidAt},
		Actors:     []int64{pat, statia}, Tags: []string{"x", "y"}}
	wantE2 := Event{ID: e2.ID, LaneID: lanes[1].ID, Title: "Second event", Start: mustTime(t, "2021"),
		EndUncertain: true, Status: StatusExpected,
		Derivation: &Derivation{Expression: "next year", SaidAt: mustTime(t, "2020")}}
	if !reflect.DeepEqual(e1, wantE1) {
		t.Errorf("Events[0] = %+v, want %+v", e1, wantE1)
	}
	if !reflect.DeepEqual(e2, wantE2) {
		t.Errorf("Events[1] = %+v, want %+v", e2, wantE2)
	}
	if e1.HasEnd() == false || e2.HasEnd() {
		t.Errorf("HasEnd = %v, %v; want true, false", e1.HasEnd(), e2.HasEnd())
	}
	if got, err := s.Event(ctx, e1.ID); err != nil || !reflect.DeepEqual(got, wantE1) {
		t.Errorf("Event(%d) = %+v, %v; want %+v", e1.ID, got, err, wantE1)
	}
	if _, err := s.Event(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Event(999) error = %v, want ErrNotFound", err)
	}

	if got, err := s.Quote(ctx, q1.ID); err != nil || got != q1 {
		t.Errorf("Quote(%d) = %+v, %v; want %+v", q1.ID, got, err, q1)
	}
	if _, err := s.Quote(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("Quote(999) error = %v, want ErrNotFound", err)
	}
	evRefs, err := s.EventsOfQuote(ctx, q1.ID)
	if err != nil {
		t.Fatal(err)
	}
	wantEvRefs := []EventRef{{Event: wantE1, Stance: StanceSupports}, {Event: wantE2, Stance: StanceSupports}}
	if !reflect.DeepEqual(evRefs, wantEvRefs) {
		t.Errorf("EventsOfQuote = %+v, want %+v", evRefs, wantEvRefs)
	}
	srcRefs, err := s.SourcesOfEvent(ctx, e1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := []SourceRef{{Source: src2, Stance: StanceDisputes}}; !reflect.DeepEqual(srcRefs, want) {
		t.Errorf("SourcesOfEvent = %+v, want %+v", srcRefs, want)
	}

	q3, err := s.Quote(ctx, q1.ID+2)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Quote{ID: q3.ID, Text: "unlocated words", SaidAt: mustTime(t, "2019-06"), SourceID: src2.ID}); q3 != want {
		t.Errorf("Quote q3 = %+v, want %+v", q3, want)
	}

	counts, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Lanes: 2, Events: 2, Quotes: 3, Sources: 2, Actors: 2}); counts != want {
		t.Errorf("Counts = %+v, want %+v", counts, want)
	}
	first, last, ok, err := s.Extent(ctx)
	if err != nil || !ok || first != mustTime(t, "2019-03").Unix || last != mustTime(t, "2021").End() {
		t.Errorf("Extent = %d, %d, %v, %v", first, last, ok, err)
	}
}

func TestCreate_MigratesEmptyFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.quoteline")
	s, err := Create(ctx, path)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	defer s.Close()
	var appID, version int64
	if err := s.db.QueryRow(`PRAGMA application_id`).Scan(&appID); err != nil {
		t.Fatal(err)
	}
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	if appID != ApplicationID || version != SchemaVersion {
		t.Errorf("application_id, user_version = %#x, %d; want %#x, %d", appID, version, ApplicationID, SchemaVersion)
	}
	for _, name := range []string{"meta", "lane", "actor", "source", "quote", "event", "event_quote",
		"event_source", "event_actor", "tag", "event_tag", "event_fts", "quote_fts", "source_fts"} {
		var n int
		if err := s.db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("table %s: found %d", name, n)
		}
	}
	var mode string
	if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
	counts, err := s.Counts(ctx)
	if err != nil || counts != (Counts{}) {
		t.Errorf("Counts = %+v, %v; want zero", counts, err)
	}
	if _, _, ok, err := s.Extent(ctx); ok || err != nil {
		t.Errorf("Extent of empty document: ok=%v, err=%v", ok, err)
	}
	// Nothing but the document itself is left in the directory once closed.
	s.Close()
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after Create and Close, want 1", len(entries))
	}
}

func TestCreate_RefusesExistingPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.quoteline")
	if err := os.WriteFile(path, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Create(context.Background(), path)
	if !errors.Is(err, ErrExists) {
		t.Fatalf("Create over a file: %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep me" {
		t.Errorf("file changed to %q", b)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want 1", len(entries))
	}
}

// plainExec runs SQL on a file through the plain driver, as another program could.
func plainExec(t *testing.T, path, query string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query); err != nil {
		t.Fatal(err)
	}
}

func TestOpen_Refuses(t *testing.T) {
	ctx := context.Background()
	plain := func(t *testing.T, path string, pragmas string) {
		db, err := sql.Open("sqlite3", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec(`CREATE TABLE t (x); INSERT INTO t VALUES (1);` + pragmas); err != nil {
			t.Fatal(err)
		}
	}
	real := func(t *testing.T, path string) {
		doc, err := readTestDoc(t, testJSON)
		if err != nil {
			t.Fatal(err)
		}
		s, err := CreateFromDocument(ctx, path, doc)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name    string
		make    func(t *testing.T, path string) // nil: no file
		want    error
		message string
	}{
		{"missing", nil, ErrNotFound, "not found"},
		{"empty", func(t *testing.T, path string) { os.WriteFile(path, nil, 0o644) }, ErrNotQuoteline, "not a SQLite database"},
		{"random bytes", func(t *testing.T, path string) {
			b := make([]byte, 4096)
			for i := range b {
				b[i] = byte(i*7919 + i/13)
			}
			os.WriteFile(path, b, 0o644)
		}, ErrNotQuoteline, "not a SQLite database"},
		{"directory", func(t *testing.T, path string) { os.Mkdir(path, 0o755) }, ErrNotQuoteline, "not a regular file"},
		{"plain SQLite", func(t *testing.T, path string) { plain(t, path, "") }, ErrNotQuoteline, "(application_id 0x00000000)"},
		{"other application", func(t *testing.T, path string) { plain(t, path, "PRAGMA application_id = 1234;") }, ErrNotQuoteline, "(application_id 0x000004D2)"},
		{"no schema version", func(t *testing.T, path string) { plain(t, path, "PRAGMA application_id = 1364479054;") }, ErrNotQuoteline, "schema version 0"},
		{"too new", func(t *testing.T, path string) {
			real(t, path)
			db, err := sql.Open("sqlite3", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(`PRAGMA user_version = 99`); err != nil {
				t.Fatal(err)
			}
		}, ErrTooNew, fmt.Sprintf("version 99, this version of Quoteline reads up to %d", SchemaVersion)},
		{"truncated", func(t *testing.T, path string) {
			real(t, path)
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, info.Size()/2); err != nil {
				t.Fatal(err)
			}
		}, ErrCorrupt, "damaged"},
		{"planted view", func(t *testing.T, path string) {
			real(t, path)
			// An endless view in place of a table would hang every query that reads it.
			plainExec(t, path, `PRAGMA foreign_keys = OFF; ALTER TABLE event RENAME TO event_old;
				CREATE VIEW event AS WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT * FROM n;`)
		}, ErrNotQuoteline, `view, "event"`},
		{"planted trigger", func(t *testing.T, path string) {
			real(t, path)
			plainExec(t, path, `CREATE TRIGGER spy AFTER INSERT ON event BEGIN DELETE FROM quote; END;`)
		}, ErrNotQuoteline, `trigger, "spy"`},
		{"missing table", func(t *testing.T, path string) {
			real(t, path)
			plainExec(t, path, `PRAGMA foreign_keys = OFF; DROP TABLE event_tag;`)
		}, ErrNotQuoteline, `table "event_tag" is missing`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "x.quoteline")
			var before []byte
			var mtime time.Time
			if tt.make != nil {
				tt.make(t, path)
				old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
				if err := os.Chtimes(path, old, old); err != nil {
					t.Fatal(err)
				}
				before, _ = os.ReadFile(path)
				info, err := os.Stat(path)
				if err != nil {
					t.Fatal(err)
				}
				mtime = info.ModTime()
			}
			entriesBefore, _ := os.ReadDir(dir)
			s, err := Open(ctx, path)
			if err == nil {
				s.Close()
				t.Fatalf("Open succeeded, want %v", tt.want)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("Open error = %v, want %v", err, tt.want)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, `open "`+path+`": `) || !strings.Contains(msg, tt.message) {
				t.Errorf("Open error %q, want it to name the file and contain %q", msg, tt.message)
			}
			if tt.make == nil {
				if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("Open created the missing file")
				}
				return
			}
			after, _ := os.ReadFile(path)
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) || !info.ModTime().Equal(mtime) {
				t.Errorf("Open changed the file (bytes equal %v, mtime %v -> %v)", bytes.Equal(before, after), mtime, info.ModTime())
			}
			entriesAfter, _ := os.ReadDir(dir)
			if len(entriesAfter) != len(entriesBefore) {
				t.Errorf("Open left files behind: %d entries before, %d after", len(entriesBefore), len(entriesAfter))
			}
		})
	}
}

func TestOpen_ErrorMessage(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.quoteline")
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE t (x)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	t.Chdir(dir)
	_, err = Open(context.Background(), "x.quoteline")
	if want := `open "x.quoteline": not a Quoteline document (application_id 0x00000000)`; err == nil || err.Error() != want {
		t.Errorf("Open error = %v, want %s", err, want)
	}
}

func TestOpen_PathNeedsEscaping(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "odd name ?#%20&x=1.quoteline")
	s, err := Create(ctx, path)
	if err != nil {
		t.Fatalf("Create: %v", err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("document not at its path: %v", err)
	}
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	s.Close()
}

func TestStore_ImportIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := createTestStore(t, doc)
	// A second import cancelled after its last event is written must
	// leave no trace of its records.
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if err := s.ImportDocumentProgress(cctx, doc, func(done, total int) { cancel() }); err == nil {
		t.Fatal("cancelled ImportDocument succeeded")
	}
	counts, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Lanes: 2, Events: 2, Quotes: 3, Sources: 2, Actors: 2}); counts != want {
		t.Errorf("Counts after failed import = %+v, want %+v", counts, want)
	}
	hits, err := s.Search(ctx, "hello", 0)
	if err != nil || len(hits) != 2 {
		t.Errorf("Search after failed import = %+v, %v; want one quote and one source", hits, err)
	}
}

// TestStore_ImportCancelledMidway: an import of many events cancelled while
// its events are being written stops there, returns the cancellation, and
// leaves the store as it was; an import that is not cancelled indexes every
// event for search.
func TestStore_ImportCancelledMidway(t *testing.T) {
	ctx := context.Background()
	base, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := createTestStore(t, base)
	// A big import drops the event table's indexes while it writes; a
	// cancelled one must leave them as they were.
	indexes := func() string {
		var defs string
		if err := s.db.QueryRow(`SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_schema
			WHERE type = 'index' AND tbl_name = 'event' ORDER BY name)`).Scan(&defs); err != nil {
			t.Fatal(err)
		}
		return defs
	}
	before := indexes()
	big := manyEvents(25_000, "Zebra crossing")
	cancelAtFirstReport(t, func(ctx context.Context, progress func(done, total int)) error {
		return s.ImportDocumentProgress(ctx, big, progress)
	})
	counts, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := (Counts{Lanes: 2, Events: 2, Quotes: 3, Sources: 2, Actors: 2}); counts != want {
		t.Errorf("Counts after cancelled import = %+v, want %+v", counts, want)
	}
	if after := indexes(); after != before || !strings.Contains(after, "event_span") {
		t.Errorf("event indexes after a cancelled import:\n%s\nwant:\n%s", after, before)
	}
	if err := s.ImportDocument(ctx, big); err != nil {
		t.Fatal(err)
	}
	if after := indexes(); after != before {
		t.Errorf("event indexes after an import:\n%s\nwant:\n%s", after, before)
	}
	ids, err := s.SearchEventIDs(ctx, "zebra", 0)
	if err != nil || len(ids) != len(big.Events) {
		t.Errorf("SearchEventIDs(zebra) = %d ids, %v; want %d", len(ids), err, len(big.Events))
	}
}

func TestStore_Search(t *testing.T) {
	ctx := context.Background()
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := createTestStore(t, doc)
	tests := []struct {
		query string
		want  []string // kind:title
	}{
		{"hello", []string{"quote:hello world", "source:Source one"}},
		{"event", []string{"event:First event", "event:Second event"}},
		{"long", []string{"event:First event"}},
		{"sec*", []string{"event:Second event"}},
		{"nothing", nil},
		{"  ", nil},
	}
	for _, tt := range tests {
		hits, err := s.Search(ctx, tt.query, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", tt.query, err)
			continue
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Kind+":"+h.Title)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Search(%q) = %q, want %q", tt.query, got, tt.want)
		}
	}
	if hits, err := s.Search(ctx, "event", 1); err != nil || len(hits) != 1 {
		t.Errorf("Search with limit 1 = %+v, %v", hits, err)
	}
	for _, bad := range []string{`"unbalanced`, `(hello`, `hello OR`, `NEAR/x`} {
		if _, err := s.Search(ctx, bad, 10); err != nil && !strings.Contains(err.Error(), "data.Search") {
			t.Errorf("Search(%q) error %q lacks the operation", bad, err)
		}
	}
	if _, err := s.Search(ctx, `(hello`, 10); err == nil {
		t.Errorf("Search with unbalanced parenthesis succeeded, want an error")
	}
}

func TestStore_EventsIn(t *testing.T) {
	ctx := context.Background()
	sp := func(s string) *string { return &s }
	ev := func(key, lane, start, end string, earliest, latest *string) DocumentEvent {
		return DocumentEvent{Key: key, Lane: lane, Title: key, Start: start, End: end,
			EarliestStart: earliest, LatestEnd: latest, Status: StatusReported}
	}
	doc := &Document{Format: DocumentFormat, Version: DocumentVersion, Title: "window",
		Lanes: []DocumentLane{{Key: "one", Name: "One", Color: "#000000"}, {Key: "two", Name: "Two", Color: "#FFFFFF"}},
		Events: []DocumentEvent{
			ev("A", "one", "2020-01-10", "", nil, nil),                             // one day
			ev("B", "one", "2019-01", "2021-12", nil, nil),                         // spans all the windows below in 2019-2021
			ev("C", "one", "2020-03", "", sp("2019-06-01"), nil),                   // a month, may have started earlier
			ev("D", "one", "2022", "", nil, nil),                                   // a whole year
			ev("E", "one", "2018-05-05", "", nil, sp("2020-02-01")),                // a day, may have lasted longer
			ev("F", "two", "2020-01-15T12:00", "", nil, nil),                       // a minute, on lane two
			ev("G", "two", "2020-01-01T00:00:00", "2020-01-01T00:00:10", nil, nil), // seconds
		}}
	s, _ := createTestStore(t, doc)
	lanes, err := s.Lanes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	one, two := lanes[0].ID, lanes[1].ID
	at := func(s string) int64 { return mustTime(t, s).Unix }
	tests := []struct {
		name     string
		from, to int64
		lanes    []int64
		want     string
	}{
		{"range spans whole window", at("2020-06-01"), at("2020-06-30"), nil, "B"},
		{"point covers its whole day", at("2020-01-10T23:00"), at("2020-01-11"), nil, "EBAC"},
		{"window ends on a day's first second", at("2020-01-09"), at("2020-01-10"), nil, "EBAC"},
		{"last second of a day", at("2020-01-10T23:59:59"), at("2020-01-10T23:59:59"), nil, "EBAC"},
		{"first second after a day", at("2020-01-11"), at("2020-01-11T01:00"), nil, "EBC"},
		{"earliest start widens", at("2019-07-01"), at("2019-07-31"), nil, "EBC"},
		{"latest end widens", at("2020-02-01T12:00"), at("2020-02-01T13:00"), nil, "EBC"},
		{"latest end is inclusive", at("2020-02-01T23:59:59"), at("2020-02-02"), nil, "EBC"},
		{"just after latest end", at("2020-02-02"), at("2020-02-02T01:00"), nil, "BC"},
		{"year precision", at("2022-12-31T23:00"), at("2023-01-01"), nil, "D"},
		{"month precision of a range end", at("2021-12-31T23:59:59"), at("2022-01-01"), nil, "BD"},
		{"seconds", at("2020-01-01T00:00:10"), at("2020-01-01T00:00:20"), nil, "EBGC"},
		{"lane filter", at("2020-01-01"), at("2020-01-31"), []int64{two}, "GF"},
		{"both lanes", at("2020-01-15T12:00:30"), at("2020-01-15T12:00:30"), []int64{one, two}, "EBFC"},
		{"before everything", at("2000"), at("2001"), nil, ""},
		{"after everything", at("2030"), at("2031"), nil, ""},
		{"everything", at("1900"), at("2100"), nil, "EBGAFCD"},
	}
	for _, tt := range tests {
		events, err := s.EventsIn(ctx, tt.from, tt.to, tt.lanes...)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var got strings.Builder
		for _, e := range events {
			got.WriteString(e.Title)
		}
		if got.String() != tt.want {
			t.Errorf("%s: EventsIn = %q, want %q", tt.name, got.String(), tt.want)
		}
	}
	first, last, ok, err := s.Extent(ctx)
	if err != nil || !ok || first != at("2018-05-05") || last != mustTime(t, "2022").End() {
		t.Errorf("Extent = %d, %d, %v, %v", first, last, ok, err)
	}
}

func TestOpen_WhileOpenElsewhere(t *testing.T) {
	ctx := context.Background()
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	a, path := createTestStore(t, doc)
	b, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("second Open: %v", err)
	}
	defer b.Close()
	for _, s := range []*Store{a, b} {
		if c, err := s.Counts(ctx); err != nil || c.Events != 2 {
			t.Errorf("Counts = %+v, %v", c, err)
		}
	}
}

func TestOpen_ReadOnlyDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("file permissions do not bind root")
	}
	ctx := context.Background()
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	s, path := createTestStore(t, doc)
	s.Close()
	dir := filepath.Dir(path)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("Open in a read-only directory: %v", err)
	}
	defer s.Close()
	if !s.ReadOnly() {
		t.Errorf("ReadOnly() = false in a read-only directory")
	}
	if c, err := s.Counts(ctx); err != nil || c.Events != 2 {
		t.Errorf("Counts = %+v, %v", c, err)
	}
	spans := 0 // read on a connection of their own (see spanRows)
	if err := s.EachSpan(ctx, nil, func(*Span) error { spans++; return nil }); err != nil || spans != 2 {
		t.Errorf("EachSpan read %d spans, %v", spans, err)
	}
	if err := s.ImportDocument(ctx, doc); !errors.Is(err, ErrReadOnly) {
		t.Errorf("ImportDocument on a read-only store: %v, want ErrReadOnly", err)
	}
}

func TestStore_CoveringSpanIndex(t *testing.T) {
	s, _ := createTestStore(t, &Document{Format: DocumentFormat, Version: DocumentVersion, Title: "t"})
	rows, err := s.db.Query(`EXPLAIN QUERY PLAN SELECT start, "end", lane_id, id FROM event ORDER BY start`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan strings.Builder
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan.WriteString(detail + "\n")
	}
	if got := plan.String(); !strings.Contains(got, "COVERING INDEX event_span") || strings.Contains(got, "TEMP B-TREE") {
		t.Errorf("query plan does not read the covering index in order:\n%s", got)
	}
}

// OpenChecking leaves the integrity check to the caller: a file damaged
// where opening does not look opens, and its check then refuses it, as
// Open does at once.
func TestOpenChecking_LeavesTheIntegrityCheckToTheCaller(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "g.quoteline")
	s, err := Generate(ctx, path, GenerateOptions{Events: 300, Lanes: 2, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int64
	if err := s.db.QueryRowContext(ctx, `SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema WHERE name = 'event_fts_content'`).Scan(&root, &pageSize); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, check, err := OpenChecking(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := check(ctx); err != nil {
		t.Errorf("check of a sound file: %v", err)
	}
	s.Close()

	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte{0x7f}, (root-1)*pageSize); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := Open(ctx, path); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Open of a damaged file: %v", err)
	}
	s, check, err = OpenChecking(ctx, path)
	if err != nil {
		t.Fatalf("OpenChecking of a file damaged away from what opening reads: %v", err)
	}
	defer s.Close()
	if err := check(ctx); !errors.Is(err, ErrCorrupt) {
		t.Errorf("check of a damaged file: %v", err)
	}
}

package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// writeOldDocument writes a document made by the migrations ms (the first
// few of the program's: an older version) holding the rows inserts write,
// and returns its path.
func writeOldDocument(t *testing.T, ms []migration, inserts ...string) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.quoteline")
	registerDriver()
	db, err := sql.Open(driverName, "file:"+path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := migrate(ctx, db, ms); err != nil {
		t.Fatal(err)
	}
	for _, q := range inserts {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return path
}

// TestMigrate_SpeakerNotesKeepActorsAndLinks opens a document of schema
// version 2 (before speaker notes and unnamed actors): the upgrade rebuilds
// the actor table and keeps every actor with its id, the quotes' speakers
// and the events' actors; afterwards an unnamed actor can be written, and
// references are still enforced.
func TestMigrate_SpeakerNotesKeepActorsAndLinks(t *testing.T) {
	ctx := context.Background()
	ms, err := schemaMigrations()
	if err != nil {
		t.Fatal(err)
	}
	path := writeOldDocument(t, ms[:2],
		`INSERT INTO lane (id, name, position, color) VALUES (1, 'L', 0, '#112233')`,
		`INSERT INTO actor (id, name, kind, description) VALUES (7, 'Ana Lopez', 'person', 'mayor'), (9, 'Iran', 'state', '')`,
		`INSERT INTO source (id, title, created_at, updated_at) VALUES (1, 'S', 0, 0)`,
		`INSERT INTO quote (id, text, speaker_id, said_at, said_precision, source_id, created_at, updated_at)
			VALUES (1, 'words', 7, 0, 3, 1, 0, 0)`,
		`INSERT INTO event (id, lane_id, title, start, start_precision, status, created_at, updated_at)
			VALUES (1, 1, 'E', 0, 3, 'reported', 0, 0)`,
		`INSERT INTO event_actor (event_id, actor_id) VALUES (1, 7), (1, 9)`,
	)

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open and upgrade: %v", err)
	}
	defer s.Close()
	actors, err := s.Actors(ctx)
	if err != nil || len(actors) != 2 || actors[0] != (Actor{ID: 7, Name: "Ana Lopez", Kind: KindPerson, Description: "mayor"}) ||
		actors[1].ID != 9 {
		t.Fatalf("actors after the upgrade: %+v, %v", actors, err)
	}
	q, err := s.Quote(ctx, 1)
	if err != nil || q.SpeakerID != 7 || q.SpeakerNote != "" || q.SpeakerConfidence != "" {
		t.Errorf("quote after the upgrade: %+v, %v", q, err)
	}
	e, err := s.Event(ctx, 1)
	if err != nil || len(e.Actors) != 2 {
		t.Errorf("event actors after the upgrade: %+v, %v", e.Actors, err)
	}
	id, _, err := s.SaveActor(ctx, Actor{Name: "a Google spokesman", Kind: KindUnnamed})
	if err != nil {
		t.Fatalf("save an unnamed actor: %v", err)
	}
	if _, err := s.db.ExecContext(ctx, `INSERT INTO event_actor (event_id, actor_id) VALUES (1, 999)`); err == nil {
		t.Error("a link to a missing actor was written: foreign keys are off after the upgrade")
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE actor SET kind = 'robot' WHERE id = ?`, id); err == nil {
		t.Error("an actor kind outside the list was written")
	}
	if _, err := Check(ctx, path); err != nil {
		t.Errorf("check of the upgraded document: %v", err)
	}
}

// TestSaveQuote_SpeakerNote: a quote keeps how its speaker was found and how
// sure that is; an unknown confidence is refused.
func TestSaveQuote_SpeakerNote(t *testing.T) {
	ctx := context.Background()
	s, _ := createTestStore(t, mustReadTestDoc(t))
	q, err := s.Quote(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	q.SpeakerNote, q.SpeakerConfidence = "after the quote: “…,” Pence said", ConfidenceHigh
	if _, _, err := s.SaveQuote(ctx, q); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Quote(ctx, 3); err != nil || got != q {
		t.Errorf("Quote = %+v, %v; want %+v", got, err, q)
	}
	q.SpeakerConfidence = "maybe"
	if _, _, err := s.SaveQuote(ctx, q); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "maybe") {
		t.Errorf("confidence %q: %v, want it refused", q.SpeakerConfidence, err)
	}
}

// TestCheckDocument_SpeakerFields: a JSON document's quote may carry a
// speaker note and confidence, and speakers of the kind unnamed; other
// confidences and kinds are refused with the record named.
func TestCheckDocument_SpeakerFields(t *testing.T) {
	doc := mustReadTestDoc(t)
	doc.Actors = append(doc.Actors, DocumentActor{Key: "u", Name: "a Google spokesman", Kind: KindUnnamed})
	doc.Quotes[2].Speaker = "u"
	doc.Quotes[2].SpeakerNote, doc.Quotes[2].SpeakerConfidence = "“…,” a Google spokesman said", ConfidenceHigh
	if _, err := CheckDocument(doc); err != nil {
		t.Fatalf("valid speaker fields refused: %v", err)
	}
	doc.Quotes[2].SpeakerConfidence = "sure"
	if _, err := CheckDocument(doc); !errors.Is(err, ErrInvalidDocument) || !strings.Contains(err.Error(), `quotes[2] "q3" speaker_confidence`) {
		t.Errorf("bad confidence: %v", err)
	}
}

// TestMigrate_ComposesFromEveryOlderVersion opens documents written at
// schema versions 1 to 4 with an event and a quote in them: every later
// migration runs in turn (3 rebuilds the actor table, 4 alters the event
// table and adds periods, 5 adds the level-of-detail summary, stale until
// it is built), the rows are kept, and afterwards an event known to the
// millisecond, a period and an unnamed actor can be written, the summary
// built, and the document passes its check.
func TestMigrate_ComposesFromEveryOlderVersion(t *testing.T) {
	ctx := context.Background()
	ms, err := schemaMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if SchemaVersion != 5 || len(ms) != 5 {
		t.Fatalf("SchemaVersion %d with %d migrations: this test knows five", SchemaVersion, len(ms))
	}
	for _, from := range []int{1, 2, 3, 4} {
		t.Run(fmt.Sprintf("from version %d", from), func(t *testing.T) {
			path := writeOldDocument(t, ms[:from],
				`INSERT INTO lane (id, name, position, color) VALUES (1, 'L', 0, '#112233')`,
				`INSERT INTO actor (id, name, kind, description) VALUES (7, 'Ana Lopez', 'person', '')`,
				`INSERT INTO source (id, title, created_at, updated_at) VALUES (1, 'S', 0, 0)`,
				`INSERT INTO quote (id, text, speaker_id, said_at, said_precision, source_id, created_at, updated_at)
					VALUES (1, 'words', 7, 0, 3, 1, 0, 0)`,
				`INSERT INTO event (id, lane_id, title, start, start_precision, "end", end_precision, status, created_at, updated_at)
					VALUES (1, 1, 'E', 86400, 3, 172800, 3, 'reported', 0, 0)`,
			)

			s, err := Open(ctx, path)
			if err != nil {
				t.Fatalf("open and upgrade: %v", err)
			}
			defer s.Close()
			e, err := s.Event(ctx, 1)
			if err != nil || e.Start != (Time{Unix: 86400, Precision: PrecisionDay}) ||
				e.End != (Time{Unix: 172800, Precision: PrecisionDay}) {
				t.Fatalf("event after the upgrade: %+v, %v", e, err)
			}
			if q, err := s.Quote(ctx, 1); err != nil || q.SpeakerID != 7 {
				t.Errorf("quote after the upgrade: %+v, %v", q, err)
			}
			e.Start = Time{Unix: 86400, Precision: PrecisionMillisecond, Milli: 200}
			e.End = Time{}
			if _, _, err := s.SaveEvent(ctx, e); err != nil {
				t.Fatalf("save an event known to the millisecond: %v", err)
			}
			if got, err := s.Event(ctx, 1); err != nil || got.Start != e.Start {
				t.Errorf("event start read back %+v, %v; want %+v", got.Start, err, e.Start)
			}
			p := Period{Title: "Era", LaneID: 1, Start: Time{Unix: 0, Precision: PrecisionYear}, End: Time{Unix: 0, Precision: PrecisionYear}}
			if _, _, err := s.SavePeriod(ctx, p); err != nil {
				t.Fatalf("save a period: %v", err)
			}
			if _, _, err := s.SaveActor(ctx, Actor{Name: "a spokesman", Kind: KindUnnamed}); err != nil {
				t.Errorf("save an unnamed actor: %v", err)
			}
			if _, err := s.LOD(ctx); !errors.Is(err, ErrLODStale) {
				t.Errorf("summary of an upgraded document: %v, want it stale", err)
			}
			if err := s.RebuildLOD(ctx); err != nil {
				t.Fatalf("build the summary: %v", err)
			}
			if lod, err := s.LOD(ctx); err != nil || lod.Events != 1 {
				t.Errorf("summary once built: %+v, %v", lod, err)
			}
			if r, err := Check(ctx, path); err != nil || r.Version != SchemaVersion {
				t.Errorf("check of the upgraded document: %+v, %v", r, err)
			}
		})
	}
}

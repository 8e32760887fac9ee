package data

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// stopCaptions returns the captions of the store's stops, in order, and
// checks that their positions run 0, 1, 2….
func stopCaptions(t *testing.T, s *Store) []string {
	t.Helper()
	stops, err := s.Stops(context.Background())
	if err != nil {
		t.Fatalf("Stops: %v", err)
	}
	var caps []string
	for i, st := range stops {
		if st.Position != int64(i) {
			t.Errorf("stop %q at position %d, want %d", st.Caption, st.Position, i)
		}
		caps = append(caps, st.Caption)
	}
	return caps
}

// newTestDocStore creates a store holding testJSON.
func newTestDocStore(t *testing.T) *Store {
	t.Helper()
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := createTestStore(t, doc)
	return s
}

func TestStore_StopsEditing(t *testing.T) {
	ctx := context.Background()
	s := newTestDocStore(t)
	events, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	lanes, err := s.Lanes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	add := func(caption string, pos int64) int64 {
		t.Helper()
		id, err := s.AddStop(ctx, Stop{Caption: caption, Position: pos, ViewStart: 100, ViewEnd: 200})
		if err != nil {
			t.Fatalf("AddStop(%q): %v", caption, err)
		}
		return id
	}
	a := add("A", -1)
	b := add("B", 99) // past the end: appended
	c := add("C", 0)  // inserted first
	if got, want := stopCaptions(t, s), []string{"C", "A", "B"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after adding: %v, want %v", got, want)
	}

	if err := s.MoveStop(ctx, c, 2); err != nil {
		t.Fatal(err)
	}
	if got, want := stopCaptions(t, s), []string{"A", "B", "C"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after moving C last: %v, want %v", got, want)
	}
	if err := s.MoveStop(ctx, b, 0); err != nil {
		t.Fatal(err)
	}
	if got, want := stopCaptions(t, s), []string{"B", "A", "C"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after moving B first: %v, want %v", got, want)
	}

	upd := Stop{ID: a, Caption: "A, renamed", ViewStart: 5, ViewEnd: 50, EventID: events[0].ID,
		HiddenLanes: []int64{lanes[1].ID}}
	if err := s.UpdateStop(ctx, upd); err != nil {
		t.Fatal(err)
	}
	stops, err := s.Stops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := stops[1]
	upd.Position = 1
	if !reflect.DeepEqual(got, upd) {
		t.Errorf("after UpdateStop: %+v, want %+v", got, upd)
	}

	// Delete and restore: the stop comes back where it was, whole.
	old, err := s.DeleteStop(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if gotCaps, want := stopCaptions(t, s), []string{"B", "C"}; !reflect.DeepEqual(gotCaps, want) {
		t.Fatalf("after deleting: %v, want %v", gotCaps, want)
	}
	if err := s.RestoreStop(ctx, old); err != nil {
		t.Fatal(err)
	}
	stops, err = s.Stops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stops[1], upd) {
		t.Errorf("restored stop: %+v, want %+v", stops[1], upd)
	}

	// Deleting the event a stop shows leaves the stop without it.
	if _, err := s.db.ExecContext(ctx, `DELETE FROM event WHERE id = ?`, events[0].ID); err != nil {
		t.Fatal(err)
	}
	stops, err = s.Stops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stops[1].EventID != 0 {
		t.Errorf("stop still shows deleted event %d", stops[1].EventID)
	}

	for _, id := range []int64{a, b, c} {
		if _, err := s.DeleteStop(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if len(stopCaptions(t, s)) != 0 {
		t.Error("stops left after deleting them all")
	}
}

func TestStore_StopsRefuseBadInput(t *testing.T) {
	ctx := context.Background()
	s := newTestDocStore(t)
	tests := []struct {
		name string
		stop Stop
		want string
	}{
		{"empty view", Stop{ViewStart: 10, ViewEnd: 10}, "end after it starts"},
		{"reversed view", Stop{ViewStart: 10, ViewEnd: 5}, "end after it starts"},
		{"long caption", Stop{ViewStart: 1, ViewEnd: 2, Caption: strings.Repeat("x", MaxCaptionBytes+1)}, "at most"},
		{"bad UTF-8", Stop{ViewStart: 1, ViewEnd: 2, Caption: "\xff"}, "UTF-8"},
		{"unknown event", Stop{ViewStart: 1, ViewEnd: 2, EventID: 999}, "FOREIGN KEY"},
		{"unknown lane", Stop{ViewStart: 1, ViewEnd: 2, HiddenLanes: []int64{999}}, "FOREIGN KEY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.AddStop(ctx, tt.stop)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("AddStop = %v, want an error with %q", err, tt.want)
			}
		})
	}
	if n := len(stopCaptions(t, s)); n != 0 {
		t.Errorf("%d stops written by failed calls", n)
	}
	if err := s.MoveStop(ctx, 12345, 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("MoveStop of a missing stop = %v, want ErrNotFound", err)
	}
	if _, err := s.DeleteStop(ctx, 12345); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteStop of a missing stop = %v, want ErrNotFound", err)
	}
	if err := s.UpdateStop(ctx, Stop{ID: 12345, ViewStart: 1, ViewEnd: 2}); !errors.Is(err, ErrNotFound) {
		t.Errorf("UpdateStop of a missing stop = %v, want ErrNotFound", err)
	}
}

func TestReadDocument_Stops(t *testing.T) {
	withStops := func(stops string) string {
		return strings.Replace(testJSON, "\n ]\n}", "\n ],\n \"stops\": "+stops+"\n}", 1)
	}
	doc, err := readTestDoc(t, withStops(`[
	  {"caption": "Both lanes", "from": "2019", "to": "2021"},
	  {"caption": "Only Alpha", "from": "2019-05", "to": "2019-05-31", "event": "e1", "quote": "q1", "hidden_lanes": ["b"]}]`))
	if err != nil {
		t.Fatal(err)
	}
	s, _ := createTestStore(t, doc)
	stops, err := s.Stops(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(stops) != 2 {
		t.Fatalf("%d stops, want 2", len(stops))
	}
	st := stops[1]
	if st.ViewStart != mustTime(t, "2019-05").Unix || st.ViewEnd != mustTime(t, "2019-06").Unix {
		t.Errorf("view %d–%d, want May 2019 whole", st.ViewStart, st.ViewEnd)
	}
	if st.EventID == 0 || st.QuoteID == 0 || len(st.HiddenLanes) != 1 {
		t.Errorf("stop lost its event, quote or hidden lane: %+v", st)
	}

	bad := []struct{ stops, want string }{
		{`[{"from": "2020", "to": "2019"}]`, `stops[0] to: "2019" is before from "2020"`},
		{`[{"from": "2020-13", "to": "2021"}]`, `stops[0] from:`},
		{`[{"from": "2020", "to": "2021", "event": "nope"}]`, `stops[0] event: unknown event "nope"`},
		{`[{"from": "2020", "to": "2021", "quote": "nope"}]`, `stops[0] quote: unknown quote "nope"`},
		{`[{"from": "2020", "to": "2021", "hidden_lanes": ["a", "z"]}]`, `stops[0] hidden_lanes[1]: unknown lane "z"`},
	}
	for _, tt := range bad {
		_, err := readTestDoc(t, withStops(tt.stops))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("stops %s: error %v, want it to contain %q", tt.stops, err, tt.want)
		}
	}
}

// TestOpen_MigratesVersion1Stops opens a document written at schema
// version 1, before stops existed: it is migrated and takes stops.
func TestOpen_MigratesVersion1Stops(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.quoteline")
	script, err := migrationFS.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{string(script), `PRAGMA user_version = 1`, `PRAGMA journal_mode = WAL`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open of a version 1 document: %v", err)
	}
	defer s.Close()
	var version int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil || version != SchemaVersion {
		t.Fatalf("user_version after opening = %d, %v; want %d", version, err, SchemaVersion)
	}
	if _, err := s.AddStop(ctx, Stop{Caption: "new", ViewStart: 1, ViewEnd: 2}); err != nil {
		t.Errorf("AddStop after migrating: %v", err)
	}
}

package assets_test

import (
	"bytes"
	"context"
	"image/png"
	"io/fs"
	"path/filepath"
	"testing"
	"time"

	"github.com/quoteline/quoteline/assets"
	"github.com/quoteline/quoteline/data"
)

func TestSeed_Files(t *testing.T) {
	for _, name := range []string{assets.DefaultDocument, "article.txt"} {
		if b, err := fs.ReadFile(assets.Seed(), name); err != nil || len(b) == 0 {
			t.Errorf("Seed %s: %d bytes, %v", name, len(b), err)
		}
	}
}

func TestSeed_DefaultDocument(t *testing.T) {
	ctx := context.Background()
	doc, err := data.ReadDocument(assets.Seed(), assets.DefaultDocument)
	if err != nil {
		t.Fatalf("ReadDocument: %v", err)
	}
	if len(doc.Events) != 17 || len(doc.Lanes) != 5 || len(doc.Quotes) < 7 {
		t.Fatalf("default document has %d events, %d lanes, %d quotes; want 17, 5, 7+",
			len(doc.Events), len(doc.Lanes), len(doc.Quotes))
	}

	s, err := data.CreateFromDocument(ctx, filepath.Join(t.TempDir(), "default.quoteline"), doc)
	if err != nil {
		t.Fatalf("CreateFromDocument: %v", err)
	}
	defer s.Close()

	counts, err := s.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts.Events != 17 || counts.Lanes != 5 || counts.Quotes != len(doc.Quotes) || counts.Actors != len(doc.Actors) || counts.Sources != len(doc.Sources) {
		t.Errorf("Counts = %+v", counts)
	}
	// The story: six stops, each showing an event in its window, the
	// quote cards' quotes linked to that event.
	stops, err := s.Stops(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(stops) != 6 {
		t.Errorf("%d stops, want the six-stop story", len(stops))
	}
	for i, st := range stops {
		if st.Caption == "" || st.EventID == 0 {
			t.Errorf("stop %d has no caption or no event: %+v", i+1, st)
			continue
		}
		ev, err := s.Event(ctx, st.EventID)
		if err != nil {
			t.Fatal(err)
		}
		if from, to := ev.Extent(); to < st.ViewStart || from >= st.ViewEnd {
			t.Errorf("stop %d: event %q is outside the stop's view", i+1, ev.Title)
		}
		if st.QuoteID == 0 {
			continue
		}
		refs, err := s.QuotesOfEvent(ctx, st.EventID)
		if err != nil {
			t.Fatal(err)
		}
		linked := false
		for _, r := range refs {
			linked = linked || r.ID == st.QuoteID
		}
		if !linked {
			t.Errorf("stop %d: its quote %d is not linked to its event %q", i+1, st.QuoteID, ev.Title)
		}
	}

	lanes, err := s.Lanes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantLanes := []string{"Drone transfers", "Sanctions", "Disclosures", "Statements", "Context"}
	colors := make(map[string]bool)
	for i, l := range lanes {
		if l.Name != wantLanes[i] {
			t.Errorf("lane %d = %q, want %q", i, l.Name, wantLanes[i])
		}
		if colors[l.Color] {
			t.Errorf("lane %q repeats colour %s", l.Name, l.Color)
		}
		colors[l.Color] = true
	}

	article, err := fs.ReadFile(assets.Seed(), "article.txt")
	if err != nil {
		t.Fatal(err)
	}
	var lead data.Source
	sources, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range sources {
		if src.HasText {
			if lead.ID != 0 {
				t.Fatalf("more than one source has a text")
			}
			if lead, err = s.Source(ctx, src.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	if lead.Text != string(article) || !lead.TextMatches() {
		t.Errorf("lead source text differs from article.txt or its SHA-256 (TextMatches %v)", lead.TextMatches())
	}
	saidAt := data.Time{Unix: time.Date(2023, 5, 15, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionDay}
	if lead.Published != saidAt || lead.DateNote == "" {
		t.Errorf("lead published %v, date note %q", lead.Published, lead.DateNote)
	}

	// Every quote selects exactly its text in the stored article and
	// supports at least one event.
	for id := int64(1); id <= int64(counts.Quotes); id++ {
		q, err := s.Quote(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !q.HasOffsets || q.SourceID != lead.ID || lead.Text[q.StartByte:q.EndByte] != q.Text {
			t.Errorf("quote %d %q: offsets [%d,%d) do not select it in the lead article", id, q.Text, q.StartByte, q.EndByte)
		}
		if q.SaidAt != saidAt {
			t.Errorf("quote %d said at %v, want 2023-05-15", id, q.SaidAt)
		}
		events, err := s.EventsOfQuote(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if len(events) == 0 {
			t.Errorf("quote %d %q supports no event", id, q.Text)
		}
	}

	events, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, e := range events {
		if len(e.Actors) == 0 {
			t.Errorf("event %q has no actors", e.Title)
		}
		cites, err := s.SourcesOfEvent(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(cites) == 0 {
			t.Errorf("event %q cites no source", e.Title)
		}
		d := e.Derivation
		if d == nil || d.Expression != "since August" {
			continue
		}
		found = true
		if d.SaidAt != saidAt || d.QuoteID == 0 {
			t.Errorf("since-August derivation = %+v", *d)
		}
		aug := data.Time{Unix: time.Date(2022, 8, 1, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionMonth}
		if e.Start != aug || e.End != saidAt {
			t.Errorf("since-August event runs %v to %v, want Aug 2022 to 15 May 2023", e.Start, e.End)
		}
	}
	if !found {
		t.Errorf("no event is derived from \"since August\"")
	}
}

func TestIcon_IsASquarePNG(t *testing.T) {
	b, err := assets.Icon()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if s := img.Bounds().Size(); s.X != s.Y || s.X < 256 {
		t.Errorf("icon is %v, want a square of at least 256 px", s)
	}
}

package data

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// testStore opens a store made from testJSON and returns it with the ids of
// its records by title or name.
func testStore(t *testing.T) (*Store, map[string]int64) {
	t.Helper()
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := createTestStore(t, doc)
	ctx := context.Background()
	ids := map[string]int64{}
	events, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		ids[e.Title] = e.ID
	}
	sources, err := s.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range sources {
		ids[src.Title] = src.ID
	}
	actors, err := s.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range actors {
		ids[a.Name] = a.ID
	}
	lanes, err := s.Lanes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range lanes {
		ids[l.Name] = l.ID
	}
	return s, ids
}

func TestStore_ClaimsOfEvent(t *testing.T) {
	s, ids := testStore(t)
	ctx := context.Background()
	tests := []struct {
		event string
		want  Claims
	}{
		// q1 (Source one) supports; q2 (Source one) and Source two dispute.
		{"First event", Claims{Supporting: 1, Disputing: 2}},
		{"Second event", Claims{Supporting: 1}},
	}
	for _, tt := range tests {
		got, err := s.ClaimsOfEvent(ctx, ids[tt.event])
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("ClaimsOfEvent(%s) = %+v, want %+v", tt.event, got, tt.want)
		}
	}
}

func TestStore_LinksBothWays(t *testing.T) {
	s, ids := testStore(t)
	ctx := context.Background()
	// From the source to its quotes, in text order.
	quotes, err := s.QuotesOfSource(ctx, ids["Source one"])
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, q := range quotes {
		words = append(words, q.Text+"@"+q.Speaker)
	}
	if want := []string{"hello world@Pat", "bye@Pat"}; !reflect.DeepEqual(words, want) {
		t.Fatalf("QuotesOfSource = %v, want %v", words, want)
	}
	// From a quote to its events and back to its quotes.
	evs, err := s.EventsOfQuote(ctx, quotes[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].ID != ids["First event"] || evs[0].Stance != StanceDisputes {
		t.Fatalf("EventsOfQuote(bye) = %+v, want First event, disputes", evs)
	}
	back, err := s.QuotesOfEvent(ctx, evs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, q := range back {
		found = found || (q.ID == quotes[1].ID && q.Stance == StanceDisputes)
	}
	if !found {
		t.Errorf("QuotesOfEvent(First event) lacks the disputing quote: %+v", back)
	}
	// Quote marks carry every quote's linked events.
	marks, err := s.QuoteMarks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(marks) != 3 {
		t.Fatalf("%d quote marks, want 3", len(marks))
	}
	for i := 1; i < len(marks); i++ {
		if marks[i].SaidAt.Unix < marks[i-1].SaidAt.Unix {
			t.Errorf("quote marks out of order: %+v", marks)
		}
	}
	byID := map[int64]QuoteMark{}
	for _, m := range marks {
		byID[m.ID] = m
	}
	if got, want := byID[quotes[0].ID].Events, []int64{ids["First event"], ids["Second event"]}; !reflect.DeepEqual(got, want) {
		t.Errorf("events of hello world = %v, want %v", got, want)
	}
	// An actor's events: Pat takes part in First event and speaks about Second event.
	got, err := s.EventsOfActor(ctx, ids["Pat"])
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{ids["First event"], ids["Second event"]}; !reflect.DeepEqual(got, want) {
		t.Errorf("EventsOfActor(Pat) = %v, want %v", got, want)
	}
	got, err = s.EventsOfActor(ctx, ids["Statia"])
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{ids["First event"]}; !reflect.DeepEqual(got, want) {
		t.Errorf("EventsOfActor(Statia) = %v, want %v", got, want)
	}
}

func TestStore_AddQuote(t *testing.T) {
	s, ids := testStore(t)
	ctx := context.Background()
	src := ids["Source one"]
	// testArticle: "He said “hello world” on Monday and “bye” later.\n"
	start := int64(strings.Index(testArticle, "on Monday"))
	nq := NewQuote{SourceID: src, StartByte: start, EndByte: start + int64(len("on Monday")),
		SpeakerName: "Quinn", SaidAt: mustTime(t, "2020-01-02"), EventID: ids["Second event"], Stance: StanceDisputes}
	qid, eid, err := s.AddQuote(ctx, nq)
	if err != nil {
		t.Fatal(err)
	}
	if eid != ids["Second event"] {
		t.Errorf("linked to event %d, want %d", eid, ids["Second event"])
	}
	q, err := s.Quote(ctx, qid)
	if err != nil {
		t.Fatal(err)
	}
	if q.Text != "on Monday" || !q.HasOffsets || q.StartByte != nq.StartByte || q.EndByte != nq.EndByte {
		t.Errorf("stored %+v", q)
	}
	c, err := s.ClaimsOfEvent(ctx, eid)
	if err != nil {
		t.Fatal(err)
	}
	if c != (Claims{Supporting: 1, Disputing: 1}) {
		t.Errorf("claims of Second event after a disputing quote: %+v", c)
	}
	actors, _ := s.Actors(ctx)
	if !strings.Contains(func() string {
		var n []string
		for _, a := range actors {
			n = append(n, a.Name)
		}
		return strings.Join(n, ",")
	}(), "Quinn") {
		t.Errorf("typed speaker Quinn was not added as an actor: %+v", actors)
	}
	hits, err := s.Search(ctx, "monday", 10)
	if err != nil || len(hits) == 0 || hits[0].Kind != "quote" {
		t.Errorf("the new quote is not searchable: %+v, %v", hits, err)
	}

	// A new event made with the quote.
	nq2 := NewQuote{SourceID: src, StartByte: 0, EndByte: 7, SpeakerID: ids["Pat"], SaidAt: mustTime(t, "2020-01-02"),
		NewEvent: &NewEvent{LaneID: ids["Alpha"], Title: "Saying", Start: mustTime(t, "2020-01"), Status: StatusReported}, Stance: StanceSupports}
	_, eid2, err := s.AddQuote(ctx, nq2)
	if err != nil {
		t.Fatal(err)
	}
	ev, err := s.Event(ctx, eid2)
	if err != nil || ev.Title != "Saying" || ev.LaneID != ids["Alpha"] {
		t.Errorf("new event %+v, %v", ev, err)
	}

	// Bad requests change nothing.
	curly := int64(strings.Index(testArticle, "\u201c"))
	bad := []struct {
		name string
		nq   NewQuote
	}{
		{"cuts a character", NewQuote{SourceID: src, StartByte: curly + 1, EndByte: curly + 6, SaidAt: nq.SaidAt, EventID: eid, Stance: StanceSupports}},
		{"past the end", NewQuote{SourceID: src, StartByte: 3, EndByte: 4000, SaidAt: nq.SaidAt, EventID: eid, Stance: StanceSupports}},
		{"empty", NewQuote{SourceID: src, StartByte: 3, EndByte: 3, SaidAt: nq.SaidAt, EventID: eid, Stance: StanceSupports}},
		{"white space", NewQuote{SourceID: src, StartByte: 2, EndByte: 3, SaidAt: nq.SaidAt, EventID: eid, Stance: StanceSupports}},
		{"no stance", NewQuote{SourceID: src, StartByte: 0, EndByte: 2, SaidAt: nq.SaidAt, EventID: eid}},
		{"no event", NewQuote{SourceID: src, StartByte: 0, EndByte: 2, SaidAt: nq.SaidAt, Stance: StanceSupports}},
		{"no said-at", NewQuote{SourceID: src, StartByte: 0, EndByte: 2, EventID: eid, Stance: StanceSupports}},
		{"source without text", NewQuote{SourceID: ids["Source two"], StartByte: 0, EndByte: 2, SaidAt: nq.SaidAt, EventID: eid, Stance: StanceSupports}},
		{"missing event", NewQuote{SourceID: src, StartByte: 0, EndByte: 2, SaidAt: nq.SaidAt, EventID: 9999, Stance: StanceSupports}},
	}
	before, _ := s.Counts(ctx)
	for _, tt := range bad {
		if _, _, err := s.AddQuote(ctx, tt.nq); err == nil {
			t.Errorf("%s: AddQuote accepted %+v", tt.name, tt.nq)
		}
	}
	if after, _ := s.Counts(ctx); after != before {
		t.Errorf("refused quotes changed the document: %+v -> %+v", before, after)
	}
}

func TestStore_AddQuotePersists(t *testing.T) {
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "p.quoteline")
	ctx := context.Background()
	s, err := CreateFromDocument(ctx, path, doc)
	if err != nil {
		t.Fatal(err)
	}
	srcs, _ := s.Sources(ctx)
	evs, _ := s.Events(ctx)
	src := srcs[1].ID // Source one
	qid, _, err := s.AddQuote(ctx, NewQuote{SourceID: src, StartByte: 0, EndByte: 7, SpeakerName: "Pat",
		SaidAt: mustTime(t, "2020-01-02"), EventID: evs[0].ID, Stance: StanceSupports})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	quotes, err := s.QuotesOfSource(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if quotes[0].ID != qid || quotes[0].Text != "He said" || quotes[0].Speaker != "Pat" {
		t.Errorf("after reopening, first quote of the source is %+v", quotes[0])
	}
}

func TestStore_SetSourceTextKeepsQuotesInPlace(t *testing.T) {
	s, ids := testStore(t)
	ctx := context.Background()
	src := ids["Source one"]
	edited := "Earlier, a line was added. " + strings.Replace(testArticle, "later", "much later on", 1)
	// "bye" now appears twice; the original one is the nearer.
	edited = strings.Replace(edited, "later on", "later on (bye)", 1)
	unplaced, err := s.SetSourceText(ctx, src, edited)
	if err != nil {
		t.Fatal(err)
	}
	if unplaced != 0 {
		t.Errorf("%d quotes lost their place", unplaced)
	}
	quotes, err := s.QuotesOfSource(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range quotes {
		if !q.HasOffsets || edited[q.StartByte:q.EndByte] != q.Text {
			t.Errorf("quote %q is at %d–%d: %q", q.Text, q.StartByte, q.EndByte, edited[q.StartByte:min(q.EndByte, int64(len(edited)))])
		}
	}
	if want := int64(strings.Index(edited, "\u201cbye") + len("\u201c")); quotes[1].StartByte != want {
		t.Errorf("bye placed at %d, want the first occurrence at %d", quotes[1].StartByte, want)
	}
	full, err := s.Source(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if full.Text != edited || full.TextMatches() {
		t.Errorf("after an edit the text should be the new one and no longer match its recorded hash (matches=%v)", full.TextMatches())
	}

	// Removing a quote's words leaves it unplaced, not pointing at wrong words.
	unplaced, err = s.SetSourceText(ctx, src, "Nothing quoted here.")
	if err != nil {
		t.Fatal(err)
	}
	if unplaced != 2 {
		t.Errorf("unplaced = %d, want 2", unplaced)
	}
	quotes, _ = s.QuotesOfSource(ctx, src)
	for _, q := range quotes {
		if q.HasOffsets {
			t.Errorf("quote %q still has offsets %d–%d", q.Text, q.StartByte, q.EndByte)
		}
	}
	if _, err := s.SetSourceText(ctx, 9999, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetSourceText on a missing source: %v", err)
	}
}

// FuzzSpanOf checks that whatever the text and offsets, spanOf either
// refuses or returns exactly that span, starting and ending on character
// boundaries.
func FuzzSpanOf(f *testing.F) {
	f.Add(testArticle, int64(11), int64(22))
	f.Add(testArticle, int64(9), int64(12))
	f.Add("\u201c\u201d", int64(1), int64(3))
	f.Add("", int64(0), int64(0))
	f.Fuzz(func(t *testing.T, text string, start, end int64) {
		words, err := spanOf(text, start, end)
		if err != nil {
			return
		}
		if words != text[start:end] || strings.TrimSpace(words) == "" {
			t.Fatalf("spanOf(%q, %d, %d) = %q", text, start, end, words)
		}
		if utf8.ValidString(text) && !utf8.ValidString(words) {
			t.Fatalf("spanOf cut a character: %q", words)
		}
	})
}

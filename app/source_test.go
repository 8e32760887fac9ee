package app

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// waitID waits for a test hook to report an id.
func waitID(t *testing.T, ch chan int64, what string) int64 {
	t.Helper()
	select {
	case id := <-ch:
		return id
	case <-time.After(10 * time.Second):
		t.Fatalf("%s: nothing within 10 s", what)
	}
	return 0
}

// eventByTitle finds an event of the open document by the start of its title.
func eventByTitle(t *testing.T, m *mainWindow, prefix string) int64 {
	t.Helper()
	for _, it := range m.doc.items {
		if strings.HasPrefix(m.doc.itemTitle(it.ID), prefix) {
			return it.ID
		}
	}
	t.Fatalf("no event titled %q…", prefix)
	return 0
}

// markedWords returns the source viewer's highlighted words, by quote id.
func markedWords(v *sourceViewer) map[int64]string {
	out := map[int64]string{}
	for _, mk := range v.text.marks {
		out[mk.ID] = v.text.text[mk.Start:mk.End]
	}
	return out
}

// openExample opens a copy of the default timeline in a main window, and
// returns it and the copy's path. The window, and the document it shows
// at the end, close with the test.
func openExample(t *testing.T) (*mainWindow, string) {
	t.Helper()
	a := test.NewTempApp(t)
	path := exampleDocument(t)
	m := newMainWindow(a, Options{Version: "test"})
	t.Cleanup(m.win.Close)
	if err := openAndWait(t, m, path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if m.doc != nil {
			m.doc.store.Close() // closing twice is harmless
		}
	})
	return m, path
}

func TestMainWindow_FromAnEventToItsWordsAndBack(t *testing.T) {
	m, _ := openExample(t)
	defer m.doc.store.Close()
	sourceShown := make(chan int64, 4)
	quoteChosen := make(chan int64, 4)
	m.sourceShown = func(id int64) { sourceShown <- id }
	m.quoteChosen = func(id int64) { quoteChosen <- id }

	// The "more than 400 UAVs" event, then its source.
	uavs := eventByTitle(t, m, "Iran sends Russia more than 400 drones")
	m.timeline.Select(uavs)
	m.showSelectedSource()
	waitID(t, sourceShown, "the source of the drone-transfer event")
	if m.side.SelectedIndex() != tabSource {
		t.Errorf("side pane shows tab %d, want the source", m.side.SelectedIndex())
	}
	v := m.source
	if !strings.HasPrefix(v.src.Title, "Iran, Russia expanding") || !v.src.HasText {
		t.Fatalf("viewer shows %q", v.src.Title)
	}
	if !v.src.TextMatches() {
		t.Error("the article's SHA-256 does not match")
	}
	words := markedWords(v)
	if len(words) < 7 {
		t.Errorf("%d quotes highlighted, want at least the 7 of the default timeline", len(words))
	}
	active := words[v.text.active]
	if !strings.HasPrefix(active, "Since August, Iran has provided Russia with more than 400 UAVs") {
		t.Errorf("the chosen highlight is %q, want Kirby's Since August quote", active)
	}
	for id, w := range words {
		for _, q := range v.quotes {
			if q.ID == id && q.Text != w {
				t.Errorf("quote %d highlights %q but its text is %q", id, w, q.Text)
			}
		}
	}
	if v.scroll.Offset.Y <= 0 {
		t.Error("the viewer did not scroll to the quote")
	}

	// Click another highlighted quote: its events are marked.
	var providing int64
	for id, w := range words {
		if strings.HasPrefix(w, "By providing Russia") {
			providing = id
		}
	}
	m.chooseQuote(providing)
	waitID(t, quoteChosen, "choosing the By providing quote")
	briefing := eventByTitle(t, m, "Kirby briefs")
	marked := map[int64]bool{}
	for _, id := range m.timeline.Marked() {
		marked[id] = true
	}
	if !marked[uavs] || !marked[briefing] || len(marked) != 2 {
		t.Errorf("marked events %v, want the 400 drones event %d and the briefing %d", m.timeline.Marked(), uavs, briefing)
	}
	var listed []string
	for _, s := range texts(v.quote) {
		listed = append(listed, s)
	}
	if all := strings.Join(listed, "\n"); !strings.Contains(all, "Supports") || !strings.Contains(all, "Kirby briefs") {
		t.Errorf("the chosen quote's events are not listed: %q", all)
	}
}

func TestMainWindow_NewQuoteFromSelectionPersists(t *testing.T) {
	m, path := openExample(t)
	sourceShown := make(chan int64, 4)
	added := make(chan int64, 4)
	m.sourceShown = func(id int64) { sourceShown <- id }
	m.quoteAdded = func(id int64, err error) {
		if err != nil {
			t.Errorf("adding the quote: %v", err)
		}
		added <- id
	}
	uavs := eventByTitle(t, m, "Iran sends Russia more than 400 drones")
	m.timeline.Select(uavs)
	m.showSelectedSource()
	src := waitID(t, sourceShown, "the article")
	text := m.source.src.Text
	words := "used them to target Ukrainian critical infrastructure"
	start := strings.Index(text, words)
	if start < 0 {
		t.Fatalf("%q not in the article", words)
	}
	m.source.text.Select(start, start+len(words))
	nq := data.NewQuote{SourceID: src, StartByte: int64(start), EndByte: int64(start + len(words)),
		SpeakerName: "John Kirby", SaidAt: m.source.src.Published, EventID: eventByTitle(t, m, "Russia turns the Iranian drones"), Stance: data.StanceSupports}
	m.addQuote(m.doc, m.source.src, nq)
	qid := waitID(t, added, "the new quote")
	if got := markedWords(m.source)[qid]; got != words {
		t.Errorf("the new quote highlights %q, want %q", got, words)
	}
	if m.source.text.active != qid {
		t.Errorf("the new quote is not the chosen highlight")
	}
	m.doc.store.Close()

	// Reopened, the quote is still there with its offsets.
	s, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	quotes, err := s.QuotesOfSource(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, q := range quotes {
		if q.ID == qid {
			found = q.Text == words && q.HasOffsets && q.StartByte == int64(start) && q.Speaker == "John Kirby"
		}
	}
	if !found {
		t.Errorf("the new quote did not persist as made: %+v", quotes)
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"https://www.example.org/news/1", true},
		{"http://example.org", true},
		{"HTTPS://example.org/a?b=c", true},
		{"file:///etc/passwd", false},
		{"javascript:alert(1)", false},
		{"mailto:someone@example.org", true},
		{"https://example.org/\u202egpj.exe", false},
		{"https:///no-host", false},
		{"https://example.org/a b", false},
		{"https://example.org/\nx", false},
		{"example.org", false},
		{"", false},
	}
	for _, tt := range tests {
		if _, ok := safeURL(tt.in); ok != tt.ok {
			t.Errorf("safeURL(%q) ok = %v, want %v", tt.in, ok, tt.ok)
		}
	}
}

func TestMainWindow_OpenURLRefusesWhatIsNotTheWeb(t *testing.T) {
	a := test.NewTempApp(t)
	m := newMainWindow(a, Options{Version: "test"})
	defer m.win.Close()
	u, _ := url.Parse("file:///etc/passwd")
	if err := m.openURL(u); err == nil {
		t.Error("a file: address was opened")
	}
}

func TestClaimAndProvenanceText(t *testing.T) {
	if got := claimCounts(data.Claims{Supporting: 2, Disputing: 1}); got != "2 sources support it · 1 disputes it" {
		t.Errorf("claimCounts = %q", got)
	}
	if got := claimCounts(data.Claims{}); got != "No source supports it · none disputes it" {
		t.Errorf("claimCounts = %q", got)
	}
	aug := data.Time{Unix: time.Date(2022, 8, 1, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionMonth}
	said := data.Time{Unix: time.Date(2023, 5, 15, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionDay}
	ev := data.Event{Start: aug, Derivation: &data.Derivation{Expression: "since August", SaidAt: said}}
	if got := provenanceText(data.DateStyle{}, &ev); got != "Aug 2022 — from “since August”, said 15 May 2023" {
		t.Errorf("provenanceText = %q", got)
	}
	ev = data.Event{Start: said, End: data.Time{Unix: said.Unix + 16*86400, Precision: data.PrecisionDay}, Status: data.StatusExpected,
		Derivation: &data.Derivation{Expression: "in the coming days", SaidAt: said}}
	if got := provenanceText(data.DateStyle{}, &ev); !strings.Contains(got, "from “in the coming days”, said 15 May 2023") || !strings.Contains(got, "forecast") {
		t.Errorf("provenanceText = %q", got)
	}
}

func TestDefaultTimeline_DisputeAndForecastAreMarked(t *testing.T) {
	m, _ := openExample(t)
	defer m.doc.store.Close()
	ctx := context.Background()
	st := m.doc.store

	// Iran's November 2022 statement (reported by CNN) disputes the US
	// account of the August shipments.
	aug := eventByTitle(t, m, "Russia receives its first Iranian drones")
	ev, err := st.Event(ctx, aug)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Status != data.StatusDisputed {
		t.Errorf("the August shipments are %q, want disputed", ev.Status)
	}
	srcs, err := st.SourcesOfEvent(ctx, aug)
	if err != nil {
		t.Fatal(err)
	}
	disputing := ""
	for _, s := range srcs {
		if s.Stance == data.StanceDisputes {
			disputing = s.Title + " " + s.Summary
		}
	}
	if !strings.Contains(disputing, "Iran admits") {
		t.Errorf("the disputing source is %q, want the November 2022 report of Iran's statement", disputing)
	}
	c, err := st.ClaimsOfEvent(ctx, aug)
	if err != nil {
		t.Fatal(err)
	}
	if c.Disputing != 1 || c.Supporting < 2 {
		t.Errorf("claims of the August shipments %+v, want 1 disputing and several supporting", c)
	}
	i, _ := m.doc.ids.pos(aug)
	if it := m.doc.items[i]; it.Style != timeline.StyleDisputed {
		t.Errorf("the August shipments are drawn in style %d, want disputed", it.Style)
	}

	// The sanctions "in the coming days" are expected, dated from Kirby's words.
	exp := eventByTitle(t, m, "More US sanctions announced")
	ev, err = st.Event(ctx, exp)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Status != data.StatusExpected || ev.Derivation == nil || ev.Derivation.Expression != "in the coming days" {
		t.Errorf("expected sanctions: status %q, derivation %+v", ev.Status, ev.Derivation)
	}
	if got := provenanceText(data.DateStyle{}, &ev); !strings.Contains(got, "said 15 May 2023") {
		t.Errorf("provenance %q", got)
	}
	i, _ = m.doc.ids.pos(exp)
	if it := m.doc.items[i]; it.Style != timeline.StyleExpected {
		t.Errorf("the expected sanctions are drawn in style %d, want expected", it.Style)
	}
}

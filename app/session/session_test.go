package session_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // to find a page to break

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/hostile"
	"github.com/quoteline/quoteline/timeline"
)

// store opens the document at path beside the session, as another window
// would.
func store(t *testing.T, path string) *data.Store {
	t.Helper()
	st, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestSession_OpenShowsDocumentOrError(t *testing.T) {
	o := sessiontest.New(t, session.Options{})
	bad := filepath.Join(t.TempDir(), "notes.quoteline")
	if err := os.WriteFile(bad, []byte("just some notes"), 0o644); err != nil {
		t.Fatal(err)
	}
	o.S.Open(bad)
	if p := sessiontest.Next[session.Problem](o); !strings.Contains(p.Err.Error(), "not a SQLite database") {
		t.Errorf("opening a text file: %v", p.Err)
	}
	if err := sessiontest.Next[session.Opened](o).Err; err == nil || o.S.Doc() != nil {
		t.Fatalf("a document was loaded from a bad file (%v)", err)
	}

	if err := o.Open(sessiontest.Example(t)); err != nil {
		t.Fatal(err)
	}
	if doc := o.S.Doc(); filepath.Base(doc.Path()) != "example.quoteline" || doc.Len() != 17 || len(doc.Lanes()) != 5 {
		t.Errorf("%s: %d events in %d lanes", doc.Path(), doc.Len(), len(doc.Lanes()))
	}
	if got := o.S.Summary(); !strings.HasPrefix(got, "17 events · 5 lanes") {
		t.Errorf("summary %q", got)
	}
	if !o.S.Doc().Passed() || len(o.S.Links().Actors) == 0 || len(o.S.Statements()) == 0 {
		t.Errorf("after opening: check passed %v, %d actors, %d statements", o.S.Doc().Passed(), len(o.S.Links().Actors), len(o.S.Statements()))
	}
}

func TestSession_OpeningCanBeCancelled(t *testing.T) {
	o := sessiontest.New(t, session.Options{})
	o.S.Open(sessiontest.Generated(t, 60_000, 3, 1))
	if st := sessiontest.Next[session.Status](o); st.Work != session.WorkProgress || !o.S.Busy() {
		t.Errorf("opening shows %+v, busy %v; want progress and Cancel", st, o.S.Busy())
	}
	o.S.Cancel()
	if err := sessiontest.Next[session.Opened](o).Err; !errors.Is(err, context.Canceled) {
		t.Fatalf("opening ended with %v, want it cancelled", err)
	}
	if o.S.Doc() != nil || o.S.Busy() {
		t.Errorf("after cancelling: document %v, busy %v", o.S.Doc() != nil, o.S.Busy())
	}
}

func TestSession_SelectReadsTheDetailsOfTheRangeEvent(t *testing.T) {
	o, _ := sessiontest.OpenExample(t)
	id := sessiontest.EventByTitle(t, o.S, "Iran sends Russia more than 400 drones")
	o.S.Select(id)
	if got := sessiontest.Next[session.Selected](o).ID; got != id {
		t.Fatalf("selected %d, want %d", got, id)
	}
	d := sessiontest.Next[session.DetailsRead](o)
	if d.Details.Event.ID != id || d.Lane.Name != "Drone transfers" || len(d.Details.Quotes) == 0 || d.Details.Claims.Supporting == 0 {
		t.Fatalf("details %+v in %q", d.Details, d.Lane.Name)
	}
	q := d.Details.Quotes[0]
	dates := o.S.Dates()
	if !strings.HasPrefix(q.Text, "Since August, Iran has provided Russia with more than 400 UAVs") || q.Speaker != "John Kirby" || dates.Format(q.SaidAt) != "15 May 2023" {
		t.Errorf("first quote %q by %q, said %s", q.Text, q.Speaker, dates.Format(q.SaidAt))
	}
	ev := d.Details.Event
	if got := session.DateRange(dates, &ev); got != "Aug 2022 – 15 May 2023" {
		t.Errorf("dates %q", got)
	}
	if got := session.Provenance(dates, &ev); !strings.Contains(got, "from “since August”, said 15 May 2023") {
		t.Errorf("provenance %q", got)
	}
	if !slices.Equal(d.Details.Actors, []string{"Iran", "Russia"}) {
		t.Errorf("actors %q", d.Details.Actors)
	}
}

func TestSession_LargeDocumentFetchesTheTitlesItIsAskedFor(t *testing.T) {
	o := sessiontest.New(t, session.Options{AllTitlesUpTo: 500}) // so that a small generated document counts as large
	path := sessiontest.Generated(t, 4000, 2, 3)
	if err := o.Open(path); err != nil {
		t.Fatal(err)
	}
	doc := o.S.Doc()
	mid := doc.Item(doc.Len() / 2)
	if doc.ItemTitle(mid.ID) != "" {
		t.Fatal("a document above the limit had its titles read whole")
	}
	// What the timeline drew without a title: the event in the middle.
	o.S.WantTitles([]int64{mid.ID, doc.Item(doc.Len()/2 + 1).ID})
	if err := sessiontest.Next[session.TitlesRead](o).Err; err != nil {
		t.Fatal(err)
	}
	want, err := store(t, path).Event(context.Background(), mid.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.ItemTitle(mid.ID); got != want.Title {
		t.Errorf("title of event %d = %q, want %q", mid.ID, got, want.Title)
	}
	if title, _ := o.S.Tooltip(mid.ID); title != want.Title {
		t.Errorf("tooltip title %q, want %q", title, want.Title)
	}
	if title, _ := o.S.Tooltip(doc.Item(0).ID); title != "(title still loading)" {
		t.Errorf("tooltip of an event not asked for: %q", title)
	}
	// Asked again, nothing is read again.
	o.S.WantTitles([]int64{mid.ID})
	o.Settle()
}

func TestSession_DamagedFileIsClosedOnceChecked(t *testing.T) {
	path := sessiontest.Example(t)
	// Break a page that showing the document never reads: the root of
	// the events' full-text content. Only the integrity check finds it.
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int64
	err = db.QueryRow(`SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema WHERE name = 'event_fts_content'`).Scan(&root, &pageSize)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte{0x7f}, (root-1)*pageSize); err != nil { // no such page type
		t.Fatal(err)
	}
	f.Close()

	o := sessiontest.New(t, session.Options{})
	o.S.Open(path)
	if err := sessiontest.Next[session.Opened](o).Err; err != nil {
		t.Fatal(err)
	}
	closed := sessiontest.Next[session.Closed](o)
	if closed.Why != "failed its integrity check" || o.S.Doc() != nil {
		t.Errorf("closed %+v; document still open: %v", closed, o.S.Doc() != nil)
	}
	if st := sessiontest.Next[session.Status](o); !strings.Contains(st.Text, "was closed") {
		t.Errorf("status %q", st.Text)
	}
	if p := sessiontest.Next[session.Problem](o); !strings.Contains(p.Err.Error(), "damaged") {
		t.Errorf("problem %v", p.Err)
	}
}

// TestSession_HostileDocuments opens hostile documents: a refused one says
// why, and one with an enormous title opens without harm.
func TestSession_HostileDocuments(t *testing.T) {
	cases, err := hostile.Make(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]hostile.Case{}
	for _, c := range cases {
		byName[c.Name] = c
	}
	o := sessiontest.New(t, session.Options{})
	for _, name := range []string{"planted-trigger.quoteline", "future-version.quoteline", "corrupt-pages.quoteline"} {
		c := byName[name]
		if err := o.Open(c.Path); err == nil || !strings.Contains(err.Error(), c.Want) {
			t.Fatalf("opening %s: %v, want an error with %q", name, err, c.Want)
		}
		if o.S.Doc() != nil {
			t.Fatalf("%s: a document was loaded", name)
		}
	}
	if err := o.Open(byName["huge-title.quoteline"].Path); err != nil {
		t.Fatalf("opening a document with a huge title: %v", err)
	}
	if n := o.S.Doc().Len(); n != 50 {
		t.Errorf("%d events, want 50", n)
	}
}

// TestCheckOpens_LightBeforeTheWindow: what is checked before a window
// opens takes no longer at any size: a file that is not a document (or of
// a later version) is refused there, while damaged pages are left to the
// window's check after its first frame, which closes the document saying
// why (TestSession_HostileDocuments).
func TestCheckOpens_LightBeforeTheWindow(t *testing.T) {
	cases, err := hostile.Make(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		err := session.CheckOpens(context.Background(), c.Path)
		switch c.Name {
		case "future-version.quoteline", "planted-trigger.quoteline":
			if err == nil || !strings.Contains(err.Error(), c.Want) {
				t.Errorf("%s: %v, want an error with %q", c.Name, err, c.Want)
			}
		}
	}
	// A page of events in the middle damaged: found by the window's check,
	// not before the window opens.
	path := sessiontest.Generated(t, 3000, 2, 1)
	page, err := hostile.RowPage(path, "event", 1500)
	if err != nil {
		t.Fatal(err)
	}
	if err := hostile.DamagePage(path, page); err != nil {
		t.Fatal(err)
	}
	if err := session.CheckOpens(context.Background(), path); err != nil {
		t.Errorf("a damaged page of events: %v, want it left to the window's check", err)
	}
	if _, err := data.Check(context.Background(), path); !errors.Is(err, data.ErrCorrupt) {
		t.Errorf("the whole check: %v, want the damage found", err)
	}
	if err := session.CheckOpens(context.Background(), filepath.Join(t.TempDir(), "none.quoteline")); err == nil {
		t.Error("a missing file passed")
	}
}

// TestSession_ReadsAgainWhenChangedElsewhere writes to the session's file
// through another store, as a second window or instance would: the session
// reads it again, keeping its view and selection, while its own edits do
// not make it read again.
func TestSession_ReadsAgainWhenChangedElsewhere(t *testing.T) {
	o, path := sessiontest.OpenExample(t)
	first := o.S.Doc().Item(0).ID
	o.S.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
		ev, err := st.Event(ctx, first)
		if err != nil {
			return nil, err
		}
		ev.Title = "Renamed here"
		_, ed, err := st.SaveEvent(ctx, ev)
		return ed, err
	}, nil)
	if err := sessiontest.Next[session.Edited](o).Err; err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Second)
	for time.Now().Before(deadline) {
		o.Settle()
		if o.S.Busy() {
			t.Fatal("the session read its document again after its own edit")
		}
	}

	// A view around an event, with it selected; then a change elsewhere.
	it := o.S.Doc().Item(o.S.Doc().Len() / 2)
	vp := timeline.NewViewport(it.Start-86400*30, it.Start+86400*30, 800)
	o.S.SetView(vp)
	o.S.Select(it.ID)
	other := store(t, path)
	ev, err := other.Event(context.Background(), it.ID)
	if err != nil {
		t.Fatal(err)
	}
	ev.Title = "Renamed elsewhere"
	if _, _, err := other.SaveEvent(context.Background(), ev); err != nil {
		t.Fatal(err)
	}
	if err := sessiontest.Next[session.Opened](o).Err; err != nil {
		t.Fatal(err)
	}
	framed := sessiontest.Next[session.Framed](o)
	if framed.All || framed.Viewport.Start() != vp.Start() || framed.Viewport.End() != vp.End() {
		t.Errorf("after reading again the view is %+v, want %v – %v", framed, vp.Start(), vp.End())
	}
	if got := sessiontest.Next[session.Selected](o).ID; got != it.ID {
		t.Errorf("selected %d after reading again, want %d", got, it.ID)
	}
	// The status says why, while the file is checked and once it has been.
	for range 2 {
		if st := sessiontest.Next[session.Status](o); !strings.HasPrefix(st.Text, session.ChangedElsewhereNote) {
			t.Errorf("status %q does not say why the file was read again", st.Text)
		}
	}
	if err := sessiontest.Next[session.Checked](o).Err; err != nil {
		t.Fatal(err)
	}
	doc := o.S.Doc()
	if got := doc.ItemTitle(it.ID); got != "Renamed elsewhere" {
		t.Errorf("title after the change elsewhere = %q", got)
	}
	if got := doc.ItemTitle(first); got != "Renamed here" {
		t.Errorf("own edit lost: title %q", got)
	}
}

func TestSession_CloseDocument(t *testing.T) {
	o, _ := sessiontest.OpenExample(t)
	o.S.CloseDocument()
	if c := sessiontest.Next[session.Closed](o); c.Why != "" || o.S.Doc() != nil || o.S.Summary() != "No document open" {
		t.Errorf("after closing: %+v, summary %q", c, o.S.Summary())
	}
	if o.S.UndoName() != "" || o.S.Editable() {
		t.Error("something to undo or edit with no document")
	}
	o.S.Select(5) // nothing to select: must not panic
	o.S.Undo()
	if n := o.S.Rows().Len(); n != 0 {
		t.Errorf("%d rows with no document", n)
	}
}

func TestDateRange_ShowsPrecision(t *testing.T) {
	day := func(y, m, d int) data.Time {
		return data.Time{Unix: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionDay}
	}
	month := func(y, m int) data.Time {
		return data.Time{Unix: time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionMonth}
	}
	tests := []struct {
		name string
		ev   data.Event
		want string
	}{
		{"day point", data.Event{Start: day(2022, 9, 8)}, "8 Sep 2022"},
		{"month point", data.Event{Start: month(2022, 8)}, "Aug 2022"},
		{"month to day range", data.Event{Start: month(2022, 8), End: day(2023, 5, 15)}, "Aug 2022 – 15 May 2023"},
		{"uncertain start", data.Event{Start: month(2022, 10), End: day(2023, 5, 15), StartUncertain: true}, "Oct 2022 (start uncertain) – 15 May 2023"},
		{"uncertain end", data.Event{Start: day(2023, 5, 15), End: day(2023, 5, 31), EndUncertain: true}, "15 May 2023 – 31 May 2023?"},
		{"ongoing point", data.Event{Start: day(2023, 5, 15), StartUncertain: true}, "by 15 May 2023 (start not known)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := session.DateRange(data.DateStyle{}, &tt.ev); got != tt.want {
				t.Errorf("DateRange = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestClaimAndProvenanceText(t *testing.T) {
	if got := session.ClaimCounts(data.Claims{Supporting: 2, Disputing: 1}); got != "2 sources support it · 1 disputes it" {
		t.Errorf("ClaimCounts = %q", got)
	}
	if got := session.ClaimCounts(data.Claims{}); got != "No source supports it · none disputes it" {
		t.Errorf("ClaimCounts = %q", got)
	}
	aug := data.Time{Unix: time.Date(2022, 8, 1, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionMonth}
	said := data.Time{Unix: time.Date(2023, 5, 15, 0, 0, 0, 0, time.UTC).Unix(), Precision: data.PrecisionDay}
	ev := data.Event{Start: aug, Derivation: &data.Derivation{Expression: "since August", SaidAt: said}}
	if got := session.Provenance(data.DateStyle{}, &ev); got != "Aug 2022 — from “since August”, said 15 May 2023" {
		t.Errorf("Provenance = %q", got)
	}
	ev = data.Event{Start: said, End: data.Time{Unix: said.Unix + 16*86400, Precision: data.PrecisionDay}, Status: data.StatusExpected,
		Derivation: &data.Derivation{Expression: "in the coming days", SaidAt: said}}
	if got := session.Provenance(data.DateStyle{}, &ev); !strings.Contains(got, "from “in the coming days”, said 15 May 2023") || !strings.Contains(got, "forecast") {
		t.Errorf("Provenance = %q", got)
	}
}

func TestShorten(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 10, "one two…"},
		{"abcdefghijkl", 5, "abcde…"},
		{"Ünïcödé wörds here", 9, "Ünïcödé…"},
	}
	for _, tt := range tests {
		if got := session.Shorten(tt.in, tt.n); got != tt.want {
			t.Errorf("Shorten(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

func TestEditError_IsReadable(t *testing.T) {
	err := session.EditError(errors.Join(&data.FieldError{Record: "lane", Field: "name", Reason: `another lane is called "Sanctions"`}))
	if want := `The lane's name another lane is called "Sanctions".`; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
}

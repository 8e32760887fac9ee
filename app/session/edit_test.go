package session_test

import (
	"bytes"
	"context"
	"errors"
	"html"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/interchange"
	"github.com/quoteline/quoteline/timeline"
	"github.com/quoteline/quoteline/timeline/export"
)

func hasTitle(d *session.Document, title string) bool {
	for i := range d.Len() {
		if d.ItemTitle(d.Item(i).ID) == title {
			return true
		}
	}
	return false
}

// save saves ev as an edit of the session's document.
func save(s *session.Session, ev data.Event) {
	s.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
		_, ed, err := st.SaveEvent(ctx, ev)
		return ed, err
	}, s.SelectSaved)
}

func TestSession_EditUndoRedo(t *testing.T) {
	o, path := sessiontest.OpenExample(t)
	s := o.S
	if s.UndoName() != "" {
		t.Errorf("something to undo before any edit: %q", s.UndoName())
	}
	lanes := s.Doc().Lanes()
	in, err := data.ParseDateInput("c. 2022")
	if err != nil {
		t.Fatal(err)
	}
	ev := data.Event{Title: "Shahed drones reach Crimea", LaneID: lanes[1].ID, Status: data.StatusReported}
	in.Apply(&ev)
	save(s, ev)
	if e := o.Edited(); e.Name != "Add event" {
		t.Errorf("edit named %q", e.Name)
	}
	// The new event is selected, and its details read.
	id := sessiontest.Next[session.DetailsRead](o).Details.Event.ID
	if !hasTitle(s.Doc(), "Shahed drones reach Crimea") || s.Doc().Counts().Events != 18 || s.Selected() != id {
		t.Fatalf("new event not shown (%d events), selected %d", s.Doc().Counts().Events, s.Selected())
	}
	sp, lane, ok := s.Doc().Span(id)
	if !ok || lane.ID != lanes[1].ID || sp.Start.String() != "2022" || sp.EarliestStart >= sp.Start.Unix {
		t.Errorf("new event %d: %+v in %q", id, sp, lane.Name)
	}
	if s.UndoName() != "Add event" {
		t.Errorf("undo names %q", s.UndoName())
	}

	s.Undo()
	o.Edited()
	if hasTitle(s.Doc(), "Shahed drones reach Crimea") || s.Doc().Len() != 17 || s.Selected() != 0 {
		t.Errorf("undo left the event (%d events, selected %d)", s.Doc().Len(), s.Selected())
	}
	if s.RedoName() != "Add event" {
		t.Errorf("redo names %q", s.RedoName())
	}

	// Undo survives closing and reopening the document in the session.
	s.Redo()
	o.Edited()
	if err := o.Open(path); err != nil {
		t.Fatal(err)
	}
	if !hasTitle(s.Doc(), "Shahed drones reach Crimea") {
		t.Fatal("reopened document lacks the event")
	}
	s.Undo()
	o.Edited()
	if hasTitle(s.Doc(), "Shahed drones reach Crimea") {
		t.Error("undo after reopening did not remove the event")
	}
}

// TestSession_MoveAndResizeEvents saves events as drags on the timeline
// leave them: later, in another lane, with an end moved; and refuses an
// end dragged before the start.
func TestSession_MoveAndResizeEvents(t *testing.T) {
	o, path := sessiontest.OpenExample(t)
	s := o.S
	const day = 86400
	all, err := store(t, path).Events(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var point, ranged data.Event
	for _, e := range all {
		if !e.HasEnd() && e.Start.Precision == data.PrecisionDay && point.ID == 0 {
			point = e
		}
		if e.HasEnd() && e.Derivation != nil && ranged.ID == 0 {
			ranged = e
		}
	}
	s.MoveEvent(point.ID, 5*day, lanePosition(s, point.LaneID))
	if e := o.Edited(); e.Name != "Move event" {
		t.Errorf("edit named %q", e.Name)
	}
	if sp, _, _ := s.Doc().Span(point.ID); sp.Start.Unix != point.Start.Unix+5*day || sp.Start.Precision != data.PrecisionDay {
		t.Errorf("moved to %v", sp.Start.Display())
	}
	s.Undo()
	o.Edited()
	other := 0
	if s.Doc().Lanes()[0].ID == point.LaneID {
		other = 1
	}
	s.MoveEvent(point.ID, 0, other)
	if e, want := o.Edited(), "Move event to "+s.Doc().Lanes()[other].Name; e.Name != want {
		t.Errorf("edit named %q, want %q", e.Name, want)
	}

	// An end dragged a month earlier: the dates are set by hand now.
	s.ResizeEvent(ranged.ID, float64(ranged.Start.Unix), float64(ranged.End.End()+1-30*day))
	if e := o.Edited(); e.Name != "Change event dates" {
		t.Errorf("edit named %q", e.Name)
	}
	got, err := store(t, path).Event(context.Background(), ranged.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.End.Unix >= ranged.End.Unix || got.End.Precision != ranged.End.Precision || got.Derivation != nil {
		t.Errorf("dates %s, were %s; derivation %v", data.DateText(&got), data.DateText(&ranged), got.Derivation)
	}
	s.Undo()
	o.Edited()
	if back, _ := store(t, path).Event(context.Background(), ranged.ID); !reflect.DeepEqual(back, ranged) {
		t.Errorf("undo left\n%+v\nwant\n%+v", back, ranged)
	}

	// An end dragged past the start is refused, and nothing can be undone.
	s.ResizeEvent(ranged.ID, float64(ranged.Start.Unix), float64(ranged.Start.Unix-60*day))
	var fe *data.FieldError
	if e := sessiontest.Next[session.Edited](o); !errors.As(e.Err, &fe) || fe.Field != "end" {
		t.Errorf("saving an end before the start: %v", e.Err)
	}
}

// lanePosition is the position on the timeline of lane id, all lanes shown.
func lanePosition(s *session.Session, id int64) int {
	i, _ := s.Doc().LaneIndex(id)
	return i
}

func TestSession_MoveToALaneShownByTheFilter(t *testing.T) {
	o, path := sessiontest.OpenExample(t)
	s := o.S
	lanes := s.Doc().Lanes()
	first, last := lanes[0], lanes[len(lanes)-1]
	s.SetFilter(session.Filter{Lanes: []int64{first.ID, last.ID}})
	var id int64
	for _, it := range s.Showing().Events.Items {
		if it.Lane == 0 && id == 0 {
			id = it.ID
		}
	}
	if id == 0 {
		t.Fatal("no event shown in the first lane")
	}
	s.MoveEvent(id, 0, 1) // the second lane shown
	if e := o.Edited(); e.Name != "Move event to "+last.Name {
		t.Errorf("edit named %q", e.Name)
	}
	if ev, err := store(t, path).Event(context.Background(), id); err != nil || ev.LaneID != last.ID {
		t.Errorf("moved to lane %d (%v), want %q (%d)", ev.LaneID, err, last.Name, last.ID)
	}
}

// shownTitles returns the titles of the events the session shows, failing
// if the event list's rows disagree.
func shownTitles(t *testing.T, s *session.Session) []string {
	t.Helper()
	var titles []string
	sh := s.Showing()
	for _, it := range sh.Events.Items {
		titles = append(titles, s.Doc().ItemTitle(it.ID))
	}
	if n := sh.Index.Len(); n != len(titles) {
		t.Errorf("the index holds %d events, the items %d", n, len(titles))
	}
	var listed []string
	for r := range s.Rows().Len() {
		listed = append(listed, s.Doc().ItemTitle(s.Rows().Event(r)))
	}
	if !slices.Equal(listed, titles) {
		t.Errorf("the rows show %q, the timeline %q", listed, titles)
	}
	return titles
}

func chipLabels(s *session.Session) []string {
	var out []string
	for _, c := range s.FilterChips() {
		out = append(out, c.Label)
	}
	return out
}

func TestSession_FiltersShowOnlyWhatIsChosen(t *testing.T) {
	o, path := sessiontest.OpenExample(t)
	s := o.S
	ctx := context.Background()
	all, err := store(t, path).Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// want returns the titles of the events keep accepts, by date.
	want := func(keep func(e *data.Event) bool) []string {
		var out []string
		for i := range s.Doc().Len() {
			for k := range all {
				if all[k].ID == s.Doc().Item(i).ID && keep(&all[k]) {
					out = append(out, all[k].Title)
				}
			}
		}
		return out
	}
	shown := func(what string) { sessiontest.Next[session.Shown](o) }
	var sanctions data.Lane
	for _, l := range s.Doc().Lanes() {
		if l.Name == "Sanctions" {
			sanctions = l
		}
	}

	// The Sanctions lane and events tagged "shahed".
	s.SetFilter(session.Filter{Lanes: []int64{sanctions.ID}, Tags: []string{"shahed"}})
	shown("lane and tag")
	got := shownTitles(t, s)
	wantTitles := want(func(e *data.Event) bool { return e.LaneID == sanctions.ID && slices.Contains(e.Tags, "shahed") })
	if len(wantTitles) == 0 || !slices.Equal(got, wantTitles) {
		t.Errorf("lane and tag: shown %q, want %q", got, wantTitles)
	}
	if chips := chipLabels(s); !slices.Equal(chips, []string{"Lane: Sanctions", "Tag: shahed"}) {
		t.Errorf("chips %q", chips)
	}
	if sum := s.Summary(); !strings.HasPrefix(sum, timeline.Plural(len(wantTitles), "event", "events")+" shown of") {
		t.Errorf("summary %q", sum)
	}

	// An export draws what is shown.
	svgPath := filepath.Join(t.TempDir(), "filtered.svg")
	s.ExportPicture(svgPath, session.PictureOptions{Format: export.SVG}, true, nil)
	status(t, o, "Exporting filtered.svg")
	status(t, o, "Exported filtered.svg")
	svg, err := os.ReadFile(svgPath)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		in := bytes.Contains(svg, []byte(html.EscapeString(string([]rune(e.Title)[:min(32, len([]rune(e.Title)))])))) // long titles are cut
		if shown := slices.Contains(wantTitles, e.Title); in != shown {
			t.Errorf("event %q in the export: %v, shown: %v", e.Title, in, shown)
		}
	}

	// An edit keeps the filter: the event leaves the lane and so the view.
	moved := all[slices.IndexFunc(all, func(e data.Event) bool { return e.Title == wantTitles[0] })]
	ev := moved
	ev.LaneID = s.Doc().Lanes()[0].ID
	save(s, ev)
	o.Edited() // a filter on tags reads the store, after the edit is shown
	shown("after the edit")
	if got := shownTitles(t, s); slices.Contains(got, moved.Title) || len(got) != len(wantTitles)-1 {
		t.Errorf("after moving %q out of the lane: shown %q", moved.Title, got)
	}
	s.Undo()
	o.Edited()
	shown("after undo")
	if got := shownTitles(t, s); !slices.Equal(got, wantTitles) {
		t.Errorf("after undo: shown %q, want %q", got, wantTitles)
	}

	// Removing the lane chip keeps the tag.
	s.SetFilter(s.FilterChips()[0].Without)
	shown("tag alone")
	if got, w := shownTitles(t, s), want(func(e *data.Event) bool { return slices.Contains(e.Tags, "shahed") }); !slices.Equal(got, w) {
		t.Errorf("tag alone: shown %q, want %q", got, w)
	}

	// An actor joins the tag; a date window and a claim status narrow further.
	var iran int64
	for _, act := range s.Links().Actors {
		if act.Name == "Iran" {
			iran = act.ID
		}
	}
	ofIran, err := store(t, path).EventsOfActor(ctx, iran)
	if err != nil {
		t.Fatal(err)
	}
	s.FilterByActor(iran)
	shown("tag and actor")
	w := want(func(e *data.Event) bool { return slices.Contains(e.Tags, "shahed") && slices.Contains(ofIran, e.ID) })
	if got := shownTitles(t, s); !slices.Equal(got, w) {
		t.Errorf("tag and actor: shown %q, want %q", got, w)
	}
	for _, q := range s.Statements() {
		if !slices.ContainsFunc(s.Links().Marks, func(m data.QuoteMark) bool { return m.ID == q.ID && m.SpeakerID == iran }) {
			t.Errorf("the statements row shows quote %d, not Iran's", q.ID)
		}
	}
	f := s.Filter()
	in, err := data.ParseDateInput("2022")
	if err != nil {
		t.Fatal(err)
	}
	f.Dates = session.DateWindowOf("2022", in)
	f.Statuses = []data.ClaimStatus{data.StatusConfirmed}
	s.SetFilter(f)
	shown("tag, actor, dates and status")
	w = want(func(e *data.Event) bool {
		return slices.Contains(e.Tags, "shahed") && slices.Contains(ofIran, e.ID) && e.Status == data.StatusConfirmed &&
			e.Start.Unix < time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC).Unix() && e.Start.Unix >= time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	})
	if got := shownTitles(t, s); len(w) == 0 || !slices.Equal(got, w) {
		t.Errorf("tag, actor, dates and status: shown %q, want %q", got, w)
	}
	if chips := chipLabels(s); len(chips) != 4 || chips[3] != "Dates: 2022 (year)" {
		t.Errorf("chips %q", chips)
	}

	// Clearing shows everything again, at once.
	s.SetFilter(session.Filter{})
	if got := shownTitles(t, s); len(got) != len(all) {
		t.Errorf("after clearing: %d events shown, want %d", len(got), len(all))
	}
	if chips := chipLabels(s); len(chips) != 0 {
		t.Errorf("chips %q after clearing", chips)
	}
}

func TestSession_ExportsTheCurrentViewInTheBackground(t *testing.T) {
	o, _ := sessiontest.OpenExample(t)
	s := o.S
	doc := s.Doc()
	vp := timeline.NewViewport(doc.Item(0).Start, doc.Item(doc.Len()-1).Start, 900)
	s.SetView(vp)
	out := filepath.Join(t.TempDir(), "view.png")
	done := make(chan error, 1)
	s.ExportPicture(out, session.PictureOptions{Format: export.PNG}, false, func(err error) { done <- err })
	if st := status(t, o, "Exporting view.png"); st.Work != session.WorkProgress {
		t.Errorf("status %+v while exporting", st)
	}
	status(t, o, "Exported view.png")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != 900 {
		t.Errorf("exported %d pixels wide, the view is 900", img.Bounds().Dx())
	}

	// A slide: exactly its size, the sources in a picture of their own,
	// and the status line says so.
	slide := filepath.Join(filepath.Dir(out), "slide.png")
	s.ExportPicture(slide, session.PictureOptions{Format: export.PNG, Width: 1280, Height: 720}, true, func(err error) { done <- err })
	status(t, o, "Exported slide.png and its sources as slide-sources.png.")
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"slide.png", "slide-sources.png"} {
		b, err := os.ReadFile(filepath.Join(filepath.Dir(out), name))
		if err != nil {
			t.Fatal(err)
		}
		if cfg, err := png.DecodeConfig(bytes.NewReader(b)); err != nil || cfg.Width != 1280 || cfg.Height < 720 {
			t.Errorf("%s: %d×%d (%v), want 1280×720", name, cfg.Width, cfg.Height, err)
		}
	}
}

// TestSession_ExportsTheDocumentInEveryDataFormat writes the open
// document as the File ▸ Export menu's data formats do, and reads each file
// back: every event is in it.
func TestSession_ExportsTheDocumentInEveryDataFormat(t *testing.T) {
	o, _ := sessiontest.OpenExample(t)
	s := o.S
	dir := t.TempDir()
	for _, tt := range []struct {
		f    interchange.Format
		name string
	}{
		{interchange.FormatCSV, "events.csv"},
		{interchange.FormatQuoteline, "events.json"},
		{interchange.FormatTimelineJS, "timelinejs.json"},
		{interchange.FormatVis, "vis.json"},
	} {
		out := filepath.Join(dir, tt.name)
		done := make(chan error, 1)
		s.ExportData(out, tt.f, func(err error) { done <- err })
		status(t, o, "Exported "+tt.name)
		if err := <-done; err != nil {
			t.Fatalf("%s: %v", tt.f, err)
		}
		checked, err := interchange.ReadFile(out, tt.f, interchange.Options{})
		if err != nil {
			t.Fatalf("%s: read back: %v", tt.f, err)
		}
		if got := len(checked.Document().Events); got != s.Doc().Len() {
			t.Errorf("%s: %d events read back, the document has %d", tt.f, got, s.Doc().Len())
		}
	}
}

// TestSession_EditsRecords adds, edits and deletes an actor, a source and a
// quote, asking before a deletion that takes something with it, and undoes
// each step.
func TestSession_EditsRecords(t *testing.T) {
	o, path := sessiontest.OpenExample(t)
	s := o.S
	st := store(t, path)
	ctx := context.Background()
	actorNamed := func(name string) (data.Actor, bool) {
		i := slices.IndexFunc(s.Links().Actors, func(a data.Actor) bool { return a.Name == name })
		if i < 0 {
			return data.Actor{}, false
		}
		return s.Links().Actors[i], true
	}
	undo := func(name string) {
		t.Helper()
		if got := s.UndoName(); got != name {
			t.Errorf("undo names %q, want %q", got, name)
		}
		s.Undo()
		o.Edited()
	}
	asked := make(chan session.Question, 1)
	ask := func(q session.Question) { asked <- q }

	s.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
		_, ed, err := st.SaveActor(ctx, data.Actor{Name: "Janet Yellen", Kind: data.KindOrganisation})
		return ed, err
	}, nil)
	o.Edited()
	added, ok := actorNamed("Janet Yellen")
	if !ok || added.Kind != data.KindOrganisation {
		t.Fatalf("new actor not listed: %+v", s.Links().Actors)
	}
	// An actor nothing refers to goes without a question.
	s.DeleteActor(added, ask)
	o.Edited()
	if _, ok := actorNamed("Janet Yellen"); ok {
		t.Error("deleted actor still listed")
	}
	undo(`Delete actor “Janet Yellen”`)
	if _, ok := actorNamed("Janet Yellen"); !ok {
		t.Error("undo did not bring the actor back")
	}

	// One who speaks is deleted only once the user agrees, and undo gives
	// the quotes their speaker back.
	quotes, err := st.Quotes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(quotes, func(q data.QuoteRef) bool { return q.SpeakerID != 0 })
	speaker, _ := actorNamed(quotes[i].Speaker)
	s.DeleteActor(speaker, ask)
	q := awaitQuestion(t, o, asked)
	for _, w := range []string{"quote", "it is the speaker of", "unknown speaker"} {
		if !strings.Contains(q.Message, w) {
			t.Errorf("question lacks %q: %s", w, q.Message)
		}
	}
	if q.Title != "Delete actor?" {
		t.Errorf("question titled %q", q.Title)
	}
	q.Yes()
	o.Edited()
	if got, _ := st.Quote(ctx, quotes[i].ID); got.SpeakerID != 0 {
		t.Errorf("quote of a deleted actor keeps speaker %d", got.SpeakerID)
	}
	undo("Delete " + session.Named("actor", speaker.Name))
	if got, _ := st.Quote(ctx, quotes[i].ID); got.SpeakerID != speaker.ID {
		t.Errorf("undo left the quote with speaker %d, want %d", got.SpeakerID, speaker.ID)
	}

	// Deleting a source with quotes asks, names them, and takes them along.
	before := s.Doc().Counts()
	sources, err := st.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var quoted data.Source
	for _, src := range sources {
		if q, _ := st.QuotesOfSource(ctx, src.ID); len(q) > 0 {
			quoted = src
			break
		}
	}
	after := make(chan bool, 1)
	s.DeleteSource(quoted, func() { after <- true }, ask)
	if q := awaitQuestion(t, o, asked); !strings.Contains(q.Message, "deletes its quotes") {
		t.Errorf("question %q", q.Message)
	} else {
		q.Yes()
	}
	o.Edited()
	<-after
	if c := s.Doc().Counts(); c.Sources != before.Sources-1 || c.Quotes >= before.Quotes {
		t.Errorf("after deleting a source: %+v, before %+v", c, before)
	}
	undo("Delete " + session.Named("source", quoted.Title))
	if c := s.Doc().Counts(); c != before {
		t.Errorf("undo left counts %+v, want %+v", c, before)
	}

	// A quote linked to events: asked, deleted, undone.
	var linked data.QuoteRef
	for _, c := range quotes {
		if links, _ := st.QuoteLinks(ctx, c.ID); links != "" {
			linked = c
			break
		}
	}
	s.DeleteQuote(linked, ask)
	awaitQuestion(t, o, asked).Yes()
	o.Edited()
	if _, err := st.Quote(ctx, linked.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleted quote still readable: %v", err)
	}
	undo("Delete " + session.Named("quote", linked.Text))

	// The store's refusal is shown as a sentence naming the field.
	s.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
		_, ed, err := st.SaveSource(ctx, data.Source{Title: strings.Repeat("long ", 120)})
		return ed, err
	}, nil)
	if p := sessiontest.Next[session.Problem](o); p.Err.Error() != "The source's title is longer than 500 characters." {
		t.Errorf("refused edit: %v", p.Err)
	}
	if e := sessiontest.Next[session.Edited](o); e.Err == nil {
		t.Error("a refused edit reported no error")
	}
}

// awaitQuestion runs the session until it asks a question.
func awaitQuestion(t *testing.T, o *sessiontest.Owner, asked chan session.Question) session.Question {
	t.Helper()
	var q session.Question
	o.Until("the question", func() bool {
		select {
		case q = <-asked:
			return true
		default:
			return false
		}
	})
	return q
}

// status waits for the status line to say something starting with prefix.
func status(t *testing.T, o *sessiontest.Owner, prefix string) session.Status {
	t.Helper()
	return o.Await("status "+prefix, func(e session.Event) bool {
		st, ok := e.(session.Status)
		return ok && strings.HasPrefix(st.Text, prefix)
	}).(session.Status)
}

// TestSession_LinkAndUnlink links a quote and a source to an event, unlinks
// each, and undoes each step.
func TestSession_LinkAndUnlink(t *testing.T) {
	o, path := sessiontest.OpenExample(t)
	s := o.S
	st := store(t, path)
	ctx := context.Background()
	event := s.Doc().Item(0).ID
	quotes, err := st.Quotes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sources, err := st.Sources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		kind   session.LinkKind
		noun   string
		id     int64
		linked func() []data.Stance
	}{
		{session.LinkQuote, "quote", quotes[len(quotes)-1].ID, func() []data.Stance {
			refs, _ := st.QuotesOfEvent(ctx, event)
			return stancesOf(refs, quotes[len(quotes)-1].ID, func(r data.QuoteRef) (int64, data.Stance) { return r.ID, r.Stance })
		}},
		{session.LinkSource, "source", sources[len(sources)-1].ID, func() []data.Stance {
			refs, _ := st.SourcesOfEvent(ctx, event)
			return stancesOf(refs, sources[len(sources)-1].ID, func(r data.SourceRef) (int64, data.Stance) { return r.ID, r.Stance })
		}},
	} {
		t.Run(tt.noun, func(t *testing.T) {
			s.Link(event, tt.kind, tt.id, data.StanceDisputes)
			o.Edited()
			if got := tt.linked(); !slices.Equal(got, []data.Stance{data.StanceDisputes}) {
				t.Fatalf("after linking: %v", got)
			}
			s.Unlink(event, tt.kind, tt.id, "x")
			o.Edited()
			if got := tt.linked(); len(got) != 0 {
				t.Error("unlink left the link")
			}
			if got, want := s.UndoName(), "Unlink "+tt.noun+" x"; got != want {
				t.Errorf("undo names %q, want %q", got, want)
			}
			s.Undo()
			o.Edited()
			s.Undo()
			o.Edited()
			if got := tt.linked(); len(got) != 0 {
				t.Errorf("undoing both left %v", got)
			}
		})
	}
}

// stancesOf returns the stances of the links in refs to id.
func stancesOf[T any](refs []T, id int64, of func(T) (int64, data.Stance)) []data.Stance {
	var out []data.Stance
	for _, r := range refs {
		if rid, st := of(r); rid == id {
			out = append(out, st)
		}
	}
	return out
}

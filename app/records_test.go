package app

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
)

// editSession is a window on a copy of the default timeline, with the
// editor's and the panes' test hooks turned into channels.
type editSession struct {
	t       *testing.T
	m       *mainWindow
	ctx     context.Context
	applied chan appliedEdit
	details chan int64
	confirm chan bool
}

// appliedEdit is what the editor reports once an edit, undo or redo is shown.
type appliedEdit struct {
	name string
	err  error
}

func newEditSession(t *testing.T) *editSession {
	t.Helper()
	a := test.NewTempApp(t)
	m := newMainWindow(a, Options{Version: "test"})
	t.Cleanup(m.win.Close)
	if err := openAndWait(t, m, exampleDocument(t)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.doc.store.Close() })
	s := &editSession{t: t, m: m, ctx: context.Background(),
		applied: make(chan appliedEdit, 4), details: make(chan int64, 4), confirm: make(chan bool, 1)}
	m.editor.applied = func(name string, err error) { s.applied <- appliedEdit{name, err} }
	m.detailsShown = func(id int64) { s.details <- id }
	m.editor.confirmShown = func() { s.confirm <- true }
	return s
}

// receive waits for the next value of ch.
func receive[T any](t *testing.T, ch chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("%s not within 10 s", what)
	}
	panic("unreachable")
}

// shown waits for an edit (or undo) to be shown, side panes included, and
// the selected event's details (if any) read again; it fails on an error.
func (s *editSession) shown() {
	s.t.Helper()
	if ed := receive(s.t, s.applied, "edit shown"); ed.err != nil {
		s.t.Fatalf("edit %q: %v", ed.name, ed.err)
	}
	if id := s.m.timeline.Selected(); id != 0 {
		for receive(s.t, s.details, "details shown again") != id {
		}
	}
}

// undo undoes the latest edit, checking the Undo item named it first.
func (s *editSession) undo(name string) {
	s.t.Helper()
	if got := s.m.editor.undoItem.Label; got != "Undo "+name {
		s.t.Errorf("undo item %q, want %q", got, "Undo "+name)
	}
	s.m.editor.undoRedo(false)
	s.shown()
}

// selectEvent selects event id and waits for its details.
func (s *editSession) selectEvent(id int64) {
	s.t.Helper()
	s.m.timeline.Select(id)
	s.m.selectEvent(id)
	for receive(s.t, s.details, "details shown") != id {
	}
}

// buttons collects the buttons under o, looking inside widgets.
func buttons(t *testing.T, o fyne.CanvasObject) []*widget.Button {
	switch v := o.(type) {
	case *widget.Button:
		return []*widget.Button{v}
	case *fyne.Container:
		var out []*widget.Button
		for _, c := range v.Objects {
			out = append(out, buttons(t, c)...)
		}
		return out
	case fyne.Widget:
		var out []*widget.Button
		for _, c := range test.TempWidgetRenderer(t, v).Objects() {
			out = append(out, buttons(t, c)...)
		}
		return out
	}
	return nil
}

// confirmTop taps the button labelled label in the dialog on top of the
// window, after checking its message mentions each of want.
func (s *editSession) confirmTop(label string, want ...string) {
	s.t.Helper()
	receive(s.t, s.confirm, "confirmation shown")
	top := s.m.win.Canvas().Overlays().Top()
	var labels []string
	collectLabels(s.t, top, &labels)
	msg := strings.Join(labels, "\n")
	for _, w := range want {
		if !strings.Contains(msg, w) {
			s.t.Errorf("dialog lacks %q; it says:\n%s", w, msg)
		}
	}
	for _, b := range buttons(s.t, top) {
		if b.Text == label {
			test.Tap(b)
			return
		}
	}
	s.t.Fatalf("dialog has no %q button", label)
}

// dismissTop closes the dialog on top of the window after checking that
// it says msg.
func (s *editSession) dismissTop(msg string) {
	s.t.Helper()
	top := s.m.win.Canvas().Overlays().Top() // shown before the edit is reported
	if top == nil {
		s.t.Fatal("no dialog shown")
	}
	var labels []string
	collectLabels(s.t, top, &labels)
	if !slices.Contains(labels, msg) {
		s.t.Errorf("dialog says %q, want %q", labels, msg)
	}
	s.m.win.Canvas().Overlays().Remove(top)
}

// collectLabels gathers the text of every label under o.
func collectLabels(t *testing.T, o fyne.CanvasObject, out *[]string) {
	switch v := o.(type) {
	case *widget.Label:
		*out = append(*out, v.Text)
	case *fyne.Container:
		for _, c := range v.Objects {
			collectLabels(t, c, out)
		}
	case fyne.Widget:
		for _, c := range test.TempWidgetRenderer(t, v).Objects() {
			collectLabels(t, c, out)
		}
	}
}

func TestEditor_ActorFormsUndo(t *testing.T) {
	s := newEditSession(t)
	e := s.m.editor
	actorNamed := func(name string) (data.Actor, bool) {
		i := slices.IndexFunc(s.m.links.actors, func(a data.Actor) bool { return a.Name == name })
		if i < 0 {
			return data.Actor{}, false
		}
		return s.m.links.actors[i], true
	}

	f := e.actorForm(data.Actor{Kind: data.KindPerson})
	test.Type(f.name, "Janet Yellen")
	f.kind.SetSelected("Organisation")
	f.dialog.Submit()
	s.shown()
	added, ok := actorNamed("Janet Yellen")
	if !ok || added.Kind != data.KindOrganisation {
		t.Fatalf("new actor not in the Actors tab: %+v", s.m.links.actors)
	}

	f = e.actorForm(added)
	f.kind.SetSelected("Person")
	f.description.SetText("US Treasury Secretary")
	f.dialog.Submit()
	s.shown()
	if got, _ := actorNamed("Janet Yellen"); got.Kind != data.KindPerson || got.Description != "US Treasury Secretary" {
		t.Errorf("edited actor: %+v", got)
	}
	s.undo("Edit actor")
	if got, _ := actorNamed("Janet Yellen"); got.Kind != data.KindOrganisation || got.Description != "" {
		t.Errorf("undone edit left %+v", got)
	}

	// An actor nothing refers to goes without a question.
	e.deleteActor(added)
	s.shown()
	if _, ok := actorNamed("Janet Yellen"); ok {
		t.Error("deleted actor still listed")
	}
	s.undo(`Delete actor “Janet Yellen”`)
	if _, ok := actorNamed("Janet Yellen"); !ok {
		t.Error("undo did not bring the actor back")
	}

	// One who speaks is deleted only once the user agrees, and undo gives
	// the quotes their speaker back.
	quotes, err := s.m.doc.store.Quotes(s.ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(quotes, func(q data.QuoteRef) bool { return q.SpeakerID != 0 })
	speaker, _ := actorNamed(quotes[i].Speaker)
	e.deleteActor(speaker)
	s.confirmTop("Delete", "quote", "it is the speaker of", "unknown speaker")
	s.shown()
	if _, ok := actorNamed(speaker.Name); ok {
		t.Errorf("%s still listed after deleting", speaker.Name)
	}
	if q, _ := s.m.doc.store.Quote(s.ctx, quotes[i].ID); q.SpeakerID != 0 {
		t.Errorf("quote of a deleted actor keeps speaker %d", q.SpeakerID)
	}
	s.undo("Delete " + named("actor", speaker.Name))
	if q, _ := s.m.doc.store.Quote(s.ctx, quotes[i].ID); q.SpeakerID != speaker.ID {
		t.Errorf("undo left the quote with speaker %d, want %d", q.SpeakerID, speaker.ID)
	}
}

func TestSourceForm_ValidatesFields(t *testing.T) {
	s := newEditSession(t)
	f := s.m.editor.sourceForm(data.Source{}, nil)
	f.dialog.Hide()
	tests := []struct {
		entry       *widget.Entry
		text, error string // error "" means accepted
	}{
		{f.url, "", ""},
		{f.url, "https://www.reuters.com/world/", ""},
		{f.url, "www.reuters.com", "URL: write a web address starting with http:// or https://"},
		{f.url, "javascript:alert(1)", "URL: write a web address"},
		{f.url, "https://exa mple.org", "URL: write a web address"},
		{f.published, "", ""},
		{f.published, "15 May 2023", ""},
		{f.published, "2023-05", ""},
		{f.published, "31 Feb 2023", "not a date"},
		{f.published, "yesterday", "not a date"},
		{f.published, "2022 to 2023", "one date, not a range"},
		{f.title, " ", "give the source a title"},
	}
	for _, tt := range tests {
		tt.entry.SetText(tt.text)
		err := tt.entry.Validate()
		switch {
		case tt.error == "" && err != nil:
			t.Errorf("%q refused: %v", tt.text, err)
		case tt.error != "" && (err == nil || !strings.Contains(err.Error(), tt.error)):
			t.Errorf("%q: error %v, want %q", tt.text, err, tt.error)
		}
	}
}

func TestEditor_SourceFormsUndo(t *testing.T) {
	s := newEditSession(t)
	e := s.m.editor
	before := s.m.doc.counts

	// The Sources dialog lists every source.
	listed := make(chan *fyne.Container, 4)
	e.sourcesShown = func(list *fyne.Container) { listed <- list }
	e.showSources()
	if list := receive(t, listed, "sources listed"); len(list.Objects) != before.Sources {
		t.Errorf("Sources dialog lists %d rows, want %d", len(list.Objects), before.Sources)
	}
	s.m.win.Canvas().Overlays().Remove(s.m.win.Canvas().Overlays().Top())

	f := e.sourceForm(data.Source{}, nil)
	test.Type(f.title, "Treasury sanctions drone suppliers")
	f.outlet.SetText("US Treasury")
	f.url.SetText("https://home.treasury.gov/news/press-releases/jy1234")
	f.published.SetText("15 May 2023")
	f.dateNote.SetText("from the press release")
	f.dialog.Submit()
	s.shown()
	e.showSources()
	if got := receive(t, listed, "sources listed again"); len(got.Objects) != before.Sources+1 {
		t.Errorf("after adding, the dialog lists %d rows", len(got.Objects))
	}
	s.m.win.Canvas().Overlays().Remove(s.m.win.Canvas().Overlays().Top())
	sources, err := s.m.doc.store.Sources(s.ctx)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(sources, func(src data.Source) bool { return src.Title == "Treasury sanctions drone suppliers" })
	if i < 0 || sources[i].Published.String() != "2023-05-15" || sources[i].DateNote != "from the press release" || s.m.doc.counts.Sources != before.Sources+1 {
		t.Fatalf("new source not stored as typed: %+v", sources)
	}
	if !slices.ContainsFunc(s.m.source.all, func(src data.Source) bool { return src.ID == sources[i].ID }) {
		t.Error("the source viewer's list lacks the new source")
	}
	s.undo("Add source")
	if s.m.doc.counts.Sources != before.Sources {
		t.Errorf("undo left %d sources", s.m.doc.counts.Sources)
	}

	// Editing a source with a stored text keeps the text and its SHA-256.
	var withText data.Source
	for _, src := range sources {
		if src.HasText {
			withText, err = s.m.doc.store.Source(s.ctx, src.ID)
			if err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	f = e.sourceForm(withText, nil)
	f.outlet.SetText("Renamed outlet")
	f.dialog.Submit()
	s.shown()
	got, err := s.m.doc.store.Source(s.ctx, withText.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Outlet != "Renamed outlet" || got.Text != withText.Text || got.TextSHA256 != withText.TextSHA256 || !got.TextMatches() {
		t.Errorf("edit changed the text or lost the outlet: outlet %q, same text %v", got.Outlet, got.Text == withText.Text)
	}
	s.undo("Edit source")

	// The store's refusal is shown as a sentence naming the field.
	f = e.sourceForm(data.Source{}, nil)
	f.title.SetText(strings.Repeat("long ", 120))
	f.dialog.Submit()
	ed := receive(t, s.applied, "refused edit reported")
	var fe *data.FieldError
	if !errors.As(ed.err, &fe) || editError(ed.err).Error() != "The source's title is longer than 500 characters." {
		t.Errorf("refused edit: %v", ed.err)
	}
	s.dismissTop("The source's title is longer than 500 characters.")

	// Deleting a source with quotes asks, names them, and takes them along.
	var quoted data.Source
	for _, src := range sources {
		if q, _ := s.m.doc.store.QuotesOfSource(s.ctx, src.ID); len(q) > 0 {
			quoted = src
			break
		}
	}
	e.deleteSource(quoted, nil)
	s.confirmTop("Delete", "quote", "deletes its quotes")
	s.shown()
	if s.m.doc.counts.Sources != before.Sources-1 || s.m.doc.counts.Quotes >= before.Quotes {
		t.Errorf("after deleting a source: %+v, before %+v", s.m.doc.counts, before)
	}
	s.undo("Delete " + named("source", quoted.Title))
	if s.m.doc.counts != before {
		t.Errorf("undo left counts %+v, want %+v", s.m.doc.counts, before)
	}
}

func TestEditor_QuoteFormsUndo(t *testing.T) {
	s := newEditSession(t)
	e := s.m.editor
	st := s.m.doc.store
	quotes, err := st.Quotes(s.ctx)
	if err != nil {
		t.Fatal(err)
	}
	var q data.QuoteRef
	for _, c := range quotes {
		if links, _ := st.QuoteLinks(s.ctx, c.ID); links != "" && c.SpeakerID != 0 {
			q = c
			break
		}
	}
	actors, err := st.Actors(s.ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := e.quoteForm(q.Quote, q.Source, actors)
	for _, tt := range []struct{ said, error string }{
		{"", "type a date"}, {"last week", "not a date"}, {"2023-05-16 14:30", ""},
	} {
		f.saidAt.SetText(tt.said)
		if err := f.saidAt.Validate(); (err == nil) != (tt.error == "") || (err != nil && !strings.Contains(err.Error(), tt.error)) {
			t.Errorf("said at %q: %v, want %q", tt.said, err, tt.error)
		}
	}
	f.text.SetText("Words changed on purpose")
	f.speaker.SetSelected(unknownSpeaker)
	f.dialog.Submit()
	s.shown()
	got, err := st.Quote(s.ctx, q.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != "Words changed on purpose" || got.SpeakerID != 0 || got.SaidAt.String() != "2023-05-16T14:30Z" {
		t.Errorf("edited quote: %+v", got)
	}
	s.undo("Edit quote")
	if got, _ := st.Quote(s.ctx, q.ID); got != q.Quote {
		t.Errorf("undo left %+v, want %+v", got, q.Quote)
	}

	// Deleting it from the card in an event's details asks first.
	events, err := st.EventsOfQuote(s.ctx, q.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.selectEvent(events[0].ID)
	var del *widget.Button
	for _, b := range buttons(t, s.m.details.box) {
		if b.Text == "Delete" && del == nil {
			del = b
		}
	}
	if del == nil {
		t.Fatal("no Delete button on the quote cards")
	}
	e.deleteQuote(q)
	s.confirmTop("Delete", "link", events[0].Title[:10])
	s.shown()
	if _, err := st.Quote(s.ctx, q.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("deleted quote still readable: %v", err)
	}
	s.undo("Delete " + named("quote", q.Text))
	if after, _ := st.EventsOfQuote(s.ctx, q.ID); len(after) != len(events) {
		t.Errorf("undo restored %d links, want %d", len(after), len(events))
	}
}

// TestDetails_LinkAndUnlink links a quote and a source to an event through
// the picker, unlinks each with its card's ✕, and undoes each step.
func TestDetails_LinkAndUnlink(t *testing.T) {
	s := newEditSession(t)
	e := s.m.editor
	st := s.m.doc.store
	event := s.m.doc.items[0].ID
	for _, tt := range []struct {
		kind   linkKind
		linked func() ([]int64, []data.Stance)
		noun   string
	}{
		{linkQuote, func() ([]int64, []data.Stance) {
			refs, err := st.QuotesOfEvent(s.ctx, event)
			return linksOf(t, refs, err, func(r data.QuoteRef) (int64, data.Stance) { return r.ID, r.Stance })
		}, "quote"},
		{linkSource, func() ([]int64, []data.Stance) {
			refs, err := st.SourcesOfEvent(s.ctx, event)
			return linksOf(t, refs, err, func(r data.SourceRef) (int64, data.Stance) { return r.ID, r.Stance })
		}, "source"},
	} {
		t.Run(tt.noun, func(t *testing.T) {
			s.t = t
			s.selectEvent(event)
			before, _ := tt.linked()
			rows, err := pickRows(s.ctx, st, tt.kind, data.DateStyle{})
			if err != nil {
				t.Fatal(err)
			}
			// Pick one not yet linked, by typing words of its title.
			i := slices.IndexFunc(rows, func(r pickRow) bool { return !slices.Contains(before, r.id) })
			p := e.linkPicker(event, tt.kind, rows)
			words := strings.Fields(strings.Trim(rows[i].title, "“”"))
			test.Type(p.search, strings.Join(words[:min(3, len(words))], " "))
			j := slices.IndexFunc(p.shown, func(r pickRow) bool { return r.id == rows[i].id })
			if j < 0 || len(p.shown) == len(rows) {
				t.Fatalf("search %q shows %d of %d rows, the wanted one at %d", p.search.Text, len(p.shown), len(rows), j)
			}
			if !p.link.Disabled() {
				t.Error("Link enabled before anything is chosen")
			}
			p.list.Select(j)
			p.stance.SetSelected("Disputes")
			test.Tap(p.link)
			s.shown()
			ids, stances := tt.linked()
			at := slices.Index(ids, rows[i].id)
			if at < 0 || stances[at] != data.StanceDisputes {
				t.Fatalf("after linking: %v %v", ids, stances)
			}

			// Its card in the details pane has a ✕ that unlinks it.
			var unlinks []*widget.Button
			for _, b := range buttons(t, s.m.details.box) {
				if b.Text == "" && b.Icon != nil && b.Icon.Name() == theme.CancelIcon().Name() {
					unlinks = append(unlinks, b)
				}
			}
			if len(unlinks) != len(s.linkedCards()) {
				t.Errorf("%d ✕ buttons for %d linked cards", len(unlinks), len(s.linkedCards()))
			}
			e.unlink(event, tt.kind, rows[i].id, "x")
			s.shown()
			if ids, _ := tt.linked(); slices.Contains(ids, rows[i].id) {
				t.Error("unlink left the link")
			}
			s.undo("Unlink " + tt.noun + " x")
			s.undo("Link " + tt.noun)
			if ids, _ := tt.linked(); !slices.Equal(ids, before) {
				t.Errorf("undoing both left %v, want %v", ids, before)
			}
		})
	}
}

// linksOf is the ids and stances of an event's links, failing on err.
func linksOf[T any](t *testing.T, refs []T, err error, of func(T) (int64, data.Stance)) ([]int64, []data.Stance) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	ids, stances := make([]int64, len(refs)), make([]data.Stance, len(refs))
	for i, r := range refs {
		ids[i], stances[i] = of(r)
	}
	return ids, stances
}

// linkedCards counts the quote and source cards of the selected event.
func (s *editSession) linkedCards() []string {
	var out []string
	for _, b := range buttons(s.t, s.m.details.box) {
		if b.Text == "View source" || b.Text == "Edit…" {
			out = append(out, b.Text)
		}
	}
	return out
}

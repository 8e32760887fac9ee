package dialog

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data"
)

// openExample opens the default timeline in a session owned by the test,
// and a window for dialogs over it.
func openExample(t *testing.T) (*sessiontest.Owner, Parent, *data.Store) {
	t.Helper()
	test.NewTempApp(t)
	o := sessiontest.New(t, session.Options{})
	path := sessiontest.Example(t)
	if err := o.Open(path); err != nil {
		t.Fatal(err)
	}
	st, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := test.NewTempWindow(t, widget.NewLabel("timeline"))
	w.Resize(fyne.NewSize(1280, 760))
	return o, Parent{Win: w, Session: o.S}, st
}

func TestEventForm_AddsAnEventAsTyped(t *testing.T) {
	o, p, _ := openExample(t)
	s := o.S
	lanes := s.Doc().Lanes()
	f := eventForm(p, data.Event{Status: data.StatusReported, LaneID: lanes[0].ID})
	test.Type(f.title, "Shahed drones reach Crimea")
	for _, tt := range []struct{ typed, says string }{
		{"15 M", "Not understood"},
		{"540 Ma", "Understood as 540,000,000 BC (year)"},
		{"300 BC", "Understood as 300 BC (year)"},
		{"15 May 2023", "Understood as 15 May 2023 (day)"},
	} {
		f.dates.SetText("")
		test.Type(f.dates, tt.typed)
		if !strings.Contains(f.understood.Text, tt.says) {
			t.Errorf("typing %q shows %q, want %q", tt.typed, f.understood.Text, tt.says)
		}
	}
	f.dates.SetText("c. 2022")
	if f.understood.Text != "Understood as about 2022 (year; 2021 to 2023)" {
		t.Errorf("c. 2022 understood as %q", f.understood.Text)
	}
	f.lane.SetSelected("Sanctions")
	f.dialog.Submit()
	if e := o.Edited(); e.Name != "Add event" {
		t.Errorf("edit %q", e.Name)
	}
	id := sessiontest.Next[session.DetailsRead](o).Details.Event.ID
	sp, lane, ok := s.Doc().Span(id)
	if !ok || lane.Name != "Sanctions" || sp.Start.String() != "2022" || sp.EarliestStart >= sp.Start.Unix || s.Selected() != id {
		t.Errorf("new event %d: %+v in %q, selected %d", id, sp, lane.Name, s.Selected())
	}
}

// TestEventForm_SavingUnchangedKeepsEveryEvent opens the form on every event
// of the default timeline and saves it untouched: nothing about the event
// may change, uncertainty bounds included.
func TestEventForm_SavingUnchangedKeepsEveryEvent(t *testing.T) {
	o, p, st := openExample(t)
	before, err := st.Events(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range before {
		o.S.Select(ev.ID)
		eventForm(p, ev).dialog.Submit()
		o.Edited()
		after, err := st.Event(context.Background(), ev.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(after, ev) {
			t.Errorf("saving %q unchanged altered it:\n%+v\nwas\n%+v", ev.Title, after, ev)
		}
	}
}

func TestActorForm_AddsAndEdits(t *testing.T) {
	o, p, _ := openExample(t)
	s := o.S
	actorNamed := func(name string) (data.Actor, bool) {
		i := slices.IndexFunc(s.Links().Actors, func(a data.Actor) bool { return a.Name == name })
		if i < 0 {
			return data.Actor{}, false
		}
		return s.Links().Actors[i], true
	}
	f := actorForm(p, data.Actor{Kind: data.KindPerson})
	test.Type(f.name, "Janet Yellen")
	f.kind.SetSelected("Organisation")
	f.dialog.Submit()
	o.Edited()
	added, ok := actorNamed("Janet Yellen")
	if !ok || added.Kind != data.KindOrganisation {
		t.Fatalf("new actor not listed: %+v", s.Links().Actors)
	}
	f = actorForm(p, added)
	f.kind.SetSelected("Person")
	f.description.SetText("US Treasury Secretary")
	f.dialog.Submit()
	if e := o.Edited(); e.Name != "Edit actor" {
		t.Errorf("edit %q", e.Name)
	}
	if got, _ := actorNamed("Janet Yellen"); got.Kind != data.KindPerson || got.Description != "US Treasury Secretary" {
		t.Errorf("edited actor: %+v", got)
	}
}

func TestSourceForm_ValidatesAndKeepsTheText(t *testing.T) {
	o, p, st := openExample(t)
	f := sourceForm(p, data.Source{}, nil)
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

	// A new source, as typed; the Sources list then holds it.
	before := o.S.Doc().Counts().Sources
	f = sourceForm(p, data.Source{}, nil)
	test.Type(f.title, "Treasury sanctions drone suppliers")
	f.outlet.SetText("US Treasury")
	f.url.SetText("https://home.treasury.gov/news/press-releases/jy1234")
	f.published.SetText("15 May 2023")
	f.dateNote.SetText("from the press release")
	f.dialog.Submit()
	o.Edited()
	sources, err := st.Sources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(sources, func(src data.Source) bool { return src.Title == "Treasury sanctions drone suppliers" })
	if i < 0 || sources[i].Published.String() != "2023-05-15" || sources[i].DateNote != "from the press release" || o.S.Doc().Counts().Sources != before+1 {
		t.Fatalf("new source not stored as typed: %+v", sources)
	}
	list := fyne.NewContainer()
	fillSources(p, list, sources, nil)
	if len(list.Objects) != before+1 {
		t.Errorf("the Sources dialog lists %d rows, want %d", len(list.Objects), before+1)
	}

	// Editing a source with a stored text keeps the text and its SHA-256.
	var withText data.Source
	for _, src := range sources {
		if src.HasText {
			if withText, err = st.Source(context.Background(), src.ID); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	f = sourceForm(p, withText, nil)
	f.outlet.SetText("Renamed outlet")
	f.dialog.Submit()
	o.Edited()
	got, err := st.Source(context.Background(), withText.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Outlet != "Renamed outlet" || got.Text != withText.Text || got.TextSHA256 != withText.TextSHA256 || !got.TextMatches() {
		t.Errorf("edit changed the text or lost the outlet: outlet %q, same text %v", got.Outlet, got.Text == withText.Text)
	}
}

func TestQuoteForm_EditsAQuote(t *testing.T) {
	o, p, st := openExample(t)
	ctx := context.Background()
	quotes, err := st.Quotes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	q := quotes[slices.IndexFunc(quotes, func(q data.QuoteRef) bool { return q.SpeakerID != 0 })]
	actors, err := st.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f := quoteForm(p, q.Quote, q.Source, actors)
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
	if e := o.Edited(); e.Name != "Edit quote" {
		t.Errorf("edit %q", e.Name)
	}
	got, err := st.Quote(ctx, q.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != "Words changed on purpose" || got.SpeakerID != 0 || got.SaidAt.String() != "2023-05-16T14:30Z" {
		t.Errorf("edited quote: %+v", got)
	}
}

// TestLinkPicker_LinksWhatIsFound picks a quote not yet linked to an event
// by typing words of it, and links it as disputing the event.
func TestLinkPicker_LinksWhatIsFound(t *testing.T) {
	o, p, st := openExample(t)
	ctx := context.Background()
	event := o.S.Doc().Item(0).ID
	before, err := st.QuotesOfEvent(ctx, event)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := pickRows(ctx, st, session.LinkQuote, data.DateStyle{})
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(rows, func(r pickRow) bool {
		return !slices.ContainsFunc(before, func(q data.QuoteRef) bool { return q.ID == r.id })
	})
	pk := linkPicker(p, event, session.LinkQuote, rows)
	words := strings.Fields(strings.Trim(rows[i].title, "“”"))
	test.Type(pk.search, strings.Join(words[:min(3, len(words))], " "))
	j := slices.IndexFunc(pk.shown, func(r pickRow) bool { return r.id == rows[i].id })
	if j < 0 || len(pk.shown) == len(rows) {
		t.Fatalf("search %q shows %d of %d rows, the wanted one at %d", pk.search.Text, len(pk.shown), len(rows), j)
	}
	if !pk.link.Disabled() {
		t.Error("Link enabled before anything is chosen")
	}
	pk.list.Select(j)
	pk.stance.SetSelected("Disputes")
	test.Tap(pk.link)
	o.Edited()
	after, err := st.QuotesOfEvent(ctx, event)
	if err != nil {
		t.Fatal(err)
	}
	k := slices.IndexFunc(after, func(q data.QuoteRef) bool { return q.ID == rows[i].id })
	if k < 0 || after[k].Stance != data.StanceDisputes {
		t.Errorf("after linking: %+v", after)
	}
}

func TestFilterForm_SetsTheFilter(t *testing.T) {
	o, p, _ := openExample(t)
	s := o.S
	f := filterForm(p, []data.TagCount{{Name: "shahed", Events: 5}, {Name: "sanctions", Events: 3}})
	if !slices.Contains(f.tags.Options, "shahed (5 events)") {
		t.Fatalf("tags offered %q", f.tags.Options)
	}
	f.lanes.SetSelected([]string{"Sanctions"})
	f.tags.SetSelected([]string{"shahed (5 events)"})
	f.dates.entry.SetText("Aug 2022")
	f.dialog.Submit()
	got := s.Filter()
	var sanctions int64
	for _, l := range s.Doc().Lanes() {
		if l.Name == "Sanctions" {
			sanctions = l.ID
		}
	}
	if !slices.Equal(got.Lanes, []int64{sanctions}) || !slices.Equal(got.Tags, []string{"shahed"}) || got.Dates == nil || got.Dates.Text != "Aug 2022 (month)" {
		t.Errorf("filter %+v", got)
	}
	// Opened again, it shows the filter as it is.
	f = filterForm(p, []data.TagCount{{Name: "shahed", Events: 5}})
	if !slices.Equal(f.lanes.Selected, []string{"Sanctions"}) || f.dates.entry.Text != "Aug 2022" {
		t.Errorf("dialog shows lanes %q, dates %q", f.lanes.Selected, f.dates.entry.Text)
	}
}

func TestDateStyleDialog_WritesThePreferences(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("timeline"))
	w.Resize(fyne.NewSize(1280, 760))
	prefs := a.Preferences()
	f := dateStyleDialog(Parent{Win: w}, prefs)
	f.order.SetSelected("May 15, 2023")
	f.zone.SetText("Mars/Olympus Mons")
	if f.zone.Validate() == nil || !strings.Contains(f.preview.Text, "not known") {
		t.Errorf("an unknown zone: validation %v, preview %q", f.zone.Validate(), f.preview.Text)
	}
	f.zone.SetText("Asia/Kolkata")
	if err := f.zone.Validate(); err != nil || !strings.Contains(f.preview.Text, "May 15, 2023 20:00 IST") {
		t.Errorf("Asia/Kolkata: validation %v, preview %q", err, f.preview.Text)
	}
	f.dialog.Submit()
	if st := DateStyleOf(prefs); st.Order != data.MonthDayYear || st.Zone.String() != "Asia/Kolkata" {
		t.Errorf("preferences read as %q in %v", st.Order, st.Zone)
	}
	// A preference written by hand that is not understood counts as unset.
	prefs.SetString(DateOrderKey, "backwards")
	prefs.SetString(TimeZoneKey, "Nowhere/Special")
	if st := DateStyleOf(prefs); st.Order != data.DayMonthYear || st.Zone != nil {
		t.Errorf("bad preferences read as %q in %v", st.Order, st.Zone)
	}
}

func TestConfirm_AsksAndDeletes(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("timeline"))
	w.Resize(fyne.NewSize(1280, 760))
	deleted := false
	Confirm(Parent{Win: w}, session.Question{Title: "Delete actor?", Message: "The actor “Pat” has 2 quotes.", Yes: func() { deleted = true }})
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var labels []string
	var del *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			labels = append(labels, v.Text)
		case *widget.Button:
			if v.Text == "Delete" {
				del = v
			}
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.TempWidgetRenderer(t, v).Objects() {
				walk(c)
			}
		}
	}
	walk(top)
	if !slices.Contains(labels, "The actor “Pat” has 2 quotes.") || del == nil {
		t.Fatalf("dialog says %q; Delete button %v", labels, del != nil)
	}
	test.Tap(del)
	if !deleted {
		t.Error("Delete did not delete")
	}
}

// TestPeriodForm_AddsEditsAndUndoes adds a period through the form, in deep
// time and behind one lane, edits it to stand behind every lane, and undoes
// both edits.
func TestPeriodForm_AddsEditsAndUndoes(t *testing.T) {
	o, p, st := openExample(t)
	s := o.S
	f := periodForm(p, data.Period{})
	if f.lane.Selected != everyLane || f.when.entry.Text != "" {
		t.Errorf("a new period starts behind %q, dated %q", f.lane.Selected, f.when.entry.Text)
	}
	test.Type(f.title, "Cambrian")
	test.Type(f.when.entry, "539 Ma/485 Ma")
	if !strings.Contains(f.when.understood.Text, "539,000,000 BC") {
		t.Errorf("the dates are understood as %q", f.when.understood.Text)
	}
	f.lane.SetSelected("Sanctions")
	test.Type(f.summary, "Most animal groups appear")
	f.dialog.Submit()
	if e := o.Edited(); e.Name != "Add period" {
		t.Errorf("edit %q", e.Name)
	}
	periods, err := st.Periods(context.Background())
	if err != nil || len(periods) != 1 {
		t.Fatalf("periods stored %+v, %v", periods, err)
	}
	got := periods[0]
	if got.Title != "Cambrian" || got.Summary != "Most animal groups appear" || data.TimeText(got.Start) != "539,000,000 BC" ||
		data.TimeText(got.End) != "485,000,000 BC" || got.LaneID != s.Doc().Lanes()[1].ID {
		t.Errorf("stored %+v", got)
	}
	if s.SelectedPeriod() != got.ID {
		t.Errorf("selected period %d, want the new one, %d", s.SelectedPeriod(), got.ID)
	}

	// The form of a stored period reads back what it holds.
	f = periodForm(p, got)
	if f.title.Text != "Cambrian" || f.when.entry.Text != "539,000,000 BC/485,000,000 BC" || f.lane.Selected != "Sanctions" {
		t.Errorf("the form shows %q, %q, %q", f.title.Text, f.when.entry.Text, f.lane.Selected)
	}
	f.lane.SetSelected(everyLane)
	f.when.entry.SetText("2022")
	f.dialog.Submit()
	if e := o.Edited(); e.Name != "Edit period" {
		t.Errorf("edit %q", e.Name)
	}
	if periods, _ := st.Periods(context.Background()); len(periods) != 1 || periods[0].LaneID != 0 ||
		periods[0].Start.String() != "2022" || periods[0].End.String() != "2022" {
		t.Errorf("after the edit %+v", periods)
	}
	s.Undo()
	o.Edited()
	if periods, _ := st.Periods(context.Background()); len(periods) != 1 || periods[0].Title != "Cambrian" || periods[0].LaneID == 0 {
		t.Errorf("after undoing the edit %+v", periods)
	}
	s.Undo()
	o.Edited()
	if periods, _ := st.Periods(context.Background()); len(periods) != 0 || len(s.Doc().Periods()) != 0 {
		t.Errorf("after undoing the addition %+v", periods)
	}

	// A period must have a name and a date.
	f = periodForm(p, data.Period{})
	test.Type(f.when.entry, "sometime")
	if f.title.Validate() == nil || f.when.entry.Validate() == nil {
		t.Error("a period without a name or a date passes the form's checks")
	}
}

// TestActorForm_OffersUnnamedSpeakers: a speaker described but not named
// ("a Treasury spokesman") is an actor of its own kind.
func TestActorForm_OffersUnnamedSpeakers(t *testing.T) {
	o, p, st := openExample(t)
	f := actorForm(p, data.Actor{Kind: data.KindPerson})
	test.Type(f.name, "a Treasury spokesman")
	f.kind.SetSelectedIndex(len(actorKinds) - 1)
	f.dialog.Submit()
	o.Edited()
	actors, err := st.Actors(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if i := slices.IndexFunc(actors, func(a data.Actor) bool { return a.Name == "a Treasury spokesman" }); i < 0 || actors[i].Kind != data.KindUnnamed {
		t.Errorf("actors %+v", actors)
	}
	if f = actorForm(p, actors[slices.IndexFunc(actors, func(a data.Actor) bool { return a.Kind == data.KindUnnamed })]); !strings.HasPrefix(f.kind.Selected, "Unnamed") {
		t.Errorf("an unnamed actor's form shows the kind %q", f.kind.Selected)
	}
}

// TestQuoteForm_SpeakerByHandClearsTheImportsNote: a quote keeps how the
// article import found its speaker while its words are edited; a speaker
// chosen by hand clears it.
func TestQuoteForm_SpeakerByHandClearsTheImportsNote(t *testing.T) {
	o, p, st := openExample(t)
	ctx := context.Background()
	quotes, err := st.Quotes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	q := quotes[slices.IndexFunc(quotes, func(q data.QuoteRef) bool { return q.SpeakerID != 0 })].Quote
	q.SpeakerNote, q.SpeakerConfidence = "“he” → John Kirby, the last man named", data.ConfidenceCheck
	if _, _, err := st.SaveQuote(ctx, q); err != nil {
		t.Fatal(err)
	}
	actors, err := st.Actors(ctx)
	if err != nil {
		t.Fatal(err)
	}
	src, err := st.Source(ctx, q.SourceID)
	if err != nil {
		t.Fatal(err)
	}
	f := quoteForm(p, q, src, actors)
	if f.found.Text != "Speaker to check: “he” → John Kirby, the last man named" {
		t.Errorf("the form says %q of the speaker", f.found.Text)
	}
	f.text.SetText(q.Text + " (checked)")
	f.dialog.Submit()
	o.Edited()
	if got, _ := st.Quote(ctx, q.ID); got.SpeakerNote != q.SpeakerNote || got.SpeakerConfidence != data.ConfidenceCheck {
		t.Errorf("editing the words changed the speaker's note: %+v", got)
	}
	q, _ = st.Quote(ctx, q.ID)
	f = quoteForm(p, q, src, actors)
	f.speaker.SetSelected(actors[len(actors)-1].Name)
	if f.found.Text != "Chosen by hand." {
		t.Errorf("after choosing a speaker the form says %q", f.found.Text)
	}
	f.dialog.Submit()
	o.Edited()
	if got, _ := st.Quote(ctx, q.ID); got.SpeakerID != actors[len(actors)-1].ID || got.SpeakerNote != "" || got.SpeakerConfidence != "" {
		t.Errorf("a speaker chosen by hand kept the import's note: %+v", got)
	}
}

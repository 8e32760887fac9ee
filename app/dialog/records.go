package dialog

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/pane"
	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// actorKinds are the kinds of actor in the order the actor form lists them.
var actorKinds = []struct{ kind, label string }{
	{data.KindPerson, "Person"}, {data.KindOrganisation, "Organisation"}, {data.KindState, "State"},
	{data.KindUnnamed, "Unnamed (described, not named)"},
}

// actorFormView is an open actor form's fields, for tests.
type actorFormView struct {
	name, description *widget.Entry
	kind              *widget.Select
	dialog            *fynedialog.FormDialog
}

// ShowActorForm shows the form for actor a (a new one when a.ID is 0).
func ShowActorForm(p Parent, a data.Actor) { actorForm(p, a) }

// actorForm shows the form for actor a (a new one when a.ID is 0).
func actorForm(p Parent, a data.Actor) *actorFormView {
	name := requiredEntry(a.Name, "e.g. John Kirby, US Treasury, Iran", "give the actor a name")
	description := textArea(a.Description, "Who they are, e.g. White House national security spokesman", 2)
	labels := make([]string, len(actorKinds))
	for i, k := range actorKinds {
		labels[i] = k.label
	}
	kind := widget.NewSelect(labels, nil)
	for i, k := range actorKinds {
		if k.kind == a.Kind {
			kind.SetSelectedIndex(i)
		}
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Kind", kind),
		widget.NewFormItem("Description", description),
	}
	d := recordForm(p, "actor", a.ID, 560, items, func() {
		a.Name, a.Description = strings.TrimSpace(name.Text), strings.TrimSpace(description.Text)
		if i := kind.SelectedIndex(); i >= 0 {
			a.Kind = actorKinds[i].kind
		}
		p.Session.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
			_, ed, err := st.SaveActor(ctx, a)
			return ed, err
		}, nil)
	})
	name.OnSubmitted = func(string) { d.Submit() }
	p.Win.Canvas().Focus(name)
	return &actorFormView{name: name, description: description, kind: kind, dialog: d}
}

// recordForm shows a form, width wide, to edit a record of kind (a new one
// when id is 0); save runs when the user saves it.
func recordForm(p Parent, kind string, id int64, width float32, items []*widget.FormItem, save func()) *fynedialog.FormDialog {
	heading, verb := "Edit "+kind, "Save"
	if id == 0 {
		heading, verb = "New "+kind, "Add "+kind
	}
	d := fynedialog.NewForm(heading, verb, "Cancel", items, func(ok bool) {
		p.refocus()
		if ok {
			save()
		}
	}, p.Win)
	d.Resize(fyne.NewSize(width, 0))
	d.Show()
	return d
}

// ShowSources opens the list of sources, where each can be edited or
// deleted, and new ones added.
func ShowSources(p Parent) {
	if p.Session.Doc() == nil {
		return
	}
	list := container.NewVBox()
	var fill func()
	fill = func() {
		var sources []data.Source
		p.Session.Read(func(ctx context.Context, st *data.Store) error {
			var err error
			if sources, err = st.Sources(ctx); err != nil {
				return fmt.Errorf("read the sources: %w", err)
			}
			return nil
		}, func() { fillSources(p, list, sources, fill) })
	}
	add := widget.NewButtonWithIcon("Add source…", theme.ContentAddIcon(), func() { sourceForm(p, data.Source{}, fill) })
	showListDialog(p, "Sources", list, add, fyne.NewSize(680, 480))
	fill()
}

// fillSources lists sources in list, each with buttons to edit and delete
// it; after is run once an edit of one is shown.
func fillSources(p Parent, list *fyne.Container, sources []data.Source, after func()) {
	list.RemoveAll()
	if len(sources) == 0 {
		list.Add(pane.Muted("No sources yet. Add the reports, statements and documents your events rest on."))
	}
	for _, src := range sources {
		title := widget.NewLabel(src.Title)
		title.Truncation = fyne.TextTruncateEllipsis
		title.TextStyle = fyne.TextStyle{Bold: true}
		var about []string
		if src.Outlet != "" {
			about = append(about, src.Outlet)
		}
		if !src.Published.IsZero() {
			about = append(about, p.Session.Dates().Format(src.Published))
		}
		if src.HasText {
			about = append(about, "full text")
		}
		line := widget.NewLabel(strings.Join(about, " · "))
		line.Truncation = fyne.TextTruncateEllipsis
		line.TextStyle = fyne.TextStyle{Italic: true}
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { ShowSourceForm(p, src.ID, after) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { p.Session.DeleteSource(src, after, p.ask) })
		edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
		list.Add(container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), container.NewVBox(title, line)))
	}
	list.Refresh()
}

// ShowSourceForm reads source id with its text, off the UI goroutine, and
// opens its form; after (if not nil) runs once the edit is shown.
func ShowSourceForm(p Parent, id int64, after func()) {
	var src data.Source
	p.Session.Read(func(ctx context.Context, st *data.Store) error {
		var err error
		src, err = st.Source(ctx, id)
		return err
	}, func() { sourceForm(p, src, after) })
}

// sourceFormView is an open source form's fields.
type sourceFormView struct {
	title, outlet, url, published, dateNote, summary *widget.Entry
	dialog                                           *fynedialog.FormDialog
}

// sourceForm shows the form for src (a new source when src.ID is 0), which
// must hold its text if it has one: saving keeps the text as it is.
func sourceForm(p Parent, src data.Source, after func()) *sourceFormView {
	f := &sourceFormView{
		title:     requiredEntry(src.Title, "The headline or title", "give the source a title"),
		outlet:    widget.NewEntry(),
		url:       widget.NewEntry(),
		published: widget.NewEntry(),
		dateNote:  textArea(src.DateNote, "How the date is known, e.g. from the dateline", 2),
		summary:   textArea(src.Summary, "Our own one-line summary", 2),
	}
	f.outlet.SetText(src.Outlet)
	f.outlet.SetPlaceHolder("e.g. Reuters, White House press briefing")
	f.url.SetText(src.URL)
	f.url.SetPlaceHolder("https://…")
	f.url.Validator = validateURL
	f.published.SetText(timeText(src.Published))
	f.published.SetPlaceHolder("15 May 2023, May 2023, 2023-05-15")
	f.published.Validator = func(s string) error {
		_, err := parseOneTime(s, false)
		return err
	}
	text := "Not stored: only these details are kept."
	if src.HasText {
		text = fmt.Sprintf("Stored (%s); saving keeps it as it is.", timeline.Plural(len([]rune(src.Text)), "character", "characters"))
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Outlet", f.outlet),
		widget.NewFormItem("URL", f.url),
		widget.NewFormItem("Published", f.published),
		widget.NewFormItem("Date note", f.dateNote),
		widget.NewFormItem("Summary", f.summary),
		widget.NewFormItem("Full text", pane.Muted(text)),
	}
	f.dialog = recordForm(p, "source", src.ID, 560, items, func() {
		src.Title, src.Outlet, src.URL = strings.TrimSpace(f.title.Text), strings.TrimSpace(f.outlet.Text), strings.TrimSpace(f.url.Text)
		src.Published, _ = parseOneTime(f.published.Text, false)
		src.DateNote, src.Summary = strings.TrimSpace(f.dateNote.Text), strings.TrimSpace(f.summary.Text)
		p.Session.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
			_, ed, err := st.SaveSource(ctx, src)
			return ed, err
		}, func(*data.Edit) {
			if after != nil {
				after()
			}
		})
	})
	for _, en := range []*widget.Entry{f.title, f.outlet, f.url, f.published} {
		en.OnSubmitted = func(string) { f.dialog.Submit() }
	}
	p.Win.Canvas().Focus(f.title)
	return f
}

// validateURL accepts an empty field or an http or https address.
func validateURL(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if _, ok := session.WebAddress(s); !ok {
		return errors.New("URL: write a web address starting with http:// or https://")
	}
	return nil
}

// timeText writes t so that parseOneTime reads it back as it is, or "".
func timeText(t data.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.String()
}

// parseOneTime reads one date (not a range) typed by a person; blank is
// the zero Time unless required.
func parseOneTime(s string, required bool) (data.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		if required {
			return data.Time{}, errors.New("type a date, e.g. 15 May 2023")
		}
		return data.Time{}, nil
	}
	d, err := data.ParseDateInput(s)
	switch {
	case err != nil:
		return data.Time{}, errors.New("not a date: write e.g. 15 May 2023, May 2023 or 2023-05-15")
	case !d.End.IsZero():
		return data.Time{}, errors.New("one date, not a range")
	}
	return d.Start, nil
}

// ShowQuoteForm reads quote id and the actors, off the UI goroutine, and
// opens the quote's form.
func ShowQuoteForm(p Parent, id int64) {
	var (
		q      data.Quote
		src    data.Source
		actors []data.Actor
	)
	p.Session.Read(func(ctx context.Context, st *data.Store) error {
		var err error
		if q, err = st.Quote(ctx, id); err != nil {
			return err
		}
		if actors, err = st.Actors(ctx); err != nil {
			return err
		}
		src, err = st.Source(ctx, q.SourceID)
		return err
	}, func() { quoteForm(p, q, src, actors) })
}

// quoteFormView is an open quote form's fields.
type quoteFormView struct {
	text, saidAt *widget.Entry
	speaker      *widget.Select
	found        *widget.Label // how the speaker was found, until another is chosen
	dialog       *fynedialog.FormDialog
}

// unknownSpeaker is the speaker choice for a quote whose speaker is not known.
const unknownSpeaker = "Unknown speaker"

// quoteForm shows the form for quote q, taken from src, whose speaker is
// one of actors (or unknown).
func quoteForm(p Parent, q data.Quote, src data.Source, actors []data.Actor) *quoteFormView {
	f := &quoteFormView{text: textArea(q.Text, "", 3), saidAt: widget.NewEntry()}
	f.text.Validator = requiredEntry("", "", "type the words that were said").Validator
	names := []string{unknownSpeaker}
	for _, a := range actors {
		names = append(names, a.Name)
	}
	f.speaker = widget.NewSelect(names, nil)
	f.speaker.SetSelectedIndex(0)
	for i, a := range actors {
		if a.ID == q.SpeakerID {
			f.speaker.SetSelectedIndex(i + 1)
		}
	}
	f.found = pane.Muted(session.SpeakerFound(&q))
	original := f.speaker.Selected
	// A speaker chosen by hand is no longer the import's: what it said of
	// the one it found goes.
	f.speaker.OnChanged = func(s string) {
		if s == original {
			f.found.SetText(session.SpeakerFound(&q))
		} else {
			f.found.SetText("Chosen by hand.")
		}
	}
	f.saidAt.SetText(timeText(q.SaidAt))
	f.saidAt.SetPlaceHolder("15 May 2023, 2023-05-15 14:30")
	f.saidAt.Validator = func(s string) error {
		_, err := parseOneTime(s, true)
		return err
	}
	from := src.Title
	if q.HasOffsets {
		from += " (its highlight in the text stays where it is)"
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Words", f.text),
		widget.NewFormItem("Speaker", f.speaker),
	}
	if f.found.Text != "" {
		items = append(items, widget.NewFormItem("", f.found))
	}
	items = append(items, []*widget.FormItem{
		widget.NewFormItem("Said at", f.saidAt),
		widget.NewFormItem("From", pane.Muted(from)),
	}...)
	f.dialog = recordForm(p, "quote", q.ID, 560, items, func() {
		q.Text = strings.TrimSpace(f.text.Text)
		q.SaidAt, _ = parseOneTime(f.saidAt.Text, true)
		q.SpeakerID = 0
		if i := f.speaker.SelectedIndex(); i > 0 {
			q.SpeakerID = actors[i-1].ID
		}
		if f.speaker.Selected != original {
			q.SpeakerNote, q.SpeakerConfidence = "", "" // given by hand
		}
		p.Session.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
			_, ed, err := st.SaveQuote(ctx, q)
			return ed, err
		}, nil)
	})
	f.saidAt.OnSubmitted = func(string) { f.dialog.Submit() }
	p.Win.Canvas().Focus(f.text)
	return f
}

// DeleteQuote deletes quote q, first asking if it is linked to events.
func DeleteQuote(p Parent, q data.QuoteRef) { p.Session.DeleteQuote(q, p.ask) }

// DeleteActor deletes actor a, first asking if it takes links with it.
func DeleteActor(p Parent, a data.Actor) { p.Session.DeleteActor(a, p.ask) }

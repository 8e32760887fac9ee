package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"

	"github.com/quoteline/quoteline/internal/weblink"
)

// wirePanes connects the side panes' editing buttons to the editor.
func (e *editor) wirePanes() {
	m := e.m
	m.details.onEditQuote = e.showQuoteForm
	m.details.onDeleteQuote = e.deleteQuote
	m.details.onLink = e.showLinkPicker
	m.details.onUnlink = e.unlink
	m.actors.onAdd = func() { e.actorForm(data.Actor{Kind: data.KindPerson}) }
	m.actors.onEdit = func(a data.Actor) { e.actorForm(a) }
	m.actors.onDelete = e.deleteActor
	m.source.OnEditSource = func(id int64) { e.showSourceForm(id, nil) }
	m.source.OnEditQuote = e.showQuoteForm
	m.source.OnDeleteQuote = e.deleteQuote
}

// confirmDelete deletes a record, asking first only when links (read off
// the UI goroutine) says that deleting it takes something with it. what
// names the record ("actor “Pat”"); then says what becomes of the rest.
func (e *editor) confirmDelete(what, then string, links func(ctx context.Context, s *data.Store) (string, error), del func()) {
	doc := e.m.doc
	if doc == nil {
		return
	}
	readThen(e.m, doc, links, func(found string) {
		if found == "" {
			del()
			return
		}
		msg := widget.NewLabel(fmt.Sprintf("The %s has %s.\n%s\nYou can undo this.", what, found, then))
		msg.Wrapping = fyne.TextWrapWord
		kind, _, _ := strings.Cut(what, " ")
		c := dialog.NewCustomConfirm("Delete "+kind+"?", "Delete", "Cancel", msg, func(ok bool) {
			e.m.win.Canvas().Focus(e.m.timeline)
			if ok {
				del()
			}
		}, e.m.win)
		c.Resize(fyne.NewSize(560, 0))
		c.Show()
		if e.confirmShown != nil {
			e.confirmShown()
		}
	})
}

// named is `kind “name”`, with the name shortened for menus and messages.
func named(kind, name string) string { return kind + " “" + shorten(name, 30) + "”" }

// actorKinds are the kinds of actor in the order the actor form lists them.
var actorKinds = []struct{ kind, label string }{
	{data.KindPerson, "Person"}, {data.KindOrganisation, "Organisation"}, {data.KindState, "State"},
}

// actorFormView is an open actor form's fields, for tests.
type actorFormView struct {
	name, description *widget.Entry
	kind              *widget.Select
	dialog            *dialog.FormDialog
}

// actorForm shows the form for actor a (a new one when a.ID is 0).
func (e *editor) actorForm(a data.Actor) *actorFormView {
	name := requiredEntry(a.Name, "e.g. John Kirby, US Treasury, Iran", "give the actor a name")
	description := widget.NewMultiLineEntry()
	description.SetText(a.Description)
	description.SetPlaceHolder("Who they are, e.g. White House national security spokesman")
	description.SetMinRowsVisible(2)
	description.Wrapping = fyne.TextWrapWord
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
	d := e.recordForm("actor", a.ID, items, func() {
		a.Name, a.Description = strings.TrimSpace(name.Text), strings.TrimSpace(description.Text)
		if i := kind.SelectedIndex(); i >= 0 {
			a.Kind = actorKinds[i].kind
		}
		e.do("", func(ctx context.Context, s *data.Store) (*data.Edit, error) {
			_, ed, err := s.SaveActor(ctx, a)
			return ed, err
		}, nil)
	})
	name.OnSubmitted = func(string) { d.Submit() }
	e.m.win.Canvas().Focus(name)
	return &actorFormView{name: name, description: description, kind: kind, dialog: d}
}

// recordForm shows a form to edit a record of kind (a new one when id is
// 0); save runs when the user saves it.
func (e *editor) recordForm(kind string, id int64, items []*widget.FormItem, save func()) *dialog.FormDialog {
	heading, verb := "Edit "+kind, "Save"
	if id == 0 {
		heading, verb = "New "+kind, "Add "+kind
	}
	d := dialog.NewForm(heading, verb, "Cancel", items, func(ok bool) {
		e.m.win.Canvas().Focus(e.m.timeline)
		if ok {
			save()
		}
	}, e.m.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	return d
}

// deleteActor deletes actor a, first saying which quotes lose their
// speaker and which events lose the actor, if any.
func (e *editor) deleteActor(a data.Actor) {
	e.confirmDelete(named("actor", a.Name), "Deleting the actor removes these links; its quotes stay, with an unknown speaker.",
		func(ctx context.Context, s *data.Store) (string, error) { return s.ActorLinks(ctx, a.ID) },
		func() {
			e.do("Delete "+named("actor", a.Name), func(ctx context.Context, s *data.Store) (*data.Edit, error) {
				return s.DeleteActor(ctx, a.ID)
			}, nil)
		})
}

// showSources opens the list of sources, where each can be edited or
// deleted, and new ones added.
func (e *editor) showSources() {
	doc := e.m.doc
	if doc == nil {
		return
	}
	list := container.NewVBox()
	var fill func()
	fill = func() {
		readThen(e.m, doc, func(ctx context.Context, s *data.Store) ([]data.Source, error) {
			sources, err := s.Sources(ctx)
			if err != nil {
				return nil, fmt.Errorf("read the sources: %w", err)
			}
			return sources, nil
		}, func(sources []data.Source) {
			e.fillSources(list, sources, fill)
			if e.sourcesShown != nil {
				e.sourcesShown(list)
			}
		})
	}
	add := widget.NewButtonWithIcon("Add source…", theme.ContentAddIcon(), func() { e.sourceForm(data.Source{}, fill) })
	e.showListDialog("Sources", list, add, fyne.NewSize(680, 480))
	fill()
}

// fillSources lists sources in list, each with buttons to edit and delete
// it; after is run once an edit of one is shown.
func (e *editor) fillSources(list *fyne.Container, sources []data.Source, after func()) {
	list.RemoveAll()
	if len(sources) == 0 {
		list.Add(muted("No sources yet. Add the reports, statements and documents your events rest on."))
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
			about = append(about, e.m.dates.Format(src.Published))
		}
		if src.HasText {
			about = append(about, "full text")
		}
		line := widget.NewLabel(strings.Join(about, " · "))
		line.Truncation = fyne.TextTruncateEllipsis
		line.TextStyle = fyne.TextStyle{Italic: true}
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { e.showSourceForm(src.ID, after) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { e.deleteSource(src, after) })
		edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
		list.Add(container.NewBorder(nil, nil, nil, container.NewHBox(edit, del), container.NewVBox(title, line)))
	}
	list.Refresh()
}

// showSourceForm reads source id with its text, off the UI goroutine, and
// opens its form; after (if not nil) runs once the edit is shown.
func (e *editor) showSourceForm(id int64, after func()) {
	doc := e.m.doc
	if doc == nil {
		return
	}
	readThen(e.m, doc, func(ctx context.Context, s *data.Store) (data.Source, error) { return s.Source(ctx, id) },
		func(src data.Source) { e.sourceForm(src, after) })
}

// sourceFormView is an open source form's fields, for tests.
type sourceFormView struct {
	title, outlet, url, published, dateNote, summary *widget.Entry
	dialog                                           *dialog.FormDialog
}

// sourceForm shows the form for src (a new source when src.ID is 0), which
// must hold its text if it has one: saving keeps the text as it is.
func (e *editor) sourceForm(src data.Source, after func()) *sourceFormView {
	f := &sourceFormView{
		title:     requiredEntry(src.Title, "The headline or title", "give the source a title"),
		outlet:    widget.NewEntry(),
		url:       widget.NewEntry(),
		published: widget.NewEntry(),
		dateNote:  widget.NewMultiLineEntry(),
		summary:   widget.NewMultiLineEntry(),
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
	f.dateNote.SetText(src.DateNote)
	f.dateNote.SetPlaceHolder("How the date is known, e.g. from the dateline")
	f.dateNote.SetMinRowsVisible(2)
	f.dateNote.Wrapping = fyne.TextWrapWord
	f.summary.SetText(src.Summary)
	f.summary.SetPlaceHolder("Our own one-line summary")
	f.summary.SetMinRowsVisible(2)
	f.summary.Wrapping = fyne.TextWrapWord
	text := "Not stored: only these details are kept."
	if src.HasText {
		text = fmt.Sprintf("Stored (%s); saving keeps it as it is.", plural(len([]rune(src.Text)), "character"))
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Title", f.title),
		widget.NewFormItem("Outlet", f.outlet),
		widget.NewFormItem("URL", f.url),
		widget.NewFormItem("Published", f.published),
		widget.NewFormItem("Date note", f.dateNote),
		widget.NewFormItem("Summary", f.summary),
		widget.NewFormItem("Full text", muted(text)),
	}
	f.dialog = e.recordForm("source", src.ID, items, func() {
		src.Title, src.Outlet, src.URL = strings.TrimSpace(f.title.Text), strings.TrimSpace(f.outlet.Text), strings.TrimSpace(f.url.Text)
		src.Published, _ = parseOneTime(f.published.Text, false)
		src.DateNote, src.Summary = strings.TrimSpace(f.dateNote.Text), strings.TrimSpace(f.summary.Text)
		e.do("", func(ctx context.Context, s *data.Store) (*data.Edit, error) {
			_, ed, err := s.SaveSource(ctx, src)
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
	e.m.win.Canvas().Focus(f.title)
	return f
}

// deleteSource deletes src, first saying which quotes and links go with it,
// if any; after (if not nil) runs once the deletion is shown.
func (e *editor) deleteSource(src data.Source, after func()) {
	e.confirmDelete(named("source", src.Title), "Deleting the source deletes its quotes and these links too; the events stay.",
		func(ctx context.Context, s *data.Store) (string, error) { return s.SourceLinks(ctx, src.ID) },
		func() {
			e.do("Delete "+named("source", src.Title), func(ctx context.Context, s *data.Store) (*data.Edit, error) {
				return s.DeleteSource(ctx, src.ID)
			}, func(*data.Edit) {
				if after != nil {
					after()
				}
			})
		})
}

// validateURL accepts an empty field or an http or https address.
func validateURL(s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if _, ok := weblink.Web(s); !ok {
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

// showQuoteForm reads quote id and the actors, off the UI goroutine, and
// opens the quote's form.
func (e *editor) showQuoteForm(id int64) {
	doc := e.m.doc
	if doc == nil {
		return
	}
	type formData struct {
		q      data.Quote
		src    data.Source
		actors []data.Actor
	}
	readThen(e.m, doc, func(ctx context.Context, s *data.Store) (formData, error) {
		var f formData
		var err error
		if f.q, err = s.Quote(ctx, id); err != nil {
			return f, err
		}
		if f.actors, err = s.Actors(ctx); err != nil {
			return f, err
		}
		f.src, err = s.Source(ctx, f.q.SourceID)
		return f, err
	}, func(f formData) { e.quoteForm(f.q, f.src, f.actors) })
}

// quoteFormView is an open quote form's fields, for tests.
type quoteFormView struct {
	text, saidAt *widget.Entry
	speaker      *widget.Select
	dialog       *dialog.FormDialog
}

// unknownSpeaker is the speaker choice for a quote whose speaker is not known.
const unknownSpeaker = "Unknown speaker"

// quoteForm shows the form for quote q, taken from src, whose speaker is
// one of actors (or unknown).
func (e *editor) quoteForm(q data.Quote, src data.Source, actors []data.Actor) *quoteFormView {
	f := &quoteFormView{text: widget.NewMultiLineEntry(), saidAt: widget.NewEntry()}
	f.text.SetText(q.Text)
	f.text.Wrapping = fyne.TextWrapWord
	f.text.SetMinRowsVisible(3)
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
		widget.NewFormItem("Said at", f.saidAt),
		widget.NewFormItem("From", muted(from)),
	}
	f.dialog = e.recordForm("quote", q.ID, items, func() {
		q.Text = strings.TrimSpace(f.text.Text)
		q.SaidAt, _ = parseOneTime(f.saidAt.Text, true)
		q.SpeakerID = 0
		if i := f.speaker.SelectedIndex(); i > 0 {
			q.SpeakerID = actors[i-1].ID
		}
		e.do("", func(ctx context.Context, s *data.Store) (*data.Edit, error) {
			_, ed, err := s.SaveQuote(ctx, q)
			return ed, err
		}, nil)
	})
	f.saidAt.OnSubmitted = func(string) { f.dialog.Submit() }
	e.m.win.Canvas().Focus(f.text)
	return f
}

// deleteQuote deletes quote q, first saying which events it is linked to,
// if any.
func (e *editor) deleteQuote(q data.QuoteRef) {
	e.confirmDelete(named("quote", q.Text), "Deleting the quote removes these links too; the events stay.",
		func(ctx context.Context, s *data.Store) (string, error) { return s.QuoteLinks(ctx, q.ID) },
		func() {
			e.do("Delete "+named("quote", q.Text), func(ctx context.Context, s *data.Store) (*data.Edit, error) {
				return s.DeleteQuote(ctx, q.ID)
			}, nil)
		})
}

// unlink removes event's link to the quote or source id, described by what.
func (e *editor) unlink(event int64, kind linkKind, id int64, what string) {
	name := "Unlink quote " + what
	unlink := (*data.Store).UnlinkQuote
	if kind == linkSource {
		name, unlink = "Unlink source "+what, (*data.Store).UnlinkSource
	}
	e.do(name, func(ctx context.Context, s *data.Store) (*data.Edit, error) { return unlink(s, ctx, event, id) }, nil)
}

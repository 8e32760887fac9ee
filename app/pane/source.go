package pane

import (
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// SourceViewer is the pane that shows one source: its title, outlet,
// publication date and how that date is known, its address, whether its
// text is still the text that was added, and the text itself with every
// stored quote highlighted. Clicking a highlight chooses that quote;
// selecting text offers to make a new quote of it. With no source open it
// lists the document's sources.
type SourceViewer struct {
	s       *session.Session
	root    *fyne.Container
	header  *fyne.Container
	text    *MarkedText
	scroll  *container.Scroll
	quote   *fyne.Container // what the chosen quote speaks about
	actions *fyne.Container
	newBtn  *widget.Button
	selInfo *widget.Label
	shown   *session.SourceView // what the viewer shows; nil for none

	// Actions are what the viewer offers besides reading; those left nil
	// are not offered.
	Actions SourceActions
}

// SourceActions are what the source viewer offers to do.
type SourceActions struct {
	// NewQuote makes a quote of bytes [start, end) of the text of src.
	NewQuote func(src data.Source, start, end int)
	// OpenURL opens an address in the system browser.
	OpenURL func(u *url.URL) error
	// EditSource, EditQuote and DeleteQuote edit the open source, or edit
	// or delete the chosen quote.
	EditSource  func(id int64)
	EditQuote   func(id int64)
	DeleteQuote func(q data.QuoteRef)
	// GoTo selects one of the events the chosen quote speaks about.
	GoTo func(id int64)
}

// NewSourceViewer makes the viewer for session s.
func NewSourceViewer(s *session.Session) *SourceViewer {
	v := &SourceViewer{s: s, header: container.NewVBox(), quote: container.NewVBox()}
	v.text = NewMarkedText()
	// The header scrolls away with the text, leaving the pane to the text.
	v.scroll = container.NewVScroll(container.NewVBox(v.header, v.text))
	v.text.OnHeightChanged = v.scroll.Refresh
	v.text.OnMarkTapped = s.ChooseQuote
	v.selInfo = widget.NewLabel("")
	v.selInfo.Truncation = fyne.TextTruncateEllipsis
	v.newBtn = widget.NewButtonWithIcon("New quote from selection", theme.ContentAddIcon(), func() {
		st, e := v.text.Selection()
		if st < e && v.shown != nil && v.Actions.NewQuote != nil {
			v.Actions.NewQuote(v.shown.Source, st, e)
		}
	})
	v.newBtn.Importance = widget.HighImportance
	v.newBtn.Disable()
	v.text.OnSelectionChanged = v.selectionChanged
	v.actions = container.NewBorder(nil, nil, nil, v.newBtn, v.selInfo)
	bottom := container.NewVBox(v.quote, v.actions)
	v.root = container.NewBorder(nil, bottom, nil, nil, v.scroll)
	v.showEmpty()
	s.Watch(v.follow)
	return v
}

// Object returns the pane's canvas object.
func (v *SourceViewer) Object() fyne.CanvasObject { return v.root }

// follow keeps the viewer in step with the session.
func (v *SourceViewer) follow(e session.Event) {
	switch e := e.(type) {
	case session.Opened:
		if e.Err == nil && v.s.Source() == nil {
			v.showEmpty()
		}
	case session.Closed:
		v.showEmpty()
	case session.LinksRead:
		if v.shown == nil {
			v.showEmpty()
		}
	case session.SourceShown:
		switch {
		case e.Source == nil:
			v.showEmpty()
		case e.Source == v.shown:
			if e.Focus != 0 {
				v.focus(e.Focus)
			}
		default:
			v.show(e.Source, e.Focus)
		}
	case session.QuoteChosen:
		v.showQuoteEvents(e.Quote, e.Events)
	case session.QuoteAdded:
		if e.Err == nil && v.shown != nil {
			v.addQuote(e.ID)
		}
	case session.DatesChanged:
		if v.shown != nil {
			v.showHeader(v.shown.Source)
		} else {
			v.showEmpty()
		}
	}
}

// showEmpty says how to open a source, and lists the document's sources
// (if known) to open one directly.
func (v *SourceViewer) showEmpty() {
	v.shown = nil
	var all []data.Source
	if v.s.Doc() != nil {
		all = v.s.Links().Sources
	}
	objs := []fyne.CanvasObject{
		Heading("No source open"),
		Muted("Select an event, then choose “Show in source” beside one of its quotes, or “View source” beside a source it cites. Or open one of the sources below."),
	}
	if len(all) > 0 {
		objs = append(objs, widget.NewSeparator(), Subheading(timeline.Plural(len(all), "source", "sources")))
	}
	for _, src := range all {
		id := src.ID
		label := src.Title
		if !src.Published.IsZero() {
			label = v.s.Dates().Format(src.Published) + " · " + label
		}
		if src.HasText {
			label += " (full text)"
		}
		link := widget.NewHyperlink(label, nil)
		link.Truncation = fyne.TextTruncateEllipsis
		link.OnTapped = func() { v.s.ShowSource(id, 0) }
		objs = append(objs, link)
	}
	v.header.Objects = objs
	v.header.Refresh()
	v.text.SetText("", nil)
	v.scroll.ScrollToTop()
	v.quote.Objects = nil
	v.quote.Refresh()
	v.actions.Hide()
}

// show displays sv's source (with its text, if it has one) and the quotes
// taken from it, and scrolls to quote focus if it is not 0.
func (v *SourceViewer) show(sv *session.SourceView, focus int64) {
	v.shown = sv
	src := sv.Source
	v.showHeader(src)
	v.text.SetText(src.Text, marksOf(sv.Quotes))
	v.quote.Objects = nil
	v.quote.Refresh()
	v.selectionChanged(0, 0)
	if src.HasText {
		v.text.Show()
		v.actions.Show()
	} else {
		v.text.Hide()
		v.actions.Hide()
	}
	v.scroll.ScrollToTop()
	if focus != 0 {
		v.focus(focus)
	}
}

// showHeader shows what is known of src above its text.
func (v *SourceViewer) showHeader(src data.Source) {
	var top fyne.CanvasObject = Heading(src.Title)
	if v.Actions.EditSource != nil {
		edit := LowButton("Edit source…", theme.DocumentCreateIcon(), func() { v.Actions.EditSource(src.ID) })
		top = container.NewBorder(nil, nil, nil, container.NewVBox(edit), top)
	}
	objs := []fyne.CanvasObject{top}
	if src.Outlet != "" {
		objs = append(objs, newField("Outlet").set(src.Outlet))
	}
	objs = append(objs, newField("Published").set(session.Published(v.s.Dates(), src)))
	objs = append(objs, urlField(src.URL, v.Actions.OpenURL))
	if src.HasText {
		objs = append(objs, hashField(src))
	}
	if src.Summary != "" {
		objs = append(objs, newField("Summary").set(src.Summary))
	}
	if !src.HasText {
		objs = append(objs, Muted("Only this source's details and our own summary are kept: its text is not stored, so there is nothing to highlight."))
	}
	objs = append(objs, widget.NewSeparator())
	v.header.Objects = objs
	v.header.Refresh()
}

// marksOf are the highlights of the quotes that have a place in the text,
// those whose speaker is to be checked in the warning colour, each with a
// tooltip of who said it and how that was found.
func marksOf(quotes []data.QuoteRef) []TextMark {
	var marks []TextMark
	for _, q := range quotes {
		if q.HasOffsets {
			who := q.Speaker
			if who == "" {
				who = "Unknown speaker"
			}
			marks = append(marks, TextMark{ID: q.ID, Start: int(q.StartByte), End: int(q.EndByte),
				Check: q.SpeakerConfidence == data.ConfidenceCheck, Title: who, Detail: session.SpeakerFound(&q.Quote)})
		}
	}
	return marks
}

// focus highlights quote id as chosen and scrolls its words into view.
func (v *SourceViewer) focus(id int64) {
	v.text.SetActive(id)
	if v.shown == nil {
		return
	}
	for _, q := range v.shown.Quotes {
		if q.ID == id && q.HasOffsets {
			v.scrollToByte(int(q.StartByte))
		}
	}
}

// scrollToByte scrolls so that the line holding byte b is a third of the
// way down the visible text.
func (v *SourceViewer) scrollToByte(b int) {
	y := v.text.Position().Y + v.text.YOf(b) - v.scroll.Size().Height/3
	maxY := v.scroll.Content.MinSize().Height - v.scroll.Size().Height
	v.scroll.Offset = fyne.NewPos(0, max(0, min(y, maxY)))
	v.scroll.Refresh()
}

// showQuoteEvents shows, under the text, the chosen quote's speaker and the
// events it supports or disputes, each a button that selects the event.
func (v *SourceViewer) showQuoteEvents(q data.QuoteRef, events []data.EventRef) {
	who := q.Speaker
	if who == "" {
		who = "Unknown speaker"
	}
	dates := v.s.Dates()
	var head fyne.CanvasObject = Subheading(fmt.Sprintf("Chosen quote — %s, said %s", who, dates.Format(q.SaidAt)))
	var buttons []fyne.CanvasObject
	if v.Actions.EditQuote != nil {
		buttons = append(buttons, LowButton("Edit…", theme.DocumentCreateIcon(), func() { v.Actions.EditQuote(q.ID) }))
	}
	if v.Actions.DeleteQuote != nil {
		buttons = append(buttons, LowButton("Delete", theme.DeleteIcon(), func() { v.Actions.DeleteQuote(q) }))
	}
	if len(buttons) > 0 {
		head = container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), head)
	}
	objs := []fyne.CanvasObject{widget.NewSeparator(), head}
	if len(events) == 0 {
		objs = append(objs, Muted("This quote is not linked to any event."))
	}
	for _, e := range events {
		id := e.ID
		stance := widget.NewLabel("Supports")
		stance.Importance = widget.SuccessImportance
		if e.Stance == data.StanceDisputes {
			stance.SetText("Disputes")
			stance.Importance = widget.DangerImportance
		}
		link := widget.NewHyperlink(e.Title+" ("+session.DateRange(dates, &e.Event)+")", nil)
		link.OnTapped = func() {
			if v.Actions.GoTo != nil {
				v.Actions.GoTo(id)
			}
		}
		link.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, container.NewBorder(nil, nil, stance, nil, link))
	}
	v.quote.Objects = objs
	v.quote.Refresh()
}

// addQuote highlights a just-made quote, id, among the shown source's.
func (v *SourceViewer) addQuote(id int64) {
	off := v.scroll.Offset
	v.text.SetText(v.shown.Source.Text, marksOf(v.shown.Quotes))
	v.text.SetActive(id)
	v.scroll.Offset = off
	v.scroll.Refresh()
	v.selectionChanged(0, 0)
}

func (v *SourceViewer) selectionChanged(start, end int) {
	if start >= end || v.shown == nil || !v.shown.Source.HasText {
		v.newBtn.Disable()
		v.selInfo.SetText("Drag across words to quote them.")
		return
	}
	v.newBtn.Enable()
	words := strings.Join(strings.Fields(v.shown.Source.Text[start:end]), " ")
	v.selInfo.SetText(fmt.Sprintf("Selected: “%s”", words))
}

// urlField shows a source's address: a button that opens it in the
// system browser if it is a web address, else the address as plain text.
func urlField(raw string, open func(*url.URL) error) fyne.CanvasObject {
	if raw == "" {
		return newField("Address").set("None recorded")
	}
	u, ok := session.WebAddress(raw)
	if !ok || open == nil {
		return newField("Address").set(raw + " (not a web address: Quoteline does not open it)")
	}
	addr := Wrapped(u.String())
	addr.Wrapping = fyne.TextWrapBreak
	addr.Selectable = true
	btn := widget.NewButtonWithIcon("Open in browser", theme.ComputerIcon(), func() { open(u) })
	btn.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, Bold("Address"), btn, addr)
}

// hashField shows the SHA-256 recorded for a source's text and whether the
// stored text still has it.
func hashField(src data.Source) fyne.CanvasObject {
	sum := src.TextSHA256
	if sum == "" {
		sum = "none recorded"
	}
	var verdict *widget.Label
	switch {
	case src.TextMatches():
		// Bold in the text colour: the theme's success green is too faint
		// on a light background.
		verdict = widget.NewLabel("✓ The text is the text that was added: its SHA-256 still matches.")
		verdict.TextStyle = fyne.TextStyle{Bold: true}
	case src.TextSHA256 == "":
		verdict = widget.NewLabel("No SHA-256 was recorded when the text was added.")
		verdict.Importance = widget.WarningImportance
	default:
		verdict = widget.NewLabel("✗ The text has changed since it was added: its SHA-256 no longer matches.")
		verdict.Importance = widget.DangerImportance
	}
	verdict.Wrapping = fyne.TextWrapWord
	h := widget.NewLabel(sum)
	h.Wrapping = fyne.TextWrapBreak
	h.Selectable = true
	h.SizeName = theme.SizeNameCaptionText
	return container.NewVBox(container.NewBorder(nil, nil, Bold("SHA-256"), nil, h), verdict)
}

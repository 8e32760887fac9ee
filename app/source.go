package app

import (
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"

	"github.com/quoteline/quoteline/internal/weblink"
)

// sourceViewer is the pane that shows one source: its title, outlet,
// publication date and how that date is known, its address, whether its
// text is still the text that was added, and the text itself with every
// stored quote highlighted. Clicking a highlight chooses that quote;
// selecting text offers to make a new quote of it.
type sourceViewer struct {
	dates   *data.DateStyle // the window's
	root    *fyne.Container
	header  *fyne.Container
	text    *sourceText
	scroll  *container.Scroll
	quote   *fyne.Container // what the chosen quote speaks about
	actions *fyne.Container
	newBtn  *widget.Button
	selInfo *widget.Label

	src    data.Source
	quotes []data.QuoteRef
	loaded bool

	// OnQuoteChosen is called when the user clicks a highlighted quote.
	OnQuoteChosen func(id int64)
	// OnNewQuote is called to make a quote of bytes [start, end) of the text.
	OnNewQuote func(src data.Source, start, end int)
	// OpenURL opens an address in the system browser.
	OpenURL func(u *url.URL) error
	// OnOpenSource is called to open one of the listed sources.
	OnOpenSource func(id int64)
	// OnEditSource, OnEditQuote and OnDeleteQuote are called to edit the
	// open source, or to edit or delete the chosen quote.
	OnEditSource  func(id int64)
	OnEditQuote   func(id int64)
	OnDeleteQuote func(q data.QuoteRef)

	all []data.Source // the document's sources, without text, for the list
}

func newSourceViewer() *sourceViewer {
	v := &sourceViewer{header: container.NewVBox(), quote: container.NewVBox()}
	v.text = newSourceText()
	// The header scrolls away with the text, leaving the pane to the text.
	v.scroll = container.NewVScroll(container.NewVBox(v.header, v.text))
	v.text.OnHeightChanged = v.scroll.Refresh
	v.text.OnMarkTapped = func(id int64) {
		if v.OnQuoteChosen != nil {
			v.OnQuoteChosen(id)
		}
	}
	v.selInfo = widget.NewLabel("")
	v.selInfo.Truncation = fyne.TextTruncateEllipsis
	v.newBtn = widget.NewButtonWithIcon("New quote from selection", theme.ContentAddIcon(), func() {
		s, e := v.text.Selection()
		if s < e && v.OnNewQuote != nil {
			v.OnNewQuote(v.src, s, e)
		}
	})
	v.newBtn.Importance = widget.HighImportance
	v.newBtn.Disable()
	v.text.OnSelectionChanged = v.selectionChanged
	v.actions = container.NewBorder(nil, nil, nil, v.newBtn, v.selInfo)
	bottom := container.NewVBox(v.quote, v.actions)
	v.root = container.NewBorder(nil, bottom, nil, nil, v.scroll)
	v.showEmpty()
	return v
}

func (v *sourceViewer) object() fyne.CanvasObject { return v.root }

// showEmpty says how to open a source, and lists the document's sources
// (if known) to open one directly.
func (v *sourceViewer) showEmpty() {
	v.loaded = false
	objs := []fyne.CanvasObject{
		heading("No source open"),
		muted("Select an event, then choose “Show in source” beside one of its quotes, or “View source” beside a source it cites. Or open one of the sources below."),
	}
	if len(v.all) > 0 {
		objs = append(objs, widget.NewSeparator(), subheading(countLabel(len(v.all), "Source", "Sources")))
	}
	for _, src := range v.all {
		id := src.ID
		label := src.Title
		if !src.Published.IsZero() {
			label = v.dates.Format(src.Published) + " · " + label
		}
		if src.HasText {
			label += " (full text)"
		}
		link := widget.NewHyperlink(label, nil)
		link.Truncation = fyne.TextTruncateEllipsis
		link.OnTapped = func() {
			if v.OnOpenSource != nil {
				v.OnOpenSource(id)
			}
		}
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

// setSources sets the list of sources shown while none is open.
func (v *sourceViewer) setSources(all []data.Source) {
	v.all = all
	if !v.loaded {
		v.showEmpty()
	}
}

// show displays src (with its text, if it has one) and the quotes taken
// from it, and scrolls to quote focus if it is not 0.
func (v *sourceViewer) show(src data.Source, quotes []data.QuoteRef, focus int64) {
	v.src, v.quotes, v.loaded = src, quotes, true
	var top fyne.CanvasObject = heading(src.Title)
	if v.OnEditSource != nil {
		edit := lowButton("Edit source…", theme.DocumentCreateIcon(), func() { v.OnEditSource(src.ID) })
		top = container.NewBorder(nil, nil, nil, container.NewVBox(edit), top)
	}
	objs := []fyne.CanvasObject{top}
	if src.Outlet != "" {
		objs = append(objs, field("Outlet", src.Outlet))
	}
	objs = append(objs, field("Published", publishedText(*v.dates, src)))
	objs = append(objs, urlField(src.URL, v.OpenURL))
	if src.HasText {
		objs = append(objs, hashField(src))
	}
	if src.Summary != "" {
		objs = append(objs, field("Summary", src.Summary))
	}
	if !src.HasText {
		objs = append(objs, muted("Only this source's details and our own summary are kept: its text is not stored, so there is nothing to highlight."))
	}
	objs = append(objs, widget.NewSeparator())
	v.header.Objects = objs
	v.header.Refresh()

	var marks []textMark
	for _, q := range quotes {
		if q.HasOffsets {
			marks = append(marks, textMark{ID: q.ID, Start: int(q.StartByte), End: int(q.EndByte)})
		}
	}
	v.text.SetText(src.Text, marks)
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

// focus highlights quote id as chosen and scrolls its words into view.
func (v *sourceViewer) focus(id int64) {
	v.text.SetActive(id)
	for _, q := range v.quotes {
		if q.ID == id && q.HasOffsets {
			v.scrollToByte(int(q.StartByte))
		}
	}
}

// scrollToByte scrolls so that the line holding byte b is a third of the
// way down the visible text.
func (v *sourceViewer) scrollToByte(b int) {
	y := v.text.Position().Y + v.text.YOf(b) - v.scroll.Size().Height/3
	maxY := v.scroll.Content.MinSize().Height - v.scroll.Size().Height
	v.scroll.Offset = fyne.NewPos(0, max(0, min(y, maxY)))
	v.scroll.Refresh()
}

// showQuoteEvents shows, under the text, the chosen quote's speaker and the
// events it supports or disputes, each a button that selects the event.
func (v *sourceViewer) showQuoteEvents(q data.QuoteRef, events []data.EventRef, onEvent func(id int64)) {
	who := q.Speaker
	if who == "" {
		who = "Unknown speaker"
	}
	var head fyne.CanvasObject = subheading(fmt.Sprintf("Chosen quote — %s, said %s", who, v.dates.Format(q.SaidAt)))
	var buttons []fyne.CanvasObject
	if v.OnEditQuote != nil {
		buttons = append(buttons, lowButton("Edit…", theme.DocumentCreateIcon(), func() { v.OnEditQuote(q.ID) }))
	}
	if v.OnDeleteQuote != nil {
		buttons = append(buttons, lowButton("Delete", theme.DeleteIcon(), func() { v.OnDeleteQuote(q) }))
	}
	if len(buttons) > 0 {
		head = container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), head)
	}
	objs := []fyne.CanvasObject{widget.NewSeparator(), head}
	if len(events) == 0 {
		objs = append(objs, muted("This quote is not linked to any event."))
	}
	for _, e := range events {
		id := e.ID
		stance := widget.NewLabel("Supports")
		stance.Importance = widget.SuccessImportance
		if e.Stance == data.StanceDisputes {
			stance.SetText("Disputes")
			stance.Importance = widget.DangerImportance
		}
		link := widget.NewHyperlink(e.Title+" ("+dateRange(*v.dates, &e.Event)+")", nil)
		link.OnTapped = func() { onEvent(id) }
		link.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, container.NewBorder(nil, nil, stance, nil, link))
	}
	v.quote.Objects = objs
	v.quote.Refresh()
}

// addQuote adds a just-made quote to the text's highlights.
func (v *sourceViewer) addQuote(q data.QuoteRef) {
	v.quotes = append(v.quotes, q)
	var marks []textMark
	for _, q := range v.quotes {
		if q.HasOffsets {
			marks = append(marks, textMark{ID: q.ID, Start: int(q.StartByte), End: int(q.EndByte)})
		}
	}
	off := v.scroll.Offset
	v.text.SetText(v.src.Text, marks)
	v.text.SetActive(q.ID)
	v.scroll.Offset = off
	v.scroll.Refresh()
	v.selectionChanged(0, 0)
}

func (v *sourceViewer) selectionChanged(start, end int) {
	if start >= end || !v.src.HasText {
		v.newBtn.Disable()
		v.selInfo.SetText("Drag across words to quote them.")
		return
	}
	v.newBtn.Enable()
	words := strings.Join(strings.Fields(v.src.Text[start:end]), " ")
	v.selInfo.SetText(fmt.Sprintf("Selected: “%s”", words))
}

// publishedText is "15 May 2023 — how that is known".
func publishedText(st data.DateStyle, src data.Source) string {
	s := "Date not recorded"
	if !src.Published.IsZero() {
		s = st.Format(src.Published)
	}
	if src.DateNote != "" {
		s += " — " + src.DateNote
	} else if !src.Published.IsZero() {
		s += " — as given by the source"
	}
	return s
}

// safeURL returns the address s if the window may offer to open it: an
// http, https or mailto address (see weblink.Link).
func safeURL(s string) (*url.URL, bool) { return weblink.Link(s) }

// urlField shows a source's address: a button that opens it in the
// system browser if it is a web address, else the address as plain text.
func urlField(raw string, open func(*url.URL) error) fyne.CanvasObject {
	if raw == "" {
		return field("Address", "None recorded")
	}
	u, ok := safeURL(raw)
	if !ok || open == nil {
		return field("Address", raw+" (not a web address: Quoteline does not open it)")
	}
	addr := wrapped(u.String())
	addr.Wrapping = fyne.TextWrapBreak
	addr.Selectable = true
	btn := widget.NewButtonWithIcon("Open in browser", theme.ComputerIcon(), func() { open(u) })
	btn.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, boldLabel("Address"), btn, addr)
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
	return container.NewVBox(container.NewBorder(nil, nil, boldLabel("SHA-256"), nil, h), verdict)
}

func boldLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

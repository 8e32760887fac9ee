package app

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"

	"github.com/quoteline/quoteline/internal/weblink"
)

// details is the pane beside the timeline that shows the selection: an
// event's dates, lane and claim status, and the quotes and sources behind it.
type details struct {
	dates  *data.DateStyle // the window's
	box    *fyne.Container
	scroll *container.Scroll
	// onShowSource opens source id in the source viewer, scrolled to
	// quote id if it is not 0.
	onShowSource func(source, quote int64)
	// The editing actions the pane offers; those left nil are not offered.
	onEditQuote   func(id int64)
	onDeleteQuote func(q data.QuoteRef)
	onLink        func(event int64, kind linkKind)
	onUnlink      func(event int64, kind linkKind, id int64, what string)
}

// linkKind says what an event is linked to: a quote or a source it cites.
type linkKind int

// The kinds of link of an event.
const (
	linkQuote linkKind = iota
	linkSource
)

func newDetails() *details {
	d := &details{box: container.NewVBox()}
	d.scroll = container.NewVScroll(container.NewPadded(d.box))
	d.scroll.SetMinSize(fyne.NewSize(300, 200))
	return d
}

func (d *details) object() fyne.CanvasObject { return d.scroll }

// showDocument shows what the open document holds, with a hint to select.
func (d *details) showDocument(doc *document) {
	title := doc.title
	if title == "" {
		title = "Untitled timeline"
	}
	c := doc.counts
	d.set(
		heading(title),
		wrapped(fmt.Sprintf("%s in %s, backed by %s from %s.", plural(c.Events, "event"),
			plural(c.Lanes, "lane"), plural(c.Quotes, "quote"), plural(c.Sources, "source"))),
		widget.NewSeparator(),
		muted("Select an event on the timeline to see the quotes and sources behind it: who said it, where, and when."),
	)
}

// showEvent shows ev. While loading is true, quotes and sources are being read.
// claims, when not nil, counts the sources for and against it.
func (d *details) showEvent(ev *data.Event, lane data.Lane, actors []string, quotes []data.QuoteRef, sources []data.SourceRef, claims *data.Claims, loading bool) {
	objs := []fyne.CanvasObject{
		heading(ev.Title),
		field("Happened", dateRange(*d.dates, ev)),
		container.NewHBox(swatch(parseColor(lane.Color)), widget.NewLabel(lane.Name)),
		claimField(ev.Status, claims),
	}
	if ev.Summary != "" {
		objs = append(objs, wrapped(ev.Summary))
	}
	if dv := ev.Derivation; dv != nil {
		objs = append(objs, field("Date from words", provenanceText(*d.dates, ev)))
	}
	if ev.DateNote != "" {
		objs = append(objs, field("About the date", ev.DateNote))
	}
	if len(actors) > 0 {
		objs = append(objs, field("Actors", strings.Join(actors, ", ")))
	}
	if loading {
		objs = append(objs, muted("Loading quotes and sources…"))
		d.set(objs...)
		return
	}

	objs = append(objs, widget.NewSeparator(), d.linkHeading(ev.ID, linkQuote, countLabel(len(quotes), "Quote", "Quotes")))
	if len(quotes) == 0 {
		objs = append(objs, muted("No quotes are linked to this event."))
	}
	for i := range quotes {
		objs = append(objs, d.quoteCard(&quotes[i], ev.ID))
	}
	objs = append(objs, widget.NewSeparator(), d.linkHeading(ev.ID, linkSource, countLabel(len(sources), "Source cited", "Sources cited")))
	if len(sources) == 0 {
		objs = append(objs, muted("No sources are cited directly; see the quotes' sources above."))
	}
	for i := range sources {
		objs = append(objs, d.sourceCard(&sources[i], ev.ID))
	}
	d.set(objs...)
}

// linkHeading is a subheading with, if linking is offered, a button to
// link the event to another quote or source.
func (d *details) linkHeading(event int64, kind linkKind, text string) fyne.CanvasObject {
	head := subheading(text)
	if d.onLink == nil {
		return head
	}
	label := "Link quote…"
	if kind == linkSource {
		label = "Link source…"
	}
	b := widget.NewButtonWithIcon(label, theme.ContentAddIcon(), func() { d.onLink(event, kind) })
	b.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, b, head)
}

// unlinkButton is the ✕ that removes an event's link to a quote or source.
func (d *details) unlinkButton(event int64, kind linkKind, id int64, what string) *widget.Button {
	b := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { d.onUnlink(event, kind, id, what) })
	b.Importance = widget.LowImportance
	return b
}

func (d *details) set(objs ...fyne.CanvasObject) {
	d.box.Objects = objs
	d.box.Refresh()
	d.scroll.ScrollToTop()
}

// quoteCard shows a quote's words, who said them, when, and where they
// were published, with buttons to open it in its source, edit or delete it
// and, when it is shown as linked to event (not 0), to unlink it.
func (d *details) quoteCard(q *data.QuoteRef, event int64) fyne.CanvasObject {
	words := widget.NewLabel("“" + q.Text + "”")
	words.Wrapping = fyne.TextWrapWord
	words.TextStyle = fyne.TextStyle{Italic: true}
	words.Selectable = true
	speaker := q.Speaker
	if speaker == "" {
		speaker = "Unknown speaker"
	}
	who := wrapped("— " + speaker + ", said " + d.dates.Format(q.SaidAt))
	who.TextStyle = fyne.TextStyle{Bold: true}
	var top fyne.CanvasObject = words
	if event != 0 && d.onUnlink != nil {
		top = container.NewBorder(nil, nil, nil, d.unlinkButton(event, linkQuote, q.ID, "“"+shorten(q.Text, 40)+"”"), words)
	}
	objs := []fyne.CanvasObject{top, who, muted(sourceLine(*d.dates, &q.Source))}
	if q.Stance == data.StanceDisputes {
		objs = append(objs, stanceLabel(q.Stance))
	}
	var buttons []fyne.CanvasObject
	if d.onShowSource != nil && q.Source.HasText {
		buttons = append(buttons, lowButton("Show in source", theme.SearchIcon(), func() { d.onShowSource(q.Source.ID, q.ID) }))
	}
	if d.onEditQuote != nil {
		buttons = append(buttons, lowButton("Edit…", theme.DocumentCreateIcon(), func() { d.onEditQuote(q.ID) }))
	}
	if d.onDeleteQuote != nil {
		buttons = append(buttons, lowButton("Delete", theme.DeleteIcon(), func() { d.onDeleteQuote(*q) }))
	}
	if len(buttons) > 0 {
		objs = append(objs, container.NewHBox(buttons...))
	}
	return card(objs...)
}

// sourceCard shows a source cited by event, with buttons to open it in the
// source viewer and to unlink it.
func (d *details) sourceCard(s *data.SourceRef, event int64) fyne.CanvasObject {
	title := wrapped(s.Title)
	title.TextStyle = fyne.TextStyle{Bold: true}
	var top fyne.CanvasObject = title
	if d.onUnlink != nil {
		top = container.NewBorder(nil, nil, nil, d.unlinkButton(event, linkSource, s.ID, "“"+shorten(s.Title, 40)+"”"), title)
	}
	objs := []fyne.CanvasObject{top, muted(sourceLine(*d.dates, &s.Source))}
	if s.Summary != "" {
		objs = append(objs, wrapped(s.Summary))
	}
	if u, ok := weblink.Web(s.URL); ok {
		link := widget.NewHyperlink(u.Host+u.EscapedPath(), u)
		link.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, link)
	} else if s.URL != "" {
		objs = append(objs, muted(s.URL))
	}
	objs = append(objs, stanceLabel(s.Stance))
	if d.onShowSource != nil {
		objs = append(objs, container.NewHBox(lowButton("View source", theme.DocumentIcon(), func() { d.onShowSource(s.ID, 0) })))
	}
	return card(objs...)
}

// lowButton is a button of low importance, as the panes' actions are.
func lowButton(label string, icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	b.Importance = widget.LowImportance
	return b
}

// sourceLine is "Outlet · published 15 May 2023 · title".
func sourceLine(st data.DateStyle, s *data.Source) string {
	var parts []string
	if s.Outlet != "" {
		parts = append(parts, s.Outlet)
	}
	if s.Published.Precision != 0 {
		parts = append(parts, "published "+st.Format(s.Published))
	}
	line := strings.Join(parts, " · ")
	if s.Title != "" && s.HasText {
		if line != "" {
			line = s.Title + " — " + line
		} else {
			line = s.Title
		}
	}
	if line == "" {
		return "Source not recorded"
	}
	return "In: " + line
}

func stanceLabel(s data.Stance) fyne.CanvasObject {
	if s == data.StanceDisputes {
		l := widget.NewLabel("Disputes this event")
		l.Importance = widget.DangerImportance
		return l
	}
	l := widget.NewLabel("Supports this event")
	l.Importance = widget.SuccessImportance
	return l
}

// card frames objs with an accent bar on the left.
func card(objs ...fyne.CanvasObject) fyne.CanvasObject {
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar.SetMinSize(fyne.NewSize(3, 0))
	return container.NewBorder(nil, nil, bar, nil, container.NewVBox(objs...))
}

func heading(s string) *widget.Label {
	l := wrapped(s)
	l.SizeName = theme.SizeNameSubHeadingText
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

func subheading(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

func field(name, value string) fyne.CanvasObject {
	n := widget.NewLabel(name)
	n.TextStyle = fyne.TextStyle{Bold: true}
	v := wrapped(value)
	return container.New(layout.NewFormLayout(), n, v)
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func muted(s string) *widget.Label {
	l := wrapped(s)
	l.TextStyle = fyne.TextStyle{Italic: true}
	return l
}

func swatch(c color.Color) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.CornerRadius = 3
	r.SetMinSize(fyne.NewSize(14, 14))
	return container.NewCenter(r)
}

func countLabel(n int, one, many string) string {
	if n == 1 {
		return "1 " + strings.ToLower(one)
	}
	return fmt.Sprintf("%d %s", n, strings.ToLower(many))
}

package pane

import (
	"fmt"
	"image/color"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// Details is the pane beside the timeline that shows the selection: an
// event's dates, lane and claim status and the quotes and sources behind
// it; or a chosen quote and the events it speaks about; or a period; or,
// with nothing selected, what the document holds. Its widgets are made once and
// refreshed in place; only the cards of quotes, sources and events grow in
// number, as more are needed.
type Details struct {
	s      *session.Session
	box    *fyne.Container
	scroll *container.Scroll
	top    topView
	event  eventView
	links  linksView
	quote  quoteView
	period periodView
	redraw func() // shows what is shown again, in another date style

	// The actions the pane offers; those left nil are not offered.
	OnShowSource  func(source, quote int64) // "Show in source", "View source"
	OnEditQuote   func(id int64)
	OnDeleteQuote func(q data.QuoteRef)
	OnLink        func(event int64, kind session.LinkKind)
	OnGoTo        func(id int64) // an event a chosen quote speaks about
	OnEditPeriod  func(p data.Period)
}

// topView is the pane's heading and what is said under it without a
// selection.
type topView struct {
	heading *widget.Label
	text    *widget.Label
	sep     *widget.Separator
	hint    *widget.Label
}

// eventView is what is shown of an event before its quotes and sources.
type eventView struct {
	happened, derivation, dateNote, actors *field
	lane, claim                            *fyne.Container
	swatch                                 *canvas.Rectangle
	claimText, claimCounts, laneName       *widget.Label
	summary, loading                       *widget.Label
}

// linksView is an event's quotes and sources, as cards.
type linksView struct {
	quotesSep, sourcesSep   *widget.Separator
	quotesHead, sourcesHead linkHeading
	noQuotes, noSources     *widget.Label
	quotes                  []*quoteCard
	sources                 []*sourceCard
}

// quoteView is a chosen quote and the events it speaks about.
type quoteView struct {
	card   *quoteCard
	sep    *widget.Separator
	head   *widget.Label
	none   *widget.Label
	events []*eventCard
}

// periodView is a selected period: its dates, the lanes it is drawn
// behind, its summary, and buttons to edit and delete it.
type periodView struct {
	when, lanes *field
	summary     *widget.Label
	edit, del   *widget.Button
	buttons     *fyne.Container
	p           data.Period
}

// NewDetails makes the pane for session s.
func NewDetails(s *session.Session) *Details {
	d := &Details{s: s, box: container.NewVBox()}
	d.scroll = container.NewVScroll(container.NewPadded(d.box))
	d.scroll.SetMinSize(fyne.NewSize(300, 200))
	d.top = topView{heading: Heading(""), text: Wrapped(""), sep: widget.NewSeparator(),
		hint: Muted("Select an event on the timeline to see the quotes and sources behind it: who said it, where, and when.")}
	ev := &d.event
	ev.happened, ev.derivation, ev.dateNote, ev.actors = newField("Happened"), newField("Date from words"), newField("About the date"), newField("Actors")
	ev.laneName = widget.NewLabel("")
	ev.swatch = swatchRect(color.Transparent)
	ev.lane = container.NewHBox(container.NewCenter(ev.swatch), ev.laneName)
	ev.claimText, ev.claimCounts = Wrapped(""), Wrapped("")
	ev.claim = container.New(layout.NewFormLayout(), Bold("Claim"), container.NewVBox(ev.claimText, ev.claimCounts))
	ev.summary, ev.loading = Wrapped(""), Muted("Loading quotes and sources…")
	l := &d.links
	l.quotesSep, l.sourcesSep = widget.NewSeparator(), widget.NewSeparator()
	l.quotesHead = d.newLinkHeading(session.LinkQuote, "Link quote…")
	l.sourcesHead = d.newLinkHeading(session.LinkSource, "Link source…")
	l.noQuotes = Muted("No quotes are linked to this event.")
	l.noSources = Muted("No sources are cited directly; see the quotes' sources above.")
	d.quote = quoteView{card: d.newQuoteCard(), sep: widget.NewSeparator(), head: Subheading(""),
		none: Muted("This quote is not linked to any event.")}
	pv := &d.period
	pv.when, pv.lanes, pv.summary = newField("Period"), newField("Drawn"), Wrapped("")
	pv.edit = LowButton("Edit…", theme.DocumentCreateIcon(), func() {
		if d.OnEditPeriod != nil {
			d.OnEditPeriod(pv.p)
		}
	})
	pv.del = LowButton("Delete", theme.DeleteIcon(), func() { s.DeletePeriod(pv.p.ID) })
	pv.buttons = container.NewHBox(pv.edit, pv.del)
	s.Watch(d.follow)
	return d
}

// Object returns the pane's canvas object.
func (d *Details) Object() fyne.CanvasObject { return d.scroll }

// follow keeps the pane in step with the session.
func (d *Details) follow(e session.Event) {
	switch e := e.(type) {
	case session.Opened:
		if e.Err == nil {
			d.ShowDocument()
		}
	case session.Closed:
		if e.Why == "" {
			d.ShowNoDocument("")
		} else {
			d.ShowNoDocument(e.Name + " " + e.Why + " and was closed.")
		}
	case session.Selected:
		d.showSelected(e.ID)
	case session.DetailsRead:
		det, lane := e.Details, e.Lane
		d.render(func() { d.showEvent(&det.Event, lane, det.Actors, &det, false) })
	case session.QuoteChosen:
		d.render(func() { d.showQuote(e.Quote, e.Events) })
	case session.PeriodSelected:
		switch {
		case e.ID != 0:
			d.render(func() { d.showPeriod(&e) })
		case d.s.Selected() == 0:
			d.ShowDocument()
		}
	case session.DatesChanged:
		if d.redraw != nil {
			d.redraw()
		}
	}
}

// render shows what draw shows, and again when dates are written anew.
func (d *Details) render(draw func()) {
	d.redraw = draw
	draw()
}

// ShowNoDocument says no document is open, and why (msg); with no reason,
// how to open one.
func (d *Details) ShowNoDocument(msg string) {
	d.redraw = nil
	d.top.heading.SetText("No document open")
	if msg == "" {
		d.top.hint.SetText("Open a document (Ctrl+O), pick one from File ▸ Open Recent, or make a new one (Ctrl+N).")
		d.set(d.top.heading, d.top.hint)
		return
	}
	d.top.text.SetText(msg)
	d.set(d.top.heading, d.top.text)
}

// ShowDocument shows what the open document holds, with a hint to select.
func (d *Details) ShowDocument() {
	doc := d.s.Doc()
	if doc == nil {
		return
	}
	d.redraw = nil
	title := doc.Title()
	if title == "" {
		title = "Untitled timeline"
	}
	c := doc.Counts()
	d.top.heading.SetText(title)
	text := fmt.Sprintf("%s in %s, backed by %s from %s.", timeline.Plural(c.Events, "event", "events"),
		timeline.Plural(c.Lanes, "lane", "lanes"), timeline.Plural(c.Quotes, "quote", "quotes"), timeline.Plural(c.Sources, "source", "sources"))
	if n := len(doc.Periods()); n > 0 {
		text += " " + timeline.Plural(n, "period is", "periods are") + " shaded behind the lanes."
	}
	d.top.text.SetText(text)
	d.top.hint.SetText("Select an event on the timeline to see the quotes and sources behind it: who said it, where, and when.")
	d.set(d.top.heading, d.top.text, d.top.sep, d.top.hint)
}

// showSelected shows what is known at once of event id, while the rest is
// read; with no selection, the document.
func (d *Details) showSelected(id int64) {
	doc := d.s.Doc()
	if doc == nil {
		return
	}
	sp, lane, ok := doc.Span(id)
	if id == 0 || !ok {
		d.ShowDocument()
		return
	}
	partial := &data.Event{ID: id, LaneID: sp.LaneID, Title: doc.ItemTitle(id), Start: sp.Start, End: sp.End,
		StartUncertain: sp.StartUncertain, EndUncertain: sp.EndUncertain, Status: sp.Status}
	d.render(func() { d.showEvent(partial, lane, nil, nil, true) })
}

// showEvent shows ev. While loading is true, its quotes and sources are
// being read; else det holds them, and the claim counts.
func (d *Details) showEvent(ev *data.Event, lane data.Lane, actors []string, det *data.EventDetails, loading bool) {
	dates := d.s.Dates()
	v := &d.event
	d.top.heading.SetText(ev.Title)
	v.laneName.SetText(lane.Name)
	v.swatch.FillColor = session.LaneColor(lane.Color)
	v.swatch.Refresh()
	v.claimText.SetText(session.ClaimText(ev.Status))
	v.claimText.Importance = claimImportance(ev.Status)
	v.claimText.Refresh()
	objs := []fyne.CanvasObject{d.top.heading, v.happened.set(session.DateRange(dates, ev)), v.lane, v.claim}
	show(v.claimCounts, det != nil)
	if det != nil {
		v.claimCounts.SetText(session.ClaimCounts(det.Claims))
	}
	if ev.Summary != "" {
		v.summary.SetText(ev.Summary)
		objs = append(objs, v.summary)
	}
	if ev.Derivation != nil {
		objs = append(objs, v.derivation.set(session.Provenance(dates, ev)))
	}
	if ev.DateNote != "" {
		objs = append(objs, v.dateNote.set(ev.DateNote))
	}
	if len(actors) > 0 {
		objs = append(objs, v.actors.set(strings.Join(actors, ", ")))
	}
	if loading {
		d.set(append(objs, v.loading)...)
		return
	}
	l := &d.links
	l.quotes = grow(l.quotes, len(det.Quotes), d.newQuoteCard)
	objs = cards(append(objs, l.quotesSep, l.quotesHead.set(ev.ID, timeline.Plural(len(det.Quotes), "quote", "quotes"), d.OnLink != nil)),
		l.noQuotes, len(det.Quotes), func(i int) fyne.CanvasObject { return l.quotes[i].set(&det.Quotes[i], ev.ID, dates) })
	l.sources = grow(l.sources, len(det.Sources), d.newSourceCard)
	objs = cards(append(objs, l.sourcesSep, l.sourcesHead.set(ev.ID, timeline.Plural(len(det.Sources), "source cited", "sources cited"), d.OnLink != nil)),
		l.noSources, len(det.Sources), func(i int) fyne.CanvasObject { return l.sources[i].set(&det.Sources[i], ev.ID, dates) })
	d.set(objs...)
}

// showQuote shows a chosen quote: its words, speaker and source, and every
// event it supports or disputes, each a link that selects the event.
func (d *Details) showQuote(q data.QuoteRef, events []data.EventRef) {
	dates := d.s.Dates()
	v := &d.quote
	d.top.heading.SetText("Quote")
	v.head.SetText(timeline.Plural(len(events), "event it speaks about", "events it speaks about"))
	v.events = grow(v.events, len(events), d.newEventCard)
	d.set(cards([]fyne.CanvasObject{d.top.heading, v.card.set(&q, 0, dates), v.sep, v.head},
		v.none, len(events), func(i int) fyne.CanvasObject { return v.events[i].set(&events[i], dates) })...)
}

// showPeriod shows a selected period: its name, dates, the lanes it is
// drawn behind and its summary, with buttons to edit or delete it where the
// document can be changed.
func (d *Details) showPeriod(e *session.PeriodSelected) {
	v := &d.period
	v.p = e.Period
	d.top.heading.SetText(e.Period.Title)
	objs := []fyne.CanvasObject{d.top.heading, v.when.set(session.PeriodDates(d.s.Dates(), &e.Period)),
		v.lanes.set(session.PeriodLanes(e.Lane, e.OnLane))}
	if e.Period.Summary != "" {
		v.summary.SetText(e.Period.Summary)
		objs = append(objs, v.summary)
	}
	show(v.edit, d.OnEditPeriod != nil)
	if d.s.Editable() {
		objs = append(objs, v.buttons)
	}
	d.set(objs...)
}

// grow returns pool with at least n cards, making those missing with make.
func grow[T any](pool []T, n int, make func() T) []T {
	for len(pool) < n {
		pool = append(pool, make())
	}
	return pool
}

// cards appends to objs none, when n is 0, or else the n cards card makes.
func cards(objs []fyne.CanvasObject, none fyne.CanvasObject, n int, card func(i int) fyne.CanvasObject) []fyne.CanvasObject {
	if n == 0 {
		return append(objs, none)
	}
	for i := range n {
		objs = append(objs, card(i))
	}
	return objs
}

// set puts objs in the pane, in order, and scrolls to its top.
func (d *Details) set(objs ...fyne.CanvasObject) {
	d.box.Objects = objs
	d.box.Refresh()
	d.scroll.ScrollToTop()
}

// linkHeading is a subheading with, if linking is offered, a button to
// link the event to another quote or source.
type linkHeading struct {
	box   *fyne.Container
	text  *widget.Label
	link  *widget.Button
	event int64
}

func (d *Details) newLinkHeading(kind session.LinkKind, label string) linkHeading {
	h := linkHeading{text: Subheading("")}
	h.link = LowButton(label, theme.ContentAddIcon(), nil)
	hp := &h
	h.link.OnTapped = func() {
		if d.OnLink != nil {
			d.OnLink(hp.event, kind)
		}
	}
	h.box = container.NewBorder(nil, nil, nil, h.link, h.text)
	return h
}

// set shows text, and the link button if linking is offered, for event.
func (h *linkHeading) set(event int64, text string, offered bool) fyne.CanvasObject {
	h.event = event
	h.text.SetText(text)
	show(h.link, offered)
	return h.box
}

// claimImportance is how a claim status is coloured.
func claimImportance(st data.ClaimStatus) widget.Importance {
	switch st {
	case data.StatusDisputed:
		return widget.DangerImportance
	case data.StatusExpected:
		return widget.WarningImportance
	case data.StatusConfirmed:
		return widget.SuccessImportance
	}
	return widget.MediumImportance
}

// stance sets l to say whether a quote or source supports or disputes the
// event.
func stance(l *widget.Label, s data.Stance) {
	if s == data.StanceDisputes {
		l.Importance = widget.DangerImportance
		l.SetText("Disputes this event")
		return
	}
	l.Importance = widget.SuccessImportance
	l.SetText("Supports this event")
}

// quoteCard shows a quote's words, who said them, when, and where they
// were published, with buttons to open it in its source, edit or delete it
// and, when it is shown as linked to an event, to unlink it.
type quoteCard struct {
	frame
	d                              *Details
	words, who, how, where, stance *widget.Label
	unlink, show, edit, del        *widget.Button
	buttons                        *fyne.Container
	q                              data.QuoteRef
	event                          int64
}

func (d *Details) newQuoteCard() *quoteCard {
	c := &quoteCard{d: d, words: widget.NewLabel(""), who: Wrapped(""), how: Wrapped(""), where: Muted(""), stance: widget.NewLabel("")}
	c.how.SizeName = theme.SizeNameCaptionText
	c.words.Wrapping = fyne.TextWrapWord
	c.words.TextStyle = fyne.TextStyle{Italic: true}
	c.words.Selectable = true
	c.who.TextStyle = fyne.TextStyle{Bold: true}
	c.unlink = LowButton("", theme.CancelIcon(), func() {
		d.s.Unlink(c.event, session.LinkQuote, c.q.ID, "“"+session.Shorten(c.q.Text, 40)+"”")
	})
	c.show = LowButton("Show in source", theme.SearchIcon(), func() {
		if d.OnShowSource != nil {
			d.OnShowSource(c.q.Source.ID, c.q.ID)
		}
	})
	c.edit = LowButton("Edit…", theme.DocumentCreateIcon(), func() {
		if d.OnEditQuote != nil {
			d.OnEditQuote(c.q.ID)
		}
	})
	c.del = LowButton("Delete", theme.DeleteIcon(), func() {
		if d.OnDeleteQuote != nil {
			d.OnDeleteQuote(c.q)
		}
	})
	c.buttons = container.NewHBox(c.show, c.edit, c.del)
	c.frame = newFrame(container.NewBorder(nil, nil, nil, c.unlink, c.words), c.who, c.how, c.where, c.stance, c.buttons)
	return c
}

// set shows q, linked to event (0: shown on its own), and returns the card.
func (c *quoteCard) set(q *data.QuoteRef, event int64, dates data.DateStyle) fyne.CanvasObject {
	c.q, c.event = *q, event
	c.words.SetText("“" + q.Text + "”")
	speaker := q.Speaker
	if speaker == "" {
		speaker = "Unknown speaker"
	}
	c.who.SetText("— " + speaker + ", said " + dates.Format(q.SaidAt))
	c.how.SetText(session.SpeakerFound(&q.Quote))
	show(c.how, c.how.Text != "")
	c.where.SetText(session.SourceLine(dates, &q.Source))
	show(c.unlink, event != 0)
	show(c.stance, q.Stance == data.StanceDisputes)
	stance(c.stance, q.Stance)
	show(c.show, q.Source.HasText && c.d.OnShowSource != nil)
	show(c.edit, c.d.OnEditQuote != nil)
	show(c.del, c.d.OnDeleteQuote != nil)
	show(c.buttons, c.show.Visible() || c.edit.Visible() || c.del.Visible())
	return c.object()
}

// sourceCard shows a source an event cites, with buttons to open it in the
// source viewer and to unlink it.
type sourceCard struct {
	frame
	d                                  *Details
	title, where, summary, url, stance *widget.Label
	link                               *widget.Hyperlink
	unlink, view                       *widget.Button
	buttons                            *fyne.Container
	src                                data.SourceRef
	event                              int64
}

func (d *Details) newSourceCard() *sourceCard {
	c := &sourceCard{d: d, title: Wrapped(""), where: Muted(""), summary: Wrapped(""), url: Muted(""), stance: widget.NewLabel("")}
	c.title.TextStyle = fyne.TextStyle{Bold: true}
	c.link = widget.NewHyperlink("", nil)
	c.link.Truncation = fyne.TextTruncateEllipsis
	c.unlink = LowButton("", theme.CancelIcon(), func() {
		d.s.Unlink(c.event, session.LinkSource, c.src.ID, "“"+session.Shorten(c.src.Title, 40)+"”")
	})
	c.view = LowButton("View source", theme.DocumentIcon(), func() {
		if d.OnShowSource != nil {
			d.OnShowSource(c.src.ID, 0)
		}
	})
	c.buttons = container.NewHBox(c.view)
	c.frame = newFrame(container.NewBorder(nil, nil, nil, c.unlink, c.title), c.where, c.summary, c.link, c.url, c.stance, c.buttons)
	return c
}

// set shows s, cited by event, and returns the card.
func (c *sourceCard) set(s *data.SourceRef, event int64, dates data.DateStyle) fyne.CanvasObject {
	c.src, c.event = *s, event
	c.title.SetText(s.Title)
	c.where.SetText(session.SourceLine(dates, &s.Source))
	c.summary.SetText(s.Summary)
	show(c.summary, s.Summary != "")
	u, err := url.Parse(s.URL)
	web := err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
	if web {
		c.link.SetText(u.Host + u.EscapedPath())
		c.link.SetURL(u)
	}
	c.url.SetText(s.URL)
	show(c.link, web)
	show(c.url, !web && s.URL != "")
	stance(c.stance, s.Stance)
	show(c.buttons, c.d.OnShowSource != nil)
	return c.object()
}

// eventCard is an event a chosen quote speaks about: a link that selects
// it, its dates and claim, and the quote's stance on it.
type eventCard struct {
	frame
	link         *widget.Hyperlink
	when, stance *widget.Label
	id           int64
}

func (d *Details) newEventCard() *eventCard {
	c := &eventCard{link: widget.NewHyperlink("", nil), when: Muted(""), stance: widget.NewLabel("")}
	c.link.Wrapping = fyne.TextWrapWord
	c.link.OnTapped = func() {
		if d.OnGoTo != nil {
			d.OnGoTo(c.id)
		}
	}
	c.frame = newFrame(c.link, c.when, c.stance)
	return c
}

// set shows e and returns the card.
func (c *eventCard) set(e *data.EventRef, dates data.DateStyle) fyne.CanvasObject {
	c.id = e.ID
	c.link.SetText(e.Title)
	c.when.SetText(session.DateRange(dates, &e.Event) + " · " + strings.ToLower(session.ClaimText(e.Status)))
	stance(c.stance, e.Stance)
	return c.object()
}

package dialog

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/pane"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/extract"
)

// articleReview is the review of an article's suggestions before they are
// imported. On the left, what the page says of itself (byline, outlet,
// address), the publication date to confirm (said when it is the page's
// own) and what the user should know; then each suggested quote, those
// whose speaker is to be checked first, with a speaker picker filled with
// the name and kind the import found, why it found them and how sure it
// is; then the dates and what they resolve to. On the right, the article
// with every quote highlighted, those to check in the warning colour.
// Every suggestion is accepted until it is unticked: importing at once
// accepts them all.
type articleReview struct {
	article *extract.Article
	date    *widget.Entry
	note    *widget.Label // how the publication date is known
	warn    *widget.Label // what the user should know before importing
	rows    []*quoteRow   // by place in the article, as suggested
	shown   []*quoteRow   // in the order shown: those to check first
	quotes  *fyne.Container
	dates   *fyne.Container
	sugg    extract.Suggestions
	dateOK  []bool
	// datesFor is the publication date the dates were resolved against
	// ("" for none).
	datesFor string
	text     *pane.MarkedText
	scrolls  [2]*container.Scroll // the suggestions, the text
	content  fyne.CanvasObject
}

// quoteRow is one suggested quote in the review.
type quoteRow struct {
	q       extract.Quote // as suggested
	accept  *widget.Check
	speaker *widget.SelectEntry // "" for no speaker
	kind    *widget.Select      // one of actorKinds
	box     fyne.CanvasObject
}

// newArticleReview lays out the review of a; actors are the open
// document's, offered as speakers besides those the article names.
func newArticleReview(a *extract.Article, actors []data.Actor) *articleReview {
	r := &articleReview{article: a, quotes: container.NewVBox(), dates: container.NewVBox()}
	r.date = widget.NewEntry()
	r.date.SetPlaceHolder("YYYY-MM-DD")
	r.note, r.warn = pane.Muted(""), pane.Wrapped("")
	r.warn.Importance = widget.WarningImportance
	r.sugg = extract.Suggest(a.Text, a.Published)
	r.text = pane.NewMarkedText()
	r.text.OnMarkTapped = r.showRow
	r.scrolls[1] = container.NewVScroll(r.text)
	r.text.OnHeightChanged = r.scrolls[1].Refresh
	r.makeRows(actors)

	about := widget.NewForm()
	if a.Byline != "" {
		about.Append("By", pane.Wrapped(a.Byline))
	}
	if a.Outlet != "" {
		about.Append("Outlet", pane.Wrapped(a.Outlet))
	}
	if a.URL != "" {
		addr := pane.Wrapped(a.URL)
		addr.Wrapping = fyne.TextWrapBreak
		addr.Selectable = true
		about.Append("Address", addr)
	}
	about.Append("Published on", r.date)
	about.Append("", r.note)
	left := container.NewVBox(pane.Heading(a.Title), about, r.warn, widget.NewSeparator(),
		pane.Subheading(r.sugg.Summary()),
		pane.Muted("The quotes whose speaker is to be checked come first, and are highlighted in the article in the warning colour. Untick what you do not want; change a speaker by typing or choosing another."),
		r.quotes, widget.NewSeparator(), r.dates)
	r.scrolls[0] = container.NewVScroll(left)
	split := container.NewHSplit(r.scrolls[0], r.scrolls[1])
	split.Offset = 0.55
	r.content = split

	r.date.OnChanged = func(string) { r.refreshDates() }
	r.date.SetText(a.Published.String())
	r.refreshDates()
	r.markText()
	return r
}

// makeRows makes a row for each suggested quote and shows them, those
// whose speaker is to be checked first.
func (r *articleReview) makeRows(actors []data.Actor) {
	kindOf := map[string]string{}
	var names []string
	for _, a := range actors {
		kindOf[a.Name] = a.Kind
		names = append(names, a.Name)
	}
	for _, q := range r.sugg.Quotes {
		if q.Speaker != "" {
			kindOf[q.Speaker] = q.SpeakerKind
			names = append(names, q.Speaker)
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	kinds := make([]string, len(actorKinds))
	for i, k := range actorKinds {
		kinds[i] = k.label
	}
	for i, q := range r.sugg.Quotes {
		row := &quoteRow{q: q, accept: widget.NewCheck("", nil), speaker: widget.NewSelectEntry(names), kind: widget.NewSelect(kinds, nil)}
		row.accept.SetChecked(true)
		row.speaker.SetText(q.Speaker)
		row.speaker.SetPlaceHolder("Unknown speaker")
		row.kind.SetSelectedIndex(kindIndex(q.SpeakerKind))
		row.speaker.OnChanged = func(name string) {
			if k, ok := kindOf[strings.TrimSpace(name)]; ok {
				row.kind.SetSelectedIndex(kindIndex(k))
			}
			r.markText()
		}
		words := pane.Wrapped("“" + passage(q.Text) + "”")
		words.TextStyle = fyne.TextStyle{Italic: true}
		sure := confidenceChip(q.Confidence)
		why := pane.Wrapped(q.Why)
		why.SizeName = theme.SizeNameCaptionText
		find := pane.LowButton("Show in text", theme.SearchIcon(), func() { r.focus(i) })
		row.box = container.NewBorder(nil, nil, container.NewVBox(row.accept), nil, container.NewVBox(
			words,
			container.NewBorder(nil, nil, pane.Bold("Speaker"), row.kind, row.speaker),
			container.NewBorder(nil, nil, sure, find, why)))
		r.rows = append(r.rows, row)
	}
	r.shown = slices.Clone(r.rows)
	slices.SortStableFunc(r.shown, func(a, b *quoteRow) int { return checkFirst(a.q.Confidence) - checkFirst(b.q.Confidence) })
	for k, row := range r.shown {
		if k > 0 {
			r.quotes.Add(widget.NewSeparator())
		}
		r.quotes.Add(row.box)
	}
}

// confidenceChip says how sure the import is of a quote's speaker: "To
// check" on the warning colour, or "Sure" on the success colour, in the
// text colour so that it reads in either theme.
func confidenceChip(c data.Confidence) fyne.CanvasObject {
	text, tint := "Sure", theme.Color(theme.ColorNameSuccess)
	if c != data.ConfidenceHigh {
		text, tint = "To check", theme.Color(theme.ColorNameWarning)
	}
	r, g, b, _ := tint.RGBA()
	bg := canvas.NewRectangle(color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0x70})
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewCenter(container.NewStack(bg, pane.Bold(text)))
}

// checkFirst orders confidences: to check (0) before sure (1).
func checkFirst(c data.Confidence) int {
	if c == data.ConfidenceHigh {
		return 1
	}
	return 0
}

// kindIndex returns the index in actorKinds of kind, a person's for none.
func kindIndex(kind string) int {
	return max(0, slices.IndexFunc(actorKinds, func(k struct{ kind, label string }) bool { return k.kind == kind }))
}

// passage cuts a long passage so that its row stays readable; the whole
// of it is highlighted in the text.
func passage(s string) string {
	if rs := []rune(s); len(rs) > 240 {
		return string(rs[:239]) + "…"
	}
	return s
}

// markText shows the article with every suggested quote highlighted: those
// to check in the warning colour, each with who said it and why as its
// tooltip.
func (r *articleReview) markText() {
	marks := make([]pane.TextMark, len(r.rows))
	for i, row := range r.rows {
		who, why := strings.TrimSpace(row.speaker.Text), row.q.Why
		if who != row.q.Speaker {
			why = "Chosen by hand."
		}
		if who == "" {
			who = "Unknown speaker"
		}
		marks[i] = pane.TextMark{ID: int64(i + 1), Start: row.q.Start, End: row.q.End,
			Check: row.q.Confidence != data.ConfidenceHigh, Title: who, Detail: why}
	}
	r.text.SetText(r.article.Text, marks)
}

// focus highlights quote i in the text and scrolls it into view.
func (r *articleReview) focus(i int) {
	r.text.SetActive(int64(i + 1))
	sc := r.scrolls[1]
	y := r.text.YOf(r.rows[i].q.Start) - sc.Size().Height/3
	sc.Offset = fyne.NewPos(0, max(0, min(y, r.text.MinSize().Height-sc.Size().Height)))
	sc.Refresh()
}

// showRow scrolls the suggestions to quote id's row (a mark's id).
func (r *articleReview) showRow(id int64) {
	i := int(id) - 1
	if i < 0 || i >= len(r.rows) {
		return
	}
	r.text.SetActive(id)
	sc := r.scrolls[0]
	y := r.quotes.Position().Y + r.rows[i].box.Position().Y
	sc.Offset = fyne.NewPos(0, max(0, min(y, sc.Content.MinSize().Height-sc.Size().Height)))
	sc.Refresh()
}

func (r *articleReview) published() (data.Time, bool) {
	t, err := data.ParseTime(strings.TrimSpace(r.date.Text))
	return t, err == nil && t.Precision == data.PrecisionDay
}

// refreshDates resolves the article's dates against the date entered, and
// says how that date is known and what the user should know.
func (r *articleReview) refreshDates() {
	pub, ok := r.published()
	page := r.article.Published
	switch {
	case !ok && page.IsZero():
		r.note.SetText("The page does not say when it was published: type the day, to resolve its relative dates.")
	case !ok:
		r.note.SetText("Type the day it was published, to resolve its relative dates.")
	case !page.IsZero() && page.String() == pub.String():
		r.note.SetText("As the page states it: check it. Relative dates are resolved against " + pub.Display() + ".")
	default:
		r.note.SetText("Relative dates are resolved against " + pub.Display() + ".")
	}
	if !ok {
		pub = data.Time{}
	}
	if r.datesFor == pub.String() && r.dateOK != nil {
		return // resolved against it already: a date being typed is read once it is whole
	}
	r.datesFor = pub.String()
	sugg := extract.Suggest(r.article.Text, pub)
	var warnings []string
	if _, conflict, _ := extract.PublicationDate(r.article, pub); ok && conflict != "" {
		warnings = append(warnings, conflict)
	}
	found := sugg
	if !ok {
		// Dates are looked for once the day is given: none is not a finding.
		found.Dates = []extract.DateMention{{}}
	}
	warnings = append(warnings, extract.Warnings(r.article, found)...)
	for i, w := range warnings {
		warnings[i] = sentence(w)
	}
	r.warn.SetText(strings.Join(warnings, "\n"))
	if len(warnings) == 0 {
		r.warn.Hide()
	} else {
		r.warn.Show()
	}
	r.sugg.Dates = nil
	if ok {
		r.sugg.Dates = sugg.Dates
	}
	r.dateOK = make([]bool, len(r.sugg.Dates))
	r.dates.RemoveAll()
	r.dates.Add(pane.Subheading(fmt.Sprintf("Dates (%d)", len(r.sugg.Dates))))
	for i, d := range r.sugg.Dates {
		label := "“" + d.Expression + "” → " + d.From.Display()
		if !d.To.IsZero() {
			label += " to " + d.To.Display()
		}
		if d.Future {
			label += " (expected)"
		}
		r.dateOK[i] = true
		c := widget.NewCheck("", func(on bool) { r.dateOK[i] = on })
		c.SetChecked(true)
		r.dates.Add(container.NewBorder(nil, nil, c, nil, pane.Wrapped(label)))
	}
}

// accepted returns the confirmed date and the suggestions left ticked, the
// quotes with the speakers chosen: a speaker changed by hand keeps no note
// or confidence of the import's.
func (r *articleReview) accepted() (data.Time, extract.Suggestions, error) {
	pub, ok := r.published()
	if !ok {
		return data.Time{}, extract.Suggestions{}, fmt.Errorf("publication date %q: give it as YYYY-MM-DD", r.date.Text)
	}
	var s extract.Suggestions
	for _, row := range r.rows {
		if !row.accept.Checked {
			continue
		}
		q := row.q
		if name := strings.TrimSpace(row.speaker.Text); name != q.Speaker {
			q.Speaker, q.SpeakerTitle, q.Attribution, q.Why, q.Confidence = name, "", "", "", ""
		}
		q.SpeakerKind = ""
		if q.Speaker != "" {
			q.SpeakerKind = actorKinds[max(0, row.kind.SelectedIndex())].kind
		}
		s.Quotes = append(s.Quotes, q)
	}
	for i, d := range r.sugg.Dates {
		if r.dateOK[i] {
			s.Dates = append(s.Dates, d)
		}
	}
	return pub, s, nil
}

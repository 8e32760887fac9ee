package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
)

// claimField shows an event's claim status and, once they are counted, how
// many sources support and dispute it.
func claimField(status data.ClaimStatus, claims *data.Claims) fyne.CanvasObject {
	st := wrapped(statusText(status))
	switch status {
	case data.StatusDisputed:
		st.Importance = widget.DangerImportance
	case data.StatusExpected:
		st.Importance = widget.WarningImportance
	case data.StatusConfirmed:
		st.Importance = widget.SuccessImportance
	}
	value := []fyne.CanvasObject{st}
	if claims != nil {
		value = append(value, wrapped(claimCounts(*claims)))
	}
	return container.New(layout.NewFormLayout(), boldLabel("Claim"), container.NewVBox(value...))
}

// claimCounts is "2 sources support it · 1 disputes it".
func claimCounts(c data.Claims) string {
	return countPhrase(c.Supporting, "No source supports it", "1 source supports it", "%d sources support it") +
		" · " + countPhrase(c.Disputing, "none disputes it", "1 disputes it", "%d dispute it")
}

// countPhrase picks the phrase for n: none, one, or many (a format for n).
func countPhrase(n int, none, one, many string) string {
	switch n {
	case 0:
		return none
	case 1:
		return one
	}
	return fmt.Sprintf(many, n)
}

// provenanceText says how an event's date was worked out from words:
// "Aug 2022 — from “since August”, said 15 May 2023". For a range it names
// both ends; for an expected event the words are a forecast.
func provenanceText(st data.DateStyle, ev *data.Event) string {
	dv := ev.Derivation
	if dv == nil {
		return ""
	}
	result := dateRangeOf(st, ev.Start, ev.End, false, false)
	var b strings.Builder
	b.WriteString(result)
	b.WriteString(" — from “" + dv.Expression + "”")
	if !dv.SaidAt.IsZero() {
		b.WriteString(", said " + st.Format(dv.SaidAt))
	}
	if ev.Status == data.StatusExpected {
		b.WriteString(" (a forecast: not yet a fact when said)")
	}
	return b.String()
}

// showQuote shows a chosen quote: its words, speaker and source, and every
// event it supports or disputes, each a link that selects the event.
func (d *details) showQuote(q data.QuoteRef, src data.Source, events []data.EventRef, onEvent func(id int64)) {
	q.Source = src
	objs := []fyne.CanvasObject{heading("Quote"), d.quoteCard(&q, 0), widget.NewSeparator(),
		subheading(countLabel(len(events), "Event it speaks about", "Events it speaks about"))}
	if len(events) == 0 {
		objs = append(objs, muted("This quote is not linked to any event."))
	}
	for i := range events {
		e := &events[i]
		id := e.ID
		link := widget.NewHyperlink(e.Title, nil)
		link.OnTapped = func() { onEvent(id) }
		link.Wrapping = fyne.TextWrapWord
		objs = append(objs, card(link, muted(dateRange(*d.dates, &e.Event)+" · "+strings.ToLower(statusText(e.Status))), stanceLabel(e.Stance)))
	}
	d.set(objs...)
}

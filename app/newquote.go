package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
)

// maxEventMatches is how many matching event titles the event field offers.
const maxEventMatches = 30

// quoteForm is the form that makes a quote of selected words.
type quoteForm struct {
	speaker  *widget.SelectEntry
	saidAt   *widget.Entry
	stance   *widget.RadioGroup
	event    *widget.SelectEntry
	hint     *widget.Label
	lane     *widget.Select
	date     *widget.Entry
	status   *widget.Select
	eventIDs map[string]int64 // offered title -> event id
}

// newQuoteFromSelection asks who said the words [start, end) of src, when,
// and which event they speak about, then stores the quote off the UI
// goroutine and highlights it at once.
func (m *mainWindow) newQuoteFromSelection(src data.Source, start, end int) {
	doc := m.doc
	if doc == nil {
		return
	}
	if doc.store.ReadOnly() {
		m.showError(fmt.Errorf("%s is open read-only: save a copy to add quotes", doc.store.Path()))
		return
	}
	words := strings.Join(strings.Fields(src.Text[start:end]), " ")
	f := &quoteForm{eventIDs: map[string]int64{}}

	var names []string
	for _, a := range m.links.actors {
		names = append(names, a.Name)
	}
	f.speaker = widget.NewSelectEntry(names)
	f.speaker.PlaceHolder = "Choose or type a name"
	f.speaker.SetText(usualSpeaker(m.source.quotes))

	f.saidAt = widget.NewEntry()
	f.saidAt.SetText(src.Published.String())
	f.saidAt.PlaceHolder = "2023-05-15"
	f.saidAt.Validator = func(s string) error { _, err := data.ParseTime(s); return err }

	f.stance = widget.NewRadioGroup([]string{"Supports", "Disputes"}, nil)
	f.stance.Horizontal = true
	f.stance.Required = true
	f.stance.SetSelected("Supports")

	f.hint = wrapped("")
	f.hint.Importance = widget.LowImportance
	var laneNames []string
	for _, l := range doc.lanes {
		laneNames = append(laneNames, l.Name)
	}
	f.lane = widget.NewSelect(laneNames, nil)
	if len(laneNames) > 0 {
		f.lane.SetSelectedIndex(0)
	}
	f.date = widget.NewEntry()
	f.date.SetText(src.Published.String())
	f.date.Validator = f.saidAt.Validator
	f.status = widget.NewSelect([]string{string(data.StatusReported), string(data.StatusConfirmed), string(data.StatusDisputed), string(data.StatusExpected)}, nil)
	f.status.SetSelected(string(data.StatusReported))

	f.event = widget.NewSelectEntry(nil)
	f.event.PlaceHolder = "Type to find an event, or a new title"
	f.event.OnChanged = func(s string) { f.matchEvents(doc, s) }
	if sel := m.timeline.Selected(); sel != 0 {
		if title := doc.itemTitle(sel); title != "" {
			f.event.SetText(title)
		}
	}
	f.matchEvents(doc, f.event.Text)

	items := []*widget.FormItem{
		{Text: "Words", Widget: wrapped("“" + words + "”")},
		{Text: "Speaker", Widget: f.speaker, HintText: "An actor of the document, or a new name"},
		{Text: "Said at", Widget: f.saidAt, HintText: "Defaults to the source's publication date"},
		{Text: "Event", Widget: f.event},
		{Text: "", Widget: f.hint},
		{Text: "The quote", Widget: f.stance},
		{Text: "New event's lane", Widget: f.lane},
		{Text: "New event's date", Widget: f.date},
		{Text: "New event's claim", Widget: f.status},
	}
	d := dialog.NewForm("New quote from selection", "Add quote", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		nq, err := f.request(doc, src.ID, start, end, m.links.actors)
		if err != nil {
			m.showError(err)
			return
		}
		m.addQuote(doc, src, nq)
	}, m.win)
	d.Resize(fyne.NewSize(620, 560))
	d.Show()
}

// usualSpeaker is the name of whoever speaks most of quotes, or "".
func usualSpeaker(quotes []data.QuoteRef) string {
	count := map[string]int{}
	best := ""
	for _, q := range quotes {
		if q.Speaker == "" {
			continue
		}
		count[q.Speaker]++
		if count[q.Speaker] > count[best] {
			best = q.Speaker
		}
	}
	return best
}

// matchEvents offers the events whose titles contain s, and says whether
// the quote will go to an existing event or make a new one.
func (f *quoteForm) matchEvents(doc *document, s string) {
	needle := strings.ToLower(strings.TrimSpace(s))
	clear(f.eventIDs)
	var opts []string
	exact := false
	for i := range doc.items {
		id := doc.items[i].ID
		title := doc.titles[id]
		if title == "" || (needle != "" && !strings.Contains(strings.ToLower(title), needle)) {
			continue
		}
		if _, dup := f.eventIDs[title]; dup {
			continue
		}
		f.eventIDs[title] = id
		exact = exact || title == strings.TrimSpace(s)
		if len(opts) < maxEventMatches {
			opts = append(opts, title)
		}
	}
	f.event.SetOptions(opts)
	for _, w := range []fyne.Disableable{f.lane, f.date, f.status} {
		if exact || strings.TrimSpace(s) == "" {
			w.Disable()
		} else {
			w.Enable()
		}
	}
	switch {
	case strings.TrimSpace(s) == "":
		f.hint.SetText("Choose the event these words speak about, or type a title for a new one.")
	case exact:
		f.hint.SetText("The quote will be linked to this event.")
	default:
		f.hint.SetText("No event has this title: a new event will be made with the lane, date and claim below.")
	}
}

// request builds the store's request from the form, or says what is missing.
func (f *quoteForm) request(doc *document, source int64, start, end int, actors []data.Actor) (data.NewQuote, error) {
	said, err := data.ParseTime(f.saidAt.Text)
	if err != nil {
		return data.NewQuote{}, fmt.Errorf("said at: %w", err)
	}
	nq := data.NewQuote{SourceID: source, StartByte: int64(start), EndByte: int64(end), SaidAt: said,
		Stance: data.StanceSupports, SpeakerName: strings.TrimSpace(f.speaker.Text)}
	if f.stance.Selected == "Disputes" {
		nq.Stance = data.StanceDisputes
	}
	for _, a := range actors {
		if a.Name == nq.SpeakerName {
			nq.SpeakerID = a.ID
		}
	}
	title := strings.TrimSpace(f.event.Text)
	if title == "" {
		return data.NewQuote{}, errors.New("event: choose the event the quote speaks about, or type a title for a new one")
	}
	if id, ok := f.eventIDs[title]; ok {
		nq.EventID = id
		return nq, nil
	}
	when, err := data.ParseTime(f.date.Text)
	if err != nil {
		return data.NewQuote{}, fmt.Errorf("new event's date: %w", err)
	}
	lane := f.lane.SelectedIndex()
	if lane < 0 || lane >= len(doc.lanes) {
		return data.NewQuote{}, errors.New("new event's lane: choose a lane")
	}
	nq.NewEvent = &data.NewEvent{LaneID: doc.lanes[lane].ID, Title: title, Start: when, Status: data.ClaimStatus(f.status.Selected)}
	return nq, nil
}

// addQuote stores nq off the UI goroutine; the highlight appears as soon as
// it is stored. A new event needs the document read again to take its place
// on the timeline; the source is shown again afterwards.
func (m *mainWindow) addQuote(doc *document, src data.Source, nq data.NewQuote) {
	m.setBusy("Adding the quote…", nil)
	go func() {
		ctx, cancel := context.WithCancel(m.life)
		defer cancel()
		qid, err := int64(0), doc.whenVerified(ctx)
		if err == nil {
			qid, _, err = doc.store.AddQuote(ctx, nq)
		}
		var marks []data.QuoteMark
		var actors []data.Actor
		var quotes []data.QuoteRef
		if err == nil {
			marks, err = doc.store.QuoteMarks(ctx)
		}
		if err == nil {
			actors, err = doc.store.Actors(ctx)
		}
		if err == nil {
			quotes, err = doc.store.QuotesOfSource(ctx, src.ID)
		}
		fyne.Do(func() {
			if err == nil {
				doc.counts.Quotes = len(marks)
				doc.counts.Actors = len(actors)
			}
			m.setIdle(m.statusText())
			if err != nil {
				m.showError(err)
			} else if doc == m.doc {
				for _, q := range quotes {
					if q.ID == qid {
						m.source.addQuote(q)
					}
				}
				m.links.all, m.links.actors = marks, actors
				m.showQuotes()
				m.actors.set(actors, m.filter.f.actors)
				if nq.NewEvent != nil {
					m.links.reshow = &[2]int64{src.ID, qid}
					m.reopen("")
				}
			}
			if m.quoteAdded != nil {
				m.quoteAdded(qid, err)
			}
		})
	}()
}

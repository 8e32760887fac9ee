package dialog

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/pane"
	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
)

// maxEventMatches is how many matching event titles the event field offers.
const maxEventMatches = 30

// newQuoteForm is the form that makes a quote of selected words.
type newQuoteForm struct {
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

// NewQuoteFromSelection asks who said the words [start, end) of src, when,
// and which event they speak about, then stores the quote off the UI
// goroutine; the viewer highlights it at once.
func NewQuoteFromSelection(p Parent, src data.Source, start, end int) {
	s := p.Session
	doc := s.Doc()
	if doc == nil {
		return
	}
	if doc.ReadOnly() {
		fynedialog.ShowError(fmt.Errorf("%s is open read-only: save a copy to add quotes", doc.Path()), p.Win)
		return
	}
	words := strings.Join(strings.Fields(src.Text[start:end]), " ")
	f := &newQuoteForm{eventIDs: map[string]int64{}}
	actors := s.Links().Actors
	var names []string
	for _, a := range actors {
		names = append(names, a.Name)
	}
	f.speaker = widget.NewSelectEntry(names)
	f.speaker.PlaceHolder = "Choose or type a name"
	if v := s.Source(); v != nil {
		f.speaker.SetText(usualSpeaker(v.Quotes))
	}

	f.saidAt = widget.NewEntry()
	f.saidAt.SetText(src.Published.String())
	f.saidAt.PlaceHolder = "2023-05-15"
	f.saidAt.Validator = func(s string) error { _, err := data.ParseTime(s); return err }

	f.stance = widget.NewRadioGroup([]string{"Supports", "Disputes"}, nil)
	f.stance.Horizontal = true
	f.stance.Required = true
	f.stance.SetSelected("Supports")

	f.hint = pane.Wrapped("")
	f.hint.Importance = widget.LowImportance
	var laneNames []string
	for _, l := range doc.Lanes() {
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
	if sel := s.Selected(); sel != 0 {
		if title := doc.ItemTitle(sel); title != "" {
			f.event.SetText(title)
		}
	}
	f.matchEvents(doc, f.event.Text)

	items := []*widget.FormItem{
		{Text: "Words", Widget: pane.Wrapped("“" + words + "”")},
		{Text: "Speaker", Widget: f.speaker, HintText: "An actor of the document, or a new name"},
		{Text: "Said at", Widget: f.saidAt, HintText: "Defaults to the source's publication date"},
		{Text: "Event", Widget: f.event},
		{Text: "", Widget: f.hint},
		{Text: "The quote", Widget: f.stance},
		{Text: "New event's lane", Widget: f.lane},
		{Text: "New event's date", Widget: f.date},
		{Text: "New event's claim", Widget: f.status},
	}
	d := fynedialog.NewForm("New quote from selection", "Add quote", "Cancel", items, func(ok bool) {
		if !ok || doc != s.Doc() {
			return
		}
		nq, err := f.request(doc, src.ID, start, end, actors)
		if err != nil {
			fynedialog.ShowError(err, p.Win)
			return
		}
		s.AddQuote(nq)
	}, p.Win)
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
func (f *newQuoteForm) matchEvents(doc *session.Document, s string) {
	needle := strings.ToLower(strings.TrimSpace(s))
	clear(f.eventIDs)
	var opts []string
	exact := false
	for i := range doc.Len() {
		id := doc.Item(i).ID
		title := doc.ItemTitle(id)
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
func (f *newQuoteForm) request(doc *session.Document, source int64, start, end int, actors []data.Actor) (data.NewQuote, error) {
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
	if lane < 0 || lane >= len(doc.Lanes()) {
		return data.NewQuote{}, errors.New("new event's lane: choose a lane")
	}
	nq.NewEvent = &data.NewEvent{LaneID: doc.Lanes()[lane].ID, Title: title, Start: when, Status: data.ClaimStatus(f.status.Selected)}
	return nq, nil
}

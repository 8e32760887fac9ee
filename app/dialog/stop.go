package dialog

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
)

// ShowStopForm asks for stop st's caption and which of its event's quotes,
// if any, its card shows; n is its number. The event's quotes are read
// first, off the UI goroutine.
func ShowStopForm(p Parent, st data.Stop, n int) {
	var quotes []data.QuoteRef
	p.Session.Read(func(ctx context.Context, s *data.Store) error {
		if st.EventID == 0 {
			return nil
		}
		var err error
		if quotes, err = s.QuotesOfEvent(ctx, st.EventID); err != nil {
			return fmt.Errorf("read the stop's quotes: %w", err)
		}
		return nil
	}, func() { stopForm(p, st, n, quotes) })
}

func stopForm(p Parent, st data.Stop, n int, quotes []data.QuoteRef) {
	caption := textArea(st.Caption, "What the audience should take from this stop", 3)
	caption.Validator = func(s string) error {
		if len(s) > data.MaxCaptionBytes {
			return fmt.Errorf("at most %d bytes; this is %d", data.MaxCaptionBytes, len(s))
		}
		return nil
	}
	const none = "No quote card"
	options := []string{none}
	ids := []int64{0}
	chosen := none
	for _, q := range quotes {
		label := fmt.Sprintf("“%s” — %s", session.Shorten(q.Text, 60), q.Speaker)
		options = append(options, label)
		ids = append(ids, q.ID)
		if q.ID == st.QuoteID {
			chosen = label
		}
	}
	quote := widget.NewSelect(options, nil)
	quote.SetSelected(chosen)
	if len(quotes) == 0 {
		quote.Disable()
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Caption", caption),
		{Text: "Quote card", Widget: quote, HintText: "One of the selected event's quotes, shown large when presenting"},
	}
	d := fynedialog.NewForm(fmt.Sprintf("Stop %d", n), "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		st.Caption = caption.Text
		st.QuoteID = ids[max(quote.SelectedIndex(), 0)]
		p.Session.WriteStops("save the stop", func(ctx context.Context, s *data.Store) (int64, error) { return st.ID, s.UpdateStop(ctx, st) })
	}, p.Win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

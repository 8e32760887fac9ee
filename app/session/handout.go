package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline/export"
)

// errNoStops means a handout was asked of a document without stops.
var errNoStops = errors.New("the document has no stops: add some in the Stops tab first")

// WriteHandout writes d's handout to out as a PDF: a page for each
// presentation stop, with the timeline as the stop shows it, its caption and
// quote card, then the sources of the events drawn, with dates written in
// ds. Every title of d must have been read, and its items must not change
// meanwhile. It touches SQLite: not on a UI goroutine; ctx cancels it. out
// is written whole or not at all.
func WriteHandout(ctx context.Context, d *Document, out string, ds data.DateStyle, progress func(float64)) error {
	if err := data.CheckOutput(d.Path(), out); err != nil {
		return err
	}
	views, err := readStopViews(ctx, d.st(), ds)
	if err != nil {
		return fmt.Errorf("read the stops: %w", err)
	}
	if len(views) == 0 {
		return errNoStops
	}
	stops := make([]export.Stop, len(views))
	for i := range views {
		stops[i] = d.handoutStop(&views[i], ds)
	}
	pic := d.picture(0, 1, PictureOptions{}) // each stop gives its own window
	return writeFile(ctx, out, func(w io.Writer, fonts *export.Fonts) error {
		return export.WriteHandout(ctx, w, pic, stops, fonts, progress)
	})
}

// handoutStop is the handout page of stop v: its window, lanes, event,
// caption and card, as present mode shows them.
func (d *Document) handoutStop(v *StopView, ds data.DateStyle) export.Stop {
	lanes := slices.Clone(d.tlLanes)
	for k, l := range d.lanes {
		lanes[k].Collapsed = slices.Contains(v.Stop.HiddenLanes, l.ID)
	}
	c := CardOf(v, ds)
	st := export.Stop{
		From: float64(v.Stop.ViewStart), To: float64(v.Stop.ViewEnd),
		Lanes: lanes, Selected: v.Stop.EventID, Caption: v.Stop.Caption,
		Reference: c.Reference,
	}
	if v.Quote != nil {
		st.Card = &export.Card{Words: Shorten(v.Quote.Text, CardMaxRunes), Attribution: c.Attribution, About: c.About}
	}
	return st
}

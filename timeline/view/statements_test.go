package view

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/quoteline/quoteline/timeline"
)

func TestTimeline_StatementsRowChoosesQuotesAndHides(t *testing.T) {
	tl, _ := newTimeline(t)
	var chosen []int64
	tl.OnQuoteSelected = func(id int64) { chosen = append(chosen, id) }
	tl.SetQuotes([]timeline.QuoteMark{
		{ID: 7, At: t0 + 287*day, Events: []int64{1}, Disputes: []bool{false}},
		{ID: 8, At: t0 + 287*day, Events: []int64{1}, Disputes: []bool{false}},
	})
	tl.SetShowQuotes(true)
	sc := &tl.renderer.scene
	if len(sc.QuoteHits) != 1 {
		t.Fatalf("%d quote marks drawn, want 1", len(sc.QuoteHits))
	}
	h := sc.QuoteHits[0]
	// The mark stands for two quotes said together: taps choose each in turn.
	at := fyne.NewPos(float32(h.X0+h.X1)/2, float32(h.Y0+h.Y1)/2)
	for range 3 {
		test.TapAt(tl, at)
		tl.SelectQuote(chosen[len(chosen)-1])
	}
	if len(chosen) != 3 || chosen[0] != 7 || chosen[1] != 8 || chosen[2] != 7 {
		t.Errorf("tapping the mark three times chose %v, want [7 8 7]", chosen)
	}
	if tl.Selected() != 0 {
		t.Errorf("tapping a quote mark selected event %d", tl.Selected())
	}
	// Items still answer taps below the row.
	test.TapAt(tl, centreOf(t, tl, 2))
	if tl.Selected() != 2 {
		t.Errorf("item 2 not selectable below the statements row")
	}

	tl.SetShowQuotes(false)
	if len(sc.QuoteHits) != 0 {
		t.Errorf("hidden statements row still has %d marks", len(sc.QuoteHits))
	}

	// Marked items are revealed together.
	tl.SetViewport(timeline.NewViewport(t0-400*day, t0-300*day, 800))
	tl.SetMarked([]int64{1, 3})
	tl.RevealAll(tl.Marked())
	tl.stopAnimation() // the test driver has run the animation: its target is where the view is
	vp := tl.Viewport()
	if vp.Start() > t0 || vp.End() < t0+106*day {
		t.Errorf("view %v–%v does not show items 1 and 3", vp.Start(), vp.End())
	}
}

// TestTimeline_SaidRowIsNamedForWhatItShows: the statements row is called
// "Said", not a name a lane may have, and its name's tooltip says what it
// shows.
func TestTimeline_SaidRowIsNamedForWhatItShows(t *testing.T) {
	tl, _ := newTimeline(t)
	tl.SetQuotes([]timeline.QuoteMark{{ID: 7, At: t0 + 40*day, Events: []int64{2}, Disputes: []bool{false}}})
	tl.SetShowQuotes(true)
	r := tl.renderer
	var name string
	for _, p := range r.scene.Prims {
		if p.Kind == timeline.PrimText && p.Bold && p.X == 10 && p.Y < r.scene.Top {
			name = p.Text
		}
	}
	if name != "Said" {
		t.Errorf("the statements row is named %q, want Said", name)
	}
	h := r.scene.SaidName
	tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(h.X0+h.X1)/2, float32(h.Y0+h.Y1)/2)}})
	if !r.tipBox.Visible() || r.tipTitle.Text != "Said" || r.tipDetail.Text != "when each quote was said" {
		t.Errorf("tooltip on the row's name: shown %v, %q, %q", r.tipBox.Visible(), r.tipTitle.Text, r.tipDetail.Text)
	}
	tl.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(400, 390)}})
	if r.tipBox.Visible() {
		t.Error("the row's tooltip stays after the pointer left its name")
	}
}

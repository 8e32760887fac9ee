package pane

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// sampleText has curly quotation marks (three bytes each in UTF-8) before
// and inside the marked spans, and is long enough to wrap.
const sampleText = "A White House official said Monday that Iran and Russia are expanding their \u201cunprecedented\u201d defense partnership.\n" +
	"\u201cSince August, Iran has provided Russia with more than 400 UAVs, primarily of the Shahed variety,\u201d he said. " +
	"He said Iran is seeking \u201cbillions of dollars\u201d worth of equipment."

func markOf(t *testing.T, id int64, words string) TextMark {
	t.Helper()
	i := strings.Index(sampleText, words)
	if i < 0 {
		t.Fatalf("%q not in the sample", words)
	}
	return TextMark{ID: id, Start: i, End: i + len(words)}
}

// drawnMarks returns, per mark id, the text drawn on that mark's background,
// read from the canvas.Text objects the renderer shows.
func drawnMarks(t *testing.T, st *MarkedText) map[int64]string {
	t.Helper()
	r := test.TempWidgetRenderer(t, st).(*markedTextRenderer)
	shown := map[*canvas.Text]bool{}
	for _, o := range r.Objects() {
		if tx, ok := o.(*canvas.Text); ok && tx.Visible() {
			shown[tx] = true
		}
	}
	got := map[int64]string{}
	for i, run := range r.runs {
		if !shown[r.texts[i]] || r.texts[i].Text != sampleText[run.start:run.end] {
			t.Fatalf("run %d (%q) is not what is drawn (%q)", i, sampleText[run.start:run.end], r.texts[i].Text)
		}
		if run.mark != 0 {
			got[run.mark] += r.texts[i].Text
		}
	}
	return got
}

func newSampleText(t *testing.T) (*MarkedText, []TextMark) {
	test.NewTempApp(t)
	marks := []TextMark{
		markOf(t, 1, "unprecedented"),
		markOf(t, 2, "Since August, Iran has provided Russia with more than 400 UAVs, primarily of the Shahed variety"),
		markOf(t, 3, "billions of dollars"),
	}
	st := NewMarkedText()
	st.SetText(sampleText, marks)
	w := test.NewTempWindow(t, st)
	w.Resize(fyne.NewSize(360, 400))
	st.Resize(fyne.NewSize(360, 400))
	return st, marks
}

func TestMarkedText_HighlightsExactlyTheQuotedWords(t *testing.T) {
	st, marks := newSampleText(t)
	if len(st.lines) < 4 {
		t.Fatalf("the text was not wrapped at 360 px: %d lines", len(st.lines))
	}
	got := drawnMarks(t, st)
	for _, m := range marks {
		if want := sampleText[m.Start:m.End]; got[m.ID] != want {
			t.Errorf("mark %d is drawn on %q, want %q", m.ID, got[m.ID], want)
		}
	}
	// Only the marks are highlighted: everything else is drawn plain.
	var plain strings.Builder
	r := st.render
	for i, run := range r.runs {
		if run.mark == 0 {
			plain.WriteString(r.texts[i].Text)
		}
	}
	if strings.Contains(plain.String(), "Shahed variety") || !strings.Contains(plain.String(), "he said") {
		t.Errorf("unmarked text is %q", plain.String())
	}
}

func TestMarkedText_TapOnAHighlightChoosesItsQuote(t *testing.T) {
	st, marks := newSampleText(t)
	var tapped int64
	st.OnMarkTapped = func(id int64) { tapped = id }
	// The middle of the second mark's first run.
	r := st.render
	for i, run := range r.runs {
		if run.mark == marks[1].ID {
			pos := r.texts[i].Position().Add(fyne.NewPos(r.texts[i].Size().Width/2, r.texts[i].Size().Height/2))
			test.TapAt(st, pos)
			break
		}
	}
	if tapped != marks[1].ID {
		t.Errorf("tapping the Since August quote chose %d, want %d", tapped, marks[1].ID)
	}
	tapped = 0
	test.TapAt(st, fyne.NewPos(st.Size().Width-2, st.Size().Height-2)) // below the text
	if tapped != 0 {
		t.Errorf("tapping empty space chose quote %d", tapped)
	}
}

func TestMarkedText_DragSelectsWholeCharacters(t *testing.T) {
	st, _ := newSampleText(t)
	var gotS, gotE int
	st.OnSelectionChanged = func(s, e int) { gotS, gotE = s, e }
	line := st.lines[0]
	pad := float32(8)
	y := pad + st.lineH/2
	// Press at the start of the first line and drag to its middle.
	start := fyne.NewPos(1, y)
	st.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: start}, Button: desktop.MouseButtonPrimary})
	end := fyne.NewPos(st.measure(sampleText[line.start:line.end])/2, y)
	st.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: end}})
	st.DragEnd()
	if gotS != 0 || gotE <= 0 || gotE >= line.end {
		t.Fatalf("selection %d–%d, want from 0 to inside the first line", gotS, gotE)
	}
	// A drag that starts or ends inside a word takes the whole word.
	if s, e := st.wordBounds(strings.Index(sampleText, "ouse official"), strings.Index(sampleText, "fficial said")); sampleText[s:e] != "House official" {
		t.Errorf("wordBounds widened to %q, want %q", sampleText[s:e], "House official")
	}
	// A selection ending inside a curly quote snaps to a character boundary.
	curly := strings.Index(sampleText, "\u201c")
	st.Select(curly, curly+1)
	if s, e := st.Selection(); s != curly || e != curly {
		t.Errorf("Select inside a character gave %d–%d, want %d–%d", s, e, curly, curly)
	}
	st.Select(curly, curly+len("\u201cunprecedented"))
	if s, e := st.Selection(); sampleText[s:e] != "\u201cunprecedented" {
		t.Errorf("selected %q", sampleText[s:e])
	}
	// The selection is drawn on its own background.
	st.Refresh()
	var sel string
	for _, run := range st.render.runs {
		if run.selected {
			sel += sampleText[run.start:run.end]
		}
	}
	if sel != "\u201cunprecedented" {
		t.Errorf("drawn as selected: %q", sel)
	}
}

func TestMarkedText_MarksToCheckAndTheirTooltips(t *testing.T) {
	st, marks := newSampleText(t)
	marks[1].Check, marks[1].Title, marks[1].Detail = true, "John Kirby", "Speaker to check: “he” → John Kirby, the last man named"
	st.SetText(sampleText, marks)
	r := st.render
	var pos fyne.Position
	for i, run := range r.runs {
		if run.mark == marks[1].ID {
			pos = r.texts[i].Position().Add(fyne.NewPos(r.texts[i].Size().Width/2, r.texts[i].Size().Height/2))
			break
		}
	}
	st.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	if title, detail := st.Tip(); title != "John Kirby" || !strings.HasPrefix(detail, "Speaker to check") {
		t.Errorf("tooltip %q, %q", title, detail)
	}
	drawn := r.tip.detail[0].Text + " " + r.tip.detail[1].Text
	if !r.tip.box.Visible() || r.tip.title.Text != "John Kirby" || drawn != marks[1].Detail || !r.tip.detail[1].Visible() {
		t.Errorf("tooltip drawn %v: %q, %q", r.tip.box.Visible(), r.tip.title.Text, drawn)
	}
	if b := r.tip.box; b.Position().X < 0 || b.Position().X+b.Size().Width > st.Size().Width+0.5 {
		t.Errorf("the tooltip at x %v, %v wide, leaves the text %v wide", b.Position().X, b.Size().Width, st.Size().Width)
	}
	// The mark to check is drawn in another colour than the others.
	colours := map[int64]color.Color{}
	for _, o := range r.Objects() {
		rc, ok := o.(*canvas.Rectangle)
		if !ok || !rc.Visible() || rc == r.tip.box {
			continue
		}
		for _, m := range []TextMark{marks[0], marks[1]} {
			if b := st.byteAt(rc.Position().Add(fyne.NewPos(1, 1))); b >= m.Start && b < m.End {
				colours[m.ID] = rc.FillColor
			}
		}
	}
	if colours[marks[0].ID] == nil || colours[marks[0].ID] == colours[marks[1].ID] {
		t.Errorf("marks drawn in %v: the one to check is not told apart", colours)
	}
	st.MouseOut()
	if r.tip.box.Visible() {
		t.Error("the tooltip stays after the pointer left")
	}
}

package pane

import (
	"image/color"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var (
	_ fyne.Widget        = (*sourceText)(nil)
	_ fyne.Tappable      = (*sourceText)(nil)
	_ fyne.Draggable     = (*sourceText)(nil)
	_ desktop.Mouseable  = (*sourceText)(nil)
	_ desktop.Cursorable = (*sourceText)(nil)
)

// textMark is a highlighted span of a source's text: a stored quote.
type textMark struct {
	ID         int64
	Start, End int // byte offsets, half-open
}

// sourceText shows a text wrapped to its width, with marked spans drawn on a
// coloured background and a selection made by dragging the pointer. Fyne's
// Entry can select but not colour spans and its RichText can colour but not
// select; this widget does both, and works in byte offsets into the text
// throughout, as the document stores them.
type sourceText struct {
	widget.BaseWidget

	// OnMarkTapped is called with a mark's id when the user clicks it.
	OnMarkTapped func(id int64)
	// OnSelectionChanged is called when a drag selects text (start < end)
	// or a click clears the selection (start == end).
	OnSelectionChanged func(start, end int)
	// OnHeightChanged is called when wrapping to a new width changes the
	// height the text needs, so that a scroll container can follow.
	OnHeightChanged func()

	text     string
	marks    []textMark // sorted by Start
	active   int64      // the mark drawn as chosen, or 0
	selStart int        // selection anchor
	selEnd   int        // selection end; == selStart when nothing is selected
	dragging bool

	wrapping
	render *sourceTextRenderer
}

// wrapping is the text wrapped into lines, for one width and text size.
type wrapping struct {
	lines []textLine
	wrapW float32 // the width lines were wrapped to
	lineH float32
	size  float32 // text size
	minH  float32
}

// textLine is one wrapped line: bytes [start, end) of the text.
type textLine struct{ start, end int }

func newSourceText() *sourceText {
	t := &sourceText{}
	t.ExtendBaseWidget(t)
	return t
}

// SetText replaces the text and its marks and clears the selection.
func (t *sourceText) SetText(text string, marks []textMark) {
	t.text = text
	t.marks = nil
	for _, m := range marks {
		if m.Start >= 0 && m.End > m.Start && m.End <= len(text) {
			t.marks = append(t.marks, m)
		}
	}
	sort.SliceStable(t.marks, func(i, j int) bool { return t.marks[i].Start < t.marks[j].Start })
	t.selStart, t.selEnd = 0, 0
	t.active = 0
	t.wrapW = -1
	t.Refresh()
}

// SetActive draws mark id as the chosen one (0 for none).
func (t *sourceText) SetActive(id int64) {
	t.active = id
	t.Refresh()
}

// Selection returns the selected byte range, start <= end.
func (t *sourceText) Selection() (start, end int) {
	return min(t.selStart, t.selEnd), max(t.selStart, t.selEnd)
}

// Select selects bytes [start, end), snapped to character boundaries.
func (t *sourceText) Select(start, end int) {
	t.selStart, t.selEnd = t.snap(start), t.snap(end)
	t.Refresh()
}

// YOf returns the top of the line holding byte offset b, as laid out for
// the current width.
func (t *sourceText) YOf(b int) float32 {
	t.wrap(t.Size().Width)
	for i, l := range t.lines {
		if b < l.end || i == len(t.lines)-1 {
			return float32(i) * t.lineH
		}
	}
	return 0
}

// LineHeight returns the height of one line of text.
func (t *sourceText) LineHeight() float32 {
	t.wrap(t.Size().Width)
	return t.lineH
}

// snap moves b back to the start of the character it is in, within the text.
func (t *sourceText) snap(b int) int {
	b = max(0, min(b, len(t.text)))
	for b > 0 && b < len(t.text) && !utf8.RuneStart(t.text[b]) {
		b--
	}
	return b
}

// wordBounds widens [start, end) so that it does not cut a word in two, as
// a drag that starts or ends a letter or two off usually means to.
func (t *sourceText) wordBounds(start, end int) (int, int) {
	if start >= end {
		return start, end
	}
	inWord := func(i int) bool {
		if i <= 0 || i >= len(t.text) {
			return false
		}
		before, _ := utf8.DecodeLastRuneInString(t.text[:i])
		after, _ := utf8.DecodeRuneInString(t.text[i:])
		return isWordRune(before) && isWordRune(after)
	}
	for inWord(start) {
		_, n := utf8.DecodeLastRuneInString(t.text[:start])
		start -= n
	}
	for inWord(end) {
		_, n := utf8.DecodeRuneInString(t.text[end:])
		end += n
	}
	return start, end
}

// isWordRune reports whether r is part of a word: a letter or a digit.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// MinSize is part of fyne.Widget: the height of the text wrapped to the
// widget's current width.
func (t *sourceText) MinSize() fyne.Size {
	t.ExtendBaseWidget(t)
	t.wrap(t.Size().Width)
	return fyne.NewSize(160, t.minH)
}

// measure returns the width of s in the text style.
func (t *sourceText) measure(s string) float32 {
	return fyne.MeasureText(s, t.size, fyne.TextStyle{}).Width
}

// wrap breaks the text into lines no wider than width (a word longer than
// the width gets a line of its own). It does nothing if width has not changed.
func (t *sourceText) wrap(width float32) {
	size := theme.TextSize()
	if width == t.wrapW && size == t.size {
		return
	}
	t.wrapW, t.size = width, size
	t.lineH = fyne.MeasureText("Hg", size, fyne.TextStyle{}).Height + theme.LineSpacing()*2
	avail := width - 2*theme.InnerPadding()
	if avail < 40 {
		avail = 40
	}
	t.lines = t.lines[:0]
	space := t.measure(" ")
	for start := 0; start <= len(t.text); {
		nl := strings.IndexByte(t.text[start:], '\n')
		end := len(t.text)
		if nl >= 0 {
			end = start + nl
		}
		// Greedy word wrap of the paragraph [start, end).
		lineStart, x := start, float32(0)
		for i := start; i < end; {
			j := i
			for j < end && t.text[j] != ' ' {
				j++
			}
			w := t.measure(t.text[i:j])
			if x > 0 && x+w > avail {
				t.lines = append(t.lines, textLine{lineStart, i})
				lineStart, x = i, 0
			}
			x += w
			for j < end && t.text[j] == ' ' {
				x += space
				j++
			}
			i = j
		}
		t.lines = append(t.lines, textLine{lineStart, end})
		if nl < 0 {
			break
		}
		start = end + 1
	}
	t.minH = float32(len(t.lines))*t.lineH + 2*theme.InnerPadding()
}

// byteAt returns the byte offset of the character boundary nearest to pos.
func (t *sourceText) byteAt(pos fyne.Position) int {
	t.wrap(t.Size().Width)
	if len(t.lines) == 0 {
		return 0
	}
	row := int((pos.Y - theme.InnerPadding()) / t.lineH)
	if row < 0 {
		return 0
	}
	if row >= len(t.lines) {
		return len(t.text)
	}
	l := t.lines[row]
	x := pos.X - theme.InnerPadding()
	// Character boundaries of the line, and a binary search for the last
	// one left of x; then the nearer of it and the next.
	var bounds []int
	for i := l.start; i < l.end; {
		bounds = append(bounds, i)
		_, n := utf8.DecodeRuneInString(t.text[i:])
		i += n
	}
	bounds = append(bounds, l.end)
	k := sort.Search(len(bounds), func(k int) bool { return t.measure(t.text[l.start:bounds[k]]) > x })
	if k == 0 {
		return bounds[0]
	}
	if k == len(bounds) {
		return bounds[len(bounds)-1]
	}
	left, right := t.measure(t.text[l.start:bounds[k-1]]), t.measure(t.text[l.start:bounds[k]])
	if x-left <= right-x {
		return bounds[k-1]
	}
	return bounds[k]
}

// markAt returns the innermost mark holding byte b, or 0.
func (t *sourceText) markAt(b int) int64 {
	var id int64
	best := -1
	for _, m := range t.marks {
		if b >= m.Start && b < m.End && (best < 0 || m.End-m.Start < best) {
			id, best = m.ID, m.End-m.Start
		}
	}
	return id
}

// Tapped chooses the mark under the pointer, and clears the selection.
func (t *sourceText) Tapped(ev *fyne.PointEvent) {
	if t.selStart != t.selEnd {
		t.selStart, t.selEnd = 0, 0
		t.Refresh()
		if t.OnSelectionChanged != nil {
			t.OnSelectionChanged(0, 0)
		}
	}
	b := t.byteAt(ev.Position)
	if id := t.markAt(b); id != 0 && t.OnMarkTapped != nil {
		t.OnMarkTapped(id)
	}
}

// MouseDown starts a selection where the pointer is pressed.
func (t *sourceText) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	b := t.byteAt(ev.Position)
	t.selStart, t.selEnd = b, b
}

// MouseUp is part of desktop.Mouseable.
func (t *sourceText) MouseUp(*desktop.MouseEvent) {}

// Dragged extends the selection to the pointer.
func (t *sourceText) Dragged(ev *fyne.DragEvent) {
	t.dragging = true
	t.selEnd = t.byteAt(ev.Position)
	t.Refresh()
}

// DragEnd ends a selection.
func (t *sourceText) DragEnd() {
	if !t.dragging {
		return
	}
	t.dragging = false
	t.selStart, t.selEnd = t.wordBounds(t.Selection())
	t.Refresh()
	if t.OnSelectionChanged != nil {
		s, e := t.Selection()
		t.OnSelectionChanged(s, e)
	}
}

// Cursor shows a text cursor.
func (t *sourceText) Cursor() desktop.Cursor { return desktop.TextCursor }

// CreateRenderer is part of fyne.Widget.
func (t *sourceText) CreateRenderer() fyne.WidgetRenderer {
	r := &sourceTextRenderer{t: t}
	t.render = r
	return r
}

// sourceTextRenderer draws each line as runs of text split where marks and
// the selection begin and end, with a rectangle behind each marked run.
type sourceTextRenderer struct {
	t       *sourceText
	rects   []*canvas.Rectangle
	texts   []*canvas.Text
	objects []fyne.CanvasObject
	runs    []textRun // what was drawn last, for tests
}

// textRun is one drawn piece of a line.
type textRun struct {
	start, end int
	mark       int64 // the mark it is in, or 0
	selected   bool
}

func (r *sourceTextRenderer) Layout(size fyne.Size) {
	old := r.t.minH
	r.t.wrap(size.Width)
	r.draw()
	if r.t.minH != old && r.t.OnHeightChanged != nil {
		r.t.OnHeightChanged()
	}
}

func (r *sourceTextRenderer) MinSize() fyne.Size { return r.t.MinSize() }

func (r *sourceTextRenderer) Refresh() {
	r.t.wrapW = -1 // the theme's text size may have changed
	r.t.wrap(r.t.Size().Width)
	r.draw()
	canvas.Refresh(r.t)
}

func (r *sourceTextRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *sourceTextRenderer) Destroy() {}

// draw updates the canvas objects to show the lines.
func (r *sourceTextRenderer) draw() {
	t := r.t
	th := t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	markBg := withAlpha(th.Color(theme.ColorNamePrimary, v), 0x48)
	activeBg := withAlpha(th.Color(theme.ColorNamePrimary, v), 0x90)
	underline := withAlpha(th.Color(theme.ColorNamePrimary, v), 0xff)
	selBg := withAlpha(th.Color(theme.ColorNameSelection, v), 0xff)
	pad := theme.InnerPadding()
	selS, selE := t.Selection()

	r.runs = r.runs[:0]
	nr, nt := 0, 0
	r.objects = r.objects[:0]
	for row, l := range t.lines {
		// Cut points: the line's ends and every mark or selection edge inside it.
		cuts := []int{l.start, l.end}
		for _, m := range t.marks {
			cuts = append(cuts, m.Start, m.End)
		}
		if selS != selE {
			cuts = append(cuts, selS, selE)
		}
		sort.Ints(cuts)
		y := pad + float32(row)*t.lineH
		prev := -1
		for _, c := range cuts {
			if c <= l.start || c > l.end || c == prev {
				continue
			}
			a := l.start
			if prev >= 0 {
				a = prev
			}
			prev = c
			if a >= c {
				continue
			}
			run := textRun{start: a, end: c, mark: t.markAt(a), selected: selS != selE && a >= selS && c <= selE}
			r.runs = append(r.runs, run)
			x := pad + t.measure(t.text[l.start:a])
			w := t.measure(t.text[a:c])
			if run.mark != 0 || run.selected {
				bg := markBg
				if run.mark == t.active && run.mark != 0 {
					bg = activeBg
				}
				if run.selected {
					bg = selBg
				}
				if nr == len(r.rects) {
					r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
				}
				rc := r.rects[nr]
				nr++
				rc.FillColor = bg
				rc.Move(fyne.NewPos(x, y))
				rc.Resize(fyne.NewSize(w, t.lineH))
				rc.Show()
				rc.Refresh()
				r.objects = append(r.objects, rc)
				if run.mark != 0 && run.mark == t.active && !run.selected {
					// The chosen quote is underlined too, so it stands out
					// from the other highlights in any theme.
					if nr == len(r.rects) {
						r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
					}
					ul := r.rects[nr]
					nr++
					ul.FillColor = underline
					ul.Move(fyne.NewPos(x, y+t.lineH-3))
					ul.Resize(fyne.NewSize(w, 3))
					ul.Show()
					ul.Refresh()
					r.objects = append(r.objects, ul)
				}
			}
			if nt == len(r.texts) {
				r.texts = append(r.texts, canvas.NewText("", fg))
			}
			tx := r.texts[nt]
			nt++
			tx.Text, tx.Color, tx.TextSize = t.text[a:c], fg, t.size
			tx.Move(fyne.NewPos(x, y+theme.LineSpacing()))
			tx.Resize(fyne.NewSize(w, t.lineH))
			tx.Show()
			tx.Refresh()
			r.objects = append(r.objects, tx)
		}
	}
	for _, rc := range r.rects[nr:] {
		rc.Hide()
	}
	for _, tx := range r.texts[nt:] {
		tx.Hide()
	}
}

func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(a) / 255)
	return n
}

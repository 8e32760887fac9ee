package pane

import (
	"image/color"
	"math"
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
	_ fyne.Widget        = (*MarkedText)(nil)
	_ fyne.Tappable      = (*MarkedText)(nil)
	_ fyne.Draggable     = (*MarkedText)(nil)
	_ desktop.Mouseable  = (*MarkedText)(nil)
	_ desktop.Hoverable  = (*MarkedText)(nil)
	_ desktop.Cursorable = (*MarkedText)(nil)
)

// TextMark is a highlighted span of a text: a quote.
type TextMark struct {
	ID         int64
	Start, End int // byte offsets, half-open
	// Check draws it in the warning colour: its speaker is to be checked.
	Check bool
	// Title and Detail are shown in a tooltip while the pointer rests on
	// it (none when Title is ""): who said it, and how that was found.
	Title, Detail string
}

// MarkedText shows a text wrapped to its width, with marked spans drawn on a
// coloured background (a warning colour for those to check), a tooltip for
// the mark under the pointer, and a selection made by dragging the pointer. Fyne's
// Entry can select but not colour spans and its RichText can colour but not
// select; this widget does both, and works in byte offsets into the text
// throughout, as the document stores them.
type MarkedText struct {
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
	marks    []TextMark // sorted by Start
	active   int64      // the mark drawn as chosen, or 0
	selStart int        // selection anchor
	selEnd   int        // selection end; == selStart when nothing is selected
	dragging bool
	hovered  int64         // the mark under the pointer, or 0
	pointer  fyne.Position // where the pointer rests

	wrapping
	render *markedTextRenderer
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

func NewMarkedText() *MarkedText {
	t := &MarkedText{}
	t.ExtendBaseWidget(t)
	return t
}

// SetText replaces the text and its marks and clears the selection.
func (t *MarkedText) SetText(text string, marks []TextMark) {
	t.text = text
	t.marks = nil
	for _, m := range marks {
		if m.Start >= 0 && m.End > m.Start && m.End <= len(text) {
			t.marks = append(t.marks, m)
		}
	}
	sort.SliceStable(t.marks, func(i, j int) bool { return t.marks[i].Start < t.marks[j].Start })
	t.selStart, t.selEnd = 0, 0
	t.active, t.hovered = 0, 0
	t.wrapW = -1
	t.Refresh()
}

// Marks returns the marks shown, by start.
func (t *MarkedText) Marks() []TextMark { return t.marks }

// SetActive draws mark id as the chosen one (0 for none).
func (t *MarkedText) SetActive(id int64) {
	t.active = id
	t.Refresh()
}

// Selection returns the selected byte range, start <= end.
func (t *MarkedText) Selection() (start, end int) {
	return min(t.selStart, t.selEnd), max(t.selStart, t.selEnd)
}

// Select selects bytes [start, end), snapped to character boundaries.
func (t *MarkedText) Select(start, end int) {
	t.selStart, t.selEnd = t.snap(start), t.snap(end)
	t.Refresh()
}

// YOf returns the top of the line holding byte offset b, as laid out for
// the current width.
func (t *MarkedText) YOf(b int) float32 {
	t.wrap(t.Size().Width)
	for i, l := range t.lines {
		if b < l.end || i == len(t.lines)-1 {
			return float32(i) * t.lineH
		}
	}
	return 0
}

// LineHeight returns the height of one line of text.
func (t *MarkedText) LineHeight() float32 {
	t.wrap(t.Size().Width)
	return t.lineH
}

// snap moves b back to the start of the character it is in, within the text.
func (t *MarkedText) snap(b int) int {
	b = max(0, min(b, len(t.text)))
	for b > 0 && b < len(t.text) && !utf8.RuneStart(t.text[b]) {
		b--
	}
	return b
}

// wordBounds widens [start, end) so that it does not cut a word in two, as
// a drag that starts or ends a letter or two off usually means to.
func (t *MarkedText) wordBounds(start, end int) (int, int) {
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
func (t *MarkedText) MinSize() fyne.Size {
	t.ExtendBaseWidget(t)
	t.wrap(t.Size().Width)
	return fyne.NewSize(160, t.minH)
}

// measure returns the width of s in the text style.
func (t *MarkedText) measure(s string) float32 {
	return fyne.MeasureText(s, t.size, fyne.TextStyle{}).Width
}

// wrap breaks the text into lines no wider than width (a word longer than
// the width gets a line of its own). It does nothing if width has not changed.
func (t *MarkedText) wrap(width float32) {
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
func (t *MarkedText) byteAt(pos fyne.Position) int {
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
func (t *MarkedText) markAt(b int) int64 {
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
func (t *MarkedText) Tapped(ev *fyne.PointEvent) {
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
func (t *MarkedText) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	b := t.byteAt(ev.Position)
	t.selStart, t.selEnd = b, b
}

// MouseUp is part of desktop.Mouseable.
func (t *MarkedText) MouseUp(*desktop.MouseEvent) {}

// MouseIn is part of desktop.Hoverable.
func (t *MarkedText) MouseIn(ev *desktop.MouseEvent) { t.MouseMoved(ev) }

// MouseMoved shows the tooltip of the mark under the pointer, if it has one.
func (t *MarkedText) MouseMoved(ev *desktop.MouseEvent) {
	id := int64(0)
	if !t.dragging {
		id = t.markAt(t.byteAt(ev.Position))
	}
	if id != t.hovered || id != 0 {
		t.hovered, t.pointer = id, ev.Position
		t.Refresh()
	}
}

// MouseOut is part of desktop.Hoverable.
func (t *MarkedText) MouseOut() {
	if t.hovered != 0 {
		t.hovered = 0
		t.Refresh()
	}
}

// Tip returns the tooltip shown, title and detail, or "" and "" for none.
func (t *MarkedText) Tip() (title, detail string) {
	for _, m := range t.marks {
		if m.ID == t.hovered && t.hovered != 0 {
			return m.Title, m.Detail
		}
	}
	return "", ""
}

// Dragged extends the selection to the pointer.
func (t *MarkedText) Dragged(ev *fyne.DragEvent) {
	t.dragging, t.hovered = true, 0
	t.selEnd = t.byteAt(ev.Position)
	t.Refresh()
}

// DragEnd ends a selection.
func (t *MarkedText) DragEnd() {
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
func (t *MarkedText) Cursor() desktop.Cursor { return desktop.TextCursor }

// CreateRenderer is part of fyne.Widget.
func (t *MarkedText) CreateRenderer() fyne.WidgetRenderer {
	r := &markedTextRenderer{t: t, tip: textTip{box: canvas.NewRectangle(color.Transparent), title: canvas.NewText("", color.Black)}}
	r.tip.title.TextStyle = fyne.TextStyle{Bold: true}
	for i := range r.tip.detail {
		r.tip.detail[i] = canvas.NewText("", color.Black)
	}
	t.render = r
	return r
}

// markedTextRenderer draws each line as runs of text split where marks and
// the selection begin and end, with a rectangle behind each marked run, and
// the tooltip over them.
type markedTextRenderer struct {
	t       *MarkedText
	rects   []*canvas.Rectangle
	texts   []*canvas.Text
	tip     textTip
	objects []fyne.CanvasObject
	runs    []textRun // what was drawn last, for tests
}

// textTip is the tooltip of the mark under the pointer: a box with a bold
// title and its detail wrapped on up to tipLines lines.
type textTip struct {
	box    *canvas.Rectangle
	title  *canvas.Text
	detail [tipLines]*canvas.Text
}

// tipLines is the most lines of detail a tooltip shows.
const tipLines = 3

// textRun is one drawn piece of a line.
type textRun struct {
	start, end int
	mark       int64 // the mark it is in, or 0
	selected   bool
}

func (r *markedTextRenderer) Layout(size fyne.Size) {
	old := r.t.minH
	r.t.wrap(size.Width)
	r.draw()
	if r.t.minH != old && r.t.OnHeightChanged != nil {
		r.t.OnHeightChanged()
	}
}

func (r *markedTextRenderer) MinSize() fyne.Size { return r.t.MinSize() }

func (r *markedTextRenderer) Refresh() {
	r.t.wrapW = -1 // the theme's text size may have changed
	r.t.wrap(r.t.Size().Width)
	r.draw()
	canvas.Refresh(r.t)
}

func (r *markedTextRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *markedTextRenderer) Destroy() {}

// draw updates the canvas objects to show the lines.
func (r *markedTextRenderer) draw() {
	t := r.t
	th := t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	markBg := withAlpha(th.Color(theme.ColorNamePrimary, v), 0x48)
	checkBg := withAlpha(th.Color(theme.ColorNameWarning, v), 0x60)
	activeCheckBg := withAlpha(th.Color(theme.ColorNameWarning, v), 0xa0)
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
				if t.isCheck(run.mark) {
					bg = checkBg
				}
				if run.mark == t.active && run.mark != 0 {
					bg = activeBg
					if t.isCheck(run.mark) {
						bg = activeCheckBg
					}
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
	r.drawTip(th, v)
}

// isCheck reports whether mark id is one to check.
func (t *MarkedText) isCheck(id int64) bool {
	for _, m := range t.marks {
		if m.ID == id && id != 0 {
			return m.Check
		}
	}
	return false
}

// drawTip shows the hovered mark's tooltip under the pointer's line, kept
// within the widget (its detail wrapped to fit), or hides it.
func (r *markedTextRenderer) drawTip(th fyne.Theme, v fyne.ThemeVariant) {
	tp := &r.tip
	title, detail := r.t.Tip()
	tp.box.Hide()
	tp.title.Hide()
	for _, d := range tp.detail {
		d.Hide()
	}
	if title == "" {
		return
	}
	size := r.t.Size()
	pad := theme.InnerPadding() / 2
	room := max(size.Width-2*pad, 40)
	fg, bg := th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNameOverlayBackground, v)
	tp.title.Text, tp.title.Color, tp.title.TextSize = fitText(title, room, r.t.size, tp.title.TextStyle), fg, r.t.size
	lines := wrapText(detail, room, r.t.size, tipLines)
	w, h := tp.title.MinSize().Width, tp.title.MinSize().Height
	for i, line := range lines {
		d := tp.detail[i]
		d.Text, d.Color, d.TextSize = line, fg, r.t.size
		w = max(w, d.MinSize().Width)
	}
	w += 2 * pad
	lineH := tp.title.MinSize().Height
	h += float32(len(lines))*lineH + 2*pad
	// Whole lines of the text under it are covered, not halves.
	h = float32(math.Ceil(float64(h/r.t.lineH))) * r.t.lineH
	x := max(0, min(r.t.pointer.X+12, size.Width-w))
	row := float32(int((r.t.pointer.Y-theme.InnerPadding())/r.t.lineH)) + 1
	y := theme.InnerPadding() + row*r.t.lineH + 2 // under the pointer's line
	if y+h > size.Height {
		y = max(0, r.t.pointer.Y-h-r.t.lineH)
	}
	tp.box.FillColor, tp.box.StrokeColor, tp.box.StrokeWidth = bg, withAlpha(fg, 0x60), 1
	tp.box.CornerRadius = th.Size(theme.SizeNameInputRadius)
	place := func(o fyne.CanvasObject, pos fyne.Position, s fyne.Size) {
		o.Move(pos)
		o.Resize(s)
		o.Show()
		o.Refresh()
		r.objects = append(r.objects, o)
	}
	place(tp.box, fyne.NewPos(x, y), fyne.NewSize(w, h))
	place(tp.title, fyne.NewPos(x+pad, y+pad), tp.title.MinSize())
	for i := range lines {
		place(tp.detail[i], fyne.NewPos(x+pad, y+pad+float32(i+1)*lineH), tp.detail[i].MinSize())
	}
}

// wrapText breaks s at spaces into lines no wider than width in text of
// size, at most n of them, the last ending in "…" if s does not fit.
func wrapText(s string, width, size float32, n int) []string {
	var lines []string
	words := strings.Fields(s)
	for len(words) > 0 && len(lines) < n {
		line := words[0]
		k := 1
		for ; k < len(words); k++ {
			if fyne.MeasureText(line+" "+words[k], size, fyne.TextStyle{}).Width > width {
				break
			}
			line += " " + words[k]
		}
		words = words[k:]
		if len(lines) == n-1 && len(words) > 0 {
			line += " " + strings.Join(words, " ")
		}
		lines = append(lines, fitText(line, width, size, fyne.TextStyle{}))
	}
	return lines
}

// fitText returns s, or as much of it as fits in width followed by "…".
func fitText(s string, width, size float32, style fyne.TextStyle) string {
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs) // the longest prefix that fits with "…" is rs[:lo]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(rs[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(rs[:lo]) + "…"
}

func withAlpha(c color.Color, a uint8) color.NRGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	n.A = uint8(uint16(n.A) * uint16(a) / 255)
	return n
}

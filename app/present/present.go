// Package present is present mode: the main window goes full screen, the
// editing chrome goes, and the timeline, in large type, moves from stop to
// stop, each stop's caption and quote card below it. Keys and presentation
// clickers step through the stops; every key reaches the presenter
// whatever holds the focus, and Esc always leaves.
package present

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/dialog"
	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/pointer"
	"github.com/quoteline/quoteline/timeline"
	"github.com/quoteline/quoteline/timeline/view"
)

// presentTheme is the app's theme with the text sizes of present mode: at
// 1920×1080 and a UI scale of 1 a quote is drawn at 40 px, a caption at
// 32 px and an attribution at 30 px, readable from five metres; on other
// screens in proportion to their height (factor). It applies to the
// captions and cards below the timeline, which has its own scale.
type presentTheme struct {
	fyne.Theme
	factor float32
}

// The theme sizes present mode's labels use.
const (
	presentQuoteSize   = theme.SizeNameHeadingText
	presentCaptionSize = theme.SizeNameSubHeadingText
	presentTextSize    = theme.SizeNameText
	presentSmallSize   = theme.SizeNameCaptionText
)

// Size is part of fyne.Theme.
func (t *presentTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case presentQuoteSize:
		return 40 * t.factor
	case presentCaptionSize:
		return 32 * t.factor
	case presentTextSize:
		return 30 * t.factor
	case presentSmallSize:
		return 24 * t.factor
	}
	return t.Theme.Size(n)
}

// fitScreen sizes present mode for a window of height h: the sizes above
// are for 1080 pixels; smaller and larger screens scale them, within
// limits that keep text readable and the timeline in view.
func (p *Presenter) fitScreen(h float32) {
	f := min(max(h/1080, 0.7), 1.6)
	if d := f - p.theme.factor; d > -0.01 && d < 0.01 {
		return
	}
	p.theme.factor = f
	p.below.Refresh()
	if p.started {
		p.show(p.at, false) // the timeline's scale depends on the screen
	}
}

// timelineScale is the timeline's scale on this screen when its lanes fit.
func (p *Presenter) timelineScale() float64 {
	return max(float64(presentTimeline*p.theme.factor), 1.1)
}

// screenLayout stacks its objects over the whole window, telling the
// Presenter the window's size first.
type screenLayout struct{ p *Presenter }

// Layout is part of fyne.Layout.
func (l screenLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.p.fitScreen(size.Height)
	layout.NewStackLayout().Layout(objects, size)
}

// MinSize is part of fyne.Layout.
func (l screenLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return layout.NewStackLayout().MinSize(objects)
}

const (
	presentTimeline = 1.7 // timeline sizes relative to the window's
	// Move is how long the camera takes to move between stops: at most
	// 300 ms, so that it reads as one motion.
	Move = 280 * time.Millisecond
	// PointerRest is how long the mouse pointer stays still before it
	// hides from the audience.
	PointerRest = 2 * time.Second
)

// Presenter runs present mode in a window: full screen, the editing
// chrome hidden, the timeline in large type moving from stop to stop, each
// stop's caption and quote card below it.
type Presenter struct {
	s     *session.Session
	win   fyne.Window
	tl    *view.Timeline
	views []session.StopView
	at    int
	saved saved // what present mode replaced

	surface *presentSurface
	card    card
	blank   *canvas.Rectangle
	root    *fyne.Container // the window's content while presenting
	below   *container.ThemeOverride
	theme   *presentTheme
	started bool // the first stop has been shown
	shift   bool // a Shift key is held, for Shift+Space
	pointer restingPointer

	// OnEnd is called once present mode has ended and the window is as it
	// was.
	OnEnd func()
}

// saved is what present mode replaced, put back when it ends.
type saved struct {
	content            fyne.CanvasObject
	menu               *fyne.MainMenu
	fullScreen, padded bool
	viewStart, viewEnd float64
	fitting            timeline.Fitting
	selected           int64
	collapsed          []bool
	// The canvas's own key handlers, which present mode takes over for
	// keys that arrive with nothing focused.
	typedKey       func(*fyne.KeyEvent)
	typedRune      func(rune)
	keyDown, keyUp func(*fyne.KeyEvent)
}

// restingPointer hides the mouse pointer once it has rested PointerRest.
type restingPointer struct {
	timer   *time.Timer
	movedAt time.Time
	hidden  bool // hidden by pointer.Hide, and not moved since
}

// card is what is shown under the timeline: the stop's caption, its quote
// card, the sources and where the presentation is.
type card struct {
	caption, quote, attrib, about, ref, progress *widget.Label
	box                                          *fyne.Container
}

// Start reads the stops of s's document and presents them in win, over
// its timeline tl; with no stops it says how to add some. It returns at
// once: the presenter is passed to started once it has taken the window.
func Start(s *session.Session, win fyne.Window, tl *view.Timeline, started func(p *Presenter)) {
	s.ReadStopViews(func(views []session.StopView) {
		if len(views) == 0 {
			dialog.ShowInfo(win, "Nothing to present yet",
				"This timeline has no stops. Open the Stops tab, move the timeline to what you want to show and choose “Add current view”; each stop you add is one step of the presentation.")
			return
		}
		p := newPresenter(s, win, tl, views)
		p.start()
		if started != nil {
			started(p)
		}
	})
}

func newPresenter(s *session.Session, win fyne.Window, tl *view.Timeline, views []session.StopView) *Presenter {
	p := &Presenter{s: s, win: win, tl: tl, views: views}
	big := func(size fyne.ThemeSizeName, style fyne.TextStyle) *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle = style
		l.SizeName = size
		return l
	}
	c := &p.card
	c.caption = big(presentCaptionSize, fyne.TextStyle{Bold: true})
	c.quote = big(presentQuoteSize, fyne.TextStyle{Italic: true})
	c.attrib = big(presentTextSize, fyne.TextStyle{})
	c.about = big(presentSmallSize, fyne.TextStyle{})
	c.ref = big(presentSmallSize, fyne.TextStyle{})
	c.ref.Wrapping = fyne.TextWrapOff
	c.ref.Truncation = fyne.TextTruncateEllipsis
	c.progress = widget.NewLabel("")
	c.progress.SizeName = presentSmallSize
	c.progress.Alignment = fyne.TextAlignTrailing
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar.SetMinSize(fyne.NewSize(8, 0))
	c.box = container.NewBorder(nil, nil, bar, nil, container.NewVBox(c.quote, c.attrib, c.about))
	p.blank = canvas.NewRectangle(color.Black)
	p.blank.Hide()
	p.surface = newPresentSurface(p)
	return p
}

// start takes over the window and shows the first stop.
func (p *Presenter) start() {
	w, tl, s := p.win, p.tl, p.s
	vp := tl.Viewport()
	p.saved = saved{content: w.Content(), menu: w.MainMenu(), fullScreen: w.FullScreen(), padded: w.Padded(),
		viewStart: vp.Start(), viewEnd: vp.End(), fitting: tl.Fitting(), selected: s.Selected(), collapsed: s.Collapsed()}
	s.SetPresenting(true)

	c := &p.card
	footer := container.NewBorder(nil, nil, nil, c.progress, c.ref)
	p.theme = &presentTheme{Theme: fyne.CurrentApp().Settings().Theme(), factor: 1}
	p.below = container.NewThemeOverride(container.NewVBox(c.caption, c.box, widget.NewSeparator(), footer), p.theme)
	body := container.NewBorder(nil, p.below, nil, nil, tl)
	// The surface lies over everything: whatever is clicked, it is what
	// takes the click, the pointer and the focus.
	p.root = container.New(screenLayout{p}, container.NewPadded(body), p.blank, p.surface)

	w.SetMainMenu(nil)
	w.SetPadded(false) // blanking must black out the whole screen
	w.SetContent(p.root)
	w.SetFullScreen(true)
	p.fitScreen(w.Canvas().Size().Height)
	p.started = true
	tl.SetEditable(false) // presenting shows; it does not edit
	tl.Disable()          // nor select, nor take the focus, nor show tooltips
	p.takeKeys(w.Canvas())
	w.Canvas().Focus(p.surface)
	p.pointer.timer = time.AfterFunc(PointerRest, func() { fyne.Do(p.pointerRested) })
	p.show(0, false)
}

// takeKeys makes the canvas's key handlers present mode's, for keys that
// arrive when nothing has the focus; Stop gives them back.
func (p *Presenter) takeKeys(c fyne.Canvas) {
	p.saved.typedKey, p.saved.typedRune = c.OnTypedKey(), c.OnTypedRune()
	c.SetOnTypedKey(p.typedKey)
	c.SetOnTypedRune(p.typed)
	if dc, ok := c.(desktop.Canvas); ok {
		p.saved.keyDown, p.saved.keyUp = dc.OnKeyDown(), dc.OnKeyUp()
		dc.SetOnKeyDown(p.keyDown)
		dc.SetOnKeyUp(p.keyUp)
	}
}

// giveKeysBack puts back the canvas's key handlers.
func (p *Presenter) giveKeysBack(c fyne.Canvas) {
	c.SetOnTypedKey(p.saved.typedKey)
	c.SetOnTypedRune(p.saved.typedRune)
	if dc, ok := c.(desktop.Canvas); ok {
		dc.SetOnKeyDown(p.saved.keyDown)
		dc.SetOnKeyUp(p.saved.keyUp)
	}
}

// pointerMoved shows the pointer again, and hides it once it has rested.
func (p *Presenter) pointerMoved() {
	p.pointer.hidden = false
	p.pointer.movedAt = time.Now()
	if p.pointer.timer != nil {
		p.pointer.timer.Reset(PointerRest)
	}
}

// pointerRested hides the pointer if it has not moved for PointerRest.
func (p *Presenter) pointerRested() {
	if !p.started || p.pointer.hidden || time.Since(p.pointer.movedAt) < PointerRest*9/10 {
		return // it moved meanwhile: the timer runs again
	}
	p.pointer.hidden = pointer.Hide(p.win)
}

// Stop leaves present mode and puts the window back as it was.
func (p *Presenter) Stop() {
	if !p.started {
		return
	}
	p.started = false
	w, tl, s, sv := p.win, p.tl, p.s, p.saved
	p.pointer.timer.Stop()
	if p.pointer.hidden {
		pointer.Show(w)
		p.pointer.hidden = false
	}
	p.giveKeysBack(w.Canvas())
	tl.Enable()
	tl.SetFitting(sv.fitting)
	tl.SetEditable(s.Editable())
	s.SetCollapsed(sv.collapsed)
	w.SetFullScreen(sv.fullScreen)
	w.SetContent(sv.content)
	w.SetPadded(sv.padded)
	w.SetMainMenu(sv.menu)
	tl.MoveTo(sv.viewStart, sv.viewEnd, 0)
	s.Select(sv.selected)
	w.Canvas().Focus(tl)
	s.SetPresenting(false) // a change made elsewhere meanwhile is read now
	if p.OnEnd != nil {
		p.OnEnd()
	}
}

// At returns the index of the stop shown.
func (p *Presenter) At() int { return p.at }

// show moves to stop i (clamped), animated unless jump.
func (p *Presenter) show(i int, animate bool) {
	i = max(0, min(i, len(p.views)-1))
	p.at = i
	v := &p.views[i]
	tl := p.tl

	d := Move
	if !animate {
		d = 0
	}
	// As large as the screen allows, but with every lane of the stop in view.
	p.s.HideLanesOf(v.Stop) // first: hidden lanes change the height needed
	fit, _ := tl.FitLanes(float64(v.Stop.ViewStart), float64(v.Stop.ViewEnd), 1, p.timelineScale())
	tl.SetFitting(fit)
	ShowStop(p.s, tl, v.Stop, d)

	c := &p.card
	c.caption.SetText(v.Stop.Caption)
	c.caption.Hidden = v.Stop.Caption == ""
	text := session.CardOf(v, p.s.Dates())
	c.quote.SetText(text.Words)
	c.attrib.SetText(text.Attribution)
	c.about.SetText(text.About)
	c.ref.SetText(text.Reference)
	if v.Quote != nil {
		c.box.Show()
	} else {
		c.box.Hide()
	}
	c.progress.SetText(fmt.Sprintf("%d / %d", i+1, len(p.views)))
	c.caption.Refresh()
}

// ShowStop moves timeline tl to stop st over d, selects its event and
// collapses the lanes it hides.
func ShowStop(s *session.Session, tl *view.Timeline, st data.Stop, d time.Duration) {
	if s.Doc() == nil {
		return
	}
	s.HideLanesOf(st)
	tl.MoveTo(float64(st.ViewStart), float64(st.ViewEnd), d)
	s.Select(st.EventID)
}

// next and previous step through the stops; at either end they stay.
func (p *Presenter) next()     { p.step(+1) }
func (p *Presenter) previous() { p.step(-1) }

func (p *Presenter) step(d int) {
	if p.blank.Visible() {
		p.toggleBlank() // the first key after a blank brings the screen back
		return
	}
	if i := p.at + d; i >= 0 && i < len(p.views) {
		p.show(i, true)
	}
}

// toggleBlank blacks the screen out, or brings it back.
func (p *Presenter) toggleBlank() {
	if p.blank.Visible() {
		p.blank.Hide()
	} else {
		p.blank.Show()
	}
	p.root.Refresh() // a canvas object does not redraw itself when shown
}

// unblank brings the screen back if it is blanked.
func (p *Presenter) unblank() {
	if p.blank.Visible() {
		p.toggleBlank()
	}
}

// key carries out a named key in present mode: the keys of a keyboard and
// those presentation clickers send (Page Up/Down; B or a full stop to blank
// the screen arrive through typed).
func (p *Presenter) key(name fyne.KeyName, shift bool) {
	switch name {
	case fyne.KeyPageDown, fyne.KeyRight, fyne.KeyDown, fyne.KeyReturn, fyne.KeyEnter:
		p.next()
	case fyne.KeyPageUp, fyne.KeyLeft, fyne.KeyUp, fyne.KeyBackspace:
		p.previous()
	case fyne.KeySpace:
		if shift {
			p.previous()
		} else {
			p.next()
		}
	case fyne.KeyHome:
		p.unblank()
		p.show(0, true)
	case fyne.KeyEnd:
		p.unblank()
		p.show(len(p.views)-1, true)
	case fyne.KeyEscape, fyne.KeyF5:
		p.Stop()
	}
}

// typedKey carries out a key, with the Shift state keyDown and keyUp follow.
func (p *Presenter) typedKey(ev *fyne.KeyEvent) { p.key(ev.Name, p.shift) }

// keyDown and keyUp follow the Shift keys, for Shift+Space.
func (p *Presenter) keyDown(ev *fyne.KeyEvent) { p.setShift(ev, true) }
func (p *Presenter) keyUp(ev *fyne.KeyEvent)   { p.setShift(ev, false) }

func (p *Presenter) setShift(ev *fyne.KeyEvent, down bool) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		p.shift = down
	}
}

// typed carries out a character key: letters arrive as characters, not
// always as named keys, so they are handled here only.
func (p *Presenter) typed(r rune) {
	switch r {
	case 'b', 'B', '.', 'w', 'W':
		p.toggleBlank()
	case 'n', 'N':
		p.next()
	case 'p', 'P':
		p.previous()
	}
}

// presentSurface lies over the whole screen in present mode: it holds the
// keyboard focus, so keys step through the stops rather than pan; a click
// anywhere moves on (a right click goes back), as in slide shows; it takes
// the pointer, so nothing under it shows a tooltip, and hides the pointer
// once it rests. Shortcuts of the window (undo, redo) do nothing.
type presentSurface struct {
	widget.BaseWidget
	p *Presenter
}

var (
	_ fyne.Focusable         = (*presentSurface)(nil)
	_ fyne.Tappable          = (*presentSurface)(nil)
	_ fyne.SecondaryTappable = (*presentSurface)(nil)
	_ fyne.Shortcutable      = (*presentSurface)(nil)
	_ desktop.Keyable        = (*presentSurface)(nil)
	_ desktop.Hoverable      = (*presentSurface)(nil)
	_ desktop.Cursorable     = (*presentSurface)(nil)
)

func newPresentSurface(p *Presenter) *presentSurface {
	s := &presentSurface{p: p}
	s.ExtendBaseWidget(s)
	return s
}

// CreateRenderer is part of fyne.Widget: the surface draws nothing.
func (s *presentSurface) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(layout.NewSpacer())
}

// Tapped moves to the next stop.
func (s *presentSurface) Tapped(*fyne.PointEvent) { s.p.next() }

// TappedSecondary moves to the previous stop.
func (s *presentSurface) TappedSecondary(*fyne.PointEvent) { s.p.previous() }

// FocusGained is part of fyne.Focusable.
func (s *presentSurface) FocusGained() {}

// FocusLost is part of fyne.Focusable.
func (s *presentSurface) FocusLost() {}

// TypedRune carries out a character key.
func (s *presentSurface) TypedRune(r rune) { s.p.typed(r) }

// TypedKey carries out a key.
func (s *presentSurface) TypedKey(ev *fyne.KeyEvent) { s.p.typedKey(ev) }

// TypedShortcut is part of fyne.Shortcutable: presenting edits nothing.
func (s *presentSurface) TypedShortcut(fyne.Shortcut) {}

// KeyDown tracks Shift, for Shift+Space.
func (s *presentSurface) KeyDown(ev *fyne.KeyEvent) { s.p.keyDown(ev) }

// KeyUp tracks Shift, for Shift+Space.
func (s *presentSurface) KeyUp(ev *fyne.KeyEvent) { s.p.keyUp(ev) }

// MouseIn is part of desktop.Hoverable.
func (s *presentSurface) MouseIn(*desktop.MouseEvent) { s.p.pointerMoved() }

// MouseMoved is part of desktop.Hoverable.
func (s *presentSurface) MouseMoved(*desktop.MouseEvent) { s.p.pointerMoved() }

// MouseOut is part of desktop.Hoverable.
func (s *presentSurface) MouseOut() {}

// Cursor is part of desktop.Cursorable: the driver asks it as the pointer
// moves, before MouseMoved, so a pointer hidden while it rested is hidden
// for the driver at its first move, and shown at the next.
func (s *presentSurface) Cursor() desktop.Cursor {
	if s.p.pointer.hidden {
		return desktop.HiddenCursor
	}
	return desktop.DefaultCursor
}

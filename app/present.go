package app

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
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
func (p *presenter) fitScreen(h float32) {
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
func (p *presenter) timelineScale() float64 {
	return max(float64(presentTimeline*p.theme.factor), 1.1)
}

// screenLayout stacks its objects over the whole window, telling the
// presenter the window's size first.
type screenLayout struct{ p *presenter }

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
	presentTimeline    = 1.7                    // timeline sizes relative to the window's
	presentMove        = 280 * time.Millisecond // camera move between stops, at most 300 ms
	presentCardMaxRune = 400                    // longer quotes are shortened on the card
)

// stopView is a stop with what its card shows, read before presenting.
type stopView struct {
	stop    data.Stop
	event   *data.Event    // nil if none
	quote   *data.QuoteRef // nil if none
	sources []string       // short references of the event's sources, when there is no quote
}

// readStopViews reads the stops of a document with their events, quotes and
// sources. It touches SQLite: not on the UI goroutine.
func readStopViews(ctx context.Context, s *data.Store, ds data.DateStyle) ([]stopView, error) {
	stops, err := s.Stops(ctx)
	if err != nil {
		return nil, err
	}
	views := make([]stopView, len(stops))
	for i, st := range stops {
		v := &views[i]
		v.stop = st
		if st.EventID != 0 {
			ev, err := s.Event(ctx, st.EventID)
			if err != nil && !errors.Is(err, data.ErrNotFound) {
				return nil, fmt.Errorf("stop %d: %w", i+1, err)
			}
			if err == nil {
				v.event = &ev
			}
		}
		if st.QuoteID != 0 {
			q, err := quoteRef(ctx, s, st.QuoteID)
			if err != nil {
				return nil, fmt.Errorf("stop %d: %w", i+1, err)
			}
			v.quote = q
			continue
		}
		if v.event != nil {
			refs, err := s.SourcesOfEvent(ctx, st.EventID)
			if err != nil {
				return nil, fmt.Errorf("stop %d: %w", i+1, err)
			}
			for _, r := range refs {
				v.sources = append(v.sources, shortReference(ds, &r.Source))
			}
			quotes, err := s.QuotesOfEvent(ctx, st.EventID)
			if err != nil {
				return nil, fmt.Errorf("stop %d: %w", i+1, err)
			}
			for _, q := range quotes {
				if ref := shortReference(ds, &q.Source); !contains(v.sources, ref) {
					v.sources = append(v.sources, ref)
				}
			}
		}
	}
	return views, nil
}

// quoteRef reads quote id with its speaker's name and its source.
func quoteRef(ctx context.Context, s *data.Store, id int64) (*data.QuoteRef, error) {
	q, err := s.Quote(ctx, id)
	if err != nil {
		return nil, err
	}
	ref := &data.QuoteRef{Quote: q}
	if ref.Source, err = s.Source(ctx, q.SourceID); err != nil {
		return nil, err
	}
	ref.Source.Text = "" // the card needs the metadata only
	if q.SpeakerID != 0 {
		actors, err := s.Actors(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range actors {
			if a.ID == q.SpeakerID {
				ref.Speaker = a.Name
			}
		}
	}
	return ref, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// shortReference names a source briefly enough to stay on screen: its
// outlet (or else its title, shortened) and its publication date.
func shortReference(st data.DateStyle, s *data.Source) string {
	name := s.Outlet
	if name == "" {
		name = "“" + shorten(s.Title, 70) + "”"
	}
	if s.Published.Precision != 0 {
		name += ", " + st.Format(s.Published)
	}
	return name
}

// shorten cuts s to at most n runes at a word boundary, with an ellipsis.
// It looks at no more of s than it keeps, so a huge text costs no more
// than a short one.
func shorten(s string, n int) string {
	end, count := 0, 0
	for end < len(s) && count < n {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		count++
	}
	if end == len(s) {
		return s
	}
	cut := s[:end]
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

// stopCard is the text of a stop's quote card and of its source line.
type stopCard struct {
	words, attribution, about string // empty without a quote
	reference                 string // "Source: …" or "Sources: …"; empty if none is known
}

// cardOf is what present mode and handouts show for the stop v.
func cardOf(v *stopView, st data.DateStyle) stopCard {
	var c stopCard
	if q := v.quote; q != nil {
		c.words = "“" + shorten(q.Text, presentCardMaxRune) + "”"
		speaker := q.Speaker
		if speaker == "" {
			speaker = "Unknown speaker"
		}
		c.attribution = "— " + speaker + ", " + st.Format(q.SaidAt)
		if v.event != nil {
			c.about = "About: " + v.event.Title
		}
		c.reference = "Source: " + shortReference(st, &q.Source)
		return c
	}
	if len(v.sources) > 0 {
		c.reference = "Sources: " + strings.Join(v.sources, "; ")
	}
	return c
}

// presenter runs present mode in the main window: full screen, the editing
// chrome hidden, the timeline in large type moving from stop to stop, each
// stop's caption and quote card below it.
type presenter struct {
	m     *mainWindow
	views []stopView
	at    int

	// What present mode replaced, put back when it ends.
	content    fyne.CanvasObject
	menu       *fyne.MainMenu
	fullScreen bool
	padded     bool
	viewStart  float64
	viewEnd    float64
	selected   int64
	collapsed  []bool

	surface  *presentSurface
	caption  *widget.Label
	quote    *widget.Label
	attrib   *widget.Label
	about    *widget.Label
	ref      *widget.Label
	progress *widget.Label
	card     *fyne.Container
	blank    *canvas.Rectangle
	root     *fyne.Container // the window's content while presenting
	below    *container.ThemeOverride
	theme    *presentTheme
	started  bool // the first stop has been shown
}

// present enters present mode on the open document's stops.
func (m *mainWindow) present() {
	if m.doc == nil || m.presenting != nil {
		return
	}
	doc, dates := m.doc, m.dates
	m.setBusy("Preparing the presentation…", nil)
	go func() {
		views, err := readStopViews(m.life, doc.store, dates)
		fyne.Do(func() {
			m.setIdle(m.statusText())
			if doc != m.doc || m.presenting != nil {
				return
			}
			switch {
			case err != nil:
				m.showError(fmt.Errorf("read the stops: %w", err))
			case len(views) == 0:
				m.showInfo("Nothing to present yet",
					"This timeline has no stops. Open the Stops tab, move the timeline to what you want to show and choose “Add current view”; each stop you add is one step of the presentation.")
			default:
				m.presenting = newPresenter(m, views)
				m.presenting.start()
			}
		})
	}()
}

func newPresenter(m *mainWindow, views []stopView) *presenter {
	p := &presenter{m: m, views: views}
	big := func(size fyne.ThemeSizeName, style fyne.TextStyle) *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle = style
		l.SizeName = size
		return l
	}
	p.caption = big(presentCaptionSize, fyne.TextStyle{Bold: true})
	p.quote = big(presentQuoteSize, fyne.TextStyle{Italic: true})
	p.attrib = big(presentTextSize, fyne.TextStyle{})
	p.about = big(presentSmallSize, fyne.TextStyle{})
	p.ref = big(presentSmallSize, fyne.TextStyle{})
	p.ref.Wrapping = fyne.TextWrapOff
	p.ref.Truncation = fyne.TextTruncateEllipsis
	p.progress = widget.NewLabel("")
	p.progress.SizeName = presentSmallSize
	p.progress.Alignment = fyne.TextAlignTrailing
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar.SetMinSize(fyne.NewSize(8, 0))
	p.card = container.NewBorder(nil, nil, bar, nil, container.NewVBox(p.quote, p.attrib, p.about))
	p.blank = canvas.NewRectangle(color.Black)
	p.blank.Hide()
	p.surface = newPresentSurface(p)
	return p
}

// start takes over the window and shows the first stop.
func (p *presenter) start() {
	m := p.m
	w := m.win
	p.content, p.menu, p.fullScreen, p.padded = w.Content(), w.MainMenu(), w.FullScreen(), w.Padded()
	vp := m.timeline.Viewport()
	p.viewStart, p.viewEnd, p.selected = vp.Start(), vp.End(), m.timeline.Selected()
	for _, l := range m.doc.tlLanes {
		p.collapsed = append(p.collapsed, l.Collapsed)
	}

	footer := container.NewBorder(nil, nil, nil, p.progress, p.ref)
	p.theme = &presentTheme{Theme: fyne.CurrentApp().Settings().Theme(), factor: 1}
	p.below = container.NewThemeOverride(container.NewVBox(p.caption, p.card, widget.NewSeparator(), footer), p.theme)
	body := container.NewBorder(nil, p.below, nil, nil, container.NewStack(m.timeline, p.surface))
	p.root = container.New(screenLayout{p}, container.NewPadded(body), p.blank)

	w.SetMainMenu(nil)
	w.SetPadded(false) // blanking must black out the whole screen
	w.SetContent(p.root)
	w.SetFullScreen(true)
	p.fitScreen(w.Canvas().Size().Height)
	p.started = true
	m.timeline.SetEditable(false) // presenting shows; it does not edit
	w.Canvas().Focus(p.surface)
	p.show(0, false)
}

// stop leaves present mode and puts the window back as it was.
func (p *presenter) stop() {
	m := p.m
	if m.presenting != p {
		return
	}
	m.presenting = nil
	if m.doc != nil && m.doc.changedElsewhere {
		m.reopen(changedElsewhereNote)
	}
	w := m.win
	m.timeline.SetScale(1)
	m.timeline.SetEditable(m.editable())
	m.setCollapsed(p.collapsed)
	w.SetFullScreen(p.fullScreen)
	w.SetContent(p.content)
	w.SetPadded(p.padded)
	w.SetMainMenu(p.menu)
	m.timeline.MoveTo(p.viewStart, p.viewEnd, 0)
	m.timeline.Select(p.selected)
	w.Canvas().Focus(m.timeline)
}

// show moves to stop i (clamped), animated unless jump.
func (p *presenter) show(i int, animate bool) {
	i = max(0, min(i, len(p.views)-1))
	p.at = i
	v := &p.views[i]
	m := p.m

	d := presentMove
	if !animate {
		d = 0
	}
	// As large as the screen allows, but with every lane of the stop in view.
	m.hideLanesOf(v.stop) // first: hidden lanes change the height needed
	m.timeline.SetScale(m.timeline.ScaleToFit(float64(v.stop.ViewStart), float64(v.stop.ViewEnd), 1, p.timelineScale()))
	m.showStop(v.stop, d)

	p.caption.SetText(v.stop.Caption)
	p.caption.Hidden = v.stop.Caption == ""
	c := cardOf(v, p.m.dates)
	p.quote.SetText(c.words)
	p.attrib.SetText(c.attribution)
	p.about.SetText(c.about)
	p.ref.SetText(c.reference)
	if v.quote != nil {
		p.card.Show()
	} else {
		p.card.Hide()
	}
	p.progress.SetText(fmt.Sprintf("%d / %d", i+1, len(p.views)))
	p.caption.Refresh()
	if m.stopShown != nil {
		m.stopShown(i)
	}
}

// next and previous step through the stops; at either end they stay.
func (p *presenter) next()     { p.step(+1) }
func (p *presenter) previous() { p.step(-1) }

func (p *presenter) step(d int) {
	if p.blank.Visible() {
		p.toggleBlank() // the first key after a blank brings the screen back
		return
	}
	if i := p.at + d; i >= 0 && i < len(p.views) {
		p.show(i, true)
	}
}

// toggleBlank blacks the screen out, or brings it back.
func (p *presenter) toggleBlank() {
	if p.blank.Visible() {
		p.blank.Hide()
	} else {
		p.blank.Show()
	}
	p.root.Refresh() // a canvas object does not redraw itself when shown
}

// unblank brings the screen back if it is blanked.
func (p *presenter) unblank() {
	if p.blank.Visible() {
		p.toggleBlank()
	}
}

// key carries out a named key in present mode: the keys of a keyboard and
// those presentation clickers send (Page Up/Down; B or a full stop to blank
// the screen arrive through typed).
func (p *presenter) key(name fyne.KeyName, shift bool) {
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
		p.stop()
	}
}

// typed carries out a character key: letters arrive as characters, not
// always as named keys, so they are handled here only.
func (p *presenter) typed(r rune) {
	switch r {
	case 'b', 'B', '.', 'w', 'W':
		p.toggleBlank()
	case 'n', 'N':
		p.next()
	case 'p', 'P':
		p.previous()
	}
}

// presentSurface lies over the timeline in present mode: it holds the
// keyboard focus, so keys step through the stops rather than pan, and a
// click moves on (a right click goes back), as in slide shows.
type presentSurface struct {
	widget.BaseWidget
	p     *presenter
	shift bool
}

var (
	_ fyne.Focusable         = (*presentSurface)(nil)
	_ fyne.Tappable          = (*presentSurface)(nil)
	_ fyne.SecondaryTappable = (*presentSurface)(nil)
	_ desktop.Keyable        = (*presentSurface)(nil)
)

func newPresentSurface(p *presenter) *presentSurface {
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
func (s *presentSurface) TypedKey(ev *fyne.KeyEvent) { s.p.key(ev.Name, s.shift) }

// KeyDown tracks Shift, for Shift+Space.
func (s *presentSurface) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		s.shift = true
	}
}

// KeyUp tracks Shift, for Shift+Space.
func (s *presentSurface) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		s.shift = false
	}
}

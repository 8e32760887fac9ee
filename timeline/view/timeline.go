// Package view is the Fyne widget that shows a timeline: it draws the Scene
// the timeline core builds for the current viewport, and turns input (wheel,
// drag, keys, taps, hover) into viewport changes and selection.
package view

import (
	"image/color"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/timeline"
)

var (
	_ fyne.Widget         = (*Timeline)(nil)
	_ fyne.Scrollable     = (*Timeline)(nil)
	_ fyne.Draggable      = (*Timeline)(nil)
	_ fyne.Tappable       = (*Timeline)(nil)
	_ fyne.DoubleTappable = (*Timeline)(nil)
	_ fyne.Focusable      = (*Timeline)(nil)
	_ fyne.Disableable    = (*Timeline)(nil)
	_ desktop.Hoverable   = (*Timeline)(nil)
	_ desktop.Cursorable  = (*Timeline)(nil)
)

// Zoom and pan steps.
const (
	wheelNotch   = 25.0 // scroll delta of one mouse-wheel notch on desktop drivers
	notchZoom    = 1.25 // zoom factor per wheel notch
	keyZoom      = 1.5  // zoom factor per +/- key press or button
	keyPanFrac   = 0.15 // fraction of the width an arrow key pans
	keyScroll    = 40   // pixels an up or down arrow scrolls the lanes
	animDuration = 180 * time.Millisecond
)

// Timeline is a zoomable, pannable timeline of events in lanes.
// Set its data with SetData; all methods must be called on the UI goroutine.
// A disabled timeline (Disable) only shows: it takes no input.
type Timeline struct {
	widget.DisableableWidget
	Callbacks

	shown    // what is drawn
	pointing // what the pointer and the keyboard are doing

	vp         timeline.Viewport
	fitted     bool
	anim       *fyne.Animation
	animTarget timeline.Viewport
	fit        timeline.Fitting // sizes relative to the theme's
	laneFit    *laneFit         // the window the lanes were fitted to the height for
	zone       *time.Location   // the clock of the axis's times of day; nil: UTC
	selected   int64
	readOnly   bool          // events cannot be dragged
	work       time.Duration // building scenes and filling rasters, since New
	renderer   *renderer     // set by CreateRenderer; the scene last drawn is its
}

// Callbacks are what a Timeline tells its owner, and asks of it. Any may
// be nil.
type Callbacks struct {
	// OnSelected is called when the user selects an event (id) or clears the selection (0).
	OnSelected func(id int64)
	// OnViewChanged is called after the visible time window changed.
	OnViewChanged func(vp timeline.Viewport)
	// Tooltip returns the lines shown when the pointer rests on event id.
	// When nil the event's title is shown.
	Tooltip func(id int64) (title, detail string)
	// OnOtherKey is called with the keys the timeline does not use itself
	// while it has the focus (such as F5), so the window can act on them.
	OnOtherKey func(ev *fyne.KeyEvent)

	// OnQuoteSelected is called when the user clicks a mark in the
	// statements row, with the id of the first quote it stands for.
	OnQuoteSelected func(id int64)
	// OnPeriodSelected is called when the user clicks a period's name in
	// the strip under the axis (id, the timeline.Period's ID), or clears
	// the selection of one (0). Without it periods cannot be selected.
	OnPeriodSelected func(id int64)
	// PeriodTooltip returns the lines shown when the pointer rests on the
	// name of period id. When nil its title is shown.
	PeriodTooltip func(id int64) (title, detail string)

	// OnMoved is called when the user has dragged event id by dt seconds,
	// to the lane with index lane (its own if it was not dragged to
	// another). Without it events are not moved.
	OnMoved func(id int64, dt float64, lane int)
	// OnResized is called when the user has dragged an end of range id,
	// with the times it would now start and end (the first moment after
	// it). Without it ranges are not resized.
	OnResized func(id int64, start, end float64)
	// OnUntitled is called, each time the timeline is drawn with items
	// that have no title among the events' titles, with those items: the
	// ones in view first, then those a short pan brings in (see
	// timeline.Scene.Untitled). A large document reads their titles.
	OnUntitled func(ids []int64)

	// Precision returns the units event id's start and end are known to
	// (for a point, both its start's): a dragged end snaps to its unit, a
	// whole event to the coarser, or to the unit the zoom suggests if that
	// is coarser still. When nil the zoom alone decides.
	Precision func(id int64) (start, end timeline.Unit)
}

// shown is the data a Timeline draws.
type shown struct {
	lanes   []timeline.Lane
	events  timeline.Events
	index   *timeline.Index
	summary *timeline.Summary // while the items are read: what is drawn instead of them
	lo, hi  float64           // extent of the data
	hasData bool

	marked         []int64
	quotes         []timeline.QuoteMark
	showQuotes     bool
	selectedQuote  int64
	selectedPeriod int64
}

// pointing is what the pointer and the keyboard are doing on a Timeline.
type pointing struct {
	hovered   int64
	hoverPer  int64 // the period whose name is under the pointer, when no event is
	hoverSaid bool  // the pointer rests on the statements row's name
	hoverGrab timeline.Grab
	pointer   fyne.Position
	focused   bool
	scrollY   float64   // lanes scrolled up under the axis, in pixels
	drag      *itemDrag // the event being dragged, if one is
	panning   bool      // a drag that pans is going on
}

// laneFit is the time window FitAll fitted the lanes to the height for:
// while the view shows it, a change of height, or of what the lanes hold,
// fits them again.
type laneFit struct {
	start, end float64
	height     float32 // the widget's height they were fitted to
	content    float64 // the scene's height once fitted; -1: not built yet
}

// minFitText is the smallest text, in pixels, FitAll draws the lanes with
// to fit them all in the height; when they need smaller it keeps the
// usual sizes and the lanes scroll.
const minFitText = timeline.MinReadableText

// New returns an empty timeline.
func New() *Timeline {
	t := &Timeline{vp: timeline.NewViewport(0, 86400*365, 800), fit: timeline.Fitting{Scale: 1}}
	t.ExtendBaseWidget(t)
	return t
}

// SetData replaces the lanes and events shown. Their items must be sorted by
// Start. index must index them over len(lanes) lanes; nil builds it here,
// which for large documents belongs on another goroutine (timeline.NewIndex).
// The first time data arrives the view fits it. The maps of ev may be
// changed afterwards on the UI goroutine (titles fetched, search matches),
// followed by Refresh.
func (t *Timeline) SetData(lanes []timeline.Lane, ev timeline.Events, index *timeline.Index) {
	if index == nil || index.Lanes() != len(lanes) {
		index = timeline.NewIndex(ev.Items, ev.Earliest, len(lanes))
	}
	t.summary = nil
	t.setData(lanes, ev, index, len(ev.Items) > 0, func() (float64, float64, bool) {
		if lo, hi, ok := index.Extent(); ok {
			return lo, hi, true
		}
		// No item in a lane shown.
		lo, hi := math.Inf(1), math.Inf(-1)
		for i := range ev.Items {
			l, h := ev.Extent(&ev.Items[i])
			lo, hi = math.Min(lo, l), math.Max(hi, h)
		}
		return lo, hi, lo <= hi
	})
}

// SetPreview shows lanes, with the periods of ev, drawn from sum, a
// summary of their items, while the items are read: every lane with items
// in view is drawn as density, and nothing can be pointed at or dragged.
// SetData then shows the items in the same view.
func (t *Timeline) SetPreview(lanes []timeline.Lane, ev timeline.Events, sum *timeline.Summary) {
	ev.Items, ev.Earliest = nil, nil
	t.summary = sum
	t.setData(lanes, ev, timeline.NewIndex(nil, nil, len(lanes)), sum.Len() > 0, sum.Extent)
}

// setData shows lanes and ev through index; items says there are items,
// whose extent is given by extent.
func (t *Timeline) setData(lanes []timeline.Lane, ev timeline.Events, index *timeline.Index, items bool, extent func() (lo, hi float64, ok bool)) {
	t.lanes, t.events, t.index = lanes, ev, index
	t.hovered, t.hoverPer = 0, 0 // ids belong to the previous data
	t.hasData = items || len(ev.Periods) > 0
	if t.hasData {
		var ok bool
		if t.lo, t.hi, ok = extent(); !ok {
			t.lo, t.hi = math.Inf(1), math.Inf(-1)
		}
		for _, p := range ev.Periods {
			t.lo, t.hi = math.Min(t.lo, p.Start), math.Max(t.hi, p.End)
		}
		// Allow looking well around the data, but not getting lost far from it.
		pad := math.Max(t.hi-t.lo, 2*365*86400)
		t.vp.SetLimits(t.lo-pad, t.hi+pad)
	} else {
		t.vp.SetLimits(timeline.MinTime, timeline.MaxTime)
	}
	if !t.fitted && t.hasData {
		t.fitted = true
		t.vp.Fit(t.lo, t.hi, timeline.FitMargin)
		t.fitLanes(t.vp)
	}
	t.viewChanged()
}

// Work returns the time spent so far on this timeline's own frame work:
// building scenes, updating canvas objects and filling density rasters. The
// GPU's drawing is not included. Benchmarks read it before and after a change.
func (t *Timeline) Work() time.Duration { return t.work }

// addWork adds the time since start to Work.
func (t *Timeline) addWork(start time.Time) { t.work += time.Since(start) }

// Extent returns the earliest and latest times of the data, with ok false
// when there is none.
func (t *Timeline) Extent() (lo, hi float64, ok bool) { return t.lo, t.hi, t.hasData }

// SetZone shows times of day on the axis, and in what a drag says, on
// zone's clock (nil: UTC).
func (t *Timeline) SetZone(zone *time.Location) {
	t.zone = zone
	t.Refresh()
}

// Events returns the events shown.
func (t *Timeline) Events() timeline.Events { return t.events }

// Index returns the index of the data shown.
func (t *Timeline) Index() *timeline.Index { return t.index }

// Viewport returns the visible time window.
func (t *Timeline) Viewport() timeline.Viewport { return t.vp }

// SetViewport shows the window of vp, keeping the current width.
func (t *Timeline) SetViewport(vp timeline.Viewport) {
	t.stopAnimation()
	t.vp.Fit(vp.Start(), vp.End(), 0)
	t.viewChanged()
}

// SetScale draws text, rows and marks scale times their usual size (1 is
// normal), with the usual spacing.
func (t *Timeline) SetScale(scale float64) {
	if scale > 0 {
		t.SetFitting(timeline.Fitting{Scale: scale})
	}
}

// SetFitting draws the timeline at the sizes f gives, for presenting on a
// projector (FitLanes says which fit).
func (t *Timeline) SetFitting(f timeline.Fitting) {
	if !(f.Scale > 0) {
		f.Scale = 1
	}
	t.laneFit = nil
	if f == t.fit {
		return
	}
	t.fit = f
	t.Refresh()
}

// Fitting returns the sizes the timeline is drawn at.
func (t *Timeline) Fitting() timeline.Fitting { return t.fit }

// Scale returns the size scale the timeline is drawn at.
func (t *Timeline) Scale() float64 { return t.fit.Scale }

// FitLanes returns the roomiest sizes, from scale hi down to lo, at which
// the lanes showing the window [start, end] fit the widget's height
// without scrolling (timeline.FitHeight), and whether they do. Before the
// widget is drawn it returns hi.
func (t *Timeline) FitLanes(start, end, lo, hi float64) (timeline.Fitting, bool) {
	r := t.renderer
	if r == nil || r.size.Height <= 0 || !(lo > 0) || hi < lo {
		return timeline.Fitting{Scale: hi}, false
	}
	vp := t.vp
	vp.Fit(start, end, 0)
	return timeline.FitHeight(r.baseMetrics, lo, hi, float64(r.size.Height), func(m timeline.Metrics) float64 {
		return r.contentHeight(vp, m)
	})
}

// fitLanes fits every lane showing target's window to the height, with
// text no smaller than minFitText, if they can fit so; else the lanes keep
// their usual sizes and scroll. While the view shows that window, the
// lanes are fitted again when the height or what they hold changes (the
// quotes' row arrives, titles are read): see refitLanes.
func (t *Timeline) fitLanes(target timeline.Viewport) {
	t.laneFit = &laneFit{start: target.Start(), end: target.End(), content: -1}
	t.scrollY = 0
	if r := t.renderer; r != nil && r.size.Height > 0 {
		t.fitLanesNow(target)
	}
}

// fitLanesNow chooses the sizes at which the lanes of target's window fit
// the widget's height.
func (t *Timeline) fitLanesNow(target timeline.Viewport) {
	r := t.renderer
	f, ok := t.FitLanes(target.Start(), target.End(), minFitText/r.baseMetrics.TextSize, 1)
	if !ok {
		f = timeline.Fitting{Scale: 1}
	}
	t.laneFit.height = r.size.Height
	if f != t.fit {
		t.fit = f
		r.applyTheme()
	}
}

// refitLanes fits the lanes again if the view shows the window they were
// fitted for and the widget's height, or the height of the scene last
// built (content), has changed since; it reports whether it did.
func (t *Timeline) refitLanes(content float64) bool {
	lf, r := t.laneFit, t.renderer
	if lf == nil || t.anim != nil || r.size.Height <= 0 || (lf.height == r.size.Height && lf.content == content) {
		return false
	}
	tol := t.vp.Span() * 1e-6
	if math.Abs(t.vp.Start()-lf.start) > tol || math.Abs(t.vp.End()-lf.end) > tol {
		return false
	}
	t.fitLanesNow(t.vp)
	return true
}

// ItemBox returns where event id is drawn and takes the pointer, if it is
// drawn, as the timeline last drew it.
func (t *Timeline) ItemBox(id int64) (timeline.Hit, bool) {
	if t.renderer == nil {
		return timeline.Hit{}, false
	}
	return t.renderer.scene.HitBox(id)
}

// LaneBox returns where lane l's band is drawn, if it is, as the timeline
// last drew it.
func (t *Timeline) LaneBox(l int) (timeline.LaneBox, bool) {
	if t.renderer == nil || l < 0 || l >= len(t.renderer.scene.Lanes) {
		return timeline.LaneBox{}, false
	}
	return t.renderer.scene.Lanes[l], true
}

// Selected returns the selected event, or 0.
func (t *Timeline) Selected() int64 { return t.selected }

// Select selects event id (0 clears) without calling OnSelected.
func (t *Timeline) Select(id int64) {
	if t.selected == id {
		return
	}
	t.selected = id
	t.Refresh()
}

// SelectedPeriod returns the selected period's ID, or 0.
func (t *Timeline) SelectedPeriod() int64 { return t.selectedPeriod }

// SelectPeriod selects the period with ID id (0 clears) without calling
// OnPeriodSelected.
func (t *Timeline) SelectPeriod(id int64) {
	if t.selectedPeriod == id {
		return
	}
	t.selectedPeriod = id
	t.Refresh()
}

// SetMarked draws items ids with a halo (nil clears).
func (t *Timeline) SetMarked(ids []int64) {
	t.marked = ids
	t.Refresh()
}

// Marked returns the items drawn with a halo.
func (t *Timeline) Marked() []int64 { return t.marked }

// SetQuotes sets the quotes of the statements row, sorted by At.
func (t *Timeline) SetQuotes(q []timeline.QuoteMark) {
	t.quotes = q
	t.Refresh()
}

// SetShowQuotes shows or hides the statements row.
func (t *Timeline) SetShowQuotes(show bool) {
	t.showQuotes = show
	t.Refresh()
}

// ShowQuotes reports whether the statements row is shown.
func (t *Timeline) ShowQuotes() bool { return t.showQuotes }

// SelectQuote draws quote id's mark in the statements row as chosen (0 clears).
func (t *Timeline) SelectQuote(id int64) {
	t.selectedQuote = id
	t.Refresh()
}

// RevealAll brings every item of ids into view together, zooming out if
// need be, animated.
func (t *Timeline) RevealAll(ids []int64) {
	s, e := math.Inf(1), math.Inf(-1)
	for _, id := range ids {
		if it, ok := t.events.Item(id); ok {
			lo, hi := t.events.Extent(&it)
			s, e = math.Min(s, lo), math.Max(e, hi)
		}
	}
	if s <= e {
		t.RevealTimes(s, e)
	}
}

// RevealTimes brings the times from s to e into view, zooming out if need
// be, animated.
func (t *Timeline) RevealTimes(s, e float64) {
	if !(s <= e) || (s >= t.vp.Start() && e <= t.vp.End()) {
		return
	}
	target := t.vp
	if e-s < t.vp.Span()*0.8 {
		mid := (s + e) / 2
		target.Fit(mid-t.vp.Span()/2, mid+t.vp.Span()/2, 0)
	} else {
		target.Fit(s, e, 0.1)
	}
	t.animateTo(target)
}

// ZoomIn zooms in about the centre, animated.
func (t *Timeline) ZoomIn() { t.zoomAnimated(t.vp.Width()/2, keyZoom) }

// ZoomOut zooms out about the centre, animated.
func (t *Timeline) ZoomOut() { t.zoomAnimated(t.vp.Width()/2, 1/keyZoom) }

// FitAll shows all events, animated, and every lane with them when they
// fit the height at a readable size.
func (t *Timeline) FitAll() {
	if !t.hasData {
		return
	}
	target := t.vp
	target.Fit(t.lo, t.hi, timeline.FitMargin)
	t.fitLanes(target)
	t.animateTo(target)
}

// Reveal brings event id into view, zooming out if need be, animated.
func (t *Timeline) Reveal(id int64) { t.RevealAll([]int64{id}) }

// CreateRenderer is part of fyne.Widget.
func (t *Timeline) CreateRenderer() fyne.WidgetRenderer {
	r := &renderer{t: t}
	t.renderer = r
	r.raster = canvas.NewRaster(r.paintScene)
	r.raster.ScaleMode = canvas.ImageScalePixels // drawn pixel for pixel: no filtering to pay for
	r.focus = canvas.NewRectangle(color.Transparent)
	r.tipBox = canvas.NewRectangle(color.Transparent)
	r.tipTitle = canvas.NewText("", color.Black)
	r.tipTitle.TextStyle.Bold = true
	r.tipDetail = canvas.NewText("", color.Black)
	r.newGhost()
	r.applyTheme()
	return r
}

// MinSize is part of fyne.Widget.
func (t *Timeline) MinSize() fyne.Size {
	t.ExtendBaseWidget(t)
	return fyne.NewSize(320, 200)
}

// Disable makes the timeline only show what it is given, as present mode
// wants: it takes no focus (Fyne does not focus a disabled widget) and
// ignores the pointer and the keyboard, so a click selects nothing, the
// pointer raises no tooltip and nothing pans or drags. A drag under way is
// cancelled. Enable gives the timeline its input back.
func (t *Timeline) Disable() {
	if t.drag != nil {
		t.cancelDrag()
	}
	t.panning = false
	t.hovered, t.hoverPer, t.hoverSaid, t.hoverGrab = 0, 0, false, timeline.GrabNone
	t.DisableableWidget.Disable()
}

// Scrolled zooms about the pointer on vertical scroll and pans on horizontal scroll.
func (t *Timeline) Scrolled(ev *fyne.ScrollEvent) {
	if t.Disabled() {
		return
	}
	t.stopAnimation()
	if dy := float64(ev.Scrolled.DY); dy != 0 {
		t.vp.ZoomAt(float64(ev.Position.X), math.Pow(notchZoom, dy/wheelNotch))
	}
	if dx := float64(ev.Scrolled.DX); dx != 0 {
		t.vp.Pan(dx)
	}
	t.pointer = ev.Position
	t.viewChanged()
}

// Tapped selects the event under the pointer, or clears the selection.
func (t *Timeline) Tapped(ev *fyne.PointEvent) {
	if t.Disabled() {
		return // a tap the driver held back for the double-tap time, say
	}
	t.requestFocus()
	if t.renderer != nil && t.OnQuoteSelected != nil {
		if lo, hi, ok := t.renderer.scene.QuoteGroupAt(float64(ev.Position.X), float64(ev.Position.Y)); ok && hi <= len(t.quotes) {
			// A mark for several quotes chooses them in turn.
			next := lo
			for k := lo; k < hi; k++ {
				if t.quotes[k].ID == t.selectedQuote {
					next = lo + (k-lo+1)%(hi-lo)
				}
			}
			t.OnQuoteSelected(t.quotes[next].ID)
			return
		}
	}
	if id := t.periodAt(ev.Position); id != 0 {
		t.setSelectedPeriod(id)
		return
	}
	t.setSelectedPeriod(0)
	t.setSelected(t.hitTest(ev.Position))
}

// setSelectedPeriod selects period id (0 clears) and tells the owner.
func (t *Timeline) setSelectedPeriod(id int64) {
	if id == t.selectedPeriod || t.OnPeriodSelected == nil {
		return
	}
	t.selectedPeriod = id
	t.Refresh()
	t.OnPeriodSelected(id)
}

// periodAt returns the ID of the period named under pos, if periods can be
// selected, or 0.
func (t *Timeline) periodAt(pos fyne.Position) int64 {
	if t.renderer == nil || t.OnPeriodSelected == nil {
		return 0
	}
	id, _, _ := t.renderer.scene.PeriodHitTest(float64(pos.X), float64(pos.Y))
	return id
}

// DoubleTapped zooms to the event under the pointer.
func (t *Timeline) DoubleTapped(ev *fyne.PointEvent) {
	if t.Disabled() {
		return
	}
	id := t.hitTest(ev.Position)
	it, ok := t.events.Item(id)
	if !ok {
		t.zoomAnimated(float64(ev.Position.X), keyZoom*keyZoom)
		return
	}
	t.setSelected(id)
	s, e := t.events.Extent(&it)
	if e-s < 86400 {
		// An event known to the minute, the second or the millisecond:
		// six times the period it is known to, so that its neighbours
		// show at the same scale.
		mid, half := (s+e)/2, 3*math.Max(e-s, 0.001)
		s, e = mid-half, mid+half
	}
	target := t.vp
	target.Fit(s, e, 0.15)
	t.animateTo(target)
}

// MouseIn is part of desktop.Hoverable.
func (t *Timeline) MouseIn(ev *desktop.MouseEvent) { t.MouseMoved(ev) }

// MouseMoved tracks the event under the pointer for its tooltip, and the
// part of it a drag would take hold of.
func (t *Timeline) MouseMoved(ev *desktop.MouseEvent) {
	if t.Disabled() {
		return
	}
	t.pointer = ev.Position
	var id int64
	id, t.hoverGrab = t.grabAt(ev.Position)
	period := int64(0)
	if id == 0 {
		period = t.periodAt(ev.Position)
	}
	said := id == 0 && period == 0 && t.overSaidName(ev.Position)
	if id != t.hovered || id != 0 || period != t.hoverPer || period != 0 || said != t.hoverSaid {
		t.hovered, t.hoverPer, t.hoverSaid = id, period, said
		t.Refresh()
	}
}

// overSaidName reports whether pos is on the statements row's name, which
// has a tooltip saying what the row shows.
func (t *Timeline) overSaidName(pos fyne.Position) bool {
	if t.renderer == nil {
		return false
	}
	h := t.renderer.scene.SaidName
	x, y := float64(pos.X), float64(pos.Y)
	return h.X1 > h.X0 && x >= h.X0-4 && x <= h.X1+4 && y >= h.Y0-4 && y <= h.Y1+4
}

// MouseOut is part of desktop.Hoverable.
func (t *Timeline) MouseOut() {
	if t.hovered != 0 || t.hoverPer != 0 || t.hoverSaid {
		t.hovered, t.hoverPer, t.hoverSaid = 0, 0, false
		t.Refresh()
	}
}

// Cursor shows a pointing hand over events, and a resizing one over the
// ends of ranges that can be dragged.
func (t *Timeline) Cursor() desktop.Cursor {
	grab := t.hoverGrab
	if t.drag != nil {
		grab = t.drag.grab
	}
	if grab == timeline.GrabStart || grab == timeline.GrabEnd {
		return desktop.HResizeCursor
	}
	if t.hovered != 0 || t.hoverPer != 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// FocusGained is part of fyne.Focusable.
func (t *Timeline) FocusGained() { t.focused = true; t.Refresh() }

// FocusLost is part of fyne.Focusable.
func (t *Timeline) FocusLost() { t.focused = false; t.Refresh() }

// TypedRune handles + and - (zoom), f (fit all) and 0 (reset to all).
func (t *Timeline) TypedRune(r rune) {
	if t.Disabled() {
		return
	}
	switch r {
	case '+', '=':
		t.ZoomIn()
	case '-', '_':
		t.ZoomOut()
	case 'f', 'F', '0':
		t.FitAll()
	}
}

// TypedKey handles left and right arrows (pan), up and down arrows (scroll
// the lanes), Home and End (go to the first or last event) and Escape
// (cancel dragging an event, or else clear the selection).
func (t *Timeline) TypedKey(ev *fyne.KeyEvent) {
	if t.Disabled() {
		return
	}
	w := t.vp.Width()
	switch ev.Name {
	case fyne.KeyLeft:
		t.panAnimated(w * keyPanFrac)
	case fyne.KeyRight:
		t.panAnimated(-w * keyPanFrac)
	case fyne.KeyHome:
		if t.hasData {
			target := t.vp
			target.Fit(t.lo-t.vp.Span()*timeline.FitMargin, t.lo+t.vp.Span()*(1-timeline.FitMargin), 0)
			t.animateTo(target)
		}
	case fyne.KeyEnd:
		if t.hasData {
			target := t.vp
			target.Fit(t.hi-t.vp.Span()*(1-timeline.FitMargin), t.hi+t.vp.Span()*timeline.FitMargin, 0)
			t.animateTo(target)
		}
	case fyne.KeyUp:
		t.scrollY -= keyScroll
		t.Refresh()
	case fyne.KeyDown:
		t.scrollY += keyScroll
		t.Refresh()
	case fyne.KeyEscape:
		if t.drag != nil {
			t.cancelDrag()
			return
		}
		t.setSelectedPeriod(0)
		t.setSelected(0)
	default:
		if t.OnOtherKey != nil {
			t.OnOtherKey(ev)
		}
	}
	// + and - arrive as runes too (TypedRune), keypad ones included.
}

func (t *Timeline) setSelected(id int64) {
	if id == t.selected {
		return
	}
	t.selected = id
	t.Refresh()
	if t.OnSelected != nil {
		t.OnSelected(id)
	}
}

// requestFocus gives the timeline the keyboard.
func (t *Timeline) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(t); c != nil {
		c.Focus(t)
	}
}

// hitTest finds the event under pos in the scene last drawn.
func (t *Timeline) hitTest(pos fyne.Position) int64 {
	if t.renderer == nil {
		return 0
	}
	return t.renderer.scene.HitTest(float64(pos.X), float64(pos.Y))
}

// grabAt finds the event under pos in the scene last drawn, and the part
// of it a drag would take hold of: an end of a range only if it can be
// resized.
func (t *Timeline) grabAt(pos fyne.Position) (int64, timeline.Grab) {
	if t.renderer == nil {
		return 0, timeline.GrabNone
	}
	h, grab := t.renderer.scene.GrabAt(float64(pos.X), float64(pos.Y), edgeGrab)
	if (grab == timeline.GrabStart || grab == timeline.GrabEnd) && (t.readOnly || !t.canDrag(grab)) {
		grab = timeline.GrabBody
	}
	return h.ID, grab
}

func (t *Timeline) zoomAnimated(x, factor float64) {
	target := t.vp
	if t.anim != nil {
		target = t.animTarget
	}
	target.ZoomAt(x, factor)
	t.animateTo(target)
}

func (t *Timeline) panAnimated(dx float64) {
	target := t.vp
	if t.anim != nil {
		target = t.animTarget
	}
	target.Pan(dx)
	t.animateTo(target)
}

// viewChanged redraws after the view moved, by the user or by a program
// (a camera move between stops, a reveal). The content has moved under the
// pointer, so any tooltip goes until the pointer moves again: otherwise it
// would go on naming an event that is no longer under it, or in view.
func (t *Timeline) viewChanged() {
	t.hovered, t.hoverPer = 0, 0
	t.Refresh()
	if t.OnViewChanged != nil {
		t.OnViewChanged(t.vp)
	}
}

// animateTo moves the view to target with a short eased animation.
func (t *Timeline) animateTo(target timeline.Viewport) {
	t.animate(target, animDuration, fyne.AnimationEaseOut)
}

// MoveTo moves the view to show [start, end] in an eased camera move lasting
// d: a zoom about the point the two windows share, as between the stops of
// a presentation. d of zero jumps.
func (t *Timeline) MoveTo(start, end float64, d time.Duration) {
	target := t.vp
	target.Fit(start, end, 0)
	if d <= 0 {
		t.stopAnimation()
		t.vp = target
		t.viewChanged()
		return
	}
	t.animate(target, d, func(p float32) float32 { return float32(timeline.EaseInOut(float64(p))) })
}

// animate moves the view to target over d along curve.
func (t *Timeline) animate(target timeline.Viewport, d time.Duration, curve fyne.AnimationCurve) {
	t.stopAnimation()
	from := t.vp
	t.animTarget = target
	t.anim = fyne.NewAnimation(d, func(p float32) {
		if p >= 1 {
			t.vp.Fit(target.Start(), target.End(), 0)
			t.anim = nil
		} else {
			start, span := timeline.Tween(from, target, float64(p))
			t.vp.Fit(start, start+span, 0)
		}
		t.viewChanged()
	})
	t.anim.Curve = curve
	t.anim.Start()
}

func (t *Timeline) stopAnimation() {
	if t.anim != nil {
		t.anim.Stop()
		t.anim = nil
	}
}

package view

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/quoteline/quoteline/timeline"
)

// Dragging events.
const (
	dragSlop   = 4.0  // pixels the pointer moves before a drag on an event moves it
	edgeGrab   = 5.0  // pixels either side of a bar's end that take hold of that end
	snapPixels = 10.0 // dragged times snap to the finest unit at least this wide
)

// itemDrag is an event being dragged: what was taken hold of, and where it
// would go if the pointer were let go now.
type itemDrag struct {
	item      timeline.Item
	grab      timeline.Grab
	y         float64       // middle of its row when the drag began
	from      fyne.Position // where the pointer was pressed
	active    bool          // the pointer has moved further than dragSlop
	cancelled bool          // Escape was pressed: the rest of the drag does nothing
	minUnit   timeline.Unit // what the part grabbed is known to

	unit       timeline.Unit // what the times snap to
	start, end float64       // where it would go
	lane       int
	at         fyne.Position // the pointer
}

// SetEditable lets events be dragged to other times and lanes, or not (for
// a document open read-only). Timelines are editable when made.
func (t *Timeline) SetEditable(editable bool) {
	t.readOnly = !editable
	if t.readOnly && t.drag != nil {
		t.cancelDrag()
	}
	t.hoverGrab = timeline.GrabNone
}

// Editable reports whether events can be dragged.
func (t *Timeline) Editable() bool { return !t.readOnly }

// Dragged moves the event the drag began on, or resizes a range by the end
// it began on; a drag that began elsewhere pans the timeline with the
// pointer: sideways in time, up and down through lanes taller than the view.
func (t *Timeline) Dragged(ev *fyne.DragEvent) {
	if t.Disabled() {
		return
	}
	if t.drag == nil && !t.panning {
		t.stopAnimation()
		// The driver reports where the pointer is and how far it has
		// moved since it was pressed.
		t.startDrag(ev.Position.Subtract(ev.Dragged))
	}
	if t.drag != nil {
		t.dragTo(ev.Position)
		return
	}
	t.vp.Pan(float64(ev.Dragged.DX))
	t.scrollY -= float64(ev.Dragged.DY)
	t.viewChanged()
}

// DragEnd reports where the dragged event went. A drag too short to move
// it counts as a click on it, which selects it.
func (t *Timeline) DragEnd() {
	d := t.drag
	t.drag, t.panning = nil, false
	if d == nil {
		return
	}
	t.Refresh()
	id := d.item.ID
	switch {
	case d.cancelled:
	case !d.active:
		t.setSelected(id)
	case d.grab == timeline.GrabBody:
		if d.start != d.item.Start || d.lane != int(d.item.Lane) {
			t.OnMoved(id, d.start-d.item.Start, d.lane)
		}
	case d.start != d.item.Start || d.end != d.item.End:
		t.OnResized(id, d.start, d.end)
	}
}

// startDrag decides what a drag from pos does: move or resize the event
// there, if it may be, or else pan.
func (t *Timeline) startDrag(pos fyne.Position) {
	t.panning = true
	if t.readOnly || t.renderer == nil {
		return
	}
	h, grab := t.renderer.scene.GrabAt(float64(pos.X), float64(pos.Y), edgeGrab)
	if !t.canDrag(grab) || h.Item >= len(t.events.Items) || t.events.Items[h.Item].ID != h.ID {
		return
	}
	d := &itemDrag{item: t.events.Items[h.Item], grab: grab, y: (h.Y0 + h.Y1) / 2, from: pos, minUnit: timeline.Second}
	if t.Precision != nil {
		start, end := t.Precision(h.ID)
		switch grab {
		case timeline.GrabStart:
			d.minUnit = start
		case timeline.GrabEnd:
			d.minUnit = end
		default:
			d.minUnit = max(start, end)
		}
	}
	d.start, d.end, d.lane, d.at = d.item.Start, d.item.End, int(d.item.Lane), pos
	t.drag, t.panning = d, false
	t.requestFocus() // for Escape
}

// canDrag reports whether a drag that takes hold of grab changes anything.
func (t *Timeline) canDrag(grab timeline.Grab) bool {
	switch grab {
	case timeline.GrabBody:
		return t.OnMoved != nil
	case timeline.GrabStart, timeline.GrabEnd:
		return t.OnResized != nil
	}
	return false
}

// dragTo works out where the dragged event would go with the pointer at
// pos and draws its ghost there. Nothing else is drawn again.
func (t *Timeline) dragTo(pos fyne.Position) {
	d := t.drag
	if d.cancelled {
		return
	}
	d.at = pos
	dx, dy := float64(pos.X-d.from.X), float64(pos.Y-d.from.Y)
	if !d.active {
		if math.Hypot(dx, dy) < dragSlop {
			return
		}
		d.active = true
		t.hovered, t.hoverPer = 0, 0 // no tooltip or hover ring while dragging
		t.Refresh()
	}
	d.unit = max(timeline.SnapUnit(t.vp, snapPixels), d.minUnit)
	d.start, d.end = timeline.DragTimes(d.item.Start, d.item.End, dx*t.vp.SecondsPerPixel(), d.grab, d.unit)
	d.lane = int(d.item.Lane)
	if d.grab == timeline.GrabBody {
		if l, ok := t.renderer.scene.LaneAt(float64(pos.Y)); ok {
			d.lane = l
		}
	}
	t.renderer.layoutOverlay(true)
}

// cancelDrag leaves the dragged event where it was.
func (t *Timeline) cancelDrag() {
	t.drag.cancelled = true
	t.Refresh()
}

// dragText says where the dragged event would go: its new dates, and what
// is being done to it.
func (t *Timeline) dragText(d *itemDrag) (title, detail string) {
	name := t.events.Titles[d.item.ID]
	if name == "" {
		name = "the event"
	} else {
		name = "“" + name + "”"
	}
	title = timeline.SpanLabel(d.start, d.end, d.unit, t.zone)
	switch {
	case d.grab == timeline.GrabStart:
		detail = "New start of " + name
	case d.grab == timeline.GrabEnd:
		detail = "New end of " + name
	case d.lane != int(d.item.Lane) && d.lane < len(t.lanes):
		detail = "Move " + name + " to " + t.lanes[d.lane].Name
	default:
		detail = "Move " + name
	}
	return title, detail
}

// newGhost makes the objects the dragged event's ghost is drawn with.
func (r *renderer) newGhost() {
	r.ghostBar = canvas.NewRectangle(color.Transparent)
	r.ghostMark = canvas.NewPolygon(4, color.Transparent)
	r.ghostLine = canvas.NewLine(color.Transparent)
	r.ghostText = canvas.NewText("", color.Black)
	r.ghostBack = canvas.NewRectangle(color.Transparent)
	r.hideGhost()
}

// hideGhost hides the dragged event's ghost.
func (r *renderer) hideGhost() {
	r.ghostBar.Hide()
	r.ghostMark.Hide()
	r.ghostLine.Hide()
	r.ghostText.Hide()
	r.ghostBack.Hide()
}

// layoutOverlay shows what is drawn over the scene: the ghost of an event
// being dragged with its new dates beside the pointer, or else the hovered
// event's tooltip. With refresh the objects are refreshed one by one, for a
// change made without drawing the scene again.
func (r *renderer) layoutOverlay(refresh bool) {
	t := r.t
	d := t.drag
	if d == nil || !d.active || d.cancelled {
		r.hideGhost()
		r.layoutTooltip(t.hovered, t.hoverPer, t.pointer)
	} else {
		r.layoutGhost(d)
		title, detail := t.dragText(d)
		r.showTip(title, detail, d.at)
	}
	if refresh {
		r.refreshOverlay()
	}
}

// refreshOverlay refreshes what is drawn over the scene, object by object.
func (r *renderer) refreshOverlay() {
	for _, o := range []fyne.CanvasObject{r.ghostBar, r.ghostMark, r.ghostLine, r.ghostBack, r.ghostText, r.tipBox, r.tipTitle, r.tipDetail} {
		o.Refresh()
	}
}

// layoutGhost draws the dragged event where it would go: in the lane it
// would go to, at its new times, with a line down the time being dragged.
func (r *renderer) layoutGhost(d *itemDrag) {
	t, m := r.t, r.metrics
	lane := color.NRGBA{0x80, 0x80, 0x80, 0xff}
	if d.lane < len(t.lanes) {
		lane = t.lanes[d.lane].Color
	}
	y := d.y
	if d.lane != int(d.item.Lane) && d.lane < len(r.scene.Lanes) {
		box := r.scene.Lanes[d.lane]
		y = box.Y + m.LaneHeader + m.RowHeight/2 // its first row
		if box.Collapsed {
			y = box.Y + m.LaneHeader/2
		}
	}
	x0, x1 := t.vp.X(d.start), t.vp.X(d.end)
	guide := x0
	if d.grab == timeline.GrabEnd {
		guide = x1
	}
	w := float64(r.size.Width)
	clip := func(x float64) float64 { return min(max(x, -8), w+8) } // a sane size for a ghost off the edge
	x0, x1 = clip(min(x0, x1)), clip(max(x0, x1))
	fill := lane
	fill.A = 0xe0 // the lane shows through a little
	half := 0.0   // of the marker
	if d.item.Range {
		r.ghostMark.Hide()
		r.ghostBar.FillColor, r.ghostBar.StrokeColor = fill, r.palette.Selection
		r.ghostBar.StrokeWidth, r.ghostBar.CornerRadius = 2, 3
		r.ghostBar.Move(fyne.NewPos(float32(x0), float32(y-m.BarHeight/2)))
		r.ghostBar.Resize(fyne.NewSize(float32(max(x1-x0, 2)), float32(m.BarHeight)))
		r.ghostBar.Show()
	} else {
		r.ghostBar.Hide()
		s := m.MarkerSize + 2
		half = s / 2
		r.ghostMark.FillColor, r.ghostMark.StrokeColor, r.ghostMark.StrokeWidth = fill, r.palette.Selection, 2
		r.ghostMark.Move(fyne.NewPos(float32(x0-half), float32(y-half)))
		r.ghostMark.Resize(fyne.NewSize(float32(s), float32(s)))
		r.ghostMark.Show()
	}

	// The title: inside a bar it fits in, else beside the ghost (after
	// it, or before it near the right edge) on a patch of background, so
	// that it reads over whatever is drawn there.
	title := t.events.Titles[d.item.ID]
	tw, th := r.text.measure(title, m.TextSize, false)
	tx, ty := x0+m.LabelGap, y-th/2
	r.ghostText.Color = timeline.TextOn(fill, r.palette)
	r.ghostBack.Hide()
	if !d.item.Range || tw+2*m.LabelGap > x1-x0 {
		tx = x1 + half + m.LabelGap
		if tx+tw > w {
			tx = x0 - half - m.LabelGap - tw
		}
		r.ghostText.Color = r.palette.Text
		back := r.palette.Background
		back.A = 0xe8
		r.ghostBack.FillColor = back
		r.ghostBack.CornerRadius = 3
		r.ghostBack.Move(fyne.NewPos(float32(tx-3), float32(ty-1)))
		r.ghostBack.Resize(fyne.NewSize(float32(tw+6), float32(th+2)))
		r.ghostBack.Show()
	}
	r.ghostText.Text, r.ghostText.TextSize = title, float32(m.TextSize)
	r.ghostText.Move(fyne.NewPos(float32(tx), float32(ty)))
	r.ghostText.Resize(fyne.NewSize(float32(tw)+2, float32(th)))
	r.ghostText.Show()
	r.ghostLine.StrokeColor, r.ghostLine.StrokeWidth = r.palette.Selection, 1
	r.ghostLine.Position1 = fyne.NewPos(float32(guide), float32(r.scene.Top))
	r.ghostLine.Position2 = fyne.NewPos(float32(guide), r.size.Height)
	r.ghostLine.Show()
}

package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
)

// Preferences of how dates and times are written.
const (
	dateOrderKey = "dateOrder" // a data.DateOrder
	timeZoneKey  = "timeZone"  // "" or "UTC", "Local" for the computer's, or an IANA name
)

// localZone is the time zone preference that follows the computer's.
const localZone = "Local"

// zoneOf reads a time zone preference: nil for UTC.
func zoneOf(name string) (*time.Location, error) {
	switch name = strings.TrimSpace(name); name {
	case "", "UTC":
		return nil, nil
	case localZone:
		return time.Local, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("time zone %q is not known: give a name such as Europe/Berlin or America/New_York", name)
	}
	return loc, nil
}

// dateStyleOf reads the date style from the preferences. A value that is
// not understood (written by hand, or by a later version) counts as unset.
func dateStyleOf(p fyne.Preferences) data.DateStyle {
	st := data.DateStyle{Order: data.DateOrder(p.String(dateOrderKey))}
	if !st.Order.Valid() {
		st.Order = data.DayMonthYear
	}
	if zone, err := zoneOf(p.String(timeZoneKey)); err == nil {
		st.Zone = zone
	}
	return st
}

// followDateStyle applies the date style preferences to the window now and
// whenever they change, in any window.
func (m *mainWindow) followDateStyle() {
	m.applyDateStyle()
	m.app.Preferences().AddChangeListener(func() {
		if m.life.Err() == nil { // the window is open
			m.applyDateStyle()
		}
	})
}

// applyDateStyle writes dates in the preferred style everywhere the window
// shows them, if it has changed.
func (m *mainWindow) applyDateStyle() {
	st := dateStyleOf(m.app.Preferences())
	if st.Order == m.dates.Order && st.Zone.String() == m.dates.Zone.String() { // a nil zone is "UTC"
		return
	}
	m.dates = st
	m.timeline.SetZone(st.Zone)
	m.span.SetText(visibleRange(st, m.timeline.Viewport()))
	m.list.table.Refresh()
	if m.search.box.Visible() {
		m.search.list.Refresh()
	}
	if m.doc == nil {
		return
	}
	if sel := m.timeline.Selected(); sel != 0 {
		m.selectEvent(sel) // its details again, in the new style
	}
	m.stops.list.Refresh()
}

// zoneChoices are the time zones offered first, besides the computer's.
var zoneChoices = []string{"UTC", "Europe/London", "Europe/Berlin", "Europe/Kyiv", "Europe/Moscow", "Asia/Tehran",
	"Asia/Kolkata", "Asia/Tokyo", "America/New_York", "America/Chicago", "America/Los_Angeles", "Australia/Sydney"}

// showDateStyleDialog asks how dates are written and which clock times of
// day are shown on (View ▸ Dates and Times…).
func (m *mainWindow) showDateStyleDialog() *dateStyleForm {
	p := m.app.Preferences()
	cur := dateStyleOf(p)
	sample := data.Time{Unix: time.Date(2023, 5, 15, 14, 30, 0, 0, time.UTC).Unix(), Precision: data.PrecisionMinute}
	sampleDay := data.Time{Unix: sample.Unix, Precision: data.PrecisionDay}

	orderLabels := make([]string, len(data.DateOrders))
	for i, o := range data.DateOrders {
		orderLabels[i] = data.DateStyle{Order: o}.Format(sampleDay)
	}
	order := widget.NewRadioGroup(orderLabels, nil)
	order.Horizontal = true
	if i := slices.Index(data.DateOrders, cur.Order); i >= 0 {
		order.SetSelected(orderLabels[i])
	}

	local := "This computer's (" + time.Local.String() + ")"
	zone := widget.NewSelectEntry(append([]string{local}, zoneChoices...))
	saved := p.String(timeZoneKey)
	switch saved {
	case "":
		zone.SetText("UTC")
	case localZone:
		zone.SetText(local)
	default:
		zone.SetText(saved)
	}
	zoneName := func() string {
		if strings.TrimSpace(zone.Text) == local {
			return localZone
		}
		return strings.TrimSpace(zone.Text)
	}
	preview := widget.NewLabel("")
	preview.Wrapping = fyne.TextWrapWord
	zone.Validator = func(string) error { _, err := zoneOf(zoneName()); return err }
	chosenOrder := func() data.DateOrder {
		if i := slices.Index(orderLabels, order.Selected); i >= 0 {
			return data.DateOrders[i]
		}
		return data.DayMonthYear
	}
	update := func() {
		st := data.DateStyle{Order: chosenOrder()}
		z, err := zoneOf(zoneName())
		if err != nil {
			preview.SetText(err.Error())
			return
		}
		st.Zone = z
		preview.SetText("A time said at 14:30 UTC on 15 May 2023 reads " + st.Format(sample) +
			". Dates without a time of day are not moved by the zone.")
	}
	order.OnChanged = func(string) { update() }
	zone.OnChanged = func(string) { update() }
	update()

	items := []*widget.FormItem{
		{Text: "Dates", Widget: order},
		{Text: "Times of day in", Widget: zone, HintText: "A zone such as Europe/Berlin, or UTC"},
		{Text: "", Widget: preview},
	}
	d := dialog.NewForm("Dates and Times", "Apply", "Cancel", items, func(ok bool) {
		m.win.Canvas().Focus(m.timeline)
		if !ok {
			return
		}
		if order.Selected != "" {
			p.SetString(dateOrderKey, string(chosenOrder()))
		}
		name := zoneName()
		if name == "UTC" {
			name = ""
		}
		p.SetString(timeZoneKey, name) // every window follows (see followDateStyle)
	}, m.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	return &dateStyleForm{order: order, zone: zone, preview: preview, dialog: d}
}

// dateStyleForm is the dialog's fields, for tests.
type dateStyleForm struct {
	order   *widget.RadioGroup
	zone    *widget.SelectEntry
	preview *widget.Label
	dialog  *dialog.FormDialog
}

package dialog

import (
	"fmt"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // time zones for the preferences, on machines without them

	"fyne.io/fyne/v2"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
)

// Preferences of how dates and times are written.
const (
	DateOrderKey = "dateOrder" // a data.DateOrder
	TimeZoneKey  = "timeZone"  // "" or "UTC", "Local" for the computer's, or an IANA name
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

// DateStyleOf reads the date style from the preferences. A value that is
// not understood (written by hand, or by a later version) counts as unset.
func DateStyleOf(p fyne.Preferences) data.DateStyle {
	st := data.DateStyle{Order: data.DateOrder(p.String(DateOrderKey))}
	if !st.Order.Valid() {
		st.Order = data.DayMonthYear
	}
	if zone, err := zoneOf(p.String(TimeZoneKey)); err == nil {
		st.Zone = zone
	}
	return st
}

// zoneChoices are the time zones offered first, besides the computer's.
var zoneChoices = []string{"UTC", "Europe/London", "Europe/Berlin", "Europe/Kyiv", "Europe/Moscow", "Asia/Tehran",
	"Asia/Kolkata", "Asia/Tokyo", "America/New_York", "America/Chicago", "America/Los_Angeles", "Australia/Sydney"}

// ShowDateStyle asks how dates are written and which clock times of day
// are shown on (View ▸ Dates and Times…), and keeps the answer in prefs,
// which every window follows.
func ShowDateStyle(p Parent, prefs fyne.Preferences) { dateStyleDialog(p, prefs) }

func dateStyleDialog(parent Parent, p fyne.Preferences) *dateStyleForm {
	cur := DateStyleOf(p)
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
	saved := p.String(TimeZoneKey)
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
	d := fynedialog.NewForm("Dates and Times", "Apply", "Cancel", items, func(ok bool) {
		parent.refocus()
		if !ok {
			return
		}
		if order.Selected != "" {
			p.SetString(DateOrderKey, string(chosenOrder()))
		}
		name := zoneName()
		if name == "UTC" {
			name = ""
		}
		p.SetString(TimeZoneKey, name) // every window follows
	}, parent.Win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	return &dateStyleForm{order: order, zone: zone, preview: preview, dialog: d}
}

// dateStyleForm is the dialog's fields.
type dateStyleForm struct {
	order   *widget.RadioGroup
	zone    *widget.SelectEntry
	preview *widget.Label
	dialog  *fynedialog.FormDialog
}

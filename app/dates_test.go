package app

import (
	"strings"
	"testing"

	"github.com/quoteline/quoteline/data"
)

func TestMainWindow_DateStyleFollowsThePreferences(t *testing.T) {
	m, _ := openExample(t)
	a := m.app
	other := newMainWindow(a, Options{Version: "test"}) // a second window, with no document
	defer other.win.Close()

	// An event on 15 May 2023, as the tooltip writes it.
	var may15 int64
	for _, it := range m.doc.items {
		if _, when := m.tooltip(it.ID); strings.HasPrefix(when, "15 May 2023 ·") {
			may15 = it.ID
		}
	}
	if may15 == 0 {
		t.Fatal("no event on 15 May 2023 in the default timeline")
	}

	f := m.showDateStyleDialog()
	f.order.SetSelected("May 15, 2023")
	f.zone.SetText("Mars/Olympus Mons")
	if f.zone.Validate() == nil || !strings.Contains(f.preview.Text, "not known") {
		t.Errorf("an unknown zone: validation %v, preview %q", f.zone.Validate(), f.preview.Text)
	}
	f.zone.SetText("Asia/Kolkata")
	if err := f.zone.Validate(); err != nil || !strings.Contains(f.preview.Text, "May 15, 2023 20:00 IST") {
		t.Errorf("Asia/Kolkata: validation %v, preview %q", err, f.preview.Text)
	}
	f.dialog.Submit()

	if m.dates.Order != data.MonthDayYear || m.dates.Zone.String() != "Asia/Kolkata" {
		t.Errorf("window's style %q in %v", m.dates.Order, m.dates.Zone)
	}
	if _, when := m.tooltip(may15); !strings.HasPrefix(when, "May 15, 2023 ·") {
		t.Errorf("tooltip date %q, want it to start May 15, 2023", when)
	}
	if other.dates.Order != m.dates.Order || other.dates.Zone.String() != m.dates.Zone.String() {
		t.Errorf("the other window writes %q in %v", other.dates.Order, other.dates.Zone)
	}

	// Back to UTC and ISO dates, set elsewhere: both windows follow.
	a.Preferences().SetString(dateOrderKey, string(data.YearMonthDay))
	a.Preferences().SetString(timeZoneKey, "")
	for _, w := range []*mainWindow{m, other} {
		if w.dates.Order != data.YearMonthDay || w.dates.Zone != nil {
			t.Errorf("after the change: %q in %v", w.dates.Order, w.dates.Zone)
		}
	}
	if _, when := m.tooltip(may15); !strings.HasPrefix(when, "2023-05-15 ·") {
		t.Errorf("tooltip date %q, want it to start 2023-05-15", when)
	}
	// A preference written by hand that is not understood counts as unset.
	a.Preferences().SetString(dateOrderKey, "backwards")
	a.Preferences().SetString(timeZoneKey, "Nowhere/Special")
	if st := dateStyleOf(a.Preferences()); st.Order != data.DayMonthYear || st.Zone != nil {
		t.Errorf("bad preferences read as %q in %v", st.Order, st.Zone)
	}
}

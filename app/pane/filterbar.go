package pane

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
)

// FilterBar is the row of chips above the timeline, one per value of the
// filter; tapping one removes it. It is hidden while nothing is filtered.
type FilterBar struct {
	s     *session.Session
	bar   *fyne.Container
	chips *fyne.Container
}

// NewFilterBar makes the bar for session s.
func NewFilterBar(s *session.Session) *FilterBar {
	b := &FilterBar{s: s, chips: container.NewHBox()}
	clear := LowButton("Clear", theme.ContentClearIcon(), func() { s.SetFilter(session.Filter{}) })
	b.bar = container.NewBorder(nil, nil, widget.NewLabel("Showing only:"), clear, container.NewHScroll(b.chips))
	b.bar.Hide()
	s.Watch(func(e session.Event) {
		if _, ok := e.(session.FilterChanged); ok {
			b.showChips()
		}
	})
	return b
}

// Object returns the bar's canvas object.
func (b *FilterBar) Object() fyne.CanvasObject { return b.bar }

// showChips shows one chip per filter value.
func (b *FilterBar) showChips() {
	var chips []fyne.CanvasObject
	for _, c := range b.s.FilterChips() {
		without := c.Without
		chip := widget.NewButtonWithIcon(c.Label, theme.CancelIcon(), func() { b.s.SetFilter(without) })
		chip.IconPlacement = widget.ButtonIconTrailingText
		chips = append(chips, chip)
	}
	b.chips.Objects = chips
	b.chips.Refresh()
	f := b.s.Filter()
	show(b.bar, f.Active())
}

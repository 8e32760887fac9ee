package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/quoteline/quoteline/app/dialog"
)

// The preferences the window keeps: the theme ("system", "light" or
// "dark"), and whether the statements row is shown.
const (
	themeKey           = "theme"
	prefShowStatements = "view.statements"
)

// themeChoices are the theme preference's values and their menu labels.
var themeChoices = []struct{ value, label string }{
	{"system", "Follow the System"}, {"light", "Light"}, {"dark", "Dark"},
}

// variantTheme is Fyne's default theme held to one variant.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

// Color gives the colour of the fixed variant, whatever the system asks.
func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyTheme sets the app's theme from the preference.
func (w *window) applyTheme() {
	switch w.app.Preferences().StringWithFallback(themeKey, "system") {
	case "light":
		w.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		w.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		w.app.Settings().SetTheme(theme.DefaultTheme())
	}
}

// themeMenu is View ▸ Theme: the choices, the current one checked.
func (w *window) themeMenu() *fyne.MenuItem {
	item := fyne.NewMenuItem("Theme", nil)
	item.ChildMenu = fyne.NewMenu("")
	var refresh func()
	refresh = func() {
		current := w.app.Preferences().StringWithFallback(themeKey, "system")
		item.ChildMenu.Items = nil
		for _, c := range themeChoices {
			choice := fyne.NewMenuItem(c.label, func() {
				w.app.Preferences().SetString(themeKey, c.value)
				w.applyTheme()
				refresh()
			})
			choice.Checked = c.value == current
			item.ChildMenu.Items = append(item.ChildMenu.Items, choice)
		}
		w.refreshMenus()
	}
	refresh()
	return item
}

// statementsMenuItem is the View menu's toggle for the statements row (named
// "Said" on the timeline).
func (w *window) statementsMenuItem() *fyne.MenuItem {
	item := fyne.NewMenuItem("Show the Said Row", nil)
	item.Checked = w.timeline.ShowQuotes()
	item.Action = func() {
		show := !w.timeline.ShowQuotes()
		w.timeline.SetShowQuotes(show)
		w.app.Preferences().SetBool(prefShowStatements, show)
		item.Checked = show
		w.refreshMenus()
	}
	return item
}

// followDateStyle writes dates in the preferred style now and whenever the
// preferences change, in any window.
func (w *window) followDateStyle() {
	w.s.SetDates(dialog.DateStyleOf(w.app.Preferences()))
	w.app.Preferences().AddChangeListener(func() {
		if !w.s.Ended() { // the window is open
			w.s.SetDates(dialog.DateStyleOf(w.app.Preferences()))
		}
	})
}

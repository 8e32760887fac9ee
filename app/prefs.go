package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// themeKey is the preference holding the chosen theme: "system", "light"
// or "dark".
const themeKey = "theme"

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
func (m *mainWindow) applyTheme() {
	switch m.app.Preferences().StringWithFallback(themeKey, "system") {
	case "light":
		m.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		m.app.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		m.app.Settings().SetTheme(theme.DefaultTheme())
	}
}

// themeMenu is View ▸ Theme: the choices, the current one checked.
func (m *mainWindow) themeMenu() *fyne.MenuItem {
	item := fyne.NewMenuItem("Theme", nil)
	item.ChildMenu = fyne.NewMenu("")
	var refresh func()
	refresh = func() {
		current := m.app.Preferences().StringWithFallback(themeKey, "system")
		item.ChildMenu.Items = nil
		for _, c := range themeChoices {
			c := c
			choice := fyne.NewMenuItem(c.label, func() {
				m.app.Preferences().SetString(themeKey, c.value)
				m.applyTheme()
				refresh()
			})
			choice.Checked = c.value == current
			item.ChildMenu.Items = append(item.ChildMenu.Items, choice)
		}
		if mm := m.win.MainMenu(); mm != nil {
			mm.Refresh()
		}
	}
	refresh()
	return item
}

package view

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/quoteline/quoteline/assets"
	"github.com/quoteline/quoteline/timeline/export"
)

// TestPaper_IsTheLightThemeOfTheScreen keeps pictures drawn without Fyne
// (the command line's) looking like the window: the export package's paper
// palette and sizes, and the fonts in assets, are those of Fyne's default
// theme in its light variant.
func TestPaper_IsTheLightThemeOfTheScreen(t *testing.T) {
	test.NewTempApp(t)
	th := theme.DefaultTheme()
	if got, want := export.PaperPalette(), Palette(th, theme.VariantLight); got != want {
		t.Errorf("paper palette\n%+v\nthe light theme's\n%+v", got, want)
	}
	if got, want := export.PaperMetrics(), Metrics(th); got != want {
		t.Errorf("paper metrics %+v, the theme's %+v", got, want)
	}
	regular, bold := assets.Fonts()
	if !bytes.Equal(regular, theme.DefaultTextFont().Content()) || !bytes.Equal(bold, theme.DefaultTextBoldFont().Content()) {
		t.Error("the fonts in assets are not the theme's")
	}
}

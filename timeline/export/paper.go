package export

import (
	"image/color"

	"github.com/quoteline/quoteline/timeline"
)

// PaperPalette is the palette pictures are drawn in: the colours of the
// window's light theme (pictures go on paper and on white pages), written
// out so that a picture can be drawn without the GUI toolkit. A test of
// package view keeps them equal to the theme's.
func PaperPalette() timeline.Palette {
	grey := func(v uint8) color.NRGBA { return color.NRGBA{v, v, v, 0xff} }
	return timeline.Palette{
		Background:  grey(0xff),
		Text:        grey(0x56),
		MutedText:   grey(0x85),
		Grid:        grey(0xee),
		GridStrong:  grey(0xd0),
		Axis:        grey(0xf9),
		BandOdd:     grey(0xf9),
		Selection:   color.NRGBA{0x29, 0x6f, 0xf6, 0xff},
		Match:       color.NRGBA{0xff, 0x98, 0x00, 0xff},
		Hover:       grey(0xb3),
		Disputed:    color.NRGBA{0xf4, 0x43, 0x36, 0xff},
		Period:      color.NRGBA{0x3d, 0x64, 0xae, 0xff},
		OnDarkText:  color.NRGBA{0xff, 0xff, 0xff, 0xff},
		OnLightText: color.NRGBA{0x10, 0x14, 0x1c, 0xff},
	}
}

// PaperMetrics are the sizes pictures are laid out with: the window's at a
// UI scale of 1, its theme's text size included.
func PaperMetrics() timeline.Metrics {
	m := timeline.DefaultMetrics()
	m.TextSize = 14
	return m
}

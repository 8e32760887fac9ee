package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/quoteline/quoteline/internal/screen"
)

// The window's size: the largest it opens at on a screen it has not been
// used on, the size when the screen is not known, and the smallest it
// remembers.
var (
	largestOpening = fyne.NewSize(1600, 1000)
	unknownScreen  = fyne.NewSize(1280, 760)
	smallestKept   = fyne.NewSize(640, 400)
)

// splitKey is the preference that keeps where the window is split
// between the timeline and the side pane (the timeline's share of the
// width), and defaultSplit where it is split at first.
const (
	splitKey     = "window.split"
	defaultSplit = 0.68
)

// splitOffset is where a window opens split between the timeline and the
// side pane: where the user left it last, within reason.
func splitOffset(prefs fyne.Preferences) float64 {
	if f := prefs.FloatWithFallback(splitKey, defaultSplit); f >= 0.2 && f <= 0.9 {
		return f
	}
	return defaultSplit
}

// keepSplit keeps where split is for the windows opened next.
func keepSplit(split *container.Split, prefs fyne.Preferences) {
	if split.Offset >= 0.2 && split.Offset <= 0.9 {
		prefs.SetFloat(splitKey, split.Offset)
	}
}

// sizeKey is the preference that keeps the window's size on a screen of
// area's size.
func sizeKey(area screen.Area) string {
	return fmt.Sprintf("window.size.%dx%d", area.Width, area.Height)
}

// openingSize is the size a window opens at on a screen with work area
// area (known if ok): the last size it was closed at on such a screen,
// else the most of the screen, up to 1600×1000, that leaves the desktop
// around it in view.
func openingSize(prefs fyne.Preferences, area screen.Area, ok bool) fyne.Size {
	if !ok {
		return unknownScreen
	}
	room := area.Units()
	room = fyne.NewSize(room.Width*0.94, room.Height*0.92) // a title bar, a margin
	var w, h float32
	if n, _ := fmt.Sscanf(prefs.String(sizeKey(area)), "%gx%g", &w, &h); n == 2 && w >= smallestKept.Width && h >= smallestKept.Height {
		return fyne.NewSize(min(w, room.Width), min(h, room.Height))
	}
	return fyne.NewSize(min(largestOpening.Width, room.Width), min(largestOpening.Height, room.Height))
}

// sizeWindow gives window w the size it opens at on its screen. The
// function it returns keeps the size w has then, unless full screen (in
// present mode), for the next time on that screen: call it as w closes.
func sizeWindow(w fyne.Window, prefs fyne.Preferences) (keep func()) {
	area, ok := screen.Primary(w)
	w.Resize(openingSize(prefs, area, ok))
	return func() {
		if s := w.Canvas().Size(); ok && !w.FullScreen() && s.Width >= smallestKept.Width && s.Height >= smallestKept.Height {
			prefs.SetString(sizeKey(area), fmt.Sprintf("%.0fx%.0f", s.Width, s.Height))
		}
	}
}

package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/internal/screen"
)

func TestOpeningSize(t *testing.T) {
	a := test.NewTempApp(t)
	prefs := a.Preferences()
	laptop := screen.Area{Width: 1366, Height: 738, Scale: 1}
	desk := screen.Area{Width: 2560, Height: 1400, Scale: 1}
	hidpi := screen.Area{Width: 2560, Height: 1600, Scale: 2}
	prefs.SetString(sizeKey(desk), "1400x900")
	prefs.SetString(sizeKey(screen.Area{Width: 1024, Height: 600}), "5000x5000")
	prefs.SetString(sizeKey(screen.Area{Width: 800, Height: 600}), "garbage")
	tests := []struct {
		name string
		area screen.Area
		ok   bool
		want fyne.Size
	}{
		{"screen not known", screen.Area{}, false, fyne.NewSize(1280, 760)},
		{"a laptop: most of it", laptop, true, fyne.NewSize(1366*0.94, 738*0.92)},
		{"a large screen used before: the size last used", desk, true, fyne.NewSize(1400, 900)},
		{"a large screen never used: 1600×1000", screen.Area{Width: 2560, Height: 1440, Scale: 1}, true, fyne.NewSize(1600, 1000)},
		{"twice the pixels: in Fyne units", hidpi, true, fyne.NewSize(1280*0.94, 800*0.92)},
		{"a size larger than the screen: the screen", screen.Area{Width: 1024, Height: 600, Scale: 1}, true, fyne.NewSize(1024*0.94, 600*0.92)},
		{"an unreadable size: as never used", screen.Area{Width: 800, Height: 600, Scale: 1}, true, fyne.NewSize(800*0.94, 600*0.92)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := openingSize(prefs, tt.area, tt.ok)
			if d := got.Subtract(tt.want); d.Width*d.Width > 1 || d.Height*d.Height > 1 {
				t.Errorf("openingSize = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestWindow_KeepsTheSplitWhereTheUserLeftIt: showing a source keeps the
// split as it is, and the next window opens split where the last closed.
func TestWindow_KeepsTheSplitWhereTheUserLeftIt(t *testing.T) {
	a := test.NewTempApp(t)
	o := sessiontest.NewOwner(t)
	w := newWindow(a, "test", o.Deliver) // closed below, as a user closes it
	o.Watch(w.s)
	if w.split.Offset != defaultSplit {
		t.Fatalf("a first window is split at %v, want %v", w.split.Offset, defaultSplit)
	}
	w.split.SetOffset(0.8)
	for _, tab := range []int{tabSource, tabDetails, tabSource} {
		w.revealSide(tab)
		if w.split.Offset != 0.8 {
			t.Fatalf("showing tab %d moved the split to %v", tab, w.split.Offset)
		}
	}
	w.win.Close()
	if next, _ := testWindow(t, a); next.split.Offset != 0.8 {
		t.Errorf("the next window is split at %v, want 0.8 as the last was left", next.split.Offset)
	}
}

// Package screen tells the size of the screen a window opens on, which
// Fyne 2.7 does not: it asks GLFW, the library Fyne's desktop driver is
// built on, for the work area of the primary monitor (the desktop less its
// panels and docks).
package screen

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// Area is a monitor's work area, in its pixels, and about how many of them
// a Fyne unit takes there.
type Area struct {
	Width, Height int
	Scale         float32
}

// Units returns the area's size in Fyne units.
func (a Area) Units() fyne.Size {
	s := max(a.Scale, 0.5)
	return fyne.NewSize(float32(a.Width)/s, float32(a.Height)/s)
}

// Primary returns the work area of the primary monitor, if window w is a
// window of Fyne's desktop driver (not the test driver's) and the monitor
// answers. Call it on the UI goroutine, after w is made: Fyne starts GLFW
// when it makes its first window. The scale is the monitor's content scale
// times the user's (FYNE_SCALE); Fyne may settle on another scale once the
// window shows.
func Primary(w fyne.Window) (a Area, ok bool) {
	if _, native := w.(driver.NativeWindow); !native {
		return Area{}, false
	}
	defer func() {
		if recover() != nil { // GLFW not started: go-gl/glfw panics
			a, ok = Area{}, false
		}
	}()
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return Area{}, false
	}
	_, _, width, height := m.GetWorkarea()
	if width <= 0 || height <= 0 {
		return Area{}, false
	}
	sx, _ := m.GetContentScale()
	user := fyne.CurrentApp().Settings().Scale()
	if user <= 0 {
		user = 1
	}
	return Area{Width: width, Height: height, Scale: max(sx, 1) * user}, true
}

// Package pointer hides the mouse pointer over a window while it rests,
// which Fyne cannot do by itself: Fyne asks a widget for its pointer
// (desktop.Cursorable) only when the pointer moves, so a pointer left
// still keeps whatever it showed. Hide blanks it through the window
// system; the widget under the pointer then answers desktop.HiddenCursor
// until the pointer moves, so that Fyne's own idea of the pointer
// follows, and Fyne draws it again at the next move.
package pointer

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// Hide blanks the pointer over window w until it moves (or Show). It
// reports whether the window system let it: on X11 and Windows it does;
// elsewhere (Wayland, macOS, the test driver) Hide does nothing.
// Call it on the UI goroutine.
func Hide(w fyne.Window) bool {
	done := false
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) { done = hide(ctx) })
	}
	return done
}

// Show gives window w back the ordinary arrow pointer after Hide.
// Call it on the UI goroutine.
func Show(w fyne.Window) {
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) { show(ctx) })
	}
}

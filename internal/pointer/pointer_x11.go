//go:build (linux || freebsd || netbsd || openbsd) && !wayland

package pointer

/*
#cgo LDFLAGS: -lX11
#include <X11/Xlib.h>

// setBlank gives window win a blank pointer (blank) or none of its own,
// so that it shows its parent's, the desktop's arrow. It does so through
// a connection of its own: a window keeps the pointer it was given after
// the connection that made it closes.
static int setBlank(unsigned long win, int blank) {
	Display *d = XOpenDisplay(NULL);
	if (d == NULL) {
		return 0;
	}
	if (blank) {
		char bits[1] = {0};
		Pixmap p = XCreateBitmapFromData(d, (Window)win, bits, 1, 1);
		XColor black = {0};
		Cursor c = XCreatePixmapCursor(d, p, p, &black, &black, 0, 0);
		XFreePixmap(d, p);
		XDefineCursor(d, (Window)win, c);
		XFreeCursor(d, c);
	} else {
		XUndefineCursor(d, (Window)win);
	}
	XSync(d, False);
	XCloseDisplay(d);
	return 1;
}
*/
import "C"

import "fyne.io/fyne/v2/driver"

func hide(ctx any) bool {
	if x, ok := ctx.(driver.X11WindowContext); ok && x.WindowHandle != 0 {
		return C.setBlank(C.ulong(x.WindowHandle), 1) == 1
	}
	return false
}

func show(ctx any) {
	if x, ok := ctx.(driver.X11WindowContext); ok && x.WindowHandle != 0 {
		C.setBlank(C.ulong(x.WindowHandle), 0)
	}
}

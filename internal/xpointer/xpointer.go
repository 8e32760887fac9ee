//go:build linux || freebsd || netbsd || openbsd

// Package xpointer tells the end-to-end tests whether an X display shows its
// mouse pointer: it reads the cursor the server is drawing (XFixes) and
// reports whether any of its pixels can be seen. The application does not
// import it.
package xpointer

/*
#cgo LDFLAGS: -lX11 -lXfixes
#include <stdlib.h>
#include <X11/Xlib.h>
#include <X11/extensions/Xfixes.h>

// shown returns 1 if the cursor drawn on display name has a visible pixel,
// 0 if it has none, -1 if the display cannot be opened, -2 if it has no
// XFixes, -3 if it gives no cursor image.
static int shown(const char *name) {
	Display *d = XOpenDisplay(name);
	if (d == NULL) {
		return -1;
	}
	int ev, err, res = -2;
	if (XFixesQueryExtension(d, &ev, &err)) {
		res = -3;
		XFixesCursorImage *img = XFixesGetCursorImage(d);
		if (img != NULL) {
			res = 0;
			for (int i = 0; i < img->width * img->height; i++) {
				if ((img->pixels[i] >> 24) & 0xff) {
					res = 1;
					break;
				}
			}
			XFree(img);
		}
	}
	XCloseDisplay(d);
	return res;
}
*/
import "C"

import (
	"fmt"
	"time"
	"unsafe"
)

// Shown reports whether the X display named display (":99") draws a
// visible mouse pointer. A server that gives no cursor image for a moment
// (busy, or changing the cursor) is asked again for up to a second.
func Shown(display string) (bool, error) {
	name := C.CString(display)
	defer C.free(unsafe.Pointer(name))
	for tries := 0; ; tries++ {
		switch C.shown(name) {
		case 1:
			return true, nil
		case 0:
			return false, nil
		case -1:
			return false, fmt.Errorf("xpointer: cannot open display %s", display)
		case -2:
			return false, fmt.Errorf("xpointer: display %s has no XFixes", display)
		}
		if tries == 20 {
			return false, fmt.Errorf("xpointer: display %s gives no cursor image", display)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

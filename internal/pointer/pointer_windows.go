package pointer

import (
	"syscall"

	"fyne.io/fyne/v2/driver"
)

var (
	user32     = syscall.NewLazyDLL("user32.dll")
	setCursor  = user32.NewProc("SetCursor")
	loadCursor = user32.NewProc("LoadCursorW")
)

const idcArrow = 32512 // IDC_ARROW

// On Windows the pointer set with SetCursor lasts until the pointer moves,
// when the window (GLFW, for Fyne) sets its own again.
func hide(ctx any) bool {
	if _, ok := ctx.(driver.WindowsWindowContext); !ok {
		return false
	}
	setCursor.Call(0)
	return true
}

func show(ctx any) {
	if _, ok := ctx.(driver.WindowsWindowContext); !ok {
		return
	}
	if arrow, _, _ := loadCursor.Call(0, idcArrow); arrow != 0 {
		setCursor.Call(arrow)
	}
}

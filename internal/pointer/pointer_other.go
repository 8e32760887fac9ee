//go:build !windows && !((linux || freebsd || netbsd || openbsd) && !wayland)

package pointer

// Elsewhere (Wayland, macOS) the pointer is left to the window system.
func hide(any) bool { return false }

func show(any) {}

//go:build linux || freebsd || netbsd || openbsd

package xpointer

import "testing"

func TestShown_NoDisplay(t *testing.T) {
	if _, err := Shown(":65000"); err == nil {
		t.Error("a display that does not exist gave no error")
	}
}

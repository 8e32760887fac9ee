package main

import (
	"fmt"
	"image"
	"image/color"
	"strconv"
	"testing"
	"time"

	"github.com/quoteline/quoteline/internal/xpointer"
)

// The screen the end-to-end tests' Xvfb has (startXvfb).
const e2eScreenW, e2eScreenH = 1400, 900

// menuBar is where the window's menu bar is drawn, in the top left corner:
// present mode shows the timeline's axis there instead.
var menuBar = image.Rect(0, 0, 300, 26)

// presenting reports whether the window is presenting: whether its top
// left corner differs from the menu bar it showed in shot normal.
func (s *session) presenting(normal image.Image) bool {
	s.t.Helper()
	return differs(sub(normal, menuBar), sub(s.shot("e2e-presenting"), menuBar)) > 0.05
}

// waitPresenting waits until the window is (or is no longer) presenting.
func (s *session) waitPresenting(normal image.Image, want bool, what string) {
	s.t.Helper()
	if !waitUntil(8*time.Second, func() bool { return s.presenting(normal) == want }) {
		s.t.Fatalf("timed out waiting for %s", what)
	}
	time.Sleep(700 * time.Millisecond) // the move to the stop, or back
}

// pointerShown reports whether the display draws the mouse pointer.
func (s *session) pointerShown() bool {
	s.t.Helper()
	shown, err := xpointer.Shown(s.display)
	if err != nil {
		s.t.Fatal(err)
	}
	return shown
}

// droneBar finds the longest bar of the Drone transfers lane on screen and
// returns a point in its middle.
func droneBar(t *testing.T, img image.Image) (x, y int) {
	t.Helper()
	drones := color.NRGBA{0xD5, 0x5E, 0x00, 0xff}
	n, x, y := longestRun(img, image.Rect(0, 60, 900, 700), drones)
	if n < 150 {
		t.Fatalf("no bar of the Drone transfers lane found (longest run %d px)", n)
	}
	return x + n/2, y + 4
}

// TestE2E_PresentKeysAfterAClick presses F5 at once after clicking an
// event, as a presenter does: the click's tap reaches the timeline only
// after the double-click time, when present mode has already started. The
// clicker's keys must still step through the stops and Esc must leave, and
// so after a click anywhere on the presenting screen.
func TestE2E_PresentKeysAfterAClick(t *testing.T) {
	s := startApp(t)
	first := s.shot("e2e-present-click-before")
	x, y := droneBar(t, first)

	for round := 1; round <= 3; round++ {
		s.xdotool("mousemove", strconv.Itoa(x), strconv.Itoa(y), "click", "1", "key", "F5")
		s.waitPresenting(first, true, fmt.Sprintf("present mode (round %d)", round))
		time.Sleep(500 * time.Millisecond) // past the double-click time
		at1 := s.shot(fmt.Sprintf("e2e-present-click-%d-stop1", round))
		s.xdotool("key", "Next")
		time.Sleep(1200 * time.Millisecond)
		at2 := s.shot(fmt.Sprintf("e2e-present-click-%d-stop2", round))
		if d := differs(at1, at2); d < 0.02 {
			t.Errorf("round %d: Page Down after a click and F5 did not move on (%.2f%% of pixels differ)", round, d*100)
		}
		s.xdotool("key", "Escape")
		if !waitUntil(5*time.Second, func() bool { return !s.presenting(first) }) {
			s.shot(fmt.Sprintf("e2e-present-click-%d-stuck", round))
			t.Fatalf("round %d: Esc did not leave present mode after a click and F5", round)
		}
		time.Sleep(700 * time.Millisecond)
	}

	// A click below the timeline, on the caption, leaves no key dead.
	s.xdotool("key", "F5")
	s.waitPresenting(first, true, "present mode")
	s.xdotool("mousemove", strconv.Itoa(e2eScreenW/2), strconv.Itoa(e2eScreenH-110), "click", "1")
	time.Sleep(1200 * time.Millisecond)
	before := s.shot("e2e-present-caption-clicked")
	s.xdotool("key", "Next")
	time.Sleep(1200 * time.Millisecond)
	if d := differs(before, s.shot("e2e-present-caption-next")); d < 0.02 {
		t.Errorf("Page Down after a click on the caption did not move on (%.2f%% of pixels differ)", d*100)
	}
	s.xdotool("key", "Escape")
	if !waitUntil(5*time.Second, func() bool { return !s.presenting(first) }) {
		t.Fatal("Esc did not leave present mode after a click on the caption")
	}
}

// TestE2E_PresentPointer: while presenting, the pointer shows no tooltips
// over events and hides after two seconds still; it comes back when moved,
// and after present mode.
func TestE2E_PresentPointer(t *testing.T) {
	s := startApp(t)
	normal := s.shot("e2e-present-pointer-before")
	s.xdotool("mousemove", "5", strconv.Itoa(e2eScreenH-5))
	s.xdotool("key", "F5")
	s.waitPresenting(normal, true, "present mode")
	still := s.shot("e2e-present-pointer-still")

	// The first stop's event is drawn selected: rest the pointer on it.
	box, ok := pixelBox(still, image.Rect(12, 0, e2eScreenW, e2eScreenH*3/5), selectionBlue)
	if !ok {
		t.Fatal("no event is drawn selected at the first stop")
	}
	cx, cy := (box.Min.X+box.Max.X)/2, (box.Min.Y+box.Max.Y)/2
	t.Logf("the selected event at %v", box)
	s.glide(cx, cy)
	time.Sleep(300 * time.Millisecond)
	if !s.pointerShown() {
		t.Error("the pointer is hidden right after it moved")
	}
	time.Sleep(900 * time.Millisecond) // a tooltip would be up by now
	if d := differs(still, s.shot("e2e-present-pointer-hover")); d > 0.0005 {
		t.Errorf("resting the pointer on an event changed %.2f%% of the screen (a tooltip?)", d*100)
	}
	time.Sleep(1500 * time.Millisecond)
	if s.pointerShown() {
		t.Error("the pointer still shows after more than two seconds still")
	}
	s.glide(cx+40, cy+5)
	time.Sleep(300 * time.Millisecond)
	if !s.pointerShown() {
		t.Error("the pointer did not come back when moved")
	}

	// Hidden again, then Esc: the window's own pointer is back.
	time.Sleep(2500 * time.Millisecond)
	if s.pointerShown() {
		t.Error("the pointer shows after a second rest")
	}
	s.xdotool("key", "Escape")
	s.waitPresenting(normal, false, "the end of present mode")
	if !s.pointerShown() {
		t.Error("the pointer stays hidden after present mode")
	}
}

// glide moves the pointer to x, y in a few steps, as a hand does.
func (s *session) glide(x, y int) {
	s.t.Helper()
	for i := 4; i >= 0; i-- {
		s.xdotool("mousemove", strconv.Itoa(x-8*i), strconv.Itoa(y))
		time.Sleep(80 * time.Millisecond)
	}
}

// waitUntil polls cond every 200 ms until it holds (true) or timeout
// passes (false).
func waitUntil(timeout time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(200 * time.Millisecond)
	}
	return true
}

// sub returns the part r of img.
func sub(img image.Image, r image.Rectangle) image.Image {
	return img.(interface {
		SubImage(image.Rectangle) image.Image
	}).SubImage(r)
}

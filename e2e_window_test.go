package main

import (
	"image"
	"image/color"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The default timeline's lanes, in order, by the colour of the strip at
// their left end.
var defaultLanes = []struct {
	name   string
	colour color.RGBA
}{
	{"Drone transfers", color.RGBA{0xD5, 0x5E, 0x00, 0xff}},
	{"Sanctions", color.RGBA{0x00, 0x72, 0xB2, 0xff}},
	{"Disclosures", color.RGBA{0x00, 0x9E, 0x73, 0xff}},
	{"Statements", color.RGBA{0xCC, 0x79, 0xA7, 0xff}},
	{"Context", color.RGBA{0x88, 0x88, 0x88, 0xff}},
}

// laneStrip returns the top and bottom of the longest vertical run of
// colour c in the columns at the left edge of the timeline.
func laneStrip(img image.Image, c color.RGBA) (top, bottom int) {
	b := img.Bounds()
	for x := 0; x < 16; x++ {
		run := 0
		for y := b.Min.Y; y < b.Max.Y; y++ {
			if color.RGBAModel.Convert(img.At(x, y)).(color.RGBA) == c {
				run++
				if run > bottom-top {
					top, bottom = y-run+1, y+1
				}
			} else {
				run = 0
			}
		}
	}
	return top, bottom
}

// checkEveryLane fails the test unless every lane of the default timeline
// is drawn whole, each at least a header and a row high, one below the
// other, above the overview.
func checkEveryLane(t *testing.T, img image.Image, overviewTop int) {
	t.Helper()
	prev := 0
	for _, l := range defaultLanes {
		top, bottom := laneStrip(img, l.colour)
		t.Logf("lane %s: %d–%d", l.name, top, bottom)
		switch {
		case bottom-top < 40:
			t.Errorf("the %s lane is %d px high on screen: cut off", l.name, bottom-top)
		case top < prev:
			t.Errorf("the %s lane starts at %d, above the lane before it (%d)", l.name, top, prev)
		case bottom > overviewTop:
			t.Errorf("the %s lane runs under the overview (to %d, overview at %d)", l.name, bottom, overviewTop)
		}
		prev = bottom
	}
}

// overviewTop finds the top of the overview band under the timeline: the
// first row of its blue frame, in the lower part of the window.
func overviewTop(t *testing.T, img image.Image, windowH int) int {
	t.Helper()
	box, ok := pixelBox(img, image.Rect(2, windowH/2, 20, windowH), selectionBlue)
	if !ok {
		t.Fatal("no overview found under the timeline")
	}
	return box.Min.Y
}

// closeAndRunAgain closes the app's window as a user does (File ▸ Close
// Window), waits for the app to end and runs it again in the same home.
func (s *session) closeAndRunAgain() {
	s.t.Helper()
	s.xdotool("mousemove", "500", "400")
	s.xdotool("key", "ctrl+shift+w")
	select {
	case <-s.exited:
	case <-time.After(15 * time.Second):
		s.t.Fatal("the app did not end when its window closed")
	}
	s.run()
}

// windowSize returns the size of the app's window.
func (s *session) windowSize() (w, h int) {
	s.t.Helper()
	for _, line := range strings.Fields(s.xdotool("getwindowgeometry", "--shell", s.window)) {
		k, v, _ := strings.Cut(line, "=")
		n, _ := strconv.Atoi(v)
		switch k {
		case "WIDTH":
			w = n
		case "HEIGHT":
			h = n
		}
	}
	return w, h
}

// TestE2E_FirstViewShowsEveryLane: at 1280×760 the default timeline's
// first view shows all five lanes whole, the last one too.
func TestE2E_FirstViewShowsEveryLane(t *testing.T) {
	s := startApp(t)
	if w, h := s.windowSize(); w != 1280 || h != 760 {
		t.Fatalf("the window is %d×%d, want the 1280×760 last used", w, h)
	}
	img := s.shot("e2e-window-1280x760")
	checkEveryLane(t, img, overviewTop(t, img, 760))
}

// TestE2E_WindowSizeSuitsTheScreen: on a screen it has not been used on
// the window opens as large as suits it (up to 1600×1000) with every lane
// in view; the size it is closed at is the size it opens at next time.
func TestE2E_WindowSizeSuitsTheScreen(t *testing.T) {
	s := newSession(t)
	s.run()
	w, h := s.windowSize()
	t.Logf("a %d×%d screen: a %d×%d window", e2eScreenW, e2eScreenH, w, h)
	if w < e2eScreenW*85/100 || w >= e2eScreenW || h < e2eScreenH*85/100 || h >= e2eScreenH {
		t.Errorf("the window opens at %d×%d on a %d×%d screen", w, h, e2eScreenW, e2eScreenH)
	}
	img := s.shot("e2e-window-first")
	checkEveryLane(t, img, overviewTop(t, img, h))

	s.xdotool("windowsize", s.window, "1100", "700")
	time.Sleep(time.Second)
	s.closeAndRunAgain()
	if w, h := s.windowSize(); w != 1100 || h != 700 {
		t.Errorf("the window opens at %d×%d after being closed at 1100×700", w, h)
	}
	img = s.shot("e2e-window-again")
	checkEveryLane(t, img, overviewTop(t, img, 700))
}

// leftPaneRight returns the right edge of the timeline's side of the
// window: the right end of the overview's frame.
func leftPaneRight(t *testing.T, img image.Image, windowW, windowH int) int {
	t.Helper()
	top := overviewTop(t, img, windowH)
	box, ok := pixelBox(img, image.Rect(windowW/3, top, windowW, top+3), selectionBlue)
	if !ok {
		t.Fatal("no overview frame found")
	}
	return box.Max.X
}

// TestE2E_SplitStaysWhereLeft: the split between the timeline and the side
// pane stays where the user drags it when a source is shown and the tabs
// change, and the next window opens split there.
func TestE2E_SplitStaysWhereLeft(t *testing.T) {
	s := startApp(t)
	first := s.shot("e2e-split-first")
	edge := leftPaneRight(t, first, 1280, 760)
	s.xdotool("mousemove", strconv.Itoa(edge+4), "400")
	s.xdotool("mousedown", "1")
	for dx := 10; dx <= 60; dx += 10 { // the side pane still wider than its panes need
		s.xdotool("mousemove", strconv.Itoa(edge+4+dx), "400")
		time.Sleep(30 * time.Millisecond)
	}
	s.xdotool("mouseup", "1")
	time.Sleep(500 * time.Millisecond)
	moved := leftPaneRight(t, s.shot("e2e-split-moved"), 1280, 760)
	if moved < edge+45 {
		t.Fatalf("dragging the split 60 px moved the timeline's edge from %d to %d", edge, moved)
	}

	// Select the drone-transfer bar and show its source.
	x, y := droneBar(t, s.shot("e2e-split-before-source"))
	s.xdotool("mousemove", strconv.Itoa(x), strconv.Itoa(y), "click", "1")
	time.Sleep(800 * time.Millisecond)
	s.xdotool("key", "ctrl+shift+o")
	time.Sleep(1500 * time.Millisecond)
	if got := leftPaneRight(t, s.shot("e2e-split-source"), 1280, 760); got < moved-3 || got > moved+3 {
		t.Errorf("showing the source moved the timeline's edge from %d to %d", moved, got)
	}

	s.closeAndRunAgain()
	if got := leftPaneRight(t, s.shot("e2e-split-again"), 1280, 760); got < moved-3 || got > moved+3 {
		t.Errorf("the next window's timeline ends at %d, want %d as it was left", got, moved)
	}
}

// TestE2E_SaidRowTooltip: the row of quotes under the axis, named "Said",
// tells what it shows when the pointer rests on its name.
func TestE2E_SaidRowTooltip(t *testing.T) {
	s := startApp(t)
	s.xdotool("mousemove", "600", "740") // on the status line
	time.Sleep(300 * time.Millisecond)
	before := s.shot("e2e-said-before")
	top, _ := laneStrip(before, defaultLanes[0].colour) // the row is just above the first lane
	s.glide(36, top-12)
	time.Sleep(800 * time.Millisecond)
	after := s.shot("e2e-said-tooltip")
	near := image.Rect(0, top-40, 500, top+80)
	if d := differs(sub(before, near), sub(after, near)); d < 0.03 {
		t.Errorf("resting the pointer on the Said row's name changed %.2f%% of the pixels around it: no tooltip", d*100)
	}
}

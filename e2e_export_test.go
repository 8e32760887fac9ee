package main

import (
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// whiteShare is the share of img's pixels in r that are paper-light
// (near white): an export's preview over the dark window.
func whiteShare(img image.Image, r image.Rectangle) float64 {
	r = r.Intersect(img.Bounds())
	n, white := 0, 0
	for y := r.Min.Y; y < r.Max.Y; y += 2 {
		for x := r.Min.X; x < r.Max.X; x += 2 {
			n++
			if c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA); c.R >= 0xf5 && c.G >= 0xf5 && c.B >= 0xf5 {
				white++
			}
		}
	}
	return float64(white) / float64(max(n, 1))
}

// TestE2E_ExportASlide opens File ▸ Export ▸ Picture from the keyboard in
// the real window, waits for the preview of a 16:9 slide, presses "Choose
// file…" and takes the file the desktop's chooser (a stand-in for zenity)
// names: the PNG written is 1920×1080, with the sources in a second picture
// beside it.
func TestE2E_ExportASlide(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "slide.quoteline")
	if err := writeExample(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "slide.png")
	bin := t.TempDir()
	if err := os.WriteFile(filepath.Join(bin, "zenity"), []byte("#!/bin/sh\necho '"+out+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	s := newSession(t)
	s.env = append(s.env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	s.rememberWindowSize("1280x760")
	s.run(doc)
	before := s.shot("e2e-export-window")
	if whiteShare(before, before.Bounds()) > 0.01 {
		t.Fatalf("the dark window is already %.0f%% white", whiteShare(before, before.Bounds())*100)
	}

	s.xdotool("key", "ctrl+shift+e")
	var dialog image.Image
	waitFor(t, 30*time.Second, "the export dialog's preview", func() bool {
		dialog = s.shot("e2e-export-dialog")
		return whiteShare(dialog, dialog.Bounds()) > 0.06
	})
	n, x, y := longestRun(dialog, dialog.Bounds(), color.RGBA{0x29, 0x6f, 0xf6, 0xff})
	if n < 60 {
		t.Fatalf("no Choose file… button in the dialog (longest run of its blue %d pixels)", n)
	}
	s.xdotool("mousemove", strconv.Itoa(x+n/2), strconv.Itoa(y), "click", "1")
	waitFor(t, 60*time.Second, "the slide and its sources written", func() bool {
		_, err1 := os.Stat(out)
		_, err2 := os.Stat(filepath.Join(dir, "slide-sources.png"))
		return err1 == nil && err2 == nil
	})
	for name, want := range map[string][2]int{"slide.png": {1920, 1080}, "slide-sources.png": {1920, 1080}} {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != want[0] || cfg.Height < want[1] {
			t.Errorf("%s: %d×%d (%v), want %d×%d", name, cfg.Width, cfg.Height, err, want[0], want[1])
		}
	}
}

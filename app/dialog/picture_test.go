package dialog

import (
	"fmt"
	"image"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/timeline/export"
)

// waitPreview waits until the form's preview is an image of w × h pixels
// and its note says so.
func waitPreview(t *testing.T, o *sessiontest.Owner, f *pictureForm, w, h int, note string) {
	t.Helper()
	o.Until(fmt.Sprintf("a preview of %d×%d saying %q", w, h, note), func() bool {
		img, ok := f.preview.Image.(*image.RGBA)
		return ok && img.Bounds().Dx() == w && img.Bounds().Dy() == h && strings.Contains(f.note.Text, note)
	})
}

func TestPictureForm_PreviewFollowsTheChoice(t *testing.T) {
	o, p, _ := openExample(t)
	f := newPictureForm(&p)
	test.NewTempWindow(t, f.content)
	f.changed()
	// It opens on a 16:9 slide as a PNG.
	waitPreview(t, o, f, 1920, 1080, "PNG of 1920 × 1080 pixels")
	if opt, _, err := f.choice(); err != nil || opt.Width != 1920 || opt.Height != 1080 || opt.Format != export.PNG || opt.Scale != 1 {
		t.Fatalf("choice %+v, %v", opt, err)
	}

	f.size.SetSelected("Slide 4:3, 1024 × 768")
	waitPreview(t, o, f, 1024, 768, "1024 × 768")

	f.scale.SetSelectedIndex(1)
	waitPreview(t, o, f, 1024, 768, "PNG of 2048 × 1536 pixels")

	f.format.SetSelected("SVG drawing")
	if !f.scale.Disabled() {
		t.Error("the pixel scale can be chosen for an SVG")
	}
	f.size.SetSelectedIndex(5) // A4
	aw, ah := export.A4.Pixels(paperDPI)
	waitPreview(t, o, f, aw, ah, "SVG of")

	f.format.SetSelected("PDF document")
	waitPreview(t, o, f, 841, 595, "PDF on A4 pages")
	if opt, _, _ := f.choice(); opt.Paper != export.A4 || opt.Height != 0 {
		t.Errorf("A4 as a PDF: %+v, want A4 pages", opt)
	}

	f.size.SetSelected("Custom size…")
	if f.width.Disabled() {
		t.Fatal("the custom width cannot be typed")
	}
	f.width.SetText("1280")
	f.height.SetText("720")
	waitPreview(t, o, f, 1280, 720, "PDF, a page of 1280 × 720 points")

	f.height.SetText("40")
	o.Until("the page too small said to be", func() bool { return strings.Contains(f.note.Text, "needs") })
	if !strings.Contains(f.note.Text, "too small") {
		t.Errorf("a page too small for the timeline says %q", f.note.Text)
	}
	f.width.SetText("12")
	if !strings.Contains(f.note.Text, `width "12"`) {
		t.Errorf("a width of 12 says %q", f.note.Text)
	}

	f.width.SetText("1280")
	f.height.SetText("720")
	f.sources.SetSelected("None")
	waitPreview(t, o, f, 1280, 720, "PDF, a page")
	if opt, _, _ := f.choice(); opt.Sources != export.SourcesNone {
		t.Errorf("sources %q, want none", opt.Sources)
	}
}

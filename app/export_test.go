package app

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/quoteline/quoteline/timeline/export"
)

func TestMainWindow_ExportsTheCurrentViewInTheBackground(t *testing.T) {
	a := test.NewTempApp(t)
	m := newMainWindow(a, Options{Version: "test"})
	m.win.Resize(fyne.NewSize(1280, 760))
	if err := openAndWait(t, m, exampleDocument(t)); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "view.png")
	width := int(m.timeline.Viewport().Width())
	done := make(chan error, 1)
	m.startExport(m.doc, out, export.PNG, false, func(err error) { done <- err })
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("no export after 20 s")
	}
	if s := m.status.Text; !strings.HasPrefix(s, "Exported view.png") {
		t.Errorf("status %q, want it to say the export is done", s)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != max(width, export.MinWidth) {
		t.Errorf("exported %d pixels wide, the view is %d", img.Bounds().Dx(), width)
	}
}

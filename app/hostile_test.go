package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/internal/hostile"
)

// shownTexts returns every text drawn by o and its children, widgets included.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	switch w := o.(type) {
	case *widget.Label:
		out = append(out, w.Text)
	case *widget.RichText:
		out = append(out, w.String())
	case *canvas.Text:
		out = append(out, w.Text)
	}
	if c, ok := o.(*fyne.Container); ok {
		for _, child := range c.Objects {
			out = append(out, shownTexts(child)...)
		}
	} else if w, ok := o.(fyne.Widget); ok {
		for _, child := range test.WidgetRenderer(w).Objects() {
			out = append(out, shownTexts(child)...)
		}
	}
	return out
}

// TestMainWindow_HostileDocuments opens hostile documents through the
// window: a refused one shows its reason in the error dialog, and one with
// an enormous title opens and shows it without harm.
func TestMainWindow_HostileDocuments(t *testing.T) {
	cases, err := hostile.Make(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]hostile.Case{}
	for _, c := range cases {
		byName[c.Name] = c
	}
	a := test.NewTempApp(t)
	m := newMainWindow(a, Options{Version: "test"})
	defer m.win.Close()

	for _, name := range []string{"planted-trigger.quoteline", "future-version.quoteline", "corrupt-pages.quoteline"} {
		c := byName[name]
		if err := openAndWait(t, m, c.Path); err == nil || !strings.Contains(err.Error(), c.Want) {
			t.Fatalf("opening %s: %v, want an error with %q", name, err, c.Want)
		}
		top := m.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%s: no error dialog shown", name)
		}
		if shown := strings.Join(shownTexts(top), "\n"); !strings.Contains(shown, c.Want) {
			t.Errorf("%s: the dialog shows %q, want it to contain %q", name, shown, c.Want)
		}
		m.win.Canvas().Overlays().Remove(top)
		if m.doc != nil {
			t.Fatalf("%s: a document was loaded", name)
		}
	}

	huge := byName["huge-title.quoteline"]
	if err := openAndWait(t, m, huge.Path); err != nil {
		t.Fatalf("opening a document with a huge title: %v", err)
	}
	defer m.doc.store.Close()
	if len(m.doc.items) != 50 {
		t.Errorf("%d items, want 50", len(m.doc.items))
	}
}

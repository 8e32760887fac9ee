package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline/export"
)

// errNoStops means a handout was asked of a document without stops.
var errNoStops = errors.New("the document has no stops: add some in the Stops tab first")

// ExportHandout writes the handout of document in to out as a PDF: a page
// for each presentation stop, with the timeline as the stop shows it, its
// caption and quote card, then the sources of the events drawn. It touches
// SQLite and must not run on the UI goroutine; ctx cancels it. out is
// written whole or not at all.
func ExportHandout(ctx context.Context, in, out string, progress func(float64)) error {
	if progress == nil {
		progress = func(float64) {}
	}
	if err := data.CheckOutput(in, out); err != nil {
		return err
	}
	// Every title is read: a page may draw any event's label.
	doc, err := loadDocument(ctx, in, true, math.MaxInt, func(f float64) { progress(0.2 * f) })
	if err != nil {
		return err
	}
	defer doc.store.Close()
	defer doc.release()
	if err := doc.check(ctx); err != nil {
		return fmt.Errorf("check %s: %w", in, err)
	}
	return doc.writeHandout(ctx, out, data.DateStyle{}, func(f float64) { progress(0.2 + 0.8*f) })
}

// writeHandout writes d's handout to path. d's items must not change
// meanwhile.
func (d *document) writeHandout(ctx context.Context, path string, ds data.DateStyle, progress func(float64)) error {
	views, err := readStopViews(ctx, d.store, ds)
	if err != nil {
		return fmt.Errorf("read the stops: %w", err)
	}
	if len(views) == 0 {
		return errNoStops
	}
	stops := make([]export.Stop, len(views))
	for i := range views {
		stops[i] = d.handoutStop(&views[i], ds)
	}
	pic := d.picture(0, 1, PictureOptions{}) // each stop gives its own window
	return writeExport(ctx, path, func(w io.Writer, fonts *export.Fonts) error {
		return export.WriteHandout(ctx, w, pic, stops, fonts, progress)
	})
}

// handoutStop is the handout page of stop v: its window, lanes, event,
// caption and card, as present mode shows them.
func (d *document) handoutStop(v *stopView, ds data.DateStyle) export.Stop {
	lanes := slices.Clone(d.tlLanes)
	for k, l := range d.lanes {
		lanes[k].Collapsed = slices.Contains(v.stop.HiddenLanes, l.ID)
	}
	c := cardOf(v, ds)
	st := export.Stop{
		From: float64(v.stop.ViewStart), To: float64(v.stop.ViewEnd),
		Lanes: lanes, Selected: v.stop.EventID, Caption: v.stop.Caption,
		Reference: c.reference,
	}
	if v.quote != nil {
		st.Card = &export.Card{Words: shorten(v.quote.Text, presentCardMaxRune), Attribution: c.attribution, About: c.about}
	}
	return st
}

// showHandoutDialog asks where to write the open document's handout, then
// writes it in the background with progress in the status bar.
func (m *mainWindow) showHandoutDialog() {
	doc := m.doc
	if doc == nil {
		return
	}
	base := strings.TrimSuffix(filepath.Base(doc.store.Path()), filepath.Ext(doc.store.Path()))
	name := base + " handout.pdf"
	dir := filepath.Dir(doc.store.Path())
	c := fileChoice{Title: "Export the handout", Save: true, Dir: dir, Name: name, Filter: "PDF documents", Pattern: []string{"*.pdf"}}
	fallback := func() {
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil {
				m.showError(err)
				return
			}
			if w == nil {
				return // cancelled
			}
			path := w.URI().Path()
			w.Close()
			os.Remove(path) // the dialog created it; the handout is written beside it and moved in place
			m.startHandout(doc, path)
		}, m.win)
		d.SetFileName(name)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
		d.Resize(fyne.NewSize(900, 600))
		d.Show()
	}
	m.chooseFile(c, fallback, func(path string) {
		if path != "" {
			m.startHandout(doc, path)
		}
	})
}

// startHandout writes doc's handout to path in the background.
func (m *mainWindow) startHandout(doc *document, path string) {
	if doc != m.doc {
		return
	}
	if !strings.EqualFold(filepath.Ext(path), ".pdf") {
		path += ".pdf"
	}
	snapshot, dates := doc.snapshot(), m.dates
	if m.cancelFn != nil {
		m.cancelFn()
	}
	m.gen++
	gen := m.gen
	ctx, cancel := context.WithCancel(m.life)
	name := filepath.Base(path)
	m.setBusy("Exporting "+name+"…", cancel)
	go func() {
		var err error
		if !snapshot.allTitles {
			err = snapshot.readAllTitles(ctx)
		}
		if err == nil {
			err = snapshot.writeHandout(ctx, path, dates, func(v float64) {
				fyne.Do(func() {
					if gen == m.gen {
						m.setProgress(v)
					}
				})
			})
		}
		cancel()
		fyne.Do(func() {
			if gen != m.gen {
				return
			}
			switch {
			case errors.Is(err, context.Canceled):
				m.setIdle("Export of " + name + " cancelled. " + m.statusText())
			case err != nil:
				m.setIdle(m.statusText())
				m.showError(err)
			default:
				m.setIdle("Exported " + name + ". " + m.statusText())
			}
		})
	}()
}

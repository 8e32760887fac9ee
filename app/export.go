package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/outfile"
	"github.com/quoteline/quoteline/timeline"
	"github.com/quoteline/quoteline/timeline/export"
	"github.com/quoteline/quoteline/timeline/view"
)

// PictureOptions say how to draw a document as a picture.
type PictureOptions struct {
	Format export.Format
	// From and To bound the time window in Unix seconds; nil takes the
	// document's first or last event, with a small margin.
	From, To *int64
	// Width and Height in pixels; 0 picks a width or fits the content (see
	// export.Picture).
	Width, Height int
	// Zone is the clock the axis shows times of day in; nil is UTC.
	Zone *time.Location
}

// ExportPicture draws document in as a PNG, SVG or PDF picture in out, as
// the window would show it, with the sources of the events drawn listed at
// the end. It touches SQLite and must not run on the UI goroutine; ctx
// cancels it. out is written whole or not at all.
func ExportPicture(ctx context.Context, in, out string, opt PictureOptions, progress func(float64)) error {
	if progress == nil {
		progress = func(float64) {}
	}
	if err := data.CheckOutput(in, out); err != nil {
		return err
	}
	// Every title is read: an export may draw any event's label.
	doc, err := loadDocument(ctx, in, true, math.MaxInt, func(f float64) { progress(0.2 * f) })
	if err != nil {
		return err
	}
	defer doc.store.Close()
	defer doc.release()
	if err := doc.check(ctx); err != nil {
		return fmt.Errorf("check %s: %w", in, err)
	}
	from, to, err := doc.window(ctx, opt.From, opt.To)
	if err != nil {
		return err
	}
	pic := doc.picture(from, to, opt)
	return writePicture(ctx, out, opt.Format, pic, func(f float64) { progress(0.2 + 0.8*f) })
}

// PrepareHeadless sets up the application without opening a window, so
// that a command-line export finds the theme's colours and the user's
// settings as the window would. Call it once, before ExportPicture, in a
// process that does not run the app.
func PrepareHeadless() { fyneapp.NewWithID(ID) }

// window returns the time window [from, to] to draw: the given bounds, and
// the document's extent with a margin where none is given.
func (d *document) window(ctx context.Context, from, to *int64) (float64, float64, error) {
	var lo, hi float64
	if from == nil || to == nil {
		first, last, ok, err := d.store.Extent(ctx)
		if err != nil {
			return 0, 0, err
		}
		if !ok && (from == nil && to == nil) {
			return 0, 0, errors.New("the document has no events to draw")
		}
		vp := timeline.NewViewport(0, 1, 1000)
		vp.Fit(float64(first), float64(last+1), fitMargin)
		lo, hi = vp.Start(), vp.End()
		if !ok { // only one bound given, and no events: show a year from it
			lo, hi = float64(ptrOr(from, ptrOr(to, 0)-365*86400)), float64(ptrOr(to, ptrOr(from, 0)+365*86400))
		}
	}
	if from != nil {
		lo = float64(*from)
	}
	if to != nil {
		hi = float64(*to)
	}
	if !(hi > lo) {
		return 0, 0, fmt.Errorf("the time window %s – %s is empty: the end must come after the start",
			data.Time{Unix: int64(lo), Precision: data.PrecisionDay}.Display(), data.Time{Unix: int64(hi), Precision: data.PrecisionDay}.Display())
	}
	return lo, hi, nil
}

// fitMargin is the fraction of the extent left free on each side of a full
// extent export, as the window's Fit All does.
const fitMargin = 0.04

func ptrOr(p *int64, def int64) int64 {
	if p == nil {
		return def
	}
	return *p
}

// picture describes d's events in [from, to] for package export, in the
// screen's font and light colours (pictures go on paper and white pages).
// It reads d's events: call it where they cannot change.
func (d *document) picture(from, to float64, opt PictureOptions) *export.Picture {
	th := theme.DefaultTheme()
	store := d.store
	return &export.Picture{
		Title:   d.title,
		Lanes:   d.tlLanes,
		Events:  d.events(),
		Index:   d.index,
		From:    from,
		To:      to,
		Width:   opt.Width,
		Height:  opt.Height,
		Zone:    opt.Zone,
		Palette: view.Palette(th, theme.VariantLight),
		Metrics: view.Metrics(th),
		Citations: func(ctx context.Context, ids []int64) (map[int64][]export.Source, error) {
			return citations(ctx, store, ids)
		},
	}
}

// citations returns the sources each event cites, through its quotes (in
// the order they were said) and directly.
func citations(ctx context.Context, s *data.Store, ids []int64) (map[int64][]export.Source, error) {
	out := make(map[int64][]export.Source, len(ids))
	for _, id := range ids {
		quotes, err := s.QuotesOfEvent(ctx, id)
		if err != nil {
			return nil, err
		}
		direct, err := s.SourcesOfEvent(ctx, id)
		if err != nil {
			return nil, err
		}
		srcs := make([]data.Source, 0, len(quotes)+len(direct))
		for _, q := range quotes {
			srcs = append(srcs, q.Source)
		}
		for _, r := range direct {
			srcs = append(srcs, r.Source)
		}
		var list []export.Source
		seen := map[int64]bool{}
		for _, src := range srcs {
			if seen[src.ID] {
				continue
			}
			seen[src.ID] = true
			list = append(list, export.Source{
				Key:    strconv.FormatInt(src.ID, 10),
				Title:  src.Title,
				Outlet: src.Outlet,
				Date:   src.Published.Display(),
				URL:    src.URL,
			})
		}
		if len(list) > 0 {
			out[id] = list
		}
	}
	return out, nil
}

// writePicture draws pic into path through a temporary file beside it, so
// that path is replaced only by a complete picture.
func writePicture(ctx context.Context, path string, f export.Format, pic *export.Picture, progress func(float64)) error {
	return writeExport(ctx, path, func(w io.Writer, fonts *export.Fonts) error {
		return export.Write(ctx, w, f, pic, fonts, progress)
	})
}

// writeExport writes path with draw, in the screen's fonts, through
// outfile.Write: only a regular file, replaced only by a complete one, and
// nothing left behind when ctx ends first.
func writeExport(ctx context.Context, path string, draw func(w io.Writer, fonts *export.Fonts) error) error {
	fonts, err := export.NewFonts(theme.DefaultTextFont().Content(), theme.DefaultTextBoldFont().Content())
	if err != nil {
		return err
	}
	if err := outfile.Write(ctx, path, func(w io.Writer) error { return draw(w, fonts) }); err != nil {
		return fmt.Errorf("export to %s: %w", path, err)
	}
	return nil
}

// exportMenuItem is File ▸ Export…
func (m *mainWindow) exportMenuItem() *fyne.MenuItem {
	item := fyne.NewMenuItem("Export…", m.showExportDialog)
	item.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	return item
}

// exportFormats are the picture formats offered in the Export dialog.
var exportFormats = []struct {
	label  string
	format export.Format
}{
	{"PDF document", export.PDF},
	{"PNG image", export.PNG},
	{"SVG drawing", export.SVG},
}

// showExportDialog asks what to export and where, then exports in the
// background with progress in the status bar.
func (m *mainWindow) showExportDialog() {
	if m.doc == nil {
		m.showError(errors.New("open a document to export it"))
		return
	}
	what := widget.NewRadioGroup([]string{"Current view", "Full extent"}, nil)
	what.SetSelected("Current view")
	labels := make([]string, len(exportFormats))
	for i, f := range exportFormats {
		labels[i] = f.label
	}
	format := widget.NewSelect(labels, nil)
	format.SetSelectedIndex(0)
	formatItem := widget.NewFormItem("Format", format)
	formatItem.HintText = "PDF: A4 pages, then the sources. PNG, SVG: one picture."
	items := []*widget.FormItem{widget.NewFormItem("Time span", what), formatItem}
	d := dialog.NewForm("Export", "Choose file…", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		f := exportFormats[max(format.SelectedIndex(), 0)].format
		m.chooseExportFile(f, what.Selected == "Full extent")
	}, m.win)
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	d.Show()
}

// chooseExportFile asks where to save the export, then starts it.
func (m *mainWindow) chooseExportFile(f export.Format, full bool) {
	doc := m.doc
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		path := w.URI().Path()
		w.Close() // the picture is written beside it and moved in place when complete
		if !strings.EqualFold(filepath.Ext(path), "."+string(f)) {
			os.Remove(path) // the dialog created it; the picture goes under the right name
			path += "." + string(f)
		}
		m.startExport(doc, path, f, full, nil)
	}, m.win)
	base := strings.TrimSuffix(filepath.Base(doc.store.Path()), filepath.Ext(doc.store.Path()))
	d.SetFileName(base + "." + string(f))
	d.SetFilter(storage.NewExtensionFileFilter([]string{"." + string(f)}))
	if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(doc.store.Path()))); err == nil {
		d.SetLocation(dir)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// startExport exports doc to path in the background. Called on the UI
// goroutine: the picture is taken from what the window shows now. done, if
// not nil, is called on the UI goroutine when the export has ended.
func (m *mainWindow) startExport(doc *document, path string, f export.Format, full bool, done func(error)) {
	if doc != m.doc {
		return
	}
	vp := m.timeline.Viewport()
	opt := PictureOptions{Format: f}
	if f != export.PDF {
		opt.Width = int(max(vp.Width(), export.MinWidth))
	}
	var from, to *int64
	if !full {
		lo, hi := int64(vp.Start()), int64(vp.End())
		from, to = &lo, &hi
	}
	opt.Zone = m.dates.Zone
	snapshot := doc.snapshot()
	if shown := m.filter.shown; shown != nil {
		snapshot.keepOnly(shown) // the picture shows what the window does
	}
	if m.cancelFn != nil {
		m.cancelFn()
	}
	m.gen++
	gen := m.gen
	ctx, cancel := context.WithCancel(m.life)
	name := filepath.Base(path)
	m.setBusy("Exporting "+name+"…", cancel)
	go func() {
		progress := func(v float64) {
			fyne.Do(func() {
				if gen == m.gen {
					m.setProgress(v)
				}
			})
		}
		var err error
		if !snapshot.allTitles { // a large document has only the titles in view
			err = snapshot.readAllTitles(ctx)
		}
		var lo, hi float64
		if err == nil {
			lo, hi, err = snapshot.window(ctx, from, to)
		}
		if err == nil {
			err = writePicture(ctx, path, f, snapshot.picture(lo, hi, opt), progress)
		}
		cancel()
		fyne.Do(func() {
			if gen == m.gen {
				switch {
				case errors.Is(err, context.Canceled):
					m.setIdle("Export of " + name + " cancelled. " + m.statusText())
				case err != nil:
					m.setIdle(m.statusText())
					m.showError(err)
				default:
					m.setIdle("Exported " + name + ". " + m.statusText())
				}
			}
			if done != nil {
				done(err)
			}
		})
	}()
}

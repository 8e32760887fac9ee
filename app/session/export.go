package session

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/quoteline/quoteline/assets"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/interchange"
	"github.com/quoteline/quoteline/internal/outfile"
	"github.com/quoteline/quoteline/timeline"
	"github.com/quoteline/quoteline/timeline/export"
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
	// Paper is a PDF's page size when Height is 0 (zero: A4).
	Paper export.Paper
	// Scale is a PNG's pixels per layout pixel, 1 to 4 (0 is 1).
	Scale float64
	// Sources says where the source list goes (see export.Sources).
	Sources export.Sources
	// Zone is the clock the axis shows times of day in; nil is UTC.
	Zone *time.Location
}

// WritePicture draws d as a PNG, SVG or PDF picture in out, as the window
// would show it in its light theme, with the sources of the events drawn
// listed where opt.Sources says. When a PNG's or SVG's list goes apart, it
// is written beside out as SourcesPath(out), whose path it returns ("" if
// none). Every title of d must have been read (Load with math.MaxInt). It
// touches SQLite: not on a UI goroutine; ctx cancels it. Each file is
// written whole or not at all, and both pictures are drawn before either
// is written: a failure or a cancel while drawing leaves neither.
func WritePicture(ctx context.Context, d *Document, out string, opt PictureOptions, progress func(float64)) (string, error) {
	if err := data.CheckOutput(d.Path(), out); err != nil {
		return "", err
	}
	from, to, err := d.window(ctx, opt.From, opt.To)
	if err != nil {
		return "", err
	}
	pic := d.picture(from, to, opt)
	second := SourcesPath(out)
	pic.SourcesName = filepath.Base(second)
	fonts, err := export.NewFonts(assets.Fonts())
	if err != nil {
		return "", err
	}
	// Both pictures are drawn, and the second's name checked, before
	// either is written: a picture is not left (nor an old one replaced)
	// naming a list that was refused, failed or was cancelled.
	var first, apart bytes.Buffer
	list, err := export.Write(ctx, outfile.Cancellable(ctx, &first), opt.Format, pic, fonts, progress)
	if err != nil {
		return "", drawError(ctx, out, err)
	}
	if list == nil {
		return "", writeDrawn(ctx, out, first.Bytes())
	}
	if err := data.CheckOutput(d.Path(), second); err != nil {
		return "", err
	}
	if err := list.Write(ctx, outfile.Cancellable(ctx, &apart)); err != nil {
		return "", drawError(ctx, second, err)
	}
	// Drawn: a cancel no longer comes between the two files.
	ctx = context.WithoutCancel(ctx)
	if err := writeDrawn(ctx, out, first.Bytes()); err != nil {
		return "", err
	}
	return second, writeDrawn(ctx, second, apart.Bytes())
}

// drawError is the error of drawing the picture for path: ctx's if it has
// ended, as outfile.Write gives it, named after path as writeFile names it.
func drawError(ctx context.Context, path string, err error) error {
	if cerr := ctx.Err(); cerr != nil {
		err = cerr
	}
	return fmt.Errorf("%s: %w", path, err)
}

// writeDrawn writes b, a picture drawn, to path as writeFile does.
func writeDrawn(ctx context.Context, path string, b []byte) error {
	return writeOut(ctx, path, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// SourcesPath is where a picture at out puts its source list when the list
// goes in a picture of its own: OUT-sources.png beside OUT.png.
func SourcesPath(out string) string {
	ext := filepath.Ext(out)
	return strings.TrimSuffix(out, ext) + "-sources" + ext
}

// window returns the time window [from, to] to draw: the given bounds, and
// the document's extent with a margin where none is given.
func (d *Document) window(ctx context.Context, from, to *int64) (float64, float64, error) {
	var lo, hi float64
	if from == nil || to == nil {
		first, last, ok, err := d.st().Extent(ctx)
		if err != nil {
			return 0, 0, err
		}
		if !ok && (from == nil && to == nil) {
			return 0, 0, errors.New("the document has no events to draw")
		}
		vp := timeline.NewViewport(0, 1, 1000)
		vp.Fit(float64(first), float64(last+1), timeline.FitMargin)
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

func ptrOr(p *int64, def int64) int64 {
	if p == nil {
		return def
	}
	return *p
}

// picture describes d's events in [from, to] for package export, in the
// paper palette and sizes (the window's light theme: pictures go on paper
// and white pages). It reads d's events: call it where they cannot change.
func (d *Document) picture(from, to float64, opt PictureOptions) *export.Picture {
	store := d.st()
	return &export.Picture{
		Title:   d.title,
		Lanes:   d.tlLanes,
		Events:  d.events(),
		Index:   d.index,
		From:    from,
		To:      to,
		Width:   opt.Width,
		Height:  opt.Height,
		Paper:   opt.Paper,
		Scale:   opt.Scale,
		Sources: opt.Sources,
		Zone:    opt.Zone,
		Palette: export.PaperPalette(),
		Metrics: export.PaperMetrics(),
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

// writeFile writes path with draw, in the window's fonts, through
// outfile.Write: only a regular file, replaced only by a complete one, and
// nothing left behind when ctx ends first. Its error starts with path, as
// the caller names the export: "quoteline export: out.png: picture too
// large: …".
func writeFile(ctx context.Context, path string, draw func(w io.Writer, fonts *export.Fonts) error) error {
	fonts, err := export.NewFonts(assets.Fonts())
	if err != nil {
		return err
	}
	return writeOut(ctx, path, func(w io.Writer) error { return draw(w, fonts) })
}

// writeOut writes path with fill through outfile.Write; its error starts
// with path.
func writeOut(ctx context.Context, path string, fill func(w io.Writer) error) error {
	if err := outfile.Write(ctx, path, fill); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// ExportData writes the events of st overlapping [from, to] (either may be
// nil: no bound) to out in one of the interchange formats: CSV, Quoteline's
// own JSON (with source texts in a folder beside it), TimelineJS or vis.
// out appears only once complete. written, if not nil, is called now and
// then with how many events have been written.
func ExportData(ctx context.Context, st *data.Store, out string, f interchange.Format, from, to *int64, written func(n int)) error {
	if f == interchange.FormatArticle || f == interchange.FormatTimelineCSV {
		return fmt.Errorf("export format %q: want csv, json, timelinejs or vis", f)
	}
	if err := data.CheckOutput(st.Path(), out); err != nil {
		return err
	}
	// The events go from the store to the file a batch at a time. The
	// writer's errors name the file written ("write out.csv: …").
	return st.ExportTo(ctx, data.ExportOptions{From: from, To: to}, func(x *data.Export) error {
		if written != nil {
			x.Events = countedEvents(x.Events, written)
		}
		return interchange.WriteExport(ctx, out, f, x)
	})
}

// countedEvents returns events, calling written with how many it has given
// after every thousandth.
func countedEvents(events data.EventStream, written func(n int)) data.EventStream {
	return func(fn func(*data.DocumentEvent) error) error {
		n := 0
		return events(func(e *data.DocumentEvent) error {
			if err := fn(e); err != nil {
				return err
			}
			if n++; n%1000 == 0 {
				written(n)
			}
			return nil
		})
	}
}

// ExportPicture draws what the timeline shows of the open document to path,
// in the background with progress and Cancel: the current view or, with
// full, the whole extent, in the format, size and with the sources opt asks
// for (without a width, a PNG or SVG is as wide as the window's timeline,
// at least export.MinWidth). done, if not nil, runs on the owner's
// goroutine when it has ended.
func (s *Session) ExportPicture(path string, opt PictureOptions, full bool, done func(error)) {
	draw := s.pictureJob(opt, full)
	if draw == nil {
		return
	}
	var second string // the sources' own picture, if any
	s.exportTask(path, func(ctx context.Context, progress func(float64)) error {
		var err error
		second, err = draw(ctx, func(d *Document, opt PictureOptions) (string, error) {
			return WritePicture(ctx, d, path, opt, progress)
		})
		return err
	}, func() string {
		if second == "" {
			return ""
		}
		return " and its sources as " + filepath.Base(second)
	}, done)
}

// PreviewPicture draws, off the owner's goroutine and at scale 1, the
// picture ExportPicture(opt, full) would write (a PDF on paper: its first
// page), then calls done on the owner's goroutine with it or with why it
// cannot be drawn, unless cancel has been called or another document
// opened meanwhile. With no document open it does nothing.
func (s *Session) PreviewPicture(opt PictureOptions, full bool, done func(*image.RGBA, error)) (cancel func()) {
	draw := s.pictureJob(opt, full)
	if draw == nil {
		return func() {}
	}
	j := s.newJob()
	go func() {
		var img *image.RGBA
		_, err := draw(j.ctx, func(d *Document, opt PictureOptions) (string, error) {
			from, to, err := d.window(j.ctx, opt.From, opt.To)
			if err != nil {
				return "", err
			}
			pic := d.picture(from, to, opt)
			name := strings.TrimSuffix(filepath.Base(d.Path()), filepath.Ext(d.Path())) + "." + string(opt.Format)
			pic.SourcesName = SourcesPath(name) // as the file chooser proposes
			fonts, err := export.NewFonts(assets.Fonts())
			if err != nil {
				return "", err
			}
			img, err = export.Preview(j.ctx, opt.Format, pic, fonts)
			return "", err
		})
		s.deliver(func() {
			if j.current() && j.ctx.Err() == nil {
				done(img, err)
			}
			j.cancel()
		})
	}()
	return j.cancel
}

// pictureJob snapshots what the window shows for a picture of the current
// view or, with full, the whole extent, and returns the function that reads
// the snapshot's titles and draws it with opt completed; nil with no
// document open.
func (s *Session) pictureJob(opt PictureOptions, full bool) func(ctx context.Context, draw func(*Document, PictureOptions) (string, error)) (string, error) {
	doc := s.doc
	if doc == nil {
		return nil
	}
	if doc.Reading() {
		return func(context.Context, func(*Document, PictureOptions) (string, error)) (string, error) {
			return "", ErrReading
		}
	}
	vp := s.look.view
	opt.Zone = s.look.dates.Zone
	if opt.Width == 0 && opt.Format != export.PDF {
		opt.Width = int(max(vp.Width(), export.MinWidth))
	}
	if !full {
		lo, hi := int64(vp.Start()), int64(vp.End())
		opt.From, opt.To = &lo, &hi
	}
	snapshot := doc.snapshot()
	if shown := s.filter.shown; shown != nil {
		snapshot.keepOnly(shown) // the picture shows what the window does
	}
	return func(ctx context.Context, draw func(*Document, PictureOptions) (string, error)) (string, error) {
		if err := snapshot.readTitles(ctx); err != nil {
			return "", err
		}
		return draw(snapshot, opt)
	}
}

// ExportHandout writes the open document's handout (see WriteHandout) to
// path, in the background with progress and Cancel.
func (s *Session) ExportHandout(path string, done func(error)) {
	doc, dates := s.doc, s.look.dates
	if doc == nil {
		return
	}
	if s.StillReading() { // nothing to snapshot yet
		if done != nil {
			done(ErrReading)
		}
		return
	}
	snapshot := doc.snapshot()
	s.exportTask(path, func(ctx context.Context, progress func(float64)) error {
		if err := snapshot.readTitles(ctx); err != nil {
			return err
		}
		return WriteHandout(ctx, snapshot, path, dates, progress)
	}, nil, done)
}

// ExportData writes the whole open document to path in one of the
// interchange formats (see ExportData), in the background with Cancel.
func (s *Session) ExportData(path string, f interchange.Format, done func(error)) {
	doc := s.doc
	if doc == nil {
		return
	}
	total := float64(max(doc.Counts().Events, 1))
	s.exportTask(path, func(ctx context.Context, progress func(float64)) error {
		return ExportData(ctx, doc.st(), path, f, nil, nil, func(n int) { progress(min(float64(n)/total, 1)) })
	}, nil, done)
}

// exportTask runs write, which writes path, as the session's task. The
// status line then says how it went, with what also, if not nil, says was
// written besides; done, if not nil, is called with its error.
func (s *Session) exportTask(path string, write func(ctx context.Context, progress func(float64)) error, also func() string, done func(error)) {
	if s.StillReading() {
		if done != nil {
			done(ErrReading)
		}
		return
	}
	name := filepath.Base(path)
	s.startTask("Exporting "+name+"…", func(j *job) error { return write(j.ctx, j.progress) }, func(j *job, err error) {
		if !j.replaced {
			switch {
			case errors.Is(err, context.Canceled):
				s.idle("Export of " + name + " cancelled.")
			case err != nil:
				s.idle("")
				s.problem(err)
			case also != nil:
				s.idle("Exported " + name + also() + ".")
			default:
				s.idle("Exported " + name + ".")
			}
		}
		if done != nil {
			done(err)
		}
	})
}

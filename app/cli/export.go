package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline/export"
)

const exportUsage = `Usage: quoteline export [--format png|svg|pdf|csv|json|timelinejs|vis] [--from DATE] [--to DATE] [--width W] [--height H] IN.quoteline OUT
       quoteline export --format pdf --stops IN.quoteline OUT.pdf

Draw the timeline of IN as a picture, as the window shows it, with numbered
footnotes on events that cite sources and the list of sources at the end;
or write its events as CSV, Quoteline JSON (which keeps everything and
imports back whole), TimelineJS3 JSON or a vis-timeline DataSet. With
--stops, write the presentation's handout instead: a PDF page per stop with
the timeline as the stop shows it, its caption and quote card, then the
sources.
Without --from and --to the whole extent is drawn. DATE is a year, a month
or a day written as the app's date field takes it (2022, 2022-08,
15 May 2023, 300 BC, 540 Ma); --to includes the whole year, month or day it
names. The format
defaults to OUT's extension. A PDF is A4 landscape, split over pages at
calendar boundaries when the events need the room; --width sets the width
of its timeline per page in pixels (default 1100; wider fits more on a
page in smaller type). For PNG and SVG, --width and --height are the
picture's size in pixels (default width 1600; height fits the content).

`

// runExport carries out "quoteline export".
func runExport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quoteline export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, exportUsage)
		fs.PrintDefaults()
	}
	format := fs.String("format", "", "png, svg, pdf, csv, json, timelinejs or vis (default: from OUT's extension)")
	fromS := fs.String("from", "", "first day drawn: a year, month or day, such as 2022, 2022-08, 15 May 2023 or 300 BC")
	toS := fs.String("to", "", "last day drawn: a year, month or day, such as 2022, 2022-08, 15 May 2023 or 300 BC")
	width := fs.Int("width", 0, fmt.Sprintf("width in pixels, %d to %d", export.MinWidth, export.MaxWidth))
	stops := fs.Bool("stops", false, "a handout of the presentation: a page per stop with its caption and quote card, then the sources (PDF)")
	height := fs.Int("height", 0, fmt.Sprintf("height in pixels, up to %d (PNG and SVG; default fits the content)", export.MaxHeight))
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "quoteline export: "+format+"\n", a...)
		return 2
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return 2
	}
	in, out := fs.Arg(0), fs.Arg(1)
	f := strings.ToLower(*format)
	if f == "" {
		f = strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
		if f == "" {
			return fail("%s has no extension: say which format with --format (png, svg, pdf, csv, json, timelinejs, vis)", out)
		}
	}
	if *stops {
		switch {
		case f != "pdf":
			return fail("--stops writes a PDF handout, not %s", f)
		case *fromS != "" || *toS != "" || *width != 0 || *height != 0:
			return fail("--stops takes each page's window from its stop: --from, --to, --width and --height do not apply")
		}
		if code := checkDocument(in, stderr); code != 0 {
			return code
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		return wrote(stdout, stderr, out, drawDocument(ctx, in, out, func(d *session.Document) error {
			return session.WriteHandout(ctx, d, out, data.DateStyle{}, nil)
		}))
	}
	switch f {
	case "png", "svg", "pdf", "csv", "json", "timelinejs", "vis":
	default:
		return fail("format %q: want png, svg, pdf, csv, json, timelinejs or vis", f)
	}
	from, err := parseExportDate(*fromS, false)
	if err != nil {
		return fail("--from: %v", err)
	}
	to, err := parseExportDate(*toS, true)
	if err != nil {
		return fail("--to: %v", err)
	}
	if from != nil && to != nil && !to.After(*from) {
		return fail("--to %s is before --from %s", *toS, *fromS)
	}
	if *width != 0 && (*width < export.MinWidth || *width > export.MaxWidth) {
		return fail("--width %d: give %d to %d pixels", *width, export.MinWidth, export.MaxWidth)
	}
	if *height < 0 || *height > export.MaxHeight {
		return fail("--height %d: give up to %d pixels", *height, export.MaxHeight)
	}
	if code := checkDocument(in, stderr); code != 0 {
		return code
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()

	switch pf := export.Format(f); pf {
	case export.PNG, export.SVG, export.PDF:
		if pf == export.PDF && *height != 0 {
			return fail("--height does not apply to PDF: its pages are A4 landscape")
		}
		opt := session.PictureOptions{Format: pf, Width: *width, Height: *height, From: unixOf(from), To: unixOf(to)}
		err = drawDocument(ctx, in, out, func(d *session.Document) error { return session.WritePicture(ctx, d, out, opt, nil) })
	default:
		// The interchange formats: csv, json, timelinejs, vis.
		if *width != 0 || *height != 0 {
			return fail("--width and --height apply to pictures (png, svg, pdf), not to %s", f)
		}
		err = exportInterchange(ctx, f, in, out, from, to)
	}
	return wrote(stdout, stderr, out, err)
}

// wrote says that out was written, or why not, and returns the exit code.
func wrote(stdout, stderr io.Writer, out string, err error) int {
	if err != nil {
		fmt.Fprintln(stderr, "quoteline export:", err)
		return 1
	}
	fmt.Fprintln(stdout, "wrote", out)
	return 0
}

// drawDocument reads the document at in with every title and checks it
// whole, as a picture or a handout needs, then draws it with draw; out is
// checked first, so that a bad name fails before the reading.
func drawDocument(ctx context.Context, in, out string, draw func(d *session.Document) error) error {
	if err := data.CheckOutput(in, out); err != nil {
		return err
	}
	d, err := session.Load(ctx, in, math.MaxInt, nil)
	if err != nil {
		return err
	}
	defer d.Release()
	return draw(d)
}

// parseExportDate reads YYYY, YYYY-MM or YYYY-MM-DD: the start of that
// period, or with end the start of the next one (the period is included).
// An empty string gives nil.
func parseExportDate(s string, end bool) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	t, err := data.ParseDate(s)
	if err != nil || t.Precision > data.PrecisionDay {
		return nil, fmt.Errorf("%q is not a year, a month or a day: write it like 2022, 2022-08, 15 May 2023 or 300 BC", s)
	}
	u := t.Unix
	if end {
		u = t.End() + 1
	}
	tt := time.Unix(u, 0).UTC()
	return &tt, nil
}

func unixOf(t *time.Time) *int64 {
	if t == nil {
		return nil
	}
	u := t.Unix()
	return &u
}

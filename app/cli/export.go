package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"time"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/interrupt"
	"github.com/quoteline/quoteline/timeline/export"
)

const exportUsage = `Usage: quoteline export [--format png|svg|pdf|csv|json|timelinejs|vis] [--from DATE] [--to DATE] [--width W] [--height H]
                        [--paper a4|letter] [--sources below|page|none] [--scale N] IN.quoteline OUT
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
names. The format defaults to OUT's extension.

For PNG and SVG, --width and --height are the picture's size in pixels
(default width 1600; without a height the picture is as tall as its
content). Given a height, the picture is exactly that size: the timeline
is laid out for it as the window fits its first view (rows closer, then
smaller type down to 11 pixels, larger type on a roomy slide, then fewer
rows per lane with the rest drawn as marks, said in the subheading); a
size even that cannot fit is refused with the height it would need.
Sizes people use: 1920x1080 (a 16:9 slide), 1280x720, 1600x1200 or
1024x768 (4:3), A4 landscape at 150 dpi 1754x1240, Letter 1650x1275.
--scale 2 doubles a PNG's pixels for high-density screens (1 to 4).

--sources says where the numbered list of sources goes: below the
timeline, on a page of its own, or none (no list and no footnote
markers). For PNG and SVG the default is below when it fits the height,
else a compact numbered line of the outlets in the picture and the full
list in a second picture beside OUT, named OUT-sources.png (or .svg);
page always does that.

A PDF is on paper by default: --paper a4 (the default) or letter,
landscape, split over pages at calendar boundaries when the events need
the room, then the sources on pages of their own; --width sets the width
of its timeline per page in pixels (default 1100; wider fits more on a
page in smaller type). With --width and --height, a PDF has pages of that
many points, the timeline fitted to the first as a PNG would be, then
the sources.

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
	height := fs.Int("height", 0, fmt.Sprintf("height in pixels, up to %d (default fits the content; a PDF's page height in points)", export.MaxHeight))
	paperS := fs.String("paper", "", "a PDF's paper: a4 (the default) or letter, landscape")
	sourcesS := fs.String("sources", "", "where the source list goes: below, page or none (default: below when it fits, else page; PDF: page)")
	scale := fs.Float64("scale", 1, fmt.Sprintf("a PNG's pixels per pixel, %d to %d (2 for high-density screens)", export.MinScale, export.MaxScale))
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
		case *fromS != "" || *toS != "" || *width != 0 || *height != 0 || *paperS != "" || *sourcesS != "" || *scale != 1:
			return fail("--stops takes each page's window from its stop: --from, --to, --width, --height, --paper, --sources and --scale do not apply")
		}
		ctx, stop := interrupt.Context(context.Background())
		defer stop()
		return wrote(ctx, stdout, stderr, out, drawDocument(ctx, in, out, func(d *session.Document) error {
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
	sources, err := export.ParseSources(*sourcesS)
	if err != nil {
		return fail("--sources: %v", err)
	}
	if !(*scale >= export.MinScale && *scale <= export.MaxScale) {
		return fail("--scale %v: give %d to %d (2 for high-density screens)", *scale, export.MinScale, export.MaxScale)
	}
	var paper export.Paper
	if *paperS != "" {
		if paper, err = export.ParsePaper(*paperS); err != nil {
			return fail("--paper: %v", err)
		}
	}
	ctx, stop := interrupt.Context(context.Background())
	defer stop()

	var second string // the sources' own picture, if written
	switch pf := export.Format(f); pf {
	case export.PNG, export.SVG, export.PDF:
		switch {
		case pf != export.PDF && *paperS != "":
			w, h := paper.Pixels(150)
			return fail("--paper is for PDF; for a %s of %s paper give its size in pixels: --width %d --height %d at 150 dpi", strings.ToUpper(f), paper.Name, w, h)
		case pf == export.PDF && *paperS != "" && *height != 0:
			return fail("--paper and --height: a PDF has %s pages or pages of the size given, not both", paper.Name)
		case pf == export.PDF && *height != 0 && *width == 0:
			return fail("--height: give a PDF's page its --width too")
		case pf == export.PDF && *height == 0 && sources == export.SourcesBelow:
			return fail("--sources below: a PDF on paper lists its sources on pages of their own; give page or none, or --width and --height for a page of that size")
		case pf != export.PNG && *scale != 1:
			return fail("--scale applies to PNG; %s scales itself", strings.ToUpper(f))
		}
		opt := session.PictureOptions{Format: pf, Width: *width, Height: *height, Paper: paper, Scale: *scale, Sources: sources, From: unixOf(from), To: unixOf(to)}
		err = drawDocument(ctx, in, out, func(d *session.Document) error {
			second, err = session.WritePicture(ctx, d, out, opt, nil)
			return err
		})
	default:
		// The interchange formats: csv, json, timelinejs, vis.
		if *width != 0 || *height != 0 || *paperS != "" || *sourcesS != "" || *scale != 1 {
			return fail("--width, --height, --paper, --sources and --scale apply to pictures (png, svg, pdf), not to %s", f)
		}
		err = exportInterchange(ctx, f, in, out, from, to)
	}
	code := wrote(ctx, stdout, stderr, out, err)
	if code == 0 && second != "" {
		fmt.Fprintln(stdout, "wrote", second, "(the sources)")
	}
	return code
}

// wrote says that out was written, or why not (that the export ended
// because ctx did: it was interrupted), and returns the exit code. If it
// was not written, out is as it was.
func wrote(ctx context.Context, stdout, stderr io.Writer, out string, err error) int {
	switch {
	case err != nil && ctx.Err() != nil:
		fmt.Fprintf(stderr, "quoteline export: interrupted; %s was not written\n", out)
		return 1
	case err != nil:
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

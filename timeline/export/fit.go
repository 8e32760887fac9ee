package export

import (
	"context"
	"fmt"
	"image"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/quoteline/quoteline/timeline"
)

// Sources says where a picture's list of sources goes.
type Sources string

// Where the source list goes.
const (
	// SourcesAuto puts the list of a PNG or SVG under the timeline when it
	// fits the height asked for (or when the height fits the content), else
	// apart (SourcesPage); a PDF's list goes on pages of its own.
	SourcesAuto Sources = ""
	// SourcesBelow puts the list under the timeline, in the picture.
	SourcesBelow Sources = "below"
	// SourcesPage puts the list apart: on pages of their own in a PDF, in a
	// second picture for PNG and SVG (the picture keeps a compact numbered
	// line of the outlets).
	SourcesPage Sources = "page"
	// SourcesNone leaves the list out, and the footnote markers with it.
	SourcesNone Sources = "none"
)

// ParseSources reads a source placement as the command line gives it:
// below, page, none, or "" (auto).
func ParseSources(s string) (Sources, error) {
	switch v := Sources(strings.ToLower(strings.TrimSpace(s))); v {
	case SourcesAuto, SourcesBelow, SourcesPage, SourcesNone:
		return v, nil
	case "auto":
		return SourcesAuto, nil
	}
	return "", fmt.Errorf("sources %q: want below, page or none", s)
}

// Pixel scales of a PNG: how many pixels it has for each pixel of the
// layout (2 for high-density screens).
const (
	MinScale = 1
	MaxScale = 4
)

// MinTextSize is the smallest text, in pixels, that a picture fitted to a
// height is drawn in: the window's own limit when it fits its lanes
// (timeline.MinReadableText).
const MinTextSize = timeline.MinReadableText

// maxGrow is how much larger than usual a picture fitted to a roomy height
// may draw its timeline: a slide is read from across a room.
const maxGrow = 1.5

// SourceList is a picture's source list drawn apart from it, in a picture
// of its own (SourcesPage, or SourcesAuto when the list does not fit).
type SourceList struct {
	f     Format
	pg    *page
	fonts *Fonts
	scale float64
	Count int // how many sources it lists
}

// Write draws the source list in its format to w. It stops when ctx ends.
func (l *SourceList) Write(ctx context.Context, w io.Writer) error {
	return writeFormat(ctx, w, l.f, l.pg, l.fonts, l.scale)
}

// writeFormat writes pg as a PNG (at scale pixels per unit) or an SVG.
func writeFormat(ctx context.Context, w io.Writer, f Format, pg *page, fonts *Fonts, scale float64) error {
	if f == PNG {
		return writePNG(ctx, w, pg, fonts, scale)
	}
	return writeSVG(ctx, w, pg, fonts)
}

// layoutSingle lays p out as one picture: a heading, the scene and the
// source list (or, apart, a compact line of its outlets and a second
// picture with the list, returned). Without a height the picture is as
// tall as its content. With one, the timeline is laid out for it as the
// window lays out its first view (timeline.FitHeight): the space between
// rows goes first, then the type shrinks down to MinTextSize; a roomy
// height draws it up to maxGrow times larger. Only then do lanes keep
// fewer rows, the rest drawn as marks in their overflow strips (said in
// the subheading). If even that cannot fit, it fails with ErrTooSmall and
// the height needed.
func layoutSingle(ctx context.Context, f Format, p *Picture, fonts *Fonts) (*page, *page, error) {
	width := float64(p.Width)
	if width == 0 {
		width = 1600
	}
	if err := p.checkWindow(width); err != nil {
		return nil, nil, err
	}
	var notes map[int64]string
	var sources []Source
	if p.Sources != SourcesNone {
		sc := build(p, p.Metrics, fonts, p.From, p.To, width, nil)
		var err error
		if notes, sources, err = numbering(ctx, p, []*timeline.Scene{sc}); err != nil {
			return nil, nil, err
		}
	}
	placement := p.Sources
	if len(sources) == 0 {
		placement = SourcesNone
	} else if placement == SourcesAuto && f == PDF {
		placement = SourcesPage
	}
	compose := func(m timeline.Metrics, where Sources) *page {
		return composePage(p, m, fonts, width, notes, sources, where)
	}
	height := func(where Sources) func(timeline.Metrics) float64 {
		return func(m timeline.Metrics) float64 { return compose(m, where).height }
	}
	if p.Height == 0 {
		where := placement
		if where == SourcesAuto {
			where = SourcesBelow
		}
		pg := compose(p.Metrics, where)
		return within(pg, apart(p, fonts, width, pg, sources))
	}
	avail := float64(p.Height)
	lo := math.Min(1, MinTextSize/p.Metrics.TextSize)
	var pg *page
	if placement == SourcesAuto {
		// The list goes below only if the timeline then keeps its usual
		// type: a list is not worth a smaller timeline.
		if fit, ok := timeline.FitHeight(p.Metrics, 1, maxGrow, avail, height(SourcesBelow)); ok {
			pg = compose(fit.Apply(p.Metrics), SourcesBelow)
		} else {
			placement = SourcesPage
		}
	}
	if pg == nil {
		fit, ok := timeline.FitHeight(p.Metrics, lo, maxGrow, avail, height(placement))
		m := fit.Apply(p.Metrics)
		if !ok {
			m = timeline.Fitting{Scale: lo, Tight: 1}.Apply(p.Metrics)
			need := height(placement)(m)
			for rows := m.MaxRows - 1; rows >= 1 && !ok; rows-- {
				m.MaxRows = rows
				need = height(placement)(m)
				ok = need <= avail
			}
			if !ok {
				return nil, nil, tooSmall(p, width, need, placement)
			}
		}
		pg = compose(m, placement)
	}
	pg.height = avail
	return within(pg, apart(p, fonts, width, pg, sources))
}

// within returns a picture's page and its source list apart (nil if none),
// or why one of them is larger than pictures are drawn: before anything
// as large is allocated.
func within(pg, list *page) (*page, *page, error) {
	for _, q := range []*page{pg, list} {
		if q == nil {
			continue
		}
		if err := sizeWithin(int(q.width), int(q.height)); err != nil {
			return nil, nil, err
		}
	}
	return pg, list, nil
}

// tooSmall says that p's height cannot hold the smallest readable layout,
// which needs need pixels at width.
func tooSmall(p *Picture, width, need float64, where Sources) error {
	hint := "omit the height to fit the content"
	if where == SourcesBelow {
		hint = "put the sources on a page of their own, or " + hint
	}
	return fmt.Errorf("%d×%d: %w: even with text at %v pixels and one row per lane this picture needs %d pixels at width %d (%s)",
		int(width), p.Height, ErrTooSmall, MinTextSize, int(math.Ceil(need)), int(width), hint)
}

// apart returns the page of the source list drawn apart from pg, if pg
// carries only the compact line; nil otherwise.
func apart(p *Picture, fonts *Fonts, width float64, pg *page, sources []Source) *page {
	if pg.compact == nil {
		return nil
	}
	sp := &page{width: width, palette: p.Palette, metrics: p.Metrics}
	size := p.Metrics.TextSize
	sp.heading = fonts.truncate(heading(p), size*headingSize, true, width-2*margin)
	sp.subheading = fonts.truncate("Sources of the timeline "+windowText(p.From, p.To), size, false, width-2*margin)
	_, hh := fonts.Measure("Hg", size*headingSize, true)
	y := margin + hh + lineHeight(fonts, size) + size*0.6
	sp.sources = sourceLines(sources, fonts, size, width-2*margin)
	y = placeSources(sp, fonts, y)
	sp.height = math.Max(math.Ceil(y+margin), float64(p.Height))
	return sp
}

// composePage lays out a page of width at metrics m: the heading, the
// scene with the footnote markers of notes, and the sources as where says.
func composePage(p *Picture, m timeline.Metrics, fonts *Fonts, width float64, notes map[int64]string, sources []Source, where Sources) *page {
	sc := build(p, m, fonts, p.From, p.To, width, notes)
	pg := newPage(p, m, fonts, width, sc, windowText(p.From, p.To)+hiddenText(sc))
	y := pg.sceneY + pg.clipH
	switch where {
	case SourcesBelow:
		pg.sources = sourceLines(sources, fonts, m.TextSize, width-2*margin)
		y = placeSources(pg, fonts, y+lineHeight(fonts, m.TextSize))
	case SourcesPage:
		size := m.TextSize * 0.9
		lh := lineHeight(fonts, size)
		y += size * 0.6
		for _, l := range compactLines(p, sources, fonts, size, width-2*margin) {
			pg.compact = append(pg.compact, noteLine{text: l, y: y})
			y += lh
		}
	}
	pg.height = math.Ceil(y + margin)
	return pg
}

// placeSources sets the places of pg's source list, its heading at y, and
// returns where the list ends.
func placeSources(pg *page, fonts *Fonts, y float64) float64 {
	if len(pg.sources) == 0 {
		return y
	}
	lh := lineHeight(fonts, pg.metrics.TextSize)
	pg.sourcesY = y
	y += lh * 1.4 // the "Sources" heading
	for i := range pg.sources {
		pg.sources[i].y = y
		y += lh
	}
	return y
}

// compactLines lays out the one-line form of a source list, wrapped in
// width between entries: "Sources: 1 White House · 2 Reuters · … (the
// full list: NAME)".
func compactLines(p *Picture, sources []Source, fonts *Fonts, size, width float64) []string {
	parts := make([]string, 0, len(sources)+1)
	for i, s := range sources {
		name := s.Outlet
		if name == "" {
			name = s.Title
		}
		if name == "" {
			name = "untitled"
		}
		parts = append(parts, fonts.truncate(strconv.Itoa(i+1)+" "+name, size, false, width/3))
	}
	if p.SourcesName != "" {
		parts = append(parts, "(the full list: "+p.SourcesName+")")
	}
	var lines []string
	line := "Sources:"
	for i, part := range parts {
		sep := " "
		if i > 0 && i < len(sources) {
			sep = " · "
		} else if i > 0 {
			sep = "   "
		}
		if try := line + sep + part; fonts.width(try, size, false) <= width || line == "" {
			line = try
			continue
		}
		if i > 0 && i < len(sources) {
			line += " ·"
		}
		lines = append(lines, line)
		line = fonts.truncate(part, size, false, width)
	}
	return append(lines, line)
}

// Preview draws, into memory at one pixel per layout pixel, the picture
// Write would write of p in format f: the picture itself for PNG and SVG
// and a PDF of a given size, the first page for a PDF on paper (at one
// pixel per point).
func Preview(ctx context.Context, f Format, p *Picture, fonts *Fonts) (*image.RGBA, error) {
	if err := p.check(f); err != nil {
		return nil, err
	}
	if f == PDF && p.Height == 0 {
		return previewPaper(ctx, p, fonts)
	}
	if f == PDF {
		p = sizedPDF(p)
	}
	pg, _, err := layoutSingle(ctx, f, p, fonts)
	if err != nil {
		return nil, err
	}
	return rasterize(ctx, pg, fonts, 1)
}

// Package export draws a timeline as a picture to keep: PNG, SVG or PDF. It
// builds the same timeline.Scene the screen shows (same layout, calendar
// ticks, colours and labels) and draws it with an embedded font, so an export
// looks the same on every machine. Events that cite sources carry numbered
// footnote markers, and the sources are listed at the end.
//
// The package knows nothing of documents or of the GUI toolkit: callers give
// it lanes and items, a palette, the font's bytes and a function that finds
// the sources of the events drawn.
package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/quoteline/quoteline/internal/weblink"
	"github.com/quoteline/quoteline/timeline"
)

// Format is the kind of file an export writes.
type Format string

// The picture formats.
const (
	PNG Format = "png"
	SVG Format = "svg"
	PDF Format = "pdf"
)

// Size limits of a picture, in pixels. A PNG is drawn in memory, four
// bytes a pixel: MaxPixels keeps that to 256 MiB, whatever the width and
// height.
const (
	MinWidth  = 320
	MaxWidth  = 16000
	MaxHeight = 16000
	MaxPixels = 64 << 20
)

// ErrTooLarge means a picture would be larger than the limits above: a
// document of thousands of lanes drawn whole, for example.
var ErrTooLarge = errors.New("picture too large")

// Lengths, in characters, beyond which texts are cut with an ellipsis
// before they are laid out: no picture shows more of a label, and a
// hostile document's megabyte title or URL costs no more than a sane one.
const (
	maxLabelRunes  = 500  // an event's title, the document's title
	maxSourceRunes = 1000 // a source's title or outlet in the list
	maxURLRunes    = 300  // a URL as printed (the link keeps it whole)
	maxCardRunes   = 2000 // a handout's caption and quote
)

// elide cuts s to at most n characters, ending it with an ellipsis if it
// was longer.
func elide(s string, n int) string {
	if len(s) <= n { // n bytes hold at most n characters
		return s
	}
	i := 0
	for k := range s {
		if i == n {
			return strings.TrimRight(s[:k], " ") + "…"
		}
		i++
	}
	return s
}

// elided returns p with its texts cut to the lengths above: its title,
// its events' titles (copied only if one is too long) and, as they are
// read, the titles, outlets and URLs of its sources.
func (p *Picture) elided() *Picture {
	q := *p
	q.Title = elide(p.Title, maxLabelRunes)
	for _, title := range p.Events.Titles {
		if len(title) > maxLabelRunes {
			titles := make(map[int64]string, len(p.Events.Titles))
			for id, title := range p.Events.Titles {
				titles[id] = elide(title, maxLabelRunes)
			}
			q.Events.Titles = titles
			break
		}
	}
	if p.Citations != nil {
		q.Citations = func(ctx context.Context, ids []int64) (map[int64][]Source, error) {
			cites, err := p.Citations(ctx, ids)
			for _, list := range cites {
				for i := range list {
					list[i].Title = elide(list[i].Title, maxSourceRunes)
					list[i].Outlet = elide(list[i].Outlet, maxSourceRunes)
				}
			}
			return cites, err
		}
	}
	return &q
}

// Source is one entry of the source list: a publication an event cites,
// directly or through a quote.
type Source struct {
	Key    string // identifies the source: events citing the same key share its number
	Title  string
	Outlet string
	Date   string // publication date as it should be printed; empty if not known
	URL    string
}

// Citations returns, for each of the events ids, the sources it cites, in
// the order they should be numbered. It is called once per export with the
// events whose labels are drawn.
type Citations func(ctx context.Context, ids []int64) (map[int64][]Source, error)

// Picture is what to draw.
type Picture struct {
	Title    string // heading: the document's title
	Lanes    []timeline.Lane
	Events   timeline.Events // items sorted by Start; titles known for those in the window
	Index    *timeline.Index // optional; as for timeline.Input
	From, To float64         // the time window, Unix seconds
	// Width and Height are the picture's size in pixels (PNG, SVG). Height
	// 0 fits the content; a height lays the timeline out to fit it, as the
	// window fits its first view. For PDF, Width alone is the width of the
	// timeline on each paper page in pixels (0: DefaultPageWidth); with a
	// Height the PDF has pages of Width × Height points, the timeline
	// fitted to the first as a PNG would be.
	Width, Height int
	// Paper is the size of a PDF's pages when Height is 0; the zero Paper
	// is A4. Landscape.
	Paper Paper
	// Scale is how many pixels a PNG has for each pixel of its layout, 1
	// to 4 (2 for high-density screens); 0 is 1. Other formats scale
	// themselves.
	Scale float64
	// Sources says where the source list goes.
	Sources Sources
	// SourcesName is what the source list drawn apart is called (its file
	// name), said in the picture's compact line of outlets; may be "".
	SourcesName string
	Palette     timeline.Palette
	Metrics     timeline.Metrics
	Citations   Citations      // nil: no footnotes
	Selected    int64          // an event drawn as selected; 0 for none
	Zone        *time.Location // the clock of the axis's times of day; nil: UTC
}

// DefaultPageWidth is the width, in pixels, of the timeline on a PDF page:
// at the default text size it prints at about ten points.
const DefaultPageWidth = 1100

// ErrTooSmall means the requested height cannot hold the picture.
var ErrTooSmall = errors.New("picture too small")

// Write draws p in format f to w. When a PNG's or SVG's source list goes
// apart (p.Sources), it returns the list to be drawn with its Write; else
// nil. ctx cancels it; progress, if not nil, is called with the fraction
// done.
func Write(ctx context.Context, w io.Writer, f Format, p *Picture, fonts *Fonts, progress func(float64)) (*SourceList, error) {
	if err := p.check(f); err != nil {
		return nil, err
	}
	p = p.elided()
	if progress == nil {
		progress = func(float64) {}
	}
	switch f {
	case PNG, SVG:
		pg, list, err := layoutSingle(ctx, f, p, fonts)
		if err != nil {
			return nil, err
		}
		progress(0.5)
		scale := max(p.Scale, 1)
		if err := writeFormat(ctx, w, f, pg, fonts, scale); err != nil {
			return nil, err
		}
		progress(1)
		if list == nil {
			return nil, nil
		}
		n := 0
		for _, l := range list.sources {
			if l.number != "" {
				n++
			}
		}
		return &SourceList{f: f, pg: list, fonts: fonts, scale: scale, Count: n}, nil
	case PDF:
		return nil, writePDF(ctx, w, p, fonts, progress)
	}
	return nil, fmt.Errorf("unknown format %q", f)
}

func (p *Picture) check(f Format) error {
	switch {
	case f != PNG && f != SVG && f != PDF:
		return fmt.Errorf("unknown format %q (want png, svg or pdf)", f)
	case !(p.To > p.From) || math.IsInf(p.From, 0) || math.IsInf(p.To, 0):
		return fmt.Errorf("the time window must end after it starts")
	case p.Scale != 0 && !(p.Scale >= MinScale && p.Scale <= MaxScale): // NaN too
		return fmt.Errorf("scale %v: give %d to %d", p.Scale, MinScale, MaxScale)
	case p.Scale > 1 && f != PNG:
		return fmt.Errorf("scale %v: only a PNG has a pixel scale (%s scales itself)", p.Scale, strings.ToUpper(string(f)))
	case f == PDF && p.Height != 0 && p.Paper != (Paper{}):
		return fmt.Errorf("a PDF has %s pages or pages of the size given, not both", p.Paper.Name)
	case f != PDF && p.Paper != (Paper{}):
		return fmt.Errorf("paper sizes are for PDF; give a %s its width and height in pixels", strings.ToUpper(string(f)))
	case p.Sources != SourcesAuto && p.Sources != SourcesBelow && p.Sources != SourcesPage && p.Sources != SourcesNone:
		return fmt.Errorf("sources %q: want below, page or none", p.Sources)
	case f == PDF && p.Height == 0 && p.Sources == SourcesBelow:
		return fmt.Errorf("a PDF on paper lists its sources on pages of their own: give page or none, or give the page a height")
	case p.Width != 0 && (p.Width < MinWidth || p.Width > MaxWidth):
		return fmt.Errorf("width %d: give %d to %d pixels", p.Width, MinWidth, MaxWidth)
	case !(p.Metrics.TextSize >= 4 && p.Metrics.TextSize <= 72):
		return fmt.Errorf("text size %v: give 4 to 72 pixels", p.Metrics.TextSize)
	case p.Height < 0 || p.Height > MaxHeight:
		return fmt.Errorf("height %d: give up to %d pixels (0 fits the content)", p.Height, MaxHeight)
	}
	return nil
}

// page is one laid-out page: the scene and what is drawn around it, in
// pixels from its top left corner.
type page struct {
	width, height float64
	heading       string
	subheading    string
	sceneY        float64 // where the scene's top is
	scene         *timeline.Scene
	clipH         float64 // the scene's drawn height
	sources       []noteLine
	sourcesY      float64
	compact       []noteLine // the sources as a compact line, when listed apart
	palette       timeline.Palette
	metrics       timeline.Metrics
}

// noteLine is one line of the source list; first lines carry the number.
type noteLine struct {
	number string
	text   string
	url    string // set on a line of a source's URL that may be a link (see weblink): drawn as one
	y      float64
}

// Sizes of the parts around the scene, in pixels at text size 14.
const (
	margin      = 16.0
	headingSize = 1.45 // times the text size
)

// build builds the scene of items in [from, to] at width in the sizes m,
// with the footnote markers of notes added to the titles.
func build(p *Picture, m timeline.Metrics, fonts *Fonts, from, to, width float64, notes map[int64]string) *timeline.Scene {
	ev := p.Events
	if len(notes) > 0 {
		ev.Titles = make(map[int64]string, len(p.Events.Titles))
		for id, title := range p.Events.Titles {
			if n, ok := notes[id]; ok && title != "" {
				title += n
			}
			ev.Titles[id] = title
		}
	}
	in := timeline.Input{
		Viewport: timeline.NewViewport(from, to, width),
		Height:   0,
		Lanes:    p.Lanes,
		Events:   ev,
		Palette:  p.Palette,
		Metrics:  m,
		Measure:  fonts.Measure,
		Index:    p.Index,
		Emphasis: timeline.Emphasis{Selected: p.Selected},
		Zone:     p.Zone,
	}
	var b timeline.Builder
	var sc timeline.Scene
	b.Build(&in, &sc)
	// The grid runs to the bottom of what the lanes need.
	in.Height = sc.Height
	b.Build(&in, &sc)
	keepMarkers(&sc, p.Events.Titles, notes, fonts)
	return &sc
}

// keepMarkers puts back the footnote markers of labels the scene shortened
// with an ellipsis: "Long title… [2]" rather than "Long title wi…", in the
// same room.
func keepMarkers(sc *timeline.Scene, titles map[int64]string, notes map[int64]string, fonts *Fonts) {
	if len(notes) == 0 {
		return
	}
	for _, h := range sc.Hits {
		note, ok := notes[h.ID]
		if !ok {
			continue
		}
		for i := range sc.Prims {
			pr := &sc.Prims[i]
			if pr.Kind != timeline.PrimText || pr.Bold || !strings.HasSuffix(pr.Text, "…") ||
				pr.X < h.X0 || pr.X > h.X1 || pr.Y < h.Y0-pr.TextSize || pr.Y > h.Y1 {
				continue
			}
			room := fonts.width(pr.Text, pr.TextSize, false) - fonts.width(note, pr.TextSize, false)
			if short := fonts.truncate(titles[h.ID], pr.TextSize, false, room); short != "" {
				pr.Text = short + note
			}
			break
		}
	}
}

// numbering gives the sources of the events drawn in scenes their numbers,
// in order of the events' times, and returns each event's footnote marker
// and the numbered sources.
func numbering(ctx context.Context, p *Picture, scenes []*timeline.Scene) (map[int64]string, []Source, error) {
	if p.Citations == nil {
		return nil, nil, nil
	}
	seen := map[int64]bool{}
	var ids []int64
	for _, sc := range scenes {
		for _, h := range sc.Hits {
			if !seen[h.ID] {
				seen[h.ID] = true
				ids = append(ids, h.ID)
			}
		}
	}
	if len(ids) == 0 {
		return nil, nil, nil
	}
	cites, err := p.Citations(ctx, ids)
	if err != nil {
		return nil, nil, fmt.Errorf("read the sources: %w", err)
	}
	numberOf := map[string]int{}
	var list []Source
	notes := map[int64]string{}
	for i := range p.Events.Items { // items are in time order
		id := p.Events.Items[i].ID
		if !seen[id] {
			continue
		}
		var nums []int
		for _, s := range cites[id] {
			n, ok := numberOf[s.Key]
			if !ok {
				list = append(list, s)
				n = len(list)
				numberOf[s.Key] = n
			}
			nums = append(nums, n)
		}
		if len(nums) > 0 {
			slices.Sort(nums)
			nums = slices.Compact(nums)
			text := make([]string, len(nums))
			for k, n := range nums {
				text[k] = strconv.Itoa(n)
			}
			notes[id] = " [" + strings.Join(text, ",") + "]"
		}
	}
	return notes, list, nil
}

// sourceLines lays out the source list in width: each source as
// "N. Title. Outlet, date." and its URL, wrapped.
func sourceLines(sources []Source, fonts *Fonts, size, width float64) []noteLine {
	var out []noteLine
	indent := fonts.width("00.  ", size, false)
	for i, s := range sources {
		text := s.Title
		if text == "" {
			text = "Untitled source"
		}
		var where []string
		if s.Outlet != "" {
			where = append(where, s.Outlet)
		}
		if s.Date != "" {
			where = append(where, s.Date)
		} else {
			where = append(where, "undated")
		}
		text = strings.TrimRight(text, ". ") + ". " + strings.Join(where, ", ") + "."
		for k, l := range fonts.wrap(text, size, false, width-indent) {
			nl := noteLine{text: l}
			if k == 0 {
				nl.number = strconv.Itoa(i+1) + "."
			}
			out = append(out, nl)
		}
		if s.URL != "" {
			// Only a web or mail address becomes a link; anything else
			// (javascript:, file:…) is printed as text.
			link := ""
			if u, ok := weblink.Link(s.URL); ok {
				link = u.String()
			}
			for _, l := range fonts.wrap(elide(s.URL, maxURLRunes), size, false, width-indent) {
				out = append(out, noteLine{text: l, url: link})
			}
		}
	}
	return out
}

// lineHeight is the spacing of lines of text at size.
func lineHeight(fonts *Fonts, size float64) float64 {
	_, h := fonts.Measure("Hg", size, false)
	return math.Ceil(h * 1.15)
}

// sizeWithin refuses a picture of w by h pixels beyond MaxHeight or
// MaxPixels, saying what to do instead, and one of no pixels (a size
// computed from a scale that is not a number).
func sizeWithin(w, h int) error {
	switch {
	case w < 1 || h < 1:
		return fmt.Errorf("%w: this picture would be %d × %d pixels", ErrTooSmall, w, h)
	case h > MaxHeight:
		return fmt.Errorf("%w: this picture would be %d × %d pixels, and pictures are drawn up to %d pixels high: "+
			"draw a shorter time window or fewer lanes, or export a PDF, which spreads the timeline over pages", ErrTooLarge, w, h, MaxHeight)
	case w*h > MaxPixels:
		return fmt.Errorf("%w: this picture would be %d × %d pixels, %.0f million, and pictures are drawn up to %.0f million: "+
			"make it narrower or draw less of the timeline", ErrTooLarge, w, h, float64(w)*float64(h)/1e6, float64(MaxPixels)/1e6)
	}
	return nil
}

// newPage places a heading and the scene sc on a page of width, in the
// sizes m.
func newPage(p *Picture, m timeline.Metrics, fonts *Fonts, width float64, sc *timeline.Scene, sub string) *page {
	size := m.TextSize
	pg := &page{width: width, scene: sc, palette: p.Palette, metrics: m}
	pg.heading = fonts.truncate(heading(p), size*headingSize, true, width-2*margin)
	pg.subheading = fonts.truncate(sub, size, false, width-2*margin)
	_, hh := fonts.Measure("Hg", size*headingSize, true)
	pg.sceneY = margin + hh + lineHeight(fonts, size) + size*0.6
	pg.clipH = sc.Height
	return pg
}

// heading is the heading of p's pictures: its title.
func heading(p *Picture) string {
	if p.Title == "" {
		return "Timeline"
	}
	return p.Title
}

// checkWindow refuses a window that a viewport width pixels wide cannot
// show whole, if that would leave out events or periods in it: no event is
// left out of a picture without a word.
func (p *Picture) checkWindow(width float64) error {
	vp := timeline.NewViewport(p.From, p.To, width)
	tol := (p.To - p.From) * 1e-9
	if vp.Start() <= p.From+tol && vp.End() >= p.To-tol {
		return nil
	}
	out := 0
	for i := range p.Events.Items {
		lo, hi := p.Events.Extent(&p.Events.Items[i])
		if lo <= p.To && hi >= p.From && (hi < vp.Start() || lo > vp.End()) {
			out++
		}
	}
	for _, pd := range p.Events.Periods {
		if pd.Start <= p.To && pd.End >= p.From && (pd.End < vp.Start() || pd.Start > vp.End()) {
			out++
		}
	}
	if out == 0 {
		return nil
	}
	return fmt.Errorf("the window %s reaches beyond what a timeline draws (%s): %d events or periods in it would be left out; give a window within it",
		windowText(p.From, p.To), windowText(timeline.MinTime, timeline.MaxTime), out)
}

// hiddenText says, for a heading, how many events the scene drew only as
// marks in their lanes' overflow strips, for want of rows; "" if none.
func hiddenText(sc *timeline.Scene) string {
	switch sc.Hidden {
	case 0:
		return ""
	case 1:
		return "   ·   1 event drawn as a mark only, for want of room"
	}
	return "   ·   " + timeline.FormatCount(sc.Hidden) + " events drawn as marks only, for want of room"
}

// windowText describes a time window for a heading: "1 Aug 2022 – 15 Jun
// 2023", "13,800,000,000 BC – 2025" (see timeline.WindowLabel).
func windowText(from, to float64) string { return timeline.WindowLabel(from, to) }

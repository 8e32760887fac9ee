package export

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/quoteline/quoteline/timeline"
)

// Paper is the size of a PDF's pages, landscape, in points.
type Paper struct {
	Name string
	W, H float64
}

// The paper sizes, landscape.
var (
	A4     = Paper{Name: "A4", W: 841.89, H: 595.28}
	Letter = Paper{Name: "Letter", W: 792, H: 612}
)

// ParsePaper reads a paper size by name: a4 or letter.
func ParsePaper(s string) (Paper, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "a4":
		return A4, nil
	case "letter":
		return Letter, nil
	}
	return Paper{}, fmt.Errorf("paper %q: want a4 or letter", s)
}

// Pixels returns the size of the paper in pixels at dpi dots per inch.
func (pp Paper) Pixels(dpi float64) (w, h int) {
	return int(math.Round(pp.W / 72 * dpi)), int(math.Round(pp.H / 72 * dpi))
}

// The PDF page's margin, in points.
const (
	pdfMargin = 30.0
	// maxPages is the most pages a timeline is split across; beyond that a
	// crowded timeline shows its overflow strips, as on screen.
	maxPages = 24
)

// writePDF writes p as a PDF: the timeline over as many pages as it needs
// to show its events one by one (up to maxPages), split at calendar
// boundaries, then the source list.
func writePDF(ctx context.Context, w io.Writer, p *Picture, fonts *Fonts, progress func(float64)) error {
	if p.Height > 0 {
		return writeSizedPDF(ctx, w, p, fonts, progress)
	}
	paper, width, windows, scenes, err := paperPages(ctx, p, fonts)
	if err != nil {
		return err
	}
	progress(0.3)
	notes, sources, err := numbering(ctx, p, scenes)
	if err != nil {
		return err
	}
	if p.Sources == SourcesNone {
		notes, sources = nil, nil
	}
	doc, err := newPDF(p.Title, fonts, paper)
	if err != nil {
		return err
	}
	n := len(windows)
	scale := (paper.W - 2*pdfMargin) / width
	for i, win := range windows {
		if err := ctx.Err(); err != nil {
			return err
		}
		pg, s := paperPage(p, fonts, win, i, n, width, notes, paper)
		doc.AddPage()
		if err := drawPage(ctx, &pdfSurface{doc: doc, fonts: fonts, s: s, ox: pdfMargin, oy: pdfMargin}, pg, fonts); err != nil {
			return err
		}
		progress(0.3 + 0.6*float64(i+1)/float64(n))
	}
	if len(sources) > 0 {
		writeSourcePages(doc, p, fonts, sources, width, scale, paper, pdfMargin)
	}
	if err := finishPDF(doc, w); err != nil {
		return err
	}
	progress(1)
	return nil
}

// paperPages returns the paper of p as a PDF on paper, the width of its
// timeline in pixels, and its pages' windows and scenes (see pageWindows).
func paperPages(ctx context.Context, p *Picture, fonts *Fonts) (Paper, float64, [][2]float64, []*timeline.Scene, error) {
	paper := p.Paper
	if paper == (Paper{}) {
		paper = A4
	}
	width := float64(p.Width)
	if width == 0 {
		width = DefaultPageWidth
	}
	if err := p.checkWindow(width); err != nil {
		return paper, width, nil, nil, err
	}
	windows, scenes, err := pageWindows(ctx, p, fonts, width)
	return paper, width, windows, scenes, err
}

// paperPage lays out the i'th of n pages of a PDF on paper, showing the
// window win, and returns it with its scale in points per pixel.
func paperPage(p *Picture, fonts *Fonts, win [2]float64, i, n int, width float64, notes map[int64]string, paper Paper) (*page, float64) {
	sc := build(p, p.Metrics, fonts, win[0], win[1], width, notes)
	sub := windowText(win[0], win[1]) + hiddenText(sc)
	if n > 1 {
		sub = fmt.Sprintf("%s   (part %d of %d)", sub, i+1, n)
	}
	pg := newPage(p, p.Metrics, fonts, width, sc, sub)
	pg.height = pg.sceneY + pg.clipH + margin
	return pg, math.Min((paper.W-2*pdfMargin)/width, (paper.H-2*pdfMargin)/pg.height)
}

// previewPaper draws the first page of p as a PDF on paper, at one pixel
// per point.
func previewPaper(ctx context.Context, p *Picture, fonts *Fonts) (*image.RGBA, error) {
	paper, width, windows, scenes, err := paperPages(ctx, p, fonts)
	if err != nil {
		return nil, err
	}
	var notes map[int64]string
	if p.Sources != SourcesNone {
		if notes, _, err = numbering(ctx, p, scenes); err != nil {
			return nil, err
		}
	}
	pg, s := paperPage(p, fonts, windows[0], 0, len(windows), width, notes, paper)
	img := image.NewRGBA(image.Rect(0, 0, int(paper.W), int(paper.H)))
	draw.Draw(img, img.Rect, image.NewUniform(p.Palette.Background), image.Point{}, draw.Src)
	r := &raster{img: img, fonts: fonts, clipR: img.Rect}
	if err := drawPage(ctx, scaled{s: r, k: s, ox: pdfMargin, oy: pdfMargin}, pg, fonts); err != nil {
		return nil, err
	}
	return img, nil
}

// writeSizedPDF writes p as a PDF whose pages are p.Width × p.Height
// points: the timeline laid out to fit the first page as a PNG of that
// many pixels would be, then the source list on pages of the same size.
func writeSizedPDF(ctx context.Context, w io.Writer, p *Picture, fonts *Fonts, progress func(float64)) error {
	pg, list, err := layoutSingle(ctx, PDF, sizedPDF(p), fonts)
	if err != nil {
		return err
	}
	progress(0.5)
	sheet := Paper{Name: fmt.Sprintf("%d×%d", p.Width, p.Height), W: pg.width, H: pg.height}
	doc, err := newPDF(p.Title, fonts, sheet)
	if err != nil {
		return err
	}
	doc.AddPage()
	if err := drawPage(ctx, &pdfSurface{doc: doc, fonts: fonts, s: 1}, pg, fonts); err != nil {
		return err
	}
	if list != nil && len(list.sources) > 0 {
		writeSourceLines(doc, p, fonts, list.sources, pg.width, 1, sheet, 0)
	}
	if err := finishPDF(doc, w); err != nil {
		return err
	}
	progress(1)
	return nil
}

// sizedPDF returns p as a PDF of a given size lays it out: its list of
// sources follows on pages of their own.
func sizedPDF(p *Picture) *Picture {
	q := *p
	q.SourcesName = "the pages that follow"
	return &q
}

// newPDF starts a landscape PDF on paper titled title, with the fonts
// embedded.
func newPDF(title string, fonts *Fonts, paper Paper) (*fpdf.Fpdf, error) {
	doc := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: fpdf.SizeType{Wd: paper.W, Ht: paper.H}})
	doc.SetCompression(true)
	doc.SetAutoPageBreak(false, 0)
	doc.SetTitle(title, true)
	doc.SetCreator("Quoteline", true)
	doc.SetCreationDate(time.Unix(0, 0).UTC()) // the same document gives the same file
	doc.SetModificationDate(time.Unix(0, 0).UTC())
	doc.SetCatalogSort(true)
	doc.AddUTF8FontFromBytes("qlsans", "", fonts.regular)
	doc.AddUTF8FontFromBytes("qlsans", "B", fonts.bold)
	if err := doc.Error(); err != nil {
		return nil, fmt.Errorf("PDF font: %w", err)
	}
	return doc, nil
}

// pdfSafe returns s with each rune beyond the Basic Multilingual Plane
// (emoji, rare CJK, mathematical letters) replaced by U+FFFD: the PDF
// writer's font tables stop at U+FFFF.
func pdfSafe(s string) string {
	for _, r := range s {
		if r > 0xFFFF {
			return strings.Map(func(r rune) rune {
				if r > 0xFFFF {
					return utf8.RuneError
				}
				return r
			}, s)
		}
	}
	return s
}

// finishPDF writes doc to w. The PDF library panics on some input it
// cannot encode; that comes back as an error, not a crash.
func finishPDF(doc *fpdf.Fpdf, w io.Writer) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("write PDF: the PDF library failed: %v", r)
		}
	}()
	if err := doc.Error(); err != nil {
		return fmt.Errorf("PDF: %w", err)
	}
	if err := doc.Output(w); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	return nil
}

// writeSourcePages lays the source list out on pages of paper of its own,
// at the timeline's scale, within a margin in points.
func writeSourcePages(doc *fpdf.Fpdf, p *Picture, fonts *Fonts, sources []Source, width, scale float64, paper Paper, pageMargin float64) {
	lines := sourceLines(sources, fonts, p.Metrics.TextSize, width-2*margin)
	writeSourceLines(doc, p, fonts, lines, width, scale, paper, pageMargin)
}

// writeSourceLines lays out the lines of a source list on pages of paper of
// their own, at scale, within a margin in points.
func writeSourceLines(doc *fpdf.Fpdf, p *Picture, fonts *Fonts, lines []noteLine, width, scale float64, paper Paper, pageMargin float64) {
	size := p.Metrics.TextSize
	lh := lineHeight(fonts, size)
	pageH := (paper.H - 2*pageMargin) / scale
	for len(lines) > 0 {
		pg := &page{width: width, height: pageH, palette: p.Palette, metrics: p.Metrics}
		pg.sourcesY = margin
		y := margin + lh*1.4
		k := 0
		for k < len(lines) && y+lh <= pageH-margin {
			lines[k].y = y
			y += lh
			k++
		}
		// A source's number stays with its first line; its URL with its title.
		for k < len(lines) && k > 1 && lines[k].number == "" {
			k--
		}
		if k == 0 {
			k = 1
		}
		pg.sources = lines[:k]
		lines = lines[k:]
		doc.AddPage()
		s := &pdfSurface{doc: doc, fonts: fonts, s: scale, ox: pageMargin, oy: pageMargin}
		s.rect(0, 0, pg.width, pg.height, 0, p.Palette.Background, color.NRGBA{}, 0)
		drawSources(s, pg, fonts)
	}
}

// pageWindows splits p's window into pages that each show every event in
// view on a row of its own: page by page, the longest span that fits (found
// by bisection), ended at a calendar boundary. A page spans at least
// 1/maxPages of the window, so a burst too dense for any page shows its
// overflow strip as on screen. It returns the windows and their scenes
// (without footnotes).
func pageWindows(ctx context.Context, p *Picture, fonts *Fonts, width float64) ([][2]float64, []*timeline.Scene, error) {
	var windows [][2]float64
	var scenes []*timeline.Scene
	fits := func(a, b float64) (*timeline.Scene, bool) {
		sc := build(p, p.Metrics, fonts, a, b, width, nil)
		return sc, sc.Hidden == 0
	}
	minSpan := (p.To - p.From) / maxPages
	for start := p.From; start < p.To; {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		sc, ok := fits(start, p.To)
		end := p.To
		if !ok && len(windows) < maxPages-1 && p.To-start > minSpan {
			lo, hi := math.Min(start+minSpan, p.To), p.To
			if _, ok := fits(start, lo); ok {
				for range 24 { // lo fits, hi does not
					mid := (lo + hi) / 2
					if _, ok := fits(start, mid); ok {
						lo = mid
					} else {
						hi = mid
					}
				}
				lo = calendarBoundary(start, lo, width, fonts)
			}
			end = lo
			sc = build(p, p.Metrics, fonts, start, end, width, nil)
		}
		windows = append(windows, [2]float64{start, end})
		scenes = append(scenes, sc)
		start = end
	}
	return windows, scenes, nil
}

// calendarBoundary moves end back to the latest calendar boundary (a year,
// a month, a day…: the coarsest that is near) in the later half of
// [start, end]; end itself if there is none.
func calendarBoundary(start, end, width float64, fonts *Fonts) float64 {
	var ax timeline.Axis
	timeline.Ticks(timeline.NewViewport(start, end, width), func(s string) float64 { return fonts.width(s, 14, false) }, 16, &ax)
	half := start + (end-start)/2
	for _, ticks := range [][]timeline.Tick{ax.Context, ax.Fine} {
		best := math.Inf(-1)
		for _, t := range ticks {
			if !t.Pinned && t.Time > half && t.Time <= end {
				best = math.Max(best, t.Time)
			}
		}
		if !math.IsInf(best, -1) {
			return best
		}
	}
	return end
}

// pdfSurface draws on a PDF page at scale s (points per pixel) with the
// page's top left corner at (ox, oy) points.
type pdfSurface struct {
	doc    *fpdf.Fpdf
	fonts  *Fonts
	s      float64
	ox, oy float64
}

func (d *pdfSurface) x(v float64) float64 { return d.ox + v*d.s }
func (d *pdfSurface) y(v float64) float64 { return d.oy + v*d.s }

// alpha sets the opacity of what is drawn next.
func (d *pdfSurface) alpha(c color.NRGBA) { d.doc.SetAlpha(float64(c.A)/255, "Normal") }

func (d *pdfSurface) rect(x, y, w, h, r float64, fill, stroke color.NRGBA, sw float64) {
	if w <= 0 || h <= 0 {
		return
	}
	shape := func(style string) {
		if r > 0 {
			d.doc.RoundedRect(d.x(x), d.y(y), w*d.s, h*d.s, math.Min(r, math.Min(w, h)/2)*d.s, "1234", style)
		} else {
			d.doc.Rect(d.x(x), d.y(y), w*d.s, h*d.s, style)
		}
	}
	if fill.A > 0 {
		d.alpha(fill)
		d.doc.SetFillColor(int(fill.R), int(fill.G), int(fill.B))
		shape("F")
	}
	if sw > 0 && stroke.A > 0 {
		d.alpha(stroke)
		d.doc.SetDrawColor(int(stroke.R), int(stroke.G), int(stroke.B))
		d.doc.SetLineWidth(sw * d.s)
		shape("D")
	}
	d.doc.SetAlpha(1, "Normal")
}

// gradient is drawn as thin strips of stepped colour: PDF's own gradients
// have no transparency in fpdf, and the fades run to transparent.
func (d *pdfSurface) gradient(x, y, w, h float64, a, b color.NRGBA) {
	if w <= 0 || h <= 0 {
		return
	}
	steps := max(2, min(64, int(w)))
	sw := w / float64(steps)
	for i := range steps {
		c := lerp(a, b, (float64(i)+0.5)/float64(steps))
		d.rect(x+float64(i)*sw, y, sw, h, 0, c, color.NRGBA{}, 0)
	}
}

func (d *pdfSurface) line(x1, y1, x2, y2 float64, c color.NRGBA, w float64) {
	if w <= 0 || c.A == 0 {
		return
	}
	d.alpha(c)
	d.doc.SetDrawColor(int(c.R), int(c.G), int(c.B))
	d.doc.SetLineWidth(w * d.s)
	d.doc.Line(d.x(x1), d.y(y1), d.x(x2), d.y(y2))
	d.doc.SetAlpha(1, "Normal")
}

func (d *pdfSurface) diamond(x, y, w, h float64, fill, stroke color.NRGBA, sw float64) {
	cx, cy := x+w/2, y+h/2
	pts := []fpdf.PointType{{X: d.x(cx), Y: d.y(y)}, {X: d.x(x + w), Y: d.y(cy)}, {X: d.x(cx), Y: d.y(y + h)}, {X: d.x(x), Y: d.y(cy)}}
	if fill.A > 0 {
		d.alpha(fill)
		d.doc.SetFillColor(int(fill.R), int(fill.G), int(fill.B))
		d.doc.Polygon(pts, "F")
	}
	if sw > 0 && stroke.A > 0 {
		d.alpha(stroke)
		d.doc.SetDrawColor(int(stroke.R), int(stroke.G), int(stroke.B))
		d.doc.SetLineWidth(sw * d.s)
		d.doc.Polygon(pts, "D")
	}
	d.doc.SetAlpha(1, "Normal")
}

func (d *pdfSurface) text(x, y float64, s string, size float64, bold bool, c color.NRGBA) {
	if s == "" || c.A == 0 {
		return
	}
	style := ""
	if bold {
		style = "B"
	}
	d.alpha(c)
	d.doc.SetFont("qlsans", style, size*d.s)
	d.doc.SetTextColor(int(c.R), int(c.G), int(c.B))
	d.doc.Text(d.x(x), d.y(y+d.fonts.ascent(size, bold)), pdfSafe(s))
	d.doc.SetAlpha(1, "Normal")
}

func (d *pdfSurface) link(x, y, w, h float64, url string) {
	d.doc.LinkString(d.x(x), d.y(y), w*d.s, h*d.s, url)
}

func (d *pdfSurface) clip(x, y, w, h float64) {
	d.doc.ClipRect(d.x(x), d.y(y), w*d.s, h*d.s, false)
}

func (d *pdfSurface) unclip() { d.doc.ClipEnd() }

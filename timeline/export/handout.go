package export

import (
	"context"
	"fmt"
	"io"
	"math"

	"github.com/quoteline/quoteline/timeline"
)

// Card is a quote a handout page shows large, attributed.
type Card struct {
	Words       string // the quote itself
	Attribution string // e.g. "— John Kirby, 15 May 2023"
	About       string // e.g. "About: Russia receives its first Iranian drones"
}

// Stop is one page of a handout: a window of the timeline as a
// presentation stop shows it, its caption, and a quote card or the
// sources of its event.
type Stop struct {
	From, To  float64         // the window, Unix seconds
	Lanes     []timeline.Lane // the lanes as the stop shows them: hidden ones collapsed
	Selected  int64           // the stop's event, highlighted; 0 for none
	Caption   string
	Card      *Card  // nil: no quote card
	Reference string // the short reference of the card's source, or of the event's sources
}

// Handout sizes, relative to the text size.
const (
	captionSize = 1.35
	quoteSize   = 1.55
	cardSize    = 1.1
)

// WriteHandout writes a PDF handout of a presentation: one A4 landscape
// page per stop, with the timeline as the stop shows it, its caption and its
// quote card, then the numbered list of the sources of every event drawn.
// p gives the items, palette, metrics, title and citations; its window and
// lanes are taken from each stop. ctx cancels it; progress, if not nil,
// hears the fraction done.
func WriteHandout(ctx context.Context, w io.Writer, p *Picture, stops []Stop, fonts *Fonts, progress func(float64)) error {
	if len(stops) == 0 {
		return fmt.Errorf("a handout needs at least one stop")
	}
	if progress == nil {
		progress = func(float64) {}
	}
	width := float64(p.Width)
	if width == 0 {
		width = DefaultPageWidth
	}
	p = p.elided()
	pics := make([]Picture, len(stops))
	for i, st := range stops {
		q := *p
		q.From, q.To, q.Selected = st.From, st.To, st.Selected
		if st.Lanes != nil {
			q.Lanes = st.Lanes
		}
		if err := q.check(PDF); err != nil {
			return fmt.Errorf("stop %d: %w", i+1, err)
		}
		pics[i] = q
	}
	scenes := make([]*timeline.Scene, len(stops))
	for i := range stops {
		scenes[i] = build(&pics[i], pics[i].Metrics, fonts, pics[i].From, pics[i].To, width, nil)
	}
	notes, sources, err := numbering(ctx, p, scenes)
	if err != nil {
		return err
	}
	progress(0.2)

	doc, err := newPDF(p.Title, fonts, A4)
	if err != nil {
		return err
	}
	scale := (A4.W - 2*pdfMargin) / width
	for i, st := range stops {
		if err := ctx.Err(); err != nil {
			return err
		}
		q := &pics[i]
		sc := build(q, q.Metrics, fonts, q.From, q.To, width, notes)
		sub := fmt.Sprintf("Stop %d of %d   ·   %s", i+1, len(stops), windowText(q.From, q.To))
		pg := newPage(q, q.Metrics, fonts, width, sc, sub)
		lines := stopLines(&st, fonts, p.Metrics.TextSize, width-2*margin)
		y := pg.sceneY + pg.clipH + margin
		for k := range lines {
			lines[k].y = y
			y += lineHeight(fonts, lines[k].size) + lines[k].gap
		}
		pg.height = y + margin
		s := math.Min(scale, (A4.H-2*pdfMargin)/pg.height)
		doc.AddPage()
		surf := &pdfSurface{doc: doc, fonts: fonts, s: s, ox: pdfMargin, oy: pdfMargin}
		if err := drawPage(ctx, surf, pg, fonts); err != nil {
			return err
		}
		drawStopLines(surf, lines, p.Palette)
		progress(0.2 + 0.7*float64(i+1)/float64(len(stops)))
	}
	if len(sources) > 0 {
		writeSourcePages(doc, p, fonts, sources, width, scale, A4, pdfMargin)
	}
	if err := finishPDF(doc, w); err != nil {
		return err
	}
	progress(1)
	return nil
}

// stopLine is one line of text under a handout page's timeline.
type stopLine struct {
	text  string
	size  float64
	bold  bool
	muted bool
	bar   bool    // part of the quote card: a bar runs beside it
	gap   float64 // space after the line
	y     float64
}

// stopLines lays out a stop's caption, card and reference in width.
func stopLines(st *Stop, fonts *Fonts, size, width float64) []stopLine {
	var out []stopLine
	add := func(text string, sz float64, bold, muted, bar bool, indent, gap float64) {
		lines := fonts.wrap(elide(text, maxCardRunes), sz, bold, width-indent)
		for k, l := range lines {
			g := 0.0
			if k == len(lines)-1 {
				g = gap
			}
			out = append(out, stopLine{text: l, size: sz, bold: bold, muted: muted, bar: bar, gap: g})
		}
	}
	if st.Caption != "" {
		add(st.Caption, size*captionSize, true, false, false, 0, size*0.8)
	}
	if c := st.Card; c != nil {
		add("“"+c.Words+"”", size*quoteSize, false, false, true, cardIndent, size*0.3)
		if c.Attribution != "" {
			add(c.Attribution, size*cardSize, true, false, true, cardIndent, size*0.2)
		}
		if c.About != "" {
			add(c.About, size, false, true, true, cardIndent, size*0.8)
		}
	}
	if st.Reference != "" {
		add(st.Reference, size, false, true, false, 0, 0)
	}
	return out
}

// cardIndent leaves room for the quote card's bar.
const cardIndent = 14.0

// drawStopLines draws the lines under a handout page's timeline, with the
// card's bar beside the card's lines.
func drawStopLines(s surface, lines []stopLine, p timeline.Palette) {
	for i, l := range lines {
		x := margin
		if l.bar {
			x += cardIndent
			h := l.size * 1.3
			if i+1 < len(lines) && lines[i+1].bar {
				h = lines[i+1].y - l.y
			}
			s.rect(margin, l.y, 4, h, 0, p.Selection, p.Selection, 0)
		}
		c := p.Text
		if l.muted {
			c = p.MutedText
		}
		s.text(x, l.y, l.text, l.size, l.bold, c)
	}
}

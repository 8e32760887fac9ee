package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"
)

// fontFamily names the typeface in SVG: the exporter's font, embedded (as
// much of it as the text uses), then look-alikes of the screen's font for
// programs that do not read embedded fonts. Text also carries its measured
// length, so that with another font a label still spans the room laid out
// for it.
const fontFamily = "'Quoteline Sans', 'Noto Sans', 'Open Sans', Arial, 'Liberation Sans', Helvetica, sans-serif"

// writeSVG writes pg as an SVG document with its text as text. It stops
// when ctx ends.
func writeSVG(ctx context.Context, w io.Writer, pg *page, fonts *Fonts) error {
	var body bytes.Buffer
	bw := bufio.NewWriter(&body)
	s := &svg{w: bw, fonts: fonts, runes: [2]map[rune]bool{{}, {}}}
	if err := drawPage(ctx, s, pg, fonts); err != nil {
		return err
	}
	s.unclip()
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write SVG: %w", err)
	}
	out := bufio.NewWriter(w)
	fmt.Fprintf(out, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="%d" height="%d" viewBox="0 0 %d %d" font-family="%s">
`, int(pg.width), int(pg.height), int(pg.width), int(pg.height), fontFamily)
	fmt.Fprintf(out, "<title>%s</title>\n", escape(pg.heading))
	// The font, cut down to the letters used, so the picture looks the
	// same everywhere. Without it the text is still text.
	var style strings.Builder
	for i, weight := range []string{"normal", "bold"} {
		if len(s.runes[i]) == 0 {
			continue
		}
		if ttf, err := fonts.subset(i == 1, s.runes[i]); err == nil {
			fmt.Fprintf(&style, "@font-face { font-family: 'Quoteline Sans'; font-weight: %s; src: url(data:font/ttf;base64,%s) format('truetype'); }\n",
				weight, base64.StdEncoding.EncodeToString(ttf))
		}
	}
	if style.Len() > 0 {
		fmt.Fprintf(out, "<defs><style>\n%s</style></defs>\n", style.String())
	}
	out.Write(body.Bytes())
	fmt.Fprint(out, s.defs.String())
	fmt.Fprintln(out, "</svg>")
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write SVG: %w", err)
	}
	return nil
}

// svg writes drawing calls as SVG elements.
type svg struct {
	w       *bufio.Writer
	fonts   *Fonts
	defs    strings.Builder // gradients, written at the end
	ids     int
	clipped bool
	runes   [2]map[rune]bool // the letters drawn, regular and bold
}

func (s *svg) rect(x, y, w, h, r float64, fill, stroke color.NRGBA, sw float64) {
	if w <= 0 || h <= 0 || (fill.A == 0 && (sw <= 0 || stroke.A == 0)) {
		return
	}
	fmt.Fprintf(s.w, `<rect x="%s" y="%s" width="%s" height="%s"`, num(x), num(y), num(w), num(h))
	if r > 0 {
		fmt.Fprintf(s.w, ` rx="%s"`, num(math.Min(r, math.Min(w, h)/2)))
	}
	s.paint(fill, stroke, sw)
	fmt.Fprintln(s.w, "/>")
}

// paint writes the fill and stroke attributes.
func (s *svg) paint(fill, stroke color.NRGBA, sw float64) {
	if fill.A == 0 {
		fmt.Fprint(s.w, ` fill="none"`)
	} else {
		fmt.Fprintf(s.w, ` fill="%s"`, hex(fill))
		if fill.A < 255 {
			fmt.Fprintf(s.w, ` fill-opacity="%s"`, opacity(fill))
		}
	}
	if sw > 0 && stroke.A > 0 {
		fmt.Fprintf(s.w, ` stroke="%s" stroke-width="%s"`, hex(stroke), num(sw))
		if stroke.A < 255 {
			fmt.Fprintf(s.w, ` stroke-opacity="%s"`, opacity(stroke))
		}
	}
}

func (s *svg) gradient(x, y, w, h float64, a, b color.NRGBA) {
	if w <= 0 || h <= 0 {
		return
	}
	s.ids++
	id := "g" + strconv.Itoa(s.ids)
	fmt.Fprintf(&s.defs, `<defs><linearGradient id="%s" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="%s" stop-opacity="%s"/><stop offset="1" stop-color="%s" stop-opacity="%s"/></linearGradient></defs>`+"\n",
		id, hex(a), opacity(a), hex(b), opacity(b))
	fmt.Fprintf(s.w, `<rect x="%s" y="%s" width="%s" height="%s" fill="url(#%s)"/>`+"\n", num(x), num(y), num(w), num(h), id)
}

func (s *svg) line(x1, y1, x2, y2 float64, c color.NRGBA, w float64) {
	if w <= 0 || c.A == 0 {
		return
	}
	if (x1 == x2 || y1 == y2) && w <= 1.5 { // crisp, as on screen
		if x1 == x2 {
			x1, x2 = math.Floor(x1)+0.5, math.Floor(x2)+0.5
		} else {
			y1, y2 = math.Floor(y1)+0.5, math.Floor(y2)+0.5
		}
	}
	fmt.Fprintf(s.w, `<line x1="%s" y1="%s" x2="%s" y2="%s"`, num(x1), num(y1), num(x2), num(y2))
	s.paint(color.NRGBA{}, c, w)
	fmt.Fprintln(s.w, "/>")
}

func (s *svg) diamond(x, y, w, h float64, fill, stroke color.NRGBA, sw float64) {
	cx, cy := x+w/2, y+h/2
	fmt.Fprintf(s.w, `<polygon points="%s,%s %s,%s %s,%s %s,%s"`, num(cx), num(y), num(x+w), num(cy), num(cx), num(y+h), num(x), num(cy))
	s.paint(fill, stroke, sw)
	fmt.Fprintln(s.w, "/>")
}

func (s *svg) text(x, y float64, str string, size float64, bold bool, c color.NRGBA) {
	if str == "" || c.A == 0 {
		return
	}
	base := y + s.fonts.ascent(size, bold)
	w := s.fonts.width(str, size, bold)
	weight := 0
	if bold {
		weight = 1
	}
	for _, r := range str {
		s.runes[weight][r] = true
	}
	fmt.Fprintf(s.w, `<text x="%s" y="%s" font-size="%s"`, num(x), num(base), num(size))
	if bold {
		fmt.Fprint(s.w, ` font-weight="bold"`)
	}
	fmt.Fprintf(s.w, ` textLength="%s" lengthAdjust="spacingAndGlyphs"`, num(w))
	s.paint(c, color.NRGBA{}, 0)
	fmt.Fprintf(s.w, ">%s</text>\n", escape(str))
}

// link puts an invisible link over the area, where the URL's text is drawn.
func (s *svg) link(x, y, w, h float64, url string) {
	fmt.Fprintf(s.w, `<a xlink:href="%s" href="%s"><rect x="%s" y="%s" width="%s" height="%s" fill="none" pointer-events="all"/></a>`+"\n",
		escape(url), escape(url), num(x), num(y), num(w), num(h))
}

func (s *svg) clip(x, y, w, h float64) {
	s.unclip()
	s.ids++
	id := "c" + strconv.Itoa(s.ids)
	fmt.Fprintf(&s.defs, `<defs><clipPath id="%s"><rect x="%s" y="%s" width="%s" height="%s"/></clipPath></defs>`+"\n", id, num(x), num(y), num(w), num(h))
	fmt.Fprintf(s.w, `<g clip-path="url(#%s)">`+"\n", id)
	s.clipped = true
}

func (s *svg) unclip() {
	if s.clipped {
		fmt.Fprintln(s.w, "</g>")
		s.clipped = false
	}
}

// num writes a coordinate with at most two decimals.
func num(v float64) string {
	return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
}

func hex(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func opacity(c color.NRGBA) string {
	return strconv.FormatFloat(math.Round(float64(c.A)/255*1000)/1000, 'f', -1, 64)
}

// escape makes s safe in XML text and attribute values.
func escape(s string) string {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return ""
	}
	return b.String()
}

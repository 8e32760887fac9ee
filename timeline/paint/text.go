package paint

import (
	"image"
	"image/color"
	"math"
	"slices"
	"strings"

	"github.com/go-text/render"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"

	"github.com/quoteline/quoteline/timeline"
)

// Labels are drawn as Fyne draws a canvas.Text (internal/painter/font.go):
// shaped with HarfBuzz at the text size, runs starting at whole pixels, the
// baseline at the ascent rounded up, each glyph's outline filled by the
// same rasteriser (go-text/render) at its pen position. Here the shaping of
// each word is kept, and each glyph is rasterised once for each of 32
// positions within a pixel and then copied: a pen is off by at most a 64th
// of a pixel from Fyne's, the grid its rasteriser places points on, and no
// pixel of a label differs from Fyne's by more than a few levels of 255.
//
// Fyne's OpenGL painter draws a label into a texture as large as the text's
// size in units, scaled and rounded, clipping what reaches beyond it, and
// shows the texture on a rectangle from the label's position rounded to
// pixels to its far corner rounded: a pixel wider or taller than the
// texture, or narrower, as the position's fraction falls, and then sampled
// with linear filtering. Labels here are drawn the same way: the label's
// texture (its glyphs' coverage) kept with its layout, and copied, or
// resampled as the GPU would when the rectangle is not the texture's size.

// subpixels is how many pen positions within a pixel glyphs are drawn at.
const subpixels = 32

// textCache shapes labels and keeps their layouts and their glyphs' masks.
type textCache struct {
	faces   [2]*font.Face // regular, bold
	shaper  shaping.HarfbuzzShaper
	seg     shaping.Segmenter
	layouts cache[layoutKey, *layout]
	masks   cache[maskKey, *mask]
	covered cache[coverKey, bool]
	words   cache[wordKey, *shapedWord]
	lines   cache[wordKey, float32] // line heights by size and weight
	runes   []rune
}

type wordKey struct {
	word string
	size float32
	bold bool
}

// shapedWord is a word shaped at a size, in the font's 26.6 fixed point.
type shapedWord struct {
	ascent fixed.Int26_6
	glyphs []shaping.Glyph
}

type coverKey struct {
	text string
	bold bool
}

func newTextCache(regular, bold *font.Face) textCache {
	return textCache{
		faces:   [2]*font.Face{regular, bold},
		layouts: newCache[layoutKey, *layout](4096),
		masks:   newCache[maskKey, *mask](16384),
		covered: newCache[coverKey, bool](4096),
		words:   newCache[wordKey, *shapedWord](8192),
		lines:   newCache[wordKey, float32](64),
	}
}

type layoutKey struct {
	text        string
	size, scale float32
	bold        bool
}

// layout is a label shaped: where each glyph goes, and once drawn, the
// glyphs' masks and whole-pixel offsets (a label starts at a whole pixel,
// so where each glyph falls within a pixel is the layout's).
type layout struct {
	ascent int // from the top of the label to its baseline, in pixels
	glyphs []placed
	// width and height are the label's size in units as Fyne measures it
	// (the advances' sum, the font's line height): its texture's size,
	// and the rectangle's it is shown on, follow from them.
	width, height float32
	// tex is the label's texture once drawn: the glyphs' coverage, as
	// Fyne draws them into the texture it uploads; shown, the last two it
	// was resampled to (see shownOn).
	tex   *mask
	shown [2]*mask
}

// placed is a glyph and its pen position from the label's left end and
// baseline, in pixels.
type placed struct {
	gid  font.GID
	x, y float32
}

type maskKey struct {
	gid         font.GID
	size, scale float32
	bold        bool
	sub         uint8 // pen position within the pixel, in subpixels
	dy          int8  // vertical offset of the glyph, in 64ths of a pixel, rounded
}

// mask is a glyph's coverage: w×h bytes, its top-left corner (x, y) pixels
// from the pen's whole pixel on the baseline.
type mask struct {
	x, y, w, h int
	a          []uint8
}

// face returns the face text prim pr is drawn in, or nil if it cannot be
// drawn: no face, a size out of reason, or a character the face lacks.
func (t *textCache) face(pr *timeline.Prim) *font.Face {
	face := t.faces[0]
	if pr.Bold {
		face = t.faces[1]
	}
	if face == nil || !(pr.TextSize > 0) || pr.TextSize > 1000 {
		return nil
	}
	k := coverKey{pr.Text, pr.Bold}
	ok, seen := t.covered.get(k)
	if !seen {
		ok = !strings.ContainsAny(pr.Text, "\t\r\n") // tabs and line breaks: Fyne's own rules apply
		for _, r := range pr.Text {
			if _, has := face.NominalGlyph(r); !has || !ok {
				ok = false
				break
			}
		}
		t.covered.put(k, ok)
	}
	if !ok {
		return nil
	}
	return face
}

// prepare returns the coverage text prim pr is drawn with from its
// position rounded to pixels: its label's texture on the rectangle Fyne's
// OpenGL painter shows it on, or nil if there is nothing to draw; ok is
// false if it cannot be drawn (see face).
func (t *textCache) prepare(pr *timeline.Prim, g grid) (shown *mask, ok bool) {
	if pr.Text == "" || pr.Text == " " {
		return nil, true // as Fyne: nothing to draw
	}
	face := t.face(pr)
	if face == nil {
		return nil, false
	}
	if pr.Fill.A == 0 {
		return nil, true
	}
	s := float32(g.s)
	l := t.layout(face, pr.Text, float32(pr.TextSize), s, pr.Bold)
	if l.tex == nil {
		t.drawTexture(l, face, float32(pr.TextSize), s, pr.Bold)
	}
	if l.tex.w == 0 {
		return nil, true
	}
	// Fyne rounds the text's far corner within its parent, and its
	// position in the window; the rectangle is as many pixels as lie
	// between the first two, from the last.
	x, y := float32(pr.X), float32(pr.Y)
	w := roundPixel((x+l.width)*s) - roundPixel(x*s)
	h := roundPixel((y+l.height)*s) - roundPixel(y*s)
	return l.shownOn(w, h), true
}

// shownOn returns l's texture as shown on a w×h rectangle: itself, or
// resampled, the last two kept (a label moving by fractions of a pixel is
// shown a pixel wider or narrower, taller or shorter, now and then).
func (l *layout) shownOn(w, h int) *mask {
	if w == l.tex.w && h == l.tex.h {
		return l.tex
	}
	if w <= 0 || h <= 0 || w > 2*l.tex.w+2 || h > 2*l.tex.h+2 {
		return nil // not a rectangle Fyne shows it on
	}
	for _, m := range l.shown {
		if m != nil && m.w == w && m.h == h {
			return m
		}
	}
	m := stretched(l.tex, w, h)
	l.shown[1], l.shown[0] = l.shown[0], m
	return m
}

// drawTexture draws l's texture as Fyne's OpenGL painter does: the size
// in units times the scale, rounded, and each glyph drawn over it at the
// 32nd of a pixel nearest its pen position, clipped to it.
func (t *textCache) drawTexture(l *layout, face *font.Face, size, scale float32, bold bool) {
	l.height = t.lineHeight(face, size, bold)
	w := int(math.Round(float64(l.width * scale)))
	h := int(math.Round(float64(l.height * scale)))
	if w <= 0 || h <= 0 || w > 1<<14 || h > 1<<12 {
		l.tex = &mask{}
		return
	}
	tex := &mask{w: w, h: h, a: make([]uint8, w*h)}
	for _, gl := range l.glyphs {
		xi := float32(math.Floor(float64(gl.x)))
		sub := int(math.Round(float64((gl.x - xi) * subpixels)))
		if sub == subpixels {
			xi, sub = xi+1, 0
		}
		dy := int8(max(min(math.Round(float64(gl.y*64)), 127), -128))
		m := t.mask(face, gl.gid, size, scale, bold, uint8(sub), dy)
		overMask(tex, int(xi)+m.x, l.ascent+m.y, m)
	}
	l.tex = tex
}

// overMask composites coverage m over dst with m's top-left corner at
// (x, y) in dst, clipped to it, as drawing a glyph over another does.
func overMask(dst *mask, x, y int, m *mask) {
	for yy := max(y, 0); yy < min(y+m.h, dst.h); yy++ {
		for xx := max(x, 0); xx < min(x+m.w, dst.w); xx++ {
			a := uint32(m.a[(yy-y)*m.w+xx-x])
			if a == 0 {
				continue
			}
			d := &dst.a[yy*dst.w+xx]
			*d = uint8(a + div255(uint32(*d)*(255-a)))
		}
	}
}

// lineHeight is the height in units Fyne gives a line of text in face at
// size: the line bounds of a space shaped in it.
func (t *textCache) lineHeight(face *font.Face, size float32, bold bool) float32 {
	k := wordKey{" ", size, bold}
	if h, ok := t.lines.get(k); ok {
		return h
	}
	out := t.shaper.Shape(shaping.Input{
		Text: []rune{' '}, RunStart: 0, RunEnd: 1,
		Direction: di.DirectionLTR, Face: face, Size: fixed.Int26_6(float64(size) * 64),
	})
	h := fixedToFloat(out.LineBounds.LineThickness())
	t.lines.put(k, h)
	return h
}

// drawLabel draws text prim pr, shown as the coverage m, into dst.
func drawLabel(dst *image.RGBA, m *mask, pr *timeline.Prim, g grid) {
	blitMask(dst, g.x(pr.X), g.y(pr.Y), m, premul(pr.Fill))
}

// roundPixel rounds v, in float32 as Fyne does, to a whole pixel.
func roundPixel(v float32) int { return whole(float64(v)) }

// stretched returns m resampled onto w×h pixels: each pixel's centre
// sampled between its four nearest values, as a GPU's linear filtering
// does (with weights in 256ths), m's edges extended.
func stretched(m *mask, w, h int) *mask {
	out := &mask{w: w, h: h, a: make([]uint8, w*h)}
	sx, sy := float32(m.w)/float32(w), float32(m.h)/float32(h)
	cols := make([]sample, w) // the texels each column samples, found once
	for x := range cols {
		cols[x] = sampleAt(x, sx, m.w)
	}
	for y := range h {
		sy := sampleAt(y, sy, m.h)
		row0, row1 := m.a[int(sy.i0)*m.w:int(sy.i0+1)*m.w], m.a[int(sy.i1)*m.w:int(sy.i1+1)*m.w]
		wy := uint32(sy.w)
		dst := out.a[y*w : (y+1)*w]
		for x, cl := range cols {
			a00, a01, a10, a11 := uint32(row0[cl.i0]), uint32(row0[cl.i1]), uint32(row1[cl.i0]), uint32(row1[cl.i1])
			if a00|a01|a10|a11 != 0 {
				wx := uint32(cl.w)
				dst[x] = uint8(((a00*(256-wx)+a01*wx)*(256-wy) + (a10*(256-wx)+a11*wx)*wy + 1<<15) >> 16)
			}
		}
	}
	return out
}

// sample is where a pixel's centre falls between two texels: the one
// before it, the one after it and that one's weight, in 256ths.
type sample struct{ i0, i1, w uint16 }

// sampleAt returns the sample of pixel i of a rectangle showing n texels,
// s texels a pixel; texels beyond the edges are the edges'.
func sampleAt(i int, s float32, n int) sample {
	t := (float32(i)+0.5)*s - 0.5
	i0 := int(t+1) - 1 // t ≥ -0.5: its floor
	w := uint16((t-float32(i0))*256 + 0.5)
	return sample{uint16(min(max(i0, 0), n-1)), uint16(min(max(i0+1, 0), n-1)), w}
}

// layout returns text shaped in face at size and scale.
func (t *textCache) layout(face *font.Face, text string, size, scale float32, bold bool) *layout {
	k := layoutKey{text, size, scale, bold}
	if l, ok := t.layouts.get(k); ok {
		return l
	}
	var l *layout
	if latin(text) {
		l = t.joinWords(face, text, size, scale, bold)
	} else {
		l = t.shape(face, text, size, scale)
	}
	t.layouts.put(k, l)
	return l
}

// latin reports whether every character of text is Latin (up to Latin
// Extended-B), a digit or common punctuation: text Fyne shapes as one run,
// left to right, in which words do not act on each other.
func latin(text string) bool {
	for _, r := range text {
		if r >= 0x250 && (r < 0x2000 || r >= 0x2070) {
			return false
		}
	}
	return true
}

// joinWords lays out text of Latin characters word by word: as shape
// would, but each word is shaped once for all the labels it is in (the
// kerning of a letter against a space aside, which fonts rarely have).
// Titles share words, and counts change in a few digits: a new label is
// then mostly words already shaped.
func (t *textCache) joinWords(face *font.Face, text string, size, scale float32, bold bool) *layout {
	l := &layout{}
	pen := float32(0)
	for i, w := range strings.Split(text, " ") {
		if i > 0 {
			pen = t.appendWord(l, face, " ", size, scale, bold, pen)
		}
		if w != "" {
			pen = t.appendWord(l, face, w, size, scale, bold, pen)
		}
	}
	return l
}

// appendWord appends word, shaped, to l with its pen starting at pen, and
// returns where the pen ends.
func (t *textCache) appendWord(l *layout, face *font.Face, word string, size, scale float32, bold bool, pen float32) float32 {
	k := wordKey{word, size, bold}
	w, ok := t.words.get(k)
	if !ok {
		t.runes = append(t.runes[:0], []rune(word)...)
		out := t.shaper.Shape(shaping.Input{
			Text: t.runes, RunStart: 0, RunEnd: len(t.runes),
			Direction: di.DirectionLTR, Face: face, Size: fixed.Int26_6(float64(size) * 64),
			Script: language.Latin,
		})
		w = &shapedWord{ascent: out.LineBounds.Ascent, glyphs: slices.Clone(out.Glyphs)}
		t.words.put(k, w)
	}
	l.ascent = int(math.Ceil(float64(fixedToFloat(w.ascent) * scale)))
	for _, g := range w.glyphs {
		l.glyphs = append(l.glyphs, placed{gid: g.GlyphID, x: pen + fixedToFloat(g.XOffset)*scale, y: -fixedToFloat(g.YOffset) * scale})
		pen += fixedToFloat(g.XAdvance) * scale
		l.width += fixedToFloat(g.XAdvance)
	}
	return pen
}

// shape lays out text, whose characters face has, as Fyne's walkString and
// DrawString do.
func (t *textCache) shape(face *font.Face, text string, size, scale float32) *layout {
	l := &layout{}
	t.runes = append(t.runes[:0], []rune(text)...)
	in := shaping.Input{
		Text: t.runes, RunStart: 0, RunEnd: len(t.runes),
		Direction: di.DirectionLTR, Face: face, Size: fixed.Int26_6(float64(size) * 64),
	}
	x := float32(0)
	first := true
	for _, run := range t.seg.Split(in, oneFace{face}) {
		out := t.shaper.Shape(run)
		if first {
			l.ascent = int(math.Ceil(float64(fixedToFloat(out.LineBounds.Ascent) * scale)))
			first = false
		}
		pen := float32(int(x)) // each run starts at a whole pixel
		var adv fixed.Int26_6
		for _, g := range out.Glyphs {
			l.glyphs = append(l.glyphs, placed{gid: g.GlyphID, x: pen + fixedToFloat(g.XOffset)*scale, y: -fixedToFloat(g.YOffset) * scale})
			pen += fixedToFloat(g.XAdvance) * scale
			adv += g.XAdvance
		}
		x += fixedToFloat(adv) * scale
		l.width += fixedToFloat(adv)
	}
	return l
}

// mask returns glyph gid rasterised at size and scale with its pen sub
// subpixels right of a whole pixel and dy 64ths of a pixel down.
func (t *textCache) mask(face *font.Face, gid font.GID, size, scale float32, bold bool, sub uint8, dy int8) *mask {
	k := maskKey{gid, size, scale, bold, sub, dy}
	if m, ok := t.masks.get(k); ok {
		return m
	}
	m := rasterise(face, gid, size, scale, float32(sub)/subpixels, float32(dy)/64)
	t.masks.put(k, m)
	return m
}

// rasterise draws glyph gid with go-text/render, as Fyne does, in white on
// a transparent image just large enough, and keeps its alpha.
func rasterise(face *font.Face, gid font.GID, size, scale, penX, penY float32) *mask {
	ext, ok := face.GlyphExtents(gid)
	if !ok || ext.Width == 0 || ext.Height == 0 {
		return &mask{}
	}
	k := size * scale / float32(face.Upem())
	x0 := int(math.Floor(float64(ext.XBearing*k))) - 1
	x1 := int(math.Ceil(float64((ext.XBearing+ext.Width)*k))) + 2
	y0 := int(math.Floor(float64(-ext.YBearing*k+penY))) - 1
	y1 := int(math.Ceil(float64(-(ext.YBearing+ext.Height)*k+penY))) + 2
	w, h := x1-x0, y1-y0
	if w <= 0 || h <= 0 || w > 4096 || h > 4096 {
		return &mask{}
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	r := render.Renderer{FontSize: size, PixScale: scale, Color: color.White}
	glyph := shaping.Glyph{GlyphID: gid,
		XOffset: fixed.Int26_6(float64(penX/scale) * 64),
		YOffset: -fixed.Int26_6(float64(penY/scale) * 64)}
	r.DrawShapedRunAt(shaping.Output{Face: face, Glyphs: []shaping.Glyph{glyph}}, img, -x0, -y0)
	m := &mask{x: x0, y: y0, w: w, h: h, a: make([]uint8, w*h)}
	for i := range m.a {
		m.a[i] = img.Pix[4*i+3]
	}
	return m
}

// blitMask composites the colour c through m over dst with m's top-left
// pixel at (x, y), clipped to dst.
func blitMask(dst *image.RGBA, x, y int, m *mask, c pmColor) {
	r := image.Rect(x, y, x+m.w, y+m.h).Intersect(dst.Rect)
	ca := uint32(c.a + 0.5)
	if ca == 0 {
		return
	}
	// The colour unpremultiplied: each pixel is then a mix of it and dst.
	nr, ng, nb := uint32(c.r*255/c.a+0.5), uint32(c.g*255/c.a+0.5), uint32(c.b*255/c.a+0.5)
	for yy := r.Min.Y; yy < r.Max.Y; yy++ {
		mo := (yy-y)*m.w + (r.Min.X - x)
		row := m.a[mo : mo+r.Dx()]
		o := dst.PixOffset(r.Min.X, yy)
		for _, a := range row {
			if k := div255(uint32(a) * ca); k >= 3 { // this pixel's alpha; below 0.01, the shader draws nothing
				ik := 255 - k
				p := dst.Pix[o : o+4 : o+4]
				p[0] = uint8(div255(nr*k + uint32(p[0])*ik))
				p[1] = uint8(div255(ng*k + uint32(p[1])*ik))
				p[2] = uint8(div255(nb*k + uint32(p[2])*ik))
				p[3] = uint8(div255(255*k + uint32(p[3])*ik))
			}
			o += 4
		}
	}
}

// div255 returns v/255 rounded, for v up to 255·255.
func div255(v uint32) uint32 {
	v += 128
	return (v + v>>8) >> 8
}

// oneFace is a font map of a single face.
type oneFace struct{ face *font.Face }

func (f oneFace) ResolveFace(rune) *font.Face { return f.face }

func fixedToFloat(v fixed.Int26_6) float32 { return float32(float64(v) / 64) }

// CanDraw reports whether Paint draws text prim pr itself: its fonts have
// every character of it. Texts it cannot draw are left for the caller.
func (p *Painter) CanDraw(pr *timeline.Prim) bool {
	return pr.Kind != timeline.PrimText || pr.Text == "" || pr.Text == " " || p.text.face(pr) != nil
}

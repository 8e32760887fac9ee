package export

import (
	"fmt"
	"strings"
	"sync"

	sfntfont "github.com/tdewolff/font"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Fonts is the typeface an export is measured and drawn with, regular and
// bold, from TrueType bytes. Its methods are safe for concurrent use.
type Fonts struct {
	regular, bold         []byte
	regularFont, boldFont *opentype.Font

	mu    sync.Mutex
	faces map[faceKey]font.Face
}

type faceKey struct {
	size float64
	bold bool
}

// NewFonts parses the regular and bold TrueType fonts an export uses. Give
// the font the screen uses so that exports look like it.
func NewFonts(regular, bold []byte) (*Fonts, error) {
	r, err := opentype.Parse(regular)
	if err != nil {
		return nil, fmt.Errorf("regular font: %w", err)
	}
	b, err := opentype.Parse(bold)
	if err != nil {
		return nil, fmt.Errorf("bold font: %w", err)
	}
	return &Fonts{regular: regular, bold: bold, regularFont: r, boldFont: b, faces: map[faceKey]font.Face{}}, nil
}

// face returns the face of the font at size pixels to the em.
func (f *Fonts) face(size float64, bold bool) font.Face {
	f.mu.Lock()
	defer f.mu.Unlock()
	k := faceKey{size, bold}
	if fc, ok := f.faces[k]; ok {
		return fc
	}
	src := f.regularFont
	if bold {
		src = f.boldFont
	}
	fc, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		// Only an invalid size fails; sizes come from Metrics and are checked.
		panic(fmt.Sprintf("export: face at size %v: %v", size, err))
	}
	f.faces[k] = fc
	return fc
}

// Measure returns the width and height in pixels of text at size: it is
// the timeline.TextMeasure scenes for export are built with.
func (f *Fonts) Measure(text string, size float64, bold bool) (w, h float64) {
	fc := f.face(size, bold)
	f.mu.Lock()
	defer f.mu.Unlock()
	m := fc.Metrics()
	return fix(font.MeasureString(fc, text)), fix(m.Ascent + m.Descent)
}

// ascent returns the distance from the top of a line of text to its baseline.
func (f *Fonts) ascent(size float64, bold bool) float64 {
	fc := f.face(size, bold)
	f.mu.Lock()
	defer f.mu.Unlock()
	return fix(fc.Metrics().Ascent)
}

func (f *Fonts) width(text string, size float64, bold bool) float64 {
	w, _ := f.Measure(text, size, bold)
	return w
}

// runWidths measures a run of text once, so that the width of any part of
// it costs two subtractions: what makes truncating and wrapping linear in
// the length of the text, where measuring each candidate from scratch made
// them quadratic (an 8,000-character title took 9 s to shorten).
type runWidths struct {
	runes []rune
	// at[i] is the width of runes[:i], kerning included; kern[i] the
	// kerning between runes[i-1] and runes[i], counted in at[i+1].
	at, kern []fixed.Int26_6
	ellipsis fixed.Int26_6 // the width of "…" after the whole run
	face     font.Face
}

// measureRun measures text at size in the regular or bold face.
func (f *Fonts) measureRun(text string, size float64, bold bool) *runWidths {
	fc := f.face(size, bold)
	f.mu.Lock()
	defer f.mu.Unlock()
	m := &runWidths{runes: []rune(text), face: fc}
	m.at = make([]fixed.Int26_6, len(m.runes)+1)
	m.kern = make([]fixed.Int26_6, len(m.runes))
	var x fixed.Int26_6
	for i, r := range m.runes {
		if i > 0 {
			m.kern[i] = fc.Kern(m.runes[i-1], r)
			x += m.kern[i]
		}
		adv, _ := fc.GlyphAdvance(r)
		x += adv
		m.at[i+1] = x
	}
	m.ellipsis, _ = fc.GlyphAdvance('…')
	return m
}

// width returns the width of runes[i:j], drawn on its own.
func (m *runWidths) width(i, j int) float64 {
	if j <= i {
		return 0
	}
	return fix(m.at[j] - m.at[i] - m.kern[i])
}

// withEllipsis returns the width of runes[:n] followed by "…".
func (m *runWidths) withEllipsis(n int) float64 {
	w := m.at[n] + m.ellipsis
	if n > 0 {
		f := m.face
		w += f.Kern(m.runes[n-1], '…')
	}
	return fix(w)
}

// truncate shortens s with an ellipsis to fit in maxW, dropping spaces and
// punctuation before the ellipsis; "" if not even a letter fits. It
// measures s once.
func (f *Fonts) truncate(s string, size float64, bold bool, maxW float64) string {
	m := f.measureRun(s, size, bold)
	n := len(m.runes)
	if m.width(0, n) <= maxW {
		return s
	}
	f.mu.Lock() // the face's kerning table, in withEllipsis
	defer f.mu.Unlock()
	for n--; n > 0; n-- {
		keep := n
		for keep > 0 && strings.ContainsRune(" ,;:", m.runes[keep-1]) {
			keep--
		}
		if m.withEllipsis(keep) <= maxW {
			return string(m.runes[:keep]) + "…"
		}
	}
	return ""
}

// wrap breaks text into lines no wider than maxW in the regular or bold
// face, at spaces where it can and anywhere in a word (such as a URL) too
// long for a line. Runs of white space become one space. It measures the
// text once and looks at each letter a bounded number of times.
func (f *Fonts) wrap(text string, size float64, bold bool, maxW float64) []string {
	m := f.measureRun(strings.Join(strings.Fields(text), " "), size, bold)
	r := m.runes
	var lines []string
	start := 0 // of the line being filled
	for i := 0; i < len(r); {
		if start == i-1 {
			start = i // the line is empty: it starts at this word, not at the space before it
		}
		// The next word is r[i:j].
		j := i
		for j < len(r) && r[j] != ' ' {
			j++
		}
		switch {
		case m.width(start, j) <= maxW:
			// The word fits on the line.
		case start < i-1:
			// It does not: the line ends before it (and its space).
			lines = append(lines, string(r[start:i-1]))
			start = i
			if m.width(start, j) <= maxW {
				break
			}
			fallthrough
		default:
			// A word longer than a line is cut where it must be, at
			// least one letter to a line.
			for start < j && m.width(start, j) > maxW {
				n := start + 1
				for n < j && m.width(start, n+1) <= maxW {
					n++
				}
				lines = append(lines, string(r[start:n]))
				start = n
			}
		}
		i = j + 1
	}
	if start < len(r) {
		lines = append(lines, string(r[start:]))
	}
	return lines
}

// subset returns a TrueType font holding only the glyphs of runes, from the
// regular or bold font: what an SVG embeds.
func (f *Fonts) subset(bold bool, runes map[rune]bool) ([]byte, error) {
	src := f.regular
	if bold {
		src = f.bold
	}
	full, err := sfntfont.ParseSFNT(src, 0)
	if err != nil {
		return nil, fmt.Errorf("font: %w", err)
	}
	ids := []uint16{0} // the missing-glyph box comes first
	seen := map[uint16]bool{0: true}
	for r := range runes {
		if id := full.GlyphIndex(r); !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	sub, err := full.Subset(ids, sfntfont.SubsetOptions{Tables: []string{"min"}})
	if err != nil {
		return nil, fmt.Errorf("font subset: %w", err)
	}
	return sub.Write(), nil
}

func fix(v fixed.Int26_6) float64 { return float64(v) / 64 }

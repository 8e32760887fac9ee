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
		return nil, fmt.Errorf("export: regular font: %w", err)
	}
	b, err := opentype.Parse(bold)
	if err != nil {
		return nil, fmt.Errorf("export: bold font: %w", err)
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

// truncate shortens s with an ellipsis to fit in maxW.
func (f *Fonts) truncate(s string, size float64, bold bool, maxW float64) string {
	if f.width(s, size, bold) <= maxW {
		return s
	}
	r := []rune(s)
	for n := len(r) - 1; n > 0; n-- {
		t := strings.TrimRight(string(r[:n]), " ,;:") + "…"
		if f.width(t, size, bold) <= maxW {
			return t
		}
	}
	return ""
}

// wrap breaks text into lines no wider than maxW in the regular or bold
// face, at spaces where it can and anywhere in a word (such as a URL) too
// long for a line.
func (f *Fonts) wrap(text string, size float64, bold bool, maxW float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if f.width(try, size, bold) <= maxW {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
		}
		// A word longer than a line is cut where it must be.
		for f.width(word, size, bold) > maxW {
			r := []rune(word)
			n := len(r) - 1
			for n > 1 && f.width(string(r[:n]), size, bold) > maxW {
				n--
			}
			lines = append(lines, string(r[:n]))
			word = string(r[n:])
		}
		line = word
	}
	if line != "" {
		lines = append(lines, line)
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
		return nil, fmt.Errorf("export: font: %w", err)
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
		return nil, fmt.Errorf("export: font subset: %w", err)
	}
	return sub.Write(), nil
}

func fix(v fixed.Int26_6) float64 { return float64(v) / 64 }

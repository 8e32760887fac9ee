package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/quoteline/quoteline/timeline"
)

// TestWrite_OnlyWebAndMailLinks lists sources whose addresses are
// javascript:, data:, file: and a disguised https one beside a real web
// and mail address: in SVG and PDF only the last two become links; the
// others are printed as text. Issue 24 found javascript: exported as a
// live link.
func TestWrite_OnlyWebAndMailLinks(t *testing.T) {
	p := testPicture()
	bad := []string{"javascript:alert(document.cookie)", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "https://example.org/\u202egpj.exe"}
	p.Citations = func(ctx context.Context, ids []int64) (map[int64][]Source, error) {
		out := map[int64][]Source{}
		for i, id := range ids {
			out[id] = []Source{{Key: fmt.Sprint(i), Title: "Source", URL: append(bad, "https://example.org/ok", "mailto:desk@example.org")[i%6]}}
		}
		return out, nil
	}
	p.Events.Items = append(p.Events.Items, timeline.Item{ID: 5, Start: day(2023, 4, 1), End: day(2023, 4, 1)},
		timeline.Item{ID: 6, Lane: 1, Start: day(2023, 5, 1), End: day(2023, 5, 1)})
	p.Events.Titles[5], p.Events.Titles[6] = "Fifth", "Sixth"
	for _, f := range []Format{SVG, PDF} {
		doc := write(t, f, p)
		for _, b := range bad {
			if f == SVG && bytes.Contains(doc, []byte(`href="`+escape(b))) || f == PDF && bytes.Contains(doc, []byte("("+b)) {
				t.Errorf("%s: %s became a link", f, b)
			}
		}
		for _, good := range []string{"https://example.org/ok", "mailto:desk@example.org"} {
			if f == SVG && !bytes.Contains(doc, []byte(`href="`+good+`"`)) || f == PDF && !bytes.Contains(doc, []byte("("+good+")")) {
				t.Errorf("%s: %s is not a link", f, good)
			}
		}
	}
}

// manyLanesPicture is testPicture with n lanes of an event each.
func manyLanesPicture(n int) *Picture {
	p := testPicture()
	p.Citations = nil
	p.Lanes = nil
	p.Events = timeline.Events{Titles: map[int64]string{}}
	for i := range n {
		p.Lanes = append(p.Lanes, timeline.Lane{Name: fmt.Sprint("Lane ", i), Color: color.NRGBA{0x33, 0x66, 0x99, 0xff}})
		s := day(2022, 8, 1) + float64(i%300)*86400
		p.Events.Items = append(p.Events.Items, timeline.Item{ID: int64(i + 1), Lane: int32(i), Start: s, End: s})
		p.Events.Titles[int64(i+1)] = fmt.Sprint("Event ", i)
	}
	return p
}

// allocated returns the bytes fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestWrite_RefusesPicturesTooLarge draws 2,000 lanes with the height left
// to fit them, and asks for the largest width and height: each picture is
// refused with ErrTooLarge and advice, before its pixels are allocated
// (the first would take 1600 × 100,000 × 4 bytes, 640 MB). Issue 24's
// document of 10,000 lanes asked for 8.3 GB and was killed.
func TestWrite_RefusesPicturesTooLarge(t *testing.T) {
	fonts := testFonts(t)
	tall := manyLanesPicture(2000)
	huge := testPicture()
	huge.Width, huge.Height = MaxWidth, MaxHeight
	for _, tt := range []struct {
		name string
		f    Format
		p    *Picture
		want string
	}{
		{"tall png", PNG, tall, "pictures are drawn up to 16000 pixels high: draw a shorter time window or fewer lanes, or export a PDF"},
		{"tall svg", SVG, tall, "pictures are drawn up to 16000 pixels high"},
		{"huge png", PNG, huge, "this picture would be 16000 × 16000 pixels, 256 million, and pictures are drawn up to 67 million"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			n := allocated(func() { _, err = Write(context.Background(), io.Discard, tt.f, tt.p, fonts, nil) })
			if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Write: %v; want ErrTooLarge saying %q", err, tt.want)
			}
			if n > 200<<20 {
				t.Errorf("refusing it allocated %d MB", n>>20)
			}
		})
	}
	// A PDF spreads the same lanes over its page instead.
	if _, err := Write(context.Background(), io.Discard, PDF, manyLanesPicture(300), fonts, nil); err != nil {
		t.Errorf("PDF of 300 lanes: %v", err)
	}
}

// TestWrite_LongTexts draws a document whose title and an event's title
// are 64,000 characters, with a source whose URL is 60,000: each format is
// written, the labels cut with an ellipsis at a sane length. Issue 24
// found the title took 9 s at 8,000 characters and over 100 s at 64,000,
// and a PDF with a long URL more than 60 s; the time bound here is ten
// times what it takes now on a slow machine.
func TestWrite_LongTexts(t *testing.T) {
	p := testPicture()
	long := strings.Repeat("Ab ", 64000/3)
	p.Title = long
	p.Events.Titles[2] = long
	url := "https://example.org/" + strings.Repeat("a", 60000)
	p.Citations = func(ctx context.Context, ids []int64) (map[int64][]Source, error) {
		return map[int64][]Source{2: {{Key: "x", Title: long, Outlet: long, URL: url}}}, nil
	}
	for _, f := range []Format{PNG, SVG, PDF} {
		start := time.Now()
		doc := write(t, f, p)
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%s took %v", f, d)
		}
		if f == SVG {
			for _, text := range svgText(t, doc) {
				if n := utf8.RuneCountInString(text); n > maxSourceRunes+1 {
					t.Errorf("an SVG text of %d characters", n)
				}
			}
			if bytes.Contains(doc, []byte(`href="`+url)) {
				t.Error("a 60,000-character URL became a link")
			}
		}
	}
}

// TestWrite_CancelledWhileDrawing ends the context while a crowded
// picture is being drawn: every format stops with context.Canceled.
func TestWrite_CancelledWhileDrawing(t *testing.T) {
	fonts := testFonts(t)
	p := manyLanesPicture(250)
	for _, f := range []Format{PNG, SVG, PDF} {
		ctx, cancel := context.WithCancel(context.Background())
		calls := 0
		_, err := Write(ctx, io.Discard, f, p, fonts, func(float64) {
			if calls++; calls == 1 {
				cancel()
			}
		})
		cancel()
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s: %v, want context.Canceled", f, err)
		}
	}
}

// naiveTruncate and naiveWrap are the quadratic ways of truncating and
// wrapping that measure every candidate from scratch, as the export did
// before issue 24: the reference the linear ones must agree with. (The old
// wrap looped for ever on a letter wider than a line; here it is a line.)
func naiveTruncate(f *Fonts, s string, size float64, bold bool, maxW float64) string {
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

func naiveWrap(f *Fonts, text string, size float64, bold bool, maxW float64) []string {
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
		for word != "" && f.width(word, size, bold) > maxW {
			r := []rune(word)
			if len(r) == 1 { // a letter wider than a line is a line
				lines = append(lines, word)
				word = ""
				break
			}
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

// randomText is words of random letters, kerning pairs, punctuation and
// long unbroken runs.
func randomText(r *rand.Rand, n int) string {
	const letters = "AVTWYaveoyLTj.,;: ,,  ——…éßŁ漢字"
	rs := []rune(letters)
	var b strings.Builder
	for range n {
		if r.IntN(12) == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteRune(rs[r.IntN(len(rs))])
		}
	}
	return b.String()
}

// TestFonts_TruncateAndWrapMatchTheReference compares the linear truncate
// and wrap with the quadratic reference on random texts and widths.
func TestFonts_TruncateAndWrapMatchTheReference(t *testing.T) {
	f := testFonts(t)
	r := rand.New(rand.NewPCG(24, 24))
	for i := range 400 {
		s := randomText(r, r.IntN(120))
		size := []float64{9, 14, 20.3}[i%3]
		bold := i%2 == 0
		maxW := float64(r.IntN(400))
		if got, want := f.truncate(s, size, bold, maxW), naiveTruncate(f, s, size, bold, maxW); got != want {
			t.Errorf("truncate(%q, %v, %v, %v) = %q, want %q", s, size, bold, maxW, got, want)
		}
		if got, want := f.wrap(s, size, bold, maxW), naiveWrap(f, s, size, bold, maxW); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("wrap(%q, %v, %v, %v) = %q, want %q", s, size, bold, maxW, got, want)
		}
	}
}

// TestFonts_TruncateAndWrapAreLinear times truncating a title and wrapping
// an unbroken URL at 20,000 and 200,000 characters: ten times the text
// takes about ten times as long, where the quadratic way took a hundred
// times (the bound, 40, leaves room for a noisy machine).
func TestFonts_TruncateAndWrapAreLinear(t *testing.T) {
	f := testFonts(t)
	timeOf := func(fn func()) time.Duration {
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			fn()
			best = min(best, time.Since(start))
		}
		return best
	}
	for name, fn := range map[string]func(s string){
		"truncate": func(s string) { f.truncate(s, 14, false, 1500) },
		"wrap":     func(s string) { f.wrap(s, 14, false, 1100) },
	} {
		small := timeOf(func() { fn(strings.Repeat("w", 20000)) })
		large := timeOf(func() { fn(strings.Repeat("w", 200000)) })
		if ratio := float64(large) / float64(max(small, time.Microsecond)); ratio > 40 {
			t.Errorf("%s: 10× the text took %.0f× as long (%v, %v)", name, ratio, small, large)
		}
	}
}

// FuzzWrap checks wrap on any text and width: the lines hold the text's
// words in order, and every line fits unless it is a single letter.
func FuzzWrap(f *testing.F) {
	f.Add("Drones shipped for months", 120.0)
	f.Add("https://example.org/"+strings.Repeat("a", 300), 80.0)
	f.Add("  a  b\tc\n", 1.0)
	f.Add("", 0.0)
	fonts, err := NewFonts(goregular.TTF, gobold.TTF)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, maxW float64) {
		if len(text) > 2000 || !utf8.ValidString(text) || maxW != maxW {
			return
		}
		lines := fonts.wrap(text, 14, false, maxW)
		want := strings.Join(strings.Fields(text), " ")
		got := strings.Join(lines, "")
		if strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(want, " ", "") {
			t.Fatalf("wrap lost letters: %q from %q", lines, text)
		}
		for _, l := range lines {
			if utf8.RuneCountInString(l) > 1 && fonts.width(l, 14, false) > maxW {
				t.Fatalf("line %q is wider than %v", l, maxW)
			}
		}
		if tr := fonts.truncate(text, 14, false, maxW); tr != "" && fonts.width(tr, 14, false) > maxW {
			t.Fatalf("truncate(%q) = %q, wider than %v", text, tr, maxW)
		}
	})
}

// BenchmarkFonts_LongTexts measures shortening a 64,000-character title to
// a heading's width and wrapping a 60,000-character URL, the inputs that
// took over 100 s and 90 s before issue 24.
func BenchmarkFonts_LongTexts(b *testing.B) {
	f, err := NewFonts(goregular.TTF, gobold.TTF)
	if err != nil {
		b.Fatal(err)
	}
	title := strings.Repeat("Ab ", 64000/3)
	url := "https://example.org/" + strings.Repeat("a", 60000)
	b.Run("truncate 64k", func(b *testing.B) {
		for b.Loop() {
			f.truncate(title, 20.3, true, 1568)
		}
	})
	b.Run("wrap 60k", func(b *testing.B) {
		for b.Loop() {
			f.wrap(url, 14, false, 1040)
		}
	})
}

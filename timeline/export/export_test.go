package export

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"

	"github.com/quoteline/quoteline/timeline"
)

func testFonts(t *testing.T) *Fonts {
	t.Helper()
	f, err := NewFonts(goregular.TTF, gobold.TTF)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func day(y int, m time.Month, d int) float64 {
	return float64(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix())
}

// testPicture is a small timeline of two lanes: a range and points, three of
// which cite sources (one shared).
func testPicture() *Picture {
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	ink := color.NRGBA{0x30, 0x30, 0x30, 0xff}
	ev := timeline.Events{
		Items: []timeline.Item{
			{ID: 1, Lane: 0, Start: day(2022, 8, 1), End: day(2023, 5, 15), Range: true},
			{ID: 2, Lane: 1, Start: day(2022, 9, 8), End: day(2022, 9, 8)},
			{ID: 3, Lane: 0, Start: day(2022, 10, 17), End: day(2022, 10, 17)},
			{ID: 4, Lane: 1, Start: day(2023, 2, 1), End: day(2023, 2, 1), Style: timeline.StyleExpected},
		},
		Titles: map[int64]string{1: "Drones shipped for months", 2: "Treasury sanctions the carrier",
			3: "Drones strike Kyiv", 4: "Commerce restricts exports"},
	}
	return &Picture{
		Title:  "Drones & sanctions <test>",
		Lanes:  []timeline.Lane{{Name: "Transfers", Color: color.NRGBA{0xd9, 0x5f, 0x02, 0xff}}, {Name: "Sanctions", Color: color.NRGBA{0x1f, 0x78, 0xb4, 0xff}}},
		Events: ev,
		From:   day(2022, 7, 1), To: day(2023, 7, 1),
		Palette: timeline.Palette{Background: white, Text: ink, MutedText: color.NRGBA{0x70, 0x70, 0x70, 0xff},
			Grid: color.NRGBA{0xee, 0xee, 0xee, 0xff}, GridStrong: color.NRGBA{0xcc, 0xcc, 0xcc, 0xff}, Axis: color.NRGBA{0xf9, 0xf9, 0xf9, 0xff},
			BandOdd: color.NRGBA{0xf7, 0xf7, 0xf7, 0xff}, Selection: color.NRGBA{0x29, 0x6f, 0xf6, 0xff}, Disputed: color.NRGBA{0xf4, 0x43, 0x36, 0xff},
			OnDarkText: white, OnLightText: ink},
		Metrics: timeline.DefaultMetrics(),
		Citations: func(ctx context.Context, ids []int64) (map[int64][]Source, error) {
			briefing := Source{Key: "a", Title: "Press briefing by Kirby", Outlet: "White House", Date: "15 May 2023", URL: "https://example.org/briefing"}
			out := map[int64][]Source{}
			for _, id := range ids {
				switch id {
				case 1:
					out[id] = []Source{briefing}
				case 2:
					out[id] = []Source{{Key: "b", Title: "Treasury designates airline", Outlet: "US Treasury", Date: "8 Sep 2022"}, briefing}
				case 4:
					out[id] = []Source{{Key: "c", Title: "Commerce rule on exports", Outlet: "Federal Register"}}
				}
			}
			return out, nil
		},
	}
}

var wantTitles = []string{"Drones shipped for months", "Treasury sanctions the carrier", "Drones strike Kyiv", "Commerce restricts exports"}

// wantSources are the source list's entries, numbered by the time of the
// first event citing them.
var wantSources = []string{
	"1. Press briefing by Kirby. White House, 15 May 2023.",
	"2. Treasury designates airline. US Treasury, 8 Sep 2022.",
	"3. Commerce rule on exports. Federal Register, undated.",
	"https://example.org/briefing",
}

func write(t *testing.T, f Format, p *Picture) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Write(context.Background(), &buf, f, p, testFonts(t), nil); err != nil {
		t.Fatalf("Write %s: %v", f, err)
	}
	return buf.Bytes()
}

func TestWrite_PNGDecodesAtRequestedSize(t *testing.T) {
	tests := []struct{ w, h, wantW int }{
		{800, 600, 800},
		{1000, 450, 1000},
		{MinWidth, 700, MinWidth},
		{0, 500, 1600},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d", tt.w, tt.h), func(t *testing.T) {
			p := testPicture()
			p.Width, p.Height = tt.w, tt.h
			img, err := png.Decode(bytes.NewReader(write(t, PNG, p)))
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != tt.wantW || b.Dy() != tt.h {
				t.Errorf("decoded %dx%d, want %dx%d", b.Dx(), b.Dy(), tt.wantW, tt.h)
			}
			// Not a blank picture: the lane colours are in it.
			found := false
			for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y && !found; y += 2 {
				for x := 0; x < img.Bounds().Dx(); x += 2 {
					if r, g, b, _ := img.At(x, y).RGBA(); r>>8 == 0xd9 && g>>8 == 0x5f && b>>8 == 0x02 {
						found = true
						break
					}
				}
			}
			if !found {
				t.Error("the transfers lane's colour is nowhere in the picture")
			}
		})
	}
}

func TestWrite_PNGFitsContent(t *testing.T) {
	p := testPicture()
	p.Width = 900
	img, err := png.Decode(bytes.NewReader(write(t, PNG, p)))
	if err != nil {
		t.Fatal(err)
	}
	if h := img.Bounds().Dy(); h < 200 || h > 900 {
		t.Errorf("height %d fitted to a two-lane timeline and three sources, want 200 to 900", h)
	}
}

func TestWrite_HeightTooSmall(t *testing.T) {
	p := testPicture()
	p.Width, p.Height = 800, 100
	_, err := Write(context.Background(), io.Discard, PNG, p, testFonts(t), nil)
	if !errors.Is(err, ErrTooSmall) {
		t.Fatalf("Write at 800x100: %v, want ErrTooSmall", err)
	}
}

// svgText returns the text of every <text> element of an SVG document,
// failing the test if it does not parse as XML.
func svgText(t *testing.T, doc []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var texts []string
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text"
		case xml.EndElement:
			inText = false
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		}
	}
	return texts
}

func TestWrite_SVGHasTitlesAsText(t *testing.T) {
	p := testPicture()
	p.Width = 1200
	texts := svgText(t, write(t, SVG, p))
	all := strings.Join(texts, "\n")
	for _, title := range wantTitles {
		if !strings.Contains(all, title) {
			t.Errorf("no <text> holds %q", title)
		}
	}
	for _, want := range []string{"Drones shipped for months [1]", "Treasury sanctions the carrier [1,2]", "Commerce restricts exports [3]", "Drones & sanctions <test>", "Sources"} {
		if !contains(texts, want) {
			t.Errorf("no <text> is %q", want)
		}
	}
	if strings.Contains(all, "Drones strike Kyiv [") {
		t.Error("an event without sources has a footnote marker")
	}
	for _, want := range wantSources {
		if !strings.Contains(strings.Join(texts, " "), strings.TrimPrefix(want, want[:3])) {
			t.Errorf("source list lacks %q", want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}

// pdfText extracts the text of a PDF with poppler's pdftotext.
func pdfText(t *testing.T, doc []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; scripts/deps.sh test installs it")
	}
	path := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return string(out)
}

func TestWrite_PDFTextHasTitlesAndSources(t *testing.T) {
	text := pdfText(t, write(t, PDF, testPicture()))
	flat := strings.Join(strings.Fields(text), " ")
	for _, title := range append(wantTitles, "Drones & sanctions <test>") {
		if !strings.Contains(flat, title) {
			t.Errorf("PDF text lacks %q:\n%s", title, text)
		}
	}
	for _, want := range wantSources {
		if !strings.Contains(flat, want) {
			t.Errorf("PDF source list lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(flat, "part 1 of") {
		t.Error("a short timeline was split across pages")
	}
}

func TestWrite_PDFSplitsCrowdedTimeline(t *testing.T) {
	p := testPicture()
	p.Citations = nil
	// Forty events a week apart on one lane: far more than eight rows hold
	// on one page.
	p.Events = timeline.Events{Titles: map[int64]string{}}
	for i := range 40 {
		s := day(2022, 1, 3) + float64(i)*7*86400
		p.Events.Items = append(p.Events.Items, timeline.Item{ID: int64(i + 1), Start: s, End: s})
		p.Events.Titles[int64(i+1)] = fmt.Sprintf("Weekly shipment number %d reported", i+1)
	}
	p.From, p.To = day(2022, 1, 1), day(2022, 11, 1)
	text := pdfText(t, write(t, PDF, p))
	if !strings.Contains(text, "part 1 of") {
		t.Fatalf("a crowded timeline was not split across pages:\n%s", text)
	}
	flat := strings.Join(strings.Fields(text), " ")
	for i := range 40 {
		if want := fmt.Sprintf("Weekly shipment number %d reported", i+1); !strings.Contains(flat, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
}

func TestWrite_RejectsBadInput(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		edit   func(p *Picture)
		want   string
	}{
		{"format", "gif", func(p *Picture) {}, "unknown format"},
		{"empty window", PNG, func(p *Picture) { p.To = p.From }, "end after it starts"},
		{"narrow", PNG, func(p *Picture) { p.Width = 10 }, "width 10"},
		{"huge", SVG, func(p *Picture) { p.Width = MaxWidth + 1 }, "width"},
		{"scale below 1", PNG, func(p *Picture) { p.Scale = 0.5 }, "scale 0.5: give 1 to 4"},
		{"scale above 4", PNG, func(p *Picture) { p.Scale = 5 }, "scale 5: give 1 to 4"},
		{"scale not a number", PNG, func(p *Picture) { p.Scale = math.NaN() }, "scale NaN: give 1 to 4"},
		{"scale infinite", PNG, func(p *Picture) { p.Scale = math.Inf(1) }, "scale +Inf: give 1 to 4"},
		{"scale of an SVG", SVG, func(p *Picture) { p.Scale = 2 }, "only a PNG"},
		{"sources", PNG, func(p *Picture) { p.Sources = "side" }, `sources "side": want below, page or none`},
		{"paper of a PNG", PNG, func(p *Picture) { p.Paper = Letter }, "paper sizes are for PDF"},
		{"paper and height", PDF, func(p *Picture) { p.Paper, p.Height = Letter, 500 }, "not both"},
		{"sources below on paper", PDF, func(p *Picture) { p.Sources = SourcesBelow }, "pages of their own"},
		{"text size", PNG, func(p *Picture) { p.Metrics.TextSize = 0 }, "text size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := testPicture()
			tt.edit(p)
			_, err := Write(context.Background(), io.Discard, tt.format, p, testFonts(t), nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Write: %v, want an error about %q", err, tt.want)
			}
		})
	}
}

func TestWrite_Cancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Write(ctx, io.Discard, PDF, testPicture(), testFonts(t), nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Write with a cancelled context: %v", err)
	}
}

func BenchmarkWrite(b *testing.B) {
	fonts, err := NewFonts(goregular.TTF, gobold.TTF)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range []Format{PNG, SVG, PDF} {
		b.Run(string(f), func(b *testing.B) {
			p := testPicture()
			if f != PDF {
				p.Width = 1600
			}
			for b.Loop() {
				if _, err := Write(context.Background(), io.Discard, f, p, fonts, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestWrite_ShortenedLabelsKeepTheirMarkers(t *testing.T) {
	p := testPicture()
	p.Width = MinWidth // too narrow for the long labels
	p.Events.Titles[1] = "Drones shipped for months on end from Iran to Russia, by sea and by air"
	texts := svgText(t, write(t, SVG, p))
	found := false
	for _, s := range texts {
		if strings.HasPrefix(s, "Drones shipped") {
			found = true
			if !strings.HasSuffix(s, "… [1]") {
				t.Errorf("label %q lost its footnote marker", s)
			}
		}
	}
	if !found {
		t.Fatalf("the range's label is not drawn: %q", texts)
	}
}

func TestWrite_SVGEmbedsTheLettersItUses(t *testing.T) {
	p := testPicture()
	p.Width = 1000
	doc := write(t, SVG, p)
	texts := svgText(t, doc)
	re := regexp.MustCompile(`font-weight: (normal|bold); src: url\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\)`)
	m := re.FindAllSubmatch(doc, -1)
	if len(m) != 2 {
		t.Fatalf("%d embedded fonts, want regular and bold", len(m))
	}
	full, err := opentype.Parse(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	for _, sub := range m {
		if string(sub[1]) != "normal" {
			continue
		}
		ttf, err := base64.StdEncoding.DecodeString(string(sub[2]))
		if err != nil {
			t.Fatal(err)
		}
		if len(ttf) > len(goregular.TTF)/2 {
			t.Errorf("the embedded font is %d bytes: not a subset of %d", len(ttf), len(goregular.TTF))
		}
		f, err := opentype.Parse(ttf)
		if err != nil {
			t.Fatalf("embedded font: %v", err)
		}
		var buf sfnt.Buffer
		for _, r := range "Treasury sanctions the carrier [1,2]" {
			gi, err := f.GlyphIndex(&buf, r)
			if err != nil || gi == 0 {
				t.Errorf("embedded font lacks %q (%v)", r, err)
				continue
			}
			adv, _ := f.GlyphAdvance(&buf, gi, 1000, 0)
			gf, _ := full.GlyphIndex(&buf, r)
			want, _ := full.GlyphAdvance(&buf, gf, 1000, 0)
			if adv != want {
				t.Errorf("%q is %v wide in the embedded font, %v in the original", r, adv, want)
			}
		}
	}
	if len(texts) == 0 {
		t.Fatal("no text")
	}
}

func TestWriteHandout_PagePerStopThenSources(t *testing.T) {
	p := testPicture()
	lanes := slices.Clone(p.Lanes)
	lanes[1].Collapsed = true
	stops := []Stop{
		{From: day(2022, 7, 1), To: day(2022, 12, 1), Selected: 1, Caption: "The shipments begin",
			Card:      &Card{Words: "Since August, drones", Attribution: "— A. Speaker, 15 May 2023", About: "About: Drones shipped for months"},
			Reference: "Source: Press briefing, 15 May 2023"},
		{From: day(2022, 9, 1), To: day(2022, 10, 1), Lanes: lanes, Caption: "A sanction", Reference: "Sources: US Treasury, 8 Sep 2022"},
	}
	var buf bytes.Buffer
	if err := WriteHandout(context.Background(), &buf, p, stops, testFonts(t), nil); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes())
	pages := strings.Split(text, "\f")
	if n := len(strings.TrimSpace(strings.Join(pages[2:], ""))); len(pages) < 3 || n == 0 {
		t.Fatalf("want two stop pages then the sources, got %d pages:\n%s", len(pages), text)
	}
	flat := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for i, want := range [][]string{
		{"Stop 1 of 2", "The shipments begin", "“Since August, drones”", "— A. Speaker, 15 May 2023", "About: Drones shipped for months", "Source: Press briefing", "Drones shipped for months [1]"},
		{"Stop 2 of 2", "A sanction", "Sources: US Treasury, 8 Sep 2022"},
	} {
		for _, w := range want {
			if !strings.Contains(flat(pages[i]), w) {
				t.Errorf("page %d lacks %q:\n%s", i+1, w, pages[i])
			}
		}
	}
	// The second stop collapses the sanctions lane: its event is not drawn.
	if strings.Contains(flat(pages[1]), "Treasury sanctions the carrier") {
		t.Error("an event of a lane the stop hides is drawn")
	}
	if !strings.Contains(flat(strings.Join(pages[2:], "")), "1. Press briefing by Kirby. White House, 15 May 2023.") {
		t.Errorf("no source list after the stops:\n%s", text)
	}
	if err := WriteHandout(context.Background(), &buf, p, nil, testFonts(t), nil); err == nil {
		t.Error("a handout without stops was written")
	}
}

// Runes outside the Basic Multilingual Plane (emoji, rare CJK, maths
// letters) are common in pasted titles; the PDF writer's fonts cannot hold
// them, and every format must still write.
func TestWrite_RunesBeyondTheBMP(t *testing.T) {
	for _, f := range []Format{PNG, SVG, PDF} {
		t.Run(string(f), func(t *testing.T) {
			p := testPicture()
			p.Title = "Drones 🚀 and 𠀀 sanctions"
			p.Events.Titles[1] = "Shipments 🛩️🛩️ for months 𝒜"
			cite := p.Citations
			p.Citations = func(ctx context.Context, ids []int64) (map[int64][]Source, error) {
				m, err := cite(ctx, ids)
				for id := range m {
					m[id][0].Title += " 📰"
				}
				return m, err
			}
			out := write(t, f, p)
			if f != PDF {
				return
			}
			flat := strings.Join(strings.Fields(pdfText(t, out)), " ")
			for _, want := range []string{"Drones", "sanctions", "Shipments", "for months"} {
				if !strings.Contains(flat, want) {
					t.Errorf("PDF text lacks %q:\n%s", want, flat)
				}
			}
		})
	}
}

// Disputed and expected events carry a dashed or dotted outline on screen;
// the exports draw the same outlines, dash by dash.
func TestWrite_PatternedOutlines(t *testing.T) {
	lines := func(style timeline.Style) int {
		p := testPicture()
		for i := range p.Events.Items {
			p.Events.Items[i].Style = style
		}
		return strings.Count(string(write(t, SVG, p)), "<line ")
	}
	plain, disputed, expected := lines(timeline.StyleNormal), lines(timeline.StyleDisputed), lines(timeline.StyleExpected)
	// Four events, each outlined in at least a few dashes.
	if disputed < plain+4*3 || expected < plain+4*3 {
		t.Errorf("lines drawn: %d plain, %d disputed, %d expected; want the patterned outlines on top", plain, disputed, expected)
	}
}

// TestStopLines_WrapInTheirFace: a handout's caption is set in bold, so it
// must be wrapped by the width of its bold letters, which are wider than
// the regular ones; a caption that fits in regular type but not in bold
// takes two lines, none of them wider than the page.
func TestStopLines_WrapInTheirFace(t *testing.T) {
	fonts := testFonts(t)
	const size = 10.0
	caption := "8 September 2022: the first US sanctions over the drones target the firm that coordinated the flights carrying them."
	width := fonts.width(caption, size*captionSize, false) + 1
	st := Stop{Caption: caption, Card: &Card{Words: caption, Attribution: "John Kirby, 15 May 2023"}}
	lines := stopLines(&st, fonts, size, width)
	if len(lines) < 2 || !lines[0].bold || !lines[1].bold {
		t.Fatalf("a caption too wide in bold is not wrapped: %+v", lines)
	}
	for _, l := range lines {
		max := width
		if l.bar {
			max -= cardIndent
		}
		if w := fonts.width(l.text, l.size, l.bold); w > max {
			t.Errorf("line %q is %.1f wide, more than %.1f", l.text, w, max)
		}
	}
}

// deepPicture is a timeline from the Big Bang to a modern event, with eras.
func deepPicture() *Picture {
	p := testPicture()
	year := func(y int) float64 { return day(y, 1, 1) }
	p.Events = timeline.Events{
		Items: []timeline.Item{
			{ID: 1, Lane: 0, Start: year(-13_799_999_999), End: year(-13_799_999_999), Latest: year(-13_799_999_998)},
			{ID: 2, Lane: 0, Start: year(-4_599_999_999), End: year(-4_599_999_999), Latest: year(-4_599_999_998)},
			{ID: 3, Lane: 1, Start: year(-299_999), End: year(-299_999), Latest: year(-299_998)},
			{ID: 4, Lane: 1, Start: year(1969), End: year(1969), Latest: year(1970)},
		},
		Titles:  map[int64]string{1: "The Big Bang", 2: "The Solar System forms", 3: "Homo sapiens", 4: "Moon landing"},
		Periods: []timeline.Period{{Start: year(-538_799_999), End: year(-251_901_999), Lane: -1, Title: "Paleozoic"}},
	}
	p.Citations = nil
	p.From, p.To = timeline.MinTime, timeline.MaxTime
	return p
}

func TestWrite_DeepTimeDrawsEveryEventOnAnAxisOfAges(t *testing.T) {
	p := deepPicture()
	texts := svgText(t, write(t, SVG, p))
	all := strings.Join(texts, "\n")
	for _, want := range []string{"The Big Bang", "The Solar System forms", "Homo sapiens", "Moon landing", "Paleozoic", "14 Ga", "2 Ga",
		"14,000,000,001 BC – 999,999"} {
		if !strings.Contains(all, want) {
			t.Errorf("the picture of the whole timeline lacks %q", want)
		}
	}
	if strings.Contains(all, "9999") && !strings.Contains(all, "999,999") {
		t.Error("the axis still stops at the year 9999")
	}
	png := write(t, PNG, p)
	if len(png) == 0 {
		t.Fatal("no PNG")
	}
}

func TestWrite_MillisecondsOnTheAxis(t *testing.T) {
	p := testPicture()
	at := day(2024, 7, 1) + 36000
	p.Events = timeline.Events{Items: []timeline.Item{
		{ID: 1, Lane: 0, Start: at + 0.2, End: at + 0.2},
		{ID: 2, Lane: 0, Start: at + 0.4, End: at + 0.6, Range: true},
	}, Titles: map[int64]string{1: "Split one", 2: "Split two"}}
	p.Citations = nil
	p.From, p.To = at, at+1
	all := strings.Join(svgText(t, write(t, SVG, p)), "\n")
	for _, want := range []string{"Split one", "Split two", ".200", ".500", "Mon 1 Jul 2024 10:00:00.000 – 10:00:00.999"} {
		if !strings.Contains(all, want) {
			t.Errorf("a second of the timeline lacks %q", want)
		}
	}
}

func TestWrite_RefusesToLeaveEventsOutOfTheWindow(t *testing.T) {
	p := deepPicture()
	p.From = timeline.MinTime - 1e17 // before anything a timeline draws
	if _, err := Write(context.Background(), io.Discard, SVG, p, testFonts(t), nil); err != nil {
		t.Errorf("a window beyond the timeline with every event inside what it draws: %v", err)
	}
	p.Events.Items = append(p.Events.Items, timeline.Item{ID: 9, Lane: 0, Start: timeline.MinTime - 5e16, End: timeline.MinTime - 5e16, Latest: timeline.MinTime - 5e16})
	_, err := Write(context.Background(), io.Discard, SVG, p, testFonts(t), nil)
	if err == nil || !strings.Contains(err.Error(), "1 events or periods in it would be left out") {
		t.Errorf("an event out of what a timeline draws: %v", err)
	}
}

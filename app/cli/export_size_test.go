package cli

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/data"
)

// exampleDocument writes the default timeline into a folder of the test's
// and returns its path.
func exampleDocument(t *testing.T) string {
	t.Helper()
	doc := filepath.Join(t.TempDir(), "example.quoteline")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"new", "--example", doc}, &stdout, &stderr); code != 0 {
		t.Fatalf("new --example: %s", stderr.String())
	}
	return doc
}

// runExportOK runs quoteline export with args and fails the test unless it
// succeeds; it returns what it printed.
func runExportOK(t *testing.T, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := Run(append([]string{"export"}, args...), &stdout, &stderr); code != 0 {
		t.Fatalf("export %v: exit %d: %s", args, code, stderr.String())
	}
	return stdout.String()
}

// pngSize decodes the PNG at path and returns its size.
func pngSize(t *testing.T, path string) (int, int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return img.Bounds().Dx(), img.Bounds().Dy()
}

var (
	svgSizeRE  = regexp.MustCompile(`<svg [^>]*width="(\d+)" height="(\d+)"`)
	svgTextRE  = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)
	mediaBoxRE = regexp.MustCompile(`/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]`)
)

// TestRunExport_TheSizeAskedFor exports the default timeline at the sizes of
// slides, in each picture format: each file is exactly the size asked for,
// every event is drawn with its label or said to be drawn as a mark only, and
// the sources are listed in a second picture of the same size.
func TestRunExport_TheSizeAskedFor(t *testing.T) {
	doc := exampleDocument(t)
	st, err := data.Open(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	events, err := st.Events(context.Background())
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Dir(doc)
	for _, size := range [][2]int{{1920, 1080}, {1600, 900}, {1280, 720}} {
		w, h := size[0], size[1]
		ws, hs := strconv.Itoa(w), strconv.Itoa(h)
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			base := filepath.Join(dir, fmt.Sprintf("slide-%dx%d", w, h))
			said := runExportOK(t, "--width", ws, "--height", hs, doc, base+".png")
			if gw, gh := pngSize(t, base+".png"); gw != w || gh != h {
				t.Errorf("PNG is %d×%d, want %d×%d", gw, gh, w, h)
			}
			if gw, gh := pngSize(t, base+"-sources.png"); gw != w || gh < h {
				t.Errorf("the sources' PNG is %d×%d, want %d wide and at least %d high", gw, gh, w, h)
			}
			if !strings.Contains(said, base+"-sources.png") {
				t.Errorf("export said %q, not that it wrote the sources' picture", said)
			}

			runExportOK(t, "--width", ws, "--height", hs, doc, base+".svg")
			svg, err := os.ReadFile(base + ".svg")
			if err != nil {
				t.Fatal(err)
			}
			if m := svgSizeRE.FindSubmatch(svg); m == nil || string(m[1]) != ws || string(m[2]) != hs {
				t.Errorf("SVG size %q, want width %q height %q", m, ws, hs)
			}
			var texts []string
			for _, m := range svgTextRE.FindAllSubmatch(svg, -1) {
				texts = append(texts, html.UnescapeString(string(m[1])))
			}
			flat := strings.Join(texts, "\n")
			if strings.Contains(flat, "drawn as marks only") || strings.Contains(flat, "drawn as a mark only") {
				t.Logf("the subheading says some events are marks only")
			} else {
				for _, e := range events {
					if !labelled(texts, e.Title) {
						t.Errorf("%q is neither labelled nor said to be left as a mark", e.Title)
					}
				}
			}
			if !strings.Contains(flat, "Sources: 1 ") || !strings.Contains(flat, "slide-"+ws+"x"+hs+"-sources.svg") {
				t.Errorf("the SVG has no compact line of sources naming the list's file:\n%s", flat)
			}
			if _, err := os.Stat(base + "-sources.svg"); err != nil {
				t.Errorf("the sources' SVG: %v", err)
			}

			runExportOK(t, "--width", ws, "--height", hs, doc, base+".pdf")
			pdf, err := os.ReadFile(base + ".pdf")
			if err != nil {
				t.Fatal(err)
			}
			boxes := mediaBoxRE.FindAllSubmatch(pdf, -1)
			if len(boxes) == 0 {
				t.Fatal("the PDF has no page size")
			}
			for _, m := range boxes {
				pw, _ := strconv.ParseFloat(string(m[1]), 64)
				ph, _ := strconv.ParseFloat(string(m[2]), 64)
				if int(pw+0.5) != w || int(ph+0.5) != h {
					t.Errorf("PDF page %s×%s points, want %d×%d", m[1], m[2], w, h)
				}
			}
		})
	}
}

// labelled reports whether a text of texts is title, or title shortened
// with an ellipsis, with or without its footnote marker.
func labelled(texts []string, title string) bool {
	for _, s := range texts {
		if i := strings.LastIndex(s, " ["); i > 0 && strings.HasSuffix(s, "]") {
			s = s[:i]
		}
		if s == title || (strings.HasSuffix(s, "…") && strings.HasPrefix(title, strings.TrimSuffix(s, "…"))) {
			return true
		}
	}
	return false
}

// TestRunExport_SourcesAndScale: --sources page writes the list apart even
// when it would fit, below keeps it in the picture, none leaves it and the
// markers out; --scale 2 doubles the pixels; paper sizes give the paper's
// pages.
func TestRunExport_SourcesAndScale(t *testing.T) {
	doc := exampleDocument(t)
	dir := filepath.Dir(doc)
	p := func(name string) string { return filepath.Join(dir, name) }

	runExportOK(t, "--width", "1600", "--sources", "page", doc, p("apart.png"))
	if _, err := os.Stat(p("apart-sources.png")); err != nil {
		t.Errorf("--sources page without a height: %v", err)
	}
	runExportOK(t, "--width", "1600", doc, p("fitted.png"))
	if _, err := os.Stat(p("fitted-sources.png")); err == nil {
		t.Error("a picture as tall as its content put its sources apart")
	}
	runExportOK(t, "--width", "1600", "--height", "2400", doc, p("tall.svg"))
	tall, _ := os.ReadFile(p("tall.svg"))
	if _, err := os.Stat(p("tall-sources.svg")); err == nil || !bytes.Contains(tall, []byte(">Sources<")) {
		t.Errorf("a tall picture did not keep its sources below (second file: %v)", err)
	}
	runExportOK(t, "--width", "1600", "--height", "900", "--sources", "none", doc, p("bare.svg"))
	bare, _ := os.ReadFile(p("bare.svg"))
	if bytes.Contains(bare, []byte("Sources")) || regexp.MustCompile(`\[\d+(,\d+)*\]<`).Match(bare) {
		t.Error("--sources none drew sources or footnote markers")
	}
	if _, err := os.Stat(p("bare-sources.svg")); err == nil {
		t.Error("--sources none wrote a list apart")
	}
	runExportOK(t, "--width", "1920", "--height", "1080", "--sources", "below", doc, p("below.svg"))
	below, _ := os.ReadFile(p("below.svg"))
	if !bytes.Contains(below, []byte(">Sources<")) || !svgSizeRE.Match(below) {
		t.Error("--sources below at 1920×1080 has no list below")
	}

	runExportOK(t, "--width", "1280", "--height", "720", "--scale", "2", doc, p("hidpi.png"))
	if w, h := pngSize(t, p("hidpi.png")); w != 2560 || h != 1440 {
		t.Errorf("--scale 2 of 1280×720 gave %d×%d, want 2560×1440", w, h)
	}
	if w, h := pngSize(t, p("hidpi-sources.png")); w != 2560 || h < 1440 {
		t.Errorf("--scale 2 sources' picture %d×%d, want 2560 wide, 1440 high or more", w, h)
	}

	for paper, want := range map[string][2]string{"letter": {"792.00", "612.00"}, "a4": {"841.89", "595.28"}} {
		runExportOK(t, "--paper", paper, doc, p(paper+".pdf"))
		b, _ := os.ReadFile(p(paper + ".pdf"))
		for _, m := range mediaBoxRE.FindAllSubmatch(b, -1) {
			if string(m[1]) != want[0] || string(m[2]) != want[1] {
				t.Errorf("--paper %s: page %s×%s, want %s×%s", paper, m[1], m[2], want[0], want[1])
			}
		}
	}
}

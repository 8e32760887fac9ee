package cli

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunExport_WritesPicturesAndRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "example.quoteline")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"new", "--example", doc}, &stdout, &stderr); code != 0 {
		t.Fatalf("new --example: %s", stderr.String())
	}
	other := filepath.Join(dir, "other.quoteline")
	if code := Run([]string{"new", other}, &stdout, &stderr); code != 0 {
		t.Fatalf("new: %s", stderr.String())
	}
	before := map[string][]byte{}
	for _, p := range []string{doc, other} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		before[p] = b
	}
	out := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string // substring expected on stderr
	}{
		{"png", []string{"export", "--width", "1000", doc, out("a.png")}, 0, ""},
		{"png window", []string{"export", "--from", "2022-08", "--to", "2022-12-31", "--width", "800", "--height", "2000", doc, out("b.png")}, 0, ""},
		{"svg", []string{"export", doc, out("c.svg")}, 0, ""},
		{"pdf by flag", []string{"export", "--format", "pdf", "--from", "2022", "--to", "2023", doc, out("d.document")}, 0, ""},
		{"no output", []string{"export", doc}, 2, "Usage: quoteline export"},
		{"bad date", []string{"export", "--from", "2023-13", doc, out("x.png")}, 2, `--from: "2023-13" is not a year, a month or a day`},
		{"human BCE window", []string{"export", "--format", "json", "--from", "300 BC", "--to", "15 May 2023", doc, out("bce.json")}, 0, ""},
		{"time in date", []string{"export", "--to", "2023-05-15T10:00", doc, out("x.png")}, 2, "--to:"},
		{"reversed window", []string{"export", "--from", "2023", "--to", "2022", doc, out("x.png")}, 2, "--to 2022 is before --from 2023"},
		{"narrow", []string{"export", "--width", "5", doc, out("x.png")}, 2, "--width 5"},
		{"negative height", []string{"export", "--height", "-1", doc, out("x.png")}, 2, "--height -1"},
		{"height too small", []string{"export", "--width", "800", "--height", "150", doc, out("x.png")}, 1, "needs"},
		{"pdf height", []string{"export", "--height", "600", doc, out("x.pdf")}, 2, "--height does not apply to PDF"},
		{"no extension", []string{"export", doc, out("picture")}, 2, "has no extension"},
		{"unknown format", []string{"export", "--format", "gif", doc, out("x.gif")}, 2, `format "gif": want png, svg, pdf, csv, json, timelinejs or vis`},
		{"size of a table", []string{"export", "--width", "800", doc, out("x.csv")}, 2, "--width and --height apply to pictures"},
		{"missing document", []string{"export", out("nope.quoteline"), out("x.png")}, 1, "nope.quoteline"},
		{"over the document", []string{"export", "--format", "png", doc, doc}, 1, "is the document being exported"},
		{"json over the document", []string{"export", "--format", "json", doc, doc}, 1, "is the document being exported"},
		{"csv over another document", []string{"export", "--format", "csv", doc, other}, 1, "is a Quoteline document"},
		{"svg over another document", []string{"export", "--format", "svg", doc, other}, 1, "is a Quoteline document"},
		{"no such folder", []string{"export", doc, filepath.Join(dir, "no", "x.png")}, 1, "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := Run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q, want it to contain %q", stderr.String(), tt.stderr)
			}
		})
	}
	// Refused exports leave nothing behind and no document changed.
	for p, b := range before {
		if now, err := os.ReadFile(p); err != nil || !bytes.Equal(now, b) {
			t.Errorf("%s changed by the exports (%v)", filepath.Base(p), err)
		}
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "x.*")); len(m) > 0 {
		t.Errorf("refused exports left %v", m)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
	for name, width := range map[string]int{"a.png": 1000, "b.png": 800} {
		f, err := os.Open(out(name))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if img.Bounds().Dx() != width {
			t.Errorf("%s is %d wide, want %d", name, img.Bounds().Dx(), width)
		}
	}
	if b, err := os.ReadFile(out("b.png")); err == nil {
		if img, err := png.Decode(bytes.NewReader(b)); err != nil || img.Bounds().Dy() != 2000 {
			t.Errorf("b.png: %v, want 2000 pixels high", err)
		}
	}
	svg, err := os.ReadFile(out("c.svg"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Iran sends Russia more than 400 drones", "Sources", "White House"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("the SVG lacks %q", want)
		}
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command(bin, out("d.document"), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext: %v", err)
		}
		flat := strings.Join(strings.Fields(string(text)), " ")
		for _, want := range []string{"Kirby briefs on an \"unprecedented\" Iran-Russia partnership", "Sources", "Iran, Russia expanding their 'unprecedented' defense partnership: White House. 15 May 2023."} {
			if !strings.Contains(flat, want) {
				t.Errorf("the PDF's text lacks %q:\n%s", want, text)
			}
		}
	}
}

func TestRunExport_Handout(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "example.quoteline")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"new", "--example", doc}, &stdout, &stderr); code != 0 {
		t.Fatalf("new --example: %s", stderr.String())
	}
	empty := filepath.Join(dir, "empty.quoteline")
	if code := Run([]string{"new", empty}, &stdout, &stderr); code != 0 {
		t.Fatalf("new: %s", stderr.String())
	}
	out := filepath.Join(dir, "handout.pdf")
	for _, tt := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"handout", []string{"export", "--stops", doc, out}, 0, ""},
		{"not a pdf", []string{"export", "--stops", doc, filepath.Join(dir, "x.png")}, 2, "--stops writes a PDF handout"},
		{"window given", []string{"export", "--stops", "--from", "2022", doc, filepath.Join(dir, "x.pdf")}, 2, "do not apply"},
		{"no stops", []string{"export", "--stops", empty, filepath.Join(dir, "x.pdf")}, 1, "has no stops"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Run(tt.args, &stdout, &stderr); code != tt.code || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr.String(), tt.code, tt.stderr)
			}
		})
	}
	if m, _ := filepath.Glob(filepath.Join(dir, "x.*")); len(m) > 0 {
		t.Errorf("refused handouts left %v", m)
	}
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; scripts/deps.sh test installs it")
	}
	text, err := exec.Command(bin, out, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), " ")
	for _, want := range []string{"Stop 1 of 6", "Stop 6 of 6", "Since August, Iran has provided Russia with more than 400 UAVs",
		"— John Kirby, 15 May 2023", "Alabuga special economic zone", "Sources"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the handout lacks %q", want)
		}
	}
}

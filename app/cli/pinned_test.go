package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRunExport_KeepsLabelsOfItemsBeganBeforeTheWindow: in a window that
// opens after an event's marker, the event's label is drawn on the part of
// it still in the window, in pictures as on screen. The default timeline's
// White House disclosure is known only to its month, July 2022.
func TestRunExport_KeepsLabelsOfItemsBeganBeforeTheWindow(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "example.quoteline")
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"new", "--example", doc}, &stdout, &stderr); code != 0 {
		t.Fatalf("new --example: %s", stderr.String())
	}
	out := filepath.Join(dir, "late-2022.svg")
	if code := Run([]string{"export", "--from", "2022-07-15", "--to", "2022-12-31", "--width", "1280", doc, out}, &stdout, &stderr); code != 0 {
		t.Fatalf("export: %s", stderr.String())
	}
	svg, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(svg), "White House says Iran is preparing") {
		t.Error("the picture of Jul–Dec 2022 has no label for the White House's July disclosure")
	}
}

package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/app/session"
)

func TestRunSearch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "example.quoteline")
	if err := session.WriteExample(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string // kinds of the lines expected, in order; nil: no check
		stderr string
	}{
		{"words", []string{"search", path, "Shahed"}, 0, nil, ""},
		{"limit", []string{"search", "--limit", "2", path, "drones"}, 0, []string{"event", "event"}, ""},
		{"no match", []string{"search", path, "xylophone"}, 0, []string{}, ""},
		{"fts syntax", []string{"search", "--fts", path, `"unbalanced`}, 1, nil, "quoteline search:"},
		{"typed quote mark is harmless", []string{"search", path, `"drones`}, 0, nil, ""},
		{"no words", []string{"search", path}, 2, nil, "Usage: quoteline search"},
		{"only punctuation", []string{"search", path, "***"}, 2, nil, "no word to search for"},
		{"bad limit", []string{"search", "--limit", "0", path, "x"}, 2, nil, "--limit 0"},
		{"missing file", []string{"search", filepath.Join(t.TempDir(), "nope.quoteline"), "x"}, 1, nil, "nope.quoteline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Run(tt.args, &stdout, &stderr); code != tt.code {
				t.Fatalf("exit code %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q, want %q", stderr.String(), tt.stderr)
			}
			if tt.stdout == nil {
				return
			}
			var kinds []string
			for _, l := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
				if l == "" {
					continue
				}
				var line searchLine
				if err := json.Unmarshal([]byte(l), &line); err != nil {
					t.Fatalf("line %q: %v", l, err)
				}
				kinds = append(kinds, line.Kind)
			}
			if strings.Join(kinds, ",") != strings.Join(tt.stdout, ",") {
				t.Errorf("kinds %v, want %v", kinds, tt.stdout)
			}
		})
	}
	// Every kind of line carries what it should.
	var stdout, stderr bytes.Buffer
	if code := Run([]string{"search", path, "Kirby"}, &stdout, &stderr); code != 0 {
		t.Fatalf("search Kirby: %d %s", code, stderr.String())
	}
	for _, l := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var line searchLine
		if err := json.Unmarshal([]byte(l), &line); err != nil {
			t.Fatal(err)
		}
		if line.ID == 0 || line.Time == "" || line.Precision == "" || (line.Title == "") == (line.Text == "") {
			t.Errorf("incomplete line %s", l)
		}
	}
}

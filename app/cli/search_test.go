package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/hostile"
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

// TestRunSearch_DamagedPages runs quoteline search and check on a document
// of 3,000 events with one page of its events damaged: away from the rows a
// search reads, the search works and only check --full finds the damage;
// under them, the search says the document is damaged, naming it, as the
// full check does, and neither panics.
func TestRunSearch_DamagedPages(t *testing.T) {
	ctx := context.Background()
	base := filepath.Join(t.TempDir(), "base.quoteline")
	s, err := data.Generate(ctx, base, data.GenerateOptions{Events: 3000, Lanes: 3, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	run := func(args ...string) (int, string, string) {
		var stdout, stderr bytes.Buffer
		code := Run(args, &stdout, &stderr)
		return code, stdout.String(), stderr.String()
	}
	code, found, _ := run("search", "--limit", "5", base, "ruling")
	var first struct{ ID int64 }
	if err := json.Unmarshal([]byte(strings.SplitN(found, "\n", 2)[0]), &first); code != 0 || err != nil {
		t.Fatalf("search of the undamaged document: exit %d, %q", code, found)
	}
	read, err := hostile.RowPage(base, "event", first.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		row    int64 // the row whose page is damaged
		reads  bool  // whether the search reads that page
		stderr string
	}{
		{"unread", 3000, false, ""},
		{"read", first.ID, true, `document is damaged: part of the file is not as SQLite wrote it`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "doc.quoteline")
			s, err := data.Generate(ctx, path, data.GenerateOptions{Events: 3000, Lanes: 3, Seed: 7})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			page, err := hostile.RowPage(path, "event", tt.row)
			if err != nil {
				t.Fatal(err)
			}
			if (page == read) != tt.reads {
				t.Fatalf("event %d is on page %d, the first hit's on %d", tt.row, page, read)
			}
			if err := hostile.DamagePage(path, page); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr := run("search", "--limit", "5", path, "ruling")
			switch {
			case strings.Contains(stderr, "panic") || strings.Contains(stderr, "goroutine"):
				t.Errorf("search panicked: %s", stderr)
			case !tt.reads && (code != 0 || stdout != found):
				t.Errorf("search: exit %d, %q, %q; want what it found undamaged", code, stdout, stderr)
			case tt.reads && (code != 1 || stdout != "" || !strings.HasPrefix(stderr, `quoteline search: read "`+path+`": `+tt.stderr)):
				t.Errorf("search: exit %d, %q, %q; want exit 1 saying %q", code, stdout, stderr, tt.stderr)
			}
			if code, _, stderr := run("check", "--full", path); code != 1 || !strings.Contains(stderr, `document is damaged: part of the file is not as SQLite wrote it`) {
				t.Errorf("check --full: exit %d, %q; want the damage found", code, stderr)
			}
		})
	}
}

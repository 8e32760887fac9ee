package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/app"
	docsession "github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
)

// writeExample writes the default timeline to path, which must not exist.
func writeExample(ctx context.Context, path string) error { return docsession.WriteExample(ctx, path) }

// TestDeps_MainOnlyDispatches keeps main to reading the first word: of this
// project it imports the window (app) and the command line (app/cli), and
// nothing else.
func TestDeps_MainOnlyDispatches(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	const module = "github.com/quoteline/quoteline"
	out, err := exec.Command(gobin, "list", "-f", `{{join .Imports " "}}`, module).CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, module+"/") && p != module+"/app" && p != module+"/app/cli" {
			t.Errorf("main imports %s", p)
		}
	}
}

func TestRun_CommandLine(t *testing.T) {
	dir := t.TempDir()
	random := filepath.Join(dir, "random.quoteline")
	if err := os.WriteFile(random, []byte("this is not a database at all, just words"), 0o644); err != nil {
		t.Fatal(err)
	}
	existing := filepath.Join(dir, "existing.quoteline")
	if err := os.WriteFile(existing, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // substring expected on stdout
		stderr     string // substring expected on stderr
		wantEvents int    // events in args' last file after the run; -1: do not check
	}{
		{"version", []string{"--version"}, 0, "quoteline " + app.Version(appTOML) + "\n", "", -1},
		{"help", []string{"--help"}, 0, "", "Usage:", -1},
		{"unknown flag", []string{"--frobnicate"}, 2, "", "flag provided but not defined", -1},
		{"two files", []string{"a.quoteline", "b.quoteline"}, 2, "", "one document at a time", -1},
		{"missing file", []string{filepath.Join(dir, "nope.quoteline")}, 1, "", "nope.quoteline", -1},
		{"not a database", []string{random}, 1, "", "not a SQLite database", -1},
		// A subcommand goes to the command line (its own tests are in app/cli).
		{"new example", []string{"new", "--example", filepath.Join(dir, "example.quoteline")}, 0, "wrote", "", 17},
		{"new over an existing file", []string{"new", existing}, 1, "", "existing.quoteline", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout %q, want it to contain %q", stdout.String(), tt.stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q, want it to contain %q", stderr.String(), tt.stderr)
			}
			if tt.wantEvents >= 0 {
				path := tt.args[len(tt.args)-1]
				s, err := data.Open(context.Background(), path)
				if err != nil {
					t.Fatalf("open what was written: %v", err)
				}
				defer s.Close()
				c, err := s.Counts(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				if c.Events != tt.wantEvents {
					t.Errorf("%d events, want %d", c.Events, tt.wantEvents)
				}
			}
		})
	}
	// The file that was refused is untouched.
	if b, _ := os.ReadFile(random); string(b) != "this is not a database at all, just words" {
		t.Errorf("a refused file was changed: %q", b)
	}
}

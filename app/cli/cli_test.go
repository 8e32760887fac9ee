package cli

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun_NewAndGen(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // substring expected on stdout
		stderr     string // substring expected on stderr
		wantEvents int    // events in args' last file after the run; -1: do not check
	}{
		{"new empty", []string{"new", filepath.Join(dir, "empty.quoteline")}, 0, "wrote", "", 0},
		{"new example", []string{"new", "--example", filepath.Join(dir, "example.quoteline")}, 0, "wrote", "", 17},
		{"new without a path", []string{"new"}, 2, "", "Usage: quoteline new", -1},
		{"gen", []string{"gen", "--events", "1000", "--lanes", "3", filepath.Join(dir, "gen.quoteline")}, 0, "1000 events in 3 lanes", "1000 of 1000 events", 1000},
		{"gen without --events", []string{"gen", filepath.Join(dir, "gen2.quoteline")}, 2, "", "--events -1", -1},
		{"gen with no lanes", []string{"gen", "--events", "5", "--lanes", "0", filepath.Join(dir, "gen3.quoteline")}, 2, "", "--lanes 0", -1},
		{"gen with a bad number", []string{"gen", "--events", "many", filepath.Join(dir, "gen4.quoteline")}, 2, "", "invalid value", -1},
		{"not a command", []string{"frobnicate"}, 2, "", "no such command", -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Run(tt.args, &stdout, &stderr); code != tt.code {
				t.Errorf("exit code %d, want %d (stderr %q)", code, tt.code, stderr.String())
			}
			if !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stdout %q, stderr %q; want %q and %q", stdout.String(), stderr.String(), tt.stdout, tt.stderr)
			}
			if tt.wantEvents >= 0 {
				if c := counts(t, tt.args[len(tt.args)-1]); c.Events != tt.wantEvents {
					t.Errorf("%d events, want %d", c.Events, tt.wantEvents)
				}
			}
		})
	}
	for word, want := range map[string]bool{"new": true, "export": true, "bench": false, "--help": false, "file.quoteline": false} {
		if Handles(word) != want {
			t.Errorf("Handles(%q) = %v, want %v", word, !want, want)
		}
	}
}

// TestDeps_NoFyne keeps the command line free of the GUI toolkit: it
// draws pictures, imports and exports without loading Fyne.
func TestDeps_NoFyne(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	const module = "github.com/quoteline/quoteline"
	out, err := exec.Command(gobin, "list", "-deps", module+"/app/cli").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "fyne.io/") || p == module+"/app" || p == module+"/timeline/view" ||
			strings.HasPrefix(p, module+"/app/") && p != module+"/app/cli" && !strings.HasPrefix(p, module+"/app/session") {
			t.Errorf("package cli depends on %s", p)
		}
	}
}

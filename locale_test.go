package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestBinary_QuietInNeutralLocales runs the real binary, whose package
// initialisation is where Fyne read the locale, under the locales of servers
// and containers: nothing may be printed on stderr.
func TestBinary_QuietInNeutralLocales(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := buildBinary(t)
	for _, env := range []string{"LANG=C.UTF-8", "LANG=C.utf8", "LC_ALL=C.UTF-8", "LANG=POSIX.UTF-8", "LANG=C", "LANG=POSIX"} {
		t.Run(env, func(t *testing.T) {
			cmd := exec.Command(bin, "--version")
			cmd.Env = append(withoutLocale(os.Environ()), env)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("%s --version: %v (stderr %q)", env, err, stderr.String())
			}
			if stderr.Len() != 0 {
				t.Errorf("%s --version printed on stderr: %q", env, stderr.String())
			}
			if !strings.HasPrefix(stdout.String(), "quoteline ") {
				t.Errorf("%s --version printed %q", env, stdout.String())
			}
		})
	}
}

// withoutLocale returns env without the variables that choose a locale.
func withoutLocale(env []string) []string {
	var out []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES":
			continue
		}
		out = append(out, kv)
	}
	return out
}

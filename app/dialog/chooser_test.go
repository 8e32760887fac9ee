package dialog

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeChooser puts an executable named name on PATH that prints its
// arguments to a file and then runs script.
func fakeChooser(t *testing.T, name, script string) (argsFile string) {
	t.Helper()
	dir := t.TempDir()
	argsFile = filepath.Join(dir, "args")
	body := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + argsFile + "\n" + script + "\n"
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	t.Setenv("DISPLAY", ":0")
	t.Setenv("QUOTELINE_FILE_DIALOG", "")
	return argsFile
}

func TestNativeChooser(t *testing.T) {
	open := FileChoice{Title: "Open", Dir: "/docs", Filter: "Quoteline documents", Extensions: []string{".quoteline"}}
	save := FileChoice{Title: "Save", Save: true, Dir: "/docs", Name: "x.pdf", Filter: "PDF", Extensions: []string{".pdf"}}
	tests := []struct {
		name, tool, script string
		choice             FileChoice
		wantArgs           []string
		wantPath           string
		wantErr            error
	}{
		{"zenity opens", "zenity", "echo /docs/a.quoteline", open,
			[]string{"--file-selection", "--title=Open", "--file-filter=Quoteline documents | *.quoteline", "--filename=/docs/", "--attach=42"},
			"/docs/a.quoteline", nil},
		{"zenity saves", "zenity", "echo /docs/x.pdf", save,
			[]string{"--save", "--confirm-overwrite", "--filename=/docs/x.pdf"}, "/docs/x.pdf", nil},
		{"kdialog opens", "kdialog", "echo /docs/b.quoteline", open,
			[]string{"--attach", "42", "--getopenfilename", "/docs", "Quoteline documents (*.quoteline)"}, "/docs/b.quoteline", nil},
		{"cancelled", "zenity", "exit 1", open, nil, "", nil},
		{"broken", "zenity", "echo oops >&2; exit 5", open, nil, "", errNoNativeChooser},
		{"not a path", "kdialog", "echo relative/path", open, nil, "", errNoNativeChooser},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			argsFile := fakeChooser(t, tt.tool, tt.script)
			cmd, err := nativeChooser(tt.choice, 42)
			if err != nil {
				t.Fatalf("nativeChooser: %v", err)
			}
			path, err := runChooser(context.Background(), cmd)
			if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
				t.Fatalf("runChooser error %v, want %v", err, tt.wantErr)
			}
			if path != tt.wantPath {
				t.Errorf("path %q, want %q", path, tt.wantPath)
			}
			raw, err := os.ReadFile(argsFile)
			if err != nil {
				t.Fatal(err)
			}
			args := string(raw)
			for _, want := range tt.wantArgs {
				if !strings.Contains(args, want+"\n") {
					t.Errorf("arguments lack %q:\n%s", want, args)
				}
			}
		})
	}
}

func TestNativeChooser_NoneAvailable(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("DISPLAY", ":0")
	if _, err := nativeChooser(FileChoice{Title: "Open"}, 0); !errors.Is(err, errNoNativeChooser) {
		t.Errorf("with no chooser installed: %v, want errNoNativeChooser", err)
	}
	fakeChooser(t, "zenity", "exit 0")
	t.Setenv("QUOTELINE_FILE_DIALOG", "fyne")
	if _, err := nativeChooser(FileChoice{Title: "Open"}, 0); !errors.Is(err, errNoNativeChooser) {
		t.Errorf("with QUOTELINE_FILE_DIALOG=fyne: %v, want errNoNativeChooser", err)
	}
}

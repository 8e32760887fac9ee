package data

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDeps_NoUserInterface keeps the store free of the user interface: no
// Fyne package and nothing of app or timeline/view among its dependencies,
// so that the command line and the window can both stand on it.
func TestDeps_NoUserInterface(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	const module = "github.com/quoteline/quoteline"
	out, err := exec.Command(gobin, "list", "-deps", module+"/data/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "fyne.io/") || p == module+"/app" || strings.HasPrefix(p, module+"/app/") || p == module+"/timeline/view" {
			t.Errorf("package data depends on %s", p)
		}
	}
}

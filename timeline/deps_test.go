package timeline

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestDeps_NoFyne keeps the core free of UI code: neither Fyne nor another
// package of this project may be among its dependencies. The painter of
// scenes (timeline/paint) is held to the same, but for the core itself.
func TestDeps_NoFyne(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	const module = "github.com/quoteline/quoteline"
	for pkg, allowed := range map[string][]string{
		module + "/timeline":       nil,
		module + "/timeline/paint": {module + "/timeline"},
	} {
		out, err := exec.Command(gobin, "list", "-deps", pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps: %v\n%s", err, out)
		}
		for _, p := range strings.Fields(string(out)) {
			ours := p == module || strings.HasPrefix(p, module+"/")
			if strings.HasPrefix(p, "fyne.io/") || (ours && p != pkg && !slices.Contains(allowed, p)) {
				t.Errorf("package %s depends on %s", pkg, p)
			}
		}
	}
}

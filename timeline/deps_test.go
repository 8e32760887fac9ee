package timeline

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDeps_NoFyne keeps the core free of UI code: neither Fyne nor another
// package of this project may be among its dependencies.
func TestDeps_NoFyne(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	const (
		module = "github.com/quoteline/quoteline"
		self   = module + "/timeline"
	)
	out, err := exec.Command(gobin, "list", "-deps", self).CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		if strings.HasPrefix(p, "fyne.io/") || ((p == module || strings.HasPrefix(p, module+"/")) && p != self) {
			t.Errorf("package timeline depends on %s", p)
		}
	}
}

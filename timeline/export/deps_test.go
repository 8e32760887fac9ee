package export

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDeps_OnlyTimeline keeps exports independent of the GUI toolkit and of
// documents: of this project, only package timeline and the link check
// every part of Quoteline shares (internal/weblink) may be imported.
func TestDeps_OnlyTimeline(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	const module = "github.com/quoteline/quoteline"
	out, err := exec.Command(gobin, "list", "-deps", module+"/timeline/export").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		own := p == module || strings.HasPrefix(p, module+"/")
		if strings.HasPrefix(p, "fyne.io/") || (own && p != module+"/timeline" && p != module+"/timeline/export" && p != module+"/internal/weblink") {
			t.Errorf("package export depends on %s", p)
		}
	}
}

package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/app/session"
	"time"
)

// TestExportInterchange exports the default timeline in each interchange
// format and imports the file back into a new document.
func TestExportInterchange(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	in := filepath.Join(dir, "in.quoteline")
	if err := session.WriteExample(ctx, in); err != nil {
		t.Fatal(err)
	}
	want := counts(t, in)
	for _, f := range []string{"json", "timelinejs", "vis", "csv"} {
		out := filepath.Join(dir, "out-"+f+"."+map[string]string{"json": "json", "timelinejs": "json", "vis": "json", "csv": "csv"}[f])
		if err := exportInterchange(ctx, f, in, out, nil, nil); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		back := filepath.Join(dir, "back-"+f+".quoteline")
		if code, _, stderr := runCmd("import", "--quiet", out, back); code != 0 {
			t.Fatalf("%s: import back: %s", f, stderr)
		}
		got := counts(t, back)
		if got.Events != want.Events || got.Lanes != want.Lanes {
			t.Errorf("%s: %+v, want %+v", f, got, want)
		}
		if f == "json" && got != want {
			t.Errorf("json round trip: %+v, want %+v", got, want)
		}
	}

	// Only the events overlapping the window.
	from, to := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC)
	out := filepath.Join(dir, "2023.csv")
	if err := exportInterchange(ctx, "csv", in, out, &from, &to); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	rows := strings.Count(string(b), "\n") - 1
	if rows <= 0 || rows >= want.Events {
		t.Errorf("%d rows in 2023, of %d events", rows, want.Events)
	}
	if err := exportInterchange(ctx, "csv", in, out, &to, &from); err == nil {
		t.Error("--to before --from accepted")
	}
	if err := exportInterchange(ctx, "png", in, out, nil, nil); err == nil {
		t.Error("png accepted as an interchange format")
	}
}

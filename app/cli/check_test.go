package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/hostile"
)

func TestRunCheck(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	cases, err := hostile.Make(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.quoteline")
	if err := session.WriteExample(ctx, good); err != nil {
		t.Fatal(err)
	}
	// Another program left a bulk write unfinished: the summary is stale.
	stale := filepath.Join(dir, "stale.quoteline")
	if err := session.WriteExample(ctx, stale); err != nil {
		t.Fatal(err)
	}
	if err := hostile.Exec(stale, `UPDATE lod_state SET bulk = 1`); err != nil {
		t.Fatal(err)
	}
	type want struct {
		args           []string
		code           int
		stdout, stderr string
	}
	tests := []want{
		{[]string{"check", "--full", good}, 0, good + fmt.Sprintf(": sound Quoteline document, schema version %d, 17 events in 5 lanes, ", data.SchemaVersion), ""},
		{[]string{"check", good}, 0, good + fmt.Sprintf(": Quoteline document (its header, schema and limits; --full also reads every page and row), schema version %d, 17 events in 5 lanes, ", data.SchemaVersion), ""},
		{[]string{"check", stale}, 0, stale + ": its level-of-detail summary is missing or out of date", ""},
		{[]string{"check"}, 2, "", "Usage: quoteline check"},
		{[]string{"check", good, good}, 2, "", "Usage: quoteline check"},
		{[]string{"check", "--help"}, 0, "", "Usage: quoteline check [--full]"},
		{[]string{"check", filepath.Join(dir, "nope.quoteline")}, 1, "", "nope.quoteline\": not found"},
	}
	for _, c := range cases {
		if c.Err == nil {
			tests = append(tests, want{[]string{"check", "--full", c.Path}, 0, c.Path + ": sound", ""},
				want{[]string{"check", c.Path}, 0, c.Path + ": Quoteline document", ""})
			continue
		}
		tests = append(tests, want{[]string{"check", "--full", c.Path}, 1, "", `quoteline check: check "` + c.Path + `": ` + c.Err.Error()},
			want{[]string{"check", "--full", c.Path}, 1, "", c.Want})
		// Without --full, what is found without reading every page and
		// row is found the same; a damaged page or a bad value may be
		// found (on a page the check reads anyway) or not.
		if c.Err != data.ErrCorrupt {
			tests = append(tests, want{[]string{"check", c.Path}, 1, "", `quoteline check: check "` + c.Path + `": ` + c.Err.Error()},
				want{[]string{"check", c.Path}, 1, "", c.Want})
		}
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.args[len(tt.args)-1]), func(t *testing.T) {
			var before []byte
			if len(tt.args) > 1 {
				before, _ = os.ReadFile(tt.args[len(tt.args)-1])
			}
			var stdout, stderr bytes.Buffer
			code := Run(tt.args, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("quoteline %s: exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
					strings.Join(tt.args, " "), code, stdout.String(), stderr.String(), tt.code, tt.stdout, tt.stderr)
			}
			if len(tt.args) > 1 {
				if after, _ := os.ReadFile(tt.args[len(tt.args)-1]); !bytes.Equal(before, after) {
					t.Error("check changed the file")
				}
			}
		})
	}
}

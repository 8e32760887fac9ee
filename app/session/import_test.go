package session_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data/interchange"
)

// TestSession_ReadImportShowsProgressAndCancels reads a large CSV file for
// the import review: the status line shows the task with Cancel, and
// cancelling ends it at once with nothing read.
func TestSession_ReadImportShowsProgressAndCancels(t *testing.T) {
	o, _ := sessiontest.OpenExample(t)
	s := o.S
	var b strings.Builder
	b.WriteString("title,start,lane\n")
	for i := range 300_000 {
		fmt.Fprintf(&b, "Event %d,2020-%02d-%02d,Lane %d\n", i, i%12+1, i%28+1, i%5)
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var got error
	ended := false
	s.ReadImport(path, interchange.FormatCSV, interchange.Options{}, func(res *interchange.Result, err error) {
		got, ended = err, true
		if res != nil {
			t.Error("a cancelled reading gave a result")
		}
	})
	if st := sessiontest.Next[session.Status](o); st.Work != session.WorkProgress || !strings.HasPrefix(st.Text, "Reading big.csv") {
		t.Errorf("status %+v", st)
	}
	s.Cancel()
	o.Until("the reading to end", func() bool { return ended })
	if !errors.Is(got, context.Canceled) {
		t.Errorf("cancelled reading ended with %v", got)
	}

	// Read to the end, it gives every record.
	ended = false
	var res *interchange.Result
	s.ReadImport(path, interchange.FormatCSV, interchange.Options{}, func(r *interchange.Result, err error) {
		res, got, ended = r, err, true
	})
	o.Until("the reading to end", func() bool { return ended })
	if got != nil || res == nil || res.Records != 300_000 || res.SkippedCount != 0 {
		t.Errorf("read %+v, %v", res, got)
	}
}

package session_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/interchange"
)

// TestExportData_TellsHowManyWritten: an export says how far it has got
// as it writes the events, which it takes from the store as it goes, and
// writes them all.
func TestExportData_TellsHowManyWritten(t *testing.T) {
	ctx := context.Background()
	st, err := data.OpenReadOnly(ctx, sessiontest.Generated(t, 2500, 3, 1))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := filepath.Join(t.TempDir(), "events.csv")
	var told []int
	if err := session.ExportData(ctx, st, out, interchange.FormatCSV, nil, nil, func(n int) { told = append(told, n) }); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(told, []int{1000, 2000}) {
		t.Errorf("told %v, want 1000 and 2000 of 2,500", told)
	}
	checked, err := interchange.ReadFile(out, interchange.FormatCSV, interchange.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(checked.Document().Events); n != 2500 {
		t.Errorf("%d events read back, want 2,500", n)
	}
}

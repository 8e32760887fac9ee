package data

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// TestExportDocument_RefusesTimesThatDoNotReadBack changes a document's
// times under an open store, as another program could, to what issue 24
// found exported wrong with exit 0: a start of -2^63 written with its sign
// flipped, a precision of 9 written as an empty start, a year of 10^9. The
// export is refused, naming the event and the field, instead.
func TestExportDocument_RefusesTimesThatDoNotReadBack(t *testing.T) {
	ctx := context.Background()
	for _, tt := range []struct{ change, want string }{
		{`start = -9223372036854775808`, `start: invalid time: -9223372036854775808 seconds`},
		{`start_precision = 9`, `start: invalid time:`},
		{`start = 31556952000000000`, `start: invalid time: 31556952000000000 seconds`},
		{`"end" = 9223372036854775807, end_precision = 1`, `end: invalid time:`},
	} {
		t.Run(tt.change, func(t *testing.T) {
			s, path := createTestStore(t, mustReadTestDoc(t))
			plainExec(t, path, `PRAGMA ignore_check_constraints = ON; UPDATE event SET `+tt.change+` WHERE id = 2`)
			_, err := s.ExportDocument(ctx, ExportOptions{})
			if !errors.Is(err, ErrInvalidDocument) || !strings.Contains(err.Error(), `events[1] "event-2" `+tt.want) {
				t.Errorf("ExportDocument: %v; want it refused naming event-2 and %q", err, tt.want)
			}
		})
	}
}

// BenchmarkCheck_Values measures the checks of every row's values against
// SQLite's own quick check on the same document (20,000 generated events,
// or QUOTELINE_BENCH_DOC): what the value checks add to opening and to
// quoteline check, as a ratio within one run.
func BenchmarkCheck_Values(b *testing.B) {
	s := benchDocument(b)
	ctx := context.Background()
	b.Run("values", func(b *testing.B) {
		for b.Loop() {
			if err := checkValues(ctx, s.db); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("quick_check", func(b *testing.B) {
		for b.Loop() {
			var result string
			if err := s.db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&result); err != nil || result != "ok" {
				b.Fatal(result, err)
			}
		}
	})
}

// BenchmarkWrite_LimitCheck measures what every write's check of the
// limits (withinLimits) costs, on the same document.
func BenchmarkWrite_LimitCheck(b *testing.B) {
	s := benchDocument(b)
	ctx := context.Background()
	for b.Loop() {
		if err := withinLimits(ctx, s.db); err != nil {
			b.Fatal(err)
		}
	}
}

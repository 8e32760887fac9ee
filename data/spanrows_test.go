package data

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestStore_SpanRows(t *testing.T) {
	s, ids := testStore(t)
	first := ids["First event"]
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		query   string
		cols    int
		args    []int64
		want    [][]int64 // rows, when there is no error
		wantErr string
	}{
		{"rows", context.Background(), `SELECT id, start FROM event WHERE id = ?`, 2, []int64{first}, [][]int64{{first, 0}}, ""},
		{"none", context.Background(), `SELECT id FROM event WHERE id < 0`, 1, nil, nil, ""},
		{"many", context.Background(), `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) SELECT i, i * 2 FROM n`, 2, nil, nil, ""},
		{"not an integer", context.Background(), `SELECT id, 'x' FROM event WHERE id = ?`, 2, []int64{first}, nil, "column 2 of its span is not an integer"},
		{"null", context.Background(), `SELECT id, NULL FROM event WHERE id = ?`, 2, []int64{first}, nil, "not an integer"},
		{"bad query", context.Background(), `SELECT nothing FROM nowhere`, 1, nil, nil, "prepare"},
		{"cancelled", cancelled, `SELECT id FROM event`, 1, nil, nil, "canceled"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got [][]int64
			err := s.spanRows(tt.ctx, tt.query, tt.cols, tt.args, func(rows []int64) error {
				for r := 0; r < len(rows); r += tt.cols {
					got = append(got, append([]int64(nil), rows[r:r+tt.cols]...))
				}
				return nil
			})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one saying %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			switch tt.name {
			case "many":
				if len(got) != 10000 || got[9999][0] != 10000 || got[9999][1] != 20000 || got[spanRowsBatch][0] != spanRowsBatch+1 {
					t.Errorf("%d rows, last %v", len(got), got[len(got)-1])
				}
			case "rows":
				if len(got) != 1 || got[0][0] != first {
					t.Errorf("rows %v", got)
				}
			default:
				if len(got) != len(tt.want) {
					t.Errorf("rows %v, want %v", got, tt.want)
				}
			}
		})
	}
	// An error of fn stops the read and comes back as it is.
	stop := errors.New("enough")
	if err := s.spanRows(context.Background(), `SELECT id FROM event`, 1, nil, func([]int64) error { return stop }); err != stop {
		t.Errorf("fn's error came back as %v", err)
	}
}

package data

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
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

func TestRowInserter(t *testing.T) {
	path := emptyFile(t, "rows.db")
	c, err := openC(path, readWrite)
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	if err := c.exec(`CREATE TABLE t (i INTEGER NOT NULL CHECK (i >= 0), s TEXT, n TEXT)`); err != nil {
		t.Fatal(err)
	}
	ins, err := c.inserter(`INSERT INTO t (i, s, n) VALUES (?, ?, ?)`, 3)
	if err != nil {
		t.Fatal(err)
	}
	defer ins.close()
	b := newRowBatch()
	put := func(i int64, s string, null bool) {
		b.Int(i)
		b.Text(s)
		if null {
			b.Null()
		} else {
			b.Text("n")
		}
	}
	put(1, "one", true)
	put(2, "", false) // an empty text is a text, not NULL
	put(3, "thrée", true)
	if n, err := ins.insert(b); n != 3 || err != nil {
		t.Fatalf("insert = %d, %v; want 3 rows", n, err)
	}
	// The third row breaks the CHECK: two are written, and SQLite says why.
	put(4, "four", true)
	put(5, "five", true)
	put(-6, "minus six", true)
	put(7, "seven", true)
	if n, err := ins.insert(b); n != 2 || err == nil || !strings.Contains(err.Error(), "CHECK constraint failed") {
		t.Fatalf("insert = %d, %v; want 2 rows and the CHECK's error", n, err)
	}
	// Values of a partial row are refused without writing.
	b.Int(8)
	if n, err := ins.insert(b); n != 0 || err == nil {
		t.Fatalf("insert of a partial row = %d, %v", n, err)
	}
	if n, err := ins.insert(b); n != 0 || err != nil {
		t.Fatalf("insert of nothing = %d, %v", n, err)
	}

	s, err := openDB(context.Background(), path, readOnly)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.Query(`SELECT i, typeof(s), s, typeof(n) FROM t ORDER BY i`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for rows.Next() {
		var i int64
		var st, sv, nt string
		if err := rows.Scan(&i, &st, &sv, &nt); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d %s %q %s", i, st, sv, nt))
	}
	want := []string{`1 text "one" null`, `2 text "" text`, `3 text "thrée" null`, `4 text "four" null`, `5 text "five" null`}
	if !slices.Equal(got, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCConn_ExecStopsWhenCancelled(t *testing.T) {
	c, err := openC(emptyFile(t, "long.db"), readWrite)
	if err != nil {
		t.Fatal(err)
	}
	defer c.close()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	// Counting to ten billion takes minutes; the cancel stops it.
	err = c.execContext(ctx, `CREATE TABLE n AS WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 10000000000) SELECT count(*) FROM c`)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("execContext = %v after %v, want the context's error", err, time.Since(start))
	}
	if err := c.exec(`CREATE TABLE after (x)`); err != nil {
		t.Errorf("the connection after an interrupt: %v", err)
	}
}

// emptyFile makes an empty file, which SQLite takes for an empty database:
// openC opens only files that exist.
func emptyFile(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

package data_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/hostile"
)

// searchHits opens path as the command line does (OpenReadOnly) and
// searches it for the plain words.
func searchHits(t *testing.T, path, words string) ([]data.SearchHit, error) {
	t.Helper()
	ctx := context.Background()
	s, err := data.OpenReadOnly(ctx, path)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.Search(ctx, data.PlainQuery(words), 5)
}

// hitPages returns the pages of the event table that hold hits' rows.
func hitPages(t *testing.T, path string, hits []data.SearchHit) map[int]bool {
	t.Helper()
	pages := map[int]bool{}
	for _, h := range hits {
		p, err := hostile.RowPage(path, "event", h.ID)
		if err != nil {
			t.Fatal(err)
		}
		pages[p] = true
	}
	return pages
}

// TestOpenReadOnly_ChecksTheRowsItReads damages documents where a search
// does not read and where it does, as issue 23 asks of commands that no
// longer read the whole file: damage away from what a search reads does not
// stop it; damage in the rows it reads is refused with the message the full
// check gives (the page damaged, or the row and its bad value), never a
// panic, a raw scan error or SQLite's words alone; and the full check finds
// every one of them.
func TestOpenReadOnly_ChecksTheRowsItReads(t *testing.T) {
	ctx := context.Background()
	const events = 3000
	base := generated(t, t.TempDir(), "base.quoteline", events)
	hits, err := searchHits(t, base, "ruling")
	if err != nil || len(hits) == 0 {
		t.Fatalf("the undamaged document: %d hits, %v", len(hits), err)
	}
	read := hitPages(t, base, hits)
	// A row far from the hits, on a page of its own.
	far := int64(events)
	for ; far > 0; far-- {
		p, err := hostile.RowPage(base, "event", far)
		if err != nil {
			t.Fatal(err)
		}
		if !read[p] {
			break
		}
	}
	hit := hits[0].ID
	pageOf := func(path string, id int64) int {
		p, err := hostile.RowPage(path, "event", id)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	damage := func(id int64) func(string) error {
		return func(path string) error { return hostile.DamagePage(path, pageOf(path, id)) }
	}
	badValue := func(id int64) func(string) error {
		return func(path string) error {
			return hostile.Exec(path, `PRAGMA ignore_check_constraints = ON; UPDATE event SET start = 'abc' WHERE id = `+itoa(id))
		}
	}
	tests := []struct {
		name   string
		change func(path string) error
		// want is "" when the search must work, else what its error says.
		want string
		// full is what the full check says.
		full string
	}{
		{"a damaged page the search does not read", damage(far), "",
			"document is damaged: part of the file is not as SQLite wrote it"},
		{"a damaged page the search reads", damage(hit),
			"document is damaged: part of the file is not as SQLite wrote it",
			"document is damaged: part of the file is not as SQLite wrote it"},
		{"a bad value in a row the search does not read", badValue(far), "",
			`event ` + itoa(far) + `: its start holds the text "abc", where Quoteline keeps a whole number`},
		{"a bad value in a row the search reads", badValue(hit),
			`document is damaged: event ` + itoa(hit) + `: its start holds the text "abc", where Quoteline keeps a whole number`,
			`event ` + itoa(hit) + `: its start holds the text "abc", where Quoteline keeps a whole number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := generated(t, t.TempDir(), "doc.quoteline", events)
			if err := tt.change(path); err != nil {
				t.Fatal(err)
			}
			got, err := searchHits(t, path, "ruling")
			switch {
			case tt.want == "" && (err != nil || len(got) != len(hits)):
				t.Errorf("search: %d hits, %v; want the %d of the undamaged document", len(got), err, len(hits))
			case tt.want != "" && (!errors.Is(err, data.ErrCorrupt) || !strings.HasPrefix(err.Error(), `read "`+path+`": `) || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("search: %v; want ErrCorrupt naming the file and saying %q", err, tt.want)
			}
			if _, err := data.Check(ctx, path); !errors.Is(err, data.ErrCorrupt) || !strings.Contains(err.Error(), tt.full) {
				t.Errorf("the full check: %v; want it to say %q", err, tt.full)
			}
		})
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

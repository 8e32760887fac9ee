package data

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// MaxSearchWords is the most words a plain search looks for: PlainQuery
// keeps the first ones, and SearchWords says how many were typed. The
// full-text index takes a few thousand terms at most, and no search needs
// more than a sentence.
const MaxSearchWords = 64

// PlainQuery turns words as a person types them into a full-text query
// that always parses: it keeps the letters and digits of each word (as the
// index's tokenizer does), so quotes, brackets and operators are ignored,
// and matches the last word as a prefix, so results come while typing.
// "shahed dro" becomes `shahed dro*`. Only the first MaxSearchWords words
// are kept. It returns "" when no word is left.
func PlainQuery(text string) string {
	words := searchWords(text)
	if len(words) == 0 {
		return ""
	}
	return strings.Join(words[:min(len(words), MaxSearchWords)], " ") + "*"
}

// SearchWords returns how many words PlainQuery finds in text, before it
// keeps the first MaxSearchWords of them.
func SearchWords(text string) int { return len(searchWords(text)) }

// searchWords splits text into words as the full-text index does.
func searchWords(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// queryError describes a full-text query that failed, quoting at most the
// start of the query: a query of thousands of words is not repeated whole.
// An FTS query with more terms than the index takes is ErrTooLarge.
func queryError(op, query string, err error) error {
	if errors.Is(err, ErrCorrupt) {
		return err // the query has nothing to do with it
	}
	if strings.Contains(err.Error(), "expression tree is too large") {
		err = fmt.Errorf("%w: the query has more terms than the full-text index takes; use fewer words", ErrTooLarge)
	}
	return fmt.Errorf("%s %q: %w", op, clip(query, 80), err)
}

// SearchEventIDs returns the ids of the first limit events (all with a
// limit of 0 or less) whose title or summary matches a full-text query,
// ascending. It reads the index alone, for marking the matches on the
// timeline.
func (s *Store) SearchEventIDs(ctx context.Context, query string, limit int) ([]int64, error) {
	if strings.TrimSpace(query) == "" {
		return nil, nil
	}
	ids, err := s.matching(ctx, "event_fts", query, limit)
	if err != nil {
		return nil, queryError("data.SearchEventIDs", query, err)
	}
	return ids, nil
}

// EventsOf returns the events with the given ids that exist, ordered by
// start and id: what the app reads to show an edit without reading the
// whole document again.
func (s *Store) EventsOf(ctx context.Context, ids []int64) ([]Event, error) {
	var out []Event
	err := inBatches(ids, func(in string, args []any) error {
		events, err := s.queryEvents(ctx, `SELECT `+eventColumns+` FROM event e WHERE e.id IN `+in, args...)
		out = append(out, events...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("data.EventsOf: %w", err)
	}
	slices.SortFunc(out, func(a, b Event) int {
		return cmp.Or(cmp.Compare(a.Start.Unix, b.Start.Unix), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// inBatches calls fn with ids in batches of at most 500 (SQLite takes up to
// 32,766 parameters a statement), each as the list "(?, ?, …)" and its
// arguments, until fn returns an error.
func inBatches(ids []int64, fn func(in string, args []any) error) error {
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		if err := fn("(?"+strings.Repeat(", ?", n-1)+")", args); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// SpanOf returns the span of an event, as Spans reads it.
func SpanOf(e *Event) Span {
	sp := Span{ID: e.ID, LaneID: e.LaneID, Start: e.Start, End: e.End,
		StartUncertain: e.StartUncertain, EndUncertain: e.EndUncertain, Status: e.Status}
	sp.EarliestStart, sp.LatestEnd = e.Extent()
	return sp
}

// SaveCopy writes a consistent copy of the document to path with SQLite's
// VACUUM INTO, replacing any file there. The copy is written beside path
// under a temporary name and renamed into place, so a failure leaves
// nothing behind and never a half-written file at path.
func (s *Store) SaveCopy(ctx context.Context, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("data.SaveCopy: %w", err)
	}
	if self, err := filepath.Abs(s.path); err == nil && self == abs {
		return fmt.Errorf("data.SaveCopy %q: that is the open document itself", path)
	}
	f, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".*.tmp")
	if err != nil {
		return fmt.Errorf("data.SaveCopy: %w", err)
	}
	tmp := f.Name()
	f.Close()
	os.Remove(tmp) // VACUUM INTO wants to create the file itself
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("data.SaveCopy %q: %w", path, err)
	}
	if err := os.Rename(tmp, abs); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("data.SaveCopy: %w", err)
	}
	return nil
}

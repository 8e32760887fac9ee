package data

import (
	"context"
	"fmt"
	"strings"
	"unicode"
)

// PlainQuery turns words as a person types them into a full-text query
// that always parses: it keeps the letters and digits of each word (as the
// index's tokenizer does), so quotes, brackets and operators are ignored,
// and matches the last word as a prefix, so results come while typing.
// "shahed dro" becomes `shahed dro*`. It returns "" when no word is left.
func PlainQuery(text string) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return ""
	}
	return strings.Join(words, " ") + "*"
}

// SearchEventIDs returns the ids of the first limit events (all with a
// limit of 0 or less) whose title or summary matches a full-text query,
// ascending. It reads the index alone, for marking the matches on the
// timeline.
func (s *Store) SearchEventIDs(ctx context.Context, query string, limit int) ([]int64, error) {
	if strings.TrimSpace(query) == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := s.db.QueryContext(ctx, `SELECT docid FROM event_fts WHERE event_fts MATCH ? LIMIT ?`, query, limit)
	if err != nil {
		return nil, fmt.Errorf("data.SearchEventIDs %q: %w", query, err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("data.SearchEventIDs: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("data.SearchEventIDs %q: %w", query, err)
	}
	return ids, nil
}

package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// TagCount is a tag and how many events carry it.
type TagCount struct {
	Name   string
	Events int
}

// Tags returns the document's tags that some event carries, by name, with
// the number of events carrying each.
func (s *Store) Tags(ctx context.Context) ([]TagCount, error) {
	var tags []TagCount
	err := s.eachRow(ctx, `SELECT t.name, count(*) FROM tag t JOIN event_tag et ON et.tag_id = t.id
		GROUP BY t.id ORDER BY t.name`, nil, func(r *sql.Rows) error {
		var t TagCount
		if err := r.Scan(&t.Name, &t.Events); err != nil {
			return err
		}
		tags = append(tags, t)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("data.Tags: %w", err)
	}
	return tags, nil
}

// EventsWithTags returns the ids of the events that carry any of the named
// tags, ascending. Names that are no tag match nothing.
func (s *Store) EventsWithTags(ctx context.Context, names []string) ([]int64, error) {
	if len(names) == 0 {
		return nil, nil
	}
	if len(names) > maxQueryArgs {
		return nil, fmt.Errorf("data.EventsWithTags: %d tags is more than %d", len(names), maxQueryArgs)
	}
	args := make([]any, len(names))
	for i, n := range names {
		args[i] = n
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", len(names)), ",")
	ids, err := column[int64](ctx, s, `SELECT DISTINCT et.event_id FROM event_tag et JOIN tag t ON t.id = et.tag_id
		WHERE t.name IN (`+marks+`) ORDER BY 1`, args...)
	if err != nil {
		return nil, fmt.Errorf("data.EventsWithTags: %w", err)
	}
	return ids, nil
}

// maxQueryArgs is the most values one query of this file binds; SQLite
// allows many more, but a filter never needs them.
const maxQueryArgs = 500

// column returns the one column, of type T, of the rows of query.
func column[T any](ctx context.Context, s *Store, query string, args ...any) ([]T, error) {
	var out []T
	err := s.eachRow(ctx, query, args, func(r *sql.Rows) error {
		var v T
		if err := r.Scan(&v); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

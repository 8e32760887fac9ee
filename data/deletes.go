package data

import (
	"context"
	"fmt"
	"strings"
)

// maxNamed is how many records a description of links names before it
// only counts the rest.
const maxNamed = 5

// ActorLinks describes what deleting an actor would change besides the
// actor itself: "2 quotes it is the speaker of (“…”, “…”) and 1 link to an
// event (…)", or "" if nothing refers to it.
func (s *Store) ActorLinks(ctx context.Context, id int64) (string, error) {
	quotes, err := column[string](ctx, s, `SELECT text FROM quote WHERE speaker_id = ? ORDER BY said_at, id`, id)
	if err != nil {
		return "", fmt.Errorf("data.ActorLinks %d: %w", id, err)
	}
	events, err := column[string](ctx, s, `SELECT e.title FROM event_actor ea JOIN event e ON e.id = ea.event_id
		WHERE ea.actor_id = ? ORDER BY e.start, e.id`, id)
	if err != nil {
		return "", fmt.Errorf("data.ActorLinks %d: %w", id, err)
	}
	return joinParts(
		listed(quoted(quotes), "quote it is the speaker of", "quotes it is the speaker of"),
		listed(events, "link to an event", "links to events"),
	), nil
}

// SourceLinks describes what deleting a source would delete with it: the
// quotes taken from it (and how many links to events they have) and the
// links of events that cite it, or "" if there are none.
func (s *Store) SourceLinks(ctx context.Context, id int64) (string, error) {
	quotes, err := column[string](ctx, s, `SELECT text FROM quote WHERE source_id = ?
		ORDER BY start_byte IS NULL, start_byte, id`, id)
	if err != nil {
		return "", fmt.Errorf("data.SourceLinks %d: %w", id, err)
	}
	var quoteLinks int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM event_quote eq JOIN quote q ON q.id = eq.quote_id
		WHERE q.source_id = ?`, id).Scan(&quoteLinks); err != nil {
		return "", fmt.Errorf("data.SourceLinks %d: %w", id, err)
	}
	events, err := column[string](ctx, s, `SELECT e.title FROM event_source es JOIN event e ON e.id = es.event_id
		WHERE es.source_id = ? ORDER BY e.start, e.id`, id)
	if err != nil {
		return "", fmt.Errorf("data.SourceLinks %d: %w", id, err)
	}
	quotePart := listed(quoted(quotes), "quote", "quotes")
	if quoteLinks > 0 {
		quotePart += " with " + countOf(quoteLinks, "link to an event", "links to events")
	}
	return joinParts(quotePart, listed(events, "link to an event citing it", "links to events citing it")), nil
}

// QuoteLinks describes the links deleting a quote would remove with it:
// "2 links to events (…, …)", or "" if it has none.
func (s *Store) QuoteLinks(ctx context.Context, id int64) (string, error) {
	events, err := column[string](ctx, s, `SELECT e.title FROM event_quote eq JOIN event e ON e.id = eq.event_id
		WHERE eq.quote_id = ? ORDER BY e.start, e.id`, id)
	if err != nil {
		return "", fmt.Errorf("data.QuoteLinks %d: %w", id, err)
	}
	return listed(events, "link to an event", "links to events"), nil
}

// quoted puts each of texts in quotation marks.
func quoted(texts []string) []string {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = "“" + clip(t, 40) + "”"
	}
	return out
}

// listed is "2 links to events (First, Second)": the count of names with
// the first few of them, each clipped, or "" if there are none.
func listed(names []string, one, many string) string {
	n := len(names)
	if n == 0 {
		return ""
	}
	shown := make([]string, 0, min(n, maxNamed)+1)
	for _, name := range names[:min(n, maxNamed)] {
		shown = append(shown, clip(name, 42))
	}
	if n > maxNamed {
		shown = append(shown, fmt.Sprintf("and %d more", n-maxNamed))
	}
	return fmt.Sprintf("%s (%s)", countOf(n, one, many), strings.Join(shown, ", "))
}

// joinParts joins the parts that are not "" with " and ".
func joinParts(parts ...string) string {
	kept := parts[:0]
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " and ")
}

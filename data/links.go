package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Claims counts the distinct sources behind an event, through its quotes
// and through the sources it cites directly. A source that both supports
// and disputes an event (two of its quotes disagree) counts on both sides.
type Claims struct {
	Supporting int
	Disputing  int
}

// ClaimsOfEvent counts the sources that support and dispute event id.
func (s *Store) ClaimsOfEvent(ctx context.Context, id int64) (Claims, error) {
	return s.read().claimsOfEvent(ctx, id)
}

func (r reader) claimsOfEvent(ctx context.Context, id int64) (Claims, error) {
	var c Claims
	err := r.q.QueryRowContext(ctx, `SELECT
		count(DISTINCT CASE WHEN stance = 'supports' THEN source_id END),
		count(DISTINCT CASE WHEN stance = 'disputes' THEN source_id END)
		FROM (SELECT es.source_id, es.stance FROM event_source es WHERE es.event_id = ?
		      UNION ALL
		      SELECT q.source_id, eq.stance FROM event_quote eq JOIN quote q ON q.id = eq.quote_id WHERE eq.event_id = ?)`,
		id, id).Scan(&c.Supporting, &c.Disputing)
	if err != nil {
		return Claims{}, fmt.Errorf("data.ClaimsOfEvent %d: %w", id, err)
	}
	return c, nil
}

// QuotesOfSource returns the quotes taken from source id, ordered by where
// they are in its text (quotes without offsets last), with their speakers'
// names. Source and Stance of the refs are left empty.
func (s *Store) QuotesOfSource(ctx context.Context, id int64) ([]QuoteRef, error) {
	var refs []QuoteRef
	err := s.eachRow(ctx, `SELECT `+quoteColumns+`, coalesce(a.name, '')
		FROM quote q LEFT JOIN actor a ON a.id = q.speaker_id
		WHERE q.source_id = ?
		ORDER BY q.start_byte IS NULL, q.start_byte, q.id`, []any{id}, func(r *sql.Rows) error {
		var speaker string
		q, err := scanQuote(r, &speaker)
		if err != nil {
			return err
		}
		refs = append(refs, QuoteRef{Quote: q, Speaker: speaker})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("data.QuotesOfSource %d: %w", id, err)
	}
	return refs, nil
}

// QuoteMark is where a quote sits on the timeline: when it was said, by
// whom, and the events it speaks about.
type QuoteMark struct {
	ID        int64
	SaidAt    Time
	SpeakerID int64 // 0 if unknown
	Events    []int64
	Stances   []Stance // parallel to Events
}

// QuoteMarks returns every quote's said-at time, speaker and linked events,
// ordered by said-at time.
func (s *Store) QuoteMarks(ctx context.Context) ([]QuoteMark, error) {
	var marks []QuoteMark
	index := map[int64]int{}
	err := s.eachRow(ctx, `SELECT q.id, q.said_at, q.said_precision, coalesce(q.speaker_id, 0), eq.event_id, eq.stance
		FROM quote q LEFT JOIN event_quote eq ON eq.quote_id = q.id
		ORDER BY q.said_at, q.id, eq.event_id`, nil, func(r *sql.Rows) error {
		var (
			m      QuoteMark
			prec   int64
			event  *int64
			stance *string
		)
		if err := r.Scan(&m.ID, &m.SaidAt.Unix, &prec, &m.SpeakerID, &event, &stance); err != nil {
			return err
		}
		m.SaidAt.Precision = Precision(prec)
		i, ok := index[m.ID]
		if !ok {
			i = len(marks)
			index[m.ID] = i
			marks = append(marks, m)
		}
		if event != nil && stance != nil {
			marks[i].Events = append(marks[i].Events, *event)
			marks[i].Stances = append(marks[i].Stances, Stance(*stance))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("data.QuoteMarks: %w", err)
	}
	return marks, nil
}

// EventsOfActor returns the ids of the events actor id takes part in or
// speaks about (through a quote of theirs), ascending.
func (s *Store) EventsOfActor(ctx context.Context, id int64) ([]int64, error) {
	ids, err := column[int64](ctx, s, `SELECT event_id FROM event_actor WHERE actor_id = ?
		UNION
		SELECT eq.event_id FROM event_quote eq JOIN quote q ON q.id = eq.quote_id WHERE q.speaker_id = ?
		ORDER BY 1`, id, id)
	if err != nil {
		return nil, fmt.Errorf("data.EventsOfActor %d: %w", id, err)
	}
	return ids, nil
}

// NewQuote describes a quote taken from a span of a source's text, and the
// event it is linked to: an existing one (EventID) or a new one (NewEvent).
type NewQuote struct {
	SourceID           int64
	StartByte, EndByte int64 // UTF-8 byte offsets into the source's text, half-open
	SpeakerID          int64 // an existing actor, or 0
	// SpeakerName, used when SpeakerID is 0 and it is not blank, names the
	// speaker: an actor of that name is used, or created as a person.
	SpeakerName string
	SaidAt      Time
	EventID     int64     // link to this event, or 0
	NewEvent    *NewEvent // or create this event and link to it
	Stance      Stance
}

// NewEvent is the minimum needed to create an event.
type NewEvent struct {
	LaneID int64
	Title  string
	Start  Time
	Status ClaimStatus
}

// ErrInvalidQuote means a NewQuote does not describe a valid quote; the
// error's text says what is wrong.
var ErrInvalidQuote = errors.New("invalid quote")

// AddQuote stores a quote taken from a source's text with its link to an
// event, all in one transaction, and returns the quote's id (and the new
// event's, if one was created). The quote's text is the source's text
// between the offsets, which must lie on character boundaries.
func (s *Store) AddQuote(ctx context.Context, nq NewQuote) (quoteID, eventID int64, err error) {
	fail := func(err error) (int64, int64, error) {
		return 0, 0, fmt.Errorf("data.AddQuote: %w", err)
	}
	invalid := func(format string, args ...any) (int64, int64, error) {
		return fail(fmt.Errorf("%w: %s", ErrInvalidQuote, fmt.Sprintf(format, args...)))
	}
	if s.readOnly {
		return fail(ErrReadOnly)
	}
	if !nq.Stance.Valid() {
		return invalid("stance %q is neither supports nor disputes", nq.Stance)
	}
	if !nq.SaidAt.Precision.Valid() {
		return invalid("no said-at time")
	}
	if (nq.EventID == 0) == (nq.NewEvent == nil) {
		return invalid("give either an existing event or a new one")
	}
	if ne := nq.NewEvent; ne != nil {
		if strings.TrimSpace(ne.Title) == "" {
			return invalid("the new event has no title")
		}
		if !ne.Start.Precision.Valid() {
			return invalid("the new event has no date")
		}
		if !ne.Status.Valid() {
			return invalid("claim status %q is not known", ne.Status)
		}
	}
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return fail(err)
	}
	defer done()
	defer tx.Rollback()

	var text *string
	err = tx.QueryRowContext(ctx, `SELECT text FROM source WHERE id = ?`, nq.SourceID).Scan(&text)
	if errors.Is(err, sql.ErrNoRows) {
		return fail(fmt.Errorf("source %d: %w", nq.SourceID, ErrNotFound))
	}
	if err != nil {
		return fail(err)
	}
	if text == nil {
		return invalid("source %d stores no text to quote from", nq.SourceID)
	}
	words, err := spanOf(*text, nq.StartByte, nq.EndByte)
	if err != nil {
		return invalid("%v", err)
	}

	speaker := any(nil)
	switch name := strings.TrimSpace(nq.SpeakerName); {
	case nq.SpeakerID != 0:
		speaker = nq.SpeakerID
	case name != "":
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM actor WHERE name = ?`, name).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			var res sql.Result
			res, err = tx.ExecContext(ctx, `INSERT INTO actor (name, kind) VALUES (?, ?)`, name, KindPerson)
			if err == nil {
				id, err = res.LastInsertId()
			}
		}
		if err != nil {
			return fail(fmt.Errorf("speaker %q: %w", name, err))
		}
		speaker = id
	}

	now := time.Now().Unix()
	res, err := tx.ExecContext(ctx, `INSERT INTO quote (text, speaker_id, said_at, said_precision, source_id,
		start_byte, end_byte, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		words, speaker, nq.SaidAt.Unix, int64(nq.SaidAt.Precision), nq.SourceID, nq.StartByte, nq.EndByte, now, now)
	if err != nil {
		return fail(err)
	}
	if quoteID, err = res.LastInsertId(); err != nil {
		return fail(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO quote_fts (docid, text) VALUES (?, ?)`, quoteID, words); err != nil {
		return fail(err)
	}

	eventID = nq.EventID
	if ne := nq.NewEvent; ne != nil {
		start, startPrec, startMS := ne.Start.nullableMilli()
		res, err := tx.ExecContext(ctx, `INSERT INTO event (lane_id, title, start, start_precision, start_ms, status,
			created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			ne.LaneID, strings.TrimSpace(ne.Title), start, startPrec, startMS, string(ne.Status), now, now)
		if err != nil {
			return fail(fmt.Errorf("new event: %w", err))
		}
		if eventID, err = res.LastInsertId(); err != nil {
			return fail(err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO event_fts (docid, title, summary) VALUES (?, ?, '')`, eventID, strings.TrimSpace(ne.Title)); err != nil {
			return fail(err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO event_quote (event_id, quote_id, stance) VALUES (?, ?, ?)`,
		eventID, quoteID, string(nq.Stance)); err != nil {
		return fail(fmt.Errorf("link to event %d: %w", eventID, err))
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	return quoteID, eventID, nil
}

// spanOf returns text[start:end] if the offsets are in range, on character
// boundaries and enclose something other than white space.
func spanOf(text string, start, end int64) (string, error) {
	if start < 0 || end <= start || end > int64(len(text)) {
		return "", fmt.Errorf("bytes %d to %d are not a span of the %d-byte text", start, end, len(text))
	}
	if !utf8.RuneStart(text[start]) || (end < int64(len(text)) && !utf8.RuneStart(text[end])) {
		return "", fmt.Errorf("bytes %d to %d cut a character in two", start, end)
	}
	words := text[start:end]
	if strings.TrimSpace(words) == "" {
		return "", errors.New("the selection holds only white space")
	}
	return words, nil
}

// SetSourceText replaces the stored text of source id and moves every quote
// taken from it to where its words now are: the occurrence nearest its old
// place. A quote whose words are no longer in the text loses its offsets
// (it is kept, unplaced). The text's recorded SHA-256 is left as it was,
// so the source viewer can tell that the text has changed since it was
// added. It returns how many quotes lost their place.
func (s *Store) SetSourceText(ctx context.Context, id int64, text string) (unplaced int, err error) {
	fail := func(err error) (int, error) { return 0, fmt.Errorf("data.SetSourceText %d: %w", id, err) }
	if s.readOnly {
		return fail(ErrReadOnly)
	}
	if !utf8.ValidString(text) {
		return fail(errors.New("the text is not valid UTF-8"))
	}
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return fail(err)
	}
	defer done()
	defer tx.Rollback()
	var title string
	var sum *string
	err = tx.QueryRowContext(ctx, `SELECT title, text_sha256 FROM source WHERE id = ?`, id).Scan(&title, &sum)
	if errors.Is(err, sql.ErrNoRows) {
		return fail(ErrNotFound)
	}
	if err != nil {
		return fail(err)
	}
	newSum := any(nil)
	if sum != nil {
		newSum = *sum
	} else {
		newSum = textSHA256(text) // the first text stored: record it as added
	}
	now := time.Now().Unix()
	if _, err := tx.ExecContext(ctx, `UPDATE source SET text = ?, text_sha256 = ?, updated_at = ? WHERE id = ?`, text, newSum, now, id); err != nil {
		return fail(err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM source_fts WHERE docid = ?`, id); err != nil {
		return fail(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO source_fts (docid, title, text) VALUES (?, ?, ?)`, id, title, text); err != nil {
		return fail(err)
	}
	type placed struct {
		id, start int64
		words     string
		had       bool
	}
	var quotes []placed
	rows, err := tx.QueryContext(ctx, `SELECT id, text, coalesce(start_byte, -1) FROM quote WHERE source_id = ?`, id)
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var p placed
		if err := rows.Scan(&p.id, &p.words, &p.start); err != nil {
			rows.Close()
			return fail(err)
		}
		p.had = p.start >= 0
		quotes = append(quotes, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	for _, q := range quotes {
		var start, end any
		if at := nearestIndex(text, q.words, q.start); at >= 0 {
			start, end = int64(at), int64(at+len(q.words))
		} else if q.had {
			unplaced++
		}
		if _, err := tx.ExecContext(ctx, `UPDATE quote SET start_byte = ?, end_byte = ?, updated_at = ? WHERE id = ?`, start, end, now, q.id); err != nil {
			return fail(err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fail(err)
	}
	return unplaced, nil
}

// nearestIndex returns the byte offset of the occurrence of words in text
// nearest to near, or -1 if there is none (or words is empty).
func nearestIndex(text, words string, near int64) int {
	if words == "" {
		return -1
	}
	best, bestDist := -1, int64(-1)
	for from := 0; from <= len(text); {
		i := strings.Index(text[from:], words)
		if i < 0 {
			break
		}
		at := from + i
		d := int64(at) - near
		if d < 0 {
			d = -d
		}
		if best < 0 || d < bestDist {
			best, bestDist = at, d
		}
		from = at + 1
	}
	return best
}

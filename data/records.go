package data

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Longest texts the editing methods accept, in characters.
const (
	maxNameLen  = 200
	maxTitleLen = 500
	maxNoteLen  = 20_000
)

// checkText validates a text field: required ones may not be blank, none
// may be longer than limit characters or hold invalid UTF-8.
func checkText(record, field, s string, required bool, limit int) error {
	switch {
	case !utf8.ValidString(s):
		return invalid(record, field, "is not valid UTF-8 text")
	case required && strings.TrimSpace(s) == "":
		return invalid(record, field, "is empty")
	case utf8.RuneCountInString(s) > limit:
		return invalid(record, field, "is longer than %d characters", limit)
	}
	return nil
}

// exists reports whether table has a row with id.
func (r *recorder) exists(table string, id int64) (bool, error) {
	row, err := r.read(table, []any{id})
	return row != nil, err
}

// mustExist returns a *FieldError if table has no row with id.
func (r *recorder) mustExist(record, field, table string, id int64) error {
	ok, err := r.exists(table, id)
	if err != nil {
		return err
	}
	if !ok {
		return invalid(record, field, "%s %d does not exist", table, id)
	}
	return nil
}

// existing returns the row of table with id for an update (nil for a new
// record, id 0), or an error wrapping ErrNotFound.
func (r *recorder) existing(table string, id int64) (Row, error) {
	if id == 0 {
		return nil, nil
	}
	row, err := r.read(table, []any{id})
	if err != nil {
		return nil, err
	}
	if row == nil {
		return nil, fmt.Errorf("%s %d: %w", table, id, ErrNotFound)
	}
	return row, nil
}

// save inserts row (when id is 0) or updates the row with id, keeping its
// created_at, and returns the id. Rows of tables with timestamps get them.
func (r *recorder) save(table string, id int64, old, row Row, stamped bool) (int64, error) {
	if stamped {
		now := time.Now().Unix()
		row["updated_at"] = now
		row["created_at"] = now
		if old != nil {
			row["created_at"] = old["created_at"]
		}
	}
	if id == 0 {
		return r.insert(table, row)
	}
	row["id"] = id
	return id, r.put(table, row)
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// validateTime checks that t is a time (when required) of a valid precision.
func validateTime(record, field string, t Time, required bool) error {
	if t.IsZero() {
		if required {
			return invalid(record, field, "is missing")
		}
		return nil
	}
	if !t.Precision.Valid() {
		return invalid(record, field, "has no valid precision")
	}
	return nil
}

// validateEvent checks the fields of ev that need no database.
func validateEvent(ev *Event) error {
	const rec = "event"
	if err := checkText(rec, "title", ev.Title, true, maxTitleLen); err != nil {
		return err
	}
	if err := checkText(rec, "summary", ev.Summary, false, maxNoteLen); err != nil {
		return err
	}
	if err := checkText(rec, "date note", ev.DateNote, false, maxNoteLen); err != nil {
		return err
	}
	if !ev.Status.Valid() {
		return invalid(rec, "status", "%q is not one of reported, confirmed, disputed, expected", ev.Status)
	}
	if err := validateTime(rec, "start", ev.Start, true); err != nil {
		return err
	}
	if err := validateTime(rec, "end", ev.End, false); err != nil {
		return err
	}
	if ev.HasEnd() && (ev.End.End() < ev.Start.Unix || ev.End.End() == ev.Start.Unix && ev.End.Before(ev.Start)) {
		return invalid(rec, "end", "%s is before the start, %s", ev.End.Display(), ev.Start.Display())
	}
	start, end := ev.Start.Unix, ev.Start.End()
	if ev.HasEnd() {
		end = ev.End.End()
	}
	if ev.EarliestStart != nil && *ev.EarliestStart > start {
		return invalid(rec, "earliest start", "is after the start")
	}
	if ev.LatestEnd != nil && *ev.LatestEnd < end {
		return invalid(rec, "latest end", "is before the end")
	}
	for _, tag := range ev.Tags {
		if err := checkText(rec, "tag", tag, true, maxNameLen); err != nil {
			return err
		}
	}
	if d := ev.Derivation; d != nil {
		if err := checkText(rec, "derived expression", d.Expression, true, maxNameLen); err != nil {
			return err
		}
		if err := validateTime(rec, "derived said-at", d.SaidAt, false); err != nil {
			return err
		}
	}
	return nil
}

// saveRecord runs fn, which writes one record and returns its id, as an
// edit named "Add <record>" (id 0) or "Edit <record>".
func (s *Store) saveRecord(ctx context.Context, op, record string, id int64, fn func(r *recorder) (int64, error)) (int64, *Edit, error) {
	name := "Edit " + record
	if id == 0 {
		name = "Add " + record
	}
	var saved int64
	e, err := s.edit(ctx, op, name, func(r *recorder) error {
		var err error
		saved, err = fn(r)
		return err
	})
	if err != nil {
		return 0, nil, err
	}
	return saved, e, nil
}

// SaveEvent creates ev (when ev.ID is 0) or replaces the stored event with
// ev.ID, with its actors and tags, in one transaction. Links to quotes and
// sources are kept; see LinkQuote and LinkSource. It returns the event's
// id and the Edit (named "Add event" or "Edit event").
func (s *Store) SaveEvent(ctx context.Context, ev Event) (int64, *Edit, error) {
	return s.saveRecord(ctx, "SaveEvent", "event", ev.ID, func(r *recorder) (int64, error) {
		if err := validateEvent(&ev); err != nil {
			return 0, err
		}
		if err := r.mustExist("event", "lane", "lane", ev.LaneID); err != nil {
			return 0, err
		}
		for _, a := range ev.Actors {
			if err := r.mustExist("event", "actor", "actor", a); err != nil {
				return 0, err
			}
		}
		old, err := r.existing("event", ev.ID)
		if err != nil {
			return 0, err
		}
		start, startPrec, startMS := ev.Start.nullableMilli()
		end, endPrec, endMS := ev.End.nullableMilli()
		row := Row{"lane_id": ev.LaneID, "title": ev.Title, "summary": ev.Summary,
			"start": start, "start_precision": startPrec, "start_ms": startMS,
			"end": end, "end_precision": endPrec, "end_ms": endMS, "earliest_start": nil, "latest_end": nil,
			"start_uncertain": boolInt(ev.StartUncertain), "end_uncertain": boolInt(ev.EndUncertain),
			"status": string(ev.Status), "date_note": ev.DateNote,
			"derived_expression": nil, "derived_quote_id": nil, "derived_said_at": nil, "derived_said_precision": nil}
		if ev.EarliestStart != nil {
			row["earliest_start"] = *ev.EarliestStart
		}
		if ev.LatestEnd != nil {
			row["latest_end"] = *ev.LatestEnd
		}
		if d := ev.Derivation; d != nil {
			row["derived_expression"] = d.Expression
			if d.QuoteID != 0 {
				if err := r.mustExist("event", "derived quote", "quote", d.QuoteID); err != nil {
					return 0, err
				}
				row["derived_quote_id"] = d.QuoteID
			}
			row["derived_said_at"], row["derived_said_precision"] = d.SaidAt.nullable()
		}
		id, err := r.save("event", ev.ID, old, row, true)
		if err != nil {
			return 0, err
		}
		if err := r.setActors(id, ev.Actors); err != nil {
			return 0, err
		}
		return id, r.setTags(id, ev.Tags)
	})
}

// setActors makes the event's actors exactly ids.
func (r *recorder) setActors(event int64, ids []int64) error {
	have, err := r.ids(`SELECT actor_id FROM event_actor WHERE event_id = ?`, event)
	if err != nil {
		return err
	}
	return r.setLinks("event_actor", "actor_id", event, have, ids)
}

// setLinks adds and removes rows of a two-column link table so that event
// links to exactly want.
func (r *recorder) setLinks(table, col string, event int64, have, want []int64) error {
	for _, h := range have {
		if !containsID(want, h) {
			if err := r.del(table, event, h); err != nil {
				return err
			}
		}
	}
	for _, w := range want {
		if !containsID(have, w) {
			if err := r.put(table, Row{"event_id": event, col: w}); err != nil {
				return err
			}
			have = append(have, w)
		}
	}
	return nil
}

func containsID(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// setTags makes the event's tags exactly names, creating tags as needed.
func (r *recorder) setTags(event int64, names []string) error {
	var want []int64
	for _, name := range names {
		ids, err := r.ids(`SELECT id FROM tag WHERE name = ?`, name)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			id, err := r.insert("tag", Row{"name": name})
			if err != nil {
				return err
			}
			ids = []int64{id}
		}
		want = append(want, ids[0])
	}
	have, err := r.ids(`SELECT tag_id FROM event_tag WHERE event_id = ?`, event)
	if err != nil {
		return err
	}
	return r.setLinks("event_tag", "tag_id", event, have, want)
}

// deleteEventRows deletes an event with every link to it.
func (r *recorder) deleteEventRows(id int64) error {
	for _, l := range []struct{ table, col string }{
		{"event_quote", "quote_id"}, {"event_source", "source_id"}, {"event_actor", "actor_id"}, {"event_tag", "tag_id"},
	} {
		others, err := r.ids(`SELECT "`+l.col+`" FROM "`+l.table+`" WHERE event_id = ?`, id)
		if err != nil {
			return err
		}
		for _, o := range others {
			if err := r.del(l.table, id, o); err != nil {
				return err
			}
		}
	}
	return r.del("event", id)
}

// DeleteEvent deletes an event with its links to quotes, sources, actors
// and tags (the quotes and sources themselves stay). See EventLinks for
// what a user should be told first.
func (s *Store) DeleteEvent(ctx context.Context, id int64) (*Edit, error) {
	return s.edit(ctx, "DeleteEvent", "Delete event", func(r *recorder) error {
		if _, err := r.existing("event", id); err != nil {
			return err
		}
		return r.deleteEventRows(id)
	})
}

// EventLinks describes the links deleting an event would remove with it:
// "2 quotes (“…”, “…”) and 1 source (…)", or "" if there are none.
func (s *Store) EventLinks(ctx context.Context, id int64) (string, error) {
	quotes, err := s.QuotesOfEvent(ctx, id)
	if err != nil {
		return "", err
	}
	sources, err := s.SourcesOfEvent(ctx, id)
	if err != nil {
		return "", err
	}
	texts := make([]string, len(quotes))
	for i, q := range quotes {
		texts[i] = q.Text
	}
	titles := make([]string, len(sources))
	for i, src := range sources {
		titles[i] = src.Title
	}
	return joinParts(
		listed(quoted(texts), "link to a quote", "links to quotes"),
		listed(titles, "link to a source", "links to sources"),
	), nil
}

func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// clip shortens s to at most n characters, with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// LinkQuote links an event to a quote with a stance, or changes the stance
// of an existing link.
func (s *Store) LinkQuote(ctx context.Context, event, quote int64, stance Stance) (*Edit, error) {
	return s.link(ctx, "LinkQuote", "Link quote", "event_quote", "quote_id", "quote", event, quote, stance)
}

// LinkSource links an event to a source it cites directly.
func (s *Store) LinkSource(ctx context.Context, event, source int64, stance Stance) (*Edit, error) {
	return s.link(ctx, "LinkSource", "Link source", "event_source", "source_id", "source", event, source, stance)
}

func (s *Store) link(ctx context.Context, op, name, table, col, other string, event, id int64, stance Stance) (*Edit, error) {
	return s.edit(ctx, op, name, func(r *recorder) error {
		if !stance.Valid() {
			return invalid("link", "stance", "%q is not supports or disputes", stance)
		}
		if err := r.mustExist("link", "event", "event", event); err != nil {
			return err
		}
		if err := r.mustExist("link", other, other, id); err != nil {
			return err
		}
		return r.put(table, Row{"event_id": event, col: id, "stance": string(stance)})
	})
}

// UnlinkQuote removes the link between an event and a quote.
func (s *Store) UnlinkQuote(ctx context.Context, event, quote int64) (*Edit, error) {
	return s.edit(ctx, "UnlinkQuote", "Unlink quote", func(r *recorder) error { return r.del("event_quote", event, quote) })
}

// UnlinkSource removes the link between an event and a source.
func (s *Store) UnlinkSource(ctx context.Context, event, source int64) (*Edit, error) {
	return s.edit(ctx, "UnlinkSource", "Unlink source", func(r *recorder) error { return r.del("event_source", event, source) })
}

// SaveLane creates l (when l.ID is 0; it goes after the other lanes) or
// updates the lane with l.ID: its name, colour, collapsed state and
// position.
func (s *Store) SaveLane(ctx context.Context, l Lane) (int64, *Edit, error) {
	return s.saveRecord(ctx, "SaveLane", "lane", l.ID, func(r *recorder) (int64, error) {
		if err := checkText("lane", "name", l.Name, true, maxNameLen); err != nil {
			return 0, err
		}
		if !validColor(l.Color) {
			return 0, invalid("lane", "colour", "%q is not a colour written #RRGGBB", l.Color)
		}
		dup, err := r.ids(`SELECT id FROM lane WHERE name = ? AND id != ?`, l.Name, l.ID)
		if err != nil {
			return 0, err
		}
		if len(dup) > 0 {
			return 0, invalid("lane", "name", "another lane is called %q", l.Name)
		}
		old, err := r.existing("lane", l.ID)
		if err != nil {
			return 0, err
		}
		pos := l.Position
		if old == nil {
			if err := r.tx.QueryRowContext(r.ctx, `SELECT coalesce(max(position) + 1, 0) FROM lane`).Scan(&pos); err != nil {
				return 0, err
			}
		}
		return r.save("lane", l.ID, old, Row{"name": l.Name, "color": l.Color, "position": pos, "collapsed": boolInt(l.Collapsed)}, false)
	})
}

// SetLaneCollapsed collapses or expands a lane.
func (s *Store) SetLaneCollapsed(ctx context.Context, id int64, collapsed bool) (*Edit, error) {
	name := "Expand lane"
	if collapsed {
		name = "Collapse lane"
	}
	return s.edit(ctx, "SetLaneCollapsed", name, func(r *recorder) error {
		old, err := r.existing("lane", id)
		if err != nil {
			return err
		}
		if id == 0 {
			return fmt.Errorf("lane 0: %w", ErrNotFound)
		}
		old["collapsed"] = boolInt(collapsed)
		return r.put("lane", old)
	})
}

// MoveLane moves a lane by delta places in the order (-1: up one), and
// renumbers the lanes' positions 0, 1, 2, ...
func (s *Store) MoveLane(ctx context.Context, id int64, delta int) (*Edit, error) {
	return s.edit(ctx, "MoveLane", "Move lane", func(r *recorder) error {
		order, err := r.ids(`SELECT id FROM lane ORDER BY position, id`)
		if err != nil {
			return err
		}
		at := -1
		for i, l := range order {
			if l == id {
				at = i
			}
		}
		if at < 0 {
			return fmt.Errorf("lane %d: %w", id, ErrNotFound)
		}
		to := min(max(at+delta, 0), len(order)-1)
		order = append(order[:at], order[at+1:]...)
		order = append(order[:to], append([]int64{id}, order[to:]...)...)
		for pos, l := range order {
			row, err := r.read("lane", []any{l})
			if err != nil {
				return err
			}
			row["position"] = int64(pos)
			if err := r.put("lane", row); err != nil {
				return err
			}
		}
		return nil
	})
}

// DeleteLane deletes an empty lane; a lane that still has events is
// refused with an error wrapping ErrInUse.
func (s *Store) DeleteLane(ctx context.Context, id int64) (*Edit, error) {
	return s.edit(ctx, "DeleteLane", "Delete lane", func(r *recorder) error {
		old, err := r.existing("lane", id)
		if err != nil {
			return err
		}
		if id == 0 {
			return fmt.Errorf("lane 0: %w", ErrNotFound)
		}
		var n int
		if err := r.tx.QueryRowContext(r.ctx, `SELECT count(*) FROM event WHERE lane_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("lane %q has %s; move or delete them first: %w", old["name"], countOf(n, "event", "events"), ErrInUse)
		}
		// Its periods go with it, recorded, so that an undo brings them back.
		periods, err := r.ids(`SELECT id FROM period WHERE lane_id = ?`, id)
		if err != nil {
			return err
		}
		for _, p := range periods {
			if err := r.del("period", p); err != nil {
				return err
			}
		}
		return r.del("lane", id)
	})
}

// SaveActor creates a (when a.ID is 0) or updates the actor with a.ID.
func (s *Store) SaveActor(ctx context.Context, a Actor) (int64, *Edit, error) {
	return s.saveRecord(ctx, "SaveActor", "actor", a.ID, func(r *recorder) (int64, error) {
		if err := checkText("actor", "name", a.Name, true, maxNameLen); err != nil {
			return 0, err
		}
		if err := checkText("actor", "description", a.Description, false, maxNoteLen); err != nil {
			return 0, err
		}
		if !validKind(a.Kind) {
			return 0, invalid("actor", "kind", "%q is not person, organisation, state or unnamed", a.Kind)
		}
		dup, err := r.ids(`SELECT id FROM actor WHERE name = ? AND id != ?`, a.Name, a.ID)
		if err != nil {
			return 0, err
		}
		if len(dup) > 0 {
			return 0, invalid("actor", "name", "another actor is called %q", a.Name)
		}
		old, err := r.existing("actor", a.ID)
		if err != nil {
			return 0, err
		}
		return r.save("actor", a.ID, old, Row{"name": a.Name, "kind": a.Kind, "description": a.Description}, false)
	})
}

// DeleteActor deletes an actor, unlinks it from its events and leaves the
// quotes it spoke with an unknown speaker.
func (s *Store) DeleteActor(ctx context.Context, id int64) (*Edit, error) {
	return s.edit(ctx, "DeleteActor", "Delete actor", func(r *recorder) error {
		if _, err := r.existing("actor", id); err != nil {
			return err
		}
		if err := r.unlinkAll("event_actor", "actor_id", id); err != nil {
			return err
		}
		if err := r.clearRefs("quote", "speaker_id", id); err != nil {
			return err
		}
		return r.del("actor", id)
	})
}

// SaveSource creates src (when src.ID is 0) or updates the source with
// src.ID. With src.HasText the text is stored and its SHA-256 recorded;
// without, any stored text is removed.
func (s *Store) SaveSource(ctx context.Context, src Source) (int64, *Edit, error) {
	return s.saveRecord(ctx, "SaveSource", "source", src.ID, func(r *recorder) (int64, error) {
		const rec = "source"
		for _, f := range []struct {
			name, value string
			required    bool
			limit       int
		}{
			{"title", src.Title, true, maxTitleLen}, {"outlet", src.Outlet, false, maxNameLen},
			{"URL", src.URL, false, 2048}, {"date note", src.DateNote, false, maxNoteLen},
			{"summary", src.Summary, false, maxNoteLen},
		} {
			if err := checkText(rec, f.name, f.value, f.required, f.limit); err != nil {
				return 0, err
			}
		}
		if src.URL != "" {
			u, err := url.Parse(src.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				return 0, invalid(rec, "URL", "%q is not an http or https address", src.URL)
			}
		}
		if !utf8.ValidString(src.Text) {
			return 0, invalid(rec, "text", "is not valid UTF-8 text")
		}
		if err := validateTime(rec, "published", src.Published, false); err != nil {
			return 0, err
		}
		old, err := r.existing("source", src.ID)
		if err != nil {
			return 0, err
		}
		pub, pubPrec := src.Published.nullable()
		row := Row{"title": src.Title, "outlet": src.Outlet, "url": src.URL, "published_at": pub,
			"published_precision": pubPrec, "date_note": src.DateNote, "summary": src.Summary, "text": nil, "text_sha256": nil}
		if src.HasText {
			row["text"] = src.Text
			row["text_sha256"] = textSHA256(src.Text)
			if old != nil && old["text"] == src.Text {
				row["text_sha256"] = old["text_sha256"] // as it was when added
			}
		}
		return r.save("source", src.ID, old, row, true)
	})
}

// DeleteSource deletes a source with the quotes taken from it and every
// link to either. See SourceLinks for what a user should be told first.
func (s *Store) DeleteSource(ctx context.Context, id int64) (*Edit, error) {
	return s.edit(ctx, "DeleteSource", "Delete source", func(r *recorder) error {
		if _, err := r.existing("source", id); err != nil {
			return err
		}
		quotes, err := r.ids(`SELECT id FROM quote WHERE source_id = ?`, id)
		if err != nil {
			return err
		}
		for _, q := range quotes {
			if err := r.deleteQuoteRows(q); err != nil {
				return err
			}
		}
		if err := r.unlinkAll("event_source", "source_id", id); err != nil {
			return err
		}
		return r.del("source", id)
	})
}

// SaveQuote creates q (when q.ID is 0) or updates the quote with q.ID. With
// HasOffsets, the byte range must lie within the source's text on
// character boundaries.
func (s *Store) SaveQuote(ctx context.Context, q Quote) (int64, *Edit, error) {
	return s.saveRecord(ctx, "SaveQuote", "quote", q.ID, func(r *recorder) (int64, error) {
		const rec = "quote"
		if err := checkText(rec, "text", q.Text, true, maxNoteLen); err != nil {
			return 0, err
		}
		if err := validateTime(rec, "said at", q.SaidAt, true); err != nil {
			return 0, err
		}
		if err := checkText(rec, "speaker note", q.SpeakerNote, false, maxNoteLen); err != nil {
			return 0, err
		}
		if !q.SpeakerConfidence.Valid() {
			return 0, invalid(rec, "speaker confidence", "%q is not high or check", q.SpeakerConfidence)
		}
		src, err := r.read("source", []any{q.SourceID})
		if err != nil {
			return 0, err
		}
		if src == nil {
			return 0, invalid(rec, "source", "source %d does not exist", q.SourceID)
		}
		row := Row{"text": q.Text, "speaker_id": nil, "said_at": q.SaidAt.Unix, "said_precision": int64(q.SaidAt.Precision),
			"source_id": q.SourceID, "start_byte": nil, "end_byte": nil,
			"speaker_note": q.SpeakerNote, "speaker_confidence": string(q.SpeakerConfidence)}
		if q.SpeakerID != 0 {
			if err := r.mustExist(rec, "speaker", "actor", q.SpeakerID); err != nil {
				return 0, err
			}
			row["speaker_id"] = q.SpeakerID
		}
		if q.HasOffsets {
			text, _ := src["text"].(string)
			if q.StartByte < 0 || q.EndByte < q.StartByte || q.EndByte > int64(len(text)) ||
				!utf8.RuneStart(at(text, q.StartByte)) || !utf8.RuneStart(at(text, q.EndByte)) {
				return 0, invalid(rec, "offsets", "%d–%d do not mark characters of the source's text (%d bytes)", q.StartByte, q.EndByte, len(text))
			}
			row["start_byte"], row["end_byte"] = q.StartByte, q.EndByte
		}
		old, err := r.existing("quote", q.ID)
		if err != nil {
			return 0, err
		}
		return r.save("quote", q.ID, old, row, true)
	})
}

// at returns the byte of s at i, or a character start at the end of s.
func at(s string, i int64) byte {
	if i >= int64(len(s)) {
		return 0
	}
	return s[i]
}

// deleteQuoteRows deletes a quote with its links, and forgets it in the
// derivations of events' dates that name it.
func (r *recorder) deleteQuoteRows(id int64) error {
	if err := r.unlinkAll("event_quote", "quote_id", id); err != nil {
		return err
	}
	if err := r.clearRefs("event", "derived_quote_id", id); err != nil {
		return err
	}
	return r.del("quote", id)
}

// unlinkAll deletes, recording each, every row of an event link table
// whose column col names id.
func (r *recorder) unlinkAll(table, col string, id int64) error {
	events, err := r.ids(`SELECT event_id FROM "`+table+`" WHERE "`+col+`" = ?`, id)
	if err != nil {
		return err
	}
	for _, ev := range events {
		if err := r.del(table, ev, id); err != nil {
			return err
		}
	}
	return nil
}

// clearRefs sets column col to NULL, recording each change, in every row
// of table (keyed by id) that names ref there.
func (r *recorder) clearRefs(table, col string, ref int64) error {
	ids, err := r.ids(`SELECT id FROM "`+table+`" WHERE "`+col+`" = ?`, ref)
	if err != nil {
		return err
	}
	for _, id := range ids {
		row, err := r.read(table, []any{id})
		if err != nil {
			return err
		}
		row[col] = nil
		if err := r.put(table, row); err != nil {
			return err
		}
	}
	return nil
}

// DeleteQuote deletes a quote with its links to events.
func (s *Store) DeleteQuote(ctx context.Context, id int64) (*Edit, error) {
	return s.edit(ctx, "DeleteQuote", "Delete quote", func(r *recorder) error {
		if _, err := r.existing("quote", id); err != nil {
			return err
		}
		return r.deleteQuoteRows(id)
	})
}

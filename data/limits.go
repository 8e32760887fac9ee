package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/mattn/go-sqlite3"
)

// Limits on what Quoteline reads, so that a hostile or broken file gets a
// clear message instead of exhausting memory. They are checked before the
// bulk of a file is loaded.
const (
	// MaxDocumentBytes is the largest document file Open accepts: 2 GiB.
	// A million events with their quotes and sources take a few hundred MB.
	MaxDocumentBytes = 2 << 30
	// MaxDocumentEvents is the most events a document may hold; the
	// timeline reads every event's span when a document opens.
	MaxDocumentEvents = 5_000_000
	// MaxDocumentLanes is the most lanes a document may hold.
	MaxDocumentLanes = 10_000
	// MaxDocumentPeriods is the most periods a document may hold: every
	// one is drawn behind the lanes it spans.
	MaxDocumentPeriods = 10_000
	// MaxValueBytes is the longest single text SQLite will read or write:
	// a source's full text, a quote or a title. Longer values are refused
	// by SQLite with "string or blob too big".
	MaxValueBytes = 64 << 20
	// MaxJSONBytes is the largest JSON interchange file ReadDocument reads,
	// and the largest text_file it reads for one source (which must fit in
	// one SQLite value).
	MaxJSONBytes = MaxValueBytes
	// MaxTitleBytes is the longest title of an event, lane, actor or
	// source accepted from a JSON document.
	MaxTitleBytes = 4096
	// MaxQuoteBytes is the longest quote accepted from a JSON document.
	MaxQuoteBytes = 1 << 20
	// MaxTagsPerEvent is the most tags, actors, quotes or sources one event
	// of a JSON document may list.
	MaxTagsPerEvent = 1000
)

// ErrTooLarge means a file, or a part of it, is beyond one of the limits
// above.
var ErrTooLarge = errors.New("too large")

// readLimited reads the file name of fsys if it is no larger than
// MaxJSONBytes.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tooLarge := fmt.Errorf("%w: %s is larger than %s", ErrTooLarge, name, FormatBytes(MaxJSONBytes))
	if info, err := f.Stat(); err == nil && info.Size() > MaxJSONBytes {
		return nil, tooLarge
	}
	// Read one byte more than the limit to tell a file at the limit from a
	// longer one, whatever its Stat says.
	b, err := io.ReadAll(io.LimitReader(f, MaxJSONBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxJSONBytes {
		return nil, tooLarge
	}
	return b, nil
}

// checkLimits refuses a Document beyond the limits above, naming the
// record and field, before anything is resolved or written.
func (d *Document) checkLimits() error {
	tooLarge := func(rec recordName, field, format string, args ...any) error {
		return &DocumentError{Record: rec.String(), Field: field, Err: fmt.Errorf("%w: "+format, append([]any{ErrTooLarge}, args...)...)}
	}
	long := func(rec recordName, field, s string, limit int) error {
		if len(s) > limit {
			return tooLarge(rec, field, "%s, the limit is %s", FormatBytes(int64(len(s))), FormatBytes(int64(limit)))
		}
		return nil
	}
	if len(d.Lanes) > MaxDocumentLanes {
		return tooLarge(recordName{}, "lanes", "%d lanes, the limit is %d", len(d.Lanes), MaxDocumentLanes)
	}
	if len(d.Events) > MaxDocumentEvents {
		return tooLarge(recordName{}, "events", "%d events, the limit is %d", len(d.Events), MaxDocumentEvents)
	}
	if len(d.Periods) > MaxDocumentPeriods {
		return tooLarge(recordName{}, "periods", "%d periods, the limit is %d", len(d.Periods), MaxDocumentPeriods)
	}
	for i, p := range d.Periods {
		if err := long(record("periods", i, p.Key), "title", p.Title, MaxTitleBytes); err != nil {
			return err
		}
	}
	if err := long(recordName{}, "title", d.Title, MaxTitleBytes); err != nil {
		return err
	}
	for i, l := range d.Lanes {
		if err := long(record("lanes", i, l.Key), "name", l.Name, MaxTitleBytes); err != nil {
			return err
		}
	}
	for i, a := range d.Actors {
		if err := long(record("actors", i, a.Key), "name", a.Name, MaxTitleBytes); err != nil {
			return err
		}
	}
	for i, s := range d.Sources {
		if err := long(record("sources", i, s.Key), "title", s.Title, MaxTitleBytes); err != nil {
			return err
		}
	}
	for i, q := range d.Quotes {
		if err := long(record("quotes", i, q.Key), "text", q.Text, MaxQuoteBytes); err != nil {
			return err
		}
	}
	for i, e := range d.Events {
		rec := record("events", i, e.Key)
		if err := long(rec, "title", e.Title, MaxTitleBytes); err != nil {
			return err
		}
		lists := []struct {
			field string
			n     int
		}{{"tags", len(e.Tags)}, {"actors", len(e.Actors)}, {"quotes", len(e.Quotes)}, {"sources", len(e.Sources)}}
		for _, l := range lists {
			if l.n > MaxTagsPerEvent {
				return tooLarge(rec, l.field, "%d listed, the limit is %d", l.n, MaxTagsPerEvent)
			}
		}
	}
	return nil
}

// countsWithin refuses a document of events, lanes and periods beyond the
// limits above, in the words every open uses.
func countsWithin(events, lanes, periods int64) error {
	if events > MaxDocumentEvents {
		return fmt.Errorf("%w: %d events, and Quoteline opens documents of up to %d", ErrTooLarge, events, MaxDocumentEvents)
	}
	if lanes > MaxDocumentLanes {
		return fmt.Errorf("%w: %d lanes, and Quoteline opens documents of up to %d", ErrTooLarge, lanes, MaxDocumentLanes)
	}
	if periods > MaxDocumentPeriods {
		return fmt.Errorf("%w: %d periods, and Quoteline opens documents of up to %d", ErrTooLarge, periods, MaxDocumentPeriods)
	}
	return nil
}

// rowQuerier is what withinLimits reads through: a database or a
// transaction.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// withinLimits refuses the document q reads, as it stands in q's
// transaction if it is one, if it holds more than Open accepts: events,
// lanes, periods, or bytes. Every write checks it before it commits, so that no
// write leaves a document that opening would refuse. The counts are taken
// from the ids' range, a few index lookups, unless that range is beyond a
// limit: then the rows are counted.
func withinLimits(ctx context.Context, q rowQuerier) error {
	var eventSpan, laneSpan, periodSpan float64
	var pages, pageSize int64
	// Each min() and max() alone in its query, so that SQLite reads it from
	// the end of the table rather than scanning it.
	err := q.QueryRowContext(ctx, `SELECT
		coalesce(CAST((SELECT max(id) FROM event) AS REAL) - (SELECT min(id) FROM event) + 1, 0),
		coalesce(CAST((SELECT max(id) FROM lane) AS REAL) - (SELECT min(id) FROM lane) + 1, 0),
		coalesce(CAST((SELECT max(id) FROM period) AS REAL) - (SELECT min(id) FROM period) + 1, 0),
		(SELECT page_count FROM pragma_page_count), (SELECT page_size FROM pragma_page_size)`).Scan(&eventSpan, &laneSpan, &periodSpan, &pages, &pageSize)
	if err != nil {
		return fmt.Errorf("count the document's records: %w", err)
	}
	if size := pages * pageSize; size > MaxDocumentBytes {
		return fmt.Errorf("%w: the file would be %s, and Quoteline opens documents of up to %s", ErrTooLarge, FormatBytes(size), FormatBytes(MaxDocumentBytes))
	}
	if eventSpan <= MaxDocumentEvents && laneSpan <= MaxDocumentLanes && periodSpan <= MaxDocumentPeriods {
		return nil
	}
	var events, lanes, periods int64
	if err := q.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM event), (SELECT count(*) FROM lane), (SELECT count(*) FROM period)`).Scan(&events, &lanes, &periods); err != nil {
		return fmt.Errorf("count the document's records: %w", err)
	}
	return countsWithin(events, lanes, periods)
}

// sqliteTooBig is SQLite's result code for a text or blob beyond
// SQLITE_LIMIT_LENGTH.
const sqliteTooBig = 18

// tooBig marks SQLite's "string or blob too big", from database/sql or
// from a connection of cConn's, as ErrTooLarge and says what the limit is;
// it returns other errors as they are.
func tooBig(err error) error {
	var se sqlite3.Error
	var ce *cError
	if (errors.As(err, &se) && se.Code == sqlite3.ErrTooBig) || (errors.As(err, &ce) && ce.code == sqliteTooBig) {
		return fmt.Errorf("%w (%w: Quoteline keeps texts of up to %s)", err, ErrTooLarge, FormatBytes(MaxValueBytes))
	}
	return err
}

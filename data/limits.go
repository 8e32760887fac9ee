package data

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
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
	// MaxDocumentPeriods is the most periods a JSON document may hold:
	// every one is drawn behind the lanes it spans.
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

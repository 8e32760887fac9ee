package data

import "errors"

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
	// MaxValueBytes is the longest single text SQLite will read or write:
	// a source's full text, a quote or a title. Longer values are refused
	// by SQLite with "string or blob too big".
	MaxValueBytes = 64 << 20
	// MaxJSONBytes is the largest JSON interchange file ReadDocument reads,
	// and the largest text_file it reads for one source.
	MaxJSONBytes = 256 << 20
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

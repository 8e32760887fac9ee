package data

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
)

// Errors returned, wrapped, by this package. Test for them with errors.Is.
var (
	// ErrNotFound means a file or a record does not exist.
	ErrNotFound = errors.New("not found")
	// ErrExists means Create was asked to overwrite an existing file.
	ErrExists = errors.New("file already exists")
	// ErrNotQuoteline means a file is not a Quoteline document.
	ErrNotQuoteline = errors.New("not a Quoteline document")
	// ErrTooNew means a document was written by a newer Quoteline.
	ErrTooNew = errors.New("document is from a newer version of Quoteline")
	// ErrCorrupt means a document failed SQLite's integrity check.
	ErrCorrupt = errors.New("document is damaged")
	// ErrReadOnly means a write was attempted on a store opened read-only.
	ErrReadOnly = errors.New("document is open read-only")
	// ErrInvalidDocument means an interchange Document failed validation.
	ErrInvalidDocument = errors.New("invalid document")
)

// ClaimStatus says how far an event is established.
type ClaimStatus string

// The claim statuses an event can have.
const (
	StatusReported  ClaimStatus = "reported"  // reported by a source
	StatusConfirmed ClaimStatus = "confirmed" // reported by independent sources
	StatusDisputed  ClaimStatus = "disputed"  // contradicted by a source
	StatusExpected  ClaimStatus = "expected"  // announced or forecast, not yet a fact
)

// Valid reports whether s is one of the defined statuses.
func (s ClaimStatus) Valid() bool {
	switch s {
	case StatusReported, StatusConfirmed, StatusDisputed, StatusExpected:
		return true
	}
	return false
}

// Stance says whether a quote or source supports or disputes an event.
type Stance string

// The stances of a link between an event and a quote or source.
const (
	StanceSupports Stance = "supports"
	StanceDisputes Stance = "disputes"
)

// Valid reports whether s is one of the defined stances.
func (s Stance) Valid() bool { return s == StanceSupports || s == StanceDisputes }

// The kinds of actor (Actor.Kind).
const (
	KindPerson       = "person"
	KindOrganisation = "organisation"
	KindState        = "state"
	// KindUnnamed is a person or group a source describes without naming
	// ("a Google spokesman", "U.S. officials"); the actor's name is the
	// description.
	KindUnnamed = "unnamed"
)

// validKind reports whether k is one of the defined actor kinds.
func validKind(k string) bool {
	return k == KindPerson || k == KindOrganisation || k == KindState || k == KindUnnamed
}

// Confidence says how sure the article import was of a quote's speaker.
type Confidence string

// The confidences of a quote's speaker. A quote entered or edited by hand
// has none ("").
const (
	ConfidenceHigh  Confidence = "high"  // named beside the quote, or otherwise unambiguous
	ConfidenceCheck Confidence = "check" // worked out from context: to be checked
)

// Valid reports whether c is one of the defined confidences or "".
func (c Confidence) Valid() bool { return c == "" || c == ConfidenceHigh || c == ConfidenceCheck }

// Lane is a horizontal band of the timeline.
type Lane struct {
	ID        int64
	Name      string
	Position  int64  // lanes are drawn in increasing Position
	Color     string // "#RRGGBB"
	Collapsed bool
}

// Actor is a person, organisation or state that events and quotes refer to.
type Actor struct {
	ID          int64
	Name        string
	Kind        string // KindPerson, KindOrganisation, KindState or KindUnnamed
	Description string
}

// Source is a publication that quotes come from or events cite.
type Source struct {
	ID        int64
	Title     string
	Outlet    string
	URL       string
	Published Time
	DateNote  string // how the publication date is known
	Summary   string // our own one-line summary
	// Text is the full text, if stored and loaded; HasText reports
	// whether the document stores a text for the source.
	Text       string
	HasText    bool
	TextSHA256 string // hex SHA-256 of Text as it was when added
}

// TextMatches reports whether the SHA-256 of s.Text equals s.TextSHA256,
// that is, whether the stored text is the text that was added.
func (s Source) TextMatches() bool {
	if !s.HasText || s.TextSHA256 == "" {
		return false
	}
	return textSHA256(s.Text) == s.TextSHA256
}

// textSHA256 returns the lower-case hex SHA-256 of text.
func textSHA256(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Quote is an exact quotation from a source.
type Quote struct {
	ID        int64
	Text      string
	SpeakerID int64 // 0 if the speaker is unknown
	SaidAt    Time
	SourceID  int64
	// StartByte and EndByte are the half-open byte range [StartByte,
	// EndByte) of Text within the source's text; they are meaningful only
	// when HasOffsets is true.
	StartByte, EndByte int64
	HasOffsets         bool
	// SpeakerNote says how the speaker was found, as the article import
	// explained it ("after the quote: “…,” Pence said"); "" for a speaker
	// given by hand. SpeakerConfidence is how sure the import was.
	SpeakerNote       string
	SpeakerConfidence Confidence
}

// Derivation records how an event's date was worked out from a relative
// expression in a quote, such as "since August" said on 15 May 2023.
type Derivation struct {
	Expression string
	QuoteID    int64 // 0 if no quote is recorded
	SaidAt     Time
}

// Event is something that happened (or is expected to), on one lane.
type Event struct {
	ID      int64
	LaneID  int64
	Title   string
	Summary string
	Start   Time
	End     Time // Precision 0 means a point event
	// EarliestStart and LatestEnd optionally widen the event's extent when
	// its dates are uncertain.
	EarliestStart  *int64
	LatestEnd      *int64
	StartUncertain bool
	EndUncertain   bool
	Status         ClaimStatus
	DateNote       string
	Derivation     *Derivation
	Actors         []int64 // actor ids, ascending
	Tags           []string
}

// HasEnd reports whether e is a range rather than a point event.
func (e Event) HasEnd() bool { return !e.End.IsZero() }

// Extent returns the first and last second the event may cover: from the
// earlier of its start and earliest start to the later of the last second
// of its end (or of its start, for a point event) and its latest end.
func (e Event) Extent() (start, end int64) {
	start = e.Start.Unix
	if e.EarliestStart != nil && *e.EarliestStart < start {
		start = *e.EarliestStart
	}
	if e.HasEnd() {
		end = e.End.End()
	} else {
		end = e.Start.End()
	}
	if e.LatestEnd != nil && *e.LatestEnd > end {
		end = *e.LatestEnd
	}
	return start, end
}

// Period is a named stretch of time, drawn as a shaded band behind the
// lanes and named along the axis: a TimelineJS era or a vis background
// item.
type Period struct {
	ID      int64
	Title   string
	Summary string
	// LaneID is the lane the period is drawn behind; 0 draws it behind
	// every lane.
	LaneID int64
	// Start and End are the first and the last period of time it covers,
	// at their precisions, as an event's.
	Start, End Time
}

// QuoteRef is a quote linked to an event, with its speaker's name and its
// source (without text).
type QuoteRef struct {
	Quote
	Speaker string
	Source  Source
	Stance  Stance
}

// EventRef is an event linked to a quote.
type EventRef struct {
	Event
	Stance Stance
}

// SourceRef is a source cited directly by an event (without text).
type SourceRef struct {
	Source
	Stance Stance
}

// Counts holds the number of records of each kind in a document.
type Counts struct {
	Lanes, Events, Quotes, Sources, Actors int
}

// SearchHit is one result of Store.Search.
type SearchHit struct {
	Kind  string // "event", "quote" or "source"
	ID    int64
	Title string // the event or source title, or the quote text
	Time  Time   // the event start, the quote's said-at or the source's publication date
}

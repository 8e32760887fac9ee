package session

import (
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// An Event tells a session's watchers what has happened. They get it on the
// owner's goroutine, in the order things happened, and read what changed
// from the session.
type Event interface{ isEvent() }

// Work is what the status line shows besides its text.
type Work int

// The kinds of work the status line shows.
const (
	WorkNone     Work = iota // nothing under way
	WorkBusy                 // work of unknown length: a bar that moves
	WorkProgress             // a task: a progress bar (see Progress) and Cancel
)

// Status says what the session is doing, for the status line.
type Status struct {
	Text string
	Work Work
}

// Progress says how far the task under way has got, from 0 to 1.
type Progress struct{ Done float64 }

// Problem is an error to show the user.
type Problem struct{ Err error }

// Opened says a document asked for is shown, or why it is not: Err is
// context.Canceled when the user cancelled it. Every pane starts again from
// the document (Session.Doc).
type Opened struct {
	Path string
	Err  error
}

// Closed says the document was closed: by the user (Why empty), or because
// of its integrity check: Why is "failed its integrity check" or "could not
// be checked". No document is open.
type Closed struct {
	Name string // the file's name
	Why  string
}

// EventsRead says the events of a document shown from its summary have
// been read (Err nil) and are about to be shown, or could not be (the
// document is then Closed; Err wraps context.Canceled if that was asked).
type EventsRead struct{ Err error }

// Checked says the open document's integrity check has ended: it passed
// (Err nil), or it was cancelled. A document that fails it is Closed.
type Checked struct{ Err error }

// Shown says what the timeline shows has changed: another filter, or the
// document's events (see Session.Shown).
type Shown struct {
	// Fit is set when none of what is shown is in the view any more: the
	// view should show it all.
	Fit bool
}

// Framed asks the owner to show the timeline's window: all of it (All), or
// Viewport (the window kept from before the document was read again, or
// one that shows a period gone to).
type Framed struct {
	All      bool
	Viewport timeline.Viewport
}

// FilterChanged says the filter was set; what it shows follows (Shown).
type FilterChanged struct{}

// LinksRead says the document's quotes, actors and sources (Session.Links)
// were read again, or why they could not be.
type LinksRead struct{ Err error }

// Statements says which quotes the statements row shows has changed
// (Session.Statements).
type Statements struct{}

// TitlesRead says titles of a large document's events were read (the
// timeline can draw their labels), or why they could not be.
type TitlesRead struct{ Err error }

// Redraw says what the timeline draws changed in place: titles, search
// matches, collapsed lanes.
type Redraw struct{}

// Selected says the selection changed: ID is the event selected, or 0.
type Selected struct{ ID int64 }

// PeriodSelected says which period is selected (ID, 0 for none), or that
// the one selected changed: Period is it as stored, drawn behind Lane if
// OnLane, else behind every lane.
type PeriodSelected struct {
	ID     int64
	Period data.Period
	Lane   data.Lane
	OnLane bool
}

// Revealed asks the owner to bring events into view on the timeline: IDs,
// which cover the times From to To (From > To if none is in the document).
type Revealed struct {
	IDs      []int64
	From, To float64
}

// DetailsRead holds the selected event's details, read in one transaction.
type DetailsRead struct {
	Details data.EventDetails
	Lane    data.Lane
}

// SourceShown says which source the viewer shows (Session.Source): a new
// one, or the same again with a quote to scroll to (Focus, 0 for none). A
// nil source empties it. Reveal asks for the viewer to be brought forward.
type SourceShown struct {
	Source *SourceView
	Focus  int64
	Reveal bool
}

// QuoteChosen says a quote was chosen: it is highlighted in its source, and
// the events it speaks about are marked.
type QuoteChosen struct {
	Quote  data.QuoteRef
	Events []data.EventRef
}

// QuoteAdded says a quote made from words of a source was stored (ID), or
// why it was not.
type QuoteAdded struct {
	ID  int64
	Err error
}

// Edited says an edit, an undo or a redo has been written and shown (Err
// nil) or has failed. The names of the next undo and redo may have changed.
type Edited struct {
	Name string
	Err  error
}

// StopsRead holds the stops of the open document, with the one to select
// (Keep, 0 for none).
type StopsRead struct {
	Stops []data.Stop
	Keep  int64
}

// DatesChanged says dates are to be written in another style (Session.Dates).
type DatesChanged struct{}

// RowsSorted says the event list's rows are in a new order (Session.Rows).
type RowsSorted struct{}

func (Status) isEvent()         {}
func (Progress) isEvent()       {}
func (Problem) isEvent()        {}
func (Opened) isEvent()         {}
func (Closed) isEvent()         {}
func (Checked) isEvent()        {}
func (EventsRead) isEvent()     {}
func (Shown) isEvent()          {}
func (Framed) isEvent()         {}
func (FilterChanged) isEvent()  {}
func (LinksRead) isEvent()      {}
func (Statements) isEvent()     {}
func (TitlesRead) isEvent()     {}
func (Redraw) isEvent()         {}
func (Selected) isEvent()       {}
func (PeriodSelected) isEvent() {}
func (Revealed) isEvent()       {}
func (DetailsRead) isEvent()    {}
func (SourceShown) isEvent()    {}
func (QuoteChosen) isEvent()    {}
func (QuoteAdded) isEvent()     {}
func (Edited) isEvent()         {}
func (StopsRead) isEvent()      {}
func (DatesChanged) isEvent()   {}
func (RowsSorted) isEvent()     {}

package session

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/quoteline/quoteline/data"
)

// ReadStops reads the open document's stops in the background, then tells
// the watchers (StopsRead), with keep the stop to select.
func (s *Session) ReadStops(keep int64) {
	doc := s.doc
	if doc == nil {
		return
	}
	var stops []data.Stop
	s.read(func(ctx context.Context) error {
		var err error
		stops, err = doc.st().Stops(ctx)
		return err
	}, func(err error) {
		if doc != s.doc {
			return
		}
		if err != nil {
			s.problem(fmt.Errorf("read the stops: %w", err))
			return
		}
		s.emit(StopsRead{Stops: stops, Keep: keep})
	})
}

// WriteStops runs fn, a change to the stops, off the owner's goroutine once
// the document has passed its check, then reads the stops again, keeping
// the one whose id fn returns. what names the change in an error.
func (s *Session) WriteStops(what string, fn func(ctx context.Context, st *data.Store) (int64, error)) {
	doc := s.doc
	if doc == nil {
		return
	}
	var keep int64
	s.read(func(ctx context.Context) error {
		return s.write(ctx, doc, func(st *data.Store) error {
			var err error
			keep, err = fn(ctx, st)
			return err
		})
	}, func(err error) {
		if doc != s.doc {
			return
		}
		if err != nil {
			s.problem(fmt.Errorf("%s: %w", what, err))
		}
		s.ReadStops(keep)
	})
}

// DeleteStop deletes stop st, then passes it as it was to done (to offer
// its undo), and reads the stops again.
func (s *Session) DeleteStop(st data.Stop, done func(old data.Stop)) {
	doc := s.doc
	if doc == nil {
		return
	}
	var old data.Stop
	s.read(func(ctx context.Context) error {
		return s.write(ctx, doc, func(w *data.Store) error {
			var err error
			old, err = w.DeleteStop(ctx, st.ID)
			return err
		})
	}, func(err error) {
		if doc != s.doc {
			return
		}
		if err != nil {
			s.problem(fmt.Errorf("delete the stop: %w", err))
		} else {
			done(old)
		}
		s.ReadStops(0)
	})
}

// CurrentStop returns a stop showing the timeline as it is now: its window,
// the selected event and the collapsed lanes.
func (s *Session) CurrentStop() data.Stop {
	vp := s.look.view
	st := data.Stop{ViewStart: int64(math.Floor(vp.Start())), ViewEnd: int64(math.Ceil(vp.End())), EventID: s.look.selected}
	if st.ViewEnd <= st.ViewStart {
		st.ViewEnd = st.ViewStart + 1
	}
	if s.doc != nil {
		for i, l := range s.doc.tlLanes {
			if l.Collapsed {
				st.HiddenLanes = append(st.HiddenLanes, s.doc.lanes[i].ID)
			}
		}
	}
	return st
}

// HideLanesOf collapses the lanes stop st hides and opens the others.
func (s *Session) HideLanesOf(st data.Stop) {
	if s.doc == nil {
		return
	}
	hidden := make([]bool, len(s.doc.tlLanes))
	for k, l := range s.doc.lanes {
		hidden[k] = slices.Contains(st.HiddenLanes, l.ID)
	}
	s.SetCollapsed(hidden)
}

// Collapsed returns which of the open document's lanes are collapsed.
func (s *Session) Collapsed() []bool {
	if s.doc == nil {
		return nil
	}
	out := make([]bool, len(s.doc.tlLanes))
	for i, l := range s.doc.tlLanes {
		out[i] = l.Collapsed
	}
	return out
}

// SetCollapsed collapses the lanes marked in collapsed and opens the
// others, for this session only (Redraw).
func (s *Session) SetCollapsed(collapsed []bool) {
	if s.doc == nil {
		return
	}
	changed := false
	for i := range s.doc.tlLanes {
		c := i < len(collapsed) && collapsed[i]
		if s.doc.tlLanes[i].Collapsed != c {
			s.doc.tlLanes[i].Collapsed = c
			changed = true
		}
	}
	if changed {
		s.emit(Redraw{})
	}
}

// StopView is a stop with what its card shows, read before presenting.
type StopView struct {
	Stop    data.Stop
	Event   *data.Event    // nil if none
	Quote   *data.QuoteRef // nil if none
	Sources []string       // short references of the event's sources, when there is no quote
}

// ReadStopViews reads the open document's stops with what their cards show,
// saying so in the status line, then passes them to done.
func (s *Session) ReadStopViews(done func(views []StopView)) {
	doc, dates := s.doc, s.look.dates
	if doc == nil {
		return
	}
	var views []StopView
	s.startBusy("Preparing the presentation…", func(j *job) error {
		var err error
		views, err = readStopViews(j.ctx, doc.st(), dates)
		return err
	}, func(j *job, err error) {
		s.idle("")
		if doc != s.doc {
			return
		}
		if err != nil {
			s.problem(fmt.Errorf("read the stops: %w", err))
			return
		}
		done(views)
	})
}

// readStopViews reads the stops of a document with their events, quotes and
// sources. It touches SQLite: not on the owner's goroutine.
func readStopViews(ctx context.Context, s *data.Store, ds data.DateStyle) ([]StopView, error) {
	stops, err := s.Stops(ctx)
	if err != nil {
		return nil, err
	}
	views := make([]StopView, len(stops))
	for i, st := range stops {
		v := &views[i]
		v.Stop = st
		if st.EventID != 0 {
			ev, err := s.Event(ctx, st.EventID)
			if err != nil && !errors.Is(err, data.ErrNotFound) {
				return nil, fmt.Errorf("stop %d: %w", i+1, err)
			}
			if err == nil {
				v.Event = &ev
			}
		}
		if st.QuoteID != 0 {
			q, err := quoteRef(ctx, s, st.QuoteID)
			if err != nil {
				return nil, fmt.Errorf("stop %d: %w", i+1, err)
			}
			v.Quote = q
			continue
		}
		if v.Event != nil {
			refs, err := s.SourcesOfEvent(ctx, st.EventID)
			if err != nil {
				return nil, fmt.Errorf("stop %d: %w", i+1, err)
			}
			for _, r := range refs {
				v.Sources = append(v.Sources, ShortReference(ds, &r.Source))
			}
			quotes, err := s.QuotesOfEvent(ctx, st.EventID)
			if err != nil {
				return nil, fmt.Errorf("stop %d: %w", i+1, err)
			}
			for _, q := range quotes {
				if ref := ShortReference(ds, &q.Source); !slices.Contains(v.Sources, ref) {
					v.Sources = append(v.Sources, ref)
				}
			}
		}
	}
	return views, nil
}

// quoteRef reads quote id with its speaker's name and its source.
func quoteRef(ctx context.Context, s *data.Store, id int64) (*data.QuoteRef, error) {
	q, err := s.Quote(ctx, id)
	if err != nil {
		return nil, err
	}
	ref := &data.QuoteRef{Quote: q}
	if ref.Source, err = s.Source(ctx, q.SourceID); err != nil {
		return nil, err
	}
	ref.Source.Text = "" // the card needs the metadata only
	if q.SpeakerID != 0 {
		actors, err := s.Actors(ctx)
		if err != nil {
			return nil, err
		}
		for _, a := range actors {
			if a.ID == q.SpeakerID {
				ref.Speaker = a.Name
			}
		}
	}
	return ref, nil
}

// CardMaxRunes is the most of a quote a stop's card shows; a longer one is
// shortened.
const CardMaxRunes = 400

// Card is the text of a stop's quote card and of its source line.
type Card struct {
	Words, Attribution, About string // empty without a quote
	Reference                 string // "Source: …" or "Sources: …"; empty if none is known
}

// CardOf is what present mode and handouts show for the stop v.
func CardOf(v *StopView, st data.DateStyle) Card {
	var c Card
	if q := v.Quote; q != nil {
		c.Words = "“" + Shorten(q.Text, CardMaxRunes) + "”"
		speaker := q.Speaker
		if speaker == "" {
			speaker = "Unknown speaker"
		}
		c.Attribution = "— " + speaker + ", " + st.Format(q.SaidAt)
		if v.Event != nil {
			c.About = "About: " + v.Event.Title
		}
		c.Reference = "Source: " + ShortReference(st, &q.Source)
		return c
	}
	if len(v.Sources) > 0 {
		c.Reference = "Sources: " + strings.Join(v.Sources, "; ")
	}
	return c
}

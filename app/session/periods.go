package session

import (
	"context"
	"slices"
	"strings"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// Periods returns the document's periods (eras, backgrounds), by start.
func (d *Document) Periods() []data.Period { return d.periodRecords }

// Period returns the period with id, and the lane it is drawn behind (ok
// false for every lane).
func (d *Document) Period(id int64) (p data.Period, lane data.Lane, laneOK, ok bool) {
	k := slices.IndexFunc(d.periodRecords, func(p data.Period) bool { return p.ID == id })
	if id == 0 || k < 0 {
		return data.Period{}, data.Lane{}, false, false
	}
	p = d.periodRecords[k]
	if i, found := d.LaneIndex(p.LaneID); found && p.LaneID != 0 {
		return p, d.lanes[i], true, true
	}
	return p, data.Lane{}, false, true
}

// setPeriods replaces the document's periods with periods, as stored.
func (d *Document) setPeriods(periods []data.Period) {
	d.periodRecords = periods
	d.periods = drawnPeriods(periods, d.lanes)
}

// SelectedPeriod returns the selected period's id, or 0.
func (s *Session) SelectedPeriod() int64 { return s.look.period }

// SelectPeriod makes period id the selection (0 for none): an event
// selected is no longer (Selected), and the period is told (PeriodSelected).
func (s *Session) SelectPeriod(id int64) {
	if s.doc == nil {
		id = 0
	} else if _, _, _, ok := s.doc.Period(id); !ok {
		id = 0
	}
	s.look.period = id
	if id != 0 && s.look.selected != 0 {
		s.look.selected = 0
		s.emit(Selected{ID: 0})
	}
	s.emitPeriod()
}

// emitPeriod tells the watchers of the selected period as it is now.
func (s *Session) emitPeriod() {
	e := PeriodSelected{ID: s.look.period}
	if s.doc != nil && e.ID != 0 {
		e.Period, e.Lane, e.OnLane, _ = s.doc.Period(e.ID)
	}
	s.emit(e)
}

// GoToPeriod selects period id and brings it into view, whole if it fits.
func (s *Session) GoToPeriod(id int64) {
	s.SelectPeriod(id)
	if s.look.period == 0 {
		return
	}
	p, _, _, _ := s.doc.Period(id)
	start, end := p.Start.Seconds(), p.End.EndSeconds()
	vp := s.look.view
	if vp.Start() <= start && vp.End() >= end {
		return
	}
	vp.Fit(start, end, timeline.FitMargin)
	s.emit(Framed{Viewport: vp})
}

// PeriodTooltip returns what the timeline says of period id when the
// pointer rests on its name: its name, and its dates and lanes.
func (s *Session) PeriodTooltip(id int64) (title, detail string) {
	if s.doc == nil {
		return "", ""
	}
	p, lane, onLane, ok := s.doc.Period(id)
	if !ok {
		return "", ""
	}
	return p.Title, "Period · " + PeriodDates(s.look.dates, &p) + " · " + PeriodLanes(lane, onLane)
}

// PeriodDates writes the stretch of time a period covers: "1914 – 1918",
// "Aug 2022" for one that covers a single month.
func PeriodDates(st data.DateStyle, p *data.Period) string {
	if p.End == p.Start {
		return st.Format(p.Start)
	}
	return st.Format(p.Start) + " – " + st.Format(p.End)
}

// PeriodLanes says which lanes a period is drawn behind.
func PeriodLanes(lane data.Lane, onLane bool) string {
	if !onLane {
		return "behind every lane"
	}
	return "behind the lane " + lane.Name
}

// SavePeriod writes p (a new period when p.ID is 0) as an edit that can be
// undone, and selects it once it is shown.
func (s *Session) SavePeriod(p data.Period) {
	var id int64
	s.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
		var ed *data.Edit
		var err error
		id, ed, err = st.SavePeriod(ctx, p)
		return ed, err
	}, func(*data.Edit) { s.GoToPeriod(id) })
}

// DeletePeriod deletes period id as an edit that can be undone.
func (s *Session) DeletePeriod(id int64) {
	s.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
		return st.DeletePeriod(ctx, id)
	}, nil)
}

// periodHits returns the periods whose name or summary holds every word of
// text, for a search: periods are few, and not in the full-text index.
func periodHits(periods []data.Period, text string) []data.SearchHit {
	words := strings.Fields(strings.ToLower(text))
	if len(words) == 0 {
		return nil
	}
	var hits []data.SearchHit
	for _, p := range periods {
		in := strings.ToLower(p.Title + " " + p.Summary)
		if !slices.ContainsFunc(words, func(w string) bool { return !strings.Contains(in, w) }) {
			hits = append(hits, data.SearchHit{Kind: "period", ID: p.ID, Title: p.Title, Time: p.Start})
		}
	}
	return hits
}

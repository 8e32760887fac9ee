package session_test

import (
	"context"
	"testing"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data"
)

// shownPeriods returns the titles of the periods the timeline draws.
func shownPeriods(s *session.Session) []string {
	var out []string
	for _, p := range s.Showing().Events.Periods {
		out = append(out, p.Title)
	}
	return out
}

// periodSelected returns the selected period as the session tells it.
func periodSelected(s *session.Session) session.PeriodSelected {
	e := session.PeriodSelected{ID: s.SelectedPeriod()}
	e.Period, e.Lane, e.OnLane, _ = s.Doc().Period(e.ID)
	return e
}

// TestSession_PeriodsAreAddedSelectedFoundAndUndone adds a period behind
// one lane: it is drawn, selected and found by a search; it is edited to
// stand behind every lane, then the edits are undone and redone, and
// deleting its lane takes it with it until that is undone.
func TestSession_PeriodsAreAddedSelectedFoundAndUndone(t *testing.T) {
	o, _ := sessiontest.OpenExample(t)
	s := o.S
	lanes := s.Doc().Lanes()
	in, err := data.ParseDateInput("2022-09/2022-12")
	if err != nil {
		t.Fatal(err)
	}
	s.SavePeriod(data.Period{Title: "Autumn offensive", Summary: "Strikes on the power grid", LaneID: lanes[0].ID, Start: in.Start, End: in.Through()})
	if e := o.Edited(); e.Name != "Add period" {
		t.Errorf("edit named %q", e.Name)
	}
	sel := periodSelected(s)
	if sel.ID == 0 || sel.Period.Title != "Autumn offensive" || !sel.OnLane || sel.Lane.ID != lanes[0].ID {
		t.Fatalf("the new period selected as %+v", sel)
	}
	if s.SelectedPeriod() != sel.ID || s.Selected() != 0 {
		t.Errorf("selection: period %d, event %d; want the period alone", s.SelectedPeriod(), s.Selected())
	}
	if got := shownPeriods(s); len(got) != 1 || got[0] != "Autumn offensive" {
		t.Errorf("periods drawn %q", got)
	}
	if p := s.Showing().Events.Periods[0]; p.ID != sel.ID || p.Lane != 0 {
		t.Errorf("drawn as %+v, want id %d behind lane 0", p, sel.ID)
	}
	title, detail := s.PeriodTooltip(sel.ID)
	if title != "Autumn offensive" || detail != "Period · Sep 2022 – Dec 2022 · behind the lane "+lanes[0].Name {
		t.Errorf("tooltip %q, %q", title, detail)
	}

	// Selecting an event takes the selection from the period.
	s.Select(sessiontest.EventByTitle(t, s, ""))
	if p := sessiontest.Next[session.PeriodSelected](o); p.ID != 0 || s.SelectedPeriod() != 0 {
		t.Errorf("after an event was selected the period selection is %d", p.ID)
	}

	// Found by a word of its summary, and gone to.
	var found session.Found
	s.Search("power grid", func(f session.Found, err error) {
		if err != nil {
			t.Error(err)
		}
		found = f
	})
	o.Until("the search", func() bool { return found.Hits != nil })
	if h := found.Hits[0]; h.Kind != "period" || h.ID != sel.ID || h.Title != "Autumn offensive" {
		t.Errorf("first hit %+v, want the period", h)
	}
	s.GoToPeriod(sel.ID)
	if sessiontest.Next[session.PeriodSelected](o).ID != sel.ID {
		t.Error("going to the period did not select it")
	}

	// Edited to stand behind every lane, then undone.
	p := sel.Period
	p.LaneID = 0
	s.SavePeriod(p)
	if e := o.Edited(); e.Name != "Edit period" {
		t.Errorf("edit named %q", e.Name)
	}
	if got := periodSelected(s); got.OnLane || got.Period.LaneID != 0 {
		t.Errorf("after the edit: %+v", got)
	}
	if d := s.Showing().Events.Periods; len(d) != 1 || d[0].Lane != -1 {
		t.Errorf("drawn as %+v after the edit, want behind every lane", d)
	}
	s.Undo()
	o.Edited()
	if got := periodSelected(s); !got.OnLane || got.Lane.ID != lanes[0].ID {
		t.Errorf("after undo: %+v, want it behind its lane again", got)
	}
	s.Undo()
	o.Edited()
	if got := shownPeriods(s); len(got) != 0 || len(s.Doc().Periods()) != 0 || s.SelectedPeriod() != 0 {
		t.Errorf("after undoing the addition: drawn %q, selected %d", got, s.SelectedPeriod())
	}
	s.Redo()
	o.Edited()
	if got := shownPeriods(s); len(got) != 1 {
		t.Errorf("after redo: drawn %q", got)
	}

	// A period on a lane of its own goes when the lane is deleted, and
	// comes back when that is undone.
	var laneID int64
	s.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
		id, ed, err := st.SaveLane(ctx, data.Lane{Name: "Background", Color: "#888888"})
		laneID = id
		return ed, err
	}, nil)
	o.Edited()
	s.SavePeriod(data.Period{Title: "Talks", LaneID: laneID, Start: in.Start, End: in.Start})
	o.Edited()
	if got := shownPeriods(s); len(got) != 2 {
		t.Fatalf("drawn %q, want two periods", got)
	}
	s.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) { return st.DeleteLane(ctx, laneID) }, nil)
	o.Edited()
	if got := shownPeriods(s); len(got) != 1 || len(s.Doc().Periods()) != 1 || s.SelectedPeriod() != 0 {
		t.Errorf("after its lane was deleted: drawn %q, selected %d", got, s.SelectedPeriod())
	}
	s.Undo()
	o.Edited()
	if got := shownPeriods(s); len(got) != 2 {
		t.Errorf("after undoing the lane's deletion: drawn %q", got)
	}

	id := s.Doc().Periods()[0].ID
	s.DeletePeriod(id)
	if e := o.Edited(); e.Name != "Delete period" {
		t.Errorf("edit named %q", e.Name)
	}
	if len(s.Doc().Periods()) != 1 {
		t.Error("the deleted period is still held")
	}
}

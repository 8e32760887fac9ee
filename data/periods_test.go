package data

import (
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// periodsJSON holds deep-time, millisecond and period records.
const periodsJSON = `{
 "format": "quoteline", "version": 1, "title": "Deep and fine",
 "lanes": [{"key": "a", "name": "Alpha", "color": "#112233"}, {"key": "b", "name": "Beta", "color": "#445566"}],
 "actors": [], "sources": [], "quotes": [],
 "events": [
  {"key": "bang", "lane": "a", "title": "Big Bang", "start": "-13799999999", "status": "reported"},
  {"key": "earth", "lane": "a", "title": "Earth", "start": "-4599999999", "end": "-4499999999", "status": "reported"},
  {"key": "run1", "lane": "b", "title": "Split 1", "start": "2024-07-01T10:00:00.200Z", "status": "reported"},
  {"key": "run2", "lane": "b", "title": "Split 2", "start": "2024-07-01T10:00:00.400Z",
   "end": "2024-07-01T10:00:00.599Z", "status": "reported"},
  {"key": "far", "lane": "b", "title": "Far", "start": "+100000", "status": "expected"}
 ],
 "periods": [
  {"key": "p1", "title": "Paleozoic", "summary": "Era", "start": "-538799999", "end": "-251901999"},
  {"key": "p2", "title": "Race", "lane": "b", "start": "2024-07-01T10:00:00.000Z", "end": "2024-07-01T10:00:00.999Z"}
 ]
}`

func TestStore_PeriodsMillisecondsAndDeepTime(t *testing.T) {
	ctx := context.Background()
	doc, err := readTestDoc(t, periodsJSON)
	if err != nil {
		t.Fatal(err)
	}
	s, path := createTestStore(t, doc)
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	events, err := s.Events(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range events {
		got = append(got, e.Title+" "+e.Start.String()+"/"+e.End.String()+" "+e.Start.Precision.String())
	}
	want := []string{"Big Bang -13799999999/ year", "Earth -4599999999/-4499999999 year",
		"Split 1 2024-07-01T10:00:00.200Z/ millisecond", "Split 2 2024-07-01T10:00:00.400Z/2024-07-01T10:00:00.599Z millisecond",
		"Far +100000/ year"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Events =\n%q\nwant\n%q", got, want)
	}

	spans, err := s.Spans(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sp := spans[3]; sp.Start.Milli != 400 || sp.End.Milli != 599 || sp.End.Precision != PrecisionMillisecond {
		t.Errorf("span of Split 2 = %+v", sp)
	}
	if sp := spans[0]; sp.Start != events[0].Start {
		t.Errorf("span of the Big Bang starts %+v, want %+v", sp.Start, events[0].Start)
	}

	periods, err := s.Periods(ctx)
	if err != nil {
		t.Fatal(err)
	}
	lanes, _ := s.Lanes(ctx)
	wantPeriods := []Period{
		{ID: periods[0].ID, Title: "Paleozoic", Summary: "Era", Start: mustTime(t, "-538799999"), End: mustTime(t, "-251901999")},
		{ID: periods[1].ID, Title: "Race", LaneID: lanes[1].ID, Start: mustTime(t, "2024-07-01T10:00:00.000Z"), End: mustTime(t, "2024-07-01T10:00:00.999Z")},
	}
	if !reflect.DeepEqual(periods, wantPeriods) {
		t.Errorf("Periods = %+v, want %+v", periods, wantPeriods)
	}

	// The export gives the same records back.
	out, err := s.ExportDocument(ctx, ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var times []string
	for _, e := range out.Events {
		times = append(times, e.Start+"/"+e.End)
	}
	for _, p := range out.Periods {
		times = append(times, p.Title+" "+p.Start+"/"+p.End+" "+p.Lane)
	}
	wantTimes := []string{"-13799999999/", "-4599999999/-4499999999", "2024-07-01T10:00:00.200Z/",
		"2024-07-01T10:00:00.400Z/2024-07-01T10:00:00.599Z", "+100000/",
		"Paleozoic -538799999/-251901999 ", "Race 2024-07-01T10:00:00.000Z/2024-07-01T10:00:00.999Z lane-" + itoa(lanes[1].ID)}
	if !reflect.DeepEqual(times, wantTimes) {
		t.Errorf("exported times =\n%q\nwant\n%q", times, wantTimes)
	}
	// A window keeps the periods that overlap it.
	from, to := mustTime(t, "2024").Unix, mustTime(t, "2024").End()
	out, err = s.ExportDocument(ctx, ExportOptions{From: &from, To: &to})
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Periods) != 1 || out.Periods[0].Title != "Race" {
		t.Errorf("periods in 2024: %+v", out.Periods)
	}
}

func itoa(v int64) string { b, _ := json.Marshal(v); return string(b) }

func TestStore_PeriodEditsUndoAndLaneDelete(t *testing.T) {
	ctx := context.Background()
	doc, err := readTestDoc(t, periodsJSON)
	if err != nil {
		t.Fatal(err)
	}
	doc.Events = doc.Events[:2] // lane b keeps only its period
	s, _ := createTestStore(t, doc)
	lanes, _ := s.Lanes(ctx)
	h := NewHistory(0)

	id, e, err := s.SavePeriod(ctx, Period{Title: "Cambrian", Start: mustTime(t, "-538799999"), End: mustTime(t, "-485399999")})
	if err != nil {
		t.Fatal(err)
	}
	h.Push(e)
	if _, _, err := s.SavePeriod(ctx, Period{Title: "Bad", Start: mustTime(t, "2020"), End: mustTime(t, "2019")}); !errors.Is(err, ErrInvalid) {
		t.Errorf("a period ending before it starts: %v", err)
	}
	e, err = s.DeleteLane(ctx, lanes[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	h.Push(e)
	periods, _ := s.Periods(ctx)
	if len(periods) != 2 {
		t.Fatalf("after deleting lane b: %d periods, want 2 (its period gone)", len(periods))
	}
	if _, err := h.Undo(ctx, s); err != nil {
		t.Fatal(err)
	}
	if periods, _ = s.Periods(ctx); len(periods) != 3 {
		t.Errorf("undoing the lane's deletion gives %d periods, want 3", len(periods))
	}
	if _, err := h.Undo(ctx, s); err != nil {
		t.Fatal(err)
	}
	periods, _ = s.Periods(ctx)
	for _, p := range periods {
		if p.ID == id {
			t.Errorf("undone period %d still there", id)
		}
	}
}

func TestCheckDocument_RefusesBadPeriods(t *testing.T) {
	for _, tt := range []struct{ change, says string }{
		{`"end": "-251901999"`, ``},
		{`"end": "-538800000"`, `periods[0] "p1" end: "-538800000" is before start`},
		{`"end": ""`, `periods[0] "p1" end: missing`},
		{`"title": "Paleozoic", "lane": "zz"`, `periods[0] "p1" lane: unknown lane "zz"`},
	} {
		j := periodsJSON
		if strings.HasPrefix(tt.change, `"end"`) {
			j = strings.Replace(j, `"end": "-251901999"`, tt.change, 1)
		} else {
			j = strings.Replace(j, `"title": "Paleozoic"`, tt.change, 1)
		}
		_, err := readTestDoc(t, j)
		switch {
		case tt.says == "" && err != nil:
			t.Errorf("%s: %v", tt.change, err)
		case tt.says != "" && (err == nil || !strings.Contains(err.Error(), tt.says)):
			t.Errorf("%s: error %v, want one saying %s", tt.change, err, tt.says)
		}
	}
}

package session

import (
	"context"
	"errors"
	"fmt"
	"image/color"
	"maps"
	"math"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// Document is an open Quoteline document as the timeline draws it: compactly,
// not the events themselves. A small document's titles are read with it, a
// large one's are fetched for what is in view (see titleFetcher), and details
// are read when an event is selected. Its methods are for the goroutine that
// owns its session.
type Document struct {
	ref    *storeRef // the store it is read and written through (st)
	title  string
	counts data.Counts
	spans
	// periodRecords are the document's periods as stored, by start; spans
	// holds them as the timeline draws them.
	periodRecords []data.Period
	// preview, while the events are read after the document is shown, is
	// what the timeline draws instead of them: the document's level-of-
	// detail summary. Nil once they are read.
	preview *timeline.Summary
	// summaryStale says the file's summary was missing or out of date: it
	// is built again once the file has passed its check.
	summaryStale bool
	integrity    integrity
	// ctx bounds the work done in the background for the document (its
	// check, fetching titles); release ends it when the document is closed.
	ctx     context.Context
	release context.CancelFunc
}

// spans is what the timeline draws of a document, held compactly.
type spans struct {
	lanes    []data.Lane
	tlLanes  []timeline.Lane   // the lanes as the timeline draws them, parallel to lanes
	items    []timeline.Item   // by start (then end, lane, id)
	info     []spanInfo        // parallel to items
	ids      idIndex           // event id -> index in items
	earliest map[int64]float64 // the earliest start of the few events with an earlier bound
	titles   map[int64]string  // the titles read: all of a small document's, those near the view of a large one
	matches  map[int64]bool    // events found by the search, ringed on the timeline
	index    *timeline.Index
	periods  []timeline.Period // by start
	// allTitles is true when every item's title was read with the document.
	allTitles bool
}

// integrity is a document's integrity check, which is left until the
// document is shown: reading the whole file takes a while, and the document
// can be looked at meanwhile. Nothing is written to it before it has passed.
type integrity struct {
	run    func(context.Context) error
	passed bool
	// verified is closed when the check has passed: writers wait for it
	// (see whenVerified). It is nil for documents not read from a file.
	verified chan struct{}
}

// loadDocument opens path and reads what the first frame needs, reporting
// progress (0 to 1) as it reads the events. It touches SQLite and must not
// run on the UI goroutine; ctx cancels it (once it has returned, ending ctx
// leaves the document be: Release ends its work). The integrity check of
// the file is left to the document's check, to be run once it is shown:
// the document must be closed if it fails. With readOnly, as for an export,
// the document is opened with data.OpenReadOnly, its rows are checked
// first (data.Store.VerifyRows), and nothing in its folder changes. Without
// it, as for the window, it is opened with data.OpenForViewing: a document
// that opening for writing would change is read as OpenReadOnly reads it
// until its first write (see Session.write).
//
// A document of more than previewAbove events (if it is above 0) whose
// summary is up to date is returned with its events still to be read
// (see Reading and readEvents): the first frame is drawn from the summary.
func loadDocument(ctx context.Context, path string, readOnly bool, allTitlesUpTo, previewAbove int, progress func(float64)) (*Document, error) {
	// The document's own context outlives ctx, which ends with the loading,
	// but is cancelled with it while it loads.
	life, release := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, release)
	defer stop()
	ctx = life
	var s *data.Store
	var check func(context.Context) error
	var pending data.Pending
	var err error
	if readOnly {
		// An export reads every row: they are checked first (but not
		// every page of the file, as the window's check does).
		if s, err = data.OpenReadOnly(ctx, path); err == nil {
			if err = s.VerifyRows(ctx); err != nil {
				s.Close()
			}
		}
		check = func(context.Context) error { return nil }
	} else {
		s, check, pending, err = data.OpenForViewing(ctx, path)
	}
	if err != nil {
		release()
		return nil, err
	}
	d, err := readDocument(ctx, s, allTitlesUpTo, previewAbove, progress)
	if err != nil {
		release()
		// Closed before returning, so that a command that exits on the
		// error leaves no -wal or -shm behind.
		s.Close()
		return nil, fmt.Errorf("read %q: %w", path, err)
	}
	d.ref.pending = pending
	d.integrity = integrity{run: check, verified: make(chan struct{})}
	d.ctx, d.release = ctx, release
	return d, nil
}

// newDocument returns an empty document of s, whose events are yet to be read.
func newDocument(s *data.Store) *Document {
	return &Document{ref: newStoreRef(s, data.Pending{}), spans: spans{earliest: map[int64]float64{}, titles: map[int64]string{}, matches: map[int64]bool{}}}
}

// readDocument reads what the first frame of s needs, and every title too
// if there are at most allTitlesUpTo events. With more than previewAbove
// events (if above 0), that is the summary alone if it is up to date.
func readDocument(ctx context.Context, s *data.Store, allTitlesUpTo, previewAbove int, progress func(float64)) (*Document, error) {
	d := newDocument(s)
	var err error
	if d.title, err = s.Title(ctx); err != nil {
		return nil, err
	}
	if d.lanes, err = s.Lanes(ctx); err != nil {
		return nil, err
	}
	if d.counts, err = s.Counts(ctx); err != nil {
		return nil, err
	}
	d.tlLanes = make([]timeline.Lane, len(d.lanes))
	for i, l := range d.lanes {
		d.tlLanes[i] = timeline.Lane{Name: l.Name, Color: LaneColor(l.Color), Collapsed: l.Collapsed}
	}
	if d.periodRecords, err = s.Periods(ctx); err != nil {
		return nil, err
	}
	d.periods = drawnPeriods(d.periodRecords, d.lanes)
	switch {
	case previewAbove > 0 && d.counts.Events > previewAbove:
		sum, err := d.readSummary(ctx)
		switch {
		case ctx.Err() != nil:
			return nil, ctx.Err()
		case err == nil:
			d.preview = sum
			return d, nil
		}
		// Missing or out of date: built again once the file has passed
		// its check. The events are read now.
		d.summaryStale = true
	case previewAbove > 0:
		// Not drawn from, but kept up to date for when the document grows.
		current, err := s.LODCurrent(ctx)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		d.summaryStale = err != nil || !current
	}
	if err := d.readEvents(ctx, allTitlesUpTo, progress); err != nil {
		return nil, err
	}
	return d, nil
}

// readSummary reads the document's level-of-detail summary, as the
// timeline draws it. A summary that does not count as many events as the
// document holds is out of date.
func (d *Document) readSummary(ctx context.Context) (*timeline.Summary, error) {
	lod, err := d.st().LOD(ctx)
	if err != nil {
		return nil, err
	}
	if lod.Events != int64(d.counts.Events) {
		return nil, fmt.Errorf("the summary counts %d events of %d: %w", lod.Events, d.counts.Events, data.ErrLODStale)
	}
	lanes := make([]timeline.SummaryLane, len(d.lanes))
	for i, l := range d.lanes {
		if ll := lod.Lanes[l.ID]; ll != nil {
			lanes[i] = timeline.SummaryLane{Level: lod.Level, Buckets: ll.Buckets, Starts: ll.Starts, RStarts: ll.RStarts, REnds: ll.REnds}
		}
	}
	return timeline.NewSummary(lanes), nil
}

// readEvents reads every event's span into d (its items, their index), and
// every title too if there are at most allTitlesUpTo events.
func (d *Document) readEvents(ctx context.Context, allTitlesUpTo int, progress func(float64)) error {
	if err := d.readItems(ctx, progress); err != nil {
		return err
	}
	var err error
	if d.ids, err = newIDIndex(d.items); err != nil {
		return err
	}
	d.index = timeline.NewIndex(d.items, d.earliest, len(d.tlLanes))
	if len(d.items) <= allTitlesUpTo {
		return d.readAllTitles(ctx)
	}
	return nil
}

// readLater reads the events of a document shown from its summary (see
// Reading), off the owner's goroutine: into a copy of its spans, which
// the owner puts in place with setEvents.
func (d *Document) readLater(ctx context.Context, allTitlesUpTo int, progress func(float64)) (*spans, error) {
	c := *d
	if err := c.readEvents(ctx, allTitlesUpTo, progress); err != nil {
		return nil, err
	}
	return &c.spans, nil
}

// setEvents puts in place the events readLater read: the document is no
// longer drawn from its summary. The titles read meanwhile and the search's
// matches are kept.
// A summary that did not count each lane's events as they are is marked
// stale, to be built again once the file has passed its check.
func (d *Document) setEvents(sp *spans) {
	d.items, d.info, d.ids, d.earliest, d.index = sp.items, sp.info, sp.ids, sp.earliest, sp.index
	if sp.allTitles {
		d.titles, d.allTitles = sp.titles, true
	}
	for l := range d.index.Lanes() {
		if d.index.LaneLen(l) != d.preview.LaneLen(l) {
			d.summaryStale = true
		}
	}
	d.preview = nil
}

// Reading reports whether the document's events are still being read: it
// is drawn from its summary (Showing.Summary) meanwhile, and has no items.
func (d *Document) Reading() bool { return d.preview != nil }

// readItems reads every event's span into d.items and d.info, in one pass
// that keeps nothing else, in parts read at once on the available
// processors, each filling its own stretch of the two slices.
func (d *Document) readItems(ctx context.Context, progress func(float64)) error {
	parts, err := d.st().SpanParts(ctx, min(runtime.GOMAXPROCS(0), 4))
	if err != nil {
		return err
	}
	last := parts[len(parts)-1]
	total := last.Offset + last.Count
	d.items = make([]timeline.Item, total, roomFor(total))
	d.info = make([]spanInfo, total, roomFor(total))
	laneIndex := make(map[int64]int, len(d.lanes))
	for i, l := range d.lanes {
		laneIndex[l.ID] = i
	}
	var done atomic.Int64
	report := func(n int) {
		if progress != nil && total > 0 {
			progress(float64(done.Add(int64(n))) / float64(total))
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, len(parts))
	early := make([][]earlyStart, len(parts)) // per part: the events that may have begun before their start
	var wg sync.WaitGroup
	for p, part := range parts {
		wg.Go(func() {
			items, info := d.items[part.Offset:part.Offset+part.Count], d.info[part.Offset:part.Offset+part.Count]
			k, lastLaneID, lastLane := 0, int64(0), -1
			var earliest []earlyStart
			defer func() { early[p] = earliest }()
			errs[p] = d.st().EachSpanIn(ctx, part, report, func(sp *data.Span) error {
				if sp.LaneID != lastLaneID || lastLane < 0 {
					lane, ok := laneIndex[sp.LaneID]
					if !ok {
						return fmt.Errorf("event %d: lane %d does not exist", sp.ID, sp.LaneID)
					}
					lastLaneID, lastLane = sp.LaneID, lane
				}
				if k == len(items) {
					return errors.New("the document changed while it was read")
				}
				items[k], info[k] = itemOf(sp, lastLane), infoOf(sp)
				if sp.EarliestStart < sp.Start.Unix {
					earliest = append(earliest, earlyStart{sp.ID, float64(sp.EarliestStart)})
				}
				k++
				return nil
			})
			if errs[p] != nil {
				cancel() // the others stop too
			}
		})
	}
	wg.Wait()
	d.earliest = map[int64]float64{}
	for _, part := range early {
		for _, e := range part {
			d.earliest[e.id] = e.at
		}
	}
	// The first error that is not another part's cancellation says why.
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
	}
	return errors.Join(errs...)
}

// earlyStart is an event that may have begun before its start.
type earlyStart struct {
	id int64
	at float64
}

// events returns what the timeline draws of d.
func (d *Document) events() timeline.Events {
	return timeline.Events{Items: d.items, Earliest: d.earliest, Titles: d.titles, Matches: d.matches, Periods: d.periods}
}

// drawnPeriods returns periods as the timeline draws them, behind lanes
// (by their index in lanes) or behind them all; those of a lane not among
// lanes are left out.
func drawnPeriods(periods []data.Period, lanes []data.Lane) []timeline.Period {
	out := make([]timeline.Period, 0, len(periods))
	for _, p := range periods {
		tp := timeline.Period{Start: p.Start.Seconds(), End: p.End.EndSeconds(), Lane: -1, Title: p.Title, ID: p.ID}
		if p.LaneID != 0 {
			tp.Lane = int32(slices.IndexFunc(lanes, func(l data.Lane) bool { return l.ID == p.LaneID }))
			if tp.Lane < 0 {
				continue // a lane deleted meanwhile
			}
		}
		out = append(out, tp)
	}
	return out
}

// snapshot returns a copy of d for work off the UI goroutine: titles,
// matches and edits keep changing d's own events there meanwhile.
func (d *Document) snapshot() *Document {
	c := *d
	c.items = slices.Clone(d.items)
	c.ids = d.ids.clone(c.items) // edits change the tables in place
	c.index = d.index.Clone()
	c.info = slices.Clone(d.info)
	c.earliest = maps.Clone(d.earliest)
	c.titles = maps.Clone(d.titles)
	c.matches = maps.Clone(d.matches)
	return &c
}

// readTitles reads every event's title into d.titles, unless they were all
// read with it (a large document has only the titles in view). Call it on a
// snapshot, or before the document is shown.
func (d *Document) readTitles(ctx context.Context) error {
	if d.allTitles {
		return nil
	}
	return d.readAllTitles(ctx)
}

// readAllTitles reads every event's title into d.titles.
func (d *Document) readAllTitles(ctx context.Context) error {
	d.titles = make(map[int64]string, len(d.items))
	err := d.st().Titles(ctx, 10_000, func(ids []int64, titles []string) bool {
		for k, id := range ids {
			if _, ok := d.ids.pos(id); ok {
				d.titles[id] = titles[k]
			}
		}
		return true
	})
	if err != nil {
		return err
	}
	d.allTitles = true
	return nil
}

// spanInfo is what an event's span holds beyond its item, packed in 16
// bits: the start's and end's precisions (3 bits each) and the status
// (2 bits, an index into spanStatuses).
type spanInfo uint16

// spanStatuses are the statuses by their code in a spanInfo.
var spanStatuses = [4]data.ClaimStatus{data.StatusReported, data.StatusConfirmed, data.StatusDisputed, data.StatusExpected}

func infoOf(sp *data.Span) spanInfo {
	code := 0
	for k, st := range spanStatuses {
		if st == sp.Status {
			code = k
		}
	}
	return spanInfo(sp.Start.Precision&7) | spanInfo(sp.End.Precision&7)<<3 | spanInfo(code)<<6
}

// Span returns the span of event id and its lane, rebuilt from its item
// and spanInfo. A range's end comes back as the last second of its period,
// which reads the same at its precision.
func (d *Document) Span(id int64) (data.Span, data.Lane, bool) {
	i, ok := d.ids.pos(id)
	if !ok {
		return data.Span{}, data.Lane{}, false
	}
	return d.SpanAt(i), d.lanes[d.items[i].Lane], true
}

// SpanAt returns the span of the i'th item, as Span does.
func (d *Document) SpanAt(i int) data.Span {
	it, info := &d.items[i], d.info[i]
	sp := data.Span{
		ID:             it.ID,
		LaneID:         d.lanes[it.Lane].ID,
		Start:          timeOfItem(it.Start, data.Precision(info&7)),
		StartUncertain: it.StartUncertain,
		EndUncertain:   it.EndUncertain,
		EarliestStart:  int64(math.Floor(it.Start)),
		LatestEnd:      int64(it.Latest) - 1,
		Status:         d.Status(i),
	}
	if e, ok := d.earliest[it.ID]; ok {
		sp.EarliestStart = int64(e)
	}
	if it.Range {
		if p := data.Precision(info >> 3 & 7); p == data.PrecisionMillisecond {
			sp.End = timeOfItem(it.End-0.001, p) // drawn to the end of its last millisecond
		} else {
			sp.End = data.Time{Unix: int64(math.Floor(it.End)) - 1, Precision: p}
		}
	}
	return sp
}

// timeOfItem returns the time at seconds t, as an item holds it, at
// precision p: with its milliseconds for PrecisionMillisecond.
func timeOfItem(t float64, p data.Precision) data.Time {
	sec := math.Floor(t)
	out := data.Time{Unix: int64(sec), Precision: p}
	if p == data.PrecisionMillisecond {
		ms := int64(math.Round((t - sec) * 1000))
		out.Unix += ms / 1000
		out.Milli = int16(ms % 1000)
	}
	return out
}

// whenVerified waits until the document has passed its integrity check:
// nothing is written to a file before it is known to be sound. It fails if
// the document is closed first (a failed check closes it) or ctx ends.
func (d *Document) whenVerified(ctx context.Context) error {
	if d.integrity.verified == nil {
		return nil
	}
	select {
	case <-d.integrity.verified:
		return nil
	case <-d.ctx.Done():
		return errors.New("the document was closed before its check ended; nothing was written")
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Status returns the claim status of the i'th item.
func (d *Document) Status(i int) data.ClaimStatus { return spanStatuses[d.info[i]>>6&3] }

// LaneIndex returns the index in d.lanes of lane id.
func (d *Document) LaneIndex(id int64) (int, bool) {
	for i, l := range d.lanes {
		if l.ID == id {
			return i, true
		}
	}
	return 0, false
}

// ItemTitle returns the title of event id if it has been read, else "".
func (d *Document) ItemTitle(id int64) string {
	return d.titles[id]
}

// itemOf converts an event's span to what the timeline draws; its title
// comes later. A time known only to a month or a year covers that whole
// period: a range ends at the end of its end's period, and a point known to a
// coarse precision is drawn with a band over its period.
//
// The earliest start, when before the start, is not on the item: it goes
// in the document's earliest map.
func itemOf(sp *data.Span, lane int) timeline.Item {
	it := timeline.Item{
		ID:             sp.ID,
		Lane:           int32(lane),
		Start:          sp.Start.Seconds(),
		Range:          sp.HasEnd(),
		StartUncertain: sp.StartUncertain,
		EndUncertain:   sp.EndUncertain,
		Latest:         float64(sp.LatestEnd + 1),
	}
	it.End = it.Start
	last := sp.Start // the last period it is known to reach
	if it.Range {
		it.End = sp.End.EndSeconds()
		last = sp.End
	}
	if sp.LatestEnd <= last.End() {
		it.Latest = last.EndSeconds() // to the millisecond, for a time known to it
	}
	it.Latest = math.Max(it.Latest, it.End)
	switch sp.Status {
	case data.StatusDisputed:
		it.Style = timeline.StyleDisputed
	case data.StatusExpected:
		it.Style = timeline.StyleExpected
	}
	return it
}

// LaneColor reads a lane's colour, "#RRGGBB"; anything else is a neutral
// grey.
func LaneColor(s string) color.NRGBA {
	grey := color.NRGBA{0x88, 0x88, 0x88, 0xff}
	if len(s) != 7 || s[0] != '#' {
		return grey
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return grey
	}
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 0xff}
}

// Path returns the file the document was read from.
func (d *Document) Path() string { return d.ref.path }

// ReadOnly reports whether the document may not be changed: the file or its
// folder is not writable. A document read without changing it until its
// first change (see Pending) is not read-only.
func (d *Document) ReadOnly() bool { return d.st().ReadOnly() && d.Pending().None() }

// Title returns the document's title, or "" if it has none.
func (d *Document) Title() string { return d.title }

// Counts returns how many events, lanes, quotes, sources and actors the
// document holds.
func (d *Document) Counts() data.Counts { return d.counts }

// Lanes returns the document's lanes, in order.
func (d *Document) Lanes() []data.Lane { return d.lanes }

// Len returns the number of events read: none while Reading.
func (d *Document) Len() int { return len(d.items) }

// Item returns the i'th event as the timeline draws it, in order of start.
func (d *Document) Item(i int) timeline.Item { return d.items[i] }

// Position returns where event id is among the events in order of start.
func (d *Document) Position(id int64) (int, bool) { return d.ids.pos(id) }

// Passed reports whether the file has passed its integrity check.
func (d *Document) Passed() bool { return d.integrity.passed }

package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"image/color"
	"maps"
	"math"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// document is an open Quoteline document and what the window shows of it.
// It holds what the timeline draws, compactly, not the events themselves:
// a small document's titles are read with it, a large one's are fetched for
// what is in view (see titleFetcher), and details are read when an event is
// selected.
type document struct {
	store  *data.Store
	title  string
	lanes  []data.Lane
	counts data.Counts

	items    []timeline.Item   // by start (then end, lane, id)
	info     []spanInfo        // parallel to items
	ids      idIndex           // event id -> index in items
	earliest map[int64]float64 // the earliest start of the few events with an earlier bound
	titles   map[int64]string  // the titles read: all of a small document's, those near the view of a large one
	matches  map[int64]bool    // events found by the search, ringed on the timeline
	tlLanes  []timeline.Lane
	index    *timeline.Index

	// allTitles is true when every item's title was read with the document.
	allTitles bool
	// checked is true once the file has passed its integrity check (see
	// awaitCheck): nothing may be written to the document before.
	checked bool
	// verified is closed when the check has passed: writers wait for it
	// (see whenVerified). It is nil for documents not read from a file.
	verified chan struct{}
	// check runs the integrity check, which is left until the document is
	// shown (see awaitCheck). ctx bounds the work done
	// in the background for the document (the check, fetching titles);
	// release ends it when the document is closed.
	check   func(context.Context) error
	ctx     context.Context
	release context.CancelFunc
	// changedElsewhere is set when another window or program wrote to the
	// file while it could not be read again at once (see watchChanges).
	changedElsewhere bool
	// note, if set, is said before the counts in the status line once the
	// document has been checked (why it was read again).
	note string
}

// smallDocument is the most events whose titles are all read before the
// first frame; larger documents fetch the titles in view.
const smallDocument = 20_000

// loadDocument opens path and reads what the first frame needs, reporting
// progress (0 to 1) as it reads the events. It touches SQLite and must not
// run on the UI goroutine; ctx cancels it. The integrity check of the file
// is left to the document's check, to be run once it is shown: the
// document must be closed if it fails. With readOnly, as for an export, the
// document is opened with data.OpenReadOnly, checked whole first, and
// nothing in its folder changes.
func loadDocument(ctx context.Context, path string, readOnly bool, allTitlesUpTo int, progress func(float64)) (*document, error) {
	ctx, release := context.WithCancel(ctx)
	var s *data.Store
	var check func(context.Context) error
	var err error
	if readOnly {
		s, err = data.OpenReadOnly(ctx, path)
		check = func(context.Context) error { return nil }
	} else {
		s, check, err = data.OpenChecking(ctx, path)
	}
	if err != nil {
		release()
		return nil, err
	}
	d, err := readDocument(ctx, s, allTitlesUpTo, progress)
	if err != nil {
		release()
		// Closed before returning, so that a command that exits on the
		// error leaves no -wal or -shm behind.
		s.Close()
		return nil, fmt.Errorf("read %q: %w", path, err)
	}
	d.check, d.ctx, d.release = check, ctx, release
	d.verified = make(chan struct{})
	if up := s.Upgraded(); up.From != 0 {
		d.note = fmt.Sprintf("Upgraded from an older Quoteline's format (schema version %d); the file as it was is kept as %s. ", up.From, filepath.Base(up.Backup))
	}
	return d, nil
}

// newDocument returns an empty document of s, whose events are yet to be read.
func newDocument(s *data.Store) *document {
	return &document{store: s, earliest: map[int64]float64{}, titles: map[int64]string{}, matches: map[int64]bool{}}
}

// readDocument reads what the first frame of s needs, and every title too
// if there are at most allTitlesUpTo events.
func readDocument(ctx context.Context, s *data.Store, allTitlesUpTo int, progress func(float64)) (*document, error) {
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
		d.tlLanes[i] = timeline.Lane{Name: l.Name, Color: parseColor(l.Color), Collapsed: l.Collapsed}
	}
	if err := d.readItems(ctx, progress); err != nil {
		return nil, err
	}
	if d.ids, err = newIDIndex(d.items); err != nil {
		return nil, err
	}
	d.index = timeline.NewIndex(d.items, d.earliest, len(d.tlLanes))
	if len(d.items) <= allTitlesUpTo {
		if err := d.readAllTitles(ctx); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// readItems reads every event's span into d.items and d.info, in one pass
// that keeps nothing else, in parts read at once on the available
// processors, each filling its own stretch of the two slices.
func (d *document) readItems(ctx context.Context, progress func(float64)) error {
	parts, err := d.store.SpanParts(ctx, min(runtime.GOMAXPROCS(0), 4))
	if err != nil {
		return err
	}
	last := parts[len(parts)-1]
	total := last.Offset + last.Count
	d.items = make([]timeline.Item, total)
	d.info = make([]spanInfo, total)
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
			errs[p] = d.store.EachSpanIn(ctx, part, report, func(sp *data.Span) error {
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
func (d *document) events() timeline.Events {
	return timeline.Events{Items: d.items, Earliest: d.earliest, Titles: d.titles, Matches: d.matches}
}

// snapshot returns a copy of d for work off the UI goroutine: titles,
// matches and edits keep changing d's own events there meanwhile.
func (d *document) snapshot() *document {
	c := *d
	c.items = slices.Clone(d.items)
	c.ids.items = c.items // its tables are replaced on change, never written
	c.info = slices.Clone(d.info)
	c.earliest = maps.Clone(d.earliest)
	c.titles = maps.Clone(d.titles)
	c.matches = maps.Clone(d.matches)
	return &c
}

// readAllTitles reads every event's title into d.titles.
func (d *document) readAllTitles(ctx context.Context) error {
	d.titles = make(map[int64]string, len(d.items))
	err := d.store.Titles(ctx, 10_000, func(ids []int64, titles []string) bool {
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

// span returns the span of event id and its lane, rebuilt from its item
// and spanInfo. A range's end comes back as the last second of its period,
// which reads the same at its precision.
func (d *document) span(id int64) (data.Span, data.Lane, bool) {
	i, ok := d.ids.pos(id)
	if !ok {
		return data.Span{}, data.Lane{}, false
	}
	return d.spanAt(i), d.lanes[d.items[i].Lane], true
}

// spanAt returns the span of the i'th item, as span does.
func (d *document) spanAt(i int) data.Span {
	it, info := &d.items[i], d.info[i]
	sp := data.Span{
		ID:             it.ID,
		LaneID:         d.lanes[it.Lane].ID,
		Start:          data.Time{Unix: int64(it.Start), Precision: data.Precision(info & 7)},
		StartUncertain: it.StartUncertain,
		EndUncertain:   it.EndUncertain,
		EarliestStart:  int64(it.Start),
		LatestEnd:      int64(it.Latest) - 1,
		Status:         d.status(i),
	}
	if e, ok := d.earliest[it.ID]; ok {
		sp.EarliestStart = int64(e)
	}
	if it.Range {
		sp.End = data.Time{Unix: int64(it.End) - 1, Precision: data.Precision(info >> 3 & 7)}
	}
	return sp
}

// whenVerified waits until the document has passed its integrity check:
// nothing is written to a file before it is known to be sound. It fails if
// the document is closed first (a failed check closes it) or ctx ends.
func (d *document) whenVerified(ctx context.Context) error {
	if d.verified == nil {
		return nil
	}
	select {
	case <-d.verified:
		return nil
	case <-d.ctx.Done():
		return errors.New("the document was closed before its check ended; nothing was written")
	case <-ctx.Done():
		return ctx.Err()
	}
}

// status returns the claim status of the i'th item.
func (d *document) status(i int) data.ClaimStatus { return spanStatuses[d.info[i]>>6&3] }

// laneOf returns the index in d.lanes of lane id.
func (d *document) laneOf(id int64) (int, bool) {
	for i, l := range d.lanes {
		if l.ID == id {
			return i, true
		}
	}
	return 0, false
}

// itemTitle returns the title of event id if it has been read, else "".
func (d *document) itemTitle(id int64) string {
	return d.titles[id]
}

// idIndex finds an item by its event's id without a map: when the ids are
// a run of consecutive numbers, as in most documents, a table indexed by id
// minus the first (4 bytes an event); else the item indexes sorted by id,
// searched by bisection.
type idIndex struct {
	items []timeline.Item
	first int64
	dense []int32 // dense[id-first]: the item of id
	byID  []int32 // item indexes in order of id, when not dense
}

// newIDIndex indexes items by ID. Event ids are unique in a document; a
// repeated one means the file breaks its own schema.
func newIDIndex(items []timeline.Item) (idIndex, error) {
	x := idIndex{items: items}
	if len(items) == 0 {
		return x, nil
	}
	if len(items) > math.MaxInt32 {
		return x, fmt.Errorf("%d events is more than Quoteline can show", len(items))
	}
	lo, hi := items[0].ID, items[0].ID
	for i := range items {
		lo, hi = min(lo, items[i].ID), max(hi, items[i].ID)
	}
	x.first = lo
	if uint64(hi-lo) == uint64(len(items)-1) {
		x.dense = make([]int32, len(items))
		for k := range x.dense {
			x.dense[k] = -1
		}
		for i := range items {
			k := &x.dense[items[i].ID-lo]
			if *k >= 0 {
				return x, fmt.Errorf("event id %d appears twice", items[i].ID)
			}
			*k = int32(i)
		}
		return x, nil
	}
	x.byID = make([]int32, len(items))
	for i := range x.byID {
		x.byID[i] = int32(i)
	}
	slices.SortFunc(x.byID, func(a, b int32) int { return cmp.Compare(items[a].ID, items[b].ID) })
	for k := 1; k < len(x.byID); k++ {
		if items[x.byID[k]].ID == items[x.byID[k-1]].ID {
			return x, fmt.Errorf("event id %d appears twice", items[x.byID[k]].ID)
		}
	}
	return x, nil
}

// pos returns the index in items of event id.
func (x *idIndex) pos(id int64) (int, bool) {
	if x.dense != nil {
		if id < x.first || uint64(id-x.first) >= uint64(len(x.dense)) {
			return 0, false
		}
		return int(x.dense[id-x.first]), true
	}
	k, ok := slices.BinarySearchFunc(x.byID, id, func(i int32, id int64) int { return cmp.Compare(x.items[i].ID, id) })
	if !ok {
		return 0, false
	}
	return int(x.byID[k]), true
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
		Start:          float64(sp.Start.Unix),
		Range:          sp.HasEnd(),
		StartUncertain: sp.StartUncertain,
		EndUncertain:   sp.EndUncertain,
		Latest:         float64(sp.LatestEnd + 1),
	}
	it.End = it.Start
	if it.Range {
		it.End = float64(sp.End.End() + 1)
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

// parseColor reads "#RRGGBB"; anything else is a neutral grey.
func parseColor(s string) color.NRGBA {
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

// dateRange writes an event's time at its precision: "Aug 2022",
// "Aug 2022 – 15 May 2023".
func dateRange(st data.DateStyle, e *data.Event) string {
	return dateRangeOf(st, e.Start, e.End, e.StartUncertain, e.EndUncertain)
}

// dateRangeOf writes a start and an optional end (zero for a point) at their
// precisions, marking uncertain ends.
func dateRangeOf(st data.DateStyle, start, end data.Time, startUncertain, endUncertain bool) string {
	s := st.Format(start)
	if end.IsZero() {
		if startUncertain {
			return "by " + s + " (start not known)"
		}
		return s
	}
	if startUncertain {
		s += " (start uncertain)"
	}
	e := st.Format(end)
	if endUncertain {
		e += "?"
	}
	return s + " – " + e
}

// statusText explains a claim status in a few words.
func statusText(s data.ClaimStatus) string {
	switch s {
	case data.StatusConfirmed:
		return "Confirmed by independent sources"
	case data.StatusDisputed:
		return "Disputed: sources disagree"
	case data.StatusExpected:
		return "Expected: announced, not yet a fact"
	default:
		return "Reported"
	}
}

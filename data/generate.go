package data

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// GenerateOptions say what synthetic document Generate writes.
type GenerateOptions struct {
	Events int    // how many events, at least 0
	Lanes  int    // how many lanes, 1 to MaxGeneratedLanes
	Seed   uint64 // the same seed gives the same document
	// Progress, if set, is called now and then with the events written so far.
	Progress func(done int)
}

// Limits of Generate.
const (
	MaxGeneratedEvents = MaxDocumentEvents // no more than a document may hold
	MaxGeneratedLanes  = 1000
	generateBatch      = 20_000 // events per transaction
)

// The generated period: ten years.
var (
	genFrom = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	genTo   = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
)

// Generate writes a new document at path holding a deterministic, realistic
// mix of synthetic events, for trying and measuring the timeline at scale:
// points and ranges (from an hour to months), bursts of activity and quiet
// periods, lanes of very different sizes, titles of varied length. Events
// are written in batched transactions; the file appears at path only once it
// is complete, and ctx cancels it, leaving nothing behind.
func Generate(ctx context.Context, path string, opt GenerateOptions) (*Store, error) {
	if opt.Events < 0 || opt.Events > MaxGeneratedEvents {
		return nil, fmt.Errorf("data.Generate: events %d: want 0 to %d", opt.Events, MaxGeneratedEvents)
	}
	if opt.Lanes < 1 || opt.Lanes > MaxGeneratedLanes {
		return nil, fmt.Errorf("data.Generate: lanes %d: want 1 to %d", opt.Lanes, MaxGeneratedLanes)
	}
	s, err := createWith(ctx, path, func(s *Store) error { return generate(ctx, s, opt) })
	if err != nil {
		return nil, fmt.Errorf("data.Generate: %w", err)
	}
	return s, nil
}

// agree returns verb, written for a singular subject ("announces"), in the
// form subject takes: "Inspectors announce", "Analysts deny".
func agree(subject, verb string) string {
	if strings.HasPrefix(subject, "The ") || strings.HasPrefix(subject, "A ") {
		return verb
	}
	switch {
	case strings.HasSuffix(verb, "ies"):
		return strings.TrimSuffix(verb, "ies") + "y"
	case strings.HasSuffix(verb, "shes"), strings.HasSuffix(verb, "ches"), strings.HasSuffix(verb, "sses"):
		return strings.TrimSuffix(verb, "es")
	}
	return strings.TrimSuffix(verb, "s")
}

var (
	genLaneNames = []string{"Reports", "Statements", "Sanctions", "Transfers", "Disclosures", "Court filings",
		"Protests", "Elections", "Markets", "Weather", "Science", "Sport"}
	genLaneColors = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#888888", "#F0E442"}
	genActors     = []string{"The ministry", "A spokesperson", "The council", "Inspectors", "The court", "Analysts",
		"The agency", "Regulators", "The committee", "Observers", "The envoy", "Prosecutors"}
	genVerbs = []string{"announces", "reports", "denies", "confirms", "publishes", "rejects", "approves", "delays",
		"extends", "questions", "opens", "closes"}
	genObjects = []string{"new measures", "a review", "the figures", "an inquiry", "export limits", "the agreement",
		"a shipment", "talks", "the ruling", "a budget", "fresh evidence", "the deadline"}
	genPlaces = []string{"", "", "", " in the capital", " at the border", " after a late-night session",
		" despite objections from three member states", " ahead of the summit", " following weeks of speculation"}
)

func generate(ctx context.Context, s *Store, opt GenerateOptions) error {
	r := rand.New(rand.NewPCG(opt.Seed, opt.Seed^0x9E3779B97F4A7C15))
	now := time.Now().Unix()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// The summary is built whole once every event is written.
	triggers, err := beginBulk(ctx, tx)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES ('title', ?)`,
		fmt.Sprintf("Synthetic timeline: %d events in %d lanes (seed %d)", opt.Events, opt.Lanes, opt.Seed)); err != nil {
		return err
	}
	laneIDs := make([]int64, opt.Lanes)
	for i := range laneIDs {
		name := genLaneNames[i%len(genLaneNames)]
		if i >= len(genLaneNames) {
			name = fmt.Sprintf("%s %d", name, i/len(genLaneNames)+1)
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO lane (name, position, color) VALUES (?, ?, ?)`,
			name, i, genLaneColors[i%len(genLaneColors)])
		if err != nil {
			return err
		}
		if laneIDs[i], err = res.LastInsertId(); err != nil {
			return err
		}
	}
	// Lane sizes follow a 1/(i+1) law: a few busy lanes, many quiet ones.
	weights := make([]float64, opt.Lanes)
	total := 0.0
	for i := range weights {
		total += 1 / float64(i+1)
		weights[i] = total
	}
	// Bursts: a third of the events fall in short episodes of intense activity.
	bursts := make([]int64, max(1, opt.Events/3000))
	for i := range bursts {
		bursts[i] = genFrom + r.Int64N(genTo-genFrom)
	}

	if err := tx.Commit(); err != nil {
		return err
	}

	// Draw every event first and write them in order of start, so the
	// indexes grow at their ends instead of being updated all over.
	type genEvent struct {
		start, dur    int64 // dur 0: a point
		lane          int32
		prec          Precision
		status        ClaimStatus
		actor, verb   uint8
		object, place uint8
	}
	evs := make([]genEvent, opt.Events)
	for i := range evs {
		var start int64
		if r.IntN(3) == 0 {
			// Within a burst: most of it inside a day or two.
			start = bursts[r.IntN(len(bursts))] + int64(r.NormFloat64()*20*3600)
		} else {
			start = genFrom + r.Int64N(genTo-genFrom)
		}
		e := genEvent{start: min(max(start, genFrom), genTo), prec: PrecisionMinute, status: StatusReported}
		switch r.IntN(10) {
		case 0:
			e.prec = PrecisionDay
			e.start -= e.start % 86400
		case 1:
			e.prec = PrecisionSecond
		default:
			e.start -= e.start % 60
		}
		if r.IntN(5) == 0 {
			// A range, log-uniform from an hour to about six months.
			e.dur = int64(3600 * math.Exp(r.Float64()*math.Log(24*180)))
		}
		x := r.Float64() * total
		for int(e.lane) < len(weights)-1 && weights[e.lane] < x {
			e.lane++
		}
		switch r.IntN(20) {
		case 0:
			e.status = StatusDisputed
		case 1:
			e.status = StatusExpected
		case 2, 3, 4:
			e.status = StatusConfirmed
		}
		e.actor, e.verb = uint8(r.IntN(len(genActors))), uint8(r.IntN(len(genVerbs)))
		e.object, e.place = uint8(r.IntN(len(genObjects))), uint8(r.IntN(len(genPlaces)))
		evs[i] = e
	}
	slices.SortStableFunc(evs, func(a, b genEvent) int { return cmp.Compare(a.start, b.start) })

	// One connection for the whole run, with a cache large enough for the indexes.
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA cache_size = -131072"); err != nil { // 128 MiB
		return err
	}
	// As in importPlan: rows are written under a context that cannot be
	// cancelled (the driver would start a goroutine for every statement),
	// and ctx is checked between batches.
	rowCtx := context.WithoutCancel(ctx)
	var title strings.Builder
	for done := 0; done < len(evs); {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := min(generateBatch, len(evs)-done)
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		ev, err := tx.PrepareContext(ctx, `INSERT INTO event (lane_id, title, summary, start, start_precision, "end", end_precision,
			status, created_at, updated_at) VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			tx.Rollback()
			return err
		}
		fts, err := tx.PrepareContext(ctx, `INSERT INTO event_fts (docid, title, summary) VALUES (?, ?, '')`)
		if err != nil {
			tx.Rollback()
			return err
		}
		write := func(e *genEvent) error {
			title.Reset()
			title.WriteString(genActors[e.actor])
			title.WriteByte(' ')
			title.WriteString(agree(genActors[e.actor], genVerbs[e.verb]))
			title.WriteByte(' ')
			title.WriteString(genObjects[e.object])
			title.WriteString(genPlaces[e.place])
			var end, endPrec any
			if e.dur > 0 {
				end, endPrec = e.start+e.dur, int(e.prec)
			}
			res, err := ev.ExecContext(rowCtx, laneIDs[e.lane], title.String(), e.start, int(e.prec), end, endPrec, string(e.status), now, now)
			if err != nil {
				return err
			}
			id, err := res.LastInsertId()
			if err != nil {
				return err
			}
			_, err = fts.ExecContext(rowCtx, id, title.String())
			return err
		}
		for k := range n {
			if err := write(&evs[done+k]); err != nil {
				tx.Rollback()
				return err
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		done += n
		if opt.Progress != nil {
			opt.Progress(done)
		}
	}
	tx, err = conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := endBulk(ctx, tx, triggers); err != nil {
		return err
	}
	return tx.Commit()
}

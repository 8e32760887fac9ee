package data

import (
	"context"
	"database/sql"
	"fmt"
)

// periodsVersion is the schema version that added the period table.
const periodsVersion = 4

// Periods returns the document's periods, in order of start (and of id
// for those that start together).
func (s *Store) Periods(ctx context.Context) ([]Period, error) { return s.read().periods(ctx) }

func (r reader) periods(ctx context.Context) ([]Period, error) {
	var out []Period
	err := r.eachRow(ctx, `SELECT id, title, summary, lane_id, start, start_precision, start_ms,
		"end", end_precision, end_ms FROM period ORDER BY start, coalesce(start_ms, 0), id`, nil, func(r *sql.Rows) error {
		var (
			p                              Period
			lane                           sql.NullInt64
			start, startPrec, end, endPrec int64
			startMS, endMS                 *int64
		)
		if err := r.Scan(&p.ID, &p.Title, &p.Summary, &lane, &start, &startPrec, &startMS, &end, &endPrec, &endMS); err != nil {
			return err
		}
		p.LaneID = lane.Int64
		p.Start = timeOfMilli(&start, &startPrec, startMS)
		p.End = timeOfMilli(&end, &endPrec, endMS)
		if !p.Start.Precision.Valid() || !p.End.Precision.Valid() {
			return fmt.Errorf("period %d: a precision is not one of 1 to 5", p.ID)
		}
		out = append(out, p)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("data.Periods: %w", err)
	}
	return out, nil
}

// validatePeriod checks the fields of p that need no database.
func validatePeriod(p *Period) error {
	const rec = "period"
	if err := checkText(rec, "title", p.Title, true, maxTitleLen); err != nil {
		return err
	}
	if err := checkText(rec, "summary", p.Summary, false, maxNoteLen); err != nil {
		return err
	}
	if err := validateTime(rec, "start", p.Start, true); err != nil {
		return err
	}
	if err := validateTime(rec, "end", p.End, true); err != nil {
		return err
	}
	if p.End.Before(p.Start) {
		return invalid(rec, "end", "%s is before the start, %s", p.End.Display(), p.Start.Display())
	}
	return nil
}

// SavePeriod creates p (when p.ID is 0) or replaces the stored period with
// p.ID, as an edit named "Add period" or "Edit period".
func (s *Store) SavePeriod(ctx context.Context, p Period) (int64, *Edit, error) {
	return s.saveRecord(ctx, "SavePeriod", "period", p.ID, func(r *recorder) (int64, error) {
		if err := validatePeriod(&p); err != nil {
			return 0, err
		}
		var lane any
		if p.LaneID != 0 {
			if err := r.mustExist("period", "lane", "lane", p.LaneID); err != nil {
				return 0, err
			}
			lane = p.LaneID
		}
		old, err := r.existing("period", p.ID)
		if err != nil {
			return 0, err
		}
		start, startPrec, startMS := p.Start.nullableMilli()
		end, endPrec, endMS := p.End.nullableMilli()
		return r.save("period", p.ID, old, Row{"title": p.Title, "summary": p.Summary, "lane_id": lane,
			"start": start, "start_precision": startPrec, "start_ms": startMS,
			"end": end, "end_precision": endPrec, "end_ms": endMS}, true)
	})
}

// DeletePeriod deletes the period with id, as an edit named "Delete period".
func (s *Store) DeletePeriod(ctx context.Context, id int64) (*Edit, error) {
	return s.edit(ctx, "DeletePeriod", "Delete period", func(r *recorder) error {
		if _, err := r.existing("period", id); err != nil {
			return err
		}
		return r.del("period", id)
	})
}

// exportPeriods adds the store's periods that overlap opt's window to doc.
func (r reader) exportPeriods(ctx context.Context, doc *Document, opt ExportOptions, w *timeWriter) error {
	periods, err := r.periods(ctx)
	if err != nil {
		return err
	}
	for _, p := range periods {
		if (opt.From != nil && p.End.End() < *opt.From) || (opt.To != nil && p.Start.Unix > *opt.To) {
			continue
		}
		dp := DocumentPeriod{Key: key("period", p.ID), Title: p.Title, Summary: p.Summary}
		rec := record("periods", len(doc.Periods), dp.Key)
		dp.Start, dp.End = w.text(rec, "start", p.Start, true), w.text(rec, "end", p.End, true)
		if p.LaneID != 0 {
			dp.Lane = key("lane", p.LaneID)
		}
		doc.Periods = append(doc.Periods, dp)
	}
	return nil
}

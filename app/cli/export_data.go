package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/interchange"
)

// exportInterchange writes the document at in to out in one of the
// interchange formats: "csv", "json" (Quoteline's own, with source texts in
// a folder beside it), "timelinejs" or "vis". If from or to is set, only
// events overlapping [from, to] are written. out appears only once
// complete.
func exportInterchange(ctx context.Context, format, in, out string, from, to *time.Time) error {
	f, err := interchange.ParseFormat(format)
	if err != nil || f == interchange.FormatArticle || f == interchange.FormatTimelineCSV {
		return fmt.Errorf("export format %q: want csv, json, timelinejs or vis", format)
	}
	if from != nil && to != nil && to.Before(*from) {
		return fmt.Errorf("--to %s is before --from %s", to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	s, err := data.OpenReadOnly(ctx, in)
	if err != nil {
		return err
	}
	defer s.Close()
	return session.ExportData(ctx, s, out, f, unixOf(from), unixOf(to), nil)
}

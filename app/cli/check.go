package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/interrupt"
	"github.com/quoteline/quoteline/timeline"
)

// runCheck carries out "quoteline check": the validation every document
// goes through before it is opened, reported without opening the window or
// writing anything. Exit code 0: sound; 1: not; 2: usage.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quoteline check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: quoteline check FILE.quoteline\n\n"+
			"Check FILE as Quoteline checks every document before opening it: an SQLite database\n"+
			"with Quoteline's application id, a schema version this Quoteline reads, exactly the\n"+
			"tables Quoteline makes (no triggers, views or planted tables), intact pages, and within\n"+
			"the size limits. Nothing is written. Exit code 0 if it is sound, 1 if not.\n")
	}
	if code, ok := parseSubcommand(fs, args); !ok {
		return code
	}
	path := fs.Arg(0)
	ctx, stop := interrupt.Context(context.Background())
	defer stop()
	r, err := data.Check(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			err = errors.New("interrupted before the check was done")
		}
		fmt.Fprintln(stderr, "quoteline:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s: sound Quoteline document, schema version %d, %s in %s, %s\n",
		path, r.Version, timeline.Plural(r.Events, "event", "events"), timeline.Plural(r.Lanes, "lane", "lanes"), data.FormatBytes(r.Size))
	if r.Unfinished != "" {
		fmt.Fprintf(stdout, "%s: another program left it part-way through a change; it was checked as it was before that change, which %s beside it holds, and the first change made to it in Quoteline undoes that change for good\n", path, r.Unfinished)
	}
	if r.NeedsUpgrade() {
		fmt.Fprintf(stdout, "%s: the first change made to it in Quoteline will upgrade it to schema version %d, after writing a backup copy beside it\n", path, r.Latest)
	}
	return 0
}

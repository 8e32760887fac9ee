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

// runCheck carries out "quoteline check": the validation a document goes
// through before a command reads it (or, with --full, before the window
// trusts it), reported without opening the window or writing anything.
// Exit code 0: sound; 1: not; 2: usage.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quoteline check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: quoteline check [--full] FILE.quoteline\n\n"+
			"Check FILE as Quoteline checks a document before a command reads it: an SQLite database\n"+
			"with Quoteline's application id, a schema version this Quoteline reads, exactly the\n"+
			"tables Quoteline makes (no triggers, views or planted tables), and within the size\n"+
			"limits. With --full, also read every page and row, as the window does once it shows a\n"+
			"document: intact pages, values of the right type and range, references that hold.\n"+
			"Nothing is written. Exit code 0 if it is sound, 1 if not.\n\n")
		fs.PrintDefaults()
	}
	full := fs.Bool("full", false, "also read every page and row of the file")
	if code, ok := parseSubcommand(fs, args); !ok {
		return code
	}
	path := fs.Arg(0)
	ctx, stop := interrupt.Context(context.Background())
	defer stop()
	check := data.Inspect
	if *full {
		check = data.Check
	}
	r, err := check(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			err = errors.New("interrupted before the check was done")
		}
		fmt.Fprintln(stderr, "quoteline check:", err)
		return 1
	}
	what := "sound Quoteline document"
	if !*full {
		what = "Quoteline document (its header, schema and limits; --full also reads every page and row)"
	}
	fmt.Fprintf(stdout, "%s: %s, schema version %d, %s in %s, %s\n",
		path, what, r.Version, timeline.Plural(r.Events, "event", "events"), timeline.Plural(r.Lanes, "lane", "lanes"), data.FormatBytes(r.Size))
	if r.Unfinished != "" {
		fmt.Fprintf(stdout, "%s: another program left it part-way through a change; it was checked as it was before that change, which %s beside it holds, and the first change made to it in Quoteline undoes that change for good\n", path, r.Unfinished)
	}
	if r.NeedsUpgrade() {
		fmt.Fprintf(stdout, "%s: the first change made to it in Quoteline will upgrade it to schema version %d, after writing a backup copy beside it\n", path, r.Latest)
	} else if !r.SummaryCurrent {
		fmt.Fprintf(stdout, "%s: its level-of-detail summary is missing or out of date; the window builds it again when it next opens the document (until then it reads every event before its first frame)\n", path)
	}
	return 0
}

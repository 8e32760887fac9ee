package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/extract"
	"github.com/quoteline/quoteline/data/interchange"
)

// runImport carries out "quoteline import".
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quoteline import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: quoteline import [--from FORMAT] [flags] IN OUT.quoteline\n\n"+
			"Read IN and add its events to OUT, creating OUT if it does not exist. The import is one\n"+
			"transaction: it all goes in, or OUT is left as it was. FORMAT is one of json (Quoteline's\n"+
			"own), timelinejs (TimelineJS 3 or 2 JSON), timelinecsv (the TimelineJS spreadsheet saved as\n"+
			"CSV), vis (vis-timeline DataSet JSON), csv (one event a row) or article (a news article as\n"+
			"text or HTML; every suggested quote and date is accepted). Without --from it is guessed.\n\n"+
			"A file with records that cannot be read is refused, naming the first; with --skip-invalid\n"+
			"the others are imported and each one left out is listed. Times of day written without a\n"+
			"zone in vis and CSV files are read on the computer's clock unless --zone names another;\n"+
			"TimelineJS times are UTC. CSV dates in numbers alone (3/11/2015) are read in the order of\n"+
			"day, month and year under which all of them are dates, unless --date-order says which.\n\n")
		fs.PrintDefaults()
	}
	from := fs.String("from", "", "the format of IN (guessed from its name and content when left out)")
	published := fs.String("published", "", "article: its publication date, YYYY-MM-DD (needed when the page does not state it)")
	minConfidence := fs.String("min-confidence", "check", "article: high leaves out quotes whose speaker is to be checked; check keeps all")
	var m interchange.CSVMapping
	fs.StringVar(&m.Title, "title-col", "", "csv: the column (header name or number) holding event titles")
	fs.StringVar(&m.Start, "start-col", "", "csv: the column of start dates (YYYY, YYYY-MM, YYYY-MM-DD, or with a time)")
	fs.StringVar(&m.End, "end-col", "", "csv: the column of end dates")
	fs.StringVar(&m.Lane, "lane-col", "", "csv: the column of lane names")
	fs.StringVar(&m.Summary, "summary-col", "", "csv: the column of summaries")
	fs.StringVar(&m.Status, "status-col", "", "csv: the column of statuses (reported, confirmed, disputed, expected)")
	fs.StringVar(&m.Tags, "tags-col", "", "csv: the column of tags, separated by ';'")
	comma := fs.String("comma", "", "csv: the field separator (default ',', or tab for a tab-separated header)")
	quiet := fs.Bool("quiet", false, "print no progress")
	skipInvalid := fs.Bool("skip-invalid", false, "import the records that can be read, listing each one left out on stderr")
	zoneName := fs.String("zone", "local", "vis, csv: the time zone of times written without one: local (the computer's), UTC or a name such as Europe/Berlin")
	dateOrder := fs.String("date-order", "", "csv: the order of dates in numbers alone, dmy, mdy or ymd (default: the one that reads them all)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return 2
	}
	in, out := fs.Arg(0), fs.Arg(1)
	switch r := []rune(*comma); {
	case len(r) == 1:
		m.Comma = r[0]
	case *comma == `\t`:
		m.Comma = '\t'
	case *comma != "":
		fmt.Fprintf(stderr, "quoteline import: --comma %q: give one character\n", *comma)
		return 2
	}
	zone, err := interchange.ParseZone(*zoneName)
	if err != nil {
		fmt.Fprintln(stderr, "quoteline import: --zone:", err)
		return 2
	}
	if *dateOrder != "" && !data.DateOrder(*dateOrder).Valid() {
		fmt.Fprintf(stderr, "quoteline import: --date-order %q: give dmy, mdy or ymd\n", *dateOrder)
		return 2
	}
	format, err := importFormat(in, *from)
	if err != nil {
		fmt.Fprintln(stderr, "quoteline import:", err)
		if *from == "" {
			return 1 // the file could not be read or recognised: bad input, not bad usage
		}
		return 2
	}
	var pub data.Time
	if format == interchange.FormatArticle && *published != "" {
		if pub, err = data.ParseTime(*published); err != nil || pub.Precision != data.PrecisionDay {
			fmt.Fprintf(stderr, "quoteline import: --published %q: give the article's publication date as YYYY-MM-DD\n", *published)
			return 2
		}
	} else if *published != "" {
		fmt.Fprintln(stderr, "quoteline import: --published is only for articles")
		return 2
	}
	least, err := extract.ParseConfidence(*minConfidence)
	if err != nil {
		fmt.Fprintln(stderr, "quoteline import: --min-confidence:", err)
		return 2
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	started := time.Now()
	opt := interchange.Options{CSV: m, Zone: zone, DateOrder: data.DateOrder(*dateOrder)}
	if !*quiet {
		opt.Progress = func(read int64) { fmt.Fprintf(stderr, "\rquoteline import: read %.1f MB", float64(read)/1e6) }
	}
	var checked *data.CheckedDocument
	var res *interchange.Result
	if format == interchange.FormatArticle {
		var summary string
		checked, summary, err = articleDocument(in, pub, least, func(w string) { fmt.Fprintln(stderr, "quoteline import: warning:", w) })
		if err == nil {
			fmt.Fprintln(stdout, summary)
		}
	} else if res, err = interchange.ReadFileResult(in, format, opt); err == nil {
		checked = res.Doc
	}
	if opt.Progress != nil && format != interchange.FormatArticle {
		fmt.Fprintln(stderr)
	}
	if err == nil && res != nil {
		err = reportRecords(stderr, res, *skipInvalid)
	}
	if err != nil {
		fmt.Fprintln(stderr, "quoteline import:", err)
		return 1
	}
	if err := ctx.Err(); err != nil {
		fmt.Fprintln(stderr, "quoteline import: cancelled; nothing written")
		return 1
	}
	doc := checked.Document()
	if !*quiet {
		fmt.Fprintf(stderr, "quoteline import: writing %d events, %d quotes and %d sources to %s\n",
			len(doc.Events), len(doc.Quotes), len(doc.Sources), out)
	}
	var progress func(done, total int)
	if !*quiet && len(doc.Events) >= 10000 {
		progress = func(done, total int) {
			fmt.Fprintf(stderr, "\rquoteline import: %d of %d events (%d%%)", done, total, done*100/total)
			if done == total {
				fmt.Fprintln(stderr)
			}
		}
	}
	if err := session.ImportInto(ctx, out, checked, progress); err != nil {
		if ctx.Err() != nil {
			fmt.Fprintf(stderr, "quoteline import: cancelled; %s is as it was\n", out)
		} else {
			fmt.Fprintf(stderr, "quoteline import: %v; %s is as it was\n", err, out)
		}
		return 1
	}
	fmt.Fprintf(stdout, "imported %s (%s) into %s: %d events, %d periods, %d quotes, %d sources in %.1f s\n",
		in, format, out, len(doc.Events), len(doc.Periods), len(doc.Quotes), len(doc.Sources), time.Since(started).Seconds())
	return 0
}

// reportRecords says how the file of res was read and, if records were left
// out, lists them when skip allows it or refuses the file.
func reportRecords(stderr io.Writer, res *interchange.Result, skip bool) error {
	for _, n := range res.Notes() {
		fmt.Fprintln(stderr, "quoteline import:", n)
	}
	if res.SkippedCount == 0 {
		return nil
	}
	if !skip {
		return fmt.Errorf("%w: --skip-invalid imports those", res.Err())
	}
	for _, p := range res.Skipped {
		fmt.Fprintf(stderr, "quoteline import: left out %s %v\n", res.File, p)
	}
	if more := res.SkippedCount - len(res.Skipped); more > 0 {
		fmt.Fprintf(stderr, "quoteline import: and %d more left out, not listed\n", more)
	}
	fmt.Fprintln(stderr, "quoteline import:", res.Summary())
	if res.Doc == nil {
		return errors.New("no record can be read; nothing written")
	}
	return nil
}

// importFormat returns the named format, or the one detected from the file.
func importFormat(path, name string) (interchange.Format, error) {
	if name != "" {
		return interchange.ParseFormat(name)
	}
	return session.DetectFormat(path)
}

// articleDocument reads the article at path and accepts every suggestion
// made against its publication date (given, or else the one the page
// states) whose speaker is at least as sure as least, and returns the
// summary of the quotes suggested. warn is told what the user should know of
// the result.
func articleDocument(path string, given data.Time, least data.Confidence, warn func(string)) (*data.CheckedDocument, string, error) {
	a, err := session.ReadArticle(path)
	if err != nil {
		return nil, "", err
	}
	pub, conflict, err := extract.PublicationDate(a, given)
	if err != nil {
		return nil, "", fmt.Errorf("%s: %w: give it with --published YYYY-MM-DD", filepath.Base(path), err)
	}
	if conflict != "" {
		warn(conflict)
	}
	s := extract.Suggest(a.Text, pub)
	for _, w := range extract.Warnings(a, s) {
		warn(w)
	}
	doc, err := session.ArticleDocument(a, pub, path, s.AtLeast(least))
	return doc, s.Summary(), err
}

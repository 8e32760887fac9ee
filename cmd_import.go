package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/extract"
	"github.com/quoteline/quoteline/data/interchange"
	"github.com/quoteline/quoteline/internal/interrupt"
)

// runImport carries out "quoteline import".
func runImport(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quoteline import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: quoteline import [--from FORMAT] [flags] IN OUT.quoteline\n\n"+
			"Read IN and add its events to OUT, creating OUT if it does not exist. The import is one\n"+
			"transaction: it all goes in, or OUT is left as it was. FORMAT is one of json (Quoteline's\n"+
			"own), timelinejs (TimelineJS3 JSON), timelinecsv (the TimelineJS spreadsheet saved as CSV),\n"+
			"vis (vis-timeline DataSet JSON), csv (one event a row) or article (a news article as text\n"+
			"or HTML; every suggested quote and date is accepted). Without --from it is guessed.\n\n")
		fs.PrintDefaults()
	}
	from := fs.String("from", "", "the format of IN (guessed from its name and content when left out)")
	published := fs.String("published", "", "article: its publication date, YYYY-MM-DD (required for articles)")
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
	format, err := importFormat(in, *from)
	if err != nil {
		fmt.Fprintln(stderr, "quoteline import:", err)
		if *from == "" {
			return 1 // the file could not be read or recognised: bad input, not bad usage
		}
		return 2
	}
	var pub data.Time
	if format == interchange.FormatArticle {
		if pub, err = data.ParseTime(*published); err != nil || pub.Precision != data.PrecisionDay {
			fmt.Fprintf(stderr, "quoteline import: --published %q: give the article's publication date as YYYY-MM-DD\n", *published)
			return 2
		}
	} else if *published != "" {
		fmt.Fprintln(stderr, "quoteline import: --published is only for articles")
		return 2
	}

	ctx, stop := interrupt.Context(context.Background())
	defer stop()
	started := time.Now()
	opt := interchange.Options{CSV: m}
	if !*quiet {
		opt.Progress = func(read int64) { fmt.Fprintf(stderr, "\rquoteline import: read %.1f MB", float64(read)/1e6) }
	}
	var checked *data.CheckedDocument
	if format == interchange.FormatArticle {
		checked, err = articleDocument(in, pub)
	} else {
		checked, err = interchange.ReadFile(in, format, opt)
	}
	if opt.Progress != nil && format != interchange.FormatArticle {
		fmt.Fprintln(stderr)
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
	note := func(s string) { fmt.Fprintln(stderr, "quoteline import:", s) }
	if err := importInto(ctx, out, checked, progress, note); err != nil {
		if ctx.Err() != nil {
			fmt.Fprintf(stderr, "quoteline import: cancelled; %s is as it was\n", out)
		} else {
			fmt.Fprintf(stderr, "quoteline import: %v; %s is as it was\n", err, out)
		}
		return 1
	}
	fmt.Fprintf(stdout, "imported %s (%s) into %s: %d events, %d quotes, %d sources in %.1f s\n",
		in, format, out, len(doc.Events), len(doc.Quotes), len(doc.Sources), time.Since(started).Seconds())
	return 0
}

// importFormat returns the named format, or the one detected from the file.
func importFormat(path, name string) (interchange.Format, error) {
	if name != "" {
		return interchange.ParseFormat(name)
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, 8192)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return interchange.Detect(path, head[:n])
}

// importWait is how long an import waits for another program writing to
// the document before it gives up.
const importWait = 2 * time.Minute

// importInto adds doc to the document at path in one transaction, creating
// it (atomically) if it does not exist. progress, if not nil, is called
// with the number of events written; notes is told what else was done to
// an existing document (an upgrade, the switch to WAL).
func importInto(ctx context.Context, path string, doc *data.CheckedDocument, progress func(done, total int), notes func(string)) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if filepath.Ext(path) != ".quoteline" {
			return fmt.Errorf("%s: a new document's name must end in .quoteline", path)
		}
		s, err := data.CreateFromChecked(ctx, path, doc, progress)
		if err != nil {
			return err
		}
		return s.Close()
	}
	s, err := data.Open(ctx, path)
	if err != nil {
		return err
	}
	s.WaitForWriters(importWait, func(w data.Wait) {
		who := w.Holder
		if who == "" {
			who = "another program"
		}
		notes(fmt.Sprintf("waiting for %s to finish writing to %s (%v so far; Ctrl+C to stop)", who, path, w.Waited))
	})
	if up := s.Upgraded(); up.From != 0 {
		notes(fmt.Sprintf("%s was upgraded from schema version %d to %d to take the import; it was kept as it was in %s", path, up.From, up.To, up.Backup))
	}
	err = s.ImportChecked(ctx, doc, progress)
	if err == nil && s.SwitchedToWAL() {
		notes(fmt.Sprintf("%s was switched to write-ahead logging (WAL), the journal mode Quoteline keeps its documents in", path))
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return err
}

// articleDocument reads the article at path and accepts every suggestion
// made against the publication date pub.
func articleDocument(path string, pub data.Time) (*data.CheckedDocument, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	a, err := extract.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return data.CheckDocument(extract.Document(a, pub, path, extract.Suggest(a.Text, pub)))
}

// Command quoteline is a desktop timeline of events, each linked to the quotes
// that support it and the sources they come from.
//
// Usage:
//
//	quoteline [FILE.quoteline]         open the app (the default timeline without FILE)
//	quoteline new [--example] OUT.quoteline
//	quoteline gen --events N [--lanes L] [--seed S] OUT.quoteline
//	quoteline bench FILE.quoteline
//	quoteline export [--format png|svg|pdf|csv|json|timelinejs|vis] [--from DATE --to DATE] [--width W --height H] IN OUT
//	quoteline export --format pdf --stops IN OUT.pdf
//	quoteline check FILE.quoteline
//	quoteline search [--limit N] [--fts] FILE.quoteline WORDS...
//	quoteline import [--from FORMAT] IN OUT.quoteline
//	quoteline --version
package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	_ "time/tzdata" // time zones for the date preferences, on machines without them

	"github.com/BurntSushi/toml"

	"github.com/quoteline/quoteline/app"
	"github.com/quoteline/quoteline/assets"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/interrupt"
)

//go:embed FyneApp.toml
var fyneAppTOML string

const usage = `Quoteline: a timeline in which every event leads back to the words behind it.

Usage:
  quoteline [FILE.quoteline]              open the app on FILE, or on the default timeline
  quoteline new [--example] OUT.quoteline create an empty document (or the default timeline)
  quoteline gen --events N [--lanes L] [--seed S] OUT.quoteline
                                          write a synthetic document of N events, for trying it at scale
  quoteline bench FILE.quoteline          open FILE in the window, zoom and pan through it, print figures as JSON
  quoteline export [--format png|svg|pdf|csv|json|timelinejs|vis] [--from DATE --to DATE] [--width W --height H] IN.quoteline OUT
                                          draw the timeline as a picture with its sources listed, or write it as CSV, JSON, TimelineJS or vis
  quoteline export --format pdf --stops IN.quoteline OUT.pdf
                                          a handout of the presentation: a page per stop, then the sources
  quoteline check FILE.quoteline          check FILE as opening does, write nothing (exit 0 if sound, 1 if not)
  quoteline search [--limit N] [--fts] FILE.quoteline WORDS...
                                          print the events, quotes and sources matching WORDS as JSON lines
  quoteline import [--from FORMAT] IN OUT.quoteline
                                          add a TimelineJS, vis, CSV or Quoteline JSON file, or an article, to OUT
  quoteline --version                     print the version
  quoteline --help                        show this help
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run carries out one command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "new":
			return runNew(args[1:], stdout, stderr)
		case "gen":
			return runGen(args[1:], stdout, stderr)
		case "bench":
			return runBench(args[1:], stdout, stderr)
		case "export":
			return runExport(args[1:], stdout, stderr)
		case "check":
			return runCheck(args[1:], stdout, stderr)
		case "search":
			return runSearch(args[1:], stdout, stderr)
		case "import":
			return runImport(args[1:], stdout, stderr)
		}
	}
	fs := flag.NewFlagSet("quoteline", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, "quoteline", version())
		return 0
	}
	if fs.NArg() > 1 {
		fmt.Fprintf(stderr, "quoteline: one document at a time, got %d: %s\n", fs.NArg(), strings.Join(fs.Args(), " "))
		return 2
	}
	path := fs.Arg(0)
	if path != "" {
		if code := checkDocument(path, stderr); code != 0 {
			return code
		}
	}
	icon, err := assets.Icon()
	if err != nil {
		fmt.Fprintln(stderr, "quoteline:", err)
		return 1
	}
	app.Run(app.Options{Version: version(), Icon: icon, Path: path, Example: writeExample})
	return 0
}

// runNew carries out "quoteline new".
func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quoteline new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: quoteline new [--example] OUT.quoteline\n\nCreate a document; it must not exist yet.\n\n")
		fs.PrintDefaults()
	}
	example := fs.Bool("example", false, "fill it with the default timeline (Iran's drones for Russia and the sanctions that answered them)")
	if code, ok := parseSubcommand(fs, args); !ok {
		return code
	}
	out := fs.Arg(0)
	ctx := context.Background()
	var err error
	if *example {
		err = writeExample(ctx, out)
	} else {
		var s *data.Store
		if s, err = data.Create(ctx, out); err == nil {
			err = s.Close()
		}
	}
	if err != nil {
		fmt.Fprintln(stderr, "quoteline new:", err)
		return 1
	}
	fmt.Fprintln(stdout, "wrote", out)
	return 0
}

// runGen carries out "quoteline gen".
func runGen(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quoteline gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: quoteline gen --events N [--lanes L] [--seed S] OUT.quoteline\n\n"+
			"Write a synthetic document: a deterministic mix of points and ranges, bursts and quiet\n"+
			"periods over ten years, for trying Quoteline at scale. OUT must not exist.\n\n")
		fs.PrintDefaults()
	}
	events := fs.Int("events", -1, fmt.Sprintf("number of events, 0 to %d (required)", data.MaxGeneratedEvents))
	lanes := fs.Int("lanes", 10, fmt.Sprintf("number of lanes, 1 to %d", data.MaxGeneratedLanes))
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same document")
	if code, ok := parseSubcommand(fs, args); !ok {
		return code
	}
	switch {
	case *events < 0 || *events > data.MaxGeneratedEvents:
		fmt.Fprintf(stderr, "quoteline gen: --events %d: give a number of events from 0 to %d\n", *events, data.MaxGeneratedEvents)
		return 2
	case *lanes < 1 || *lanes > data.MaxGeneratedLanes:
		fmt.Fprintf(stderr, "quoteline gen: --lanes %d: give a number of lanes from 1 to %d\n", *lanes, data.MaxGeneratedLanes)
		return 2
	}
	out := fs.Arg(0)
	ctx, stop := interrupt.Context(context.Background())
	defer stop()
	start := time.Now()
	progress := func(done int) {
		fmt.Fprintf(stderr, "\rquoteline gen: %d of %d events (%d%%)", done, *events, done*100/max(*events, 1))
	}
	s, err := data.Generate(ctx, out, data.GenerateOptions{Events: *events, Lanes: *lanes, Seed: *seed, Progress: progress})
	if *events > 0 {
		fmt.Fprintln(stderr)
	}
	if err == nil {
		err = s.Close()
	}
	if err != nil {
		if ctx.Err() != nil {
			err = fmt.Errorf("interrupted; %s was not written", out)
		}
		fmt.Fprintln(stderr, "quoteline gen:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %d events in %d lanes in %.1f s\n", out, *events, *lanes, time.Since(start).Seconds())
	return 0
}

// runBench carries out "quoteline bench".
func runBench(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quoteline bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: quoteline bench FILE.quoteline\n\n"+
			"Open FILE in the real window, zoom from its whole extent to an hour and back with pans\n"+
			"on the way, one step per frame, and print one JSON line of figures (see BENCHMARKS.md).\n")
	}
	if code, ok := parseSubcommand(fs, args); !ok {
		return code
	}
	path := fs.Arg(0)
	if code := checkDocument(path, stderr); code != 0 {
		return code
	}
	icon, _ := assets.Icon()
	if err := app.RunBench(app.Options{Version: version(), Icon: icon, Path: path}, stdout); err != nil {
		fmt.Fprintln(stderr, "quoteline bench:", err)
		return 1
	}
	return 0
}

// checkDocument refuses a bad file with a message on the terminal, before any
// window opens; it returns the exit code. It writes nothing.
func checkDocument(path string, stderr io.Writer) int {
	if _, err := data.Check(context.Background(), path); err != nil {
		fmt.Fprintln(stderr, "quoteline:", err)
		return 1
	}
	return 0
}

// parseSubcommand parses a subcommand's flags and checks it was given one
// file. When ok is false the caller exits with code: 0 after --help, 2 for a
// usage error (already reported).
func parseSubcommand(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2, false
	}
	return 0, true
}

// writeExample writes the default timeline to path, which must not exist.
func writeExample(ctx context.Context, path string) error {
	doc, err := data.ReadDocument(assets.Seed(), assets.DefaultDocument)
	if err != nil {
		return fmt.Errorf("default timeline: %w", err)
	}
	s, err := data.CreateFromDocument(ctx, path, doc)
	if err != nil {
		return err
	}
	return s.Close()
}

// version is the application version from FyneApp.toml.
func version() string {
	var meta struct {
		Details struct{ Version string }
	}
	if _, err := toml.Decode(fyneAppTOML, &meta); err != nil || meta.Details.Version == "" {
		return "unknown"
	}
	return meta.Details.Version
}

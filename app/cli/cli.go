// Package cli is Quoteline's command line: the subcommands that make,
// check, search, import into and export documents without a window. They
// stand on the same document operations as the window (package session),
// run inline, and load no Fyne package: a test keeps it so.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/interrupt"
)

// commands are the subcommands, by their first word.
var commands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"new":    runNew,
	"gen":    runGen,
	"export": runExport,
	"check":  runCheck,
	"search": runSearch,
	"import": runImport,
}

// Handles reports whether word names one of the subcommands.
func Handles(word string) bool {
	_, ok := commands[word]
	return ok
}

// Run carries out a command line whose first word is a subcommand (see
// Handles) and returns the exit code: 0 for success, 1 for a failure, 2
// for a usage error.
func Run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || !Handles(args[0]) {
		fmt.Fprintln(stderr, "quoteline: no such command")
		return 2
	}
	return commands[args[0]](args[1:], stdout, stderr)
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
		err = session.WriteExample(ctx, out)
	} else {
		err = session.CreateEmpty(ctx, out)
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

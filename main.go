// Command quoteline is a desktop timeline of events, each linked to the quotes
// that support it and the sources they come from.
//
// Usage:
//
//	quoteline [FILE.quoteline]         open the app (the default timeline without FILE)
//	quoteline new [--example] OUT.quoteline
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

	"github.com/BurntSushi/toml"

	"github.com/quoteline/quoteline/app"
	"github.com/quoteline/quoteline/assets"
	"github.com/quoteline/quoteline/data"
)

//go:embed FyneApp.toml
var fyneAppTOML string

const usage = `Quoteline: a timeline in which every event leads back to the words behind it.

Usage:
  quoteline [FILE.quoteline]              open the app on FILE, or on the default timeline
  quoteline new [--example] OUT.quoteline create an empty document (or the default timeline)
  quoteline --version                     print the version
  quoteline --help                        show this help
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run carries out one command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "new" {
		return runNew(args[1:], stdout, stderr)
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
		// Refuse a bad file here, with a message on the terminal, before any window opens.
		s, err := data.Open(context.Background(), path)
		if err != nil {
			fmt.Fprintln(stderr, "quoteline:", err)
			return 1
		}
		if err := s.Close(); err != nil {
			fmt.Fprintln(stderr, "quoteline:", err)
			return 1
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
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
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

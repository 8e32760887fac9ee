// Command quoteline is a desktop timeline of events, each linked to the quotes
// that support it and the sources they come from.
//
// Usage:
//
//	quoteline [FILE.quoteline]         open the app (the default timeline without FILE)
//	quoteline new [--example] OUT.quoteline
//	quoteline gen --events N [--lanes L] [--seed S] OUT.quoteline
//	quoteline bench [--baseline] [--cpuprofile FILE] [--edits N] FILE.quoteline
//	quoteline export [--format png|svg|pdf|csv|json|timelinejs|vis] [--from DATE --to DATE] [--width W --height H] IN OUT
//	quoteline export --format pdf --stops IN OUT.pdf
//	quoteline check [--full] FILE.quoteline
//	quoteline search [--limit N] [--fts] FILE.quoteline WORDS...
//	quoteline import [--from FORMAT] IN OUT.quoteline
//	quoteline --version
//
// The window is package app; the subcommands are package app/cli.
package main

import (
	_ "embed"
	"io"
	"os"

	"github.com/quoteline/quoteline/app"
	"github.com/quoteline/quoteline/app/cli"
)

// appTOML is the application's metadata, for its version.
//
//go:embed FyneApp.toml
var appTOML string

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run hands a command line to the subcommand its first word names, or else
// to the window, and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && cli.Handles(args[0]) {
		return cli.Run(args, stdout, stderr)
	}
	return app.Run(args, appTOML, stdout, stderr)
}

package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/interrupt"
)

// searchLine is one line of "quoteline search" output.
type searchLine struct {
	Kind      string `json:"kind"`
	ID        int64  `json:"id"`
	Title     string `json:"title,omitempty"` // events and sources
	Text      string `json:"text,omitempty"`  // quotes
	Time      string `json:"time,omitempty"`  // ISO form at its precision, UTC
	Precision string `json:"precision,omitempty"`
}

// runSearch carries out "quoteline search".
func runSearch(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quoteline search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: quoteline search [--limit N] [--fts] FILE.quoteline WORDS...\n\n"+
			"Print the events, quotes and sources whose text matches WORDS, one JSON object a line:\n"+
			"kind, id, title (or text, for a quote), time and its precision. The last word matches\n"+
			"as a prefix. Events come first, then quotes, then sources, each in the order added.\n\n")
		fs.PrintDefaults()
	}
	limit := fs.Int("limit", 100, "the most matches to print, 1 to 100000")
	raw := fs.Bool("fts", false, "take WORDS as an SQLite FTS4 query (\"a b\" phrases, OR, NOT, prefix*)")
	// Unlike other subcommands this one takes words after its file.
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	rest := fs.Args()
	if len(rest) < 2 {
		fs.Usage()
		return 2
	}
	if *limit < 1 || *limit > 100_000 {
		fmt.Fprintf(stderr, "quoteline search: --limit %d: give a number from 1 to 100000\n", *limit)
		return 2
	}
	path, words := rest[0], strings.Join(rest[1:], " ")
	query := words
	if !*raw {
		query = data.PlainQuery(words)
		if n := data.SearchWords(words); n > data.MaxSearchWords {
			fmt.Fprintf(stderr, "quoteline search: searching for the first %d of %d words\n", data.MaxSearchWords, n)
		}
	}
	if query == "" {
		fmt.Fprintf(stderr, "quoteline search: %q has no word to search for\n", words)
		return 2
	}
	ctx, stop := interrupt.Context(context.Background())
	defer stop()
	s, err := data.OpenReadOnly(ctx, path)
	if err != nil {
		if ctx.Err() != nil {
			err = errors.New("interrupted")
		}
		fmt.Fprintln(stderr, "quoteline search:", err)
		return 1
	}
	defer s.Close()
	hits, err := s.Search(ctx, query, *limit)
	if err != nil {
		fmt.Fprintln(stderr, "quoteline search:", err)
		return 1
	}
	enc := json.NewEncoder(stdout)
	for _, h := range hits {
		line := searchLine{Kind: h.Kind, ID: h.ID, Time: h.Time.String()}
		if !h.Time.IsZero() {
			line.Precision = h.Time.Precision.String()
		}
		if h.Kind == "quote" {
			line.Text = h.Title
		} else {
			line.Title = h.Title
		}
		if err := enc.Encode(line); err != nil {
			fmt.Fprintln(stderr, "quoteline search:", err)
			return 1
		}
	}
	return 0
}

package interchange

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/internal/outfile"
)

// WriteFile writes doc to path in format f, through outfile.Write: only a
// regular file is written, created or replaced whole once complete, and
// ctx stops it. For FormatQuoteline the texts of sources are written
// beside it, in a folder named after the file ("timeline.json" keeps them
// in "timeline-sources/"), and the document names them with text_file.
func WriteFile(ctx context.Context, path string, f Format, doc *data.Document) error {
	write := func(path string, fill func(io.Writer) error) error {
		if err := outfile.Write(ctx, path, fill); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Base(path), err)
		}
		return nil
	}
	switch f {
	case FormatCSV:
		return write(path, func(w io.Writer) error { return WriteCSV(w, doc) })
	case FormatTimelineJS:
		return write(path, func(w io.Writer) error { return WriteTimelineJS(w, doc) })
	case FormatVis:
		return write(path, func(w io.Writer) error { return WriteVis(w, doc) })
	case FormatQuoteline:
		return writeQuotelineFile(path, doc, write)
	}
	return fmt.Errorf("cannot write format %q", f)
}

// writeQuotelineFile writes doc to path as Quoteline JSON with write, and
// the texts of its sources in a folder beside it.
func writeQuotelineFile(path string, doc *data.Document, write func(string, func(io.Writer) error) error) error {
	out := *doc
	out.Sources = append(make([]data.DocumentSource, 0, len(doc.Sources)), doc.Sources...) // [] for none, not null
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	dir := stem + "-sources"
	for i := range out.Sources {
		src := &out.Sources[i]
		if src.TextFile == "" && src.Text == "" {
			continue
		}
		name := filepath.Base(src.TextFile)
		if name == "." || name == "/" || name == "" {
			name = src.Key + ".txt"
		}
		src.TextFile = dir + "/" + name
		// The folder is made if need be, but never followed if it is a
		// link: the texts go beside the document and nowhere else.
		if err := outfile.Folder(filepath.Join(filepath.Dir(path), dir)); err != nil {
			return err
		}
		text := src.Text
		if err := write(filepath.Join(filepath.Dir(path), dir, name), func(w io.Writer) error {
			_, err := io.WriteString(w, text)
			return err
		}); err != nil {
			return err
		}
	}
	return write(path, func(w io.Writer) error { return WriteQuoteline(w, &out) })
}

// WriteQuoteline writes doc as Quoteline JSON. Source texts are not
// included: they live in the files named by text_file. Empty lists are
// written as [], not null.
func WriteQuoteline(w io.Writer, doc *data.Document) error {
	out := *doc
	for _, l := range []struct {
		n    int
		make func()
	}{
		{len(out.Lanes), func() { out.Lanes = []data.DocumentLane{} }},
		{len(out.Actors), func() { out.Actors = []data.DocumentActor{} }},
		{len(out.Sources), func() { out.Sources = []data.DocumentSource{} }},
		{len(out.Quotes), func() { out.Quotes = []data.DocumentQuote{} }},
		{len(out.Events), func() { out.Events = []data.DocumentEvent{} }},
	} {
		if l.n == 0 {
			l.make()
		}
	}
	doc = &out
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

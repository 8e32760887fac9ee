package interchange

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/quoteline/quoteline/data"
)

// WriteFile writes doc to path in format f. The file appears at path only
// once complete. For FormatQuoteline the texts of sources are written
// beside it, in a folder named after the file ("timeline.json" keeps them
// in "timeline-sources/"), and the document names them with text_file.
func WriteFile(path string, f Format, doc *data.Document) error {
	switch f {
	case FormatCSV:
		return writeAtomic(path, func(w io.Writer) error { return WriteCSV(w, doc) })
	case FormatTimelineJS:
		return writeAtomic(path, func(w io.Writer) error { return WriteTimelineJS(w, doc) })
	case FormatVis:
		return writeAtomic(path, func(w io.Writer) error { return WriteVis(w, doc) })
	case FormatQuoteline:
		return writeQuotelineFile(path, doc)
	}
	return fmt.Errorf("cannot write format %q", f)
}

func writeQuotelineFile(path string, doc *data.Document) error {
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
		if err := os.MkdirAll(filepath.Join(filepath.Dir(path), dir), 0o755); err != nil {
			return err
		}
		text := src.Text
		if err := writeAtomic(filepath.Join(filepath.Dir(path), dir, name), func(w io.Writer) error {
			_, err := io.WriteString(w, text)
			return err
		}); err != nil {
			return err
		}
	}
	return writeAtomic(path, func(w io.Writer) error { return WriteQuoteline(w, &out) })
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

// writeAtomic writes a temporary file beside path with fill and renames it
// to path; on failure nothing is left behind.
func writeAtomic(path string, fill func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := newBufferedWriter(tmp)
	if err = fill(bw); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

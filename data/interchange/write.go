package interchange

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strconv"
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
	return WriteStream(ctx, path, f, doc, doc.EventStream())
}

// WriteStream writes to path, as WriteFile does, the document head with
// the events of the stream in place of its own: the events are written as
// the stream gives them, and never held together.
func WriteStream(ctx context.Context, path string, f Format, head *data.Document, events data.EventStream) error {
	doc := head
	write := func(path string, fill func(io.Writer) error) error {
		if err := outfile.Write(ctx, path, fill); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Base(path), err)
		}
		return nil
	}
	switch f {
	case FormatCSV:
		return write(path, func(w io.Writer) error { return writeCSV(w, doc, events) })
	case FormatTimelineJS:
		return write(path, func(w io.Writer) error { return writeTimelineJS(w, doc, events) })
	case FormatVis:
		return write(path, func(w io.Writer) error { return writeVis(w, doc, events) })
	case FormatQuoteline:
		return writeQuotelineFile(path, doc, events, write)
	}
	return fmt.Errorf("cannot write format %q", f)
}

// writeQuotelineFile writes doc to path as Quoteline JSON with write, and
// the texts of its sources in a folder beside it.
func writeQuotelineFile(path string, doc *data.Document, events data.EventStream, write func(string, func(io.Writer) error) error) error {
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
	return write(path, func(w io.Writer) error { return writeQuoteline(w, &out, events) })
}

// WriteQuoteline writes doc as Quoteline JSON. Source texts are not
// included: they live in the files named by text_file. Empty lists are
// written as [], not null.
func WriteQuoteline(w io.Writer, doc *data.Document) error {
	return writeQuoteline(w, doc, doc.EventStream())
}

// writeQuoteline writes doc as WriteQuoteline does, with the events of the
// stream.
func writeQuoteline(w io.Writer, doc *data.Document, events data.EventStream) error {
	out := *doc
	for _, l := range []struct {
		n    int
		make func()
	}{
		{len(out.Lanes), func() { out.Lanes = []data.DocumentLane{} }},
		{len(out.Actors), func() { out.Actors = []data.DocumentActor{} }},
		{len(out.Sources), func() { out.Sources = []data.DocumentSource{} }},
		{len(out.Quotes), func() { out.Quotes = []data.DocumentQuote{} }},
	} {
		if l.n == 0 {
			l.make()
		}
	}
	out.Events = []data.DocumentEvent{}
	return encodeStreamed(w, &out, "events", false, func(elem func(any) error) error {
		return events(func(e *data.DocumentEvent) error { return elem(e) })
	})
}

// encodeStreamed writes v as a json.Encoder indenting by two spaces
// writes it, where v's top-level field named field is an empty array in v:
// its elements are written in its place as fill hands them to elem, one at
// a time, and never held together. escapeHTML is the encoder's
// SetEscapeHTML.
func encodeStreamed(w io.Writer, v any, field string, escapeHTML bool, fill func(elem func(any) error) error) error {
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(v); err != nil {
		return err
	}
	// The field at the top level, as the encoder indents it: inside a
	// string a line break is written \n, so this is found nowhere else.
	open := "\n  " + strconv.Quote(field) + ": ["
	before, after, ok := bytes.Cut(head.Bytes(), []byte(open+"]"))
	if !ok {
		return fmt.Errorf("encode %s: no empty %q array to fill", reflect.TypeOf(v), field)
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.Write(before)
	bw.WriteString(open)
	var one bytes.Buffer
	elemEnc := json.NewEncoder(&one)
	elemEnc.SetIndent("    ", "  ")
	elemEnc.SetEscapeHTML(escapeHTML)
	n := 0
	err := fill(func(e any) error {
		one.Reset()
		if err := elemEnc.Encode(e); err != nil {
			return err
		}
		if n > 0 {
			bw.WriteByte(',')
		}
		n++
		bw.WriteString("\n    ")
		_, err := bw.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
		return err
	})
	if err != nil {
		return err
	}
	if n > 0 {
		bw.WriteString("\n  ")
	}
	bw.WriteByte(']')
	bw.Write(after)
	return bw.Flush()
}

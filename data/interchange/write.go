package interchange

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
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
	return WriteExport(ctx, path, f, doc.Export())
}

// WriteExport writes x to path as WriteFile writes a document: its quotes
// and events are written as its streams give them, and never held
// together.
func WriteExport(ctx context.Context, path string, f Format, x *data.Export) error {
	write := func(path string, fill func(io.Writer) error) error {
		if err := outfile.Write(ctx, path, fill); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Base(path), err)
		}
		return nil
	}
	switch f {
	case FormatCSV:
		return write(path, func(w io.Writer) error { return writeCSV(w, x) })
	case FormatTimelineJS:
		return write(path, func(w io.Writer) error { return writeTimelineJS(w, x) })
	case FormatVis:
		return write(path, func(w io.Writer) error { return writeVis(w, x) })
	case FormatQuoteline:
		return writeQuotelineFile(path, x, write)
	}
	return fmt.Errorf("cannot write format %q", f)
}

// writeQuotelineFile writes x to path as Quoteline JSON with write, and
// the texts of its sources in a folder beside it. If the document cannot
// be written, the texts written for it are taken away again, and the
// folder too if it was made for them.
func writeQuotelineFile(path string, x *data.Export, write func(string, func(io.Writer) error) error) (err error) {
	head := *x.Head
	head.Sources = append(make([]data.DocumentSource, 0, len(x.Head.Sources)), x.Head.Sources...) // [] for none, not null
	stem := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	dir := stem + "-sources"
	folder := filepath.Join(filepath.Dir(path), dir)
	_, statErr := os.Lstat(folder)
	madeFolder := errors.Is(statErr, fs.ErrNotExist)
	var written []string
	defer func() {
		if err == nil {
			return
		}
		for _, f := range written {
			os.Remove(f)
		}
		if madeFolder {
			os.Remove(folder) // only if empty
		}
	}()
	for i := range head.Sources {
		src := &head.Sources[i]
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
		if err := outfile.Folder(folder); err != nil {
			return err
		}
		text, file := src.Text, filepath.Join(folder, name)
		if err := write(file, func(w io.Writer) error {
			_, err := io.WriteString(w, text)
			return err
		}); err != nil {
			return err
		}
		written = append(written, file)
	}
	out := *x
	out.Head = &head
	return write(path, func(w io.Writer) error { return writeQuoteline(w, &out) })
}

// WriteQuoteline writes doc as Quoteline JSON. Source texts are not
// included: they live in the files named by text_file. Empty lists are
// written as [], not null.
func WriteQuoteline(w io.Writer, doc *data.Document) error { return writeQuoteline(w, doc.Export()) }

// writeQuoteline writes x as WriteQuoteline writes a document.
func writeQuoteline(w io.Writer, x *data.Export) error {
	out := *x.Head
	for _, l := range []struct {
		n    int
		make func()
	}{
		{len(out.Lanes), func() { out.Lanes = []data.DocumentLane{} }},
		{len(out.Actors), func() { out.Actors = []data.DocumentActor{} }},
		{len(out.Sources), func() { out.Sources = []data.DocumentSource{} }},
	} {
		if l.n == 0 {
			l.make()
		}
	}
	out.Quotes, out.Events = []data.DocumentQuote{}, []data.DocumentEvent{}
	return encodeStreamed(w, &out, false,
		streamedArray{"quotes", func(elem func(any) error) error {
			return x.Quotes(func(q *data.DocumentQuote) error { return elem(q) })
		}},
		streamedArray{"events", func(elem func(any) error) error {
			return x.Events(func(e *data.DocumentEvent) error { return elem(e) })
		}})
}

// streamedArray is a top-level array of an object that encodeStreamed
// writes: named field, its elements handed by fill to elem one at a time.
type streamedArray struct {
	field string
	fill  func(elem func(any) error) error
}

// encodeStreamed writes v as a json.Encoder indenting by two spaces
// writes it, where each of arrays is a top-level field of v holding an
// empty array (in the order they come in v): its elements are written in
// its place as its fill hands them over, one at a time, and never held
// together. escapeHTML is the encoder's SetEscapeHTML.
func encodeStreamed(w io.Writer, v any, escapeHTML bool, arrays ...streamedArray) error {
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(escapeHTML)
	if err := enc.Encode(v); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	rest := head.Bytes()
	for _, a := range arrays {
		// The field at the top level, as the encoder indents it: inside a
		// string a line break is written \n, so this is found nowhere else.
		open := "\n  " + strconv.Quote(a.field) + ": ["
		before, after, ok := bytes.Cut(rest, []byte(open+"]"))
		if !ok {
			return fmt.Errorf("encode %s: no empty %q array to fill", reflect.TypeOf(v), a.field)
		}
		bw.Write(before)
		bw.WriteString(open)
		if err := writeElements(bw, a.fill, escapeHTML); err != nil {
			return err
		}
		rest = after
	}
	bw.Write(rest)
	return bw.Flush()
}

// writeElements writes the elements fill hands over as the elements of a
// top-level array, and the array's end.
func writeElements(bw *bufio.Writer, fill func(elem func(any) error) error, escapeHTML bool) error {
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
	return bw.WriteByte(']')
}

package interchange

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/data"
)

// TestEncodeStreamed: an object whose array is written an element at a
// time reads byte for byte as json.Encoder writes it whole, whatever the
// strings around it hold (the array's own name and a line break among
// them) and with or without HTML escaped.
func TestEncodeStreamed(t *testing.T) {
	type elem struct {
		Title string            `json:"title"`
		Tags  []string          `json:"tags,omitempty"`
		More  map[string]string `json:"more,omitempty"`
	}
	type object struct {
		Name   string `json:"name"`
		Quotes []elem `json:"quotes"`
		Events []elem `json:"events"`
		After  []elem `json:"after,omitempty"`
	}
	tricky := "a\n  \"events\": [] <b>&</b>"
	for _, tt := range []struct {
		name string
		v    object
	}{
		{"none", object{Name: "x"}},
		{"one", object{Name: "x", Events: []elem{{Title: "only"}}}},
		{"several", object{Name: tricky, Quotes: []elem{{Title: "\n  \"quotes\": []"}, {Title: tricky}},
			Events: []elem{{Title: tricky, Tags: []string{"a", "b"}}, {Title: "b", More: map[string]string{"k": tricky}}, {}},
			After:  []elem{{Title: "after"}}}},
	} {
		for _, escape := range []bool{true, false} {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(escape)
			whole := tt.v
			if whole.Events == nil {
				whole.Events = []elem{}
			}
			if whole.Quotes == nil {
				whole.Quotes = []elem{}
			}
			if err := enc.Encode(whole); err != nil {
				t.Fatal(err)
			}
			head := tt.v
			head.Quotes, head.Events = []elem{}, []elem{}
			fill := func(elems []elem) func(put func(any) error) error {
				return func(put func(any) error) error {
					for _, e := range elems {
						if err := put(e); err != nil {
							return err
						}
					}
					return nil
				}
			}
			var got bytes.Buffer
			err := encodeStreamed(&got, head, escape, streamedArray{"quotes", fill(tt.v.Quotes)}, streamedArray{"events", fill(tt.v.Events)})
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s, escape HTML %v:\n%s\nwant\n%s", tt.name, escape, got.String(), want.String())
			}
		}
	}
}

// TestWriteExport_FailureLeavesNothing: a Quoteline JSON export whose
// events fail midway leaves neither the document nor the texts written
// beside it, nor the folder made for them; a folder that was there stays.
func TestWriteExport_FailureLeavesNothing(t *testing.T) {
	broken := errors.New("the store failed")
	export := func() *data.Export {
		doc := &data.Document{Format: data.DocumentFormat, Version: data.DocumentVersion, Title: "T",
			Sources: []data.DocumentSource{{Key: "s", Title: "Wire", Text: "the text"}},
			Events:  []data.DocumentEvent{{Key: "e", Title: "E", Start: "2024-01-02"}}}
		x := doc.Export()
		x.Events = func(fn func(*data.DocumentEvent) error) error {
			if err := fn(&doc.Events[0]); err != nil {
				return err
			}
			return broken
		}
		return x
	}
	for _, folderThere := range []bool{false, true} {
		dir := t.TempDir()
		if folderThere {
			if err := os.Mkdir(filepath.Join(dir, "out-sources"), 0o755); err != nil {
				t.Fatal(err)
			}
		}
		err := WriteExport(context.Background(), filepath.Join(dir, "out.json"), FormatQuoteline, export())
		if !errors.Is(err, broken) {
			t.Fatalf("WriteExport: %v", err)
		}
		var left []string
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if p != dir {
				left = append(left, strings.TrimPrefix(p, dir))
			}
			return nil
		})
		want := []string(nil)
		if folderThere {
			want = []string{"/out-sources"}
		}
		if !slices.Equal(left, want) {
			t.Errorf("folder there before: %v; left %q, want %q", folderThere, left, want)
		}
	}
}

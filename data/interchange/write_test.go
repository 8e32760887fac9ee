package interchange

import (
	"bytes"
	"encoding/json"
	"testing"
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
		{"several", object{Name: tricky, Events: []elem{{Title: tricky, Tags: []string{"a", "b"}}, {Title: "b", More: map[string]string{"k": tricky}}, {}},
			After: []elem{{Title: "after"}}}},
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
			if err := enc.Encode(whole); err != nil {
				t.Fatal(err)
			}
			head := tt.v
			head.Events = []elem{}
			var got bytes.Buffer
			err := encodeStreamed(&got, head, "events", escape, func(put func(any) error) error {
				for _, e := range tt.v.Events {
					if err := put(e); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != want.String() {
				t.Errorf("%s, escape HTML %v:\n%s\nwant\n%s", tt.name, escape, got.String(), want.String())
			}
		}
	}
}

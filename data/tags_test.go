package data

import (
	"context"
	"reflect"
	"testing"
)

func TestStore_Tags(t *testing.T) {
	s, ids := testStore(t)
	ctx := context.Background()
	// A second event carries "x" only, so the counts differ.
	ev, err := s.Event(ctx, ids["Second event"])
	if err != nil {
		t.Fatal(err)
	}
	ev.Tags = []string{"x"}
	if _, _, err := s.SaveEvent(ctx, ev); err != nil {
		t.Fatal(err)
	}
	got, err := s.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []TagCount{{"x", 2}, {"y", 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Tags = %v, want %v", got, want)
	}

	first, second := ids["First event"], ids["Second event"]
	tests := []struct {
		names []string
		want  []int64
	}{
		{nil, nil},
		{[]string{"y"}, []int64{first}},
		{[]string{"x"}, []int64{first, second}},
		{[]string{"x", "y"}, []int64{first, second}},
		{[]string{"no such tag"}, nil},
		{[]string{"X"}, nil}, // tags are matched as written
	}
	for _, tt := range tests {
		got, err := s.EventsWithTags(ctx, tt.names)
		if err != nil {
			t.Fatalf("EventsWithTags(%q): %v", tt.names, err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("EventsWithTags(%q) = %v, want %v", tt.names, got, tt.want)
		}
	}
	if _, err := s.EventsWithTags(ctx, make([]string, maxQueryArgs+1)); err == nil {
		t.Error("EventsWithTags with too many names: no error")
	}
}

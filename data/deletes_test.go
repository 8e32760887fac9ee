package data

import (
	"context"
	"slices"
	"testing"
)

// TestStore_DeleteLinks describes, for each kind of record, what deleting
// it would take with it.
func TestStore_DeleteLinks(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name     string
		describe func(s *Store) (string, error)
		want     string
	}{
		{"actor with quotes and events", func(s *Store) (string, error) { return s.ActorLinks(ctx, 1) },
			"2 quotes it is the speaker of (“bye”, “hello world”) and 1 link to an event (First event)"},
		{"actor with an event only", func(s *Store) (string, error) { return s.ActorLinks(ctx, 2) },
			"1 link to an event (First event)"},
		{"source with linked quotes", func(s *Store) (string, error) { return s.SourceLinks(ctx, 1) },
			"2 quotes (“hello world”, “bye”) with 3 links to events"},
		{"source with a quote and a citing event", func(s *Store) (string, error) { return s.SourceLinks(ctx, 2) },
			"1 quote (“unlocated words”) and 1 link to an event citing it (First event)"},
		{"quote on two events", func(s *Store) (string, error) { return s.QuoteLinks(ctx, 1) },
			"2 links to events (First event, Second event)"},
		{"unlinked quote", func(s *Store) (string, error) { return s.QuoteLinks(ctx, 3) }, ""},
		{"missing actor", func(s *Store) (string, error) { return s.ActorLinks(ctx, 99) }, ""},
		{"new actor", func(s *Store) (string, error) {
			id, _, err := s.SaveActor(ctx, Actor{Name: "Nobody", Kind: KindPerson})
			if err != nil {
				return "", err
			}
			return s.ActorLinks(ctx, id)
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newEditTestStore(t)
			got, err := tt.describe(s)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestListed_NamesTheFirstFew(t *testing.T) {
	tests := []struct {
		names []string
		want  string
	}{
		{nil, ""},
		{[]string{"a"}, "1 thing (a)"},
		{[]string{"a", "b", "c", "d", "e"}, "5 things (a, b, c, d, e)"},
		{[]string{"a", "b", "c", "d", "e", "f", "g"}, "7 things (a, b, c, d, e, and 2 more)"},
		{[]string{"An event whose title is far too long to be named in full here"}, "1 thing (An event whose title is far too long to b…)"},
	}
	for _, tt := range tests {
		if got := listed(tt.names, "thing", "things"); got != tt.want {
			t.Errorf("listed(%q) = %q, want %q", tt.names, got, tt.want)
		}
	}
}

// TestEdit_SaysWhatItChanged: an edit names the actors, sources, quotes and
// relinked events it changes.
func TestEdit_SaysWhatItChanged(t *testing.T) {
	ctx := context.Background()
	s, _ := newEditTestStore(t)
	tests := []struct {
		name                                  string
		do                                    func() (*Edit, error)
		actors, sources, quotes, relinkedEvts []int64
	}{
		{"delete actor", func() (*Edit, error) { return s.DeleteActor(ctx, 1) }, []int64{1}, nil, []int64{1, 2}, nil},
		{"delete source", func() (*Edit, error) { return s.DeleteSource(ctx, 2) }, nil, []int64{2}, []int64{3}, []int64{1}},
		{"link quote", func() (*Edit, error) { return s.LinkQuote(ctx, 2, 2, StanceSupports) }, nil, nil, nil, []int64{2}},
		{"unlink quote", func() (*Edit, error) { return s.UnlinkQuote(ctx, 1, 1) }, nil, nil, nil, []int64{1}},
	}
	for _, tt := range tests {
		ed, err := tt.do()
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		for _, c := range []struct {
			what      string
			got, want []int64
		}{{"actors", ed.Actors(), tt.actors}, {"sources", ed.Sources(), tt.sources}, {"quotes", ed.Quotes(), tt.quotes}, {"relinked", ed.Relinked(), tt.relinkedEvts}} {
			if !slices.Equal(c.got, c.want) {
				t.Errorf("%s: %s %v, want %v", tt.name, c.what, c.got, c.want)
			}
		}
	}
}

func TestStore_Quotes(t *testing.T) {
	s, _ := newEditTestStore(t)
	quotes, err := s.Quotes(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range quotes {
		got = append(got, q.Text+" / "+q.Speaker+" / "+q.Source.Title)
	}
	want := []string{"unlocated words /  / Source two", "bye / Pat / Source one", "hello world / Pat / Source one"}
	if !slices.Equal(got, want) {
		t.Errorf("Quotes: %q, want %q", got, want)
	}
}

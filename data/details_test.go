package data

import (
	"context"
	"errors"
	"reflect"
	"testing"
)

func TestStore_EventDetails(t *testing.T) {
	s, ids := testStore(t)
	ctx := context.Background()
	for _, title := range []string{"First event", "Second event"} {
		id := ids[title]
		got, err := s.EventDetails(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		// The same as the reads one at a time, on a document nobody changes.
		var want EventDetails
		if want.Event, err = s.Event(ctx, id); err != nil {
			t.Fatal(err)
		}
		actors, err := s.Actors(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range want.Event.Actors {
			for _, act := range actors {
				if act.ID == a {
					want.Actors = append(want.Actors, act.Name)
				}
			}
		}
		if want.Quotes, err = s.QuotesOfEvent(ctx, id); err != nil {
			t.Fatal(err)
		}
		if want.Sources, err = s.SourcesOfEvent(ctx, id); err != nil {
			t.Fatal(err)
		}
		if want.Claims, err = s.ClaimsOfEvent(ctx, id); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\n%+v\nwant\n%+v", title, got, want)
		}
	}
	if _, err := s.EventDetails(ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Errorf("details of no event: %v, want ErrNotFound", err)
	}
}

// TestStore_SnapshotSeesOneMoment writes between two reads of one snapshot:
// the second read does not see it, a read after the snapshot does.
func TestStore_SnapshotSeesOneMoment(t *testing.T) {
	s, ids := testStore(t)
	ctx := context.Background()
	id := ids["First event"]
	err := s.snapshot(ctx, func(r reader) error {
		before, err := r.event(ctx, id)
		if err != nil {
			return err
		}
		changed := before
		changed.Title = "Renamed meanwhile"
		if _, _, err := s.SaveEvent(ctx, changed); err != nil {
			return err
		}
		after, err := r.event(ctx, id)
		if err != nil {
			return err
		}
		if after.Title != before.Title {
			t.Errorf("within one snapshot the title went from %q to %q", before.Title, after.Title)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if ev, err := s.Event(ctx, id); err != nil || ev.Title != "Renamed meanwhile" {
		t.Errorf("after the snapshot: %q, %v", ev.Title, err)
	}
}

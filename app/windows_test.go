package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// TestMainWindow_ReadsAgainWhenChangedElsewhere writes to the window's file
// through another store, as a second window or instance would: the window
// reads it again, keeping its view, while its own edits do not
// make it read again.
func TestMainWindow_ReadsAgainWhenChangedElsewhere(t *testing.T) {
	m, path := openExample(t)
	opened := make(chan error, 4)
	m.opened = func(err error) { opened <- err }

	// An own edit: no reading again.
	first := m.doc.items[0].ID
	applied := make(chan error, 1)
	m.editor.applied = func(_ string, err error) { applied <- err }
	m.editor.do("", func(ctx context.Context, s *data.Store) (*data.Edit, error) {
		ev, err := s.Event(ctx, first)
		if err != nil {
			return nil, err
		}
		ev.Title = "Renamed here"
		_, ed, err := s.SaveEvent(ctx, ev)
		return ed, err
	}, nil)
	waitApplied(t, applied)
	select {
	case <-opened:
		t.Fatal("the window read its document again after its own edit")
	case <-time.After(3 * watchInterval):
	}

	// Zoom in on an event and select it, then change the file elsewhere.
	it := m.doc.items[len(m.doc.items)/2]
	m.timeline.SetViewport(timeline.NewViewport(it.Start-86400*30, it.Start+86400*30, m.timeline.Viewport().Width()))
	vp := m.timeline.Viewport()
	checked, links := make(chan error, 1), make(chan error, 1)
	m.checked = func(err error) { checked <- err }
	m.linksLoaded = func(err error) { links <- err }
	other, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ev, err := other.Event(context.Background(), it.ID)
	if err != nil {
		t.Fatal(err)
	}
	ev.Title = "Renamed elsewhere"
	if _, _, err := other.SaveEvent(context.Background(), ev); err != nil {
		t.Fatal(err)
	}
	if err := wait(t, opened, "reading the changed file again"); err != nil {
		t.Fatal(err)
	}
	if err := wait(t, checked, "checking the file read again"); err != nil {
		t.Fatal(err)
	}
	if err := wait(t, links, "reading the quotes again"); err != nil {
		t.Fatal(err)
	}
	if got := m.doc.itemTitle(it.ID); got != "Renamed elsewhere" {
		t.Errorf("title after the change elsewhere = %q", got)
	}
	if got := m.doc.itemTitle(first); got != "Renamed here" {
		t.Errorf("own edit lost: title %q", got)
	}
	if got := m.timeline.Viewport(); got.Start() != vp.Start() || got.End() != vp.End() {
		t.Errorf("view after reading again: %v – %v, want %v – %v", got.Start(), got.End(), vp.Start(), vp.End())
	}

	if !strings.HasPrefix(m.status.Text, changedElsewhereNote) {
		t.Errorf("status %q does not say why the file was read again", m.status.Text)
	}
}

// Package sessiontest runs a session.Session in tests as a window runs it:
// the test's goroutine is the session's owner, and the results of the
// session's background work wait in a queue until the test waits for an
// event, as they wait in fyne.Do's queue until the window runs them. Tests
// of the session, the panes, the dialogs and the window use it, and wait
// on the session's own events.
package sessiontest

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
)

// Timeout bounds each wait: generous, for the race detector on a busy
// machine.
const Timeout = 60 * time.Second

// Owner is the owner of a session in a test.
type Owner struct {
	t      testing.TB
	queue  chan func()
	events []session.Event // told and not yet awaited
	S      *session.Session
}

// New returns a session with opts, owned by the test, and closed with it.
// opts.Deliver is the owner's.
func New(t testing.TB, opts session.Options) *Owner {
	o := NewOwner(t)
	opts.Deliver = o.Deliver
	o.S = session.New(opts)
	o.Watch(o.S)
	t.Cleanup(o.S.Close)
	return o
}

// NewOwner returns an owner for a session made elsewhere (by a window): give
// it Deliver as the session's hook, then Watch the session.
func NewOwner(t testing.TB) *Owner {
	return &Owner{t: t, queue: make(chan func(), 4096)}
}

// Deliver queues f to run on the test's goroutine when it next waits.
func (o *Owner) Deliver(f func()) { o.queue <- f }

// Watch records the events of s for Await; s is then the owner's session.
func (o *Owner) Watch(s *session.Session) {
	o.S = s
	s.Watch(func(e session.Event) { o.events = append(o.events, e) })
}

// Await runs what the session delivers until it tells an event match
// accepts, and returns it; the events told before it are passed over. It
// fails the test after Timeout.
func (o *Owner) Await(what string, match func(e session.Event) bool) session.Event {
	o.t.Helper()
	deadline := time.After(Timeout)
	for {
		for i, e := range o.events {
			if match(e) {
				o.events = o.events[i+1:]
				return e
			}
		}
		o.events = o.events[:0]
		select {
		case f := <-o.queue:
			f()
		case <-deadline:
			o.t.Fatalf("%s: not within %v", what, Timeout)
			return nil
		}
	}
}

// Until runs what the session delivers until cond holds, and fails the
// test after Timeout. The events told meanwhile are forgotten.
func (o *Owner) Until(what string, cond func() bool) {
	o.t.Helper()
	deadline := time.After(Timeout)
	for !cond() {
		select {
		case f := <-o.queue:
			f()
		case <-deadline:
			o.t.Fatalf("%s: not within %v", what, Timeout)
			return
		}
	}
	o.events = o.events[:0]
}

// Next waits for the next event of type E, as Await does, and returns it.
func Next[E session.Event](o *Owner) E {
	o.t.Helper()
	var zero E
	e := o.Await(reflect.TypeOf(zero).Name(), func(e session.Event) bool {
		_, ok := e.(E)
		return ok
	})
	got, _ := e.(E)
	return got
}

// Settle runs what the session delivers until nothing has been delivered
// for a moment, and forgets the events told meanwhile.
func (o *Owner) Settle() {
	for {
		select {
		case f := <-o.queue:
			f()
		case <-time.After(200 * time.Millisecond):
			o.events = o.events[:0]
			return
		}
	}
}

// Open opens the document at path and waits until it is shown, checked
// and its quotes, actors and sources are read: then the session is at rest.
// It returns the error of opening or of the check.
func (o *Owner) Open(path string) error {
	o.t.Helper()
	o.S.Open(path)
	if err := Next[session.Opened](o).Err; err != nil {
		return err
	}
	if err := Next[session.Checked](o).Err; err != nil {
		return err
	}
	if err := Next[session.LinksRead](o).Err; err != nil {
		o.t.Fatalf("reading the quotes and actors: %v", err)
	}
	return nil
}

// Example writes the default timeline to a temporary file and returns its
// path.
func Example(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "example.quoteline")
	if err := session.WriteExample(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	return path
}

// OpenExample opens a copy of the default timeline in a new session owned
// by the test, and returns the owner and the copy's path.
func OpenExample(t testing.TB) (*Owner, string) {
	t.Helper()
	o := New(t, session.Options{})
	path := Example(t)
	if err := o.Open(path); err != nil {
		t.Fatal(err)
	}
	return o, path
}

// Edited waits for the next edit, undo or redo to be shown, and fails the
// test on its error.
func (o *Owner) Edited() session.Edited {
	o.t.Helper()
	e := Next[session.Edited](o)
	if e.Err != nil {
		o.t.Fatalf("edit %q: %v", e.Name, e.Err)
	}
	return e
}

// Generated writes a synthetic document of n events over lanes (see
// data.Generate) to a temporary file and returns its path.
func Generated(t testing.TB, n, lanes int, seed uint64) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "generated.quoteline")
	s, err := data.Generate(context.Background(), path, data.GenerateOptions{Events: n, Lanes: lanes, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// EventByTitle returns the event of s's document whose title starts with
// prefix, failing the test if there is none.
func EventByTitle(t testing.TB, s *session.Session, prefix string) int64 {
	t.Helper()
	doc := s.Doc()
	for i := range doc.Len() {
		if id := doc.Item(i).ID; strings.HasPrefix(doc.ItemTitle(id), prefix) {
			return id
		}
	}
	t.Fatalf("no event titled %q…", prefix)
	return 0
}

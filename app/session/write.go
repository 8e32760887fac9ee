package session

import (
	"cmp"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/quoteline/quoteline/data"
)

// writerWait is how long a write of the window's waits for another
// program's before it gives up (Options.WriterWait).
const writerWait = time.Minute

// storeRef is the store a document is read and written through, shared
// by the document and its snapshots. A document that opening for writing
// would change (an older version, another journal mode, another program's
// unfinished change) is read without changing it until its first write,
// which opens it for writing (openForWriting) and puts that store in the
// place of the first from the writing goroutine, while reads go on: hence
// the atomic pointer. The stores it replaces stay open, for the reads
// begun on them, until the document is closed.
type storeRef struct {
	path    string
	current atomic.Pointer[data.Store]
	opening sync.Mutex   // one opening for writing at a time
	mu      sync.Mutex   // guards what follows, held only briefly: the owner's goroutine takes it
	pending data.Pending // what opening it for writing will do; none once done, or when it cannot be
	retired []*data.Store
	closed  bool // closeStores has run: nothing is opened any more
	// unwatch ends the watch for changes made elsewhere through the
	// current store (watchChanges); opening for writing ends it first, as
	// the new store's own writes would seem another's to the old one.
	unwatch context.CancelFunc
}

// newStoreRef returns the reference of store s, with what opening it for
// writing will do.
func newStoreRef(s *data.Store, p data.Pending) *storeRef {
	r := &storeRef{pending: p}
	if s != nil { // nil for a document made in memory, in tests
		r.path = s.Path()
	}
	r.current.Store(s)
	return r
}

// st returns the store to read the document through: safe from any
// goroutine.
func (d *Document) st() *data.Store { return d.ref.current.Load() }

// Pending says what the document's first write will do to it before any
// change of the user's (see data.Pending): none once it has been opened
// for writing.
func (d *Document) Pending() data.Pending {
	d.ref.mu.Lock()
	defer d.ref.mu.Unlock()
	return d.ref.pending
}

// closeStores closes the document's stores: those it replaced first, so
// that the last connection to close is the one that can write and tidy
// the files beside the document (a read-only connection cannot end a
// -wal file).
func (r *storeRef) closeStores() {
	r.mu.Lock()
	retired := r.retired
	r.retired, r.closed = nil, true
	r.mu.Unlock()
	for _, s := range retired {
		s.Close()
	}
	r.current.Load().Close()
}

// write runs fn, which writes to doc through st, off the owner's goroutine:
// once doc has passed its integrity check, and, for a document read
// without changing it until now, once it has been opened for writing. The
// status line then says, once, what the first write did to the file.
func (s *Session) write(ctx context.Context, doc *Document, fn func(st *data.Store) error) error {
	if err := doc.whenVerified(ctx); err != nil {
		return err
	}
	st, err := s.openForWriting(ctx, doc)
	if err != nil {
		return err
	}
	err = fn(st)
	s.deliver(func() { s.wrote(doc) })
	return err
}

// openForWriting returns the store to write doc through. A document read
// without changing it is opened for writing first, and that store replaces
// the other; the owner is told what it did (openedForWriting). Safe from
// any goroutine; one at a time.
//
// It is opened with data.OpenChecking, whose every check but the integrity
// check is made again, and which checks a document it upgrades whole first.
// The integrity check is not run again: doc passed it as it was read (write
// waits for that), and a change another program makes to the file
// meanwhile has the document read again (watchChanges). At a million events
// it would take seconds, which the first edit would wait.
func (s *Session) openForWriting(ctx context.Context, doc *Document) (*data.Store, error) {
	r := doc.ref
	r.opening.Lock()
	defer r.opening.Unlock()
	name := filepath.Base(r.path)
	errClosed := fmt.Errorf("%s was closed; nothing was written", name)
	r.mu.Lock()
	closed, p := r.closed, r.pending
	r.mu.Unlock()
	if closed {
		return nil, errClosed
	}
	if p.None() {
		return r.current.Load(), nil
	}
	s.deliver(func() {
		if doc == s.doc && s.task == nil {
			s.emit(Status{Text: "Opening " + name + " for writing…", Work: WorkBusy})
		}
	})
	w, _, err := data.OpenChecking(ctx, r.path)
	if err == nil && w.ReadOnly() {
		w.Close()
		err = fmt.Errorf("%s can no longer be written: the file or its folder has become read-only", name)
	}
	if err != nil {
		s.deliver(func() { s.settle(doc) })
		return nil, fmt.Errorf("open %s for writing: %w; nothing was changed", name, err)
	}
	s.waitForWriters(doc, w)
	r.mu.Lock()
	if r.closed { // while it was being opened
		r.mu.Unlock()
		w.Close()
		return nil, errClosed
	}
	if r.unwatch != nil {
		r.unwatch()
	}
	r.retired = append(r.retired, r.current.Swap(w))
	r.pending = data.Pending{}
	r.mu.Unlock()
	up := w.Upgraded()
	s.deliver(func() { s.openedForWriting(doc, p, up) })
	return w, nil
}

// waitForWriters has the writes through st wait for another program's to
// finish, up to Options.WriterWait, saying in the status line whom they
// wait for.
func (s *Session) waitForWriters(doc *Document, st *data.Store) {
	name := filepath.Base(doc.Path())
	st.WaitForWriters(s.opts.WriterWait, func(w data.Wait) {
		who := cmp.Or(w.Holder, "another program")
		s.deliver(func() {
			if doc == s.doc && s.task == nil {
				s.notes.waiting = true
				s.emit(Status{Text: fmt.Sprintf("Waiting for %s to finish writing to %s (%v so far)…", who, name, w.Waited), Work: WorkBusy})
			}
		})
	})
}

// writeNotes is what the status line says of a document that was read
// without changing it until its first write: before that write, what it
// will do; after it, once, what it did.
type writeNotes struct {
	doc  *Document
	text string // said before the summary while doc is open, until the next edit after the first
	done bool   // the first write has opened the document for writing
	// wal is set until the status line has said that the first write
	// switched the document to WAL.
	wal bool
	// waiting is set while the status line says a write waits for
	// another program's.
	waiting bool
}

// noteOpened starts the write notes of doc, newly shown: what its first
// write will do, if anything; or, when it is the same file read again
// after its first write (an import reads it again), what that write did.
// A document opened for writing at once waits for other writers.
func (s *Session) noteOpened(doc *Document) {
	n := s.notes
	s.notes = writeNotes{}
	switch p := doc.Pending(); {
	case !p.None():
		s.notes = writeNotes{doc: doc, text: noteBefore(filepath.Base(doc.Path()), p)}
	case !doc.st().ReadOnly():
		s.waitForWriters(doc, doc.st())
		if n.done && n.doc != nil && n.doc.Path() == doc.Path() {
			s.notes = writeNotes{doc: doc, text: n.text, done: true}
		}
	}
}

// noteBefore is what the status line says of a document that its first
// write changes beyond the user's change, before it: "Nothing is written
// to X until you change it: your first change will upgrade it from …".
func noteBefore(name string, p data.Pending) string {
	if p.None() {
		return ""
	}
	var will []string
	if p.From != 0 {
		will = append(will, fmt.Sprintf("upgrade it from schema version %d (keeping a copy as it is)", p.From))
	}
	if p.Unfinished != "" {
		will = append(will, "undo for good the change another program left unfinished in it (shown as before that change)")
	}
	if p.ToWAL {
		will = append(will, "switch it to write-ahead logging (WAL)")
	}
	return fmt.Sprintf("Nothing is written to %s until you change it: your first change will %s.", name, andList(will))
}

// andList joins "a", "b" and "c" as "a, b and c".
func andList(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// openedForWriting says what opening doc for writing did, before its first
// write: p was pending, up is the upgrade it made. Owner's goroutine.
func (s *Session) openedForWriting(doc *Document, p data.Pending, up data.Upgrade) {
	if doc != s.doc {
		return
	}
	name := filepath.Base(doc.Path())
	var did []string
	if up.From != 0 {
		did = append(did, fmt.Sprintf("Upgraded %s from schema version %d to %d; the file as it was is kept as %s.", name, up.From, up.To, filepath.Base(up.Backup)))
	}
	if p.Unfinished != "" {
		did = append(did, "Undid the change another program left unfinished in "+name+".")
	}
	s.notes = writeNotes{doc: doc, text: strings.Join(did, " "), done: true, wal: p.ToWAL}
	// Changes made elsewhere are now looked for through the new store.
	s.watchChanges(doc)
	s.settle(doc)
}

// wrote follows a write to doc, on the owner's goroutine: the status line
// says if it switched the document to WAL (once), and stops saying that a
// write waits.
func (s *Session) wrote(doc *Document) {
	if doc != s.doc {
		return
	}
	n := &s.notes
	say := n.waiting
	n.waiting = false
	if n.doc == doc && n.wal && doc.st().SwitchedToWAL() {
		n.wal = false
		n.text = strings.TrimSpace(n.text + " Switched " + filepath.Base(doc.Path()) + " to write-ahead logging (WAL).")
		say = true
	}
	if say {
		s.settle(doc)
	}
}

// settle shows doc's summary in the status line, unless a task shows its
// progress there, or another document is open.
func (s *Session) settle(doc *Document) {
	if doc == s.doc && s.task == nil {
		s.idle("")
	}
}

// noteText is what the status line says before what it says of the work:
// the open document's write notes.
func (s *Session) noteText() string {
	if s.doc == nil || s.notes.doc != s.doc {
		return ""
	}
	return s.notes.text
}

// editAsked forgets, at an edit asked for after the first write, what the
// status line said of that write.
func (s *Session) editAsked() {
	if s.notes.done && !s.notes.wal {
		s.notes = writeNotes{}
	}
}

package data

import (
	"context"
	"fmt"
)

// Pending says what opening a document for writing (Open) changes in it
// before any change of the user's, for a document that OpenForViewing read
// without changing it.
type Pending struct {
	// From is the schema version of a document of an older Quoteline,
	// which Open upgrades (after writing a backup copy beside it); 0 if
	// the document is of this version.
	From int
	// ToWAL is set for a document in another journal mode than WAL, which
	// its first write switches to WAL.
	ToWAL bool
	// Unfinished names the rollback journal of a change another program
	// left part-way, as Report.Unfinished does: Open undoes the change for
	// good. OpenForViewing reads the document as it was before it.
	Unfinished string
}

// None reports whether opening the document for writing changes nothing.
func (p Pending) None() bool { return p == Pending{} }

// OpenForViewing opens the document at path for a window that shows it and
// writes to it only once the user changes something. If opening it for
// writing changes nothing in it (a document of this version, in WAL mode,
// with no change another program left unfinished beside it), it is opened
// so, as OpenChecking opens it: the integrity check is left to check, and
// Pending is none. Otherwise, if it can be written, it is read as
// OpenReadOnly reads it, its integrity check left to check as OpenChecking
// leaves it, and Pending says what opening it for writing will do: the
// caller opens it with Open before its first write. A document that cannot be written is opened read-
// only, as Open would open it (one of an older version as OpenReadOnly
// does, rather than refused), with nothing pending.
func OpenForViewing(ctx context.Context, path string) (s *Store, check func(context.Context) error, p Pending, err error) {
	ms, err := schemaMigrations()
	if err != nil {
		return nil, nil, p, fmt.Errorf("open %q: %w", path, err)
	}
	in, err := inspect(ctx, path, ms, false)
	in.view.release()
	if err != nil {
		return nil, nil, p, fmt.Errorf("open %q: %w", path, err)
	}
	p = Pending{ToWAL: !in.wal, Unfinished: in.Unfinished}
	if in.Version < in.Latest {
		p.From = in.Version
	}
	canWrite := writable(path)
	if p.None() || !canWrite && p.From == 0 {
		s, check, err = openWith(ctx, path, ms, true)
		return s, check, Pending{}, err
	}
	if !canWrite {
		p = Pending{} // an older version is still shown, as it would be upgraded
	}
	s, check, err = openReadOnlyWith(ctx, path, ms, true)
	if err != nil {
		return nil, nil, Pending{}, err
	}
	return s, check, p, nil
}

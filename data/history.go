package data

import (
	"context"
	"fmt"
	"sync"
)

// History is the undo and redo stacks of one document. It outlives the
// Store it was used with: edits name rows by key, so after the document is
// closed and opened again its History still undoes them. Its methods are
// safe for concurrent use.
type History struct {
	mu         sync.Mutex
	undo, redo []*Edit
	limit      int
}

// NewHistory returns an empty history that keeps at most limit edits (0:
// no limit).
func NewHistory(limit int) *History { return &History{limit: limit} }

// Push records a committed edit and clears what could be redone. Empty
// edits are ignored.
func (h *History) Push(e *Edit) {
	if e == nil || e.Empty() {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	h.undo = append(h.undo, e)
	if h.limit > 0 && len(h.undo) > h.limit {
		h.undo = h.undo[len(h.undo)-h.limit:]
	}
	h.redo = nil
}

// UndoName returns the name of the edit Undo would reverse ("" if none).
func (h *History) UndoName() string { return h.top(&h.undo) }

// RedoName returns the name of the edit Redo would carry out again.
func (h *History) RedoName() string { return h.top(&h.redo) }

func (h *History) top(stack *[]*Edit) string {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(*stack) == 0 {
		return ""
	}
	return (*stack)[len(*stack)-1].Name
}

// Undo reverses the latest edit in s and returns the edit it applied (the
// inverse). If it fails, for instance with ErrConflict, the history is
// unchanged. It returns (nil, nil) when there is nothing to undo.
func (h *History) Undo(ctx context.Context, s *Store) (*Edit, error) {
	return h.move(ctx, s, &h.undo, &h.redo, "undo")
}

// Redo carries out again the latest undone edit.
func (h *History) Redo(ctx context.Context, s *Store) (*Edit, error) {
	return h.move(ctx, s, &h.redo, &h.undo, "redo")
}

func (h *History) move(ctx context.Context, s *Store, from, to *[]*Edit, verb string) (*Edit, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(*from) == 0 {
		return nil, nil
	}
	e := (*from)[len(*from)-1]
	inv := e.Inverse()
	if err := s.Apply(ctx, inv); err != nil {
		return nil, fmt.Errorf("%s %s: %w", verb, e.Name, err)
	}
	*from = (*from)[:len(*from)-1]
	*to = append(*to, inv)
	return inv, nil
}

package session

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/quoteline/quoteline/timeline"
)

// idIndex finds an item by its event's id without a map: when the ids are
// a run of consecutive numbers, as in most documents, a table indexed by id
// minus the first (4 bytes an event); else the item indexes sorted by id,
// searched by bisection.
type idIndex struct {
	items []timeline.Item
	first int64
	dense []int32 // dense[id-first]: the item of id
	byID  []int32 // item indexes in order of id, when not dense
}

// newIDIndex indexes items by ID. Event ids are unique in a document; a
// repeated one means the file breaks its own schema.
func newIDIndex(items []timeline.Item) (idIndex, error) {
	x := idIndex{items: items}
	if len(items) == 0 {
		return x, nil
	}
	if len(items) > math.MaxInt32 {
		return x, fmt.Errorf("%d events is more than Quoteline can show", len(items))
	}
	lo, hi := items[0].ID, items[0].ID
	for i := range items {
		lo, hi = min(lo, items[i].ID), max(hi, items[i].ID)
	}
	x.first = lo
	if uint64(hi-lo) == uint64(len(items)-1) {
		x.dense = make([]int32, len(items))
		for k := range x.dense {
			x.dense[k] = -1
		}
		for i := range items {
			k := &x.dense[items[i].ID-lo]
			if *k >= 0 {
				return x, fmt.Errorf("event id %d appears twice", items[i].ID)
			}
			*k = int32(i)
		}
		return x, nil
	}
	x.byID = make([]int32, len(items))
	for i := range x.byID {
		x.byID[i] = int32(i)
	}
	slices.SortFunc(x.byID, func(a, b int32) int { return cmp.Compare(items[a].ID, items[b].ID) })
	for k := 1; k < len(x.byID); k++ {
		if items[x.byID[k]].ID == items[x.byID[k-1]].ID {
			return x, fmt.Errorf("event id %d appears twice", items[x.byID[k]].ID)
		}
	}
	return x, nil
}

// pos returns the index in items of event id.
func (x *idIndex) pos(id int64) (int, bool) {
	if x.dense != nil {
		if id < x.first || uint64(id-x.first) >= uint64(len(x.dense)) || x.dense[id-x.first] < 0 {
			return 0, false
		}
		return int(x.dense[id-x.first]), true
	}
	k, ok := slices.BinarySearchFunc(x.byID, id, func(i int32, id int64) int { return cmp.Compare(x.items[i].ID, id) })
	if !ok {
		return 0, false
	}
	return int(x.byID[k]), true
}

// Edits change a few items in place (Document.changeInPlace); the index
// follows. An id table stays a table when ids are removed (their entries
// become -1) and when one is added next to the run (the table grows); an
// id far from it makes the index the sorted kind.

// maxGap is how far past the end of an id table an added id may be for the
// table to grow to take it.
const maxGap = 1024

// removed says the item of event id at position i was deleted from items.
func (x *idIndex) removed(items []timeline.Item, i int, id int64) {
	x.items = items
	if x.dense != nil {
		x.dense[id-x.first] = -1
		for j := i; j < len(items); j++ {
			x.dense[items[j].ID-x.first] = int32(j)
		}
		return
	}
	k, _ := slices.BinarySearchFunc(x.byID, id, func(p int32, id int64) int {
		if int(p) == i {
			return 0 // the deleted one, whose id items no longer holds
		}
		q := p
		if int(p) > i {
			q--
		}
		return cmp.Compare(items[q].ID, id)
	})
	x.byID = slices.Delete(x.byID, k, k+1)
	for k, p := range x.byID {
		if int(p) > i {
			x.byID[k] = p - 1
		}
	}
}

// inserted says an item was put into items at position i.
func (x *idIndex) inserted(items []timeline.Item, i int) {
	x.items = items
	id := items[i].ID
	if len(items) == 1 && x.byID == nil { // the first event of an empty document
		x.first, x.dense = id, nil
		x.dense = append(x.dense, -1)
	}
	if x.dense != nil && (id < x.first || id-x.first >= int64(len(x.dense))+maxGap) {
		x.sparse()
	}
	if x.dense != nil {
		for int64(len(x.dense)) <= id-x.first {
			x.dense = append(x.dense, -1)
		}
		for j := i; j < len(items); j++ {
			x.dense[items[j].ID-x.first] = int32(j)
		}
		return
	}
	for k, p := range x.byID {
		if int(p) >= i {
			x.byID[k] = p + 1
		}
	}
	k, _ := slices.BinarySearchFunc(x.byID, id, func(p int32, id int64) int { return cmp.Compare(items[p].ID, id) })
	x.byID = slices.Insert(x.byID, k, int32(i))
}

// moved says the item at position from was moved to position to, the items
// between moving one place towards from.
func (x *idIndex) moved(items []timeline.Item, from, to int) {
	x.items = items
	lo, hi := min(from, to), max(from, to)
	if x.dense != nil {
		for j := lo; j <= hi; j++ {
			x.dense[items[j].ID-x.first] = int32(j)
		}
		return
	}
	for k, p := range x.byID {
		switch q := int(p); {
		case q == from:
			x.byID[k] = int32(to)
		case q >= lo && q <= hi && from < to:
			x.byID[k] = p - 1
		case q >= lo && q <= hi:
			x.byID[k] = p + 1
		}
	}
}

// sparse turns an id table into the sorted kind.
func (x *idIndex) sparse() {
	for _, p := range x.dense {
		if p >= 0 {
			x.byID = append(x.byID, p)
		}
	}
	x.dense = nil
}

// clone returns a copy of x for a copy of its items, sharing nothing.
func (x *idIndex) clone(items []timeline.Item) idIndex {
	return idIndex{items: items, first: x.first, dense: slices.Clone(x.dense), byID: slices.Clone(x.byID)}
}

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
		if id < x.first || uint64(id-x.first) >= uint64(len(x.dense)) {
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

package session

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/quoteline/quoteline/timeline"
)

// The event list's columns.
const (
	ColumnDate = iota
	ColumnTitle
	ColumnLane
	ColumnClaim
	Columns // how many there are
)

// listTitleRunes is the most of a title a list row shows: a cell shows a
// line, and a huge title would cost the table its speed.
const listTitleRunes = 200

// Rows are the events the timeline shows, as the event list orders them:
// by date, or sorted by another column, either way round. Sorting a
// million rows runs off the owner's goroutine (RowsSorted).
type Rows struct {
	s     *Session
	order []int32 // positions in the document in the order shown; nil: by date
	// rows, when not nil, are the positions in the document the filter lets
	// through, ascending, for the items slice rowsOf (an edit that replaces
	// the slice leaves the list empty until the filter is applied again).
	rows   []int32
	rowsOf []timeline.Item
	row    map[int64]int32 // event id -> row, made when first needed for an order
	col    int             // column sorted by
	desc   bool            // sorted in descending order
	gen    int             // incremented per sort; stale sorts are dropped
}

// Rows returns the event list's rows.
func (s *Session) Rows() *Rows { return &s.rows }

// Len returns the number of rows: the document's events, or those the
// filter lets through.
func (r *Rows) Len() int {
	doc := r.s.doc
	switch {
	case doc == nil:
		return 0
	case r.rows == nil:
		return len(doc.items)
	case len(r.rowsOf) != len(doc.items) || len(doc.items) > 0 && &r.rowsOf[0] != &doc.items[0]:
		return 0 // computed for events since replaced
	}
	return len(r.rows)
}

// base returns the position in the document of the k'th event by date of
// those listed.
func (r *Rows) base(k int) int32 {
	if r.rows != nil {
		return r.rows[k]
	}
	return int32(k)
}

// setRows lists only the events at positions (ascending), or all when
// positions is nil, in the order chosen.
func (r *Rows) setRows(positions []int32) {
	r.rows, r.rowsOf = positions, nil
	if positions != nil && r.s.doc != nil {
		r.rowsOf = r.s.doc.items
	}
	r.gen++
	r.order, r.row = nil, nil
	if r.col != ColumnDate {
		r.sort(r.col, r.desc) // what is listed now
	}
}

// position returns the position in the document of the row'th row.
func (r *Rows) position(row int) int32 {
	if r.order != nil {
		return r.order[row]
	}
	if r.desc {
		return r.base(r.Len() - 1 - row)
	}
	return r.base(row)
}

// Event returns the id of the event in row, or 0.
func (r *Rows) Event(row int) int64 {
	if row < 0 || row >= r.Len() {
		return 0
	}
	return r.s.doc.items[r.position(row)].ID
}

// Cell returns what the list shows in row and column col.
func (r *Rows) Cell(row, col int) string {
	doc := r.s.doc
	if row < 0 || row >= r.Len() {
		return ""
	}
	p := r.position(row)
	sp := doc.SpanAt(int(p))
	switch col {
	case ColumnDate:
		return DateRangeOf(r.s.look.dates, sp.Start, sp.End, sp.StartUncertain, sp.EndUncertain)
	case ColumnTitle:
		return Shorten(doc.titles[doc.items[p].ID], listTitleRunes)
	case ColumnLane:
		return doc.lanes[int(doc.items[p].Lane)].Name
	}
	return strings.ToLower(string(sp.Status))
}

// SortedBy returns the column the rows are sorted by, and whether the
// order is descending.
func (r *Rows) SortedBy() (col int, desc bool) { return r.col, r.desc }

// reset lists the rows by date again, after the document's events changed.
func (r *Rows) reset() {
	r.gen++
	r.order, r.row, r.col, r.desc = nil, nil, ColumnDate, false
}

// SortBy sorts the rows by column col; again, the other way round. Dates
// are the document's own order, at once; other columns are sorted off the
// owner's goroutine from keys copied on it (RowsSorted).
func (r *Rows) SortBy(col int) { r.sort(col, col == r.col && !r.desc) }

// sort sorts the rows by column col, descending if desc.
func (r *Rows) sort(col int, desc bool) {
	doc := r.s.doc
	if doc == nil {
		return
	}
	r.gen++
	gen := r.gen
	if col == ColumnDate {
		r.order, r.row, r.col, r.desc = nil, nil, ColumnDate, desc
		r.s.emit(RowsSorted{})
		return
	}
	n := r.Len()
	keys := make([]string, n)
	for k := range n {
		i := int(r.base(k))
		switch col {
		case ColumnTitle:
			keys[k] = strings.ToLower(doc.titles[doc.items[i].ID])
		case ColumnLane:
			keys[k] = doc.lanes[int(doc.items[i].Lane)].Name
		default:
			keys[k] = string(doc.Status(i))
		}
	}
	rows := r.rows
	order := make([]int32, len(keys)) // indexes into keys, then positions
	r.s.read(func(context.Context) error {
		for k := range order {
			order[k] = int32(k)
		}
		// Stable on the date order, so ties stay by date.
		slices.SortStableFunc(order, func(a, b int32) int {
			c := cmp.Compare(keys[a], keys[b])
			if desc {
				c = -c
			}
			return c
		})
		if rows != nil {
			for k, o := range order {
				order[k] = rows[o]
			}
		}
		return nil
	}, func(error) {
		if gen != r.gen || doc != r.s.doc {
			return
		}
		r.order, r.row, r.col, r.desc = order, nil, col, desc
		r.s.emit(RowsSorted{})
	})
}

// Row returns the row of event id, if it is listed.
func (r *Rows) Row(id int64) (int, bool) {
	doc := r.s.doc
	if doc == nil {
		return 0, false
	}
	p, ok := doc.ids.pos(id)
	k := p // among the events listed, by date
	if ok && r.rows != nil {
		k, ok = slices.BinarySearch(r.rows, int32(p))
		ok = ok && r.Len() > 0
	}
	if !ok {
		return 0, false
	}
	switch {
	case r.order != nil:
		if r.row == nil {
			r.row = make(map[int64]int32, len(r.order))
			for row, q := range r.order {
				r.row[doc.items[q].ID] = int32(row)
			}
		}
		return int(r.row[id]), true
	case r.desc:
		return r.Len() - 1 - k, true
	}
	return k, true
}

package app

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
)

// Search limits: hits listed, and matching events marked on the timeline.
const (
	searchPage  = 200
	searchMarks = 10_000
)

// search is the find bar over the timeline (Ctrl+F): it lists the events,
// quotes and sources whose words match, marks the matching events on the
// timeline, and jumps between them in time order with Enter and the arrow
// keys.
type search struct {
	m      *mainWindow
	box    *fyne.Container
	entry  *searchEntry
	count  *widget.Label
	list   *widget.List
	listBx *fyne.Container
	sizer  *canvas.Rectangle // gives the list its height

	hits   []data.SearchHit
	events []int64 // matching events on the timeline, by start
	marked []int64 // events marked on the timeline
	cur    int     // index in events of the current match; -1 before the first jump
	gen    int     // incremented per query; stale answers are dropped

	// done is a test hook called on the UI goroutine when a query's
	// results are shown.
	done func(query string)
}

// searchEntry is the find bar's text field; it passes the keys that move
// between matches or close the bar to its owner.
type searchEntry struct {
	widget.Entry
	onKey func(ev *fyne.KeyEvent) bool
}

func newSearchEntry() *searchEntry {
	e := &searchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Up, Down and Escape; other keys edit the text.
func (e *searchEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(ev) {
		return
	}
	e.Entry.TypedKey(ev)
}

func newSearch(m *mainWindow) *search {
	s := &search{m: m, cur: -1}
	s.entry = newSearchEntry()
	s.entry.SetPlaceHolder("Find events, quotes and sources")
	s.entry.OnChanged = s.query
	s.entry.OnSubmitted = func(string) { s.jump(1) }
	s.entry.onKey = func(ev *fyne.KeyEvent) bool {
		switch ev.Name {
		case fyne.KeyDown:
			s.jump(1)
		case fyne.KeyUp:
			s.jump(-1)
		case fyne.KeyEscape:
			s.close()
		default:
			return false
		}
		return true
	}
	s.count = widget.NewLabel("")
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { s.jump(-1) })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { s.jump(1) })
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), s.close)
	for _, b := range []*widget.Button{prev, next, closeBtn} {
		b.Importance = widget.LowImportance
	}
	s.list = widget.NewList(func() int { return len(s.hits) },
		func() fyne.CanvasObject {
			kind := widget.NewLabel("Source")
			kind.TextStyle = fyne.TextStyle{Bold: true}
			when := widget.NewLabel("15 Sep 2023")
			text := widget.NewLabel("")
			text.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewHBox(kind, when), nil, text)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := s.hits[i]
			c := o.(*fyne.Container)
			text := c.Objects[0].(*widget.Label)
			left := c.Objects[1].(*fyne.Container)
			left.Objects[0].(*widget.Label).SetText(strings.ToUpper(h.Kind[:1]) + h.Kind[1:])
			left.Objects[1].(*widget.Label).SetText(m.dates.Format(h.Time))
			t := h.Title
			if h.Kind == "quote" {
				t = "“" + t + "”"
			}
			text.SetText(strings.Join(strings.Fields(t), " "))
		})
	s.list.OnSelected = s.open
	s.sizer = canvas.NewRectangle(color.Transparent)
	s.listBx = container.NewStack(s.sizer, s.list)
	s.listBx.Hide()
	bar := container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), container.NewHBox(s.count, prev, next, closeBtn), s.entry)
	s.box = container.NewVBox(bar, s.listBx)
	s.box.Hide()
	return s
}

func (s *search) object() fyne.CanvasObject { return s.box }

// show opens the find bar and puts the cursor in it.
func (s *search) show() {
	s.box.Show()
	s.m.win.Canvas().Focus(s.entry)
	if s.entry.Text != "" {
		s.query(s.entry.Text)
	}
}

// close hides the find bar and clears the marks.
func (s *search) close() {
	s.gen++
	s.box.Hide()
	s.setMarks(nil)
	s.m.win.Canvas().Focus(s.m.timeline)
}

// query searches for text off the UI goroutine and shows the answer.
func (s *search) query(text string) {
	s.gen++
	gen := s.gen
	doc := s.m.doc
	q := data.PlainQuery(text)
	if doc == nil || q == "" {
		s.showResults(nil, nil, "")
		return
	}
	go func() {
		ctx := s.m.life
		hits, err := doc.store.Search(ctx, q, searchPage)
		var ids []int64
		if err == nil {
			ids, err = doc.store.SearchEventIDs(ctx, q, searchMarks)
		}
		fyne.Do(func() {
			if gen != s.gen || doc != s.m.doc {
				return
			}
			if err != nil {
				s.showResults(nil, nil, "Search failed: "+err.Error())
			} else {
				s.showResults(hits, ids, "")
			}
			if s.done != nil {
				s.done(text)
			}
		})
	}()
}

// showResults lists hits, marks the events with ids, and says how many.
func (s *search) showResults(hits []data.SearchHit, ids []int64, msg string) {
	s.hits = hits
	s.list.UnselectAll()
	s.list.Refresh()
	s.list.ScrollToTop()
	doc := s.m.doc
	// Jump between the events in time order.
	s.events = s.events[:0]
	if doc != nil {
		for _, id := range ids {
			if _, ok := doc.ids.pos(id); ok {
				s.events = append(s.events, id)
			}
		}
		slices.SortFunc(s.events, func(a, b int64) int {
			i, _ := doc.ids.pos(a)
			j, _ := doc.ids.pos(b)
			return cmp.Compare(i, j)
		})
	}
	s.cur = -1
	s.setMarks(s.events)
	switch {
	case msg != "":
		s.count.SetText(msg)
	case strings.TrimSpace(s.entry.Text) == "":
		s.count.SetText("")
	case len(hits) == 0:
		s.count.SetText("No matches")
	default:
		s.count.SetText(s.summary(hits, len(ids)))
	}
	rows := min(len(hits), 5)
	h := float32(0)
	if rows > 0 {
		h = float32(rows)*(s.list.MinSize().Height+theme.Padding()) + theme.Padding()
	}
	s.sizer.SetMinSize(fyne.NewSize(0, h))
	if rows == 0 {
		s.listBx.Hide()
	} else {
		s.listBx.Show()
	}
	s.box.Refresh()
}

// summary counts hits by kind: "12 events · 2 quotes".
func (s *search) summary(hits []data.SearchHit, events int) string {
	n := map[string]int{}
	for _, h := range hits {
		n[h.Kind]++
	}
	var parts []string
	for _, k := range []string{"event", "quote", "source"} {
		c := n[k]
		if k == "event" {
			c = max(c, events)
		}
		if c == 0 {
			continue
		}
		more := ""
		if (k == "event" && events >= searchMarks) || (k != "event" && len(hits) >= searchPage) {
			more = "+"
		}
		parts = append(parts, plural(c, k)+more)
	}
	return strings.Join(parts, " · ")
}

// setMarks marks events on the timeline (nil clears the marks).
func (s *search) setMarks(ids []int64) {
	doc := s.m.doc
	if doc != nil {
		clear(doc.matches)
		for _, id := range ids {
			if _, ok := doc.ids.pos(id); ok {
				doc.matches[id] = true
			}
		}
	}
	s.marked = append(s.marked[:0], ids...)
	s.m.timeline.Refresh()
}

// jump selects the next (dir 1) or previous (-1) matching event in time.
func (s *search) jump(dir int) {
	if len(s.events) == 0 {
		return
	}
	if s.cur < 0 && dir < 0 {
		s.cur = 0
	}
	s.cur = (s.cur + dir + len(s.events)) % len(s.events)
	s.count.SetText(fmt.Sprintf("%d of %s", s.cur+1, plural(len(s.events), "event")))
	s.goTo(s.events[s.cur])
}

// goTo selects event id, brings it into view and shows its details.
func (s *search) goTo(id int64) {
	s.m.timeline.Select(id)
	s.m.timeline.Reveal(id)
	s.m.selectEvent(id)
}

// open shows a listed hit: an event itself, the first event a quote
// supports, or a note for a source.
func (s *search) open(i widget.ListItemID) {
	if i < 0 || i >= len(s.hits) || s.m.doc == nil {
		return
	}
	h := s.hits[i]
	doc := s.m.doc
	switch h.Kind {
	case "event":
		if k := slices.Index(s.events, h.ID); k >= 0 {
			s.cur = k
		}
		s.goTo(h.ID)
	case "quote":
		go func() {
			refs, err := doc.store.EventsOfQuote(s.m.life, h.ID)
			fyne.Do(func() {
				switch {
				case doc != s.m.doc:
				case err != nil:
					s.m.showError(err)
				case len(refs) == 0:
					s.count.SetText("That quote is linked to no event")
				default:
					s.goTo(refs[0].ID)
				}
			})
		}()
	default:
		s.count.SetText("Source: " + shorten(h.Title, 60))
	}
}

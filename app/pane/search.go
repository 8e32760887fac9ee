package pane

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// SearchBar is the find bar over the timeline (Ctrl+F): it lists the
// events, quotes and sources whose words match, rings the matching events
// on the timeline, and jumps between them in time order with Enter and the
// arrow keys.
type SearchBar struct {
	s      *session.Session
	box    *fyne.Container
	entry  *searchEntry
	count  *widget.Label
	list   *widget.List
	listBx *fyne.Container
	sizer  *canvas.Rectangle // gives the list its height

	hits   []data.SearchHit
	events []int64 // matching events on the timeline, in time order
	cur    int     // index in events of the current match; -1 before the first jump
	gen    int     // incremented per query; stale answers are dropped

	// OnClose is called when the bar closes, to give the keyboard back.
	OnClose func()
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

// NewSearchBar makes the find bar for session s, hidden.
func NewSearchBar(s *session.Session) *SearchBar {
	b := &SearchBar{s: s, cur: -1}
	b.entry = newSearchEntry()
	b.entry.SetPlaceHolder("Find events, quotes, sources and periods")
	b.entry.OnChanged = b.query
	b.entry.OnSubmitted = func(string) { b.jump(1) }
	b.entry.onKey = func(ev *fyne.KeyEvent) bool {
		switch ev.Name {
		case fyne.KeyDown:
			b.jump(1)
		case fyne.KeyUp:
			b.jump(-1)
		case fyne.KeyEscape:
			b.Close()
		default:
			return false
		}
		return true
	}
	b.count = widget.NewLabel("")
	prev := LowButton("", theme.MoveUpIcon(), func() { b.jump(-1) })
	next := LowButton("", theme.MoveDownIcon(), func() { b.jump(1) })
	closeBtn := LowButton("", theme.CancelIcon(), b.Close)
	b.list = widget.NewList(func() int { return len(b.hits) },
		func() fyne.CanvasObject {
			kind := widget.NewLabel("Source")
			kind.TextStyle = fyne.TextStyle{Bold: true}
			when := widget.NewLabel("15 Sep 2023")
			text := widget.NewLabel("")
			text.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, container.NewHBox(kind, when), nil, text)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := b.hits[i]
			c := o.(*fyne.Container)
			text := c.Objects[0].(*widget.Label)
			left := c.Objects[1].(*fyne.Container)
			left.Objects[0].(*widget.Label).SetText(strings.ToUpper(h.Kind[:1]) + h.Kind[1:])
			left.Objects[1].(*widget.Label).SetText(s.Dates().Format(h.Time))
			t := h.Title
			if h.Kind == "quote" {
				t = "“" + t + "”"
			}
			text.SetText(strings.Join(strings.Fields(t), " "))
		})
	b.list.OnSelected = b.open
	b.sizer = canvas.NewRectangle(color.Transparent)
	b.listBx = container.NewStack(b.sizer, b.list)
	b.listBx.Hide()
	bar := container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), container.NewHBox(b.count, prev, next, closeBtn), b.entry)
	b.box = container.NewVBox(bar, b.listBx)
	b.box.Hide()
	s.Watch(b.follow)
	return b
}

// Object returns the bar's canvas object.
func (b *SearchBar) Object() fyne.CanvasObject { return b.box }

// Entry returns the bar's text field, which takes the keyboard when it opens.
func (b *SearchBar) Entry() fyne.Focusable { return b.entry }

// follow keeps the bar in step with the session.
func (b *SearchBar) follow(e session.Event) {
	switch e.(type) {
	case session.Opened:
		if b.box.Visible() {
			b.query(b.entry.Text)
		}
	case session.Closed:
		b.Close()
	case session.DatesChanged:
		if b.box.Visible() {
			b.list.Refresh()
		}
	}
}

// Show opens the bar, searching again for what it holds.
func (b *SearchBar) Show() {
	b.box.Show()
	if b.entry.Text != "" {
		b.query(b.entry.Text)
	}
}

// Close hides the bar and clears the rings.
func (b *SearchBar) Close() {
	b.gen++
	b.box.Hide()
	b.s.Mark(nil)
	if b.OnClose != nil {
		b.OnClose()
	}
}

// query searches for text off the owner's goroutine and shows the answer.
func (b *SearchBar) query(text string) {
	b.gen++
	gen := b.gen
	b.s.Search(text, func(f session.Found, err error) {
		if gen != b.gen {
			return
		}
		switch {
		case err != nil:
			b.showResults(session.Found{}, "Search failed: "+err.Error())
		case data.PlainQuery(text) == "":
			b.showResults(session.Found{}, "")
		default:
			b.showResults(f, "")
		}
	})
}

// showResults lists what was found, rings its events, and says how many.
func (b *SearchBar) showResults(f session.Found, msg string) {
	b.hits = f.Hits
	b.list.UnselectAll()
	b.list.Refresh()
	b.list.ScrollToTop()
	b.events = f.Events
	b.cur = -1
	b.s.Mark(b.events)
	switch {
	case msg != "":
		b.count.SetText(msg)
	case strings.TrimSpace(b.entry.Text) == "":
		b.count.SetText("")
	case len(f.Hits) == 0:
		b.count.SetText("No matches")
	default:
		b.count.SetText(summary(f.Hits, f.Total))
	}
	rows := min(len(f.Hits), 5)
	h := float32(0)
	if rows > 0 {
		h = float32(rows)*(b.list.MinSize().Height+theme.Padding()) + theme.Padding()
	}
	b.sizer.SetMinSize(fyne.NewSize(0, h))
	show(b.listBx, rows > 0)
	b.box.Refresh()
}

// summary counts hits by kind: "12 events · 2 quotes", with events the
// number of matching events.
func summary(hits []data.SearchHit, events int) string {
	n := map[string]int{}
	for _, h := range hits {
		n[h.Kind]++
	}
	var parts []string
	for _, k := range []string{"period", "event", "quote", "source"} {
		c := n[k]
		if k == "event" {
			c = max(c, events)
		}
		if c == 0 {
			continue
		}
		more := ""
		if (k == "event" && events >= session.SearchMarks) || (k != "event" && k != "period" && len(hits) >= session.SearchPage) {
			more = "+"
		}
		parts = append(parts, timeline.Plural(c, k, k+"s")+more)
	}
	return strings.Join(parts, " · ")
}

// jump selects the next (dir 1) or previous (-1) matching event in time;
// with none, the next or previous period found, so that the keyboard
// reaches periods as it reaches events.
func (b *SearchBar) jump(dir int) {
	ids, one, many, goTo := b.events, "event", "events", b.s.GoTo
	if len(ids) == 0 {
		ids, one, many, goTo = nil, "period", "periods", b.s.GoToPeriod
		for _, h := range b.hits {
			if h.Kind == "period" {
				ids = append(ids, h.ID)
			}
		}
	}
	if len(ids) == 0 {
		return
	}
	if b.cur < 0 && dir < 0 {
		b.cur = 0
	}
	b.cur = (b.cur + dir + len(ids)) % len(ids)
	b.count.SetText(fmt.Sprintf("%d of %s", b.cur+1, timeline.Plural(len(ids), one, many)))
	goTo(ids[b.cur])
}

// open shows a listed hit: an event or a period itself, the first event a
// quote supports, or a note for a source.
func (b *SearchBar) open(i widget.ListItemID) {
	if i < 0 || i >= len(b.hits) || b.s.Doc() == nil {
		return
	}
	h := b.hits[i]
	switch h.Kind {
	case "event":
		if k := slices.Index(b.events, h.ID); k >= 0 {
			b.cur = k
		}
		b.s.GoTo(h.ID)
	case "period":
		b.s.GoToPeriod(h.ID)
	case "quote":
		b.s.EventsOfQuote(h.ID, func(refs []data.EventRef) {
			if len(refs) == 0 {
				b.count.SetText("That quote is linked to no event")
				return
			}
			b.s.GoTo(refs[0].ID)
		})
	default:
		b.count.SetText("Source: " + session.Shorten(h.Title, 60))
	}
}

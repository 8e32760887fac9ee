package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
)

// showFilterDialog asks which events to show (View ▸ Filter…). The tags
// in use are read first, off the UI goroutine.
func (m *mainWindow) showFilterDialog() {
	doc := m.doc
	if doc == nil {
		return
	}
	readThen(m, doc, func(ctx context.Context, s *data.Store) ([]data.TagCount, error) {
		tags, err := s.Tags(ctx)
		if err != nil {
			return nil, fmt.Errorf("read the tags: %w", err)
		}
		return tags, nil
	}, func(tags []data.TagCount) { m.filterForm(doc, tags) })
}

// filterListHeight is the most height a list of the filter dialog takes
// before it scrolls: four rows and a bit.
const filterListHeight = 150

// filterFormView is the filter dialog's fields, for tests.
type filterFormView struct {
	lanes, statuses, tags, actors *widget.CheckGroup
	dates                         *dateField
	dialog                        *dialog.FormDialog
}

// checkChoices is a group of check boxes whose labels stand for values.
type checkChoices[T comparable] struct {
	group  *widget.CheckGroup
	values []T
}

// newCheckChoices makes one check box per label, ticking those whose value
// is in chosen. Labels are made unique, as the group tells them apart by
// label.
func newCheckChoices[T comparable](labels []string, values []T, chosen []T) *checkChoices[T] {
	seen := map[string]int{}
	for i, l := range labels {
		if seen[l]++; seen[l] > 1 {
			labels[i] = fmt.Sprintf("%s (%d)", l, seen[l])
		}
	}
	c := &checkChoices[T]{group: widget.NewCheckGroup(labels, nil), values: values}
	var ticked []string
	for i, v := range values {
		if slices.Contains(chosen, v) {
			ticked = append(ticked, labels[i])
		}
	}
	c.group.SetSelected(ticked)
	return c
}

// chosen returns the values ticked, in the order of the labels.
func (c *checkChoices[T]) chosen() []T {
	var out []T
	for i, l := range c.group.Options {
		if slices.Contains(c.group.Selected, l) {
			out = append(out, c.values[i])
		}
	}
	return out
}

// filterForm shows the filter dialog for doc, whose tags in use are tags.
func (m *mainWindow) filterForm(doc *document, tags []data.TagCount) *filterFormView {
	f := m.filter.f

	laneNames, laneIDs := make([]string, len(doc.lanes)), make([]int64, len(doc.lanes))
	for i, l := range doc.lanes {
		laneNames[i], laneIDs[i] = l.Name, l.ID
	}
	lanes := newCheckChoices(laneNames, laneIDs, f.lanes)

	statusNames := make([]string, len(statuses))
	for i, s := range statuses {
		statusNames[i] = statusText(s)
	}
	claims := newCheckChoices(statusNames, statuses, f.statuses)

	tagNames, tagLabels := make([]string, len(tags)), make([]string, len(tags))
	for i, t := range tags {
		tagNames[i], tagLabels[i] = t.Name, fmt.Sprintf("%s (%s)", t.Name, plural(t.Events, "event"))
	}
	tagChoices := newCheckChoices(tagLabels, tagNames, f.tags)

	actorNames, actorIDs := make([]string, len(m.links.actors)), make([]int64, len(m.links.actors))
	for i, a := range m.links.actors {
		actorNames[i], actorIDs[i] = a.Name, a.ID
	}
	actors := newCheckChoices(actorNames, actorIDs, f.actors)

	dateText := ""
	if f.dates != nil {
		dateText = f.dates.typed
	}
	dates := newDateField(dateText, true)
	dates.entry.SetPlaceHolder("Any date; or 2022, Aug 2022, 2022-08/2023-05")
	visible := widget.NewButton("Use the dates in view", func() {
		vp := m.timeline.Viewport()
		day := func(t float64) string { return time.Unix(int64(t), 0).UTC().Format("2006-01-02") }
		dates.entry.SetText(day(vp.Start()) + "/" + day(vp.End()))
	})
	visible.Importance = widget.LowImportance

	// Each kind is a headed box; long lists scroll, a kind with nothing to
	// choose says so.
	section := func(title, hint string, c *widget.CheckGroup, none string) fyne.CanvasObject {
		var body fyne.CanvasObject = muted(none)
		if len(c.Options) > 0 {
			s := container.NewVScroll(c)
			s.SetMinSize(fyne.NewSize(0, min(c.MinSize().Height, filterListHeight)))
			body = s
		}
		return container.NewBorder(container.NewVBox(subheading(title), muted(hint)), nil, nil, nil, body)
	}
	kinds := container.NewGridWithColumns(2,
		section("Lanes", "None ticked: every lane", lanes.group, "No lanes"),
		section("Tags", "Events with any tag ticked", tagChoices.group, "No event has a tag"),
		section("Claim", "None ticked: every claim", claims.group, ""),
		section("Actors", "Events they take part in or speak about", actors.group, "No actors"),
	)
	items := []*widget.FormItem{
		{Text: "", Widget: kinds},
		{Text: "Dates", Widget: container.NewBorder(nil, nil, nil, visible, dates.entry)},
		{Text: "", Widget: dates.understood},
	}
	d := dialog.NewForm("Show only", "Apply", "Cancel", items, func(ok bool) {
		m.win.Canvas().Focus(m.timeline)
		if !ok {
			return
		}
		nf := eventFilter{lanes: lanes.chosen(), statuses: claims.chosen(), tags: tagChoices.chosen(), actors: actors.chosen()}
		if typed := strings.TrimSpace(dates.entry.Text); typed != "" {
			nf.dates = dateWindowOf(typed, dates.parsed)
		}
		m.setFilter(nf)
	}, m.win)
	dates.entry.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(760, 0))
	d.Show()
	v := &filterFormView{lanes: lanes.group, statuses: claims.group, tags: tagChoices.group, actors: actors.group, dates: dates, dialog: d}
	if m.filter.formShown != nil {
		m.filter.formShown(v)
	}
	return v
}

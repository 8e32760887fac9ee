package dialog

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/pane"
	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// ShowFilter asks which events to show (View ▸ Filter…). The tags in use
// are read first, off the UI goroutine.
func ShowFilter(p Parent) {
	var tags []data.TagCount
	p.Session.Read(func(ctx context.Context, st *data.Store) error {
		var err error
		if tags, err = st.Tags(ctx); err != nil {
			return fmt.Errorf("read the tags: %w", err)
		}
		return nil
	}, func() { filterForm(p, tags) })
}

// filterListHeight is the most height a list of the filter dialog takes
// before it scrolls: four rows and a bit.
const filterListHeight = 150

// filterFormView is the filter dialog's fields.
type filterFormView struct {
	lanes, statuses, tags, actors *widget.CheckGroup
	dates                         *dateField
	dialog                        *fynedialog.FormDialog
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

// filterForm shows the filter dialog for the open document, whose tags in
// use are tags.
func filterForm(p Parent, tags []data.TagCount) *filterFormView {
	s := p.Session
	f := s.Filter()
	docLanes := s.Doc().Lanes()
	laneNames, laneIDs := make([]string, len(docLanes)), make([]int64, len(docLanes))
	for i, l := range docLanes {
		laneNames[i], laneIDs[i] = l.Name, l.ID
	}
	lanes := newCheckChoices(laneNames, laneIDs, f.Lanes)

	statusNames := make([]string, len(statuses))
	for i, st := range statuses {
		statusNames[i] = session.ClaimText(st)
	}
	claims := newCheckChoices(statusNames, statuses, f.Statuses)

	tagNames, tagLabels := make([]string, len(tags)), make([]string, len(tags))
	for i, t := range tags {
		tagNames[i], tagLabels[i] = t.Name, fmt.Sprintf("%s (%s)", t.Name, timeline.Plural(t.Events, "event", "events"))
	}
	tagChoices := newCheckChoices(tagLabels, tagNames, f.Tags)

	all := s.Links().Actors
	actorNames, actorIDs := make([]string, len(all)), make([]int64, len(all))
	for i, a := range all {
		actorNames[i], actorIDs[i] = a.Name, a.ID
	}
	actors := newCheckChoices(actorNames, actorIDs, f.Actors)

	dateText := ""
	if f.Dates != nil {
		dateText = f.Dates.Typed
	}
	dates := newDateField(dateText, true)
	dates.entry.SetPlaceHolder("Any date; or 2022, Aug 2022, 2022-08/2023-05")
	visible := widget.NewButton("Use the dates in view", func() {
		vp := s.View()
		day := func(t float64) string { return time.Unix(int64(t), 0).UTC().Format("2006-01-02") }
		dates.entry.SetText(day(vp.Start()) + "/" + day(vp.End()))
	})
	visible.Importance = widget.LowImportance

	// Each kind is a headed box; long lists scroll, a kind with nothing to
	// choose says so.
	section := func(title, hint string, c *widget.CheckGroup, none string) fyne.CanvasObject {
		var body fyne.CanvasObject = pane.Muted(none)
		if len(c.Options) > 0 {
			s := container.NewVScroll(c)
			s.SetMinSize(fyne.NewSize(0, min(c.MinSize().Height, filterListHeight)))
			body = s
		}
		return container.NewBorder(container.NewVBox(pane.Subheading(title), pane.Muted(hint)), nil, nil, nil, body)
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
	d := fynedialog.NewForm("Show only", "Apply", "Cancel", items, func(ok bool) {
		p.refocus()
		if !ok {
			return
		}
		nf := session.Filter{Lanes: lanes.chosen(), Statuses: claims.chosen(), Tags: tagChoices.chosen(), Actors: actors.chosen()}
		if typed := strings.TrimSpace(dates.entry.Text); typed != "" {
			nf.Dates = session.DateWindowOf(typed, dates.parsed)
		}
		s.SetFilter(nf)
	}, p.Win)
	dates.entry.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(760, 0))
	d.Show()
	return &filterFormView{lanes: lanes.group, statuses: claims.group, tags: tagChoices.group, actors: actors.group, dates: dates, dialog: d}
}

package dialog

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/pane"
	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
)

// pickRow is one quote or source the link picker offers.
type pickRow struct {
	id            int64
	title, detail string
	haystack      string // title and detail in lower case, for the search
}

// linkPickerView is an open link picker.
type linkPickerView struct {
	search *widget.Entry
	list   *widget.List
	stance *widget.RadioGroup
	link   *widget.Button
	shown  []pickRow // the rows matching the search, as listed
	chosen int64     // the chosen row's id, or 0
	dialog fynedialog.Dialog
}

// ShowLinkPicker reads the document's quotes or sources off the UI
// goroutine and offers them to link to event.
func ShowLinkPicker(p Parent, event int64, kind session.LinkKind) {
	dates := p.Session.Dates()
	var rows []pickRow
	p.Session.Read(func(ctx context.Context, st *data.Store) error {
		var err error
		rows, err = pickRows(ctx, st, kind, dates)
		return err
	}, func() { linkPicker(p, event, kind, rows) })
}

// pickRows reads the quotes or the sources of s as the picker lists them.
func pickRows(ctx context.Context, s *data.Store, kind session.LinkKind, st data.DateStyle) ([]pickRow, error) {
	var rows []pickRow
	add := func(id int64, title string, detail ...string) {
		var kept []string
		for _, d := range detail {
			if d != "" {
				kept = append(kept, d)
			}
		}
		r := pickRow{id: id, title: title, detail: strings.Join(kept, " · ")}
		r.haystack = strings.ToLower(r.title + " " + r.detail)
		rows = append(rows, r)
	}
	if kind == session.LinkSource {
		sources, err := s.Sources(ctx)
		if err != nil {
			return nil, fmt.Errorf("read the sources: %w", err)
		}
		for _, src := range sources {
			add(src.ID, src.Title, src.Outlet, st.Format(src.Published))
		}
		return rows, nil
	}
	quotes, err := s.Quotes(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the quotes: %w", err)
	}
	for _, q := range quotes {
		add(q.ID, "“"+q.Text+"”", q.Speaker, "said "+st.Format(q.SaidAt), q.Source.Title)
	}
	return rows, nil
}

// linkPicker shows rows to choose one to link to event, with its stance.
func linkPicker(parent Parent, event int64, kind session.LinkKind, rows []pickRow) *linkPickerView {
	p := &linkPickerView{shown: rows}
	noun := "quote"
	if kind == session.LinkSource {
		noun = "source"
	}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Type words of the " + noun + " to find it")
	p.list = widget.NewList(
		func() int { return len(p.shown) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("Title placeholder")
			title.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("Detail placeholder")
			detail.Truncation = fyne.TextTruncateEllipsis
			detail.TextStyle = fyne.TextStyle{Italic: true}
			detail.SizeName = theme.SizeNameCaptionText
			return container.NewVBox(title, detail)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(p.shown[i].title)
			c.Objects[1].(*widget.Label).SetText(p.shown[i].detail)
		})
	p.stance = widget.NewRadioGroup([]string{"Supports", "Disputes"}, nil)
	p.stance.Horizontal = true
	p.stance.Required = true
	p.stance.SetSelected("Supports")
	p.link = widget.NewButtonWithIcon("Link "+noun, theme.ConfirmIcon(), nil)
	p.link.Importance = widget.HighImportance
	p.link.Disable()
	p.list.OnSelected = func(i widget.ListItemID) {
		p.chosen = p.shown[i].id
		p.link.Enable()
	}
	p.search.OnChanged = func(s string) {
		p.shown = filterRows(rows, s)
		p.chosen = 0
		p.link.Disable()
		p.list.UnselectAll()
		p.list.Refresh()
	}
	empty := pane.Muted("The document has no " + noun + "s yet.")
	if len(rows) > 0 {
		empty.Hide()
	}
	cancel := widget.NewButton("Cancel", nil)
	bottom := container.NewVBox(container.NewHBox(pane.Bold("The "+noun), p.stance),
		container.NewHBox(layout.NewSpacer(), cancel, p.link))
	content := container.NewBorder(container.NewVBox(p.search, empty), bottom, nil, nil, p.list)
	p.dialog = fynedialog.NewCustomWithoutButtons("Link a "+noun+" to this event", content, parent.Win)
	cancel.OnTapped = p.dialog.Hide
	p.link.OnTapped = func() {
		id := p.chosen
		if id == 0 {
			return
		}
		stance := data.StanceSupports
		if p.stance.Selected == "Disputes" {
			stance = data.StanceDisputes
		}
		p.dialog.Hide()
		parent.Session.Link(event, kind, id, stance)
	}
	p.dialog.SetOnClosed(parent.refocus)
	p.dialog.Resize(fyne.NewSize(640, 520))
	p.dialog.Show()
	parent.Win.Canvas().Focus(p.search)
	return p
}

// filterRows keeps the rows holding every word of query.
func filterRows(rows []pickRow, query string) []pickRow {
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 {
		return rows
	}
	var kept []pickRow
	for _, r := range rows {
		all := true
		for _, w := range words {
			all = all && strings.Contains(r.haystack, w)
		}
		if all {
			kept = append(kept, r)
		}
	}
	return kept
}

package dialog

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/pane"
	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
)

// lanePalette is the colours offered for lanes: distinct on light and dark
// backgrounds.
var lanePalette = []struct{ name, hex string }{
	{"Blue", "#3B7DD8"}, {"Orange", "#E0812B"}, {"Green", "#3A9D5D"}, {"Red", "#D64545"},
	{"Purple", "#8A5CC7"}, {"Teal", "#2A9D9D"}, {"Brown", "#9C6B3C"}, {"Grey", "#7A7F87"},
}

// ShowLanes opens the list of lanes, where each can be edited, moved,
// collapsed or deleted, and new ones added.
func ShowLanes(p Parent) {
	s := p.Session
	if s.Doc() == nil {
		return
	}
	list := container.NewVBox()
	var fill func()
	after := func(*data.Edit) { fill() }
	lanes := func() []data.Lane {
		if doc := s.Doc(); doc != nil {
			return doc.Lanes()
		}
		return nil
	}
	fill = func() {
		list.RemoveAll()
		if len(lanes()) == 0 {
			list.Add(pane.Muted("No lanes yet. Add one to start placing events."))
		}
		for i, l := range lanes() {
			l := l
			name := widget.NewLabel(l.Name)
			name.Truncation = fyne.TextTruncateEllipsis
			up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() {
				s.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) { return st.MoveLane(ctx, l.ID, -1) }, after)
			})
			down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() {
				s.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) { return st.MoveLane(ctx, l.ID, 1) }, after)
			})
			if i == 0 {
				up.Disable()
			}
			if i == len(lanes())-1 {
				down.Disable()
			}
			collapse := widget.NewCheck("Collapsed", func(on bool) {
				if on == l.Collapsed {
					return
				}
				s.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
					return st.SetLaneCollapsed(ctx, l.ID, on)
				}, after)
			})
			collapse.SetChecked(l.Collapsed)
			edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { ShowLaneForm(p, l, fill) })
			del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
				s.Edit("Delete lane “"+session.Shorten(l.Name, 30)+"”", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
					return st.DeleteLane(ctx, l.ID)
				}, after)
			})
			for _, b := range []*widget.Button{up, down, edit, del} {
				b.Importance = widget.LowImportance
			}
			list.Add(container.NewBorder(nil, nil, pane.Swatch(session.LaneColor(l.Color)),
				container.NewHBox(collapse, up, down, edit, del), name))
		}
		list.Refresh()
	}
	fill()
	add := widget.NewButtonWithIcon("Add lane…", theme.ContentAddIcon(), func() {
		ShowLaneForm(p, data.Lane{Color: lanePalette[len(lanes())%len(lanePalette)].hex}, fill)
	})
	showListDialog(p, "Lanes", list, add, fyne.NewSize(560, 420))
}

// showListDialog shows a dialog of size holding list, scrolled, with an
// add button under it.
func showListDialog(p Parent, title string, list *fyne.Container, add *widget.Button, size fyne.Size) {
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(size.Width-40, size.Height-180))
	content := container.NewBorder(nil, container.NewHBox(add), nil, nil, scroll)
	d := fynedialog.NewCustom(title, "Close", content, p.Win)
	d.SetOnClosed(p.refocus)
	d.Resize(size)
	d.Show()
}

// ShowLaneForm opens the form for lane l (a new lane when l.ID is 0); then
// runs after once the lane is saved.
func ShowLaneForm(p Parent, l data.Lane, after func()) {
	name := requiredEntry(l.Name, "e.g. Drone transfers", "give the lane a name")
	preview := canvas.NewRectangle(session.LaneColor(l.Color))
	preview.CornerRadius = 3
	preview.SetMinSize(fyne.NewSize(22, 22))
	colour := widget.NewEntry()
	colour.SetText(l.Color)
	colour.Validator = func(s string) error {
		if !validHex(s) {
			return fmt.Errorf("write a colour as #RRGGBB")
		}
		return nil
	}
	names := make([]string, len(lanePalette))
	for i, p := range lanePalette {
		names[i] = p.name
	}
	palette := widget.NewSelect(names, func(n string) {
		for _, p := range lanePalette {
			if p.name == n {
				colour.SetText(p.hex)
			}
		}
	})
	palette.PlaceHolder = "Choose…"
	colour.OnChanged = func(s string) {
		if validHex(s) {
			preview.FillColor = session.LaneColor(s)
			preview.Refresh()
		}
	}
	collapsed := widget.NewCheck("Collapsed (show only its summary strip)", nil)
	collapsed.SetChecked(l.Collapsed)
	items := []*widget.FormItem{
		widget.NewFormItem("Name", name),
		widget.NewFormItem("Colour", container.NewBorder(nil, nil, container.NewCenter(preview), palette, colour)),
		widget.NewFormItem("", collapsed),
	}
	d := recordForm(p, "lane", l.ID, 520, items, func() {
		l.Name, l.Color, l.Collapsed = strings.TrimSpace(name.Text), strings.ToUpper(colour.Text), collapsed.Checked
		p.Session.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
			_, ed, err := st.SaveLane(ctx, l)
			return ed, err
		}, func(*data.Edit) {
			if after != nil {
				after()
			}
		})
	})
	name.OnSubmitted = func(string) { d.Submit() }
	colour.OnSubmitted = func(string) { d.Submit() }
	p.Win.Canvas().Focus(name)
}

// validHex reports whether s is a colour written "#RRGGBB".
func validHex(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	_, err := strconv.ParseUint(s[1:], 16, 32)
	return err == nil
}

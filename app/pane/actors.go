package pane

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
)

// ActorList is the pane listing the document's people, organisations and
// states; choosing one filters the timeline to the events they take part
// in or speak about, and to their quotes.
type ActorList struct {
	s      *session.Session
	root   *fyne.Container
	list   *widget.List
	info   *widget.Label
	actors []data.Actor
	chosen int64
	// several is the number of actors the filter is set to when it is
	// more than one: then none is chosen here.
	several   int
	edit, del *widget.Button

	// OnAdd, OnEdit and OnDelete add an actor, and edit or delete the
	// chosen one.
	OnAdd            func()
	OnEdit, OnDelete func(a data.Actor)
}

// NewActorList makes the pane for session s.
func NewActorList(s *session.Session) *ActorList {
	a := &ActorList{s: s}
	a.info = Wrapped("")
	a.list = widget.NewList(
		func() int { return len(a.actors) + 1 },
		func() fyne.CanvasObject {
			name := widget.NewLabel("Actor name placeholder")
			name.Truncation = fyne.TextTruncateEllipsis
			kind := widget.NewLabel("organisation")
			kind.TextStyle = fyne.TextStyle{Italic: true}
			return container.NewBorder(nil, nil, nil, kind, name)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			name, kind := c.Objects[0].(*widget.Label), c.Objects[1].(*widget.Label)
			if i == 0 {
				name.SetText("Everyone")
				name.TextStyle = fyne.TextStyle{Bold: true}
				kind.SetText("")
				return
			}
			act := a.actors[i-1]
			name.TextStyle = fyne.TextStyle{}
			name.SetText(act.Name)
			kind.SetText(act.Kind)
		})
	a.list.OnSelected = func(i widget.ListItemID) {
		id := int64(0)
		if i > 0 && i-1 < len(a.actors) {
			id = a.actors[i-1].ID
		}
		if id == a.chosen && a.several == 0 {
			return
		}
		a.several = 0
		a.chosen = id
		a.describe()
		a.enableButtons()
		s.FilterByActor(id)
	}
	head := container.NewVBox(Heading("Actors"), a.info, widget.NewSeparator())
	add := LowButton("Add…", theme.ContentAddIcon(), func() {
		if a.OnAdd != nil {
			a.OnAdd()
		}
	})
	a.edit = LowButton("Edit…", theme.DocumentCreateIcon(), func() { a.withChosen(a.OnEdit) })
	a.del = LowButton("Delete", theme.DeleteIcon(), func() { a.withChosen(a.OnDelete) })
	tools := container.NewVBox(widget.NewSeparator(), container.NewHBox(add, a.edit, a.del))
	a.root = container.NewBorder(head, tools, nil, nil, a.list)
	a.set(nil, nil)
	s.Watch(a.follow)
	return a
}

// Object returns the pane's canvas object.
func (a *ActorList) Object() fyne.CanvasObject { return a.root }

// follow lists the document's actors, with the filter's chosen.
func (a *ActorList) follow(e session.Event) {
	switch e.(type) {
	case session.Opened, session.Closed:
		a.set(nil, nil)
	case session.LinksRead, session.Shown:
		if a.s.Doc() != nil {
			a.set(a.s.Links().Actors, a.s.Filter().Actors)
		}
	}
}

// set replaces the list, with actor chosen (0 for everyone) selected.
func (a *ActorList) set(actors []data.Actor, filtered []int64) {
	a.actors, a.chosen, a.several = actors, 0, 0
	switch len(filtered) {
	case 0:
	case 1:
		a.chosen = filtered[0]
	default:
		a.several = len(filtered)
	}
	a.list.Refresh()
	row := 0
	for i, act := range actors {
		if act.ID == a.chosen {
			row = i + 1
		}
	}
	if a.several > 0 {
		a.list.UnselectAll()
	} else {
		a.list.Select(row)
	}
	a.describe()
	a.enableButtons()
}

// enableButtons offers to edit and delete only a chosen actor, not everyone.
func (a *ActorList) enableButtons() {
	if a.chosen == 0 {
		a.edit.Disable()
		a.del.Disable()
	} else {
		a.edit.Enable()
		a.del.Enable()
	}
}

// withChosen calls fn, if set, with the chosen actor.
func (a *ActorList) withChosen(fn func(data.Actor)) {
	for _, act := range a.actors {
		if act.ID == a.chosen && fn != nil {
			fn(act)
		}
	}
}

// describe says what the timeline is showing.
func (a *ActorList) describe() {
	if a.several > 0 {
		a.info.SetText(fmt.Sprintf("The timeline shows the events of %d actors, as the filter above it says. Choose one to see only theirs, or Everyone to see all.", a.several))
		return
	}
	if a.chosen == 0 {
		a.info.SetText("The timeline shows everyone's events and quotes. Choose an actor to see only the events they take part in or speak about, and their quotes.")
		return
	}
	for _, act := range a.actors {
		if act.ID == a.chosen {
			s := fmt.Sprintf("The timeline shows only %s's events and quotes. Choose “Everyone” to see all.", act.Name)
			if act.Description != "" {
				s = act.Description + ".\n" + s
			}
			a.info.SetText(s)
		}
	}
}

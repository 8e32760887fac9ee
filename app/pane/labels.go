// Package pane holds the panes of the main window: the details of the
// selection, the source viewer and its text widget, the actors, the stops,
// the event list, the find bar, the filter's chips and the status line.
// Each takes the session (or a small part of it) and follows its events; none
// knows the window.
package pane

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The labels and small pieces the panes and dialogs are made of.

// Heading is a pane's title: bold, larger, wrapped.
func Heading(s string) *widget.Label {
	l := Wrapped(s)
	l.SizeName = theme.SizeNameSubHeadingText
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// Subheading is a bold label heading a part of a pane.
func Subheading(s string) *widget.Label { return Bold(s) }

// Bold is a bold label.
func Bold(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// Wrapped is a label wrapped at word boundaries.
func Wrapped(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Muted is a wrapped label in italics, for hints and asides.
func Muted(s string) *widget.Label {
	l := Wrapped(s)
	l.TextStyle = fyne.TextStyle{Italic: true}
	return l
}

// LowButton is a button of low importance, as the panes' actions are.
func LowButton(label string, icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	b.Importance = widget.LowImportance
	return b
}

// Swatch is a small rounded square of colour c, such as a lane's.
func Swatch(c color.Color) fyne.CanvasObject {
	return container.NewCenter(swatchRect(c))
}

func swatchRect(c color.Color) *canvas.Rectangle {
	r := canvas.NewRectangle(c)
	r.CornerRadius = 3
	r.SetMinSize(fyne.NewSize(14, 14))
	return r
}

// field is a bold name beside a wrapped value, as in a form.
type field struct {
	box   *fyne.Container
	value *widget.Label
}

func newField(name string) *field {
	f := &field{value: Wrapped("")}
	f.box = container.New(layout.NewFormLayout(), Bold(name), f.value)
	return f
}

// set shows value and returns the field.
func (f *field) set(value string) fyne.CanvasObject {
	f.value.SetText(value)
	return f.box
}

// frame is a card's frame: its objects with an accent bar on the left.
type frame struct {
	box *fyne.Container
	bar *canvas.Rectangle
}

func newFrame(objs ...fyne.CanvasObject) frame {
	bar := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	bar.SetMinSize(fyne.NewSize(3, 0))
	return frame{box: container.NewBorder(nil, nil, bar, nil, container.NewVBox(objs...)), bar: bar}
}

// object returns the card, its bar in the theme's colour of the moment.
func (f frame) object() fyne.CanvasObject {
	if c := theme.Color(theme.ColorNamePrimary); f.bar.FillColor != c {
		f.bar.FillColor = c
		f.bar.Refresh()
	}
	return f.box
}

// setEnabled enables or disables b.
func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// show shows or hides o.
func show(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}

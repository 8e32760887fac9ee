package dialog

import (
	"fyne.io/fyne/v2"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
)

// Parent is what a dialog needs of the window it opens over: the window,
// its session, and what takes the keyboard back when the dialog closes.
type Parent struct {
	Win     fyne.Window
	Session *session.Session
	Focus   fyne.Focusable // the timeline, usually; nil for none
}

// refocus gives the keyboard back to p.Focus, so that keys reach the
// timeline and the menus again.
func (p Parent) refocus() {
	if p.Focus != nil {
		p.Win.Canvas().Focus(p.Focus)
	}
}

// ShowInfo shows a message with a title and an OK button.
func ShowInfo(win fyne.Window, title, msg string) {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	d := fynedialog.NewCustom(title, "OK", l, win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// Confirm asks q, and deletes if the user agrees.
func Confirm(p Parent, q session.Question) {
	msg := widget.NewLabel(q.Message)
	msg.Wrapping = fyne.TextWrapWord
	c := fynedialog.NewCustomConfirm(q.Title, "Delete", "Cancel", msg, func(ok bool) {
		p.refocus()
		if ok {
			q.Yes()
		}
	}, p.Win)
	c.Resize(fyne.NewSize(560, 0))
	c.Show()
}

// ask is the Question asker of dialogs opened over p.
func (p Parent) ask(q session.Question) { Confirm(p, q) }

package pane

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
)

// StatusLine is the bottom line of the window: what the session is doing or
// what the document holds, and, while it works, a progress bar and a button
// to cancel.
type StatusLine struct {
	box      *fyne.Container
	text     *widget.Label
	bars     *fyne.Container             // holds busy and progress; hidden, with no width, when neither shows
	busy     *widget.ProgressBarInfinite // work of unknown length
	progress *widget.ProgressBar         // a task's
	cancel   *widget.Button
}

// NewStatusLine makes the status line of session s.
func NewStatusLine(s *session.Session) *StatusLine {
	l := &StatusLine{text: widget.NewLabel("Opening…"), busy: widget.NewProgressBarInfinite(), progress: widget.NewProgressBar()}
	// A long note (what a first change will do to an older document) takes
	// a second line rather than widening the window.
	l.text.Wrapping = fyne.TextWrapWord
	l.busy.Hide()
	l.progress.Hide()
	l.cancel = LowButton("Cancel", theme.CancelIcon(), s.Cancel)
	l.cancel.Hide()
	l.bars = container.NewGridWrap(fyne.NewSize(220, l.progress.MinSize().Height), l.busy, l.progress)
	l.bars.Hide()
	l.box = container.NewBorder(nil, nil, nil, container.NewHBox(l.bars, l.cancel), l.text)
	s.Watch(func(e session.Event) {
		switch e := e.(type) {
		case session.Status:
			l.Show(e)
		case session.Progress:
			l.progress.SetValue(e.Done)
		}
	})
	return l
}

// Object returns the line's canvas object.
func (l *StatusLine) Object() fyne.CanvasObject { return l.box }

// Text returns what the line says.
func (l *StatusLine) Text() string { return l.text.Text }

// Working reports whether the line shows a task's progress and Cancel.
func (l *StatusLine) Working() bool { return l.cancel.Visible() && l.progress.Visible() }

// Cancel returns the button that cancels the task under way.
func (l *StatusLine) Cancel() *widget.Button { return l.cancel }

// Show shows st, as the session says it when its work changes.
func (l *StatusLine) Show(st session.Status) {
	l.text.SetText(st.Text)
	switch st.Work {
	case session.WorkBusy:
		l.bars.Show()
		l.progress.Hide()
		l.cancel.Hide()
		l.busy.Show()
		l.busy.Start()
	case session.WorkProgress:
		l.bars.Show()
		l.busy.Stop()
		l.busy.Hide()
		l.progress.SetValue(0)
		l.progress.Show()
		l.cancel.Show()
	default:
		l.busy.Stop()
		l.busy.Hide()
		l.progress.Hide()
		l.cancel.Hide()
		l.bars.Hide()
	}
}

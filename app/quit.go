package app

import (
	"fmt"
	"io"
	"os"

	"fyne.io/fyne/v2"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/internal/interrupt"
)

// quitOnSignal quits a at SIGINT or SIGTERM, as File ▸ Quit does: every
// window closes, and with it its document. A second signal ends the
// process at once. Call the function it returns once a has quit.
func quitOnSignal(a fyne.App, stderr io.Writer) (release func()) {
	return interrupt.Notify(func(sig os.Signal) {
		fmt.Fprintf(stderr, "quoteline: %v: closing the windows and their documents\n", sig)
		fyne.Do(a.Quit)
	})
}

// closeAll closes the windows' sessions, whose windows are closed, and
// waits until what they were doing has ended and their documents are
// closed: an export's temporary file removed, no -wal or -shm left beside
// a document. The process may then exit.
func closeAll(sessions []*session.Session) {
	for _, s := range sessions {
		s.Close()
		s.Wait()
	}
}

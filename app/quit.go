package app

import (
	"fmt"
	"io"
	"os"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/internal/interrupt"
)

// sayOnSignal says, at SIGINT or SIGTERM, that the window closes with its
// document. Fyne's desktop driver quits on those signals by itself (its
// windows are not closed one by one: their sessions are closed by Run,
// after ShowAndRun, with closeAll). Call the function it returns once the
// application has quit.
func sayOnSignal(stderr io.Writer) (release func()) {
	return interrupt.Notify(func(sig os.Signal) {
		fmt.Fprintf(stderr, "quoteline: %v: closing the windows and their documents\n", sig)
	})
}

// closeAll closes the windows' sessions, whose windows are closed or gone,
// and waits until what they were doing has ended and their documents are
// closed: an export's temporary file removed, no -wal or -shm left beside
// a document. The process may then exit.
func closeAll(sessions []*session.Session) {
	for _, s := range sessions {
		s.Close()
		s.Wait()
	}
}

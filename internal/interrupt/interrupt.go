// Package interrupt gives command-line work a context that ends when the
// user interrupts it (Ctrl+C: SIGINT) or the system asks it to stop
// (SIGTERM), so that the work stops as it would on any error: temporary
// files removed, documents closed, nothing half-written. A second signal
// ends the process at once, for work that does not stop.
package interrupt

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// Signals are the signals that end the context of Context.
var Signals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// Context returns a context that ends at the first of Signals, and a
// function that releases it (call it when the work is done). After the
// first signal the signals have their default effect again: the next one
// ends the process.
func Context(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(parent, Signals...)
	go func() {
		<-ctx.Done()
		stop()
	}()
	return ctx, stop
}

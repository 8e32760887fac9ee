// Package interrupt stops work when the user interrupts it (Ctrl+C: SIGINT)
// or the system asks the program to stop (SIGTERM), so that the work stops
// as it would on any error: temporary files removed, documents closed,
// nothing half-written. Command-line work takes a context that ends then
// (Context); the window, which Fyne quits on those signals by itself, says
// why it closes (Notify). A second signal ends the process at once, for
// work that does not stop, unless another handler (Fyne's) still takes it.
package interrupt

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// Signals are the signals that interrupt the work.
var Signals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// Notify calls stopWork, on a goroutine of its own, at the first of
// Signals, with the signal; after it the signals have their default effect
// again: the next one ends the process. release ends the notification (call
// it when the work is done); after it stopWork is not called.
func Notify(stopWork func(os.Signal)) (release func()) {
	c := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(c, Signals...)
	go func() {
		select {
		case sig := <-c:
			signal.Stop(c)
			stopWork(sig)
		case <-done:
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			signal.Stop(c)
			close(done)
		})
	}
}

// Context returns a context that ends at the first of Signals, and a
// function that releases it (call it when the work is done). After the
// first signal the signals have their default effect again: the next one
// ends the process.
func Context(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(parent)
	release := Notify(func(os.Signal) { cancel() })
	return ctx, func() {
		release()
		cancel()
	}
}

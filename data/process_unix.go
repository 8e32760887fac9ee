//go:build unix

package data

import (
	"errors"
	"syscall"
)

// processRuns reports whether a process with the given id exists; when
// that cannot be told it reports true, so nothing is removed by mistake.
func processRuns(pid int) bool {
	err := syscall.Kill(pid, 0)
	return !errors.Is(err, syscall.ESRCH)
}

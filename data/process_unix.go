//go:build unix

package data

import (
	"errors"
	"syscall"
)

// oNoFollow makes opening a symbolic link fail rather than open what it
// points to.
const oNoFollow = syscall.O_NOFOLLOW

// processRuns reports whether a process with the given id exists; when
// that cannot be told it reports true, so nothing is removed by mistake.
func processRuns(pid int) bool {
	err := syscall.Kill(pid, 0)
	return !errors.Is(err, syscall.ESRCH)
}

// oNonBlock makes opening a named pipe return at once rather than wait for
// a writer.
const oNonBlock = syscall.O_NONBLOCK

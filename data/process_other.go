//go:build !unix

package data

// processRuns reports true: on this system stale temporary files are not
// recognised, and are left alone.
func processRuns(pid int) bool { return true }

// oNoFollow is 0: this system's open has no such flag, and callers check
// what they opened.
const oNoFollow = 0

// oNonBlock is 0 on this system.
const oNonBlock = 0

//go:build !linux

package data

// writerHolding returns "": on this system the program holding a
// document's write lock is not known.
func writerHolding(path string) string { return "" }

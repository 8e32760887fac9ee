package data

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// tempPattern is the os.CreateTemp pattern of the temporary files in which
// documents (and backups) beside path are built before they are moved into
// place: hidden, named after the target and the process writing them, so
// that a file left by a process that was killed can be recognised later.
func tempPattern(path string) string {
	return "." + filepath.Base(path) + "." + strconv.Itoa(os.Getpid()) + "-*.tmp"
}

// removeStaleTemps removes the temporary files beside path (and their
// SQLite journals) that were left by processes that no longer run, such as
// a document creation killed half-way. Files of running processes, and any
// file whose process cannot be told, are left alone.
func removeStaleTemps(path string) {
	prefix := "." + filepath.Base(path) + "."
	dir := filepath.Dir(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		pidText, rest, ok := strings.Cut(rest, "-")
		if !ok || !(strings.HasSuffix(rest, ".tmp") || strings.HasSuffix(rest, ".tmp-journal") ||
			strings.HasSuffix(rest, ".tmp-wal") || strings.HasSuffix(rest, ".tmp-shm")) {
			continue
		}
		pid, err := strconv.Atoi(pidText)
		if err != nil || pid <= 0 || pid == os.Getpid() || processRuns(pid) {
			continue
		}
		os.Remove(filepath.Join(dir, name))
	}
}

// Package filestate records what a folder holds, every file's name and
// bytes, so that a test can say a command left it as it was. It is
// imported only by tests.
package filestate

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// Folder is what a folder holds: the bytes of each file by name, and each
// folder in it by its name and a slash, with no bytes.
type Folder map[string][]byte

// Of reads the folder dir.
func Of(t testing.TB, dir string) Folder {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	f := Folder{}
	for _, e := range entries {
		if e.IsDir() {
			f[e.Name()+"/"] = nil
			continue
		}
		if f[e.Name()], err = os.ReadFile(filepath.Join(dir, e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// Diff says how after differs from f: "" if it holds the same names with
// the same bytes, else what appeared, went and changed.
func (f Folder) Diff(after Folder) string {
	var diffs []string
	for name, b := range f {
		if a, ok := after[name]; !ok {
			diffs = append(diffs, name+" is gone")
		} else if !bytes.Equal(a, b) {
			diffs = append(diffs, name+" changed")
		}
	}
	for name := range after {
		if _, ok := f[name]; !ok {
			diffs = append(diffs, name+" appeared")
		}
	}
	slices.Sort(diffs)
	return strings.Join(diffs, ", ")
}

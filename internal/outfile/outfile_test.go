//go:build unix

package outfile

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestWrite_OnlyRegularFiles writes over every kind of thing an export's
// name can name. A new file and a regular file are written (the second
// keeping its permissions); a symbolic link, a named pipe, a device, a
// folder and a name in a missing folder are refused with a message and
// left as they were, and nothing waits on the pipe. Issue 24 found the
// device and the link replaced by a regular file and the pipe hanging.
func TestWrite_OnlyRegularFiles(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	if err := os.WriteFile(target, []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		make    func(path string) error
		wantErr string // "" to be written
	}{
		{"new", func(string) error { return nil }, ""},
		{"regular", func(p string) error { return os.WriteFile(p, []byte("old"), 0o640) }, ""},
		{"symlink", func(p string) error { return os.Symlink(target, p) }, "is a symbolic link, not a regular file"},
		{"dangling symlink", func(p string) error { return os.Symlink(filepath.Join(dir, "nowhere"), p) }, "is a symbolic link"},
		{"fifo", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "is a named pipe, not a regular file"},
		{"device", func(p string) error { return syscall.Mknod(p, syscall.S_IFCHR|0o644, 1<<8|3) }, "is a device, not a regular file"},
		{"folder", func(p string) error { return os.Mkdir(p, 0o755) }, "is a folder"},
		{"missing folder", func(string) error { return nil }, "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-"))
			if tt.name == "missing folder" {
				path = filepath.Join(dir, "no", "file")
			}
			if err := tt.make(path); err != nil {
				t.Skipf("cannot make it here: %v", err)
			}
			before, _ := os.Lstat(path)
			done := make(chan error)
			go func() {
				done <- Write(context.Background(), path, func(w io.Writer) error {
					_, err := io.WriteString(w, "exported")
					return err
				})
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("Write is still waiting after 10 s")
			}
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				b, err := os.ReadFile(path)
				info, _ := os.Lstat(path)
				if err != nil || string(b) != "exported" || !info.Mode().IsRegular() {
					t.Errorf("file holds %q, %v, mode %v", b, err, info.Mode())
				}
				wantMode := os.FileMode(0o644)
				if before != nil {
					wantMode = before.Mode().Perm()
				}
				if info.Mode().Perm() != wantMode {
					t.Errorf("mode %v, want %v", info.Mode().Perm(), wantMode)
				}
			} else {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Write: %v, want an error saying %q", err, tt.wantErr)
				}
				if after, _ := os.Lstat(path); before != nil && (after == nil || after.Mode() != before.Mode()) {
					t.Errorf("%s was changed", tt.name)
				}
			}
			if b, _ := os.ReadFile(target); string(b) != "secret" {
				t.Errorf("the link's target now holds %q", b)
			}
			noTemps(t, dir)
		})
	}
}

// TestWrite_StopsAndCleansUp ends the context while a writer that never
// looks at it is writing, and makes another writer fail: path is left as
// it was and no temporary file remains.
func TestWrite_StopsAndCleansUp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.png")
	if err := os.WriteFile(path, []byte("before"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	err := Write(ctx, path, func(w io.Writer) error {
		chunk := make([]byte, 1<<16)
		for i := 0; ; i++ {
			if i == 3 {
				cancel()
			}
			if _, err := w.Write(chunk); err != nil {
				return err
			}
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Write: %v", err)
	}
	err = Write(context.Background(), path, func(w io.Writer) error { return errors.New("drawing failed") })
	if err == nil || err.Error() != "drawing failed" {
		t.Errorf("failed Write: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "before" {
		t.Errorf("the file holds %q", b)
	}
	noTemps(t, dir)
}

// TestFolder makes a folder, accepts one, and refuses a link to one.
func TestFolder(t *testing.T) {
	dir := t.TempDir()
	if err := Folder(filepath.Join(dir, "new")); err != nil {
		t.Fatal(err)
	}
	if err := Folder(filepath.Join(dir, "new")); err != nil {
		t.Errorf("an existing folder: %v", err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(t.TempDir(), link); err != nil {
		t.Skip(err)
	}
	if err := Folder(link); err == nil || !strings.Contains(err.Error(), "is a symbolic link, not a folder") {
		t.Errorf("a link to a folder: %v", err)
	}
}

func noTemps(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

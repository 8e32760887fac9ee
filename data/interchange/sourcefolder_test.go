//go:build unix

package interchange

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadFile_SourceTextsOnlyFromTheFolder reads Quoteline JSON documents
// whose source names its text file in every way that leads outside the
// document's folder, or to something that is not a file: a symbolic link
// to a private file, a link to a folder on the way, an absolute path, a
// path with "..", a named pipe. Each is refused naming the source, and the
// private file's words are nowhere in the result. Issue 24 found a link
// followed, so that any file on the machine could be imported into a
// timeline that is then shared. A text file in a subfolder is read, and so
// is the document given by a link to it, its texts beside the real file.
func TestReadFile_SourceTextsOnlyFromTheFolder(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(root, "id_rsa")
	if err := os.WriteFile(secret, []byte("PRIVATE KEY"), 0o600); err != nil {
		t.Fatal(err)
	}
	doc := func(textFile string) string {
		return `{"format":"quoteline","version":1,"title":"T","lanes":[{"key":"l","name":"L","color":"#112233"}],"actors":[],
			"sources":[{"key":"s","title":"Innocent","text_file":` + strconv.Quote(textFile) + `}],"quotes":[],
			"events":[{"key":"e","lane":"l","title":"E","start":"2020","status":"reported"}]}`
	}
	tests := []struct {
		name, textFile string
		make           func(dir string) error
		wantErr        string // "" to be read
	}{
		{"symlink", "t.txt", func(d string) error { return os.Symlink(secret, filepath.Join(d, "t.txt")) }, "is, or is in, a symbolic link"},
		{"relative symlink", "t.txt", func(d string) error { return os.Symlink("../id_rsa", filepath.Join(d, "t.txt")) }, "symbolic link"},
		{"linked folder", "texts/id_rsa", func(d string) error { return os.Symlink(root, filepath.Join(d, "texts")) }, "symbolic link"},
		{"absolute", secret, func(string) error { return nil }, "is not a path inside the document's folder"},
		{"dot dot", "../id_rsa", func(string) error { return nil }, "is not a path inside the document's folder"},
		{"named pipe", "pipe.txt", func(d string) error { return syscall.Mkfifo(filepath.Join(d, "pipe.txt"), 0o644) }, "is not a regular file"},
		{"folder", "texts", func(d string) error { return os.Mkdir(filepath.Join(d, "texts"), 0o755) }, "is not a regular file"},
		{"subfolder", "texts/t.txt", func(d string) error {
			if err := os.Mkdir(filepath.Join(d, "texts"), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(d, "texts", "t.txt"), []byte("A text of our own."), 0o644)
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "doc")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := tt.make(dir); err != nil {
				t.Skipf("cannot make it here: %v", err)
			}
			path := filepath.Join(dir, "d.json")
			if err := os.WriteFile(path, []byte(doc(tt.textFile)), 0o644); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			var text string
			var err error
			go func() {
				defer close(done)
				c, e := ReadFile(path, FormatQuoteline, Options{})
				if err = e; e == nil {
					text = c.Document().Sources[0].Text
				}
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("ReadFile still waiting after 10 s")
			}
			if tt.wantErr == "" {
				if err != nil || text != "A text of our own." {
					t.Errorf("ReadFile: %q, %v", text, err)
				}
				// The same document by a link from another folder.
				link := filepath.Join(t.TempDir(), "link.json")
				if err := os.Symlink(path, link); err != nil {
					t.Fatal(err)
				}
				if c, err := ReadFile(link, FormatQuoteline, Options{}); err != nil || c.Document().Sources[0].Text != text {
					t.Errorf("ReadFile through a link to the document: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), `sources[0] "s" text_file: `) || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("ReadFile: %v; want an error naming the source and saying %q", err, tt.wantErr)
			}
			if strings.Contains(text, "PRIVATE") {
				t.Error("the private file was read")
			}
		})
	}
}

// Package outfile writes the files Quoteline exports, and only regular
// files: a new one, or a regular file replaced whole, through a temporary
// file beside it that is renamed into place once complete. It never writes
// through a symbolic link, into a device or a named pipe, nor waits on one:
// those are refused with a message, before anything is opened.
package outfile

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotRegular means something other than a regular file is where an
// export would go.
var ErrNotRegular = errors.New("not a regular file")

// Check refuses path as an output file if something other than a regular
// file is there (a folder, a symbolic link, a device, a named pipe, a
// socket), or if its folder does not exist. It looks at path without
// opening it or following a link.
func Check(path string) error {
	if path == "" {
		return errors.New("no output file given")
	}
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is %s, %w: give the name of a file to write", path, kind(info.Mode()), ErrNotRegular)
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("%s: the folder %s does not exist", path, dir)
	}
	return nil
}

// Folder makes the folder path, or accepts it if it is a folder already;
// anything else there, a symbolic link to a folder too, is refused.
func Folder(path string) error {
	info, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.Mkdir(path, 0o755)
	case err != nil:
		return err
	case !info.IsDir():
		return fmt.Errorf("%s is %s, not a folder: move it away or choose another name", path, kind(info.Mode()))
	}
	return nil
}

// kind describes a file's type for a message: "a symbolic link".
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// Write writes the file path with fill, after Check: fill writes to a
// temporary file beside path, which is renamed to path when fill has
// succeeded, replacing a regular file there whole. A new file can be read
// by all (0644); a replaced one keeps its permissions. If fill fails, or
// ctx ends (then fill's writes fail with ctx's error), the temporary file
// is removed and path is left as it was.
func Write(ctx context.Context, path string, fill func(w io.Writer) error) (err error) {
	if err := Check(path); err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Lstat(path); err == nil {
		mode = info.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(Cancellable(ctx, tmp), 1<<16)
	if err = fill(bw); err != nil {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return err
	}
	if err = bw.Flush(); err != nil {
		return err
	}
	if err = ctx.Err(); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	// Whatever took path's place meanwhile is not replaced unless it is a
	// regular file.
	if err = Check(path); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Cancellable returns a writer that writes to w until ctx ends, then
// fails with ctx's error: a writer that never looks at ctx (an encoder)
// stops at its next write.
func Cancellable(ctx context.Context, w io.Writer) io.Writer {
	return &ctxWriter{ctx: ctx, w: w}
}

// ctxWriter is what Cancellable returns.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c *ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

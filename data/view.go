package data

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// A view says how to read a document without writing to it or beside it:
// the file to open and how, and the private folder holding that file when
// it is a copy.
type view struct {
	file   string
	access access
	temp   string // the private folder of a copy, "" when file is the document
	// unfinished is set when the document was left part-way through a
	// change (a hot rollback journal beside it): the view is of the
	// document as it was before that change, which is what SQLite makes
	// of it when it next opens it for writing.
	unfinished string
}

// release removes the view's private copy, if it has one.
func (v *view) release() {
	if v.temp != "" {
		os.RemoveAll(v.temp)
		v.temp = ""
	}
}

// copiedSuffixes are the files beside a document that hold part of it and
// are copied with it: the rollback journal of an unfinished change and the
// write-ahead log. The -shm file is only an index of the -wal, which
// SQLite builds again.
var copiedSuffixes = []string{"-journal", "-wal"}

// viewOf returns how to read the document at path, whose first bytes are
// hdr, without changing it. A file in WAL mode with no -wal content beside
// it is read as immutable, and any other with nothing pending beside it
// read-only in place: neither creates a file. One with a -wal beside it and
// a -shm too is read in place as well: SQLite uses the -shm file that is
// there. But SQLite would create a -shm beside a -wal that has none, and
// would write to the document to roll back the journal of an unfinished
// change: such a document is copied, with those files, to a private folder
// and read there.
func viewOf(ctx context.Context, path string, hdr []byte) (view, error) {
	side := map[string]int64{}
	for _, suffix := range append(copiedSuffixes, "-shm") {
		info, err := os.Lstat(path + suffix)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return view{}, err
		}
		if !info.Mode().IsRegular() {
			return view{}, fmt.Errorf("%w (%s beside it is not a regular file)", ErrNotQuoteline, filepath.Base(path+suffix))
		}
		if info.Size() > MaxDocumentBytes {
			return view{}, fmt.Errorf("%w: %s beside it is %s, and Quoteline opens documents of up to %s", ErrTooLarge,
				filepath.Base(path+suffix), FormatBytes(info.Size()), FormatBytes(MaxDocumentBytes))
		}
		side[suffix] = info.Size()
	}
	_, hasShm := side["-shm"]
	walMode := inWAL(hdr)
	switch {
	case side["-journal"] > 0:
		v, err := privateCopy(path)
		if err != nil {
			return view{}, err
		}
		// SQLite rolls the journal back when it first reads the copy.
		if err := touch(ctx, v.file); err != nil {
			v.release()
			return view{}, corruptOr(err)
		}
		v.unfinished = filepath.Base(path) + "-journal"
		return v, nil
	case side["-wal"] > 0 && !hasShm:
		return privateCopy(path)
	case side["-wal"] > 0 || (walMode && hasShm):
		// Another connection may have it open: read it as it does.
		return view{file: path, access: readOnly}, nil
	case walMode:
		return view{file: path, access: immutable}, nil
	}
	return view{file: path, access: readOnly}, nil
}

// inWAL reports whether a database file whose first bytes are hdr is in
// WAL mode: its read and write format versions (bytes 18 and 19) are 2.
func inWAL(hdr []byte) bool { return len(hdr) >= 20 && hdr[18] == 2 && hdr[19] == 2 }

// privateCopy copies the document at path, with the files beside it that
// hold part of it, to a new private folder, and returns the view of the copy.
func privateCopy(path string) (view, error) {
	dir, err := os.MkdirTemp("", "quoteline-read-")
	if err != nil {
		return view{}, err
	}
	v := view{file: filepath.Join(dir, "document.quoteline"), access: readOnly, temp: dir}
	for _, suffix := range append([]string{""}, copiedSuffixes...) {
		if err := copyFile(path+suffix, v.file+suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
			v.release()
			return view{}, fmt.Errorf("copy %s to read it: %w", filepath.Base(path+suffix), err)
		}
	}
	return v, nil
}

// copyFile copies the regular file from to the new file to, reading at
// most MaxDocumentBytes.
func copyFile(from, to string) error {
	in, err := os.OpenFile(from, os.O_RDONLY|oNoFollow, 0)
	if err != nil {
		return err
	}
	defer in.Close()
	if info, err := in.Stat(); err != nil {
		return err
	} else if !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", filepath.Base(from))
	}
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, io.LimitReader(in, MaxDocumentBytes))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// touch opens the private file at path for writing and reads its header,
// which has SQLite finish there what a hot journal beside it asks.
func touch(ctx context.Context, path string) error {
	db, err := openDB(ctx, path, readWrite)
	if err != nil {
		return err
	}
	defer db.Close()
	var v int
	return db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v)
}

// upgradedCopy writes a private copy of the document read through v,
// brought up to the last version of ms, and returns the view of it.
func upgradedCopy(ctx context.Context, v view, ms []migration) (view, error) {
	dir, err := os.MkdirTemp("", "quoteline-read-")
	if err != nil {
		return view{}, err
	}
	up := view{file: filepath.Join(dir, "upgraded.quoteline"), access: readOnly, temp: dir}
	err = func() error {
		src, err := openDB(ctx, v.file, v.access)
		if err != nil {
			return err
		}
		_, err = src.ExecContext(ctx, `VACUUM INTO ?`, up.file)
		if cerr := src.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		db, err := openDB(ctx, up.file, readWrite)
		if err != nil {
			return err
		}
		err = migrate(ctx, db, ms)
		if cerr := db.Close(); err == nil {
			err = cerr
		}
		return err
	}()
	if err != nil {
		up.release()
		return view{}, err
	}
	return up, nil
}

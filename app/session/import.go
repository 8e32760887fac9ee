package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/extract"
	"github.com/quoteline/quoteline/data/interchange"
)

// DetectFormat says which format the file at path is in, from its name and
// the start of its content.
func DetectFormat(path string) (interchange.Format, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, 8192)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return interchange.Detect(path, head[:n])
}

// ReadArticle reads the news article (text or HTML) at path.
func ReadArticle(path string) (*extract.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	a, err := extract.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	return a, nil
}

// ArticleDocument is what importing article a, read from path and published
// on pub, adds: the article as a source, with the quotes and dates of sugg.
func ArticleDocument(a *extract.Article, pub data.Time, path string, sugg extract.Suggestions) (*data.CheckedDocument, error) {
	return data.CheckDocument(extract.Document(a, pub, path, sugg))
}

// importWait is how long an import waits for another program writing to
// the document before it gives up.
const importWait = 2 * time.Minute

// ImportInto adds doc to the document at path in one transaction, creating
// it (atomically) if it does not exist. progress, if not nil, is called
// with the number of events written; notes is told what else was done to
// an existing document (an upgrade, the switch to WAL).
func ImportInto(ctx context.Context, path string, doc *data.CheckedDocument, progress func(done, total int), notes func(string)) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if filepath.Ext(path) != ".quoteline" {
			return fmt.Errorf("%s: a new document's name must end in .quoteline", path)
		}
		s, err := data.CreateFromChecked(ctx, path, doc, progress)
		if err != nil {
			return err
		}
		return s.Close()
	}
	s, err := data.Open(ctx, path)
	if err != nil {
		return err
	}
	s.WaitForWriters(importWait, func(w data.Wait) {
		who := w.Holder
		if who == "" {
			who = "another program"
		}
		notes(fmt.Sprintf("waiting for %s to finish writing to %s (%v so far; Ctrl+C to stop)", who, path, w.Waited))
	})
	if up := s.Upgraded(); up.From != 0 {
		notes(fmt.Sprintf("%s was upgraded from schema version %d to %d to take the import; it was kept as it was in %s", path, up.From, up.To, up.Backup))
	}
	err = s.ImportChecked(ctx, doc, progress)
	if err == nil && s.SwitchedToWAL() {
		notes(fmt.Sprintf("%s was switched to write-ahead logging (WAL), the journal mode Quoteline keeps its documents in", path))
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return err
}

// ReadArticleFile reads the article at path (text or HTML), to be
// reviewed before it is imported, as the session's task with Cancel; done
// gets it on the owner's goroutine, or why it cannot be read
// (context.Canceled if the reading was cancelled or replaced).
func (s *Session) ReadArticleFile(path string, done func(*extract.Article, error)) {
	readForReview(s, path, func(*job) (*extract.Article, error) { return ReadArticle(path) }, done)
}

// ReadImport reads the file at path in format f with opt, to be reviewed
// before it is imported, as the session's task: the status line shows how
// far it has got, with Cancel. done gets, on the owner's goroutine, the
// records that can be read with those that cannot, or why the file cannot
// be read at all (context.Canceled if the reading was cancelled, or
// replaced by another task).
func (s *Session) ReadImport(path string, f interchange.Format, opt interchange.Options, done func(*interchange.Result, error)) {
	var size int64
	if st, err := os.Stat(path); err == nil {
		size = st.Size()
	}
	readForReview(s, path, func(j *job) (*interchange.Result, error) {
		if size > 0 {
			opt.Progress = func(read int64) { j.progress(float64(read) / float64(size)) }
		}
		return interchange.ReadFileResult(path, f, opt)
	}, done)
}

// readForReview runs read, which reads the file at path for a review, as
// the session's task: the status line shows it with Cancel. A read cannot be
// stopped half-way: Cancel ends the task at once and leaves the read to
// finish on its own, dropping what it read. done gets what read returned on
// the owner's goroutine, or context.Canceled if the task was cancelled or
// replaced by another.
func readForReview[T any](s *Session, path string, read func(j *job) (T, error), done func(T, error)) {
	if s.StillReading() {
		var zero T
		done(zero, ErrReading)
		return
	}
	name := filepath.Base(path)
	type result struct {
		v   T
		err error
	}
	var got result
	s.startTask("Reading "+name+"…", func(j *job) error {
		ch := make(chan result, 1)
		go func() {
			v, err := read(j)
			ch <- result{v, err}
		}()
		select {
		case got = <-ch:
			return got.err
		case <-j.ctx.Done():
			return j.ctx.Err()
		}
	}, func(j *job, err error) {
		switch {
		case j.replaced:
		case errors.Is(err, context.Canceled):
			s.idle("Reading " + name + " cancelled; nothing was imported.")
		default:
			s.idle("")
		}
		if err != nil {
			var zero T
			done(zero, err)
			return
		}
		done(got.v, nil)
	})
}

// Import reads a file with read (named by path) and adds what it holds to
// the open document in one transaction, in the background with progress
// and Cancel; then reads the document again.
func (s *Session) Import(path string, read func() (*data.CheckedDocument, error)) {
	doc := s.doc
	if doc == nil || s.StillReading() {
		return
	}
	name := filepath.Base(path)
	s.startTask("Importing "+name+"…", func(j *job) error {
		checked, err := read()
		if err == nil && j.ctx.Err() == nil {
			err = s.write(j.ctx, doc, func(st *data.Store) error {
				return st.ImportChecked(j.ctx, checked, func(done, total int) { j.progress(float64(done) / float64(total)) })
			})
		}
		if err == nil {
			err = j.ctx.Err()
		}
		return err
	}, func(j *job, err error) {
		switch {
		case errors.Is(err, context.Canceled):
			if !j.replaced {
				s.idle("Import of " + name + " cancelled; the document is unchanged.")
			}
		case err != nil:
			s.idle("")
			s.problem(fmt.Errorf("import %s: %w; the document is unchanged", name, err))
		case doc == s.doc:
			s.Open(doc.Path())
		}
	})
}

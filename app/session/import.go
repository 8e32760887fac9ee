package session

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

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

// ImportInto adds doc to the document at path in one transaction, creating
// it (atomically) if it does not exist. progress, if not nil, is called
// with the number of events written.
func ImportInto(ctx context.Context, path string, doc *data.CheckedDocument, progress func(done, total int)) error {
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
	if err := s.ImportChecked(ctx, doc, progress); err != nil {
		s.Close()
		return err
	}
	return s.Close()
}

// Import reads a file with read (named by path) and adds what it holds to
// the open document in one transaction, in the background with progress
// and Cancel; then reads the document again.
func (s *Session) Import(path string, read func() (*data.CheckedDocument, error)) {
	doc := s.doc
	if doc == nil {
		return
	}
	store, name := doc.store, filepath.Base(path)
	s.startTask("Importing "+name+"…", func(j *job) error {
		checked, err := read()
		if err == nil && j.ctx.Err() == nil {
			err = store.ImportChecked(j.ctx, checked, func(done, total int) { j.progress(float64(done) / float64(total)) })
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
			s.Open(store.Path())
		}
	})
}

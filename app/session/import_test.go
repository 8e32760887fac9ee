package session_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/app/session/sessiontest"
	"github.com/quoteline/quoteline/data/extract"
	"github.com/quoteline/quoteline/data/interchange"
)

// TestSession_ReadImportShowsProgressAndCancels reads a large CSV file for
// the import review: the status line shows the task with Cancel, and
// cancelling ends it at once with nothing read.
func TestSession_ReadImportShowsProgressAndCancels(t *testing.T) {
	o, _ := sessiontest.OpenExample(t)
	s := o.S
	var b strings.Builder
	b.WriteString("title,start,lane\n")
	for i := range 300_000 {
		fmt.Fprintf(&b, "Event %d,2020-%02d-%02d,Lane %d\n", i, i%12+1, i%28+1, i%5)
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var got error
	ended := false
	s.ReadImport(path, interchange.FormatCSV, interchange.Options{}, func(res *interchange.Result, err error) {
		got, ended = err, true
		if res != nil {
			t.Error("a cancelled reading gave a result")
		}
	})
	if st := sessiontest.Next[session.Status](o); st.Work != session.WorkProgress || !strings.HasPrefix(st.Text, "Reading big.csv") {
		t.Errorf("status %+v", st)
	}
	s.Cancel()
	o.Until("the reading to end", func() bool { return ended })
	if !errors.Is(got, context.Canceled) {
		t.Errorf("cancelled reading ended with %v", got)
	}

	// Read to the end, it gives every record.
	ended = false
	var res *interchange.Result
	s.ReadImport(path, interchange.FormatCSV, interchange.Options{}, func(r *interchange.Result, err error) {
		res, got, ended = r, err, true
	})
	o.Until("the reading to end", func() bool { return ended })
	if got != nil || res == nil || res.Records != 300_000 || res.SkippedCount != 0 {
		t.Errorf("read %+v, %v", res, got)
	}
}

// TestSession_ReadArticleFileInTheBackground reads an article for its
// review as a task, and says why a file that is not one cannot be read.
func TestSession_ReadArticleFileInTheBackground(t *testing.T) {
	o, _ := sessiontest.OpenExample(t)
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	if err := os.WriteFile(article, []byte("Harbour reopens\n\n“We are open,” said Port Director Maria Jensen on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, []byte(" \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path, title, err string
	}{{article, "Harbour reopens", ""}, {empty, "", "empty.txt: the file is empty"}} {
		ended := false
		o.S.ReadArticleFile(tt.path, func(a *extract.Article, err error) {
			ended = true
			switch {
			case tt.err == "" && (err != nil || a == nil || a.Title != tt.title):
				t.Errorf("%s: %+v, %v", tt.path, a, err)
			case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("%s: error %v, want %q", tt.path, err, tt.err)
			}
		})
		if st := sessiontest.Next[session.Status](o); st.Work != session.WorkProgress || !strings.HasPrefix(st.Text, "Reading ") {
			t.Errorf("status %+v", st)
		}
		o.Until("the article read", func() bool { return ended })
	}
}

package dialog

import (
	"context"
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	fynedialog "fyne.io/fyne/v2/dialog"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/extract"
	"github.com/quoteline/quoteline/data/interchange"
)

// ShowImport asks for a file to add to the open document: a TimelineJS,
// vis, Quoteline JSON or CSV file after a review of what can be read of it
// (and, for CSV, the choice of its columns); an article after its
// suggestions are reviewed.
func ShowImport(p Parent) {
	doc := p.Session.Doc()
	if doc == nil || doc.ReadOnly() {
		fynedialog.ShowError(errors.New("import: open a document you can write to first"), p.Win)
		return
	}
	if p.Session.Busy() {
		// Reading a file for review is a task too, and would cancel it.
		ShowInfo(p.Win, "Import", "Quoteline is still at work on the task the status line shows. Wait for it to end, or cancel it, then import.")
		return
	}
	c := FileChoice{Title: "Import into " + filepath.Base(doc.Path()), Kind: Imports,
		Filter: "Timelines, tables and articles", Extensions: []string{".json", ".csv", ".tsv", ".txt", ".html", ".htm"}}
	ChooseFile(p.Win, p.Session, c, func(path string) {
		f, err := session.DetectFormat(path)
		if err != nil {
			fynedialog.ShowError(err, p.Win)
			return
		}
		switch f {
		case interchange.FormatArticle:
			reviewArticle(p, path)
		case interchange.FormatCSV:
			mapCSV(p, path)
		default:
			showImportReview(p, path, f, nil)
		}
	})
}

// reviewArticle reads an article in the background (the status line shows
// it, with Cancel) and shows its suggested quotes and dates for review (see
// articleReview); the accepted ones are imported.
func reviewArticle(p Parent, path string) {
	p.Session.ReadArticleFile(path, func(a *extract.Article, err error) {
		switch {
		case errors.Is(err, context.Canceled):
		case err != nil:
			fynedialog.ShowError(err, p.Win)
		default:
			showArticleReview(p, path, a)
		}
	})
}

// showArticleReview shows the review of article a, read from path.
func showArticleReview(p Parent, path string, a *extract.Article) {
	r := newArticleReview(a, p.Session.Links().Actors)
	d := fynedialog.NewCustomConfirm("Import article: "+session.Shorten(a.Title, 90), "Import accepted", "Cancel", r.content, func(ok bool) {
		p.refocus()
		if !ok {
			return
		}
		pub, sugg, err := r.accepted()
		if err != nil {
			fynedialog.ShowError(err, p.Win)
			return
		}
		p.Session.Import(path, func() (*data.CheckedDocument, error) {
			return session.ArticleDocument(a, pub, path, sugg)
		})
	}, p.Win)
	d.Resize(fyne.NewSize(1180, 700))
	d.Show()
}

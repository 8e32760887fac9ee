package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/data/extract"
	"github.com/quoteline/quoteline/data/interchange"
)

// showImportDialog asks for a file to add to the open document: a
// TimelineJS, vis or Quoteline JSON file is imported at once; a generic
// CSV file after its columns are chosen; an article after its suggestions
// are reviewed.
func (m *mainWindow) showImportDialog() {
	if m.doc == nil || m.doc.store.ReadOnly() {
		m.showError(errors.New("import: open a document you can write to first"))
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			m.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		head := make([]byte, 8192)
		n, _ := io.ReadFull(r, head)
		r.Close()
		f, err := interchange.Detect(path, head[:n])
		if err != nil {
			m.showError(err)
			return
		}
		switch f {
		case interchange.FormatArticle:
			m.reviewArticle(path)
			return
		case interchange.FormatCSV:
			m.mapCSV(path)
			return
		}
		m.runImport(path, func() (*data.CheckedDocument, error) {
			return interchange.ReadFile(path, f, interchange.Options{Zone: time.Local})
		})
	}, m.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json", ".csv", ".tsv", ".txt", ".html", ".htm"}))
	if dir, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(m.doc.store.Path()))); err == nil {
		d.SetLocation(dir)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// runImport reads a document with read and adds it to the open document in
// one transaction, off the UI goroutine, with progress and a cancel button;
// then it reloads the window.
func (m *mainWindow) runImport(path string, read func() (*data.CheckedDocument, error)) {
	store := m.doc.store
	ctx, cancel := context.WithCancel(m.life)
	name := filepath.Base(path)
	m.setBusy("Importing "+name+"…", cancel)
	go func() {
		doc, err := read()
		if err == nil && ctx.Err() == nil {
			err = store.ImportChecked(ctx, doc, func(done, total int) {
				fyne.Do(func() { m.setProgress(float64(done) / float64(total)) })
			})
		}
		if err == nil {
			err = ctx.Err()
		}
		fyne.Do(func() {
			switch {
			case errors.Is(err, context.Canceled):
				m.setIdle("Import of " + name + " cancelled; the document is unchanged. " + m.statusText())
			case err != nil:
				m.setIdle(m.statusText())
				m.showError(fmt.Errorf("import %s: %w; the document is unchanged", name, err))
			default:
				m.open(store.Path())
			}
		})
	}()
}

// reviewArticle reads an article and shows its suggested quotes and dates,
// each with a check box, under the publication date the user confirms.
func (m *mainWindow) reviewArticle(path string) {
	f, err := os.Open(path)
	if err != nil {
		m.showError(err)
		return
	}
	a, err := extract.Read(f)
	f.Close()
	if err != nil {
		m.showError(fmt.Errorf("%s: %w", filepath.Base(path), err))
		return
	}
	r := newArticleReview(a)
	d := dialog.NewCustomConfirm("Import article: "+a.Title, "Import accepted", "Cancel", r.content, func(ok bool) {
		if !ok {
			return
		}
		pub, sugg, err := r.accepted()
		if err != nil {
			m.showError(err)
			return
		}
		m.runImport(path, func() (*data.CheckedDocument, error) {
			return data.CheckDocument(extract.Document(a, pub, path, sugg))
		})
	}, m.win)
	d.Resize(fyne.NewSize(900, 640))
	d.Show()
}

// articleReview is the content of the review dialog.
type articleReview struct {
	article *extract.Article
	date    *widget.Entry
	note    *widget.Label
	list    *fyne.Container
	sugg    extract.Suggestions
	quoteOK []bool
	dateOK  []bool
	content fyne.CanvasObject
}

func newArticleReview(a *extract.Article) *articleReview {
	r := &articleReview{article: a}
	r.date = widget.NewEntry()
	r.date.SetPlaceHolder("YYYY-MM-DD")
	r.note = widget.NewLabel("")
	r.list = container.NewVBox()
	r.date.OnChanged = func(string) { r.refresh() }
	r.date.SetText(a.Published.String())
	top := container.NewBorder(nil, nil, widget.NewLabel("Published on"), r.note, r.date)
	r.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(r.list))
	r.refresh()
	return r
}

func (r *articleReview) published() (data.Time, bool) {
	t, err := data.ParseTime(strings.TrimSpace(r.date.Text))
	return t, err == nil && t.Precision == data.PrecisionDay
}

// refresh recomputes the suggestions for the date entered.
func (r *articleReview) refresh() {
	pub, ok := r.published()
	r.list.RemoveAll()
	if !ok {
		r.note.SetText("Confirm the publication date to resolve relative dates.")
		pub = data.Time{}
	} else {
		r.note.SetText("Relative dates are resolved against " + pub.Display() + ".")
	}
	r.sugg = extract.Suggest(r.article.Text, pub)
	if !ok {
		r.sugg.Dates = nil
	}
	r.quoteOK = make([]bool, len(r.sugg.Quotes))
	r.dateOK = make([]bool, len(r.sugg.Dates))
	r.list.Add(widget.NewLabelWithStyle(fmt.Sprintf("Quotes (%d)", len(r.sugg.Quotes)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for i, q := range r.sugg.Quotes {
		text := []rune(q.Text)
		if len(text) > 110 { // long passages are cut so the list fits the dialog
			text = append(text[:110:110], '…')
		}
		label := "“" + string(text) + "”"
		if q.Speaker != "" {
			label += " — " + q.Speaker
			if q.Attribution == "nearby" {
				label += " (nearest named speaker)"
			}
		}
		r.quoteOK[i] = true
		c := widget.NewCheck(label, func(on bool) { r.quoteOK[i] = on })
		c.SetChecked(true)
		r.list.Add(c)
	}
	r.list.Add(widget.NewLabelWithStyle(fmt.Sprintf("Dates (%d)", len(r.sugg.Dates)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for i, d := range r.sugg.Dates {
		label := "“" + d.Expression + "” → " + d.From.Display()
		if !d.To.IsZero() {
			label += " to " + d.To.Display()
		}
		if d.Future {
			label += " (expected)"
		}
		r.dateOK[i] = true
		c := widget.NewCheck(label, func(on bool) { r.dateOK[i] = on })
		c.SetChecked(true)
		r.list.Add(c)
	}
}

// accepted returns the confirmed date and the suggestions left checked.
func (r *articleReview) accepted() (data.Time, extract.Suggestions, error) {
	pub, ok := r.published()
	if !ok {
		return data.Time{}, extract.Suggestions{}, fmt.Errorf("publication date %q: give it as YYYY-MM-DD", r.date.Text)
	}
	var s extract.Suggestions
	for i, q := range r.sugg.Quotes {
		if r.quoteOK[i] {
			s.Quotes = append(s.Quotes, q)
		}
	}
	for i, d := range r.sugg.Dates {
		if r.dateOK[i] {
			s.Dates = append(s.Dates, d)
		}
	}
	return pub, s, nil
}

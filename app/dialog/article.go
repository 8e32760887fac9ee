package dialog

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

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
	c := FileChoice{Title: "Import into " + filepath.Base(doc.Path()), Dir: filepath.Dir(doc.Path()),
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

// reviewArticle reads an article and shows its suggested quotes and dates,
// each with a check box, under the publication date the user confirms.
func reviewArticle(p Parent, path string) {
	a, err := session.ReadArticle(path)
	if err != nil {
		fynedialog.ShowError(err, p.Win)
		return
	}
	r := newArticleReview(a)
	d := fynedialog.NewCustomConfirm("Import article: "+a.Title, "Import accepted", "Cancel", r.content, func(ok bool) {
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
	d.Resize(fyne.NewSize(900, 640))
	d.Show()
}

// articleReview is the content of the review dialog.
type articleReview struct {
	article *extract.Article
	date    *widget.Entry
	note    *widget.Label
	warn    *widget.Label // what the user should know before importing
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
	r.warn = widget.NewLabel("")
	r.warn.Wrapping = fyne.TextWrapWord
	r.warn.Importance = widget.WarningImportance
	r.list = container.NewVBox()
	r.date.OnChanged = func(string) { r.refresh() }
	r.date.SetText(a.Published.String())
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("Published on"), r.note, r.date), r.warn)
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
	var warnings []string
	if _, conflict, _ := extract.PublicationDate(r.article, pub); ok && conflict != "" {
		warnings = append(warnings, conflict)
	}
	warnings = append(warnings, extract.Warnings(r.article, r.sugg)...)
	for i, w := range warnings {
		warnings[i] = strings.ToUpper(w[:1]) + w[1:] + "." // a sentence of each
	}
	r.warn.SetText(strings.Join(warnings, "\n"))
	if len(warnings) == 0 {
		r.warn.Hide()
	} else {
		r.warn.Show()
	}
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

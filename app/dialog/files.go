package dialog

import (
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/data/interchange"
	"github.com/quoteline/quoteline/timeline/export"
)

// documentChoice asks for a Quoteline document, starting in the folder
// last used for documents, else the open document's.
func documentChoice(p Parent, title string) FileChoice {
	return FileChoice{Title: title, Kind: Documents, Dir: docFolder(p), Filter: "Quoteline documents", Extensions: []string{".quoteline"}}
}

// docFolder is the open document's folder, or "" with none open.
func docFolder(p Parent) string {
	if doc := p.Session.Doc(); doc != nil {
		return filepath.Dir(doc.Path())
	}
	return ""
}

// baseName is the open document's file name without its extension.
func baseName(p Parent) string {
	path := p.Session.Doc().Path()
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// AskToOpen asks for a document to open and calls open with its path.
func AskToOpen(p Parent, open func(path string)) {
	ChooseFile(p.Win, p.Session, documentChoice(p, "Open a Quoteline document"), open)
}

// AskNew asks where to create a new, empty document, then creates and
// opens it.
func AskNew(p Parent) {
	c := documentChoice(p, "New Quoteline document")
	c.Save, c.Name = true, "Untitled.quoteline"
	ChooseFile(p.Win, p.Session, c, p.Session.Create)
}

// AskSaveCopy asks where to write a copy of the open document, then writes
// it; the window keeps the original open. saved runs with the copy's path.
func AskSaveCopy(p Parent, saved func(path string)) {
	if p.Session.Doc() == nil {
		return
	}
	c := documentChoice(p, "Save a copy")
	c.Save, c.Name = true, baseName(p)+" copy.quoteline"
	ChooseFile(p.Win, p.Session, c, func(path string) {
		p.Session.SaveCopy(path, func() { saved(path) })
	})
}

// pictureFormats are the picture formats offered in the Export dialog.
var pictureFormats = []struct {
	label  string
	format export.Format
}{
	{"PDF document", export.PDF},
	{"PNG image", export.PNG},
	{"SVG drawing", export.SVG},
}

// ShowExportPicture asks what to draw and in which format, then where,
// then draws it in the background with progress in the status line.
func ShowExportPicture(p Parent) {
	if p.Session.Doc() == nil {
		fynedialog.ShowError(errors.New("open a document to export it"), p.Win)
		return
	}
	what := widget.NewRadioGroup([]string{"Current view", "Full extent"}, nil)
	what.SetSelected("Current view")
	labels := make([]string, len(pictureFormats))
	for i, f := range pictureFormats {
		labels[i] = f.label
	}
	format := widget.NewSelect(labels, nil)
	format.SetSelectedIndex(0)
	formatItem := widget.NewFormItem("Format", format)
	formatItem.HintText = "PDF: A4 pages, then the sources. PNG, SVG: one picture."
	items := []*widget.FormItem{widget.NewFormItem("Time span", what), formatItem}
	d := fynedialog.NewForm("Export", "Choose file…", "Cancel", items, func(ok bool) {
		if !ok || p.Session.Doc() == nil {
			return
		}
		f := pictureFormats[max(format.SelectedIndex(), 0)].format
		full := what.Selected == "Full extent"
		ext := "." + string(f)
		c := FileChoice{Title: "Export", Save: true, Kind: Exports, Dir: docFolder(p), Name: baseName(p) + ext,
			Filter: strings.ToUpper(string(f)) + " files", Extensions: []string{ext}}
		ChooseFile(p.Win, p.Session, c, func(path string) { p.Session.ExportPicture(path, f, full, nil) })
	}, p.Win)
	d.Resize(fyne.NewSize(420, d.MinSize().Height))
	d.Show()
}

// AskHandout asks where to write the open document's handout, then writes
// it in the background with progress in the status line.
func AskHandout(p Parent) {
	doc := p.Session.Doc()
	if doc == nil {
		return
	}
	c := FileChoice{Title: "Export the handout", Save: true, Kind: Exports, Dir: docFolder(p), Name: baseName(p) + " handout.pdf",
		Filter: "PDF documents", Extensions: []string{".pdf"}}
	ChooseFile(p.Win, p.Session, c, func(path string) { p.Session.ExportHandout(path, nil) })
}

// DataFormats are the interchange formats File ▸ Export offers, with their
// menu labels, the files' description and the name suggested after the
// document's.
var DataFormats = []struct {
	Label  string
	Format interchange.Format
	filter string
	suffix string
}{
	{"CSV…", interchange.FormatCSV, "CSV tables", ".csv"},
	{"Quoteline JSON…", interchange.FormatQuoteline, "Quoteline JSON files", ".json"},
	{"TimelineJS…", interchange.FormatTimelineJS, "TimelineJS files", " timelinejs.json"},
	{"vis…", interchange.FormatVis, "vis-timeline files", " vis.json"},
}

// AskExportData asks where to write the open document in the k'th of
// DataFormats, then writes it in the background.
func AskExportData(p Parent, k int) {
	doc := p.Session.Doc()
	if doc == nil || k < 0 || k >= len(DataFormats) {
		return
	}
	f := DataFormats[k]
	c := FileChoice{Title: "Export as " + strings.TrimSuffix(f.Label, "…"), Save: true, Kind: Exports, Dir: docFolder(p),
		Name: baseName(p) + f.suffix, Filter: f.filter, Extensions: []string{filepath.Ext(f.suffix)}}
	ChooseFile(p.Win, p.Session, c, func(path string) { p.Session.ExportData(path, f.Format, nil) })
}

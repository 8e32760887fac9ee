package dialog

import (
	"path/filepath"
	"strings"

	"github.com/quoteline/quoteline/data/interchange"
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

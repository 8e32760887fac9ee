package dialog

import (
	"errors"
	"fmt"
	"image"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	fynedialog "fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/timeline/export"
)

// pictureFormats are the picture formats offered in the Export dialog.
var pictureFormats = []struct {
	label  string
	format export.Format
}{
	{"PDF document", export.PDF},
	{"PNG image", export.PNG},
	{"SVG drawing", export.SVG},
}

// paperDPI is the resolution PNG and SVG pictures of a paper size are
// drawn at.
const paperDPI = 150

// pictureSize is a size the Export dialog offers.
type pictureSize struct {
	label string
	w, h  int          // pixels (a PDF's page in points); 0 for the kinds below
	paper export.Paper // a paper size: a PDF's pages, else pixels at paperDPI
	kind  sizeKind
}

type sizeKind int

const (
	sizeFixed   sizeKind = iota
	sizeWindow           // the window's size
	sizeContent          // the window's width, as tall as the content
	sizeCustom           // typed in
)

// pictureSizes are the sizes people ask for: the window, slides, paper.
func pictureSizes(win fyne.Size) []pictureSize {
	return []pictureSize{
		{label: fmt.Sprintf("This window, %d × %d", int(win.Width), int(win.Height)), w: int(win.Width), h: int(win.Height), kind: sizeWindow},
		{label: "Slide 16:9, 1920 × 1080", w: 1920, h: 1080},
		{label: "Slide 16:9, 1280 × 720", w: 1280, h: 720},
		{label: "Slide 4:3, 1600 × 1200", w: 1600, h: 1200},
		{label: "Slide 4:3, 1024 × 768", w: 1024, h: 768},
		{label: "A4 landscape", paper: export.A4},
		{label: "Letter landscape", paper: export.Letter},
		{label: "As tall as the timeline needs", kind: sizeContent},
		{label: "Custom size…", kind: sizeCustom},
	}
}

// sourceChoices are the places for the source list the dialog offers.
var sourceChoices = []struct {
	label string
	where export.Sources
}{
	{"Below the timeline if it fits, else apart", export.SourcesAuto},
	{"Below the timeline", export.SourcesBelow},
	{"On a page of their own", export.SourcesPage},
	{"None", export.SourcesNone},
}

// pictureForm is the Export dialog's form and preview.
type pictureForm struct {
	p             *Parent
	what          *widget.RadioGroup
	format        *widget.Select
	size          *widget.Select
	width, height *widget.Entry
	sources       *widget.Select
	scale         *widget.Select
	preview       *canvas.Image
	note          *widget.Label
	sizes         []pictureSize
	content       fyne.CanvasObject
	cancel        func() // stops the preview being drawn
	generation    int    // counts the previews asked for; only the last is shown
	filling       bool   // the pixel fields are being set to the size chosen
}

// newPictureForm builds the Export dialog's form over p, its preview
// drawn as the choices change.
func newPictureForm(p *Parent) *pictureForm {
	f := &pictureForm{p: p, sizes: pictureSizes(p.Win.Canvas().Size())}
	f.what = widget.NewRadioGroup([]string{"Current view", "Full extent"}, func(string) { f.changed() })
	f.what.Horizontal = true
	labels := make([]string, len(pictureFormats))
	for i, pf := range pictureFormats {
		labels[i] = pf.label
	}
	f.format = widget.NewSelect(labels, func(string) { f.changed() })
	sizeLabels := make([]string, len(f.sizes))
	for i, s := range f.sizes {
		sizeLabels[i] = s.label
	}
	f.size = widget.NewSelect(sizeLabels, func(string) { f.changed() })
	f.width, f.height = widget.NewEntry(), widget.NewEntry()
	f.width.SetPlaceHolder("width")
	f.height.SetPlaceHolder("height")
	typed := func(string) {
		if !f.filling {
			f.changed()
		}
	}
	f.width.OnChanged, f.height.OnChanged = typed, typed
	srcLabels := make([]string, len(sourceChoices))
	for i, s := range sourceChoices {
		srcLabels[i] = s.label
	}
	f.sources = widget.NewSelect(srcLabels, func(string) { f.changed() })
	f.scale = widget.NewSelect([]string{"1×", "2× (high-density screens)", "3×", "4×"}, func(string) { f.changed() })
	f.preview = canvas.NewImageFromImage(nil)
	f.preview.FillMode = canvas.ImageFillContain
	f.preview.SetMinSize(fyne.NewSize(520, 320))
	f.note = widget.NewLabel("")
	f.note.Wrapping = fyne.TextWrapWord

	custom := container.NewGridWithColumns(2, f.width, f.height)
	sizeItem := widget.NewFormItem("Size", f.size)
	sizeItem.HintText = fmt.Sprintf("Paper: pages of a PDF, %d dpi for PNG and SVG.", paperDPI)
	form := widget.NewForm(
		widget.NewFormItem("Time span", f.what),
		widget.NewFormItem("Format", f.format),
		sizeItem,
		widget.NewFormItem("Pixels", custom),
		widget.NewFormItem("Sources", f.sources),
		widget.NewFormItem("Pixel scale", f.scale),
	)
	f.width.SetText(strconv.Itoa(f.sizes[0].w))
	f.height.SetText(strconv.Itoa(f.sizes[0].h))
	f.what.SetSelected("Current view")
	f.sources.SetSelectedIndex(0)
	f.scale.SetSelectedIndex(0)
	f.size.SetSelectedIndex(1) // a slide: what a picture is most often for
	f.format.SetSelectedIndex(1)
	split := container.NewHSplit(form, container.NewBorder(nil, f.note, nil, nil, f.preview))
	split.Offset = 0.42
	f.content = split // from now on, a change draws the preview again
	return f
}

// choice returns the format, the options and the span the form says, or
// what is wrong with them.
func (f *pictureForm) choice() (session.PictureOptions, bool, error) {
	pf := pictureFormats[max(f.format.SelectedIndex(), 0)].format
	opt := session.PictureOptions{Format: pf, Sources: sourceChoices[max(f.sources.SelectedIndex(), 0)].where}
	full := f.what.Selected == "Full extent"
	if pf == export.PNG {
		opt.Scale = float64(max(f.scale.SelectedIndex(), 0) + 1)
	}
	sz := f.sizes[max(f.size.SelectedIndex(), 0)]
	switch {
	case sz.kind == sizeContent:
		// The window's width, as tall as the content (PDF: A4 pages).
	case sz.kind == sizeCustom:
		w, err := strconv.Atoi(strings.TrimSpace(f.width.Text))
		if err != nil || w < export.MinWidth || w > export.MaxWidth {
			return opt, full, fmt.Errorf("width %q: give %d to %d pixels", f.width.Text, export.MinWidth, export.MaxWidth)
		}
		h, err := strconv.Atoi(strings.TrimSpace(f.height.Text))
		if err != nil || h < 1 || h > export.MaxHeight {
			return opt, full, fmt.Errorf("height %q: give 1 to %d pixels", f.height.Text, export.MaxHeight)
		}
		opt.Width, opt.Height = w, h
	case sz.paper != (export.Paper{}) && pf == export.PDF:
		opt.Paper = sz.paper
	case sz.paper != (export.Paper{}):
		opt.Width, opt.Height = sz.paper.Pixels(paperDPI)
	default:
		opt.Width, opt.Height = max(sz.w, export.MinWidth), sz.h
	}
	if pf == export.PDF && opt.Height == 0 && opt.Sources == export.SourcesBelow {
		return opt, full, errors.New("a PDF on paper lists its sources on pages of their own: choose another place for them, or a size")
	}
	return opt, full, nil
}

// changed sets what each choice allows and draws the preview again.
func (f *pictureForm) changed() {
	if f.content == nil {
		return // still being built
	}
	sz := f.sizes[max(f.size.SelectedIndex(), 0)]
	if sz.kind == sizeCustom {
		f.width.Enable()
		f.height.Enable()
	} else {
		// The fields show the size chosen, to start a custom size from.
		f.width.Disable()
		f.height.Disable()
		if opt, _, err := f.choice(); err == nil {
			f.filling = true
			f.width.SetText(pixels(opt.Width))
			f.height.SetText(pixels(opt.Height))
			f.filling = false
		}
	}
	if pictureFormats[max(f.format.SelectedIndex(), 0)].format == export.PNG {
		f.scale.Enable()
	} else {
		f.scale.Disable()
	}
	f.refreshPreview()
}

// pixels writes a size in pixels for a field: "" for none.
func pixels(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// refreshPreview draws the picture the form describes off the window's
// goroutine (the session's job) and shows it when it is done, unless the
// choice has changed since.
func (f *pictureForm) refreshPreview() {
	if f.cancel != nil {
		f.cancel()
	}
	f.generation++
	gen := f.generation
	opt, full, err := f.choice()
	if err != nil {
		f.note.SetText(err.Error())
		return
	}
	f.note.SetText("Drawing the preview…")
	f.cancel = f.p.Session.PreviewPicture(opt, full, func(img *image.RGBA, err error) {
		if gen != f.generation {
			return
		}
		if err != nil {
			f.note.SetText(strings.TrimPrefix(err.Error(), "export: "))
			return
		}
		f.preview.Image = img
		f.preview.Refresh()
		f.note.SetText(describe(opt, img.Bounds().Dx(), img.Bounds().Dy()))
	})
}

// describe says what the file will be, beside the preview of w × h pixels.
func describe(opt session.PictureOptions, w, h int) string {
	switch {
	case opt.Format == export.PDF && opt.Height == 0:
		name := opt.Paper.Name
		if name == "" {
			name = export.A4.Name
		}
		return fmt.Sprintf("PDF on %s pages, landscape; the first page is shown. Sources on pages of their own.", name)
	case opt.Format == export.PDF:
		return fmt.Sprintf("PDF, a page of %d × %d points, then the sources.", w, h)
	case opt.Format == export.PNG && opt.Scale > 1:
		return fmt.Sprintf("PNG of %d × %d pixels (%d × %d at %v×).", w*int(opt.Scale), h*int(opt.Scale), w, h, opt.Scale)
	}
	return fmt.Sprintf("%s of %d × %d pixels.", strings.ToUpper(string(opt.Format)), w, h)
}

// ShowExportPicture asks what to draw, in which format, at what size and
// with the sources where, with a preview, then where to write it, then
// draws it in the background with progress in the status line.
func ShowExportPicture(p Parent) {
	if p.Session.Doc() == nil {
		fynedialog.ShowError(errors.New("open a document to export it"), p.Win)
		return
	}
	f := newPictureForm(&p)
	d := fynedialog.NewCustomConfirm("Export a picture", "Choose file…", "Cancel", f.content, func(ok bool) {
		if f.cancel != nil {
			f.cancel()
		}
		if !ok || p.Session.Doc() == nil {
			p.refocus()
			return
		}
		opt, full, err := f.choice()
		if err != nil {
			fynedialog.ShowError(err, p.Win)
			return
		}
		ext := "." + string(opt.Format)
		c := FileChoice{Title: "Export", Save: true, Kind: Exports, Dir: docFolder(p), Name: baseName(p) + ext,
			Filter: strings.ToUpper(string(opt.Format)) + " files", Extensions: []string{ext}}
		ChooseFile(p.Win, p.Session, c, func(path string) { p.Session.ExportPicture(path, opt, full, nil) })
	}, p.Win)
	d.Resize(fyne.NewSize(1060, 560))
	d.Show()
	f.changed()
}

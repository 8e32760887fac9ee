package interchange

import (
	"fmt"
	"html"
	"io/fs"
	"os"
	"strings"

	xhtml "golang.org/x/net/html"
)

// plainText turns the HTML fragments that TimelineJS and vis allow in
// headlines and texts into plain text: tags dropped, entities decoded,
// paragraphs and line breaks kept as newlines, other runs of white space
// collapsed.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(collapse(s))
	}
	var b strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return strings.TrimSpace(b.String())
		case xhtml.TextToken:
			b.WriteString(collapse(string(z.Text())))
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "br", "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr":
				if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
					b.WriteByte('\n')
				}
			}
		}
	}
}

// collapse replaces each run of white space in s by one space.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// htmlText escapes plain text for formats whose text fields hold HTML,
// keeping line breaks.
func htmlText(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}

// sourceFolder is the folder of a Quoteline JSON document as the texts of
// its sources are read from it: regular files inside it, named by paths
// that stay inside it, none of whose parts is a symbolic link. A document
// from elsewhere could otherwise name a link to any file on the machine
// (a private key, say) and have its contents imported into a timeline that
// is then shared. It is an fs.FS for data.ReadCheckedDocument.
type sourceFolder struct{ root *os.Root }

// openSourceFolder opens the folder dir as a sourceFolder; close it with
// close.
func openSourceFolder(dir string) (sourceFolder, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return sourceFolder{}, err
	}
	return sourceFolder{root: root}, nil
}

func (f sourceFolder) close() { f.root.Close() }

// Open opens the regular file name, which must be a path inside the
// folder (no leading '/', no '..') without a symbolic link on the way.
// The os.Root it opens through also refuses any path that leads out of
// the folder should the files change meanwhile.
func (f sourceFolder) Open(name string) (fs.File, error) {
	refuse := func(why string) (fs.File, error) {
		return nil, fmt.Errorf("%q %s: Quoteline reads a source's text only from a file in the document's own folder", name, why)
	}
	if !fs.ValidPath(name) || name == "." {
		return refuse("is not a path inside the document's folder")
	}
	parts := strings.Split(name, "/")
	for i := range parts {
		info, err := f.root.Lstat(strings.Join(parts[:i+1], "/"))
		if err != nil {
			return nil, err
		}
		switch {
		case info.Mode()&fs.ModeSymlink != 0:
			return refuse("is, or is in, a symbolic link")
		case i == len(parts)-1 && !info.Mode().IsRegular():
			return refuse("is not a regular file")
		}
	}
	return f.root.Open(name)
}

// Package assets holds the files built into Quoteline: its icon, the font
// pictures are drawn in, and the default timeline (a JSON document and the
// lead article it quotes).
package assets

import (
	"embed"
	"fmt"
	"io/fs"
)

// DefaultDocument is the name, within Seed, of the default timeline.
const DefaultDocument = "default.json"

//go:embed seed/default.json seed/article.txt
var seed embed.FS

//go:embed icon.png
var icon []byte

//go:embed fonts/NotoSans-Regular.ttf
var regularFont []byte

//go:embed fonts/NotoSans-Bold.ttf
var boldFont []byte

// Seed returns the files the default timeline is built from.
func Seed() fs.FS {
	sub, err := fs.Sub(seed, "seed")
	if err != nil {
		panic(fmt.Sprintf("assets: embedded seed folder: %v", err)) // cannot happen: the folder is embedded
	}
	return sub
}

// Icon returns the application icon as PNG.
func Icon() ([]byte, error) {
	if len(icon) == 0 {
		return nil, fmt.Errorf("assets: icon missing from this build")
	}
	return icon, nil
}

// Fonts returns the TrueType fonts exports are drawn in, regular and bold:
// Noto Sans, the typeface of the window's theme (see fonts/README.md).
func Fonts() (regular, bold []byte) { return regularFont, boldFont }

//go:build ignore

// gen_icon draws the Quoteline icon and writes it to icon.png beside this file:
// a timeline axis with event marks and a range bar, under a large quotation mark.
//
//	go run gen_icon.go
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

const (
	size = 512 // output pixels per side
	ss   = 4   // supersampling factor per axis
)

// shape reports whether the point (x, y), in output pixel units, is inside.
type shape func(x, y float64) bool

type layer struct {
	inside shape
	col    color.NRGBA
}

func roundedRect(x0, y0, x1, y1, r float64) shape {
	return func(x, y float64) bool {
		if x < x0 || x > x1 || y < y0 || y > y1 {
			return false
		}
		cx := math.Max(x0+r, math.Min(x, x1-r))
		cy := math.Max(y0+r, math.Min(y, y1-r))
		return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
	}
}

func circle(cx, cy, r float64) shape {
	return func(x, y float64) bool { return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r }
}

func diamond(cx, cy, r float64) shape {
	return func(x, y float64) bool { return math.Abs(x-cx)+math.Abs(y-cy) <= r }
}

// quoteMark is one comma-shaped half of a closing quotation mark: a disc
// with a tail curving down and to the left.
func quoteMark(cx, cy, r float64) shape {
	disc := circle(cx, cy, r)
	return func(x, y float64) bool {
		if disc(x, y) {
			return true
		}
		// Tail: the region between two circles, below the disc's centre.
		if y < cy || y > cy+2.2*r || x > cx+r {
			return false
		}
		outer := circle(cx-1.2*r, cy, 2.2*r)
		inner := circle(cx-1.7*r, cy+0.1*r, 2.0*r)
		return outer(x, y) && !inner(x, y)
	}
}

func main() {
	bg := color.NRGBA{0x1d, 0x33, 0x57, 0xff}
	axis := color.NRGBA{0xe8, 0xee, 0xf6, 0xff}
	amber := color.NRGBA{0xf2, 0xa9, 0x00, 0xff}
	teal := color.NRGBA{0x3e, 0xc1, 0xb0, 0xff}
	coral := color.NRGBA{0xf0, 0x6c, 0x5b, 0xff}
	sky := color.NRGBA{0x7c, 0xb7, 0xf5, 0xff}

	layers := []layer{
		{roundedRect(16, 16, 496, 496, 96), bg},
		{quoteMark(196, 150, 46), amber},
		{quoteMark(316, 150, 46), amber},
		{roundedRect(96, 330, 416, 342, 6), axis},                                // the axis
		{roundedRect(150, 272, 372, 300, 14), teal},                              // a range event
		{diamond(128, 336, 30), sky},                                             // a point event
		{circle(256, 336, 26), coral},                                            // a point event
		{diamond(384, 336, 30), sky},                                             // a point event
		{roundedRect(96, 398, 416, 410, 6), color.NRGBA{0x9a, 0xab, 0xc4, 0xff}}, // the overview band
		{roundedRect(200, 384, 300, 424, 10), color.NRGBA{0xe8, 0xee, 0xf6, 0x90}},
	}

	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := float64(px) + (float64(sx)+0.5)/ss
					y := float64(py) + (float64(sy)+0.5)/ss
					var cr, cg, cb, ca float64
					for _, l := range layers {
						if !l.inside(x, y) {
							continue
						}
						la := float64(l.col.A) / 255
						cr = cr*(1-la) + float64(l.col.R)*la
						cg = cg*(1-la) + float64(l.col.G)*la
						cb = cb*(1-la) + float64(l.col.B)*la
						ca = ca*(1-la) + la
					}
					r, g, b, a = r+cr, g+cg, b+cb, a+ca
				}
			}
			n := float64(ss * ss)
			if a == 0 {
				continue
			}
			// Colours were accumulated premultiplied; un-premultiply.
			img.SetNRGBA(px, py, color.NRGBA{
				R: uint8(math.Round(r / a)), G: uint8(math.Round(g / a)), B: uint8(math.Round(b / a)),
				A: uint8(math.Round(a / n * 255)),
			})
		}
	}
	f, err := os.Create("icon.png")
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

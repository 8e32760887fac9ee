package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"io"
	"strings"
	"testing"

	"github.com/quoteline/quoteline/timeline"
)

// TestLayoutSingle_FitsTheHeightAsTheWindowDoes lays the test picture out at
// heights from roomy to cramped: each page is exactly the height asked for,
// the type never grows beyond maxGrow nor shrinks below MinTextSize, and it
// shrinks only when the height does.
func TestLayoutSingle_FitsTheHeightAsTheWindowDoes(t *testing.T) {
	fonts := testFonts(t)
	p := testPicture()
	p.Width = 900
	p.Sources = SourcesNone
	pg, _, err := layoutSingle(context.Background(), PNG, p, fonts)
	if err != nil {
		t.Fatal(err)
	}
	content := pg.height
	last := 2 * p.Metrics.TextSize
	for _, h := range []int{int(content * 2), int(content), int(content * 0.9), int(content * 0.8)} {
		t.Run(fmt.Sprint(h), func(t *testing.T) {
			q := testPicture()
			q.Width, q.Height, q.Sources = 900, h, SourcesNone
			pg, list, err := layoutSingle(context.Background(), PNG, q, fonts)
			if err != nil {
				t.Fatal(err)
			}
			size := pg.metrics.TextSize
			if pg.height != float64(h) || list != nil {
				t.Errorf("page %v high (list apart %v), want %d", pg.height, list != nil, h)
			}
			if size > p.Metrics.TextSize*maxGrow+1e-9 || size < MinTextSize-1e-9 || size > last+1e-9 {
				t.Errorf("text %v px (before: %v), want %v to %v and no larger than at a greater height", size, last, MinTextSize, p.Metrics.TextSize*maxGrow)
			}
			if float64(h) >= content && size < p.Metrics.TextSize {
				t.Errorf("at a height that holds the content the text shrank to %v", size)
			}
			last = size
		})
	}
}

// burst is a picture of one lane with n events on the same day: more than a
// lane's rows.
func burst(n int) *Picture {
	p := testPicture()
	p.Events = timeline.Events{Titles: map[int64]string{}}
	for i := range n {
		id := int64(i + 1)
		p.Events.Items = append(p.Events.Items, timeline.Item{ID: id, Lane: 0, Start: day(2022, 9, 1), End: day(2022, 9, 1)})
		p.Events.Titles[id] = fmt.Sprintf("Strike number %d", i+1)
	}
	p.Citations = nil
	return p
}

// TestWrite_DropsRowsBeforeRefusing: a lane of more events than fit the
// height keeps fewer rows and says how many events are marks only; a height
// that cannot hold even one row a lane is refused, naming the height
// needed.
func TestWrite_DropsRowsBeforeRefusing(t *testing.T) {
	fonts := testFonts(t)
	p := burst(8)
	p.Width, p.Height = 900, 240
	pg, _, err := layoutSingle(context.Background(), PNG, p, fonts)
	if err != nil {
		t.Fatal(err)
	}
	if pg.height != 240 || !strings.Contains(pg.subheading, "drawn as marks only") {
		t.Errorf("height %v, subheading %q: want 240 and the events drawn as marks said", pg.height, pg.subheading)
	}
	p.Height = 60
	_, err = Write(context.Background(), io.Discard, PNG, p, fonts, nil)
	if !errors.Is(err, ErrTooSmall) || !strings.Contains(err.Error(), "this picture needs") {
		t.Errorf("at 60 pixels: %v, want ErrTooSmall with the height needed", err)
	}
}

// TestWrite_SourcesApartAndScale: sources apart come back as a list of
// their own, in a picture of the same width; a PNG at scale 2 has twice the
// pixels each way; Preview draws what Write writes.
func TestWrite_SourcesApartAndScale(t *testing.T) {
	fonts := testFonts(t)
	p := testPicture()
	p.Width, p.Height, p.Sources, p.Scale, p.SourcesName = 800, 450, SourcesPage, 2, "x-sources.png"
	var buf bytes.Buffer
	list, err := Write(context.Background(), &buf, PNG, p, fonts, nil)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil || img.Bounds().Dx() != 1600 || img.Bounds().Dy() != 900 {
		t.Fatalf("scale 2 of 800×450: %v, %v", img.Bounds(), err)
	}
	if list == nil || list.Count != 3 {
		t.Fatalf("sources apart: %+v, want a list of 3", list)
	}
	buf.Reset()
	if err := list.Write(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	if img, err := png.Decode(&buf); err != nil || img.Bounds().Dx() != 1600 || img.Bounds().Dy() < 900 {
		t.Errorf("the list's picture: %v, %v", img.Bounds(), err)
	}
	pre, err := Preview(context.Background(), PNG, p, fonts)
	if err != nil || pre.Bounds().Dx() != 800 || pre.Bounds().Dy() != 450 {
		t.Errorf("preview %v, %v; want 800×450", pre.Bounds(), err)
	}
	svg := write(t, SVG, func() *Picture {
		q := testPicture()
		q.Width, q.Height, q.SourcesName = 800, 450, "x-sources.svg"
		q.Sources = SourcesPage
		return q
	}())
	if !bytes.Contains(svg, []byte("x-sources.svg")) || !bytes.Contains(svg, []byte(`width="800" height="450"`)) {
		t.Error("the SVG lacks the compact line naming the list, or its size")
	}
}

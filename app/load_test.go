package app

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	_ "github.com/mattn/go-sqlite3" // to find a page to break

	"github.com/quoteline/quoteline/data"
	"github.com/quoteline/quoteline/timeline"
)

// wait receives from ch or fails the test after 10 s.
func wait[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("%s took more than 10 s", what)
	}
	var zero T
	return zero
}

func TestMainWindow_LargeDocumentFetchesTheTitlesInView(t *testing.T) {
	a := test.NewTempApp(t)
	m := newMainWindow(a, Options{Version: "test"})
	m.allTitlesUpTo = 500 // so that a small generated document counts as large
	defer m.win.Close()
	path := filepath.Join(t.TempDir(), "g.quoteline")
	s, err := data.Generate(context.Background(), path, data.GenerateOptions{Events: 4000, Lanes: 2, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	opened, checked, titles, links := make(chan error, 1), make(chan error, 1), make(chan error, 16), make(chan error, 1)
	m.opened = func(err error) { opened <- err }
	m.checked = func(err error) { checked <- err }
	m.linksLoaded = func(err error) { links <- err }
	m.titlesLoaded = func(err error) { titles <- err }
	m.open(path)
	if err := wait(t, opened, "opening"); err != nil {
		t.Fatal(err)
	}
	if err := wait(t, checked, "the integrity check"); err != nil {
		t.Fatal(err)
	}
	if err := wait(t, links, "reading the quotes and actors"); err != nil {
		t.Fatal(err)
	}
	if m.doc.allTitles || m.titles == nil {
		t.Fatal("a document above the limit had its titles read whole")
	}
	for len(titles) > 0 { // whatever the first, fitted view asked for
		<-titles
	}

	// Zoom to a day around an event in the middle: its titles are fetched.
	mid := m.doc.items[len(m.doc.items)/2]
	m.timeline.SetViewport(timeline.NewViewport(mid.Start-43200, mid.Start+43200, m.timeline.Viewport().Width()))
	if err := wait(t, titles, "fetching the titles in view"); err != nil {
		t.Fatal(err)
	}
	want, err := m.doc.store.Event(context.Background(), mid.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.doc.itemTitle(mid.ID); got != want.Title {
		t.Errorf("title of event %d in view = %q, want %q", mid.ID, got, want.Title)
	}
	held := len(m.doc.titles)
	if held == 0 || held > titleWantMax || held == len(m.doc.items) {
		t.Errorf("%d of %d titles held after one zoom", held, len(m.doc.items))
	}
	if title, _ := m.tooltip(mid.ID); title != want.Title {
		t.Errorf("tooltip title %q, want %q", title, want.Title)
	}
}

func TestTitleFetcher_DropsTheOldestBeyondItsCapacity(t *testing.T) {
	doc := newDocument(nil)
	f := newTitleFetcher(doc)
	f.capacity = 3
	for id := range int64(5) {
		f.pending[id] = true
		f.apply([]int64{id}, []titleGot{{id: id, title: "t" + string(rune('0'+id))}})
	}
	var got []string
	for id := range int64(10) {
		got = append(got, doc.titles[id])
	}
	if strings.Join(got, ",") != ",,t2,t3,t4,,,,," || len(f.pending) != 0 {
		t.Errorf("titles held %q, %d pending", got, len(f.pending))
	}
}

func TestMainWindow_DamagedFileIsClosedOnceChecked(t *testing.T) {
	a := test.NewTempApp(t)
	m := newMainWindow(a, Options{Version: "test"})
	defer m.win.Close()
	path := exampleDocument(t)
	// Break a page that showing the document never reads: the root of
	// the events' full-text content. Only the integrity check finds it.
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int64
	err = db.QueryRow(`SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema WHERE name = 'event_fts_content'`).Scan(&root, &pageSize)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte{0x7f}, (root-1)*pageSize); err != nil { // no such page type
		t.Fatal(err)
	}
	f.Close()

	err = openAndWait(t, m, path)
	if err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("integrity check of a damaged file: %v", err)
	}
	if m.doc != nil || m.timeline.Index().Len() != 0 {
		t.Error("the damaged document is still shown")
	}
	if !strings.Contains(m.status.Text, "was closed") || m.win.Canvas().Overlays().Top() == nil {
		t.Errorf("status %q; error dialog shown: %v", m.status.Text, m.win.Canvas().Overlays().Top() != nil)
	}
}

func TestIDIndex(t *testing.T) {
	items := func(ids ...int64) []timeline.Item {
		out := make([]timeline.Item, len(ids))
		for i, id := range ids {
			out[i].ID = id
		}
		return out
	}
	tests := []struct {
		name    string
		ids     []int64
		dense   bool
		wantErr bool
	}{
		{"consecutive", []int64{12, 10, 11, 13}, true, false},
		{"gaps", []int64{40, 3, 7, 1 << 40}, false, false},
		{"repeated consecutive", []int64{1, 2, 2}, false, true},
		{"repeated, spanning as many ids as events", []int64{1, 1, 3}, false, true},
		{"repeated with gaps", []int64{9, 1, 9}, false, true},
		{"none", nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := newIDIndex(items(tt.ids...))
			if (err != nil) != tt.wantErr {
				t.Fatalf("error %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if (x.dense != nil) != tt.dense {
				t.Errorf("dense %v, want %v", x.dense != nil, tt.dense)
			}
			for i, id := range tt.ids {
				if k, ok := x.pos(id); !ok || k != i {
					t.Errorf("pos(%d) = %d, %v; want %d", id, k, ok, i)
				}
			}
			for _, id := range []int64{-1, 0, 5, 14, 1<<40 + 1} {
				if k, ok := x.pos(id); ok {
					t.Errorf("pos(%d) = %d for an id not there", id, k)
				}
			}
		})
	}
}

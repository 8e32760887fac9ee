package data

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"
)

func TestStore_WatchSeesOthersWritesOnly(t *testing.T) {
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	a, path := createTestStore(t, doc)
	b, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes := make(chan bool, 16)
	if err := a.Watch(ctx, 5*time.Millisecond, func() { changes <- true }); err != nil {
		t.Fatal(err)
	}
	quiet := func(what string) {
		t.Helper()
		select {
		case <-changes:
			t.Errorf("%s: reported as a change by another", what)
		case <-time.After(200 * time.Millisecond):
		}
	}
	noticed := func(what string) {
		t.Helper()
		select {
		case <-changes:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: not noticed within 10 s", what)
		}
	}

	quiet("nothing written")
	for i := range 5 { // the store's own writes, from any of its connections
		if _, _, err := a.SaveActor(ctx, Actor{Name: "Own " + string(rune('A'+i)), Kind: KindPerson}); err != nil {
			t.Fatal(err)
		}
	}
	quiet("own edits")
	if _, _, err := b.SaveActor(ctx, Actor{Name: "From elsewhere", Kind: KindPerson}); err != nil {
		t.Fatal(err)
	}
	noticed("another store's edit")
	quiet("after the change was reported")

	cancel()
	time.Sleep(20 * time.Millisecond)
	if _, _, err := b.SaveActor(context.Background(), Actor{Name: "After the watch", Kind: KindPerson}); err != nil {
		t.Fatal(err)
	}
	quiet("after the watch ended")
}

// TestStore_CloseEndsWatchesAndLeavesNoFiles closes a store that was
// written and watched, with the watch's context still alive: Close ends
// the watch, and once it returns the document has no -wal or -shm beside
// it, as a window closed by a signal must leave it.
func TestStore_CloseEndsWatchesAndLeavesNoFiles(t *testing.T) {
	ctx := context.Background()
	s, path := createTestStore(t, mustReadTestDoc(t))
	if err := s.Watch(ctx, 10*time.Millisecond, func() {}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SaveLane(ctx, Lane{Name: "Written", Color: "#112233"}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(30 * time.Millisecond) // the watch has looked
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is left after Close: %v", suffix, err)
		}
	}
}

// TestStore_OwnWritesReachTheFileBeforeTheLogGrowsLong: the store's own
// writes are copied from the write-ahead log into the file in the
// background every checkpointEvery writes, long before SQLite would in
// the commit that finds the log over a thousand pages; a watch does not
// take those copies for another's change.
func TestStore_OwnWritesReachTheFileBeforeTheLogGrowsLong(t *testing.T) {
	doc, err := readTestDoc(t, testJSON)
	if err != nil {
		t.Fatal(err)
	}
	s, path := createTestStore(t, doc)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changes := make(chan bool, 16)
	if err := s.Watch(ctx, 5*time.Millisecond, func() { changes <- true }); err != nil {
		t.Fatal(err)
	}
	file := func() []byte {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	before := file()
	for i := range 2 * checkpointEvery {
		if _, _, err := s.SaveActor(ctx, Actor{Name: fmt.Sprintf("Speaker %d", i), Kind: KindPerson}); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for bytes.Equal(file(), before) {
		if time.Now().After(deadline) {
			t.Fatalf("%d writes, and the file is as it was: nothing copied from the log", 2*checkpointEvery)
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case <-changes:
		t.Error("the store's own checkpoint was reported as a change by another")
	case <-time.After(200 * time.Millisecond):
	}
}

// TestStore_CloseWaitsForTheCheckpoint closes a store at the moment its
// background checkpoint starts, right after its checkpointEvery'th write:
// when Close returns no connection of the store's is left, so the document
// has no -wal or -shm beside it, and no checkpoint runs any more.
func TestStore_CloseWaitsForTheCheckpoint(t *testing.T) {
	ctx := context.Background()
	doc := mustReadTestDoc(t)
	for round := range 8 {
		s, path := createTestStore(t, doc)
		for i := range checkpointEvery {
			if _, _, err := s.SaveActor(ctx, Actor{Name: fmt.Sprintf("Speaker %d", i), Kind: KindPerson}); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if s.own.checkpointing.Load() {
			t.Errorf("round %d: a checkpoint runs after Close returned", round)
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			if _, err := os.Stat(path + suffix); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("round %d: %s is left when Close returns: %v", round, suffix, err)
			}
		}
	}
}

// TestStore_WritesRacingClose hammers a store with writes from several
// goroutines, each write starting a checkpoint now and then, and closes it
// meanwhile: under -race nothing races, and every write either succeeds or
// fails cleanly once the store is closed.
func TestStore_WritesRacingClose(t *testing.T) {
	ctx := context.Background()
	doc := mustReadTestDoc(t)
	for round := range 4 {
		s, _ := createTestStore(t, doc)
		var wg sync.WaitGroup
		for w := range 3 {
			wg.Go(func() {
				for i := 0; ; i++ {
					if _, _, err := s.SaveActor(ctx, Actor{Name: fmt.Sprintf("Writer %d %d", w, i), Kind: KindPerson}); err != nil {
						return // the store is closed
					}
				}
			})
		}
		for s.own.done.Load() < int64(checkpointEvery*(round+1)) {
			time.Sleep(time.Millisecond)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		wg.Wait()
		if s.own.checkpointing.Load() {
			t.Errorf("round %d: a checkpoint runs after Close returned and every write ended", round)
		}
	}
}

// TestStore_CloseAfterACancelledRead closes a store whose last read was
// cancelled (SQLite interrupted it) after writes: when Close returns the
// document has no -wal or -shm beside it. The interrupt, still pending on
// the read's connection, stopped the copy of the log into the file that
// the last connection makes as it closes.
func TestStore_CloseAfterACancelledRead(t *testing.T) {
	s, path := createTestStore(t, mustReadTestDoc(t))
	for i := range 3 {
		if _, _, err := s.SaveActor(context.Background(), Actor{Name: fmt.Sprintf("Speaker %d", i), Kind: KindPerson}); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	var n int64
	err := s.db.QueryRowContext(ctx, `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c`).Scan(&n)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("endless read: %v, want it cancelled", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + suffix); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is left when Close returns: %v", suffix, err)
		}
	}
}

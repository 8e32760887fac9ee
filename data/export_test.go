package data

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"testing"
	"time"
)

// streamDocument returns a document of n events, each linked to a quote, a
// source, an actor and a tag, so that the links of every batch of an
// export stream are read with it.
func streamDocument(n int) *Document {
	doc := &Document{Format: DocumentFormat, Version: DocumentVersion, Title: "Stream",
		Lanes:   []DocumentLane{{Key: "l", Name: "Lane", Color: "#336699"}},
		Actors:  []DocumentActor{{Key: "a", Name: "Jane Roe", Kind: "person"}},
		Sources: []DocumentSource{{Key: "s", Title: "Wire", URL: "https://example.org/wire"}}}
	for i := range n {
		q := fmt.Sprintf("q%d", i)
		doc.Quotes = append(doc.Quotes, DocumentQuote{Key: q, Source: "s", Text: fmt.Sprintf("words %d", i), Speaker: "a", SaidAt: "2024-01-02"})
		doc.Events = append(doc.Events, DocumentEvent{Key: fmt.Sprintf("e%d", i), Lane: "l", Title: fmt.Sprintf("Event %d", i),
			Start: fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28), Status: StatusReported, Tags: []string{fmt.Sprintf("t%d", i%3)},
			Actors: []string{"a"}, Quotes: []DocumentQuoteLink{{Quote: q, Stance: StanceSupports}},
			Sources: []DocumentSourceLink{{Source: "s", Stance: StanceDisputes}}})
	}
	return doc
}

// TestStore_ExportToStreamsWhatExportDocumentHolds: the stream gives the
// events of ExportDocument, links and all, in the same order, across
// several batches; with a range, the same subset.
func TestStore_ExportToStreamsWhatExportDocumentHolds(t *testing.T) {
	ctx := context.Background()
	n := 2*exportBatch + 17
	s, _ := createTestStore(t, streamDocument(n))
	from, to := int64(1709251200), int64(1714521599) // March to April 2024
	for _, opt := range []ExportOptions{{}, {From: &from, To: &to}} {
		whole, err := s.ExportDocument(ctx, opt)
		if err != nil {
			t.Fatal(err)
		}
		var streamed []DocumentEvent
		quotes := 0
		err = s.ExportTo(ctx, opt, func(x *Export) error {
			if len(x.Head.Events) != 0 || len(x.Head.Quotes) != 0 {
				t.Errorf("head: %d events, %d quotes", len(x.Head.Events), len(x.Head.Quotes))
			}
			if err := x.Quotes(func(*DocumentQuote) error { quotes++; return nil }); err != nil {
				return err
			}
			return x.Events(func(e *DocumentEvent) error {
				streamed = append(streamed, *e)
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		if opt.From == nil && len(streamed) != n || opt.From != nil && (len(streamed) == 0 || len(streamed) >= n) || quotes != n {
			t.Errorf("range %v: %d events streamed of %d, %d quotes", opt.From != nil, len(streamed), n, quotes)
		}
		// Read on their own, the events the range keeps, in order of id.
		all, err := s.Events(ctx)
		if err != nil {
			t.Fatal(err)
		}
		slices.SortFunc(all, func(a, b Event) int { return cmp.Compare(a.ID, b.ID) })
		var keys []string
		for i := range all {
			if opt.exported(&all[i]) {
				keys = append(keys, key("event", all[i].ID))
			}
		}
		if got := slices.Collect(func(yield func(string) bool) {
			for _, e := range streamed {
				if !yield(e.Key) {
					return
				}
			}
		}); !slices.Equal(got, keys) {
			t.Errorf("range %v: streamed %d events, not the %d the store holds in that range, in order of id", opt.From != nil, len(got), len(keys))
		}
		if !reflect.DeepEqual(streamed, whole.Events) {
			t.Errorf("range %v: the stream differs from ExportDocument's events", opt.From != nil)
		}
		for _, e := range streamed {
			if len(e.Quotes) != 1 || len(e.Sources) != 1 || len(e.Actors) != 1 || len(e.Tags) != 1 || e.Quotes[0].Quote != "quote-"+e.Key[len("event-"):] {
				t.Fatalf("event %s exported with links %+v %+v %v %v", e.Key, e.Quotes, e.Sources, e.Actors, e.Tags)
			}
		}
	}
}

// TestStore_ExportToStops: an error of the function the stream calls ends
// it at once and comes back as it is; a cancelled context ends it too.
func TestStore_ExportToStops(t *testing.T) {
	s, _ := createTestStore(t, streamDocument(exportBatch+5))
	full := errors.New("disk full")
	seen := 0
	err := s.ExportTo(context.Background(), ExportOptions{}, func(x *Export) error {
		return x.Events(func(*DocumentEvent) error {
			seen++
			if seen == 3 {
				return full
			}
			return nil
		})
	})
	if err != full || seen != 3 {
		t.Errorf("after the writer's error: %v, %d events given", err, seen)
	}
	ctx, cancel := context.WithCancel(context.Background())
	seen = 0
	err = s.ExportTo(ctx, ExportOptions{}, func(x *Export) error {
		return x.Events(func(*DocumentEvent) error {
			if seen++; seen == 1 {
				cancel()
			}
			return nil
		})
	})
	if !errors.Is(err, context.Canceled) || seen > exportBatch {
		t.Errorf("cancelled: %v after %d events", err, seen)
	}
}

// TestStore_ExportKeepsTheLeastID: an event whose id is the least an id can
// be is exported with the others.
func TestStore_ExportKeepsTheLeastID(t *testing.T) {
	s, path := createTestStore(t, streamDocument(3))
	plainExec(t, path, fmt.Sprintf(`PRAGMA foreign_keys = OFF;
		UPDATE event SET id = %d WHERE id = 2; UPDATE event_quote SET event_id = %[1]d WHERE event_id = 2;
		UPDATE event_source SET event_id = %[1]d WHERE event_id = 2; UPDATE event_actor SET event_id = %[1]d WHERE event_id = 2;
		UPDATE event_tag SET event_id = %[1]d WHERE event_id = 2`, int64(math.MinInt64)))
	doc, err := s.ExportDocument(context.Background(), ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 3 || doc.Events[0].Key != key("event", math.MinInt64) || len(doc.Events[0].Quotes) != 1 {
		t.Errorf("exported %d events, the first %+v", len(doc.Events), doc.Events[0])
	}
}

// TestStore_ExportToTellsTheStoresErrorAsItsOwn: a value that cannot be
// written, met while the events stream, is refused as ExportDocument
// refuses it, not as the writer's failure.
func TestStore_ExportToTellsTheStoresErrorAsItsOwn(t *testing.T) {
	s, path := createTestStore(t, streamDocument(exportBatch+10))
	plainExec(t, path, fmt.Sprintf(`PRAGMA ignore_check_constraints = ON; UPDATE event SET start = -9223372036854775808 WHERE id = %d`, exportBatch+5))
	wrapped := errors.New("write out.json")
	err := s.ExportTo(context.Background(), ExportOptions{}, func(x *Export) error {
		if err := x.Events(func(*DocumentEvent) error { return nil }); err != nil {
			return fmt.Errorf("%w: %w", wrapped, err)
		}
		return nil
	})
	if !errors.Is(err, ErrInvalidDocument) || errors.Is(err, wrapped) {
		t.Errorf("ExportTo: %v; want the store's refusal alone", err)
	}
}

// TestStore_ExportLetsWritersIn: an edit made while an export is writing
// its events goes through, in WAL mode (the export reads a snapshot) and in
// a rollback journal (the export holds no lock between its queries).
func TestStore_ExportLetsWritersIn(t *testing.T) {
	ctx := context.Background()
	for _, mode := range []string{"wal", "delete"} {
		t.Run(mode, func(t *testing.T) {
			s0, path := createTestStore(t, streamDocument(exportBatch+10))
			s0.Close()
			plainExec(t, path, `PRAGMA journal_mode = `+mode)
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			lanes, err := s.Lanes(ctx)
			if err != nil {
				t.Fatal(err)
			}
			var editErr error
			n := 0
			err = s.ExportTo(ctx, ExportOptions{}, func(x *Export) error {
				return x.Events(func(*DocumentEvent) error {
					if n++; n == 10 {
						ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
						defer cancel()
						_, editErr = s.SetLaneCollapsed(ctx, lanes[0].ID, true)
					}
					return nil
				})
			})
			if err != nil || editErr != nil || n != exportBatch+10 {
				t.Errorf("export: %v after %d events; the edit during it: %v", err, n, editErr)
			}
		})
	}
}

package data

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
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
		err = s.ExportTo(ctx, opt, func(head *Document, events EventStream) error {
			if len(head.Events) != 0 || len(head.Quotes) != n {
				t.Errorf("head: %d events, %d quotes", len(head.Events), len(head.Quotes))
			}
			return events(func(e *DocumentEvent) error {
				streamed = append(streamed, *e)
				return nil
			})
		})
		if err != nil {
			t.Fatal(err)
		}
		if opt.From == nil && len(streamed) != n || opt.From != nil && (len(streamed) == 0 || len(streamed) >= n) {
			t.Errorf("range %v: %d events streamed of %d", opt.From != nil, len(streamed), n)
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
	err := s.ExportTo(context.Background(), ExportOptions{}, func(_ *Document, events EventStream) error {
		return events(func(*DocumentEvent) error {
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
	err = s.ExportTo(ctx, ExportOptions{}, func(_ *Document, events EventStream) error {
		return events(func(*DocumentEvent) error {
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

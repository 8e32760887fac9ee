package session

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/quoteline/quoteline/data"
)

// LinkKind says what an event is linked to: a quote or a source it cites.
type LinkKind int

// The kinds of link of an event.
const (
	LinkQuote LinkKind = iota
	LinkSource
)

// Question asks the user to agree to a deletion that takes something with
// it: Yes deletes.
type Question struct {
	Title   string // "Delete actor?"
	Message string
	Yes     func()
}

// confirmDelete deletes a record, asking first only when links (read off
// the owner's goroutine) says that deleting it takes something with it.
// what names the record ("actor “Pat”"); then says what becomes of the rest.
func (s *Session) confirmDelete(what, then string, links func(ctx context.Context, st *data.Store) (string, error), del func(), ask func(Question)) {
	doc := s.doc
	if doc == nil {
		return
	}
	var found string
	s.readOrSay(func(ctx context.Context) error {
		var err error
		found, err = links(ctx, doc.st())
		return err
	}, func() {
		if doc != s.doc {
			return
		}
		if found == "" {
			del()
			return
		}
		kind, _, _ := strings.Cut(what, " ")
		ask(Question{
			Title:   "Delete " + kind + "?",
			Message: fmt.Sprintf("The %s has %s.\n%s\nYou can undo this.", what, found, then),
			Yes:     del,
		})
	})
}

// DeleteSelected deletes the selected event, asking first, with ask, only if
// it has links to quotes or sources, and naming them. It reports false when
// no event is selected.
func (s *Session) DeleteSelected(ask func(Question)) bool {
	doc, id := s.doc, s.look.selected
	if doc == nil || id == 0 {
		return false
	}
	title := doc.ItemTitle(id)
	s.confirmDelete(Named("event", title), "Deleting the event removes these links too; the quotes and sources stay.",
		func(ctx context.Context, st *data.Store) (string, error) { return st.EventLinks(ctx, id) },
		func() {
			s.Edit("Delete “"+Shorten(title, 30)+"”", func(ctx context.Context, st *data.Store) (*data.Edit, error) {
				return st.DeleteEvent(ctx, id)
			}, nil)
		}, ask)
	return true
}

// DeleteActor deletes actor a, first asking if quotes lose their speaker or
// events the actor.
func (s *Session) DeleteActor(a data.Actor, ask func(Question)) {
	s.confirmDelete(Named("actor", a.Name), "Deleting the actor removes these links; its quotes stay, with an unknown speaker.",
		func(ctx context.Context, st *data.Store) (string, error) { return st.ActorLinks(ctx, a.ID) },
		func() {
			s.Edit("Delete "+Named("actor", a.Name), func(ctx context.Context, st *data.Store) (*data.Edit, error) {
				return st.DeleteActor(ctx, a.ID)
			}, nil)
		}, ask)
}

// DeleteSource deletes src, first asking if quotes and links go with it;
// after (if not nil) runs once the deletion is shown.
func (s *Session) DeleteSource(src data.Source, after func(), ask func(Question)) {
	s.confirmDelete(Named("source", src.Title), "Deleting the source deletes its quotes and these links too; the events stay.",
		func(ctx context.Context, st *data.Store) (string, error) { return st.SourceLinks(ctx, src.ID) },
		func() {
			s.Edit("Delete "+Named("source", src.Title), func(ctx context.Context, st *data.Store) (*data.Edit, error) {
				return st.DeleteSource(ctx, src.ID)
			}, func(*data.Edit) {
				if after != nil {
					after()
				}
			})
		}, ask)
}

// DeleteQuote deletes quote q, first asking if it is linked to events.
func (s *Session) DeleteQuote(q data.QuoteRef, ask func(Question)) {
	s.confirmDelete(Named("quote", q.Text), "Deleting the quote removes these links too; the events stay.",
		func(ctx context.Context, st *data.Store) (string, error) { return st.QuoteLinks(ctx, q.ID) },
		func() {
			s.Edit("Delete "+Named("quote", q.Text), func(ctx context.Context, st *data.Store) (*data.Edit, error) {
				return st.DeleteQuote(ctx, q.ID)
			}, nil)
		}, ask)
}

// Link links event to the quote or source id, as supporting or disputing it.
func (s *Session) Link(event int64, kind LinkKind, id int64, stance data.Stance) {
	link := (*data.Store).LinkQuote
	if kind == LinkSource {
		link = (*data.Store).LinkSource
	}
	s.Edit("", func(ctx context.Context, st *data.Store) (*data.Edit, error) { return link(st, ctx, event, id, stance) }, nil)
}

// Unlink removes event's link to the quote or source id, described by what.
func (s *Session) Unlink(event int64, kind LinkKind, id int64, what string) {
	name := "Unlink quote " + what
	unlink := (*data.Store).UnlinkQuote
	if kind == LinkSource {
		name, unlink = "Unlink source "+what, (*data.Store).UnlinkSource
	}
	s.Edit(name, func(ctx context.Context, st *data.Store) (*data.Edit, error) { return unlink(st, ctx, event, id) }, nil)
}

// Read runs read against the open document's store off the owner's
// goroutine, then, on it, then, unless another document was opened
// meanwhile; an error is shown instead (Problem).
func (s *Session) Read(read func(ctx context.Context, st *data.Store) error, then func()) {
	doc := s.doc
	if doc == nil {
		return
	}
	s.readOrSay(func(ctx context.Context) error { return read(ctx, doc.st()) }, func() {
		if doc == s.doc {
			then()
		}
	})
}

// AddQuote stores nq, words of a source made a quote, off the owner's
// goroutine; the viewer highlights it as soon as it is stored (QuoteAdded).
// A quote about a new event has the document read again, to put the event
// on the timeline, and the source shown again afterwards.
func (s *Session) AddQuote(nq data.NewQuote) {
	doc := s.doc
	if doc == nil {
		return
	}
	var (
		qid    int64
		marks  []data.QuoteMark
		actors []data.Actor
		quotes []data.QuoteRef
	)
	s.startBusy("Adding the quote…", func(j *job) error {
		return s.write(j.ctx, doc, func(st *data.Store) error {
			var err error
			qid, _, err = st.AddQuote(j.ctx, nq)
			if err == nil {
				marks, err = st.QuoteMarks(j.ctx)
			}
			if err == nil {
				actors, err = st.Actors(j.ctx)
			}
			if err == nil {
				quotes, err = st.QuotesOfSource(j.ctx, nq.SourceID)
			}
			return err
		})
	}, func(j *job, err error) {
		if err == nil {
			doc.counts.Quotes = len(marks)
			doc.counts.Actors = len(actors)
		}
		s.idle("")
		if err != nil {
			s.problem(err)
		} else if doc == s.doc {
			if v := s.look.source; v != nil {
				for _, q := range quotes {
					if q.ID == qid {
						v.Quotes = append(v.Quotes, q)
					}
				}
			}
			s.links.Marks, s.links.Actors = marks, actors
			s.emit(LinksRead{})
			s.showStatements()
		}
		s.emit(QuoteAdded{ID: qid, Err: err})
		if err == nil && doc == s.doc && nq.NewEvent != nil {
			s.reload.reshow = &[2]int64{nq.SourceID, qid}
			s.Reopen("")
		}
	})
}

// SaveCopy writes a copy of the open document to path, which stays open;
// then done, if not nil, runs.
func (s *Session) SaveCopy(path string, done func()) {
	doc := s.doc
	if doc == nil {
		return
	}
	s.startBusy("Saving a copy as "+filepath.Base(path)+"…", func(j *job) error {
		return doc.st().SaveCopy(j.ctx, path)
	}, func(j *job, err error) {
		s.idle("")
		if err != nil {
			s.problem(err)
			return
		}
		s.emit(Status{Text: "Saved a copy as " + path})
		if done != nil {
			done()
		}
	})
}

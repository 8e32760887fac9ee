package session

import (
	"context"
	"errors"
)

// A job is work the session does off its owner's goroutine for the document
// asked for when it started: it carries that document's generation, and a
// context that ends when the session closes or the job is cancelled. Its
// results reach the owner through the session's Deliver hook; what it
// delivers once another document has been asked for is dropped.
//
// A task is a job the status line shows: it says what it is doing, with its
// progress and a Cancel button. One task runs at a time; a new one cancels
// the one under way.
type job struct {
	s      *Session
	gen    int
	ctx    context.Context
	cancel context.CancelFunc
	// replaced is set, on the owner's goroutine, when a newer task cancels
	// this one: its end then says nothing.
	replaced bool
	// stopped is set, on the owner's goroutine, when Cancel is asked for
	// the task: a task whose work ended just before still ends cancelled.
	stopped bool
}

// newJob starts a job for the document asked for now.
func (s *Session) newJob() *job {
	j := &job{s: s, gen: s.gen}
	j.ctx, j.cancel = context.WithCancel(s.life)
	return j
}

// current reports whether the document the job was started for is still
// the one asked for. Owner's goroutine only.
func (j *job) current() bool { return j.gen == j.s.gen }

// deliver runs f on the owner's goroutine. Once the session has been
// closed, the owner may have stopped running what is delivered (the
// window's application may have quit): f then runs on the caller's
// goroutine, one at a time, and tells no watcher (Close forgets them); all
// that is left for it to do is the session's own tidying, such as closing
// a document read meanwhile.
func (s *Session) deliver(f func()) {
	run := func() {
		if s.Ended() {
			s.afterEnd.Lock()
			defer s.afterEnd.Unlock()
		}
		f()
	}
	if s.opts.Deliver == nil || s.Ended() {
		run()
		return
	}
	s.opts.Deliver(run)
}

// read runs work off the owner's goroutine, then, on it, done with work's
// error, unless another document has been asked for meanwhile.
func (s *Session) read(work func(ctx context.Context) error, done func(err error)) {
	j := s.newJob()
	s.bg.Go(func() {
		err := work(j.ctx)
		j.cancel()
		s.deliver(func() {
			if j.current() {
				done(err)
			}
		})
	})
}

// readOrSay is read for reads whose only answer to an error is to show it:
// done runs only when work succeeded.
func (s *Session) readOrSay(work func(ctx context.Context) error, done func()) {
	s.read(work, func(err error) {
		if err != nil {
			if !errors.Is(err, context.Canceled) {
				s.problem(err)
			}
			return
		}
		done()
	})
}

// startTask runs work as the session's task, saying what it does in the
// status line with a progress bar and Cancel; the task under way, if any, is
// cancelled. end runs on the owner's goroutine once work has ended, with its
// error, whatever document is open by then: it decides what an old task's
// end means.
func (s *Session) startTask(what string, work func(j *job) error, end func(j *job, err error)) {
	if s.task != nil {
		s.task.replaced = true
		s.task.cancel()
	}
	j := s.newJob()
	s.task = j
	s.emit(Status{Text: what, Work: WorkProgress})
	s.run(j, work, end)
}

// startBusy runs work saying what it does in the status line, with a bar
// for work of unknown length and no Cancel; end is as for startTask.
func (s *Session) startBusy(what string, work func(j *job) error, end func(j *job, err error)) {
	s.emit(Status{Text: what, Work: WorkBusy})
	s.run(s.newJob(), work, end)
}

// run runs work for j on its own goroutine and then end on the owner's.
func (s *Session) run(j *job, work func(j *job) error, end func(j *job, err error)) {
	s.bg.Go(func() {
		err := work(j)
		j.cancel()
		s.deliver(func() {
			if s.task == j {
				s.task = nil
			}
			end(j, err)
		})
	})
}

// progress reports, from any goroutine, how far the task has got (0 to 1):
// the status line shows it while the task is the session's.
func (j *job) progress(f float64) {
	j.s.deliver(func() {
		if j.s.task == j {
			j.s.emit(Progress{Done: f})
		}
	})
}

// Cancel cancels the task under way, if any: it ends as soon as it can.
func (s *Session) Cancel() {
	if s.task != nil {
		s.task.stopped = true
		s.task.cancel()
	}
}

// Busy reports whether a task is under way.
func (s *Session) Busy() bool { return s.task != nil }

// idle says what has become of the work, msg (which may be empty), before the
// document's summary, with no work shown.
func (s *Session) idle(msg string) {
	text := s.Summary()
	if msg != "" {
		text = msg + " " + text
	}
	if note := s.noteText(); note != "" {
		text = note + " " + text
	}
	s.emit(Status{Text: text})
}

// Await runs work off the owner's goroutine, for something the owner waits
// on outside the document (the desktop's file chooser, say), then done on
// it with work's error, whatever document is open by then. work's context
// ends when the session closes.
func (s *Session) Await(work func(ctx context.Context) error, done func(err error)) {
	j := s.newJob()
	s.bg.Go(func() {
		err := work(j.ctx)
		j.cancel()
		s.deliver(func() { done(err) })
	})
}

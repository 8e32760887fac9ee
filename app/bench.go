package app

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"image"
	"io"
	"math"
	"os"
	"runtime/pprof"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/internal/procstat"
	"github.com/quoteline/quoteline/timeline"
	"github.com/quoteline/quoteline/timeline/paint"
)

// BenchResult is what `quoteline bench` measures; see BENCHMARKS.md.
type BenchResult struct {
	Events             int     `json:"events"`
	OpenToFirstFrameMs float64 `json:"open_to_first_frame_ms"`
	OpenCPUMs          float64 `json:"open_cpu_ms"`
	// FirstFrameFromSummary says the first frame was drawn from the
	// document's level-of-detail summary, and EventsReadMs is when its
	// events had been read after it (from the same start).
	FirstFrameFromSummary bool    `json:"first_frame_from_summary,omitempty"`
	EventsReadMs          float64 `json:"events_read_ms,omitempty"`
	FrameMsP50            float64 `json:"frame_ms_p50"`
	FrameMsP95            float64 `json:"frame_ms_p95"`
	FrameMsMax            float64 `json:"frame_ms_max"`
	Frames                int     `json:"frames"`
	FPS                   float64 `json:"fps"`
	// With --baseline: the frame rate of a bare window of the same size
	// repainting a full-window raster through the same number of steps,
	// measured in the same process before the document and again after it
	// (BaselineRuns), their mean, and FPS as a fraction of it.
	BaselineFrames int        `json:"baseline_frames,omitempty"`
	BaselineRuns   [2]float64 `json:"baseline_runs,omitzero"`
	BaselineFPS    float64    `json:"baseline_fps,omitempty"`
	FPSRatio       float64    `json:"fps_ratio,omitempty"`
	// With --edits N: the selected event moved a day later and the move
	// undone, N times each (Edits counts both), each asked for a moment
	// after the last was shown, as a user's edits are; the time from asking
	// for each edit to its being shown on the timeline (written, read back
	// and applied: the next frame paints it).
	Edits     int     `json:"edits,omitempty"`
	EditMsP50 float64 `json:"edit_ms_p50,omitempty"`
	EditMsMax float64 `json:"edit_ms_max,omitempty"`
	// Selected is the event whose details the side pane shows during the run.
	Selected     int64   `json:"selected"`
	RSSMB        float64 `json:"rss_mb"`
	WindowWidth  int     `json:"window_width"`
	WindowHeight int     `json:"window_height"`
}

// benchOptions are the flags of "quoteline bench".
type benchOptions struct {
	baseline   bool   // measure the painter's ceiling before and after
	cpuProfile string // write a CPU profile of the script to this file
	edits      int    // moves of the selected event to time, each undone
}

// benchSteps returns the scripted views of a benchmark run over [lo, hi]:
// from the whole extent down to an hour in 1.25× steps about the middle,
// panning a quarter of the view every fourth step, then back out.
func benchSteps(lo, hi float64) [][2]float64 {
	mid := (lo + hi) / 2
	var in [][2]float64
	span := max((hi-lo)*1.05, 3600)
	for {
		if len(in)%4 == 3 {
			mid += span / 4
		}
		in = append(in, [2]float64{mid - span/2, mid + span/2})
		if span /= 1.25; span < 3600 {
			break
		}
	}
	steps := slices.Clone(in)
	for i := len(in) - 1; i >= 0; i-- {
		steps = append(steps, in[i])
	}
	return steps
}

// runBench carries out "quoteline bench".
func runBench(args []string, version string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quoteline bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var opts benchOptions
	fs.BoolVar(&opts.baseline, "baseline", false, "first play the same script in a bare window repainting a full-window raster: the painter's ceiling")
	fs.StringVar(&opts.cpuProfile, "cpuprofile", "", "write a CPU profile of the script (pprof) to `FILE`")
	fs.IntVar(&opts.edits, "edits", 0, "after the script, move the selected event a day later and undo it `N` times, timing each edit (this writes to FILE, and leaves it as it was)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: quoteline bench [--baseline] [--cpuprofile FILE] [--edits N] FILE.quoteline\n\n"+
			"Open FILE in the real window, show an event's details in the side pane, zoom from the\n"+
			"whole extent to an hour and back with pans on the way, one step per frame, and print one\n"+
			"JSON line of figures (see BENCHMARKS.md). --baseline plays as many steps in a bare window\n"+
			"of the same size that repaints a full-window raster each frame, before the document and\n"+
			"after it, and reports the document's frame rate as a fraction of that one.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 || opts.edits < 0 {
		fs.Usage()
		return 2
	}
	path := fs.Arg(0)
	if code := checkDocument(path, stderr); code != 0 {
		return code
	}
	if err := bench(path, version, opts, stdout); err != nil {
		fmt.Fprintln(stderr, "quoteline bench:", err)
		return 1
	}
	return 0
}

// bench plays the baseline if asked to, then opens path in the real window,
// waits for its first frame, shows an event's details, plays benchSteps one
// per frame, and writes one JSON line of figures to out. It returns when
// the run is over and the window closed.
func bench(path, version string, opts benchOptions, out io.Writer) error {
	a := newApp(version)
	var res BenchResult
	var runErr error
	var w *window
	var steps [][2]float64
	if opts.baseline {
		first, last, ok, err := session.Extent(context.Background(), path)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%s has no events to zoom through", path)
		}
		steps = benchSteps(float64(first), float64(last))
	}
	// After the document: the edits, then the baseline again.
	var after []func(next func())
	if opts.edits > 0 {
		after = append(after, func(next func()) { playEdits(w, &res, opts.edits, &runErr, next) })
	}
	if opts.baseline {
		after = append(after, func(next func()) {
			playBaseline(a.NewWindow("Quoteline bench baseline"), steps, func(_ int, fps float64) {
				res.BaselineRuns[1] = fps
				next()
			})
		})
	}
	openDocument := func() {
		w = newWindow(a, version, fyne.Do)
		start, startCPU := time.Now(), procstat.CPUTime()
		r := &benchRun{w: w, a: a, res: &res, err: &runErr, start: start, startCPU: startCPU, cpuProfile: opts.cpuProfile}
		r.done = func() { chain(after, a.Quit) }
		w.s.Watch(r.follow)
		w.win.SetOnClosed(func() { w.s.Close(); a.Quit() })
		w.s.Open(path) // as Run does: reading overlaps making the window
		w.win.Show()
	}
	if opts.baseline {
		playBaseline(a.NewWindow("Quoteline bench baseline"), steps, func(frames int, fps float64) {
			res.BaselineFrames, res.BaselineRuns[0] = frames, fps
			openDocument() // before the baseline closes, or the application would quit
		})
	} else {
		openDocument()
	}
	a.Run()
	if w != nil {
		closeAll([]*session.Session{w.s})
	}
	if runErr != nil {
		return runErr
	}
	if res.Frames == 0 || opts.baseline && res.BaselineRuns[1] == 0 || res.Edits < 2*opts.edits {
		return fmt.Errorf("bench: the window closed before the run finished")
	}
	if opts.baseline {
		res.BaselineFPS = math.Round((res.BaselineRuns[0]+res.BaselineRuns[1])/2*10) / 10
		res.FPSRatio = math.Round(res.FPS/res.BaselineFPS*1000) / 1000
	}
	size := w.win.Canvas().Size()
	res.WindowWidth, res.WindowHeight = int(size.Width), int(size.Height)
	res.RSSMB = procstat.PeakRSSMB()
	line, err := json.Marshal(res)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(out, string(line))
	return err
}

// chain runs steps one after another, each told what comes next, then last.
func chain(steps []func(next func()), last func()) {
	if len(steps) == 0 {
		last()
		return
	}
	steps[0](func() { chain(steps[1:], last) })
}

// benchSize is the size of the benchmark's windows, the main window's.
var benchSize = fyne.NewSize(1280, 760)

// playBaseline shows in bw, sized as the main window, a raster filling the
// whole window that is painted again for every step of steps, one step per
// frame, as a timeline would be: the painter's ceiling, a full-window
// texture upload a frame and nothing else to draw. It then calls done with
// the frames played and the frame rate achieved, on the UI goroutine, and
// closes bw.
func playBaseline(bw fyne.Window, steps [][2]float64, done func(frames int, fps float64)) {
	defer bw.Show()
	var img *image.RGBA
	step := 0
	raster := canvas.NewRaster(func(w, h int) image.Image {
		img = paint.Reuse(img, w, h)
		// A pattern that moves with the step: a background, and a stripe
		// every 64 pixels shifted by the step; every row alike.
		row := img.Pix[:4*w]
		for x := range w {
			c := [4]uint8{0xf4, 0xf5, 0xf7, 0xff}
			if (x+7*step)%64 < 2 {
				c = [4]uint8{0x90, 0x98, 0xa8, 0xff}
			}
			copy(row[4*x:], c[:])
		}
		for y := 1; y < h; y++ {
			copy(img.Pix[y*img.Stride:], row)
		}
		return img
	})
	bw.SetPadded(false)
	bw.SetContent(raster)
	bw.Resize(benchSize)
	first := true
	var playStart time.Time
	var anim *fyne.Animation
	anim = fyne.NewAnimation(time.Hour, func(float32) {
		if first { // the window's first frame
			first = false
			return
		}
		if step == 0 {
			playStart = time.Now()
		}
		if step == len(steps) {
			anim.Stop()
			done(len(steps), math.Round(float64(len(steps))/time.Since(playStart).Seconds()*10)/10)
			bw.Close()
			return
		}
		step++
		raster.Refresh()
	})
	anim.Start()
}

// benchRun is one run of the benchmark's script in the main window.
type benchRun struct {
	w          *window
	a          fyne.App
	res        *BenchResult
	err        *error
	start      time.Time
	startCPU   time.Duration
	cpuProfile string
	profile    *os.File // being written
	done       func()   // called once the script has been played
	opened     bool
	checked    bool // the document's integrity check has ended
	detailed   bool // the selected event's details are shown
}

// follow watches the session: the script starts once the document is
// shown; a large document's titles are fetched for what is in view as the
// script moves, as they are for a user, and a failure ends the run.
func (r *benchRun) follow(e session.Event) {
	switch e := e.(type) {
	case session.TitlesRead:
		if e.Err != nil {
			r.fail(e.Err)
		}
	case session.DetailsRead:
		r.detailed = true
	case session.EventsRead:
		if e.Err != nil {
			r.fail(e.Err)
			return
		}
		r.res.EventsReadMs = ms(time.Since(r.start))
	case session.Checked:
		if e.Err != nil {
			r.fail(e.Err)
			return
		}
		r.checked = true
	case session.Opened:
		if r.opened {
			return
		}
		r.opened = true
		if e.Err != nil {
			r.fail(e.Err)
			return
		}
		r.play()
	}
}

// fail ends the run with err.
func (r *benchRun) fail(err error) {
	if *r.err == nil {
		*r.err = err
	}
	r.a.Quit()
}

// play runs the benchmark's script once the document is shown, a step per
// frame, filling res; then calls r.done. Before the first step it selects the
// event in the middle of the document and waits for the side pane to show
// its details, and for the integrity check of the file, which reads all of
// it after the first frame, to end: the frames measured are those of a
// document being looked at, not being opened.
func (r *benchRun) play() {
	w, res := r.w, r.res
	res.Events = w.s.Doc().Counts().Events
	res.FirstFrameFromSummary = w.s.Doc().Reading()
	if res.Events == 0 {
		r.fail(fmt.Errorf("%s has no events to zoom through", w.s.Doc().Path()))
		return
	}
	tl := w.timeline
	// The next animation tick comes after the frame showing the document.
	first := true
	var steps [][2]float64
	var frameMs []float64
	lastWork := tl.Work()
	var playStart time.Time
	step := 0
	var anim *fyne.Animation
	anim = fyne.NewAnimation(time.Hour, func(float32) {
		if first {
			first = false
			res.OpenToFirstFrameMs = ms(time.Since(r.start))
			res.OpenCPUMs = ms(procstat.CPUTime() - r.startCPU)
			lo, hi, _ := tl.Extent()
			steps = benchSteps(lo, hi)
			return
		}
		if res.Selected == 0 {
			// Once the events are read (a large document's first frame
			// is drawn from its summary before).
			if w.s.Doc().Reading() {
				return
			}
			res.Selected = w.s.Doc().Item(w.s.Doc().Len() / 2).ID
			w.side.SelectIndex(tabDetails)
			w.s.Select(res.Selected)
			return
		}
		if !r.detailed || !r.checked {
			return
		}
		if playStart.IsZero() {
			playStart = time.Now()
			if err := r.startProfile(); err != nil {
				anim.Stop()
				r.fail(err)
				return
			}
		}
		if step > 0 {
			// The work of the last step's frame: its scene and its raster.
			frameMs = append(frameMs, ms(tl.Work()-lastWork))
		}
		if step == len(steps) {
			anim.Stop()
			elapsed := time.Since(playStart)
			if err := r.stopProfile(); err != nil {
				r.fail(err)
				return
			}
			res.Frames = len(frameMs)
			res.FPS = math.Round(float64(len(frameMs))/elapsed.Seconds()*10) / 10
			res.FrameMsP50, res.FrameMsP95, res.FrameMsMax = percentile(frameMs, 50), percentile(frameMs, 95), percentile(frameMs, 100)
			r.done()
			return
		}
		lastWork = tl.Work()
		v := steps[step]
		tl.SetViewport(timeline.NewViewport(v[0], v[1], tl.Viewport().Width()))
		step++
	})
	anim.Start()
}

// playEdits moves the selected event a day later and undoes the move, n
// times each, one edit at a time and editPause after the last was shown,
// timing each from asking for it to its being shown (session.Edited, after
// the timeline has it); then calls next. Asked for at once, an edit would
// wait for the frame painting the last one before the UI goroutine could
// take it: a user does not edit every frame.
// editPause is how long after an edit is shown the next is asked for.
const editPause = 100 * time.Millisecond

func playEdits(w *window, res *BenchResult, n int, runErr *error, next func()) {
	id := res.Selected
	shown := w.timeline.Events()
	it, ok := shown.Item(id)
	if !ok {
		*runErr = fmt.Errorf("bench: event %d is not on the timeline", id)
		w.app.Quit()
		return
	}
	var took []float64
	asked := time.Now()
	edit := func() {
		asked = time.Now()
		if len(took)%2 == 0 {
			w.s.MoveEvent(id, 86400, int(it.Lane))
		} else {
			w.s.Undo()
		}
	}
	w.s.Watch(func(e session.Event) {
		ed, ok := e.(session.Edited)
		if !ok || len(took) == 2*n {
			return
		}
		if ed.Err != nil {
			*runErr = fmt.Errorf("bench: edit: %w", ed.Err)
			w.app.Quit()
			return
		}
		took = append(took, ms(time.Since(asked)))
		if len(took) < 2*n {
			time.AfterFunc(editPause, func() { fyne.Do(edit) })
			return
		}
		res.Edits = len(took)
		res.EditMsP50, res.EditMsMax = percentile(took, 50), percentile(took, 100)
		next()
	})
	edit()
}

// startProfile starts the CPU profile of the script, if one was asked for.
func (r *benchRun) startProfile() error {
	if r.cpuProfile == "" {
		return nil
	}
	f, err := os.Create(r.cpuProfile)
	if err != nil {
		return fmt.Errorf("CPU profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("CPU profile: %w", err)
	}
	r.profile = f
	return nil
}

// stopProfile ends the CPU profile, if one is being written.
func (r *benchRun) stopProfile() error {
	if r.profile == nil {
		return nil
	}
	pprof.StopCPUProfile()
	err := r.profile.Close()
	r.profile = nil
	if err != nil {
		return fmt.Errorf("CPU profile: %w", err)
	}
	return nil
}

func ms(d time.Duration) float64 { return math.Round(float64(d.Microseconds())/10) / 100 }

// percentile returns the p-th percentile (nearest rank) of xs.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	k := int(math.Ceil(p/100*float64(len(s)))) - 1
	return s[min(max(k, 0), len(s)-1)]
}

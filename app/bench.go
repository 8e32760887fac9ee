package app

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"slices"
	"time"

	"fyne.io/fyne/v2"

	"github.com/quoteline/quoteline/app/session"
	"github.com/quoteline/quoteline/internal/procstat"
	"github.com/quoteline/quoteline/timeline"
)

// BenchResult is what `quoteline bench` measures; see BENCHMARKS.md.
type BenchResult struct {
	Events             int     `json:"events"`
	OpenToFirstFrameMs float64 `json:"open_to_first_frame_ms"`
	OpenCPUMs          float64 `json:"open_cpu_ms"`
	FrameMsP50         float64 `json:"frame_ms_p50"`
	FrameMsP95         float64 `json:"frame_ms_p95"`
	FrameMsMax         float64 `json:"frame_ms_max"`
	Frames             int     `json:"frames"`
	FPS                float64 `json:"fps"`
	RSSMB              float64 `json:"rss_mb"`
	WindowWidth        int     `json:"window_width"`
	WindowHeight       int     `json:"window_height"`
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
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: quoteline bench FILE.quoteline\n\n"+
			"Open FILE in the real window, zoom from its whole extent to an hour and back with pans\n"+
			"on the way, one step per frame, and print one JSON line of figures (see BENCHMARKS.md).\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	path := fs.Arg(0)
	if code := checkDocument(path, stderr); code != 0 {
		return code
	}
	if err := bench(path, version, stdout); err != nil {
		fmt.Fprintln(stderr, "quoteline bench:", err)
		return 1
	}
	return 0
}

// bench opens path in the real window, waits for its first frame, plays
// benchSteps one per frame, and writes one JSON line of figures to out. It
// returns when the run is over and the window closed.
func bench(path, version string, out io.Writer) error {
	a := newApp(version)
	w := newWindow(a, version, fyne.Do)
	var res BenchResult
	var runErr error
	start, startCPU := time.Now(), procstat.CPUTime()
	// A large document's titles are fetched for what is in view as the
	// script moves, as they are for a user; a failure ends the run.
	opened := false
	w.s.Watch(func(e session.Event) {
		switch e := e.(type) {
		case session.TitlesRead:
			if e.Err != nil {
				runErr = e.Err
				a.Quit()
			}
		case session.Opened:
			if opened {
				return
			}
			opened = true
			if e.Err != nil {
				runErr = e.Err
				a.Quit()
				return
			}
			w.play(a, &res, start, startCPU, &runErr)
		}
	})
	w.win.SetOnClosed(func() { w.s.Close(); a.Quit() })
	w.s.Open(path) // as Run does: reading overlaps making the window
	w.win.ShowAndRun()
	closeAll([]*session.Session{w.s})
	if runErr != nil {
		return runErr
	}
	if res.Frames == 0 {
		return fmt.Errorf("bench: the window closed before the run finished")
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

// play runs the benchmark's script once the document is shown, a step per
// frame, filling res; then quits.
func (w *window) play(a fyne.App, res *BenchResult, start time.Time, startCPU time.Duration, runErr *error) {
	res.Events = w.s.Doc().Len()
	if res.Events == 0 {
		*runErr = fmt.Errorf("%s has no events to zoom through", w.s.Doc().Path())
		a.Quit()
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
			res.OpenToFirstFrameMs = ms(time.Since(start))
			res.OpenCPUMs = ms(procstat.CPUTime() - startCPU)
			lo, hi, _ := tl.Extent()
			steps = benchSteps(lo, hi)
			return
		}
		if playStart.IsZero() {
			playStart = time.Now()
		}
		if step > 0 {
			// The work of the last step's frame: its scene and its raster.
			frameMs = append(frameMs, ms(tl.Work()-lastWork))
		}
		if step == len(steps) {
			anim.Stop()
			elapsed := time.Since(playStart)
			res.Frames = len(frameMs)
			res.FPS = math.Round(float64(len(frameMs))/elapsed.Seconds()*10) / 10
			res.FrameMsP50, res.FrameMsP95, res.FrameMsMax = percentile(frameMs, 50), percentile(frameMs, 95), percentile(frameMs, 100)
			a.Quit()
			return
		}
		lastWork = tl.Work()
		v := steps[step]
		tl.SetViewport(timeline.NewViewport(v[0], v[1], tl.Viewport().Width()))
		step++
	})
	anim.Start()
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

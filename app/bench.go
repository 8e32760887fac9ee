package app

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

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

// RunBench opens opts.Path in the real window, waits for its first frame,
// plays benchSteps one per frame, and writes one JSON line of figures to out.
// It returns when the run is over and the window closed.
func RunBench(opts Options, out io.Writer) error {
	tuneMemory()
	fyneapp.SetMetadata(fyne.AppMetadata{ID: ID, Name: "Quoteline", Version: opts.Version, Release: true})
	a := fyneapp.NewWithID(ID)
	m := newMainWindow(a, opts)
	var res BenchResult
	var runErr error
	start, startCPU := time.Now(), cpuTime()
	m.opened = func(err error) {
		if err != nil {
			runErr = err
			a.Quit()
			return
		}
		res.Events = len(m.doc.items)
		if res.Events == 0 {
			runErr = fmt.Errorf("%s has no events to zoom through", opts.Path)
			a.Quit()
			return
		}
		// A large document's titles are fetched for what is in view as the
		// script moves, as they are for a user; a failure ends the run.
		m.titlesLoaded = func(err error) {
			if err != nil {
				runErr = err
				a.Quit()
			}
		}
		// The next animation tick comes after the frame showing the document.
		first := true
		var steps [][2]float64
		var frameMs []float64
		lastWork := m.timeline.Work()
		var playStart time.Time
		step := 0
		var anim *fyne.Animation
		anim = fyne.NewAnimation(time.Hour, func(float32) {
			if first {
				first = false
				res.OpenToFirstFrameMs = ms(time.Since(start))
				res.OpenCPUMs = ms(cpuTime() - startCPU)
				lo, hi, _ := m.timeline.Extent()
				steps = benchSteps(lo, hi)
				return
			}
			if playStart.IsZero() {
				playStart = time.Now()
			}
			if step > 0 {
				// The work of the last step's frame: its scene and its raster.
				w := m.timeline.Work()
				frameMs = append(frameMs, ms(w-lastWork))
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
			lastWork = m.timeline.Work()
			v := steps[step]
			m.timeline.SetViewport(timeline.NewViewport(v[0], v[1], m.timeline.Viewport().Width()))
			step++
		})
		anim.Start()
	}
	m.win.SetOnClosed(func() { m.stop(); a.Quit() })
	m.open(opts.Path) // as Run does: reading overlaps making the window
	m.win.ShowAndRun()
	m.stop()
	if runErr != nil {
		return runErr
	}
	if res.Frames == 0 {
		return fmt.Errorf("bench: the window closed before the run finished")
	}
	size := m.win.Canvas().Size()
	res.WindowWidth, res.WindowHeight = int(size.Width), int(size.Height)
	res.RSSMB = rssMB()
	line, err := json.Marshal(res)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(out, string(line))
	return err
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

// rssMB returns the process's peak resident memory in MiB, from /proc, or 0
// where there is no /proc.
func rssMB() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			if err == nil {
				return math.Round(kb/1024*10) / 10
			}
		}
	}
	return 0
}

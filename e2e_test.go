package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/theme"

	"github.com/quoteline/quoteline/app"
	"github.com/quoteline/quoteline/data"
)

// The end-to-end tests start the real binary under a private Xvfb display and
// look at what it shows. They need Xvfb, xdotool and ImageMagick's import; make
// test installs them and sets QUOTELINE_E2E=1, which turns a missing tool into
// a failure instead of a skip. Set QUOTELINE_SHOTS to a folder to keep the
// screenshots.

// e2eTools returns the paths of the tools the end-to-end tests need.
func e2eTools(t *testing.T) map[string]string {
	t.Helper()
	tools := map[string]string{}
	for _, name := range []string{"Xvfb", "xdotool", "import"} {
		p, err := exec.LookPath(name)
		if err != nil {
			if os.Getenv("QUOTELINE_E2E") == "1" {
				t.Fatalf("%s is needed for the end-to-end tests: %v (scripts/deps.sh test installs it)", name, err)
			}
			t.Skipf("%s not found; skipping the end-to-end test (run make test)", name)
		}
		tools[name] = p
	}
	return tools
}

// buildBinary returns the binary under test: QUOTELINE_BIN if set (make test
// builds it first), else one built now.
func buildBinary(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("QUOTELINE_BIN"); p != "" {
		abs, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return abs
	}
	bin := filepath.Join(t.TempDir(), "quoteline")
	cmd := exec.Command("go", "build", "-tags", "migrated_fynedo sqlite_omit_load_extension", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startXvfb starts a private X server and returns its DISPLAY value. It
// does not reset when its last client leaves (-noreset): a test that closes
// the app and runs it again would otherwise meet the server resetting, and
// the app could not open the display.
func startXvfb(t *testing.T, xvfb string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(xvfb, "-displayfd", "3", "-screen", "0", "1400x900x24", "-nolisten", "tcp", "-noreset")
	cmd.ExtraFiles = []*os.File{w}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	got := make(chan string, 1)
	go func() {
		buf := make([]byte, 16)
		n, _ := r.Read(buf)
		got <- strings.TrimSpace(string(buf[:n]))
	}()
	select {
	case n := <-got:
		if _, err := strconv.Atoi(n); err != nil {
			t.Fatalf("Xvfb gave no display number (%q)", n)
		}
		return ":" + n
	case <-time.After(30 * time.Second):
		t.Fatal("Xvfb did not start within 30 s")
	}
	return ""
}

// waitFor polls cond every 200 ms until it holds or the timeout passes.
func waitFor(t *testing.T, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %v waiting for %s", timeout, what)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

type session struct {
	t       *testing.T
	tools   map[string]string
	env     []string
	display string
	home    string
	tmp     string // the app's TMPDIR
	window  string
	log     *bytes.Buffer
	shotDir string
	cmd     *exec.Cmd       // the app last run
	exited  <-chan struct{} // closed when the app last run has ended, with exitErr
	exitErr error
}

// toolTimeout bounds each run of xdotool and import: one that hangs (a
// display that stopped answering) fails its test instead of the suite's
// time limit.
const toolTimeout = 45 * time.Second

func (s *session) xdotool(args ...string) string {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.tools["xdotool"], args...)
	cmd.Env = s.env
	out, err := cmd.Output()
	if err != nil {
		s.t.Fatalf("xdotool %s: %v (%v)", strings.Join(args, " "), err, ctx.Err())
	}
	return strings.TrimSpace(string(out))
}

// shot takes a screenshot of the whole screen, keeps it if asked to, and decodes it.
func (s *session) shot(name string) image.Image {
	s.t.Helper()
	path := filepath.Join(s.shotDir, name+".png")
	ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, s.tools["import"], "-window", "root", path)
	cmd.Env = s.env
	if out, err := cmd.CombinedOutput(); err != nil {
		s.t.Fatalf("import %s: %v (%v)\n%s", name, err, ctx.Err(), out)
	}
	f, err := os.Open(path)
	if err != nil {
		s.t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		s.t.Fatalf("decode %s: %v", path, err)
	}
	return img
}

// startApp runs the binary with args on a fresh display and home folder and
// waits for its window to show a document. The window opens at 1280×760, the
// size the tests were written for, as the size last used on this screen.
func startApp(t *testing.T, args ...string) *session {
	s := newSession(t)
	s.rememberWindowSize("1280x760")
	s.run(args...)
	return s
}

// newSession starts a private display and makes a fresh home folder for
// the app to run in.
func newSession(t *testing.T) *session {
	tools := e2eTools(t)
	display := startXvfb(t, tools["Xvfb"])
	home := t.TempDir()
	s := &session{t: t, tools: tools, display: display, home: home, tmp: t.TempDir(), log: &bytes.Buffer{}, shotDir: t.TempDir()}
	if dir := os.Getenv("QUOTELINE_SHOTS"); dir != "" {
		s.shotDir = dir
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	s.env = append(os.Environ(), "DISPLAY="+display, "HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"), "XDG_DATA_HOME="+filepath.Join(home, ".local/share"),
		"LANG=C.UTF-8", "LIBGL_ALWAYS_SOFTWARE=1", "TMPDIR="+s.tmp)
	return s
}

// prefsFile is where the app keeps its preferences in the session's home.
func (s *session) prefsFile() string {
	return filepath.Join(s.home, ".config", "fyne", app.ID, "preferences.json")
}

// rememberWindowSize makes size ("1280x760") the window's last size on the
// session's screen.
func (s *session) rememberWindowSize(size string) {
	s.t.Helper()
	if err := os.MkdirAll(filepath.Dir(s.prefsFile()), 0o755); err != nil {
		s.t.Fatal(err)
	}
	prefs := fmt.Sprintf(`{"window.size.%dx%d": %q}`, e2eScreenW, e2eScreenH, size)
	if err := os.WriteFile(s.prefsFile(), []byte(prefs), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// run runs the binary with args in the session and waits for its window to
// show a document. The app is stopped when the test ends, if it has not
// ended by then (see exited).
func (s *session) run(args ...string) {
	t := s.t
	bin := buildBinary(t)
	cmd := exec.Command(bin, args...)
	s.cmd = cmd
	cmd.Env = s.env
	cmd.Stdout, cmd.Stderr = s.log, s.log
	// A process the app leaves behind holding its output (a helper the
	// desktop started for it) must not keep the test waiting for ever.
	cmd.WaitDelay = 10 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	exited := make(chan struct{})
	s.exited = exited
	go func() { s.exitErr = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		if t.Failed() {
			t.Logf("app output:\n%s", s.log)
		}
	})
	waitFor(t, 60*time.Second, "the Quoteline window with a document", func() bool {
		select {
		case <-exited:
			t.Fatalf("app exited early: %v\n%s", s.exitErr, s.log)
		default:
		}
		ctx, cancel := context.WithTimeout(context.Background(), toolTimeout)
		defer cancel()
		search := exec.CommandContext(ctx, s.tools["xdotool"], "search", "--name", "Quoteline")
		search.Env = s.env
		out, err := search.Output()
		ids := strings.Fields(string(out))
		if err != nil || len(ids) == 0 {
			return false
		}
		for _, id := range ids {
			c := exec.CommandContext(ctx, s.tools["xdotool"], "getwindowname", id)
			c.Env = s.env
			name, _ := c.Output()
			if strings.Contains(string(name), ".quoteline") {
				s.window = id
				return true
			}
		}
		return false
	})
	time.Sleep(1500 * time.Millisecond) // let the first frames paint
}

// colourStats counts distinct colours and the share of pixels unlike the most common one.
func colourStats(img image.Image) (distinct int, busy float64) {
	counts := map[uint32]int{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			counts[(r>>8)<<16|(g>>8)<<8|bl>>8]++
		}
	}
	total, top := 0, 0
	for _, n := range counts {
		total += n
		top = max(top, n)
	}
	return len(counts), 1 - float64(top)/float64(total)
}

func differs(a, b image.Image) float64 {
	n, diff := 0, 0
	bd := a.Bounds()
	for y := bd.Min.Y; y < bd.Max.Y; y += 3 {
		for x := bd.Min.X; x < bd.Max.X; x += 3 {
			n++
			if a.At(x, y) != b.At(x, y) {
				diff++
			}
		}
	}
	return float64(diff) / float64(n)
}

func TestE2E_DefaultTimeline(t *testing.T) {
	s := startApp(t)
	name := s.xdotool("getwindowname", s.window)
	if !strings.Contains(name, app.DefaultDocumentName) {
		t.Errorf("window title %q does not name the default document %q", name, app.DefaultDocumentName)
	}

	first := s.shot("e2e-default")
	distinct, busy := colourStats(first)
	t.Logf("first frame: %d colours, %.1f%% of pixels not background", distinct, busy*100)
	if distinct < 40 || busy < 0.05 {
		t.Fatalf("the window looks blank: %d colours, %.1f%% busy", distinct, busy*100)
	}

	// Zoom with the wheel over the timeline, then pan with a drag.
	s.xdotool("mousemove", "400", "400")
	for range 3 {
		s.xdotool("click", "4")
	}
	time.Sleep(700 * time.Millisecond)
	zoomed := s.shot("e2e-zoomed")
	if d := differs(first, zoomed); d < 0.01 {
		t.Errorf("wheel zoom changed only %.2f%% of the screen", d*100)
	}
	s.xdotool("mousedown", "1")
	s.xdotool("mousemove", "--sync", "550", "420")
	s.xdotool("mousemove", "--sync", "700", "420")
	s.xdotool("mouseup", "1")
	time.Sleep(700 * time.Millisecond)
	panned := s.shot("e2e-panned")
	if d := differs(zoomed, panned); d < 0.01 {
		t.Errorf("dragging changed only %.2f%% of the screen", d*100)
	}

	// The app made the user's copy of the default timeline in its storage folder.
	var doc string
	filepath.WalkDir(s.home, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.Name() == app.DefaultDocumentName {
			doc = p
		}
		return nil
	})
	if doc == "" {
		t.Fatalf("no %s under the app's home folder", app.DefaultDocumentName)
	}
	st, err := data.Open(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	c, err := st.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if c.Events != 17 || c.Lanes != 5 {
		t.Errorf("default document has %d events in %d lanes, want 17 in 5", c.Events, c.Lanes)
	}
}

func TestE2E_OpenFileGivenOnCommandLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "copy.quoteline")
	if err := writeExample(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	s := startApp(t, path)
	if name := s.xdotool("getwindowname", s.window); !strings.Contains(name, "copy.quoteline") {
		t.Errorf("window title %q does not name copy.quoteline", name)
	}
	if distinct, busy := colourStats(s.shot("e2e-file")); distinct < 40 || busy < 0.05 {
		t.Errorf("the window looks blank: %d colours, %.1f%% busy", distinct, busy*100)
	}
}

// TestE2E_PresentTheStory presents the default timeline's six stops with
// the keys a clicker sends, as an audience would see them.
func TestE2E_PresentTheStory(t *testing.T) {
	s := startApp(t)
	s.xdotool("key", "F5")
	time.Sleep(2 * time.Second)
	var prev image.Image
	for i := 1; i <= 6; i++ {
		img := s.shot(fmt.Sprintf("e2e-present-stop%d", i))
		distinct, busy := colourStats(img)
		if distinct < 40 || busy < 0.05 {
			t.Errorf("stop %d looks blank: %d colours, %.1f%% busy", i, distinct, busy*100)
		}
		if prev != nil {
			if d := differs(prev, img); d < 0.02 {
				t.Errorf("stop %d looks like stop %d (%.1f%% of pixels differ)", i, i-1, d*100)
			}
		}
		prev = img
		if i < 6 {
			s.xdotool("key", "Next") // Page Down, as clickers send
			time.Sleep(1200 * time.Millisecond)
		}
	}
	s.xdotool("key", "b")
	time.Sleep(700 * time.Millisecond)
	if _, busy := colourStats(s.shot("e2e-present-blank")); busy > 0.01 {
		t.Errorf("B did not blank the screen: %.1f%% busy", busy*100)
	}
	s.xdotool("key", "b")
	s.xdotool("key", "Escape")
	time.Sleep(time.Second)
	if d := differs(prev, s.shot("e2e-present-left")); d < 0.05 {
		t.Errorf("Esc did not leave present mode (%.1f%% of pixels differ from the last stop)", d*100)
	}
}

// longestRun finds, within the rectangle r of img, the longest horizontal run
// of pixels of colour c; it returns the run's length, its left end and row.
func longestRun(img image.Image, r image.Rectangle, c color.Color) (n, x, y int) {
	cr, cg, cb, _ := c.RGBA()
	r = r.Intersect(img.Bounds())
	for yy := r.Min.Y; yy < r.Max.Y; yy++ {
		run := 0
		for xx := r.Min.X; xx < r.Max.X; xx++ {
			pr, pg, pb, _ := img.At(xx, yy).RGBA()
			if pr>>8 == cr>>8 && pg>>8 == cg>>8 && pb>>8 == cb>>8 {
				run++
				if run > n {
					n, x, y = run, xx-run+1, yy
				}
			} else {
				run = 0
			}
		}
	}
	return n, x, y
}

// TestE2E_SourceOfTheDroneTransferEvent selects the "more than 400 UAVs"
// range event, asks for its source (Ctrl+Shift+O) and checks that the
// article is shown with the chosen quote highlighted and underlined.
func TestE2E_SourceOfTheDroneTransferEvent(t *testing.T) {
	s := startApp(t)
	first := s.shot("e2e-source-before")
	// The drone-transfer range is the longest solid bar in its lane's
	// colour: find it on screen rather than assume where the layout puts it.
	drones := color.NRGBA{0xD5, 0x5E, 0x00, 0xff}
	n, x, y := longestRun(first, image.Rect(0, 60, 900, 700), drones)
	if n < 150 {
		t.Fatalf("no bar of the Drone transfers lane found (longest run %d px)", n)
	}
	s.xdotool("mousemove", strconv.Itoa(x+n/2), strconv.Itoa(y+4))
	s.xdotool("click", "1")
	time.Sleep(800 * time.Millisecond)
	t.Logf("clicked at %d,%d (run of %d px)", x+n/2, y+4, n)
	s.shot("e2e-source-selected")
	s.xdotool("windowfocus", "--sync", s.window)
	s.xdotool("key", "ctrl+shift+o")
	time.Sleep(1500 * time.Millisecond)
	s.xdotool("mousemove", "10", "880") // out of the way of tooltips
	time.Sleep(300 * time.Millisecond)
	shot := s.shot("e2e-source-shown")

	// The chosen quote is underlined in the theme's primary colour in the
	// source pane, which now takes the right side of the window.
	// A fresh profile has Fyne's default primary colour, blue.
	primary := theme.PrimaryColorNamed(theme.ColorBlue)
	if n, _, _ := longestRun(shot, image.Rect(740, 100, 1280, 760), primary); n < 100 {
		t.Errorf("no underlined quote in the source pane of the screenshot")
	}
	// Several quotes are highlighted: many rows of the source pane differ
	// from the first frame, where the pane showed the document summary.
	if d := differs(first, shot); d < 0.05 {
		t.Errorf("asking for the source changed only %.2f%% of the screen", d*100)
	}
}

// addEvent adds an event with title and when to the document at path with
// the keyboard, as a person would (Ctrl+E, the form, Return), taking the
// screenshot shot of the filled form if it is not "", and waits until the
// event is in the file.
func (s *session) addEvent(path, title, when, shot string) {
	s.t.Helper()
	s.xdotool("key", "ctrl+e")
	time.Sleep(800 * time.Millisecond)
	s.xdotool("type", "--delay", "20", title)
	s.xdotool("key", "Tab")
	s.xdotool("type", "--delay", "20", when)
	time.Sleep(500 * time.Millisecond)
	if shot != "" {
		s.shot(shot)
	}
	s.xdotool("key", "Return")
	waitFor(s.t, 15*time.Second, "the new event in the document", func() bool { return eventTitled(s.t, path, title) != 0 })
}

// eventTitled returns the id of the event in the document at path with
// that title, or 0.
func eventTitled(t *testing.T, path, title string) int64 { return eventNamed(t, path, title).ID }

// eventNamed returns the event in the document at path with that title,
// or the zero Event.
func eventNamed(t *testing.T, path, title string) data.Event {
	t.Helper()
	st, err := data.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	events, err := st.Events(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range events {
		if e.Title == title {
			return e
		}
	}
	return data.Event{}
}

// pixelBox returns the bounds of the pixels of r in img whose colour is
// picked, and whether there are any.
func pixelBox(img image.Image, r image.Rectangle, pick func(c color.RGBA) bool) (image.Rectangle, bool) {
	box, found := image.Rectangle{}, false
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if !pick(color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)) {
				continue
			}
			if p := image.Rect(x, y, x+1, y+1); found {
				box = box.Union(p)
			} else {
				box, found = p, true
			}
		}
	}
	return box, found
}

// selectionBlue picks the strong blue of the selection ring (the default
// theme's primary colour) and not the lanes' or the events' colours.
func selectionBlue(c color.RGBA) bool {
	return c.B >= 0xd0 && c.R <= 0x40 && c.G >= 0x58 && c.G <= 0x80
}

// TestE2E_EditUndoSearch creates an event through the form, undoes and
// redoes it from the keyboard, drags it and undoes the drag, finds it with
// the find bar and filters it away.
func TestE2E_EditUndoSearch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "edit.quoteline")
	if err := writeExample(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	s := startApp(t, path)
	const title = "Shahed drones reach Crimea"
	before := s.shot("e2e-edit-before")

	s.addEvent(path, title, "2022-08?/15 Sep 2022", "e2e-edit-form")
	time.Sleep(700 * time.Millisecond)
	added := s.shot("e2e-edit-added")
	if d := differs(before, added); d < 0.002 {
		t.Errorf("adding an event changed only %.3f%% of the screen", d*100)
	}

	s.xdotool("key", "ctrl+z")
	waitFor(t, 15*time.Second, "undo to remove the event", func() bool { return eventTitled(t, path, title) == 0 })
	s.xdotool("key", "ctrl+shift+z")
	waitFor(t, 15*time.Second, "redo to bring it back", func() bool { return eventTitled(t, path, title) != 0 })
	s.xdotool("key", "ctrl+z")
	waitFor(t, 15*time.Second, "a second undo", func() bool { return eventTitled(t, path, title) == 0 })
	s.xdotool("key", "ctrl+y")
	waitFor(t, 15*time.Second, "Ctrl+Y to redo", func() bool { return eventTitled(t, path, title) != 0 })
	time.Sleep(500 * time.Millisecond)

	s.xdotool("key", "ctrl+f")
	time.Sleep(500 * time.Millisecond)
	s.xdotool("type", "--delay", "20", "crimea")
	time.Sleep(800 * time.Millisecond)
	s.xdotool("key", "Return")
	time.Sleep(1000 * time.Millisecond)
	found := s.shot("e2e-edit-found")
	if d := differs(added, found); d < 0.01 {
		t.Errorf("searching changed only %.2f%% of the screen", d*100)
	}

	// Drag the event the search selected later by its label, found by its
	// selection ring, then undo the drag.
	s.xdotool("key", "Escape")
	time.Sleep(500 * time.Millisecond)
	selected := s.shot("e2e-edit-selected")
	box, ok := pixelBox(selected, image.Rect(12, 110, 840, 640), selectionBlue)
	if !ok {
		t.Fatal("no event is drawn selected on the timeline after the search")
	}
	placed := eventNamed(t, path, title)
	x, y := box.Max.X-20, box.Min.Y+box.Dy()/2
	s.xdotool("mousemove", strconv.Itoa(x), strconv.Itoa(y))
	s.xdotool("mousedown", "1")
	for dx := 10; dx <= 120; dx += 10 {
		s.xdotool("mousemove", strconv.Itoa(x+dx), strconv.Itoa(y))
		time.Sleep(30 * time.Millisecond)
	}
	s.shot("e2e-edit-dragging")
	s.xdotool("mouseup", "1")
	waitFor(t, 15*time.Second, "the drag to move the event later", func() bool {
		return eventNamed(t, path, title).Start.Unix > placed.Start.Unix
	})
	if moved := eventNamed(t, path, title); moved.LaneID != placed.LaneID || moved.End.Unix-moved.Start.Unix != placed.End.Unix-placed.Start.Unix {
		t.Errorf("a drag along the lane made %+v of %+v", moved, placed)
	}
	time.Sleep(500 * time.Millisecond)
	s.xdotool("key", "ctrl+z")
	waitFor(t, 15*time.Second, "undo of the drag", func() bool {
		e := eventNamed(t, path, title)
		return e.Start == placed.Start && e.End == placed.End
	})
	time.Sleep(500 * time.Millisecond)

	// Filter it away: show only the Sanctions lane (the dialog's first
	// list is the lanes, in order; the event is in another).
	s.xdotool("key", "ctrl+shift+f")
	time.Sleep(1000 * time.Millisecond)
	s.shot("e2e-edit-filter-dialog")
	s.xdotool("mousemove", "355", "249", "click", "1")
	time.Sleep(300 * time.Millisecond)
	s.xdotool("mousemove", "684", "659", "click", "1")
	time.Sleep(1000 * time.Millisecond)
	filtered := s.shot("e2e-edit-filtered")
	if eventTitled(t, path, title) == 0 {
		t.Fatal("filtering deleted the event from the document")
	}
	if d := differs(selected, filtered); d < 0.05 {
		t.Errorf("filtering to one lane changed only %.2f%% of the screen", d*100)
	}
}

// TestE2E_BenchWithBaseline runs `quoteline bench --baseline --edits 2` on
// the default timeline: the bare window plays as many steps as the
// document, before it and after it, the side pane shows an event, the ratio
// is the two frame rates', a CPU profile of the script is written, and the
// event moved and moved back is where it was. What the figures are is for
// BENCHMARKS.md, not for a test.
func TestE2E_BenchWithBaseline(t *testing.T) {
	tools := e2eTools(t)
	bin := buildBinary(t)
	display := startXvfb(t, tools["Xvfb"])
	dir := t.TempDir()
	doc, profile := filepath.Join(dir, "example.quoteline"), filepath.Join(dir, "cpu.pprof")
	if err := writeExample(context.Background(), doc); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "bench", "--baseline", "--cpuprofile", profile, "--edits", "2", doc)
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "HOME="+dir, "LANG=C.UTF-8", "LIBGL_ALWAYS_SOFTWARE=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("quoteline bench: %v\n%s", err, stderr.String())
	}
	var res app.BenchResult
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("bench printed %q: %v", out, err)
	}
	if res.Events != 17 || res.Frames == 0 || res.BaselineFrames != res.Frames || res.Selected == 0 {
		t.Errorf("events %d, frames %d, baseline frames %d, selected %d", res.Events, res.Frames, res.BaselineFrames, res.Selected)
	}
	if !(res.FPS > 0 && res.BaselineRuns[0] > 0 && res.BaselineRuns[1] > 0) ||
		math.Abs(res.BaselineFPS-(res.BaselineRuns[0]+res.BaselineRuns[1])/2) > 0.051 || math.Abs(res.FPSRatio-res.FPS/res.BaselineFPS) > 0.001 {
		t.Errorf("fps %v, baseline %v (runs %v), ratio %v", res.FPS, res.BaselineFPS, res.BaselineRuns, res.FPSRatio)
	}
	// Each move was undone: the document is as it was.
	if res.Edits != 4 || !(res.EditMsP50 > 0) || res.EditMsMax < res.EditMsP50 {
		t.Errorf("%d edits, p50 %v ms, max %v ms", res.Edits, res.EditMsP50, res.EditMsMax)
	}
	eventIn := func(path string) data.Event {
		st, err := data.Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		ev, err := st.Event(context.Background(), res.Selected)
		if err != nil {
			t.Fatal(err)
		}
		return ev
	}
	orig := filepath.Join(dir, "orig.quoteline")
	if err := writeExample(context.Background(), orig); err != nil {
		t.Fatal(err)
	}
	if moved, was := eventIn(doc), eventIn(orig); moved.Start != was.Start || moved.End != was.End || moved.LaneID != was.LaneID {
		t.Errorf("event %d after the bench: %+v, was %+v", res.Selected, moved, was)
	}
	if st, err := os.Stat(profile); err != nil || st.Size() == 0 {
		t.Errorf("no CPU profile written: %v", err)
	}
}

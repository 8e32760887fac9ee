package data

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The kill tests run this test binary again as a helper process that
// writes to a document, and kill it with SIGKILL at random moments. Set
// QUOTELINE_SOAK=1 for many more kills and larger writes; set
// QUOTELINE_CRASH_SEED to repeat a run (each run logs its seed).

const crashHelperEnv = "QUOTELINE_CRASH_HELPER"

// TestCrashHelper is the helper process; it does nothing in a normal run.
// Its mode is in QUOTELINE_CRASH_HELPER, its document in
// QUOTELINE_CRASH_PATH and its size in QUOTELINE_CRASH_N.
func TestCrashHelper(t *testing.T) {
	mode := os.Getenv(crashHelperEnv)
	if mode == "" {
		t.Skip("helper process for the kill tests")
	}
	ctx := context.Background()
	path := os.Getenv("QUOTELINE_CRASH_PATH")
	n, _ := strconv.Atoi(os.Getenv("QUOTELINE_CRASH_N"))
	if err := crashHelper(ctx, mode, path, n); err != nil {
		fmt.Println("error:", err)
		os.Exit(3)
	}
	fmt.Println("finished")
	os.Exit(0)
}

func crashHelper(ctx context.Context, mode, path string, n int) error {
	switch mode {
	case "gen":
		s, err := Generate(ctx, path, GenerateOptions{Events: n, Lanes: 5, Seed: 3})
		if err != nil {
			return err
		}
		return s.Close()
	case "create":
		s, err := CreateFromDocument(ctx, path, crashDocument(0, n))
		if err != nil {
			return err
		}
		return s.Close()
	case "import":
		s, err := Open(ctx, path)
		if err != nil {
			return err
		}
		defer s.Close()
		return s.ImportDocument(ctx, crashDocument(1, n))
	case "writes":
		s, err := Open(ctx, path)
		if err != nil {
			return err
		}
		defer s.Close()
		// Edits as the app makes them: a lane, then one event at a time.
		lane, _, err := s.SaveLane(ctx, Lane{Name: "writes", Color: "#336699"})
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			ev := Event{LaneID: lane, Title: fmt.Sprintf("batch %d event 0: ", 100+i), Status: StatusReported,
				Start: Time{Unix: int64(1_600_000_000 + 86400*i), Precision: PrecisionDay}}
			if _, _, err := s.SaveEvent(ctx, ev); err != nil {
				return err
			}
			// Reported only once committed.
			fmt.Printf("committed %d\n", i)
		}
		return nil
	}
	return fmt.Errorf("unknown mode %q", mode)
}

// crashDocument is a document of n events in one lane of its own, "batch B".
func crashDocument(batch, n int) *Document {
	d := &Document{Format: DocumentFormat, Version: DocumentVersion, Title: "Kill test",
		Lanes: []DocumentLane{{Key: "l", Name: fmt.Sprintf("batch %d", batch), Color: "#336699"}}}
	for i := 0; i < n; i++ {
		d.Events = append(d.Events, DocumentEvent{Key: strconv.Itoa(i), Lane: "l",
			Title:  fmt.Sprintf("batch %d event %d: %s", batch, i, strings.Repeat("words ", i%40)),
			Start:  fmt.Sprintf("20%02d-%02d-%02d", 10+i%15, 1+i%12, 1+i%28),
			Status: StatusReported, Tags: []string{"t" + strconv.Itoa(i%50)}})
	}
	return d
}

// crashRun starts the helper and returns it with its standard output.
func crashRun(t *testing.T, mode, path string, n int) (*exec.Cmd, *bufio.Scanner) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashHelperEnv+"="+mode, "QUOTELINE_CRASH_PATH="+path, "QUOTELINE_CRASH_N="+strconv.Itoa(n))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewScanner(out)
}

// kill sends SIGKILL and reaps the process.
func kill(cmd *exec.Cmd) {
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
}

func crashRand(t *testing.T) (*rand.Rand, bool) {
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("QUOTELINE_CRASH_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("QUOTELINE_CRASH_SEED=%d", seed)
	return rand.New(rand.NewPCG(seed, seed)), os.Getenv("QUOTELINE_SOAK") != ""
}

// mustCheck fails unless the document passes Check; it returns the report.
func mustCheck(t *testing.T, path string) Report {
	t.Helper()
	r, err := Check(context.Background(), path)
	if err != nil {
		t.Fatalf("after the kill the document fails the check: %v", err)
	}
	return r
}

// TestKill_CreatingLeavesNothingOrAWholeDocument kills the creation of
// documents (a generated one and one from a JSON document) at random
// moments: the path then holds nothing or the whole document, and the
// temporary files left by the killed process are cleared by the next
// creation beside it.
func TestKill_CreatingLeavesNothingOrAWholeDocument(t *testing.T) {
	r, soak := crashRand(t)
	rounds, genEvents, createEvents := 2, 25_000, 3_000
	if soak {
		rounds, genEvents, createEvents = 20, 200_000, 20_000
	}
	for _, mode := range []string{"gen", "create"} {
		n := genEvents
		if mode == "create" {
			n = createEvents
		}
		r := rand.New(rand.NewPCG(r.Uint64(), 0))
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			killCreating(t, r, mode, n, rounds)
		})
	}
}

// killCreating runs the helper in mode to create a document of n events
// once whole, then rounds times killed at a random moment.
func killCreating(t *testing.T, r *rand.Rand, mode string, n, rounds int) {
	{
		// Time a whole run first, so the kills fall within it.
		dir := t.TempDir()
		start := time.Now()
		cmd, out := crashRun(t, mode, filepath.Join(dir, "whole.quoteline"), n)
		for out.Scan() {
		}
		if err := cmd.Wait(); err != nil {
			t.Fatalf("%s: uninterrupted run: %v", mode, err)
		}
		whole := time.Since(start)
		if rep := mustCheck(t, filepath.Join(dir, "whole.quoteline")); rep.Events != n {
			t.Fatalf("%s: %d events, want %d", mode, rep.Events, n)
		}
		for round := 0; round < rounds; round++ {
			dir := t.TempDir()
			path := filepath.Join(dir, "doc.quoteline")
			delay := time.Duration(r.Int64N(int64(whole)))
			cmd, _ := crashRun(t, mode, path, n)
			time.Sleep(delay)
			kill(cmd)
			outcome := "no file"
			if _, err := os.Stat(path); err == nil {
				outcome = "whole document"
				if rep := mustCheck(t, path); rep.Events != n {
					t.Errorf("%s killed after %v: %d events, want all %d or no file", mode, delay, rep.Events, n)
				}
			}
			t.Logf("%s killed after %v of %v: %s", mode, delay, whole, outcome)
			removeStaleTemps(path)
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				switch name := e.Name(); {
				case name == "doc.quoteline":
				case outcome == "whole document" && (name == "doc.quoteline-wal" || name == "doc.quoteline-shm"):
					// The files of a document open in WAL mode when the
					// process was killed: SQLite's to recover, not ours.
				default:
					t.Errorf("%s killed after %v: %s left behind", mode, delay, name)
				}
			}
		}
	}
}

// TestKill_ImportIsAllOrNothing kills an import into an existing document:
// afterwards the document passes the check and holds all of the import or
// none of it.
func TestKill_ImportIsAllOrNothing(t *testing.T) {
	r, soak := crashRand(t)
	rounds, n, maxDelay := 3, 4_000, 1500*time.Millisecond
	if soak {
		rounds, n, maxDelay = 20, 20_000, 8*time.Second
	}
	ctx := context.Background()
	for round := 0; round < rounds; round++ {
		path := filepath.Join(t.TempDir(), "doc.quoteline")
		s, err := CreateFromDocument(ctx, path, crashDocument(0, 10))
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		cmd, _ := crashRun(t, "import", path, n)
		delay := time.Duration(r.Int64N(int64(maxDelay)))
		time.Sleep(delay)
		kill(cmd)
		rep := mustCheck(t, path)
		if rep.Events != 10 && rep.Events != 10+n {
			t.Errorf("import killed after %v: %d events, want 10 or %d", delay, rep.Events, 10+n)
		}
		t.Logf("import killed after %v: %d events", delay, rep.Events)
	}
}

// TestKill_CommittedWritesSurvive kills a stream of edits (SaveEvent, as
// the app makes them), each reported once committed: afterwards every
// reported edit is there.
func TestKill_CommittedWritesSurvive(t *testing.T) {
	r, soak := crashRand(t)
	rounds := 4
	if soak {
		rounds = 30
	}
	ctx := context.Background()
	for round := 0; round < rounds; round++ {
		path := filepath.Join(t.TempDir(), "doc.quoteline")
		s, err := Create(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		cmd, out := crashRun(t, "writes", path, 100_000)
		target := 1 + r.IntN(60)
		reported := -1
		for reported+1 < target && out.Scan() {
			var i int
			if _, err := fmt.Sscanf(out.Text(), "committed %d", &i); err != nil {
				t.Fatalf("helper said %q", out.Text())
			}
			reported = i
		}
		// Kill between commits or in the middle of one.
		time.Sleep(time.Duration(r.Int64N(int64(20 * time.Millisecond))))
		kill(cmd)
		mustCheck(t, path)
		s, err = Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		lanes, err := s.Lanes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		evs, err := s.Events(ctx)
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(lanes) > 1 || len(evs) < reported+1 {
			t.Errorf("killed after %d reported writes: %d lanes and %d events", reported+1, len(lanes), len(evs))
		}
		have := map[string]bool{}
		for _, e := range evs {
			have[e.Title] = true
		}
		for i := 0; i <= reported; i++ {
			if title := fmt.Sprintf("batch %d event 0: ", 100+i); !have[title] {
				t.Errorf("write %d was reported as done but is not in the document", i)
			}
		}
	}
}

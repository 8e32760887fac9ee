package main

import (
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

	"github.com/quoteline/quoteline/data"
)

// TestKill_BinaryCreatesWholeDocumentsOrNothing kills the real binary's
// "gen" and "new --example" with SIGKILL at random moments: the path then
// holds no file or a whole document that passes the check, and running the
// command again at that path succeeds and clears what the killed one left.
// The data package's kill tests cover imports and streams of commits.
func TestKill_BinaryCreatesWholeDocumentsOrNothing(t *testing.T) {
	bin := buildBinary(t)
	r := crashRand(t, 1)
	rounds, events := 2, "100000"
	if os.Getenv("QUOTELINE_SOAK") != "" {
		rounds, events = 15, "200000"
	}
	for _, tt := range []struct {
		name     string
		args     []string
		events   int
		maxDelay time.Duration
	}{
		{"gen", []string{"gen", "--events", events}, 0, 3 * time.Second},
		{"new --example", []string{"new", "--example"}, 17, 400 * time.Millisecond},
	} {
		want := tt.events
		if want == 0 {
			want, _ = strconv.Atoi(events)
		}
		for round := 0; round < rounds; round++ {
			dir := t.TempDir()
			path := filepath.Join(dir, "doc.quoteline")
			cmd := exec.Command(bin, append(tt.args, path)...)
			cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "HOME="+dir)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			delay := time.Duration(r.Int64N(int64(tt.maxDelay)))
			time.Sleep(delay)
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			outcome := "no file"
			if _, err := os.Stat(path); err == nil {
				outcome = "a whole document"
				rep, err := data.Check(context.Background(), path)
				if err != nil || rep.Events != want {
					t.Errorf("%s killed after %v: %+v, %v; want a sound document of %d events", tt.name, delay, rep, err, want)
				}
			} else {
				// Nothing there: the same command must now succeed, and clear
				// the temporary files of the killed one.
				again := exec.Command(bin, append(tt.args[:len(tt.args):len(tt.args)], path)...)
				if tt.name == "gen" {
					again = exec.Command(bin, "gen", "--events", "10", path)
				}
				again.Env = cmd.Env
				if out, err := again.CombinedOutput(); err != nil {
					t.Fatalf("%s after a kill: %v\n%s", tt.name, err, out)
				}
			}
			// Besides the document, only the killed process's own hidden
			// temporary files may remain (killed between linking the whole
			// document into place and removing them); the next creation
			// beside it removes them.
			entries, _ := os.ReadDir(dir)
			var names []string
			stale := ".doc.quoteline." + strconv.Itoa(cmd.Process.Pid) + "-"
			for _, e := range entries {
				if e.Name() != "doc.quoteline" && !(outcome != "no file" && strings.HasPrefix(e.Name(), stale)) {
					names = append(names, e.Name())
				}
			}
			if len(names) > 0 {
				t.Errorf("%s killed after %v (%s): the folder holds %s", tt.name, delay, outcome, strings.Join(names, ", "))
			}
			t.Logf("%s killed after %v: %s", tt.name, delay, outcome)
		}
	}
}

// TestKill_ImportIsAllOrNothing kills the real binary's "import" of a
// large CSV into an existing document at random moments: the document then
// passes the check and holds either none of the rows or all of them.
func TestKill_ImportIsAllOrNothing(t *testing.T) {
	bin := buildBinary(t)
	r := crashRand(t, 2)
	rounds, rows := 3, 40_000
	if os.Getenv("QUOTELINE_SOAK") != "" {
		rounds, rows = 15, 100_000
	}
	var csv strings.Builder
	csv.WriteString("title,start,lane\n")
	for i := range rows {
		fmt.Fprintf(&csv, "Imported event %d,20%02d-%02d-%02d,Imported\n", i, 10+i%15, 1+i%12, 1+i%28)
	}
	src := filepath.Join(t.TempDir(), "rows.csv")
	if err := os.WriteFile(src, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for round := range rounds {
		dir := t.TempDir()
		path := filepath.Join(dir, "doc.quoteline")
		env := append(os.Environ(), "LANG=C.UTF-8", "HOME="+dir)
		mk := exec.Command(bin, "new", "--example", path)
		mk.Env = env
		if out, err := mk.CombinedOutput(); err != nil {
			t.Fatalf("new --example: %v\n%s", err, out)
		}
		cmd := exec.Command(bin, "import", "--quiet", src, path)
		cmd.Env = env
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(r.Int64N(int64(2 * time.Second)))
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		rep, err := data.Check(context.Background(), path)
		if err != nil || (rep.Events != 17 && rep.Events != 17+rows) {
			t.Errorf("round %d, import killed after %v: %+v, %v; want a sound document of 17 or %d events", round, delay, rep, err, 17+rows)
			continue
		}
		t.Logf("import killed after %v: %d events", delay, rep.Events)
	}
}

// crashRand returns the random numbers of a test that kills or interrupts
// the binary at random moments, from the seed QUOTELINE_CRASH_SEED gives
// or from the clock, which it logs so that a run can be repeated; stream
// tells the tests apart.
func crashRand(t *testing.T, stream uint64) *rand.Rand {
	t.Helper()
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("QUOTELINE_CRASH_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("QUOTELINE_CRASH_SEED=%d", seed)
	return rand.New(rand.NewPCG(seed, stream))
}

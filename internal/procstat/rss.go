// Package procstat reads what the process has used so far: its CPU time
// and its peak memory, for benchmarks.
package procstat

import (
	"bufio"
	"math"
	"os"
	"strconv"
	"strings"
)

// PeakRSSMB returns the process's peak resident memory in MiB, from /proc, or 0
// where there is no /proc.
func PeakRSSMB() float64 {
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

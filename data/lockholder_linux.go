package data

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// writerHolding names the program holding the write lock of the document
// at path, as "sqlite3 (process 4242)", or "" if it cannot be told. It
// reads the system's table of file locks (/proc/locks) and never opens
// the document or the files beside it: closing a file SQLite has locks on
// would drop this process's locks.
func writerHolding(path string) string {
	// The write lock is on the -shm file in WAL mode (its byte 120), on the
	// document's reserved byte (0x40000001) in rollback-journal mode.
	type want struct {
		file string
		at   int64
	}
	var targets []want
	for _, w := range []want{{path + "-shm", 120}, {path, 0x40000001}} {
		var st syscall.Stat_t
		if syscall.Stat(w.file, &st) != nil {
			continue
		}
		w.file = fmt.Sprintf("%02x:%02x:%d", major(st.Dev), minor(st.Dev), st.Ino)
		targets = append(targets, w)
	}
	f, err := os.Open("/proc/locks")
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// "3: POSIX  ADVISORY  WRITE 28657 fe:00:10003504 1073741824 1073742335"
		fields := strings.Fields(sc.Text())
		if len(fields) < 8 || fields[3] != "WRITE" {
			continue
		}
		pid, err := strconv.Atoi(fields[4])
		if err != nil || pid <= 0 {
			continue
		}
		from, err1 := strconv.ParseInt(fields[6], 10, 64)
		to, err2 := strconv.ParseInt(fields[7], 10, 64)
		if fields[7] == "EOF" {
			to, err2 = 1<<62, nil
		}
		if err1 != nil || err2 != nil {
			continue
		}
		for _, w := range targets {
			if fields[5] == w.file && from <= w.at && w.at <= to {
				return programName(pid)
			}
		}
	}
	return ""
}

// programName describes the process pid: its name and number.
func programName(pid int) string {
	name := "a program"
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid)); err == nil && len(strings.TrimSpace(string(b))) > 0 {
		name = strconv.Quote(strings.TrimSpace(string(b)))
	}
	if pid == os.Getpid() {
		return fmt.Sprintf("this Quoteline itself (process %d, another of its documents' windows or jobs)", pid)
	}
	return fmt.Sprintf("%s (process %d)", name, pid)
}

// major and minor split a Linux device number as the kernel does.
func major(dev uint64) uint64 { return (dev>>8)&0xfff | (dev>>32)&^0xfff }
func minor(dev uint64) uint64 { return dev&0xff | (dev>>12)&^0xff }

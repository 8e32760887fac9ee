package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The app must open no network connection by itself: documents are
// opened offline, and nothing is fetched. These tests show it three ways:
// our own packages import no networking package; the commands and the
// window run in a network namespace with no network at all (unshare -n);
// and, traced there with strace, the binary creates no socket but local
// (AF_UNIX) ones, for the X server and the desktop's session bus.

// networkPackages are standard packages that open network connections.
var networkPackages = []string{"net", "net/http", "net/rpc", "net/smtp", "crypto/tls", "net/http/httputil"}

// allowedNetImporters are the packages outside this module known to
// import net/http: Fyne (for its http and https URI repository, used only
// when asked to read such a URI, which Quoteline never does) and its
// repository package; and brotli, the compression the exports' font
// subsetter (tdewolff/font) uses for WOFF2, whose http.go only offers
// response-compression helpers that nothing here calls; and
// go-readability, whose FromURL fetches a page: the article reader calls
// only its parser, on a page already read from a file. A new one fails
// the test, to be looked at.
var allowedNetImporters = map[string]bool{
	"fyne.io/fyne/v2":                        true,
	"fyne.io/fyne/v2/internal/repository":    true,
	"github.com/andybalholm/brotli":          true,
	"codeberg.org/readeck/go-readability/v2": true,
}

func TestNetwork_OwnPackagesImportNoNetworking(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go tool is not on PATH")
	}
	cmd := exec.Command(goTool, "list", "-tags", "migrated_fynedo sqlite_omit_load_extension", "-deps",
		"-f", `{{.ImportPath}} {{join .Imports " "}}`, ".")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	network := map[string]bool{}
	for _, p := range networkPackages {
		network[p] = true
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := fields[0]
		for _, imp := range fields[1:] {
			switch {
			case !network[imp]:
			case strings.HasPrefix(pkg, "github.com/quoteline/quoteline"):
				t.Errorf("%s imports %s: Quoteline's own code must not use the network", pkg, imp)
			case imp == "net/http" && !allowedNetImporters[pkg]:
				t.Errorf("%s imports net/http and is not a known importer: check what it does with it", pkg)
			}
		}
	}
}

// offline returns the command prefixes that run a program in a network
// namespace of its own (no interfaces but a down loopback) and that trace
// its socket calls into log; it skips the test where either is not
// possible.
func offline(t *testing.T, log string) (netns, trace []string) {
	t.Helper()
	unshare, err := exec.LookPath("unshare")
	if err != nil {
		t.Skip("unshare (util-linux) not found: cannot run without network")
	}
	strace, err := exec.LookPath("strace")
	if err != nil {
		t.Skip("strace not found: cannot watch socket calls (scripts/deps.sh test installs it)")
	}
	prefix := []string{unshare, "--net"}
	if os.Geteuid() != 0 {
		prefix = []string{unshare, "--map-root-user", "--net"}
	}
	if out, err := exec.Command(prefix[0], append(prefix[1:], "true")...).CombinedOutput(); err != nil {
		t.Skipf("network namespaces are not permitted here (%v: %s)", err, out)
	}
	probe := append(prefix, strace, "-f", "-qq", "-o", os.DevNull, "true")
	if out, err := exec.Command(probe[0], probe[1:]...).CombinedOutput(); err != nil {
		t.Skipf("strace is not permitted here (%v: %s)", err, out)
	}
	return prefix, []string{strace, "-f", "-qq", "-e", "trace=socket,connect", "-e", "signal=none", "-o", log, "--"}
}

// socketCalls returns the lines of an strace log that create sockets
// other than AF_UNIX ones, and the number of socket calls seen.
func socketCalls(t *testing.T, log string) (foreign []string, n int) {
	t.Helper()
	f, err := os.Open(log)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	socket := regexp.MustCompile(`\bsocket\((AF_[A-Z0-9]+)`)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := socket.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		n++
		if m[1] != "AF_UNIX" {
			foreign = append(foreign, sc.Text())
		}
	}
	return foreign, n
}

// TestNetwork_CommandsWorkOffline runs the command-line tools in a network
// namespace without network: each works, and creates no network socket.
func TestNetwork_CommandsWorkOffline(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "strace.log")
	netns, trace := offline(t, log)
	prefix := append(netns, trace...)
	bin := buildBinary(t)
	example, gen := filepath.Join(dir, "example.quoteline"), filepath.Join(dir, "gen.quoteline")
	for _, args := range [][]string{
		{"new", "--example", example},
		{"check", example},
		{"gen", "--events", "500", gen},
		{"check", gen},
	} {
		full := append(append(append([]string{}, prefix...), bin), args...)
		cmd := exec.Command(full[0], full[1:]...)
		cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "HOME="+dir)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("offline: quoteline %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		if foreign, _ := socketCalls(t, log); len(foreign) > 0 {
			t.Errorf("quoteline %s created network sockets:\n%s", strings.Join(args, " "), strings.Join(foreign, "\n"))
		}
	}
}

// TestNetwork_WindowWorksOffline runs an end-to-end test (the real window
// under Xvfb, opening a document) again, with everything in a network
// namespace without network and the binary traced: it passes, and the
// binary's only sockets are local ones.
func TestNetwork_WindowWorksOffline(t *testing.T) {
	if os.Getenv("QUOTELINE_OFFLINE_CHILD") != "" {
		t.Skip("already offline")
	}
	e2eTools(t)
	dir := t.TempDir()
	log := filepath.Join(dir, "strace.log")
	netns, trace := offline(t, log)
	bin := buildBinary(t)
	// The end-to-end test starts QUOTELINE_BIN: make it the traced binary.
	// It kills what it starts with SIGKILL, which strace cannot pass on: the
	// app asks to be killed when its parent, strace, dies.
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("setpriv (util-linux) not found")
	}
	wrapper := filepath.Join(dir, "quoteline-traced")
	script := "#!/bin/sh\nexec " + shellQuote(trace...) + " " + shellQuote(setpriv, "--pdeathsig", "KILL", bin) + ` "$@"` + "\n"
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	full := append(append([]string{}, netns...), os.Args[0], "-test.run", "^TestE2E_OpenFileGivenOnCommandLine$", "-test.v", "-test.count=1")
	cmd := exec.Command(full[0], full[1:]...)
	cmd.Env = append(os.Environ(), "QUOTELINE_BIN="+wrapper, "QUOTELINE_E2E=1", "QUOTELINE_OFFLINE_CHILD=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestE2E_OpenFileGivenOnCommandLine") {
		t.Fatalf("the end-to-end test fails without network: %v\n%s", err, out)
	}
	foreign, n := socketCalls(t, log)
	if n == 0 {
		t.Fatal("the trace shows no socket at all: the window cannot have talked to the X server, so the trace is broken")
	}
	if len(foreign) > 0 {
		t.Errorf("the app created network sockets:\n%s", strings.Join(foreign, "\n"))
	}
}

// shellQuote quotes words for sh.
func shellQuote(words ...string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
	}
	return strings.Join(q, " ")
}

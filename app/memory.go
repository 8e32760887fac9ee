package app

import "runtime/debug"

// gcPercent is the garbage collector's target for the application: the heap
// may grow by this percentage of what is live before a collection. Go's
// default, 100, lets a heap holding a large document (about 100 MB at a
// million events, almost all of it long-lived) double before collecting,
// and the process keeps that peak. The window's own work allocates little
// (a few dozen allocations a frame), so collecting more often costs little
// time and keeps the peak close to what is live. 15 rather than 25 took
// 7–10 MB off the peak at a million events (BENCHMARKS.md), with no change
// in frame times that the measurements could tell from noise.
const gcPercent = 15

// tuneMemory sets the process's garbage collection for the application. It
// is called once, by newApp, for Run and bench, which own the process.
func tuneMemory() { debug.SetGCPercent(gcPercent) }

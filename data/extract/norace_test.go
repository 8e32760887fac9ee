//go:build !race

package extract

// raceSlowdown widens the timing ceilings under the race detector.
const raceSlowdown = 1

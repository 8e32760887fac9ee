//go:build race

package extract

// raceSlowdown widens the timing ceilings under the race detector, which
// makes this code several times slower.
const raceSlowdown = 8

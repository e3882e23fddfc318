//go:build race

package reader

// raceDetector is true when the tests run with -race, which makes the
// reader about ten times slower: time limits are scaled by it.
const raceDetector = true

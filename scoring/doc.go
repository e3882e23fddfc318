// Package scoring computes the partner capability score of Microsoft's AI Cloud
// Partner Program Solutions Partner designations from a partner's own data.
//
// It is pure: Score takes an Input (what the reader found in a workbook) and a
// RuleSet (an edition of the program's rules, loaded from data) and returns a
// Result in which every point is explained. It reads no files, knows nothing of
// spreadsheets and never looks at the clock.
//
// Money is held in whole cents (Cents) and percentages are compared exactly, so
// no floating-point rounding can move a threshold or a point.
package scoring

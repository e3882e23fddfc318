// Package report turns a scoring.Result into what people and programs read:
// the pcs/v1 JSON object, the short text summary, the annotated workbook and
// the PDF scorecard. It computes nothing of the score itself.
package report

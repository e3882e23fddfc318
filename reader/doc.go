// Package reader reads a partner workbook (.xlsx) into a scoring.Input and a
// list of issues, as the workbook specification (workbook.md) describes: the Partner, Customers, ACR,
// Certifications and Deployments sheets, with their synonyms, in any order,
// whatever program saved the file.
//
// The workbook's parts are read straight from the zip archive. Zip bombs are
// refused from the archive's directory before anything is inflated; every
// part read is checked for valid UTF-8 and refused if it declares a DTD or
// entities. Sheets are read by a streaming scanner of their XML built for
// speed, so that a sheet of a million ACR rows takes seconds and little
// memory; it gives the same raw cell values as excelize.
//
// A file that cannot be read at all gives a *FileError. Problems in the data
// become issues (scoring.Issue) naming the sheet and the cell, and the rows
// with errors are left out of the Input and counted.
package reader

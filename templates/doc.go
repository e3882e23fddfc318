// Package templates holds what users start from, embedded in the binary: the
// blank partner workbook and the e-mail templates. Users may replace the
// e-mail templates with their own (--email-template DIR).
package templates

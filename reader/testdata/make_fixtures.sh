#!/bin/sh
# Makes the LibreOffice fixtures of reader/testdata: re-saves some openpyxl
# fixtures with LibreOffice (which writes its own XML and the cached values
# of formulas), and writes the refused kinds: a legacy .xls and a workbook
# with a password. It runs make_fixtures.py first.
#   sh make_fixtures.sh
set -eu
cd "$(dirname "$0")"
export PATH="$(getconf PATH)"
env PATH="$(getconf PATH)" python3 make_fixtures.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
profile="-env:UserInstallation=file://$tmp/profile"
resave() { # resave SOURCE TARGET
	soffice "$profile" --headless --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$tmp" "$1" >/dev/null 2>&1
	mv "$tmp/$(basename "$1" .xlsx).xlsx" "$2"
}
resave opx_basic.xlsx lo_basic.xlsx
resave opx_formula_nocache.xlsx lo_formula_cached.xlsx
resave opx_wide_dates.xlsx lo_wide_dates.xlsx
resave opx_1904.xlsx lo_1904.xlsx
resave opx_text_values.xlsx lo_text_values.xlsx
resave opx_dmy.xlsx lo_dmy.xlsx
resave opx_hidden.xlsx lo_hidden.xlsx
resave opx_title_synonyms.xlsx lo_title_synonyms.xlsx
# Refused: a legacy .xls. (LibreOffice 7.4 ignores a password given on the
# command line; make_password.go writes the password-protected workbook.)
soffice "$profile" --headless --convert-to xls:"MS Excel 97" --outdir "$tmp" opx_basic.xlsx >/dev/null 2>&1
mv "$tmp/opx_basic.xls" bad_legacy.xlsx
(cd ../.. && go run ./reader/testdata/make_password.go)
ls -l lo_*.xlsx bad_*.xlsx

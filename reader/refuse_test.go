package reader

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"errors"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
)

// rezip copies a fixture into a new zip file, letting edit change (or, by
// returning nil, drop) each part, and adding extra parts.
func rezip(t testing.TB, src string, edit func(name string, data []byte) []byte, extra map[string][]byte) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if edit != nil {
			if data = edit(f.Name, data); data == nil {
				continue
			}
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	for name, data := range extra {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "edited.xlsx")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// rawZip writes a zip whose entries carry the given compressed bytes and
// declared sizes, whatever they really inflate to.
func rawZip(t testing.TB, entries []rawEntry) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate,
			CompressedSize64: uint64(len(e.deflated)), UncompressedSize64: e.declared, CRC32: e.crc})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.deflated)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "raw.xlsx")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

type rawEntry struct {
	name     string
	deflated []byte
	declared uint64
	crc      uint32
}

func deflate(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(data)
	w.Close()
	return buf.Bytes()
}

func writeTemp(t testing.TB, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "file.xlsx")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestRefused checks the exact message for every kind of file the reader
// refuses.
func TestRefused(t *testing.T) {
	basic := filepath.Join("testdata", "opx_basic.xlsx")
	basicBytes, err := os.ReadFile(basic)
	if err != nil {
		t.Fatal(err)
	}
	replacePart := func(part, old, new string) string {
		return rezip(t, basic, func(name string, data []byte) []byte {
			if name == part {
				if !bytes.Contains(data, []byte(old)) {
					t.Fatalf("%s has no %q", part, old)
				}
				return bytes.Replace(data, []byte(old), []byte(new), 1)
			}
			return data
		}, nil)
	}
	tests := []struct {
		name     string
		path     func() string
		max      int64
		kind     FileErrorKind
		reason   string
		hint     string
		maxAlloc uint64 // bytes allocated while refusing, when checked
	}{
		{name: "csv", path: fixture("bad_csv.xlsx"), kind: KindNotXLSX,
			reason: "this is a CSV text file, not an Excel workbook (.xlsx)", hint: hintSaveAsXLSX},
		{name: "html", path: fixture("bad_html.xlsx"), kind: KindNotXLSX,
			reason: "this is a web page (HTML), not an Excel workbook (.xlsx)", hint: hintSaveAsXLSX},
		{name: "legacy xls", path: fixture("bad_legacy.xlsx"), kind: KindNotXLSX,
			reason: "this is an old-style Excel 97-2003 workbook (.xls), not an Excel workbook (.xlsx)", hint: hintSaveAsXLSX},
		{name: "password", path: fixture("bad_password.xlsx"), kind: KindEncrypted,
			reason: "the workbook is protected with a password, so it cannot be read",
			hint:   "Open it in Excel, choose File > Info > Protect Workbook > Encrypt with Password, clear the password, and save it."},
		{name: "docx", path: fixture("bad_docx.xlsx"), kind: KindNotXLSX,
			reason: "this is a Word document (.docx), not an Excel workbook (.xlsx)", hint: hintSaveAsXLSX},
		{name: "other zip", path: fixture("bad_zip.xlsx"), kind: KindNotXLSX,
			reason: "this is a zip archive, not an Excel workbook (.xlsx)", hint: hintSaveAsXLSX},
		{name: "dtd in a sheet", path: fixture("bad_dtd.xlsx"), kind: KindUnsafe,
			reason: `the workbook cannot be read safely: the sheet "ACR (Jan & Feb)" declares a DTD or entities, which Excel never writes`, hint: hintSavedAgain},
		// Parts the reader does not need are copied into the annotated
		// workbook, so they are held to the same rules.
		{name: "dtd in the document properties", path: func() string {
			return replacePart("docProps/app.xml", "<Properties", `<!DOCTYPE p [<!ENTITY a "aaaa">]><Properties`)
		}, kind: KindUnsafe,
			reason: "the workbook cannot be read safely: its part docProps/app.xml declares a DTD or entities, which Excel never writes", hint: hintSavedAgain},
		{name: "not utf-8 in the theme", path: func() string {
			return replacePart("xl/theme/theme1.xml", "Office", "Off\xffice")
		}, kind: KindBadText,
			reason: "the workbook holds text that is not valid UTF-8 in its part xl/theme/theme1.xml", hint: hintSavedAgain},
		{name: "dtd in a UTF-16 part it does not read", path: func() string {
			return rezip(t, basic, nil, map[string][]byte{"customXml/item1.xml": utf16LE(`<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY a "a">]><r/>`)})
		}, kind: KindUnsafe,
			reason: "the workbook cannot be read safely: its part customXml/item1.xml declares a DTD or entities, which Excel never writes", hint: hintSavedAgain},
		{name: "one part twice, in other case", path: func() string {
			return rezip(t, basic, nil, map[string][]byte{"docProps/APP.xml": []byte(`<!DOCTYPE p [<!ENTITY a "a">]><Properties/>`)})
		}, kind: KindDamaged,
			reason: "the workbook is damaged: its parts docProps/app.xml and docProps/APP.xml are one part written twice", hint: hintDamagedPart},
		{name: "not utf-8", path: fixture("bad_utf8.xlsx"), kind: KindBadText,
			reason: "the workbook holds text that is not valid UTF-8 in its part xl/sharedStrings.xml", hint: hintSavedAgain},
		{name: "empty sheet", path: fixture("bad_empty_sheet.xlsx"), kind: KindDamaged,
			reason: `the workbook is damaged: the sheet "ACR (Jan & Feb)" is empty`, hint: hintDamagedPart},
		{name: "cut sheet", path: fixture("bad_cut_sheet.xlsx"), kind: KindDamaged,
			reason: `the workbook is damaged: the sheet "ACR (Jan & Feb)" ends too early`, hint: hintDamagedPart},
		{name: "empty file", path: func() string { return writeTemp(t, nil) }, kind: KindNotXLSX,
			reason: "the file is empty", hint: hintEmptyFile},
		{name: "truncated", path: func() string { return writeTemp(t, basicBytes[:len(basicBytes)/2]) }, kind: KindDamaged,
			reason: "the workbook is damaged or incomplete (it may have been cut short while it was copied or downloaded)", hint: hintDamaged},
		{name: "last bytes missing", path: func() string { return writeTemp(t, basicBytes[:len(basicBytes)-40]) }, kind: KindDamaged,
			reason: "the workbook is damaged or incomplete (it may have been cut short while it was copied or downloaded)", hint: hintDamaged},
		{name: "pdf", path: func() string { return writeTemp(t, []byte("%PDF-1.4\n%âãÏÓ\n")) }, kind: KindNotXLSX,
			reason: "this is a PDF document, not an Excel workbook (.xlsx)", hint: hintSaveAsXLSX},
		{name: "binary", path: func() string { return writeTemp(t, []byte{0x89, 'P', 'N', 'G', 0, 1, 2}) }, kind: KindNotXLSX,
			reason: "this is not an Excel workbook (.xlsx)", hint: hintSaveAsXLSX},
		{name: "folder", path: func() string { return t.TempDir() }, kind: KindNotXLSX,
			reason: "this is a folder, not a workbook", hint: hintChooseFile},
		{name: "missing", path: func() string { return filepath.Join(t.TempDir(), "nope.xlsx") }, kind: KindNotXLSX,
			reason: "the file does not exist", hint: hintChooseFile},
		{name: "zip bomb ratio", path: func() string {
			return rezip(t, basic, func(name string, data []byte) []byte {
				if name == "xl/styles.xml" {
					return append(data, make([]byte, 4<<20)...)
				}
				return data
			}, nil)
		}, kind: KindTooBig, hint: hintZipBomb, maxAlloc: 4 << 20,
			reason: "the workbook looks like a zip bomb: its part xl/styles.xml would unpack to {N} times its stored size (4 MiB)"},
		{name: "declared 8 GiB", path: func() string {
			return rawZip(t, []rawEntry{{name: "xl/workbook.xml", deflated: deflate(t, []byte("<workbook/>")), declared: 8 << 30}})
		}, kind: KindTooBig, hint: hintZipBomb, maxAlloc: 4 << 20,
			reason: "the workbook looks like a zip bomb: its part xl/workbook.xml would unpack to {N} times its stored size (8 GiB)"},
		{name: "over max unzip", path: func() string {
			return rezip(t, basic, nil, map[string][]byte{"xl/media/big.bin": bytes.Repeat([]byte("0123456789abcdef"), 1<<16)})
		}, max: 1 << 20, kind: KindTooBig, hint: hintZipTooBig, maxAlloc: 4 << 20,
			reason: "the workbook would take up more than 1 MiB once unpacked, more than the reader allows"},
		{name: "over the default 1 GiB", path: func() string {
			var entries []rawEntry
			for _, n := range []string{"a", "b", "c"} { // three parts of 400 MiB, ratio under 100
				entries = append(entries, rawEntry{name: "xl/" + n + ".bin", deflated: make([]byte, 5<<20), declared: 400 << 20})
			}
			return rawZip(t, entries)
		}, kind: KindTooBig, hint: hintZipTooBig, maxAlloc: 40 << 20,
			reason: "the workbook would take up more than 1 GiB once unpacked, more than the reader allows"},
		{name: "part larger than declared", path: func() string {
			data := []byte(`<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`)
			var entries []rawEntry
			zr, _ := zip.OpenReader(basic)
			defer zr.Close()
			for _, f := range zr.File {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				if f.Name == "xl/worksheets/sheet1.xml" {
					b = data
					entries = append(entries, rawEntry{name: f.Name, deflated: deflate(t, b), declared: 10})
					continue
				}
				entries = append(entries, rawEntry{name: f.Name, deflated: deflate(t, b), declared: uint64(len(b)), crc: crc(b)})
			}
			return rawZip(t, entries)
		}, kind: KindDamaged, hint: hintDamagedPart,
			reason: `the workbook is damaged: the sheet "Partner" cannot be unpacked`},
		{name: "dtd in the workbook part", path: func() string {
			return replacePart("xl/workbook.xml", "<workbook ", `<!DOCTYPE workbook SYSTEM "file:///etc/passwd"><workbook `)
		}, kind: KindUnsafe, hint: hintSavedAgain,
			reason: "the workbook cannot be read safely: its part xl/workbook.xml declares a DTD or entities, which Excel never writes"},
		{name: "entity in styles", path: func() string {
			return replacePart("xl/styles.xml", "<styleSheet ", `<!ENTITY lol "lol"><styleSheet `)
		}, kind: KindUnsafe, hint: hintSavedAgain,
			reason: "the workbook cannot be read safely: its part xl/styles.xml declares a DTD or entities, which Excel never writes"},
		{name: "latin-1 in a sheet", path: func() string {
			return replacePart("xl/worksheets/sheet3.xml", "<sheetData>", "<sheetData>\xe9")
		}, kind: KindBadText, hint: hintSavedAgain,
			reason: `the workbook holds text that is not valid UTF-8 in the sheet "ACR"`},
		{name: "utf-16 part", path: func() string {
			return rezip(t, basic, func(name string, data []byte) []byte {
				if name == "xl/workbook.xml" {
					u := []byte{0xff, 0xfe}
					for _, c := range data {
						u = append(u, c, 0)
					}
					return u
				}
				return data
			}, nil)
		}, kind: KindBadText, hint: hintSavedAgain,
			reason: "the workbook holds text that is not valid UTF-8 in its part xl/workbook.xml"},
		{name: "no workbook part", path: func() string {
			return rezip(t, basic, func(name string, data []byte) []byte {
				if name == "xl/workbook.xml" {
					return nil
				}
				return data
			}, nil)
		}, kind: KindNotXLSX, hint: hintSaveAsXLSX, reason: "this is a zip archive, not an Excel workbook (.xlsx)"},
		{name: "sheet part missing", path: func() string {
			return rezip(t, basic, func(name string, data []byte) []byte {
				if name == "xl/worksheets/sheet3.xml" {
					return nil
				}
				return data
			}, nil)
		}, kind: KindDamaged, hint: hintDamagedPart, reason: "the workbook is damaged: its part xl/worksheets/sheet3.xml is missing"},
		{name: "sheet without a relationship", path: func() string {
			return replacePart("xl/workbook.xml", `r:id="rId3"`, `r:id="rId99"`)
		}, kind: KindDamaged, hint: hintDamagedPart, reason: `the workbook is damaged: it lists the sheet "ACR" but not where the sheet is`},
		{name: "shared string out of range", path: func() string {
			return replacePart("xl/worksheets/sheet1.xml", `<c r="A1" t="inlineStr">`, `<c r="A1" t="s"><v>99999</v></c><c r="Z1" t="inlineStr">`)
		}, kind: KindDamaged, hint: hintDamagedPart,
			reason: `the workbook is damaged: in the sheet "Partner", a cell refers to shared text number 99999, which the workbook does not have`},
		{name: "bad cell reference", path: func() string {
			return replacePart("xl/worksheets/sheet1.xml", `<c r="A1" `, `<c r="A1A" `)
		}, kind: KindDamaged, hint: hintDamagedPart,
			reason: `the workbook is damaged: in the sheet "Partner", a cell has the reference "A1A", which is not a cell of a sheet`},
		{name: "unknown entity", path: func() string {
			return replacePart("xl/worksheets/sheet1.xml", `<t>Field</t>`, `<t>&nbsp;Field</t>`)
		}, kind: KindDamaged, hint: hintDamagedPart,
			reason: `the workbook is damaged: the sheet "Partner" is not well-formed XML: an unknown entity &nbsp;`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			wb, err := Read(path, Options{MaxUnzip: tt.max})
			runtime.ReadMemStats(&after)
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("Read = %v, %v; want a FileError", wb, err)
			}
			if wb != nil {
				t.Errorf("Read returned a workbook with its error")
			}
			if fe.Kind != tt.kind || !sameMessage(fe.Reason, tt.reason) || fe.Hint != tt.hint {
				t.Errorf("got\n  %s %q\n  hint %q\nwant\n  %s %q\n  hint %q", fe.Kind, fe.Reason, fe.Hint, tt.kind, tt.reason, tt.hint)
			}
			if fe.Error() != fe.Reason {
				t.Errorf("Error() = %q, want the reason", fe.Error())
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; tt.maxAlloc > 0 && alloc > tt.maxAlloc {
				t.Errorf("refusing allocated %d bytes, want at most %d", alloc, tt.maxAlloc)
			}
			for _, bad := range []string{"zip:", "xml:", "runtime", "*reader.", "goroutine", "EOF"} {
				if strings.Contains(fe.Reason, bad) {
					t.Errorf("message %q shows internals (%q)", fe.Reason, bad)
				}
			}
		})
	}
}

// sameMessage compares a message with a wanted one in which {N} stands for
// any number (a compression ratio, which depends on the compressor).
func sameMessage(got, want string) bool {
	parts := strings.Split(want, "{N}")
	re := ""
	for i, p := range parts {
		if i > 0 {
			re += "[0-9,]+"
		}
		re += regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("^" + re + "$").MatchString(got)
}

func fixture(name string) func() string {
	return func() string { return filepath.Join("testdata", name) }
}

// TestInputUntouched reads every fixture and checks that none was changed.
func TestInputUntouched(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.xlsx"))
	for _, p := range paths {
		before := fileDigest(t, p)
		Read(p, Options{})
		if fileDigest(t, p) != before {
			t.Errorf("%s changed", p)
		}
	}
}

func fileDigest(t *testing.T, p string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	return sha256.Sum256(append(b, []byte(st.ModTime().String())...))
}

func crc(b []byte) uint32 { return crc32.ChecksumIEEE(b) }

// utf16LE encodes s as UTF-16 with a byte order mark, as document-management
// systems write their customXml parts.
func utf16LE(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

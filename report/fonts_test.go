package report

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// pdfFontFile writes bytes to a file named name in a temporary folder.
func pdfFontFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// pdfWithFsType returns a copy of a font whose OS/2 table forbids embedding.
func pdfWithFsType(t *testing.T, data []byte, fsType uint16) []byte {
	out := append([]byte{}, data...)
	n := int(binary.BigEndian.Uint16(out[4:]))
	for i := range n {
		rec := out[12+16*i:]
		if string(rec[:4]) == "OS/2" {
			off := binary.BigEndian.Uint32(rec[8:])
			binary.BigEndian.PutUint16(out[off+8:], fsType)
			return out
		}
	}
	t.Fatal("no OS/2 table")
	return nil
}

func TestLoadFontsRefuses(t *testing.T) {
	t.Setenv(CJKFontEnv, "")
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"fonts.ttc", append([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x01"), goregular.TTF...), "font collection (.ttc)"},
		{"font.otf", append([]byte("OTTO"), goregular.TTF[4:]...), "PostScript (CFF) outlines"},
		{"notes.ttf", []byte("this is not a font at all"), "not a TrueType font"},
		{"empty.ttf", nil, "not a TrueType font"},
		{"cut.ttf", goregular.TTF[:len(goregular.TTF)/3], "damaged"},
		{"header.ttf", goregular.TTF[:200], "damaged"},
		{"locked.ttf", pdfWithFsType(t, goregular.TTF, 0x0002), "licence does not allow embedding"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := pdfFontFile(t, tc.name, tc.data)
			_, _, err := LoadFonts(path)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), "cannot use the CJK font: "+path+": ") || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not name the file and say %q", err, tc.want)
			}
		})
	}
	missing := filepath.Join(t.TempDir(), "missing.ttf")
	if _, _, err := LoadFonts(missing); err == nil || !strings.Contains(err.Error(), "missing.ttf: no such file or directory") {
		t.Errorf("missing file: %v", err)
	}
}

func TestLoadFontsSources(t *testing.T) {
	// A font named by the flag wins; the environment variable is the fallback.
	good := pdfFontFile(t, "go.ttf", goregular.TTF)
	t.Setenv(CJKFontEnv, filepath.Join(t.TempDir(), "absent.ttf"))
	f, warn, err := LoadFonts(good)
	if err != nil || len(warn) != 0 || f.CJK() != good {
		t.Fatalf("flag: fonts %v warnings %q err %v", f.CJK(), warn, err)
	}
	if _, _, err := LoadFonts(""); err == nil || !strings.HasPrefix(err.Error(), "cannot use the CJK font named by "+CJKFontEnv+": ") {
		t.Errorf("bad %s: err %v", CJKFontEnv, err)
	}
	t.Setenv(CJKFontEnv, good)
	if f, _, err := LoadFonts(""); err != nil || f.CJK() != good {
		t.Errorf("%s: fonts %v err %v", CJKFontEnv, f.CJK(), err)
	}

	// Without either, the usual system locations are tried.
	t.Setenv(CJKFontEnv, "")
	f, warn, err = LoadFonts("")
	if err != nil {
		t.Fatal(err)
	}
	found := ""
	for _, p := range cjkFontPaths {
		if _, err := os.Stat(p); err == nil {
			found = p
			break
		}
	}
	switch {
	case found != "" && (f.CJK() != found || len(warn) != 0):
		t.Errorf("system font %s: got %q, warnings %q", found, f.CJK(), warn)
	case found == "" && (f.CJK() != "" || len(warn) != 1 || !strings.Contains(warn[0], "no CJK font found")):
		t.Errorf("no system font: got %q, warnings %q", f.CJK(), warn)
	}
}

// TestFontsDroidFallback checks Debian's CJK font, which CI installs.
func TestFontsDroidFallback(t *testing.T) {
	f := pdfNeedCJK(t)
	for _, r := range "株式会社サンプル北京" {
		if !f.cjkFace().has(r) {
			t.Errorf("%s lacks %q", f.CJK(), r)
		}
	}
	if f.regular.has('株') {
		t.Error("the Go font claims a CJK character")
	}
}

// FuzzCheckTrueType feeds damaged fonts to the checks: they must refuse them
// or embed them, never panic.
func FuzzCheckTrueType(f *testing.F) {
	f.Add(goregular.TTF)
	f.Add(goregular.TTF[:4096])
	f.Add([]byte("ttcf"))
	f.Add([]byte("OTTO\x00\x00"))
	f.Add([]byte("\x00\x01\x00\x00\x00\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<20 {
			return
		}
		if err := checkTrueType(data); err != nil {
			return
		}
		_ = tryEmbed(data, "Aa0")
	})
}

// TestWithCmap checks the trimmed character map of the CJK font: the
// characters asked for keep their glyphs, the others are gone, and the font
// still passes the checks fpdf needs.
func TestWithCmap(t *testing.T) {
	f := pdfNeedCJK(t)
	keep := []rune("株式会社北京サンプル")
	data, err := f.cjk.withCmap(append(keep, 'A', 0x1F600, '株'))
	if err != nil {
		t.Fatal(err)
	}
	if err := checkTrueType(data); err != nil {
		t.Fatalf("the trimmed font fails the checks: %v", err)
	}
	trimmed, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var b1, b2 sfnt.Buffer
	for _, r := range keep {
		want, _ := f.cjk.sf.GlyphIndex(&b1, r)
		got, err := trimmed.GlyphIndex(&b2, r)
		if err != nil || got != want || got == 0 {
			t.Errorf("%q: glyph %d, want %d (%v)", r, got, want, err)
		}
	}
	for _, r := range "語中" {
		if gi, _ := trimmed.GlyphIndex(&b2, r); gi != 0 {
			t.Errorf("%q is still mapped (glyph %d)", r, gi)
		}
	}
	if _, err := f.cjk.withCmap(nil); err == nil {
		t.Error("an empty character map was made")
	}
}

// TestUndeclaredCJKIsReported checks the safety net: a CJK character the
// document did not declare is drawn as a box and reported, never silently.
func TestUndeclaredCJKIsReported(t *testing.T) {
	f := pdfNeedCJK(t)
	d, err := newPDFDoc("a4", f, "t", pdfDate(0), pdfFooter{})
	if err != nil {
		t.Fatal(err)
	}
	d.cjkRunes = map[rune]bool{'株': true}
	runs := d.runs("A株式", false)
	if len(runs) != 3 || runs[1].face != f.cjk || runs[2].face != &f.regular {
		t.Errorf("runs %+v", runs)
	}
	if w := d.glyphs.warnings(); len(w) != 1 || !strings.Contains(w[0], "式 (U+5F0F)") {
		t.Errorf("warnings %q", w)
	}
}

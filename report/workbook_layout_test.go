package report

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// rezip writes a copy of a workbook with some parts dropped and others
// changed by edit (which returns the new bytes, or nil to drop the part),
// and renamed by rename.
func rezip(t *testing.T, src, dst string, edit func(name string, b []byte) []byte, rename map[string]string) {
	t.Helper()
	parts := wbParts(t, src)
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		b := edit(f.Name, parts[f.Name])
		if b == nil {
			continue
		}
		name := f.Name
		if to, ok := rename[name]; ok {
			name = to
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestAnnotatedUnusualLayouts: workbooks made by minimal scripts, which the
// reader accepts, get an annotated copy that is a complete package (a
// stylesheet or package relationships are added when missing); a layout
// excelize cannot follow is refused with a sentence, never a crash, and
// nothing is left behind.
func TestAnnotatedUnusualLayouts(t *testing.T) {
	src := filepath.Join(wbFixtureDir, wbFixtures[0])
	a := wbAnnotation(t, "fy24")
	stylesRel := regexp.MustCompile(`<Relationship [^>]*relationships/styles"[^>]*>`)
	stylesType := regexp.MustCompile(`<Override [^>]*PartName="/xl/styles.xml"[^>]*>`)
	same := func(_ string, b []byte) []byte { return b }
	cases := []struct {
		name   string
		edit   func(name string, b []byte) []byte
		rename map[string]string
		want   string // "" when the annotated workbook must be written
	}{
		{"no stylesheet", func(name string, b []byte) []byte {
			switch name {
			case "xl/styles.xml":
				return nil
			case "xl/_rels/workbook.xml.rels":
				return stylesRel.ReplaceAll(b, nil)
			case "[Content_Types].xml":
				return stylesType.ReplaceAll(b, nil)
			}
			return b
		}, nil, ""},
		{"a relationship to a missing stylesheet", func(name string, b []byte) []byte {
			if name == "xl/styles.xml" {
				return nil
			}
			return b
		}, nil, ""},
		{"no package relationships", func(name string, b []byte) []byte {
			if name == "_rels/.rels" {
				return nil
			}
			return b
		}, nil, ""},
		{"no content types", func(name string, b []byte) []byte {
			if name == "[Content_Types].xml" {
				return nil
			}
			return b
		}, nil, "no [Content_Types].xml"},
		{"styles elsewhere", func(name string, b []byte) []byte {
			if name == "xl/_rels/workbook.xml.rels" {
				return bytes.ReplaceAll(b, []byte(`Target="styles.xml"`), []byte(`Target="theme/styles.xml"`))
			}
			return b
		}, nil, "its styles are not in xl/styles.xml"},
		{"the workbook part elsewhere in xl/", func(name string, b []byte) []byte {
			switch name {
			case "_rels/.rels", "[Content_Types].xml":
				return bytes.ReplaceAll(b, []byte("xl/workbook.xml"), []byte("xl/main.xml"))
			}
			return b
		}, map[string]string{"xl/workbook.xml": "xl/main.xml", "xl/_rels/workbook.xml.rels": "xl/_rels/main.xml.rels"}, ""},
		{"package relationships in upper case", same, map[string]string{"_rels/.rels": "_RELS/.rels"}, "its part _rels/.rels is written _RELS/.rels"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			in, out := filepath.Join(dir, "in.xlsx"), filepath.Join(dir, "out.xlsx")
			rezip(t, src, in, c.edit, c.rename)
			before, _ := os.ReadFile(in)
			err := WriteAnnotated(in, out, a)
			if after, _ := os.ReadFile(in); !bytes.Equal(before, after) {
				t.Error("the input was changed")
			}
			if c.want != "" {
				if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "save it") {
					t.Errorf("error %v, want one saying %q and how to fix it", err, c.want)
				}
				if entries, _ := os.ReadDir(dir); len(entries) != 1 {
					t.Errorf("files left: %v", entries)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			f := wbOpen(t, out)
			if got := f.GetSheetList(); len(got) < 3 || got[0] != ScorecardSheet {
				t.Errorf("sheets %v", got)
			}
			parts := wbParts(t, out)
			for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "xl/styles.xml"} {
				if strings.EqualFold(p, "_rels/.rels") && len(wbParts(t, out)["_RELS/.rels"]) > 0 {
					t.Error("the output has the package relationships twice")
				}
				if parts[p] == nil {
					t.Errorf("the output has no %s", p)
				}
			}
			wbRels := parts["xl/_rels/workbook.xml.rels"]
			if wbRels == nil {
				wbRels = parts["xl/_rels/main.xml.rels"]
			}
			if n := len(stylesRel.FindAll(wbRels, -1)); n != 1 {
				t.Errorf("%d styles relationships, want 1", n)
			}
			if n := len(stylesType.FindAll(parts["[Content_Types].xml"], -1)); n != 1 {
				t.Errorf("%d content types for the styles, want 1", n)
			}
		})
	}
}

// TestAnnotatedFolderEntries: a zip tool that adds (deflated) folder entries
// to the workbook does not stop the annotated workbook; the output has none.
func TestAnnotatedFolderEntries(t *testing.T) {
	src := filepath.Join(wbFixtureDir, wbFixtures[0])
	parts := wbParts(t, src)
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, dir := range []string{"xl/", "xl/worksheets/", "_rels/"} {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: dir, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(nil)
	}
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		w.Write(parts[f.Name])
	}
	zw.Close()
	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.xlsx"), filepath.Join(dir, "out.xlsx")
	os.WriteFile(in, buf.Bytes(), 0o644)
	if err := WriteAnnotated(in, out, wbAnnotation(t, "fy24")); err != nil {
		t.Fatal(err)
	}
	for name := range wbParts(t, out) {
		if strings.HasSuffix(name, "/") {
			t.Errorf("the output has the folder entry %s", name)
		}
	}
	wbOpen(t, out)
}

package flatepool_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/pcs-tools/pcs/internal/flatepool"
)

// TestRoundTrip writes parts through the pooled compressor and reads them
// back through the pooled decompressor, several times so that pooled
// streams are reused, and checks that archive/zip still verifies checksums.
func TestRoundTrip(t *testing.T) {
	parts := map[string]string{
		"a.xml":   strings.Repeat("<row><c r=\"A1\"><v>1</v></c></row>", 5000),
		"b.xml":   "",
		"c.xml":   "short",
		"d/e.xml": strings.Repeat("Fabrikam Ltd, USD 1,234.50; ", 300),
	}
	for round := 0; round < 3; round++ {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		zw.RegisterCompressor(zip.Deflate, flatepool.NewWriter)
		for _, name := range []string{"a.xml", "b.xml", "c.xml", "d/e.xml"} {
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, parts[name])
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		zr.RegisterDecompressor(zip.Deflate, flatepool.NewReader)
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			got, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			if string(got) != parts[f.Name] {
				t.Fatalf("round %d: %s came back as %d bytes, want %d", round, f.Name, len(got), len(parts[f.Name]))
			}
		}
	}
}

// TestChecksum damages a deflated part: reading it fails, it never returns
// other bytes silently.
func TestChecksum(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, flatepool.NewWriter)
	w, _ := zw.Create("sheet.xml")
	io.WriteString(w, strings.Repeat("<c><v>42</v></c>", 2000))
	zw.Close()
	b := buf.Bytes()
	b[60] ^= 0xff // inside the compressed data of the only part
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	zr.RegisterDecompressor(zip.Deflate, flatepool.NewReader)
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	if _, err := io.ReadAll(rc); err == nil {
		t.Fatal("a damaged part was read without an error")
	}
	rc.Close() // the decompressor goes back to the pool after the failure
	// The next part read with a pooled decompressor comes out whole.
	var good bytes.Buffer
	zw = zip.NewWriter(&good)
	zw.RegisterCompressor(zip.Deflate, flatepool.NewWriter)
	w, _ = zw.Create("next.xml")
	want := strings.Repeat("<c><v>7</v></c>", 3000)
	io.WriteString(w, want)
	zw.Close()
	zr, _ = zip.NewReader(bytes.NewReader(good.Bytes()), int64(good.Len()))
	zr.RegisterDecompressor(zip.Deflate, flatepool.NewReader)
	rc2, _ := zr.File[0].Open()
	defer rc2.Close()
	if got, err := io.ReadAll(rc2); err != nil || string(got) != want {
		t.Fatalf("after a damaged part: %v, %d bytes", err, len(got))
	}
}

// TestClosed checks that a stream used after Close says so instead of
// touching a compressor that another part now uses.
func TestClosed(t *testing.T) {
	w, err := flatepool.NewWriter(io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte("x")); err == nil {
		t.Error("Write after Close succeeded")
	}
	if err := w.Close(); err == nil {
		t.Error("second Close succeeded")
	}
	r := flatepool.NewReader(strings.NewReader(""))
	r.Close()
	if _, err := r.Read(make([]byte, 1)); err == nil {
		t.Error("Read after Close succeeded")
	}
}

func Example() {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, flatepool.NewWriter)
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	io.WriteString(w, "<worksheet/>")
	zw.Close()

	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	zr.RegisterDecompressor(zip.Deflate, flatepool.NewReader)
	rc, _ := zr.File[0].Open()
	b, _ := io.ReadAll(rc)
	rc.Close()
	fmt.Println(zr.File[0].Name, string(b))
	// Output: xl/worksheets/sheet1.xml <worksheet/>
}

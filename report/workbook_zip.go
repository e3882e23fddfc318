package report

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/pcs-tools/pcs/internal/flatepool"
)

// zipOut receives the parts excelize writes and decides what really goes
// into the output: the partner's own parts are copied from the source
// (compressed bytes as they are when excelize did not change them), the
// partner's annotated sheets are rewritten from their source, and the PCS
// sheets get their cells spliced in. It implements excelize.ZipWriter.
type zipOut struct {
	zw    *zip.Writer
	src   *srcPackage
	given map[string][]byte // what excelize was given of each part
	// parts maps a part to the function that writes it, whatever excelize wrote.
	parts map[string]func(w io.Writer, fromExcelize []byte) error
	// copies are parts copied from the source whatever excelize wrote (the
	// partner's worksheets, which excelize only saw as placeholders).
	copies map[string]bool
	// placeholders are parts excelize got as placeholders and must not change.
	placeholders map[string]bool
	drop         map[string]bool
	// written records the parts written, to check that none was missed.
	written map[string]bool

	name string
	buf  bytes.Buffer
	open bool
}

func newZipOut(w io.Writer, src *srcPackage, given map[string][]byte) *zipOut {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, flatepool.NewWriter)
	return &zipOut{zw: zw, src: src, given: given, parts: map[string]func(io.Writer, []byte) error{},
		copies: map[string]bool{}, placeholders: map[string]bool{}, drop: map[string]bool{}, written: map[string]bool{}}
}

// Create starts a part; its bytes are decided when the next part starts.
func (z *zipOut) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	z.name, z.open = name, true
	z.buf.Reset()
	return &z.buf, nil
}

// AddFS is not used by excelize when saving a workbook.
func (z *zipOut) AddFS(fs.FS) error { return errors.New("adding a file system is not supported") }

// Close writes the last part and the zip directory.
func (z *zipOut) Close() error {
	if err := z.finish(); err != nil {
		z.zw.Close()
		return err
	}
	return z.zw.Close()
}

func (z *zipOut) finish() error {
	if !z.open {
		return nil
	}
	z.open = false
	name, data := z.name, z.buf.Bytes()
	if z.drop[name] {
		return nil
	}
	z.written[name] = true
	if strings.HasSuffix(name, "/") {
		return nil // a folder entry: a package has none (some zip tools add them)
	}
	if z.copies[name] {
		return z.copyRaw(name)
	}
	if fn := z.parts[name]; fn != nil {
		w, err := z.zw.Create(name)
		if err != nil {
			return err
		}
		if err := fn(w, data); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
	given, wasGiven := z.given[name]
	if wasGiven && bytes.Equal(given, data) && z.src.files[name] != nil {
		return z.copyRaw(name)
	}
	if z.placeholders[name] {
		return fmt.Errorf("internal error: part %s changed although it was not read", name)
	}
	w, err := z.zw.Create(name)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// copyRaw copies a part of the source as it is, without inflating it
// into the output. A part that was never read in full is checked first
// (inflated and its checksum compared), so that a damaged part of the
// source fails the run instead of being handed on in the output.
func (z *zipOut) copyRaw(name string) error {
	f := z.src.files[name]
	if err := z.src.verify(name); err != nil {
		return fmt.Errorf("the workbook is damaged: its part %s cannot be unpacked; open it in Excel (which may offer to repair it) and save it again", name)
	}
	r, err := f.OpenRaw()
	if err != nil {
		return fmt.Errorf("cannot read part %s: %w", name, err)
	}
	w, err := z.zw.CreateRaw(&zip.FileHeader{Name: name, Method: f.Method, CRC32: f.CRC32,
		CompressedSize64: f.CompressedSize64, UncompressedSize64: f.UncompressedSize64})
	if err != nil {
		return err
	}
	if _, err := io.Copy(w, r); err != nil {
		return fmt.Errorf("cannot copy part %s: %w", name, err)
	}
	return nil
}

// sortedTypesZip is excelize's zip writer with [Content_Types].xml in a
// fixed order, so that a new workbook is the same bytes every time.
type sortedTypesZip struct {
	zw  *zip.Writer
	buf *bytes.Buffer
}

func newSortedTypesZip(w io.Writer) *sortedTypesZip {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, flatepool.NewWriter)
	return &sortedTypesZip{zw: zw}
}

// Create starts a part.
func (z *sortedTypesZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	if name == contentTypesPart {
		z.buf = &bytes.Buffer{}
		return z.buf, nil
	}
	return z.zw.Create(name)
}

func (z *sortedTypesZip) flush() error {
	if z.buf == nil {
		return nil
	}
	w, err := z.zw.Create(contentTypesPart)
	if err == nil {
		_, err = w.Write(sortContentTypes(z.buf.Bytes()))
	}
	z.buf = nil
	return err
}

// AddFS is not used by excelize when saving a workbook.
func (z *sortedTypesZip) AddFS(fs.FS) error {
	return errors.New("adding a file system is not supported")
}

// Close writes the zip directory.
func (z *sortedTypesZip) Close() error {
	if err := z.flush(); err != nil {
		z.zw.Close()
		return err
	}
	return z.zw.Close()
}

package reader

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path"
	"strings"

	"github.com/pcs-tools/pcs/internal/flatepool"
)

// DefaultMaxUnzip is the most all parts of a workbook may inflate to when
// Options.MaxUnzip is 0.
const DefaultMaxUnzip int64 = 1 << 30

// Zip bomb limits: a part that inflates to more than bombRatio times its
// compressed size, once past bombFloor bytes, is refused (Apache POI's rule).
const (
	bombRatio = 100
	bombFloor = 1 << 20
)

// pkg is an open workbook package: the zip archive and its parts by name.
type pkg struct {
	file  *os.File
	zr    *zip.Reader
	parts map[string]*zip.File // by normalised name (lower case, no leading slash)
	// opened records the parts the reader has opened, by normalised name.
	opened map[string]bool
}

// openPackage opens the file as a zip archive, after making sure it is one,
// and refuses zip bombs from the sizes in the archive's directory, before
// inflating anything.
func openPackage(name string, maxUnzip int64) (*pkg, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, openError(err)
	}
	p, err := openFile(f, maxUnzip)
	if err != nil {
		f.Close()
		return nil, err
	}
	return p, nil
}

func openFile(f *os.File, maxUnzip int64) (*pkg, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, openError(err)
	}
	if st.IsDir() {
		return nil, &FileError{Kind: KindNotXLSX, Reason: msgFolder, Hint: hintChooseFile}
	}
	size := st.Size()
	if size == 0 {
		return nil, &FileError{Kind: KindNotXLSX, Reason: msgEmptyFile, Hint: hintEmptyFile}
	}
	head := make([]byte, min(size, 8<<10))
	if _, err := f.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return nil, openError(err)
	}
	if !bytes.HasPrefix(head, magicZip) {
		return nil, sniff(head, f, size)
	}
	zr, err := zip.NewReader(f, size)
	if err != nil {
		return nil, &FileError{Kind: KindDamaged, Reason: msgDamagedZip, Hint: hintDamaged}
	}
	zr.RegisterDecompressor(zip.Deflate, flatepool.NewReader)
	p := &pkg{file: f, zr: zr, parts: make(map[string]*zip.File, len(zr.File))}
	var total uint64
	for _, zf := range zr.File {
		u, c := zf.UncompressedSize64, zf.CompressedSize64
		if u > bombFloor && (c == 0 || u/bombRatio > c || (u/bombRatio == c && u%bombRatio > 0)) {
			return nil, &FileError{Kind: KindTooBig, Reason: msgZipBombRatio(zf.Name, u, c), Hint: hintZipBomb}
		}
		total += u
		if total > uint64(maxUnzip) || total < u {
			return nil, &FileError{Kind: KindTooBig, Reason: msgZipTooBig(maxUnzip), Hint: hintZipTooBig}
		}
		key := partKey(zf.Name)
		if prev := p.parts[key]; prev != nil && !strings.HasSuffix(key, "/") {
			// Part names ignore case (and the package has one of each): two
			// entries for one part leave which of them counts to chance.
			return nil, damaged(msgDuplicatePart(prev.Name, zf.Name))
		}
		p.parts[key] = zf
	}
	return p, nil
}

func openError(err error) *FileError {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return &FileError{Kind: KindNotXLSX, Reason: msgNoSuchFile, Hint: hintChooseFile}
	case errors.Is(err, os.ErrPermission):
		return &FileError{Kind: KindNotXLSX, Reason: msgNoPermission, Hint: hintPermission}
	}
	return &FileError{Kind: KindDamaged, Reason: msgCannotOpen, Hint: hintDamaged}
}

func (p *pkg) close() error { return p.file.Close() }

// partKey normalises a part name for lookup: part names are case-insensitive,
// and some programs write backslashes or a leading slash.
func partKey(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	return strings.ToLower(strings.TrimPrefix(name, "/"))
}

func (p *pkg) has(name string) bool { return p.parts[partKey(name)] != nil }

// open opens a part for reading; the zip reader stops at the part's declared
// size, which the bomb checks above have bounded.
func (p *pkg) open(name string) (io.ReadCloser, error) {
	zf := p.parts[partKey(name)]
	if zf == nil {
		return nil, os.ErrNotExist
	}
	if p.opened == nil {
		p.opened = map[string]bool{}
	}
	p.opened[partKey(name)] = true
	rc, err := zf.Open()
	if err != nil {
		return nil, &readError{err}
	}
	return rc, nil
}

// mimetype returns the first line of an OpenDocument "mimetype" entry.
func (p *pkg) mimetype() string {
	rc, err := p.open("mimetype")
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 200))
	return strings.TrimSpace(string(b))
}

// resolve returns the part a relationship target names, relative to the
// folder of the part that holds the relationship.
func resolve(from, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(path.Dir(from), target)), "/")
}

// relsOf returns the name of the relationships part of a part.
func relsOf(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

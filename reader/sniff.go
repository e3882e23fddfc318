package reader

import (
	"bytes"
	"io"
)

// The first bytes of the containers the reader tells apart.
var (
	magicZip = []byte("PK")
	magicCFB = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicPDF = []byte("%PDF-")
)

// sniff names what a file that is not a zip archive seems to be, from its
// first bytes (head) and, for an OLE container, its directory.
func sniff(head []byte, f io.ReaderAt, size int64) *FileError {
	switch {
	case bytes.HasPrefix(head, magicCFB):
		return sniffCFB(f, size)
	case bytes.HasPrefix(head, magicPDF):
		return notXLSX(seemsPDF)
	}
	text := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if !looksLikeText(text) {
		return notXLSX("")
	}
	lower := bytes.ToLower(text)
	trimmed := bytes.TrimLeft(lower, " \t\r\n")
	switch {
	case bytes.Contains(lower, []byte("urn:schemas-microsoft-com:office:spreadsheet")):
		return notXLSX(seemsXMLSpreadsheet)
	case bytes.HasPrefix(trimmed, []byte("<!doctype html")), bytes.Contains(lower, []byte("<html")),
		bytes.Contains(lower, []byte("<table")):
		return notXLSX(seemsHTML)
	case bytes.HasPrefix(trimmed, []byte("<?xml")), bytes.HasPrefix(trimmed, []byte("<")):
		return notXLSX(seemsXML)
	case bytes.HasPrefix(trimmed, []byte("{\\rtf")):
		return notXLSX(seemsRTF)
	case bytes.ContainsAny(text, ",;\t"):
		return notXLSX(seemsCSV)
	}
	return notXLSX(seemsText)
}

// looksLikeText reports whether head is text (in UTF-8 or a single-byte
// encoding): it has no control characters.
func looksLikeText(head []byte) bool {
	if len(head) == 0 {
		return false
	}
	for i := 0; i < len(head); i++ {
		c := head[i]
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return false
		}
	}
	return true
}

// cfbNames are UTF-16LE stream names found in an OLE (Compound File) container.
var (
	cfbEncryptedPackage = utf16le("EncryptedPackage")
	cfbEncryptionInfo   = utf16le("EncryptionInfo")
	cfbWorkbook         = utf16le("Workbook")
	cfbBook             = utf16le("Book")
	cfbWord             = utf16le("WordDocument")
	cfbPowerPoint       = utf16le("PowerPoint Document")
)

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// sniffCFB tells a password-protected .xlsx (an OLE container holding the
// EncryptionInfo and EncryptedPackage streams) from a legacy .xls, .doc or
// .ppt, by looking for the stream names in the container's directory.
func sniffCFB(f io.ReaderAt, size int64) *FileError {
	var found [6]bool
	names := [][]byte{cfbEncryptedPackage, cfbEncryptionInfo, cfbWorkbook, cfbBook, cfbWord, cfbPowerPoint}
	const chunk = 1 << 20
	const overlap = 64
	buf := make([]byte, chunk+overlap)
	for off := int64(0); off < size; off += chunk {
		n, err := f.ReadAt(buf, off)
		if n <= 0 && err != nil {
			break
		}
		for i, name := range names {
			if !found[i] && bytes.Contains(buf[:n], name) {
				found[i] = true
			}
		}
	}
	switch {
	case found[0] || found[1]:
		return &FileError{Kind: KindEncrypted, Reason: msgEncrypted, Hint: hintEncrypted}
	case found[2] || found[3]:
		return &FileError{Kind: KindNotXLSX, Reason: msgLegacyXLS, Hint: hintSaveAsXLSX}
	case found[4]:
		return notXLSX(seemsDoc)
	case found[5]:
		return notXLSX(seemsPpt)
	}
	return notXLSX(seemsOldOffice)
}

// sniffZip names what a zip archive that holds no workbook seems to be.
func sniffZip(p *pkg) *FileError {
	switch {
	case p.has("word/document.xml"):
		return notXLSX(seemsDocx)
	case p.has("ppt/presentation.xml"):
		return notXLSX(seemsPptx)
	case p.has("xl/workbook.bin"):
		return notXLSX(seemsXlsb)
	case p.has("content.xml") && p.has("mimetype"):
		if p.mimetype() == "application/vnd.oasis.opendocument.spreadsheet" {
			return notXLSX(seemsOds)
		}
		return notXLSX(seemsODF)
	}
	return notXLSX(seemsZip)
}

package report

import (
	"errors"
	"fmt"
	"os"
	"sync"

	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
)

// CJKFontEnv names the environment variable that gives the CJK font when no
// path is passed to LoadFonts.
const CJKFontEnv = "PCS_CJK_FONT"

// cjkFontPaths are the usual places of a TrueType font with Chinese, Japanese
// and Korean characters, tried in order when no font is named.
var cjkFontPaths = []string{
	"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", // Debian fonts-droid-fallback
	"/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",         // Debian fonts-ipafont-gothic
	"/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
	"/usr/share/fonts/truetype/arphic/uming.ttf",
	"/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
	"/usr/share/fonts/droid/DroidSansFallbackFull.ttf",
	"/usr/share/fonts/TTF/DroidSansFallbackFull.ttf",
	"/Library/Fonts/Arial Unicode.ttf",
	"/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
	`C:\Windows\Fonts\malgun.ttf`,
}

// Fonts are the fonts the PDFs draw with: the Go fonts compiled into the
// binary (Latin, Greek, Cyrillic) and, when one was found, a CJK TrueType font
// for the characters they lack. Load them once with LoadFonts and share them
// across goroutines: they are never modified.
type Fonts struct {
	regular, bold fontFace
	// cjk is the CJK font: loaded at once when it was named, else on first
	// need from cjkPath (a font found in the usual places), because reading
	// and checking a 4 MB font costs more than a whole scorecard and most
	// partners' names never need it. nil when there is none.
	cjk     *fontFace
	cjkPath string
	cjkOnce sync.Once
}

// cjkFace returns the CJK font, loading it on first use; nil when there is none.
func (f *Fonts) cjkFace() *fontFace {
	f.cjkOnce.Do(func() {
		if f.cjk == nil && f.cjkPath != "" {
			if face, err := loadFontFile(f.cjkPath); err == nil {
				f.cjk = face
			}
		}
	})
	return f.cjk
}

// fontFace is one TrueType font and the characters it can draw.
type fontFace struct {
	name string // for messages: "Go Regular" or the file's path
	data []byte
	sf   *sfnt.Font // safe for concurrent use, each caller with its own Buffer
	// covers has one bit per character of the Basic Multilingual Plane, set when
	// the font maps it to a glyph (fpdf draws nothing outside that plane).
	covers *[1 << 16 / 64]uint64
}

// has reports whether the font can draw r.
func (f *fontFace) has(r rune) bool {
	return f != nil && r >= 0 && r < 1<<16 && f.covers[r/64]&(1<<(uint(r)%64)) != 0
}

// CJK returns the path of the CJK font in use, or "" when there is none.
func (f *Fonts) CJK() string {
	if f == nil || f.cjkFace() == nil {
		return ""
	}
	return f.cjk.name
}

// LoadFonts loads the Go fonts and a CJK TrueType font: cjkPath when it is not
// empty (the --cjk-font flag), else the file named by PCS_CJK_FONT, else the
// first usable font in the usual system locations. A font that is named but
// cannot be used is an error; finding none is only a warning, and names that
// need it are then reported by WriteScorecard.
func LoadFonts(cjkPath string) (*Fonts, []string, error) {
	f := &Fonts{}
	var err error
	if f.regular, err = goFace("Go Regular", goregular.TTF); err != nil {
		return nil, nil, err
	}
	if f.bold, err = goFace("Go Bold", gobold.TTF); err != nil {
		return nil, nil, err
	}
	from := ""
	if cjkPath == "" {
		cjkPath, from = os.Getenv(CJKFontEnv), " named by "+CJKFontEnv
	}
	if cjkPath != "" {
		face, err := loadFontFile(cjkPath)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot use the CJK font%s: %w", from, err)
		}
		f.cjk = face
		return f, nil, nil
	}
	for _, p := range cjkFontPaths {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
			f.cjkPath = p // loaded on first need; an unusable one counts as none
			return f, nil, nil
		}
	}
	warn := "no CJK font found; Chinese, Japanese and Korean names will be reported, not drawn " +
		"(install fonts-droid-fallback, or give --cjk-font or " + CJKFontEnv + " a TrueType font)"
	return f, []string{warn}, nil
}

// goFace makes a face of a Go font compiled into the binary: it is known to
// embed, so only its character coverage is computed.
func goFace(name string, data []byte) (fontFace, error) {
	sf, err := sfnt.Parse(data)
	if err != nil {
		return fontFace{}, fmt.Errorf("%s: %w", name, err)
	}
	face := fontFace{name: name, data: data, sf: sf, covers: new([1 << 16 / 64]uint64)}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 1<<16; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if gi, err := sf.GlyphIndex(&buf, r); err == nil && gi != 0 {
			face.covers[r/64] |= 1 << (uint(r) % 64)
		}
	}
	return face, nil
}

// loadFontFile reads and checks a TrueType font file.
func loadFontFile(path string) (*fontFace, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	face, err := newFontFace(path, data)
	if err != nil {
		return nil, err
	}
	return &face, nil
}

// newFontFace checks that fpdf can embed the font and records the characters it has.
func newFontFace(name string, data []byte) (fontFace, error) {
	if err := checkTrueType(data); err != nil {
		return fontFace{}, fmt.Errorf("%s: %w", name, err)
	}
	sf, err := sfnt.Parse(data)
	if err != nil {
		return fontFace{}, fmt.Errorf("%s: not a usable TrueType font (%v)", name, err)
	}
	face := fontFace{name: name, data: data, sf: sf, covers: new([1 << 16 / 64]uint64)}
	var buf sfnt.Buffer
	var covered []rune
	for r := rune(0x20); r < 1<<16; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates are not characters
		}
		if gi, err := sf.GlyphIndex(&buf, r); err == nil && gi != 0 {
			face.covers[r/64] |= 1 << (uint(r) % 64)
			covered = append(covered, r)
		}
	}
	if len(covered) == 0 {
		return fontFace{}, fmt.Errorf("%s: %w", name, errFontDamaged("it maps no character to a glyph"))
	}
	// Embed a sample spread over the whole font once, to refuse a font fpdf
	// cannot subset now rather than while a scorecard is drawn.
	sample := make([]rune, 0, 64)
	for i := 0; i < len(covered); i += max(1, len(covered)/64) {
		sample = append(sample, covered[i])
	}
	if err := tryEmbed(data, string(sample)); err != nil {
		return fontFace{}, fmt.Errorf("%s: %w", name, err)
	}
	return face, nil
}

// faceFor returns the font that draws r in the given weight: the Go font when
// it has the character, else the CJK font; nil when no font has it.
func (f *Fonts) faceFor(r rune, bold bool) *fontFace {
	main := &f.regular
	if bold {
		main = &f.bold
	}
	switch {
	case main.has(r):
		return main
	case bold && f.regular.has(r):
		return &f.regular
	case f.cjkFace().has(r):
		return f.cjk
	}
	return nil
}

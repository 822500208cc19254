package tag

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Fold returns s as the matcher sees it: NFKC-normalised and case folded;
// Arabic-script letter variants unified (Arabic yeh and alef maksura to
// Farsi yeh, Arabic kaf to keheh, heh to heh goal), Arabic-Indic digits
// made ASCII; tatweel, harakat and format characters (ZWNJ, ZWJ, zero-width
// space, BOM, bidi marks, soft hyphen) removed; every run of characters
// other than letters, marks and digits (spaces, hyphens, punctuation,
// apostrophes) replaced by one space, or by one newline when the run holds
// a line break; no separator at either end.
func Fold(s string) string {
	var f folder
	var w canonWriter
	f.appendField(&w, s)
	return string(w.dst)
}

// folder writes canonical text. The zero value is ready; it is not safe for
// concurrent use (it keeps scratch space and a case folder).
type folder struct {
	caser    cases.Caser
	hasCaser bool
	seg      []byte
}

// appendField appends the canonical form of s, a field of its own, to w.
func (f *folder) appendField(w *canonWriter, s string) {
	w.beginField(len(s))
	tbl := runeTable()
	for i := 0; i < len(s); {
		// Runs of ASCII: each character a unit of its own as long as the
		// next one is ASCII too.
		if s[i] < utf8.RuneSelf && (i+1 == len(s) || s[i+1] < utf8.RuneSelf) {
			i = w.asciiRun(s, i)
		}
		if i >= len(s) {
			break
		}
		r, size := decode(s, i)
		j := i + size
		next := true // s[j:] starts a normalisation unit
		if j < len(s) && s[j] >= utf8.RuneSelf {
			nr, _ := decode(s, j)
			next = nr < 0x10000 && tbl[nr]&rBoundaryBefore != 0
		}
		switch {
		case next && r < utf8.RuneSelf:
			w.asciiFast(byte(r), i)
		case next && r < 0x10000 && tbl[r]&(rPlainWord|rNoSpace) == rPlainWord:
			// Already normal, caseless, unmapped letters of a spaced script
			// (Arabic, Devanagari...): the whole run is copied as is.
			last := i
			for j < len(s) && s[j] >= utf8.RuneSelf {
				nr, nsize := decode(s, j)
				if nr >= 0x10000 || tbl[nr]&(rPlainWord|rNoSpace) != rPlainWord {
					if nr < 0x10000 && tbl[nr]&rBoundaryBefore == 0 && last > i {
						j = last // the last letter combines with what follows
					}
					break
				}
				last, j = j, j+nsize
			}
			w.span(s[i:j], i)
		case next && r < 0x10000 && tbl[r]&rPlainWord != 0:
			w.word(s[i:j], i, true)
		case next && r < 0x10000 && tbl[r]&rStable != 0:
			f.rune(w, r, i)
		default:
			// A segment needing normalisation: all it produces maps to its start.
			j = i + norm.NFKC.NextBoundaryInString(s[i:], true)
			if j <= i {
				j = i + size
			}
			f.seg = norm.NFKC.AppendString(f.seg[:0], s[i:j])
			for x := 0; x < len(f.seg); {
				r, size := utf8.DecodeRune(f.seg[x:])
				if r < utf8.RuneSelf {
					w.asciiFast(byte(r), i)
				} else {
					f.rune(w, r, i)
				}
				x += size
			}
		}
		i = j
	}
}

// rune writes one non-ASCII character found at offset at.
func (f *folder) rune(w *canonWriter, r rune, at int) {
	r = mapRune(r)
	switch {
	case r < 0:
		return
	case r < utf8.RuneSelf:
		w.asciiFast(byte(r), at)
	case isWordRune(r):
		var buf [4 * utf8.UTFMax]byte
		var b []byte
		if mayHaveCase(r) && unicode.SimpleFold(r) != r {
			b = f.foldCase(buf[:0], r)
		} else {
			b = utf8.AppendRune(buf[:0], r)
		}
		w.word(string(b), at, isNoSpace(r))
	case r == 0x2028 || r == 0x2029 || r == 0x85:
		w.sep = '\n'
	default:
		if w.sep <= sepBoundary {
			w.sep = ' '
		}
	}
}

// foldCase appends the full case folding of r (ß folds to "ss").
func (f *folder) foldCase(dst []byte, r rune) []byte {
	if !f.hasCaser {
		f.caser, f.hasCaser = cases.Fold(), true
	}
	var in [utf8.UTFMax]byte
	var out [4 * utf8.UTFMax]byte
	n := utf8.EncodeRune(in[:], r)
	f.caser.Reset()
	nDst, _, err := f.caser.Transform(out[:], in[:n], true)
	if err != nil {
		return utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return append(dst, out[:nDst]...)
}

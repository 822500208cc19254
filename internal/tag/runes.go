package tag

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Flags of a BMP character in the rune table.
const (
	rBoundaryBefore = 1 << iota // NFKC: does not combine with what precedes
	rStable                     // rBoundaryBefore, no combining class and unchanged by NFKC
	rPlainWord                  // a word character written as is: no case, no mapping
	rNoSpace                    // a character of a script written without spaces
)

// runeTable holds the flags of every BMP character, computed once from the
// Unicode tables (read-only afterwards).
var runeTable = sync.OnceValue(func() *[0x10000]uint8 {
	var t [0x10000]uint8
	var buf [utf8.UTFMax]byte
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		n := utf8.EncodeRune(buf[:], r)
		p := norm.NFKC.Properties(buf[:n])
		if !p.BoundaryBefore() {
			continue
		}
		t[r] |= rBoundaryBefore
		// Stable: a unit of its own (the next character permitting) that
		// NFKC leaves as is. Precomposed letters count (Urdu alef madda,
		// yeh hamza: NFKC decomposes and recomposes them).
		if p.CCC() != 0 || len(p.Decomposition()) != 0 && norm.NFKC.String(string(r)) != string(r) {
			continue
		}
		t[r] |= rStable
		if r >= utf8.RuneSelf && isWordRune(r) && mapRune(r) == r && (!mayHaveCase(r) || unicode.SimpleFold(r) == r) {
			t[r] |= rPlainWord
		}
		if isNoSpace(r) {
			t[r] |= rNoSpace
		}
	}
	return &t
})

// mapRune unifies the letter variants of Arabic-script text and drops
// characters invisible to readers; -1 means drop.
func mapRune(r rune) rune {
	if r >= 0x0E00 && r < 0x2000 || r >= 0x2070 && r < 0xFEFF {
		return r // nothing to map: Thai to Greek extended, CJK, most symbols
	}
	switch {
	case r == 0x064A || r == 0x0649: // Arabic yeh, alef maksura
		return 0x06CC // Farsi yeh, as Urdu writes it
	case r == 0x0643: // Arabic kaf
		return 0x06A9 // keheh
	case r == 0x0647 || r == 0x06D5: // Arabic heh, ae
		return 0x06C1 // heh goal; heh doachashmee (aspiration) stays distinct
	case r == 0x0640: // tatweel
		return -1
	case r >= 0x064B && r <= 0x065F, r == 0x0670: // harakat, superscript alef
		return -1
	case r >= 0x0660 && r <= 0x0669:
		return '0' + r - 0x0660
	case r >= 0x06F0 && r <= 0x06F9:
		return '0' + r - 0x06F0
	case r >= 0x0966 && r <= 0x096F: // Devanagari digits
		return '0' + r - 0x0966
	case r >= 0x00AD && unicode.Is(unicode.Cf, r): // ZWNJ, ZWJ, ZWSP, BOM, bidi marks, soft hyphen
		return -1
	}
	return r
}

// isWordRune reports characters that make up words: letters, combining
// marks (Devanagari vowel signs, viramas) and digits.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x0620 && r <= 0x064A && r != 0x0640, r >= 0x0671 && r <= 0x06D3:
		return true // CJK ideographs, Arabic-script letters: the common cases
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

// mayHaveCase is false for blocks without letter case, sparing the case
// tables: Hebrew to Myanmar (Arabic, Devanagari, Thai...), CJK, kana, Hangul.
func mayHaveCase(r rune) bool {
	return !(r >= 0x0590 && r < 0x10A0 || r >= 0x3000 && r < 0xA640 || r >= 0xAC00 && r < 0xD7A4)
}

// isNoSpace reports characters of scripts written without spaces between
// words; each behaves as a word of its own, so keywords in them match as
// substrings.
func isNoSpace(r rune) bool {
	if r < 0x0E00 {
		return false
	}
	if r >= 0x4E00 && r <= 0x9FFF { // CJK unified ideographs, the common case
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai,
		unicode.Lao, unicode.Khmer, unicode.Myanmar) || r == 0x30FC // katakana long vowel mark
}

// isBoundary reports whether canonical text buf has a word boundary at i.
func isBoundary(buf []byte, i int) bool {
	if i <= 0 || i >= len(buf) {
		return true
	}
	p, c := buf[i-1], buf[i]
	if p == ' ' || p == '\n' || c == ' ' || c == '\n' {
		return true
	}
	if p < utf8.RuneSelf && c < utf8.RuneSelf {
		return false
	}
	pr, _ := utf8.DecodeLastRune(buf[:i])
	cr, _ := utf8.DecodeRune(buf[i:])
	return isNoSpace(pr) || isNoSpace(cr)
}

// decode is utf8.DecodeRuneInString(s[i:]) with the two- and three-byte
// forms inline.
func decode(s string, i int) (rune, int) {
	b := s[i]
	switch {
	case b < utf8.RuneSelf:
		return rune(b), 1
	case b >= 0xC2 && b < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
		return rune(b&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	case b >= 0xE0 && b < 0xF0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
		r := rune(b&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r >= 0xE000) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

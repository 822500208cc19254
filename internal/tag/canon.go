package tag

import (
	"encoding/binary"
	"slices"
	"unicode/utf8"
)

// canonWriter accumulates canonical text, holding back separators until a
// word follows so that runs collapse and ends stay clean. With track it also
// keeps the offset in dst of every word start (every character, in scripts
// without spaces) and, for each, the offset in the field text of the
// character that produced it: matches begin at word starts, so that is all
// the position map a hit needs.
type canonWriter struct {
	dst    []byte
	words  []int32 // word starts in dst
	wordAt []int32 // per word start, its offset in the field text
	track  bool
	start  int  // len(dst) when this field began
	sep    byte // pending: 0, sepBoundary, ' ' or '\n'
}

// sepBoundary is a pending word boundary that writes no byte: at the start
// of a field and next to characters of scripts without spaces.
const sepBoundary = 1

// beginField prepares for a field of n bytes.
func (w *canonWriter) beginField(n int) {
	w.start, w.sep = len(w.dst), sepBoundary
	w.dst = slices.Grow(w.dst, n+1)
}

// asciiRun writes the ASCII characters of s from i on that are followed by
// another ASCII character (or end s), and returns where it stopped. ASCII
// output is never longer than its input, so room is made once and bytes are
// stored without append.
func (w *canonWriter) asciiRun(s string, i int) int {
	lim := i
	for lim+8 <= len(s) && binary.LittleEndian.Uint64([]byte(s[lim:lim+8]))&0x8080808080808080 == 0 {
		lim += 8
	}
	for lim < len(s) && s[lim] < utf8.RuneSelf {
		lim++
	}
	if lim < len(s) {
		lim-- // followed by a non-ASCII character, which may combine with it
	}
	room := lim - i + 1
	w.dst = slices.Grow(w.dst, room)
	dst, n := w.dst[:cap(w.dst)], len(w.dst)
	sep := w.sep
	s = s[:lim]
	// All bytes here are ASCII: & 0x7f changes none and spares the table's
	// bounds checks.
	for i < len(s) {
		v := asciiFold[s[i]&0x7f]
		if v <= ' ' {
			if v == '\n' {
				sep = '\n'
			} else if sep <= sepBoundary {
				sep = ' '
			}
			i++
			continue
		}
		if sep != 0 {
			if sep > sepBoundary && n > w.start {
				dst[n] = sep
				n++
			}
			if w.track {
				w.words = append(w.words, int32(n))
				w.wordAt = append(w.wordAt, int32(i))
			}
			sep = 0
		}
		// The rest of the word.
		for {
			dst[n] = v
			n++
			i++
			if i >= len(s) {
				break
			}
			if v = asciiFold[s[i]&0x7f]; v <= ' ' {
				break
			}
		}
	}
	w.dst, w.sep = dst[:n], sep
	return i
}

// asciiFast writes one ASCII character.
func (w *canonWriter) asciiFast(b byte, at int) {
	switch v := asciiFold[b]; v {
	case ' ':
		if w.sep <= sepBoundary {
			w.sep = ' '
		}
	case '\n':
		w.sep = '\n'
	default:
		w.sepBefore(at)
		w.dst = append(w.dst, v)
	}
}

// span writes word characters s, found at offset at, as they are.
func (w *canonWriter) span(s string, at int) {
	w.sepBefore(at)
	w.dst = append(w.dst, s...)
}

// word writes the bytes of one word character found at offset at;
// noSpace marks a character that is a word of its own.
func (w *canonWriter) word(b string, at int, noSpace bool) {
	if noSpace && w.sep == 0 {
		w.sep = sepBoundary
	}
	w.sepBefore(at)
	w.dst = append(w.dst, b...)
	if noSpace {
		w.sep = sepBoundary
	}
}

// sepBefore writes the pending separator before a word character found
// at offset at and records a word start.
func (w *canonWriter) sepBefore(at int) {
	if w.sep == 0 {
		return
	}
	if w.sep > sepBoundary && len(w.dst) > w.start {
		w.dst = append(w.dst, w.sep)
	}
	if w.track {
		w.words = append(w.words, int32(len(w.dst)))
		w.wordAt = append(w.wordAt, int32(at))
	}
	w.sep = 0
}

// asciiFold maps each ASCII byte to its folded letter or digit, or to the
// separator it stands for (' ' or '\n').
const asciiFold = "\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x0a\x0a\x0a\x0a\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x200123456789\x20\x20\x20\x20\x20\x20\x20abcdefghijklmnopqrstuvwxyz\x20\x20\x20\x20\x20\x20abcdefghijklmnopqrstuvwxyz\x20\x20\x20\x20\x20"

package tag

import (
	"encoding/binary"
	"slices"
	"unicode/utf8"
)

// canonWriter accumulates canonical text, holding back separators until a
// word follows so that runs collapse and ends stay clean. With track it also
// keeps, per byte, the offset in the field text of the character that
// produced it (separators: the first character of their run), and the
// offset of every word start (every character, in scripts without spaces).
type canonWriter struct {
	dst   []byte
	pos   []int32
	words []int32
	track bool
	start int  // len(dst) when this field began
	sep   byte // pending: 0, sepBoundary, ' ' or '\n'
	sepAt int
}

// sepBoundary is a pending word boundary that writes no byte: at the start
// of a field and next to characters of scripts without spaces.
const sepBoundary = 1

// beginField prepares for a field of n bytes.
func (w *canonWriter) beginField(n int) {
	w.start, w.sep = len(w.dst), sepBoundary
	w.dst = slices.Grow(w.dst, n+1)
	if w.track {
		w.pos = slices.Grow(w.pos, n+1)
	}
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
	var pos []int32
	if w.track {
		w.pos = slices.Grow(w.pos, room)
		pos = w.pos[:cap(w.pos)]
	}
	sep, sepAt := w.sep, w.sepAt
	for i < lim {
		v := asciiFold[s[i]]
		if v <= ' ' {
			if v == '\n' {
				sep, sepAt = '\n', i
			} else if sep <= sepBoundary {
				sep, sepAt = ' ', i
			}
			i++
			continue
		}
		if sep != 0 {
			if sep > sepBoundary && n > w.start {
				dst[n] = sep
				if pos != nil {
					pos[n] = int32(sepAt)
				}
				n++
			}
			if pos != nil {
				w.words = append(w.words, int32(n))
			}
			sep = 0
		}
		// The rest of the word.
		for {
			dst[n] = v
			if pos != nil {
				pos[n] = int32(i)
			}
			n++
			i++
			if i >= lim {
				break
			}
			if v = asciiFold[s[i]]; v <= ' ' {
				break
			}
		}
	}
	w.dst, w.sep, w.sepAt = dst[:n], sep, sepAt
	if pos != nil {
		w.pos = pos[:n]
	}
	return i
}

// asciiFast writes one ASCII character.
func (w *canonWriter) asciiFast(b byte, at int) {
	switch v := asciiFold[b]; v {
	case ' ':
		if w.sep <= sepBoundary {
			w.sep, w.sepAt = ' ', at
		}
	case '\n':
		w.sep, w.sepAt = '\n', at
	default:
		w.sepBefore()
		w.dst = append(w.dst, v)
		if w.track {
			w.pos = append(w.pos, int32(at))
		}
	}
}

// span writes word characters s, found at offset at, as they are.
func (w *canonWriter) span(s string, at int) {
	w.sepBefore()
	w.dst = append(w.dst, s...)
	if w.track {
		for k := range len(s) {
			w.pos = append(w.pos, int32(at+k))
		}
	}
}

// word writes the bytes of one word character found at offset at;
// noSpace marks a character that is a word of its own.
func (w *canonWriter) word(b string, at int, noSpace bool) {
	if noSpace && w.sep == 0 {
		w.sep = sepBoundary
	}
	w.sepBefore()
	w.dst = append(w.dst, b...)
	if w.track {
		for range len(b) {
			w.pos = append(w.pos, int32(at))
		}
	}
	if noSpace {
		w.sep = sepBoundary
	}
}

// sepBefore writes the pending separator before a word character and
// records a word start.
func (w *canonWriter) sepBefore() {
	if w.sep == 0 {
		return
	}
	if w.sep > sepBoundary && len(w.dst) > w.start {
		w.dst = append(w.dst, w.sep)
		if w.track {
			w.pos = append(w.pos, int32(w.sepAt))
		}
	}
	if w.track {
		w.words = append(w.words, int32(len(w.dst)))
	}
	w.sep = 0
}

// asciiFold maps each ASCII byte to its folded letter or digit, or to the
// separator it stands for (' ' or '\n').
const asciiFold = "\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x0a\x0a\x0a\x0a\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x20\x200123456789\x20\x20\x20\x20\x20\x20\x20abcdefghijklmnopqrstuvwxyz\x20\x20\x20\x20\x20\x20abcdefghijklmnopqrstuvwxyz\x20\x20\x20\x20\x20"

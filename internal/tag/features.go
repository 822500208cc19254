package tag

import "unicode/utf8"

// The classifier's features: hashed character n-grams (4 characters,
// spaces included, so that word starts and ends count and spelling variants
// share most of their grams; 2 to 4 in scripts written without spaces, so
// that Chinese needs no segmenter) and hashed word unigrams and bigrams, of
// the canonical text of an item's title and the start of its summary.

const (
	hashBits  = 17 // each classifier's weight table has 1<<hashBits entries
	hashShift = 64 - hashBits
	maxGram   = 4
	// Character grams are of maxGram characters, spaces included, or from
	// minGram on where they end in a script written without spaces (where
	// two characters are often a word). Shorter grams in other scripts
	// cost time and, measured on the tuning half, taught nothing more.
	minGram = 2
	// summaryBytes bounds the canonical summary text classified: about
	// the first sentence. 200 did as well as 400 in cross-validation on
	// the tuning half of testdata/eval (diplomacy a little better) and
	// costs less on headlines with their first sentence.
	summaryBytes = 200
	// maskByte stands for a keyword of the topic masked out of the text,
	// so that the classifier learns what surrounds its keywords.
	maskByte = 0x01
)

// Seeds of the hash families, so that a character gram and a word that
// spell alike do not share a slot.
const (
	seedChar uint64 = 0x9E3779B97F4A7C15
	seedWord uint64 = 0xC2B2AE3D27D4EB4F
	hashMul  uint64 = 0xFF51AFD7ED558CCD
)

// span is where a feature's text lies in the classified bytes.
type span struct{ start, end int32 }

func mix(h uint64, v uint64) uint64 { return (h ^ v) * hashMul }

// slot is the table slot of a gram hash: its top bits, which the last
// multiplication of mix has mixed best.
func slot(h uint64) uint32 { return uint32(h >> hashShift) }

// featurize appends the feature slots of canonical text b to dst; with
// spans set it also records where each feature's text lies in b.
func featurize(dst []uint32, b []byte, spans *[]span) []uint32 {
	// Character grams: the hash of the gram of g characters ending here
	// extends that of g-1 characters ending at the previous one. Line
	// breaks count as spaces.
	var last, cur [maxGram + 1]uint64
	var at [maxGram]int32
	n := 0
	prevSpace := true
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		if r == '\n' {
			r = ' '
		}
		if r == ' ' && prevSpace {
			i += size
			continue
		}
		prevSpace = r == ' '
		copy(at[:], at[1:])
		at[maxGram-1] = int32(i)
		n++
		i += size
		cur[1] = mix(seedChar, uint64(r))
		noSpace := r >= 0x0E00 && isNoSpace(r)
		for g := 2; g <= min(n, maxGram); g++ {
			cur[g] = mix(last[g-1], uint64(r))
			if g < maxGram && !(noSpace && g >= minGram) {
				continue
			}
			dst = append(dst, slot(mix(cur[g], uint64(g))))
			if spans != nil {
				*spans = append(*spans, span{at[maxGram-g], int32(i)})
			}
		}
		last = cur
	}
	// Words and word pairs, in scripts written with spaces.
	var prev uint64
	prevStart := int32(-1)
	for i := 0; i < len(b); {
		for i < len(b) && (b[i] == ' ' || b[i] == '\n') {
			if b[i] == '\n' {
				prevStart = -1
			}
			i++
		}
		start := i
		h := seedWord
		for i < len(b) && b[i] != ' ' && b[i] != '\n' {
			h = mix(h, uint64(b[i]))
			i++
		}
		if i == start || noSpaceWord(b[start:i]) {
			prevStart = -1
			continue
		}
		dst = append(dst, slot(h))
		if spans != nil {
			*spans = append(*spans, span{int32(start), int32(i)})
		}
		if prevStart >= 0 {
			dst = append(dst, slot(mix(prev, h)))
			if spans != nil {
				*spans = append(*spans, span{prevStart, int32(i)})
			}
		}
		prev, prevStart = h, int32(start)
	}
	return dst
}

// noSpaceWord reports a "word" of a script written without spaces (its
// character grams already say everything).
func noSpaceWord(w []byte) bool {
	if w[0] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRune(w)
	return isNoSpace(r)
}

// classifiedText is the part of canonical item text buf that classifiers
// read: the title and the first summaryBytes of the summary, with the
// given spans (sorted, not overlapping) replaced by maskByte, written to
// dst.
func classifiedText(dst, buf []byte, starts *[numFields + 1]int, masked []span) []byte {
	dst = dst[:0]
	end := starts[fieldSummary+1]
	if end > starts[fieldSummary] && buf[end-1] == '\n' {
		end--
	}
	if end-starts[fieldSummary] > summaryBytes {
		end = starts[fieldSummary] + summaryBytes
		for end > starts[fieldSummary] && !utf8.RuneStart(buf[end]) {
			end--
		}
	}
	pos := starts[fieldTitle]
	for _, m := range masked {
		if s := int(m.start); s >= pos && s < end {
			dst = append(dst, buf[pos:s]...)
			dst = append(dst, maskByte)
			pos = min(int(m.end), end)
		}
	}
	return append(dst, buf[pos:end]...)
}

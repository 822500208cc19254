package dedup

import (
	"encoding/binary"
	"math/bits"
	"slices"
)

// Signature layout (version 2), at most sigMaxLen bytes:
//
//	[0]      version
//	[1:3]    distinct shingle count, uint16 little-endian, capped
//	[3:131]  numHashes b-bit MinHash values, uint16 each
//	[131]    n, then n uint16 headline-and-lead word hashes, sorted
//	[.]      m, then m uint16 entity hashes, sorted; the top bit marks numbers
//	[.]      h, then h uint16 headline shingle hashes, sorted
//	[.]      k, then k uint16 shingle hashes of the text's beginning, sorted
//	[.]      flags: bit 0 set when those are all the text's shingles, bit 1
//	         when the headline labels an analysis or opinion piece
//
// Version 1 (stored before lead containment) ends after the entities; it
// decodes with no lead shingles, so such an item never joins by lead
// containment.
const (
	sigVersion  = 2
	sigVersion1 = 1
	numHashes   = 64
	maxLead     = 32
	maxEntity   = 40
	sigMaxLen   = 3 + 2*numHashes + 1 + 2*maxLead + 1 + 2*maxEntity + 1 + 2*maxHeadShingles + 1 + 2*maxHanShingles + 1
	numberBit   = 1 << 15
	flagWhole   = 1 // the body shingles are all the text's
	flagComment = 2 // an analysis or opinion piece
)

// signature is the decoded form of a Sig.
type signature struct {
	shingles int
	mins     [numHashes]uint16
	lead     []uint16 // sorted, distinct
	entities []uint16 // sorted, distinct; numberBit set on numbers
	// The lead shingles, sorted, distinct: of the headline, and of the
	// text's beginning. Decoded, head is merged into leadAll and left
	// nil, and body is kept only for a short item.
	head, body []uint16
	complete   bool // body holds all the text's shingles
	comment    bool // an analysis or opinion piece (isCommentary)

	// Derived by decode, for compare: the entities split into names and
	// numbers, and those of each that stand in the headline or lead; the
	// minimums four to a word, for sameMins.
	names, numbers         []uint16
	leadNames, leadFigures []uint16
	packed                 [numHashes / 4]uint64
	leadAll                []uint16  // head and body together
	leadMask               [4]uint64 // a bit per value of leadAll, by its low 8 bits
}

// sameMins counts the MinHash values two decoded signatures share, four
// at a time: a 16-bit lane of x = a^b is zero exactly when its high bit
// is set in ^((x&low)+low | x | low), low being 0x7fff in every lane
// (no carry crosses lanes).
func sameMins(a, b *signature) int {
	const low = 0x7fff7fff7fff7fff
	n := 0
	for i := range a.packed {
		x := a.packed[i] ^ b.packed[i]
		n += bits.OnesCount64(^((x & low) + low | x | low))
	}
	return n
}

// encode packs s into its stored form.
func (s *signature) encode() []byte {
	b := make([]byte, 0, 3+2*numHashes+5+2*(len(s.lead)+len(s.entities)+len(s.head)+len(s.body)))
	b = append(b, sigVersion)
	b = binary.LittleEndian.AppendUint16(b, uint16(min(s.shingles, 0xffff)))
	for _, m := range s.mins {
		b = binary.LittleEndian.AppendUint16(b, m)
	}
	for _, set := range [][]uint16{s.lead, s.entities, s.head, s.body} {
		b = append(b, byte(len(set)))
		for _, v := range set {
			b = binary.LittleEndian.AppendUint16(b, v)
		}
	}
	var flags byte
	if s.complete {
		flags |= flagWhole
	}
	if s.comment {
		flags |= flagComment
	}
	return append(b, flags)
}

// decode unpacks a stored Sig; ok is false for anything that is not a
// well-formed signature of this version (a foreign or corrupt BLOB never
// matches anything).
func decode(b []byte) (s signature, ok bool) {
	const head = 3 + 2*numHashes
	if len(b) < head+2 || (b[0] != sigVersion && b[0] != sigVersion1) {
		return s, false
	}
	s.shingles = int(binary.LittleEndian.Uint16(b[1:3]))
	for i := range s.mins {
		s.mins[i] = binary.LittleEndian.Uint16(b[3+2*i:])
	}
	rest := b[head:]
	// The sets' sizes first, so that one array of the right size holds
	// what is kept of them (the index keeps a decoded signature per
	// recent item): the lead words, the entities, the body shingles of a
	// short item (a long item's are only ever looked up in, merged with
	// its headline's), and head and body merged (leadAll).
	var sizes [4]int
	nsets := len(sizes)
	if b[0] == sigVersion1 {
		nsets = 2
	}
	p := rest
	for k := range nsets {
		if len(p) < 1 || len(p) < 1+2*int(p[0]) {
			return s, false
		}
		sizes[k] = int(p[0])
		p = p[1+2*sizes[k]:]
	}
	if b[0] == sigVersion {
		if len(p) != 1 {
			return s, false
		}
		s.complete, s.comment = p[0]&flagWhole != 0, p[0]&flagComment != 0
	} else if len(p) != 0 {
		return s, false
	}
	keptBody := 0
	if s.complete {
		keptBody = sizes[3]
	}
	buf := make([]uint16, 0, sizes[0]+sizes[1]+keptBody+sizes[2]+sizes[3])
	var scratch [2][255]uint16
	read := func(n int, dst []uint16) []uint16 {
		for i := range n {
			dst = append(dst, binary.LittleEndian.Uint16(rest[1+2*i:]))
		}
		rest = rest[1+2*n:]
		return dst
	}
	keep := func(n int) []uint16 {
		start := len(buf)
		buf = read(n, buf)
		return buf[start:len(buf):len(buf)]
	}
	s.lead, s.entities = keep(sizes[0]), keep(sizes[1])
	if nsets == 4 {
		headSet := read(sizes[2], scratch[0][:0])
		bodySet := read(sizes[3], scratch[1][:0])
		if s.complete {
			start := len(buf)
			buf = append(buf, bodySet...)
			s.body = buf[start:len(buf):len(buf)]
		}
		if len(headSet)+len(bodySet) > 0 {
			s.leadAll = union(buf[len(buf):len(buf)], headSet, bodySet)
			for _, v := range s.leadAll {
				s.leadMask[v>>6&3] |= 1 << (v & 63)
			}
		}
	}
	for i := range s.packed {
		m := s.mins[4*i : 4*i+4]
		s.packed[i] = uint64(m[0]) | uint64(m[1])<<16 | uint64(m[2])<<32 | uint64(m[3])<<48
	}
	s.names, s.numbers = split(s.entities)
	s.leadNames, s.leadFigures = inLead(&s, s.names), inLead(&s, s.numbers)
	return s, true
}

// union appends to dst the values of two sorted sets, sorted, each once.
func union(dst, a, b []uint16) []uint16 {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			dst = append(dst, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			dst = append(dst, b[j])
			j++
		default:
			dst = append(dst, a[i])
			i, j = i+1, j+1
		}
	}
	return dst
}

// sortedSet sorts and deduplicates v in place.
func sortedSet(v []uint16) []uint16 {
	slices.Sort(v)
	return slices.Compact(v)
}

// intersect counts the common values of two sorted sets. The merge steps
// without branches on the comparison, which is a coin toss on these sets
// (a quarter faster; it is the hottest loop of matching).
func intersect(a, b []uint16) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		le, ge := x <= y, x >= y
		i += b2i(le)
		j += b2i(ge)
		n += b2i(le && ge)
	}
	return n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

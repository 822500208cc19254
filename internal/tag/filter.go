package tag

import "encoding/binary"

// The filters that spare the trie most words of a text: a word is walked
// only when a pattern may begin with it.

// prefixStart reports whether a single-word prefix pattern may begin word w.
func (t *trie) prefixStart(w []byte) bool {
	for l := 1; l <= maxPrefixKey && t.plens>>l != 0; l++ {
		if t.plens&(1<<l) != 0 && len(w) >= l && t.prefixes.has(prefixKey(w[:l])) {
			return true
		}
	}
	return false
}

// wordTable maps the first words of patterns to the trie node reached
// after them: open addressing on the word's hash, confirmed byte for byte.
// A slot also holds what a scan most often needs of that node, so that the
// node itself (far away in a large trie) is seldom read: the pattern
// ending there and its child by a space.
type wordTable struct {
	slots []wordSlot
	text  []byte // the words, concatenated
	mask  uint64
}

type wordSlot struct {
	hash       uint32 // 0: empty
	node       int32
	pattern    int32 // nodes[node].pattern
	space      int32 // child of node by ' ', 0 for none
	off        int32 // the word is text[off:off+len]
	len        uint16
	spaceTail  bool // nodes[space].prefixTail
	overlength bool // the word is longer than len can say: never found
}

func newWordTable(n int) wordTable {
	size := uint64(16)
	for size < uint64(n)*2 {
		size <<= 1
	}
	return wordTable{slots: make([]wordSlot, size), mask: size - 1}
}

// slotHash is the part of word hash h kept in a slot, never 0.
func slotHash(h uint64) uint32 { return uint32(h>>32) | 1 }

func (wt *wordTable) add(h uint64, w string, sl wordSlot) {
	sl.hash, sl.off, sl.len = slotHash(h), int32(len(wt.text)), uint16(len(w))
	sl.overlength = len(w) > 0xFFFF
	for i := h & wt.mask; ; i = (i + 1) & wt.mask {
		if wt.slots[i].hash == 0 {
			wt.slots[i] = sl
			wt.text = append(wt.text, w...)
			return
		}
	}
}

// lookup returns the slot of word w (hash h), nil when no pattern begins
// with it.
func (wt *wordTable) lookup(h uint64, w []byte) *wordSlot {
	sh := slotHash(h)
	for i := h & wt.mask; ; i = (i + 1) & wt.mask {
		sl := &wt.slots[i]
		switch {
		case sl.hash == 0:
			return nil
		case sl.hash == sh && int(sl.len) == len(w) && !sl.overlength && string(wt.text[sl.off:sl.off+int32(sl.len)]) == string(w):
			return sl
		}
	}
}

// bloom is a blocked Bloom filter of 64-bit hashes: two bits in one
// 64-bit word, so that a probe costs one memory access.
type bloom struct {
	words []uint64
	mask  uint64 // number of words - 1 (a power of two)
}

func newBloom(n int) bloom {
	m := uint64(64) // words; about 32 bits per key
	for m*64 < uint64(n)*32 {
		m <<= 1
	}
	return bloom{words: make([]uint64, m), mask: m - 1}
}

func bloomBits(h uint64) uint64 { return 1<<(h>>52&63) | 1<<(h>>58) }

func (b *bloom) add(h uint64) { b.words[h&b.mask] |= bloomBits(h) }

func (b *bloom) has(h uint64) bool {
	bits := bloomBits(h)
	return b.words[h&b.mask]&bits == bits
}

// hashBytes hashes a word with at most three loads (overlapping loads of
// the first and last bytes) and multiply-xorshift mixing.
func hashBytes(p []byte) uint64 {
	n := len(p)
	h := uint64(n) * 0x9e3779b97f4a7c15
	for len(p) > 16 {
		h = (h ^ binary.LittleEndian.Uint64(p)) * 0xbf58476d1ce4e5b9
		h ^= h >> 31
		p = p[8:]
	}
	var a, b uint64
	switch {
	case len(p) >= 8:
		a, b = binary.LittleEndian.Uint64(p), binary.LittleEndian.Uint64(p[len(p)-8:])
	case len(p) >= 4:
		a, b = uint64(binary.LittleEndian.Uint32(p)), uint64(binary.LittleEndian.Uint32(p[len(p)-4:]))
	case len(p) > 0:
		a, b = uint64(p[0])|uint64(p[len(p)/2])<<8, uint64(p[len(p)-1])
	}
	h = (h ^ a) * 0xbf58476d1ce4e5b9
	h = (h ^ h>>31 ^ b) * 0x94d049bb133111eb
	return h ^ h>>32
}

// prefixKey hashes the at most maxPrefixKey bytes keying the prefix filter.
func prefixKey(p []byte) uint64 {
	k := uint64(len(p)) << 32
	if len(p) == 4 {
		k |= uint64(binary.LittleEndian.Uint32(p))
	} else {
		for i, c := range p {
			k |= uint64(c) << (8 * i)
		}
	}
	k *= 0x9e3779b97f4a7c15
	return k ^ k>>29
}

package tag

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// trie is the goto function of an Aho–Corasick automaton over folded
// patterns. Every match must begin at a word start (for scripts without
// spaces, every character starts a word), so instead of following failure
// links the scan walks the trie afresh from each word start: one pass over
// the text, no match missed, and nothing attempted inside words. Nodes are
// numbered depth first, so a node's first child is the next node: the long
// single-child chains of keywords are walked through adjacent memory.
//
// Most words of a text begin no pattern, so before any walk a word must pass
// a filter (see filter.go): a Bloom filter of the patterns' first words,
// after which a table jumps straight to the node past the whole word. A
// walk that reaches a further word (past a space) goes on only if a second
// filter knows that word after that node. Single-word patterns used as
// prefixes may end inside a word: a filter of their first bytes sends the
// word through a small trie of those patterns alone.
type trie struct {
	words    bloom      // first words of every pattern
	later    bloom      // (node, word) for the later words of patterns: laterKey
	prefixes bloom      // first min(len, maxPrefixKey) bytes of single-word patterns used as prefixes
	plens    uint8      // bit l set: some prefix key is l bytes long
	first    wordTable  // first word of a pattern -> the node after it
	short    *trie      // the single-word patterns used as prefixes (nodes only)
	root     [256]int32 // child of the root per byte; 0: none (node 0 is the root)
	nodes    []trieNode
	edges    []trieEdge // children of nodes with several, sorted by byte
}

type trieNode struct {
	pattern int32 // pattern ending here, -1 for none
	lo, hi  int32 // several children: edges[lo:hi]; otherwise lo == hi
	first   byte  // the byte to the only child (node n+1), when one
	single  bool
	// prefixTail marks a node after a space where the last word of a
	// pattern used as a prefix begins: the later filter does not apply,
	// as the text's word may run on past the pattern's.
	prefixTail bool
}

type trieEdge struct {
	b     byte
	child int32
}

// match is a pattern found at buf[start:end]; start is word start number word.
type match struct {
	pattern    int32
	start, end int32
	word       int32
}

// maxPrefixKey caps the bytes of a prefix pattern that key the prefix filter.
const maxPrefixKey = 4

// newTrie builds the trie of distinct, non-empty patterns; prefix[i] says
// whether pattern i is used as a prefix by some term.
func newTrie(patterns []string, prefix []bool) *trie {
	t := &trie{}
	all := make([]int32, len(patterns))
	for pid := range all {
		all[pid] = int32(pid)
	}
	t.buildNodes(patterns, all)
	t.words = newBloom(len(patterns))
	var short []int32
	for pid, p := range patterns {
		first := p[:wordEnd([]byte(p), 0)]
		t.words.add(hashBytes([]byte(first)))
		if prefix[pid] && len(first) == len(p) {
			short = append(short, int32(pid))
		}
	}
	t.prefixes = newBloom(len(short))
	t.short = &trie{}
	t.short.buildNodes(patterns, short)
	for _, pid := range short {
		l := min(len(patterns[pid]), maxPrefixKey)
		t.prefixes.add(prefixKey([]byte(patterns[pid][:l])))
		t.plens |= 1 << l
	}
	var firsts []string
	seen := make(map[string]bool)
	for _, p := range patterns {
		if first := p[:wordEnd([]byte(p), 0)]; !seen[first] {
			seen[first] = true
			firsts = append(firsts, first)
		}
	}
	t.filterLaterWords(patterns, prefix)
	t.first = newWordTable(len(firsts))
	for _, w := range firsts {
		n := t.root[w[0]]
		for i := 1; i < len(w) && n != 0; i++ {
			n = t.child(n, w[i])
		}
		sl := wordSlot{node: n, pattern: t.nodes[n].pattern}
		if sl.space = t.child(n, ' '); sl.space != 0 {
			sl.spaceTail = t.nodes[sl.space].prefixTail
		}
		t.first.add(hashBytes([]byte(w)), w, sl)
	}
	return t
}

// buildNodes fills nodes, edges and root with the trie of patterns[ids].
func (t *trie) buildNodes(patterns []string, ids []int32) {
	type building struct {
		next    map[byte]int32
		pattern int32
	}
	bs := []building{{pattern: -1}}
	for _, pid := range ids {
		p := patterns[pid]
		n := int32(0)
		for i := 0; i < len(p); i++ {
			if bs[n].next == nil {
				bs[n].next = make(map[byte]int32)
			}
			c, ok := bs[n].next[p[i]]
			if !ok {
				c = int32(len(bs))
				bs = append(bs, building{pattern: -1})
				bs[n].next[p[i]] = c
			}
			n = c
		}
		bs[n].pattern = pid
	}
	t.nodes = make([]trieNode, 0, len(bs))
	var visit func(old int32) int32
	visit = func(old int32) int32 {
		id := int32(len(t.nodes))
		t.nodes = append(t.nodes, trieNode{pattern: bs[old].pattern})
		keys := make([]int, 0, len(bs[old].next))
		for b := range bs[old].next {
			keys = append(keys, int(b))
		}
		sort.Ints(keys)
		children := make([]trieEdge, len(keys))
		for k, b := range keys {
			children[k] = trieEdge{b: byte(b), child: visit(bs[old].next[byte(b)])}
		}
		nd := &t.nodes[id]
		switch {
		case len(children) == 1:
			nd.single, nd.first = true, children[0].b
		case len(children) > 1:
			nd.lo = int32(len(t.edges))
			t.edges = append(t.edges, children...)
			nd.hi = int32(len(t.edges))
		}
		if id == 0 {
			for _, e := range children {
				t.root[e.b] = e.child
			}
		}
		return id
	}
	visit(0)
}

// filterLaterWords fills the later filter and marks prefix tails: for
// every word of a pattern after a space, the node reached before it.
func (t *trie) filterLaterWords(patterns []string, prefix []bool) {
	n := 0
	for _, p := range patterns {
		n += strings.Count(p, " ")
	}
	t.later = newBloom(n)
	for pid, p := range patterns {
		nd := t.root[p[0]]
		for i := 1; i < len(p); i++ {
			if p[i-1] == ' ' {
				switch end := wordEnd([]byte(p), i); {
				case prefix[pid] && end == len(p):
					t.nodes[nd].prefixTail = true
				default:
					t.later.add(laterKey(nd, hashBytes([]byte(p[i:end]))))
				}
			}
			nd = t.child(nd, p[i])
		}
	}
}

// laterKey is the later filter's key for word hash h after node n.
func laterKey(n int32, h uint64) uint64 {
	k := h ^ uint64(n)*0x9e3779b97f4a7c15
	k = (k ^ k>>29) * 0xbf58476d1ce4e5b9
	return k ^ k>>32
}

// child is the node reached from n by byte b, 0 for none.
func (t *trie) child(n int32, b byte) int32 {
	nd := &t.nodes[n]
	if nd.single {
		if nd.first == b {
			return n + 1
		}
		return 0
	}
	lo, hi := nd.lo, nd.hi
	if hi-lo <= 8 {
		for ; lo < hi; lo++ {
			if e := t.edges[lo]; e.b == b {
				return e.child
			} else if e.b > b {
				return 0
			}
		}
		return 0
	}
	for lo < hi {
		m := int32(uint32(lo+hi) >> 1)
		switch e := t.edges[m]; {
		case e.b == b:
			return e.child
		case e.b < b:
			lo = m + 1
		default:
			hi = m
		}
	}
	return 0
}

// scan appends to out every pattern occurrence in canonical text buf that
// starts at one of the word starts words (increasing offsets).
func (t *trie) scan(buf []byte, words []int32, out []match) []match {
	nextHash, hashed := uint64(0), -1 // the hash of word number hashed, computed ahead
	for k, s := range words {
		start, end := int(s), wordEndAt(buf, words, k)
		w := buf[start:end]
		h := nextHash
		if hashed != k {
			h = hashBytes(w)
		}
		var n int32
		var i int
		if t.plens != 0 && t.prefixStart(w) {
			out = t.short.prefixesIn(buf, start, end, k, out)
		}
		switch {
		case t.words.has(h):
			// Jump over the word: a pattern either begins with it whole or
			// (a prefix aside) cannot begin here.
			sl := t.first.lookup(h, w)
			if sl == nil {
				continue
			}
			if sl.pattern >= 0 {
				out = append(out, match{pattern: sl.pattern, start: int32(start), end: int32(end), word: int32(k)})
			}
			switch {
			case end == len(buf) || buf[end] == '\n':
				continue
			case buf[end] == ' ':
				if sl.space == 0 {
					continue
				}
				// The next word, end+1 on, is word k+1: hash it once.
				nextHash, hashed = hashBytes(buf[end+1:wordEndAt(buf, words, k+1)]), k+1
				if !sl.spaceTail && !t.later.has(laterKey(sl.space, nextHash)) {
					continue
				}
				n = sl.space
			default: // a character of a script without spaces
				n = t.child(sl.node, buf[end])
			}
			i = end + 1
		default:
			continue
		}
		for n != 0 {
			nd := &t.nodes[n]
			if nd.pattern >= 0 {
				out = append(out, match{pattern: nd.pattern, start: int32(start), end: int32(i), word: int32(k)})
			}
			switch {
			case i == len(buf):
				n = 0
			case buf[i-1] == ' ' && !nd.prefixTail && !t.later.has(laterKey(n, hashBytes(buf[i:wordEnd(buf, i)]))):
				n = 0 // no pattern goes on with the word that begins here
			case nd.single: // most nodes: the only child is the next node
				if nd.first == buf[i] {
					n++
				} else {
					n = 0
				}
			default:
				n = t.child(n, buf[i])
			}
			i++
		}
	}
	return out
}

// wordEndAt is the end of word number k of canonical text buf, whose word
// starts are words: where the next word starts, less the separator.
func wordEndAt(buf []byte, words []int32, k int) int {
	end := len(buf)
	if k+1 < len(words) {
		end = int(words[k+1])
	}
	for end > int(words[k]) && (buf[end-1] == ' ' || buf[end-1] == '\n') {
		end-- // the separator before the next word, or between fields
	}
	return end
}

// prefixesIn appends the patterns of t, a trie of single words, that
// begin word number k, buf[start:end], and end inside it (those ending
// with it are found through the word table).
func (t *trie) prefixesIn(buf []byte, start, end, k int, out []match) []match {
	n := t.root[buf[start]]
	for i := start + 1; n != 0 && i < end; i++ {
		if p := t.nodes[n].pattern; p >= 0 {
			out = append(out, match{pattern: p, start: int32(start), end: int32(i), word: int32(k)})
		}
		n = t.child(n, buf[i])
	}
	return out
}

// wordEnd returns the end of the word (or, in scripts without spaces, the
// character) starting at i of canonical text buf.
func wordEnd(buf []byte, i int) int {
	if buf[i] >= 0xE0 { // three- and four-byte characters may be spaceless scripts
		r, size := utf8.DecodeRune(buf[i:])
		if isNoSpace(r) {
			return i + size
		}
	}
	for i++; i < len(buf); i++ {
		c := buf[i]
		switch {
		case c == ' ' || c == '\n':
			return i
		case c >= 0xE0:
			if r, _ := utf8.DecodeRune(buf[i:]); isNoSpace(r) {
				return i
			}
		}
	}
	return i
}

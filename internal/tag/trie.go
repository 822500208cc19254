package tag

import (
	"sort"
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
// after which a table jumps straight to the node past the whole word; or,
// for single-word patterns used as prefixes, a filter of their first bytes,
// after which the word is walked byte by byte (a prefix may end inside it).
type trie struct {
	words    bloom      // first words of every pattern
	prefixes bloom      // first min(len, maxPrefixKey) bytes of single-word patterns used as prefixes
	plens    uint8      // bit l set: some prefix key is l bytes long
	first    wordTable  // first word of a pattern -> the node after it
	root     [256]int32 // child of the root per byte; 0: none (node 0 is the root)
	nodes    []trieNode
	edges    []trieEdge // children of nodes with several, sorted by byte
}

type trieNode struct {
	pattern int32 // pattern ending here, -1 for none
	lo, hi  int32 // several children: edges[lo:hi]; otherwise lo == hi
	first   byte  // the byte to the only child (node n+1), when one
	single  bool
}

type trieEdge struct {
	b     byte
	child int32
}

// match is a pattern found at buf[start:end].
type match struct {
	pattern    int32
	start, end int32
}

// maxPrefixKey caps the bytes of a prefix pattern that key the prefix filter.
const maxPrefixKey = 4

// newTrie builds the trie of distinct, non-empty patterns; prefix[i] says
// whether pattern i is used as a prefix by some term.
func newTrie(patterns []string, prefix []bool) *trie {
	type building struct {
		next    map[byte]int32
		pattern int32
	}
	bs := []building{{pattern: -1}}
	for pid, p := range patterns {
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
		bs[n].pattern = int32(pid)
	}
	t := &trie{nodes: make([]trieNode, 0, len(bs))}
	t.words = newBloom(len(patterns))
	nPrefix := 0
	for _, p := range prefix {
		if p {
			nPrefix++
		}
	}
	t.prefixes = newBloom(nPrefix)
	for pid, p := range patterns {
		first := p[:wordEnd([]byte(p), 0)]
		t.words.add(hashBytes([]byte(first)))
		if prefix[pid] && len(first) == len(p) {
			l := min(len(p), maxPrefixKey)
			t.prefixes.add(prefixKey([]byte(p[:l])))
			t.plens |= 1 << l
		}
	}
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
	var firsts []string
	seen := make(map[string]bool)
	for _, p := range patterns {
		if first := p[:wordEnd([]byte(p), 0)]; !seen[first] {
			seen[first] = true
			firsts = append(firsts, first)
		}
	}
	t.first = newWordTable(len(firsts))
	for _, w := range firsts {
		n := t.root[w[0]]
		for i := 1; i < len(w) && n != 0; i++ {
			n = t.child(n, w[i])
		}
		t.first.add(hashBytes([]byte(w)), w, n)
	}
	return t
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
	for k, s := range words {
		start := int(s)
		end := len(buf)
		if k+1 < len(words) {
			end = int(words[k+1])
		}
		for end > start && (buf[end-1] == ' ' || buf[end-1] == '\n') {
			end-- // the separator before the next word, or between fields
		}
		w := buf[start:end]
		h := hashBytes(w)
		n, i := int32(0), start+1
		switch {
		case t.plens != 0 && t.prefixStart(w):
			// A prefix pattern may end inside the word: walk byte by byte.
			n = t.root[buf[start]]
		case t.words.has(h):
			// Jump over the word: a pattern either begins with it whole or
			// (a prefix aside) cannot begin here.
			if n = t.first.lookup(h, w); n == 0 {
				continue
			}
			i = end
		default:
			continue
		}
		for n != 0 {
			nd := &t.nodes[n]
			if nd.pattern >= 0 {
				out = append(out, match{pattern: nd.pattern, start: int32(start), end: int32(i)})
			}
			switch {
			case i == len(buf):
				n = 0
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

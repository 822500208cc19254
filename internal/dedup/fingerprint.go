package dedup

import (
	"cmp"
	"slices"

	"aggregator/internal/model"
)

// Candidate-stage parameters; see doc.go for the numbers behind them.
const (
	shingleSize = 2  // words per shingle
	bands       = 14 // LSH bands
	rows        = 3  // MinHash values per band
	pairTokens  = 5  // salient headline/lead words whose pairs become buckets
)

// maxBuckets is the most buckets an item has.
const maxBuckets = bands + pairTokens*(pairTokens-1)/2 + maxWinnows

// Bucket key tags keep the two bucket families apart.
const (
	tagBand = 0x4c5348 // "LSH"
	tagPair = 0x504149 // "PAI"
)

// Fingerprint computes the near-duplicate signature of an item from its
// headline, summary and content text. The URL plays no part: the same
// story under another URL is the point, and identical URLs are joined by
// the store before any fingerprint is compared. An item without words gets
// a signature that matches nothing and no buckets.
func Fingerprint(it *model.Item) model.Fingerprint {
	toks := analyse(it.Title, it.SummaryText, it.ContentText)
	var sig signature
	full := minhash(toks, &sig)
	sig.lead = leadSet(toks)
	sig.entities = entitySet(toks)
	ls := shinglesOf(toks)
	sig.head, sig.body, sig.complete = short16(ls.head), short16(ls.body), ls.complete
	sig.comment = isCommentary(it.Title)
	fp := model.Fingerprint{Sig: sig.encode()}
	if sig.shingles == 0 {
		return fp
	}
	fp.Buckets = append(bandBuckets(full), pairBuckets(toks)...)
	fp.Buckets, fp.Lookup = winnowBuckets(fp.Buckets, ls)
	return fp
}

// minhash fills sig.shingles and sig.mins from the word shingles of toks
// and returns the full 64-bit minimums, which the LSH bands use.
func minhash(toks []token, sig *signature) [numHashes]uint64 {
	var full [numHashes]uint64
	for i := range full {
		full[i] = ^uint64(0)
	}
	seen := make(map[uint64]struct{}, len(toks))
	add := func(h uint64) {
		if _, dup := seen[h]; dup {
			return
		}
		seen[h] = struct{}{}
		for i := range full {
			if v := mix(h ^ seedTable[i]); v < full[i] {
				full[i] = v
			}
		}
	}
	if len(toks) < shingleSize {
		for _, t := range toks {
			add(t.hash)
		}
	}
	for i := 0; i+shingleSize <= len(toks); i++ {
		h := toks[i].hash
		for _, t := range toks[i+1 : i+shingleSize] {
			h = combine(h, t.hash)
		}
		add(h)
	}
	sig.shingles = len(seen)
	for i, v := range full {
		sig.mins[i] = uint16(v)
	}
	return full
}

// seeds gives the i-th MinHash function's seed.
func seeds(i int) uint64 {
	return mix(uint64(i+1) * 0x9e3779b97f4a7c15)
}

// seedTable holds seeds(i) for every MinHash function: computing them per
// shingle was a third of minhash's cost.
var seedTable = func() (t [numHashes]uint64) {
	for i := range t {
		t[i] = seeds(i)
	}
	return t
}()

// bandBuckets hashes each band of rows consecutive minimums into a bucket:
// two items share a band bucket with probability 1-(1-J^rows)^bands for
// shingle Jaccard J.
func bandBuckets(full [numHashes]uint64) []int64 {
	out := make([]int64, 0, maxBuckets)
	for b := 0; b < bands; b++ {
		h := mix(uint64(tagBand)<<32 | uint64(b))
		for _, v := range full[b*rows : (b+1)*rows] {
			h = combine(h, v)
		}
		out = append(out, int64(h))
	}
	return out
}

// salience ranks headline/lead words for pair buckets and the lead set:
// entities (names, numbers) in the headline first, then other entities,
// then other headline words, then the rest; ties by hash, which makes the
// choice a deterministic sample that two versions of a text agree on.
func salience(t token) int {
	r := 3
	if t.title {
		r--
	}
	if t.entity {
		r -= 2
	}
	return r
}

// ranked returns the distinct lead tokens, most salient first.
func ranked(toks []token) []token {
	var out []token
	seen := map[uint64]bool{}
	for _, t := range toks {
		if t.lead && !seen[t.hash] {
			seen[t.hash] = true
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b token) int {
		if c := cmp.Compare(salience(a), salience(b)); c != 0 {
			return c
		}
		return cmp.Compare(a.hash, b.hash)
	})
	return out
}

// pairBuckets makes a bucket of every pair of the most salient headline and
// lead words, so that short items (a headline and a line or two) reworded
// by another outlet still meet when they name the same people, places or
// figures.
func pairBuckets(toks []token) []int64 {
	top := ranked(toks)
	if len(top) > pairTokens {
		top = top[:pairTokens]
	}
	var out []int64
	if len(top) == 1 {
		return append(out, int64(combine(tagPair, top[0].hash)))
	}
	for i := range top {
		for j := i + 1; j < len(top); j++ {
			a, b := top[i].hash, top[j].hash
			if a > b {
				a, b = b, a
			}
			out = append(out, int64(combine(combine(tagPair, a), b)))
		}
	}
	return out
}

// leadSet is the set of headline and lead words (16-bit hashes), the most
// salient first when there are more than maxLead.
func leadSet(toks []token) []uint16 {
	r := ranked(toks)
	if len(r) > maxLead {
		r = r[:maxLead]
	}
	out := make([]uint16, 0, len(r))
	for _, t := range r {
		out = append(out, uint16(t.hash))
	}
	return sortedSet(out)
}

// entitySet is the set of the item's names and numbers (15-bit hashes, the
// top bit marking numbers): those of the headline and lead first, then the
// most frequent, up to maxEntity.
func entitySet(toks []token) []uint16 {
	type ent struct {
		t     token
		count int
	}
	idx := map[uint64]int{}
	var ents []ent
	for _, t := range toks {
		if !t.entity {
			continue
		}
		if i, ok := idx[t.hash]; ok {
			ents[i].count++
			ents[i].t.lead = ents[i].t.lead || t.lead
			continue
		}
		idx[t.hash] = len(ents)
		ents = append(ents, ent{t: t, count: 1})
	}
	slices.SortFunc(ents, func(a, b ent) int {
		if a.t.lead != b.t.lead {
			if a.t.lead {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(b.count, a.count); c != 0 {
			return c
		}
		return cmp.Compare(a.t.hash, b.t.hash)
	})
	if len(ents) > maxEntity {
		ents = ents[:maxEntity]
	}
	out := make([]uint16, 0, len(ents))
	for _, e := range ents {
		v := uint16(e.t.hash) &^ numberBit
		if e.t.number {
			v |= numberBit
		}
		out = append(out, v)
	}
	return sortedSet(out)
}

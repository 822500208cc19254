package dedup

import (
	"math"
	"slices"
)

// Lead containment: a short copy of an article (its headline and first
// paragraph, a summary cut from it, a Google-News-style snippet) shares
// little of the article's whole text, so that resemblance measures made
// for texts of equal length (the MinHash Jaccard, the overlap of salient
// words) cannot see it. What it shares is the article's lead, nearly word
// for word. So each signature keeps the shingles of its lead, and the
// short side is judged by how many of its own shingles the long side's
// lead contains.

// Lead shingle parameters.
const (
	// maxHeadShingles and maxBodyShingles bound the shingles kept of the
	// headline and of the text's beginning: about the first paragraph or
	// two of an article (some 150 words), all of a summary. Text written
	// without spaces counts half: its shingles are of character bigrams,
	// two or so to a word, so up to maxHanShingles of them are kept.
	maxHeadShingles = 16
	maxBodyShingles = 96
	maxHanShingles  = 2 * maxBodyShingles
	// winnowWindow is the window of the winnowed lead buckets: any run of
	// winnowWindow shingles two leads share gives them a bucket in
	// common (a sentence of 15 words or so).
	winnowWindow = 8
	// maxWinnows caps the winnowed buckets of a short item, taken in text
	// order: a short copy repeats the beginning of the article. An
	// article's first maxLongWinnows (its first sentence or so, which
	// every copy of its first paragraph repeats) are enough to be found
	// by them, and keep the story index small: they are filed for every
	// recent article and most are never looked up.
	maxWinnows     = 8
	maxLongWinnows = 4
	// minWinnowRun is how many shingles a lead needs to be winnowed at
	// all (one shorter than winnowWindow forms a single window).
	minWinnowRun = 4
)

// tagWinnowShort and tagWinnowLong keep the winnowed bucket keys of short
// and long items apart from each other and from the other families.
const (
	tagWinnowShort = 0x57494e53 // "WINS"
	tagWinnowLong  = 0x57494e4c // "WINL"
)

// leadShingles are the word shingles of an item's headline and of the
// beginning of its text, in text order, each distinct; complete says
// that body holds every shingle of the text (a short item).
type leadShingles struct {
	head, body []uint64
	complete   bool
}

// shinglesOf returns the lead shingles of toks. A shingle is two
// consecutive words of one sentence (or of the headline), or the only
// word of a one-word sentence: a short copy cuts and joins sentences, so
// shingles across a sentence boundary would be the copy's own.
func shinglesOf(toks []token) leadShingles {
	var ls leadShingles
	seen := make(map[uint64]struct{}, min(len(toks), maxHeadShingles+maxBodyShingles))
	ls.complete = true
	room := 2 * maxBodyShingles // a shingle of words takes 2, of bigrams 1
	for i := range toks {
		var h uint64
		switch {
		case i+1 < len(toks) && !toks[i+1].start:
			h = combine(toks[i].hash, toks[i+1].hash)
		case toks[i].start:
			h = toks[i].hash
		default:
			continue // the last word of a sentence, already in a shingle
		}
		if _, dup := seen[h]; dup {
			continue
		}
		if toks[i].title {
			if len(ls.head) < maxHeadShingles {
				seen[h] = struct{}{}
				ls.head = append(ls.head, h)
			}
			continue
		}
		cost := 2
		if toks[i].han {
			cost = 1
		}
		if room < cost {
			ls.complete = false
			break
		}
		room -= cost
		seen[h] = struct{}{}
		ls.body = append(ls.body, h)
	}
	return ls
}

// winnowBuckets selects from the body shingles the minimum of every
// window of winnowWindow consecutive ones (the rightmost on ties) and
// makes a bucket of each of the first maxWinnows selected: two leads that
// share a run of winnowWindow shingles select the same shingle in it,
// and so meet as candidates however long the rest of either text is.
//
// Only a short item (its text wholly in its lead shingles) can join by
// containment, so the buckets come in two families: a short item is
// filed under the short family and looks in both, a long one is filed
// under the long family and looks in the short one only. Two long
// articles, which share leads as often as they share wire copy, do not
// meet here: each would only add the other to every lookup for nothing.
// It returns the item's buckets with its own appended, and the keys to
// look its candidates up under (model.Fingerprint.Lookup).
func winnowBuckets(buckets []int64, ls leadShingles) (filed, lookup []int64) {
	lookup = slices.Clone(buckets)
	if len(ls.body) < minWinnowRun {
		return buckets, lookup
	}
	w := min(winnowWindow, len(ls.body))
	most := maxWinnows
	if !ls.complete {
		most = maxLongWinnows
	}
	n, last := 0, -1
	for start := 0; start+w <= len(ls.body) && n < most; start++ {
		m := start
		for i := start + 1; i < start+w; i++ {
			if ls.body[i] <= ls.body[m] {
				m = i
			}
		}
		if m == last {
			continue
		}
		last, n = m, n+1
		short, long := int64(combine(tagWinnowShort, ls.body[m])), int64(combine(tagWinnowLong, ls.body[m]))
		if ls.complete {
			buckets = append(buckets, short)
			lookup = append(lookup, short, long)
		} else {
			buckets = append(buckets, long)
			lookup = append(lookup, short)
		}
	}
	return buckets, lookup
}

// short16 reduces shingle hashes to the sorted 16-bit set a signature
// keeps.
func short16(hs []uint64) []uint16 {
	out := make([]uint16, len(hs))
	for i, h := range hs {
		out[i] = uint16(h >> 48)
	}
	return sortedSet(out)
}

// Containment thresholds.
const (
	// containLead is the share of the short side's body shingles that the
	// long side's lead must contain: a copy with a sentence added ("the
	// government said") or trimmed passes, a paraphrase does not.
	containLead = 0.6
	// minContainShingles is how many body shingles the short side needs:
	// a line of a few words is in many leads of its beat.
	minContainShingles = 6
)

// shortSide orders a and b as the short side (its text wholly kept in
// body, and the fewer body shingles when both are) and the other; ok is
// false when neither side is short, or the short one has too few
// shingles to tell.
func shortSide(a, b *signature) (s, l *signature, ok bool) {
	s, l = a, b
	if !a.complete || (b.complete && len(b.body) < len(a.body)) {
		s, l = b, a
	}
	return s, l, s.complete && len(s.body) >= minContainShingles
}

// containment is the share of the shorter side's body shingles found in
// the other side's lead (headline and text's beginning), and how many
// that is; 0 when neither side is short (its text wholly kept), the short
// side has too few shingles to tell, or the share cannot reach
// containLead: the count gives up once too many shingles are missing, as
// it soon does for most candidates, which are unrelated.
func containment(a, b *signature) (c float64, n int) {
	s, l, ok := shortSide(a, b)
	if !ok {
		return 0, 0
	}
	// The long side's mask bounds the count from above, cheaply.
	need := int(math.Ceil(containLead*float64(len(s.body)) - 1e-9))
	allowed := len(s.body) - need
	for _, v := range s.body {
		if l.leadMask[v>>6&3]&(1<<(v&63)) == 0 {
			if allowed--; allowed < 0 {
				return 0, 0
			}
		}
	}
	if n = intersect(s.body, l.leadAll); n < need {
		return 0, 0
	}
	return float64(n) / float64(len(s.body)), n
}

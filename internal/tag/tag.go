package tag

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"aggregator/internal/model"
)

// scratch is the per-call working memory of Tag and Explain, pooled.
type scratch struct {
	f        folder
	w        canonWriter // w.dst: the item's fields in canonical form, '\n' between them
	buf      []byte      // w.dst once written
	starts   [numFields + 1]int
	gen      uint32
	topicGen []uint32 // topic has hits in this call when equal to gen
	head     []int32  // per topic, its latest hit in hits (a list through hit.next)
	touched  []int32  // topics with hits, or always evaluated
	matches  []match
	hits     []hit
	termHit  []bool  // per term of the topic being evaluated
	result   []uint8 // per touched topic: resultApplied, resultVetoed or 0
	// The classifiers' working memory.
	text  []byte    // the classified text
	mask  []span    // a topic's hits, masked out of text
	feats []uint32  // features of the unmasked text
	own   []uint32  // features of a topic's masked text
	sums  []float32 // per classifier, its weights summed over feats
}

// Outcomes of a touched topic's rules, in scratch.result.
const (
	resultApplied = 1 + iota
	resultVetoed
)

// decided reports whether topic ti's rules applied or were vetoed in this
// call: its classifier has nothing to add.
func (sc *scratch) decided(ti int32) bool {
	return sc.topicGen[ti] == sc.gen && sc.result[ti] != 0
}

// hit is a term match in buf that passed the boundary and field checks.
type hit struct {
	term       int32
	field      uint8
	start, end int32
	at         int32 // start's offset in the original field text
	next       int32 // previous hit of the same topic, -1 at the end
}

func newScratch(topics, maxTerms int) *scratch {
	return &scratch{
		w:        canonWriter{track: true},
		topicGen: make([]uint32, topics),
		head:     make([]int32, topics),
		result:   make([]uint8, topics),
		termHit:  make([]bool, maxTerms),
	}
}

// Tag returns the topics that apply to it, sorted by topic id: those whose
// rules match the item and every topic of src (which always apply; their
// Terms are empty unless their keywords matched too).
func (t *Tagger) Tag(it *model.Item, src model.Source) []model.TopicMatch {
	sc := t.pool.Get().(*scratch)
	defer t.release(sc)
	t.scan(sc, it)
	var out []model.TopicMatch
	var sl slabs
	for _, ti := range sc.touched {
		ok, vetoed := t.evaluate(sc, ti, &src)
		if vetoed {
			sc.result[ti] = resultVetoed
		}
		if ok {
			sc.result[ti] = resultApplied
			if out == nil {
				out = make([]model.TopicMatch, 0, len(sc.touched)+len(src.Topics))
				// Every hit and every matched term belongs to one topic:
				// the item's hits bound both.
				sl = slabs{hits: make([]model.Hit, 0, len(sc.hits)), terms: make([]string, 0, len(sc.hits))}
			}
			out = append(out, t.match(sc, ti, &sl))
		}
	}
	if len(t.learned) > 0 {
		out = t.classify(sc, out)
	}
	return withSourceTopics(out, src.Topics)
}

// slabs are the backing arrays of one Tag call's Hits and Terms, cut into
// full slices (appending to one never writes into the next).
type slabs struct {
	hits  []model.Hit
	terms []string
}

// maxPooledText is the largest folded text whose scratch space goes back
// to the pool: one huge article must not pin its buffers for good.
const maxPooledText = 1 << 20

func (t *Tagger) release(sc *scratch) {
	if cap(sc.w.dst) <= maxPooledText {
		t.pool.Put(sc)
	}
}

// withSourceTopics adds the source's topics that are not yet in out.
func withSourceTopics(out []model.TopicMatch, ids []string) []model.TopicMatch {
	added := false
	for _, id := range ids {
		if id == "" || slices.ContainsFunc(out, func(m model.TopicMatch) bool { return m.Topic == id }) {
			continue
		}
		out = append(out, model.TopicMatch{Topic: id})
		added = true
	}
	if added {
		sort.Slice(out, func(i, j int) bool { return out[i].Topic < out[j].Topic })
	}
	return out
}

// scan folds the item's fields into sc.buf, runs the trie once over
// them and files every hit that stands on word boundaries in an allowed
// field under its topic.
func (t *Tagger) scan(sc *scratch, it *model.Item) {
	sc.gen++
	if sc.gen == 0 { // wrapped: forget every old mark
		clear(sc.topicGen)
		sc.gen = 1
	}
	sc.hits, sc.touched = sc.hits[:0], sc.touched[:0]
	w := &sc.w
	w.dst, w.words, w.wordAt = w.dst[:0], w.words[:0], w.wordAt[:0]
	for f := range numFields {
		if f > 0 {
			w.dst = append(w.dst, '\n')
		}
		sc.starts[f] = len(w.dst)
		if t.fields&(1<<f) != 0 {
			sc.f.appendField(w, fieldText(it, f))
		}
	}
	sc.buf = w.dst
	sc.starts[numFields] = len(sc.buf)
	sc.matches = t.trie.scan(sc.buf, w.words, sc.matches[:0])
	for _, m := range sc.matches { // each starts at a word start
		wordEnd := isBoundary(sc.buf, int(m.end))
		field := fieldAt(&sc.starts, int(m.start))
		for _, r := range t.refs[m.pattern] {
			tm := &t.topics[r.topic].terms[r.term]
			if (!wordEnd && !tm.prefix) || tm.fields&(1<<field) == 0 {
				continue
			}
			sc.touch(r.topic)
			sc.hits = append(sc.hits, hit{term: r.term, field: field, start: m.start, end: m.end, at: w.wordAt[m.word], next: sc.head[r.topic]})
			sc.head[r.topic] = int32(len(sc.hits) - 1)
		}
	}
	for _, ti := range t.always {
		sc.touch(ti)
	}
	slices.Sort(sc.touched)
}

// touch marks topic ti as worth evaluating in this call.
func (sc *scratch) touch(ti int32) {
	if sc.topicGen[ti] == sc.gen {
		return
	}
	sc.topicGen[ti] = sc.gen
	sc.head[ti] = -1
	sc.result[ti] = 0
	sc.touched = append(sc.touched, ti)
}

// hitsOf returns the head of topic ti's hit list (-1 when it has none).
func (sc *scratch) hitsOf(ti int32) int32 {
	if sc.topicGen[ti] != sc.gen {
		return -1
	}
	return sc.head[ti]
}

func fieldText(it *model.Item, f int) string {
	switch f {
	case fieldTitle:
		return it.Title
	case fieldSummary:
		return it.SummaryText
	case fieldContent:
		return it.ContentText
	}
	return strings.Join(it.Categories, "\n")
}

// fieldAt is the field holding offset i of buf.
func fieldAt(starts *[numFields + 1]int, i int) uint8 {
	f := uint8(0)
	for f+1 < numFields && i >= starts[f+1] {
		f++
	}
	return f
}

// evaluate reports whether topic ti applies, and whether an exclude term
// vetoed it. It leaves sc.termHit set for the topic's terms.
func (t *Tagger) evaluate(sc *scratch, ti int32, src *model.Source) (applied, vetoed bool) {
	tp := &t.topics[ti]
	th := sc.termHit[:len(tp.terms)]
	clear(th)
	matched := false
	for h := sc.hitsOf(ti); h >= 0; h = sc.hits[h].next {
		tm := &tp.terms[sc.hits[h].term]
		th[sc.hits[h].term] = true
		switch tm.kind {
		case kindExclude:
			vetoed = true
		case kindKeyword:
			matched = true
		}
	}
	if tp.query != nil {
		matched = t.eval(sc, ti, tp.query, src)
	}
	return matched && !vetoed, vetoed
}

// eval evaluates a query node; sc.termHit holds the topic's term hits.
func (t *Tagger) eval(sc *scratch, ti int32, n *node, src *model.Source) bool {
	switch n.op {
	case opTerm:
		return sc.termHit[n.term]
	case opMeta:
		return metaMatches(n.key, n.val, src)
	case opAnd:
		return t.eval(sc, ti, n.l, src) && t.eval(sc, ti, n.r, src)
	case opOr:
		return t.eval(sc, ti, n.l, src) || t.eval(sc, ti, n.r, src)
	case opNot:
		return !t.eval(sc, ti, n.l, src)
	case opNear:
		return t.eval(sc, ti, n.l, src) && t.eval(sc, ti, n.r, src) && sc.near(ti, n.near[0], n.near[1], n.dist)
	}
	return false
}

// metaMatches compares a source:, region: or language: value. A language
// matches its regional variants: language:en holds for "en-GB".
func metaMatches(key, val string, src *model.Source) bool {
	var have string
	switch key {
	case "source":
		have = src.ID
	case "region":
		have = src.Region
	case "language":
		have = strings.ToLower(src.Language)
		if strings.HasPrefix(have, val+"-") || strings.HasPrefix(have, val+"_") {
			return true
		}
	}
	return strings.EqualFold(have, val)
}

// near reports whether a hit of a term of a and a hit of a term of b lie in
// one field with at most dist words between them, in either order.
func (sc *scratch) near(ti int32, a, b []int, dist int) bool {
	for i := sc.hitsOf(ti); i >= 0; i = sc.hits[i].next {
		ha := &sc.hits[i]
		if !slices.Contains(a, int(ha.term)) {
			continue
		}
		for j := sc.hitsOf(ti); j >= 0; j = sc.hits[j].next {
			hb := &sc.hits[j]
			if hb.field != ha.field || !slices.Contains(b, int(hb.term)) {
				continue
			}
			switch {
			case ha.end <= hb.start:
				if countWords(sc.buf[ha.end:hb.start], dist+1) <= dist {
					return true
				}
			case hb.end <= ha.start:
				if countWords(sc.buf[hb.end:ha.start], dist+1) <= dist {
					return true
				}
			default: // overlapping
				return true
			}
		}
	}
	return false
}

// countWords counts the words of canonical text b, stopping once it reaches
// limit (limit < 0: no limit). Each character of a script without spaces
// counts as a word.
func countWords(b []byte, limit int) int {
	n, in := 0, false
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		i += size
		switch {
		case r == ' ' || r == '\n':
			in = false
			continue
		case isNoSpace(r):
			n++
			in = false
		case !in:
			n++
			in = true
		}
		if limit >= 0 && n >= limit {
			return n
		}
	}
	return n
}

// match builds the TopicMatch of an applied topic: its positive terms as
// configured and their hits, in text order, stored in sl.
func (t *Tagger) match(sc *scratch, ti int32, sl *slabs) model.TopicMatch {
	tp := &t.topics[ti]
	m := model.TopicMatch{Topic: tp.id}
	m.Hits = t.hitsWhere(sc, ti, func(tm *term) bool { return tm.kind != kindExclude && tm.positive }, sl)
	start := len(sl.terms)
	for i, tm := range tp.terms {
		if sc.termHit[i] && tm.kind != kindExclude && tm.positive && !slices.Contains(sl.terms[start:], tm.text) {
			sl.terms = append(sl.terms, tm.text)
		}
	}
	if n := len(sl.terms); n > start {
		m.Terms = sl.terms[start:n:n]
	}
	return m
}

// hitsWhere returns topic ti's hits whose term satisfies keep, as model
// hits with offsets in the original field text, in text order (the scan
// finds them by increasing start). It takes the room from sl when not nil.
func (t *Tagger) hitsWhere(sc *scratch, ti int32, keep func(*term) bool, sl *slabs) []model.Hit {
	tp := &t.topics[ti]
	n := 0
	for i := sc.hitsOf(ti); i >= 0; i = sc.hits[i].next {
		if keep(&tp.terms[sc.hits[i].term]) {
			n++
		}
	}
	var out []model.Hit
	if sl != nil && cap(sl.hits)-len(sl.hits) >= n {
		start := len(sl.hits)
		sl.hits = sl.hits[:start+n]
		out = sl.hits[start : start+n : start+n]
	} else {
		out = make([]model.Hit, n)
	}
	// The list runs from the last hit found to the first: fill from the end.
	for i := sc.hitsOf(ti); i >= 0; i = sc.hits[i].next {
		h := &sc.hits[i]
		if tm := &tp.terms[h.term]; keep(tm) {
			n--
			out[n] = model.Hit{Term: tm.text, Field: fieldName(int(h.field)), Offset: int(h.at)}
		}
	}
	return out
}

// Package tag decides which topics apply to an item. Every keyword, exclude
// and query term of every topic is compiled into one multi-pattern trie
// over folded text (see Fold and trie), so that tagging an item is one pass
// over its fields whatever the number of topics, followed by word-boundary
// checks on the hits and the evaluation of the topics that were hit.
package tag

import (
	"cmp"
	"fmt"
	"sort"
	"strings"
	"sync"

	"aggregator/internal/model"
)

// Fields of an item, in the order they are scanned.
const (
	fieldTitle = iota
	fieldSummary
	fieldContent
	fieldCategories
	numFields
	allFields = 1<<numFields - 1
)

// fieldName is the name of field f.
func fieldName(f int) string {
	switch f {
	case fieldTitle:
		return model.FieldTitle
	case fieldSummary:
		return model.FieldSummary
	case fieldContent:
		return model.FieldContent
	}
	return model.FieldCategories
}

// fieldBit is the mask bit of a field name, 0 for an unknown name.
func fieldBit(name string) uint8 {
	for f := range numFields {
		if fieldName(f) == name {
			return 1 << f
		}
	}
	return 0
}

// termKind says what a term does for its topic.
type termKind uint8

const (
	kindKeyword termKind = iota // one of Topic.Keywords
	kindExclude                 // one of Topic.Exclude: vetoes
	kindQuery                   // a text term of Topic.Query
)

// term is one compiled keyword, exclude or query term of a topic.
type term struct {
	text     string // as configured, reported in Terms and Hits
	pattern  int    // index in Tagger.patterns
	prefix   bool   // trailing *: the match may end inside a word
	kind     termKind
	fields   uint8 // where it may match
	positive bool  // query terms outside any NOT
}

// topic is a compiled topic.
type topic struct {
	id     string
	terms  []term
	query  *node // nil for keyword topics
	always bool  // the query may hold without any text hit: evaluate every item
}

// ref ties a pattern to the topic term it serves.
type ref struct {
	topic, term int32
}

// Tagger matches items against compiled topics. It is immutable after
// Compile and safe for concurrent use.
type Tagger struct {
	topics   []topic // sorted by id
	byID     map[string]int
	patterns []string // folded patterns, indexed by trie pattern id
	refs     [][]ref  // per pattern, the terms it serves
	trie     *trie
	fields   uint8 // union of every term's fields: fields worth folding
	always   []int32
	maxTerms int
	pool     sync.Pool // *scratch
	// Classifiers, per topic index (nil, or empty, when it has none).
	learned     []int32 // topics with a classifier, in id order
	examples    [][]model.Example
	thresholds  []float64
	classifiers []*classifier
}

// Compile builds a Tagger for topics. Every bad rule is reported at once
// in Problems; paths index topics as given.
func Compile(topics []model.Topic) (*Tagger, error) {
	t := &Tagger{byID: make(map[string]int, len(topics))}
	var probs Problems
	order := make([]int, len(topics))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return topics[order[a]].ID < topics[order[b]].ID })
	patternIDs := make(map[string]int)
	for _, i := range order {
		tp := topics[i]
		path := fmt.Sprintf("topics[%d]", i)
		switch {
		case tp.ID == "":
			probs = append(probs, Problem{Path: path + ".id", Message: "a topic needs an id"})
			continue
		case t.has(tp.ID):
			probs = append(probs, Problem{Path: path + ".id", Message: fmt.Sprintf("duplicate topic id %q", tp.ID)})
			continue
		}
		b := topicBuilder{t: t, patternIDs: patternIDs, topic: topic{id: tp.ID}, index: int32(len(t.topics))}
		b.build(tp, path, &probs)
		if tp.Classifier.Enabled {
			t.learned = append(t.learned, int32(len(t.topics)))
		}
		t.byID[tp.ID] = len(t.topics)
		t.topics = append(t.topics, b.topic)
		t.examples = append(t.examples, tp.Examples)
		t.thresholds = append(t.thresholds, cmp.Or(tp.Classifier.Threshold, DefaultThreshold))
	}
	if len(probs) > 0 {
		sort.SliceStable(probs, func(a, b int) bool { return topicIndex(probs[a].Path) < topicIndex(probs[b].Path) })
		return nil, probs
	}
	for i, tp := range t.topics {
		if tp.always {
			t.always = append(t.always, int32(i))
		}
		t.maxTerms = max(t.maxTerms, len(tp.terms))
		for _, tm := range tp.terms {
			t.fields |= tm.fields
		}
	}
	prefix := make([]bool, len(t.patterns))
	for _, tp := range t.topics {
		for _, tm := range tp.terms {
			prefix[tm.pattern] = prefix[tm.pattern] || tm.prefix
		}
	}
	t.trie = newTrie(t.patterns, prefix)
	n := len(t.topics)
	t.pool.New = func() any { return newScratch(n, t.maxTerms) }
	t.classifiers = make([]*classifier, n)
	if len(t.learned) > 0 {
		t.fields |= 1<<fieldTitle | 1<<fieldSummary // what classifiers read
		t.Train(Corpus{})
	}
	return t, nil
}

func (t *Tagger) has(id string) bool {
	_, ok := t.byID[id]
	return ok
}

// Topics returns the compiled topic ids, sorted.
func (t *Tagger) Topics() []string {
	ids := make([]string, len(t.topics))
	for i, tp := range t.topics {
		ids[i] = tp.id
	}
	return ids
}

// topicBuilder compiles one topic's rules.
type topicBuilder struct {
	t          *Tagger
	patternIDs map[string]int
	topic      topic
	index      int32
	seen       map[string]int // term identity -> index, to merge repeats
}

func (b *topicBuilder) build(tp model.Topic, path string, probs *Problems) {
	fields := uint8(0)
	for j, f := range tp.Fields {
		bit := fieldBit(strings.TrimSpace(f))
		if bit == 0 {
			*probs = append(*probs, Problem{Path: fmt.Sprintf("%s.fields[%d]", path, j),
				Message: fmt.Sprintf("unknown field %q (title, summary, content, categories)", f)})
		}
		fields |= bit
	}
	if fields == 0 {
		fields = allFields
	}
	if tp.Query != "" && len(tp.Keywords) > 0 {
		*probs = append(*probs, Problem{Path: path + ".query", Message: "use keywords or query, not both"})
	}
	for j, kw := range tp.Keywords {
		if _, msg := b.add(kw, kindKeyword, fields, true); msg != "" {
			*probs = append(*probs, Problem{Path: fmt.Sprintf("%s.keywords[%d]", path, j), Message: msg})
		}
	}
	for j, kw := range tp.Exclude {
		if _, msg := b.add(kw, kindExclude, fields, true); msg != "" {
			*probs = append(*probs, Problem{Path: fmt.Sprintf("%s.exclude[%d]", path, j), Message: msg})
		}
	}
	if strings.TrimSpace(tp.Query) == "" {
		return
	}
	toks, qerr := lex(tp.Query)
	if qerr == nil {
		p := parser{toks: toks, addTerm: func(text string, col int, prefixed bool, f uint8, positive bool) (int, *queryError) {
			if f == 0 {
				f = fields
			}
			if prefixed {
				text += "*"
			}
			idx, msg := b.add(text, kindQuery, f, positive)
			if msg != "" {
				return 0, &queryError{col, msg}
			}
			return idx, nil
		}}
		b.topic.query, qerr = p.parse()
	}
	if qerr != nil {
		*probs = append(*probs, Problem{Path: path + ".query", Column: qerr.col, Message: qerr.msg})
		return
	}
	b.topic.always = eval3(b.topic.query) != triFalse
}

// add compiles one keyword and returns its term index, or a message saying
// why it cannot match anything.
func (b *topicBuilder) add(text string, kind termKind, fields uint8, positive bool) (int, string) {
	raw := strings.TrimSpace(text)
	body, prefix := strings.CutSuffix(raw, "*")
	if strings.Contains(body, "*") {
		return 0, fmt.Sprintf("%q: * is only allowed at the end, as a prefix", text)
	}
	pat := Fold(body)
	switch {
	case pat == "":
		return 0, fmt.Sprintf("%q has no letters or digits to match", text)
	case strings.Contains(pat, "\n"):
		return 0, fmt.Sprintf("%q spans lines", text)
	}
	identity := fmt.Sprintf("%s\x00%t\x00%d\x00%d\x00%t", pat, prefix, kind, fields, positive)
	if b.seen == nil {
		b.seen = make(map[string]int)
	}
	if idx, ok := b.seen[identity]; ok {
		return idx, ""
	}
	pid, ok := b.patternIDs[pat]
	if !ok {
		pid = len(b.t.patterns)
		b.patternIDs[pat] = pid
		b.t.patterns = append(b.t.patterns, pat)
		b.t.refs = append(b.t.refs, nil)
	}
	idx := len(b.topic.terms)
	b.t.refs[pid] = append(b.t.refs[pid], ref{topic: b.index, term: int32(idx)})
	b.topic.terms = append(b.topic.terms, term{
		text: raw, pattern: pid, prefix: prefix, kind: kind, fields: fields,
		positive: positive,
	})
	b.seen[identity] = idx
	return idx, ""
}

// topicIndex reads i from a "topics[i]..." path, for ordering problems as
// the topics were given.
func topicIndex(path string) int {
	var i int
	fmt.Sscanf(path, "topics[%d]", &i)
	return i
}

package tag

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
)

// classifier is one topic's logistic regression over hashed features.
// The weights of all a Tagger's classifiers share one table, a row per
// feature slot and a column per classifier, so that scoring an item for
// every topic reads one cache line per feature, not one per topic.
type classifier struct {
	table     *weightTable
	col       int // its column in table
	bias      float32
	threshold float64
	trained   TrainingCounts
}

// weightTable holds the weights of several classifiers: slot f's weight
// for column c is w[f*cols+c].
type weightTable struct {
	w    []float32
	cols int
}

func newWeightTable(cols int) *weightTable {
	return &weightTable{w: make([]float32, (1<<hashBits)*cols), cols: cols}
}

func (wt *weightTable) weight(f uint32, col int) float32 {
	return wt.w[int(f&(1<<hashBits-1))*wt.cols+col]
}

// sums adds up each column's weights over features fs, into out. It
// works four columns at a time in registers, so that the loads of
// successive features overlap.
func (wt *weightTable) sums(fs []uint32, out []float32) []float32 {
	out = slices.Grow(out[:0], wt.cols)[:wt.cols]
	for c0 := 0; c0 < wt.cols; c0 += 4 {
		var a0, a1, a2, a3 float32
		n := min(wt.cols-c0, 4)
		for _, f := range fs {
			row := wt.w[int(f&(1<<hashBits-1))*wt.cols+c0:]
			switch n {
			case 4:
				a3 += row[3]
				fallthrough
			case 3:
				a2 += row[2]
				fallthrough
			case 2:
				a1 += row[1]
				fallthrough
			default:
				a0 += row[0]
			}
		}
		copy(out[c0:], []float32{a0, a1, a2, a3}[:n])
	}
	return out
}

// TrainingCounts say what a topic's classifier learnt from.
type TrainingCounts struct {
	ExamplesIn, ExamplesOut int // the topic's own examples
	RulesIn, RulesOut       int // stored items its rules match, and stored items they do not
}

// sample is one training document.
type sample struct {
	feats  []uint32
	in     bool
	weight float32
}

// Training settings, fixed so that a topic's classifier is the same from
// the same inputs.
const (
	epochs       = 12
	learningRate = 0.5
	l2           = 1e-2
	// exampleWeight: an example somebody labelled counts for more than a
	// stored item the rules labelled.
	exampleWeight = 3
	// storedOutWeight: a stored item the rules do not match may still be
	// in the topic (a miss of the rules): it counts for less.
	storedOutWeight = 0.5
)

// score is the classifier's probability that features fs are in the topic.
func (c *classifier) score(fs []uint32) float64 {
	return sigmoid(c.margin(fs))
}

func (c *classifier) margin(fs []uint32) float64 {
	var sum float32
	for _, f := range fs {
		sum += c.table.weight(f, c.col)
	}
	return c.marginOf(sum, len(fs))
}

// marginOf is the margin of n features whose weights add up to sum.
func (c *classifier) marginOf(sum float32, n int) float64 {
	if n == 0 {
		return float64(c.bias)
	}
	return float64(c.bias) + float64(sum)*scale(n)
}

func scale(n int) float64 { return 1 / math.Sqrt(float64(n)) }

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// train fits a classifier, column col of table, to samples by stochastic
// gradient descent on the log loss, in an order shuffled by a seed drawn
// from the topic id, with positives and negatives weighed to count alike
// in all.
func train(id string, samples []sample, table *weightTable, col int) *classifier {
	c := &classifier{table: table, col: col}
	var posW, negW float64
	for _, s := range samples {
		if s.in {
			posW += float64(s.weight)
		} else {
			negW += float64(s.weight)
		}
	}
	if posW == 0 || negW == 0 {
		// Nothing to tell apart: a classifier that never applies.
		c.bias = -20
		return c
	}
	posScale, negScale := float32((posW+negW)/(2*posW)), float32((posW+negW)/(2*negW))
	h := fnv.New64a()
	h.Write([]byte(id))
	rng := rand.New(rand.NewPCG(h.Sum64(), 0x5EED))
	order := make([]int, len(samples))
	for i := range order {
		order[i] = i
	}
	for e := range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		rate := float32(learningRate / (1 + 0.3*float64(e)))
		for _, i := range order {
			s := &samples[i]
			y, cw := float32(0), s.weight*negScale
			if s.in {
				y, cw = 1, s.weight*posScale
			}
			g := (float32(sigmoid(c.margin(s.feats))) - y) * cw * rate
			x := float32(scale(len(s.feats)))
			for _, f := range s.feats {
				w := &table.w[int(f)*table.cols+col]
				*w -= g*x + rate*l2**w
			}
			c.bias -= g
		}
	}
	return c
}

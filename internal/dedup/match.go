package dedup

import (
	"cmp"

	"aggregator/internal/model"
)

// minLeadShared is how many headline/lead words besides figures two items
// must share before the headline route counts at all.
const minLeadShared = 3

// Match returns the candidates' story that carries the same story as it
// (compared through it.Fingerprint.Sig), with the route and score of its
// best evidence, or the zero Join when none does.
//
// The item is judged against each story as a whole, not against its
// nearest member: it joins a story only when it is the same story as the
// story's face (its earliest candidate) or as a majority of the story's
// candidates. Otherwise stories would chain: B joins A, C resembles B
// closely enough, D resembles C, and A and D, different events, end up as
// one story. Among several stories that qualify, the most similar wins
// (its best candidate's score); ties go to the earliest face. Candidates
// of the item's own source must be near-identical to match, and an item
// whose headline figures clash with a candidate's joins it as an update
// only within hours (updateWindow) of it.
func Match(it *model.Item, cands []model.Candidate) model.Join {
	sig, ok := decode(it.Fingerprint.Sig)
	if !ok {
		return model.Join{}
	}
	verdicts := make([]verdict, 0, len(cands))
	for i := range cands {
		c := &cands[i]
		if c.StoryID == 0 {
			continue
		}
		cs, ok := c.Prepared.(*signature)
		if !ok {
			d, ok := decode(c.Sig)
			if !ok {
				continue
			}
			cs = &d
		}
		v := verdict{cand: c}
		sameSource := it.SourceID != "" && c.SourceID == it.SourceID
		if !hopeless(&sig, cs, sameSource) {
			e := compare(&sig, cs)
			e.apart = !it.FirstSeen.IsZero() && !c.FirstSeen.IsZero() &&
				(it.FirstSeen.Sub(c.FirstSeen) > updateWindow || c.FirstSeen.Sub(it.FirstSeen) > updateWindow)
			m, r := e.route()
			if sameSource {
				r = routeText // a re-post: near-identical texts
			}
			v.same, v.score, v.route = e.sameAt(m, sameSource), scoreOf(m), r
		}
		verdicts = append(verdicts, v)
	}
	var best *storyVerdict
	stories := byStory(verdicts)
	for i := range stories {
		s := &stories[i] // not a copy per story: best would move it to the heap
		if !s.joins() {
			continue
		}
		if best == nil || s.score > best.score ||
			(s.score == best.score && s.face.cand.FirstSeen.Before(best.face.cand.FirstSeen)) {
			best = s
		}
	}
	if best == nil {
		return model.Join{}
	}
	return model.Join{StoryID: best.face.cand.StoryID, Route: best.route.String(), Score: best.score}
}

// Prepare decodes a signature for Match (model.Candidate.Prepared): a
// store that keeps it decodes each candidate once, not once per item it
// is compared with. A malformed signature gives nil.
func Prepare(sig []byte) any {
	s, ok := decode(sig)
	if !ok {
		return nil
	}
	return &s
}

// verdict is the item's comparison with one candidate.
type verdict struct {
	cand  *model.Candidate
	same  bool
	score float64
	route joinRoute
}

// storyVerdict sums up the verdicts on the candidates of one story.
type storyVerdict struct {
	face         verdict   // the story's earliest candidate
	count, agree int       // candidates, and those that are the same story
	score        float64   // best score among those that agree
	route        joinRoute // the route of that score
}

// joins reports whether the item belongs to the story: the same as its
// face, or as a strict majority of its candidates.
func (s storyVerdict) joins() bool {
	return s.face.same || 2*s.agree > s.count
}

// byStory groups verdicts by story, in order of first appearance.
func byStory(vs []verdict) []storyVerdict {
	idx := make(map[int64]int, len(vs))
	out := make([]storyVerdict, 0, len(vs))
	for _, v := range vs {
		i, ok := idx[v.cand.StoryID]
		if !ok {
			i = len(out)
			idx[v.cand.StoryID] = i
			out = append(out, storyVerdict{face: v})
		}
		s := &out[i]
		s.count++
		if earlier(v.cand, s.face.cand) {
			s.face = v
		}
		if v.same {
			s.agree++
			if v.score > s.score {
				s.score, s.route = v.score, v.route
			}
		}
	}
	return out
}

// earlier orders candidates by first seen, then by item id.
func earlier(a, b *model.Candidate) bool {
	if c := a.FirstSeen.Compare(b.FirstSeen); c != 0 {
		return c < 0
	}
	return cmp.Less(a.ItemID, b.ItemID)
}

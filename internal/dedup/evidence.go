package dedup

import (
	"slices"
	"time"

	"aggregator/internal/model"
)

// Similarity scores how surely two signatures carry the same story, from 0
// to 1; Match joins items of different sources at 0.5 or more (items of
// one source only when near-identical). Malformed signatures score 0.
func Similarity(a, b []byte) float64 {
	sa, ok := decode(a)
	if !ok {
		return 0
	}
	sb, ok := decode(b)
	if !ok {
		return 0
	}
	return compare(&sa, &sb).score()
}

// evidence is what two signatures have in common.
type evidence struct {
	jaccard    float64 // estimated shingle Jaccard of the whole texts
	lead       float64 // overlap coefficient of headline/lead words
	leadShared int
	names      float64 // overlap coefficient of names (-1: one side has none)
	numbers    float64 // overlap coefficient of numbers (-1: one side has none)
	nameShared int
	// figuresMissing is how many headline/lead figures each side carries
	// that the other does not carry anywhere (the smaller count: one side
	// merely leaving figures out is no clash).
	figuresMissing int
	figuresShared  int // headline/lead figures the other side carries too (the smaller count)
	// leadFigures is how many of the shared headline/lead words are
	// figures (in both headlines or leads).
	leadFigures int
	leadNames   float64 // overlap coefficient of headline/lead names (-1: one side has none)
	// contained is the share of the short side's text that the long
	// side's lead contains, of containedShared shingles (0 when neither
	// side is short, or the share is below containLead).
	contained       float64
	containedShared int
	// genres is set when one item is an analysis or opinion piece and
	// the other is not: it is about the news, not a report of it.
	genres bool
	// apart is set when the two items were first seen more than
	// updateWindow apart: too far for one to update the other's figures.
	apart bool
}

// updateWindow is how far apart an update of a story's figures (a toll
// rising, a later count) may come; the next day's templated report (a
// market close, a daily tally) with the same names and other figures is
// another story.
const updateWindow = 12 * time.Hour

// compare gathers the evidence between two signatures.
func compare(a, b *signature) evidence {
	var e evidence
	if a.shingles > 0 && b.shingles > 0 {
		same := sameMins(a, b)
		// b-bit MinHash: unrelated values collide with probability 2^-16.
		const chance = 1.0 / 65536
		e.jaccard = max(0, (float64(same)/numHashes-chance)/(1-chance))
	}
	e.leadShared = intersect(a.lead, b.lead)
	if m := min(len(a.lead), len(b.lead)); m > 0 {
		e.lead = float64(e.leadShared) / float64(m)
	}
	an, anum, bn, bnum := a.names, a.numbers, b.names, b.numbers
	e.nameShared = intersect(an, bn)
	e.names = coefficient(e.nameShared, len(an), len(bn))
	e.numbers = coefficient(intersect(anum, bnum), len(anum), len(bnum))
	af, bf := a.leadFigures, b.leadFigures
	e.figuresMissing = min(missing(af, bnum), missing(bf, anum))
	e.figuresShared = min(intersect(af, bnum), intersect(bf, anum))
	e.leadFigures = intersect(af, bf)
	e.leadNames = coefficient(intersect(a.leadNames, b.leadNames), len(a.leadNames), len(b.leadNames))
	e.contained, e.containedShared = containment(a, b)
	e.genres = a.comment != b.comment
	return e
}

// hopeless reports, from the cheapest pieces of evidence, that a and b
// cannot be the same story by any route of margin: every text route needs
// a shingle Jaccard of mixedJaccard at least, the headline route
// minLeadShared shared headline/lead words, the containment route a short
// side mostly in the other's lead (and two items of one source a Jaccard
// of repostJaccard). Most candidates of an item fail all three, and are
// then spared the rest of compare.
func hopeless(a, b *signature, sameSource bool) bool {
	same := 0
	if a.shingles > 0 && b.shingles > 0 {
		same = sameMins(a, b)
	}
	// The estimate compare makes, at its most generous.
	j := float64(same) / numHashes
	if sameSource {
		return j < repostJaccard
	}
	if j >= mixedJaccard || intersect(a.lead, b.lead) >= minLeadShared {
		return false
	}
	c, _ := containment(a, b)
	return c < containLead
}

// inLead returns those of a signature's entities (names or numbers) that
// appear in its headline or lead. An entity keeps 15 bits of the word's
// hash, the lead set 16, so an entity is in the lead when either
// completion of its hash is among the lead words.
func inLead(s *signature, ents []uint16) []uint16 {
	var out []uint16
	for _, v := range ents {
		if low := v &^ numberBit; has(s.lead, low) || has(s.lead, low|numberBit) {
			out = append(out, v)
		}
	}
	return out
}

// missing counts the values of a (sorted) absent from b (sorted).
func missing(a, b []uint16) int {
	return len(a) - intersect(a, b)
}

// has reports whether the sorted set s holds v.
func has(s []uint16, v uint16) bool {
	_, ok := slices.BinarySearch(s, v)
	return ok
}

// split separates an entity set into names and numbers (both sorted:
// numbers carry the top bit, so they sort last).
func split(ents []uint16) (names, numbers []uint16) {
	i := 0
	for i < len(ents) && ents[i]&numberBit == 0 {
		i++
	}
	return ents[:i], ents[i:]
}

// coefficient is the overlap coefficient |A∩B|/min(|A|,|B|), or -1 when
// either set is empty (no evidence either way).
func coefficient(shared, a, b int) float64 {
	if a == 0 || b == 0 {
		return -1
	}
	return float64(shared) / float64(min(a, b))
}

// Route thresholds: each route of score passes at these values.
const (
	textJaccard      = 0.5  // shingle Jaccard alone
	clashJaccard     = 0.85 // shingle Jaccard alone when the figures clash
	mixedJaccard     = 0.25 // shingle Jaccard when names and figures agree
	leadOverlap      = 0.4  // headline/lead overlap when names and figures agree
	leadOverlapNames = 0.5  // headline/lead overlap when only names can agree
	agreeNames       = 0.5  // name overlap coefficient that counts as agreeing
	agreeNumbers     = 0.5  // number overlap coefficient that counts as agreeing
	strongNames      = 0.75 // name overlap that stands in for absent figures
	repostJaccard    = 0.9  // shingle Jaccard for two items of one source
)

// joinRoute names the evidence that makes two items one story.
type joinRoute uint8

// Routes of margin.
const (
	routeNone        joinRoute = iota
	routeText                  // the whole texts overlap (text and mixed)
	routeContainment           // the short side's text is in the long side's lead
	routeHeadline              // headline and lead words, names and figures
)

// String is the route's name as the store keeps it (model.Route*).
func (r joinRoute) String() string {
	switch r {
	case routeText:
		return model.RouteText
	case routeContainment:
		return model.RouteContainment
	case routeHeadline:
		return model.RouteHeadline
	}
	return ""
}

// margin is the largest ratio of evidence to threshold over the routes
// to "same story"; 1 or more means a match.
func (e evidence) margin() float64 {
	m, _ := e.route()
	return m
}

// route is margin with the route that gave it:
//
//   - text: the texts themselves overlap heavily (wire copy, syndication,
//     a rewrite whose body stayed). If the figures clash, as between two
//     days of a templated report, it takes a near-identical text.
//   - mixed: the texts overlap moderately and the same names and figures
//     appear in both.
//   - containment: one side is short and its text is (nearly) in the
//     other's lead, names and figures agreeing: a summary or first
//     paragraph carried without the rest of the article.
//   - headline: the headlines and leads share words and agree on names
//     and figures (short items: a headline and a line or two). Without
//     any figures to compare, the names must agree strongly.
//
// Names and numbers gate the weaker routes because they are what tell
// apart stories that share a subject: two attacks, two IMF statements, two
// matches of one series, two days of market figures. An analysis or
// opinion piece and a report (genres) take the text route alone.
func (e evidence) route() (float64, joinRoute) {
	namesAgree := e.names < 0 || e.names >= agreeNames
	// Headline figures that clash (another day's close, another tranche)
	// count as clashing numbers, unless the same several names vouch for
	// an update of one story within hours: templated reports share all
	// their wording but the figures.
	update := !e.apart && e.names >= strongNames && e.nameShared >= minLeadShared
	numbersAgree := (e.numbers < 0 || e.numbers >= agreeNumbers) && (!e.figuresClash() || update)
	m, r := e.jaccard/textJaccard, routeText
	if !numbersAgree {
		m = e.jaccard / clashJaccard
	}
	if e.genres {
		// An analysis of the news shares its names, figures and lead
		// words; only a near-copy of the report's text is the report.
		return m, r
	}
	if namesAgree && numbersAgree && (e.names >= 0 || e.numbers >= 0) {
		m = max(m, e.jaccard/mixedJaccard)
	}
	better := func(v float64, via joinRoute) {
		if v > m {
			m, r = v, via
		}
	}
	if namesAgree && numbersAgree && e.containedShared >= minContainShingles {
		better(e.contained/containLead, routeContainment)
	}
	// The headline route needs minLeadShared shared words besides figures: a
	// small number and two common words ("one-month low", "top 10", a
	// date) are in many unrelated headlines.
	//
	// It compares the names of the headlines and leads: a
	// short item's few names turn up somewhere in any long text of the
	// same beat, so the whole texts' names prove little here unless
	// nearly all of them recur.
	leadNamesAgree := namesAgree && (e.leadNames < 0 || e.leadNames >= agreeNames || e.names >= strongNames)
	if e.leadShared-e.leadFigures >= minLeadShared {
		switch {
		case e.numbers >= agreeNumbers && numbersAgree && leadNamesAgree:
			better(e.lead/leadOverlap, routeHeadline)
		case e.numbers < 0 && e.names >= strongNames && e.leadNames >= agreeNames:
			better(e.lead/leadOverlapNames, routeHeadline)
		}
	}
	if m == 0 {
		r = routeNone
	}
	return m, r
}

// figuresClash reports whether each side's headline or lead carries
// figures the other lacks, and those are at least as many as the ones they
// share: another day's market close, another IMF tranche, another toll.
// One side merely leaving figures out is no clash.
func (e evidence) figuresClash() bool {
	return e.figuresMissing > 0 && e.figuresMissing >= e.figuresShared
}

// score maps the margin onto [0, 1), 0.5 at the threshold.
func (e evidence) score() float64 {
	return scoreOf(e.margin())
}

// scoreOf maps a margin onto [0, 1), 0.5 at the threshold.
func scoreOf(m float64) float64 { return m / (1 + m) }

// same decides a pair; two items of one source must be near-identical.
func (e evidence) same(sameSource bool) bool {
	return e.sameAt(e.margin(), sameSource)
}

// sameAt is same for the margin m of e, computed already.
func (e evidence) sameAt(m float64, sameSource bool) bool {
	if sameSource {
		return e.jaccard >= repostJaccard && (e.numbers < 0 || e.numbers >= agreeNumbers)
	}
	return m >= 1
}

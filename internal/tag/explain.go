package tag

import (
	"fmt"
	"slices"
	"strings"

	"aggregator/internal/model"
)

// Explanation says why a topic did or did not apply to an item.
type Explanation struct {
	Topic   string
	Applied bool
	Reason  string
	Hits    []model.Hit // matches of the topic's keywords or positive query terms
	Vetoes  []model.Hit // matches of its exclude keywords
	// Classifier is the topic classifier's judgement, nil when it has none.
	Classifier *ClassifierResult
	Via        string // model.ViaClassifier when only the classifier applied it
}

// Explain evaluates every compiled topic (sorted by id) against it and
// says why each did or did not apply. Topics of src that are not compiled
// are explained too.
func (t *Tagger) Explain(it *model.Item, src model.Source) []Explanation {
	sc := t.pool.Get().(*scratch)
	defer t.release(sc)
	t.scan(sc, it)
	out := make([]Explanation, 0, len(t.topics))
	for i := range t.topics {
		ti := int32(i)
		tp := &t.topics[ti]
		applied, vetoed := t.evaluate(sc, ti, &src)
		e := Explanation{
			Topic:  tp.id,
			Hits:   t.hitsWhere(sc, ti, func(tm *term) bool { return tm.kind != kindExclude && tm.positive }, nil),
			Vetoes: t.hitsWhere(sc, ti, func(tm *term) bool { return tm.kind == kindExclude }, nil),
		}
		e.Classifier = t.judge(sc, ti)
		byClassifier := !applied && !vetoed && e.Classifier != nil && e.Classifier.Score >= e.Classifier.Threshold
		if byClassifier {
			e.Via = model.ViaClassifier
		}
		bySource := slices.Contains(src.Topics, tp.id)
		e.Applied = applied || byClassifier || bySource
		e.Reason = reason(tp, applied, vetoed, bySource, src.ID, e)
		out = append(out, e)
	}
	for _, id := range src.Topics {
		if !t.has(id) && id != "" {
			out = append(out, Explanation{Topic: id, Applied: true,
				Reason: fmt.Sprintf("source %s applies it to every item (the topic has no rules here)", src.ID)})
		}
	}
	return out
}

func reason(tp *topic, applied, vetoed, bySource bool, srcID string, e Explanation) string {
	var why string
	switch {
	case applied && tp.query != nil:
		why = "query holds" + hitSummary(e.Hits)
	case applied:
		why = "matched" + hitSummary(e.Hits)
	case vetoed:
		why = "vetoed by exclude" + hitSummary(e.Vetoes)
	case tp.query != nil:
		why = "query does not hold" + hitSummary(e.Hits)
	case len(tp.terms) == 0:
		why = "topic has no keywords"
	default:
		why = "no keyword matched"
	}
	if c := e.Classifier; c != nil {
		switch {
		case e.Via != "":
			why = fmt.Sprintf("%s, but the classifier scores %.2f, at or above its threshold %.2f", why, c.Score, c.Threshold)
		case vetoed:
			why = fmt.Sprintf("%s (the classifier scores %.2f, threshold %.2f)", why, c.Score, c.Threshold)
		default:
			why = fmt.Sprintf("%s; the classifier scores %.2f, threshold %.2f", why, c.Score, c.Threshold)
		}
	}
	if bySource {
		return fmt.Sprintf("source %s applies it to every item; %s", srcID, why)
	}
	return why
}

// hitSummary lists distinct term/field pairs: ` "CPEC" in title, "Gwadar" in content`.
func hitSummary(hs []model.Hit) string {
	if len(hs) == 0 {
		return ""
	}
	var parts []string
	for _, h := range hs {
		p := fmt.Sprintf("%q in %s", h.Term, h.Field)
		if !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	return ": " + strings.Join(parts, ", ")
}

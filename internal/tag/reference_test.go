package tag

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"aggregator/internal/model"
)

// naiveApplies is the keyword semantics spelled out slowly: every
// occurrence of every folded keyword in every folded field, checked for
// word boundaries.
func naiveApplies(tp model.Topic, it *model.Item) bool {
	found := func(kws []string) bool {
		for _, kw := range kws {
			body, prefix := strings.CutSuffix(kw, "*")
			pat := Fold(body)
			for f := range numFields {
				text := []byte(Fold(fieldText(it, f)))
				for off := 0; ; {
					i := strings.Index(string(text[off:]), pat)
					if i < 0 {
						break
					}
					s, e := off+i, off+i+len(pat)
					if isBoundary(text, s) && (prefix || isBoundary(text, e)) {
						return true
					}
					off = s + 1
				}
			}
		}
		return false
	}
	return found(tp.Keywords) && !found(tp.Exclude)
}

func TestTagAgreesWithNaiveMatching(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	vocab := []string{"gwadar", "Gwadar", "port", "attack", "attacks", "attacker", "China", "Pakistan's", "CPEC",
		"economic", "corridor", "ka", "kar", "karachi", "پاکستان", "پاک", "گوادر", "حملہ", "中巴", "经济", "走廊", "中国",
		"भारत", "भारतीय", "a", "the", "U.S.", "Straße", "strasse"}
	seps := []string{" ", "  ", "-", ", ", "’s ", "\n", "。", "", "—"}
	sentence := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			b.WriteString(vocab[r.IntN(len(vocab))])
		}
		return b.String()
	}
	var topics []model.Topic
	for i := range 60 {
		tp := model.Topic{ID: fmt.Sprintf("t%02d", i)}
		for range 1 + r.IntN(4) {
			kw := sentence(1 + r.IntN(3))
			if r.IntN(4) == 0 {
				kw += "*"
			}
			tp.Keywords = append(tp.Keywords, kw)
		}
		if r.IntN(3) == 0 {
			tp.Exclude = []string{vocab[r.IntN(len(vocab))]}
		}
		if Fold(strings.Join(tp.Keywords, " ")) == "" || slices.ContainsFunc(tp.Keywords, func(k string) bool { return Fold(strings.TrimSuffix(k, "*")) == "" || strings.Contains(Fold(k), "\n") }) {
			continue
		}
		topics = append(topics, tp)
	}
	tg, err := Compile(topics)
	if err != nil {
		t.Fatal(err)
	}
	applied, total := 0, 0
	for n := range 400 {
		it := model.Item{Title: sentence(6), SummaryText: sentence(12), ContentText: sentence(30), Categories: []string{sentence(2), sentence(1)}}
		got := map[string]bool{}
		for _, m := range tg.Tag(&it, model.Source{}) {
			got[m.Topic] = true
		}
		for _, tp := range topics {
			want := naiveApplies(tp, &it)
			total++
			if want {
				applied++
			}
			if got[tp.ID] != want {
				t.Fatalf("item %d, topic %+v: Tag says %v, naive matching says %v\nitem %+v", n, tp, got[tp.ID], want, it)
			}
		}
	}
	if applied < total/10 || applied > total*9/10 {
		t.Fatalf("%d of %d topic/item pairs apply: the generator no longer tests both outcomes", applied, total)
	}
}

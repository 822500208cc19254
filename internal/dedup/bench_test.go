package dedup

import (
	"strings"
	"testing"

	"aggregator/internal/model"
)

// typicalArticle is about 600 words of wire copy, the length of a typical
// news article.
func typicalArticle(b *testing.B) *model.Item {
	b.Helper()
	var text []string
	words := 0
	for _, p := range loadPairs(b) {
		if words >= 600 {
			break
		}
		if p.A.Text != "" && (len(text) == 0 || text[len(text)-1] != p.A.Text) && strings.Contains(p.A.Text, " ") {
			text = append(text, p.A.Text)
			words += len(strings.Fields(p.A.Text))
		}
	}
	body := strings.Join(text, "\n")
	return &model.Item{SourceID: "app", Title: "Four policemen martyred in Quetta roadside blast", ContentText: body}
}

func BenchmarkFingerprint(b *testing.B) {
	it := typicalArticle(b)
	b.SetBytes(int64(len(it.ContentText)))
	b.ReportAllocs()
	for b.Loop() {
		Fingerprint(it)
	}
}

// BenchmarkMatch compares an item with 50 candidates, long and short,
// decoding each candidate's signature as it goes.
func BenchmarkMatch(b *testing.B) { benchmarkMatch(b, false) }

// BenchmarkMatchPrepared is Match as the store calls it: the candidates'
// signatures decoded once beforehand (Prepare).
func BenchmarkMatchPrepared(b *testing.B) { benchmarkMatch(b, true) }

func benchmarkMatch(b *testing.B, prepared bool) {
	pairs := loadPairs(b)
	var cands []model.Candidate
	for i, p := range pairs {
		if len(cands) == 50 {
			break
		}
		it := p.B.item()
		c := model.Candidate{ItemID: int64(i + 1), StoryID: int64(i + 1), SourceID: it.SourceID, Sig: it.Fingerprint.Sig}
		if prepared {
			c.Prepared = Prepare(c.Sig)
		}
		cands = append(cands, c)
	}
	it := pairs[len(pairs)/2].A.item()
	b.ReportAllocs()
	for b.Loop() {
		Match(it, cands)
	}
}

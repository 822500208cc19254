package tag

import "testing"

// BenchmarkFold measures folding alone (with word starts and their offsets) per script.
func BenchmarkFold(b *testing.B) {
	items := benchNewsItems()
	for _, c := range []struct {
		name string
		item int
	}{{"English", 0}, {"Urdu", 3}, {"Chinese", 7}} {
		b.Run(c.name, func(b *testing.B) {
			it := &items[c.item]
			var f folder
			w := canonWriter{track: true}
			b.SetBytes(int64(len(it.Title) + len(it.SummaryText) + len(it.ContentText)))
			for b.Loop() {
				w.dst, w.words, w.wordAt = w.dst[:0], w.words[:0], w.wordAt[:0]
				for fi := range numFields {
					f.appendField(&w, fieldText(it, fi))
				}
			}
		})
	}
}

package tag

import (
	"testing"
	"unicode/utf8"
)

// FuzzFold checks the invariants the matcher relies on: the position map
// has one entry per word start, stays within the text and never goes
// backwards; word starts are increasing and start words; folding is
// idempotent.
func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "Pakistan's CPEC", "پاک\u200cستان يكه", "中巴经济走廊CPEC项目", "cafe\u0301 ＣＰＥＣ ﬁ", "भारत\u093cीय", "a\n\nb - c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		var fo folder
		w := canonWriter{track: true}
		fo.appendField(&w, s)
		if len(w.wordAt) != len(w.words) {
			t.Fatalf("%d positions for %d word starts", len(w.wordAt), len(w.words))
		}
		for i, p := range w.wordAt {
			if p < 0 || int(p) >= len(s) || (i > 0 && p < w.wordAt[i-1]) {
				t.Fatalf("wordAt[%d] = %d out of order or range (len %d): %v", i, p, len(s), w.wordAt)
			}
		}
		for k, st := range w.words {
			if (k > 0 && st <= w.words[k-1]) || !isBoundary(w.dst, int(st)) || w.dst[st] == ' ' || w.dst[st] == '\n' {
				t.Fatalf("word start %d at %d is not a word start of %q", k, st, w.dst)
			}
		}
		if once := string(w.dst); Fold(once) != once {
			t.Fatalf("Fold(%q) = %q, folding it again gives %q", s, once, Fold(once))
		}
	})
}

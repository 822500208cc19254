package config

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestHeadlinesFixtureIsWellFormed checks testdata/headlines.tsv, the
// headline set for the tag package's tests: three columns, known topic ids
// of the shipped config, and a language of its sources.
func TestHeadlinesFixtureIsWellFormed(t *testing.T) {
	c, err := Load(filepath.Join("..", "..", "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	rows, perLang := 0, map[string]int{}
	for _, row := range readTSV(t, "headlines.tsv", 3) {
		n, cols := row.line, row.cols
		rows++
		perLang[cols[1]]++
		if !slices.Contains([]string{"en", "ur", "zh"}, cols[1]) {
			t.Errorf("line %d: language %q", n, cols[1])
		}
		if cols[0] == "-" {
			continue
		}
		ids := strings.Split(cols[0], ",")
		if !slices.IsSorted(ids) {
			t.Errorf("line %d: topics %q not sorted", n, cols[0])
		}
		for _, id := range ids {
			if _, ok := c.Topic(id); !ok {
				t.Errorf("line %d: unknown topic %q", n, id)
			}
		}
	}
	if rows < 40 || perLang["ur"] < 5 || perLang["zh"] < 5 {
		t.Errorf("%d headlines (%v), want at least 40 with 5 in Urdu and Chinese", rows, perLang)
	}
}

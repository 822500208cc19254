package config

import (
	"bufio"
	"os"
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
	f, err := os.Open(filepath.Join("testdata", "headlines.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, perLang := 0, map[string]int{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 || cols[2] == "" {
			t.Errorf("line %d: want 3 tab-separated columns, got %q", n, line)
			continue
		}
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
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if rows < 40 || perLang["ur"] < 5 || perLang["zh"] < 5 {
		t.Errorf("%d headlines (%v), want at least 40 with 5 in Urdu and Chinese", rows, perLang)
	}
}

package tag

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"aggregator/internal/model"
)

// TestShippedConfigHeadlines tags the headlines of
// internal/config/testdata/headlines.tsv (title only) with the topics of the
// shipped config.yaml and checks each against its expected topics. It is
// skipped while either file is missing.
func TestShippedConfigHeadlines(t *testing.T) {
	const configPath, headlinesPath = "../../config.yaml", "../config/testdata/headlines.tsv"
	raw, err := os.ReadFile(configPath)
	if os.IsNotExist(err) {
		t.Skip("no config.yaml")
	}
	if err != nil {
		t.Fatal(err)
	}
	hf, err := os.Open(headlinesPath)
	if os.IsNotExist(err) {
		t.Skip("no headlines.tsv")
	}
	if err != nil {
		t.Fatal(err)
	}
	defer hf.Close()

	var cfg struct {
		Topics []struct {
			ID       string   `yaml:"id"`
			Keywords []string `yaml:"keywords"`
			Query    string   `yaml:"query"`
			Exclude  []string `yaml:"exclude"`
			Fields   []string `yaml:"fields"`
		} `yaml:"topics"`
	}
	if err := yaml.Unmarshal(raw, &cfg); err != nil {
		t.Fatalf("%s: %v", configPath, err)
	}
	topics := make([]model.Topic, len(cfg.Topics))
	for i, c := range cfg.Topics {
		topics[i] = model.Topic{ID: c.ID, Keywords: c.Keywords, Query: c.Query, Exclude: c.Exclude, Fields: c.Fields}
	}
	tg, err := Compile(topics)
	if err != nil {
		t.Fatalf("%s topics do not compile:\n%v", configPath, err)
	}

	sc := bufio.NewScanner(hf)
	line, checked := 0, 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.HasPrefix(text, "#") || strings.TrimSpace(text) == "" {
			continue
		}
		cols := strings.SplitN(text, "\t", 3)
		if len(cols) != 3 {
			t.Errorf("headlines.tsv:%d: want 3 tab-separated columns, got %q", line, text)
			continue
		}
		var want []string
		if cols[0] != "-" {
			want = strings.Split(cols[0], ",")
			slices.Sort(want)
		}
		it := model.Item{Title: cols[2]}
		var got []string
		for _, m := range tg.Tag(&it, model.Source{Language: cols[1]}) {
			got = append(got, m.Topic)
		}
		if !slices.Equal(got, want) {
			t.Errorf("headlines.tsv:%d [%s] %q: topics %q, want %q", line, cols[1], cols[2], got, want)
		}
		checked++
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("headlines.tsv holds no headline")
	}
}

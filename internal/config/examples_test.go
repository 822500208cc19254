package config

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"aggregator/internal/model"
)

// writeConfig writes config.yaml (and other files) into a temp dir and
// returns config.yaml's path.
func writeConfig(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "config.yaml")
}

const examplesTopic = `topics:
  - id: security
    keywords: [attack]
    classifier:
      enabled: true
      threshold: 0.7
    examples:
      in:
        - "Army foils infiltration bid along LoC"
        - "https://dawn.example/news/1"
        - "#42"
      out: ["Pace attack shines in Lahore"]
      file: topics/security.txt
`

func TestTopicExamples(t *testing.T) {
	path := writeConfig(t, map[string]string{
		"config.yaml": examplesTopic,
		"topics/security.txt": "# security examples\n\n+ Troops kill infiltrators near border\n" +
			"-   Heart attack kills actor\n+ #7\n",
	})
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	tp := c.Topics[0]
	if got, want := tp.Classifier, (model.Classifier{Enabled: true, Threshold: 0.7}); got != want {
		t.Errorf("classifier %+v, want %+v", got, want)
	}
	file := filepath.Join(filepath.Dir(path), "topics/security.txt")
	want := []model.Example{
		{Text: "Army foils infiltration bid along LoC", In: true, At: path + ":9"},
		{URL: "https://dawn.example/news/1", In: true, At: path + ":10"},
		{ItemID: 42, In: true, At: path + ":11"},
		{Text: "Pace attack shines in Lahore", At: path + ":12"},
		{Text: "Troops kill infiltrators near border", In: true, At: file + ":3"},
		{Text: "Heart attack kills actor", At: file + ":4"},
		{ItemID: 7, In: true, At: file + ":5"},
	}
	if !slices.Equal(tp.Examples, want) {
		t.Errorf("examples:\n got %+v\nwant %+v", tp.Examples, want)
	}
}

func TestLabelledExamplesFileServesSeveralTopics(t *testing.T) {
	path := writeConfig(t, map[string]string{
		"config.yaml": "topics:\n" +
			"  - {id: energy, keywords: [gas], classifier: {enabled: true}, examples: {file: labelled.tsv}}\n" +
			"  - {id: economy, keywords: [tax], classifier: {enabled: true}, examples: {file: labelled.tsv}}\n",
		"labelled.tsv": "economy,energy\tPetrol price up by Rs5\tThe government raised the price on Friday.\n" +
			"energy\tGas shortage hits Karachi\n-\tTeam wins the cup\n",
	})
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	in := func(tp model.Topic) (out []string) {
		for _, ex := range tp.Examples {
			if ex.In {
				out = append(out, ex.Text)
			}
		}
		return out
	}
	if got, want := in(c.Topics[0]), []string{"Petrol price up by Rs5", "Gas shortage hits Karachi"}; !slices.Equal(got, want) {
		t.Errorf("energy in %q, want %q", got, want)
	}
	if got, want := in(c.Topics[1]), []string{"Petrol price up by Rs5"}; !slices.Equal(got, want) {
		t.Errorf("economy in %q, want %q", got, want)
	}
	if n := len(c.Topics[1].Examples); n != 3 {
		t.Errorf("economy has %d examples, want 3 (two out)", n)
	}
	if got, want := c.Topics[0].Examples[0].Summary, "The government raised the price on Friday."; got != want {
		t.Errorf("first sentence %q, want %q", got, want)
	}
}

func TestTopicExampleProblems(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // each a problem, FILE relative to the temp dir
	}{
		{"BadLineInFile", map[string]string{
			"config.yaml": "topics:\n  - id: t\n    keywords: [a]\n    classifier: {enabled: true}\n    examples: {file: ex.txt}\n",
			"ex.txt":      "+ fine\nno sign here\n+\n",
		}, []string{
			`ex.txt:2: topics[0].examples.file: "no sign here": start the line with "+ " (in the topic) or "- " (out of it)`,
			"ex.txt:3: topics[0].examples.file: empty example: give a headline, an article URL or #ID of a stored item after the + or -",
		}},
		{"BadTopicIDsInLabelledLine", map[string]string{
			"config.yaml": "topics:\n  - id: t\n    keywords: [a]\n    examples: {file: ex.tsv}\n",
			"ex.tsv":      "Energy Economy\tPetrol up\nt\t\n",
		}, []string{
			`ex.tsv:1: topics[0].examples.file: "Energy Economy": before the tab, give the ids of the topics the item is in, comma-separated ("-" for none), or start the line with "+ " or "- " without a tab`,
			"ex.tsv:2: topics[0].examples.file: empty headline after the topic ids and the tab",
		}},
		{"MissingFile", map[string]string{
			"config.yaml": "topics:\n  - id: t\n    keywords: [a]\n    examples: {file: nope.txt}\n",
		}, []string{"config.yaml:4: topics[0].examples.file: cannot read the examples file nope.txt: no such file or directory"}},
		{"EmptyInlineExample", map[string]string{
			"config.yaml": "topics:\n  - id: t\n    keywords: [a]\n    examples:\n      in: [\"  \"]\n",
		}, []string{"config.yaml:5: topics[0].examples.in[0]: empty example: give a headline, an article URL or #ID of a stored item"}},
		{"ThresholdOutOfRange", map[string]string{
			"config.yaml": "topics:\n  - id: t\n    keywords: [a]\n    classifier: {enabled: true, threshold: 1.5}\n",
		}, []string{`config.yaml:4: topics[0].classifier.threshold: must be a number between 0 and 1 (a probability), not "1.5"`}},
		{"UnknownExamplesKey", map[string]string{
			"config.yaml": "topics:\n  - id: t\n    keywords: [a]\n    examples: {inn: [x]}\n",
		}, []string{`config.yaml:4: topics[0].examples.inn: unknown key "inn"; did you mean "in"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeConfig(t, tt.files)
			dir := filepath.Dir(path)
			_, err := Load(path)
			var ps Problems
			if !errors.As(err, &ps) {
				t.Fatalf("err %v, want Problems", err)
			}
			var got []string
			for _, p := range ps {
				s := strings.ReplaceAll(p.String(), dir+string(filepath.Separator), "")
				got = append(got, strings.ReplaceAll(s, dir, "DIR"))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestExamplesWithoutClassifierWarn(t *testing.T) {
	path := writeConfig(t, map[string]string{
		"config.yaml": "topics:\n  - id: t\n    keywords: [a]\n    examples: {in: [x]}\n",
	})
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range c.Warnings() {
		found = found || strings.Contains(w.Message, "examples but no classifier") && w.Line == 4
	}
	if !found {
		t.Errorf("warnings %v, want one on line 4 about the missing classifier", c.Warnings())
	}
}

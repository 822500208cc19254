package tag

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var updateExamples = flag.Bool("update-examples", false, "rewrite topic-examples.tsv from the tuning half")

const shippedExamplesPath = "../../topic-examples.tsv"

// shippedExamplesHeader heads topic-examples.tsv.
const shippedExamplesHeader = `# Examples of the shipped topics, for their classifiers (config.yaml names
# this file in each topic's examples). One item a line: the ids of the topics
# it is in (comma-separated, "-" for none), a tab, its headline, a tab and its
# first sentence. An item is in the topics it names and out of the others.
# These are the labelled items of the evaluation's tuning half
# (internal/tag/testdata/eval: tune-items.tsv and tune-labels.tsv; sources and
# licences in its README), labelled by its guideline without sight of the
# rules. Nothing of the holdout half is here. Written by
#   go test ./internal/tag -run TestShippedExamplesAreTheTuningHalf -update-examples
`

// TestShippedExamplesAreTheTuningHalf holds topic-examples.tsv to the
// labelled items of the tuning half, in its order, with their labels: the
// shipped classifiers learn from nothing else (no holdout item, no text
// from outside the evaluation set). -update-examples rewrites it.
func TestShippedExamplesAreTheTuningHalf(t *testing.T) {
	_, _, topics := shippedTaggers(t)
	items, ok := readHalf(t, evalDir, "tune", topics)
	if !ok {
		t.Skip("no tuning half")
	}
	var b strings.Builder
	b.WriteString(shippedExamplesHeader)
	for _, it := range items {
		ids := "-"
		if len(it.want) > 0 {
			ids = strings.Join(it.want, ",")
		}
		b.WriteString(ids + "\t" + oneLine(it.headline) + "\t" + oneLine(it.first) + "\n")
	}
	if *updateExamples {
		if err := os.WriteFile(shippedExamplesPath, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(shippedExamplesPath)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != b.String() {
		t.Errorf("%s is not the labelled tuning half of %s: rewrite it with -update-examples",
			filepath.Base(shippedExamplesPath), evalDir)
	}
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

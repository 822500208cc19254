package benchfeed

import (
	"bytes"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
)

func TestCorpus(t *testing.T) {
	spec := Spec{Sources: 12, Items: 40, Seed: 7}
	c := New(spec)
	var wire, items int
	for i := range spec.Sources {
		doc := c.Document(i)
		if !bytes.Equal(doc, New(spec).Document(i)) {
			t.Fatalf("source %d: two corpora of one spec differ", i)
		}
		f, err := gofeed.NewParser().Parse(bytes.NewReader(doc))
		if err != nil {
			t.Fatalf("source %d (%s): %v", i, Format(i), err)
		}
		if got, want := f.FeedType, Format(i); got != want {
			t.Errorf("source %d is %s, want %s", i, got, want)
		}
		if len(f.Items) != spec.Items {
			t.Fatalf("source %d: %d items, want %d", i, len(f.Items), spec.Items)
		}
		for _, it := range f.Items {
			items++
			if strings.Contains(it.Link, "wire.example.org") {
				wire++
			}
			body := it.Content
			if body == "" {
				body = it.Description
			}
			if it.Title == "" || it.GUID == "" || it.PublishedParsed == nil || len(body) < spec.MinBody/2 {
				t.Fatalf("source %d: item %+v lacks a field", i, it)
			}
		}
	}
	// About a tenth of the items copy wire stories, half of those linking
	// to the wire's URL.
	if share := float64(wire) / float64(items); share < 0.02 || share > 0.1 {
		t.Errorf("%.3f of the items link to the wire, want about 0.05", share)
	}
}

func TestCrowdedVocabulary(t *testing.T) {
	c := New(Spec{Sources: 1, Items: 5, Vocabulary: 150, Seed: 1})
	if len(c.words) != 150 {
		t.Fatalf("%d words, want 150", len(c.words))
	}
	if !strings.Contains(string(c.Document(0)), "government") {
		t.Errorf("the crowded corpus lacks its news words")
	}
}

func TestLarge(t *testing.T) {
	c := New(Spec{Sources: 1, Items: 1, Seed: 1})
	f, err := gofeed.NewParser().Parse(bytes.NewReader(c.Large(500)))
	if err != nil || len(f.Items) != 500 {
		t.Fatalf("large feed: %v items, %v", len(f.Items), err)
	}
}

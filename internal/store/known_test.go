package store

import (
	"context"
	"fmt"
	"testing"
)

func TestItemHashes(t *testing.T) { onEngines(t, testItemHashes) }

func testItemHashes(t *testing.T) {
	s := openTest(t)
	save(t, s, t0, "a", item("a", "k1"), item("a", "k2", withHash("h2")))
	save(t, s, t0, "b", item("b", "k3"))
	ctx := context.Background()

	t.Run("StoredKeysOfTheSourceOnly", func(t *testing.T) {
		got, err := s.ItemHashes(ctx, "a", []string{"k1", "k2", "k3", "missing"})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got["k1"] != "h1" || got["k2"] != "h2" {
			t.Errorf("ItemHashes = %v, want k1:h1 k2:h2 (k3 is another source's)", got)
		}
	})

	t.Run("NoKeysNoQuery", func(t *testing.T) {
		got, err := s.ItemHashes(ctx, "a", nil)
		if err != nil || len(got) != 0 {
			t.Errorf("ItemHashes(nil) = %v, %v", got, err)
		}
	})

	t.Run("ManyKeysAcrossChunks", func(t *testing.T) {
		keys := make([]string, 0, 2*hashesPerQuery+3)
		for i := range 2*hashesPerQuery + 1 {
			keys = append(keys, fmt.Sprintf("x%d", i))
		}
		keys = append(keys, "k2", "k1")
		got, err := s.ItemHashes(ctx, "a", keys)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 || got["k1"] != "h1" {
			t.Errorf("ItemHashes = %v, want the two stored keys at the end of the list", got)
		}
	})
}

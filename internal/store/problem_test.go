package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"aggregator/internal/store"
)

// TestProblemNamesWhatTheUserCanMend opens what is not a usable database
// and checks that Problem says which trouble it is.
func TestProblemNamesWhatTheUserCanMend(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notDB, []byte("these are not the pages of a database, but text long enough to be read as one"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, path string
		want       error
	}{
		{"NotADatabase", notDB, store.ErrNotDatabase},
		{"ADirectory", dir, store.ErrCannotOpen},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := store.Open(context.Background(), tc.path, store.Options{})
			if err == nil {
				st.Close()
				t.Fatalf("opened %s", tc.path)
			}
			if got := store.Problem(err); !errors.Is(got, tc.want) {
				t.Errorf("Problem(%v) = %v, want %v", err, got, tc.want)
			}
		})
	}
	if got := store.Problem(errors.New("something else")); got != nil {
		t.Errorf("Problem of an unrelated error = %v, want nil", got)
	}
}

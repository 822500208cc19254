package store

import (
	"context"
	"testing"
	"time"

	"aggregator/internal/model"
)

// A 410, a permanent redirect and the validators belong to the URL they
// were learnt from: pointing the config elsewhere, or switching a source
// back on, starts afresh.
func TestSyncSourcesResetsStateOnConfigChange(t *testing.T) {
	onEngines(t, testSyncSourcesResetsStateOnConfigChange)
}

func testSyncSourcesResetsStateOnConfigChange(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	src := model.Source{ID: "dawn", Title: "Dawn", URL: "https://www.dawn.com/feeds/home", Enabled: true}
	learnt := model.SourceState{SourceID: "dawn", ETag: `"e1"`, LastModified: "yesterday", Status: model.StatusDisabled,
		ConsecutiveFailures: 3, PermanentURL: "https://www.dawn.com/feeds/new", Gone: true,
		NextFetch: time.Now().Add(time.Hour).Truncate(time.Millisecond)}
	cases := []struct {
		name      string
		change    func(s model.Source) model.Source
		wantReset bool
	}{
		{"SameConfigKeepsState", func(s model.Source) model.Source { return s }, false},
		{"NewTitleKeepsState", func(s model.Source) model.Source { s.Title = "Dawn News"; return s }, false},
		{"NewURLResets", func(s model.Source) model.Source { s.URL = "https://www.dawn.com/feeds/latest"; return s }, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if err := s.SyncSources(ctx, []model.Source{src}); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveSourceState(ctx, learnt); err != nil {
				t.Fatal(err)
			}
			if err := s.SyncSources(ctx, []model.Source{c.change(src)}); err != nil {
				t.Fatal(err)
			}
			st, err := s.SourceState(ctx, "dawn")
			if err != nil {
				t.Fatal(err)
			}
			reset := !st.Gone && st.PermanentURL == "" && st.ETag == "" && st.ConsecutiveFailures == 0 && st.NextFetch.IsZero()
			kept := st.Gone && st.PermanentURL == learnt.PermanentURL && st.ETag == learnt.ETag && st.ConsecutiveFailures == 3
			if c.wantReset && !reset || !c.wantReset && !kept {
				t.Errorf("state after sync = %+v, want reset=%v", st, c.wantReset)
			}
		})
	}
	t.Run("SwitchedBackOnResets", func(t *testing.T) {
		off := src
		off.Enabled = false
		if err := s.SyncSources(ctx, []model.Source{off}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveSourceState(ctx, learnt); err != nil {
			t.Fatal(err)
		}
		if err := s.SyncSources(ctx, []model.Source{src}); err != nil {
			t.Fatal(err)
		}
		if st, _ := s.SourceState(ctx, "dawn"); st.Gone || st.PermanentURL != "" {
			t.Errorf("a source switched back on keeps its old verdict: %+v", st)
		}
	})
}

package web

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/store"
)

// TestWithSQLiteStore runs the API over a real SQLite file: the items one
// fetch stored, paging with the store's own cursors, and source health.
func TestWithSQLiteStore(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "agg.db"), store.Options{Clock: func() time.Time { return testTime }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if err := st.SyncSources(ctx, testSources()); err != nil {
		t.Fatal(err)
	}
	var items []model.Item
	for i, title := range []string{"Gwadar port expands", "Attack on convoy", "CPEC phase two"} {
		items = append(items, model.Item{
			SourceID: "dawn", Key: title, URL: "https://www.dawn.com/news/" + string(rune('a'+i)), Title: title,
			Published: testTime.Add(-time.Duration(i+1) * time.Hour), FirstSeen: testTime, Hash: title,
			Topics: []model.TopicMatch{{Topic: "cpec", Terms: []string{"CPEC"}}},
		})
	}
	_, err = st.SaveFetch(ctx, store.Fetch{
		State: model.SourceState{SourceID: "dawn", Status: model.StatusOK, LastFetch: testTime, LastSuccess: testTime},
		Items: items, Now: testTime,
	})
	if err != nil {
		t.Fatal(err)
	}
	srv := &Server{Store: st, Feeds: testFeeds(), Sources: testSources, Topics: testTopics, BaseURL: testBase}
	h := srv.Handler()
	get := func(path string) (int, []byte) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Code, rec.Body.Bytes()
	}

	var titles []string
	next := ""
	for page := 0; page < 4; page++ {
		code, body := get("/api/items?topic=cpec&limit=2&before=" + next)
		if code != 200 {
			t.Fatalf("page %d: status %d: %s", page, code, body)
		}
		var got apiItemsT
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatal(err)
		}
		for _, it := range got.Items {
			titles = append(titles, it.Title)
			if it.Story.ID == "" || len(it.Story.Items) != 1 || it.Source != "dawn" || it.SourceTitle != "Dawn" {
				t.Errorf("item = %+v", it)
			}
		}
		if next = *got.Next; next == "" {
			break
		}
	}
	if got, want := len(titles), 3; got != want || titles[0] != "Gwadar port expands" {
		t.Errorf("paged titles = %q", titles)
	}
	if code, body := get("/api/items?before=garbage"); code != 400 {
		t.Errorf("bad cursor: status %d: %s", code, body)
	}
	code, body := get("/api/sources")
	var sources apiSourcesT
	if err := json.Unmarshal(body, &sources); code != 200 || err != nil {
		t.Fatalf("status %d, %v: %s", code, err, body)
	}
	if s := sources.Sources[0]; s.ID != "dawn" || s.Status != "ok" || s.Items != 3 {
		t.Errorf("dawn = %+v", s)
	}
	if code, _ := get("/healthz"); code != 200 {
		t.Errorf("healthz status %d", code)
	}
	if code, _ := get("/"); code != 200 {
		t.Errorf("home status %d", code)
	}
}

package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"aggregator/internal/store"
)

// apiItemsT mirrors the documented JSON shape of /api/items, strictly.
type apiItemsT struct {
	Items []apiItemT `json:"items"`
	Next  *string    `json:"next"`
}

type apiItemT struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	URL         string `json:"url"`
	Source      string `json:"source"`
	SourceTitle string `json:"source_title"`
	Published   string `json:"published"`
	Updated     string `json:"updated"`
	FirstSeen   string `json:"first_seen"`
	Summary     string `json:"summary"`
	Snippet     string `json:"snippet"`
	Topics      []struct {
		ID    string   `json:"id"`
		Terms []string `json:"terms"`
		Hits  []struct {
			Term   string `json:"term"`
			Field  string `json:"field"`
			Offset int    `json:"offset"`
		} `json:"hits"`
	} `json:"topics"`
	Story struct {
		ID    string `json:"id"`
		Items []struct {
			ID          string `json:"id"`
			Source      string `json:"source"`
			SourceTitle string `json:"source_title"`
			URL         string `json:"url"`
			Title       string `json:"title"`
		} `json:"items"`
	} `json:"story"`
}

// decodeJSON checks the API content type and decodes body into v.
func decodeJSON(t *testing.T, resp *http.Response, body []byte, v any) {
	t.Helper()
	if got, want := resp.Header.Get("Content-Type"), "application/json; charset=utf-8"; got != want {
		t.Errorf("Content-Type = %q, want %q", got, want)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("decoding %s: %v", body, err)
	}
}

func TestAPIItemsShape(t *testing.T) {
	env := newTestEnv(t, nil)
	resp, body := env.get(t, "/api/items")
	if resp.StatusCode != 200 {
		t.Fatalf("status = %d: %s", resp.StatusCode, body)
	}
	var got apiItemsT
	decodeJSON(t, resp, body, &got)
	if got.Next == nil || *got.Next != "" {
		t.Errorf("next = %v, want \"\"", got.Next)
	}
	if len(got.Items) != 3 {
		t.Fatalf("%d items, want 3", len(got.Items))
	}
	first := got.Items[0]
	checks := []struct{ field, got, want string }{
		{"id", first.ID, "3"},
		{"title", first.Title, "Gwadar port grows"},
		{"url", first.URL, "http://www.news.cn/1"},
		{"source", first.Source, "xinhua"},
		{"source_title", first.SourceTitle, "Xinhua"},
		{"published", first.Published, "2025-03-02T11:00:00Z"},
		{"first_seen", first.FirstSeen, "2025-03-02T11:00:00Z"},
		{"summary", first.Summary, "<p>Port</p>"},
		{"story.id", first.Story.ID, "s-gwadar"},
		{"updated", got.Items[1].Updated, "2025-03-02T10:30:00Z"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if first.Updated != "" {
		t.Errorf("zero updated shown as %q", first.Updated)
	}
	if len(first.Topics) != 1 || first.Topics[0].ID != "cpec" || first.Topics[0].Terms[0] != "Gwadar" {
		t.Errorf("topics = %+v", first.Topics)
	}
	if h := first.Topics[0].Hits; len(h) != 1 || h[0].Term != "Gwadar" || h[0].Field != "title" {
		t.Errorf("hits = %+v", h)
	}
	members := first.Story.Items
	if len(members) != 2 || members[0].Source != "dawn" || members[1].URL != "http://www.news.cn/1" || members[0].ID != "1" {
		t.Errorf("story items = %+v", members)
	}
	// Items without hits still answer arrays, never null.
	if !strings.Contains(string(body), `"hits":[]`) {
		t.Errorf("empty hits not an array: %s", body)
	}
	for _, h := range []string{"X-Content-Type-Options"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("missing header %s", h)
		}
	}
}

func TestAPIItemsEmptyIsArray(t *testing.T) {
	env := newTestEnv(t, nil)
	env.store.items = nil
	_, body := env.get(t, "/api/items")
	if got, want := strings.TrimSpace(string(body)), `{"items":[],"next":""}`; got != want {
		t.Errorf("body = %s, want %s", got, want)
	}
}

func TestAPIItemsQuery(t *testing.T) {
	tests := []struct {
		name   string
		query  string
		status int
		want   store.ItemQuery // when 200
		errHas string          // when not 200
	}{
		{"DefaultLimit", "", 200, store.ItemQuery{Limit: 50}, ""},
		{"AllFilters", "?topic=cpec&source=dawn&q=Gwadar+port&limit=2&before=1", 200,
			store.ItemQuery{Topic: "cpec", Source: "dawn", Text: "Gwadar port", Limit: 2, Before: "1"}, ""},
		{"LimitOne", "?limit=1", 200, store.ItemQuery{Limit: 1}, ""},
		{"LimitMax", "?limit=500", 200, store.ItemQuery{Limit: 500}, ""},
		{"UrduQuery", "?q=%D8%B3%DB%8C+%D9%BE%DB%8C%DA%A9", 200, store.ItemQuery{Text: "سی پیک", Limit: 50}, ""},
		{"LimitZero", "?limit=0", 400, store.ItemQuery{}, "limit"},
		{"LimitTooBig", "?limit=501", 400, store.ItemQuery{}, "limit"},
		{"LimitNegative", "?limit=-1", 400, store.ItemQuery{}, "limit"},
		{"LimitNotNumber", "?limit=ten", 400, store.ItemQuery{}, "limit"},
		{"LimitFraction", "?limit=1.5", 400, store.ItemQuery{}, "limit"},
		{"UnknownTopic", "?topic=cricket", 400, store.ItemQuery{}, `unknown topic "cricket"`},
		{"MalformedSource", "?source=Dawn%20News", 400, store.ItemQuery{}, "source"},
		{"UnknownSource", "?source=dwan", 400, store.ItemQuery{}, `unknown source "dwan"`},
		{"QueryTooLong", "?q=" + strings.Repeat("a", 501), 400, store.ItemQuery{}, "q must"},
		{"CursorTooLong", "?before=" + strings.Repeat("9", 201), 400, store.ItemQuery{}, "before"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newTestEnv(t, nil)
			resp, body := env.get(t, "/api/items"+tt.query)
			if got := resp.StatusCode; got != tt.status {
				t.Fatalf("status = %d, want %d: %s", got, tt.status, body)
			}
			if tt.status != 200 {
				var e struct{ Error string }
				decodeJSON(t, resp, body, &e)
				if !strings.Contains(e.Error, tt.errHas) {
					t.Errorf("error %q lacks %q", e.Error, tt.errHas)
				}
				if n := len(env.store.queries); n != 0 {
					t.Errorf("store queried %d times on a bad request", n)
				}
				return
			}
			if got := env.store.lastQuery(); got != tt.want {
				t.Errorf("store query = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestAPIItemsPaging(t *testing.T) {
	env := newTestEnv(t, nil)
	var ids []string
	cursor := ""
	for page := 0; page < 5; page++ {
		_, body := env.get(t, "/api/items?limit=2&before="+cursor)
		var got apiItemsT
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatal(err)
		}
		for _, it := range got.Items {
			ids = append(ids, it.ID)
		}
		if *got.Next == "" {
			break
		}
		cursor = *got.Next
	}
	if got, want := strings.Join(ids, ","), "3,2,1"; got != want {
		t.Errorf("paged ids = %s, want %s", got, want)
	}
}

func TestAPIItemsStoreFailure(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		status int
		msg    string
	}{
		{"UnexpectedIs500", errors.New("sqlite: database disk image is malformed"), 500, "internal error"},
		{"TimeoutIs503", fmt.Errorf("query items: %w", context.DeadlineExceeded), 503, "timed out, try again"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := newTestEnv(t, nil)
			env.store.itemsErr = tt.err
			resp, body := env.get(t, "/api/items")
			if resp.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d", resp.StatusCode, tt.status)
			}
			var e struct{ Error string }
			decodeJSON(t, resp, body, &e)
			if e.Error != tt.msg {
				t.Errorf("error = %q, want %q", e.Error, tt.msg)
			}
		})
	}
}

func TestAPIItem(t *testing.T) {
	env := newTestEnv(t, nil)
	tests := []struct {
		path   string
		status int
	}{
		{"/api/items/2", 200},
		{"/api/items/99", 404},
		{"/api/items/abc", 404},
		{"/api/items/-1", 404},
		{"/api/nothing", 404},
		{"/api", 404},
	}
	for _, tt := range tests {
		t.Run(strings.TrimPrefix(tt.path, "/api/"), func(t *testing.T) {
			resp, body := env.get(t, tt.path)
			if resp.StatusCode != tt.status {
				t.Fatalf("status = %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if tt.status == 200 {
				var it apiItemT
				decodeJSON(t, resp, body, &it)
				if it.ID != "2" || it.Story.ID != "s-attack" {
					t.Errorf("item = %+v", it)
				}
				return
			}
			var e struct{ Error string }
			decodeJSON(t, resp, body, &e)
			if e.Error == "" {
				t.Errorf("no error message: %s", body)
			}
			if !strings.HasPrefix(tt.path, "/api/items") && !strings.Contains(e.Error, "/api/items, /api/items/{id}, /api/sources") {
				t.Errorf("an unknown endpoint should name the real ones: %s", body)
			}
			if resp.Request.URL.Path != tt.path {
				t.Errorf("redirected to %s", resp.Request.URL.Path)
			}
		})
	}
}

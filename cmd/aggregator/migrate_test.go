package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/pgtest"
	"aggregator/internal/store"
)

// withStore writes a copy of the configuration cfg whose store is db (a
// SQLite path, or a PostgreSQL URL), and returns its path.
func withStore(t *testing.T, cfg, db string) string {
	t.Helper()
	orig, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(filepath.Dir(cfg), "agg.db")
	body := strings.Replace(string(orig), path, db, 1)
	if store.IsPostgresURL(db) {
		body = strings.Replace(string(orig), `path: "`+path+`"`, `url: "`+db+`"`, 1)
	}
	if body == string(orig) {
		t.Fatal("the configuration names no agg.db to replace")
	}
	cfg2 := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(cfg2, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return cfg2
}

func TestMigrateCopiesEveryFeedByteForByte(t *testing.T) {
	cfg := fetched(t)
	from := filepath.Join(filepath.Dir(cfg), "agg.db")
	ctx := context.Background()
	st, err := store.Open(ctx, from, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := st.SaveSubscription(ctx, store.Subscription{Topic: "http://localhost:8080/feeds/cpec.rss", Callback: "https://reader.example/cb",
		Secret: "s3", Lease: time.Hour, Created: now, Expires: now.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	want := exportAll(t, cfg)

	to := filepath.Join(t.TempDir(), "copy.db")
	code, stdout, stderr := cli(t, "migrate", "--from", "sqlite:"+from, "--to", "sqlite:"+to)
	if code != 0 {
		t.Fatalf("migrate: exit %d\n%s%s", code, stdout, stderr)
	}
	if !strings.HasPrefix(stdout, "sqlite:"+to+": copied from sqlite:"+from+": ") || stderr != "" {
		t.Errorf("migrate said %q on stdout and %q on stderr: want one summary line, no progress when piped", stdout, stderr)
	}
	sameFeeds(t, want, exportAll(t, withStore(t, cfg, to)), "the copy")

	a, err := store.Open(ctx, from, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := store.Open(ctx, to, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	ta, _ := a.Totals(ctx)
	tb, _ := b.Totals(ctx)
	if ta != tb || ta.Items == 0 {
		t.Errorf("copy holds %+v, the original %+v", tb, ta)
	}
	found := 0
	for _, q := range []string{"corridor", "convoy", "Gwadar"} {
		ia, _, err := a.Items(ctx, store.ItemQuery{Text: q, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		ib, _, err := b.Items(ctx, store.ItemQuery{Text: q, Limit: 50})
		if err != nil {
			t.Fatal(err)
		}
		found += len(ia)
		if !slices.Equal(itemIDs(ia), itemIDs(ib)) {
			t.Errorf("search %q finds %v in the copy, %v in the original", q, itemIDs(ib), itemIDs(ia))
		}
	}
	if found == 0 {
		t.Error("the searches found nothing in the original: they compare nothing")
	}
	subs, err := b.Subscriptions(ctx, "http://localhost:8080/feeds/cpec.rss", now)
	if err != nil || len(subs) != 1 || subs[0].Secret != "s3" {
		t.Errorf("the copy's subscriptions: %+v, %v", subs, err)
	}
	va, _ := a.ChangeVersion(ctx)
	vb, _ := b.ChangeVersion(ctx)
	if va != vb {
		t.Errorf("change version %d in the copy, %d in the original", vb, va)
	}

	t.Run("RefusesToOverwrite", func(t *testing.T) {
		code, _, stderr := cli(t, "migrate", "--from", "sqlite:"+from, "--to", "sqlite:"+to)
		if code != exitUsage || !strings.Contains(stderr, "exists") {
			t.Errorf("migrate into an existing file: exit %d, %q", code, stderr)
		}
	})
}

// Across engines and back: sqlite, postgres, sqlite.
func TestMigrateThroughPostgres(t *testing.T) {
	pg := pgtest.URL(t)
	cfg := fetched(t)
	from := filepath.Join(filepath.Dir(cfg), "agg.db")
	want := exportAll(t, cfg)
	back := filepath.Join(t.TempDir(), "back.db")
	for _, hop := range [][2]string{{"sqlite:" + from, pg}, {pg, "sqlite:" + back}} {
		code, stdout, stderr := cli(t, "migrate", "--from", hop[0], "--to", hop[1])
		if code != 0 {
			t.Fatalf("migrate %s to %s: exit %d\n%s%s", hop[0], hop[1], code, stdout, stderr)
		}
		to := strings.TrimPrefix(hop[1], "sqlite:")
		sameFeeds(t, want, exportAll(t, withStore(t, cfg, to)), to)
	}
	if code, _, stderr := cli(t, "migrate", "--from", "sqlite:"+from, "--to", pg); code == 0 || !strings.Contains(stderr, "not empty") {
		t.Errorf("migrate into a PostgreSQL store that has data: exit %d, %q", code, stderr)
	}
}

// sameFeeds compares every published feed with the original's.
func sameFeeds(t *testing.T, want, got map[string]string, where string) {
	t.Helper()
	for name, body := range want {
		if got[name] != body {
			t.Errorf("%s published from %s differs from the original", name, where)
		}
	}
}

func itemIDs(items []model.Item) []int64 {
	var ids []int64
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}

func TestMigrateUsage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"NoURLs", nil, "--from URL and --to URL"},
		{"UnknownScheme", []string{"--from", "mysql://x/y", "--to", "sqlite:" + filepath.Join(dir, "b.db")}, "want sqlite:PATH or postgres://"},
		{"MissingSource", []string{"--from", "sqlite:" + filepath.Join(dir, "none.db"), "--to", "sqlite:" + filepath.Join(dir, "b.db")}, "no store at"},
		{"Same", []string{"--from", "sqlite:x.db", "--to", "sqlite:x.db"}, "the same store"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := cli(t, append([]string{"migrate"}, tc.args...)...)
			if code != exitUsage || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, %q: want 2 and %q", code, stderr, tc.want)
			}
		})
	}
	code, stdout, _ := cli(t, "migrate", "--help")
	if code != 0 || !strings.Contains(stdout, "-from") || !strings.Contains(stdout, "-to") {
		t.Errorf("migrate --help: exit %d, %q", code, stdout)
	}
}

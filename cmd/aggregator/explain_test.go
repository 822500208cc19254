package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"aggregator/internal/model"
)

// convoyLink is Dawn's convoy story as its feed links it, tracking and all.
const convoyLink = "https://www.dawn.com/news/1870001/militants-attack-convoy-near-gwadar?utm_source=rss&utm_medium=feed#comments"

const convoyTitle = "Militants attack convoy carrying Chinese engineers near Gwadar"

// explained is the --json output of explain.
type explained struct {
	Item struct {
		ID               int64    `json:"id"`
		Title            string   `json:"title"`
		URL              string   `json:"url"`
		Source           string   `json:"source"`
		SourceConfigured bool     `json:"source_configured"`
		StoredTopics     []string `json:"stored_topics"`
		Join             *struct {
			Story int64
			Route string
			Name  string
			Score float64
		} `json:"join"`
	} `json:"item"`
	Topics []struct {
		ID       string `json:"id"`
		Applies  bool   `json:"applies"`
		Stored   bool   `json:"stored"`
		BySource bool   `json:"by_source"`
		Reason   string `json:"reason"`
		Query    string `json:"query"`
		Hits     []struct {
			Term, Field, Snippet string
			Offset               int
		} `json:"hits"`
		Vetoes []struct {
			Term, Field, Snippet string
			Offset               int
		} `json:"vetoes"`
	} `json:"topics"`
}

func explainJSONOf(t *testing.T, args ...string) explained {
	t.Helper()
	code, stdout, stderr := cli(t, append([]string{"explain", "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("explain %v: exit %d\n%s", args, code, stderr)
	}
	var ex explained
	if err := json.Unmarshal([]byte(stdout), &ex); err != nil {
		t.Fatalf("explain --json output: %v\n%s", err, stdout)
	}
	return ex
}

// fetched sets up the fixture sources and fetches them all once, Dawn
// first: its copy of the convoy story is the earliest seen.
func fetched(t *testing.T) string {
	t.Helper()
	cfg, _ := setup(t)
	for _, args := range [][]string{{"dawn"}, nil} {
		if code, stdout, stderr := cli(t, append([]string{"fetch", "--config", cfg}, args...)...); code == exitUsage {
			t.Fatalf("fetch %v: exit %d\n%s\n%s", args, code, stdout, stderr)
		}
	}
	return cfg
}

func TestExplain(t *testing.T) {
	cfg := fetched(t)

	t.Run("ByURLWithTrackingGivesEveryTopic", func(t *testing.T) {
		code, stdout, stderr := cli(t, "explain", "--config", cfg, convoyLink)
		if code != 0 {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		for _, want := range []string{
			"item ", convoyTitle,
			"source:     dawn (Dawn)",
			"stored topics: cpec, security",
			"2 of 4 topics apply",
			`cpec: APPLIES: matched: "Gwadar" in title`,
			`security: APPLIES: matched: "militant*" in title`,
			"economy: does not apply: no keyword matched",
			"diplomacy: does not apply: no keyword matched",
			`+ "Gwadar" in title at 56: … convoy carrying Chinese engineers near [Gwadar]`,
			"same story: ", "xinhua #",
			`+ "militant*" in title at 0: [Militants] attack convoy`,
			`keywords: "militant*", "attack", "security forces"`,
		} {
			if !strings.Contains(stdout, want) {
				t.Errorf("output lacks %q:\n%s", want, stdout)
			}
		}
		if strings.Contains(stdout, "fields:") {
			t.Errorf("default fields shown:\n%s", stdout)
		}
	})

	t.Run("JSONHasHitsWithFieldOffsetAndSnippet", func(t *testing.T) {
		ex := explainJSONOf(t, "--config", cfg, convoyLink)
		if ex.Item.Title != convoyTitle || ex.Item.Source != "dawn" || !ex.Item.SourceConfigured {
			t.Errorf("item %+v, want Dawn's convoy story", ex.Item)
		}
		var ids []string
		for _, tp := range ex.Topics {
			ids = append(ids, tp.ID)
		}
		if got, want := strings.Join(ids, ","), "cpec,diplomacy,economy,security"; got != want {
			t.Errorf("topics explained %s, want every configured one: %s", got, want)
		}
		cpec := ex.Topics[0]
		if !cpec.Applies || !cpec.Stored || cpec.BySource {
			t.Errorf("cpec: %+v, want applied, stored, not by source", cpec)
		}
		found := map[string]bool{}
		for _, h := range cpec.Hits {
			text := map[string]string{model.FieldTitle: convoyTitle}[h.Field]
			if h.Field == model.FieldTitle && !strings.HasPrefix(text[h.Offset:], h.Term) {
				t.Errorf("hit %+v: offset %d does not point at the term in %q", h, h.Offset, text)
			}
			if !strings.Contains(h.Snippet, "[") {
				t.Errorf("hit %+v: snippet does not mark the match", h)
			}
			found[h.Term+"/"+h.Field] = true
		}
		for _, want := range []string{"Gwadar/title", "CPEC/summary", "CPEC/content", "Gwadar/content"} {
			if !found[want] {
				t.Errorf("cpec hits lack %s: %+v", want, cpec.Hits)
			}
		}
	})

	t.Run("SaysWhyAnItemJoinedItsStory", func(t *testing.T) {
		_, stdout, _ := cli(t, "explain", "--config", cfg, convoyLink)
		if !strings.Contains(stdout, "joined by:  none: it founded its story") {
			t.Errorf("Dawn's copy, the first stored, does not say it founded the story:\n%s", stdout)
		}
		var xinhua int64
		if i := strings.Index(stdout, "xinhua #"); i < 0 {
			t.Fatalf("no xinhua copy in the story:\n%s", stdout)
		} else if _, err := fmt.Sscanf(stdout[i:], "xinhua #%d", &xinhua); err != nil {
			t.Fatal(err)
		}
		_, stdout, _ = cli(t, "explain", "--config", cfg, fmt.Sprint(xinhua))
		if !strings.Contains(stdout, "joined by:  ") || strings.Contains(stdout, "joined by:  none") {
			t.Errorf("Xinhua's copy does not say how it joined:\n%s", stdout)
		}
		ex := explainJSONOf(t, "--config", cfg, fmt.Sprint(xinhua))
		j := ex.Item.Join
		if j == nil || j.Route == "" || j.Name == "" || j.Score < 0.5 || j.Score > 1 || j.Story == 0 {
			t.Fatalf("join %+v, want a route, its name and a score in [0.5, 1]", j)
		}
		if want := fmt.Sprintf("joined by:  %s, score %.2f", j.Name, j.Score); !strings.Contains(stdout, want) {
			t.Errorf("text form lacks %q:\n%s", want, stdout)
		}
		if dawn := explainJSONOf(t, "--config", cfg, convoyLink); dawn.Item.Join != nil {
			t.Errorf("Dawn's copy joined by %+v, want null: it founded the story", dawn.Item.Join)
		}
	})

	t.Run("ByIDIsTheSameItem", func(t *testing.T) {
		byURL := explainJSONOf(t, "--config", cfg, convoyLink)
		byID := explainJSONOf(t, "--config", cfg, fmt.Sprint(byURL.Item.ID))
		if byID.Item.ID != byURL.Item.ID || byID.Item.Title != convoyTitle {
			t.Errorf("by id: %+v, want item %d", byID.Item, byURL.Item.ID)
		}
	})

	t.Run("SourceTopicsApply", func(t *testing.T) {
		ex := explainJSONOf(t, "--config", cfg, "https://recorder.example/news/77")
		for _, tp := range ex.Topics {
			if tp.ID != "economy" {
				continue
			}
			if !tp.Applies || !tp.BySource || !strings.Contains(tp.Reason, "source recorder applies it") {
				t.Errorf("economy on a recorder item: %+v, want applied by source", tp)
			}
			return
		}
		t.Errorf("economy not explained: %+v", ex.Topics)
	})
}

// TestExplainUsesCurrentRules changes the rules after the items were
// tagged: explain answers with the new rules and says that the stored
// topics are stale.
func TestExplainUsesCurrentRules(t *testing.T) {
	cfg := fetched(t)
	body, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.NewReplacer(
		`keywords: ["CPEC", "China-Pakistan Economic Corridor", "Gwadar", "中巴经济走廊", "瓜达尔"]`,
		`keywords: ["CPEC", "Gwadar"]
    exclude: ["engineers"]`,
		`keywords: ["Foreign Office"]`,
		`query: 'title:convoy AND (Chinese NEAR/2 engineers) AND NOT cricket AND region:pakistan'`,
	).Replace(string(body))
	if changed == string(body) {
		t.Fatal("the test config did not change")
	}
	if err := os.WriteFile(cfg, []byte(changed), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := cli(t, "explain", "--config", cfg, convoyLink)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{
		`cpec: does not apply: vetoed by exclude: "engineers" in title`,
		"stored with this topic: the rules changed since; 'aggregator retag' would remove it",
		`- "engineers" in title at 41: …ilitants attack convoy carrying Chinese [engineers] near Gwadar`,
		`diplomacy: APPLIES: query holds: "convoy" in title`,
		"stored without this topic: the rules changed since; 'aggregator retag' would add it",
		"query: title:convoy AND (Chinese NEAR/2 engineers)",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
}

func TestExplainFailures(t *testing.T) {
	cfg := fetched(t)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want []string
	}{
		{"UnknownURLNamesCanonicalFormAndWhereToLook",
			[]string{"https://WWW.Dawn.com/news/404?utm_source=x"}, exitPartial,
			[]string{"no stored item has URL https://www.dawn.com/news/404 (canonical form of https://WWW.Dawn.com/news/404?utm_source=x)",
				"aggregator fetch", "/api/items"}},
		{"UnknownIDNamesIt", []string{"999999"}, exitPartial, []string{"no stored item has id 999999", "/api/items"}},
		{"NoArgumentIsUsage", nil, exitUsage, []string{"explain takes one URL_OR_ID"}},
		{"TwoArgumentsIsUsage", []string{"1", "2"}, exitUsage, []string{"explain takes one URL_OR_ID"}},
		{"NeitherIDNorURLIsUsage", []string{"dawn.com/news"}, exitUsage, []string{"neither an item id nor an absolute http(s) URL"}},
		{"NegativeIDIsUsage", []string{"--", "-3"}, exitUsage, []string{"ids are positive"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := cli(t, append([]string{"explain", "--config", cfg}, tc.args...)...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\n%s", code, tc.code, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing", stdout)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
	t.Run("HelpNamesArgumentAndJSON", func(t *testing.T) {
		code, stdout, _ := cli(t, "explain", "--help")
		if code != 0 || !strings.Contains(stdout, "explain [flags] URL_OR_ID") || !strings.Contains(stdout, "-json") {
			t.Errorf("help: exit %d\n%s", code, stdout)
		}
	})
}

func TestHitSnippet(t *testing.T) {
	it := &model.Item{
		Title:       "Pakistan's army chief visits Gwadar",
		SummaryText: "Officials in\nIslamabad said the attackers fled.",
		ContentText: "中巴经济走廊建设取得新进展，瓜达尔港运营良好。",
		Categories:  []string{"Pakistan", "CPEC"},
	}
	long := strings.Repeat("word ", 20) + "Gwadar" + strings.Repeat(" word", 20)
	for _, tc := range []struct {
		name string
		it   *model.Item
		hit  model.Hit
		want string
	}{
		{"WholeTitle", it, model.Hit{Term: "Gwadar", Field: "title", Offset: 29}, "Pakistan's army chief visits [Gwadar]"},
		{"PossessiveEndsAtApostrophe", it, model.Hit{Term: "Pakistan", Field: "title", Offset: 0}, "[Pakistan]'s army chief visits Gwadar"},
		{"PrefixRunsToWordEnd", it, model.Hit{Term: "attack*", Field: "summary", Offset: strings.Index(it.SummaryText, "attackers")},
			"Officials in Islamabad said the [attackers] fled."},
		{"ChineseIsASubstring", it, model.Hit{Term: "瓜达尔", Field: "content", Offset: strings.Index(it.ContentText, "瓜达尔")},
			"中巴经济走廊建设取得新进展，[瓜达尔]港运营良好。"},
		{"CategoriesJoined", it, model.Hit{Term: "CPEC", Field: "categories", Offset: 9}, "Pakistan [CPEC]"},
		{"LongTextIsCut", &model.Item{Title: long}, model.Hit{Term: "Gwadar", Field: "title", Offset: 100},
			"…" + strings.Repeat("word ", 8) + "[Gwadar]" + strings.Repeat(" word", 8) + "…"},
		{"OffsetOutsideTextGivesNothing", it, model.Hit{Term: "x", Field: "title", Offset: 500}, ""},
		{"OffsetInsideCharacterGivesNothing", it, model.Hit{Term: "x", Field: "content", Offset: 1}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := hitSnippet(tc.it, tc.hit); got != tc.want {
				t.Errorf("hitSnippet(%+v)\n got %q\nwant %q", tc.hit, got, tc.want)
			}
		})
	}
}

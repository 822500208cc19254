package dedup

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"aggregator/internal/model"
)

// containmentItem reads testdata/containment/NAME.txt: the headline, a
// blank line, the text (nothing for a headline-only item).
func containmentItem(t *testing.T, source, name string) *model.Item {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "containment", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	title, text, _ := strings.Cut(strings.TrimSpace(string(b)), "\n\n")
	return item(source, title, text)
}

// TestShortCopiesJoinTheirArticle holds the lead containment route to
// short copies of real-style articles, and the routes together to
// same-subject items of other events, which stay apart: each pair as the
// store would see it (bucket overlap, then Match), either way round.
func TestShortCopiesJoinTheirArticle(t *testing.T) {
	base := time.Date(2025, 12, 2, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name       string
		long, copy string
		route      string // "" for a pair that must stay apart
	}{
		// The case: an 820-word article, and a new headline over
		// its first sentence with "the government said".
		{"SummaryUnderANewHeadline", "relief-package-article", "relief-package-summary", model.RouteContainment},
		{"SnippetCutShort", "relief-package-article", "relief-package-snippet", model.RouteContainment},
		{"ChineseAgencyLead", "cn-jcc-article", "cn-jcc-short", model.RouteContainment},
		{"UrduLeadWithCredit", "ur-petrol-article", "ur-petrol-short", model.RouteContainment},
		// A headline alone joins when names, place, figure and action agree.
		{"HeadlineOnlyWithEveryDetail", "relief-package-article", "relief-package-headline", model.RouteHeadline},

		{"AnotherAttackInTheProvinceThatDay", "kech-attack-article", "kalat-attack-short", ""},
		{"YesterdaysMarketClose", "psx-today-article", "psx-yesterday-short", ""},
		{"NextWeeksPressBriefing", "fo-briefing-week1-article", "fo-briefing-week2-short", ""},
		{"APledgeParaphrasedIsNotTheAnalysis", "imf-analysis-article", "imf-pledge-short", ""},
		{"HeadlineOnlyOfAnotherDaysRate", "gold-article", "gold-headline", ""},
		{"ChineseEarlierMeeting", "cn-jcc-article", "cn-jcc13-short", ""},
		{"UrduEarlierPriceChange", "ur-petrol-article", "ur-petrol-earlier-short", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			long, short := containmentItem(t, "wire", tc.long), containmentItem(t, "copy", tc.copy)
			for _, order := range [][2]*model.Item{{long, short}, {short, long}} {
				stored, next := order[0], order[1]
				candidate := shareBucket(stored.Fingerprint, next.Fingerprint)
				j := Match(next, []model.Candidate{cand(1, stored, base)})
				joined := candidate && j.StoryID != 0
				if tc.route == "" {
					if joined {
						t.Errorf("%s joined %s by %s (%.2f), want apart", next.Title, stored.Title, j.Route, j.Score)
					}
					continue
				}
				if !candidate {
					t.Errorf("%s and %s share no bucket", next.Title, stored.Title)
				}
				if j.StoryID != 10 || j.Score < 0.5 {
					t.Errorf("%s ~ %s: %+v, want story 10", next.Title, stored.Title, j)
				}
				// The route reported is the one of the largest margin; the
				// one named must pass on its own.
				sa, _ := decode(stored.Fingerprint.Sig)
				sb, _ := decode(next.Fingerprint.Sig)
				if e := compare(&sa, &sb); tc.route == model.RouteContainment && (e.contained < containLead || e.containedShared < minContainShingles) {
					t.Errorf("%s ~ %s: contained %.2f (%d shingles), want >= %.2f", next.Title, stored.Title, e.contained, e.containedShared, containLead)
				}
				if tc.route == model.RouteHeadline && j.Route != tc.route {
					t.Errorf("%s ~ %s: joined by %s, want %s", next.Title, stored.Title, j.Route, tc.route)
				}
			}
		})
	}
}

// TestWinnowedBucketsMeetShortAndLongOnly: a short copy and its article
// meet under the winnowed lead buckets whichever comes first, two short
// copies meet, and two articles sharing their lead do not (they meet by
// their other buckets or not at all).
func TestWinnowedBucketsMeetShortAndLongOnly(t *testing.T) {
	article := containmentItem(t, "wire", "relief-package-article")
	toks := analyse(article.Title, "", article.ContentText)
	long := shinglesOf(toks)
	short := leadShingles{body: long.body[:20], complete: true}
	other := leadShingles{body: append(slices.Clone(long.body[:40]), 1, 2, 3, 4, 5, 6, 7, 8, 9)} // another article, same lead
	meet := func(stored, next leadShingles) bool {
		filed, _ := winnowBuckets(nil, stored)
		_, lookup := winnowBuckets(nil, next)
		return slices.ContainsFunc(lookup, func(k int64) bool { return slices.Contains(filed, k) })
	}
	for _, tc := range []struct {
		name         string
		stored, next leadShingles
		want         bool
	}{
		{"ShortAfterArticle", long, short, true},
		{"ArticleAfterShort", short, long, true},
		{"ShortAfterShort", short, short, true},
		{"ArticleAfterArticle", long, other, false},
	} {
		if got := meet(tc.stored, tc.next); got != tc.want {
			t.Errorf("%s: meet = %v, want %v", tc.name, got, tc.want)
		}
	}
	if long.complete || len(long.body) != maxBodyShingles {
		t.Errorf("the 820-word article's lead: %d shingles, complete %v; want the first %d", len(long.body), long.complete, maxBodyShingles)
	}
}

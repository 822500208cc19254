package dedup

import (
	"testing"

	"aggregator/internal/model"
)

func TestCleanHeadline(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"UpdatePrefix", "UPDATE 2-McDonald's US sales continue to struggle in February", "McDonald's US sales continue to struggle in February"},
		{"RefilePrefix", "REFILE-Bad loan triggers key feature in ECB bank test", "Bad loan triggers key feature in ECB bank test"},
		{"ChainedPrefixes", "RPT-UPDATE 1-Mt. Gox files for US bankruptcy", "Mt. Gox files for US bankruptcy"},
		{"DeskSlug", "US STOCKS-Wall Street edges lower after record; Boeing drags", "Wall Street edges lower after record; Boeing drags"},
		{"DeskSlugBeforeQuote", "UPDATE 1-'Favorable terms' for US muni issuers", "'Favorable terms' for US muni issuers"},
		{"KeepsShortAcronymPair", "US-China trade talks resume", "US-China trade talks resume"},
		{"KeepsAcronymBeforeNumber", "COVID-19 cases rise in Karachi", "COVID-19 cases rise in Karachi"},
		{"KeepsAllCapitalsHeadline", "PM MEETS XI IN BEIJING-ISLAMABAD TIES TO DEEPEN", "PM MEETS XI IN BEIJING-ISLAMABAD TIES TO DEEPEN"},
		{"KeepsLowerCaseStart", "Pakistan-China ties are strong", "Pakistan-China ties are strong"},
		{"AgencyCredit", "WASHINGTON (Reuters) - Fed holds rates", "Fed holds rates"},
		{"UpdateSuffix", "ECB's Noyer not Happy With Euro Strength -- Update", "ECB's Noyer not Happy With Euro Strength"},
		{"NumberedUpdateSuffix", "Chiquita, Fyffes Agree to $1.07 Billion Merger Deal -- 4th Update", "Chiquita, Fyffes Agree to $1.07 Billion Merger Deal"},
		{"GluedUpdateSuffix", "Sbarro Files for Chapter 11 Bankruptcy--Update", "Sbarro Files for Chapter 11 Bankruptcy"},
		{"UpdateCounter", "Noyer Says Strong Euro Creates Unwarranted Economic Pressure (1)", "Noyer Says Strong Euro Creates Unwarranted Economic Pressure"},
		{"KeepsParenthesisedWord", "Sbarro Files For (Another) Bankruptcy Protection", "Sbarro Files For (Another) Bankruptcy Protection"},
		{"KeepsTrailingTicker", "Carl Icahn Rift Hurts eBay (EBAY)", "Carl Icahn Rift Hurts eBay (EBAY)"},
		{"SpacedEllipsis", "McDonald's US sales fall 1.4 per cent in February as chain looks to adapt to  ...", "McDonald's US sales fall 1.4 per cent in February as chain looks to adapt to"},
		{"EllipsisInsideWord", "Pakistan's economy gro…", "Pakistan's economy"},
		{"TwoDotEllipsis", "A week after Mt Gox collapse, Japan struggles to understand ..", "A week after Mt Gox collapse, Japan struggles to understand"},
		{"KeepsMidTitleEllipsis", "Sbarro Pizza Chain Files for Chapter 11 Bankruptcy ... Again", "Sbarro Pizza Chain Files for Chapter 11 Bankruptcy ... Again"},
		{"HanEllipsisKeepsText", "国家统计局 发布数据显示经济增长…", "国家统计局 发布数据显示经济增长"},
		{"PrefixAndSuffix", "UPDATE 1-EBay rejects Icahn board nominees (2)", "EBay rejects Icahn board nominees"},
		{"NothingLeftKeepsOriginal", "UPDATE 1-", "UPDATE 1-"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanHeadline(tc.in); got != tc.want {
				t.Errorf("cleanHeadline(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestHeadlineOnlyItems checks short headline-only items (feeds without
// summaries): wire furniture does not keep copies apart, and two
// headlines sharing only a small figure and two common words are not one
// story.
func TestHeadlineOnlyItems(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"UpdateNumberIsNoFigure", "UPDATE 1-ECB to reveal bad loan hurdles for euro zone bank test -sources",
			"UPDATE 2-ECB to reveal bad loan hurdles for euro zone bank tests", true},
		{"UpdateCounterIsNoFigure", "Chiquita to Acquire Fyffes Creating Biggest Banana Supplier (4)",
			"Chiquita to Acquire Fyffes Creating Biggest Banana Supplier", true},
		{"SameFigureAndThreeWords", "Mt. Gox files for Chapter 15 bankruptcy in the US",
			"Mt. Gox Files For US Chapter 15 Bankruptcy", true},
		{"OneMonthLowOfOtherMarkets", "Forex - Pound drops to one-month lows against euro",
			"Hong Kong H-Shares Set for One-Month Low on China Exports", false},
		{"SameDateOtherNews", "Stock Market News for March 10, 2014",
			"Business news and markets: as it happened - March 10, 2014", false},
		{"TopTenListAndDailyReport", "Stock Market News for March 10, 2014",
			"The 10 Best Stocks of the Bull Market", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &model.Item{SourceID: "a", Title: tc.a}
			a.Fingerprint = Fingerprint(a)
			b := &model.Item{SourceID: "b", Title: tc.b}
			b.Fingerprint = Fingerprint(b)
			c := model.Candidate{ItemID: 1, StoryID: 3, SourceID: "a", Sig: a.Fingerprint.Sig}
			if got := Match(b, []model.Candidate{c}).StoryID == 3; got != tc.same {
				t.Errorf("Match joined = %v, want %v (similarity %.2f)", got, tc.same, Similarity(a.Fingerprint.Sig, b.Fingerprint.Sig))
			}
		})
	}
}

func TestIsCommentary(t *testing.T) {
	for _, tc := range []struct {
		headline string
		want     bool
	}{
		{"Analysis: Can Pakistan keep its tax promise to the IMF?", true},
		{"ANALYSIS-Pakistan's tax pledge faces old foes", true},
		{"OPINION | The cost of another bailout", true},
		{"Editorial: A package for farmers", true},
		{"تجزیہ: آئی ایم ایف سے ٹیکس کا وعدہ", true},
		{"评论：走廊建设迈向高质量发展", true},
		{"IMF analysis shows Pakistan's tax gap widening", false},
		{"Govt vows to widen tax net under IMF deal", false},
		{"Comment sought from PTA on X ban", false},
	} {
		if got := isCommentary(tc.headline); got != tc.want {
			t.Errorf("isCommentary(%q) = %v, want %v", tc.headline, got, tc.want)
		}
	}
}

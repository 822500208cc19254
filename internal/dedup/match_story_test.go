package dedup

import (
	"testing"
	"time"

	"aggregator/internal/model"
)

// TestMatchJudgesWholeStories checks that an item joins a story through
// its face or a majority of its candidates, never through one member
// alone: stories must not chain from event to event.
func TestMatchJudgesWholeStories(t *testing.T) {
	base := time.Date(2025, 11, 14, 8, 0, 0, 0, time.UTC)
	story := item("app", "Four policemen martyred in Quetta blast", wire)
	synd := item("nation", "Quetta blast: four cops martyred", wire+"\nAlso read: Govt announces relief package.")
	other := item("geo", "Gunmen kill seven labourers in Kech", "Unidentified gunmen shot dead seven labourers from Punjab at a construction site near Hoshab in Kech district late on Wednesday night, police said. The Levies shifted the bodies to Turbat.")
	inStory := func(id int64, it *model.Item, seen time.Time) model.Candidate {
		c := cand(id, it, seen)
		c.StoryID = 7
		return c
	}
	tests := []struct {
		name  string
		cands []model.Candidate
		want  int64
	}{
		{"SameAsFace", []model.Candidate{inStory(1, story, base), inStory(2, other, base.Add(time.Hour))}, 7},
		{"SameAsOneLaterMemberOnly", []model.Candidate{inStory(1, other, base), inStory(2, story, base.Add(time.Hour))}, 0},
		{"SameAsMajority", []model.Candidate{inStory(1, other, base), inStory(2, story, base.Add(time.Hour)), inStory(3, story, base.Add(2*time.Hour))}, 7},
		{"FaceIsEarliestCandidateEvenListedLast", []model.Candidate{inStory(2, story, base.Add(time.Hour)), inStory(1, other, base)}, 0},
		{"OtherStoryStillJoinable", []model.Candidate{inStory(1, other, base), inStory(2, story, base.Add(time.Hour)), cand(3, story, base.Add(3*time.Hour))}, 30},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Match(synd, tc.cands).StoryID; got != tc.want {
				t.Errorf("Match = %d, want %d", got, tc.want)
			}
		})
	}
}

// TestTemplatedReportsWithOtherFiguresStayApart checks the figure clash:
// items of one template (a market close, an IMF tranche) from two outlets
// with other headline figures are different stories, while the same
// figures reworded are one. With all names the same, other figures within
// hours are an update of the story; a day apart, the next day's report.
func TestTemplatedReportsWithOtherFiguresStayApart(t *testing.T) {
	base := time.Date(2025, 11, 14, 8, 0, 0, 0, time.UTC)
	imf := func(source, amt, minister string) *model.Item {
		return item(source, "IMF approves $"+amt+" billion tranche for Pakistan",
			"The International Monetary Fund's executive board approved the release of $"+amt+" billion to Pakistan under the Extended Fund Facility, the finance ministry said.\n"+
				"Finance Minister "+minister+" said the reserves would rise to $12 billion by the end of the quarter.\n"+
				"The review was held in Washington after talks lasting 12 days.")
	}
	kse := func(source, points, close string) *model.Item {
		return item(source, "Stocks: KSE-100 gains "+points+" points",
			"The Pakistan Stock Exchange's benchmark KSE-100 index gained "+points+" points to close at "+close+" on Monday, Arif Habib Securities said.")
	}
	tests := []struct {
		name  string
		a, b  *model.Item
		after time.Duration // b first seen after a
		same  bool
	}{
		{"IMFOtherTrancheNextDay", imf("app", "3.5", "Muhammad Aurangzeb"), imf("dawn", "1.8", "Muhammad Aurangzeb"), 24 * time.Hour, false},
		{"IMFSameTranche", imf("app", "3.5", "Muhammad Aurangzeb"), imf("dawn", "3.5", "Muhammad Aurangzeb"), time.Hour, true},
		{"MarketOtherCloseNextDay", kse("app", "313", "82836"), kse("dawn", "275", "82749"), 24 * time.Hour, false},
		{"MarketSameCloseNextDay", kse("app", "313", "82836"), kse("dawn", "313", "82836"), 24 * time.Hour, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.b.FirstSeen = base.Add(tc.after)
			got := Match(tc.b, []model.Candidate{cand(1, tc.a, base)}).StoryID == 10
			if got != tc.same {
				t.Errorf("Match joined = %v, want %v (similarity %.2f)", got, tc.same, Similarity(tc.a.Fingerprint.Sig, tc.b.Fingerprint.Sig))
			}
		})
	}
}

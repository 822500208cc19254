package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"aggregator/internal/model"
)

// storiesFixture stores six stories (S1..S6, newest first) across sources
// in three regions and three languages.
func storiesFixture(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	if err := s.SyncSources(ctx, []model.Source{
		{ID: "dawn", Title: "Dawn", Region: "pakistan", Language: "en", Enabled: true},
		{ID: "jang", Title: "Jang", Region: "pakistan", Language: "ur", Enabled: true},
		{ID: "xinhua", Title: "Xinhua", Region: "china", Language: "zh", Enabled: true},
		{ID: "hindu", Title: "The Hindu", Region: "india", Language: "en", Enabled: true},
	}); err != nil {
		t.Fatal(err)
	}
	h := func(n int) func(*model.Item) { return withPublished(t0.Add(-time.Duration(n) * time.Hour)) }
	u := func(n int) func(*model.Item) { return withURL(fmt.Sprintf("https://wire.example/%d", n)) }
	now := t0
	step := func(src string, it model.Item) {
		now = now.Add(time.Minute)
		save(t, s, now, src, it)
	}
	step("hindu", item("hindu", "S6", h(6), u(6), withTopics("security")))
	step("dawn", item("dawn", "S1", h(1), u(1), withTopics("cpec", "security")))
	step("xinhua", item("xinhua", "S1", h(1), u(1), withTopics("cpec")))
	step("dawn", item("dawn", "S2", h(2), withTopics("cpec")))
	step("jang", item("jang", "S3", h(3), withTopics("security")))
	step("hindu", item("hindu", "S4", h(4), withTopics("cricket")))
	step("xinhua", item("xinhua", "S5", h(5), withTopics("cpec", "cricket")))
	step("dawn", item("dawn", "S6", h(0), u(6), withTopics("cpec")))
	return s
}

func TestStories(t *testing.T) { onEngines(t, testStories) }

func testStories(t *testing.T) {
	ctx := context.Background()
	s := storiesFixture(t)
	for _, tc := range []struct {
		name string
		q    StoryQuery
		want string // face source/key, newest first
	}{
		{"NoTopicsEveryStory", StoryQuery{}, "[dawn/S1 dawn/S2 jang/S3 hindu/S4 xinhua/S5 hindu/S6]"},
		{"AnyOneTopic", StoryQuery{Topics: []string{"cpec"}}, "[dawn/S1 dawn/S2 xinhua/S5 hindu/S6]"},
		{"AnyTwoTopics", StoryQuery{Topics: []string{"cpec", "security"}}, "[dawn/S1 dawn/S2 jang/S3 xinhua/S5 hindu/S6]"},
		{"AllTopicsOverMembers", StoryQuery{Topics: []string{"cpec", "security"}, MatchAll: true}, "[dawn/S1 hindu/S6]"},
		{"AllSingleTopic", StoryQuery{Topics: []string{"cricket"}, MatchAll: true}, "[hindu/S4 xinhua/S5]"},
		{"ExcludeVetoes", StoryQuery{Topics: []string{"cpec"}, ExcludeTopics: []string{"cricket"}}, "[dawn/S1 dawn/S2 hindu/S6]"},
		{"ExcludeOnly", StoryQuery{ExcludeTopics: []string{"cpec", "security"}}, "[hindu/S4]"},
		{"RegionAnyMember", StoryQuery{Topics: []string{"cpec"}, Regions: []string{"china"}}, "[dawn/S1 xinhua/S5]"},
		{"LanguageOnly", StoryQuery{Languages: []string{"ur"}}, "[jang/S3]"},
		{"SourceOfAMember", StoryQuery{Topics: []string{"cpec"}, Sources: []string{"hindu"}}, "[hindu/S6]"},
		{"RestrictionsHoldForOneMember", StoryQuery{Regions: []string{"pakistan"}, Languages: []string{"zh"}}, "[]"},
		{"RegionAndLanguage", StoryQuery{Regions: []string{"pakistan", "india"}, Languages: []string{"en"}}, "[dawn/S1 dawn/S2 hindu/S4 hindu/S6]"},
		{"Limit", StoryQuery{Topics: []string{"security", "cpec"}, Limit: 2}, "[dawn/S1 dawn/S2]"},
		{"LimitAll", StoryQuery{Topics: []string{"cpec", "security"}, MatchAll: true, Limit: 1}, "[dawn/S1]"},
		{"UnknownTopic", StoryQuery{Topics: []string{"nope"}}, "[]"},
		{"RepeatedTopics", StoryQuery{Topics: []string{"cricket", "cricket"}}, "[hindu/S4 xinhua/S5]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			faces, err := s.Stories(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range faces {
				got = append(got, f.SourceID+"/"+f.Key)
			}
			if fmt.Sprint(got) != tc.want {
				t.Errorf("faces = %v, want %v", got, tc.want)
			}
		})
	}
	t.Run("FaceCarriesMembersAndTopicUnion", func(t *testing.T) {
		faces, err := s.Stories(ctx, StoryQuery{Sources: []string{"hindu"}, Topics: []string{"cpec"}})
		if err != nil || len(faces) != 1 {
			t.Fatalf("faces = %v, %v", faces, err)
		}
		f := faces[0]
		var topics []string
		for _, tm := range f.Topics {
			topics = append(topics, tm.Topic)
		}
		if fmt.Sprint(topics) != "[security cpec]" {
			t.Errorf("topics = %v, want the face's first: [security cpec]", topics)
		}
		if len(f.Story.Members) != 2 || f.Story.Members[0].Source != "hindu" || f.Story.Members[1].Source != "dawn" ||
			f.Story.Members[1].SourceTitle != "Dawn" || f.Story.Key != storyKey("hindu", "S6") {
			t.Errorf("story = %+v", f.Story)
		}
		if f.SourceTitle != "The Hindu" || !f.Published.Equal(t0.Add(-6*time.Hour)) {
			t.Errorf("face = %q published %v", f.SourceTitle, f.Published)
		}
	})
	t.Run("RetagMovesStoryBetweenFeeds", func(t *testing.T) {
		s4 := get(t, s, "hindu", "S4")
		if err := s.SetTopics(ctx, map[int64][]model.TopicMatch{s4.ID: {{Topic: "cpec"}}, 9999: {{Topic: "x"}}}); err != nil {
			t.Fatal(err)
		}
		faces, err := s.Stories(ctx, StoryQuery{Topics: []string{"cpec"}, ExcludeTopics: []string{"cricket"}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range faces {
			got = append(got, f.SourceID+"/"+f.Key)
		}
		if fmt.Sprint(got) != "[dawn/S1 dawn/S2 hindu/S4 hindu/S6]" {
			t.Errorf("after retag faces = %v", got)
		}
		if items, _, _ := s.Items(ctx, ItemQuery{Topic: "cricket"}); len(items) != 1 {
			t.Errorf("cricket items after retag = %d, want 1", len(items))
		}
	})
}

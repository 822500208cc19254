package publish

import (
	"fmt"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/store"
)

var testOpts = Options{BaseURL: "https://news.example.org/", Version: "1.2.3"}

var testDef = Def{
	ID:          "cpec",
	Title:       "CPEC & friends",
	Description: "China-Pakistan Economic Corridor coverage",
	Query:       store.StoryQuery{Topics: []string{"cpec"}, Limit: 50},
}

// hostileTitle carries everything that breaks naive XML and HTML writers.
const hostileTitle = `<script>alert("x")</script> Gwadar & Karachi ]]> "quoted" 'single'`

// fixtureItems are three stories as Store.Stories returns them, newest
// first: one carried by three outlets, one in Urdu with only a summary, one
// in Chinese.
func fixtureItems() []model.Item {
	pkt := time.FixedZone("PKT", 5*3600)
	return []model.Item{
		{
			ID: 10, SourceID: "dawn", SourceTitle: "Dawn", SourceURL: "https://www.dawn.com/feeds/home",
			URL:       "https://www.dawn.com/news/1800001/gwadar-port",
			Title:     hostileTitle,
			Summary:   `<p>Summary with <b>bold</b> &amp; more.</p>`,
			Content:   "<p>Full text ]]> of the story, with a control\x01 char.</p><p>Second paragraph.</p>",
			ImageURL:  "https://images.dawn.com/thumbnail/2024/05/gwadar.jpg?w=800&h=600&quote=\"x\"",
			Published: time.Date(2024, 5, 3, 14, 30, 15, 999, pkt),
			Updated:   time.Date(2024, 5, 3, 16, 0, 0, 0, pkt),
			FirstSeen: time.Date(2024, 5, 3, 9, 31, 0, 0, time.UTC),
			Topics: []model.TopicMatch{
				{Topic: "cpec", Terms: []string{"Gwadar"}},
				{Topic: "security"},
				{Topic: "cpec"},
			},
			Story: model.Story{ID: 7, Key: "s7abc", Members: []model.StoryMember{
				{ItemID: 10, Source: "dawn", SourceTitle: "Dawn", URL: "https://www.dawn.com/news/1800001/gwadar-port"},
				{ItemID: 11, Source: "tribune", SourceTitle: `Express "Tribune" & Co`, URL: "https://tribune.com.pk/story/1?a=1&b=2",
					FirstSeen: time.Date(2024, 5, 3, 10, 0, 0, 0, time.UTC)},
				{ItemID: 12, Source: "reuters", SourceTitle: "Reuters", URL: "javascript:alert(1)"},
			}},
		},
		{
			ID: 20, SourceID: "jang", SourceTitle: "روزنامہ جنگ", SourceURL: "https://jang.com.pk/rss/1",
			URL:       "https://jang.com.pk/news/123",
			Title:     "گوادر بندرگاہ پر نئی سرمایہ کاری",
			Summary:   "<p>سی پیک کے تحت نئی سرمایہ کاری</p>",
			ImageURL:  "https://jang.com.pk/assets/uploads/%DA%AF%D9%88%D8%A7%D8%AF%D8%B1.PNG",
			Published: time.Date(2024, 5, 2, 8, 0, 0, 0, time.UTC),
			FirstSeen: time.Date(2024, 5, 2, 8, 5, 0, 0, time.UTC),
			Topics:    []model.TopicMatch{{Topic: "cpec"}},
			Story: model.Story{ID: 8, Key: "s8def", Members: []model.StoryMember{
				{ItemID: 20, Source: "jang", SourceTitle: "روزنامہ جنگ", URL: "https://jang.com.pk/news/123"},
			}},
		},
		{
			ID: 30, SourceID: "xinhua", SourceTitle: "新华网",
			URL:         "https://www.news.cn/world/20240501/abc.html",
			Title:       "中巴经济走廊建设稳步推进",
			Content:     "<p>" + longChinese() + "</p>",
			ContentText: longChinese(),
			Published:   time.Date(2024, 5, 1, 2, 0, 0, 0, time.UTC),
			FirstSeen:   time.Date(2024, 5, 1, 2, 10, 0, 0, time.UTC),
			Topics:      []model.TopicMatch{{Topic: "cpec"}, {Topic: "china"}},
			Story:       model.Story{ID: 9, Key: "s9ghi"},
		},
	}
}

func longChinese() string {
	s := ""
	for i := 0; i < 40; i++ {
		s += fmt.Sprintf("中巴经济走廊第%d段。", i)
	}
	return s
}

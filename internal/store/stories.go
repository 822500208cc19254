package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"aggregator/internal/model"
)

// Stories lists the faces of the stories a published feed holds, newest
// first by the face's published time. A story is in when the union of its
// members' topics holds all (MatchAll) or any of q.Topics (no topics: every
// story) and none of q.ExcludeTopics, and when one member comes from a
// source satisfying every restriction given (Sources, Regions, Languages).
func (s *DB) Stories(ctx context.Context, q StoryQuery) ([]model.Item, error) {
	limit := pageLimit(q.Limit)
	query, args := storiesQuery(q, limit)
	ids, err := queryIDs(ctx, s.read, query, args...)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	faces, err := queryItems(ctx, s.read, `SELECT `+itemColumns+`
		FROM stories st JOIN items i ON i.id = st.face_item_id LEFT JOIN sources so ON so.id = i.source_id
		WHERE st.id IN (`+placeholders(len(ids))+`)`, anyArgs(ids)...)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	if err := hydrateStories(ctx, s, ids, faces); err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	return orderFaces(ids, faces), nil
}

// storiesQuery selects the ids of the matching stories, newest first. With
// topics it pages off story_topics (topic, published): one topic drives;
// for "any" of several, each topic's newest limit stories are merged.
func storiesQuery(q StoryQuery, limit int) (string, []any) {
	topics := dedupe(q.Topics)
	if len(topics) == 0 {
		cond, args := storyConditions(q, "st.id", nil)
		return `SELECT st.id FROM stories st` + where(cond) +
			` ORDER BY st.published DESC, st.id DESC LIMIT ?`, append(args, limit)
	}
	arm := func(topic string, also []string) (string, []any) {
		cond, args := storyConditions(q, "t.story_id", also)
		cond = append([]string{`t.topic = ?`}, cond...)
		return `SELECT t.story_id, t.published FROM story_topics t` + where(cond) +
				` ORDER BY t.published DESC, t.story_id DESC LIMIT ?`,
			append(append([]any{topic}, args...), limit)
	}
	if q.MatchAll || len(topics) == 1 {
		query, args := arm(topics[0], topics[1:])
		return `SELECT story_id FROM (` + query + `) AS arm ORDER BY published DESC, story_id DESC`, args
	}
	var arms []string
	var args []any
	for _, t := range topics {
		query, a := arm(t, nil)
		arms = append(arms, `SELECT * FROM (`+query+`) AS arm`)
		args = append(args, a...)
	}
	return `SELECT story_id FROM (` + strings.Join(arms, ` UNION ALL `) + `) AS arms
		GROUP BY story_id ORDER BY MAX(published) DESC, story_id DESC LIMIT ?`, append(args, limit)
}

// storyConditions are the filters on the story whose id is sid: further
// topics it must hold, topics it must not, and a member's source.
func storyConditions(q StoryQuery, sid string, also []string) (conds []string, args []any) {
	for _, t := range also {
		conds = append(conds, `EXISTS (SELECT 1 FROM story_topics a WHERE a.story_id = `+sid+` AND a.topic = ?)`)
		args = append(args, t)
	}
	if ex := dedupe(q.ExcludeTopics); len(ex) > 0 {
		conds = append(conds, `NOT EXISTS (SELECT 1 FROM story_topics x WHERE x.story_id = `+sid+
			` AND x.topic IN (`+placeholders(len(ex))+`))`)
		args = append(args, anyArgs(ex)...)
	}
	var member []string
	for _, r := range []struct {
		col  string
		vals []string
	}{{"m.source_id", q.Sources}, {"ms.region", q.Regions}, {"ms.language", q.Languages}} {
		if vals := dedupe(r.vals); len(vals) > 0 {
			member = append(member, r.col+` IN (`+placeholders(len(vals))+`)`)
			args = append(args, anyArgs(vals)...)
		}
	}
	if len(member) > 0 {
		conds = append(conds, `EXISTS (SELECT 1 FROM items m JOIN sources ms ON ms.id = m.source_id
			WHERE m.story_id = `+sid+` AND `+strings.Join(member, ` AND `)+`)`)
	}
	return conds, args
}

func where(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return ` WHERE ` + strings.Join(conds, ` AND `)
}

// dedupe drops empty and repeated values, keeping the first order.
func dedupe(vs []string) []string {
	var out []string
	for _, v := range vs {
		if v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// hydrateStories fills each face's story and the union of its members'
// topics, the face's own first, then the others' in member order.
func hydrateStories(ctx context.Context, s *DB, ids []int64, faces []model.Item) error {
	stories, err := loadStories(ctx, s.read, ids)
	if err != nil {
		return err
	}
	var members []int64
	for _, st := range stories {
		for _, m := range st.Members {
			members = append(members, m.ItemID)
		}
	}
	topics, err := loadTopics(ctx, s.read, members)
	if err != nil {
		return err
	}
	for i := range faces {
		f := &faces[i]
		st := stories[f.Story.ID]
		f.Story = st
		f.Topics = slices.Clone(topics[f.ID])
		for _, m := range st.Members {
			if m.ItemID == f.ID {
				continue
			}
			for _, tm := range topics[m.ItemID] {
				if !slices.ContainsFunc(f.Topics, func(x model.TopicMatch) bool { return x.Topic == tm.Topic }) {
					f.Topics = append(f.Topics, tm)
				}
			}
		}
	}
	return nil
}

// orderFaces returns the faces in the order of their story ids.
func orderFaces(ids []int64, faces []model.Item) []model.Item {
	byStory := make(map[int64]model.Item, len(faces))
	for _, f := range faces {
		byStory[f.Story.ID] = f
	}
	out := make([]model.Item, 0, len(faces))
	for _, id := range ids {
		if f, ok := byStory[id]; ok {
			out = append(out, f)
		}
	}
	return out
}

// queryIDs runs a query selecting one integer column.
func queryIDs(ctx context.Context, q querier, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"aggregator/internal/model"
)

// querier is what the read helpers need of a *sql.DB or *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// itemColumns selects an item as scanItem reads it, from items i and
// sources so (LEFT JOINed).
const itemColumns = `i.id, i.source_id, COALESCE(so.title, ''), COALESCE(so.url, ''), i.key, i.guid, i.url,
	i.raw_url, i.title, i.summary, i.content, i.author, i.categories, i.image_url,
	i.published, i.updated, i.first_seen, i.hash, i.sig, COALESCE(i.story_id, 0), i.title_derived`

// scanItem reads itemColumns. The plain texts are not stored: SummaryText
// and ContentText are left empty, for the reader to derive from the HTML
// when it needs them.
func scanItem(row scanner) (model.Item, error) {
	var (
		it                   model.Item
		cats                 string
		published, firstSeen int64
		updated              sql.NullInt64
	)
	dest := []any{&it.ID, &it.SourceID, &it.SourceTitle, &it.SourceURL, &it.Key, &it.GUID, &it.URL,
		&it.RawURL, &it.Title, &it.Summary, &it.Content, &it.Author, &cats, &it.ImageURL,
		&published, &updated, &firstSeen, &it.Hash, &it.Fingerprint.Sig, &it.Story.ID, &it.TitleDerived}
	if err := row.Scan(dest...); err != nil {
		return model.Item{}, err
	}
	if err := json.Unmarshal([]byte(cats), &it.Categories); err != nil {
		return model.Item{}, fmt.Errorf("item %d categories: %w", it.ID, err)
	}
	it.Published, it.Updated, it.FirstSeen = fromMS(published), fromNullMS(updated), fromMS(firstSeen)
	return it, nil
}

// queryItems runs a query selecting itemColumns.
func queryItems(ctx context.Context, q querier, query string, args ...any) ([]model.Item, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []model.Item
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// snippetHTML makes an FTS snippet safe HTML, matches in <mark>.
func snippetHTML(s string) string {
	s = html.EscapeString(ftsDisplayForm(s))
	return strings.NewReplacer(snippetOpen, "<mark>", snippetClose, "</mark>").Replace(s)
}

// itemIDs returns the ids of items.
func itemIDs(items []model.Item) []int64 {
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	return ids
}

// loadTopics returns the topics of the given items, by item id.
func loadTopics(ctx context.Context, q querier, ids []int64) (map[int64][]model.TopicMatch, error) {
	out := map[int64][]model.TopicMatch{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT item_id, topic, terms, hits FROM item_topics
		WHERE item_id IN (`+placeholders(len(ids))+`) ORDER BY item_id, topic`, anyArgs(ids)...)
	if err != nil {
		return nil, fmt.Errorf("load topics: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id          int64
			tm          model.TopicMatch
			terms, hits string
		)
		if err := rows.Scan(&id, &tm.Topic, &terms, &hits); err != nil {
			return nil, fmt.Errorf("load topics: %w", err)
		}
		if err := json.Unmarshal([]byte(terms), &tm.Terms); err != nil {
			return nil, fmt.Errorf("load topics of item %d: %w", id, err)
		}
		if err := json.Unmarshal([]byte(hits), &tm.Hits); err != nil {
			return nil, fmt.Errorf("load topics of item %d: %w", id, err)
		}
		out[id] = append(out[id], tm)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load topics: %w", err)
	}
	return out, nil
}

// loadStories returns the given stories with their members, earliest
// first, by story id.
func loadStories(ctx context.Context, q querier, ids []int64) (map[int64]model.Story, error) {
	out := map[int64]model.Story{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT s.id, s.key, i.id, i.source_id, COALESCE(so.title, ''), i.url,
			i.title, i.first_seen
		FROM stories s JOIN items i ON i.story_id = s.id LEFT JOIN sources so ON so.id = i.source_id
		WHERE s.id IN (`+placeholders(len(ids))+`) ORDER BY s.id, i.first_seen, i.id`, anyArgs(ids)...)
	if err != nil {
		return nil, fmt.Errorf("load stories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id, seen int64
			key      string
			m        model.StoryMember
		)
		if err := rows.Scan(&id, &key, &m.ItemID, &m.Source, &m.SourceTitle, &m.URL, &m.Title, &seen); err != nil {
			return nil, fmt.Errorf("load stories: %w", err)
		}
		m.FirstSeen = fromMS(seen)
		st := out[id]
		st.ID, st.Key = id, key
		st.Members = append(st.Members, m)
		out[id] = st
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load stories: %w", err)
	}
	return out, nil
}

// hydrate fills the items' topics and stories.
func hydrate(ctx context.Context, q querier, items []model.Item) error {
	topics, err := loadTopics(ctx, q, itemIDs(items))
	if err != nil {
		return err
	}
	storyIDs := make([]int64, 0, len(items))
	seen := map[int64]bool{}
	for _, it := range items {
		if it.Story.ID != 0 && !seen[it.Story.ID] {
			seen[it.Story.ID] = true
			storyIDs = append(storyIDs, it.Story.ID)
		}
	}
	stories, err := loadStories(ctx, q, storyIDs)
	if err != nil {
		return err
	}
	for i := range items {
		items[i].Topics = topics[items[i].ID]
		if st, ok := stories[items[i].Story.ID]; ok {
			items[i].Story = st
		}
	}
	return nil
}

package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"aggregator/internal/model"
	"aggregator/internal/normalize"
	"aggregator/internal/store"
	"aggregator/internal/tag"
)

func explainFlags(fs *flag.FlagSet) {
	fs.Bool("json", false, "write the explanation as JSON")
}

// runExplain prints, for every configured topic, whether it applies to one
// stored item under the current rules and why.
func runExplain(ctx context.Context, env *cmdEnv) error {
	if len(env.args) != 1 {
		return usageError{"explain takes one URL_OR_ID: a stored item's id (see /api/items) or its article URL"}
	}
	ref, err := parseItemRef(env.args[0])
	if err != nil {
		return err
	}
	a, err := openApp(ctx, env.configPath, env.stderr, true)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.trainNow(ctx); err != nil {
		return err
	}
	it, err := ref.find(ctx, a.store)
	if err != nil {
		return err
	}
	src, configured := configuredSource(a.cfg.Sources, it.SourceID)
	ex := explanation{
		item:       it,
		configured: configured,
		topics:     a.cfg.Topics,
		results:    a.tagger.Explain(&it, src),
		src:        src,
	}
	if env.fs.Lookup("json").Value.(flag.Getter).Get().(bool) {
		return ex.writeJSON(env.stdout)
	}
	ex.writeText(env.stdout)
	return nil
}

// itemRef is what explain was asked about: an item id or an article URL.
type itemRef struct {
	id        int64
	url       string // as given
	canonical string
}

func parseItemRef(arg string) (itemRef, error) {
	if id, err := strconv.ParseInt(arg, 10, 64); err == nil {
		if id <= 0 {
			return itemRef{}, usageError{fmt.Sprintf("item id %d: ids are positive", id)}
		}
		return itemRef{id: id}, nil
	}
	u, err := url.Parse(arg)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return itemRef{}, usageError{fmt.Sprintf("%q is neither an item id nor an absolute http(s) URL", arg)}
	}
	return itemRef{url: arg, canonical: normalize.CanonicalURL(arg, "")}, nil
}

// find reads the item, by id, or by canonical URL and then by the link as
// given, with its plain texts (derived from its HTML, as the store keeps
// only that). A miss says what was looked up and where to look instead.
func (r itemRef) find(ctx context.Context, st store.Store) (model.Item, error) {
	it, err := r.lookup(ctx, st)
	normalize.Texts(&it)
	return it, err
}

func (r itemRef) lookup(ctx context.Context, st store.Store) (model.Item, error) {
	if r.id != 0 {
		it, err := st.Item(ctx, r.id)
		if errors.Is(err, store.ErrNotFound) {
			return it, fmt.Errorf("no stored item has id %d: list stored items and their ids at /api/items: %w", r.id, err)
		}
		return it, err
	}
	it, err := st.ItemByURL(ctx, r.canonical)
	if errors.Is(err, store.ErrNotFound) && r.url != r.canonical {
		it, err = st.ItemByURL(ctx, r.url)
	}
	if errors.Is(err, store.ErrNotFound) {
		looked := r.canonical
		if r.url != r.canonical {
			looked = fmt.Sprintf("%s (canonical form of %s)", r.canonical, r.url)
		}
		return it, fmt.Errorf("no stored item has URL %s: run 'aggregator fetch SOURCE_ID' to store its source's "+
			"current items, or search the stored ones at /api/items?q=WORDS: %w", looked, err)
	}
	return it, err
}

// configuredSource is the item's source as configured now; a source no
// longer configured is known by its id only.
func configuredSource(sources []model.Source, id string) (model.Source, bool) {
	for _, s := range sources {
		if s.ID == id {
			return s, true
		}
	}
	return model.Source{ID: id}, false
}

// explanation is one item explained against every topic.
type explanation struct {
	item       model.Item
	src        model.Source
	configured bool
	topics     []model.Topic
	results    []tag.Explanation
}

// topic returns the configured topic id, if it is one.
func (ex *explanation) topic(id string) (model.Topic, bool) {
	i := slices.IndexFunc(ex.topics, func(t model.Topic) bool { return t.ID == id })
	if i < 0 {
		return model.Topic{}, false
	}
	return ex.topics[i], true
}

// storedTopics are the ids of the topics stored with the item.
func (ex *explanation) storedTopics() []string {
	ids := make([]string, 0, len(ex.item.Topics))
	for _, m := range ex.item.Topics {
		ids = append(ids, m.Topic)
	}
	return ids
}

func (ex *explanation) writeText(w io.Writer) {
	it := &ex.item
	fmt.Fprintf(w, "item %d: %s\n", it.ID, it.Title)
	fmt.Fprintf(w, "  url:        %s\n", it.URL)
	srcLine := it.SourceID
	if it.SourceTitle != "" {
		srcLine += " (" + it.SourceTitle + ")"
	}
	if !ex.configured {
		srcLine += "; no longer configured: its topics, region and language are unknown"
	}
	fmt.Fprintf(w, "  source:     %s\n", srcLine)
	fmt.Fprintf(w, "  published:  %s, first seen %s\n", it.Published.Format(time.RFC3339), it.FirstSeen.Format(time.RFC3339))
	if others := otherMembers(it); others != "" {
		fmt.Fprintf(w, "  same story: %s\n", others)
	}
	fmt.Fprintf(w, "  joined by:  %s\n", joinLine(it))
	stored := ex.storedTopics()
	fmt.Fprintf(w, "  stored topics: %s\n", listOrNone(stored))
	applied := 0
	for _, r := range ex.results {
		if r.Applied {
			applied++
		}
	}
	fmt.Fprintf(w, "  %d of %d topics apply under the current rules\n", applied, len(ex.results))
	for _, r := range ex.results {
		fmt.Fprintln(w)
		verdict := "does not apply"
		if r.Applied {
			verdict = "APPLIES"
		}
		fmt.Fprintf(w, "%s: %s: %s\n", r.Topic, verdict, r.Reason)
		if note := storedNote(r, stored); note != "" {
			fmt.Fprintf(w, "  %s\n", note)
		}
		if tp, ok := ex.topic(r.Topic); ok {
			for _, line := range ruleLines(tp) {
				fmt.Fprintf(w, "  %s\n", line)
			}
		}
		writeHits(w, it, "+", r.Hits)
		writeHits(w, it, "-", r.Vetoes)
		writeClassifier(w, r.Classifier)
	}
}

// writeClassifier shows a topic classifier's score and the n-grams of the
// item that weighed most.
func writeClassifier(w io.Writer, c *tag.ClassifierResult) {
	if c == nil {
		return
	}
	t := c.Trained
	fmt.Fprintf(w, "  classifier: score %.2f, threshold %.2f (learnt from %d examples in, %d out; %d stored items the rules match, %d they do not)\n",
		c.Score, c.Threshold, t.ExamplesIn, t.ExamplesOut, t.RulesIn, t.RulesOut)
	if len(c.Grams) == 0 {
		return
	}
	parts := make([]string, len(c.Grams))
	for i, g := range c.Grams {
		parts[i] = fmt.Sprintf("%q %+.2f", g.Text, g.Weight)
	}
	fmt.Fprintf(w, "  weighed most: %s\n", strings.Join(parts, ", "))
}

// maxTextHits bounds the hits the text form lists per topic and kind: a
// long article can hold hundreds (--json lists them all).
const maxTextHits = 12

func writeHits(w io.Writer, it *model.Item, mark string, hs []model.Hit) {
	for i, h := range hs {
		if i == maxTextHits {
			fmt.Fprintf(w, "  %s … and %d more (see --json)\n", mark, len(hs)-i)
			return
		}
		fmt.Fprintf(w, "  %s %q in %s at %d: %s\n", mark, h.Term, h.Field, h.Offset, hitSnippet(it, h))
	}
}

// otherMembers lists the story's other copies: "tribune #5, xinhua #9".
func otherMembers(it *model.Item) string {
	var out []string
	for _, m := range it.Story.Members {
		if m.ItemID != it.ID {
			out = append(out, fmt.Sprintf("%s #%d", m.Source, m.ItemID))
		}
	}
	return strings.Join(out, ", ")
}

// routeNames are the join routes as explain names them.
var routeNames = map[string]string{
	model.RouteURL:         "canonical URL",
	model.RouteText:        "whole text",
	model.RouteContainment: "lead containment",
	model.RouteHeadline:    "headline",
}

// joinLine says why the item is in its story: the route and score it
// joined by, or that it founded the story.
func joinLine(it *model.Item) string {
	if j := it.Join; j.Route != "" {
		name := routeNames[j.Route]
		if name == "" {
			name = j.Route
		}
		return fmt.Sprintf("%s, score %.2f", name, j.Score)
	}
	if !isFace(it) {
		return "not recorded (stored before aggregator kept why an item joined its story)"
	}
	return "none: it founded its story (the first copy stored)"
}

// isFace reports whether the item is its story's earliest member.
func isFace(it *model.Item) bool {
	for _, m := range it.Story.Members {
		if m.ItemID != it.ID && (m.FirstSeen.Before(it.FirstSeen) || (m.FirstSeen.Equal(it.FirstSeen) && m.ItemID < it.ID)) {
			return false
		}
	}
	return true
}

// storedNote says when what is stored differs from the current rules:
// the rules changed since the item was tagged, and retag would fix it.
func storedNote(r tag.Explanation, stored []string) string {
	switch has := slices.Contains(stored, r.Topic); {
	case has && !r.Applied:
		return "stored with this topic: the rules changed since; 'aggregator retag' would remove it"
	case !has && r.Applied:
		return "stored without this topic: the rules changed since; 'aggregator retag' would add it"
	}
	return ""
}

// ruleLines shows a topic's rule as configured.
func ruleLines(tp model.Topic) []string {
	var out []string
	if tp.Query != "" {
		out = append(out, "query: "+tp.Query)
	}
	if len(tp.Keywords) > 0 {
		out = append(out, "keywords: "+quoteList(tp.Keywords))
	}
	if len(tp.Exclude) > 0 {
		out = append(out, "exclude: "+quoteList(tp.Exclude))
	}
	if len(tp.Fields) > 0 && !allFields(tp.Fields) {
		out = append(out, "fields: "+strings.Join(tp.Fields, ", "))
	}
	return out
}

// allFields reports whether fields name every field (the default).
func allFields(fields []string) bool {
	for _, f := range []string{model.FieldTitle, model.FieldSummary, model.FieldContent, model.FieldCategories} {
		if !slices.Contains(fields, f) {
			return false
		}
	}
	return true
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func listOrNone(ss []string) string {
	if len(ss) == 0 {
		return "none"
	}
	return strings.Join(ss, ", ")
}

// explainJSON is the --json form of an explanation.
type explainJSON struct {
	Item   explainItemJSON    `json:"item"`
	Topics []explainTopicJSON `json:"topics"`
}

type explainItemJSON struct {
	ID               int64     `json:"id"`
	Title            string    `json:"title"`
	URL              string    `json:"url"`
	Source           string    `json:"source"`
	SourceTitle      string    `json:"source_title"`
	SourceConfigured bool      `json:"source_configured"`
	Published        time.Time `json:"published"`
	FirstSeen        time.Time `json:"first_seen"`
	StoredTopics     []string  `json:"stored_topics"`
	// Join is how the item came into its story; null when it founded it
	// (or was stored before the route was kept).
	Join *explainJoinJSON `json:"join"`
}

type explainJoinJSON struct {
	Story int64   `json:"story"`
	Route string  `json:"route"` // url, text, containment or headline
	Name  string  `json:"name"`  // the route as the text form names it
	Score float64 `json:"score"`
}

type explainTopicJSON struct {
	ID       string        `json:"id"`
	Title    string        `json:"title,omitempty"`
	Applies  bool          `json:"applies"`
	Stored   bool          `json:"stored"` // stored with the item now
	BySource bool          `json:"by_source"`
	Reason   string        `json:"reason"`
	Query    string        `json:"query,omitempty"`
	Keywords []string      `json:"keywords,omitempty"`
	Exclude  []string      `json:"exclude,omitempty"`
	Hits     []explainHitJ `json:"hits"`
	Vetoes   []explainHitJ `json:"vetoes"`
	Via      string        `json:"via,omitempty"`
	// Classifier is the topic classifier's judgement, when it has one.
	Classifier *explainClassifierJ `json:"classifier,omitempty"`
}

type explainClassifierJ struct {
	Score     float64        `json:"score"`
	Threshold float64        `json:"threshold"`
	Grams     []explainGramJ `json:"grams"`
	Trained   tagTrainedJ    `json:"trained"`
}

type explainGramJ struct {
	Text   string  `json:"text"`
	Weight float64 `json:"weight"`
}

type tagTrainedJ struct {
	ExamplesIn  int `json:"examples_in"`
	ExamplesOut int `json:"examples_out"`
	RulesIn     int `json:"rules_in"`
	RulesOut    int `json:"rules_out"`
}

func classifierJSON(c *tag.ClassifierResult) *explainClassifierJ {
	if c == nil {
		return nil
	}
	out := &explainClassifierJ{Score: c.Score, Threshold: c.Threshold, Grams: make([]explainGramJ, len(c.Grams)),
		Trained: tagTrainedJ(c.Trained)}
	for i, g := range c.Grams {
		out.Grams[i] = explainGramJ(g)
	}
	return out
}

type explainHitJ struct {
	Term    string `json:"term"`
	Field   string `json:"field"`
	Offset  int    `json:"offset"`
	Snippet string `json:"snippet"`
}

func (ex *explanation) writeJSON(w io.Writer) error {
	it := &ex.item
	stored := ex.storedTopics()
	out := explainJSON{Item: explainItemJSON{
		ID: it.ID, Title: it.Title, URL: it.URL, Source: it.SourceID, SourceTitle: it.SourceTitle,
		SourceConfigured: ex.configured, Published: it.Published.UTC(), FirstSeen: it.FirstSeen.UTC(),
		StoredTopics: stored,
	}, Topics: make([]explainTopicJSON, 0, len(ex.results))}
	if j := it.Join; j.Route != "" {
		out.Item.Join = &explainJoinJSON{Story: j.StoryID, Route: j.Route, Name: routeNames[j.Route], Score: j.Score}
	}
	for _, r := range ex.results {
		tj := explainTopicJSON{
			ID: r.Topic, Applies: r.Applied, Reason: r.Reason,
			Stored:   slices.Contains(stored, r.Topic),
			BySource: slices.Contains(ex.src.Topics, r.Topic),
			Hits:     ex.hitsJSON(r.Hits), Vetoes: ex.hitsJSON(r.Vetoes),
			Via: r.Via, Classifier: classifierJSON(r.Classifier),
		}
		if tp, ok := ex.topic(r.Topic); ok {
			tj.Title, tj.Query, tj.Keywords, tj.Exclude = tp.Title, tp.Query, tp.Keywords, tp.Exclude
		}
		out.Topics = append(out.Topics, tj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing the explanation: %w", err)
	}
	return nil
}

func (ex *explanation) hitsJSON(hs []model.Hit) []explainHitJ {
	out := make([]explainHitJ, len(hs))
	for i, h := range hs {
		out[i] = explainHitJ{Term: h.Term, Field: h.Field, Offset: h.Offset, Snippet: hitSnippet(&ex.item, h)}
	}
	return out
}

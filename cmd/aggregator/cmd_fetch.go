package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"unicode"

	"aggregator/internal/ingest"
	"aggregator/internal/model"
	"aggregator/internal/schedule"
)

func runFetch(ctx context.Context, env *cmdEnv) error {
	a, err := openApp(ctx, env.configPath, env.stderr, true)
	if err != nil {
		return err
	}
	defer a.Close()
	sources, err := pickSources(a.cfg.Sources, env.args)
	if err != nil {
		return err
	}
	if len(sources) == 0 {
		fmt.Fprintf(env.stderr, "aggregator: nothing to fetch: %s has no enabled sources\n", a.cfg.File)
		return nil
	}
	// Every source's state in one query, not one each.
	states, err := a.store.Sources(ctx)
	if err != nil {
		_, name := storeLocation(a.cfg)
		return storeError(name, fmt.Errorf("reading the sources' state: %w", err))
	}
	known := make(map[string]model.SourceState, len(states))
	for _, st := range states {
		known[st.SourceID] = st
	}
	prog := newProgress(env.stderr, "fetching", len(sources))
	var mu sync.Mutex
	var results []ingest.Result
	schedule.RunAll(ctx, sources, func(ctx context.Context, src model.Source) {
		st, ok := known[src.ID]
		if !ok {
			st = model.SourceState{SourceID: src.ID, Status: model.StatusNever}
		}
		r := a.pipeline.RunFrom(ctx, src, st, true)
		mu.Lock()
		results = append(results, r)
		mu.Unlock()
		prog.step(src.ID)
	})
	prog.done()
	sort.Slice(results, func(i, j int) bool { return results[i].Source < results[j].Source })
	failed := 0
	for _, r := range results {
		printResult(env.stdout, r)
		if r.Err != nil {
			failed++
		}
		if r.Refused > 0 {
			fmt.Fprintf(env.stderr, "aggregator: %s: %d entries refused (%s)\n", r.Source, r.Refused, reasons(r.RefusedBy))
		}
	}
	if failed > 0 {
		return partialError{fmt.Sprintf("%d of %d sources failed", failed, len(results))}
	}
	return nil
}

// pickSources is every enabled source, or exactly those named (enabled or
// not: naming one is asking for it).
func pickSources(all []model.Source, ids []string) ([]model.Source, error) {
	if len(ids) == 0 {
		var out []model.Source
		for _, s := range all {
			if s.Enabled {
				out = append(out, s)
			}
		}
		return out, nil
	}
	byID := map[string]model.Source{}
	for _, s := range all {
		byID[s.ID] = s
	}
	var out []model.Source
	var unknown []string
	for _, id := range ids {
		s, ok := byID[id]
		if !ok {
			unknown = append(unknown, id)
			continue
		}
		out = append(out, s)
	}
	if len(unknown) > 0 {
		known := make([]string, 0, len(all))
		for _, s := range all {
			known = append(known, s.ID)
		}
		return nil, inputError{fmt.Sprintf("no source %s in the configuration; its sources are: %s",
			strings.Join(unknown, ", "), strings.Join(known, ", "))}
	}
	return out, nil
}

// printResult writes one tab-separated line: id, status, counts, error,
// then the refused count (after the error, so that the fields scripts
// already read keep their places). Control characters in the error become
// spaces: the line stays one printable line with fixed fields.
func printResult(w io.Writer, r ingest.Result) {
	errText := ""
	if r.Err != nil {
		errText = strings.Map(func(c rune) rune {
			if unicode.IsControl(c) {
				return ' '
			}
			return c
		}, r.Err.Error())
	}
	fmt.Fprintf(w, "%s\t%s\tnew=%d\tupdated=%d\tduplicate=%d\tjoined=%d\t%s\trefused=%d\n",
		r.Source, r.Status, r.New, r.Updated, r.Duplicate, r.Joined, errText, r.Refused)
}

// reasons lists refusal counts by reason, "empty: 2, …", in reason order.
func reasons(by map[string]int) string {
	keys := make([]string, 0, len(by))
	for k := range by {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s: %d", k, by[k])
	}
	return strings.Join(parts, ", ")
}

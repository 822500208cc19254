package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"aggregator/internal/config"
	"aggregator/internal/tag"
)

// withRuleProblems adds to the configuration's own problems those of its
// topic rules (query syntax above all), so that check lists every problem
// at once, ordered by line. A rule problem at a path the configuration
// already reported, or below it, is left out: it is the same problem.
func withRuleProblems(cfg *config.Config, problems config.Problems) config.Problems {
	if cfg == nil {
		return problems
	}
	_, err := tag.Compile(cfg.Topics)
	var rp tag.Problems
	if !errors.As(err, &rp) {
		return problems
	}
	out := slices.Clone(problems)
	for _, p := range ruleProblems(cfg, rp) {
		if !slices.ContainsFunc(problems, func(q config.Problem) bool { return covers(q.Path, p.Path) }) {
			out = append(out, p)
		}
	}
	slices.SortStableFunc(out, func(a, b config.Problem) int { return a.Line - b.Line })
	return out
}

// ruleProblems converts the tagger's problems to the configuration's,
// "FILE:LINE: topics[i].query: column N: message".
func ruleProblems(cfg *config.Config, tp tag.Problems) config.Problems {
	out := make(config.Problems, 0, len(tp))
	for _, p := range tp {
		msg := p.Message
		if p.Column > 0 {
			msg = fmt.Sprintf("column %d: %s", p.Column, msg)
		}
		out = append(out, config.Problem{File: cfg.File, Line: cfg.Line(p.Path), Path: p.Path, Message: msg})
	}
	return out
}

// covers reports whether a problem at path outer is about inner too: the
// same path, or one of its ancestors ("topics[2]" covers
// "topics[2].fields[0]").
func covers(outer, inner string) bool {
	return outer == inner || strings.HasPrefix(inner, outer+".") || strings.HasPrefix(inner, outer+"[")
}

package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"slices"

	"aggregator/internal/ingest"
)

func retagFlags(fs *flag.FlagSet) {
	fs.Bool("force", false, "retag even when the configuration has no topics (clearing every stored tag)")
}

// runRetag re-applies the current topic rules to every stored item. A
// configuration without topics would clear every tag, which is more often
// a wrong --config than a wish: that takes --force.
func runRetag(ctx context.Context, env *cmdEnv) error { return retag(ctx, env, false) }

// runBacktest shows per topic what retag would gain and lose, with
// examples, and changes nothing.
func runBacktest(ctx context.Context, env *cmdEnv) error { return retag(ctx, env, true) }

func retag(ctx context.Context, env *cmdEnv, dryRun bool) error {
	if len(env.args) > 0 {
		return usageError{env.fs.Name() + " takes no arguments"}
	}
	a, err := openApp(ctx, env.configPath, env.stderr, true)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.trainNow(ctx); err != nil {
		return err
	}
	if f := env.fs.Lookup("force"); !dryRun && len(a.cfg.Topics) == 0 && f != nil && !f.Value.(flag.Getter).Get().(bool) {
		return inputError{fmt.Sprintf("%s has no topics: retag would remove every stored item's topics.\n"+
			"Check --config (or AGGREGATOR_CONFIG); run 'aggregator backtest' to see the change, or 'aggregator retag --force' to make it.",
			env.configPath)}
	}
	prog := newProgress(env.stderr, "items", 0)
	res, err := a.pipeline.Retag(ctx, a.cfg.Sources, dryRun, prog.set)
	prog.done()
	if err != nil {
		return err
	}
	printRetag(env.stdout, res, dryRun)
	return nil
}

func printRetag(w io.Writer, res ingest.RetagResult, dryRun bool) {
	verb := "changed"
	if dryRun {
		verb = "would change"
	}
	fmt.Fprintf(w, "%d items looked at, %s %d\n", res.Items, verb, res.Changed)
	printCounts(w, "+", res.Gained, res.GainedExamples, "-", res.Lost, res.LostExamples)
	if len(res.Added) == 0 && len(res.Doubted) == 0 {
		return
	}
	legend := "+ items only the classifier applies the topic to"
	if dryRun {
		legend += "; ? items the rules apply it to that the classifier scores under its threshold"
	}
	fmt.Fprintf(w, "classifiers beside the rules (%s)\n", legend)
	printCounts(w, "+", res.Added, res.AddedExamples, "?", res.Doubted, res.DoubtedExamples)
}

// printCounts prints, per topic of either count, "topic<TAB>+N<TAB>-M"
// (with marks a and b) and the examples of each, marked likewise.
func printCounts(w io.Writer, a string, na map[string]int, exa map[string][]string, b string, nb map[string]int, exb map[string][]string) {
	var topics []string
	for t := range na {
		topics = append(topics, t)
	}
	for t := range nb {
		if _, ok := na[t]; !ok {
			topics = append(topics, t)
		}
	}
	slices.Sort(topics)
	for _, t := range topics {
		fmt.Fprintf(w, "%s\t%s%d\t%s%d\n", t, a, na[t], b, nb[t])
		for _, ex := range exa[t] {
			fmt.Fprintf(w, "  %s %s\n", a, ex)
		}
		for _, ex := range exb[t] {
			fmt.Fprintf(w, "  %s %s\n", b, ex)
		}
	}
}

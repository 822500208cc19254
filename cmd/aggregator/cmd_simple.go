package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"aggregator/internal/opml"
	"aggregator/internal/publish"
)

func runVersion(_ context.Context, env *cmdEnv) error {
	if len(env.args) > 0 {
		return usageError{"version takes no arguments"}
	}
	fmt.Fprintf(env.stdout, "aggregator %s\n", version())
	return nil
}

func runCheck(_ context.Context, env *cmdEnv) error {
	if len(env.args) > 0 {
		return usageError{"check takes no arguments"}
	}
	r, err := loadRules(env.configPath)
	if err != nil {
		return err
	}
	enabled := 0
	for _, s := range r.cfg.Sources {
		if s.Enabled {
			enabled++
		}
	}
	warnings := r.cfg.Warnings()
	for _, w := range warnings {
		fmt.Fprintf(env.stderr, "warning: %s\n", w)
	}
	note := ""
	if len(warnings) > 0 {
		note = fmt.Sprintf("; %d warning%s (stderr)", len(warnings), map[bool]string{true: "s"}[len(warnings) > 1])
	}
	fmt.Fprintf(env.stdout, "%s: ok: %d sources (%d enabled), %d topics, %d feeds%s\n",
		r.cfg.File, len(r.cfg.Sources), enabled, len(r.cfg.Topics), len(r.cfg.Feeds), note)
	return nil
}

func exportFlags(fs *flag.FlagSet) {
	fs.String("format", "rss", "rss, atom or json")
}

func runExport(ctx context.Context, env *cmdEnv) error {
	if len(env.args) != 1 {
		return usageError{"export takes one FEED_ID"}
	}
	format := strings.ToLower(env.fs.Lookup("format").Value.String())
	switch format {
	case "rss", "atom", "json":
	default:
		return usageError{fmt.Sprintf("--format %q: use rss, atom or json", format)}
	}
	a, err := openApp(ctx, env.configPath, env.stderr, true)
	if err != nil {
		return err
	}
	defer a.Close()
	r, err := a.publisher.Get(ctx, env.args[0], format)
	if errors.Is(err, publish.ErrUnknownFeed) {
		var ids []string
		for _, d := range a.publisher.Defs() {
			ids = append(ids, d.ID)
		}
		if len(ids) == 0 {
			return inputError{fmt.Sprintf("no published feed %q: %s defines no topics or feeds", env.args[0], a.cfg.File)}
		}
		return inputError{fmt.Sprintf("no published feed %q in %s; its topic and feed ids are: %s",
			env.args[0], a.cfg.File, strings.Join(ids, ", "))}
	}
	if err != nil {
		return err
	}
	_, err = env.stdout.Write(r.Body)
	return err
}

func runImportOPML(_ context.Context, env *cmdEnv) error {
	if len(env.args) != 1 {
		return usageError{"import-opml takes one FILE"}
	}
	f, err := os.Open(env.args[0])
	if err != nil {
		return inputError{fmt.Sprintf("cannot read the OPML file: %v", err)}
	}
	defer f.Close()
	imp, err := opml.Read(f)
	if err != nil {
		return inputError{fmt.Sprintf("%s: %v", env.args[0], err)}
	}
	for _, sk := range imp.Skipped {
		fmt.Fprintf(env.stderr, "%s: skipped %q (%s): %s\n", env.args[0], sk.Title, sk.URL, sk.Reason)
	}
	if len(imp.Sources) == 0 {
		return inputError{fmt.Sprintf("%s: no outline with a usable feed URL (xmlUrl)", env.args[0])}
	}
	return opml.SourcesYAML(env.stdout, imp.Sources)
}

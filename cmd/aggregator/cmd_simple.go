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
	fmt.Fprintf(env.stdout, "%s: ok: %d sources (%d enabled), %d topics, %d feeds\n",
		r.cfg.File, len(r.cfg.Sources), enabled, len(r.cfg.Topics), len(r.cfg.Feeds))
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
		return usageError{fmt.Sprintf("no published feed %q; the topic and feed ids are in %s", env.args[0], a.cfg.File)}
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
		return usageError{err.Error()}
	}
	defer f.Close()
	sources, err := opml.Parse(f)
	if err != nil {
		return usageError{fmt.Sprintf("%s: %v", env.args[0], err)}
	}
	return opml.SourcesYAML(env.stdout, sources)
}

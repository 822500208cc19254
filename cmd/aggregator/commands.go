package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// errHelp ends a command after its help was printed.
var errHelp = errors.New("help shown")

// command is one subcommand of the binary.
type command struct {
	name    string
	args    string // the positional arguments, for usage
	summary string
	flags   func(fs *flag.FlagSet) // the command's own flags, may be nil
	run     func(ctx context.Context, env *cmdEnv) error
}

// cmdEnv is what a command runs with.
type cmdEnv struct {
	fs         *flag.FlagSet
	configPath string
	args       []string
	stdout     io.Writer
	stderr     io.Writer
}

func commands() []command {
	return []command{
		{name: "serve", summary: "run the schedules and the HTTP server until SIGINT/SIGTERM", run: runServe},
		{name: "fetch", args: "[SOURCE_ID...]", summary: "fetch every enabled source (or those named) once and ingest", run: runFetch},
		{name: "check", summary: "validate the configuration", run: runCheck},
		{name: "retag", summary: "re-apply the current topic rules to every stored item", flags: retagFlags, run: runRetag},
		{name: "backtest", summary: "show what the current topic rules would change, without changing it", run: runBacktest},
		{name: "explain", args: "URL_OR_ID", summary: "say for every topic why it does or does not apply to a stored item (by id or article URL)", flags: explainFlags, run: runExplain},
		{name: "export", args: "FEED_ID", summary: "write a published feed to stdout, as serve sends it", flags: exportFlags, run: runExport},
		{name: "import-opml", args: "FILE", summary: "print an OPML file's feeds as a YAML sources: list", run: runImportOPML},
		{name: "healthcheck", summary: "exit 0 when the configured server answers /healthz, 1 otherwise", flags: healthcheckFlags, run: runHealthcheck},
		{name: "backup", args: "FILE", summary: "write a consistent copy of the store to FILE, also while serve runs", flags: backupFlags, run: runBackup},
		{name: "migrate", summary: "copy a whole store into a new one, across engines (sqlite:PATH, postgres://…)", flags: migrateFlags, run: runMigrate},
		{name: "version", summary: "print the version", run: runVersion},
	}
}

func usage(w io.Writer) {
	fmt.Fprintf(w, `aggregator %s: regional news feeds in, curated de-duplicated feeds out.

Usage: aggregator [--config PATH] COMMAND [flags]

Commands:
`, version())
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
The configuration is --config PATH, else $AGGREGATOR_CONFIG, else config.yaml.
Run 'aggregator COMMAND --help' for a command's flags.
Exit codes: 0 success, 1 part of the work failed, 2 bad usage or configuration.
`)
}

// dispatch parses the global flags and runs the command.
func dispatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	configPath := os.Getenv("AGGREGATOR_CONFIG")
	if configPath == "" {
		configPath = "config.yaml"
	}
	// Global flags before the command.
	for len(args) > 0 && strings.HasPrefix(args[0], "-") {
		switch name, value, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "="); name {
		case "config", "c":
			if !hasValue {
				if len(args) < 2 {
					return usageError{"--config needs a PATH"}
				}
				value, args = args[1], args[1:]
			}
			configPath = value
			args = args[1:]
		case "help", "h":
			usage(stdout)
			return errHelp
		case "version":
			return runVersion(ctx, &cmdEnv{stdout: stdout})
		default:
			return usageError{fmt.Sprintf("unknown flag %s", args[0])}
		}
	}
	if len(args) == 0 {
		usage(stderr)
		return usageError{"no command given"}
	}
	name := args[0]
	if name == "help" {
		if len(args) > 1 {
			return dispatch(ctx, []string{args[1], "--help"}, stdout, stderr)
		}
		usage(stdout)
		return errHelp
	}
	for _, c := range commands() {
		if c.name != name {
			continue
		}
		fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
		// The flag package would print its error and the usage on its
		// own; the error comes back here instead (one line, on stderr)
		// and the usage only when asked for (on stdout).
		fs.SetOutput(io.Discard)
		fs.Usage = func() {}
		fs.StringVar(&configPath, "config", configPath, "configuration file")
		fs.StringVar(&configPath, "c", configPath, "short for --config")
		if c.flags != nil {
			c.flags(fs)
		}
		rest, err := parseInterspersed(fs, args[1:])
		if errors.Is(err, flag.ErrHelp) {
			commandUsage(stdout, c, fs)
			return errHelp
		}
		if err != nil {
			return inputError{fmt.Sprintf("%s: %v\nRun 'aggregator %s --help' for its flags.", c.name, err, c.name)}
		}
		return c.run(ctx, &cmdEnv{fs: fs, configPath: configPath, args: rest, stdout: stdout, stderr: stderr})
	}
	return usageError{fmt.Sprintf("unknown command %q", name)}
}

// commandUsage prints a command's usage line, summary and flags.
func commandUsage(w io.Writer, c command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: aggregator %s [flags] %s\n\n%s.\n\nFlags:\n", c.name, c.args, c.summary)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// parseInterspersed parses flags that may stand before, between or after
// the positional arguments, and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

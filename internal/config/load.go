package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Load reads and parses the configuration file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(path, data)
}

// Parse parses a configuration named file (used in problems) on top of
// Default, expands ${NAME} from the environment, applies the environment
// overrides AGGREGATOR_LISTEN, AGGREGATOR_DB and AGGREGATOR_DATABASE_URL,
// and validates the result.
//
// When anything is wrong the error is Problems, listing every problem
// found, ordered by line; the returned Config is then the best effort
// reading, for Config.Line, and must not be run.
func Parse(file string, data []byte) (*Config, error) {
	return parse(file, data, os.LookupEnv)
}

// parse is Parse with the environment as a parameter.
func parse(file string, data []byte, lookup func(string) (string, bool)) (*Config, error) {
	c := Default()
	c.File = file
	d := &decoder{file: file, lookup: lookup, lines: c.lines}

	root, err := document(data)
	if err != nil {
		d.syntax(err)
		return c, d.problems
	}
	if root != nil {
		d.root(root, c)
	}
	d.overrides(c)
	d.validate(c)
	if len(d.problems) > 0 {
		slices.SortStableFunc(d.problems, func(a, b Problem) int { return a.Line - b.Line })
		return c, d.problems
	}
	return c, nil
}

// document parses YAML into its root node: nil for an empty file.
func document(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, err
	}
	var next yaml.Node
	if err := dec.Decode(&next); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, err
		}
		return nil, &yamlError{line: next.Line, msg: "more than one YAML document (---); keep the configuration in one"}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// yamlError is a structural problem found before decoding.
type yamlError struct {
	line int
	msg  string
}

func (e *yamlError) Error() string { return e.msg }

// syntax records a YAML syntax error with its line.
func (d *decoder) syntax(err error) {
	var ye *yamlError
	if errors.As(err, &ye) {
		d.addf(ye.line, "", "%s", ye.msg)
		return
	}
	// yaml reports "yaml: line N: message".
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, text, ok := strings.Cut(rest, ": "); ok {
			if line, err := strconv.Atoi(num); err == nil {
				d.addf(line, "", "YAML syntax: %s", text)
				return
			}
		}
	}
	d.addf(0, "", "YAML syntax: %s", msg)
}

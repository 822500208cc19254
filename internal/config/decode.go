package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"aggregator/internal/normalize"
)

// decoder walks the YAML tree, filling a Config and collecting every
// problem with its line instead of stopping at the first.
type decoder struct {
	file     string
	lookup   func(string) (string, bool) // environment
	problems Problems
	lines    map[string]int
	fromEnv  map[string]string // field path -> environment variable that set it
}

// field sets one key's value; path is the key's field path.
type field func(v *yaml.Node, path string)

// addf records a problem.
func (d *decoder) addf(line int, path, format string, args ...any) {
	d.problems = append(d.problems, Problem{File: d.file, Line: line, Path: path, Message: fmt.Sprintf(format, args...)})
}

// mark remembers the line of a field path for Config.Line.
func (d *decoder) mark(path string, line int) {
	if _, ok := d.lines[path]; !ok {
		d.lines[path] = line
	}
}

// resolve follows aliases (*anchor) to the node they name.
func resolve(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// isNull reports whether a value was left empty (`key:`, `key: ~`,
// `key: null`), which keeps the default.
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// kindName names a node's kind for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	default:
		return "a single value"
	}
}

// fields walks a mapping, calling the known keys' setters in file order
// and reporting unknown and repeated keys. Merge keys (<<: *anchor) are
// applied below the keys written in place.
func (d *decoder) fields(n *yaml.Node, path string, known map[string]field) {
	n = resolve(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.addf(n.Line, path, "must be a mapping of keys to values, not %s", kindName(n))
		return
	}
	seen := map[string]int{}
	pairs := d.pairs(n, path, seen, true)
	for _, p := range pairs {
		key, value := p[0], p[1]
		child := joinPath(path, key.Value)
		set, ok := known[key.Value]
		if !ok {
			d.addf(key.Line, child, "%s", unknownKey(key.Value, known))
			continue
		}
		d.mark(child, key.Line)
		set(resolve(value), child)
	}
}

// pairs lists a mapping's key/value pairs with merged (<<) keys after
// the ones written in place and without those they override.
func (d *decoder) pairs(n *yaml.Node, path string, seen map[string]int, own bool) [][2]*yaml.Node {
	var out [][2]*yaml.Node
	var merged []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			d.addf(key.Line, path, "keys must be plain names, not %s", kindName(key))
			continue
		}
		if key.Value == "<<" && key.Tag == "!!merge" {
			merged = append(merged, d.mergeSources(value, path)...)
			continue
		}
		if first, dup := seen[key.Value]; dup {
			if own {
				d.addf(key.Line, joinPath(path, key.Value), "key %q repeated (first at line %d)", key.Value, first)
			}
			continue
		}
		seen[key.Value] = key.Line
		out = append(out, [2]*yaml.Node{key, value})
	}
	for _, m := range merged {
		out = append(out, d.pairs(m, path, seen, false)...)
	}
	return out
}

// mergeSources returns the mappings named by a merge key's value.
func (d *decoder) mergeSources(v *yaml.Node, path string) []*yaml.Node {
	v = resolve(v)
	var list []*yaml.Node
	switch v.Kind {
	case yaml.MappingNode:
		list = []*yaml.Node{v}
	case yaml.SequenceNode:
		for _, c := range v.Content {
			list = append(list, resolve(c))
		}
	}
	for _, m := range list {
		if m.Kind != yaml.MappingNode {
			d.addf(v.Line, path, "<< must merge a mapping or a list of mappings")
			return nil
		}
	}
	return list
}

// joinPath appends a key to a field path.
func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// unknownKey is the message for a key that is not in known.
func unknownKey(key string, known map[string]field) string {
	names := make([]string, 0, len(known))
	for k := range known {
		names = append(names, k)
	}
	slices.Sort(names)
	if s, ok := closest(key, names); ok {
		return fmt.Sprintf("unknown key %q; did you mean %q?", key, s)
	}
	return fmt.Sprintf("unknown key %q; known keys are %s", key, strings.Join(names, ", "))
}

// items walks a list, calling each for every element with its path.
func (d *decoder) items(n *yaml.Node, path string, each func(v *yaml.Node, path string)) {
	n = resolve(n)
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.addf(n.Line, path, "must be a list, not %s", kindName(n))
		return
	}
	for i, c := range n.Content {
		p := fmt.Sprintf("%s[%d]", path, i)
		d.mark(p, c.Line)
		each(resolve(c), p)
	}
}

// scalar returns a single value with ${NAME} expanded. ok is false for an
// empty value (keep the default) and for a problem already reported.
func (d *decoder) scalar(n *yaml.Node, path string) (string, bool) {
	if isNull(n) {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		d.addf(n.Line, path, "must be a single value, not %s", kindName(n))
		return "", false
	}
	s, err := expand(n.Value, d.lookup)
	if err != nil {
		d.addf(n.Line, path, "%v", err)
		return "", false
	}
	return s, true
}

// str sets a string.
func (d *decoder) str(n *yaml.Node, path string, dst *string) {
	if s, ok := d.scalar(n, path); ok {
		*dst = s
	}
}

// strs sets a list of strings.
// title sets a name shown to readers (a source's, topic's or feed's),
// without bidirectional controls (normalize.WithoutBidi).
func (d *decoder) title(n *yaml.Node, path string, dst *string) {
	d.str(n, path, dst)
	*dst = normalize.WithoutBidi(*dst)
}

func (d *decoder) strs(n *yaml.Node, path string, dst *[]string) {
	if isNull(n) {
		return
	}
	list := []string{}
	d.items(n, path, func(v *yaml.Node, p string) {
		if s, ok := d.scalar(v, p); ok {
			list = append(list, s)
		} else if isNull(v) {
			d.addf(v.Line, p, "empty value")
		}
	})
	*dst = list
}

// boolean sets a true/false value.
func (d *decoder) boolean(n *yaml.Node, path string, dst *bool) {
	s, ok := d.scalar(n, path)
	if !ok {
		return
	}
	switch strings.ToLower(s) {
	case "true":
		*dst = true
	case "false":
		*dst = false
	default:
		d.addf(n.Line, path, "must be true or false, not %q", s)
	}
}

// integer sets a whole number no smaller than min.
func (d *decoder) integer(n *yaml.Node, path string, min int, dst *int) {
	s, ok := d.scalar(n, path)
	if !ok {
		return
	}
	v, err := strconv.Atoi(s)
	switch {
	case err != nil:
		d.addf(n.Line, path, "must be a whole number, not %q", s)
	case v < 0:
		d.addf(n.Line, path, "must not be negative")
	case v < min:
		d.addf(n.Line, path, "must be at least %d", min)
	default:
		*dst = v
	}
}

// duration sets a Go duration such as 90s, 15m or 72h; positive demands
// more than zero.
func (d *decoder) duration(n *yaml.Node, path string, positive bool, dst *time.Duration) {
	s, ok := d.scalar(n, path)
	if !ok {
		return
	}
	v, err := time.ParseDuration(s)
	switch {
	case err != nil:
		d.addf(n.Line, path, "invalid duration %q: use Go syntax like 90s, 15m or 72h", s)
	case v < 0:
		d.addf(n.Line, path, "must not be negative")
	case v == 0 && positive:
		d.addf(n.Line, path, "must be more than zero")
	default:
		*dst = v
	}
}

// size sets a positive byte size such as 10MiB.
func (d *decoder) size(n *yaml.Node, path string, dst *int64) {
	s, ok := d.scalar(n, path)
	if !ok {
		return
	}
	v, err := ParseSize(s)
	switch {
	case err != nil:
		d.addf(n.Line, path, "%v", err)
	case v == 0:
		d.addf(n.Line, path, "must be more than zero")
	default:
		*dst = v
	}
}

// enum sets one of the allowed values.
func (d *decoder) enum(n *yaml.Node, path string, dst *string, allowed ...string) {
	s, ok := d.scalar(n, path)
	if !ok {
		return
	}
	if !slices.Contains(allowed, s) {
		d.addf(n.Line, path, "%s", badChoice(s, allowed))
		return
	}
	*dst = s
}

// badChoice is the message for a value outside allowed.
func badChoice(s string, allowed []string) string {
	msg := fmt.Sprintf("%q is not one of %s", s, strings.Join(allowed, ", "))
	if c, ok := closest(s, allowed); ok {
		msg += fmt.Sprintf("; did you mean %q?", c)
	}
	return msg
}

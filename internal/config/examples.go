package config

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"aggregator/internal/model"
)

// A topic's examples teach its classifier:
//
//	examples:
//	  in:  ["Army foils infiltration bid along LoC", "https://…", "#1234"]
//	  out: ["Pakistan's pace attack looks strong"]
//	  file: security-examples.txt   # relative to this file's folder
//
// A value is a headline (it may go on with its first sentence), a stored
// item's article URL, or "#" and a stored item's id. An examples file
// holds one example a line, either "+ " (in the topic) or "- " (out of it)
// then the value, or, so that one file can serve several topics, the ids
// of the topics the item is in (comma-separated, "-" for none), a tab, the
// headline and optionally another tab and its first sentence: the example
// is in the topics it names and out of the others. Blank lines and lines
// starting with "#" are skipped.

// examples decodes a topic's examples, but for those of its file, which
// is returned with its path (nil for none): reading it needs the topic's id.
func (d *decoder) examples(n *yaml.Node, path string, dst *[]model.Example) (file *yaml.Node, filePath string) {
	d.fields(n, path, map[string]field{
		"in":   func(v *yaml.Node, p string) { d.exampleList(v, p, true, dst) },
		"out":  func(v *yaml.Node, p string) { d.exampleList(v, p, false, dst) },
		"file": func(v *yaml.Node, p string) { file, filePath = v, p },
	})
	return file, filePath
}

func (d *decoder) exampleList(n *yaml.Node, path string, in bool, dst *[]model.Example) {
	d.items(n, path, func(v *yaml.Node, p string) {
		s, ok := d.scalar(v, p)
		if !ok || strings.TrimSpace(s) == "" {
			d.addf(v.Line, p, "empty example: give a headline, an article URL or #ID of a stored item")
			return
		}
		*dst = append(*dst, parseExample(s, in, fmt.Sprintf("%s:%d", d.file, v.Line)))
	})
}

// exampleFile reads topic's examples from a file named relative to the
// configuration's folder.
func (d *decoder) exampleFile(n *yaml.Node, path, topic string, dst *[]model.Example) {
	name, ok := d.scalar(n, path)
	if !ok || name == "" {
		return
	}
	file := name
	if !filepath.IsAbs(file) {
		file = filepath.Join(filepath.Dir(d.file), name)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		d.addf(n.Line, path, "cannot read the examples file %s: %v", file, unwrapPathError(err))
		return
	}
	for _, p := range readExamples(file, data, topic, dst) {
		d.problems = append(d.problems, Problem{File: file, Line: p.line, Path: path, Message: p.msg})
	}
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

type lineProblem struct {
	line int
	msg  string
}

// readExamples appends the examples of an examples file's data to dst and
// returns the problems of its bad lines.
func readExamples(file string, data []byte, topic string, dst *[]model.Example) []lineProblem {
	var probs []lineProblem
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		raw := sc.Text()
		if line == 1 {
			raw = strings.TrimPrefix(raw, "\uFEFF")
		}
		text := strings.TrimSpace(raw)
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if ids, rest, labelled := strings.Cut(raw, "\t"); labelled {
			ex, msg := labelledExample(ids, rest, topic)
			if msg != "" {
				probs = append(probs, lineProblem{line, msg})
				continue
			}
			ex.At = fmt.Sprintf("%s:%d", file, line)
			*dst = append(*dst, ex)
			continue
		}
		var in bool
		switch text[0] {
		case '+':
			in = true
		case '-':
		default:
			probs = append(probs, lineProblem{line, fmt.Sprintf("%q: start the line with \"+ \" (in the topic) or \"- \" (out of it)", clip(text))})
			continue
		}
		value := strings.TrimSpace(text[1:])
		if value == "" {
			probs = append(probs, lineProblem{line, "empty example: give a headline, an article URL or #ID of a stored item after the + or -"})
			continue
		}
		*dst = append(*dst, parseExample(value, in, fmt.Sprintf("%s:%d", file, line)))
	}
	if err := sc.Err(); err != nil {
		probs = append(probs, lineProblem{0, fmt.Sprintf("reading the examples: %v", err)})
	}
	return probs
}

// labelledExample reads the example of a line "ids<TAB>headline[<TAB>first
// sentence]" for topic.
func labelledExample(ids, rest, topic string) (model.Example, string) {
	headline, first, _ := strings.Cut(rest, "\t")
	headline, first = strings.TrimSpace(headline), strings.TrimSpace(first)
	if headline == "" {
		return model.Example{}, "empty headline after the topic ids and the tab"
	}
	ex := model.Example{Text: headline, Summary: first}
	if ids = strings.TrimSpace(ids); ids == "-" {
		return ex, ""
	}
	for _, id := range strings.Split(ids, ",") {
		if !validID.MatchString(strings.TrimSpace(id)) {
			return model.Example{}, fmt.Sprintf("%q: before the tab, give the ids of the topics the item is in, comma-separated (\"-\" for none), "+
				"or start the line with \"+ \" or \"- \" without a tab", clip(ids))
		}
		ex.In = ex.In || strings.TrimSpace(id) == topic
	}
	return ex, ""
}

var (
	itemIDExample = regexp.MustCompile(`^#[0-9]+$`)
	validID       = regexp.MustCompile(`^[a-z0-9-]+$`)
)

// parseExample reads one example value: a stored item's URL or #id, or a
// headline.
func parseExample(s string, in bool, at string) model.Example {
	s = strings.TrimSpace(s)
	ex := model.Example{In: in, At: at}
	switch {
	case itemIDExample.MatchString(s):
		ex.ItemID, _ = strconv.ParseInt(s[1:], 10, 64)
	case strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://"):
		ex.URL = s
	default:
		ex.Text = s
	}
	return ex
}

// clip shortens a long line for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// classifier decodes a topic's classifier settings.
func (d *decoder) classifier(n *yaml.Node, path string, dst *model.Classifier) {
	d.fields(n, path, map[string]field{
		"enabled": func(v *yaml.Node, p string) { d.boolean(v, p, &dst.Enabled) },
		"threshold": func(v *yaml.Node, p string) {
			s, ok := d.scalar(v, p)
			if !ok {
				return
			}
			f, err := strconv.ParseFloat(s, 64)
			if err != nil || f <= 0 || f >= 1 {
				d.addf(v.Line, p, "must be a number between 0 and 1 (a probability), not %q", s)
				return
			}
			dst.Threshold = f
		},
	})
}

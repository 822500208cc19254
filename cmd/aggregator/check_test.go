package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkHead is the start of every config below: lines 1-5.
const checkHead = `storage:
  path: "{{DIR}}/agg.db"
sources:
  - id: dawn
    url: "https://www.dawn.com/feeds/home"
`

// TestCheckReportsRuleProblems runs check on broken topic rules: exit 2
// and exactly the listed lines, FILE:LINE: path: column N: message.
func TestCheckReportsRuleProblems(t *testing.T) {
	for _, tc := range []struct {
		name string
		body string // after checkHead
		want []string
	}{
		{
			name: "UnclosedParenthesis",
			body: `topics:
  - id: cpec
    query: '(title:Gwadar OR CPEC) AND (NOT cricket'
`,
			want: []string{`:8: topics[0].query: column 28: ( is never closed`},
		},
		{
			name: "EveryBadQueryInLineOrder",
			body: `topics:
  - id: a
    query: 'Gwadar AND'
  - id: b
    keywords: ["fine"]
  - id: c
    query: 'author:someone'
  - id: d
    query: 'India NEAR/x Pakistan'
  - id: e
    query: '"Gwadar port'
`,
			want: []string{
				`:8: topics[0].query: column 11: a term is missing at the end`,
				`:12: topics[2].query: column 1: unknown field "author"`,
				`:14: topics[3].query: column 7: NEAR/x: the distance must be a number`,
				`:16: topics[4].query: column 1: unterminated quoted phrase`,
			},
		},
		{
			name: "ColumnCountsCharactersNotBytes",
			body: `topics:
  - id: gwadar-ur
    query: 'گوادر AND ('
`,
			want: []string{`:8: topics[0].query: column 12: a term is missing at the end`},
		},
		{
			name: "RuleProblemsListedWithConfigProblems",
			body: `    colour: blue
topics:
  - id: cpec
    query: 'Gwadar OR'
feeds:
  - id: cpec-feed
    topics: [nope]
`,
			want: []string{
				`:6: sources[0].colour: unknown key "colour"`,
				`:9: topics[0].query: column 10: a term is missing at the end`,
				`:12: feeds[0].topics`,
			},
		},
		{
			name: "SameProblemReportedOnce",
			body: `topics:
  - id: both
    keywords: ["x"]
    query: 'x OR y'
`,
			want: []string{`:9: topics[0].query: `},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "config.yaml")
			body := strings.ReplaceAll(checkHead, "{{DIR}}", dir) + tc.body
			if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			code, stdout, stderr := cli(t, "check", "--config", path)
			if code != exitUsage {
				t.Errorf("exit %d, want 2\nstdout: %s\nstderr: %s", code, stdout, stderr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing: problems go to stderr", stdout)
			}
			lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			if len(lines) != len(tc.want) {
				t.Fatalf("%d problems, want %d:\n%s", len(lines), len(tc.want), stderr)
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(lines[i], path+w) {
					t.Errorf("problem %d:\n got %s\nwant %s%s…", i+1, lines[i], path, w)
				}
			}
		})
	}
}

func TestCheckAcceptsGoodQueries(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "config.yaml")
	body := strings.ReplaceAll(checkHead, "{{DIR}}", dir) + `topics:
  - id: cpec
    query: '(title:Gwadar OR CPEC OR "China-Pakistan Economic Corridor") AND NOT cricket'
  - id: border
    query: 'region:pakistan AND (India NEAR/5 border*) AND language:en'
  - id: urdu
    query: 'گوادر OR 瓜达尔'
`
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := cli(t, "check", "--config", path)
	if code != 0 || !strings.Contains(stdout, ": ok: 1 sources (1 enabled), 3 topics") {
		t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}

// check passes a configuration that only has warnings, printing them on
// stderr with their lines.
func TestCheckWarns(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	body := "server:\n  listen: \":8080\"\n  base_url: \"http://localhost:8080\"\nstorage:\n  path: \"" + filepath.Join(dir, "agg.db") + "\"\n" +
		"sources:\n  - id: a\n    url: \"https://a.example/feed\"\n    schedule: \"@every 10s\"\n"
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("AGGREGATOR_LISTEN", "")
	code, stdout, stderr := cli(t, "check", "--config", cfg)
	if code != 0 || !strings.Contains(stdout, "; 2 warnings (stderr)") {
		t.Errorf("exit %d, stdout %q: want 0 and the warnings counted", code, stdout)
	}
	for _, want := range []string{"warning: " + cfg + ":3: server.base_url:", "warning: " + cfg + ":9: sources[0].schedule:"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

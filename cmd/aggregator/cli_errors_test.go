package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// minimalConfig writes a configuration with one source and one topic whose
// store is dbPath, and returns its path.
func minimalConfig(t *testing.T, dbPath string) string {
	t.Helper()
	cfg := `storage:
  path: "` + dbPath + `"
sources:
  - id: dawn
    url: "http://127.0.0.1:1/feed"
  - id: tribune
    url: "http://127.0.0.1:1/feed2"
topics:
  - id: cpec
    keywords: ["CPEC"]
feeds:
  - id: cpec-digest
    topics: [cpec]
`
	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCommandLineErrors(t *testing.T) {
	cfg := minimalConfig(t, filepath.Join(t.TempDir(), "agg.db"))
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string   // a substring; "" means stdout must be empty
		stderr     []string // substrings stderr must hold
		stderrOnce string   // a substring stderr must hold exactly once
	}{
		{"BadFlagIsOneLineOnStderr", []string{"fetch", "--bogus", "--config", cfg}, exitUsage, "",
			[]string{"aggregator: fetch: flag provided but not defined: -bogus", "aggregator fetch --help"}, "-bogus"},
		{"FlagWithoutValue", []string{"export", "--config", cfg, "cpec", "--format"}, exitUsage, "",
			[]string{"export: flag needs an argument: -format"}, "-format"},
		{"ShortConfigFlagAfterTheCommand", []string{"check", "-c", cfg}, exitOK, ": ok: 2 sources", nil, ""},
		{"HelpGoesToStdout", []string{"export", "--help"}, exitOK, "Usage: aggregator export [flags] FEED_ID", nil, ""},
		{"VersionTakesNoArguments", []string{"version", "extra"}, exitUsage, "", []string{"version takes no arguments"}, ""},
		{"RetagNamedOnce", []string{"retag", "--config", cfg, "extra"}, exitUsage, "",
			[]string{"aggregator: retag takes no arguments"}, "retag"},
		{"ConfigIsADirectory", []string{"check", "--config", filepath.Dir(cfg)}, exitUsage, "",
			[]string{"is a directory; name the YAML file with --config PATH"}, ""},
		{"UnknownSourceListsTheKnownOnes", []string{"fetch", "--config", cfg, "dwan"}, exitUsage, "",
			[]string{"no source dwan in the configuration; its sources are: dawn, tribune"}, ""},
		{"UnknownFeedListsTheKnownOnes", []string{"export", "--config", cfg, "cpec-digets"}, exitUsage, "",
			[]string{`no published feed "cpec-digets"`, "its topic and feed ids are: cpec, cpec-digest"}, ""},
		{"MissingOPMLFile", []string{"import-opml", filepath.Join(t.TempDir(), "none.opml")}, exitUsage, "",
			[]string{"cannot read the OPML file", "no such file"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := cli(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstderr: %s", code, tt.code, stderr)
			}
			if tt.stdout == "" && stdout != "" {
				t.Errorf("stdout should be empty, got:\n%s", stdout)
			}
			if tt.stdout != "" && !strings.Contains(stdout, tt.stdout) {
				t.Errorf("stdout lacks %q:\n%s", tt.stdout, stdout)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
			if tt.stderrOnce != "" && strings.Count(stderr, tt.stderrOnce) != 1 {
				t.Errorf("stderr names %q %d times, want once:\n%s", tt.stderrOnce, strings.Count(stderr, tt.stderrOnce), stderr)
			}
		})
	}
}

func TestNothingToDoSaysWhy(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	if err := os.WriteFile(cfg, []byte("storage:\n  path: \""+filepath.Join(dir, "agg.db")+"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"FetchWithoutSources", []string{"fetch"}, exitOK, "nothing to fetch: " + cfg + " has no enabled sources"},
		{"ExportWithoutFeeds", []string{"export", "cpec"}, exitUsage, cfg + " defines no topics or feeds"},
		{"RetagWithoutTopicsNeedsForce", []string{"retag"}, exitUsage, cfg + " has no topics: retag would remove every stored item's topics"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := cli(t, append(tt.args, "--config", cfg)...)
			if code != tt.code || stdout != "" || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, no stdout, stderr saying %q", code, stdout, stderr, tt.code, tt.want)
			}
		})
	}
	if code, stdout, stderr := cli(t, "retag", "--force", "--config", cfg); code != exitOK || !strings.Contains(stdout, "items looked at") {
		t.Errorf("retag --force: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestStoreProblemsSayWhatToDo(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(junk, []byte(strings.Repeat("not a database\n", 400)), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, db, want string
	}{
		{"NotADatabase", junk, "is not an aggregator database"},
		{"ADirectory", dir, "storage.path (or AGGREGATOR_DB) must name a database file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := cli(t, "export", "--config", minimalConfig(t, tt.db), "cpec")
			if code != exitPartial {
				t.Errorf("exit %d, want %d", code, exitPartial)
			}
			if !strings.Contains(stderr, tt.db) || !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr should name %s and say %q:\n%s", tt.db, tt.want, stderr)
			}
		})
	}
}

func TestImportOPMLReportsSkippedOutlines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "subs.opml")
	doc := `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Dawn" xmlUrl="https://www.dawn.com/feeds/home"/>
<outline text="Dawn again" xmlUrl="https://www.dawn.com/feeds/home"/>
<outline text="Scripted" xmlUrl="javascript:alert(1)"/>
</body></opml>`
	if err := os.WriteFile(path, utf16Bytes(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := cli(t, "import-opml", path)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "url: https://www.dawn.com/feeds/home") {
		t.Errorf("stdout lacks the Dawn source:\n%s", stdout)
	}
	for _, want := range []string{`skipped "Dawn again"`, "already listed", `skipped "Scripted"`, "not an absolute http or https URL"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// utf16Bytes is s in UTF-16, little-endian with a byte order mark, as
// Windows tools save "Unicode" text.
func utf16Bytes(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s { // the test documents are ASCII
		out = append(out, byte(r), 0)
	}
	return out
}

package config

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tsvRow is one data line of a tab-separated test fixture.
type tsvRow struct {
	line int      // 1-based, for messages
	cols []string // exactly as many as asked for, none empty
}

// readTSV reads testdata/name: lines of ncols tab-separated, non-empty
// columns; blank lines and "#" comments are skipped. A malformed line
// fails the test, naming the file and line.
func readTSV(t *testing.T, name string, ncols int) []tsvRow {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []tsvRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != ncols || strings.TrimSpace(cols[ncols-1]) == "" || strings.TrimSpace(cols[ncols-2]) == "" {
			t.Fatalf("%s:%d: want %d tab-separated columns, got %q", name, n, ncols, text)
		}
		rows = append(rows, tsvRow{line: n, cols: cols})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

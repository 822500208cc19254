package tag

import (
	"fmt"
	"strings"
)

// Problem is one bad rule: Path names it ("topics[3].query",
// "topics[1].keywords[4]"), Column is the 1-based character position within
// a query (0 when it does not apply).
type Problem struct {
	Path    string
	Column  int
	Message string
}

func (p Problem) String() string {
	if p.Column > 0 {
		return fmt.Sprintf("%s: column %d: %s", p.Path, p.Column, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.Path, p.Message)
}

// Problems is every bad rule found by Compile.
type Problems []Problem

// Error lists the problems one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

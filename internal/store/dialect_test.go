package store

import "testing"

func TestNumberedPlaceholders(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT a FROM t WHERE b = ? AND c IN (?, ?)`, `SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)`},
		{`SELECT (p - ?1) / ?3 FROM t WHERE p >= ?1 AND p < ?2`, `SELECT (p - $1) / $3 FROM t WHERE p >= $1 AND p < $2`},
		{`SELECT '?', ? FROM t WHERE s = 'it''s ?'`, `SELECT '?', $1 FROM t WHERE s = 'it''s ?'`},
	} {
		if got := numberedPlaceholders(tc.in); got != tc.want {
			t.Errorf("numberedPlaceholders(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

package normalize

import (
	"html"
	"regexp"
	"strings"
)

// escapedTag finds an HTML tag that was escaped once more than it should
// have been ("&lt;p&gt;", "&lt;/b&gt;", "&lt;a href=…"), as publishers
// that escape an already escaped description send it.
var escapedTag = regexp.MustCompile(`(?i)&lt;/?(p|br|b|i|em|strong|a|div|span|img|ul|ol|li|h[1-6]|blockquote|figure|table)(\s|/?&gt;)`)

// unescapeDoubled decodes s once more when it holds no markup of its own
// but does hold escaped tags: readers would otherwise show "<p>" as text.
// The result still goes through the sanitizer.
func unescapeDoubled(s string) string {
	if strings.Contains(s, "<") || !escapedTag.MatchString(s) {
		return s
	}
	return html.UnescapeString(s)
}

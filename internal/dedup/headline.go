package dedup

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// cleanHeadline removes the wire and aggregator furniture around a
// headline, which differs between two outlets' copies of one story and
// repeats across unrelated ones:
//
//   - desk slugs and status words before a hyphen: "UPDATE 2-", "REFILE-",
//     "RPT-UPDATE 1-", "US STOCKS-", "GLOBAL MARKETS-";
//   - an agency credit: "WASHINGTON (Reuters) -";
//   - update markers after the headline: "-- Update", "--3rd Update",
//     "(2)" (an update counter), "(updated)";
//   - a truncation ellipsis: "...", "…", with the broken word before it
//     when the cut fell inside a word.
//
// Counters and update numbers would otherwise count as the headline's
// figures: "UPDATE 1-" and "UPDATE 2-" of one story would clash, and every
// "(1)" would agree with every other.
func cleanHeadline(s string) string {
	s = strings.TrimSpace(s)
	for range 4 { // chained furniture: "RPT-UPDATE 1-..."
		t := stripSlug(s)
		if loc := agencyCreditRE.FindStringIndex(t); loc != nil {
			t = t[loc[1]:]
		}
		t = stripTruncation(t)
		t = strings.TrimSpace(updateSuffixRE.ReplaceAllString(t, ""))
		if t == s || t == "" {
			break
		}
		s = t
	}
	return s
}

// minSlugLetters is how many capital letters a desk slug without a status
// word needs, so that "US-China talks" or "UAE-Israel deal" keep their
// first name while "NYMEX-" and "US STOCKS-" go.
const minSlugLetters = 5

// slugRE matches a leading run of upper-case words ending in a hyphen
// glued to the next word: "UPDATE 1-", "ECB FOCUS-", "US STOCKS SNAPSHOT-".
var slugRE = regexp.MustCompile(`^([A-Z][A-Z0-9&/.']*(?: [A-Z0-9][A-Z0-9&/.']*)*)-`)

// statusWords are wire status words that mark a slug whatever its length.
var statusWords = makeSet(`update updated refile refiled corrected correction rpt repeat wrapup
	factbox exclusive analysis insight preview timeline brief breakingviews`)

// stripSlug removes one leading desk slug. The headline after it must
// start with a letter or a quote ("COVID-19 cases rise" keeps its name) and
// not be all capitals itself (an all-capitals headline has no slug to tell
// apart: "PM MEETS XI IN BEIJING-ISLAMABAD TIES").
func stripSlug(s string) string {
	m := slugRE.FindStringSubmatch(s)
	if m == nil {
		return s
	}
	rest := s[len(m[0]):]
	next, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsLetter(next) && !strings.ContainsRune(`'"‘“`, next) {
		return s
	}
	if !strings.ContainsFunc(rest, unicode.IsLower) {
		return s
	}
	letters, status := 0, false
	for _, w := range strings.Fields(m[1]) {
		status = status || statusWords[strings.ToLower(w)]
		for _, r := range w {
			if unicode.IsLetter(r) {
				letters++
			}
		}
	}
	if !status && letters < minSlugLetters {
		return s
	}
	return rest
}

// agencyCreditRE matches a leading agency credit, with or without a place:
// "WASHINGTON (Reuters) - ", "(AFP) — ".
var agencyCreditRE = regexp.MustCompile(`^\s*(?:[A-Z][A-Za-z.' ]{0,40})?\((?i:` + agencies + `)\)\s*(?:--|-|–|—|:)\s*`)

// updateSuffixRE matches update markers after a headline: "-- Update",
// "--2nd Update", "(1)", "(updated)", "(corrected)".
var updateSuffixRE = regexp.MustCompile(`(?i)\s*(?:(?:--?|–|—)\s*(?:\d+(?:st|nd|rd|th)\s+)?update|\((?:\d{1,2}|updated?|corrected|refiled?)\))\s*$`)

// stripTruncation removes a trailing ellipsis and, when it is glued to a
// word ("economy gro…"), the broken word.
func stripTruncation(s string) string {
	t := strings.TrimRight(s, " ")
	var cut string
	switch {
	case strings.HasSuffix(t, "…"):
		cut = strings.TrimSuffix(t, "…")
	case strings.HasSuffix(t, ".."):
		cut = strings.TrimRight(t, ".")
	default:
		return s
	}
	if cut != strings.TrimRight(cut, " ") {
		return strings.TrimRight(cut, " ")
	}
	// Scripts written without spaces have no broken word to drop.
	if last, _ := utf8.DecodeLastRuneInString(cut); isHan(last) {
		return cut
	}
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		return cut[:i]
	}
	return cut
}

// commentaryRE matches the genre label that heads an analysis or opinion
// piece: "Analysis: ...", "OPINION | ...", "ANALYSIS-..." (a Reuters
// slug), "Editorial: ...", "تجزیہ: ...", "评论：...".
var commentaryRE = regexp.MustCompile(`(?i)^\s*(?:news analysis|analysis|opinion|op-ed|editorial|commentary|comment|column|explainer|insight|breakingviews|تجزیہ|اداریہ|کالم|评论|社评|时评|述评|观察)\s*(?::|：|\||-|–|—)`)

// isCommentary reports whether a headline labels its item an analysis or
// opinion piece: about a news event, never the same story as its report.
func isCommentary(headline string) bool {
	return commentaryRE.MatchString(headline)
}

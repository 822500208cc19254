package dedup

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// boilerplateMarkers are lower-cased substrings that mark a sentence or line
// as outlet furniture rather than news: social links, copyright lines,
// cross-links to other stories, agency credits. A sentence containing one is
// dropped before shingling, so two outlets' copies of the same wire story do
// not differ by their footers.
var boilerplateMarkers = []string{
	"follow us on", "follow us at", "like us on", "join our whatsapp", "join our telegram",
	"subscribe to our", "subscribe to the", "sign up for", "download our app", "download the app",
	"copyright", "all rights reserved", "©",
	"also read", "read also", "read more", "must read", "related:", "click here",
	"for the latest news", "for more news", "stay updated", "stay informed",
	"this story has not been edited", "this story was auto-generated", "published in dawn",
	"with inputs from", "reporting by", "editing by", "writing by", "additional reporting",
	"the views expressed", "share this article", "share on",
	// Urdu: "also read", "follow us", "all rights reserved", "more news".
	"یہ بھی پڑھیں", "مزید پڑھیں", "ہمیں فالو کریں", "جملہ حقوق", "مزید خبریں",
	// Chinese: copyright, responsible editor, source, original title, follow us, reprint.
	"版权所有", "责任编辑", "来源：", "原标题", "关注我们", "转载", "更多精彩", "编辑：",
}

// boilerplateIndex lists, by their first two bytes, the markers starting
// with them: isBoilerplate looks at each position of a sentence once and
// compares only the few markers that could start there (one
// strings.Contains per marker cost a twentieth of an item's ingest; an
// Aho–Corasick automaton cost more on these short texts).
var boilerplateIndex = func() map[[2]byte][]string {
	idx := map[[2]byte][]string{}
	for _, m := range boilerplateMarkers {
		k := [2]byte{m[0], m[1]}
		idx[k] = append(idx[k], m)
	}
	return idx
}()

// boilerplateFirst marks the bytes that start a marker.
var boilerplateFirst = func() (first [256]bool) {
	for _, m := range boilerplateMarkers {
		first[m[0]] = true
	}
	return first
}()

// isBoilerplate reports whether a sentence (already lower-cased) is outlet
// furniture.
func isBoilerplate(lower string) bool {
	for i := 0; i+1 < len(lower); i++ {
		if !boilerplateFirst[lower[i]] {
			continue
		}
		for _, m := range boilerplateIndex[[2]byte{lower[i], lower[i+1]}] {
			if strings.HasPrefix(lower[i:], m) {
				return true
			}
		}
	}
	return false
}

// datelineRE matches an agency dateline at the start of a paragraph, in the
// shapes wire copy uses:
//
//	ISLAMABAD, Nov 14 (APP): ...
//	Islamabad, November 14 (Reuters) - ...
//	BEIJING, Nov. 14 (Xinhua) -- ...
//	NEW DELHI (PTI) ...
//	Karachi: ...
var datelineRE = regexp.MustCompile(`^\s*(?:` +
	// Place, optional date, agency credit, optional separator.
	place + `(?:,\s*` + date + `)?\s*\((?i:` + agencies + `)\)\s*(?::|--|-|–|—)?` +
	// Place and date, then a separator.
	`|` + place + `,\s*` + date + `\s*(?::|--|-|–|—)` +
	// An upper-case place, or any place followed by a colon: "KARACHI -", "Karachi:".
	`|[A-Z][A-Z.']+(?:\s[A-Z][A-Z.']+){0,3}\s*(?::|--|-|–|—)\s` +
	`|` + place + `:\s` +
	`)\s*`)

// Pieces of datelineRE: a place of up to four capitalised words and a
// date such as "Nov 14", "November 14, 2025" or "Nov. 14".
const (
	place    = `[A-Z][A-Za-z.']*(?:\s[A-Z][A-Za-z.']*){0,3}`
	date     = `[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?`
	agencies = `APP|AP|AFP|Reuters|PTI|IANS|ANI|UNI|Xinhua|NNI|INP|PPI|Online|Bloomberg|dpa|Anadolu|WAM|SPA|IRNA`
)

// zhDatelineRE matches Chinese agency datelines such as
// "新华社北京11月14日电（记者张三）" or "中新网11月14日电".
var zhDatelineRE = regexp.MustCompile(`^\s*(?:新华社|中新社|中新网|人民网|央视网|环球网)[^\d]{0,12}\d{1,2}月\d{1,2}日(?:电|讯)\s*(?:[（(][^）)]{0,30}[）)])?\s*`)

// urDatelineRE matches Urdu datelines: a place of one or two words followed
// by an agency or "staff reporter" credit in parentheses, e.g.
// "اسلام آباد (اے پی پی)".
var urDatelineRE = regexp.MustCompile(`^\s*[\p{Arabic}]+(?:\s[\p{Arabic}]+)?\s*[(（]\s*(?:اے پی پی|آن لائن|این این آئی|نمائندہ[^)）]{0,20}|ویب ڈیسک|مانیٹرنگ ڈیسک|نیوز ڈیسک|خبر ایجنسی|ایجنسیاں|رائٹرز|اے ایف پی|پی ٹی آئی|شِنہوا|شنہوا)\s*[)）]\s*[:\-–—]?\s*`)

// datelineMax is the longest dateline stripped, in bytes.
const datelineMax = 96

// stripDateline removes a leading agency dateline from a paragraph. Only a
// short prefix is ever removed, so a false match costs a place name at most.
func stripDateline(p string) string {
	head := p
	if len(head) > datelineMax+8 {
		head = clip2(head, datelineMax+8)
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(head))
	re := datelineRE
	switch {
	case first >= 'A' && first <= 'Z':
	case isHan(first):
		re = zhDatelineRE
	case unicode.Is(unicode.Arabic, first):
		re = urDatelineRE
	default:
		return p
	}
	if loc := re.FindStringIndex(head); loc != nil && loc[1] <= datelineMax {
		return p[loc[1]:]
	}
	return p
}

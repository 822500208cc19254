package dedup

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one normalised content word of an item: folded, stemmed, with
// stopwords already gone. Han text yields character bigrams.
type token struct {
	text string
	hash uint64
	// Set while tokenising; entity is resolved per document afterwards.
	capital bool // written with a capital letter, not at a sentence start
	upper   bool // an acronym such as IMF or PTI
	number  bool
	entity  bool // a number or a proper noun
	title   bool // in the headline
	lead    bool // in the headline or the first two sentences of the text
	start   bool // the first token of the headline or of a sentence
	han     bool // a character bigram of a script written without spaces
}

// leadSentences is how many sentences of the first text block count as
// the lead, beside the headline.
const leadSentences = 2

// maxTextBytes bounds the text analysed per item: wire stories are shorter,
// and the cap keeps a pathological item from costing more than a normal one.
const maxTextBytes = 64 << 10

// analyse turns an item's visible text into its content tokens, in order.
func analyse(title, summary, content string) []token {
	// About one content token per eight bytes of text: one allocation
	// instead of a dozen growing copies (token appends were a seventh of
	// everything an ingest allocated).
	toks := make([]token, 0, (len(title)+min(len(summary)+len(content), 2*maxTextBytes))/8+8)
	toks = tokenise(toks, cleanHeadline(norm.NFKC.String(clip(title))), true, true)

	body := []string{}
	s, c := norm.NFKC.String(clip(summary)), norm.NFKC.String(clip(content))
	if strings.TrimSpace(s) != "" && !redundant(s, c) {
		body = append(body, s)
	}
	if strings.TrimSpace(c) != "" {
		body = append(body, c)
	}
	sentences := 0
	for _, block := range body {
		for _, para := range strings.Split(block, "\n") {
			para = stripDateline(para)
			for _, sent := range splitSentences(para) {
				if isBoilerplate(strings.ToLower(sent)) {
					continue
				}
				n := len(toks)
				toks = tokenise(toks, sent, false, sentences < leadSentences)
				if len(toks) > n {
					sentences++
				}
			}
		}
	}
	resolveEntities(toks)
	return toks
}

// clip cuts s to maxTextBytes on a rune boundary.
func clip(s string) string {
	if len(s) <= maxTextBytes {
		return s
	}
	cut := maxTextBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// redundant reports whether the summary is just the start of the content,
// as feeds often make it, so it is not counted twice.
func redundant(summary, content string) bool {
	probe := strings.TrimSpace(summary)
	if len(probe) > 120 {
		probe = clip2(probe, 120)
	}
	probe = strings.TrimSuffix(strings.TrimSuffix(probe, "..."), "…")
	return probe != "" && strings.Contains(content, probe)
}

// clip2 cuts s to at most n bytes on a rune boundary.
func clip2(s string, n int) string {
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// splitSentences splits a paragraph after sentence-ending punctuation
// (Latin, Chinese and Urdu full stops). Abbreviations may split wrongly;
// that only moves a sentence start.
func splitSentences(p string) []string {
	var out []string
	start := 0
	for i, r := range p {
		switch r {
		case '。', '！', '？', '۔', '؟':
			out = append(out, p[start:i+utf8.RuneLen(r)])
			start = i + utf8.RuneLen(r)
		case '.', '!', '?':
			next := i + 1
			if next == len(p) || p[next] == ' ' || p[next] == '"' || p[next] == '\'' {
				out = append(out, p[start:next])
				start = next
			}
		}
	}
	if start < len(p) {
		out = append(out, p[start:])
	}
	return out
}

// resolveEntities marks numbers, acronyms and words written capitalised
// mid-sentence anywhere in the item as entities everywhere in it, so a
// name at a sentence start or in a Title Case headline counts too.
func resolveEntities(toks []token) {
	names := map[string]bool{}
	for _, t := range toks {
		if t.capital || t.upper {
			names[t.text] = true
		}
	}
	for i := range toks {
		toks[i].entity = toks[i].number || names[toks[i].text]
	}
}

// tokenise appends the content tokens of one sentence (or headline) to toks.
func tokenise(toks []token, s string, title, lead bool) []token {
	var (
		word     []rune
		lower    []byte // word, lower-cased (as strings.ToLower would)
		han      []rune
		digits   []byte
		first    = true // the next word starts the sentence
		hasUpper bool
		allUpper bool
	)
	first0 := len(toks)
	emit := func(t token) {
		t.title, t.lead, t.start = title, lead || title, len(toks) == first0
		t.hash = hashString(t.text)
		toks = append(toks, t)
	}
	flushWord := func() {
		if len(word) == 0 {
			return
		}
		// Lower-cased into a reused buffer: only words that become
		// tokens are made strings (two allocations per word were a tenth
		// of fingerprinting).
		lower = lower[:0]
		for _, r := range word {
			lower = utf8.AppendRune(lower, unicode.ToLower(r))
		}
		capital := unicode.IsUpper(word[0]) && !first && !title
		upper := allUpper && len(word) >= 2 && hasUpper
		first = false
		word = word[:0]
		if n, ok := numberWords[string(lower)]; ok {
			emit(token{text: n, number: true})
			return
		}
		if stopwords[string(lower)] || (len(lower) == 1 && lower[0] < utf8.RuneSelf) {
			return
		}
		emit(token{text: stem(string(lower)), capital: capital, upper: upper})
	}
	flushHan := func() {
		switch len(han) {
		case 0:
			return
		case 1:
			emit(token{text: string(han), han: true})
		default:
			for i := 0; i+1 < len(han); i++ {
				emit(token{text: string(han[i : i+2]), han: true})
			}
		}
		han = han[:0]
		first = false
	}
	flushNumber := func() {
		if len(digits) == 0 {
			return
		}
		d := strings.TrimRight(string(digits), ".,")
		d = strings.ReplaceAll(d, ",", "")
		digits = digits[:0]
		first = false
		if d != "" {
			emit(token{text: d, number: true})
		}
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case isHan(r):
			flushWord()
			flushNumber()
			han = append(han, r)
		case unicode.IsDigit(r):
			flushWord()
			flushHan()
			digits = append(digits, byte('0'+digitValue(r)))
		case (r == ',' || r == '.') && len(digits) > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i+1]):
			digits = append(digits, byte(r))
		case unicode.IsLetter(r):
			flushNumber()
			flushHan()
			if len(word) == 0 {
				hasUpper, allUpper = false, true
			}
			if unicode.IsUpper(r) {
				hasUpper = true
			} else {
				allUpper = false
			}
			word = append(word, foldArabic(r))
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r):
			// Diacritics (Urdu harakat) and joiners: invisible to identity.
		case (r == '\'' || r == '’') && len(word) > 0:
			// "Pakistan's": the possessive goes, the name stays.
			flushWord()
			if i+1 < len(rs) && (rs[i+1] == 's' || rs[i+1] == 'S') && (i+2 == len(rs) || !unicode.IsLetter(rs[i+2])) {
				rs[i+1] = ' '
			}
		default:
			flushWord()
			flushHan()
			flushNumber()
		}
	}
	flushWord()
	flushHan()
	flushNumber()
	return toks
}

// isHan reports whether r belongs to a script written without spaces
// between words, which is tokenised as character bigrams.
func isHan(r rune) bool {
	if r < 0x0E00 { // below Thai: Latin, Arabic, Devanagari...
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai)
}

// digitValue returns the value of a decimal digit of any script (ASCII,
// Urdu, Arabic-Indic, Devanagari...).
func digitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	// Unicode decimal digits come in contiguous runs of ten starting at a
	// zero; find this run's zero.
	for z := r; z > r-10; z-- {
		if !unicode.IsDigit(z - 1) {
			return int(r-z) % 10
		}
	}
	return 0
}

// foldArabic maps Arabic-script letter variants that Urdu and Arabic
// keyboards write differently onto one form.
func foldArabic(r rune) rune {
	switch r {
	case 'ي', 'ى', 'ې':
		return 'ی'
	case 'ك':
		return 'ک'
	case 'ە', 'ه':
		return 'ہ'
	case 'ۃ', 'ة':
		return 'ت'
	case 'أ', 'إ', 'آ':
		return 'ا'
	}
	return r
}

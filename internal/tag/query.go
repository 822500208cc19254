package tag

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A query is parsed into a tree of nodes. Text terms refer to the topic's
// term list; source:, region: and language: compare with the item's source.

type nodeOp uint8

const (
	opTerm nodeOp = iota
	opMeta
	opAnd
	opOr
	opNot
	opNear
)

type node struct {
	op   nodeOp
	l, r *node
	term int      // opTerm: index in topic.terms
	key  string   // opMeta: source, region or language
	val  string   // opMeta: folded value
	dist int      // opNear: at most this many words between the two sides
	near [2][]int // opNear: the terms of each side (a term or an OR of terms)
}

// orTerms returns the terms of a node that is a term or an OR of terms.
func orTerms(n *node) ([]int, bool) {
	switch n.op {
	case opTerm:
		return []int{n.term}, true
	case opOr:
		l, ok1 := orTerms(n.l)
		r, ok2 := orTerms(n.r)
		return append(l, r...), ok1 && ok2
	}
	return nil, false
}

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokWord
	tokPhrase
	tokLParen
	tokRParen
	tokAnd
	tokOr
	tokNot
	tokNear
	tokField
)

type token struct {
	kind   tokKind
	text   string // word or phrase text; field name
	prefix bool   // phrase followed by *
	dist   int    // NEAR/n
	col    int    // 1-based rune column
}

func isMetaField(name string) bool {
	return name == "source" || name == "region" || name == "language"
}

// queryError is a parse error at a 1-based column.
type queryError struct {
	col int
	msg string
}

func (e *queryError) Error() string { return fmt.Sprintf("column %d: %s", e.col, e.msg) }

// lex splits a query into tokens.
func lex(q string) ([]token, *queryError) {
	var toks []token
	col := 1
	for i := 0; i < len(q); {
		r, size := utf8.DecodeRuneInString(q[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
			col++
		case r == '(':
			toks = append(toks, token{kind: tokLParen, col: col})
			i++
			col++
		case r == ')':
			toks = append(toks, token{kind: tokRParen, col: col})
			i++
			col++
		case r == '"' || r == '“' || r == '”':
			end := strings.IndexAny(q[i+size:], "\"“”")
			if end < 0 {
				return nil, &queryError{col, "unterminated quoted phrase"}
			}
			text := q[i+size : i+size+end]
			_, closeSize := utf8.DecodeRuneInString(q[i+size+end:])
			tok := token{kind: tokPhrase, text: text, col: col}
			next := i + size + end + closeSize
			col += 2 + utf8.RuneCountInString(text)
			if next < len(q) && q[next] == '*' {
				tok.prefix = true
				next++
				col++
			}
			toks = append(toks, tok)
			i = next
		default:
			j := i
			for j < len(q) {
				r, s := utf8.DecodeRuneInString(q[j:])
				if unicode.IsSpace(r) || r == '(' || r == ')' || r == '"' || r == '“' || r == '”' {
					break
				}
				j += s
			}
			word := q[i:j]
			ts, err := wordTokens(word, col)
			if err != nil {
				return nil, err
			}
			toks = append(toks, ts...)
			col += utf8.RuneCountInString(word)
			i = j
		}
	}
	return append(toks, token{kind: tokEOF, col: col}), nil
}

// wordTokens classifies a bare word: operator, NEAR/n, field prefix
// (possibly with its operand attached) or a term.
func wordTokens(w string, col int) ([]token, *queryError) {
	switch w {
	case "AND":
		return []token{{kind: tokAnd, col: col}}, nil
	case "OR":
		return []token{{kind: tokOr, col: col}}, nil
	case "NOT":
		return []token{{kind: tokNot, col: col}}, nil
	case "NEAR":
		return nil, &queryError{col, "NEAR needs a distance: NEAR/5"}
	}
	if n, ok := strings.CutPrefix(w, "NEAR/"); ok {
		d, err := strconv.Atoi(n)
		if err != nil || d < 0 || d > 1000 {
			return nil, &queryError{col, fmt.Sprintf("NEAR/%s: the distance must be a number of words from 0 to 1000", n)}
		}
		return []token{{kind: tokNear, dist: d, col: col}}, nil
	}
	if name, rest, ok := strings.Cut(w, ":"); ok && name != "" && isLowerWord(name) {
		if fieldBit(name) == 0 && !isMetaField(name) {
			return nil, &queryError{col, fmt.Sprintf("unknown field %q (title, summary, content, categories, source, region, language)", name)}
		}
		toks := []token{{kind: tokField, text: name, col: col}}
		if rest != "" {
			toks = append(toks, token{kind: tokWord, text: rest, col: col + utf8.RuneCountInString(name) + 1})
		}
		return toks, nil
	}
	return []token{{kind: tokWord, text: w, col: col}}, nil
}

func isLowerWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// parser builds a query tree; terms are registered with the topic builder.
type parser struct {
	toks    []token
	i       int
	fields  uint8 // field restriction from an enclosing field prefix; 0: topic default
	neg     bool  // inside an odd number of NOTs
	addTerm func(text string, col int, prefixed bool, fields uint8, positive bool) (int, *queryError)
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

// parse reads the whole query: or := and {OR and}; and := unary {[AND] unary};
// unary := NOT unary | near; near := primary [NEAR/n primary];
// primary := ( or ) | field: primary | term.
func (p *parser) parse() (*node, *queryError) {
	if p.peek().kind == tokEOF {
		return nil, &queryError{1, "empty query"}
	}
	n, err := p.or()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		if t.kind == tokRParen {
			return nil, &queryError{t.col, "unmatched )"}
		}
		return nil, &queryError{t.col, "unexpected " + describe(t)}
	}
	return n, nil
}

func (p *parser) or() (*node, *queryError) {
	l, err := p.and()
	if err != nil {
		return nil, err
	}
	for p.peek().kind == tokOr {
		p.next()
		r, err := p.and()
		if err != nil {
			return nil, err
		}
		l = &node{op: opOr, l: l, r: r}
	}
	return l, nil
}

func (p *parser) and() (*node, *queryError) {
	l, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		switch p.peek().kind {
		case tokAnd:
			p.next()
		case tokWord, tokPhrase, tokLParen, tokNot, tokField:
			// implicit AND
		default:
			return l, nil
		}
		r, err := p.unary()
		if err != nil {
			return nil, err
		}
		l = &node{op: opAnd, l: l, r: r}
	}
}

func (p *parser) unary() (*node, *queryError) {
	if p.peek().kind != tokNot {
		return p.near()
	}
	p.next()
	p.neg = !p.neg
	x, err := p.unary()
	p.neg = !p.neg
	if err != nil {
		return nil, err
	}
	return &node{op: opNot, l: x}, nil
}

func (p *parser) near() (*node, *queryError) {
	l, err := p.primary()
	if err != nil {
		return nil, err
	}
	t := p.peek()
	if t.kind != tokNear {
		return l, nil
	}
	lt, ok := orTerms(l)
	if !ok {
		return nil, &queryError{t.col, "NEAR joins two terms, phrases or (OR groups of them)"}
	}
	p.next()
	rtok := p.peek()
	r, err := p.primary()
	if err != nil {
		return nil, err
	}
	rt, ok := orTerms(r)
	if !ok {
		return nil, &queryError{rtok.col, "NEAR joins two terms, phrases or (OR groups of them)"}
	}
	if t2 := p.peek(); t2.kind == tokNear {
		return nil, &queryError{t2.col, "NEAR cannot be chained; join proximity pairs with AND"}
	}
	return &node{op: opNear, l: l, r: r, dist: t.dist, near: [2][]int{lt, rt}}, nil
}

func (p *parser) primary() (*node, *queryError) {
	t := p.next()
	switch t.kind {
	case tokLParen:
		x, err := p.or()
		if err != nil {
			return nil, err
		}
		if p.peek().kind != tokRParen {
			return nil, &queryError{t.col, "( is never closed"}
		}
		p.next()
		return x, nil
	case tokWord, tokPhrase:
		text, prefixed := t.text, t.prefix
		if t.kind == tokWord {
			text, prefixed = strings.CutSuffix(text, "*")
		}
		idx, err := p.addTerm(text, t.col, prefixed, p.fields, !p.neg)
		if err != nil {
			return nil, err
		}
		return &node{op: opTerm, term: idx}, nil
	case tokField:
		return p.field(t)
	case tokEOF:
		return nil, &queryError{t.col, "a term is missing at the end"}
	default:
		return nil, &queryError{t.col, "expected a term, found " + describe(t)}
	}
}

// field parses the operand of a field prefix.
func (p *parser) field(t token) (*node, *queryError) {
	if isMetaField(t.text) {
		v := p.next()
		if v.kind != tokWord && v.kind != tokPhrase {
			return nil, &queryError{t.col, t.text + ": needs a value"}
		}
		return &node{op: opMeta, key: t.text, val: strings.ToLower(strings.TrimSpace(v.text))}, nil
	}
	switch p.peek().kind {
	case tokWord, tokPhrase, tokLParen:
	default:
		return nil, &queryError{t.col, t.text + ": needs a term, a phrase or a group"}
	}
	saved := p.fields
	p.fields = fieldBit(t.text)
	x, err := p.primary()
	p.fields = saved
	return x, err
}

func describe(t token) string {
	switch t.kind {
	case tokAnd:
		return "AND"
	case tokOr:
		return "OR"
	case tokNot:
		return "NOT"
	case tokNear:
		return "NEAR"
	case tokRParen:
		return ")"
	case tokLParen:
		return "("
	case tokEOF:
		return "end of query"
	}
	return strconv.Quote(t.text)
}

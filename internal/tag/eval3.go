package tag

// tri is a three-valued truth used at compile time to find queries that can
// hold for an item without any text hit (they must be evaluated always).
type tri uint8

const (
	triFalse tri = iota
	triUnknown
	triTrue
)

// eval3 evaluates a query with every text term false and every source
// predicate unknown.
func eval3(n *node) tri {
	switch n.op {
	case opMeta:
		return triUnknown
	case opNot:
		return triTrue - eval3(n.l)
	case opAnd:
		return min(eval3(n.l), eval3(n.r))
	case opOr:
		return max(eval3(n.l), eval3(n.r))
	}
	return triFalse // terms and NEAR need hits
}

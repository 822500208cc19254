package dedup

// The hashes below are part of the stored signature format: changing them
// invalidates every stored Sig and bucket (bump sigVersion).

// hashString is 64-bit FNV-1a.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// mix is the splitmix64 finaliser: a cheap, well-distributed bijection.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// combine hashes an ordered pair of hashes.
func combine(a, b uint64) uint64 {
	return mix(a*0x9e3779b97f4a7c15 ^ mix(b+0x632be59bd9b4e019))
}

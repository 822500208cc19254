package config

import "testing"

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1048576", 1 << 20, true},
		{"10MiB", 10 << 20, true},
		{"512KiB", 512 << 10, true},
		{"512 kib", 512 << 10, true},
		{"1GB", 1_000_000_000, true},
		{"1GiB", 1 << 30, true},
		{"1.5MB", 1_500_000, true},
		{"2kb", 2000, true},
		{"100B", 100, true},
		{"0", 0, true},
		{"10XB", 0, false},
		{"MiB", 0, false},
		{"1e6", 0, false},
		{"-1KiB", 0, false},
		{"NaNGB", 0, false},
		{"99999999999GiB", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestClosest(t *testing.T) {
	known := []string{"keywords", "exclude", "fields", "id", "query"}
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"keywordz", "keywords", true},
		{"Keywords", "keywords", true},
		{"exlcude", "exclude", true}, // swapped letters
		{"qurey", "query", true},
		{"ids", "id", true},
		{"colour", "", false},
		{"x", "", false},
	}
	for _, tt := range tests {
		got, ok := closest(tt.in, known)
		if got != tt.want || ok != tt.ok {
			t.Errorf("closest(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

package web

import (
	"strconv"
	"strings"
)

// Sparkline geometry, in SVG user units: one step per day, the line kept
// inside a margin so that its stroke is never clipped.
const (
	sparkDays   = 30
	sparkStep   = 4
	sparkHeight = 28
	sparkMargin = 2
)

// sparkline is a daily-count series drawn as an inline SVG polyline (no
// external asset, nothing for the page's content security policy to block).
type sparkline struct {
	Width, Height int
	Line          string // polyline points
	Area          string // polygon points: the line closed down to the baseline
	LastX, LastY  string // the last day's point, marked with a dot
	Total         int
	Max           int
	Today         int
	Days          int
}

// newSparkline draws counts (oldest day first); nil when there are none.
// The y scale runs from zero to the series' maximum, so that a flat line at
// the bottom means silence, not a constant.
func newSparkline(counts []int) *sparkline {
	if len(counts) == 0 {
		return nil
	}
	s := &sparkline{
		Width:  (len(counts)-1)*sparkStep + 2*sparkMargin,
		Height: sparkHeight,
		Days:   len(counts),
		Today:  counts[len(counts)-1],
	}
	for _, n := range counts {
		s.Total += n
		s.Max = max(s.Max, n)
	}
	var line strings.Builder
	for i, n := range counts {
		x, y := s.point(i, n)
		if i > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(x + "," + y)
		s.LastX, s.LastY = x, y
	}
	s.Line = line.String()
	base := strconv.Itoa(sparkHeight - sparkMargin)
	first, _ := s.point(0, 0)
	s.Area = first + "," + base + " " + s.Line + " " + s.LastX + "," + base
	return s
}

// point is day i's count n in SVG coordinates, one decimal.
func (s *sparkline) point(i, n int) (x, y string) {
	x = strconv.Itoa(sparkMargin + i*sparkStep)
	span := float64(sparkHeight - 2*sparkMargin)
	fy := float64(sparkHeight - sparkMargin)
	if s.Max > 0 {
		fy -= span * float64(n) / float64(s.Max)
	}
	return x, strconv.FormatFloat(fy, 'f', 1, 64)
}

package web

import (
	"testing"
)

func TestSparkline(t *testing.T) {
	t.Run("ScalesFromZeroToMax", func(t *testing.T) {
		s := newSparkline([]int{0, 2, 4})
		if got, want := s.Line, "2,26.0 6,14.0 10,2.0"; got != want {
			t.Errorf("line = %q, want %q", got, want)
		}
		if got, want := s.Area, "2,26 2,26.0 6,14.0 10,2.0 10,26"; got != want {
			t.Errorf("area = %q, want %q", got, want)
		}
		if s.Width != 12 || s.Height != sparkHeight {
			t.Errorf("size = %dx%d, want 12x%d", s.Width, s.Height, sparkHeight)
		}
		if s.Total != 6 || s.Max != 4 || s.Today != 4 || s.Days != 3 {
			t.Errorf("summary = %+v", s)
		}
		if s.LastX != "10" || s.LastY != "2.0" {
			t.Errorf("last point = %s,%s", s.LastX, s.LastY)
		}
	})
	t.Run("SilenceIsAFlatBaseline", func(t *testing.T) {
		s := newSparkline([]int{0, 0})
		if got, want := s.Line, "2,26.0 6,26.0"; got != want {
			t.Errorf("line = %q, want %q", got, want)
		}
	})
	t.Run("NoCountsNoSparkline", func(t *testing.T) {
		if s := newSparkline(nil); s != nil {
			t.Errorf("got %+v", s)
		}
	})
}

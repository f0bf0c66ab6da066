package sample

import (
	"os"
	"testing"
	"time"
)

func TestAdd(t *testing.T) {
	for _, tc := range []struct {
		name       string
		a, b, want int
	}{
		{"small", 1, 2, 3},
		{"negative", -1, -2, -3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Add(tc.a, tc.b); got != tc.want {
				t.Errorf("Add(%d, %d) = %d, want %d", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestRound(t *testing.T) {
	if got := Round(2.5); got != 3 {
		t.Errorf("Round(2.5) = %d, want 3", got)
	}
}

func TestIntegration(t *testing.T) {
	if os.Getenv("SAMPLE_INTEGRATION") == "" {
		t.Skip("set SAMPLE_INTEGRATION=1 to run against a live server")
	}
}

// The two parallel tests run side by side: each takes 300ms.
func TestParallelA(t *testing.T) {
	t.Parallel()
	time.Sleep(300 * time.Millisecond)
}

func TestParallelB(t *testing.T) {
	t.Parallel()
	time.Sleep(300 * time.Millisecond)
	if got := Hypot(3, 4); got != 5 {
		t.Errorf("Hypot(3, 4) = %v, want 5", got)
	}
}

// TestWork stands for a test of real work: 100ms, plus SAMPLE_SLOW (a
// duration such as 1s) to make it slower on purpose.
func TestWork(t *testing.T) {
	extra, _ := time.ParseDuration(os.Getenv("SAMPLE_SLOW"))
	time.Sleep(100*time.Millisecond + extra)
}

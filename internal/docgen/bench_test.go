package docgen

import "testing"

// BenchmarkGenerateSite builds the repository's own site in memory: the
// work of every rebuild in docgen serve.
func BenchmarkGenerateSite(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(Config{Root: "../.."}); err != nil {
			b.Fatal(err)
		}
	}
}

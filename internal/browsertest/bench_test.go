package browsertest

import (
	"slices"
	"testing"
)

// searchQueries are typed into the search box by BenchmarkSearch: single
// letters (a prefix of many words, the slowest case), words, and several
// words together.
var searchQueries = []string{"e", "s", "trace", "span", "collector", "otlp grpc", "propagation", "metric histogram", "resource attributes", "batch export timeout"}

// BenchmarkSearch times queries in the search box of the real page, over
// the whole site's index: from the input event to the results drawn (one
// macrotask later). ms/query is the mean, max-ms the slowest query of the
// last round; the budget is 50 ms per query.
func BenchmarkSearch(b *testing.B) {
	site(b)
	ctx := tab(b)
	open(b, ctx, "")
	eval[bool](b, ctx, `(async () => {
		const input = document.querySelector("form.search input");
		input.focus(); input.value = "x"; input.dispatchEvent(new Event("input"));
		for (let i = 0; i < 250 && !document.querySelector(".search-results li"); i++) await new Promise(r => setTimeout(r, 20));
		return true })()`)
	var times []float64
	for b.Loop() {
		times = eval[[]float64](b, ctx, `(async (queries) => {
			const input = document.querySelector("form.search input");
			const tick = () => new Promise(r => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
			const out = [];
			for (const q of queries) {
				const t0 = performance.now();
				input.value = q;
				input.dispatchEvent(new Event("input"));
				await tick();
				if (!document.querySelector(".search-results li")) throw new Error("no results drawn for " + q);
				out.push(performance.now() - t0);
			}
			return out })(`+jsStrings(searchQueries)+`)`)
	}
	sum := 0.0
	for _, t := range times {
		sum += t
	}
	b.ReportMetric(sum/float64(len(times)), "ms/query")
	b.ReportMetric(slices.Max(times), "max-ms")
	b.Logf("ms per query %q: %.1f", searchQueries, times)
}

func jsStrings(ss []string) string {
	out := "["
	for i, s := range ss {
		if i > 0 {
			out += ","
		}
		out += `"` + s + `"`
	}
	return out + "]"
}

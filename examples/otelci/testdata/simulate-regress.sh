#!/bin/sh
# Two runs of the same test, the second slowed on purpose by SAMPLE_SLOW,
# then the regression step. In a real pipeline the previous summary is the
# artifact the last run of the main branch kept; here it is the first run.
# Run from examples/otelci: sh testdata/simulate-regress.sh [SLOW]
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# [START regress]
(cd testdata/sample && go test -count=1 -json -run '^TestWork$' ./...) |
	go run . gotest -summary "$dir/previous.json"
(cd testdata/sample && SAMPLE_SLOW=${1:-0s} go test -count=1 -json -run '^TestWork$' ./...) |
	go run . gotest -summary "$dir/current.json"
go run . regress -previous "$dir/previous.json" -current "$dir/current.json"
# [END regress]

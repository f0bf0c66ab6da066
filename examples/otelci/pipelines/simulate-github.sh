#!/bin/sh
# Runs the jobs of pipelines/github.yml on this machine the way a GitHub
# runner would: the variables GitHub sets, the matrix jobs side by side, the
# deploy job after them. verify runs it inside `otelci run -level pipeline`,
# which stands for the workflow run itself. docker and kubectl are
# stand-ins (pipelines/standin) that print what they were asked. The
# variables of the whole run (GITHUB_ACTIONS, GITHUB_WORKFLOW, GITHUB_RUN_ID,
# ...) come from the caller, as they do from the runner; GITHUB_JOB is set
# here per job.
set -eu

# The "Install otelci" step: build it once, put it on PATH.
RUNNER_TEMP=$(mktemp -d)
trap 'rm -rf "$RUNNER_TEMP"' EXIT
go build -o "$RUNNER_TEMP/bin/otelci" .
export PATH="$RUNNER_TEMP/bin:$PWD/pipelines/standin:$PATH" OUT="$RUNNER_TEMP/out"

# test and both build matrix jobs run side by side; deploy needs them all.
GITHUB_JOB=test otelci run -level job -- sh pipelines/jobs.sh test &
test=$!
GITHUB_JOB=build GOARCH=amd64 otelci run -level job -name "build (amd64)" -- sh pipelines/jobs.sh build &
amd64=$!
GITHUB_JOB=build GOARCH=arm64 otelci run -level job -name "build (arm64)" -- sh pipelines/jobs.sh build &
arm64=$!
status=0
for pid in $test $amd64 $arm64; do
	wait "$pid" || status=1
done
[ "$status" -eq 0 ] || exit "$status"
GITHUB_JOB=deploy otelci run -level job -- sh pipelines/jobs.sh deploy

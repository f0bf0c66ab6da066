#!/bin/sh
# Runs the jobs of pipelines/.gitlab-ci.yml on this machine the way GitLab
# runners would: test and the two build jobs side by side (the build jobs
# have needs: []), deploy after them, each with the job variables GitLab
# sets. The pipeline's variables (GITLAB_CI, CI_PIPELINE_ID, ...) come from
# the caller. verify runs it inside `otelci run -level pipeline`, which
# stands for the pipeline itself. docker and kubectl are stand-ins
# (pipelines/standin) that print what they were asked.
set -eu

# before_script: build otelci, put it on PATH.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/bin/otelci" .
export PATH="$tmp/bin:$PWD/pipelines/standin:$PATH" OUT="$tmp/out"

# job NAME ID STAGE JOB: run pipelines/jobs.sh JOB as GitLab job NAME.
job() {
	CI_JOB_NAME=$1 CI_JOB_ID=$2 CI_JOB_STAGE=$3 CI_JOB_URL="$CI_PROJECT_URL/-/jobs/$2" \
		otelci run -level job -- sh pipelines/jobs.sh "$4"
}

job test 9001 test test &
test=$!
GOARCH=amd64 job build-amd64 9002 build build &
amd64=$!
GOARCH=arm64 job build-arm64 9003 build build &
arm64=$!
status=0
for pid in $test $amd64 $arm64; do
	wait "$pid" || status=1
done
[ "$status" -eq 0 ] || exit "$status"
job deploy 9004 deploy deploy

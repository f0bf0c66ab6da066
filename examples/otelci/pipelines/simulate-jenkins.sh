#!/bin/sh
# Runs the stages of pipelines/Jenkinsfile on this machine the way
# Jenkins would: Test, then the two parallel Build stages side by side, then
# Deploy, each through the shared-library step otelciJob with STAGE_NAME
# set as Jenkins sets it. The build's variables (JENKINS_URL, JOB_NAME,
# BUILD_NUMBER, ...) come from the caller. verify runs it inside
# `otelci run -level pipeline`, which stands for the Jenkins build itself.
# docker and kubectl are stand-ins (pipelines/standin) that print.
set -eu

# Stage "Install otelci".
WORKSPACE=$(mktemp -d)
trap 'rm -rf "$WORKSPACE"' EXIT
go build -o "$WORKSPACE/bin/otelci" .
export PATH="$WORKSPACE/bin:$PWD/pipelines/standin:$PATH" OUT="$WORKSPACE/out"

# otelciJob, as vars/otelciJob.groovy runs it.
otelciJob() {
	otelci run -level job -- sh pipelines/jobs.sh "$1"
}

STAGE_NAME=Test otelciJob test
STAGE_NAME="Build amd64" GOARCH=amd64 otelciJob build &
amd64=$!
STAGE_NAME="Build arm64" GOARCH=arm64 otelciJob build &
arm64=$!
status=0
for pid in $amd64 $arm64; do
	wait "$pid" || status=1
done
[ "$status" -eq 0 ] || exit "$status"
STAGE_NAME=Deploy otelciJob deploy

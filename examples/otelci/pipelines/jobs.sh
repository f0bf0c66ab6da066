#!/bin/sh
# The jobs of the pipeline, one function each, shared by the GitHub, GitLab
# and Jenkins pipeline files: each system runs a job as
#   otelci run -level job -- sh pipelines/jobs.sh JOB
# and every step inside it is an otelci run of its own, so the trace shows
# pipeline -> job -> step. Run from the module's folder, with otelci on PATH.
set -eu

# [START test]
test_job() {
	otelci run -name vet -- go vet .
	# go test -json | otelci gotest turns each test into a span under this step.
	otelci run -name test -type test -- sh -c 'go test -json -run "^TestCIAttributes$" . | otelci gotest'
}
# [END test]

# [START build]
# GOARCH comes from the system's matrix or parallel stage.
build_job() {
	out=${OUT:-bin}
	otelci run -name compile -type build -- go build -o "$out/app-$GOARCH" .
	otelci run -name image -type build -- docker build --platform "linux/$GOARCH" -t "app:$GOARCH" .
}
# [END build]

# [START deploy]
deploy_job() {
	otelci run -name deploy -type deploy -- kubectl set image deployment/app app=app:amd64
}
# [END deploy]

case "${1:-}" in
test) test_job ;;
build) build_job ;;
deploy) deploy_job ;;
*)
	echo "usage: sh pipelines/jobs.sh test|build|deploy" >&2
	exit 2
	;;
esac

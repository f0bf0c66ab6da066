// Package pipelines holds the tests of the CI pipeline files of
// examples/otelci/pipelines: the GitHub Actions workflow checked by
// actionlint (used as a library), the .gitlab-ci.yml parsed and checked
// (stages, needs, the variables it uses), the Jenkinsfile and its
// shared-library step. Every pipeline runs the jobs of pipelines/jobs.sh,
// so the tests also check that each job it names exists there.
package pipelines

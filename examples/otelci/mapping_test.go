package main

import (
	"testing"

	"go.opentelemetry.io/otel/attribute"
)

// Each system's variables become the attributes mapping.csv names; a value
// built from several variables is left out when one of them is unset.
func TestCIAttributes(t *testing.T) {
	tests := []struct {
		name   string
		env    map[string]string
		system string
		want   map[attribute.Key]string
	}{
		{"none", map[string]string{"HOME": "/root"}, "", map[attribute.Key]string{}},
		{"github", map[string]string{
			"GITHUB_ACTIONS": "true", "GITHUB_WORKFLOW": "ci", "GITHUB_RUN_ID": "42",
			"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "o/r", "GITHUB_JOB": "test",
		}, "github", map[attribute.Key]string{
			"cicd.pipeline.name": "ci", "cicd.pipeline.run.id": "42",
			"cicd.pipeline.run.url.full": "https://github.com/o/r/actions/runs/42",
			"cicd.pipeline.task.name":    "test", "vcs.provider.name": "github",
			"vcs.repository.url.full": "https://github.com/o/r",
		}},
		{"gitlab", map[string]string{"GITLAB_CI": "true", "CI_JOB_NAME": "lint", "CI_JOB_ID": "7"}, "gitlab", map[attribute.Key]string{
			"cicd.pipeline.task.name": "lint", "cicd.pipeline.task.run.id": "7", "vcs.provider.name": "gitlab",
		}},
		{"jenkins", map[string]string{"JENKINS_URL": "http://j/", "JOB_NAME": "shop", "STAGE_NAME": "Test"}, "jenkins", map[attribute.Key]string{
			"cicd.pipeline.name": "shop", "cicd.pipeline.task.name": "Test",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			system, attrs, err := ciAttributes(func(k string) string { return tt.env[k] })
			if err != nil {
				t.Fatal(err)
			}
			if system != tt.system {
				t.Errorf("system = %q, want %q", system, tt.system)
			}
			got := map[attribute.Key]string{}
			for _, a := range attrs {
				got[a.Key] = a.Value.AsString()
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("got %d attributes %v, want %d", len(got), got, len(tt.want))
			}
		})
	}
}

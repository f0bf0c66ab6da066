package main

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"os"
	"strings"

	"go.opentelemetry.io/otel/attribute"
)

// [START mapping]
// mappingCSV says which of a CI system's environment variables feed which
// attribute: one row per system and attribute. A value is expanded like a
// shell word ($NAME); a value without $ is a constant.
//
//go:embed mapping.csv
var mappingCSV string

// systems names each CI system by the variable it always sets in a job.
var systems = []struct{ name, detect string }{
	{"github", "GITHUB_ACTIONS"},
	{"gitlab", "GITLAB_CI"},
	{"jenkins", "JENKINS_URL"},
}

// ciAttributes returns the system the job runs in ("" for none) and the
// attributes its variables give. An attribute is left out when a variable
// it needs is unset, rather than sent half-filled.
func ciAttributes(getenv func(string) string) (string, []attribute.KeyValue, error) {
	system := ""
	for _, s := range systems {
		if getenv(s.detect) != "" {
			system = s.name
			break
		}
	}
	rows, err := csv.NewReader(strings.NewReader(mappingCSV)).ReadAll()
	if err != nil {
		return "", nil, fmt.Errorf("mapping.csv: %w", err)
	}
	var attrs []attribute.KeyValue
	for _, row := range rows[1:] {
		if row[0] != system {
			continue
		}
		missing := false
		value := os.Expand(row[2], func(name string) string {
			v := getenv(name)
			missing = missing || v == ""
			return v
		})
		if !missing {
			attrs = append(attrs, attribute.String(row[1], value))
		}
	}
	return system, attrs, nil
}

// [END mapping]

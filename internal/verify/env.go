package verify

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"oteldocs.dev/internal/results"
	"oteldocs.dev/internal/service"
	"oteldocs.dev/internal/spec"
)

// envInputs are the values verify gives one case's program: plain values,
// so that the environment can be worked out (and tested) without services.
type envInputs struct {
	host      []string          // verify's own environment, KEY=VALUE (os.Environ())
	endpoint  string            // the OTLP endpoint for protocol
	protocol  string            // http/protobuf or grpc
	runID     string            // tells this case's telemetry apart (results.RunIDKey)
	collector []string          // what the case's Collector adds, KEY=VALUE: the CA file, a proxy's endpoint
	services  map[string]string // what the services the case needs give it (DATABASE_URL, MQTT_URL, ...)
}

// stripped reports whether a variable of verify's own environment is kept
// from the program: it would point the example at something else.
func stripped(key string) bool {
	return strings.HasPrefix(key, "OTEL_") || service.GivesEnv(key)
}

// exampleEnv is the environment of a running example (the package doc lists
// it, under "What a running example gets"): the host's, less any OTEL_* or
// service URL; then verify's defaults; then what the case's Collector adds;
// then run.env of the spec. A later layer overrides an earlier one. In
// run.env values ${NAME} expands to what verify gives NAME (its defaults and
// the Collector's additions); any other name is an error.
// OTEL_RESOURCE_ATTRIBUTES of run.env is kept, with the run id added after
// it.
func exampleEnv(sp *spec.Spec, in envInputs) ([]string, error) {
	var order []string
	vals := map[string]string{}
	set := func(k, v string) {
		if _, ok := vals[k]; !ok {
			order = append(order, k)
		}
		vals[k] = v
	}
	for _, kv := range in.host {
		if k, v, _ := strings.Cut(kv, "="); !stripped(k) {
			set(k, v)
		}
	}
	given := map[string]string{
		"OTEL_EXPORTER_OTLP_ENDPOINT": in.endpoint,
		"OTEL_EXPORTER_OTLP_PROTOCOL": in.protocol,
		"OTEL_RESOURCE_ATTRIBUTES":    results.RunIDKey + "=" + in.runID,
	}
	for k, v := range in.services {
		given[k] = v
	}
	for _, kv := range in.collector {
		k, v, _ := strings.Cut(kv, "=")
		given[k] = v
	}
	for _, k := range sortedKeys(given) {
		set(k, given[k])
	}
	for _, k := range sortedKeys(sp.Run.Env) {
		v, err := expand(sp.Run.Env[k], given)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: run.env %s: %v", sp.Path, sp.Run.EnvLines[k], k, err)
		}
		if k == "OTEL_RESOURCE_ATTRIBUTES" {
			// The run id stays: it is how verify finds this case's telemetry.
			v += "," + given[k]
		}
		set(k, v)
	}
	env := make([]string, len(order))
	for i, k := range order {
		env[i] = k + "=" + vals[k]
	}
	return env, nil
}

var ref = regexp.MustCompile(`\$\{([^}]*)\}`)

// expand replaces each ${NAME} in s by given[NAME]; a NAME verify does not
// give is an error, not an empty string.
func expand(s string, given map[string]string) (string, error) {
	var unknown []string
	out := ref.ReplaceAllStringFunc(s, func(m string) string {
		name := m[2 : len(m)-1]
		v, ok := given[name]
		if !ok {
			unknown = append(unknown, m)
		}
		return v
	})
	if len(unknown) > 0 {
		return "", fmt.Errorf("%s is not a variable verify gives; ${NAME} may name: %s", strings.Join(unknown, ", "), strings.Join(sortedKeys(given), ", "))
	}
	return out, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

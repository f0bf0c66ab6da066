package spec

import (
	"reflect"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
	"oteldocs.dev/internal/yamlerr"
)

// hasNil reports whether a YAML list held an empty item.
func hasNil[T any](list []*T) bool {
	for _, x := range list {
		if x == nil {
			return true
		}
	}
	return false
}

// decodeStrict decodes n into v (a pointer to a struct), rejecting mapping
// keys that v has no field for. Node.Decode ignores KnownFields, so nested
// expectations check their keys here, keeping the original line numbers.
func decodeStrict(n *yaml.Node, v any) error {
	if n.Kind == yaml.MappingNode {
		allowed := yamlKeys(reflect.TypeOf(v).Elem())
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if !allowed[k.Value] {
				return posErr(k, "unknown field %q (known: %s)", k.Value, strings.Join(sortedKeys(allowed), ", "))
			}
		}
	}
	return n.Decode(v)
}

// yamlKeys lists the yaml keys of a struct type, following inline fields.
func yamlKeys(t reflect.Type) map[string]bool {
	keys := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		switch {
		case name == "-":
		case strings.Contains(opts, "inline"):
			for k := range yamlKeys(f.Type) {
				keys[k] = true
			}
		case name != "":
			keys[name] = true
		case f.IsExported():
			keys[strings.ToLower(f.Name)] = true
		}
	}
	return keys
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func posErr(n *yaml.Node, format string, args ...any) error {
	return yamlerr.At(n, format, args...)
}

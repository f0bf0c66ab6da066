// Package yamlerr turns the errors of go.yaml.in/yaml/v3 into messages that
// start with file:line, one line per problem. The spec (verify.yaml), the
// site's table of contents and pages' front matter all report YAML errors
// through it, so a reader sees the same shape everywhere.
package yamlerr

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// lineErr carries a line number through yaml's own error wrapping: an
// UnmarshalYAML method that returns it makes the decoder stop with it.
type lineErr struct {
	line int
	msg  string
}

func (e *lineErr) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

// At returns an error about node n, for an UnmarshalYAML method to return.
// Errors turns it into "file:line: message" with n's line.
func At(n *yaml.Node, format string, args ...any) error {
	return &lineErr{n.Line, fmt.Sprintf(format, args...)}
}

var lineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): `)

// Errors turns err, returned while decoding YAML text that starts on line
// offset+1 of file (offset is 0 for a whole file), into one error per
// problem, each "file:line: message", joined. A problem yaml gives no line
// for is put on the text's first line. rewrite, when not nil, rewrites each
// message, e.g. a Go type name into the keys the reader may write.
func Errors(file string, offset int, err error, rewrite func(msg string) string) error {
	if err == nil {
		return nil
	}
	msgs := []string{err.Error()}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	errs := make([]error, len(msgs))
	for i, msg := range msgs {
		line := 1
		if m := lineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = msg[len(m[0]):]
		}
		msg = strings.TrimPrefix(msg, "yaml: ")
		if rewrite != nil {
			msg = rewrite(msg)
		}
		errs[i] = fmt.Errorf("%s:%d: %s", file, line+offset, msg)
	}
	return errors.Join(errs...)
}

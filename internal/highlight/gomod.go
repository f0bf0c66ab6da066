package highlight

import (
	"github.com/alecthomas/chroma/v2"
)

// goMod highlights go.mod and go.work files, which chroma does not know.
var goMod = chroma.MustNewLexer(
	&chroma.Config{Name: "go.mod", Aliases: []string{"gomod"}, Filenames: []string{"go.mod", "go.work"}},
	func() chroma.Rules {
		return chroma.Rules{
			"root": {
				{Pattern: `//[^\n]*`, Type: chroma.CommentSingle},
				{Pattern: `^(module|go|toolchain|require|replace|exclude|retract|tool|godebug|use)\b`, Type: chroma.Keyword},
				{Pattern: `=>`, Type: chroma.Operator},
				{Pattern: `v\d+\.\d+\.\d+[-+.\w]*`, Type: chroma.LiteralNumber},
				{Pattern: `\d+\.\d+(\.\d+)?`, Type: chroma.LiteralNumber},
				{Pattern: `"[^"\n]*"`, Type: chroma.LiteralString},
				{Pattern: `[()]`, Type: chroma.Punctuation},
				{Pattern: `[^\s()/"=]+`, Type: chroma.NameNamespace},
				{Pattern: `\s+`, Type: chroma.TextWhitespace},
				{Pattern: `.`, Type: chroma.Text},
			},
		}
	},
)

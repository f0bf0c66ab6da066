package docgen

import (
	"strings"

	"oteldocs.dev/internal/service"
	"oteldocs.dev/internal/spec"
)

// needsSpecialCollector reports whether a case needs a Collector that the
// README's plain one is not: TLS, a token, an outage. CORS is not among
// them: the download's otelcol.yaml allows the page's origin
// (collectorConfigFor).
func needsSpecialCollector(c spec.Collector) bool {
	return c.TLS || c.BearerToken != "" || c.Outage != nil
}

// httpReceiver is the line of service.CollectorConfig after which the
// receiver's CORS settings go.
const httpReceiver = "        endpoint: 0.0.0.0:4318\n"

// collectorConfigFor is the otelcol.yaml of a download: the reader's
// Collector configuration, with the origin of the page the example serves
// at addr allowed to send OTLP/HTTP when verify.yaml gives the Collector
// cors_allowed_origins.
func collectorConfigFor(sp *spec.Spec, addr string) string {
	if len(sp.Collector.CORSAllowedOrigins) == 0 {
		return service.CollectorConfig
	}
	cors := "        cors:\n          allowed_origins: [\"http://" + addr + "\"]\n"
	return strings.Replace(service.CollectorConfig, httpReceiver, httpReceiver+cors, 1)
}

// renderBrowser says how to use the page, from run.browser's steps.
func (in readmeInput) renderBrowser(p func(format string, args ...any)) {
	p("Open http://%s/ in a browser, then:\n\n", in.addr())
	for _, st := range in.spec.Run.Browser.Steps {
		switch {
		case st.Click != "":
			p("- click `%s`\n", st.Click)
		case st.Type != nil:
			p("- type %q into `%s`\n", st.Type.Text, st.Type.Selector)
		}
	}
	p("\nThe page sends its spans to the Collector itself, from the browser. Then press Ctrl-C in the terminal of the server.\n\n")
}

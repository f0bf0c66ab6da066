/* host.c stands in for an app: it loads libwork.so (linked at build time;
 * dart:ffi and React Native would dlopen it), passes the span it is in as
 * a W3C traceparent, and calls the library's exported functions.
 *
 * Build, after go build -buildmode=c-shared -o libwork.so . :
 *   gcc -o host app/host.c -I. -L. -lwork -Wl,-rpath,'$ORIGIN'
 */
#include <stdio.h>
#include <stdlib.h>

#include "libwork.h"

/* value returns the variable name, or "" when it is not set. */
static char *value(const char *name) {
	char *v = getenv(name);
	return v ? v : "";
}

int main(void) {
	// [START calls]
	/* An app reads these from its own configuration and its tracing SDK;
	 * here they come from the environment. TRACEPARENT carries the app's
	 * current span, as the OpenTelemetry environment carrier does. */
	char *endpoint = value("OTEL_EXPORTER_OTLP_ENDPOINT");
	char *traceparent = value("TRACEPARENT");

	if (Init(endpoint) != 0) {
		fprintf(stderr, "host: Init failed\n");
		return 1;
	}
	int items = Work(traceparent);
	printf("host: Work(\"%s\") synced %d items\n", traceparent, items);
	if (Shutdown() != 0) {
		fprintf(stderr, "host: Shutdown failed: spans may be lost\n");
		return 1;
	}
	// [END calls]
	return 0;
}

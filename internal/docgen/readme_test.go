package docgen

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"oteldocs.dev/internal/service"
)

// TestDownloadReadme opens the quick start's zip of the repository's own
// site: its README says how to start what verify.yaml needs, with the
// variables the registry gives, and the Collector configuration it mounts
// is beside it.
func TestDownloadReadme(t *testing.T) {
	site, err := Generate(Config{Root: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	files := unzip(t, site.Files[downloadPath("quickstart")])
	readme := files["quickstart/README.md"]
	for _, want := range []string{
		"docker run -d --name quickstart-collector ",
		"docker run -d --name quickstart-postgres ",
		"export DATABASE_URL=",
		"export OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318\n",
		"export ADDR=localhost:8080\n",
		"curl -i http://localhost:8080/users/42\n",
		"a span named `GET /users/:id`",
		"https://oteldocs.dev/get-started/quickstart/",
	} {
		if !strings.Contains(readme, want) {
			t.Errorf("quickstart/README.md lacks %q:\n%s", want, readme)
		}
	}
	if strings.Contains(readme, "mqtt") {
		t.Errorf("quickstart/README.md starts mqtt, which quickstart does not need:\n%s", readme)
	}
	if files["quickstart/otelcol.yaml"] != service.CollectorConfig {
		t.Errorf("quickstart/otelcol.yaml is not service.CollectorConfig")
	}

	// A compiled-only example's README says it was never run, and why.
	mongo := unzip(t, site.Files[downloadPath("semconv-db-mongo")])["semconv-db-mongo/README.md"]
	if !strings.Contains(mongo, "This example was compiled, never run, where this site is built: MongoDB has no Debian package") {
		t.Errorf("semconv-db-mongo/README.md does not say it is compiled only:\n%s", mongo)
	}
}

// TestDownloadReadmeBuild: an example with run.build and run.program says
// to run those commands, with verify's ${BUILD} folder replaced by the
// reader's example folder, and runs the built program instead of go run.
func TestDownloadReadmeBuild(t *testing.T) {
	site, err := Generate(Config{Root: "../.."})
	if err != nil {
		t.Fatal(err)
	}
	readme := unzip(t, site.Files[downloadPath("mobile-cshared")])["mobile-cshared/README.md"]
	want := "CGO_ENABLED=1 go build -buildmode=c-shared -o ./libwork.so .\n" +
		"gcc -o ./host app/host.c -I. -L. -lwork '-Wl,-rpath,$ORIGIN'\n" +
		"./host\n"
	if !strings.Contains(readme, want) || strings.Contains(readme, "${BUILD}") || strings.Contains(readme, "go run .") {
		t.Errorf("mobile-cshared/README.md does not build and run as verify does; want:\n%s\ngot:\n%s", want, readme)
	}
}

func unzip(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = string(b)
	}
	return out
}

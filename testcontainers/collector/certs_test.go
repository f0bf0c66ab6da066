package collector_test

import (
	"crypto/x509"
	"testing"

	"oteldocs.dev/testcontainers/collector"
)

// newCertificates returns a new CA (as a pool to trust) and a server
// certificate it signed for localhost, 127.0.0.1 and ::1, both PEM-encoded.
func newCertificates(t *testing.T) (ca *x509.CertPool, certPEM, keyPEM []byte) {
	t.Helper()
	c, err := collector.NewCertificates()
	if err != nil {
		t.Fatal(err)
	}
	ca = x509.NewCertPool()
	if !ca.AppendCertsFromPEM(c.CAPEM) {
		t.Fatal("CA PEM does not parse")
	}
	return ca, c.CertPEM, c.KeyPEM
}

package emulator

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// EKS values: the cluster the EKS detector reads from two ConfigMaps.
const (
	EKSClusterName = "shop"
	// ServiceAccountDir is where Kubernetes mounts a pod's service account,
	// and where client-go's in-cluster configuration reads it.
	ServiceAccountDir = "/var/run/secrets/kubernetes.io/serviceaccount"
	k8sToken          = "oteldocs-emulator-service-account-token"
)

// K8sAPI serves the two ConfigMaps the EKS detector asks the Kubernetes API
// for (kube-system/aws-auth, which tells EKS from other clusters, and
// amazon-cloudwatch/cluster-info, which names the cluster), only to
// requests with the service account's bearer token. With eks false it is
// another cluster's API, which has neither: every path gets 404, as a
// ConfigMap that does not exist does.
func K8sAPI(eks bool) http.Handler {
	mux := http.NewServeMux()
	if !eks {
		mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, `{"kind":"Status","status":"Failure","reason":"NotFound","code":404}`, http.StatusNotFound)
		})
		return mux
	}
	configMap := func(data string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Authorization") != "Bearer "+k8sToken {
				http.Error(w, `{"kind":"Status","status":"Failure","reason":"Unauthorized","code":401}`, http.StatusUnauthorized)
				return
			}
			jsonBody(`{"kind":"ConfigMap","apiVersion":"v1","data":`+data+`}`)(w, r)
		}
	}
	mux.HandleFunc("GET /api/v1/namespaces/kube-system/configmaps/aws-auth", configMap(`{"mapRoles":"- rolearn: arn:aws:iam::`+AWSAccountID+`:role/shop-nodes\n  username: system:node:{{EC2PrivateDNSName}}\n"}`))
	mux.HandleFunc("GET /api/v1/namespaces/amazon-cloudwatch/configmaps/cluster-info", configMap(`{"cluster.name":"`+EKSClusterName+`","logs.region":"`+AWSRegion+`"}`))
	return mux
}

// ServiceAccount writes what Kubernetes mounts into a pod (token, ca.crt,
// namespace) under dir, and returns the TLS configuration of an API server
// whose certificate that ca.crt signs, for 127.0.0.1 and
// kubernetes.default.svc.
func ServiceAccount(dir string) (*tls.Config, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "kube-apiserver"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		DNSNames:              []string{"kubernetes.default.svc", "localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, err
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	for name, b := range map[string][]byte{"token": []byte(k8sToken), "ca.crt": certPEM, "namespace": []byte("shop")} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return nil, err
		}
	}
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}, nil
}

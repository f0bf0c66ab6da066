package emulator

import (
	"crypto/tls"
	"crypto/x509"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Each provider answers only as its real service would: the right header,
// the right path, and IMDSv2's token.
func TestHandler(t *testing.T) {
	srv := httptest.NewServer(Handler(nil))
	defer srv.Close()
	tests := []struct {
		name, method, path string
		header             map[string]string
		status             int
		body               string // a substring of the answer
	}{
		{"health", "GET", "/healthz", nil, 200, "ok"},
		{"gcp project", "GET", "/computeMetadata/v1/project/project-id", map[string]string{"Metadata-Flavor": "Google"}, 200, GCPProjectID},
		{"gcp zone", "GET", "/computeMetadata/v1/instance/zone", map[string]string{"Metadata-Flavor": "Google"}, 200, "/zones/" + GCPZone},
		{"gcp without header", "GET", "/computeMetadata/v1/project/project-id", nil, 403, "Metadata-Flavor"},
		{"gcp unknown", "GET", "/computeMetadata/v1/instance/attributes/created-by", map[string]string{"Metadata-Flavor": "Google"}, 404, ""},
		{"ec2 token", "PUT", "/latest/api/token", map[string]string{"X-aws-ec2-metadata-token-ttl-seconds": "21600"}, 200, ec2Token},
		{"ec2 token without ttl", "PUT", "/latest/api/token", nil, 400, ""},
		{"ec2 document", "GET", "/latest/dynamic/instance-identity/document", map[string]string{"X-aws-ec2-metadata-token": ec2Token}, 200, `"instanceId" : "` + EC2InstanceID},
		{"ec2 without token", "GET", "/latest/dynamic/instance-identity/document", nil, 401, ""},
		{"ec2 hostname", "GET", "/latest/meta-data/hostname", map[string]string{"X-aws-ec2-metadata-token": ec2Token}, 200, EC2Hostname},
		{"ecs container", "GET", ECSPath, nil, 200, `"LogDriver": "awslogs"`},
		{"ecs task", "GET", ECSPath + "/task", nil, 200, `"LaunchType": "FARGATE"`},
		{"azure", "GET", "/metadata/instance/compute?api-version=2021-12-13&format=json", map[string]string{"Metadata": "True"}, 200, `"vmId": "` + AzureVMID},
		{"azure without header", "GET", "/metadata/instance/compute?api-version=2021-12-13", nil, 400, "metadata header"},
		{"azure without version", "GET", "/metadata/instance/compute", map[string]string{"Metadata": "True"}, 400, "api-version"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(tt.method, srv.URL+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status || !strings.Contains(string(b), tt.body) {
				t.Errorf("%s %s: got %d %q, want %d containing %q", tt.method, tt.path, resp.StatusCode, b, tt.status, tt.body)
			}
			if tt.name == "ec2 token" && resp.Header.Get("X-aws-ec2-metadata-token-ttl-seconds") != "21600" {
				t.Errorf("the token's TTL is not echoed: the AWS SDK then falls back to IMDSv1")
			}
		})
	}
}

// On the fixed address only Azure answers, as on an Azure VM.
func TestAzureHandler(t *testing.T) {
	srv := httptest.NewServer(AzureHandler(nil))
	defer srv.Close()
	for path, want := range map[string]int{
		"/metadata/instance/compute?api-version=2021-12-13": 200,
		"/latest/dynamic/instance-identity/document":        404,
		"/computeMetadata/v1/project/project-id":            404,
	} {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		req.Header.Set("Metadata", "True")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, resp.StatusCode, want)
		}
	}
}

// The Kubernetes API answers over TLS that the written ca.crt verifies, with
// the written token only.
func TestK8sAPI(t *testing.T) {
	dir := t.TempDir()
	cfg, err := ServiceAccount(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(K8sAPI(true))
	srv.TLS = cfg
	srv.StartTLS()
	defer srv.Close()
	ca, _ := os.ReadFile(filepath.Join(dir, "ca.crt"))
	token, _ := os.ReadFile(filepath.Join(dir, "token"))
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(ca) {
		t.Fatal("ca.crt holds no certificate")
	}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
	for _, tt := range []struct {
		path, token string
		status      int
		body        string
	}{
		{"/api/v1/namespaces/amazon-cloudwatch/configmaps/cluster-info", string(token), 200, `"cluster.name":"` + EKSClusterName + `"`},
		{"/api/v1/namespaces/kube-system/configmaps/aws-auth", string(token), 200, "mapRoles"},
		{"/api/v1/namespaces/kube-system/configmaps/aws-auth", "wrong", 401, "Unauthorized"},
	} {
		req, _ := http.NewRequest("GET", srv.URL+tt.path, nil)
		req.Header.Set("Authorization", "Bearer "+tt.token)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.Contains(string(b), tt.body) {
			t.Errorf("GET %s: %d %s, want %d with %q", tt.path, resp.StatusCode, b, tt.status, tt.body)
		}
	}
}

// Another cluster's API has no aws-auth ConfigMap.
func TestK8sAPINotEKS(t *testing.T) {
	srv := httptest.NewServer(K8sAPI(false))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/api/v1/namespaces/kube-system/configmaps/aws-auth")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("aws-auth on another cluster: %d, want 404", resp.StatusCode)
	}
}

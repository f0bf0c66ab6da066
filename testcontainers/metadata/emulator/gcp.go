package emulator

import "net/http"

// GCP values: a VM in europe-west1-b that is also a GKE node, so that the
// same answers serve GCE, GKE, Cloud Run and Cloud Functions (the detector
// tells these apart by environment variables).
const (
	GCPProjectID    = "oteldocs-shop"
	GCPInstanceID   = "4520031799277581759"
	GCPInstanceName = "checkout-1"
	GCPZone         = "europe-west1-b"
	GCPRegion       = "europe-west1"
	GCPMachineType  = "e2-medium"
	GCPClusterName  = "shop"
)

const gcpProjectNumber = "316725208843"

// gcp serves the paths the Go client (cloud.google.com/go/compute/metadata)
// asks for, under /computeMetadata/v1/, only to requests that carry
// Metadata-Flavor: Google, as the real server does. A path it does not know
// gets 404, which the client reports as "not defined".
func gcp(mux *http.ServeMux) {
	values := map[string]string{
		"project/project-id":                   GCPProjectID,
		"project/numeric-project-id":           gcpProjectNumber,
		"instance/id":                          GCPInstanceID,
		"instance/name":                        GCPInstanceName,
		"instance/hostname":                    GCPInstanceName + "." + GCPZone + ".c." + GCPProjectID + ".internal",
		"instance/machine-type":                "projects/" + gcpProjectNumber + "/machineTypes/" + GCPMachineType,
		"instance/zone":                        "projects/" + gcpProjectNumber + "/zones/" + GCPZone,
		"instance/region":                      "projects/" + gcpProjectNumber + "/regions/" + GCPRegion,
		"instance/attributes/cluster-location": GCPZone,
		"instance/attributes/cluster-name":     GCPClusterName,
	}
	mux.HandleFunc("GET /computeMetadata/v1/{path...}", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Metadata-Flavor") != "Google" {
			http.Error(w, "Missing Metadata-Flavor:Google header", http.StatusForbidden)
			return
		}
		v, ok := values[r.PathValue("path")]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Metadata-Flavor", "Google")
		text(v)(w, r)
	})
}

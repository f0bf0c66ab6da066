package emulator

import "net/http"

// Azure values: a VM in a scale set in westeurope, zone 1.
const (
	AzureVMID           = "02aab8a4-74ef-476e-8182-f6d2ba4166a6"
	AzureLocation       = "westeurope"
	AzureSubscription   = "8d10da13-8125-4ba9-a717-bf7490507b3d"
	AzureResourceGroup  = "shop"
	AzureVMName         = "checkout-1"
	AzureVMSize         = "Standard_D2s_v5"
	AzureScaleSet       = "checkout"
	AzureOSType         = "Linux"
	AzureImageVersion   = "22.04.202611200"
	AzureZone           = "1"
	AzureComputerName   = "checkout000001"
	azureResourceIDBase = "/subscriptions/" + AzureSubscription + "/resourceGroups/" + AzureResourceGroup + "/providers/Microsoft.Compute/virtualMachines/"
)

// azure serves the compute part of the Instance Metadata Service, only to
// requests that carry Metadata: True and an api-version, as IMDS does.
func azure(mux *http.ServeMux) {
	doc := jsonBody(`{
  "azEnvironment": "AzurePublicCloud",
  "location": "` + AzureLocation + `",
  "name": "` + AzureVMName + `",
  "osProfile": {"adminUsername": "azureuser", "computerName": "` + AzureComputerName + `"},
  "osType": "` + AzureOSType + `",
  "resourceGroupName": "` + AzureResourceGroup + `",
  "resourceId": "` + azureResourceIDBase + AzureVMName + `",
  "subscriptionId": "` + AzureSubscription + `",
  "tagsList": [{"name": "team", "value": "payments"}],
  "version": "` + AzureImageVersion + `",
  "vmId": "` + AzureVMID + `",
  "vmScaleSetName": "` + AzureScaleSet + `",
  "vmSize": "` + AzureVMSize + `",
  "zone": "` + AzureZone + `"
}`)
	mux.HandleFunc("GET /metadata/instance/compute", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Metadata") != "True" {
			http.Error(w, `{"error": "Bad request. Required metadata header not specified"}`, http.StatusBadRequest)
			return
		}
		if r.URL.Query().Get("api-version") == "" {
			http.Error(w, `{"error": "Bad request. api-version was not specified"}`, http.StatusBadRequest)
			return
		}
		doc(w, r)
	})
}

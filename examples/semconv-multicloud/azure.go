package main

import (
	"context"
	"os"
	"strconv"
	"strings"

	"go.opentelemetry.io/contrib/detectors/azure/azurevm"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/resource"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
)

// azureDetector is this project's own detector for Azure; no contrib module
// covers App Service, Functions or Container Apps. Those three are told
// apart by the environment variables Azure sets in them, so they cost no
// request. Only when none of them matched does it ask the VM's Instance
// Metadata Service, through the contrib azurevm detector.
type azureDetector struct{}

// Detect implements resource.Detector.
func (azureDetector) Detect(ctx context.Context) (*resource.Resource, error) {
	if attrs := appPlatform(); attrs != nil {
		return resource.NewWithAttributes(semconv.SchemaURL, attrs...), nil
	}
	return azurevm.New().Detect(ctx)
}

// appPlatform returns the attributes of App Service, Functions or Container
// Apps from their environment, or nil elsewhere.
func appPlatform() []attribute.KeyValue {
	azure := []attribute.KeyValue{semconv.CloudProviderAzure}
	if app := os.Getenv("CONTAINER_APP_NAME"); app != "" {
		return append(azure,
			semconv.CloudPlatformAzureContainerApps,
			semconv.ServiceInstanceID(os.Getenv("CONTAINER_APP_REPLICA_NAME")),
		)
	}
	site := os.Getenv("WEBSITE_SITE_NAME")
	if site == "" {
		return nil
	}
	attrs := append(azure, webSiteAttrs(site)...)
	if os.Getenv("FUNCTIONS_EXTENSION_VERSION") == "" {
		return append(attrs,
			semconv.CloudPlatformAzureAppService,
			semconv.ServiceInstanceID(os.Getenv("WEBSITE_INSTANCE_ID")),
		)
	}
	attrs = append(attrs,
		semconv.CloudPlatformAzureFunctions,
		semconv.FaaSName(site),
		semconv.FaaSInstance(os.Getenv("WEBSITE_INSTANCE_ID")),
	)
	if mb, err := strconv.Atoi(os.Getenv("WEBSITE_MEMORY_LIMIT_MB")); err == nil {
		attrs = append(attrs, semconv.FaaSMaxMemory(mb<<20)) // bytes
	}
	return attrs
}

// webSiteAttrs are what App Service and Functions share: the region, and the
// resource ID built from the subscription (WEBSITE_OWNER_NAME starts with
// it, then "+"), the resource group and the site's name.
func webSiteAttrs(site string) []attribute.KeyValue {
	attrs := []attribute.KeyValue{semconv.CloudRegion(os.Getenv("REGION_NAME"))}
	sub, _, ok := strings.Cut(os.Getenv("WEBSITE_OWNER_NAME"), "+")
	group := os.Getenv("WEBSITE_RESOURCE_GROUP")
	if ok && group != "" {
		attrs = append(attrs,
			semconv.CloudAccountID(sub),
			semconv.AzureResourceGroupName(group),
			semconv.CloudResourceID("/subscriptions/"+sub+"/resourceGroups/"+group+"/providers/Microsoft.Web/sites/"+site),
		)
	}
	return attrs
}

package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	ec2 "go.opentelemetry.io/contrib/detectors/aws/ec2/v2"
	"go.opentelemetry.io/contrib/detectors/aws/ecs"
	"go.opentelemetry.io/contrib/detectors/aws/lambda"
	"go.opentelemetry.io/contrib/detectors/gcp"
	"go.opentelemetry.io/otel/sdk/resource"
)

// [START precedence]
// detectTimeout bounds cloud detection. A metadata service answers within
// milliseconds where it exists; off any cloud its address may drop every
// packet, and a detector would wait for its own timeouts, or for TCP's.
const detectTimeout = 2 * time.Second

// cloudDetectors are every provider's detectors, in precedence order: the
// first that finds its platform wins. Those that read only the environment
// come first; where two can answer (an ECS task on an EC2 instance), the
// more specific platform comes before the host it runs on.
func cloudDetectors() []resource.Detector {
	return []resource.Detector{
		lambda.NewResourceDetector(), // AWS_LAMBDA_FUNCTION_NAME
		ecs.NewResourceDetector(),    // ECS_CONTAINER_METADATA_URI_V4
		gcp.NewDetector(),            // GKE, Cloud Run, Cloud Functions, Compute Engine
		ec2.NewResourceDetector(),    // IMDSv2
		azureDetector{},              // App Service, Functions, Container Apps, then a VM's IMDS
	}
}

// firstCloud runs every detector at once and returns the resource of the
// first one, in precedence order, that found its platform. It waits for a
// detector only while every detector before it has found nothing, and for
// no longer than detectTimeout in all.
type firstCloud struct{ detectors []resource.Detector }

type detected struct {
	res *resource.Resource
	err error
}

// Detect implements resource.Detector.
func (f firstCloud) Detect(ctx context.Context) (*resource.Resource, error) {
	ctx, cancel := context.WithTimeout(ctx, detectTimeout)
	defer cancel()
	results := make([]chan detected, len(f.detectors))
	for i, d := range f.detectors {
		results[i] = make(chan detected, 1) // a late detector must not block
		go func() {
			res, err := d.Detect(ctx)
			results[i] <- detected{res, err}
		}()
	}
	var errs error
	for i, ch := range results {
		select {
		case r := <-ch:
			if r.res != nil && r.res.Len() > 0 {
				return r.res, r.err
			}
			errs = errors.Join(errs, r.err)
		case <-ctx.Done():
			return resource.Empty(), partial(errs, fmt.Errorf("%T and the detectors after it: no answer within %s", f.detectors[i], detectTimeout))
		}
	}
	return resource.Empty(), partial(errs, nil)
}

// [END precedence]

// partial reports detector errors as a partial resource, which newResource
// logs and keeps: a cloud that cannot be detected is no reason to run
// without telemetry.
func partial(errs, last error) error {
	if errs = errors.Join(errs, last); errs == nil {
		return nil
	}
	return fmt.Errorf("%w: %w", resource.ErrPartialResource, errs)
}

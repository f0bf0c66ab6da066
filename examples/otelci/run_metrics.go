package main

import (
	"context"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/semconv/v1.43.0/cicdconv"
)

// taskDurationName is a metric of otelci's own: the conventions define the
// duration of a pipeline run, and none for a task.
const taskDurationName = "otelci.task.duration"

// [START metrics]
// recordRun records how long the run took and how it ended. A pipeline
// records the conventions' cicd.pipeline.run.duration, and
// cicd.pipeline.run.errors when it failed; a job or step records
// otelci.task.duration. Only low-cardinality attributes go on metrics: the
// names and the result, never a run id.
func recordRun(ctx context.Context, level string, attrs []attribute.KeyValue, d time.Duration, result string, errType string) {
	meter := otel.Meter("otelci")
	pipeline := valueOf(attrs, semconv.CICDPipelineNameKey)
	if level == "pipeline" {
		duration, err := cicdconv.NewPipelineRunDuration(meter)
		if err != nil {
			otel.Handle(err)
		}
		duration.Record(ctx, d.Seconds(), pipeline, cicdconv.PipelineRunStateExecuting,
			duration.AttrPipelineResult(cicdconv.PipelineResultAttr(result)))
		if result != "success" {
			errors, err := cicdconv.NewPipelineRunErrors(meter)
			if err != nil {
				otel.Handle(err)
			}
			errors.Add(ctx, 1, pipeline, cicdconv.ErrorTypeAttr(errType))
		}
		return
	}
	duration, err := meter.Float64Histogram(taskDurationName, metric.WithUnit("s"),
		metric.WithDescription("Duration of a task run (a job or a step) grouped by pipeline, task and result."))
	if err != nil {
		otel.Handle(err)
	}
	set := []attribute.KeyValue{semconv.CICDPipelineTaskRunResultKey.String(result)}
	for _, key := range []attribute.Key{semconv.CICDPipelineNameKey, semconv.CICDPipelineTaskNameKey, semconv.CICDPipelineTaskTypeKey} {
		if v := valueOf(attrs, key); v != "" {
			set = append(set, key.String(v))
		}
	}
	duration.Record(ctx, d.Seconds(), metric.WithAttributes(set...))
}

// [END metrics]

// valueOf returns the value of key in attrs, or "".
func valueOf(attrs []attribute.KeyValue, key attribute.Key) string {
	for i := len(attrs) - 1; i >= 0; i-- { // the last one wins, as on a span
		if attrs[i].Key == key {
			return attrs[i].Value.Emit()
		}
	}
	return ""
}

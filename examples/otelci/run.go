package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"go.opentelemetry.io/contrib/propagators/envcar"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	semconv "go.opentelemetry.io/otel/semconv/v1.43.0"
	"go.opentelemetry.io/otel/trace"
)

const runUsage = `usage: otelci run [-level pipeline|job|step] [-name NAME] [-type build|test|deploy] -- COMMAND [ARG...]

Runs COMMAND inside a span and exits with its exit code. The span's parent is
the TRACEPARENT variable, if set; COMMAND gets TRACEPARENT of the new span, so
an otelci run inside it makes a child span.`

// runFlags are the options of otelci run.
type runFlags struct {
	level    string // pipeline, job or step
	name     string // the step's name
	taskType string // build, test or deploy
}

// runCmd wraps a command in a span: otelci run [flags] -- COMMAND [ARG...].
func runCmd(ctx context.Context, args []string) (int, error) {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var f runFlags
	fs.StringVar(&f.level, "level", "step", "pipeline (the run), job (a job of the CI) or step (a command of a job)")
	fs.StringVar(&f.name, "name", "", "the task's name (a step's default: the command's name; a job's: the CI's job variable)")
	fs.StringVar(&f.taskType, "type", "", "the step's cicd.pipeline.task.type: build, test or deploy")
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		return 2, errors.New(runUsage)
	}
	switch f.level {
	case "pipeline", "job", "step":
	default:
		return 2, fmt.Errorf("run: -level %q: want pipeline, job or step", f.level)
	}
	if f.name == "" && f.level == "step" {
		f.name = fs.Arg(0)
	}
	_, ciAttrs, err := ciAttributes(os.Getenv)
	if err != nil {
		return 1, err
	}
	return runTraced(ctx, f, ciAttrs, fs.Args())
}

// [START run]
// parentFromEnv returns ctx carrying the span context of the TRACEPARENT
// and TRACESTATE variables (and BAGGAGE), if they hold one: the span of the
// otelci run that started this process.
func parentFromEnv(ctx context.Context) context.Context {
	return otel.GetTextMapPropagator().Extract(ctx, &envcar.Carrier{})
}

// runTraced runs argv in a span, passes the span to it in TRACEPARENT and
// returns its exit code.
func runTraced(ctx context.Context, f runFlags, ciAttrs []attribute.KeyValue, argv []string) (int, error) {
	// The parent: whoever started this process wrote its span in TRACEPARENT.
	ctx = parentFromEnv(ctx)

	name, kind, attrs := spanShape(f, ciAttrs)
	attrs = append(attrs, semconv.ProcessCommandArgs(argv...))
	ctx, span := otel.Tracer("otelci").Start(ctx, name,
		trace.WithSpanKind(kind), trace.WithAttributes(attrs...))
	defer span.End()

	// The child: it finds this span in TRACEPARENT (and TRACESTATE, BAGGAGE).
	// os/exec keeps the last of two values of a variable: ours.
	env := os.Environ()
	otel.GetTextMapPropagator().Inject(ctx, &envcar.Carrier{SetEnvFunc: func(key, value string) {
		env = append(env, key+"="+value)
	}})

	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Env = env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	// On Ctrl-C or a CI cancel, let the command stop cleanly first.
	cmd.Cancel = func() error { return cmd.Process.Signal(syscall.SIGTERM) }
	cmd.WaitDelay = 10 * time.Second

	start := time.Now()
	runErr := cmd.Run()
	code, result := outcome(ctx, cmd, runErr)
	errType := errorType(code, result)
	recordRun(ctx, f.level, attrs, time.Since(start), result, errType)

	span.SetAttributes(semconv.ProcessExitCode(code), resultAttr(f.level, result))
	if result != "success" {
		span.SetAttributes(semconv.ErrorTypeKey.String(errType))
		span.SetStatus(codes.Error, runErr.Error())
	}
	if code < 0 {
		return 1, runErr
	}
	return code, nil
}

// [END run]

// spanShape names the span for its level, as the CI/CD conventions say: a
// pipeline run is a SERVER span "{action} {pipeline}", a task (job or step)
// an INTERNAL span named after the task.
func spanShape(f runFlags, ciAttrs []attribute.KeyValue) (string, trace.SpanKind, []attribute.KeyValue) {
	var attrs []attribute.KeyValue
	pipeline, task := "", ""
	for _, a := range ciAttrs {
		isTask := strings.HasPrefix(string(a.Key), "cicd.pipeline.task.")
		switch {
		case a.Key == semconv.CICDPipelineNameKey:
			pipeline = a.Value.AsString()
		case a.Key == semconv.CICDPipelineTaskNameKey:
			task = a.Value.AsString()
		}
		// A task's own ids belong to the job: a pipeline span has none, a
		// step gets its own name below.
		if isTask && (f.level != "job" || f.name != "" && a.Key == semconv.CICDPipelineTaskNameKey) {
			continue
		}
		attrs = append(attrs, a)
	}
	switch f.level {
	case "pipeline":
		attrs = append(attrs, semconv.CICDPipelineActionNameRun)
		return strings.TrimSpace("RUN " + pipeline), trace.SpanKindServer, attrs
	case "job":
		if f.name != "" { // a matrix job: the CI gives each the same name
			task = f.name
			attrs = append(attrs, semconv.CICDPipelineTaskName(task))
		}
		if task == "" {
			task = "job"
		}
		return task, trace.SpanKindInternal, attrs
	}
	attrs = append(attrs, semconv.CICDPipelineTaskName(f.name))
	if f.taskType != "" {
		attrs = append(attrs, semconv.CICDPipelineTaskTypeKey.String(f.taskType))
	}
	return f.name, trace.SpanKindInternal, attrs
}

// outcome returns the command's exit code (-1 when it did not start) and
// its result as the conventions name it.
func outcome(ctx context.Context, cmd *exec.Cmd, err error) (int, string) {
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, "success"
	case ctx.Err() != nil:
		return cmd.ProcessState.ExitCode(), "cancellation"
	case errors.As(err, &exit):
		return exit.ExitCode(), "failure"
	}
	return -1, "error"
}

// resultAttr is cicd.pipeline.result on a pipeline, else
// cicd.pipeline.task.run.result.
func resultAttr(level, result string) attribute.KeyValue {
	if level == "pipeline" {
		return semconv.CICDPipelineResultKey.String(result)
	}
	return semconv.CICDPipelineTaskRunResultKey.String(result)
}

// errorType is a low-cardinality error.type: the exit code, or the result
// when there is none.
func errorType(code int, result string) string {
	if code > 0 {
		return strconv.Itoa(code)
	}
	return result
}

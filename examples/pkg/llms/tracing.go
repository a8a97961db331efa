package llms

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer(instrumentationName)

// StartSpan starts a span named llms.<provider>.<operation>. Providers use it
// so that every span of the package looks alike; the caller ends the span.
func StartSpan(ctx context.Context, provider, operation string) (context.Context, trace.Span) {
	return startOperation(ctx, provider+"."+operation, attribute.String("llms.provider", provider))
}

// startOperation starts a span named llms.<name> with attrs.
func startOperation(ctx context.Context, name string, attrs ...attribute.KeyValue) (context.Context, trace.Span) {
	return tracer.Start(ctx, "llms."+name, trace.WithAttributes(attrs...))
}

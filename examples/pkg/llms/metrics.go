package llms

import (
	"context"
	"time"

	"github.com/example/aiframework/pkg/llms/iface"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/metric"
)

const requestsMetricName = "llms.requests"

// Metrics holds the llms instruments.
type Metrics struct {
	requests metric.Int64Counter
	duration metric.Float64Histogram
	failures metric.Int64Counter
	tokens   metric.Int64Counter
}

// NewMetrics creates the llms instruments on meter.
func NewMetrics(meter metric.Meter) (*Metrics, error) {
	requests, err := meter.Int64Counter(requestsMetricName, metric.WithDescription("Chat model requests."), metric.WithUnit("{request}"))
	if err != nil {
		return nil, err
	}
	duration, err := meter.Float64Histogram("llms.request.duration", metric.WithDescription("Chat model request duration."), metric.WithUnit("s"))
	if err != nil {
		return nil, err
	}
	failures, err := meter.Int64Counter("llms.errors", metric.WithDescription("Failed chat model requests."), metric.WithUnit("{request}"))
	if err != nil {
		return nil, err
	}
	tokens, err := meter.Int64Counter("llms.tokens", metric.WithDescription("Tokens produced."), metric.WithUnit("{token}"))
	if err != nil {
		return nil, err
	}
	return &Metrics{requests: requests, duration: duration, failures: failures, tokens: tokens}, nil
}

func (m *Metrics) recordRequest(ctx context.Context, provider string, elapsed time.Duration, resp *iface.Response, err error) {
	if m == nil {
		return
	}
	attrs := metric.WithAttributes(attribute.String("llms.provider", provider))
	m.requests.Add(ctx, 1, attrs)
	m.duration.Record(ctx, elapsed.Seconds(), attrs)
	if err != nil {
		m.failures.Add(ctx, 1, attrs)
		return
	}
	m.tokens.Add(ctx, int64(resp.OutputTokens), attrs)
}

package embeddings

import (
	"context"

	"go.opentelemetry.io/otel/metric"
)

// Metrics holds the embeddings instruments.
type Metrics struct {
	requests  metric.Int64Counter
	documents metric.Int64Counter
	duration  metric.Float64Histogram
}

// NewMetrics creates the embeddings instruments on meter.
func NewMetrics(meter metric.Meter) (*Metrics, error) {
	requests, err := meter.Int64Counter("EmbeddingRequestsTotal", metric.WithDescription("Embedding requests."))
	if err != nil {
		return nil, err
	}
	documents, err := meter.Int64Counter("embeddings.documents_total", metric.WithDescription("Documents embedded."), metric.WithUnit("{document}"))
	if err != nil {
		return nil, err
	}
	duration, err := meter.Float64Histogram("embeddings.request.duration", metric.WithDescription("Embedding request duration."), metric.WithUnit("s"))
	if err != nil {
		return nil, err
	}
	return &Metrics{requests: requests, documents: documents, duration: duration}, nil
}

func (m *Metrics) record(ctx context.Context, documents int, err error) {
	if m == nil {
		return
	}
	m.requests.Add(ctx, 1)
	if err == nil {
		m.documents.Add(ctx, int64(documents))
	}
}

package voice

import (
	"context"
	"time"

	"go.opentelemetry.io/otel/metric"
)

// Metrics holds the voice instruments.
type Metrics struct {
	sessions metric.Int64Counter
	duration metric.Float64Histogram
}

// NewMetrics creates the voice instruments on meter.
func NewMetrics(meter metric.Meter) (*Metrics, error) {
	sessions, err := meter.Int64Counter("voice.sessions", metric.WithDescription("Finished sessions."), metric.WithUnit("{session}"))
	if err != nil {
		return nil, err
	}
	duration, err := meter.Float64Histogram("voice.session.duration", metric.WithDescription("Session length."), metric.WithUnit("s"))
	if err != nil {
		return nil, err
	}
	return &Metrics{sessions: sessions, duration: duration}, nil
}

func (m *Metrics) sessionEnded(ctx context.Context, d time.Duration) {
	m.sessions.Add(ctx, 1)
	m.duration.Record(ctx, d.Seconds())
}

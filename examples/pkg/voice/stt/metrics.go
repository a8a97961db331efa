package stt

import "go.opentelemetry.io/otel/metric"

// Metrics holds the stt instruments.
type Metrics struct {
	transcriptions metric.Int64Counter
	audio          metric.Float64Histogram
}

// NewMetrics creates the stt instruments on meter.
func NewMetrics(meter metric.Meter) (*Metrics, error) {
	transcriptions, err := meter.Int64Counter("stt.transcriptions", metric.WithUnit("{transcription}"))
	if err != nil {
		return nil, err
	}
	audio, err := meter.Float64Histogram("stt.audio.duration", metric.WithUnit("s"))
	if err != nil {
		return nil, err
	}
	return &Metrics{transcriptions: transcriptions, audio: audio}, nil
}

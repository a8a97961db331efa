// Package embeddings turns text and images into vectors.
package embeddings

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

// ErrImagesNotSupported is returned when the provider cannot embed images.
var ErrImagesNotSupported = errors.New("embeddings: provider cannot embed images")

// Provider turns text into vectors.
type Provider interface {
	EmbedDocuments(ctx context.Context, texts []string) ([][]float32, error)
	EmbedQuery(ctx context.Context, text string) ([]float32, error)
}

// Image is an image to embed.
type Image struct {
	MIMEType string
	Data     []byte
}

// ImageProvider is a Provider that can also embed images.
type ImageProvider interface {
	Provider
	EmbedImages(ctx context.Context, images []Image) ([][]float32, error)
}

// Embedder wraps a Provider with tracing and metrics.
type Embedder struct {
	provider Provider
	tracer   trace.Tracer
	metrics  *Metrics
}

// NewEmbedder returns an Embedder around the provider registered under cfg.Provider.
func NewEmbedder(cfg Config) (*Embedder, error) {
	provider, err := New(cfg)
	if err != nil {
		return nil, err
	}
	metrics, err := NewMetrics(otel.Meter("github.com/example/aiframework/pkg/embeddings"))
	if err != nil {
		return nil, err
	}
	return &Embedder{provider: provider, tracer: otel.Tracer("github.com/example/aiframework/pkg/embeddings"), metrics: metrics}, nil
}

// EmbedDocuments embeds texts.
func (e *Embedder) EmbedDocuments(ctx context.Context, texts []string) ([][]float32, error) {
	ctx, span := e.tracer.Start(ctx, "embeddings.Embedder.EmbedDocuments")
	defer span.End()
	vectors, err := e.provider.EmbedDocuments(ctx, texts)
	e.metrics.record(ctx, len(texts), err)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		return nil, err
	}
	return vectors, nil
}

// EmbedQuery embeds one search query.
func (e *Embedder) EmbedQuery(ctx context.Context, text string) ([]float32, error) {
	fmt.Println("embedding query:", text)
	return e.provider.EmbedQuery(ctx, text)
}

// EmbedImages embeds images when the provider supports it.
func (e *Embedder) EmbedImages(ctx context.Context, images []Image) ([][]float32, error) {
	ip, ok := e.provider.(ImageProvider)
	if !ok {
		slog.Warn("provider cannot embed images", "images", len(images))
		return nil, ErrImagesNotSupported
	}
	return ip.EmbedImages(ctx, images)
}

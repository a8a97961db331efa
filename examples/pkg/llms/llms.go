// Package llms gives one API over many chat-model providers, with tracing,
// metrics and logs built in. Providers live in providers/ and register
// themselves with GetRegistry() in init().
package llms

import (
	"context"
	"log/slog"
	"time"

	"github.com/example/aiframework/pkg/llms/iface"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/trace"
)

const instrumentationName = "github.com/example/aiframework/pkg/llms"

// Client wraps a provider's ChatModel with tracing, metrics and logging.
type Client struct {
	provider string
	model    iface.ChatModel
	tracer   trace.Tracer
	metrics  *Metrics
	logger   *slog.Logger
}

// NewClient builds a Client for the provider named in cfg.
func NewClient(cfg Config, logger *slog.Logger) (*Client, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	model, err := GetRegistry().Create(cfg.Provider, cfg)
	if err != nil {
		return nil, err
	}
	metrics, err := NewMetrics(otel.Meter(instrumentationName))
	if err != nil {
		return nil, err
	}
	return &Client{
		provider: cfg.Provider,
		model:    model,
		tracer:   otel.Tracer(instrumentationName),
		metrics:  metrics,
		logger:   logger,
	}, nil
}

// Generate sends messages to the model and returns its answer.
func (c *Client) Generate(ctx context.Context, messages []iface.Message) (*iface.Response, error) {
	ctx, span := c.tracer.Start(ctx, "llms.Client.Generate", trace.WithAttributes(attribute.String("llms.provider", c.provider)))
	defer span.End()
	start := time.Now()
	resp, err := c.model.Generate(ctx, messages)
	c.metrics.recordRequest(ctx, c.provider, time.Since(start), resp, err)
	sc := trace.SpanContextFromContext(ctx)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		c.logger.ErrorContext(ctx, "generation failed",
			slog.String("provider", c.provider), slog.String("trace_id", sc.TraceID().String()), slog.Any("error", err))
		return nil, NewError("Generate", ErrCodeProvider, err)
	}
	c.logger.InfoContext(ctx, "generation completed",
		slog.String("provider", c.provider), slog.String("trace_id", sc.TraceID().String()), slog.Int("output_tokens", resp.OutputTokens))
	return resp, nil
}

// Stream streams the model's answer. The span ends when the stream is drained.
func (c *Client) Stream(ctx context.Context, messages []iface.Message) (<-chan iface.Chunk, error) {
	ctx, span := startOperation(ctx, "Client.Stream", attribute.String("llms.provider", c.provider))
	chunks, err := c.model.Stream(ctx, messages)
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
		span.End()
		return nil, NewError("Stream", ErrCodeProvider, err)
	}
	out := make(chan iface.Chunk)
	go func() {
		defer span.End()
		defer close(out)
		for chunk := range chunks {
			out <- chunk
		}
	}()
	return out, nil
}

// Batch answers several independent conversations, one Generate call each.
func (c *Client) Batch(ctx context.Context, conversations [][]iface.Message) ([]*iface.Response, error) {
	out := make([]*iface.Response, len(conversations))
	for i, messages := range conversations {
		resp, err := c.Generate(ctx, messages)
		if err != nil {
			return nil, err
		}
		out[i] = resp
	}
	return out, nil
}

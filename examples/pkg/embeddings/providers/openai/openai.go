// Package openai embeds text with the OpenAI embeddings API. Importing it
// registers "openai" with embeddings.Register.
package openai

import (
	"context"

	"github.com/example/aiframework/pkg/embeddings"
	goopenai "github.com/sashabaranov/go-openai"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/trace"
)

func init() {
	embeddings.Register("openai", New)
}

// Provider calls the OpenAI embeddings API.
type Provider struct {
	client *goopenai.Client
	model  goopenai.EmbeddingModel
	tracer trace.Tracer
}

// New builds a Provider from cfg.
func New(cfg embeddings.Config) (embeddings.Provider, error) {
	return &Provider{
		client: goopenai.NewClient(cfg.APIKey),
		model:  goopenai.EmbeddingModel(cfg.Model),
		tracer: otel.Tracer("github.com/example/aiframework/pkg/embeddings/providers/openai"),
	}, nil
}

// EmbedDocuments embeds texts in one request.
func (p *Provider) EmbedDocuments(ctx context.Context, texts []string) ([][]float32, error) {
	ctx, span := p.tracer.Start(ctx, "embeddings.openai.EmbedDocuments")
	defer span.End()
	resp, err := p.client.CreateEmbeddings(ctx, goopenai.EmbeddingRequestStrings{Input: texts, Model: p.model})
	if err != nil {
		span.RecordError(err)
		return nil, err
	}
	out := make([][]float32, len(resp.Data))
	for i, d := range resp.Data {
		out[i] = d.Embedding
	}
	return out, nil
}

// EmbedQuery embeds one query.
func (p *Provider) EmbedQuery(ctx context.Context, text string) ([]float32, error) {
	vectors, err := p.EmbedDocuments(ctx, []string{text})
	if err != nil {
		return nil, err
	}
	return vectors[0], nil
}

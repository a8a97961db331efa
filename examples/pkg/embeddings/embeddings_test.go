package embeddings

import (
	"context"
	"testing"

	"go.opentelemetry.io/otel"
)

func newTestEmbedder(dim int) *Embedder {
	return &Embedder{provider: &MockProvider{Dimensions: dim}, tracer: otel.Tracer("test")}
}

func TestEmbedDocuments(t *testing.T) {
	got, err := newTestEmbedder(8).EmbedDocuments(context.Background(), []string{"a", "b"})
	if err != nil || len(got) != 2 || len(got[0]) != 8 {
		t.Fatalf("EmbedDocuments() = %v, %v", got, err)
	}
}

func BenchmarkEmbedDocuments(b *testing.B) {
	e := newTestEmbedder(1536)
	texts := []string{"a", "b", "c"}
	for i := 0; i < b.N; i++ {
		_, _ = e.EmbedDocuments(context.Background(), texts)
	}
}

func BenchmarkEmbedDocumentsBaseline(b *testing.B) {
	p := &MockProvider{Dimensions: 1536}
	texts := []string{"a", "b", "c"}
	for i := 0; i < b.N; i++ {
		_, _ = p.EmbedDocuments(context.Background(), texts)
	}
}

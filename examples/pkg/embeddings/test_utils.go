package embeddings

import "context"

// MockProvider returns vectors of a fixed dimension.
type MockProvider struct {
	Dimensions int
	Err        error
}

// EmbedDocuments returns one zero vector per text.
func (m *MockProvider) EmbedDocuments(ctx context.Context, texts []string) ([][]float32, error) {
	if m.Err != nil {
		return nil, m.Err
	}
	out := make([][]float32, len(texts))
	for i := range out {
		out[i] = make([]float32, m.Dimensions)
	}
	return out, nil
}

// EmbedQuery returns a zero vector.
func (m *MockProvider) EmbedQuery(ctx context.Context, text string) ([]float32, error) {
	if m.Err != nil {
		return nil, m.Err
	}
	return make([]float32, m.Dimensions), nil
}
